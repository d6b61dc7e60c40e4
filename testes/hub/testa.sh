#!/usr/bin/env bash
# O curso numa turma com JupyterHub de verdade (veja testes/hub/hub.mjs e
# testes/hub/jupyterhub_config.py): o hub, o configurable-http-proxy (npm,
# fixado em testes/hub/package-lock.json), o DummyAuthenticator com senha, o
# LocalProcessSpawner com dois usuários do sistema criados aqui, o
# jupyterhub-idle-culler, e o servidor de cada aluno iniciado pelo mesmo
# comando da imagem (docker/inicia.sh). Tudo na interface local e sem rede
# (unshare -n). Precisa de root. Termina com "hub: N passed, M failed".
#
# Instala, se faltar: o jupyterhub (docker/requirements-hub.txt) e o coletor
# (testes/hub/requirements.txt) no .venv, os pacotes npm e o Chromium.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
. "$RAIZ/testes/conta.sh"
if [ "$(id -u)" != 0 ]; then
	echo "(pulado: o teste do hub cria usuários do sistema e precisa de root)"
	conta_inicia hub
	conta_fim
	exit 0
fi
garante_setup || exit 1
if ! [ -x "$RAIZ/.venv/bin/jupyterhub" ] || ! "$RAIZ/.venv/bin/python" -c 'import jupyterhub_idle_culler' 2>/dev/null; then
	"$RAIZ/.venv/bin/pip" install --quiet --disable-pip-version-check \
		-r "$RAIZ/docker/requirements-hub.txt" -r "$RAIZ/testes/hub/requirements.txt" || exit 1
fi
command -v chromium >/dev/null || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; }
(cd "$RAIZ/testes/hub" && { [ -d node_modules/configurable-http-proxy ] || npm ci --no-audit --no-fund --loglevel=error; }) || exit 1

pasta=$(mktemp -d /tmp/testa-hub.XXXXXX)
chmod 755 "$pasta"
alunos=(aluno-hub-1 aluno-hub-2)
gocache=$(env GOFLAGS= "$RAIZ/.ferramentas/bin/go" env GOCACHE)
gomodcache=$(env GOFLAGS= "$RAIZ/.ferramentas/bin/go" env GOMODCACHE)
limpa() {
	for u in "${alunos[@]}"; do
		pids=$(pgrep -u "$u" 2>/dev/null) && kill -9 $pids 2>/dev/null
	done
	if [ -n "${HUB_GUARDA:-}" ]; then echo "(pasta guardada: $pasta)"; else rm -rf "$pasta"; fi
}
trap limpa EXIT
for u in "${alunos[@]}"; do
	casa="$pasta/casa/$u"
	id "$u" >/dev/null 2>&1 || useradd --no-create-home --shell /bin/bash "$u"
	usermod -d "$casa" "$u"
	mkdir -p "$casa/.cache"
	# O cache de compilação do Go do curso (na imagem, ele está no HOME do
	# jovyan, de onde o GoNB o usa): uma cópia com links, pastas do aluno.
	cp -al "$gocache" "$casa/.cache/go-build"
	chown "$u" "$casa" "$casa/.cache"
	find "$casa/.cache/go-build" -type d -exec chown "$u" {} +
	chmod 700 "$casa"
	id -u "$u" >"$pasta/uid-$u"
done

# Se o Python do .venv ou o cache de módulos do Go estão numa pasta fechada
# (/root, 0700, como nesta máquina), o hub roda num espaço de montagem onde
# essa pasta é trocada por uma "vista" com só o que os alunos precisam ler
# (o mesmo caminho: o cache de compilação depende dele).
python_real=$(readlink -f "$RAIZ/.venv/bin/python")
fechada=""
p="$python_real"
while [ "$p" != / ]; do
	p=$(dirname "$p")
	[ "$p" = / ] && break
	modo=$(stat -c '%a' "$p")
	(( ${modo: -1} & 1 )) || fechada="$p" # sem o+x: os alunos não atravessam
done
passos="ip link set lo up"
if [ -n "$fechada" ]; then
	vista="$pasta/vista"
	mkdir -p "$vista"
	chmod 755 "$vista"
	for alvo in "$python_real" "$gomodcache"; do
		case "$alvo" in "$fechada"/*) ;; *) continue ;; esac
		topo="${alvo#"$fechada"/}"
		topo="${topo%%/*}"
		[ -e "$vista/$topo" ] && continue
		mkdir -p "$vista/$topo"
		passos="$passos && mount --bind $fechada/$topo $vista/$topo"
	done
	passos="$passos && mount --rbind $vista $fechada"
fi

export HUB_RAIZ="$RAIZ" HUB_PASTA="$pasta" HUB_SENHA="senha-do-teste-$RANDOM" HUB_ALUNOS="$(IFS=,; echo "${alunos[*]}")"
export HUB_GOMODCACHE="$gomodcache" HOME="$pasta"
porta() { "$RAIZ/.venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HUB_PORTA=$(porta) HUB_PORTA_HUB=$(porta) HUB_PORTA_PROXY=$(porta)
export HUB_PORTA HUB_PORTA_HUB HUB_PORTA_PROXY
echo "(sem rede: unshare -n, só a interface local${fechada:+; $fechada trocada por uma vista})" >&2
unshare -m -n sh -c "$passos"' && exec "$@"' testa-hub node "$RAIZ/testes/hub/hub.mjs"
