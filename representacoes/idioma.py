"""O JupyterLab inteiro em português: o catálogo do curso e a sua aplicação.

O pacote da comunidade (jupyterlab-language-pack-pt-BR) traduz só parte dos
textos do JupyterLab. O curso mantém, em idioma/, a lista de todos os textos
da versão fixada do JupyterLab (idioma/jupyterlab.pot) e a sua própria
tradução dos que o pacote não traduz (idioma/jupyterlab-pt_BR.po). Este script:

  catalogo  refaz idioma/jupyterlab.pot a partir do JupyterLab instalado no
            .venv: as chamadas trans.__/_n/_p/_np dos arquivos JavaScript que
            o servidor entrega, os textos dos esquemas de configurações
            (títulos, descrições, menus, barras de ferramentas) e os do
            servidor (Python). Rode depois de mudar a versão do JupyterLab.
  faltam    escreve um .po com os textos do .pot que nem o pacote da
            comunidade nem o catálogo do curso traduzem (para traduzir).
  aplica    junta o catálogo do curso ao jupyterlab.json e ao jupyterlab.mo
            do pacote instalado. Nunca troca um texto que o pacote já
            traduz. Pode ser rodado quantas vezes quiser: confere por SHA-256
            se o pacote (ou o catálogo) mudou e, se não mudou, não faz nada.
            Depois de atualizar o pacote, rodar de novo basta.
  testa     inicia o JupyterLab do .venv em 127.0.0.1 e conta, na tradução
            que ele serve em /lab/api/translations/pt_BR, os textos do .pot
            sem tradução. Termina com "idioma: N passed, M failed".

Uso: python -m representacoes idioma {catalogo|faltam|aplica|testa}
"""

import contextlib
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import RAIZ  # noqa: E402
PASTA = RAIZ / "idioma"
POT = PASTA / "jupyterlab.pot"
PO = PASTA / "jupyterlab-pt_BR.po"
DOMINIO = "jupyterlab"
SEP = "\u0004"  # separa o contexto do texto nas chaves do formato Jed
MARCA = "representacoes-po-sha256"  # no cabeçalho do .json completado: o SHA-256 do nosso .po

# Os oito menus principais, como o aluno deve vê-los.
MENUS = {
    "File": "Arquivo", "Edit": "Editar", "View": "Exibir", "Run": "Executar",
    "Kernel": "Kernel", "Tabs": "Abas", "Settings": "Configurações", "Help": "Ajuda",
}


# ---------------------------------------------------------------------------
# Catálogo: a lista de textos do JupyterLab instalado
# ---------------------------------------------------------------------------
FUNCOES = {  # nome → papéis dos argumentos literais
    "__": "t", "gettext": "t", "_n": "tp", "ngettext": "tp",
    "_p": "ct", "pgettext": "ct", "_np": "ctp", "npgettext": "ctp",
}
CHAMADA = re.compile(r"\.(__|gettext|_n|ngettext|_p|pgettext|_np|npgettext)\(")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _literal(src, i):
    """Lê um literal de texto do JavaScript em src[i:] (aspas, apóstrofos ou
    crases sem ${}); devolve (texto, posição depois dele) ou (None, i)."""
    while i < len(src) and src[i] in " \t\r\n":
        i += 1
    if i >= len(src) or src[i] not in "\"'`":
        return None, i
    aspa, i, partes = src[i], i + 1, []
    while i < len(src):
        c = src[i]
        if c == aspa:
            return "".join(partes), i + 1
        if aspa == "`" and src.startswith("${", i):
            return None, i
        if c == "\\":
            n = src[i + 1]
            if n == "u" and src[i + 2] == "{":
                fim = src.index("}", i)
                partes.append(chr(int(src[i + 3:fim], 16)))
                i = fim + 1
                continue
            if n == "u":
                partes.append(chr(int(src[i + 2:i + 6], 16)))
                i += 6
                continue
            if n == "x":
                partes.append(chr(int(src[i + 2:i + 4], 16)))
                i += 4
                continue
            if n == "\n":  # continuação de linha
                i += 2
                continue
            partes.append(ESCAPES.get(n, n))
            i += 2
            continue
        partes.append(c)
        i += 1
    return None, i


def _textos_js(pasta):
    """(contexto, texto, plural) de cada chamada com argumentos literais."""
    for arq in sorted(Path(pasta).glob("*.js")):
        src = arq.read_text(encoding="utf-8", errors="replace")
        for m in CHAMADA.finditer(src):
            papeis, i, valores = FUNCOES[m.group(1)], m.end(), {}
            for k, papel in enumerate(papeis):
                v, i = _literal(src, i)
                if v is None:
                    break
                valores[papel] = v
                if k < len(papeis) - 1:
                    while i < len(src) and src[i] in " \t\r\n":
                        i += 1
                    if i >= len(src) or src[i] != ",":
                        break
                    i += 1
            if len(valores) == len(papeis):
                yield valores.get("c"), valores["t"], valores.get("p"), None


# Os mesmos seletores do jupyterlab-translate (a ferramenta que gera o .pot oficial).
SELETORES = {
    "title": "schema", "description": "schema",
    "properties/.*/title": "settings", "properties/.*/description": "settings",
    "definitions/.*/properties/.*/title": "settings",
    "definitions/.*/properties/.*/description": "settings",
    r"jupyter\.lab\.setting-icon-label": "settings",
    r"jupyter\.lab\.menus/.*/label": "menu",
    r"jupyter\.lab\.metadataforms/.*/label": "metadataforms",
    r"jupyter\.lab\.toolbars/.*/label": "toolbar",
    r"jupyter\.lab\.toolbars/.*/caption": "toolbar",
}


def _textos_esquema(esquema, ref, prefixo="", padroes=None):
    if padroes is None:
        extras = esquema.get("jupyter.lab.internationalization", {}).get("selectors", [])
        sel = {**SELETORES, **{s: "schema" for s in extras}}
        padroes = [(re.compile("^/" + p + "$"), c) for p, c in sel.items()]
    for chave, valor in esquema.items():
        caminho = prefixo + "/" + chave
        if isinstance(valor, str):
            for padrao, ctx in padroes:
                if padrao.fullmatch(caminho):
                    yield ctx, valor, None, ref
                    break
        elif isinstance(valor, dict):
            yield from _textos_esquema(valor, ref, caminho, padroes)
        elif isinstance(valor, list):
            for k, elem in enumerate(valor):
                if isinstance(elem, dict):
                    yield from _textos_esquema(elem, ref, f"{caminho}[{k}]", padroes)


def _textos_python(pasta):
    from babel.messages.extract import extract_from_file

    chaves = {"gettext": None, "__": None, "ngettext": (1, 2), "_n": (1, 2),
              "pgettext": ((1, "c"), 2), "_p": ((1, "c"), 2)}
    for sub in ("extensions", "handlers"):
        for arq in sorted((pasta / sub).glob("*.py")):
            with contextlib.redirect_stderr(io.StringIO()):  # avisos do babel sobre f-strings (não traduzíveis)
                achados = list(extract_from_file("python", str(arq), keywords=chaves))
            for _linha, msg, _com, ctx in achados:
                if isinstance(msg, tuple):
                    yield ctx, msg[0], msg[1], None
                else:
                    yield ctx, msg, None, None


def le_catalogo(caminho):
    from babel.messages.pofile import read_po

    with open(caminho, "rb") as f:
        return read_po(f)


def chave(msg):
    """A chave do formato Jed: o texto, ou "contexto\\u0004texto"."""
    mid = msg.id[0] if isinstance(msg.id, (tuple, list)) else msg.id
    return (msg.context + SEP + mid) if msg.context else mid


def catalogo():
    import jupyterlab
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    lab = Path(sys.prefix) / "share" / "jupyter" / "lab"
    textos = list(_textos_js(lab / "static"))
    for arq in sorted((lab / "schemas").rglob("*.json")):
        ref = "/" + str(arq.relative_to(lab / "schemas"))
        textos += _textos_esquema(json.loads(arq.read_text(encoding="utf-8")), ref)
    textos += _textos_python(Path(jupyterlab.__file__).parent)

    juntos = {}  # (contexto, texto) → [plural, locais]
    for ctx, txt, plural, ref in textos:
        if not txt:
            continue
        item = juntos.setdefault((ctx, txt), [None, set()])
        item[0] = item[0] or plural  # o mesmo texto com e sem plural: fica o plural (como no Jed)
        if ref:
            item[1].add(ref)
    cat = Catalog(project="jupyterlab", version=jupyterlab.__version__, fuzzy=False,
                  header_comment=(
                      f"# Todos os textos traduzíveis do JupyterLab {jupyterlab.__version__} (domínio jupyterlab),\n"
                      "# extraídos do JupyterLab instalado por python -m representacoes idioma catalogo."))
    for (ctx, txt), (plural, refs) in sorted(juntos.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        cat.add((txt, plural) if plural else txt, context=ctx, locations=[(r, None) for r in sorted(refs)])
    buf = io.BytesIO()
    write_po(buf, cat, width=0, omit_header=False, sort_output=False, include_lineno=False)
    novo = buf.getvalue()
    sem_data = lambda b: re.sub(rb'"POT-Creation-Date: [^"]*"', b"", b)  # noqa: E731
    if POT.exists() and sem_data(POT.read_bytes()) == sem_data(novo):
        novo = POT.read_bytes()  # os mesmos textos: o arquivo fica como está (com a data antiga)
    PASTA.mkdir(exist_ok=True)
    POT.write_bytes(novo)
    n_plural = sum(1 for p, _ in juntos.values() if p)
    n_ctx = sum(1 for c, _ in juntos if c)
    print(f"✔ {POT.relative_to(RAIZ)}: {len(juntos)} textos do JupyterLab {jupyterlab.__version__} "
          f"({n_plural} com plural, {n_ctx} com contexto)")


# ---------------------------------------------------------------------------
# O pacote da comunidade e a junção
# ---------------------------------------------------------------------------
def pasta_pacote():
    import importlib.util

    spec = importlib.util.find_spec("jupyterlab_language_pack_pt_BR")
    if spec is None:
        sys.exit("✘ o pacote jupyterlab-language-pack-pt-BR não está instalado neste Python.")
    return Path(spec.submodule_search_locations[0]) / "locale" / "pt_BR" / "LC_MESSAGES"


def pasta_registro():
    # Fora do pacote: o pip não a apaga, e uma versão nova do pacote é reconhecida pelo SHA-256.
    return Path(sys.prefix) / "share" / "jupyter" / "representacoes-idioma"


def traduzido(valor):
    return isinstance(valor, list) and len(valor) > 0 and all(isinstance(v, str) and v for v in valor)


def sha(caminho):
    return hashlib.sha256(Path(caminho).read_bytes()).hexdigest()


def nossas_traducoes():
    """Chave Jed → lista de formas (1, ou 2 com plural) do catálogo do curso."""
    res = {}
    for msg in le_catalogo(PO):
        if not msg.id or msg.fuzzy:
            continue
        formas = list(msg.string) if isinstance(msg.string, (tuple, list)) else [msg.string]
        if all(formas):
            res[chave(msg)] = (msg, formas)
    return res


def junta(original, nossas):
    """O jupyterlab.json do pacote + as nossas traduções do que ele não traduz.
    Devolve o dicionário novo e as entradas acrescentadas ou completadas."""
    novo, mudadas = dict(original), {}
    for k, (msg, formas) in nossas.items():
        atual = original.get(k)
        if traduzido(atual):
            continue  # o pacote já traduz: fica o dele
        if isinstance(atual, list) and any(atual):
            # o pacote traduz só parte das formas (singular sem plural): completamos só as vazias
            atual = atual + [""] * (len(formas) - len(atual))
            formas = [a or f for a, f in zip(atual, formas)]
        novo[k] = formas
        mudadas[k] = (msg, formas)
    return novo, mudadas


def escreve_mo(mo_original, destino, mudadas):
    """O .mo do pacote + as mesmas entradas acrescentadas ao .json."""
    from babel.messages.mofile import read_mo, write_mo

    with open(mo_original, "rb") as f:
        cat = read_mo(f)
    for msg, formas in mudadas.values():
        if msg.pluralizable:
            cat.add(msg.id, tuple(formas), context=msg.context)
        else:
            cat.add(msg.id, formas[0], context=msg.context)
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    Path(destino).write_bytes(buf.getvalue())


def aplica():
    lc = pasta_pacote()
    reg_dir = pasta_registro()
    reg_dir.mkdir(parents=True, exist_ok=True)
    reg_arq = reg_dir / "registro.json"
    registro = json.loads(reg_arq.read_text()) if reg_arq.exists() else {}
    js, mo = lc / f"{DOMINIO}.json", lc / f"{DOMINIO}.mo"
    soma_po = sha(PO)
    atual = {"json": sha(js), "mo": sha(mo)}
    if registro.get("po") == soma_po and registro.get("depois") == atual:
        print(f"✔ catálogo do curso já aplicado ao pacote pt-BR ({registro.get('acrescentados')} textos nossos)")
        return
    # O original é o arquivo do pacote como a comunidade o fez: o instalado,
    # se mudou desde a última junção (pacote novo), ou a cópia guardada.
    # (O .json completado leva a marca MARCA no cabeçalho: mesmo sem o registro,
    # não o tomamos pelo original.)
    marcado = MARCA in json.loads(js.read_text(encoding="utf-8")).get("", {})
    originais = {}
    for nome, caminho in (("json", js), ("mo", mo)):
        copia = reg_dir / f"{caminho.name}.comunidade"
        nosso = registro.get("depois", {}).get(nome) == atual[nome] or (nome == "json" and marcado)
        if nosso and copia.exists():
            originais[nome] = copia
        else:
            shutil.copyfile(caminho, copia)
            originais[nome] = copia
    original = json.loads(originais["json"].read_text(encoding="utf-8"))
    final, mudadas = junta(original, nossas_traducoes())
    acrescentados = len(mudadas)
    final[""] = {**final.get("", {}), MARCA: soma_po}
    tmp = mo.with_suffix(".mo.tmp")  # o .mo primeiro: o .json (com a marca) por último
    escreve_mo(originais["mo"], tmp, mudadas)
    os.replace(tmp, mo)
    tmp = js.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(final, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp, js)
    registro = {"po": soma_po, "depois": {"json": sha(js), "mo": sha(mo)}, "acrescentados": acrescentados,
                "comunidade": sum(1 for k, v in original.items() if k and traduzido(v))}
    reg_arq.write_text(json.dumps(registro, indent=1) + "\n")
    print(f"✔ pacote pt-BR completado: {registro['comunidade']} textos da comunidade + "
          f"{acrescentados} do catálogo do curso (idioma/{PO.name})")


# ---------------------------------------------------------------------------
# O que falta traduzir
# ---------------------------------------------------------------------------
def faltam(traducoes):
    """Mensagens do .pot sem tradução em `traducoes` (dicionário Jed)."""
    return [m for m in le_catalogo(POT) if m.id and not traduzido(traducoes.get(chave(m)))]


def escreve_faltam(destino):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    comunidade = json.loads((pasta_pacote() / f"{DOMINIO}.json").read_text(encoding="utf-8"))
    copia = pasta_registro() / f"{DOMINIO}.json.comunidade"
    if copia.exists():
        comunidade = json.loads(copia.read_text(encoding="utf-8"))
    nossas = {k: f for k, (_m, f) in nossas_traducoes().items()} if PO.exists() else {}
    falta = [m for m in faltam({**nossas, **{k: v for k, v in comunidade.items() if traduzido(v)}})]
    cat = Catalog(locale="pt_BR", project="jupyterlab", fuzzy=False)
    for m in falta:
        cat.add(m.id, ("", "") if m.pluralizable else "", context=m.context, locations=m.locations)
    with open(destino, "wb") as f:
        write_po(f, cat, width=0, include_lineno=False)
    print(f"{len(falta)} textos sem tradução → {destino}")


# ---------------------------------------------------------------------------
# Teste: a tradução servida pelo JupyterLab
# ---------------------------------------------------------------------------
def _porta_livre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _placeholders(texto):
    return sorted(re.findall(r"%\d+|\$|\{[a-zA-Z_]*\}|`[^`]*`", texto))


def testa(conta):
    """As conferências da tradução servida, contadas em conta."""
    confere = conta.confere

    inicio = time.monotonic()
    # O catálogo do curso, conferido sem servidor.
    nossas = nossas_traducoes()
    pot = {chave(m): m for m in le_catalogo(POT) if m.id}
    def preserva(m, formas):
        if not m.pluralizable:
            return _placeholders(formas[0]) == _placeholders(m.id)
        return (len(formas) == 2 and _placeholders(formas[1]) == _placeholders(m.id[1])
                and _placeholders(formas[0]) in (_placeholders(m.id[0]), _placeholders(m.id[1])))

    ruins = [k for k, (m, formas) in nossas.items() if not preserva(m, formas)]
    confere("idioma/jupyterlab-pt_BR.po: marcadores (%1, {x}, `código`) e formas de plural preservados",
            not ruins, "; ".join(ruins[:5]))
    fora = [k for k in nossas if k not in pot]
    confere("idioma/jupyterlab-pt_BR.po: só textos do .pot", not fora, "; ".join(fora[:5]))

    reg_arq = pasta_registro() / "registro.json"
    registro = json.loads(reg_arq.read_text()) if reg_arq.exists() else {}
    instalado = sha(pasta_pacote() / f"{DOMINIO}.json")
    confere("o catálogo do repositório está aplicado ao pacote instalado",
            registro.get("po") == sha(PO) and registro.get("depois", {}).get("json") == instalado,
            "rode scripts/setup.sh (ou python -m representacoes idioma aplica)")

    tmp = Path(tempfile.mkdtemp(prefix="representacoes-idioma-"))
    porta, token = _porta_livre(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp / "config")}
    # As configurações do usuário do curso (o idioma), numa cópia.
    usuario = Path(sys.prefix) / "share" / "jupyter" / "lab" / "user-settings"
    if usuario.is_dir():
        shutil.copytree(usuario, tmp / "config")
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={porta}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "jupyter.log", "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{porta}"

    def pega(caminho):
        req = urllib.request.Request(base + caminho, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.loads(r.read().decode("utf-8"))

    try:
        # Espera o servidor responder (até 90 s), sem pausa fixa: tenta de novo a cada 0,2 s.
        fim, dados, erro = time.monotonic() + 90, None, ""
        while time.monotonic() < fim and proc.poll() is None:
            try:
                dados = pega("/lab/api/translations/pt_BR")
                break
            except OSError as e:
                erro = str(e)
                time.sleep(0.2)
        if dados is None:
            log.flush()
            confere("o JupyterLab serve /lab/api/translations/pt_BR", False,
                    f"{erro}; fim do log: {(tmp / 'jupyter.log').read_text(errors='replace')[-1500:]}")
            return
        servido = dados.get("data", {}).get(DOMINIO, {})
        confere("o JupyterLab serve /lab/api/translations/pt_BR com o domínio jupyterlab", bool(servido),
                f"domínios servidos: {', '.join(sorted(dados.get('data', {})))}")
        falta = faltam(servido)
        lista = "; ".join(repr(chave(m)) for m in falta[:15])
        confere(f"todos os {len(pot)} textos do JupyterLab {le_catalogo(POT).version} têm tradução servida",
                not falta, f"{len(falta)} sem tradução: {lista}")
        menus = {k: servido.get("menu" + SEP + k, [None])[0] for k in MENUS}
        confere("os oito menus principais em português", menus == MENUS,
                ", ".join(f"{k}→{v}" for k, v in menus.items()))
        copia = pasta_registro() / f"{DOMINIO}.json.comunidade"
        if copia.exists():
            comunidade = json.loads(copia.read_text(encoding="utf-8"))
            trocados = [k for k, v in comunidade.items() if k and traduzido(v) and servido.get(k) != v]
            confere(f"nenhuma das {sum(1 for k, v in comunidade.items() if k and traduzido(v))} traduções "
                    "da comunidade foi trocada", not trocados, "; ".join(map(repr, trocados[:5])))
        else:
            confere("o catálogo do curso foi aplicado (python -m representacoes idioma aplica)", False,
                    f"não achei {copia}")
        cfg = pega("/lab/api/settings/@jupyterlab/translation-extension:plugin")
        local = cfg.get("settings", {}).get("locale") or json.loads(cfg.get("raw") or "{}").get("locale")
        padrao = cfg.get("schema", {}).get("properties", {}).get("locale", {}).get("default")
        confere("o idioma padrão é pt_BR", "pt_BR" in (local, padrao), f"usuário: {local}, padrão: {padrao}")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"({time.monotonic() - inicio:.1f} s)")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    acao = argv[0] if argv else ""
    if acao == "catalogo":
        catalogo()
    elif acao == "aplica":
        aplica()
    elif acao == "faltam":
        escreve_faltam(argv[1] if len(argv) > 1 else "/tmp/faltam.po")
    elif acao == "testa":
        from .conta import Conta  # só aqui: o setup roda "aplica" com só este módulo, o __init__ e o __main__

        conta = Conta("idioma")
        try:
            testa(conta)
        except Exception as e:  # o teste sempre termina com a linha de contagem
            conta.confere("o teste do idioma terminou", False, repr(e))
        return conta.fim()
    else:
        print(__doc__, file=sys.stderr)
        return 1
    return 0
