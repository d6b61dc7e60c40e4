#!/usr/bin/env bash
# O JupyterLab em português: a tradução que ele serve (python -m
# representacoes idioma testa; o teste mora com o código que aplica a
# tradução). Termina com "idioma: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
cd "$RAIZ"
exec "${PY[@]}" -m representacoes idioma testa
