#!/usr/bin/env bash
# Escreve docker/licoes-publicadas.txt: o sha256 de cada versão de cada lição
# que o curso já publicou (todas as do histórico do git e as de agora). O
# docker/inicia.sh o usa para reconhecer uma cópia que o aluno nunca editou,
# mesmo numa pasta de trabalho de antes do registro .versoes-do-curso: uma
# cópia igual a uma versão publicada pode ser trocada pela nova sem perder
# nada. O testes/atualizacao/testa.sh confere que a lista está em dia.
# Rode depois de mudar uma lição: scripts/licoes-publicadas.sh
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$RAIZ"
{
	for c in $(git log --format=%H -- 'notebooks/*.ipynb'); do
		git ls-tree --name-only "$c" notebooks/ | grep '\.ipynb$' | while read -r f; do
			printf '%s\t%s\n' "$(git show "$c:$f" | sha256sum | cut -d' ' -f1)" "$(basename "$f")"
		done
	done
	for f in notebooks/*.ipynb; do
		printf '%s\t%s\n' "$(sha256sum <"$f" | cut -d' ' -f1)" "$(basename "$f")"
	done
} | sort -u -k2,2 -k1,1 >docker/licoes-publicadas.txt
echo "✔ docker/licoes-publicadas.txt: $(wc -l <docker/licoes-publicadas.txt) versões de $(ls notebooks/*.ipynb | wc -l) lições"
