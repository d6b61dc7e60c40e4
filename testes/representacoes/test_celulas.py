"""O metadado das células (representacoes/celulas.py)."""

import json

import nbformat
import pytest

from representacoes import RAIZ, celulas

v4 = nbformat.v4


def solucao(ident, codigo):
    return v4.new_markdown_cell(f"<details>\n\n```go\n{codigo}\n```\n</details>", metadata={"solucao": ident})


def notebook():
    return v4.new_notebook(cells=[
        v4.new_markdown_cell("# lição"),
        v4.new_code_cell("func A() {} // TODO", metadata={"exercicio": "00-a"}),
        v4.new_markdown_cell("explicação entre o exercício e a verificação"),
        v4.new_code_cell('%%\nexercicios.Verifica("00-a")'),
        solucao("00-a", "func A() { certo() }"),
        v4.new_code_cell("func B() {}", metadata={"exercicio": "00-b"}),
        v4.new_code_cell('%%\nexercicios.Verifica("00-b")'),
        solucao("00-b", "func B() { certo() }"),
        v4.new_code_cell("func A() {} // repetida", metadata={"exercicio": "00-a"}),
        v4.new_markdown_cell("não é exercício", metadata={"exercicio": "00-md"}),
    ])


def test_exercicios_na_ordem_e_so_celulas_de_codigo():
    assert celulas.exercicios(notebook()) == ["00-a", "00-b", "00-a"]


def test_celulas_de_exercicio_fica_com_a_primeira_de_cada_id():
    cel = celulas.celulas_de_exercicio(notebook())
    assert list(cel) == ["00-a", "00-b"]
    assert "TODO" in cel["00-a"].source


def test_verificacao_e_a_proxima_celula_de_codigo():
    nb = notebook()
    assert celulas.indice_do_exercicio(nb, "00-a") == 1
    assert celulas.indice_da_verificacao(nb, "00-a") == 3
    assert celulas.indice_da_verificacao(nb, "00-b") == 6
    assert celulas.indice_da_verificacao(nb, "nao-existe") is None


def test_solucoes_le_o_bloco_go():
    assert celulas.solucoes(notebook()) == {"00-a": "func A() { certo() }\n", "00-b": "func B() { certo() }\n"}


def test_solucao_sem_bloco_go_e_um_erro():
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("só texto", metadata={"solucao": "00-x"})])
    with pytest.raises(ValueError, match="00-x"):
        celulas.solucoes(nb)


def test_com_solucoes_troca_todo_exercicio_sem_mexer_no_original():
    nb = notebook()
    resolvido = celulas.com_solucoes(nb)
    codigo = [c.source for c in resolvido.cells if celulas.id_exercicio(c)]
    assert codigo == ["func A() { certo() }\n", "func B() { certo() }\n", "func A() { certo() }\n"]
    assert "TODO" in nb.cells[1].source


def test_exercicio_sem_solucao_e_um_erro():
    nb = notebook()
    del nb.cells[7]
    with pytest.raises(ValueError, match="00-b"):
        celulas.com_solucoes(nb)


def test_aceita_o_json_cru_com_source_em_linhas():
    nb = {"cells": [{"cell_type": "code", "metadata": {"exercicio": "00-a"}, "source": ["linha 1\n", "linha 2"]},
                    {"cell_type": "code", "metadata": {}, "source": "verifica"}]}
    assert celulas.exercicios(nb) == ["00-a"]
    assert celulas.fonte(nb["cells"][0]) == "linha 1\nlinha 2"
    assert celulas.indice_da_verificacao(nb, "00-a") == 1


def test_id_que_nao_e_texto_nao_e_exercicio():
    assert celulas.id_exercicio({"cell_type": "code", "metadata": {"exercicio": 3}}) is None
    assert celulas.id_exercicio({"cell_type": "code", "metadata": {"exercicio": ""}}) is None
    assert celulas.id_exercicio({"cell_type": "code"}) is None


@pytest.mark.parametrize("caminho", sorted((RAIZ / "notebooks").glob("[0-9]*.ipynb")), ids=lambda p: p.name)
def test_licoes_do_curso(caminho):
    """Em cada lição, todo exercício tem uma verificação logo abaixo (uma
    célula que chama um Verifica…) e uma solução de referência, e toda
    solução é de um exercício."""
    nb = json.loads(caminho.read_text(encoding="utf-8"))
    ids = celulas.exercicios(nb)
    assert ids, "a lição não tem exercícios"
    assert len(ids) == len(set(ids)), "um ID de exercício repetido"
    sol = celulas.solucoes(nb)
    assert set(sol) == set(ids)
    for ident in ids:
        i = celulas.indice_da_verificacao(nb, ident)
        assert i is not None and "Verifica" in celulas.fonte(nb["cells"][i]), f"a verificação de {ident}"


AVISO = v4.new_output("display_data", data={"text/html": "<p>No JupyterLab, esta célula confere o exercício.</p>"})


def executado_com_solucoes():
    """O notebook() rodado com as soluções: cada célula de código com uma saída."""
    nb = celulas.com_solucoes(notebook())
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code":
            c.outputs = [v4.new_output("stream", name="stdout", text=f"saída da célula {i}")]
            c.execution_count = i
    return nb


def test_vista_do_aluno_mostra_o_enunciado_esconde_a_resposta_e_explica_a_verificacao():
    original = notebook()
    vista = celulas.vista_do_aluno(executado_com_solucoes(), original, AVISO)
    # O exercício: o enunciado do original, sem a saída da solução.
    assert vista.cells[1].source == "func A() {} // TODO" and vista.cells[1].outputs == []
    assert vista.cells[5].source == "func B() {}" and vista.cells[5].outputs == []
    # A verificação: o aviso no lugar do ❌/✅ da execução.
    assert vista.cells[3].outputs == [AVISO] and vista.cells[6].outputs == [AVISO]
    # A solução continua recolhida, como no original; o original não muda.
    assert vista.cells[4].source.startswith("<details>")
    assert original.cells[3].get("outputs") == []


def test_vista_do_aluno_guarda_as_outras_saidas():
    nb = notebook()
    nb.cells.append(v4.new_code_cell("%%\nfmt.Println(1)"))
    executado = celulas.com_solucoes(nb)
    executado.cells[-1].outputs = [v4.new_output("stream", name="stdout", text="1\n")]
    vista = celulas.vista_do_aluno(executado, nb, AVISO)
    assert vista.cells[-1].outputs[0]["text"] == "1\n"


def test_vista_do_aluno_recusa_uma_execucao_de_outro_codigo():
    original = notebook()
    original.cells.append(v4.new_code_cell("%%\nfmt.Println(1)"))
    executado = celulas.com_solucoes(original)
    executado.cells[-1].source = "%%\nfmt.Println(2)"
    with pytest.raises(ValueError, match="célula 10 mudou"):
        celulas.vista_do_aluno(executado, original, AVISO)
    with pytest.raises(ValueError, match="rode a lição de novo"):
        celulas.vista_do_aluno(notebook(), original, AVISO)
