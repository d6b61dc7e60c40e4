#!/usr/bin/env bash
# Roda todos os testes do curso, suíte por suíte (cada uma mora em testes/ e
# termina com a linha "SUITE: N passed, M failed", que este script soma; veja
# testes/conta.sh):
#   - formatação (gofmt do módulo inteiro) e vet do Go, os testes dos pacotes
#     (go test), os do pacote representacoes (pytest, testes/representacoes) e
#     os dos módulos comuns das suítes em JavaScript (testes/modulos-js.mjs);
#   - o kernel sem rede (testes/sem-rede), a tradução do JupyterLab
#     (testes/idioma), as lições atualizadas sem perder o trabalho do aluno
#     (testes/atualizacao);
#   - a imagem Docker construída e rodando sem rede, com os notebooks dentro
#     dela (testes/imagem; sem motor de contêineres, a simulação
#     testes/imagem/simulacao.sh e os notebooks aqui, testes/notebooks);
#   - a correção de uma turma (testes/corrige), o site do curso feito das
#     lições executadas (testes/site), o curso num navegador de verdade
#     (testes/navegador; pule os três com REPRESENTACOES_SEM_NAVEGADOR=1) e
#     num JupyterHub (testes/hub).
# Tudo o que roda notebooks roda sem rede (scripts/sem-rede.sh), como root.
# Roda o scripts/setup.sh antes, se ele ainda não rodou (ou se algo mudou).
#
# Uso: scripts/test.sh [--sem-notebooks]
# Termina com a linha "N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/preambulo.sh"
# (o mesmo que o preambulo lê; um teste em docker/ procura esta linha)
. "$RAIZ/scripts/ambiente-go.sh"
. "$RAIZ/testes/conta.sh"
cd "$RAIZ"
garante_setup || exit 1
export REPRESENTACOES_GRAFICOS="$RAIZ/saidas/graficos"
conta_inicia ""
etapa() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
notebooks=1
[ "${1:-}" != "--sem-notebooks" ] || notebooks=

etapa "gofmt (o módulo inteiro)"
# Todo .go do repositório (os do git e os novos, menos o que o .gitignore
# ignora: o .venv, as ferramentas, os node_modules); fora de um clone do git,
# a pasta inteira menos essas.
if git rev-parse --git-dir >/dev/null 2>&1; then
	mal=$(git ls-files -z -co --exclude-standard -- '*.go' | xargs -0 -r gofmt -l 2>&1)
else
	mal=$(find . \( -name .venv -o -name .ferramentas -o -name node_modules -o -name dados \) -prune -o \
		-name '*.go' -print0 | xargs -0 -r gofmt -l 2>&1)
fi
[ -z "$mal" ]
confere "gofmt (arquivos mal formatados: ${mal:-nenhum})" $?

etapa "go vet"
go vet ./...
confere "go vet ./..." $?

etapa "go test ./... (com limite de tempo)"
log=$(mktemp)
go test -count=1 -timeout 15m -v ./... 2>&1 | tee "$log" | grep -E '^(--- |ok |FAIL|panic:)'
codigo=${PIPESTATUS[0]}
n_ok=$(grep -c -- '^--- PASS' "$log")
n_falha=$(grep -c -- '^--- FAIL' "$log")
conta_soma "go: $n_ok passed, $n_falha failed"
if [ "$codigo" -ne 0 ] && [ "$n_falha" -eq 0 ]; then
	confere "go test terminou com código $codigo" 1 "$(tail -40 "$log")"
fi
rm -f "$log"

etapa "o pacote representacoes (pytest)"
roda_suite representacoes bash testes/representacoes/testa.sh

etapa "os módulos comuns das suítes em JavaScript (contador, células, lições; sem navegador)"
roda_suite modulos-js node testes/modulos-js.mjs

etapa "o kernel sem internet (GOPROXY=off; um import que falta explicado em português)"
roda_suite sem-rede bash testes/sem-rede/testa.sh

etapa "o JupyterLab em português (a tradução servida)"
roda_suite idioma bash testes/idioma/testa.sh

etapa "lições corrigidas numa imagem nova, sem perder o trabalho do aluno (docker/inicia.sh)"
roda_suite atualizacao bash testes/atualizacao/testa.sh

# Os notebooks rodam uma vez em cada modo, sem rede: dentro da imagem, quando
# há um motor de contêineres (o Docker, ou buildah e podman como root, como no
# CI), senão aqui mesmo. O navegador, abaixo, roda todos de novo aqui, sem rede.
if bash testes/imagem/testa.sh --motor >/dev/null 2>&1; then
	if [ -n "$notebooks" ]; then
		etapa "a imagem Docker de verdade (construída, sem rede, os notebooks rodando dentro dela)"
		roda_suite imagem bash testes/imagem/testa.sh
	else
		etapa "a imagem Docker de verdade (construída e rodando sem rede; sem os notebooks)"
		roda_suite imagem bash testes/imagem/testa.sh --sem-notebooks
	fi
else
	if [ -n "$notebooks" ]; then
		etapa "notebooks (nbclient + GoNB, modo rápido, com soluções e como entregues, sem rede)"
		roda_suite notebooks bash testes/notebooks/testa.sh
	fi
	etapa "a imagem Docker, sem motor de contêineres (Dockerfile + os comandos que a imagem roda)"
	roda_suite imagem bash testes/imagem/testa.sh --sem-notebooks
fi

if [ -n "$notebooks" ]; then
	etapa "a correção de uma turma (python -m representacoes corrige com entregas ruins, lição 00)"
	roda_suite corrige bash testes/corrige/testa.sh
fi

if [ -n "$notebooks" ] && [ -z "${REPRESENTACOES_SEM_NAVEGADOR:-}" ]; then
	etapa "o site do curso (as lições executadas acima, num Chromium, sem rede)"
	roda_suite site bash testes/site/testa.sh
	etapa "o curso no navegador (JupyterLab + Chromium, modo rápido)"
	roda_suite navegador bash testes/navegador/testa.sh
	etapa "o curso num JupyterHub de verdade (dois alunos no Chromium)"
	roda_suite hub bash testes/hub/testa.sh
fi

conta_fim
