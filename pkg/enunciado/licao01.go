package enunciado

// Os dados dos exercícios da lição 01 (CNN).

// Conv descreve uma convolução 2-D sobre uma imagem quadrada de um canal.
type Conv struct {
	Entrada int // lado da imagem de entrada (Entrada×Entrada)
	Kernel  int // lado do filtro
	Padding int // zeros acrescentados em cada borda
	Passo   int // stride: de quantos em quantos pixels o filtro anda
}

// ConvComPasso é uma imagem e um filtro (que pode não ser quadrado), com
// Padding zeros acrescentados em cada borda (preenchimento) e o filtro
// andando de Passo em Passo pixels (stride), nas duas direções.
type ConvComPasso struct {
	Imagem  [][]float64
	Kernel  [][]float64
	Padding int // zeros acrescentados em cada borda (em cima, embaixo, à esquerda e à direita)
	Passo   int // stride: de quantos em quantos pixels o filtro anda
}

// CamadaConv descreve uma camada convolucional com viés.
type CamadaConv struct {
	Kernel, CanaisEntrada, Filtros int
}
