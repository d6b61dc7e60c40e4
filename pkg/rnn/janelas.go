package rnn

import "fmt"

// Janelas corta uma série temporal em exemplos para prever o próximo valor:
// o exemplo i tem como entrada os `janela` valores serie[i], …,
// serie[i+janela−1] e como alvo serie[i+janela]. Há len(serie)−janela
// exemplos; as entradas vêm achatadas (exemplo após exemplo), prontas para
// dados.NovosLotes com forma []int{janela}.
func Janelas(serie []float32, janela int) (entradas, alvos []float32) {
	if janela <= 0 {
		panic(fmt.Sprintf("rnn.Janelas: a janela deve ser positiva, recebi %d", janela))
	}
	for i := 0; i+janela < len(serie); i++ {
		entradas = append(entradas, serie[i:i+janela]...)
		alvos = append(alvos, serie[i+janela])
	}
	return entradas, alvos
}
