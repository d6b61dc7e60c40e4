#!/usr/bin/env bash
# Mede quanto custa aprender deep learning em Go neste curso, lado a lado com
# o PyTorch, e escreve o relatório DESEMPENHO.md (pt-BR):
#   1. treino dos modelos das lições (MLP da 00, CNN da 01, LSTM e GRU da 02,
#      RBM da 03 — um passo de CD-1 e um de PCD —, as duas GANs da 04, os dois
#      Transformers da 05 — recordação associativa e palavras): GoMLX
#      com o motor XLA, GoMLX Go puro e PyTorch CPU — mesma arquitetura, lote,
#      otimizador, dados e número de threads; medianas de várias execuções;
#   2. a espera do aluno no notebook: latência de células GoNB (fria e
#      morna) e o tempo do scripts/curso.sh até um kernel pronto;
#   3. o antes e o depois das otimizações do curso.
# O PyTorch vem do PyPI (a roda oficial traz as bibliotecas CUDA: ~5 GB) e fica
# num ambiente à parte, .ferramentas/bench-torch; o curso não depende dele.
#
# Uso: scripts/bench.sh [MODELO...]
# Variáveis: BENCH_REPETICOES (padrão 3), BENCH_THREADS (padrão: nproc),
#   BENCH_SEM_PYTORCH=1 (só o GoMLX), BENCH_SEM_GO_PURO=1, BENCH_RAPIDO=1
#   (poucos passos: só confere que tudo roda; o relatório vai para saidas/).
# Com modelos nos argumentos (scripts/bench.sh transformer-recordacao
#   transformer-palavras), mede só o treino deles — sem os tamanhos, o antes e
#   depois e a espera do notebook — e o relatório, só com eles, vai para
#   saidas/, sem tocar no DESEMPENHO.md.
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$RAIZ"
"$RAIZ/scripts/precisa-setup.sh" && bash "$RAIZ/scripts/setup.sh"
export PATH="$RAIZ/.ferramentas/bin:$PATH" REPRESENTACOES_RAIZ="$RAIZ" GOMLX_NO_AUTO_INSTALL=1 REPRESENTACOES_SILENCIO=1
unset GOMLX_BACKEND
. "$RAIZ/scripts/ambiente-go.sh"
REP="${BENCH_REPETICOES:-3}"
THREADS="${BENCH_THREADS:-$(nproc)}"
PASTA="$RAIZ/saidas/bench/$(date +%Y%m%d-%H%M%S)"
RELATORIO="$RAIZ/DESEMPENHO.md"
mkdir -p "$PASTA"
passo() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

# Poucos passos, só para conferir o caminho todo (não é uma medida).
declare -A EXTRA=()
SO_ALGUNS="$*"
if [ -n "$SO_ALGUNS" ]; then
	RELATORIO="$PASTA/DESEMPENHO.md"
fi
if [ -n "${BENCH_RAPIDO:-}" ]; then
	REP=1
	RELATORIO="$PASTA/DESEMPENHO.md"
	comum="-passos 3 -aquecimento 1 -avaliar-a-cada 20 -max-passos 20"
else
	comum=""
fi

TORCH="$RAIZ/.ferramentas/bench-torch"
if [ -z "${BENCH_SEM_PYTORCH:-}" ]; then
	passo "PyTorch (CPU) do PyPI em $TORCH"
	if ! "$TORCH/bin/python" -c 'import torch' 2>/dev/null; then
		python3 -m venv "$TORCH"
		"$TORCH/bin/pip" install -q --disable-pip-version-check -r scripts/bench/requirements-torch.txt
	fi
	"$TORCH/bin/python" -c 'import torch; print("  ✔ torch", torch.__version__)' 2>/dev/null
fi

passo "Máquina"
"$RAIZ/.venv/bin/python" - "$PASTA" "$THREADS" "$TORCH" <<'PY'
import json, os, subprocess, sys, datetime, platform
pasta, threads, torch = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
# O plugin XLA em uso (o que .ferramentas/pjrt aponta): "pacote versão", pelo
# módulo de cima em que o .so está dentro do site-packages do .venv.
PLUGIN = """import importlib.metadata as m, os, sysconfig
so = os.path.realpath(".ferramentas/pjrt/pjrt_c_api_cpu_plugin.so")
modulo = os.path.relpath(so, sysconfig.get_paths()["purelib"]).split(os.sep)[0]
pacote = m.packages_distributions()[modulo][0].replace("_", "-")
print(pacote, m.version(pacote))"""
def saida(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return "—"
maq = {
    "data": datetime.datetime.now().strftime("%d/%m/%Y %H:%M"), "cpu": cpu, "nucleos": os.cpu_count(),
    "memoria": f"{mem / 2**20:.0f} GiB", "threads": threads, "go": saida(["go", "env", "GOVERSION"]),
    "gomlx": saida(["go", "list", "-m", "-f", "{{.Version}}", "github.com/gomlx/gomlx"]),
    "xla": saida([".venv/bin/python", "-c", PLUGIN]),
    "torch": saida([f"{torch}/bin/python", "-c", "import torch; print(torch.__version__)"]),
    "python": platform.python_version(), "pasta": os.path.relpath(pasta),
    "carga": open("/proc/loadavg").read().split()[0],
    "goexperiment": saida(["go", "env", "GOEXPERIMENT"]),
    "lados_alternados": True,  # veja o laço "Treino" abaixo
}
json.dump(maq, open(os.path.join(pasta, "maquina.json"), "w"), ensure_ascii=False)
print("  ✔", maq["cpu"], "·", maq["nucleos"], "núcleos ·", maq["go"], "· GoMLX", maq["gomlx"], "· torch", maq["torch"])
PY

go build -o "$PASTA/velocidade" ./internal/cmd/velocidade
# modelo → opções do alvo (iguais nos dois lados)
# A LSTM treina como na lição: lote de 64, taxa 0,003 com decaimento cosseno em 2.000 passos, alvo 99%.
# A GRU treina como a LSTM (a mesma tarefa, o mesmo treino da lição).
# A RBM (03) e as GANs (04) não têm acurácia-alvo: só o tempo do passo.
# A rede funda residual com BN (01) treina como na lição: lote de 32, taxa 0,003; alvo 97%.
declare -A ALVO=([mlp]="-alvo 0.975" [lenet]="-alvo 0.985" [funda-res]="-alvo 0.97 -lote 32 -taxa 0.003" [lstm]="-alvo 0.99 -lote 64 -taxa 0.003 -decaimento 2000 -max-passos 2000")
ALVO[gru]="${ALVO[lstm]}"
"$PASTA/velocidade" -exporta "$PASTA/memoria" # as sequências da LSTM e da GRU e os exemplos dos Transformers, para o PyTorch usar os mesmos
# A LSTM e a GRU chegam ao alvo de repente (a tarefa da memória é "tudo ou
# nada") e em algumas sementes não chegam em 2.000 passos: mais execuções para a mediana.
repeticoes() { if { [ "$1" = lstm ] || [ "$1" = gru ]; } && [ -z "${BENCH_RAPIDO:-}" ]; then echo $((REP > 5 ? REP : 5)); else echo "$REP"; fi; }
mede_go() { # mede_go MOTOR MODELO [opções...]
	local motor="$1" modelo="$2"
	shift 2
	# O motor Go puro como o curso o cria: "go" e o pacote motor (motor.Backend)
	# tira o limite de paralelismo depois, sem a linha em inglês que a
	# configuração "go:parallelism=-1" escreveria.
	# XLA_ANTIGO: o caminho de outro plugin XLA (o "antes" da troca de plugin).
	if [ "$motor" = go ]; then
		export GOMLX_BACKEND=go
	elif [ -n "${XLA_ANTIGO:-}" ]; then
		export GOMLX_BACKEND="xla:$XLA_ANTIGO,shared_buffers"
	else
		unset GOMLX_BACKEND
	fi
	# shellcheck disable=SC2086
	"${VELOCIDADE:-$PASTA/velocidade}" -modelo "$modelo" -repeticoes "$(repeticoes "$modelo")" ${ALVO[$modelo]:-} $comum "$@" | tee -a "$PASTA/treino.jsonl"
	unset GOMLX_BACKEND
}
mede_torch() { # mede_torch MODELO [opções...] (as opções no estilo do Go: -oculta 64)
	[ -n "${BENCH_SEM_PYTORCH:-}" ] && return 0
	local modelo="$1"
	shift
	# shellcheck disable=SC2086
	"$TORCH/bin/python" -W ignore scripts/bench/pytorch_bench.py --modelo "$modelo" --repeticoes "$(repeticoes "$modelo")" --threads "$THREADS" \
		--dados-lstm "$PASTA/memoria" $(echo "${ALVO[$modelo]:-} $comum $*" | sed -E 's/(^| )-([a-z])/\1--\2/g') | tee -a "$PASTA/treino.jsonl"
}

# Os lados se alternam execução a execução (XLA, PyTorch, Go puro; XLA,
# PyTorch, Go puro; …): a velocidade desta máquina varia ao longo dos minutos,
# e assim a i-ésima execução de cada lado — a mesma semente, 42 + i — roda
# perto da dos outros. A razão de cada par (a faixa entre parênteses no
# relatório) compara medidas feitas sob as mesmas condições.
for modelo in ${SO_ALGUNS:-mlp lenet funda-res lstm gru rbm-cd rbm-pcd gan-anel gan-digitos gan-restaura transformer-recordacao transformer-palavras}; do
	passo "Treino: $modelo"
	for i in $(seq 0 $(($(repeticoes "$modelo") - 1))); do
		uma="-repeticoes 1 -semente $((42 + i))"
		# shellcheck disable=SC2086
		mede_go xla "$modelo" $uma
		# shellcheck disable=SC2086
		mede_torch "$modelo" $uma
		if [ -z "${BENCH_SEM_GO_PURO:-}" ]; then
			if [ "$modelo" = lenet ]; then
				# shellcheck disable=SC2086
				mede_go go "$modelo" -max-passos 1500 -passos 10 $uma # ~0,11 s por passo no Go puro: ~1,5 min por execução até o alvo
			elif [ "${modelo#transformer-}" != "$modelo" ]; then
				# shellcheck disable=SC2086
				mede_go go "$modelo" -passos 10 -aquecimento 2 $uma # no Go puro, centenas de ms por passo (a atenção 100 × 100 de 64 sequências na recordação)
			else
				# shellcheck disable=SC2086
				mede_go go "$modelo" $uma
			fi
		fi
	done
done

if [ -n "$SO_ALGUNS" ]; then
	cut -d' ' -f1 /proc/loadavg >"$PASTA/carga-fim.txt"
	passo "Relatório (só de $SO_ALGUNS)"
	"$RAIZ/.venv/bin/python" scripts/bench/relatorio.py "$PASTA" >"$RELATORIO"
	echo "  ✔ $RELATORIO (medidas em $PASTA)"
	exit 0
fi

for modelo in lstm gru; do
	passo "${modelo^^}: a razão conforme o tamanho do estado (só ms por passo)"
	for oculta in 64 128; do
		for i in $(seq 0 $(($(repeticoes "$modelo") - 1))); do
			mede_go xla "$modelo" -oculta "$oculta" -variante tamanho -max-passos 0 -repeticoes 1 -semente $((42 + i))
			mede_torch "$modelo" -oculta "$oculta" -variante tamanho -max-passos 0 -repeticoes 1 -semente $((42 + i))
		done
	done
done

# Antes e depois, alternados: uma execução do "antes", uma do "depois", e de
# novo (numa máquina virtual a velocidade varia ao longo de minutos; alternar
# deixa as duas medidas sob as mesmas condições).
antes_depois() { # antes_depois MOTOR MODELO RÓTULO-DO-DEPOIS "OPÇÕES DO ANTES" "OPÇÕES DO DEPOIS" [OPÇÕES COMUNS...]
	local motor="$1" modelo="$2" rotulo="$3" antes="$4" depois="$5"
	shift 5
	for _ in $(seq "$REP"); do
		# shellcheck disable=SC2086
		mede_go "$motor" "$modelo" $antes "$@" -max-passos 0 -repeticoes 1
		# shellcheck disable=SC2086
		mede_go "$motor" "$modelo" $depois -variante "$rotulo" "$@" -max-passos 0 -repeticoes 1
	done
}
passo "Antes e depois: max-pooling do GoMLX × cnn.Pooling (LeNet)"
antes_depois xla lenet depois-pool -pool-original ""
passo "Antes e depois: LSTM sem e com o corte de fusão"
antes_depois xla lstm depois-corte -sem-corte "" -passos 10 -aquecimento 2
passo "Antes e depois: gradiente de Dot do GoMLX × o do curso (MLP)"
antes_depois xla mlp depois-gradiente -gradiente-original ""
passo "Antes e depois: gradiente dos pesos da LSTM e da GRU somado passo a passo × num produto só"
for modelo in lstm gru; do
	antes_depois xla "$modelo" depois-pesos -pesos-passo-a-passo "" -oculta 128 -passos 10 -aquecimento 2
done
# O plugin XLA de antes (xla-cpu-pjrt 0.0.1, um XLA mais antigo) contra o do
# curso (lammps-jax-pjrt-cpu 0.11.2): o mesmo programa, só o .so muda. Só em
# x86_64 (em aarch64 o curso ainda usa o antigo).
if [ "$(uname -m)" = x86_64 ]; then
	passo "Antes e depois: plugin XLA xla-cpu-pjrt 0.0.1 × lammps-jax-pjrt-cpu 0.11.2"
	ANTIGO="$RAIZ/.ferramentas/bench-xla-antigo"
	so_antigo="$ANTIGO/xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so"
	if [ ! -f "$so_antigo" ]; then
		"$RAIZ/.venv/bin/pip" install -q --disable-pip-version-check --no-deps --require-hashes --target "$ANTIGO" \
			-r scripts/bench/requirements-plugin-antigo.txt
	fi
	for modelo in mlp lenet lstm rbm-cd gan-digitos; do
		for _ in $(seq "$REP"); do
			XLA_ANTIGO="$so_antigo" mede_go xla "$modelo" -variante plugin-antigo -max-passos 0 -repeticoes 1
			mede_go xla "$modelo" -variante depois-plugin -max-passos 0 -repeticoes 1
		done
	done
fi
if [ -z "${BENCH_SEM_GO_PURO:-}" ]; then
	antes_depois go mlp depois-gradiente -gradiente-original "" -passos 5 -aquecimento 2
	for modelo in lstm gru; do
		antes_depois go "$modelo" depois-pesos -pesos-passo-a-passo "" -passos 10 -aquecimento 2
		antes_depois go "$modelo" depois-portas -portas-em-fatias "" -passos 10 -aquecimento 2
	done
	passo "Antes e depois: gradientes do XLA × montados para o motor Go puro (LeNet e GAN de dígitos)"
	antes_depois go lenet depois-gradientes-go -gradientes-gerais-go "" -passos 5 -aquecimento 1
	antes_depois go gan-digitos depois-gradientes-go -gradientes-gerais-go "" -passos 10 -aquecimento 2
	passo "Antes e depois: a matriz do im2col da 1ª camada de pé × deitada (LeNet, motor Go puro)"
	antes_depois go lenet depois-conv1 -conv1-de-pe "" -passos 5 -aquecimento 1
	passo "Antes e depois: o viés somado com broadcast × repetido no lote (LeNet e LSTM, motor Go puro)"
	antes_depois go lenet depois-vies -vies-com-broadcast "" -passos 5 -aquecimento 1
	antes_depois go lstm depois-vies -vies-com-broadcast "" -passos 10 -aquecimento 2
	passo "Antes e depois: convoluções do GoMLX × im2col nas duas camadas (LeNet, motor Go puro)"
	antes_depois go lenet depois-conv -conv-original "" -passos 3 -aquecimento 1
	# O "antes" do SIMD é o mesmo programa compilado sem GOEXPERIMENT=simd
	# (ele se rotula "sem-simd"); o "depois", o binário de sempre.
	passo "Antes e depois: motor Go puro sem e com SIMD (GOEXPERIMENT=simd)"
	GOEXPERIMENT="" go build -o "$PASTA/velocidade-sem-simd" ./internal/cmd/velocidade
	for modelo in mlp rbm-cd gan-digitos; do
		for _ in $(seq "$REP"); do
			VELOCIDADE="$PASTA/velocidade-sem-simd" mede_go go "$modelo" -max-passos 0 -repeticoes 1 -passos 10 -aquecimento 2
			mede_go go "$modelo" -variante depois-simd -max-passos 0 -repeticoes 1 -passos 10 -aquecimento 2
		done
	done
fi

passo "Espera do aluno no notebook (GoNB)"
"$RAIZ/.venv/bin/python" scripts/bench/espera.py --repeticoes 4 | tee "$PASTA/espera.jsonl"

cut -d' ' -f1 /proc/loadavg >"$PASTA/carga-fim.txt"
passo "Relatório"
"$RAIZ/.venv/bin/python" scripts/bench/relatorio.py "$PASTA" >"$RELATORIO"
echo "  ✔ $RELATORIO (medidas em $PASTA)"
