#!/usr/bin/env bash
# O site do curso: as lições como o aluno as vê antes de resolver, com as
# saídas de uma execução de verdade, e as páginas de site/paginas/ (veja
# representacoes/site.py). Um site estático em saidas/site/: abra o
# saidas/site/index.html no navegador, sem servidor e sem internet.
#
# Instala, se faltar (só para o site; nada disso entra na imagem do curso):
# o Sphinx, o myst-nb e o sphinx-book-theme em .venv-site/ (versões fixadas
# em docker/site-requirements.txt) e o MathJax em site/node_modules/ (npm,
# fixado em site/package-lock.json).
#
# Uso: scripts/site.sh            as lições do modo rápido, executadas pelos testes
#                                 (bash testes/notebooks/testa.sh ou testes/imagem/testa.sh)
#      scripts/site.sh --completo as do modo completo (scripts/resultados.sh): o site publicado
#      (outras opções: python -m representacoes.site --help)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/preambulo.sh"
cd "$RAIZ"
VENV="$RAIZ/.venv-site"
marca="$VENV/.requirements.sha256"
soma=$(sha256sum docker/site-requirements.txt | cut -d' ' -f1)
if [ "$(cat "$marca" 2>/dev/null)" != "$soma" ]; then
	echo "▶ instalando as ferramentas do site em .venv-site/ (docker/site-requirements.txt)"
	python3 -m venv "$VENV"
	"$VENV/bin/pip" install --quiet --disable-pip-version-check -r docker/site-requirements.txt
	echo "$soma" >"$marca"
fi
if ! [ -f site/node_modules/mathjax/es5/tex-chtml.js ]; then
	command -v npm >/dev/null || { echo "✘ o site precisa do npm para o MathJax (apt-get install npm)." >&2; exit 1; }
	echo "▶ instalando o MathJax em site/node_modules/ (site/package-lock.json)"
	(cd site && npm ci --no-audit --no-fund --loglevel=error)
fi
exec env "PYTHONPATH=$RAIZ" "$VENV/bin/python" -m representacoes.site "$@"
