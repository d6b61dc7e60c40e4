"""As vagas da correção (uma por notebook que roda ao mesmo tempo): os
usuários sem privilégios do juiz e do aluno, e as cópias do cache de
compilação do Go de cada um."""

import os
import pwd
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import RAIZ, isola

USUARIO_BASE = "representacoes-corrige"  # quem roda o código do aluno (na caixa)
JUIZ_BASE = "representacoes-juiz"  # quem roda o notebook do juiz (o código do curso)
SEM_ROOT = os.geteuid() != 0


class Vagas:
    """Cada vaga tem dois usuários sem privilégios: o do juiz, que roda o
    notebook do curso (as verificações), e o do aluno, que roda o programa com
    o código dele, na caixa (isola.py). Cada um tem a sua cópia do
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
