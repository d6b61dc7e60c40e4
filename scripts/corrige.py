"""Corrige os notebooks de uma turma com as verificações do próprio curso.

Entrada: uma pasta com uma subpasta por aluno, com os notebooks dele (em
qualquer nível: aluno/00-introducao.ipynb ou aluno/notebooks/…). Para cada
aluno e lição:

  * o notebook corrigido é o do CURSO (notebooks/): apagar ou editar uma
    célula de verificação não muda nada. Funções auxiliares têm de estar na
    própria célula do exercício (as outras células do aluno não são usadas);
  * o código do aluno (as células de exercício, metadado "exercicio") não
    roda no notebook: vira um programa à parte (internal/cmd/separa), que
    compila e roda numa caixa (scripts/isola.py: um usuário sem privilégios
    da vaga, sem rede, num sistema de arquivos só com o que ele precisa, com
    limites de memória, processos, arquivo e disco). O notebook que roda, o
    do JUIZ, é o do curso com cada célula de exercício trocada por uma
    procuração (pkg/correcao) que pede ao corretor daqui para chamar a função
    do aluno. As verificações rodam no juiz, com outro usuário, e só ele
    escreve o arquivo de resultados (REPRESENTACOES_RESULTADOS, como em
    scripts/executa_notebooks.py): o código do aluno não forja o veredito nem
    lê a turma;
  * o juiz roda no modo rápido (REPRESENTACOES_RAPIDO=1), sem rede (unshare
    -n), com limite de tempo por célula e por notebook e de memória, numa
    pasta só dele (HOME, TMPDIR, modelos, cache do Go).

Saída (pasta --saida): notas.csv (aluno, licao, exercicio, passou,
casos_verificados, casos_que_falharam, observacao), uma página HTML por aluno
(qual verificação falhou e a dica, nunca a solução), index.html e
relatorio.txt (uma linha em português para cada problema da entrada: JSON
corrompido, notebook de outra lição, célula de exercício que falta, código
que não compila, pânico, laço infinito, kernel que morreu…).

Uso: scripts/corrige.sh PASTA_DA_TURMA [--saida correcao] [--paralelo 1]
       [--licoes 00,01] [--limite-notebook 900] [--limite-celula 300]
       [--modelos-prontos PASTA] [--limite-memoria 2] [--limite-processos 256]
       [--limite-disco 256] [--limite-arquivo 256] [--limite-chamada 30]
       [--limite-inicio 60] [--limite-memoria-juiz 6]
"""

import argparse
import copy
import csv
import html
import json
import os
import pwd
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import executa_notebooks as en  # noqa: E402  (exercicios, le_resultados, RAIZ)
import isola  # noqa: E402  (a caixa do programa do aluno e o corretor)

RAIZ = en.RAIZ
USUARIO_BASE = "representacoes-corrige"  # quem roda o código do aluno (na caixa)
JUIZ_BASE = "representacoes-juiz"  # quem roda o notebook do juiz (o código do curso)
SEM_ROOT = os.geteuid() != 0


# ---------------------------------------------------------------------------
# Lições do curso e identificação dos notebooks dos alunos

def licoes_do_curso(filtro=None):
    """{nome: notebook} das lições do curso (notebooks/NN-*.ipynb)."""
    licoes = {}
    for p in sorted((RAIZ / "notebooks").glob("[0-9]*.ipynb")):
        if filtro and not any(p.stem.startswith(f) for f in filtro):
            continue
        licoes[p.stem] = nbformat.read(p, as_version=4)
    return licoes


def celulas_de_exercicio(nb):
    """{id: célula} das células de código com metadado "exercicio" (a primeira de cada id)."""
    cel = {}
    for c in nb.cells:
        ident = c.get("metadata", {}).get("exercicio")
        if c.get("cell_type") == "code" and isinstance(ident, str) and ident not in cel:
            cel[ident] = c
    return cel


def licao_pelo_nome(nome, todas):
    """A lição do curso cujo nome começa com o mesmo número (00-, 01-…), se houver."""
    m = re.match(r"(\d\d)[-_ ]", nome)
    if not m:
        return None
    for licao in todas:
        if licao.startswith(m.group(1) + "-"):
            return licao
    return None


def identifica(arquivos, curso, todas):
    """Lê os notebooks de um aluno e decide qual arquivo é de qual lição.

    Devolve ({licao: (caminho, notebook)}, [problemas]). A lição vem dos IDs
    dos exercícios que o notebook tem; o nome do arquivo só desempata.
    """
    problemas = []
    candidatos = {}
    ids_por_licao = {nome: set(celulas_de_exercicio(nb)) for nome, nb in todas.items()}
    for caminho in arquivos:
        rel = caminho.name
        pelo_nome = licao_pelo_nome(caminho.stem, todas)
        try:
            json.loads(caminho.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problemas.append((pelo_nome, f"o arquivo {rel} não é um notebook válido (não é texto UTF-8); "
                                         f"não foi corrigido"))
            continue
        except ValueError as e:
            problemas.append((pelo_nome, f"o arquivo {rel} não é um notebook válido (JSON corrompido ou "
                                         f"incompleto: {e.msg}, linha {e.lineno}, coluna {e.colno}); "
                                         f"não foi corrigido"))
            continue
        try:
            nb = nbformat.read(caminho, as_version=4)
        except Exception as e:  # noqa: BLE001 — JSON válido, mas não um notebook
            motivo = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
            problemas.append((pelo_nome, f"o arquivo {rel} não é um notebook válido (o JSON não tem a forma "
                                         f"de um notebook: {motivo}); não foi corrigido"))
            continue
        ids = set(celulas_de_exercicio(nb))
        melhor = max(ids_por_licao, key=lambda n: (len(ids & ids_por_licao[n]), n == pelo_nome))
        if not ids & ids_por_licao[melhor]:
            if pelo_nome is None:
                problemas.append((None, f"o arquivo {rel} não tem nenhum exercício do curso; ignorado"))
                continue
            problemas.append((pelo_nome, f"o arquivo {rel} não tem nenhuma célula de exercício "
                                         f"(o metadado 'exercicio' sumiu, ou é outro notebook)"))
            melhor = pelo_nome
        elif pelo_nome is not None and melhor != pelo_nome:
            problemas.append((pelo_nome, f"o arquivo {rel} tem os exercícios da lição {melhor}, não os da "
                                         f"{pelo_nome}: foi corrigido como {melhor}"))
        if melhor not in curso:
            continue  # lição fora do filtro --licoes
        candidatos.setdefault(melhor, []).append((caminho, nb, pelo_nome == melhor))
    escolhidos = {}
    for licao, cs in candidatos.items():
        # Prefere o arquivo com o nome da lição; entre iguais, o mais recente.
        cs.sort(key=lambda t: (t[2], t[0].stat().st_mtime), reverse=True)
        escolhidos[licao] = cs[0][:2]
        if len(cs) > 1:
            outros = ", ".join(c[0].name for c in cs[1:])
            problemas.append((licao, f"havia {len(cs)} arquivos da lição {licao}; foi corrigido "
                                     f"{cs[0][0].name} (ignorados: {outros})"))
    return escolhidos, problemas


def monta(nb_curso, nb_aluno):
    """O notebook do curso com as células de exercício do aluno.

    Devolve (notebook, ids que faltam no do aluno, ids que o aluno não mexeu)."""
    nb = copy.deepcopy(nb_curso)
    do_aluno = celulas_de_exercicio(nb_aluno)
    faltam, intocados = [], []
    for c in nb.cells:
        ident = c.metadata.get("exercicio")
        if c.cell_type != "code" or not ident:
            continue
        if ident not in do_aluno:
            faltam.append(ident)
            continue
        fonte = do_aluno[ident].get("source", "")
        if isinstance(fonte, list):
            fonte = "".join(fonte)
        if fonte.strip() == c.source.strip():
            intocados.append(ident)
        c.source = fonte
    return nb, faltam, intocados


# ---------------------------------------------------------------------------
# Execução isolada (processo filho: --executa)

def executa_filho(entrada, saida, estado, limite_celula):
    """Roda o notebook montado (chamado dentro do isolamento). Erros das células
    não param a execução; um kernel morto para e fica registrado em estado."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    nb = nbformat.read(entrada, as_version=4)
    info = {"kernel_morreu": None, "erro": None}
    atual = {"i": None}

    def comeca(cell, cell_index):  # a célula que está rodando (para dizer onde o kernel morreu)
        atual["i"] = cell_index

    cliente = NotebookClient(nb, timeout=limite_celula, kernel_name="gonb", allow_errors=True,
                             interrupt_on_timeout=True, record_timing=True, on_cell_start=comeca,
                             resources={"metadata": {"path": str(Path(entrada).parent)}})
    try:
        cliente.execute()
    except DeadKernelError:
        info["kernel_morreu"] = atual["i"]
    except CellTimeoutError as e:
        info["erro"] = "tempo esgotado numa célula: " + str(e)[:300]
    except Exception as e:  # noqa: BLE001 — qualquer outra coisa vai para o relatório
        info["erro"] = f"{type(e).__name__}: {str(e)[:300]}"
    nbformat.write(nb, saida)
    Path(estado).write_text(json.dumps(info), encoding="utf-8")
    return 0


# ---------------------------------------------------------------------------
# Vagas (uma por execução em paralelo): usuário, cache de compilação do Go

class Vagas:
    """Cada vaga tem dois usuários sem privilégios: o do juiz, que roda o
    notebook do curso (as verificações), e o do aluno, que roda o programa com
    o código dele, na caixa (scripts/isola.py). Cada um tem a sua cópia do
    cache de compilação do Go (sem ela, a primeira célula de cada notebook
    levaria minutos): o aluno não escreve no cache de onde o juiz compila."""

    def __init__(self, n, base):
        self.base = base
        self.ambiente_go = ambiente_go()
        self.livres = list(range(1, n + 1))
        self.trava = threading.Condition()
        go = str(RAIZ / ".ferramentas" / "bin" / "go")
        env = dict(os.environ, GOFLAGS="")
        self.gocache = subprocess.run([go, "env", "GOCACHE"], capture_output=True, text=True, env=env).stdout.strip()
        self.gomodcache = subprocess.run([go, "env", "GOMODCACHE"], capture_output=True, text=True,
                                         env=env).stdout.strip()
        self.usuarios = {}
        self.vista = None  # (pasta, onde montá-la) se o cache de módulos está numa pasta fechada
        if not SEM_ROOT:
            # O cache de compilação só serve se o cache de módulos estiver no
            # MESMO caminho (o caminho dos pacotes entra na chave do cache). Se
            # uma pasta acima dele é fechada (/root, 0700), cada notebook roda
            # num espaço de montagem próprio (unshare -m) onde essa pasta é
            # trocada por uma "vista" que só tem o cache de módulos (uma cópia
            # com links, instantânea): o aluno não vê mais nada dela.
            mod = Path(self.gomodcache)
            fechada = next((p for p in reversed(mod.parents) if p != Path("/")
                            and not os.stat(p).st_mode & 0o001), None)
            if fechada is not None:
                vista = base / "vista"
                destino = vista / mod.relative_to(fechada)
                destino.parent.mkdir(parents=True)
                for p in [vista, *destino.relative_to(vista).parents]:
                    os.chmod(vista / p, 0o755)
                subprocess.run(["cp", "-al", str(mod), str(destino)], check=True)
                self.vista = (str(vista), str(fechada))
        self.alunos = {}
        for v in self.livres:
            self.usuarios[v] = self._usuario(JUIZ_BASE, v)
            self.alunos[v] = self._usuario(USUARIO_BASE, v)
            self._cache(self.base / f"gocache-{v}", self.usuarios[v])
            self._cache(self.base / f"gocache-aluno-{v}", self.alunos[v])
        self.python, self.pythonpath = interpretador(self.usuarios.get(1))
        # O separador (internal/cmd/separa), compilado uma vez: só lê o código
        # do aluno (não o roda).
        self.separa = base / "separa"
        subprocess.run([go, "build", "-o", str(self.separa), "./internal/cmd/separa"], cwd=RAIZ, check=True,
                       env=dict(os.environ, GOFLAGS="", **self.ambiente_go))

    def _usuario(self, base, v):
        if SEM_ROOT:
            return None
        nome = f"{base}-{v}"
        try:
            pwd.getpwnam(nome)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", nome],
                           check=True)
        return nome

    def _cache(self, destino, usuario):
        if Path(self.gocache).is_dir():
            # Cópia com links: instantânea; os arquivos continuam do dono
            # original (ninguém da vaga os altera), as pastas passam a ser dela.
            subprocess.run(["cp", "-al", self.gocache, str(destino)], check=True)
        else:
            destino.mkdir()
        dono(destino, usuario, so_pastas=True)

    def dono(self, caminho, v, so_pastas=False):
        dono(caminho, self.usuarios.get(v), so_pastas)

    def pega(self):
        with self.trava:
            while not self.livres:
                self.trava.wait()
            return self.livres.pop(0)

    def devolve(self, v):
        mata_do_usuario(self.usuarios.get(v))
        mata_do_usuario(self.alunos.get(v))
        with self.trava:
            self.livres.append(v)
            self.trava.notify()


def dono(caminho, usuario, so_pastas=False):
    if usuario:
        if so_pastas:
            subprocess.run(["find", str(caminho), "-type", "d", "-exec", "chown", usuario, "{}", "+"], check=True)
        else:
            subprocess.run(["chown", "-R", usuario, str(caminho)], check=True)


def ambiente_go():
    """As variáveis de scripts/ambiente-go.sh (o GOEXPERIMENT com que o setup
    aqueceu o cache de compilação: o programa do aluno compila com o mesmo)."""
    r = subprocess.run(["bash", "-c", f'. {shlex.quote(str(RAIZ / "scripts" / "ambiente-go.sh"))} && '
                        'printf "%s" "${GOEXPERIMENT:-}"'], capture_output=True, text=True)
    return {"GOEXPERIMENT": r.stdout.strip()} if r.stdout.strip() else {}


def interpretador(usuario):
    """O Python que o usuário da vaga consegue rodar, e o PYTHONPATH para ele.

    Normalmente o do .venv; mas se ele aponta para um lugar que o usuário não
    lê (um pyenv em /root, por exemplo), usa o /usr/bin/python3 da mesma versão
    com os pacotes do .venv."""
    if not usuario:
        return sys.executable, None
    pode = subprocess.run(["runuser", "-u", usuario, "--", sys.executable, "-c", "import nbclient"],
                          capture_output=True).returncode == 0
    if pode:
        return sys.executable, None
    versao = f"python{sys.version_info.major}.{sys.version_info.minor}"
    sistema = shutil.which(versao, path="/usr/bin:/usr/local/bin")
    pacotes = Path(sys.prefix) / "lib" / versao / "site-packages"
    if sistema and subprocess.run(["runuser", "-u", usuario, "--", "env", f"PYTHONPATH={pacotes}", sistema, "-c",
                                   "import nbclient"], capture_output=True).returncode == 0:
        return sistema, str(pacotes)
    raise RuntimeError(f"o usuário {usuario} não consegue rodar o Python do .venv ({sys.executable}) nem um "
                       f"{versao} do sistema com os pacotes dele")


def mata_do_usuario(usuario):
    """Mata, pelo PID, os processos que sobraram do usuário de uma vaga (um
    kernel ou um programa que o aluno deixou rodando)."""
    if not usuario:
        return
    for _ in range(5):
        r = subprocess.run(["pgrep", "-u", usuario], capture_output=True, text=True)
        pids = [int(p) for p in r.stdout.split()]
        if not pids:
            return
        isola.mata_pids(pids)
        time.sleep(0.2)


# ---------------------------------------------------------------------------
# Corrigir uma lição de um aluno

def erros_da_celula(celula):
    """Texto dos erros de uma célula executada (o GoNB mostra erros de
    compilação como saída de erro)."""
    textos = []
    for o in celula.get("outputs", []):
        if o.get("output_type") == "error":
            textos.append(f"{o.get('ename', '')}: {o.get('evalue', '')}")
        elif o.get("output_type") == "stream" and o.get("name") == "stderr":
            textos.append(o.get("text", ""))
    texto = "\n".join(t for t in textos if t.strip())
    texto = re.sub(r"\x1b\[[0-9;]*m", "", texto)
    return texto.strip()


def resume_erro(texto, limite=400):
    # Os caminhos e números de linha são do main.go que o GoNB monta (não os
    # da célula): saem, fica a mensagem do compilador.
    texto = re.sub(r'ERROR: parsing go files in TempDir "[^"]*":\s*', "", texto)
    texto = re.sub(r"\S*\.go:\d+(:\d+)?:\s*", "", texto)
    linhas = [ln.strip() for ln in texto.splitlines() if ln.strip()]
    s = " | ".join(linhas[:4])
    return s[:limite] + ("…" if len(s) > limite else "")


# ---------------------------------------------------------------------------
# O programa do aluno: separado do notebook, compilado e rodado na caixa

def caixa(vagas, vaga, args, raiz_nova, ro, rw, pasta, env, cmd, cgrupo, disco=None):
    """O comando que roda cmd na caixa da vaga (scripts/isola.py); sem root,
    roda cmd como está (sem isolamento: só para testes). disco: o tamanho do
    /tmp e da pasta pessoal (o limite do aluno, se None)."""
    base_env = {"HOME": "/home/aluno", "TMPDIR": "/tmp", "LANG": "C.UTF-8", "GOMAXPROCS": "2",
                "PATH": "/usr/local/bin:/usr/bin:/bin"}
    base_env.update(env)
    if SEM_ROOT:
        # Sem caixa: os caminhos de dentro dela viram os de fora.
        def fora(x):
            for origem, destino in [*ro, *rw]:
                x = x.replace(destino, origem)
            return x
        base_env["HOME"] = base_env["TMPDIR"] = str(raiz_nova)
        return ["env", "-i", *[f"{k}={fora(v)}" for k, v in base_env.items()], *[fora(c) for c in cmd]]
    u = pwd.getpwnam(vagas.alunos[vaga])
    escondidas = [args.turma.resolve(), args.saida.resolve(), vagas.base]
    return isola.comando_na_caixa(
        raiz_nova=raiz_nova, somente_leitura=[("/usr", "/usr"), ("/etc", "/etc"), *ro], graveis=rw,
        tmpfs=[("/tmp", disco or args.limites.disco), ("/home/aluno", disco or args.limites.disco)],
        escondidas=escondidas,
        uid=u.pw_uid, gid=u.pw_gid, limites=args.limites, cgrupo=cgrupo, pasta=pasta, env=base_env, cmd=cmd)


RE_ERRO_GO = re.compile(r"^(?:\./)?([\w.-]+\.go):(\d+)(?::\d+)?: (.*)$")


def compila_programa(sep, info, vagas, vaga, args, cgrupo, log):
    """Compila o programa do aluno na caixa. Um exercício que não compila é
    trocado pela versão do curso (e a chamada dele responde "não compila"),
    para que os outros rodem, como no GoNB. Devolve {id: erro}."""
    programa = sep / "programa"
    nao_compila = {ex: "erro de sintaxe: " + resume_erro(e) for ex, e in info["sintaxe"].items()}
    por_arquivo = info["arquivos"]  # ex_NN.go → ID
    gocache = vagas.base / f"gocache-aluno-{vaga}"
    goroot = subprocess.run([str(RAIZ / ".ferramentas" / "bin" / "go"), "env", "GOROOT"], capture_output=True,
                            text=True).stdout.strip()
    ro = [(vagas.gomodcache, vagas.gomodcache), (str(RAIZ / "go.mod"), str(RAIZ / "go.mod")),
          (str(RAIZ / "go.sum"), str(RAIZ / "go.sum")), (str(RAIZ / "pkg"), str(RAIZ / "pkg")),
          (str(RAIZ / ".ferramentas" / "bin"), "/ferramentas")]
    if goroot and not goroot.startswith("/usr/"):
        ro.append((goroot, goroot))
    env = {"PATH": f"{goroot}/bin:/ferramentas:/usr/bin:/bin", "GOCACHE": "/cache/go-build",
           "GOMODCACHE": vagas.gomodcache, "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "-ldflags=-s",
           "GOENV": "off", **vagas.ambiente_go}
    cmd = ["sh", "-c", "goimports -w *.go && go build -p 2 -o aluno ."]
    for _ in range(len(por_arquivo) + 1):
        dono(programa, vagas.alunos.get(vaga))
        # A compilação roda só o go e o gcc (nada do aluno), e o ligador usa
        # uns 80 MiB em /tmp: o /tmp dela não depende do limite de disco do aluno.
        comando = caixa(vagas, vaga, args, sep / "raiz", ro, [(str(programa), "/programa"), (str(gocache), "/cache/go-build")],
                        "/programa", env, cmd, cgrupo, disco=max(args.limites.disco, isola.GiB))
        try:
            r = subprocess.run(comando, capture_output=True, text=True, timeout=args.limites.compilacao,
                               cwd=programa, start_new_session=True)
            rc, saida = r.returncode, r.stdout + r.stderr
        except subprocess.TimeoutExpired:
            rc, saida = None, f"passou do limite de tempo de {args.limites.compilacao} s"
        cgrupo.mata()
        with open(log, "a", encoding="utf-8") as f:
            f.write(saida[-20000:])
        oom, _ = cgrupo.novidades()
        cgrupo.chegou_na_memoria()  # o que a compilação fez não conta para o programa
        if rc == 0:
            return nao_compila
        if rc is None or oom:
            motivo = ("a compilação passou do limite de memória de " + isola.bytes_legiveis(args.limites.memoria)
                      if oom else "a compilação " + saida)
            culpados = {ex: motivo for ex in por_arquivo.values() if ex not in nao_compila}
        else:
            culpados = {}
            for linha in saida.splitlines():
                m = RE_ERRO_GO.match(linha.strip())
                if not m:
                    continue
                arquivo, n, msg = m.group(1), int(m.group(2)), m.group(3)
                if arquivo in por_arquivo:
                    culpados.setdefault(por_arquivo[arquivo], []).append(msg)
                elif arquivo == "atende.go":
                    for ex, (de, ate) in info["atende"].items():
                        if de <= n <= ate:
                            culpados.setdefault(ex, []).append("a assinatura da função não é a do enunciado: " + msg)
                elif arquivo == "curso.go":
                    for ex, nomes in info["sobrepoe"].items():
                        culpados.setdefault(ex, []).append(
                            "a célula redeclara " + ", ".join(nomes) + ", que o curso usa: " + msg)
            culpados = {ex: resume_erro("\n".join(ms)) for ex, ms in culpados.items() if ex not in nao_compila}
            if not culpados:
                erro = resume_erro(saida)
                culpados = {ex: erro for ex in por_arquivo.values() if ex not in nao_compila}
        if not culpados:
            break
        for ex, motivo in culpados.items():
            nao_compila[ex] = motivo
            arquivo = info["arquivos_por_id"][ex]
            shutil.copy(sep / "stubs" / arquivo, programa / arquivo)
    raise RuntimeError("o programa do aluno não compilou nem com as versões do curso dos exercícios")


def prepara_aluno(nb, nb_curso, trab_aluno, vagas, vaga, args, cgrupo):
    """Separa o notebook montado, compila o programa do aluno e devolve
    (corretor pronto para abrir, procurações, {id: erro de compilação})."""
    entregue = trab_aluno / "entregue.ipynb"
    curso = trab_aluno / "curso.ipynb"
    nbformat.write(nb, entregue)
    nbformat.write(nb_curso, curso)
    sep = trab_aluno / "separacao"
    (sep / "raiz").mkdir(parents=True)
    subprocess.run([str(vagas.separa), "-curso", str(curso), "-entregue", str(entregue), "-raiz", str(RAIZ),
                    "-saida", str(sep)], check=True, capture_output=True)
    info = json.loads((sep / "separacao.json").read_text(encoding="utf-8"))
    info["arquivos_por_id"] = {ex: a for a, ex in info["arquivos"].items()}
    log = trab_aluno / "programa.log"
    inicio = time.time()
    nao_compila = compila_programa(sep, info, vagas, vaga, args, cgrupo, log)
    print(f"    programa do aluno compilado em {time.time() - inicio:.1f} s (memória: pico de "
          f"{isola.bytes_legiveis(cgrupo.pico_memoria())})", flush=True)
    comando = caixa(vagas, vaga, args, sep / "raiz", [(str(sep / "programa"), "/programa")], [], "/programa",
                    {isola.VAR_DESCRITORES: "@DESCRITORES@"}, ["/programa/aluno"], cgrupo)
    programa = isola.ProgramaDoAluno(comando, cgrupo, args.limites, log, ["/tmp", "/home/aluno"])
    return programa, info["procuracoes"], nao_compila


def notebook_do_juiz(nb_curso, procuracoes):
    """O notebook do curso com cada célula de exercício trocada pela procuração."""
    nb = copy.deepcopy(nb_curso)
    for c in nb.cells:
        ident = c.metadata.get("exercicio")
        if c.cell_type == "code" and ident in procuracoes:
            c.source = procuracoes[ident]
    return nb


def corrige_licao(aluno, licao, caminho, nb_aluno, nb_curso, vagas, args, pasta_trab):
    """Devolve (linhas do CSV, problemas, segundos)."""
    nb, faltam, intocados = monta(nb_curso, nb_aluno)
    ids = en.exercicios(nb_curso)
    problemas = []
    for ident in faltam:
        problemas.append(f"a célula do exercício {ident} não está no notebook (apagada, ou o metadado "
                         f"'exercicio' sumiu): contada como não feita")
    linhas = {}
    nao_feitos = set(faltam) | set(intocados)
    if set(ids) <= nao_feitos:
        # Nada feito: não há o que rodar (economiza o tempo de um notebook inteiro).
        for ident in ids:
            obs = ("célula do exercício não encontrada" if ident in faltam
                   else "não feito (a célula está como o curso a entregou)")
            linhas[ident] = dict(passou=False, casos="", falhas="", observacao=obs, dica="")
        return [linhas[i] | {"exercicio": i} for i in ids], problemas, 0.0

    vaga = vagas.pega()
    inicio = time.time()
    corretor = cgrupo = cgrupo_juiz = None
    trab_aluno = pasta_trab / f"{aluno}-{licao}-aluno"
    try:
        trab = pasta_trab / f"{aluno}-{licao}"
        for sub in ("home", "tmp", "modelos"):
            (trab / sub).mkdir(parents=True)
        trab_aluno.mkdir(mode=0o700)
        if args.modelos_prontos:
            shutil.copytree(args.modelos_prontos, trab / "modelos", dirs_exist_ok=True)
        entrada = trab / f"{licao}.ipynb"
        saida = trab / f"{licao}-executado.ipynb"
        estado = trab / "estado.json"
        resultados = trab / "resultados.jsonl"
        canal = trab / "canal.sock"
        # O código do aluno: um programa à parte, na caixa, com os limites da vaga.
        cgrupo = isola.Cgrupo(f"{os.getpid()}-vaga-{vaga}", args.limites.memoria, args.limites.processos)
        cgrupo_juiz = isola.Cgrupo(f"{os.getpid()}-juiz-{vaga}", args.limites.memoria_juiz, None)
        programa, procuracoes, nao_compila = prepara_aluno(nb, nb_curso, trab_aluno, vagas, vaga, args, cgrupo)
        for ident, erro in nao_compila.items():
            problemas.append(f"o exercício {ident} não compila: {erro}")
        # O juiz: o notebook do curso, com as procurações no lugar dos exercícios.
        nbformat.write(notebook_do_juiz(nb_curso, procuracoes), entrada)
        resultados.write_text("")
        vagas.dono(trab, vaga)
        os.chmod(trab, 0o700)
        corretor = isola.Corretor(canal, pwd.getpwnam(vagas.usuarios[vaga]).pw_uid if vagas.usuarios.get(vaga)
                                  else os.getuid(), programa, nao_compila)
        env = {
            "HOME": str(trab / "home"), "TMPDIR": str(trab / "tmp"), "LANG": "C.UTF-8",
            "PATH": f"{RAIZ / '.ferramentas' / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "REPRESENTACOES_RAPIDO": "1", "REPRESENTACOES_RAIZ": str(RAIZ),
            "REPRESENTACOES_RESULTADOS": str(resultados), "REPRESENTACOES_MODELOS": str(trab / "modelos"),
            "REPRESENTACOES_CORRECAO_CANAL": str(canal),
            "GOCACHE": str(pasta_trab.parent / f"gocache-{vaga}"), "GOMODCACHE": vagas.gomodcache,
            "GOPATH": str(trab / "home" / "go"), "GOMLX_NO_AUTO_INSTALL": "1",
            "JUPYTER_RUNTIME_DIR": str(trab / "tmp" / "jupyter"),
            "PYTHONDONTWRITEBYTECODE": "1",
            # O kernel GoNB do curso (o kernel.json do .venv), qualquer que seja o Python.
            "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
        }
        if vagas.pythonpath:
            env["PYTHONPATH"] = vagas.pythonpath
        cmd = [vagas.python, str(Path(__file__).resolve()), "--executa", str(entrada), str(saida), str(estado),
               "--limite-celula", str(args.limite_celula)]
        cmd = ["env", "-i", *[f"{k}={v}" for k, v in env.items()], *cmd]
        if vagas.usuarios.get(vaga):
            cmd = ["runuser", "-u", vagas.usuarios[vaga], "--", *cmd]
        # O juiz só roda código do curso, mas um exercício de modelagem treina
        # o modelo que o aluno configurou: uma rede gigante esgotaria a
        # máquina. O juiz também tem um limite de memória.
        cmd = ["sh", "-c", cgrupo_juiz.entra() + ' && exec "$@"', "juiz", *cmd]
        if not SEM_ROOT:
            # Um espaço de montagem só deste notebook: /tmp é a pasta tmp dele
            # (o que o código do aluno escrever em /tmp fica ali e some), a
            # vista do cache de módulos, se preciso, e sem rede (só a
            # interface local).
            # O curso pode morar sob /tmp (um clone de teste): ele é montado
            # de novo dentro da pasta tmp do notebook, no mesmo caminho.
            passos = []
            if Path("/tmp") in RAIZ.parents:
                dentro = trab / "tmp" / RAIZ.relative_to("/tmp")
                passos += [f"mkdir -p {shlex.quote(str(dentro))}",
                           f"mount --bind {shlex.quote(str(RAIZ))} {shlex.quote(str(dentro))}"]
            passos.append(f"mount --rbind {trab / 'tmp'} /tmp")
            if vagas.vista:
                passos.append(f"mount --bind {vagas.vista[0]} {vagas.vista[1]}")
            if args.sem_rede:
                passos.append("ip link set lo up")
            opcoes = ["-m"] + (["-n"] if args.sem_rede else [])
            cmd = ["unshare", *opcoes, "sh", "-c", " && ".join(passos) + ' && exec "$@"', "isola", *cmd]
        with open(trab.parent / f"{aluno}-{licao}.log", "wb") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=trab, start_new_session=True)
            try:
                rc = proc.wait(timeout=args.limite_notebook)
                esgotou = False
            except subprocess.TimeoutExpired:
                esgotou = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                mata_do_usuario(vagas.usuarios.get(vaga))
                proc.wait()
                rc = None
        duracao = time.time() - inicio
        mata_do_usuario(vagas.usuarios.get(vaga))
        corretor.fecha()
        for ident, motivo in corretor.eventos:
            problemas.append(f"o exercício {ident or '?'}: o programa com o código do aluno parou: {motivo}")
        res = le_resultados_com_cuidado(resultados, problemas)
        executado = None
        if saida.exists():
            try:
                executado = nbformat.read(saida, as_version=4)
            except Exception:  # noqa: BLE001
                executado = None
        info = {}
        if estado.exists():
            try:
                info = json.loads(estado.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                info = {}
        if esgotou:
            problemas.append(f"tempo esgotado: o notebook passou de {args.limite_notebook} s e foi interrompido "
                             f"(laço infinito?); o que rodou antes conta")
        elif rc != 0 or executado is None:
            problemas.append(f"a execução do notebook parou sem terminar (código {rc}); o que rodou antes conta")
        oom_juiz, _ = cgrupo_juiz.novidades()
        pico_juiz = cgrupo_juiz.pico_memoria()
        print(f"    juiz: pico de memória de {isola.bytes_legiveis(pico_juiz)}", flush=True)
        if oom_juiz:
            problemas.append(f"o juiz passou do limite de memória de {isola.bytes_legiveis(args.limites.memoria_juiz)} "
                             f"(um modelo grande demais num exercício de modelagem?) e foi encerrado")
        if info.get("kernel_morreu") is not None:
            problemas.append(f"o kernel morreu na célula {info['kernel_morreu']} (o código matou o processo, "
                             f"esgotou a memória ou chamou os.Exit fora de uma célula %%?); as células seguintes "
                             f"não rodaram")
        if info.get("erro"):
            problemas.append("a execução parou: " + info["erro"])
        for ident in ids:
            linhas[ident] = linha_do_exercicio(ident, res.get(ident), executado, info, esgotou, faltam, intocados)
            if ident in nao_compila:
                linhas[ident].update(passou=False, dica="",
                                     observacao="a célula do exercício deu erro (não compila?): " + nao_compila[ident])
        if oom_juiz:  # a célula que o juiz não conseguiu rodar diz por quê
            for linha in linhas.values():
                if not linha["passou"] and ("deu erro" in linha["observacao"] or "kernel" in linha["observacao"]):
                    linha["observacao"] += (f" (o juiz passou do limite de memória de "
                                            f"{isola.bytes_legiveis(args.limites.memoria_juiz)}: o modelo configurado "
                                            f"é grande demais?)")
        # O motivo de uma parada do programa do aluno vai para a observação,
        # mesmo quando a verificação desistiu antes (o limite de 10 s dela
        # pode vencer a morte por falta de memória, que demora mais numa
        # máquina carregada).
        for ident, motivo in corretor.eventos:
            if ident in linhas and motivo not in linhas[ident]["observacao"]:
                linhas[ident].update(passou=False, observacao=linhas[ident]["observacao"]
                                     + f" (o programa com o seu código parou: {motivo})")
        return [linhas[i] | {"exercicio": i} for i in ids], problemas, duracao
    finally:
        if corretor is not None:
            corretor.fecha()
        for c in (cgrupo, cgrupo_juiz):
            if c is not None:
                c.remove()
        vagas.devolve(vaga)
        if not args.guarda:
            shutil.rmtree(pasta_trab / f"{aluno}-{licao}", ignore_errors=True)
            shutil.rmtree(trab_aluno, ignore_errors=True)


def le_resultados_com_cuidado(caminho, problemas):
    """Como en.le_resultados, mas uma linha estragada (o código do aluno roda
    com o mesmo usuário que escreve o arquivo) não derruba a correção."""
    res = {}
    if not caminho.exists():
        return res
    for linha in caminho.read_text(encoding="utf-8", errors="replace").splitlines():
        if not linha.strip():
            continue
        try:
            r = json.loads(linha)
            if r.get("tipo") == "afirmacao":
                continue
            res.setdefault(str(r["id"]), []).append(r)
        except (ValueError, KeyError, TypeError):
            problemas.append("uma linha do arquivo de resultados não pôde ser lida (ignorada)")
    return res


def linha_do_exercicio(ident, rs, executado, info, esgotou, faltam, intocados):
    if rs:
        r = rs[-1]  # a última verificação rodada deste exercício
        passou = all(bool(x.get("passou")) for x in rs)
        obs = "passou" if passou else str(r.get("mensagem", ""))
        if ident in faltam:  # rodou o enunciado do curso no lugar
            passou = False
            obs = "célula do exercício não encontrada (apagada, ou o metadado 'exercicio' sumiu); com o enunciado do curso: " + obs
        elif ident in intocados and not passou:
            obs = "não feito (a célula está como o curso a entregou): " + obs
        return dict(passou=passou, casos=r.get("casos", ""), falhas=r.get("falhas", ""), observacao=obs,
                    dica="" if passou else str(r.get("dica", "")))
    # A verificação não registrou nada: por quê?
    if ident in faltam:
        obs = "célula do exercício não encontrada (apagada, ou o metadado 'exercicio' sumiu)"
        return dict(passou=False, casos="", falhas="", observacao=obs, dica="")
    motivo = "a verificação não rodou"
    if executado is not None:
        i_ex = next((i for i, c in enumerate(executado.cells) if c.metadata.get("exercicio") == ident), None)
        if i_ex is not None:
            i_ver = next((i for i in range(i_ex + 1, len(executado.cells))
                          if executado.cells[i].cell_type == "code"), None)
            erro_ex = erros_da_celula(executado.cells[i_ex])
            erro_ver = erros_da_celula(executado.cells[i_ver]) if i_ver is not None else ""
            morreu = info.get("kernel_morreu")
            if morreu is not None and morreu == i_ver:
                motivo = "o kernel morreu durante a verificação (o código do exercício matou o processo?)"
            elif morreu is not None and morreu < (i_ver if i_ver is not None else i_ex):
                motivo = "não rodou: o kernel morreu antes da verificação"
            elif executado.cells[i_ex].get("execution_count") is None and esgotou:
                motivo = "não rodou: o tempo do notebook se esgotou antes"
            elif erro_ex:
                motivo = "a célula do exercício deu erro (não compila?): " + resume_erro(erro_ex)
            elif erro_ver:
                motivo = "a verificação deu erro: " + resume_erro(erro_ver)
            elif esgotou:
                motivo = "não rodou: o tempo do notebook se esgotou"
    elif esgotou:
        motivo = "não rodou: o tempo do notebook se esgotou"
    return dict(passou=False, casos="", falhas="", observacao=motivo, dica="")


# ---------------------------------------------------------------------------
# Relatórios

ESTILO = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.ok{color:#116611}.falha{color:#a11}.problema{background:#fff4e0;padding:.5rem 1rem}
"""


def pagina(titulo, corpo):
    return (f'<!DOCTYPE html>\n<html lang="pt-BR"><head><meta charset="utf-8"><title>{html.escape(titulo)}</title>'
            f"<style>{ESTILO}</style></head><body><h1>{html.escape(titulo)}</h1>\n{corpo}\n</body></html>\n")


def html_do_aluno(aluno, por_licao, problemas):
    e = html.escape
    partes = []
    todas = [ln for ls in por_licao.values() for ln in ls]
    certos = sum(1 for ln in todas if ln["passou"])
    partes.append(f"<p><b>{certos} de {len(todas)}</b> exercícios corretos.</p>")
    if problemas:
        partes.append('<div class="problema"><h2>Problemas na entrega</h2><ul>')
        partes += [f"<li>{e(licao or 'entrega')}: {e(p)}</li>" for licao, p in problemas]
        partes.append("</ul></div>")
    for licao, ls in por_licao.items():
        partes.append(f"<h2>Lição {e(licao)}</h2><table><tr><th>Exercício</th><th>Resultado</th>"
                      "<th>Casos verificados</th><th>Casos que falharam</th><th>O que aconteceu</th><th>Dica</th></tr>")
        for ln in ls:
            marca = '<span class="ok">✅ passou</span>' if ln["passou"] else '<span class="falha">❌ não passou</span>'
            partes.append(f"<tr><td>{e(ln['exercicio'])}</td><td>{marca}</td><td>{e(str(ln['casos']))}</td>"
                          f"<td>{e(str(ln['falhas']))}</td><td>{e(ln['observacao'])}</td>"
                          f"<td>{('💡 ' + e(ln['dica'])) if ln['dica'] else ''}</td></tr>")
        partes.append("</table>")
    partes.append("<p><small>Corrigido com as verificações originais do curso (modo rápido, sem rede). "
                  "A página mostra o caso que falhou e a dica; a solução não.</small></p>")
    return pagina(f"Correção — {aluno}", "\n".join(partes))


def nomes_de_arquivo(alunos):
    """{aluno: nome de arquivo}: letras (acentos inclusive), dígitos, '.', '_' e
    '-'; nomes que ficariam iguais ("André", "André?") ganham -2, -3…"""
    nomes, usados = {}, set()
    for aluno in alunos:
        base = re.sub(r"[^\w.-]+", "_", aluno).strip("._") or "aluno"
        nome, n = base, 1
        while nome.casefold() in usados:
            n += 1
            nome = f"{base}-{n}"
        usados.add(nome.casefold())
        nomes[aluno] = nome
    return nomes


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("turma", type=Path, nargs="?")
    ap.add_argument("--saida", type=Path, default=Path("correcao"))
    ap.add_argument("--paralelo", type=int, default=1, help="quantos notebooks rodam ao mesmo tempo")
    ap.add_argument("--licoes", default="", help="só estas lições (prefixos separados por vírgula: 00,01)")
    ap.add_argument("--limite-notebook", type=int, default=900, help="segundos por notebook")
    ap.add_argument("--limite-celula", type=int, default=300, help="segundos por célula")
    ap.add_argument("--modelos-prontos", type=Path,
                    help="pasta de modelos de uma execução do curso, copiada para cada aluno (pula o treino)")
    ap.add_argument("--limite-memoria", type=float, default=2, help="GiB de memória do programa do aluno (sem swap)")
    ap.add_argument("--limite-processos", type=int, default=256, help="processos e threads do programa do aluno")
    ap.add_argument("--limite-memoria-juiz", type=float, default=6,
                    help="GiB de memória do juiz (o notebook do curso, que treina os modelos que o aluno configurou)")
    ap.add_argument("--limite-disco", type=int, default=256, help="MiB do /tmp e da pasta pessoal do aluno (cada um)")
    ap.add_argument("--limite-arquivo", type=int, default=256, help="MiB de um arquivo que o aluno escreve")
    ap.add_argument("--limite-chamada", type=int, default=30, help="segundos de uma chamada a uma função do aluno")
    ap.add_argument("--limite-inicio", type=int, default=60, help="segundos para o programa do aluno começar")
    ap.add_argument("--com-rede", dest="sem_rede", action="store_false", help="não corta a rede (só para testes)")
    ap.add_argument("--guarda", action="store_true", help="guarda as pastas de trabalho (para depurar)")
    ap.add_argument("--executa", nargs=3, metavar=("ENTRADA", "SAIDA", "ESTADO"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.executa:
        return executa_filho(*args.executa, args.limite_celula)
    if args.turma is None:
        print("✘ diga a pasta da turma (uma subpasta por aluno): scripts/corrige.sh PASTA [--saida correcao]",
              file=sys.stderr)
        return 2
    if not args.turma.is_dir():
        print(f"✘ a pasta da turma não existe: {args.turma}", file=sys.stderr)
        return 2
    if args.sem_rede and (SEM_ROOT or shutil.which("unshare") is None or shutil.which("ip") is None):
        print("(aviso: sem root, unshare ou ip, o código dos alunos roda COM a rede que houver)", file=sys.stderr)
        args.sem_rede = False
    if SEM_ROOT:
        print("(aviso: sem root, o código dos alunos roda com o seu usuário, só numa pasta descartável; "
              "como root, cada vaga usa um usuário sem privilégios)", file=sys.stderr)

    args.limites = isola.Limites(memoria=int(args.limite_memoria * isola.GiB), processos=args.limite_processos,
                                 disco=args.limite_disco * isola.MiB, arquivo=args.limite_arquivo * isola.MiB,
                                 chamada=args.limite_chamada, inicio=args.limite_inicio,
                                 memoria_juiz=int(args.limite_memoria_juiz * isola.GiB))
    if not SEM_ROOT and not isola.cgroups_disponiveis():
        print("(aviso: sem cgroups com memory e pids, o programa do aluno roda sem limite de memória e de processos)",
              file=sys.stderr)
    filtro = [f for f in args.licoes.split(",") if f]
    todas = licoes_do_curso()
    curso = licoes_do_curso(filtro)
    alunos = sorted(p for p in args.turma.iterdir() if p.is_dir() and not p.name.startswith("."))
    nome_de_arquivo = nomes_de_arquivo(p.name for p in alunos).__getitem__
    args.saida.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="representacoes-corrige-", dir="/var/tmp"))
    os.chmod(base, 0o755)
    pasta_trab = base / "trabalho"
    pasta_trab.mkdir()
    os.chmod(pasta_trab, 0o755)
    inicio = time.time()
    print(f"▶ {len(alunos)} alunos, lições {', '.join(curso)}, {args.paralelo} em paralelo", flush=True)
    vagas = Vagas(args.paralelo, base)
    print(f"  vagas prontas em {time.time() - inicio:.0f} s", flush=True)

    tarefas, entregas = [], {}
    for pasta in alunos:
        aluno = pasta.name
        arquivos = sorted(p for p in pasta.rglob("*.ipynb")
                          if ".ipynb_checkpoints" not in p.parts and "versão nova" not in p.name)
        escolhidos, problemas = identifica(arquivos, curso, todas)
        entregas[aluno] = (escolhidos, problemas)
        for licao in curso:
            if licao in escolhidos:
                tarefas.append((aluno, licao))

    resultados = {}
    tempos = []

    def roda(t):
        aluno, licao = t
        caminho, nb = entregas[aluno][0][licao]
        try:
            ls, ps, dur = corrige_licao(nome_de_arquivo(aluno), licao, caminho, nb, curso[licao], vagas, args,
                                        pasta_trab)
        except Exception as e:  # noqa: BLE001 — um aluno não derruba a turma
            ls = [dict(exercicio=i, passou=False, casos="", falhas="", observacao="erro na correção", dica="")
                  for i in en.exercicios(curso[licao])]
            ps, dur = [f"erro na correção (avise quem mantém o curso): {type(e).__name__}: {e}"], 0.0
        resultados[t] = (ls, ps)
        if dur:
            tempos.append(dur)
        certos = sum(1 for ln in ls if ln["passou"])
        print(f"  {aluno} / {licao}: {certos}/{len(ls)} certos, {dur:.0f} s", flush=True)

    with ThreadPoolExecutor(max_workers=args.paralelo) as ex:
        list(ex.map(roda, tarefas))

    csv_linhas, relatorio = [], []
    indice = ["<table><tr><th>Aluno</th><th>Exercícios corretos</th><th>Problemas</th></tr>"]
    for pasta in alunos:
        aluno = pasta.name
        escolhidos, problemas = entregas[aluno]
        problemas = list(problemas)
        por_licao = {}
        for licao in curso:
            if (aluno, licao) in resultados:
                ls, ps = resultados[(aluno, licao)]
                problemas += [(licao, p) for p in ps]
            else:
                deste = [p for lc, p in problemas if lc == licao]
                obs = ("não corrigido: " + deste[0]) if deste else "lição não entregue"
                ls = [dict(exercicio=i, passou=False, casos="", falhas="", observacao=obs, dica="")
                      for i in en.exercicios(curso[licao])]
                if not deste:
                    problemas.append((licao, f"nenhum notebook da lição {licao} na pasta do aluno"))
            por_licao[licao] = ls
            for ln in ls:
                csv_linhas.append([aluno, licao, ln["exercicio"], "sim" if ln["passou"] else "não", ln["casos"],
                                   ln["falhas"], ln["observacao"]])
        problemas = [(lc, p) for lc, p in problemas if lc is None or lc in curso]
        for lc, p in problemas:
            relatorio.append(f"{aluno}, lição {lc or '?'}: {p}")
        arquivo = nome_de_arquivo(aluno) + ".html"
        (args.saida / arquivo).write_text(html_do_aluno(aluno, por_licao, problemas), encoding="utf-8")
        certos = sum(1 for ls in por_licao.values() for ln in ls if ln["passou"])
        total = sum(len(ls) for ls in por_licao.values())
        indice.append(f'<tr><td><a href="{html.escape(arquivo)}">{html.escape(aluno)}</a></td>'
                      f"<td>{certos} de {total}</td><td>{len(problemas)}</td></tr>")
    indice.append("</table>")
    with open(args.saida / "notas.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["aluno", "licao", "exercicio", "passou", "casos_verificados", "casos_que_falharam",
                    "observacao"])
        w.writerows(csv_linhas)
    (args.saida / "relatorio.txt").write_text("\n".join(relatorio) + "\n", encoding="utf-8")
    total = time.time() - inicio
    resumo = (f"{len(alunos)} alunos, {len(tarefas)} notebooks entregues, {len(tempos)} executados em "
              f"{total:.0f} s com {args.paralelo} em paralelo")
    if tempos:
        resumo += f" (por notebook: média {sum(tempos) / len(tempos):.0f} s, máximo {max(tempos):.0f} s)"
    (args.saida / "index.html").write_text(pagina("Correção da turma", f"<p>{html.escape(resumo)}</p>"
                                                  + "\n".join(indice)), encoding="utf-8")
    for ln in relatorio:
        print("  ⚠ " + ln)
    print(f"✔ {resumo}\n  notas: {args.saida / 'notas.csv'} · páginas: {args.saida / 'index.html'}", flush=True)
    if args.guarda:
        print(f"  pastas de trabalho guardadas em {base}")
    else:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
