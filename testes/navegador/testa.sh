#!/usr/bin/env bash
# Testa o curso num navegador de verdade (veja testes/navegador/curso.mjs):
# instala o que falta só para este teste — o Chromium do Debian, uma fonte de
# emoji (para as capturas mostrarem ✅/❌) e o playwright-core fixado no
# package-lock.json — e roda, sem rede (scripts/sem-rede.sh). As capturas de
# tela ficam em saidas/navegador/.
#
# Uso: testes/navegador/testa.sh [notebooks/00-introducao.ipynb ...]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
cd "$RAIZ/testes/navegador"

falta=()
command -v chromium >/dev/null || falta+=(chromium)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || falta+=(fonts-noto-color-emoji)
if [ ${#falta[@]} -gt 0 ]; then
	echo "▶ instalando ${falta[*]} (pacotes do Debian, só para o teste no navegador)"
	if [ "$(id -u)" != 0 ]; then
		echo "✘ preciso de root para instalar ${falta[*]}: rode 'sudo apt-get install ${falta[*]}' e de novo este script." >&2
		exit 1
	fi
	apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${falta[@]}" >/dev/null 2>&1
fi
command -v node >/dev/null || { echo "✘ o teste no navegador precisa do Node.js (apt-get install nodejs npm)." >&2; exit 1; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
# Instalado o que faltava, o curso roda sem internet, como o aluno offline:
# num espaço de rede só com a interface local (quando somos root).
# shellcheck source=scripts/sem-rede.sh
source "$RAIZ/scripts/sem-rede.sh"
sem_rede node curso.mjs "$@"
