#!/usr/bin/env bash
# Testa a correção de uma turma (python -m representacoes corrige) com
# entregas ruins e hostis de propósito (veja testes/corrige/turma.py; uns
# 7 min). Precisa de root. Termina com "corrige: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
cd "$RAIZ"
exec "${PY[@]}" testes/corrige/turma.py "$@"
