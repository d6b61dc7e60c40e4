#!/usr/bin/env bash
# Corrige os notebooks de uma turma com as verificações do próprio curso
# (python -m representacoes corrige; veja representacoes/corrige.py): uma
# subpasta por aluno com os notebooks dele. Gera notas.csv, uma página por
# aluno, index.html e relatorio.txt.
#
# Uso: scripts/corrige.sh PASTA_DA_TURMA [--saida correcao] [--paralelo 2]
#        [--licoes 00,01] [--limite-notebook 900] [--modelos-prontos PASTA]
#        [--limite-memoria 2] [--limite-processos 256] [--limite-disco 256]
#        [--limite-arquivo 256] [--limite-chamada 30] [--limite-memoria-juiz 6]
# Rode como root (sudo): o código de cada aluno roda num programa à parte,
# numa caixa sem rede e com limites (representacoes/isola.py), e o veredito
# sai do notebook do curso, que roda com outro usuário. Sem root não há
# caixa: roda com o seu usuário e com a rede (só para testes).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/preambulo.sh"
garante_setup
# A pasta da turma e a de saída continuam relativas a onde o comando foi chamado.
exec "${PY[@]}" -m representacoes corrige "$@"
