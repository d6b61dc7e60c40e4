package gan

import "github.com/go-estudos/representacoes/pkg/curso"

// As GANs da lição 04, num lugar só: a lição as mostra (o teste de
// internal/codigo mantém o bloco igual a este), e o benchmark
// (internal/cmd/velocidade) e a medida dos motores (internal/medemotores)
// medem estas mesmas, como cnn.TreinoLeNet e densas.TreinoMLP.

// PassosAnel é a duração de cada treino no anel: 6.000 passos (300 no modo
// rápido).
func PassosAnel() int { return curso.Escolhe(6000, 300) }

// ConfigAnel é a GAN do anel da lição 04: MLPs 128-128 nos dois jogadores,
// lotes de 128, Adam 1e-3, G dá 10 passos para cada passo de D, e as taxas
// caem como um cosseno até o fim do treino. Com remedio, D vê o
// desvio-padrão do lote (DesvioLote, seção 4 da lição).
func ConfigAnel(remedio bool) Config {
	return Config{
		Dados: 2, Latente: 2, Gerador: []int{128, 128}, Discriminador: []int{128, 128},
		Lote: 128, PassosG: 10, // G dá 10 passos para cada passo de D
		OtimizadorD: Adam{Taxa: 1e-3}, OtimizadorG: Adam{Taxa: 1e-3},
		Decaimento: PassosAnel(), // as taxas caem como um cosseno até o fim do treino
		DesvioLote: remedio,
	}
}

// PassosDigitos é a duração do treino da GAN de dígitos: 25.000 passos (300
// no modo rápido).
func PassosDigitos() int { return curso.Escolhe(25000, 300) }

// ConfigDigitos é a GAN de dígitos (MNIST em [−1, 1]) da lição 04: G
// 100→256→512→1024→784 com tanh na saída, D 784→512→256→1, lotes de 64,
// Adam 2e-4, e as taxas caem como um cosseno até o fim do treino.
func ConfigDigitos() Config {
	return Config{
		Dados: 28 * 28, Latente: 100, SaidaTanh: true,
		Gerador: []int{256, 512, 1024}, Discriminador: []int{512, 256},
		Lote: 64, OtimizadorD: Adam{Taxa: 2e-4}, OtimizadorG: Adam{Taxa: 2e-4},
		Decaimento: PassosDigitos(),
	}
}
