#!/usr/bin/env bash
# Mede a velocidade dos dois motores do GoMLX num modelo pequeno: um passo de
# treino (lote de 128, Adam) do MLP 784→256→128→10 da lição 00.
# Uso: scripts/bench-motores.sh [segundos por medida, padrão 5]
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$RAIZ"
"$RAIZ/scripts/precisa-setup.sh" && bash "$RAIZ/scripts/setup.sh"
export REPRESENTACOES_RAIZ="$RAIZ" GOMLX_NO_AUTO_INSTALL=1
. "$RAIZ/scripts/ambiente-go.sh"
t="${1:-5}s"
echo "| motor | ms por passo | exemplos/s |"
echo "|---|---|---|"
for motor in xla go; do
	if [ "$motor" = xla ]; then unset GOMLX_BACKEND; else export GOMLX_BACKEND=go; fi
	linha=$(go test -run '^$' -bench 'PassoMLP$' -benchtime "$t" ./pkg/treino 2>/dev/null | grep '^BenchmarkPassoMLP')
	ns=$(echo "$linha" | awk '{print $3}')
	ex=$(echo "$linha" | awk '{print $5}')
	nome=$([ "$motor" = xla ] && echo "XLA (CPU, plugin do setup)" || echo "Go puro (go:parallelism=-1)")
	awk -v n="$nome" -v ns="$ns" -v ex="$ex" 'BEGIN { printf "| %s | %.1f | %.0f |\n", n, ns / 1e6, ex }'
done
echo
echo "Máquina: $(nproc) núcleos, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go env GOVERSION)."
