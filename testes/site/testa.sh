#!/usr/bin/env bash
# O site do curso (scripts/site.sh; veja representacoes/site.py): construído
# das lições que os testes acabaram de executar no modo rápido e conferido num
# Chromium de verdade, sem rede (testes/site/site.mjs): cada página carrega
# sem erro, com as imagens e a matemática, nenhuma requisição sai da página, a
# navegação, a busca e os rótulos em português; capturas de tela em
# saidas/site-capturas/. E uma execução com uma célula com erro não vira site:
# a construção para e diz a lição e a célula.
#
# Instala, se faltar: as ferramentas do site (scripts/site.sh), o Chromium do
# Debian e o playwright-core de testes/navegador (npm).
# Uso: testes/site/testa.sh. Termina com "site: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
. "$RAIZ/testes/conta.sh"
cd "$RAIZ"
conta_inicia site

if ! command -v chromium >/dev/null; then
	if [ "$(id -u)" != 0 ]; then
		echo "✘ o teste do site precisa do Chromium: rode 'sudo apt-get install chromium' e de novo este script." >&2
		exit 1
	fi
	apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1
fi
(cd testes/navegador && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error; }) || exit 1

# 1. A construção, das lições executadas pelos testes (modo rápido).
log=$(mktemp)
inicio=$(date +%s)
bash scripts/site.sh >"$log" 2>&1
codigo=$?
confere "scripts/site.sh constrói o site das lições executadas ($(( $(date +%s) - inicio )) s; $(grep -o '[0-9,]* MB' "$log" || echo '?'))" $codigo "$(tail -30 "$log")"

# 2. Uma célula com erro na execução para a construção, com a lição e a célula.
temp=$(mktemp -d)
primeira=$(ls notebooks/[0-9][0-9]-*.ipynb | head -1)
"$RAIZ/.venv-site/bin/python" - "$primeira" "$temp" <<'PY'
import sys
from pathlib import Path
import nbformat
licao, temp = Path(sys.argv[1]), Path(sys.argv[2])
nb = nbformat.read(licao, as_version=4)
i = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
nb.cells[i].outputs = [nbformat.v4.new_output("error", ename="ErroDeCompilacao", evalue="x não declarado", traceback=[])]
nbformat.write(nb, temp / (licao.stem + "-entregue.ipynb"))
(temp / "celula").write_text(str(i))
PY
celula=$(cat "$temp/celula")
env "PYTHONPATH=$RAIZ" "$RAIZ/.venv-site/bin/python" -m representacoes.site --saidas "$temp" --destino "$temp/site" >"$log" 2>&1
codigo=$?
nome=$(basename "$primeira")
[ $codigo -ne 0 ] && grep -q "$nome.*a célula $celula .*ErroDeCompilacao" "$log" && ! [ -e "$temp/site/index.html" ]
confere "uma célula com erro para a construção e diz qual ($nome, célula $celula)" $? "código $codigo; $(tail -8 "$log")"
rm -rf "$temp" "$log"

# 3. O site no Chromium, sem rede.
# shellcheck source=scripts/sem-rede.sh
. "$RAIZ/scripts/sem-rede.sh"
saida=$(sem_rede node testes/site/site.mjs 2>&1)
echo "$saida" | grep -v -E '^\((sem rede|aviso)|^site: [0-9]+ passed'
conta_soma "$(linha_final "$saida" site)" "o teste do site no Chromium (testes/site/site.mjs)" <(echo "$saida")
conta_fim
