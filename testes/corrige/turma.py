"""Testa a correção da turma (python -m representacoes corrige) com uma turma pequena da lição 00, feita de
propósito com as entregas ruins que um professor recebe:

  ana    resolveu tudo (com as soluções do próprio notebook): tudo passa;
  bruno  softmax errada e a verificação dela trocada por uma que sempre
         passa; a célula do gradiente sem o metadado "exercicio"; a dos
         parâmetros não compila e a verificação dela apagada: nada passa, e a
         softmax é conferida pela verificação ORIGINAL (38 casos);
  carla  o notebook com o JSON cortado ao meio;
  davi   um 00-introducao.ipynb que é, na verdade, a lição 01;
  fabio  um vândalo: a softmax tenta apagar a entrega da ana, escrever na
         pasta de saída, no curso e em /tmp, e matar o processo pai;
E as entregas hostis (issue da correção que não se deixa enganar): o código
do aluno roda num programa à parte, na caixa (representacoes/isola.py), e o veredito
sai de um processo que não o roda:

  gil    softmax em pânico, gradiente num laço infinito (o programa é
         reiniciado), parâmetros certos (passa);
  hugo   forja o veredito: um init que acrescenta uma linha "passou" ao
         arquivo de resultados e aponta a variável para /dev/null; um
         inicializador de var que faz o mesmo; uma goroutine que reescreve o
         arquivo depois da verificação;
  iris   forja com chmod (o arquivo só de leitura) e imprime uma caixa ✅
         falsa; lê a entrega da ana por caminho absoluto e por relativo;
  joao   os.Exit(0) num init, antes de qualquer verificação;
  lia    uma bomba de memória, uma de processos e uma que enche o disco
         (todas limitadas, para que um limite quebrado falhe o teste e não a
         máquina);
  hans   (numa segunda correção) um laço infinito na inicialização: o limite
         do notebook interrompe;
  kim    (numa terceira, da lição 01) uma rede gigante no exercício de
         modelagem: quem a treina é o juiz, que bate no limite de memória
         dele.

Precisa de root (usuários sem privilégios, unshare). Termina com
"corrige: N passed, M failed".
"""

import copy
import csv
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat

from representacoes import RAIZ, celulas
from representacoes.conta import Conta

CONTA = Conta("corrige")


def confere(nome, ok, detalhe=""):
    CONTA.confere(nome, ok, str(detalhe)[:3000])


def celula(nb, ident):
    return nb.cells[celulas.indice_do_exercicio(nb, ident)]


def verificacao(nb, ident):
    return nb.cells[celulas.indice_da_verificacao(nb, ident)]


def turma(pasta, saida):
    curso = nbformat.read(RAIZ / "notebooks" / "00-introducao.ipynb", as_version=4)
    grava = lambda aluno, nb, nome="00-introducao.ipynb": (  # noqa: E731
        (pasta / aluno).mkdir(parents=True, exist_ok=True), nbformat.write(nb, pasta / aluno / nome))

    grava("ana", celulas.com_solucoes(curso))

    nb = copy.deepcopy(curso)
    celula(nb, "00-softmax").source = "func Softmax(z []float64) []float64 {\n\treturn z\n}\n"
    verificacao(nb, "00-softmax").source = '%%\nexercicios.VerificaCondicao("00-softmax", true, "eu passei")\n'
    del celula(nb, "00-gradiente").metadata["exercicio"]
    cel = celula(nb, "00-parametros")
    nb.cells.remove(verificacao(nb, "00-parametros"))
    cel.source = "func ParametrosMLP(camadas []int) int {\n\treturn camadas[0] +\n}\n"
    grava("bruno", nb)

    (pasta / "carla").mkdir()
    texto = (RAIZ / "notebooks" / "00-introducao.ipynb").read_text(encoding="utf-8")
    (pasta / "carla" / "00-introducao.ipynb").write_text(texto[: len(texto) // 2], encoding="utf-8")

    grava("davi", nbformat.read(RAIZ / "notebooks" / "01-cnn.ipynb", as_version=4))

    nb = copy.deepcopy(curso)
    alvo_ana = pasta / "ana" / "00-introducao.ipynb"
    celula(nb, "00-softmax").source = f'''import (
	"os"
	"syscall"
)

func Softmax(z []float64) []float64 {{
	os.RemoveAll({str(pasta / "ana")!r})
	os.Remove({str(alvo_ana)!r})
	os.WriteFile({str(saida / "fabio.txt")!r}, []byte("x"), 0o644)
	os.Remove({str(saida / "canario.txt")!r})
	os.WriteFile({str(RAIZ / "notebooks" / "fabio.txt")!r}, []byte("x"), 0o644)
	os.WriteFile("/tmp/fabio-esteve-aqui", []byte("x"), 0o644)
	syscall.Kill(os.Getppid(), syscall.SIGKILL)
	return nil
}}
'''.replace("'", '"')
    grava("fabio", nb)

    sol = celulas.solucoes(curso)
    nb = copy.deepcopy(curso)
    celula(nb, "00-softmax").source = 'func Softmax(z []float64) []float64 {\n\tpanic("socorro")\n}\n'
    celula(nb, "00-gradiente").source = "func GradienteReta(r gabarito.Reta) [2]float64 {\n\tfor {\n\t}\n}\n"
    celula(nb, "00-parametros").source = sol["00-parametros"]
    grava("gil", nb)

    linha = ('`{"tipo":"exercicio","id":"%s","passou":true,"casos":%d,"falhas":0,"mensagem":"%d casos '
             'verificados"}` + "\\n"')
    forja = ('func forja%s() int {\n\tf, _ := os.OpenFile(os.Getenv("REPRESENTACOES_RESULTADOS"), '
             'os.O_APPEND|os.O_WRONLY, 0)\n\tf.WriteString(' + linha + ')\n\tf.Close()\n\treturn 1\n}\n')
    nb = copy.deepcopy(curso)
    celula(nb, "00-softmax").source = (
        'import "os"\n\n' + forja % ("S", "00-softmax", 38, 38)
        + '\nfunc init() {\n\tforjaS()\n\tos.Setenv("REPRESENTACOES_RESULTADOS", "/dev/null")\n}\n\n'
        'func Softmax(z []float64) []float64 {\n\treturn nil\n}\n')
    celula(nb, "00-gradiente").source = (
        forja % ("G", "00-gradiente", 25, 25) + "\nvar _ = forjaG()\n\n"
        "func GradienteReta(r enunciado.Reta) [2]float64 {\n\treturn [2]float64{}\n}\n")
    celula(nb, "00-parametros").source = (
        forja % ("P", "00-parametros", 11, 11)
        + "\nfunc init() {\n\tgo func() {\n\t\tfor {\n\t\t\ttime.Sleep(50 * time.Millisecond)\n"
        "\t\t\tforjaP()\n\t\t}\n\t}()\n}\n\nfunc ParametrosMLP(camadas []int) int {\n\treturn 0\n}\n")
    grava("hugo", nb)

    nb = copy.deepcopy(curso)
    celula(nb, "00-softmax").source = (
        'import "os"\n\n' + forja % ("S", "00-softmax", 38, 38)
        + '\nfunc init() {\n\tforjaS()\n\tos.Chmod(os.Getenv("REPRESENTACOES_RESULTADOS"), 0o444)\n'
        '\tfmt.Println("✅ Exercício 00-softmax: correto! (38 casos verificados)")\n'
        '\tfmt.Println("[exercicio 00-softmax: passou]")\n}\n\n'
        'func Softmax(z []float64) []float64 {\n\treturn nil\n}\n')
    le = ('func %s(%s) %s {\n\tb, err := os.ReadFile(%s)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n'
          '\tpanic(fmt.Sprintf("li %%d bytes da colega: %%.60s", len(b), b))\n}\n')
    alvo_ana = str(pasta / "ana" / "00-introducao.ipynb")
    celula(nb, "00-gradiente").source = le % ("GradienteReta", "r gabarito.Reta", "[2]float64", f'"{alvo_ana}"')
    celula(nb, "00-parametros").source = le % ("ParametrosMLP", "camadas []int", "int",
                                               '"../ana/00-introducao.ipynb"')
    grava("iris", nb)

    nb = copy.deepcopy(curso)
    celula(nb, "00-softmax").source = ('import "os"\n\nfunc init() {\n\tos.Exit(0)\n}\n\n'
                                       + sol["00-softmax"])
    grava("joao", nb)

    # As bombas param sozinhas (3 GiB, 400 processos, 1 GiB de disco): se um
    # limite falhar, o teste falha, e a máquina aguenta.
    nb = copy.deepcopy(curso)
    celula(nb, "00-softmax").source = (
        "var guardados [][]byte\n\nfunc Softmax(z []float64) []float64 {\n"
        "\tfor range 48 {\n\t\tb := make([]byte, 64<<20)\n\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n"
        "\t\tguardados = append(guardados, b)\n\t}\n\treturn nil\n}\n")
    celula(nb, "00-gradiente").source = (
        'import "os/exec"\n\nfunc GradienteReta(r gabarito.Reta) [2]float64 {\n'
        '\tfor range 400 {\n\t\texec.Command("sleep", "30").Start()\n\t}\n\treturn [2]float64{}\n}\n')
    celula(nb, "00-parametros").source = (
        'import "os"\n\nfunc ParametrosMLP(camadas []int) int {\n\tbloco := make([]byte, 1<<20)\n'
        '\tfor i := range 1024 {\n\t\tos.WriteFile(fmt.Sprintf("%s/enche-%d", os.TempDir(), i), bloco, 0o644)\n'
        '\t}\n\treturn 0\n}\n')
    grava("lia", nb)


def entrega_de_um(pasta, aluno, licao, ident, fonte):
    """A lição como o curso a entrega, com só a célula do exercício ident trocada."""
    nb = copy.deepcopy(nbformat.read(RAIZ / "notebooks" / f"{licao}.ipynb", as_version=4))
    celula(nb, ident).source = fonte
    (pasta / aluno).mkdir(parents=True)
    nbformat.write(nb, pasta / aluno / f"{licao}.ipynb")


def turma_kim(pasta):
    """Uma rede gigante no exercício de modelagem da lição 01: quem a treina é o juiz."""
    entrega_de_um(pasta, "kim", "01-cnn", "01-minha-rede", (
        "func MinhaRede() cnn.Rede {\n\treturn cnn.Rede{\n\t\tConvs:   []cnn.Conv{{Filtros: 8, Kernel: 3, Pool: 2}},\n"
        "\t\tDensas:  []int{1 << 20},\n\t\tClasses: 10,\n\t}\n}\n"))


def turma_hans(pasta):
    """Um laço infinito num inicializador de var: o programa do aluno nunca fica pronto."""
    entrega_de_um(pasta, "hans", "00-introducao", "00-gradiente", (
        "var travado = func() int {\n\tfor {\n\t}\n}()\n\n"
        "func GradienteReta(r gabarito.Reta) [2]float64 {\n\treturn [2]float64{}\n}\n"))


ALUNOS = ("ana", "bruno", "carla", "davi", "fabio", "gil", "hugo", "iris", "joao", "lia")
EXERCICIOS = ("00-softmax", "00-gradiente", "00-parametros")
# Limites apertados (e medidos: o programa do aluno compila com ~200 MiB):
# as bombas batem neles logo.
LIMITES = ("--limite-memoria", "1", "--limite-processos", "128", "--limite-disco", "64", "--limite-arquivo", "32")


def confere_hostis(g, relatorio, saida, pasta, latencias):
    """As entregas hostis: nenhuma passa, cada uma com a observação certa."""
    casos = {"00-softmax": "38", "00-gradiente": "25", "00-parametros": "11"}
    s = g("gil", "00-softmax")
    confere("gil: o pânico foi registrado (38 casos, mensagem de pânico)",
            s.get("passou") == "não" and s.get("casos_verificados") == "38" and "pânico: socorro" in s.get("observacao", ""),
            str(s))
    s = g("gil", "00-gradiente")
    confere("gil: o laço infinito numa chamada vira tempo esgotado",
            s.get("passou") == "não" and "laço infinito" in s.get("observacao", ""), str(s))
    s = g("gil", "00-parametros")
    confere("gil: depois do laço, o programa recomeça e o exercício certo passa",
            s.get("passou") == "sim" and s.get("casos_que_falharam") == "0", str(s))
    for e in EXERCICIOS:
        for aluno, forma in (("hugo", {"00-softmax": "init + /dev/null", "00-gradiente": "inicializador de var",
                                       "00-parametros": "goroutine que reescreve"}[e]),
                             ("iris", "chmod + caixa ✅ falsa") if e == "00-softmax" else (None, None)):
            if aluno is None:
                continue
            s = g(aluno, e)
            confere(f"{aluno} ({forma}): o veredito forjado não vale — a verificação original rodou e falhou",
                    s.get("passou") == "não" and s.get("casos_verificados") == casos[e]
                    and int(s.get("casos_que_falharam") or 0) > 0, str(s))
    for e, como in (("00-gradiente", "caminho absoluto"), ("00-parametros", "caminho relativo")):
        s = g("iris", e)
        confere(f"iris não lê a entrega da ana ({como}): o arquivo não existe para ela",
                s.get("passou") == "não" and "no such file or directory" in s.get("observacao", "")
                and "li " not in s.get("observacao", ""), str(s))
    confere("joao (os.Exit(0) num init): nada passa, e a observação diz que o programa terminou antes de começar",
            all(g("joao", e).get("passou") == "não" and "antes de começar" in g("joao", e).get("observacao", "")
                and "os.Exit" in g("joao", e).get("observacao", "") for e in EXERCICIOS),
            str([g("joao", e) for e in EXERCICIOS]))
    for e, obs in (("00-softmax", "passou do limite de memória de 1 GiB"),
                   ("00-gradiente", "passou do limite de 128 processos"),
                   ("00-parametros", "encheu o disco da vaga (limite de 64 MiB")):
        s = g("lia", e)
        confere(f"lia (bomba em {e}): não passou, com a observação '{obs}'",
                s.get("passou") == "não" and obs in s.get("observacao", ""), str(s))
    confere("o relatório diz, em português, onde o programa de cada aluno parou",
            "lia, lição 00-introducao: o exercício 00-softmax: o programa com o código do aluno parou: passou do "
            "limite de memória" in relatorio, relatorio)
    confere(f"a máquina respondeu durante a correção (maior espera: {max(latencias, default=0):.2f} s)",
            latencias and max(latencias) < 5, str(sorted(latencias)[-5:]))


def le_csv(caminho):
    with open(caminho, encoding="utf-8") as f:
        return {(r["aluno"], r["exercicio"]): r for r in csv.DictReader(f)}


def corrige(pasta, saida, *extras):
    inicio = time.time()
    r = subprocess.run([sys.executable, "-m", "representacoes", "corrige", str(pasta), "--saida", str(saida),
                        "--licoes", "00", *extras], capture_output=True, text=True, cwd=RAIZ)
    print(r.stdout[-4000:], flush=True)
    if r.returncode != 0:
        print(r.stderr[-4000:], flush=True)
    return r, time.time() - inicio


def main():
    if os.geteuid() != 0:
        print("(pulado: precisa de root para os usuários sem privilégios e o unshare)")
        return CONTA.fim()
    tmp = Path(tempfile.mkdtemp(prefix="testa-corrige-"))
    os.chmod(tmp, 0o755)
    try:
        pasta, saida = tmp / "turma", tmp / "saida"
        saida.mkdir()
        (saida / "canario.txt").write_text("não me apague")
        turma(pasta, saida)
        hash_ana = hashlib.sha256((pasta / "ana" / "00-introducao.ipynb").read_bytes()).hexdigest()

        # Enquanto a turma é corrigida, a máquina tem de continuar respondendo.
        latencias, parar = [], threading.Event()

        def sonda():
            while not parar.wait(0.5):
                t = time.monotonic()
                subprocess.run(["true"])
                latencias.append(time.monotonic() - t)

        fio = threading.Thread(target=sonda, daemon=True)
        fio.start()
        r, dur = corrige(pasta, saida, "--paralelo", "2", "--limite-notebook", "400", "--limite-celula", "120",
                         *LIMITES)
        parar.set()
        fio.join()
        confere(f"a correção da turma termina com código 0 ({dur:.0f} s)", r.returncode == 0, r.stderr[-2000:])
        notas = le_csv(saida / "notas.csv") if (saida / "notas.csv").exists() else {}
        relatorio = (saida / "relatorio.txt").read_text(encoding="utf-8") if (saida / "relatorio.txt").exists() else ""
        confere("notas.csv: uma linha por aluno e exercício (10 alunos × 3)", len(notas) == 30, str(len(notas)))
        with open(saida / "notas.csv", encoding="utf-8") as f:
            cabecalho = f.readline().strip()
        confere("notas.csv: cabeçalho em português",
                cabecalho == "aluno,licao,exercicio,passou,casos_verificados,casos_que_falharam,observacao",
                cabecalho)
        g = lambda a, e: notas.get((a, e), {})  # noqa: E731

        ana = [g("ana", e) for e in ("00-softmax", "00-gradiente", "00-parametros")]
        confere("ana (tudo resolvido): os 3 exercícios passam, com casos verificados e nenhum falho",
                all(x.get("passou") == "sim" and int(x.get("casos_verificados") or 0) > 0
                    and x.get("casos_que_falharam") == "0" for x in ana), str(ana))

        s = g("bruno", "00-softmax")
        confere("bruno: a verificação trocada não vale — a original rodou (38 casos) e a softmax errada falhou",
                s.get("passou") == "não" and s.get("casos_verificados") == "38"
                and int(s.get("casos_que_falharam") or 0) > 0, str(s))
        p = g("bruno", "00-parametros")
        confere("bruno: a verificação apagada roda mesmo assim, e o código que não compila aparece como tal",
                p.get("passou") == "não" and "não compila" in p.get("observacao", ""), str(p))
        gr = g("bruno", "00-gradiente")
        confere("bruno: a célula de exercício sem o metadado é apontada (não encontrada)",
                gr.get("passou") == "não" and "não encontrada" in gr.get("observacao", ""), str(gr))
        confere("relatório: célula de exercício que falta e código que não compila, em português",
                "bruno, lição 00-introducao: a célula do exercício 00-gradiente não está no notebook" in relatorio
                and "bruno, lição 00-introducao: o exercício 00-parametros não compila" in relatorio, relatorio)

        confere("carla (JSON corrompido): linha clara no relatório e nada passa",
                "carla, lição 00-introducao: o arquivo 00-introducao.ipynb não é um notebook válido" in relatorio
                and g("carla", "00-softmax").get("passou") == "não", relatorio)
        confere("davi (notebook de outra lição): linha clara no relatório",
                "davi, lição 00-introducao: o arquivo 00-introducao.ipynb tem os exercícios da lição 01-cnn"
                in relatorio and g("davi", "00-softmax").get("passou") == "não", relatorio)

        confere("fabio (vândalo): não passa, e o juiz não morreu (a verificação original rodou os 38 casos)",
                "kernel morreu" not in relatorio and g("fabio", "00-softmax").get("passou") == "não"
                and g("fabio", "00-softmax").get("casos_verificados") == "38", relatorio)
        arq_ana = pasta / "ana" / "00-introducao.ipynb"
        confere("fabio não apagou a entrega da ana (mesmo conteúdo)",
                arq_ana.exists() and hashlib.sha256(arq_ana.read_bytes()).hexdigest() == hash_ana)
        confere("fabio não escreveu nem apagou nada na pasta de saída",
                (saida / "canario.txt").exists() and not (saida / "fabio.txt").exists())
        confere("fabio não escreveu no curso", not (RAIZ / "notebooks" / "fabio.txt").exists())
        confere("o /tmp que fabio viu era só dele (o /tmp de verdade não tem o arquivo)",
                not Path("/tmp/fabio-esteve-aqui").exists())
        (RAIZ / "notebooks" / "fabio.txt").unlink(missing_ok=True)

        pag_bruno = (saida / "bruno.html").read_text(encoding="utf-8") if (saida / "bruno.html").exists() else ""
        sol = celulas.solucoes(nbformat.read(RAIZ / "notebooks" / "00-introducao.ipynb", as_version=4))
        confere("página do bruno: diz qual verificação falhou e a dica, em português",
                "00-softmax" in pag_bruno and "❌ não passou" in pag_bruno and "💡 a softmax transforma logits em probabilidades" in pag_bruno
                and 'lang="pt-BR"' in pag_bruno, pag_bruno[:1500])
        linhas_sol = [ln.strip() for codigo in sol.values() for ln in codigo.splitlines()
                      if len(ln.strip()) > 25 and not ln.strip().startswith("//")]
        vazou = [ln for ln in linhas_sol for f in saida.glob("*.html") if ln in f.read_text(encoding="utf-8")]
        confere("nenhuma página mostra a solução", not vazou, str(vazou[:3]))
        confere("uma página por aluno e o índice",
                all((saida / f"{a}.html").exists() for a in ALUNOS)
                and "ana" in (saida / "index.html").read_text(encoding="utf-8"))

        confere_hostis(g, relatorio, saida, pasta, latencias)

        # Laço infinito na inicialização: o programa do aluno nunca fica
        # pronto e o limite do notebook interrompe a correção dele.
        pasta2, saida2 = tmp / "turma2", tmp / "saida2"
        turma_hans(pasta2)
        limite = 60
        r, dur = corrige(pasta2, saida2, "--limite-notebook", str(limite), "--limite-celula", "20",
                         "--limite-inicio", "600")
        notas2 = le_csv(saida2 / "notas.csv") if (saida2 / "notas.csv").exists() else {}
        rel2 = (saida2 / "relatorio.txt").read_text(encoding="utf-8") if (saida2 / "relatorio.txt").exists() else ""
        confere(f"hans (laço infinito no init): interrompido pelo limite de {limite} s (a correção levou {dur:.0f} s)",
                r.returncode == 0 and dur < limite + 60 and "hans, lição 00-introducao: tempo esgotado" in rel2,
                rel2 + r.stderr[-1500:])
        confere("hans: nada passa, e as observações falam do tempo ou do laço infinito",
                all(notas2.get(("hans", e), {}).get("passou") == "não" and any(
                    p in notas2.get(("hans", e), {}).get("observacao", "") for p in ("tempo", "laço infinito"))
                    for e in EXERCICIOS), str(notas2))
        # Um modelo gigante num exercício de modelagem: o juiz (que o treina)
        # bate no limite de memória dele, e a máquina segue.
        pasta3, saida3 = tmp / "turma3", tmp / "saida3"
        turma_kim(pasta3)
        r, dur = corrige(pasta3, saida3, "--licoes", "01", "--limite-memoria-juiz", "2")
        notas3 = le_csv(saida3 / "notas.csv") if (saida3 / "notas.csv").exists() else {}
        s = notas3.get(("kim", "01-minha-rede"), {})
        confere(f"kim (rede de 1 milhão de neurônios): não passou, e o juiz bateu no limite de memória de 2 GiB "
                f"({dur:.0f} s)", r.returncode == 0 and s.get("passou") == "não"
                and "limite de memória de 2 GiB" in s.get("observacao", ""), str(s) + r.stderr[-1500:])
        confere("kim: os outros exercícios da lição 01 seguem corrigidos (não feitos, com o enunciado do curso)",
                all(v.get("passou") == "não" and "não feito" in v.get("observacao", "")
                    for (a, e), v in notas3.items() if e != "01-minha-rede")
                and len(notas3) == len(celulas.exercicios(nbformat.read(RAIZ / "notebooks" / "01-cnn.ipynb", as_version=4))),
                str(notas3))
        sobras = subprocess.run(["pgrep", "-u", "representacoes-corrige-1,representacoes-juiz-1"],
                                capture_output=True, text=True).stdout
        confere("nenhum processo do aluno nem do juiz sobrou depois do limite", not sobras.strip(), sobras)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return CONTA.fim()


if __name__ == "__main__":
    sys.exit(main())
