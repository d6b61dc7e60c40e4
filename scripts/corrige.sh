#!/usr/bin/env bash
# Corrige os notebooks de uma turma com as verificações do próprio curso
# (veja scripts/corrige.py): uma subpasta por aluno com os notebooks dele.
# Gera notas.csv, uma página por aluno, index.html e relatorio.txt.
#
# Uso: scripts/corrige.sh PASTA_DA_TURMA [--saida correcao] [--paralelo 2]
#        [--licoes 00,01] [--limite-notebook 900] [--modelos-prontos PASTA]
# Rode como root (sudo): cada vaga usa um usuário sem privilégios e a rede é
# cortada (unshare -n). Sem root, roda com o seu usuário e com a rede.
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if "$RAIZ/scripts/precisa-setup.sh"; then
	bash "$RAIZ/scripts/setup.sh"
fi
exec "$RAIZ/.venv/bin/python" "$RAIZ/scripts/corrige.py" "$@"
