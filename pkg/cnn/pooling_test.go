package cnn

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers/activation"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// Pooling dá os mesmos valores que o MaxPool/MeanPool do GoMLX, e o mesmo
// gradiente (sem empates: valores sorteados), em formas pares e ímpares.
func TestPoolingIgualAoDoGoMLX(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, forma := range [][]int{{2, 8, 6, 3}, {1, 7, 7, 2}} {
		n := forma[0] * forma[1] * forma[2] * forma[3]
		dadosX := make([]float32, n)
		for i := range dadosX {
			dadosX[i] = r.Float32()*2 - 1
		}
		x := tensors.FromFlatDataAndDimensions(dadosX, forma...)
		for _, media := range []bool{false, true} {
			saidas := graph.MustNewExec(motor.Backend(), func(x *graph.Node) []*graph.Node {
				nosso := Pooling(x, 2, media)
				var deles *graph.Node
				if media {
					deles = graph.MeanPool(x).Window(2).Done()
				} else {
					deles = graph.MaxPool(x).Window(2).Done()
				}
				// Pesos diferentes por posição, para o gradiente dizer algo.
				pesos := graph.Iota(x.Graph(), nosso.Shape(), 1)
				gNosso := graph.Gradient(graph.ReduceAllSum(graph.Mul(nosso, pesos)), x)[0]
				gDeles := graph.Gradient(graph.ReduceAllSum(graph.Mul(deles, pesos)), x)[0]
				return []*graph.Node{nosso, deles, gNosso, gDeles}
			}).MustCall(x)
			if !saidas[0].Shape().Equal(saidas[1].Shape()) {
				t.Fatalf("forma %v (média=%v): %v, o GoMLX dá %v", forma, media, saidas[0].Shape(), saidas[1].Shape())
			}
			for par := 0; par < 4; par += 2 {
				a, b := saidas[par].Value(), saidas[par+1].Value()
				va, vb := tensors.MustCopyFlatData[float32](saidas[par]), tensors.MustCopyFlatData[float32](saidas[par+1])
				for i := range va {
					if math.Abs(float64(va[i]-vb[i])) > 1e-5 {
						t.Fatalf("forma %v (média=%v), saída %d difere na posição %d:\n%v\n%v", forma, media, par, i, a, b)
					}
				}
			}
		}
	}
}

// No motor Go puro a rede faz a ReLU depois do max-pooling (camadaNoGoPuro): a
// mesma conta que a ReLU antes, com os mesmos valores e o mesmo gradiente —
// também nos empates (valores inteiros de −2 a 2: janelas só com negativos,
// com o máximo 0, com dois máximos iguais). Roda nos dois motores
// (TestGradientesNoGoPuro o repete no Go puro, onde os gradientes de Max e
// ReduceMax são os de pkg/motor).
func TestReluDepoisDoPoolingDaOMesmo(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	forma := []int{3, 6, 8, 4}
	dadosX := make([]float32, 3*6*8*4)
	for i := range dadosX {
		dadosX[i] = float32(r.IntN(5) - 2)
	}
	x := tensors.FromFlatDataAndDimensions(dadosX, forma...)
	saidas := graph.MustNewExec(motor.Backend(), func(x *graph.Node) []*graph.Node {
		antes := Pooling(activation.Relu(x), 2, false)
		depois := activation.Relu(Pooling(x, 2, false))
		pesos := graph.Iota(x.Graph(), antes.Shape(), 1)
		gAntes := graph.Gradient(graph.ReduceAllSum(graph.Mul(antes, pesos)), x)[0]
		gDepois := graph.Gradient(graph.ReduceAllSum(graph.Mul(depois, pesos)), x)[0]
		return []*graph.Node{antes, depois, gAntes, gDepois}
	}).MustCall(x)
	for par, nome := range map[int]string{0: "valores", 2: "gradiente"} {
		a, b := tensors.MustCopyFlatData[float32](saidas[par]), tensors.MustCopyFlatData[float32](saidas[par+1])
		if !slices.Equal(a, b) {
			t.Fatalf("%s: ReLU antes do pooling %v, depois %v", nome, a, b)
		}
	}
}
