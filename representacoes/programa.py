"""O programa do aluno na correção: o código das células de exercício,
separado do notebook (internal/cmd/separa), compilado e rodado na caixa da
vaga (isola.py)."""

import json
import pwd
import re
import shutil
import subprocess
import time

import nbformat

from . import RAIZ, isola, relatorio
from . import vagas as vagas_mod


def caixa(vagas, vaga, args, raiz_nova, ro, rw, pasta, env, cmd, cgrupo, disco=None):
    """O comando que roda cmd na caixa da vaga (isola.py); sem root,
    roda cmd como está (sem isolamento: só para testes). disco: o tamanho do
    /tmp e da pasta pessoal (o limite do aluno, se None)."""
    base_env = {"HOME": "/home/aluno", "TMPDIR": "/tmp", "LANG": "C.UTF-8", "GOMAXPROCS": "2",
                "PATH": "/usr/local/bin:/usr/bin:/bin"}
    base_env.update(env)
    if vagas_mod.SEM_ROOT:
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
    nao_compila = {ex: "erro de sintaxe: " + relatorio.resume_erro(e) for ex, e in info["sintaxe"].items()}
    por_arquivo = info["arquivos"]  # ex_NN.go → ID
    gocache = vagas.base / f"gocache-aluno-{vaga}"
    goroot = subprocess.run([str(RAIZ / ".ferramentas" / "bin" / "go"), "env", "GOROOT"], capture_output=True,
                            text=True).stdout.strip()
    ro = [(vagas.gomodcache, vagas.gomodcache), (str(RAIZ / "go.mod"), str(RAIZ / "go.mod")),
          (str(RAIZ / "go.sum"), str(RAIZ / "go.sum")), (str(RAIZ / "pkg"), str(RAIZ / "pkg")),
          # internal/ também: os pacotes de pkg/ importam internal/chaves (as chaves do bench).
          (str(RAIZ / "internal"), str(RAIZ / "internal")),
          (str(RAIZ / ".ferramentas" / "bin"), "/ferramentas")]
    if goroot and not goroot.startswith("/usr/"):
        ro.append((goroot, goroot))
    env = {"PATH": f"{goroot}/bin:/ferramentas:/usr/bin:/bin", "GOCACHE": "/cache/go-build",
           "GOMODCACHE": vagas.gomodcache, "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "-ldflags=-s",
           "GOENV": "off", **vagas.ambiente_go}
    cmd = ["sh", "-c", "goimports -w *.go && go build -p 2 -o aluno ."]
    for _ in range(len(por_arquivo) + 1):
        vagas_mod.dono(programa, vagas.alunos.get(vaga))
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
            culpados = {ex: relatorio.resume_erro("\n".join(ms)) for ex, ms in culpados.items() if ex not in nao_compila}
            if not culpados:
                erro = relatorio.resume_erro(saida)
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
