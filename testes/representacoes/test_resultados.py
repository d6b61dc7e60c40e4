"""O leitor do arquivo de resultados (representacoes/resultados.py). Os nomes
dos campos batem com os tipos do Go por um teste do Go
(pkg/curso, TestCamposDoLeitorPython)."""

import json

import pytest

from representacoes import resultados

# Linhas como o Go as escreve (curso.Registra e curso.Confere).
EXERCICIO = {"tipo": "exercicio", "id": "00-softmax", "passou": False, "casos": 38, "falhas": 3,
             "mensagem": "3 de 38 casos falharam", "dica": "calcule m = max(z)"}
AFIRMACAO = {"tipo": "afirmacao", "afirmacao": "a CNN passa de 90%", "ok": True}


def texto(*linhas):
    return "\n".join(json.dumps(ln) if isinstance(ln, dict) else ln for ln in linhas) + "\n"


def test_separa_exercicios_e_afirmacoes():
    outra = dict(EXERCICIO, passou=True, falhas=0)
    r = resultados.le_texto(texto(EXERCICIO, AFIRMACAO, "", outra))
    assert r.exercicios == {"00-softmax": [EXERCICIO, outra]}
    assert r.afirmacoes == [("a CNN passa de 90%", True)]
    assert r.ilegiveis == 0


def test_os_campos_do_exemplo_sao_os_do_formato():
    assert tuple(EXERCICIO) == resultados.CAMPOS_EXERCICIO
    assert tuple(AFIRMACAO) == resultados.CAMPOS_AFIRMACAO


def test_linha_estragada_levanta_no_modo_estrito():
    with pytest.raises(ValueError):
        resultados.le_texto(texto(EXERCICIO, "{não é json"))


@pytest.mark.parametrize("ruim", ["{não é json", "[1, 2]", '{"tipo": "exercicio"}', '{"tipo": "afirmacao"}'],
                         ids=["json-invalido", "nao-e-objeto", "exercicio-sem-campos", "afirmacao-sem-campos"])
def test_linha_estragada_e_contada_no_modo_tolerante(ruim):
    r = resultados.le_texto(texto(EXERCICIO, ruim, AFIRMACAO), tolerante=True)
    assert r.ilegiveis == 1
    assert list(r.exercicios) == ["00-softmax"]
    assert len(r.afirmacoes) == 1


def test_id_vira_texto():
    r = resultados.le_texto(texto(dict(EXERCICIO, id=7)))
    assert list(r.exercicios) == ["7"]


def test_arquivo_que_nao_existe_nao_tem_nada(tmp_path):
    r = resultados.le(tmp_path / "nao-existe.jsonl")
    assert (r.exercicios, r.afirmacoes, r.ilegiveis) == ({}, [], 0)


def test_le_do_arquivo(tmp_path):
    arquivo = tmp_path / "resultados.jsonl"
    arquivo.write_bytes(texto(EXERCICIO).encode() + b"\xff\xfe\n")
    assert resultados.le(arquivo, tolerante=True).ilegiveis == 1
    with pytest.raises(UnicodeDecodeError):
        resultados.le(arquivo)
