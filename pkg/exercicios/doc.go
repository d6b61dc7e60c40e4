// Package exercicios confere os exercícios do curso dentro do notebook e diz,
// em português, o que está certo e o que ainda não está — no espírito do
// otter-grader do mundo Python.
//
// # Como um exercício funciona
//
// Cada exercício tem uma célula que o aluno completa (quase sempre uma
// função que começa como um esboço devolvendo nil ou 0) e, logo abaixo, uma
// célula de verificação:
//
//	exercicios.Verifica("00-softmax", Softmax, gabarito.Softmax,
//		[][]float64{{1, 2, 3}, {0, 0}},
//		exercicios.Aleatorios(20, func(r *rand.Rand) []float64 { … }),
//		exercicios.Dica("subtraia o máximo antes de calcular e^z."),
//	)
//
// Verifica roda a função do aluno e a de referência (do pacote gabarito) nos
// mesmos casos — primeiro os fixos, depois os sorteados — e compara as
// respostas com Iguais, que tolera pequenas diferenças de arredondamento. O
// resultado aparece como uma caixa verde (✅ correto) ou vermelha (❌ ainda
// não, com até três casos que falharam: entrada, esperado e obtido, e a dica).
// Fora do notebook (testes, scripts) sai o mesmo texto na saída padrão.
//
// Para respostas que não são funções há VerificaValor (um número, como a
// contagem de parâmetros de uma rede) e VerificaCondicao (uma condição, como
// "acurácia de validação ≥ 90%", para exercícios de modelagem).
//
// # Por que assim
//
// Um exercício por fazer nunca pode parar a lição: "Executar todas" tem de
// chegar ao fim mesmo com tudo em branco. Por isso nenhuma função daqui
// devolve erro nem encerra o programa:
//
//   - um pânico no código do aluno vira a mensagem "seu código entrou em
//     pânico: …", junto com a entrada que o causou;
//   - cada chamada ao código do aluno tem um limite de tempo (10 s, ou o de
//     Limite); quem passa dele ganha "demorou mais de … (laço infinito?)" e os
//     casos restantes não são rodados, para o notebook não ficar esperando
//     caso após caso. A goroutine presa continua rodando até a célula acabar —
//     em Go não há como interrompê-la de fora;
//   - um pânico na função de referência, no gerador de casos ou uma opção de
//     tipo errado é um erro do curso, e a mensagem diz isso com todas as
//     letras, para o aluno não procurar o erro no próprio código.
//
// Os casos sorteados usam uma semente fixa, derivada do ID do exercício: são
// os mesmos em toda execução, e um aluno que falhou num caso o verá de novo.
//
// Cada função (a do aluno e a de referência) recebe a sua própria cópia
// profunda da entrada, feita por Copia (com reflect): se o aluno alterar a
// fatia que recebeu, a referência e os casos seguintes não percebem. Tipos
// com campos não exportados (um *tensors.Tensor, por exemplo) não são
// copiados por dentro: cuidam do próprio estado e são compartilhados.
//
// # Integração contínua
//
// Toda verificação escreve uma linha curta "[exercicio ID: passou]" (ou
// "falhou") na saída padrão, fácil de procurar nas saídas de um notebook. Se a
// variável de ambiente REPRESENTACOES_RESULTADOS indicar um arquivo, cada
// verificação também acrescenta a ele uma linha JSON (por curso.Registra, o
// mesmo formato das afirmações de curso.Confere, com o tipo):
//
//	{"tipo":"exercicio","id":"00-softmax","passou":true,"casos":26,"falhas":0,"mensagem":"26 casos verificados"}
package exercicios
