#!/usr/bin/env bash
# Sai com 0 se o scripts/setup.sh precisa rodar (nunca rodou, ou mudou algo
# que ele instala: go.sum, requirements, o próprio setup, a tradução do
# JupyterLab); 1 se está em dia.
# Com --soma, só escreve a soma do que o setup lê: o scripts/setup.sh a grava
# em .ferramentas/setup-ok quando termina (a lista de arquivos fica só aqui).
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$RAIZ" || exit 0
sha256() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
esperado=$(cat go.mod go.sum docker/requirements*.txt scripts/setup.sh scripts/ambiente-go.sh representacoes/__init__.py representacoes/__main__.py representacoes/idioma.py idioma/jupyterlab-pt_BR.po | sha256 | cut -d' ' -f1)
if [ "${1:-}" = --soma ]; then
	echo "$esperado"
	exit 0
fi
[ -f .ferramentas/setup-ok ] || exit 0
[ -x .venv/bin/jupyter ] && [ -x .ferramentas/bin/gonb ] || exit 0
[ "$(cat .ferramentas/setup-ok)" != "$esperado" ]
