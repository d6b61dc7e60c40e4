package cnn

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"

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
