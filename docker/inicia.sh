#!/usr/bin/env bash
# Ponto de entrada da imagem (também instalado como start-notebook.sh e
# start-singleuser.sh, as convenções das imagens jupyter/docker-stacks).
#
# 1. Copia as lições para a pasta de trabalho ($HOME/work, um volume). Uma
#    imagem nova nunca mexe numa lição que o aluno editou: se a lição da
#    imagem mudou, a versão nova aparece AO LADO ("01-cnn (versão nova).ipynb"),
#    o log diz isso e o arquivo "NOVIDADES.md" da pasta explica. Uma lição que
#    o aluno não editou (igual, byte a byte, à versão de onde veio, ou a
#    qualquer versão que o curso já publicou: docker/licoes-publicadas.txt) é
#    trocada pela nova. Cada versão nova é oferecida uma vez só (se o aluno
#    apagar a cópia ao lado, ela não volta). A origem de cada cópia (o sha256
#    da versão do curso copiada) fica no arquivo oculto
#    notebooks/.versoes-do-curso.
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
# As lições (*.ipynb): veja o cabeçalho. O resto (figuras…) só é copiado se
# ainda não estiver lá.
atualiza_licoes() {
	local origem_dir="$1" destino="$2" registro="$2/.versoes-do-curso"
	local -A origem=() publicada=()
	local soma nome novo atual nova novas=() trocadas=() sumario
	if [ -f "$registro" ]; then
		while IFS=$'\t' read -r soma nome; do
			[ -n "$nome" ] && origem["$nome"]="$soma"
		done <"$registro"
	fi
	# Toda versão que o curso já publicou (scripts/licoes-publicadas.sh): uma
	# cópia igual a uma delas nunca foi editada, mesmo sem registro de origem
	# (uma pasta de antes do registro).
	if [ -f "$CURSO/docker/licoes-publicadas.txt" ]; then
		while IFS=$'\t' read -r soma nome; do
			[ -n "$nome" ] && publicada["$soma $nome"]=1
		done <"$CURSO/docker/licoes-publicadas.txt"
	fi
	for licao in "$origem_dir"/*.ipynb; do
		[ -f "$licao" ] || continue
		nome=$(basename "$licao")
		novo=$(sha256sum <"$licao" | cut -d' ' -f1)
		if [ ! -e "$destino/$nome" ]; then
			cp "$licao" "$destino/$nome"
			origem["$nome"]="$novo"
			continue
		fi
		atual=$(sha256sum <"$destino/$nome" | cut -d' ' -f1)
		if [ "$atual" = "$novo" ]; then
			origem["$nome"]="$novo"
		elif [ "${origem[$nome]:-}" = "$novo" ]; then
			: # o aluno editou a versão atual do curso: nada a fazer
		elif { [ -n "${origem[$nome]:-}" ] && [ "$atual" = "${origem[$nome]}" ]; } || [ -n "${publicada["$atual $nome"]:-}" ]; then
			# Nunca editada (igual à versão de onde veio, ou a uma versão que o
			# curso publicou): pode ser trocada.
			cp "$licao" "$destino/$nome.novo" && mv -f "$destino/$nome.novo" "$destino/$nome"
			origem["$nome"]="$novo"
			trocadas+=("$nome")
			echo "↻ Lição atualizada: $nome (você não a tinha modificado)."
		elif [ "${origem["$nome|oferecida"]:-}" = "$novo" ]; then
			: # editada pelo aluno, e esta versão nova já foi posta ao lado antes
		else
			# Editada pelo aluno (ou de antes deste registro): a nova vai ao lado.
			nova="${nome%.ipynb} (versão nova).ipynb"
			if [ -e "$destino/$nova" ] && [ "$(sha256sum <"$destino/$nova" | cut -d' ' -f1)" != "$novo" ] &&
				[ "${origem[$nova]:-}" != "$(sha256sum <"$destino/$nova" | cut -d' ' -f1)" ]; then
				# Já há uma "versão nova" que o aluno editou: essa também fica.
				nova="${nome%.ipynb} (versão nova ${novo:0:8}).ipynb"
			fi
			if [ ! -e "$destino/$nova" ] || [ "$(sha256sum <"$destino/$nova" | cut -d' ' -f1)" != "$novo" ]; then
				cp "$licao" "$destino/$nova.novo" && mv -f "$destino/$nova.novo" "$destino/$nova"
			fi
			origem["$nova"]="$novo"
			origem["$nome|oferecida"]="$novo"
			novas+=("$nome"$'\t'"$nova")
			echo "★ Há uma versão nova da lição $nome: \"$nova\" (a sua não foi mexida; veja NOVIDADES.md)."
		fi
	done
	: >"$registro.novo"
	for nome in "${!origem[@]}"; do
		printf '%s\t%s\n' "${origem[$nome]}" "$nome" >>"$registro.novo"
	done
	sort -k2 "$registro.novo" >"$registro" && rm -f "$registro.novo"
	if [ ${#novas[@]} -gt 0 ] || [ ${#trocadas[@]} -gt 0 ]; then
		{
			echo "# Novidades do curso"
			echo
			echo "_Escrito ao iniciar, em $(date '+%d/%m/%Y %H:%M'). Você pode apagar este arquivo._"
			echo
			if [ ${#novas[@]} -gt 0 ]; then
				echo "O curso trouxe versões corrigidas destas lições. **A sua cópia não foi alterada**: a versão"
				echo "nova está ao lado, com outro nome."
				echo
				for sumario in "${novas[@]}"; do
					echo "- \`${sumario%%$'\t'*}\` → versão nova em \`${sumario#*$'\t'}\`"
				done
				echo
				echo "Para passar para a versão nova: abra-a e copie para ela as suas células de exercício (ou"
				echo "renomeie a sua, por exemplo para \"minha cópia\", e dê à nova o nome original)."
				echo
			fi
			if [ ${#trocadas[@]} -gt 0 ]; then
				echo "Estas lições, que você não tinha modificado, foram trocadas pela versão nova:"
				echo
				for sumario in "${trocadas[@]}"; do
					echo "- \`$sumario\`"
				done
			fi
		} >"$destino/NOVIDADES.md"
	fi
}
atualiza_licoes "$CURSO/notebooks" "$TRABALHO/notebooks"
cp -R -n "$CURSO/notebooks/." "$TRABALHO/notebooks/"

# O go apaga do cache de compilação o que ficou 5 dias sem uso, e confere isso
# uma vez por dia (o trim.txt do cache guarda a última vez): num contêiner
# novo de uma imagem construída há uma semana, a primeira célula apagaria o
# que o build compilou, e as seguintes recompilariam o GoMLX (16–98 s, em vez
# de ~1 s). Marcamos a conferência como feita agora.
cache_go=$(go env GOCACHE 2>/dev/null) && [ -d "$cache_go" ] && [ -w "$cache_go" ] &&
	date +%s >"$cache_go/trim.txt" 2>/dev/null || true

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
