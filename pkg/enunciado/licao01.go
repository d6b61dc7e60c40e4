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

// LoteBN é um lote para a normalização em lote (batch normalization) no
// modo de treino: X tem um exemplo por linha e uma característica (um canal)
// por coluna; Gama e Beta, um valor por característica. MediaMovel e
// VarianciaMovel são as médias móveis que o treino vem acumulando — a
// inferência as usa; o passo de treino, não. Eps é o ε somado à variância.
type LoteBN struct {
	X                          [][]float64 // [exemplo][característica]
	Gama, Beta                 []float64   // [característica]
	MediaMovel, VarianciaMovel []float64   // [característica]
	Eps                        float64
}
