#!/usr/bin/env bash
# Refaz localmente a imagem base do Dockerfile (golang:1.26.8-bookworm) quando
# ela não está no armazenamento de contêineres (/var/lib/containers): as
# máquinas de teste não alcançam o Docker Hub. Se ela já está lá, não faz nada.
#
# A imagem refeita tem o que a oficial tem e o Dockerfile usa:
#   - Debian 12 (bookworm), pelo debootstrap (variante minbase, sem documentação),
#     do espelho Debian que esta máquina usa: o das fontes do apt (/etc/apt); as
#     mesmas fontes (a principal, -updates e -security) ficam dentro da imagem.
#     Uma escola atrás do seu próprio espelho constrói sem mudar nada aqui;
#   - os pacotes das imagens buildpack-deps:bookworm-scm e golang (curl, wget,
#     gnupg, git, mercurial, openssh-client, subversion, procps, gcc, g++,
#     libc6-dev, make, pkg-config…);
#   - o Go 1.26.8 em /usr/local/go: o desta máquina, se for essa a versão; senão,
#     o módulo golang.org/toolchain baixado pelo próprio go (go mod download),
#     que usa o proxy de módulos desta máquina (go env GOPROXY) e confere o hash
#     no banco de somas dela (GOSUMDB, GONOSUMDB, GOPRIVATE), como na troca
#     automática de versão do go;
#   - o ENV da imagem golang (PATH com /go/bin e /usr/local/go/bin, GOPATH=/go,
#     GOTOOLCHAIN=local) e WORKDIR /go;
#   - as autoridades certificadoras desta máquina (como numa rede corporativa com
#     um proxy que inspeciona TLS): sem elas, o go mod download do build falha
#     com "x509: certificate signed by unknown authority".
# Nenhum endereço de espelho ou de proxy está escrito aqui: todos vêm da
# configuração desta máquina (as fontes do apt e o proxy HTTP dele, que vale
# também para o debootstrap; o go env).
#
# Precisa de root. Instala com apt-get o que faltar (debootstrap, buildah, podman).
# Uso: scripts/imagem-base.sh [--refaz]
# Variáveis: REPRESENTACOES_ESPELHO_DEBIAN (padrão: o espelho do Debian da imagem
#   nas fontes do apt desta máquina; obrigatória se elas não o têm),
#   REPRESENTACOES_GO_DO_PROXY=1 (baixa o Go pelo go mesmo com o Go 1.26.8 aqui);
#   as do go (GOPROXY, GOSUMDB, GONOSUMDB…), que o próprio go lê.
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A imagem e a versão do Go vêm do próprio Dockerfile (uma só fonte).
BASE=$(sed -n 's/^ARG IMAGEM_BASE=//p' "$RAIZ/Dockerfile")
[ -n "$BASE" ] || { echo "✘ não achei 'ARG IMAGEM_BASE=' no Dockerfile" >&2; exit 1; }
VERSAO_GO=$(sed -E 's/^golang:([0-9.]+)-.*/\1/' <<<"$BASE")
SUITE=${BASE##*-}
PACOTES=ca-certificates,curl,wget,gnupg,netbase,git,mercurial,openssh-client,subversion,procps,gcc,g++,libc6-dev,make,pkg-config

falha() { echo "✘ $*" >&2; exit 1; }

# fontes_do_apt SUITE: escreve duas linhas: o endereço da fonte do apt desta
# máquina com a suíte SUITE (componente main) e o da fonte com SUITE-security
# (uma linha vazia para a que não há). Lê os arquivos que o próprio apt lê
# (Dir::Etc::sourcelist e os .list e .sources de Dir::Etc::sourceparts), nos
# dois formatos (linhas "deb …" e deb822).
fontes_do_apt() {
	local lista=/etc/apt/sources.list partes=/etc/apt/sources.list.d
	if command -v apt-config >/dev/null; then
		eval "$(apt-config shell lista Dir::Etc::sourcelist/f partes Dir::Etc::sourceparts/d)"
	fi
	python3 - "$1" "$lista" "$partes" <<'PY'
import glob, os, re, sys
suite, lista, partes = sys.argv[1:]
arquivos = [lista] if os.path.isfile(lista) else []
arquivos += sorted(glob.glob(os.path.join(partes, "*.list"))) + sorted(glob.glob(os.path.join(partes, "*.sources")))
entradas = []  # (endereço, suítes, componentes)
for a in arquivos:
    texto = open(a, encoding="utf-8", errors="replace").read()
    if a.endswith(".sources"):
        for paragrafo in re.split(r"\n[ \t]*\n", texto):
            campos, chave = {}, None
            for l in paragrafo.splitlines():
                if l.startswith("#") or not l.strip():
                    continue
                if l[0] in " \t" and chave:  # continuação do campo anterior
                    campos[chave] += " " + l.strip()
                    continue
                chave, _, valor = l.partition(":")
                chave = chave.strip().lower()
                campos[chave] = valor.strip()
            if "deb" not in campos.get("types", "").split() or campos.get("enabled", "yes").lower() == "no":
                continue
            for uri in campos.get("uris", "").split():
                entradas.append((uri, campos.get("suites", "").split(), campos.get("components", "").split()))
    else:
        for l in texto.splitlines():
            p = re.sub(r"\[[^]]*\]", " ", l.split("#", 1)[0]).split()  # sem comentário e sem [opções]
            if len(p) >= 3 and p[0] == "deb":
                entradas.append((p[1], [p[2]], p[3:]))

def fonte(s):
    for uri, suites, componentes in entradas:
        if s in suites and "main" in componentes and re.match(r"(https?|ftp|file):", uri):
            return uri.rstrip("/")
    return ""

print(fonte(suite))
print(fonte(suite + "-security"))
PY
}

# baixa_go VERSAO ARQ DESTINO PASTA: o Go VERSAO para linux/ARQ em DESTINO (que
# ainda não existe), baixado pelo go desta máquina como o módulo
# golang.org/toolchain (o que a troca automática de versão, GOTOOLCHAIN=goX.Y.Z,
# baixa): o go usa o proxy de módulos configurado e confere o hash no banco de
# somas configurado. PASTA: uma pasta de trabalho (o cache de módulos fica nela).
baixa_go() {
	local versao=$1 arq=$2 destino=$3 pasta=$4 go="" g modulo json
	for g in "$(command -v go || true)" /usr/local/go/bin/go "$RAIZ/.ferramentas/bin/go"; do
		if [ -z "$go" ] && [ -n "$g" ] && [ -x "$g" ]; then go=$g; fi
	done
	[ -n "$go" ] || falha "preciso de um go nesta máquina (qualquer versão) para baixar o Go $versao conferido pelo banco de somas."
	modulo="golang.org/toolchain@v0.0.1-go$versao.linux-$arq"
	# Um cache de módulos só para isto (-modcacherw: pastas que se apagam), fora
	# de um módulo (em PASTA) e sem trocar de versão (GOTOOLCHAIN=local).
	json=$(cd "$pasta" && GOMODCACHE="$pasta/modulos" GOTOOLCHAIN=local GOFLAGS="${GOFLAGS:+$GOFLAGS }-modcacherw" \
		"$go" mod download -json "$modulo" 2>"$pasta/go-mod-download.err") || true
	python3 - "$json" "$destino" "$modulo" "$pasta/go-mod-download.err" <<'PY' ||
import json, os, shutil, sys
texto, destino, modulo, erros = sys.argv[1:]
try:
    info = json.loads(texto)
except ValueError:
    sys.exit(f"go mod download: {texto[-1500:]}{open(erros).read()[-1500:]}")
if info.get("Error") or not info.get("Dir") or not info.get("Sum"):
    sys.exit(f"go mod download: {info.get('Error') or info}")
shutil.copytree(info["Dir"], destino, symlinks=True)
# O cache de módulos guarda tudo só para leitura e sem o bit de execução (o go
# o põe nos binários ao trocar de versão): como no Go oficial, pastas 755,
# arquivos 644 e os de bin/ e pkg/tool/ executáveis.
executaveis = (os.path.join(destino, "bin"), os.path.join(destino, "pkg", "tool"))
for pasta, _, arquivos in os.walk(destino):
    os.chmod(pasta, 0o755)
    modo = 0o755 if any(pasta == e or pasta.startswith(e + os.sep) for e in executaveis) else 0o644
    for a in arquivos:
        if not os.path.islink(os.path.join(pasta, a)):
            os.chmod(os.path.join(pasta, a), modo)
print(f"  ✔ baixado pelo go, com o hash conferido no banco de somas ({info['Sum']})")
PY
		falha "o go não baixou (ou não conferiu) $modulo (GOPROXY=$("$go" env GOPROXY), GOSUMDB=$("$go" env GOSUMDB))."
}

# Com "--funcoes", só define as funções acima (para testá-las sem root nem rede
# de contêineres): source scripts/imagem-base.sh --funcoes.
if [ "${1:-}" = --funcoes ]; then return 0 2>/dev/null || exit 0; fi

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

# A imagem tem o nome curto, o do FROM do Dockerfile (nenhum registro escrito
# aqui): o podman import a guarda como localhost/$BASE, que o buildah build
# --pull=never acha antes de uma de mesmo nome vinda de um registro.
if [ "${1:-}" != --refaz ] && podman image exists "$BASE"; then
	echo "✔ a imagem base $BASE já está no armazenamento local"
	exit 0
fi

case "$(uname -m)" in
x86_64) arq=amd64 ;;
aarch64 | arm64) arq=arm64 ;;
*) falha "arquitetura $(uname -m) não prevista" ;;
esac

# Os espelhos Debian (o principal e o de segurança): os das fontes do apt desta máquina.
{ read -r espelho_apt; read -r seguranca_apt; } < <(fontes_do_apt "$SUITE")
ESPELHO=${REPRESENTACOES_ESPELHO_DEBIAN:-$espelho_apt}
[ -n "$ESPELHO" ] || falha "as fontes do apt desta máquina (/etc/apt) não têm o Debian $SUITE: diga o espelho em REPRESENTACOES_ESPELHO_DEBIAN."
# O proxy HTTP do apt desta máquina (Acquire::http::Proxy), se houver, vale
# também para o debootstrap (que baixa com o wget).
proxy_apt=""
if command -v apt-config >/dev/null; then eval "$(apt-config shell proxy_apt Acquire::http::Proxy)"; fi
if [ -n "$proxy_apt" ] && [ "$proxy_apt" != DIRECT ] && [ -z "${http_proxy:-}" ]; then export http_proxy=$proxy_apt; fi

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
# As mesmas fontes da imagem oficial (com as atualizações e as de segurança),
# nos espelhos desta máquina.
{
	echo "deb $ESPELHO $SUITE main"
	echo "deb $ESPELHO $SUITE-updates main"
	if [ -n "$seguranca_apt" ]; then echo "deb $seguranca_apt $SUITE-security main"; fi
} >"$raiz/etc/apt/sources.list"
[ -n "$seguranca_apt" ] || echo "  ⚠ as fontes do apt desta máquina não têm $SUITE-security: a imagem fica sem as atualizações de segurança"
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
	baixa_go "$VERSAO_GO" "$arq" "$raiz/usr/local/go" "$tmp"
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
	"$tmp/raiz.tar" "$BASE" >/dev/null || falha "podman import falhou."
tamanho=$(podman image inspect --format '{{.Size}}' "$BASE")
echo "✔ imagem base $BASE pronta em $(($(date +%s) - inicio))s ($((tamanho / 1000000)) MB)"
