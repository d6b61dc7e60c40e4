#!/usr/bin/env bash
# Mede o passo de treino de cada modelo das lições no XLA e no Go puro,
# alternando os dois motores modelo a modelo (e repetindo REP vezes), para
# que a razão seja justa numa máquina dividida. Escreve linhas JSON em $1:
# primeiro a tabela dos treinos das lições (a do medemotores_test.go, que o
# tabela.py lê), depois as medidas. Os modelos vêm da mesma tabela Go.
# Uso: internal/medemotores/mede.sh saida.jsonl [REP]
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$RAIZ"
export REPRESENTACOES_RAIZ="$RAIZ" GOMLX_NO_AUTO_INSTALL=1 REPRESENTACOES_SILENCIO=1
. "$RAIZ/scripts/ambiente-go.sh"
SAIDA="$1"; REP="${2:-1}"
BIN="$(mktemp -d)/medemotores.test"
go test -c -o "$BIN" ./internal/medemotores
modelos=$("$BIN" -modelos)
"$BIN" -treinos >>"$SAIDA"
for r in $(seq "$REP"); do
	for m in $modelos; do
		for motor in xla go; do
			if [ "$motor" = go ]; then export GOMLX_BACKEND=go; else unset GOMLX_BACKEND; fi
			(cd internal/medemotores && REPRESENTACOES_MEDE="$m" timeout 300 "$BIN" -test.run '^TestMede$' -test.count=1 -test.v 2>&1) | grep '^MEDIDA ' | sed 's/^MEDIDA //' | tee -a "$SAIDA" || echo "{\"modelo\":\"$m\",\"motor\":\"$motor\",\"falhou\":true}" | tee -a "$SAIDA"
		done
	done
done
