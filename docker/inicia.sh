#!/usr/bin/env bash
# Ponto de entrada da imagem (também instalado como start-notebook.sh e
# start-singleuser.sh, as convenções das imagens jupyter/docker-stacks).
#
# 1. Copia as lições para a pasta de trabalho ($HOME/work, um volume), mas só
#    as que ainda não estão lá: uma imagem nova nunca sobrescreve a cópia que
#    o aluno editou (para pegar a versão nova de uma lição, apague ou renomeie
#    a sua).
# 2. Sem JupyterHub: abre o JupyterLab pelo scripts/curso.sh (porta 8888,
#    token ligado e escrito no log). Com JupyterHub (JUPYTERHUB_API_TOKEN
#    definida): roda o jupyterhub-singleuser na mesma pasta.
set -euo pipefail
CURSO="${CURSO:-/opt/representacoes}"
TRABALHO="${REPRESENTACOES_TRABALHO:-$HOME/work}"

if ! mkdir -p "$TRABALHO/notebooks" "$TRABALHO/modelos" 2>/dev/null || [ ! -w "$TRABALHO" ]; then
	echo "✘ Não consigo escrever em $TRABALHO (usuário $(id -un), UID $(id -u))." >&2
	echo "  Se você montou uma pasta ali (-v …:$TRABALHO), crie-a antes no seu computador (mkdir -p trabalho)" >&2
	echo "  ou dê a ela o dono UID 1000 (sudo chown 1000:100 trabalho)." >&2
	exit 1
fi
cp -R -n "$CURSO/notebooks/." "$TRABALHO/notebooks/"

export REPRESENTACOES_PASTA_NOTEBOOKS="$TRABALHO/notebooks"
export REPRESENTACOES_MODELOS="${REPRESENTACOES_MODELOS:-$TRABALHO/modelos}"
export JUPYTERLAB_SETTINGS_DIR="${JUPYTERLAB_SETTINGS_DIR:-$CURSO/.venv/share/jupyter/lab/user-settings}"

if [ -n "${JUPYTERHUB_API_TOKEN:-}" ]; then
	export REPRESENTACOES_RAIZ="$CURSO" PATH="$CURSO/.ferramentas/bin:$PATH"
	exec "$CURSO/.venv/bin/jupyterhub-singleuser" \
		--ServerApp.root_dir="$REPRESENTACOES_PASTA_NOTEBOOKS" \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		--LabApp.extension_manager=readonly "$@"
fi
exec "$CURSO/scripts/curso.sh" --ip "${IP:-0.0.0.0}" --porta "${PORTA:-8888}" "$@"
