"""O site do curso: as lições como o aluno as vê antes de resolver, com as
saídas de uma execução, mais as páginas de site/paginas/ (instalar, turma,
motor, manutenção, glossário), a página inicial e as referências de todas as
lições, geradas aqui. O Sphinx (com o myst-nb e o sphinx-book-theme, fixados
em docker/site-requirements.txt) escreve o HTML; o MathJax vem do npm
(site/package.json), copiado para dentro do site: nenhuma requisição sai da
página. Quem prepara tudo é o scripts/site.sh.

As lições são as de notebooks/ (toda lição nova entra sozinha). As saídas:

  * modo rápido (o do CI): as lições executadas pelos testes (a execução com
    as soluções, que treina do zero), em saidas/imagem/notebooks/ ou
    saidas/notebooks/ (a mais nova);
  * modo completo (o site publicado): as do scripts/resultados.sh, em
    saidas/completo/.

Das duas, a página mostra as saídas, mas não o código das soluções: cada
exercício volta ao enunciado, sem saída, e cada verificação vira uma nota que
explica o que ela faz (celulas.vista_do_aluno).

Uma célula com erro na execução, uma lição sem execução ou uma execução de
outro código param o site, com a lição e a célula.

Uso: python -m representacoes.site [--completo] [--saidas PASTA] [--destino saidas/site]
"""

import argparse
import json
import re
import runpy
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from . import RAIZ, celulas

MODOS = {
    "rapido": {
        "nome": "modo rápido",
        "pastas": ["saidas/imagem/notebooks", "saidas/notebooks"],
        "sufixos": ["-solucoes.ipynb", "-entregue.ipynb"],
        "texto": ("as saídas desta página (figuras, números, barras de progresso) vêm do **modo rápido**, o dos "
                  "testes: menos dados e menos passos de treino, para a lição rodar em um ou dois minutos. No modo "
                  "completo, o que a lição roda no JupyterLab por padrão, os números são os que o texto promete."),
    },
    "completo": {
        "nome": "modo completo",
        "pastas": ["saidas/completo"],
        "sufixos": ["-solucoes-completo.ipynb"],
        "texto": ("as saídas desta página (figuras, números, barras de progresso) vêm do **modo completo**, o que "
                  "a lição roda no JupyterLab por padrão: todos os dados e passos de treino "
                  "(`scripts/resultados.sh`)."),
    },
}

AVISO_VERIFICACAO = nbformat.v4.new_output("display_data", data={"text/html": (
    '<div class="site-verificacao">🔎 <b>A verificação.</b> No JupyterLab, esta célula confere o seu código da '
    "célula acima em vários casos e responde <b>✅</b> ou <b>❌</b> com o caso que falhou (entrada, esperado, "
    "obtido) e uma dica. Aqui no site ela não roda: abra a lição no JupyterLab para resolver o exercício.</div>")})


# Os rótulos que o tema escreve em inglês direto no HTML (sem passar pela
# tradução: o resto está em site/locale/pt_BR/LC_MESSAGES/sphinx.po).
ROTULOS_FIXOS = {
    'title="Toggle primary sidebar"': 'title="Mostrar ou esconder o menu das páginas"',
    'title="Toggle secondary sidebar"': 'title="Mostrar ou esconder o sumário da página"',
    'aria-label="Main"': 'aria-label="Páginas do curso"',
    'aria-label="Page"': 'aria-label="Página"',
}


# Os documentos da raiz do repositório que entram no site como páginas.
DOCUMENTOS = ["ARQUITETURA.md", "ROTEIRO.md", "DESEMPENHO.md", "MOTORES.md"]


class ErroDoSite(Exception):
    pass


def licoes():
    """As lições do curso: notebooks/NN-*.ipynb, na ordem."""
    return sorted((RAIZ / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def titulo(nb):
    """O título da lição: o primeiro "# " da primeira célula markdown."""
    for c in nb.cells:
        if c.cell_type == "markdown":
            for linha in celulas.fonte(c).splitlines():
                if linha.startswith("# "):
                    return linha[2:].strip()
    return "(sem título)"


def execucao(licao, modo, saidas=None):
    """O notebook executado da lição no modo (o mais novo das pastas), ou ErroDoSite."""
    pastas = [Path(saidas)] if saidas else [RAIZ / p for p in MODOS[modo]["pastas"]]
    candidatos = [p / (licao.stem + s) for p in pastas for s in MODOS[modo]["sufixos"]]
    achados = [c for c in candidatos if c.exists()]
    if not achados:
        raise ErroDoSite(f"{licao.name}: não achei a lição executada no {MODOS[modo]['nome']} "
                         f"(procurei {', '.join(str(c.relative_to(RAIZ) if c.is_relative_to(RAIZ) else c) for c in candidatos)}). "
                         + ("Rode: bash testes/notebooks/testa.sh " if modo == "rapido" else "Rode: scripts/resultados.sh ")
                         + f"notebooks/{licao.name}")
    # A pasta com a execução mais nova; dentro dela, a ordem dos sufixos (a execução com as
    # soluções primeiro: ela treinou do zero e mostra as barras de progresso; a "como entregue",
    # que roda depois, reaproveita os treinos).
    pasta = max({c.parent for c in achados}, key=lambda p: max(c.stat().st_mtime for c in achados if c.parent == p))
    return next(c for c in achados if c.parent == pasta)


def poe_depois_do_titulo(nb, celula):
    """Põe o texto de celula logo abaixo do título da lição (a linha "# " da
    primeira célula markdown), para o aviso aparecer no topo da página."""
    for c in nb.cells:
        if c.cell_type == "markdown":
            linhas = celulas.fonte(c).split("\n")
            i = next((i for i, l in enumerate(linhas) if l.startswith("# ")), None)
            if i is not None:
                c.source = "\n".join(linhas[:i + 1] + ["", celula.source, ""] + linhas[i + 1:])
                return
    nb.cells.insert(0, celula)


def erros(nb, nome):
    """As células com erro de uma execução, uma linha por célula."""
    ruins = []
    for i, c in enumerate(nb.cells):
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                ident = c.get("id", "?")
                ruins.append(f"{nome}: a célula {i} (id {ident}) terminou com erro: "
                             f"{o.get('ename')}: {o.get('evalue')}"[:600])
    return ruins


def referencias(nb):
    """O texto da seção de referências da lição ("## Para saber mais" ou "## Referências"), ou ""."""
    for c in nb.cells:
        if c.cell_type != "markdown":
            continue
        texto = celulas.fonte(c)
        m = re.search(r"^## (Para saber mais|Referências)[^\n]*\n(.*?)(?=^#{1,2} |\Z)", texto, re.S | re.M)
        if m:
            return m.group(2).strip()
    return ""


def endereco_no_hub(hub, licao):
    """O endereço da lição no JupyterHub da turma (a pasta de cada aluno é a raiz do JupyterLab
    dele: docker/inicia.sh), ou "" sem hub."""
    if not hub:
        return ""
    return f"{hub.rstrip('/')}/hub/user-redirect/lab/tree/{licao.name}"


def hub_da_configuracao():
    """A variável representacoes_jupyterhub de site/conf.py."""
    return runpy.run_path(str(RAIZ / "site" / "conf.py")).get("representacoes_jupyterhub", "")


def links_para_licoes(texto):
    """Um texto de uma lição, para uma página da raiz do site: os links relativos (figuras/…,
    01-cnn.ipynb) passam a apontar para licoes/; os externos e as âncoras ficam."""
    return re.sub(r"\]\((?![a-z]+:|#|/)", "](licoes/", texto)


def prepara(modo, fonte, saidas=None, hub=""):
    """Escreve em fonte/ o projeto do Sphinx: conf.py, páginas, lições."""
    if fonte.exists():
        shutil.rmtree(fonte)
    shutil.copytree(RAIZ / "site" / "paginas", fonte)
    shutil.copy(RAIZ / "site" / "conf.py", fonte / "conf.py")
    # Os documentos da raiz viram páginas; os links das páginas para eles (../../X.md, que
    # funcionam no GitHub) passam a apontar para a página.
    for doc in DOCUMENTOS:
        texto = (RAIZ / doc).read_text().replace("](README.md)", "](index.md)").replace("](site/paginas/", "](")
        (fonte / doc.lower()).write_text(re.sub(r"\]\((" + "|".join(DOCUMENTOS) + r")", lambda m: "](" + m.group(1).lower(), texto))
    for pagina in fonte.glob("*.md"):
        texto = pagina.read_text()
        for doc in DOCUMENTOS:
            texto = texto.replace(f"](../../{doc}", f"]({doc.lower()}")
        pagina.write_text(texto)
    shutil.copytree(RAIZ / "site" / "_static", fonte / "_static")
    shutil.copytree(RAIZ / "site" / "locale", fonte / "locale")
    mathjax = RAIZ / "site" / "node_modules" / "mathjax" / "es5"
    if not (mathjax / "tex-chtml.js").exists():
        raise ErroDoSite("falta o MathJax: rode scripts/site.sh (ele instala site/node_modules com o npm)")
    destino_mj = fonte / "_static" / "mathjax"
    # Só o que o tex-chtml.js carrega: as extensões do TeX (autoload), as fontes, o menu e a acessibilidade.
    destino_mj.mkdir(parents=True, exist_ok=True)
    shutil.copy(mathjax / "tex-chtml.js", destino_mj)
    for parte in ["input/tex/extensions", "output/chtml/fonts/woff-v2", "ui", "a11y"]:
        shutil.copytree(mathjax / parte, destino_mj / parte)
    (fonte / "licoes").mkdir()
    shutil.copytree(RAIZ / "notebooks" / "figuras", fonte / "licoes" / "figuras")
    problemas, lista, refs = [], [], []
    for licao in licoes():
        original = nbformat.read(licao, as_version=4)
        try:
            arquivo = execucao(licao, modo, saidas)
        except ErroDoSite as e:
            problemas.append(str(e))
            continue
        executado = nbformat.read(arquivo, as_version=4)
        ruins = erros(executado, f"{licao.name} (execução {arquivo.name})")
        if ruins:
            problemas += ruins
            continue
        try:
            vista = celulas.vista_do_aluno(executado, original, AVISO_VERIFICACAO)
        except ValueError as e:
            problemas.append(f"{licao.name} (execução {arquivo.name}): {e}")
            continue
        aviso = nbformat.v4.new_markdown_cell(
            f"```{{admonition}} De que execução são estas saídas\n:class: site-modo\n"
            f"Esta é a lição como o aluno a recebe, antes de resolver os exercícios: {MODOS[modo]['texto']} "
            f"Os exercícios aparecem como entregues, e as soluções, recolhidas (abra-as só depois de tentar).\n```")
        if hub:
            aviso.source += (f"\n\n[▶ Abrir esta lição no JupyterHub da turma]({endereco_no_hub(hub, licao)})")
        poe_depois_do_titulo(vista, aviso)
        vista.metadata["site"] = {"modo": modo, "execucao": arquivo.name}
        for c in vista.cells:  # os links de uma lição para os documentos da raiz: as páginas deles
            if c.cell_type == "markdown":
                c.source = c.source.replace("](../README.md)", "](../index.md)")
                for doc in DOCUMENTOS:
                    c.source = c.source.replace(f"](../{doc}", f"](../{doc.lower()}")
        nbformat.write(vista, fonte / "licoes" / licao.name)
        numero = licao.name[:2]
        nome = re.sub(r"^Lição \d+\s*[—-]\s*", "", titulo(original))
        lista.append((numero, nome, licao.stem))
        refs.append((numero, nome, licao.stem, links_para_licoes(referencias(original))))
    if problemas:
        raise ErroDoSite("o site não foi feito:\n  - " + "\n  - ".join(problemas))
    escreve_inicio(fonte, lista, modo)
    escreve_referencias(fonte, refs)
    return lista


def escreve_inicio(fonte, lista, modo):
    modelo = (fonte / "index.md").read_text()
    linhas = "\n".join(f"| {n} | [{nome}](licoes/{stem}.ipynb) |" for n, nome, stem in lista)
    toc = "\n".join(f"licoes/{stem}" for _, _, stem in lista)
    texto = (modelo.replace("{{LICOES}}", "| lição | assunto |\n|---|---|\n" + linhas)
             .replace("{{TOC_LICOES}}", toc)
             .replace("{{MODO}}", MODOS[modo]["nome"]))
    (fonte / "index.md").write_text(texto)


def escreve_referencias(fonte, refs):
    partes = ["# Referências de todas as lições", "",
              "As referências de cada lição (a seção *Para saber mais* do fim dela), juntas numa página.", ""]
    for numero, nome, stem, texto in refs:
        partes += [f"## Lição {numero} — {nome}", "", f"Da [lição {numero}](licoes/{stem}.ipynb):", "",
                   texto or "(esta lição ainda não tem uma seção de referências)", ""]
    (fonte / "referencias.md").write_text("\n".join(partes))


def constroi(fonte, destino):
    """Roda o sphinx-build; avisos do Sphinx viram falha (uma página quebrada não passa)."""
    if destino.exists():
        shutil.rmtree(destino)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-j", "1",
           "-d", str(fonte.parent / (fonte.name + "-doctrees")), str(fonte), str(destino)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise ErroDoSite("o Sphinx falhou:\n" + (r.stderr or r.stdout)[-4000:])
    (destino / ".nojekyll").write_text("")
    for pagina in destino.rglob("*.html"):
        texto = pagina.read_text()
        for ingles, portugues in ROTULOS_FIXOS.items():
            texto = texto.replace(ingles, portugues)
        pagina.write_text(texto)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m representacoes.site", description=__doc__.split("\n")[0])
    ap.add_argument("--completo", action="store_true", help="as saídas do modo completo (scripts/resultados.sh)")
    ap.add_argument("--saidas", type=Path, help="a pasta dos notebooks executados (padrão: a do modo)")
    ap.add_argument("--destino", type=Path, default=RAIZ / "saidas" / "site")
    ap.add_argument("--jupyterhub", help="o endereço do JupyterHub da turma: um botão em cada lição "
                    "(padrão: representacoes_jupyterhub de site/conf.py)")
    args = ap.parse_args(argv)
    modo = "completo" if args.completo else "rapido"
    inicio = time.time()
    fonte = args.destino.parent / (args.destino.name + "-fonte")
    try:
        hub = hub_da_configuracao() if args.jupyterhub is None else args.jupyterhub
        lista = prepara(modo, fonte, args.saidas, hub)
        constroi(fonte, args.destino)
    except ErroDoSite as e:
        print(f"✘ {e}", file=sys.stderr)
        return 1
    tamanho = sum(f.stat().st_size for f in args.destino.rglob("*") if f.is_file())
    numeros = f"{tamanho / 1e6:.1f} MB, {time.time() - inicio:.1f} s".replace(".", ",")
    print(f"✔ site ({MODOS[modo]['nome']}, {len(lista)} lições) em {args.destino}: {numeros}")
    print(f"  abra {args.destino / 'index.html'}")
    json.dump({"modo": modo, "licoes": [n for n, _, _ in lista]}, open(args.destino / "site.json", "w"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
