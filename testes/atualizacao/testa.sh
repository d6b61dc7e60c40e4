#!/usr/bin/env bash
# Confere que uma imagem nova traz as lições corrigidas sem perder o trabalho
# do aluno (docker/inicia.sh; veja o cabeçalho dele): um curso de mentira (só
# notebooks/ e um scripts/curso.sh que não abre nada) e o docker/inicia.sh de
# verdade, subindo com três "imagens" seguidas. Não precisa de root nem de um
# motor de contêineres: roda sempre, no scripts/test.sh.
# Termina com a linha "atualizacao: N passed, M failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/preambulo.sh"
. "$RAIZ/testes/conta.sh"
conta_inicia atualizacao

atualiza_teste() {
	local d c t log
	d=$(mktemp -d /tmp/testa-licoes.XXXXXX)
	c="$d/curso"
	t="$d/work"
	mkdir -p "$c/notebooks" "$c/scripts"
	printf '#!/bin/sh\nexit 0\n' >"$c/scripts/curso.sh"
	chmod +x "$c/scripts/curso.sh"
	ini() { CURSO="$c" REPRESENTACOES_TRABALHO="$t" bash "$RAIZ/docker/inicia.sh" >"$d/log" 2>&1; }
	echo '{"v": "A1"}' >"$c/notebooks/01-a.ipynb"
	echo '{"v": "B1"}' >"$c/notebooks/02-b.ipynb"
	ini
	[ "$(cat "$t/notebooks/01-a.ipynb")" = '{"v": "A1"}' ] && grep -q "02-b.ipynb" "$t/notebooks/.versoes-do-curso" &&
		[ ! -e "$t/notebooks/NOVIDADES.md" ]
	confere "lições: a primeira subida copia as lições e registra a origem (.versoes-do-curso)" $? "$(cat "$d/log")"

	echo '{"v": "A1", "aluno": "meu trabalho"}' >"$t/notebooks/01-a.ipynb" # o aluno editou a 01
	echo '{"v": "A2"}' >"$c/notebooks/01-a.ipynb"                           # a imagem nova corrige as duas
	echo '{"v": "B2"}' >"$c/notebooks/02-b.ipynb"
	ini
	grep -q "meu trabalho" "$t/notebooks/01-a.ipynb" && [ "$(cat "$t/notebooks/01-a (versão nova).ipynb")" = '{"v": "A2"}' ]
	confere "lições: a editada pelo aluno fica intacta e a versão nova aparece ao lado" $? "$(ls "$t/notebooks"; cat "$d/log")"
	[ "$(cat "$t/notebooks/02-b.ipynb")" = '{"v": "B2"}' ] && [ ! -e "$t/notebooks/02-b (versão nova).ipynb" ]
	confere "lições: a que o aluno nunca editou é trocada pela nova" $? "$(ls "$t/notebooks")"
	grep -q "versão nova da lição 01-a.ipynb" "$d/log" && grep -q "Lição atualizada: 02-b.ipynb" "$d/log" &&
		grep -q '01-a (versão nova).ipynb' "$t/notebooks/NOVIDADES.md" && grep -q "A sua cópia não foi alterada" "$t/notebooks/NOVIDADES.md"
	confere "lições: o log da subida e o NOVIDADES.md da pasta contam a novidade em português" $? "$(cat "$d/log" "$t/notebooks/NOVIDADES.md")"

	antes=$(cd "$t/notebooks" && sha256sum -- *.ipynb NOVIDADES.md)
	ini
	[ "$(cd "$t/notebooks" && sha256sum -- *.ipynb NOVIDADES.md)" = "$antes" ] && ! grep -q '★\|↻' "$d/log"
	confere "lições: subir de novo com a mesma imagem não muda nem cria nada, nem repete o aviso" $? "$(ls "$t/notebooks"; cat "$d/log")"
	rm "$t/notebooks/01-a (versão nova).ipynb"
	ini
	[ ! -e "$t/notebooks/01-a (versão nova).ipynb" ] && grep -q "meu trabalho" "$t/notebooks/01-a.ipynb"
	confere "lições: a versão nova que o aluno apagou não volta (já foi oferecida)" $? "$(ls "$t/notebooks"; cat "$d/log")"
	cp "$c/notebooks/01-a.ipynb" "$t/notebooks/01-a (versão nova).ipynb" # o aluno a traz de volta

	echo '{"v": "A2", "aluno": "mexi na nova"}' >"$t/notebooks/01-a (versão nova).ipynb"
	echo '{"v": "A3"}' >"$c/notebooks/01-a.ipynb"
	ini
	nova3=$(ls "$t/notebooks" | grep '^01-a (versão nova [0-9a-f]*).ipynb$')
	grep -q "meu trabalho" "$t/notebooks/01-a.ipynb" && grep -q "mexi na nova" "$t/notebooks/01-a (versão nova).ipynb" &&
		[ -n "$nova3" ] && [ "$(cat "$t/notebooks/$nova3")" = '{"v": "A3"}' ]
	confere "lições: uma 'versão nova' que o aluno editou também fica; a mais nova ganha outro nome" $? "$(ls "$t/notebooks")"

	rm "$t/notebooks/02-b.ipynb" "$t/notebooks/.versoes-do-curso"
	echo '{"v": "A1", "aluno": "de antes do registro"}' >"$t/notebooks/01-a.ipynb"
	ini
	[ "$(cat "$t/notebooks/02-b.ipynb")" = '{"v": "B2"}' ] && grep -q "de antes do registro" "$t/notebooks/01-a.ipynb"
	confere "lições: apagada volta na versão atual; sem registro de origem (pasta antiga), nada é sobrescrito" $? "$(ls "$t/notebooks")"

	# Uma pasta de antes do registro com uma lição igual a uma versão que o
	# curso publicou (docker/licoes-publicadas.txt): nunca editada, é trocada.
	mkdir -p "$c/docker"
	printf '%s\t%s\n' "$(printf '%s\n' '{"v": "A1"}' | sha256sum | cut -d' ' -f1)" 01-a.ipynb >"$c/docker/licoes-publicadas.txt"
	rm "$t/notebooks/.versoes-do-curso"
	echo '{"v": "A1"}' >"$t/notebooks/01-a.ipynb"
	ini
	[ "$(cat "$t/notebooks/01-a.ipynb")" = '{"v": "A3"}' ] && grep -q "Lição atualizada: 01-a.ipynb" "$d/log"
	confere "lições: sem registro, uma cópia igual a uma versão publicada é trocada pela nova" $? "$(ls "$t/notebooks"; cat "$d/log")"
	rm -rf "$d"
}
atualiza_teste

# A lista das versões publicadas (scripts/licoes-publicadas.sh) tem toda versão
# de lição do histórico do git: sem ela, o aluno que atualiza a imagem ganharia
# uma "versão nova" ao lado de cada lição que nunca editou.
if git -C "$RAIZ" rev-parse --git-dir >/dev/null 2>&1; then
	faltam=$(
		cd "$RAIZ" && for c in $(git log --format=%H -- 'notebooks/*.ipynb'); do
			git ls-tree --name-only "$c" notebooks/ | grep '\.ipynb$' | while read -r f; do
				printf '%s\t%s\n' "$(git show "$c:$f" | sha256sum | cut -d' ' -f1)" "$(basename "$f")"
			done
		done | sort -u | grep -vxFf docker/licoes-publicadas.txt
	)
	[ -z "$faltam" ]
	confere "docker/licoes-publicadas.txt tem toda versão de lição do histórico (senão: scripts/licoes-publicadas.sh)" $? "$faltam"
fi

conta_fim
