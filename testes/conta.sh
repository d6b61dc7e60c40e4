# A contagem das suítes de teste em bash, no protocolo de todas as linguagens
# do curso (o mesmo de representacoes/conta.py e testes/conta.mjs):
#   - cada conferência escreve uma linha: "ok   NOME" ou "FAIL NOME", com o
#     detalhe de uma falha depois de " — " (as linhas seguintes de um detalhe
#     longo vêm recuadas);
#   - a suíte termina com a linha "SUITE: N passed, M failed", que o
#     scripts/test.sh lê e soma.
# Uso:
#     . "$RAIZ/testes/conta.sh"
#     conta_inicia docker
#     algum_comando; confere "o comando funciona" $? "$(tail -5 log)"
#     conta_fim   # escreve a linha final; código 1 se algo falhou
passou=0
falhou=0
CONTA_SUITE=""

# conta_inicia SUITE: zera a contagem (SUITE vazia: a linha final sem nome).
conta_inicia() {
	CONTA_SUITE="${1:-}"
	passou=0
	falhou=0
}

# confere NOME CODIGO [DETALHE]: CODIGO 0 passa; outro falha, com o detalhe.
confere() {
	if [ "$2" -eq 0 ]; then
		passou=$((passou + 1))
		echo "ok   $1"
	else
		falhou=$((falhou + 1))
		if [ -z "${3:-}" ]; then
			echo "FAIL $1"
		else
			local primeira resto
			primeira=$(printf '%s\n' "$3" | head -1)
			resto=$(printf '%s\n' "$3" | tail -n +2)
			echo "FAIL $1 — $primeira"
			[ -z "$resto" ] || printf '%s\n' "$resto" | sed 's/^/     /'
		fi
	fi
}

# linha_final TEXTO [SUITE]: a última linha "SUITE: N passed, M failed" de
# TEXTO (de qualquer suíte, se SUITE não vier); vazia se não há.
linha_final() {
	local nome='[A-Za-z0-9_.-]+'
	[ -z "${2:-}" ] || nome="$2"
	grep -E "^$nome: [0-9]+ passed, [0-9]+ failed" <<<"$1" | tail -1
}

# conta_soma LINHA NOME LOG_DE_ERROS: soma a linha final de uma suíte rodada
# dentro desta; se ela não veio (a suíte quebrou), conta uma falha com o fim
# do log de erros.
conta_soma() {
	if [ -n "$1" ]; then
		passou=$((passou + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$1")))
		falhou=$((falhou + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$1")))
	else
		confere "$2" 1 "$(tail -30 "$3" 2>/dev/null)"
	fi
}

# roda_suite NOME COMANDO...: roda uma suíte que termina com a linha
# "NOME: N passed, M failed" (a saída aparece enquanto roda) e soma os
# números; os erros ficam à parte (os kernels escrevem muito log ali) e só
# aparecem se a linha final não vier.
roda_suite() {
	local nome="$1" log
	shift
	log=$(mktemp)
	"$@" 2>"$log.err" | tee "$log"
	conta_soma "$(linha_final "$(cat "$log")" "$nome")" "a suíte '$nome' terminou" "$log.err"
	rm -f "$log" "$log.err"
}

# conta_fim: escreve a linha final ("SUITE: N passed, M failed") e devolve 1
# se algo falhou.
conta_fim() {
	echo
	echo "${CONTA_SUITE:+$CONTA_SUITE: }$passou passed, $falhou failed"
	[ "$falhou" -eq 0 ]
}
