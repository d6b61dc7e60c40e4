package gabarito

import (
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"
)

// Os modelos da lição 00, num lugar só: a lição os mostra em células (que o
// teste de internal/codigo mantém iguais a estes), a lição 01 compara a LeNet
// com o MLP, e o benchmark (scripts/bench/velocidade) e a medida dos motores
// (internal/medemotores) treinam estes mesmos.

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
