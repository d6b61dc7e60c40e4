"""O metadado das células das lições: o único lugar que sabe como uma célula
diz o que é.

  * exercício (o enunciado, como o aluno o recebe, e depois o código dele):
    célula de código com o metadado "exercicio": ID;
  * verificação: a primeira célula de código depois da do exercício (chama
    exercicios.Verifica…; o aluno não a edita, e a correção usa a do curso);
  * solução de referência: célula markdown com o metadado "solucao": ID e um
    bloco ```go (dentro de um <details>).

As funções aceitam células do nbformat ou dicionários do JSON do notebook.
(O Go lê o mesmo metadado em internal/codigo, LeNotebook; os testes no
navegador, em testes/navegador e testes/hub.)
"""

import copy
import re

EXERCICIO = "exercicio"
SOLUCAO = "solucao"
BLOCO_GO = re.compile(r"```go\n(.*?)```", re.S)


def _meta(celula):
    return celula.get("metadata") or {}


def fonte(celula):
    """O texto da célula (o source do JSON pode vir em linhas)."""
    s = celula.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def id_exercicio(celula):
    """O ID do exercício de uma célula de código, ou None."""
    ident = _meta(celula).get(EXERCICIO)
    if celula.get("cell_type") == "code" and isinstance(ident, str) and ident:
        return ident
    return None


def id_solucao(celula):
    """O ID da solução de uma célula markdown, ou None."""
    ident = _meta(celula).get(SOLUCAO)
    if celula.get("cell_type") == "markdown" and isinstance(ident, str) and ident:
        return ident
    return None


def _celulas(nb):
    return nb.cells if hasattr(nb, "cells") else nb["cells"]


def exercicios(nb):
    """Os IDs das células de exercício, na ordem do notebook."""
    return [i for i in map(id_exercicio, _celulas(nb)) if i]


def celulas_de_exercicio(nb):
    """{id: célula} das células de exercício (a primeira de cada id)."""
    cel = {}
    for c in _celulas(nb):
        ident = id_exercicio(c)
        if ident and ident not in cel:
            cel[ident] = c
    return cel


def indice_do_exercicio(nb, ident):
    """O índice da célula do exercício ident, ou None."""
    return next((i for i, c in enumerate(_celulas(nb)) if id_exercicio(c) == ident), None)


def indice_da_verificacao(nb, ident):
    """O índice da verificação do exercício ident (a próxima célula de código), ou None."""
    celulas = _celulas(nb)
    i = indice_do_exercicio(nb, ident)
    if i is None:
        return None
    return next((j for j in range(i + 1, len(celulas)) if celulas[j].get("cell_type") == "code"), None)


def solucoes(nb):
    """{id: código} das soluções de referência do notebook."""
    sol = {}
    for c in _celulas(nb):
        ident = id_solucao(c)
        if ident:
            m = BLOCO_GO.search(fonte(c))
            if not m:
                raise ValueError(f"a solução {ident!r} não tem um bloco ```go")
            sol[ident] = m.group(1).rstrip() + "\n"
    return sol


def troca_exercicios(nb, codigos):
    """Uma cópia do notebook com o código de cada exercício de codigos ({id:
    texto}) no lugar do enunciado; os outros ficam como estão."""
    nb = copy.deepcopy(nb)
    for c in _celulas(nb):
        ident = id_exercicio(c)
        if ident in codigos:
            c["source"] = codigos[ident]
    return nb


def vista_do_aluno(executado, original, aviso_verificacao):
    """Uma cópia do notebook original como o aluno o vê antes de resolver, com
    as saídas de uma execução (executado: o mesmo notebook rodado, com as
    soluções ou como entregue):

      * o texto de toda célula vem do original (as de exercício, o enunciado);
      * as saídas de cada célula de código vêm da execução, menos as da célula
        de exercício (ficam vazias: com as soluções, mostrariam a resposta) e
        as da verificação, trocadas por aviso_verificacao (uma saída do
        nbformat que explica o que a célula faz);
      * as soluções continuam recolhidas no <details> do original.

    Uma célula de código (fora os exercícios) com outro texto na execução, ou
    um número diferente de células, é ValueError: as saídas não seriam as
    daquele código."""
    orig, exe = _celulas(original), _celulas(executado)
    if len(orig) != len(exe):
        raise ValueError(f"a execução tem {len(exe)} células e a lição {len(orig)}: rode a lição de novo")
    verificacoes = {indice_da_verificacao(original, i) for i in exercicios(original)}
    nb = copy.deepcopy(original)
    for i, (c, e) in enumerate(zip(_celulas(nb), exe)):
        if c.get("cell_type") != "code":
            continue
        if id_exercicio(c):
            c["outputs"] = []
        elif fonte(c) != fonte(e):
            raise ValueError(f"a célula {i} mudou depois da execução: rode a lição de novo")
        elif i in verificacoes:
            c["outputs"] = [copy.deepcopy(aviso_verificacao)]
        else:
            c["outputs"] = copy.deepcopy(e.get("outputs", []))
        c["execution_count"] = e.get("execution_count")
    return nb


def com_solucoes(nb):
    """Uma cópia do notebook com a solução de referência em cada exercício."""
    sol = solucoes(nb)
    for ident in exercicios(nb):
        if ident not in sol:
            raise ValueError(f"o exercício {ident!r} não tem solução no notebook")
    return troca_exercicios(nb, sol)
