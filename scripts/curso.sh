#!/usr/bin/env bash
# Abre o curso: roda o scripts/setup.sh se preciso e inicia o JupyterLab
# (em português, com o kernel GoNB) na pasta notebooks/.
#
# Uso: scripts/curso.sh [--porta 8888] [--ip 127.0.0.1] [outras opções do jupyter lab]
# Variáveis: REPRESENTACOES_RAPIDO=1 (modo rápido: menos dados e passos);
#   REPRESENTACOES_PASTA_NOTEBOOKS: pasta aberta no JupyterLab (padrão: notebooks/).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/preambulo.sh"
cd "$RAIZ"
garante_setup
porta=8888
ip=127.0.0.1
extras=()
while [ $# -gt 0 ]; do
	case "$1" in
	--porta) porta="$2"; shift 2 ;;
	--ip) ip="$2"; shift 2 ;;
	*) extras+=("$1"); shift ;;
	esac
done
if [ "$(id -u)" = 0 ]; then
	extras+=(--allow-root) # num contêiner ou máquina de testes; no dia a dia, prefira um usuário comum
fi
# As configurações do JupyterLab (idioma, tema…) ficam com o curso.
export JUPYTERLAB_SETTINGS_DIR="${JUPYTERLAB_SETTINGS_DIR:-$RAIZ/.venv/share/jupyter/lab/user-settings}"
echo "▶ Abrindo o JupyterLab em http://$ip:$porta/lab (o endereço com o token aparece abaixo)."
echo "  Para sair: Ctrl+C duas vezes."
exec "$RAIZ/.venv/bin/jupyter" lab --no-browser --ip="$ip" --port="$porta" \
	--ServerApp.root_dir="${REPRESENTACOES_PASTA_NOTEBOOKS:-$RAIZ/notebooks}" \
	--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	--LabApp.extension_manager=readonly \
	"${extras[@]}"
