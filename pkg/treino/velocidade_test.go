package treino_test

import (
	"testing"

	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/densas"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// BenchmarkPassoMLP mede um passo de treino (lote de 128) do MLP da lição 00
// (densas.MLP, o mesmo da lição) no motor escolhido (GOMLX_BACKEND=go para
// o Go puro). Os dados são sintéticos: só o tempo importa aqui. Rode com
// scripts/bench-motores.sh. (Pacote treino_test: o gabarito importa o treino.)
func BenchmarkPassoMLP(b *testing.B) {
	backend := motor.Backend()
	im := &dados.Imagens{Nome: "sinteticas", N: 128, Altura: 28, Largura: 28,
		Pixels: make([]float32, 128*28*28), Rotulos: make([]int32, 128)}
	for i := range im.Pixels {
		im.Pixels[i] = float32(i%255) / 255
	}
	for i := range im.Rotulos {
		im.Rotulos[i] = int32(i % 10)
	}
	lotes := dados.LotesDeImagens(im, 128).Infinitos()
	store := model.NewStore()
	trainer := train.NewTrainer(backend, store, densas.MLP, loss.SparseCategoricalCrossEntropyLogits,
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
