# O começo comum dos scripts do curso que abrem o curso, rodam as ferramentas
# e os testes (scripts/curso.sh, scripts/test.sh, scripts/corrige.sh,
# scripts/resultados.sh e as suítes de testes/): lido com
#     . "$(dirname "${BASH_SOURCE[0]}")/…/scripts/preambulo.sh"
# Define RAIZ (a raiz do curso) e PY (o Python do .venv com o pacote
# representacoes no PYTHONPATH: "${PY[@]}" -m representacoes … de qualquer
# pasta, inclusive dentro do sem_rede), põe as ferramentas do setup no PATH e
# lê o scripts/ambiente-go.sh (o GOEXPERIMENT com que o setup aqueceu o cache
# de compilação). Não muda de pasta: quem precisa faz cd "$RAIZ". O
# PYTHONPATH não é exportado: o JupyterLab, o hub e os kernels que os testes
# sobem não veem as pastas da raiz do curso como pacotes.
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=(env "PYTHONPATH=$RAIZ${PYTHONPATH:+:$PYTHONPATH}" "$RAIZ/.venv/bin/python")
export REPRESENTACOES_RAIZ="$RAIZ"
export GOMLX_NO_AUTO_INSTALL=1
case ":$PATH:" in *":$RAIZ/.ferramentas/bin:"*) ;; *) export PATH="$RAIZ/.ferramentas/bin:$PATH" ;; esac
# shellcheck source=scripts/ambiente-go.sh
. "$RAIZ/scripts/ambiente-go.sh"

# garante_setup: roda o scripts/setup.sh se ele ainda não rodou (ou se mudou
# algo que ele instala); devolve o código dele.
garante_setup() {
	if "$RAIZ/scripts/precisa-setup.sh"; then
		bash "$RAIZ/scripts/setup.sh"
	fi
}
