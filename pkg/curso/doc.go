// Package curso guarda o que é do curso, e não de um modelo: o modo (rápido
// ou completo), as pastas (raiz, dados, modelos, gráficos), todas as
// variáveis de ambiente (REPRESENTACOES_*, BENCH_*, HUB_*) numa tabela só
// (Variaveis), os números escritos à brasileira (Num, Pct, Inteiro, Duracao, Cientifico…) e
// as expectativas que uma lição confere sobre os próprios resultados
// (Confere), gravadas, junto com os resultados dos exercícios, no arquivo de
// resultados que os testes do curso leem (Registra).
//
// É o andar de baixo da casa: não importa nenhum outro pacote do curso, e
// todos podem importá-lo. Assim o motor só escolhe o backend, o treino só
// treina, e ninguém mais lê uma variável de ambiente por conta própria (veja
// ARQUITETURA.md, na raiz).
//
// Os números seguem a regra do curso, escrita só aqui: vírgula decimal e, a
// partir de cinco algarismos na parte inteira, ponto entre os milhares
// (2500, mas 40.472). Não usamos golang.org/x/text/message: ele agrupa também
// os de quatro algarismos ("2.500") e não escreve notação científica nem
// durações, que o curso precisa; a regra cabe em vinte linhas testadas.
package curso
