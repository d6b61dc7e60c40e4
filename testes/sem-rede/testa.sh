#!/usr/bin/env bash
# O kernel do curso sem internet (veja testes/sem-rede/kernel.py), num espaço
# de rede só com a interface local (scripts/sem-rede.sh). Termina com
# "sem-rede: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
cd "$RAIZ"
# shellcheck source=scripts/sem-rede.sh
. "$RAIZ/scripts/sem-rede.sh"
sem_rede "${PY[@]}" testes/sem-rede/kernel.py
