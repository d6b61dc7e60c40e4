package enunciado

// Os dados dos exercícios da lição 03 (DBN).

// RBMPequena são os parâmetros de uma máquina de Boltzmann restrita pequena,
// para os exercícios da lição 03.
type RBMPequena struct {
	W [][]float64 // W[i][j]: peso entre a visível i e a oculta j
	B []float64   // vieses das visíveis
	C []float64   // vieses das ocultas
}

// EstadoRBM é uma RBM e um estado completo: visíveis V e ocultas H.
type EstadoRBM struct {
	RBM  RBMPequena
	V, H []float64
}

// VisivelRBM é uma RBM e um estado das visíveis.
type VisivelRBM struct {
	RBM RBMPequena
	V   []float64
}

// CD1 é um passo de divergência contrastiva com as amostras já sorteadas:
// V0 são os exemplos do lote (a fase positiva) e V1 as reconstruções
// sorteadas a partir deles (a fase negativa), um por linha.
type CD1 struct {
	RBM    RBMPequena
	V0, V1 [][]float64
	Taxa   float64
}
