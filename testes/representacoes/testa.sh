#!/usr/bin/env bash
# Os testes do pacote representacoes (pytest, em testes/representacoes/):
# o metadado das células, o arquivo de resultados, a contagem, os quadros e
# a codificação do canal da correção, as funções pequenas da correção.
# Instala o pytest no .venv se faltar (testes/representacoes/requirements.txt;
# a imagem do curso não o leva). Termina com "representacoes: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
cd "$RAIZ"
if ! "${PY[@]}" -c 'import pytest' 2>/dev/null; then
	"$RAIZ/.venv/bin/pip" install --quiet --disable-pip-version-check \
		-r testes/representacoes/requirements.txt || exit 1
fi
exec "${PY[@]}" -m pytest -q -p no:cacheprovider testes/representacoes "$@"
