"""A contagem das suítes (representacoes/conta.py), no protocolo de todas as
linguagens: "ok   NOME", "FAIL NOME — detalhe", "SUITE: N passed, M failed"."""

import io

from representacoes import conta


def test_conta_e_escreve_no_protocolo():
    saida = io.StringIO()
    c = conta.Conta("exemplo", saida=saida)
    assert c.confere("um passa", True) is True
    assert c.confere("outro falha", 0, "veio 2\nesperava 3") is False
    c.confere("sem detalhe", False)
    assert c.fim() == 1
    assert saida.getvalue().splitlines() == [
        "ok   um passa",
        "FAIL outro falha — veio 2",
        "     esperava 3",
        "FAIL sem detalhe",
        "",
        "exemplo: 1 passed, 2 failed",
    ]


def test_fim_sem_falhas_e_zero():
    c = conta.Conta("x", saida=io.StringIO())
    c.confere("a", True)
    c.soma(3, 0)
    assert c.linha_final() == "x: 4 passed, 0 failed"
    assert c.fim() == 0


def test_le_linha_final():
    texto = "ok   a\nsem-rede: 5 passed, 1 failed\nnotebooks: 2 passed, 0 failed\nlixo\n"
    assert conta.le_linha_final(texto) == (2, 0)
    assert conta.le_linha_final(texto, "sem-rede") == (5, 1)
    assert conta.le_linha_final(texto, "hub") is None
    assert conta.le_linha_final("10 passed, 3 failed") == (10, 3)
