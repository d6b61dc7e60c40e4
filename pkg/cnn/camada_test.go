package cnn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// A camada do Go puro (camadaNoGoPuro, que a costura do motor põe no lugar
// de camada) dá a mesma saída, as mesmas anotações e os mesmos gradientes
// (em relação à imagem e às variáveis) que a camada de cnn.go, com as mesmas
// variáveis, em cada tipo de camada que a Conv descreve: com max-pooling
// (onde a ReLU vai para depois do pooling), com pooling pela média, sem
// pooling e sem padding; com e sem quem anote. Chamadas direto, as duas
// rodam em qualquer motor; TestGradientesNoGoPuro repete tudo no Go puro.
func TestCamadaNoGoPuroDaOMesmo(t *testing.T) {
	g := graph.NewGraph(motor.Backend(), "costura")
	esperada, nome := camada, "camada"
	if motor.GoPuro(g) {
		esperada, nome = camadaNoGoPuro, "camadaNoGoPuro"
	}
	if reflect.ValueOf(motor.Peca(g, camada)).Pointer() != reflect.ValueOf(esperada).Pointer() {
		t.Errorf("neste motor, a costura deveria dar %s", nome)
	}
	g.Finalize()
	r := rand.New(rand.NewPCG(21, 22))
	convs := []Conv{
		{Filtros: 3, Kernel: 5, Pool: 2},
		{Filtros: 3, Kernel: 3, Pool: 2, PoolMedia: true},
		{Filtros: 2, Kernel: 3},
		{Filtros: 2, Kernel: 3, Pool: 2, SemPadding: true},
	}
	for _, c := range convs {
		for _, canais := range []int{1, 2} {
			for _, anotando := range []bool{false, true} {
				t.Run(fmt.Sprintf("%+v, %d canais, anotando %v", c, canais, anotando), func(t *testing.T) {
					dadosX := make([]float32, 2*8*6*canais)
					for i := range dadosX {
						dadosX[i] = r.Float32()*2 - 1
					}
					x := tensors.FromFlatDataAndDimensions(dadosX, 2, 8, 6, canais)
					store := model.NewStore()
					store.VariableWithValue("/conv/biases", []float32{0.5, -0.25, 0.125}[:c.Filtros])
					monta := func(f func(*model.Scope, *graph.Node, Conv, int, func(string, *graph.Node)) *graph.Node) [][]float32 {
						saidas := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) []*graph.Node {
							var anotadas []*graph.Node
							var anota func(string, *graph.Node)
							if anotando {
								anota = func(_ string, s *graph.Node) { anotadas = append(anotadas, s) }
							}
							y := f(scope, x, c, 0, anota)
							g := x.Graph()
							perda := graph.ReduceAllSum(graph.Mul(y, graph.Sin(graph.Iota(g, y.Shape(), 1))))
							return append(append([]*graph.Node{y}, anotadas...), gradientesDaConv(scope, x, perda)...)
						}).MustCall(x)
						return planos(saidas)
					}
					deCnn, doGoPuro := monta(camada), monta(camadaNoGoPuro)
					if len(deCnn) != len(doGoPuro) {
						t.Fatalf("camada devolveu %d tensores, camadaNoGoPuro %d", len(deCnn), len(doGoPuro))
					}
					for k := range deCnn {
						for i := range deCnn[k] {
							a, b := float64(deCnn[k][i]), float64(doGoPuro[k][i])
							if math.Abs(a-b) > 1e-4*(1+math.Abs(a)) {
								t.Fatalf("tensor %d, posição %d: camada %v, camadaNoGoPuro %v", k, i, a, b)
							}
						}
					}
				})
			}
		}
	}
}

// gradientesDaConv devolve o gradiente da perda em relação à entrada x e a
// cada variável do escopo "conv" (o filtro e o viés), nessa ordem.
func gradientesDaConv(scope *model.Scope, x, perda *graph.Node) []*graph.Node {
	alvos := []*graph.Node{x}
	for v := range scope.At("conv").IterVariables() {
		alvos = append(alvos, v.NodeValue(x.Graph()))
	}
	return graph.Gradient(perda, alvos...)
}

// planos copia cada tensor de saída para uma fatia de float32.
func planos(saidas []*tensors.Tensor) [][]float32 {
	var r [][]float32
	for _, s := range saidas {
		r = append(r, tensors.MustCopyFlatData[float32](s))
	}
	return r
}
