#!/usr/bin/env bash
# As lições executadas sem navegador (nbclient + GoNB), no modo rápido, com as
# soluções e como entregues, sem rede (python -m representacoes executa; veja
# representacoes/executa.py). Opções: as do executa (notebooks, --modos…).
# Termina com "notebooks: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
cd "$RAIZ"
# shellcheck source=scripts/sem-rede.sh
. "$RAIZ/scripts/sem-rede.sh"
sem_rede "${PY[@]}" -m representacoes executa "$@"
