#!/usr/bin/env bash
# Roda todos os testes do curso: formatação e vet do Go, os testes dos
# pacotes (go test), o kernel sem rede, a tradução do JupyterLab, a imagem
# Docker construída e rodando sem rede (scripts/testa-imagem.sh; sem motor de
# contêineres, a simulação scripts/testa-docker.sh), os notebooks executados
# sem navegador, no modo rápido, com as soluções e como entregues (dentro da
# imagem, ou aqui; veja scripts/executa_notebooks.py), a correção de uma
# turma, o curso num navegador de verdade (scripts/testa-navegador.sh; pule
# com REPRESENTACOES_SEM_NAVEGADOR=1) e num JupyterHub (scripts/testa-hub.sh).
# Tudo o que roda notebooks roda sem rede (scripts/sem-rede.sh), como root.
# Roda o scripts/setup.sh antes, se ele ainda não rodou (ou se algo mudou).
#
# Uso: scripts/test.sh [--sem-notebooks]
# Termina com a linha "N passed, M failed".
set -uo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$RAIZ"

"$RAIZ/scripts/precisa-setup.sh" && { bash "$RAIZ/scripts/setup.sh" || exit 1; }

export PATH="$RAIZ/.ferramentas/bin:$PATH"
export REPRESENTACOES_RAIZ="$RAIZ"
export GOMLX_NO_AUTO_INSTALL=1
. "$RAIZ/scripts/ambiente-go.sh"
export REPRESENTACOES_GRAFICOS="$RAIZ/saidas/graficos"

passou=0
falhou=0
etapa() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
resultado() { # resultado NOME CODIGO
	if [ "$2" -eq 0 ]; then
		passou=$((passou + 1))
		echo "ok   $1"
	else
		falhou=$((falhou + 1))
		echo "FAIL $1"
	fi
}

etapa "gofmt"
mal=$(gofmt -l pkg docker 2>&1)
[ -z "$mal" ]
resultado "gofmt (arquivos mal formatados: ${mal:-nenhum})" $?

etapa "go vet"
go vet ./...
resultado "go vet ./..." $?

etapa "go test ./... (com limite de tempo)"
log=$(mktemp)
go test -count=1 -timeout 15m -v ./... 2>&1 | tee "$log" | grep -E '^(--- |ok |FAIL|panic:)' 
codigo=${PIPESTATUS[0]}
n_ok=$(grep -c -- '^--- PASS' "$log")
n_falha=$(grep -c -- '^--- FAIL' "$log")
passou=$((passou + n_ok))
falhou=$((falhou + n_falha))
if [ "$codigo" -ne 0 ] && [ "$n_falha" -eq 0 ]; then
	falhou=$((falhou + 1))
	echo "FAIL go test terminou com código $codigo"
	tail -40 "$log"
fi
rm -f "$log"

# roda_suite NOME COMANDO...: roda uma suíte que termina com a linha
# "NOME: N passed, M failed" e soma os números; se a linha não vier, conta
# uma falha e mostra o fim da saída de erros (que fica à parte: os kernels
# escrevem muito log ali).
roda_suite() {
	local nome="$1" log linha
	shift
	log=$(mktemp)
	"$@" 2>"$log.err" | tee "$log"
	linha=$(grep -E "^$nome: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
	if [ -n "$linha" ]; then
		passou=$((passou + $(echo "$linha" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
		falhou=$((falhou + $(echo "$linha" | sed -E 's/.* ([0-9]+) failed/\1/')))
	else
		falhou=$((falhou + 1))
		echo "FAIL a suíte '$nome' não terminou:"
		tail -40 "$log.err"
	fi
	rm -f "$log" "$log.err"
}

# shellcheck source=scripts/sem-rede.sh
source "$RAIZ/scripts/sem-rede.sh"

etapa "o kernel sem internet (GOPROXY=off; um import que falta explicado em português)"
roda_suite sem-rede sem_rede "$RAIZ/.venv/bin/python" scripts/testa_sem_rede.py

etapa "o JupyterLab em português (a tradução servida)"
roda_suite idioma "$RAIZ/.venv/bin/python" scripts/idioma.py testa

etapa "lições corrigidas numa imagem nova, sem perder o trabalho do aluno (docker/inicia.sh)"
roda_suite atualizacao bash "$RAIZ/scripts/testa-atualizacao.sh"

# Os notebooks rodam uma vez em cada modo, sem rede: dentro da imagem, quando
# há um motor de contêineres (o Docker, ou buildah e podman como root, como no
# CI), senão aqui mesmo. O navegador, abaixo, roda todos de novo aqui, sem rede.
if bash "$RAIZ/scripts/testa-imagem.sh" --motor >/dev/null 2>&1; then
	if [ "${1:-}" != "--sem-notebooks" ]; then
		etapa "a imagem Docker de verdade (construída, sem rede, os notebooks rodando dentro dela)"
		roda_suite imagem bash "$RAIZ/scripts/testa-imagem.sh"
	else
		etapa "a imagem Docker de verdade (construída e rodando sem rede; sem os notebooks)"
		roda_suite imagem bash "$RAIZ/scripts/testa-imagem.sh" --sem-notebooks
	fi
else
	if [ "${1:-}" != "--sem-notebooks" ]; then
		etapa "notebooks (nbclient + GoNB, modo rápido, com soluções e como entregues, sem rede)"
		roda_suite notebooks sem_rede "$RAIZ/.venv/bin/python" scripts/executa_notebooks.py
	fi
	etapa "a imagem Docker, sem motor de contêineres (Dockerfile + os comandos que a imagem roda)"
	roda_suite imagem bash "$RAIZ/scripts/testa-imagem.sh" --sem-notebooks
fi

if [ "${1:-}" != "--sem-notebooks" ]; then
	etapa "a correção de uma turma (scripts/corrige.sh com entregas ruins, lição 00)"
	roda_suite corrige bash "$RAIZ/scripts/testa-corrige.sh"
fi

if [ "${1:-}" != "--sem-notebooks" ] && [ -z "${REPRESENTACOES_SEM_NAVEGADOR:-}" ]; then
	etapa "o curso no navegador (JupyterLab + Chromium, modo rápido)"
	roda_suite navegador bash "$RAIZ/scripts/testa-navegador.sh"
	etapa "o curso num JupyterHub de verdade (dois alunos no Chromium)"
	roda_suite hub bash "$RAIZ/scripts/testa-hub.sh"
fi

echo
echo "$passou passed, $falhou failed"
[ "$falhou" -eq 0 ]
