// Package gabarito tem as respostas de referência com que as verificações dos
// exercícios comparam o código do aluno.
//
// Sempre que possível, a referência é calculada pelo próprio GoMLX (a
// softmax da biblioteca, o gradiente por diferenciação automática, a contagem
// de parâmetros de um modelo de verdade): o aluno confere o que fez à mão
// contra a biblioteca, e não contra uma segunda cópia da mesma conta.
//
// Os tipos que os exercícios recebem e devolvem (Reta, Conv, GRU…) moram no
// pacote enunciado, que o aluno pode ler à vontade; os nomes deste pacote são
// apelidos deles, para as cópias antigas das lições.
//
// Olhar aqui antes de tentar estraga a graça — mas é permitido.
package gabarito
