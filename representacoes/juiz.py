"""O juiz da correção: o notebook do CURSO, com cada célula de exercício
trocada por uma procuração (pkg/correcao) que pede ao corretor para chamar a
função do aluno. Roda com o usuário do juiz da vaga, sem rede, com limite de
tempo e de memória; só ele escreve o arquivo de resultados. Daqui: o comando
que o roda, a execução dentro dele (python -m representacoes corrige
--executa) e a leitura do que ele deixou."""

import json
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import nbformat

from . import RAIZ, celulas, relatorio
from . import vagas as vagas_mod


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


def notebook_do_juiz(nb_curso, procuracoes):
    """O notebook do curso com cada célula de exercício trocada pela procuração."""
    return celulas.troca_exercicios(nb_curso, procuracoes)


def comando(trab, pasta_trab, licao, vagas, vaga, args, cgrupo_juiz):
    """O comando que roda o notebook do juiz (trab/LICAO.ipynb) e deixa o
    executado, o estado e os resultados em trab."""
    env = {
        "HOME": str(trab / "home"), "TMPDIR": str(trab / "tmp"), "LANG": "C.UTF-8",
        "PATH": f"{RAIZ / '.ferramentas' / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "REPRESENTACOES_RAPIDO": "1", "REPRESENTACOES_RAIZ": str(RAIZ),
        "REPRESENTACOES_RESULTADOS": str(trab / "resultados.jsonl"),
        "REPRESENTACOES_MODELOS": str(trab / "modelos"),
        "REPRESENTACOES_CORRECAO_CANAL": str(trab / "canal.sock"),
        "GOCACHE": str(pasta_trab.parent / f"gocache-{vaga}"), "GOMODCACHE": vagas.gomodcache,
        "GOPATH": str(trab / "home" / "go"), "GOMLX_NO_AUTO_INSTALL": "1",
        "JUPYTER_RUNTIME_DIR": str(trab / "tmp" / "jupyter"),
        "PYTHONDONTWRITEBYTECODE": "1",
        # Este pacote (python -m representacoes), e os pacotes do .venv se
        # o usuário da vaga roda o Python do sistema.
        "PYTHONPATH": os.pathsep.join([str(RAIZ), *([vagas.pythonpath] if vagas.pythonpath else [])]),
        # O kernel GoNB do curso (o kernel.json do .venv), qualquer que seja o Python.
        "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
    }
    cmd = [vagas.python, "-m", "representacoes", "corrige", "--executa", str(trab / f"{licao}.ipynb"),
           str(trab / f"{licao}-executado.ipynb"), str(trab / "estado.json"),
           "--limite-celula", str(args.limite_celula)]
    cmd = ["env", "-i", *[f"{k}={v}" for k, v in env.items()], *cmd]
    if vagas.usuarios.get(vaga):
        cmd = ["runuser", "-u", vagas.usuarios[vaga], "--", *cmd]
    # O juiz só roda código do curso, mas um exercício de modelagem treina
    # o modelo que o aluno configurou: uma rede gigante esgotaria a
    # máquina. O juiz também tem um limite de memória.
    cmd = ["sh", "-c", cgrupo_juiz.entra() + ' && exec "$@"', "juiz", *cmd]
    if vagas_mod.SEM_ROOT:
        return cmd
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
    return ["unshare", *opcoes, "sh", "-c", " && ".join(passos) + ' && exec "$@"', "isola", *cmd]


def roda(cmd, log, trab, limite, usuario):
    """Roda o juiz até o fim ou até o limite do notebook (segundos).
    Devolve (código de saída ou None, se o tempo esgotou)."""
    with open(log, "wb") as f:
        proc = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, cwd=trab, start_new_session=True)
        try:
            return proc.wait(timeout=limite), False
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            vagas_mod.mata_do_usuario(usuario)
            proc.wait()
            return None, True


def le_execucao(saida, estado):
    """(o notebook executado ou None, o estado {kernel_morreu, erro}) que o juiz deixou."""
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
    return executado, info


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
        i_ex = celulas.indice_do_exercicio(executado, ident)
        if i_ex is not None:
            i_ver = celulas.indice_da_verificacao(executado, ident)
            erro_ex = relatorio.erros_da_celula(executado.cells[i_ex])
            erro_ver = relatorio.erros_da_celula(executado.cells[i_ver]) if i_ver is not None else ""
            morreu = info.get("kernel_morreu")
            if morreu is not None and morreu == i_ver:
                motivo = "o kernel morreu durante a verificação (o código do exercício matou o processo?)"
            elif morreu is not None and morreu < (i_ver if i_ver is not None else i_ex):
                motivo = "não rodou: o kernel morreu antes da verificação"
            elif executado.cells[i_ex].get("execution_count") is None and esgotou:
                motivo = "não rodou: o tempo do notebook se esgotou antes"
            elif erro_ex:
                motivo = "a célula do exercício deu erro (não compila?): " + relatorio.resume_erro(erro_ex)
            elif erro_ver:
                motivo = "a verificação deu erro: " + relatorio.resume_erro(erro_ver)
            elif esgotou:
                motivo = "não rodou: o tempo do notebook se esgotou"
    elif esgotou:
        motivo = "não rodou: o tempo do notebook se esgotou"
    return dict(passou=False, casos="", falhas="", observacao=motivo, dica="")
