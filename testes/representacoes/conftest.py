"""As conferências do pytest na contagem do curso (representacoes/conta.py):
uma linha "ok   …" ou "FAIL …" por teste e, no fim, "representacoes: N
passed, M failed", que o scripts/test.sh soma."""

from representacoes.conta import Conta

CONTA = Conta("representacoes")


def pytest_runtest_logreport(report):
    # Conta a chamada do teste; uma preparação (fixture) que falhou também.
    if report.skipped or (report.when != "call" and report.passed):
        return
    detalhe = "" if report.passed else str(report.longrepr).strip().splitlines()[-1][:500]
    CONTA.confere(report.nodeid, report.passed, detalhe)


def pytest_sessionfinish(session, exitstatus):
    print()
    CONTA.fim()


def pytest_report_teststatus(report, config):
    # Sem os pontos de progresso do pytest: as linhas "ok/FAIL" acima já dizem tudo.
    if report.when == "call":
        return report.outcome, "", report.outcome.upper()
    return None
