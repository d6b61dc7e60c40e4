#!/usr/bin/env bash
# Confere a imagem Docker sem um Docker: roda, fora do contêiner, o que a
# imagem roda. É o plano B do testes/imagem/testa.sh, que constrói e roda a
# imagem de verdade onde há um motor de contêineres (um daemon Docker, ou
# buildah e podman como root); sem nenhum (um notebook sem root), ele roda
# esta simulação.
#   1. o Dockerfile passa no analisador do BuildKit e segue as convenções
#      (teste Go em docker/);
#   2. os pacotes do Debian que o Dockerfile instala estão aqui;
#   3. o scripts/setup.sh roda como um usuário comum, num HOME novo (como o
#      jovyan no build), com REPRESENTACOES_HUB=1;
#   4. o docker/inicia.sh sobe o JupyterLab: token exigido, HEALTHCHECK
#      (docker/saude.py) responde, lições copiadas para a pasta de trabalho,
#      kernel GoNB presente, jupyterhub-singleuser instalado; e, ao subir de
#      novo, a cópia editada pelo aluno não é sobrescrita.
# Precisa de root (cria um usuário e instala pacotes). Termina com
# "docker: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
. "$RAIZ/testes/conta.sh"
conta_inicia docker
fim() {
	conta_fim
	exit
}

(cd "$RAIZ/docker" && go test -count=1 ./... >/tmp/testa-docker-go.log 2>&1)
confere "Dockerfile: analisador do BuildKit e convenções (go test em docker/)" $? "$(tail -20 /tmp/testa-docker-go.log)"

if [ "$(id -u)" != 0 ]; then
	echo "(pulado: o resto precisa de root para criar um usuário e instalar pacotes)"
	fim
fi

faltam=()
for p in python3 python3-venv tini ca-certificates; do
	dpkg -s "$p" >/dev/null 2>&1 || faltam+=("$p")
done
if [ ${#faltam[@]} -gt 0 ]; then
	apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "${faltam[@]}" >/dev/null 2>&1
fi
command -v tini >/dev/null && /usr/bin/python3 -c 'import venv, ensurepip'
confere "pacotes do Debian que o Dockerfile instala (python3, python3-venv, tini)" $?

usuario=aluno-docker
id "$usuario" >/dev/null 2>&1 || useradd --shell /bin/bash --no-create-home "$usuario"
casa=$(mktemp -d /tmp/docker-casa.XXXXXX)
curso="$casa/representacoes"
mkdir -p "$curso"
# A mesma cópia que o COPY do Dockerfile faz (sem o que o .dockerignore exclui).
excluir=()
while read -r p; do
	[ -n "$p" ] && [ "${p#\#}" = "$p" ] && excluir+=("--exclude=./$p")
done <"$RAIZ/.dockerignore"
tar -C "$RAIZ" "${excluir[@]}" -cf - . | tar -C "$curso" -xf -
chown -R "$usuario" "$casa"
limpa() { pkill -u "$usuario" 2>/dev/null; sleep 1; chmod -R u+w "$casa" 2>/dev/null; rm -rf "$casa"; }
trap limpa EXIT
como() { runuser -u "$usuario" -- env -i HOME="$casa" LANG=C.UTF-8 GOFLAGS=-modcacherw \
	PATH="$(dirname "$(command -v go)"):/usr/local/bin:/usr/bin:/bin" CURSO="$curso" "$@"; }

inicio=$(date +%s)
como REPRESENTACOES_HUB=1 bash "$curso/scripts/setup.sh" >/tmp/testa-docker-setup.log 2>&1
rc=$?
confere "scripts/setup.sh como usuário comum num HOME novo ($(( $(date +%s) - inicio ))s)" $rc "$(tail -15 /tmp/testa-docker-setup.log)"
como "$curso/.venv/bin/jupyterhub-singleuser" --version >/dev/null 2>&1
confere "jupyterhub-singleuser instalado (REPRESENTACOES_HUB=1)" $?

porta=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sobe() {
	: >"$casa/inicia.log"
	chown "$usuario" "$casa/inicia.log"
	como IP=127.0.0.1 PORTA="$porta" setsid "$curso/docker/inicia.sh" >>"$casa/inicia.log" 2>&1 &
	for _ in $(seq 60); do
		grep -q "token=" "$casa/inicia.log" && return 0
		sleep 2
	done
	return 1
}
desce() { pkill -u "$usuario" -f jupyter 2>/dev/null; sleep 2; }

sobe
confere "docker/inicia.sh sobe o JupyterLab e escreve o endereço com o token" $? "$(tail -20 "$casa/inicia.log")"
token=$(grep -o "token=[0-9a-f]*" "$casa/inicia.log" | head -1 | cut -d= -f2)
[ -n "$token" ]
confere "o token não está desligado" $?
como PORTA="$porta" "$curso/.venv/bin/python" "$curso/docker/saude.py"
confere "HEALTHCHECK (docker/saude.py) responde" $?
codigo=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$porta/api/contents")
[ "$codigo" = 403 ]
confere "sem token, a API recusa (HTTP $codigo)" $?
curl -s -H "Authorization: token $token" "http://127.0.0.1:$porta/api/contents" | grep '00-introducao.ipynb' >/dev/null
confere "as lições aparecem na pasta de trabalho (~/work/notebooks)" $?
curl -s -H "Authorization: token $token" "http://127.0.0.1:$porta/api/kernelspecs" | grep '"gonb"' >/dev/null
confere "o kernel GoNB está registrado" $?
desce

echo '{"editado pelo aluno": true}' >"$casa/work/notebooks/00-introducao.ipynb"
sobe
grep -q "editado pelo aluno" "$casa/work/notebooks/00-introducao.ipynb"
confere "ao subir de novo, a lição editada pelo aluno não é sobrescrita" $?
[ -f "$casa/work/notebooks/01-cnn.ipynb" ]
confere "as outras lições continuam lá" $?
desce

# Uma pasta de trabalho montada que o usuário do contêiner não pode escrever
# (o Docker a cria como root): o contêiner para com uma explicação.
do_root=$(mktemp -d /tmp/trabalho-do-root.XXXXXX)
chmod 755 "$do_root"
como REPRESENTACOES_TRABALHO="$do_root/work" "$curso/docker/inicia.sh" >"$casa/sem-permissao.log" 2>&1
rc=$?
rm -rf "$do_root"
[ "$rc" -ne 0 ] && grep -q "Não consigo escrever" "$casa/sem-permissao.log"
confere "pasta de trabalho sem permissão: para e explica em português" $? "$(cat "$casa/sem-permissao.log")"
fim
