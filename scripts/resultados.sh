#!/usr/bin/env bash
# Roda as lições no modo COMPLETO (todos os dados e passos, com as soluções
# dos exercícios) e resume o que cada uma mostrou: tempo de cada treino,
# acurácias de validação e de teste. São os números que as lições prometem;
# demoram minutos, por isso não estão no scripts/test.sh.
#
# Uso: scripts/resultados.sh [notebooks/01-cnn.ipynb ...]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/preambulo.sh"
cd "$RAIZ"
garante_setup
saida="$RAIZ/saidas/completo"
modelos=$(mktemp -d)
trap 'rm -rf "$modelos"' EXIT
inicio=$(date +%s)
mkdir -p "$saida"
carga_inicio=$(cut -d' ' -f1 /proc/loadavg)
"${PY[@]}" -m representacoes executa --completo --modos solucoes \
	--saida "$saida" --modelos "$modelos" "$@" 2>/dev/null | grep -E '^(==|ok|FAIL|notebooks:)' | tee "$saida/.resumo.txt"
# Quanto cada lição leva no modo completo (o relatório de desempenho, scripts/bench/relatorio.py, mostra).
{
	echo "# $(date +%F) $(nproc) núcleos, carga no início $carga_inicio, no fim $(cut -d' ' -f1 /proc/loadavg)"
	sed -nE 's/^== (.*)\.ipynb \[solucoes\]: ([0-9]+)s.*/\1\t\2/p' "$saida/.resumo.txt"
} >"$saida/tempos.tsv"
echo
echo "## Resultados no modo completo ($(nproc) núcleos, $(date +%F))"
"$RAIZ/.venv/bin/python" - "$saida" <<'PY'
import json, re, sys
from pathlib import Path
for nb in sorted(Path(sys.argv[1]).glob("*-completo.ipynb")):
    print(f"\n### {nb.name.replace('-solucoes-completo.ipynb', '')}")
    for cell in json.loads(nb.read_text())["cells"]:
        for o in cell.get("outputs", []):
            texto = "".join(o.get("text", ""))
            for linha in texto.splitlines():
                if re.search(r"^Treino \".*\": .*passos em|^No fim:|Acurácia no teste|acurácia de validação|^\s*(perceptron|MLP|LeNet)|erros no teste", linha):
                    print("    " + linha.strip())
PY
echo
echo "Tempo total: $(( $(date +%s) - inicio ))s"
