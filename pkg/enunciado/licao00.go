package enunciado

// Os dados dos exercícios da lição 00 (introdução).

// Reta é um problema de regressão linear y ≈ W·x + B, com os dados X, Y.
type Reta struct {
	W, B float64
	X, Y []float64
}
