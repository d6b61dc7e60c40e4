package enunciado

// Os dados dos exercícios da lição 05 (atenção e o Transformer).

// Atencao são as consultas, as chaves e os valores de uma atenção, uma
// linha por posição: Q [n][d] (n consultas), K [m][d] (m chaves, do mesmo
// tamanho d das consultas) e V [m][dv] (um valor por chave, de tamanho dv,
// que pode ser diferente de d). Na atenção causal, n = m: as consultas e as
// chaves são as mesmas posições da sequência.
type Atencao struct {
	Q, K, V [][]float64
}

// Posicional pede a codificação posicional senoidal das posições 0, 1, …,
// Posicoes−1, cada uma um vetor de Dimensao números.
type Posicional struct {
	Posicoes, Dimensao int
}

// Bloco descreve um bloco Transformer: a dimensão D do modelo (o tamanho
// do vetor de cada posição), o número de cabeças da atenção (D é
// divisível por ele) e o tamanho da camada oculta da rede densa
// (feed-forward).
type Bloco struct {
	Dimensao, Cabecas, Oculta int
}
