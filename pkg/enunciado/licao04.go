package enunciado

// Os dados dos exercícios da lição 04 (GAN).

// Notas são as probabilidades de "real" que o discriminador deu a um lote
// de dados reais e a um lote de dados falsos (gerados).
type Notas struct {
	Reais  []float64 // D(x) para cada dado real
	Falsos []float64 // D(G(z)) para cada dado gerado
}

// Interpolacao pede Passos pontos igualmente espaçados no segmento de De até
// Ate (os dois extremos incluídos).
type Interpolacao struct {
	De, Ate []float64
	Passos  int
}

// Cobertura resume amostras de um anel de gaussianas.
type Cobertura struct {
	Modos     int     // modos cobertos
	Qualidade float64 // fração das amostras de alta qualidade
}

// Transposta descreve uma convolução transposta 2-D de imagens quadradas:
// o lado da entrada, o do núcleo, o passo e o preenchimento (o mesmo dos
// quatro lados).
type Transposta struct {
	Entrada, Nucleo, Passo, Preenchimento int
}
