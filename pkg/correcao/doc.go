// Package correcao é o canal entre o corretor da turma (python -m representacoes corrige)
// e o código de um aluno.
//
// Na correção, o código do aluno não roda no mesmo processo que as
// verificações: se rodasse, uma func init, um inicializador de var ou uma
// goroutine do aluno poderia escrever um "passou" no arquivo de resultados,
// trocá-lo, ou imprimir uma caixa ✅ falsa. Por isso o corretor separa o
// notebook em dois programas:
//
//   - o programa do aluno: as células de exercício dele (com as declarações
//     das outras células do curso, de que elas podem depender) e um main
//     gerado que chama Atende. Roda com um usuário sem privilégios, sem rede,
//     num sistema de arquivos que só tem o que ele precisa, com limites de
//     memória, processos, tamanho de arquivo e disco;
//   - o notebook do juiz: o notebook original do curso, com cada célula de
//     exercício trocada por uma procuração, uma função de mesma assinatura
//     que chama Chama. As verificações são as do curso e rodam num processo
//     que não roda código do aluno; só ele escreve o veredito.
//
// Entre os dois passa só dado: os argumentos de cada chamada e os valores
// devolvidos, codificados por Codifica (sem perder NaN, −0, nem a diferença
// entre uma fatia nil e uma vazia). O corretor fica no meio: repassa cada
// chamada, mede o tempo dela e, se o programa do aluno morrer (memória,
// processos, disco, os.Exit), responde com o motivo, que chega à verificação
// como uma Parada.
//
// Fora da correção, nada disto roda: no notebook, o aluno chama as próprias
// funções, como sempre.
//
// O protocolo, em quadros (4 bytes com o tamanho, big-endian, e o conteúdo):
// um cabeçalho JSON e um quadro de dados. O pedido leva {"exercicio",
// "funcao"} e os argumentos; a resposta leva {} (ou {"panico": …}, ou
// {"parada": …}) e os resultados. Ao começar, o programa do aluno manda
// {"pronto": true}.
package correcao
