"""O isolamento do código de um aluno na correção da turma (corrige.py).

Na correção, o código das células de exercício de um aluno vira um programa
só dele (internal/cmd/separa), que roda assim:

  * com um usuário sem privilégios da vaga, sem capacidades e com
    no_new_privs (setpriv);
  * em espaços de nomes próprios (unshare): sem rede, sem ver os processos de
    fora, e num sistema de arquivos feito para ele (pivot_root): só /usr e
    /etc (somente leitura), o programa dele, e /tmp e a pasta pessoal em
    tmpfs com tamanho limitado. A pasta da turma, a de saída, as outras vagas
    e o resto da máquina não existem ali;
  * num cgroup com limite de memória (sem swap) e de processos, e com
    prlimit no tamanho de um arquivo.

O notebook do juiz (as verificações do curso) chama as funções do aluno por
um soquete (pkg/correcao); o Corretor daqui, no meio, repassa cada chamada,
mede o tempo e, se o programa do aluno morrer ou estourar um limite, o
encerra e responde com o motivo em português.
"""

import json
import os
import select
import shlex
import signal
import socket
import struct
import subprocess
import threading
import time
import traceback
from pathlib import Path

# A variável com os descritores do canal no programa do aluno (pkg/correcao).
VAR_DESCRITORES = "REPRESENTACOES_CORRECAO_DESCRITORES"

MiB = 1 << 20
GiB = 1 << 30


def bytes_legiveis(n):
    """2147483648 → "2 GiB"; 268435456 → "256 MiB"."""
    if n >= GiB and n % GiB == 0:
        return f"{n // GiB} GiB"
    if n >= GiB:
        return f"{n / GiB:.1f} GiB".replace(".", ",")
    return f"{n // MiB} MiB"


class Limites:
    def __init__(self, memoria=2 * GiB, processos=256, disco=256 * MiB, arquivo=256 * MiB, chamada=30,
                 inicio=60, compilacao=300, memoria_juiz=6 * GiB):
        self.memoria, self.processos, self.disco, self.arquivo = memoria, processos, disco, arquivo
        self.memoria_juiz = memoria_juiz
        self.chamada, self.inicio, self.compilacao = chamada, inicio, compilacao


# ---------------------------------------------------------------------------
# cgroups (v2, ou v1 com os controladores memory e pids, como nestas máquinas)

def versao_cgroup():
    raiz = Path("/sys/fs/cgroup")
    ctl = raiz / "cgroup.controllers"
    if ctl.exists():
        tem = ctl.read_text().split()
        if "memory" in tem and "pids" in tem:
            return 2
    if (raiz / "memory" / "memory.limit_in_bytes").exists() and (raiz / "pids").is_dir():
        return 1
    return None


def cgroups_disponiveis():
    """Se dá para criar um cgroup com limite de memória e de processos aqui."""
    sonda = Cgrupo(f"sonda-{os.getpid()}", GiB, 64)
    ok = sonda.versao is not None
    sonda.remove()
    return ok


def mata_pids(pids):
    """SIGKILL para cada processo (os que já saíram são ignorados)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class Cgrupo:
    """Um cgroup com limite de memória (sem swap) e de processos (None: sem
    limite de processos)."""

    def __init__(self, nome, memoria, processos):
        self.versao = versao_cgroup() if os.geteuid() == 0 else None
        self.memoria, self.processos = memoria, processos
        self.pastas = []
        try:
            self._cria(nome, memoria, processos)
        except OSError:
            # Sem cgroups graváveis (um contêiner com /sys/fs/cgroup só de
            # leitura, por exemplo): sem limites de memória e de processos; o
            # corretor avisa no começo (cgroups_disponiveis).
            self.remove()
            self.versao, self.pastas = None, []
        self.oom_antes, self.max_antes = self.oom_kills(), self.bateu_processos()
        self.memoria_antes = self.bateu_memoria()

    def _cria(self, nome, memoria, processos):
        if self.versao == 2:
            raiz = Path("/sys/fs/cgroup")
            pai = raiz / "representacoes-corrige"
            pai.mkdir(exist_ok=True)
            for ctl in ("+memory", "+pids"):
                try:
                    (raiz / "cgroup.subtree_control").write_text(ctl)
                    (pai / "cgroup.subtree_control").write_text(ctl)
                except OSError:
                    pass
            p = pai / nome
            p.mkdir(exist_ok=True)
            self.pastas = [p]
            (p / "memory.max").write_text(str(memoria))
            try:
                (p / "memory.swap.max").write_text("0")
            except OSError:
                pass
            (p / "pids.max").write_text("max" if processos is None else str(processos))
        elif self.versao == 1:
            m = Path("/sys/fs/cgroup/memory/representacoes-corrige") / nome
            pi = Path("/sys/fs/cgroup/pids/representacoes-corrige") / nome
            m.mkdir(parents=True, exist_ok=True)
            pi.mkdir(parents=True, exist_ok=True)
            self.pastas = [m, pi]
            (m / "memory.limit_in_bytes").write_text(str(memoria))
            if (m / "memory.memsw.limit_in_bytes").exists():
                try:
                    (m / "memory.memsw.limit_in_bytes").write_text(str(memoria))
                except OSError:
                    pass
            (pi / "pids.max").write_text("max" if processos is None else str(processos))

    def entra(self):
        """Comando de shell que põe o próprio shell ($$) no cgroup."""
        return " && ".join(f"echo $$ > {shlex.quote(str(p / 'cgroup.procs'))}" for p in self.pastas) or "true"

    def _campo(self, arquivo, chave):
        for p in self.pastas:
            f = p / arquivo
            if f.exists():
                for linha in f.read_text().splitlines():
                    partes = linha.split()
                    if len(partes) == 2 and partes[0] == chave:
                        return int(partes[1])
        return 0

    def oom_kills(self):
        return self._campo("memory.events" if self.versao == 2 else "memory.oom_control", "oom_kill")

    def bateu_memoria(self):
        """Vezes que o uso chegou ao limite de memória (mesmo sem morte)."""
        if self.versao == 2:
            return self._campo("memory.events", "max")
        for p in self.pastas:
            if (p / "memory.failcnt").exists():
                try:
                    return int((p / "memory.failcnt").read_text())
                except (OSError, ValueError):
                    return 0
        return 0

    def bateu_processos(self):
        return self._campo("pids.events", "max")

    def pico_memoria(self):
        for nome in ("memory.peak", "memory.max_usage_in_bytes"):
            for p in self.pastas:
                if (p / nome).exists():
                    try:
                        return int((p / nome).read_text().split()[0])
                    except (OSError, ValueError):
                        pass
        return 0

    def pids(self):
        r = set()
        for p in self.pastas:
            try:
                r |= {int(x) for x in (p / "cgroup.procs").read_text().split()}
            except OSError:
                pass
        return r

    def mata(self):
        """Mata todos os processos do cgroup (e espera que saiam)."""
        for _ in range(100):
            pids = self.pids()
            if not pids:
                return
            if self.versao == 2 and (self.pastas[0] / "cgroup.kill").exists():
                try:
                    (self.pastas[0] / "cgroup.kill").write_text("1")
                except OSError:
                    pass
            mata_pids(pids)
            time.sleep(0.05)

    def chegou_na_memoria(self):
        """Se o uso chegou ao limite de memória desde a última pergunta."""
        m = self.bateu_memoria()
        r, self.memoria_antes = m > self.memoria_antes, m
        return r

    def novidades(self):
        """(mortes por falta de memória, vezes que bateu no limite de processos) desde a última pergunta."""
        oom, mx = self.oom_kills(), self.bateu_processos()
        r = (oom - self.oom_antes, mx - self.max_antes)
        self.oom_antes, self.max_antes = oom, mx
        return r

    def remove(self):
        self.mata()
        for p in self.pastas:
            for _ in range(50):
                try:
                    p.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.05)


# ---------------------------------------------------------------------------
# A caixa: um sistema de arquivos feito para o programa do aluno

def comando_na_caixa(*, raiz_nova, somente_leitura, graveis, tmpfs, escondidas, uid, gid, limites, cgrupo,
                     pasta, env, cmd):
    """O comando que roda cmd na caixa.

    somente_leitura e graveis: [(origem, destino)] montados com bind;
    tmpfs: [(destino, bytes)], do usuário da vaga; escondidas: caminhos que,
    se aparecerem dentro da caixa, são cobertos por um tmpfs vazio e fechado
    (a turma, a saída, as vagas), por garantia."""
    q = shlex.quote
    R = str(raiz_nova)
    passos = ["set -e", "mount --make-rprivate /", f"mount -t tmpfs -o size=16m,mode=755 caixa {q(R)}"]
    # Os tmpfs primeiro: um bind dentro de /tmp (o curso num clone em /tmp,
    # por exemplo) tem de ficar por cima deles, não escondido por eles.
    for destino, tamanho in tmpfs:
        alvo = q(R + destino)
        passos.append(f"mkdir -p {alvo} && mount -t tmpfs -o size={tamanho},mode=700,uid={uid},gid={gid} vaga {alvo}")
    for base in ("/bin", "/lib", "/lib64", "/lib32", "/sbin", "/libx32"):
        if os.path.islink(base):
            passos.append(f"ln -s {q(os.readlink(base))} {q(R + base)}")
        elif os.path.isdir(base):
            somente_leitura = [(base, base), *somente_leitura]
    for origem, destino, modo in ([(o, d, "ro") for o, d in somente_leitura] + [(o, d, "rw") for o, d in graveis]):
        alvo = q(R + destino)
        if os.path.isdir(origem):
            passos.append(f"mkdir -p {alvo}")
        else:
            passos.append(f"mkdir -p {q(os.path.dirname(R + destino))} && touch {alvo}")
        passos.append(f"mount --rbind {q(str(origem))} {alvo}")
        if modo == "ro":
            passos.append(f"mount -o remount,bind,ro {alvo}")
    for e in escondidas:
        alvo = q(R + str(e))
        passos.append(f"if [ -e {alvo} ]; then mount -t tmpfs -o size=4k,mode=000 escondida {alvo}; fi")
    passos.append(f"mkdir -p {q(R + '/dev')}")
    for d in ("null", "zero", "random", "urandom"):
        passos.append(f"touch {q(R + '/dev/' + d)} && mount --bind /dev/{d} {q(R + '/dev/' + d)}")
    passos += [f"mkdir -p {q(R + '/proc')}", f"mount -t proc proc {q(R + '/proc')}",
               f"cd {q(R)}", "mkdir .velha", "pivot_root . .velha", "umount -l /.velha", "rmdir /.velha",
               "mount -o remount,bind,ro /", f"cd {q(str(pasta))}"]
    ambiente = [f"{k}={v}" for k, v in env.items()]
    final = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--no-new-privs",
             "--inh-caps=-all", "--bounding-set=-all",
             "prlimit", f"--fsize={limites.arquivo}", "--core=0", "--nofile=1024", "--",
             "env", "-i", *ambiente, *cmd]
    passos.append("exec " + " ".join(q(x) for x in final))
    dentro = "\n".join(passos)
    fora = f"{cgrupo.entra()} && exec unshare -m -n -p -f -i -u --kill-child sh -c {q(dentro)}"
    return ["sh", "-c", fora]


# ---------------------------------------------------------------------------
# Quadros (o formato de pkg/correcao: 4 bytes com o tamanho e o conteúdo)

MAX_QUADRO = 64 * MiB


class Fim(Exception):
    """O outro lado fechou o canal ou demorou demais."""


def le_exato(fd, n, prazo):
    partes, falta = [], n
    while falta:
        resta = prazo - time.monotonic()
        if resta <= 0:
            raise TimeoutError
        pronto, _, _ = select.select([fd], [], [], resta)
        if not pronto:
            raise TimeoutError
        b = os.read(fd, min(falta, 1 << 20))
        if not b:
            raise Fim
        partes.append(b)
        falta -= len(b)
    return b"".join(partes)


def le_quadro(fd, prazo):
    (n,) = struct.unpack(">I", le_exato(fd, 4, prazo))
    if n > MAX_QUADRO:
        raise Fim
    return le_exato(fd, n, prazo)


def escreve_quadro(fd, b):
    dados = struct.pack(">I", len(b)) + b
    while dados:
        n = os.write(fd, dados)
        dados = dados[n:]


# ---------------------------------------------------------------------------

class Parou(Exception):
    def __init__(self, motivo, definitivo=False):
        super().__init__(motivo)
        self.motivo, self.definitivo = motivo, definitivo


class ProgramaDoAluno:
    """O programa do aluno rodando na caixa, reiniciado quando preciso."""

    def __init__(self, comando, cgrupo, limites, log, disco):
        self.comando, self.cgrupo, self.limites, self.log = comando, cgrupo, limites, log
        self.disco = disco  # caminhos (dentro da caixa) dos tmpfs da vaga
        self.proc = None
        self.trava = threading.Lock()

    def _guarda_saida(self, cano):
        total = 0
        with open(self.log, "ab") as f:
            while True:
                b = cano.read(65536)
                if not b:
                    return
                if total < 64 * 1024:
                    f.write(b[: 64 * 1024 - total])
                total += len(b)

    def inicia(self):
        pedido_r, self.pedido_w = os.pipe()
        self.resposta_r, resposta_w = os.pipe()
        env = dict(os.environ)
        cmd = [c.replace("@DESCRITORES@", f"{pedido_r},{resposta_w}") for c in self.comando]
        self.proc = subprocess.Popen(cmd, pass_fds=(pedido_r, resposta_w), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)
        os.close(pedido_r)
        os.close(resposta_w)
        threading.Thread(target=self._guarda_saida, args=(self.proc.stdout,), daemon=True).start()
        try:
            cab = json.loads(le_quadro(self.resposta_r, time.monotonic() + self.limites.inicio))
            le_quadro(self.resposta_r, time.monotonic() + self.limites.inicio)
            if not cab.get("pronto"):
                raise Fim
        except (TimeoutError, Fim, ValueError) as e:
            motivo = self._motivo(e, None, "ao começar, antes de qualquer chamada")
            self.encerra()
            raise Parou("o programa com o seu código parou antes de começar: " + motivo, definitivo=True) from None

    def encerra(self):
        with self.trava:  # o fio do corretor e o da vaga podem encerrar ao mesmo tempo
            self._encerra()

    def _encerra(self):
        self.cgrupo.mata()
        for fd in ("pedido_w", "resposta_r"):
            if getattr(self, fd, None) is not None:
                try:
                    os.close(getattr(self, fd))
                except OSError:
                    pass
                setattr(self, fd, None)
        if self.proc is not None:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.proc = None

    def _disco_cheio(self):
        for pid in self.cgrupo.pids():
            for d in self.disco:
                try:
                    st = os.statvfs(f"/proc/{pid}/root{d}")
                except OSError:
                    continue
                if st.f_bavail * st.f_frsize < 1 * MiB:
                    return True
        return False

    def _limite_batido(self):
        """O limite de memória, processos ou disco em que o programa bateu
        desde a última pergunta, ou None."""
        oom, bateu = self.cgrupo.novidades()
        if oom:
            return f"passou do limite de memória de {bytes_legiveis(self.limites.memoria)}"
        if bateu:
            return f"passou do limite de {self.limites.processos} processos e threads"
        if self._disco_cheio():
            return f"encheu o disco da vaga (limite de {bytes_legiveis(self.limites.disco)} em /tmp e na pasta pessoal)"
        return None

    def _motivo(self, erro, funcao, quando):
        """Por que o programa parou (depois de um erro na leitura da resposta)."""
        limite = self._limite_batido()
        if limite:
            return limite + " (o programa foi encerrado)"
        if isinstance(erro, TimeoutError) and self.cgrupo.chegou_na_memoria():
            # Sem swap, o núcleo demora a matar quem chega ao limite (ele
            # descarta antes o cache de arquivos, e tudo fica lento): o tempo
            # se esgota primeiro, mas o motivo é a memória.
            return (f"passou do limite de memória de {bytes_legiveis(self.limites.memoria)} "
                    f"(o programa ficou preso no limite e foi encerrado)")
        if isinstance(erro, TimeoutError):
            limite = self.limites.chamada if funcao else self.limites.inicio
            return f"passou do limite de tempo de {limite} s {quando} (laço infinito?)"
        rc = None
        if self.proc is not None:
            try:
                rc = self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                rc = None
        if rc is not None and rc in (-signal.SIGXFSZ, 128 + signal.SIGXFSZ):
            return f"passou do limite de tamanho de arquivo de {bytes_legiveis(self.limites.arquivo)}"
        if rc is not None and rc < 0:
            return f"o programa foi encerrado pelo sinal {signal.Signals(-rc).name} {quando}"
        if rc is not None and rc > 128:
            return f"o programa foi encerrado pelo sinal {signal.Signals(rc - 128).name} {quando}"
        return f"o programa terminou {quando} (código {rc}; os.Exit?)"

    def chama(self, cabecalho, dados, funcao):
        if self.proc is None:
            self.inicia()
        quando = f"durante a chamada de {funcao}"
        try:
            escreve_quadro(self.pedido_w, cabecalho)
            escreve_quadro(self.pedido_w, dados)
            prazo = time.monotonic() + self.limites.chamada
            cab = le_quadro(self.resposta_r, prazo)
            res = le_quadro(self.resposta_r, prazo)
        except (TimeoutError, Fim, BrokenPipeError, OSError) as e:
            motivo = self._motivo(e, funcao, quando)
            self.encerra()
            raise Parou(motivo) from None
        # Terminou a chamada, mas passou de um limite no caminho (um fork que
        # falhou, um disco que encheu): não vale.
        motivo = self._limite_batido()
        if motivo:
            self.encerra()
            raise Parou(motivo + f" {quando}")
        self.cgrupo.chegou_na_memoria()  # uma chamada que terminou bem zera a conta
        return cab, res


class Corretor:
    """Atende, num soquete Unix, as procurações do notebook do juiz."""

    def __init__(self, caminho, dono, programa, nao_compila):
        self.caminho, self.programa, self.nao_compila = Path(caminho), programa, nao_compila
        self.eventos = []  # (exercício, motivo)
        self.paradas = {}  # função → motivo (não chama de novo o que já estourou um limite)
        self.quebrado = None
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(str(self.caminho))
        os.chown(self.caminho, dono, -1)
        os.chmod(self.caminho, 0o600)
        self.sock.listen(4)
        self.fio = threading.Thread(target=self._atende, daemon=True)
        self.fio.start()

    def _atende(self):
        while True:
            try:
                conexao, _ = self.sock.accept()
            except OSError:
                return
            with conexao:
                try:
                    self._uma(conexao.fileno())
                except Exception as e:  # noqa: BLE001 — o juiz recebe "o corretor não respondeu"
                    with open(self.programa.log, "a", encoding="utf-8") as f:
                        f.write(f"\n[corretor] {type(e).__name__}: {e}\n{traceback.format_exc()}\n")

    def _responde(self, fd, cabecalho, dados=b""):
        escreve_quadro(fd, json.dumps(cabecalho).encode())
        escreve_quadro(fd, dados)

    def _uma(self, fd):
        prazo = time.monotonic() + 30
        cab_bytes = le_quadro(fd, prazo)
        dados = le_quadro(fd, prazo)
        cab = json.loads(cab_bytes)
        ex, funcao = str(cab.get("exercicio", "")), str(cab.get("funcao", ""))
        if ex in self.nao_compila:
            return self._responde(fd, {"parada": "a célula do exercício não compila: " + self.nao_compila[ex]})
        motivo = self.quebrado or self.paradas.get(funcao)
        if motivo:
            return self._responde(fd, {"parada": motivo})
        try:
            rc, rd = self.programa.chama(cab_bytes, dados, funcao)
        except Parou as p:
            self.eventos.append((ex, p.motivo))
            if p.definitivo:
                self.quebrado = p.motivo
            else:
                self.paradas[funcao] = p.motivo
            return self._responde(fd, {"parada": p.motivo})
        escreve_quadro(fd, rc)
        escreve_quadro(fd, rd)

    def fecha(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.fio.join(timeout=5)
        self.programa.encerra()
