"""Testa o scripts/corrige.py com uma turma pequena da lição 00, feita de
propósito com as entregas ruins que um professor recebe:

  ana    resolveu tudo (com as soluções do próprio notebook): tudo passa;
  bruno  softmax errada e a verificação dela trocada por uma que sempre
         passa; a célula do gradiente sem o metadado "exercicio"; a dos
         parâmetros não compila e a verificação dela apagada: nada passa, e a
         softmax é conferida pela verificação ORIGINAL (38 casos);
  carla  o notebook com o JSON cortado ao meio;
  davi   um 00-introducao.ipynb que é, na verdade, a lição 01;
  fabio  um vândalo: a softmax tenta apagar a entrega da ana, escrever na
         pasta de saída, no curso e em /tmp, e depois mata o kernel;
  gil    (numa segunda correção, com limite curto) a softmax entra em pânico
         e o gradiente trava o programa (laço infinito na inicialização):
         o limite de tempo do notebook o interrompe e o pânico conta.

Precisa de root (usuários sem privilégios, unshare). Termina com
"corrige: N passed, M failed".
"""

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import executa_notebooks as en  # noqa: E402

RAIZ = en.RAIZ
passou = falhou = 0


def confere(nome, ok, detalhe=""):
    global passou, falhou
    if ok:
        passou += 1
        print(f"ok   {nome}", flush=True)
    else:
        falhou += 1
        print(f"FAIL {nome} {detalhe}"[:3000], flush=True)


def celula(nb, ident):
    return next(c for c in nb.cells if c.metadata.get("exercicio") == ident)


def verificacao(nb, ident):
    i = next(i for i, c in enumerate(nb.cells) if c.metadata.get("exercicio") == ident)
    return next(c for c in nb.cells[i + 1:] if c.cell_type == "code")


def turma(pasta, saida):
    curso = nbformat.read(RAIZ / "notebooks" / "00-introducao.ipynb", as_version=4)
    grava = lambda aluno, nb, nome="00-introducao.ipynb": (  # noqa: E731
        (pasta / aluno).mkdir(parents=True, exist_ok=True), nbformat.write(nb, pasta / aluno / nome))

    grava("ana", en.prepara(curso, "solucoes"))

    nb = en.prepara(curso, "entregue")
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

    nb = en.prepara(curso, "entregue")
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


def turma_gil(pasta):
    curso = nbformat.read(RAIZ / "notebooks" / "00-introducao.ipynb", as_version=4)
    nb = en.prepara(curso, "entregue")
    celula(nb, "00-softmax").source = 'func Softmax(z []float64) []float64 {\n\tpanic("socorro")\n}\n'
    celula(nb, "00-gradiente").source = (
        "var travado = func() int {\n\tfor {\n\t}\n}()\n\n"
        "func GradienteReta(r gabarito.Reta) [2]float64 {\n\treturn [2]float64{}\n}\n")
    (pasta / "gil").mkdir(parents=True)
    nbformat.write(nb, pasta / "gil" / "00-introducao.ipynb")


def le_csv(caminho):
    with open(caminho, encoding="utf-8") as f:
        return {(r["aluno"], r["exercicio"]): r for r in csv.DictReader(f)}


def corrige(pasta, saida, *extras):
    inicio = time.time()
    r = subprocess.run([sys.executable, str(RAIZ / "scripts" / "corrige.py"), str(pasta), "--saida", str(saida),
                        "--licoes", "00", *extras], capture_output=True, text=True)
    print(r.stdout[-4000:], flush=True)
    if r.returncode != 0:
        print(r.stderr[-4000:], flush=True)
    return r, time.time() - inicio


def main():
    if os.geteuid() != 0:
        print("(pulado: precisa de root para os usuários sem privilégios e o unshare)")
        print("\ncorrige: 0 passed, 0 failed")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="testa-corrige-"))
    os.chmod(tmp, 0o755)
    try:
        pasta, saida = tmp / "turma", tmp / "saida"
        saida.mkdir()
        (saida / "canario.txt").write_text("não me apague")
        turma(pasta, saida)
        hash_ana = hashlib.sha256((pasta / "ana" / "00-introducao.ipynb").read_bytes()).hexdigest()

        r, dur = corrige(pasta, saida, "--paralelo", "2", "--limite-notebook", "400", "--limite-celula", "120")
        confere(f"a correção da turma termina com código 0 ({dur:.0f} s)", r.returncode == 0, r.stderr[-2000:])
        notas = le_csv(saida / "notas.csv") if (saida / "notas.csv").exists() else {}
        relatorio = (saida / "relatorio.txt").read_text(encoding="utf-8") if (saida / "relatorio.txt").exists() else ""
        confere("notas.csv: uma linha por aluno e exercício (5 alunos × 3)", len(notas) == 15, str(len(notas)))
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

        confere("fabio (vândalo): o kernel que morreu está no relatório e nas notas",
                "fabio, lição 00-introducao: o kernel morreu" in relatorio
                and "kernel morreu" in g("fabio", "00-softmax").get("observacao", "")
                and "kernel morreu" in g("fabio", "00-parametros").get("observacao", ""), relatorio)
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
        sol = en.solucoes(nbformat.read(RAIZ / "notebooks" / "00-introducao.ipynb", as_version=4))
        confere("página do bruno: diz qual verificação falhou e a dica, em português",
                "00-softmax" in pag_bruno and "❌ não passou" in pag_bruno and "💡 calcule m = max(z)" in pag_bruno
                and 'lang="pt-BR"' in pag_bruno, pag_bruno[:1500])
        linhas_sol = [ln.strip() for codigo in sol.values() for ln in codigo.splitlines()
                      if len(ln.strip()) > 25 and not ln.strip().startswith("//")]
        vazou = [ln for ln in linhas_sol for f in saida.glob("*.html") if ln in f.read_text(encoding="utf-8")]
        confere("nenhuma página mostra a solução", not vazou, str(vazou[:3]))
        confere("uma página por aluno e o índice",
                all((saida / f"{a}.html").exists() for a in ("ana", "bruno", "carla", "davi", "fabio"))
                and "ana" in (saida / "index.html").read_text(encoding="utf-8"))

        # Laço infinito: o limite do notebook interrompe, o que rodou antes conta.
        pasta2, saida2 = tmp / "turma2", tmp / "saida2"
        turma_gil(pasta2)
        limite = 60
        r, dur = corrige(pasta2, saida2, "--limite-notebook", str(limite), "--limite-celula", "20")
        notas2 = le_csv(saida2 / "notas.csv") if (saida2 / "notas.csv").exists() else {}
        rel2 = (saida2 / "relatorio.txt").read_text(encoding="utf-8") if (saida2 / "relatorio.txt").exists() else ""
        confere(f"gil (laço infinito): interrompido pelo limite de {limite} s (a correção levou {dur:.0f} s)",
                r.returncode == 0 and dur < limite + 60 and "gil, lição 00-introducao: tempo esgotado" in rel2,
                rel2 + r.stderr[-1500:])
        s = notas2.get(("gil", "00-softmax"), {})
        confere("gil: o pânico de antes do laço foi registrado (casos verificados, mensagem de pânico)",
                s.get("passou") == "não" and s.get("casos_verificados") == "38" and "pânico" in s.get("observacao", ""),
                str(s))
        confere("gil: os exercícios depois do laço não rodaram por falta de tempo",
                "tempo" in notas2.get(("gil", "00-parametros"), {}).get("observacao", ""), str(notas2))
        sobras = subprocess.run(["pgrep", "-u", "representacoes-corrige-1"], capture_output=True, text=True).stdout
        confere("nenhum processo do aluno sobrou depois do limite", not sobras.strip(), sobras)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\ncorrige: {passou} passed, {falhou} failed")
    return 1 if falhou else 0


if __name__ == "__main__":
    sys.exit(main())
