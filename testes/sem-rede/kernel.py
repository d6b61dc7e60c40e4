"""Confere o kernel do curso sem internet (testes/sem-rede/testa.sh roda este
teste num espaço de rede só com a interface local, com `unshare -n`, quando
é root; o testes/imagem/testa.sh, dentro do contêiner).

O GoNB roda "go get" antes de cada célula, e o "go get" consulta o proxy de
módulos mesmo quando o cache já tem tudo; o scripts/kernel-gonb.sh desliga o
proxy (GOPROXY=off) e o scripts/kernel/go explica em português um import que
o curso não tem. Este teste roda, num notebook de poucas células:

  1. uma célula com o gonum/plot e outra com um pacote do curso e o GoMLX:
     têm de rodar (tudo vem do cache de módulos);
  2. um import de um módulo que não existe, outro com um erro de digitação
     num caminho do GoMLX e um caminho do GoMLX v0.26 (de uma lição copiada
     antes da atualização do curso): a célula tem de falhar com a frase em
     português que diz o que falta, sem a pilha de erros do go em inglês.

Uso: testes/sem-rede/testa.sh (ou, com a raiz do curso no PYTHONPATH,
     .venv/bin/python testes/sem-rede/kernel.py)
Termina com a linha "sem-rede: N passed, M failed".
"""

import re
import sys

import nbformat
from nbclient import NotebookClient

from representacoes import RAIZ
from representacoes.conta import Conta

CELULAS = [
    ("o gonum/plot vem do cache de módulos",
     'import (\n\t"fmt"\n\n\t"gonum.org/v1/plot"\n)\n%%\np := plot.New()\nfmt.Println("plot ok:", p != nil)',
     "plot ok: true", None),
    ("um pacote do curso e o GoMLX compilam e rodam",
     'import (\n\t"fmt"\n\n\t"github.com/go-estudos/representacoes/pkg/curso"\n\t"github.com/go-estudos/representacoes/pkg/treino"\n\t"github.com/gomlx/gomlx/core/graph"\n)\n'
     '%%\nfmt.Println("curso ok:", curso.Num(0.5, 2), treino.Treina != nil, graph.Add != nil)',
     "curso ok: 0,50 true true", None),
    ("um módulo que não existe: a frase em português diz qual é",
     'import "github.com/fulano/naoexiste"\n%%\nnaoexiste.Faz()',
     None, "importa um pacote que o curso não tem: github.com/fulano/naoexiste."),
    ("um erro de digitação no caminho do GoMLX: a frase em português diz qual é",
     'import "github.com/gomlx/gomlx/core/grafo"\n%%\ngrafo.Add()',
     None, "importa um pacote que o curso não tem: github.com/gomlx/gomlx/core/grafo."),
    ("um caminho do GoMLX v0.26 (lição copiada de uma versão antiga do curso): manda abrir a versão nova",
     'import (\n\t"fmt"\n\n\t"github.com/gomlx/gomlx/pkg/core/graph"\n)\n%%\nfmt.Println(graph.Add)',
     None, "de uma versão antiga do curso"),
]


def texto_das_saidas(celula):
    partes = []
    for o in celula.get("outputs", []):
        partes.append(o.get("text") or "")
        partes.append(o.get("evalue") or "")
        dados = o.get("data", {})
        for chave in ("text/plain", "text/html"):
            v = dados.get(chave, "")
            partes.append(v if isinstance(v, str) else "".join(v))
    t = "\n".join(partes)
    # O GoNB mostra erros em HTML: tira as marcas para comparar o texto.
    return re.sub(r"<[^>]+>", "", t).replace("&#34;", '"').replace("&#39;", "'")


def main():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c[1]) for c in CELULAS]
    cliente = NotebookClient(nb, kernel_name="gonb", timeout=300, allow_errors=True,
                             resources={"metadata": {"path": str(RAIZ / "notebooks")}})
    conta = Conta("sem-rede")
    try:
        cliente.execute()
    except Exception as e:  # noqa: BLE001
        conta.confere("o kernel GoNB rodou o notebook de teste", False, str(e))
    for (nome, _, espera_saida, espera_erro), celula in zip(CELULAS, nb.cells):
        t = texto_das_saidas(celula)
        erro = any(o.get("output_type") == "error" for o in celula.get("outputs", []))
        if espera_saida is not None:
            ok = not erro and espera_saida in t
        else:
            ok = erro and espera_erro in t and "go.work" not in t and "cannot find module" not in t
        conta.confere(nome, ok, "a saída foi:\n" + t.strip()[-1500:])
    return conta.fim()


if __name__ == "__main__":
    sys.exit(main())
