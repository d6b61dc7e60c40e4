"""A contagem das suítes de teste em Python, no protocolo de todas as
linguagens do curso (o mesmo de testes/conta.sh e testes/conta.mjs):

  * cada conferência escreve uma linha no stdout: "ok   NOME" ou
    "FAIL NOME", com o detalhe de uma falha depois de " — " (as linhas
    seguintes de um detalhe longo vêm recuadas);
  * a suíte termina com a linha "SUITE: N passed, M failed", que o
    scripts/test.sh lê e soma.

    conta = Conta("idioma")
    conta.confere("o menu em português", menu == "Arquivo", f"veio {menu}")
    sys.exit(conta.fim())
"""

import re
import sys

LINHA_FINAL = re.compile(r"^(?:(?P<suite>[\w.-]+): )?(?P<passou>\d+) passed, (?P<falhou>\d+) failed")


def le_linha_final(texto, suite=None):
    """(passou, falhou) da última linha final de uma suíte em texto (de
    qualquer suíte, ou só da que se chama suite), ou None se não há."""
    achou = None
    for linha in texto.splitlines():
        m = LINHA_FINAL.match(linha)
        if m and (suite is None or m.group("suite") == suite):
            achou = (int(m.group("passou")), int(m.group("falhou")))
    return achou


def linha_de_conferencia(nome, ok, detalhe=""):
    """A linha (ou linhas) que uma conferência escreve."""
    if ok:
        return f"ok   {nome}"
    if not detalhe:
        return f"FAIL {nome}"
    primeira, *resto = str(detalhe).strip().splitlines() or [""]
    return "\n".join([f"FAIL {nome} — {primeira}", *("     " + ln for ln in resto)])


class Conta:
    """Os números de uma suíte."""

    def __init__(self, suite, saida=None):
        self.suite = suite
        self.passou = 0
        self.falhou = 0
        self.saida = saida

    def _escreve(self, texto):
        print(texto, file=self.saida or sys.stdout, flush=True)

    def confere(self, nome, ok, detalhe=""):
        """Conta e escreve uma conferência; devolve ok (para encadear)."""
        ok = bool(ok)
        if ok:
            self.passou += 1
        else:
            self.falhou += 1
        self._escreve(linha_de_conferencia(nome, ok, detalhe))
        return ok

    def soma(self, passou, falhou):
        """Soma os números de outra contagem (uma suíte dentro desta)."""
        self.passou += passou
        self.falhou += falhou

    def linha_final(self):
        return f"{self.suite}: {self.passou} passed, {self.falhou} failed"

    def fim(self):
        """Escreve a linha final e devolve o código de saída (1 se algo falhou)."""
        self._escreve("\n" + self.linha_final())
        return 1 if self.falhou else 0
