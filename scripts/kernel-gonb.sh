#!/usr/bin/env bash
# Inicia o kernel GoNB do curso (o Jupyter chama este script; veja o
# kernel.json que scripts/setup.sh instala em .venv/share/jupyter/kernels/gonb).
# Prepara o ambiente de cada célula:
#   - PATH com go, gofmt, goimports e gopls de .ferramentas/bin;
#   - o plugin XLA do curso e nenhum download automático de plugins;
#   - um go.work com o módulo do curso, para que as células importem pkg/;
#   - nada de rede: GOPROXY=off e GOTOOLCHAIN=local.
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPRESENTACOES_RAIZ="$RAIZ"
# scripts/kernel/go vem antes do go de verdade: ele explica em português um
# import que não está no cache de módulos.
export REPRESENTACOES_GO="$RAIZ/.ferramentas/bin/go"
export PATH="$RAIZ/scripts/kernel:$RAIZ/.ferramentas/bin:$PATH"
# O GoNB roda "go get" antes de cada célula, e o "go get" consulta o proxy de
# módulos mesmo quando o cache já tem tudo: sem internet, a célula falharia.
# Tudo o que o curso usa foi baixado pelo setup; com GOPROXY=off o go só lê o
# cache (medido: as cinco lições rodam sem rede).
export GOPROXY=off
export GOTOOLCHAIN=local
# O mesmo GOEXPERIMENT com que o setup aqueceu o cache de compilação.
. "$RAIZ/scripts/ambiente-go.sh"
export GOMLX_NO_AUTO_INSTALL=1
if [ -f "$RAIZ/.ferramentas/pjrt/pjrt_c_api_cpu_plugin.so" ]; then
	export PJRT_PLUGIN_LIBRARY_PATH="$RAIZ/.ferramentas/pjrt${PJRT_PLUGIN_LIBRARY_PATH:+:$PJRT_PLUGIN_LIBRARY_PATH}"
fi
# Variante GPU: as bibliotecas da NVIDIA que o plugin XLA para CUDA carrega.
if [ -d "$RAIZ/.ferramentas/pjrt/nvidia" ]; then
	for d in "$RAIZ"/.ferramentas/pjrt/nvidia/*/lib; do
		LD_LIBRARY_PATH="$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	done
	export LD_LIBRARY_PATH GOPJRT_CUDA_CHECKS=0
fi
# Sem a tabela de símbolos (-s) o Go liga cada célula na metade do tempo
# (~2 s → ~1 s aqui); os rastros de pânico continuam com arquivo e linha.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-ldflags=-s"
exec "$RAIZ/.ferramentas/bin/gonb" --go_work="$RAIZ" "$@"
