package enunciado

// Os dados dos exercícios da lição 02 (RNN, LSTM e GRU).

// GRU é um passo de uma célula GRU para um exemplo: a entrada X (d
// valores), o estado anterior H (n valores) e os pesos de cada porta, com
// as formas W [d][n], U [n][n] e b [n] (z = atualização, r = reinício,
// h = candidato).
type GRU struct {
	X, H       []float64
	Wz, Wr, Wh [][]float64
	Uz, Ur, Uh [][]float64
	Bz, Br, Bh []float64
}

// CamadaRNN descreve uma pilha de células recorrentes: o tamanho da
// entrada, o do estado oculto e quantas células empilhadas.
type CamadaRNN struct {
	Entrada, Oculta, Camadas int
}

// Serie é uma série temporal e o tamanho das janelas a cortar nela.
type Serie struct {
	Valores []float64
	Janela  int
}

// Exemplos são pares (janela, próximo valor) para prever uma série.
type Exemplos struct {
	Entradas [][]float64 // cada uma com Janela valores consecutivos
	Alvos    []float64   // o valor que vem logo depois de cada janela
}

// Sorteio é o que é preciso para sortear um símbolo: os logits do modelo,
// a temperatura e um número U sorteado em [0, 1).
type Sorteio struct {
	Logits      []float64
	Temperatura float64
	U           float64
}
