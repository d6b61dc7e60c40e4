#!/usr/bin/env bash
# Testa a correção de uma turma (scripts/corrige.py) com entregas ruins de
# propósito (veja scripts/testa_corrige.py). Precisa de root. Termina com
# "corrige: N passed, M failed".
set -uo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$RAIZ/.venv/bin/python" "$RAIZ/scripts/testa_corrige.py" "$@"
