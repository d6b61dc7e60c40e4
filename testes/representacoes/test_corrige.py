"""As funções pequenas da correção da turma (entregas, relatório, juiz) e a
linha de comando."""

import subprocess

import nbformat
import pytest

from representacoes import RAIZ, corrige, entregas, juiz, relatorio

v4 = nbformat.v4


def curso():
    return v4.new_notebook(cells=[
        v4.new_code_cell("// escreva aqui", metadata={"exercicio": "00-a"}),
        v4.new_code_cell('%%\nexercicios.Verifica("00-a")'),
        v4.new_code_cell("// escreva aqui também", metadata={"exercicio": "00-b"}),
        v4.new_code_cell('%%\nexercicios.Verifica("00-b")'),
    ])


def test_licao_pelo_nome():
    todas = ["00-introducao", "01-cnn"]
    assert entregas.licao_pelo_nome("01-cnn (cópia)", todas) == "01-cnn"
    assert entregas.licao_pelo_nome("00_minha", todas) == "00-introducao"
    assert entregas.licao_pelo_nome("07-outra", todas) is None
    assert entregas.licao_pelo_nome("introducao", todas) is None


def test_monta_usa_o_codigo_do_aluno_e_diz_o_que_falta_e_o_que_nao_mexeu():
    nb_curso = curso()
    aluno = v4.new_notebook(cells=[v4.new_code_cell("  // escreva aqui\n", metadata={"exercicio": "00-a"}),
                                   v4.new_code_cell("verificação trocada")])
    nb, faltam, intocados = entregas.monta(nb_curso, aluno)
    assert (faltam, intocados) == (["00-b"], ["00-a"])
    assert nb.cells[1].source == '%%\nexercicios.Verifica("00-a")'  # a verificação é a do curso
    assert nb.cells[2].source == "// escreva aqui também"  # o que falta fica com o enunciado
    aluno.cells[0].source = ["func A() {\n", "}\n"]
    nb, faltam, intocados = entregas.monta(nb_curso, aluno)
    assert nb.cells[0].source == "func A() {\n}\n" and intocados == []
    assert nb_curso.cells[0].source == "// escreva aqui"  # o do curso não muda


def test_identifica_pelos_exercicios_e_avisa_do_nome_errado(tmp_path):
    outro = v4.new_notebook(cells=[v4.new_code_cell("x", metadata={"exercicio": "01-x"})])
    todas = {"00-introducao": curso(), "01-cnn": outro}
    nbformat.write(outro, tmp_path / "00-introducao.ipynb")
    (tmp_path / "01-cortado.ipynb").write_text('{"cells": [', encoding="utf-8")
    escolhidos, problemas = entregas.identifica(sorted(tmp_path.glob("*.ipynb")), todas, todas)
    assert list(escolhidos) == ["01-cnn"]
    textos = " | ".join(p for _, p in problemas)
    assert "tem os exercícios da lição 01-cnn" in textos
    assert "JSON corrompido" in textos


def test_nomes_de_arquivo_sem_colisao():
    nomes = relatorio.nomes_de_arquivo(["André", "André?", "../x", "..."])
    assert nomes == {"André": "André", "André?": "André-2", "../x": "x", "...": "aluno"}


def test_resume_erro_tira_caminhos_e_cores():
    texto = ('ERROR: parsing go files in TempDir "/tmp/gonb_1": \n'
             "\x1b[31m./main.go:12:3: undefined: foo\x1b[0m\n/tmp/x/main.go:13: outra\n")
    cel = {"outputs": [{"output_type": "stream", "name": "stderr", "text": texto},
                       {"output_type": "error", "ename": "Erro", "evalue": "compilação"}]}
    erro = relatorio.erros_da_celula(cel)
    assert "\x1b" not in erro
    assert relatorio.resume_erro(erro) == "undefined: foo | outra | Erro: compilação"
    assert relatorio.resume_erro("x" * 500, limite=10) == "x" * 10 + "…"


def test_pagina_do_aluno_nao_tem_html_do_aluno():
    linhas = {"00": [dict(exercicio="00-a", passou=False, casos=3, falhas=1, observacao="<script>", dica="olhe")]}
    pagina = relatorio.html_do_aluno("<b>ana</b>", linhas, [("00", "um problema")])
    assert "<script>" not in pagina and "&lt;script&gt;" in pagina
    assert "0 de 1" in pagina and "💡 olhe" in pagina and 'lang="pt-BR"' in pagina


def test_linha_do_exercicio():
    rs = [{"passou": True, "casos": 5, "falhas": 0, "mensagem": "ok"},
          {"passou": False, "casos": 5, "falhas": 2, "mensagem": "2 falharam", "dica": "d"}]
    ln = juiz.linha_do_exercicio("00-a", rs, None, {}, False, [], [])
    assert ln == dict(passou=False, casos=5, falhas=2, observacao="2 falharam", dica="d")
    ln = juiz.linha_do_exercicio("00-a", rs[:1], None, {}, False, [], [])
    assert ln["passou"] and ln["observacao"] == "passou" and ln["dica"] == ""
    ln = juiz.linha_do_exercicio("00-a", rs, None, {}, False, [], ["00-a"])
    assert ln["observacao"].startswith("não feito")
    ln = juiz.linha_do_exercicio("00-a", None, None, {}, True, [], [])
    assert ln["observacao"] == "não rodou: o tempo do notebook se esgotou"


def test_linha_do_exercicio_sem_resultado_diz_por_que():
    nb = curso()
    nb.cells[0].outputs = [v4.new_output("stream", name="stderr", text="main.go:3: undefined: x")]
    nb.cells[0].execution_count = 1
    ln = juiz.linha_do_exercicio("00-a", None, nb, {}, False, [], [])
    assert ln["observacao"] == "a célula do exercício deu erro (não compila?): undefined: x"
    ln = juiz.linha_do_exercicio("00-a", None, nb, {"kernel_morreu": 1}, False, [], [])
    assert "o kernel morreu durante a verificação" in ln["observacao"]


def test_nada_feito():
    linhas = corrige.nada_feito(["00-a", "00-b"], ["00-b"])
    assert [ln["observacao"] for ln in linhas] == ["não feito (a célula está como o curso a entregou)",
                                                   "célula do exercício não encontrada"]
    assert not any(ln["passou"] for ln in linhas)


def test_opcoes_da_linha_de_comando():
    a = corrige.le_argumentos(["turma", "--paralelo", "2", "--licoes", "00,01", "--com-rede", "--guarda"])
    assert (a.paralelo, a.licoes, a.sem_rede, a.guarda) == (2, "00,01", False, True)
    a = corrige.le_argumentos([])
    assert (a.limite_notebook, a.limite_celula, a.limite_memoria, a.limite_memoria_juiz) == (900, 300, 2, 6)
    assert (a.limite_processos, a.limite_disco, a.limite_arquivo, a.limite_chamada, a.limite_inicio) == (
        256, 256, 256, 30, 60)


@pytest.mark.parametrize("comando", [[], ["executa", "--help"], ["corrige", "--help"]])
def test_python_m_representacoes(comando):
    r = subprocess.run([str(RAIZ / ".venv" / "bin" / "python"), "-m", "representacoes", *comando], cwd=RAIZ,
                       capture_output=True, text=True)
    assert ("Uso:" in r.stdout or "usage:" in r.stdout), r.stderr
    assert r.returncode == (2 if not comando else 0)
