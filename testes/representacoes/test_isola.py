"""Os quadros do canal da correção e as contas pequenas de isola.py."""

import os
import struct
import time

import pytest

from representacoes import isola


def test_bytes_legiveis():
    assert isola.bytes_legiveis(2 * isola.GiB) == "2 GiB"
    assert isola.bytes_legiveis(256 * isola.MiB) == "256 MiB"
    assert isola.bytes_legiveis(int(1.5 * isola.GiB)) == "1,5 GiB"


@pytest.fixture
def cano():
    r, w = os.pipe()
    yield r, w
    for fd in (r, w):
        try:
            os.close(fd)
        except OSError:
            pass


def prazo(s=5):
    return time.monotonic() + s


def test_quadro_vai_e_volta(cano):
    r, w = cano
    for conteudo in [b"", b"ola", bytes(range(256)) * 100]:
        isola.escreve_quadro(w, conteudo)
        assert isola.le_quadro(r, prazo()) == conteudo


def test_quadro_e_o_tamanho_big_endian_e_o_conteudo(cano):
    r, w = cano
    isola.escreve_quadro(w, b"abc")
    assert os.read(r, 100) == b"\x00\x00\x00\x03abc"


def test_quadro_grande_demais_encerra(cano):
    r, w = cano
    os.write(w, struct.pack(">I", isola.MAX_QUADRO + 1))
    with pytest.raises(isola.Fim):
        isola.le_quadro(r, prazo())


def test_canal_fechado_no_meio_encerra(cano):
    r, w = cano
    os.write(w, struct.pack(">I", 10) + b"abc")
    os.close(w)
    with pytest.raises(isola.Fim):
        isola.le_quadro(r, prazo())


def test_prazo_vencido(cano):
    r, _ = cano
    with pytest.raises(TimeoutError):
        isola.le_quadro(r, time.monotonic() + 0.05)
