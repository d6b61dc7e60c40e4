package treino

import (
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// mlpMNIST é o MLP da lição 00 (784 → 256 → 128 → 10).
func mlpMNIST(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
	x := graph.Reshape(entradas[0], -1, 28*28)
	x = activation.Relu(layers.Dense(scope.In("oculta1"), x, true, 256))
	x = activation.Relu(layers.Dense(scope.In("oculta2"), x, true, 128))
	return []*graph.Node{layers.Dense(scope.In("saida"), x, true, 10)}
}

// BenchmarkPassoMLP mede um passo de treino (lote de 128) do MLP da lição 00
// no motor escolhido (GOMLX_BACKEND=go para o Go puro). Os dados são
// aleatórios: só o tempo importa aqui. Rode com scripts/bench-motores.sh.
func BenchmarkPassoMLP(b *testing.B) {
	backend := motor.Backend()
	im := metades(128, 1)
	im.Altura, im.Largura = 28, 28
	im.Pixels = make([]float32, 128*28*28)
	for i := range im.Pixels {
		im.Pixels[i] = float32(i%255) / 255
	}
	lotes := dados.LotesDeImagens(im, 128).Infinitos()
	store := model.NewStore()
	trainer := train.NewTrainer(backend, store, mlpMNIST, loss.SparseCategoricalCrossEntropyLogits,
		optimizer.Adam().Done(), nil, nil)
	spec, x, y, _ := lotes.Yield()
	if _, err := trainer.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y}); err != nil { // compila
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		spec, x, y, _ := lotes.Yield()
		if _, err := trainer.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(128*b.N)/b.Elapsed().Seconds(), "exemplos/s")
}
