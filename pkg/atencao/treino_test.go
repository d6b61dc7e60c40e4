package atencao

import (
	"math"
	"testing"
	"time"

	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rnn"
)

// Um Transformer de um bloco com as posições senoidais aprende a cópia
// atrasada (a da lição): a perda por posição cai de ~ln 8 (o acaso) para
// menos de 1 em 150 passos. (Sem posições ele não teria como: a resposta
// depende só de onde se está; a lição mede isso.) Escreve o tempo de um passo
// no motor em uso.
func TestTransformerAprendeACopia(t *testing.T) {
	c := Copia{Comprimento: 24, Atraso: 3, Simbolos: 8}
	m := Transformer{Dimensao: 32, Cabecas: 2, Camadas: 1, Posicoes: Senoidais}
	store := model.NewStore()
	if err := store.SetRNGStateFromSeed(1); err != nil {
		t.Fatal(err)
	}
	tr := train.NewTrainer(motor.Backend(), store, m.PorPosicao(0, c.Simbolos), rnn.PerdaPorPasso,
		optimizer.Adam().LearningRate(3e-3).Done(), nil, nil)
	lotes := c.Lotes(4096, 64, 1).SoCompletos().Embaralhados(1).Infinitos()
	const passos = 150
	var primeiras, ultimas float64
	var inicio time.Time
	for i := range passos {
		if i == 1 {
			inicio = time.Now() // depois do 1º passo, que compila
		}
		spec, x, y, err := lotes.Yield()
		if err != nil {
			t.Fatal(err)
		}
		ms, err := tr.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y})
		if err != nil {
			t.Fatal(err)
		}
		perda := float64(tensors.ToScalar[float32](ms[0]))
		if i < 10 {
			primeiras += perda / 10
		}
		if i >= passos-10 {
			ultimas += perda / 10
		}
	}
	nome := "Go puro"
	if motor.EscolhaAtual().XLA() {
		nome = "XLA"
	}
	t.Logf("perda média: %.3f nos 10 primeiros passos, %.3f nos 10 últimos; %.1f ms por passo (motor %s)",
		primeiras, ultimas, 1000*time.Since(inicio).Seconds()/(passos-1), nome)
	if primeiras < 0.8*math.Log(8) {
		t.Errorf("a perda começou em %.3f: esperava perto do acaso, ln 8 = %.3f", primeiras, math.Log(8))
	}
	if ultimas > 1 {
		t.Errorf("depois de %d passos a perda ainda é %.3f (> 1): o Transformer com posições não aprendeu a cópia", passos, ultimas)
	}
}
