"""O site do curso (representacoes/site.py): as partes que não precisam do Sphinx."""

from pathlib import Path

import nbformat
import pytest

from representacoes import RAIZ, site

v4 = nbformat.v4


def test_as_licoes_sao_as_de_notebooks_na_ordem():
    licoes = site.licoes()
    assert licoes == sorted((RAIZ / "notebooks").glob("[0-9][0-9]-*.ipynb")) and licoes
    assert all(site.titulo(nbformat.read(l, as_version=4)).startswith("Lição ") for l in licoes)


def test_o_botao_do_jupyterhub_abre_a_licao_na_pasta_do_aluno():
    licao = Path("notebooks/01-cnn.ipynb")
    assert site.endereco_no_hub("", licao) == ""
    assert site.endereco_no_hub("https://hub.escola.br/", licao) == \
        "https://hub.escola.br/hub/user-redirect/lab/tree/01-cnn.ipynb"
    assert site.hub_da_configuracao() == ""  # o site do repositório sai sem botão


def test_uma_celula_com_erro_e_nomeada():
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# Lição 09"), v4.new_code_cell("x")])
    nb.cells[1].outputs = [v4.new_output("error", ename="Erro", evalue="x não declarado", traceback=[])]
    (erro,) = site.erros(nb, "09-x.ipynb")
    assert "09-x.ipynb" in erro and "célula 1" in erro and "x não declarado" in erro


def test_as_referencias_de_cada_licao():
    for licao in site.licoes():
        if licao.name[:2] in {"00", "01", "02", "03", "04"}:
            assert site.referencias(nbformat.read(licao, as_version=4)), licao.name
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("## Para saber mais\n\n* A (2020).\n\n## Outra\n\nfora")])
    assert site.referencias(nb) == "* A (2020)."


def test_o_aviso_fica_logo_abaixo_do_titulo():
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# Lição 09 — X\n\nTexto.")])
    site.poe_depois_do_titulo(nb, v4.new_markdown_cell("AVISO"))
    assert nb.cells[0].source.split("\n")[:3] == ["# Lição 09 — X", "", "AVISO"]


def test_uma_licao_sem_execucao_diz_o_que_rodar(tmp_path):
    with pytest.raises(site.ErroDoSite, match="testes/notebooks/testa.sh"):
        site.execucao(RAIZ / "notebooks" / "00-introducao.ipynb", "rapido", tmp_path)


def test_os_links_relativos_das_referencias_apontam_para_as_licoes():
    texto = "* [lição 01](01-cnn.ipynb), [figura](figuras/a.svg), [artigo](https://x.org/a), [aqui](#sec)"
    assert site.links_para_licoes(texto) == ("* [lição 01](licoes/01-cnn.ipynb), [figura](licoes/figuras/a.svg), "
                                             "[artigo](https://x.org/a), [aqui](#sec)")
