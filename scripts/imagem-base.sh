#!/usr/bin/env bash
# Refaz localmente a imagem base do Dockerfile (golang:1.26.8-bookworm) quando
# ela não está no armazenamento de contêineres (/var/lib/containers): as
# máquinas de teste não alcançam o Docker Hub. Se ela já está lá, não faz nada.
#
# A imagem refeita tem o que a oficial tem e o Dockerfile usa:
#   - Debian 12 (bookworm), pelo debootstrap (variante minbase, sem documentação);
#   - os pacotes das imagens buildpack-deps:bookworm-scm e golang (curl, wget,
#     gnupg, git, mercurial, openssh-client, subversion, procps, gcc, g++,
#     libc6-dev, make, pkg-config…);
#   - o Go 1.26.8 em /usr/local/go: o desta máquina, se for essa a versão; senão,
#     o módulo golang.org/toolchain baixado do proxy de módulos do Go (o hash
#     h1: é conferido com o do sum.golang.org, pedido pelo proxy);
#   - o ENV da imagem golang (PATH com /go/bin e /usr/local/go/bin, GOPATH=/go,
#     GOTOOLCHAIN=local) e WORKDIR /go;
#   - as autoridades certificadoras desta máquina (como numa rede corporativa com
#     um proxy que inspeciona TLS): sem elas, o go mod download do build falha
#     com "x509: certificate signed by unknown authority".
#
# Precisa de root. Instala com apt-get o que faltar (debootstrap, buildah, podman).
# Uso: scripts/imagem-base.sh [--refaz]
# Variáveis: REPRESENTACOES_ESPELHO_DEBIAN (padrão http://deb.debian.org/debian),
#   REPRESENTACOES_GO_DO_PROXY=1 (baixa o Go do proxy mesmo com o Go 1.26.8 aqui),
#   GOPROXY (padrão https://proxy.golang.org).
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A imagem e a versão do Go vêm do próprio Dockerfile (uma só fonte).
BASE=$(sed -n 's/^ARG IMAGEM_BASE=//p' "$RAIZ/Dockerfile")
[ -n "$BASE" ] || { echo "✘ não achei 'ARG IMAGEM_BASE=' no Dockerfile" >&2; exit 1; }
VERSAO_GO=$(sed -E 's/^golang:([0-9.]+)-.*/\1/' <<<"$BASE")
SUITE=${BASE##*-}
ESPELHO=${REPRESENTACOES_ESPELHO_DEBIAN:-http://deb.debian.org/debian}
PACOTES=ca-certificates,curl,wget,gnupg,netbase,git,mercurial,openssh-client,subversion,procps,gcc,g++,libc6-dev,make,pkg-config

falha() { echo "✘ $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || falha "refazer a imagem base precisa de root (debootstrap e o armazenamento em /var/lib/containers)."

faltam=()
command -v debootstrap >/dev/null || faltam+=(debootstrap)
command -v podman >/dev/null || faltam+=(podman)
command -v buildah >/dev/null || faltam+=(buildah)
command -v runc >/dev/null || faltam+=(runc)
if [ ${#faltam[@]} -gt 0 ]; then
	echo "▶ instalando ${faltam[*]} (apt-get)"
	apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${faltam[@]}" >/dev/null ||
		falha "não consegui instalar ${faltam[*]} com apt-get."
fi

if [ "${1:-}" != --refaz ] && podman image exists "docker.io/library/$BASE"; then
	echo "✔ a imagem base $BASE já está no armazenamento local"
	exit 0
fi

case "$(uname -m)" in
x86_64) arq=amd64 ;;
aarch64 | arm64) arq=arm64 ;;
*) falha "arquitetura $(uname -m) não prevista" ;;
esac

inicio=$(date +%s)
tmp=$(mktemp -d /var/tmp/imagem-base.XXXXXX)
# (--one-file-system: se o debootstrap parou com /proc ou /sys montados ali.)
# (O "|| true": com set -e, um umount que falha no trap mudaria o código de saída.)
trap 'umount -R "$tmp/raiz/proc" "$tmp/raiz/sys" 2>/dev/null || true; rm -rf --one-file-system "$tmp"' EXIT
trap 'exit 130' INT TERM
raiz="$tmp/raiz"

echo "▶ 1/4 Debian $SUITE (debootstrap minbase, de $ESPELHO)"
debootstrap --variant=minbase --arch="$arq" --include="$PACOTES" "$SUITE" "$raiz" "$ESPELHO" >"$tmp/debootstrap.log" 2>&1 ||
	{ tail -20 "$tmp/debootstrap.log" >&2; falha "o debootstrap falhou (log acima)."; }
# As mesmas fontes da imagem oficial (com as atualizações e as de segurança).
cat >"$raiz/etc/apt/sources.list" <<EOF
deb $ESPELHO $SUITE main
deb $ESPELHO $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
EOF
# Como nas imagens oficiais do Debian: sem documentação, nem listas do apt.
cat >"$raiz/etc/dpkg/dpkg.cfg.d/sem-docs" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
EOF
find "$raiz/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
rm -rf "$raiz/usr/share/man"/* "$raiz/usr/share/info"/* "$raiz/var/lib/apt/lists"/* "$raiz/var/cache/apt"/*.bin \
	"$raiz/var/cache/apt/archives"/*.deb "$raiz/var/log"/*.log
echo "  ✔ $(($(date +%s) - inicio))s"

echo "▶ 2/4 Autoridades certificadoras desta máquina"
# Cada certificado do pacote da máquina que o Debian não traz vira um arquivo em
# /usr/local/share/ca-certificates: o update-ca-certificates (rodado agora e a
# cada atualização do pacote ca-certificates) o mantém no pacote do sistema.
python3 - /etc/ssl/certs/ca-certificates.crt "$raiz/etc/ssl/certs/ca-certificates.crt" "$raiz/usr/local/share/ca-certificates" <<'PY'
import re, sys, pathlib
bloco = re.compile(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", re.S)
da_maquina = bloco.findall(open(sys.argv[1]).read())
do_debian = set(bloco.findall(open(sys.argv[2]).read()))
destino = pathlib.Path(sys.argv[3])
destino.mkdir(parents=True, exist_ok=True)
novos = [c for c in da_maquina if c not in do_debian]
for i, c in enumerate(novos):
    (destino / f"maquina-{i:03d}.crt").write_text(c + "\n")
print(f"  ✔ {len(novos)} certificado(s) desta máquina além dos {len(do_debian)} do Debian")
PY
chroot "$raiz" update-ca-certificates >/dev/null 2>&1 || falha "update-ca-certificates falhou dentro da imagem."

echo "▶ 3/4 Go $VERSAO_GO em /usr/local/go"
if [ -z "${REPRESENTACOES_GO_DO_PROXY:-}" ] && [ -x /usr/local/go/bin/go ] &&
	[ "$(/usr/local/go/bin/go env GOVERSION 2>/dev/null)" = "go$VERSAO_GO" ] &&
	[ "$(/usr/local/go/bin/go env GOARCH)" = "$arq" ]; then
	cp -a /usr/local/go "$raiz/usr/local/go"
	echo "  ✔ copiado de /usr/local/go desta máquina"
else
	modulo="golang.org/toolchain"
	versao="v0.0.1-go$VERSAO_GO.linux-$arq"
	proxy=${GOPROXY:-https://proxy.golang.org}
	proxy=${proxy%%[,|]*}
	[ "$proxy" != off ] && [ "$proxy" != direct ] || proxy=https://proxy.golang.org
	curl -fsSL -o "$tmp/go.zip" "$proxy/$modulo/@v/$versao.zip" || falha "não consegui baixar $modulo@$versao de $proxy."
	# O hash vem do banco de somas (sum.golang.org) pelo próprio proxy, como o go faz.
	curl -fsSL -o "$tmp/go.sum" "$proxy/sumdb/sum.golang.org/lookup/$modulo@$versao" ||
		curl -fsSL -o "$tmp/go.sum" "https://sum.golang.org/lookup/$modulo@$versao" ||
		falha "não consegui o hash de $modulo@$versao no sum.golang.org."
	# O hash h1: do módulo (o mesmo que o go mod download confere): SHA-256 da
	# lista "sha256  arquivo" de todos os arquivos do zip, em ordem.
	python3 - "$tmp/go.zip" "$tmp/go.sum" "$modulo@$versao" "$raiz/usr/local" <<'PY' || falha "o Go baixado não confere com o sum.golang.org."
import base64, hashlib, os, stat, sys, zipfile
arq, soma, mod, destino = sys.argv[1:]
z = zipfile.ZipFile(arq)
nomes = sorted(n for n in z.namelist() if not n.endswith("/"))
resumo = "".join(f"{hashlib.sha256(z.read(n)).hexdigest()}  {n}\n" for n in nomes)
h1 = "h1:" + base64.b64encode(hashlib.sha256(resumo.encode()).digest()).decode()
# Linhas "caminho versão h1:…" (e a do go.mod, "versão/go.mod", que não serve aqui).
esperado = [c[2] for c in (l.split() for l in open(soma)) if len(c) == 3 and f"{c[0]}@{c[1]}" == mod]
if h1 not in esperado:
    sys.exit(f"hash {h1}, esperado {esperado}")
prefixo = mod + "/"
for n in nomes:
    alvo = os.path.join(destino, "go", n[len(prefixo):])
    os.makedirs(os.path.dirname(alvo), exist_ok=True)
    with open(alvo, "wb") as f:
        f.write(z.read(n))
    # O zip não guarda o bit de execução: o go faz o mesmo ao trocar de versão.
    rel = n[len(prefixo):]
    if rel.startswith("bin/") or rel.startswith("pkg/tool/"):
        os.chmod(alvo, 0o755)
print(f"  ✔ baixado do proxy de módulos ({h1})")
PY
fi
chroot "$raiz" env GOROOT=/usr/local/go GOTELEMETRY=off /usr/local/go/bin/go version >/dev/null 2>&1 || falha "o Go copiado não roda dentro da imagem."
mkdir -p "$raiz/go/src" "$raiz/go/bin"
chmod -R 1777 "$raiz/go"

echo "▶ 4/4 Importando como $BASE"
tar --numeric-owner -C "$raiz" -cf "$tmp/raiz.tar" .
podman import --quiet \
	--change "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
	--change "ENV GOLANG_VERSION=$VERSAO_GO" \
	--change "ENV GOTOOLCHAIN=local" \
	--change "ENV GOPATH=/go" \
	--change "WORKDIR /go" \
	--change 'CMD ["bash"]' \
	"$tmp/raiz.tar" "docker.io/library/$BASE" >/dev/null || falha "podman import falhou."
tamanho=$(podman image inspect --format '{{.Size}}' "docker.io/library/$BASE")
echo "✔ imagem base $BASE pronta em $(($(date +%s) - inicio))s ($((tamanho / 1000000)) MB)"
