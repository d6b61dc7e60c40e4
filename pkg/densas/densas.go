// Package densas tem as redes densas da lição 00: o perceptron (uma camada
// só) e o MLP (duas camadas ocultas com ReLU), e o treino do MLP no MNIST.
// A lição 00 as mostra em células (que o teste de internal/codigo mantém
// iguais a estas), a lição 01 compara a LeNet com o MLP, e o benchmark
// (internal/cmd/velocidade) e a medida dos motores (internal/medemotores)
// treinam estas mesmas.
package densas

import (
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Perceptron: uma única camada densa, 784 pixels → 10 logits (um por dígito).
func Perceptron(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
	x := graph.Reshape(entradas[0], -1, 28*28) // [lote, 28, 28] → [lote, 784]
	logits := layers.Dense(scope.In("saida"), x, true, 10)
	return []*graph.Node{logits}
}

// MLP: duas camadas ocultas com ReLU (784 → 256 → 128 → 10).
func MLP(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
	x := graph.Reshape(entradas[0], -1, 28*28)
	x = activation.Relu(layers.Dense(scope.In("oculta1"), x, true, 256))
	x = activation.Relu(layers.Dense(scope.In("oculta2"), x, true, 128))
	logits := layers.Dense(scope.In("saida"), x, true, 10)
	return []*graph.Node{logits}
}

// TreinoMLP é o treino do MLP da lição 00: lotes de 128 do MNIST
// (dados.ConjuntosMNIST), 6.000 passos (400 no modo rápido), o checkpoint
// "00-mlp". A lição 01 compara a LeNet com este mesmo MLP: quem rodar uma
// das duas lições primeiro treina o modelo que a outra reaproveita.
func TreinoMLP() treino.Config {
	treinamento, validacao, _ := dados.ConjuntosMNIST()
	return treino.Config{
		Nome:      "00-mlp",
		Modelo:    MLP,
		Treino:    dados.LotesDeImagens(treinamento, 128).Embaralhados(1),
		Validacao: dados.LotesDeImagens(validacao, 1000),
		Passos:    curso.Escolhe(6000, 400),
	}
}
