#!/usr/bin/env bash
# Constrói a imagem Docker do curso a partir do Dockerfile e a confere rodando
# de verdade, sem rede (--network none), como o README manda rodar
# (-v …:/home/jovyan/work):
#   1. o Dockerfile passa no analisador do BuildKit e segue as convenções
#      (go test em docker/);
#   2. a imagem é construída (docker build; sem um Docker, buildah, com a
#      imagem base refeita por scripts/imagem-base.sh se ela não estiver aqui);
#   3. o contêiner sobe: token exigido (403 na API, /lab manda para o login),
#      HEALTHCHECK saudável, o GoNB é o kernel padrão, as lições são copiadas
#      para a pasta de trabalho; ao subir de novo, a lição editada pelo aluno
#      não é sobrescrita; com uma pasta de trabalho do root, ele para e explica;
#   4. os cinco notebooks rodam DENTRO do contêiner, sem rede, no modo rápido,
#      com as soluções e como entregues (python -m representacoes executa); os
#      notebooks executados e as figuras ficam em saidas/imagem/notebooks/.
# Cada espera tem prazo e uma condição de verdade (a linha do token no log, o
# HTTP 200 da rota de saúde): nada de "sleep" que pode ser curto demais.
#
# Motor: o docker, se um daemon responde (docker info); senão, buildah e podman
# (root; instalados com apt-get se faltarem). Sem nenhum dos dois (um computador
# sem root, sem Docker), não há como rodar a imagem: o script diz isso e roda
# a simulação de antes, testes/imagem/simulacao.sh (Dockerfile + os comandos
# da imagem fora de um contêiner).
#
# Uso: testes/imagem/testa.sh [--sem-notebooks | --so-notebooks] [--modos solucoes,entregue]
#      testes/imagem/testa.sh --motor   (só diz qual motor usaria: docker, podman ou
#                                        nenhum; código 0 se há um)
# Termina com a linha "imagem: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
. "$RAIZ/testes/conta.sh"
cd "$RAIZ"
IMAGEM=${REPRESENTACOES_IMAGEM:-representacoes}
SAIDA="$RAIZ/saidas/imagem"
notebooks=1
verificacoes=1
modos=solucoes,entregue
so_motor=
while [ $# -gt 0 ]; do
	case "$1" in
	--sem-notebooks) notebooks=; shift ;;
	--so-notebooks) verificacoes=; shift ;;
	--modos) modos="$2"; shift 2 ;;
	--motor) so_motor=1; shift ;;
	*) echo "opção desconhecida: $1 (veja o começo de $0)" >&2; exit 2 ;;
	esac
done

conta_inicia imagem
etapa() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
tempos=()
cronometro() { tempos+=("$1: $2s"); echo "  ⏱ $1: $2s"; }
fim() {
	if [ ${#tempos[@]} -gt 0 ]; then
		echo
		echo "Tempos:"
		printf '  %s\n' "${tempos[@]}"
	fi
	conta_fim
	exit
}

# --- o motor ----------------------------------------------------------------
motor=
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
	motor=docker
elif [ "$(id -u)" = 0 ] && unshare --mount --pid --fork true 2>/dev/null; then
	motor=podman
fi
if [ -n "$so_motor" ]; then
	# Para o scripts/test.sh decidir onde rodar os notebooks.
	echo "${motor:-nenhum}"
	[ -n "$motor" ]
	exit
fi
if [ -z "$motor" ]; then
	echo "Não há aqui um motor de contêineres que eu possa usar (nenhum daemon Docker responde a 'docker info'"
	echo "e, sem root, não dá para usar buildah e podman). Sem ele, a imagem não pode ser construída nem rodada:"
	echo "rodo a simulação testes/imagem/simulacao.sh (o Dockerfile e os comandos da imagem fora de um contêiner)."
	roda_suite docker bash "$RAIZ/testes/imagem/simulacao.sh"
	fim
fi

if [ "$motor" = docker ]; then
	C() { docker "$@"; }
	constroi() { docker build -t "$IMAGEM" "$RAIZ"; }
else
	# crun falha aqui ("cgroups in hybrid mode not supported"): runc, sem systemd.
	# Sem systemd, o podman não agenda o HEALTHCHECK (nós o rodamos com
	# "podman healthcheck run") e reclama a cada contêiner: calamos só isso.
	C() { podman --runtime runc --cgroup-manager cgroupfs "$@" 2> >(grep -v 'unable to get systemd connection' >&2); }
	# --layers: reaproveita as camadas (editar o README refaz só a cópia final);
	# --format docker: o formato OCI descarta o HEALTHCHECK.
	constroi() { buildah build --layers --isolation chroot --format docker --pull=never -t "$IMAGEM" "$RAIZ"; }
fi
LIMITES=()
[ "$motor" = podman ] && LIMITES=(--ulimit nofile=10000:10000 --ulimit nproc=10000:10000)
echo "Motor de contêineres: $motor"

log="$SAIDA/logs"
mkdir -p "$log"
trabalhos=()
conteineres=()
limpa() {
	for c in "${conteineres[@]}"; do C rm -f "$c" >/dev/null 2>&1; done
	for d in "${trabalhos[@]}"; do rm -rf --one-file-system "$d"; done
}
trap limpa EXIT
trap 'exit 130' INT TERM

# espera PRAZO_S COMANDO...: repete o comando (a cada segundo) até ele dar
# certo (0) ou o prazo acabar (1); o código 99 do comando quer dizer "não
# adianta esperar" (o contêiner parou) e encerra a espera na hora.
espera() {
	local prazo=$(($(date +%s) + $1)) rc
	shift
	while true; do
		"$@"
		rc=$?
		[ "$rc" -eq 0 ] && return 0
		[ "$rc" -ne 99 ] && [ "$(date +%s)" -lt "$prazo" ] || return 1
		sleep 1
	done
}

# --- 1. o Dockerfile, sem motor (como antes) --------------------------------
if [ -n "$verificacoes" ]; then
	etapa "1. o Dockerfile (analisador do BuildKit e convenções)"
	(cd "$RAIZ/docker" && go test -count=1 ./... >"$log/go-test-docker.log" 2>&1)
	confere "Dockerfile: analisador do BuildKit e convenções (go test em docker/)" $? "$(tail -20 "$log/go-test-docker.log")"
fi

# --- 2. a imagem ------------------------------------------------------------
etapa "2. construindo a imagem $IMAGEM a partir do Dockerfile ($motor)"
if [ "$motor" = podman ]; then
	t=$(date +%s)
	bash "$RAIZ/scripts/imagem-base.sh" 2>&1 | tee "$log/imagem-base.log"
	rc=${PIPESTATUS[0]}
	confere "imagem base $(sed -n 's/^ARG IMAGEM_BASE=//p' Dockerfile) disponível" "$rc"
	cronometro "imagem base" $(($(date +%s) - t))
fi
t=$(date +%s)
constroi >"$log/build.log" 2>&1
rc=$?
confere "a imagem é construída a partir do Dockerfile" $rc "$(tail -25 "$log/build.log")"
cronometro "construção da imagem" $(($(date +%s) - t))
[ "$rc" -eq 0 ] || fim
tamanho=$(C image inspect --format '{{.Size}}' "$IMAGEM" 2>/dev/null || echo 0)
echo "  tamanho da imagem: $((tamanho / 1000000)) MB"

# sobe NOME PASTA: roda o contêiner como o README (sem rede) e espera o token no log.
sobe() {
	C rm -f "$1" >/dev/null 2>&1
	conteineres+=("$1")
	C run -d --name "$1" --network none "${LIMITES[@]}" -v "$2:/home/jovyan/work" "$IMAGEM" >/dev/null || return 1
	espera 180 tem_token "$1"
}
tem_token() {
	[ "$(C inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = true ] || return 99
	C logs "$1" 2>&1 | grep -q 'token=[0-9a-f]'
}
# http CONTEINER CAMINHO [TOKEN]: o código HTTP da rota, pedido de dentro do contêiner.
http() {
	C exec "$1" curl -s -o /dev/null -w '%{http_code}' ${3:+-H "Authorization: token $3"} "http://127.0.0.1:8888$2"
}
saudavel() {
	if [ "$motor" = docker ]; then
		[ "$(docker inspect --format '{{.State.Health.Status}}' "$1")" = healthy ]
	else
		C healthcheck run "$1" >/dev/null 2>&1 &&
			[ "$(C inspect --format '{{.State.Health.Status}}' "$1")" = healthy ]
	fi
}
nova_pasta() { # uma pasta de trabalho como a do README (mkdir -p trabalho), do UID 1000
	local d
	d=$(mktemp -d /var/tmp/testa-imagem.XXXXXX)
	trabalhos+=("$d")
	if [ "$(id -u)" = 0 ]; then chown 1000:100 "$d"; else chmod 777 "$d"; fi
	echo "$d"
}

# --- 3. o contêiner -----------------------------------------------------------
if [ -n "$verificacoes" ]; then
	etapa "3. o contêiner, sem rede (--network none, -v …:/home/jovyan/work)"
	ctr="representacoes-teste-$$"
	trabalho=$(nova_pasta)
	t=$(date +%s)
	sobe "$ctr" "$trabalho"
	confere "o contêiner sobe e escreve o endereço com o token no log" $? "$(C logs "$ctr" 2>&1 | tail -20)"
	token=$(C logs "$ctr" 2>&1 | grep -o 'token=[0-9a-f]*' | head -1 | cut -d= -f2)
	espera 60 C exec "$ctr" python3 /opt/representacoes/docker/saude.py 2>/dev/null
	confere "a rota de saúde responde HTTP 200 de dentro do contêiner (docker/saude.py)" $?
	cronometro "contêiner pronto" $(($(date +%s) - t))
	espera 150 saudavel "$ctr"
	confere "HEALTHCHECK: saudável ($motor)" $?
	[ -n "$token" ]
	confere "o token não está desligado" $?
	codigo=$(http "$ctr" /api/contents)
	[ "$codigo" = 403 ]
	confere "sem token, a API recusa (HTTP $codigo em /api/contents)" $?
	codigo=$(http "$ctr" /lab)
	destino=$(C exec "$ctr" curl -s -o /dev/null -w '%{redirect_url}' http://127.0.0.1:8888/lab)
	[ "$codigo" = 302 ] && [[ "$destino" == */login* ]]
	confere "sem token, /lab manda para o login (HTTP $codigo → ${destino:-nada})" $?
	codigo=$(http "$ctr" /api/contents "$token")
	[ "$codigo" = 200 ]
	confere "com o token, a API responde (HTTP $codigo)" $?
	especs=$(C exec "$ctr" curl -s -H "Authorization: token $token" http://127.0.0.1:8888/api/kernelspecs)
	padrao=$(python3 -c 'import json,sys; print(json.load(sys.stdin).get("default"))' <<<"$especs" 2>/dev/null)
	[ "$padrao" = gonb ]
	confere "o GoNB é o kernel padrão (/api/kernelspecs: default = ${padrao:-?})" $?
	C exec "$ctr" curl -s -H "Authorization: token $token" http://127.0.0.1:8888/api/contents | grep -q '00-introducao.ipynb'
	confere "as lições aparecem no JupyterLab (aberto em work/notebooks)" $?
	n=$(ls "$trabalho"/notebooks/[0-9]*.ipynb 2>/dev/null | wc -l)
	[ "$n" -ge 5 ]
	confere "as lições foram copiadas para a pasta montada ($n notebooks)" $?
	C exec "$ctr" sh -c 'env | grep -q "^DEBIAN_FRONTEND="'
	[ $? -ne 0 ]
	confere "DEBIAN_FRONTEND não vaza para o ambiente do aluno" $?
	# O kernel sem rede (GOPROXY=off): o que o curso usa vem do cache de
	# módulos da imagem; um import que falta é explicado em português.
	C exec "$ctr" env PYTHONPATH=/opt/representacoes /opt/representacoes/.venv/bin/python /opt/representacoes/testes/sem-rede/kernel.py \
		>"$log/sem-rede.log" 2>"$log/sem-rede.err"
	grep -E '^(ok|FAIL) ' "$log/sem-rede.log" | sed -E 's/^(ok|FAIL) +/&kernel sem rede — /'
	conta_soma "$(linha_final "$(cat "$log/sem-rede.log")" sem-rede)" \
		"testes/sem-rede/kernel.py terminou dentro do contêiner" "$log/sem-rede.err"
	C rm -f "$ctr" >/dev/null

	# O aluno editou a lição 00; o contêiner sobe de novo (um novo, como no README com --rm).
	echo '{"editado pelo aluno": true}' >"$trabalho/notebooks/00-introducao.ipynb"
	sobe "$ctr" "$trabalho"
	confere "sobe de novo com a mesma pasta de trabalho" $? "$(C logs "$ctr" 2>&1 | tail -20)"
	grep -q "editado pelo aluno" "$trabalho/notebooks/00-introducao.ipynb"
	confere "ao subir de novo, a lição editada pelo aluno não é sobrescrita" $?
	[ -f "$trabalho/notebooks/01-cnn.ipynb" ]
	confere "as outras lições continuam lá" $?
	C rm -f "$ctr" >/dev/null

	# Uma pasta montada que o usuário do contêiner não pode escrever (o Docker
	# a cria como root se ela não existir): o contêiner para e explica.
	do_root=$(mktemp -d /var/tmp/testa-imagem-root.XXXXXX)
	trabalhos+=("$do_root")
	chmod 755 "$do_root"
	if [ "$(stat -c %u "$do_root")" != 0 ]; then
		echo "(pulado: sem root não consigo criar uma pasta do root para montar)"
	else
	parado() { [ "$(C inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = false ]; }
	ctr_root="$ctr-root"
	conteineres+=("$ctr_root")
	C run -d --name "$ctr_root" --network none "${LIMITES[@]}" -v "$do_root:/home/jovyan/work" "$IMAGEM" >/dev/null
	espera 120 parado "$ctr_root"
	rc=$(C inspect --format '{{.State.ExitCode}}' "$ctr_root" 2>/dev/null)
	saida=$(C logs "$ctr_root" 2>&1)
	[ "${rc:-0}" != 0 ] && grep -q "Não consigo escrever" <<<"$saida"
	confere "pasta de trabalho do root: o contêiner para e explica em português (código ${rc:-?})" $? "$saida"
	C rm -f "$ctr_root" >/dev/null
	fi
fi

# --- 4. os notebooks dentro do contêiner --------------------------------------
if [ -n "$notebooks" ]; then
	etapa "4. os notebooks DENTRO do contêiner, sem rede, modo rápido ($modos)"
	rm -rf "$SAIDA/notebooks"
	mkdir -p "$SAIDA/notebooks"
	[ "$(id -u)" = 0 ] && chown 1000:100 "$SAIDA/notebooks"
	[ "$(id -u)" = 0 ] || chmod 777 "$SAIDA/notebooks"
	t=$(date +%s)
	C run --rm --network none "${LIMITES[@]}" -v "$SAIDA/notebooks:/home/jovyan/saida" "$IMAGEM" \
		timeout 2400 env PYTHONPATH=/opt/representacoes /opt/representacoes/.venv/bin/python -m representacoes executa \
		--modos "$modos" --saida /home/jovyan/saida 2>"$log/notebooks.err" | tee "$log/notebooks.log"
	cronometro "notebooks no contêiner ($modos)" $(($(date +%s) - t))
	grep -E '^== ' "$log/notebooks.log" | sed 's/^== /  ⏱ /'
	conta_soma "$(linha_final "$(cat "$log/notebooks.log")" notebooks)" \
		"os notebooks terminaram dentro do contêiner" "$log/notebooks.err"
	echo "  notebooks executados e figuras: $SAIDA/notebooks/ (logs em $log/)"
fi
fim
