// Package enunciado tem os tipos que os exercícios das lições recebem e
// devolvem: a reta do gradiente à mão (lição 00), a geometria de uma
// convolução (lição 01), um passo da GRU (lição 02), uma RBM pequena (lição
// 03), as notas do discriminador (lição 04)… É o que o aluno escreve na
// assinatura da sua função (func TamanhoSaida(c enunciado.Conv) int), e por
// isso mora aqui, e não junto das respostas (gabarito): ler um enunciado não
// estraga a graça.
//
// Cada arquivo é uma lição. Os tipos são dados simples, sem métodos; quem os
// preenche são as verificações (pkg/gabarito) e o próprio aluno, nos testes
// que quiser fazer.
package enunciado
