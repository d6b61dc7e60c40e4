package motor

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
)

// O gradiente do DotGeneral registrado pelo curso tem de dar o mesmo que o
// original do GoMLX, em produtos com e sem eixos de lote, com eixos
// contraídos fora de ordem e com vários eixos contraídos.
func TestGradienteDotGeneralConfere(t *testing.T) {
	b := Backend()
	type caso struct {
		nome                                 string
		lhsDims, rhsDims                     []int
		lhsContr, lhsLote, rhsContr, rhsLote []int
	}
	casos := []caso{
		{"matriz×matriz", []int{5, 7}, []int{7, 3}, []int{1}, nil, []int{0}, nil},
		{"transposta", []int{7, 5}, []int{3, 7}, []int{0}, nil, []int{1}, nil},
		{"com lote", []int{4, 5, 7}, []int{4, 7, 3}, []int{2}, []int{0}, []int{1}, []int{0}},
		{"lote no meio", []int{5, 4, 7}, []int{7, 4, 3}, []int{2}, []int{1}, []int{0}, []int{1}},
		{"dois contraídos fora de ordem", []int{2, 3, 4}, []int{4, 5, 3}, []int{1, 2}, nil, []int{2, 0}, nil},
		{"vetor·vetor", []int{6}, []int{6}, []int{0}, nil, []int{0}, nil},
	}
	r := rand.New(rand.NewPCG(1, 2))
	aleatorio := func(dims []int) *tensors.Tensor {
		n := 1
		for _, d := range dims {
			n *= d
		}
		v := make([]float64, n)
		for i := range v {
			v[i] = r.NormFloat64()
		}
		return tensors.FromFlatDataAndDimensions(v, dims...)
	}
	for _, c := range casos {
		gradientes := func(vjp graph.VJP) [][]float64 {
			graph.VJPRegistration[graph.NodeTypeDotGeneral] = vjp
			defer func() { graph.VJPRegistration[graph.NodeTypeDotGeneral] = vjpDotGeneral }()
			e := graph.MustNewExec(b, func(x, y, pesos *graph.Node) (*graph.Node, *graph.Node) {
				saida := graph.DotGeneral(x, c.lhsContr, c.lhsLote, y, c.rhsContr, c.rhsLote)
				perda := graph.ReduceAllSum(graph.Mul(saida, pesos))
				g := graph.Gradient(perda, x, y)
				return g[0], g[1]
			})
			x, y := aleatorio(c.lhsDims), aleatorio(c.rhsDims)
			// A forma da saída, para sortear pesos que tornem a perda não trivial.
			forma := graph.MustNewExec(b, func(x, y *graph.Node) *graph.Node {
				return graph.DotGeneral(x, c.lhsContr, c.lhsLote, y, c.rhsContr, c.rhsLote)
			}).MustCall(x, y)[0].Shape()
			r = rand.New(rand.NewPCG(3, 4))
			pesos := aleatorio(forma.Dimensions)
			s := e.MustCall(x, y, pesos)
			return [][]float64{tensors.MustCopyFlatData[float64](s[0]), tensors.MustCopyFlatData[float64](s[1])}
		}
		r = rand.New(rand.NewPCG(5, 6))
		orig := gradientes(vjpDotGeneralOriginal)
		r = rand.New(rand.NewPCG(5, 6))
		novo := gradientes(vjpDotGeneral)
		for k := range 2 {
			if len(orig[k]) != len(novo[k]) {
				t.Fatalf("%s: tamanhos diferentes %d vs %d", c.nome, len(orig[k]), len(novo[k]))
			}
			for i := range orig[k] {
				if math.Abs(orig[k][i]-novo[k][i]) > 1e-9 {
					t.Fatalf("%s, operando %d, elemento %d: original %v, do curso %v", c.nome, k, i, orig[k][i], novo[k][i])
				}
			}
		}
	}
}

// O mesmo para graph.Dot (matriz×matriz, matriz×vetor, vetor·vetor), que na
// v0.28 vira um DotGeneral.
func TestGradienteDotConfere(t *testing.T) {
	b := Backend()
	r := rand.New(rand.NewPCG(7, 8))
	aleatorio := func(dims ...int) *tensors.Tensor {
		n := 1
		for _, d := range dims {
			n *= d
		}
		v := make([]float64, n)
		for i := range v {
			v[i] = r.NormFloat64()
		}
		return tensors.FromFlatDataAndDimensions(v, dims...)
	}
	for _, c := range []struct{ a, b, saida []int }{
		{[]int{5, 7}, []int{7, 3}, []int{5, 3}},
		{[]int{5, 7}, []int{7}, []int{5}},
		{[]int{7}, []int{7}, nil},
	} {
		x, y, pesos := aleatorio(c.a...), aleatorio(c.b...), aleatorio(c.saida...)
		gradientes := func(vjp graph.VJP) [2][]float64 {
			graph.VJPRegistration[graph.NodeTypeDotGeneral] = vjp
			defer func() { graph.VJPRegistration[graph.NodeTypeDotGeneral] = vjpDotGeneral }()
			e := graph.MustNewExec(b, func(x, y, pesos *graph.Node) (*graph.Node, *graph.Node) {
				perda := graph.ReduceAllSum(graph.Mul(graph.Dot(x, y).Product(), pesos))
				g := graph.Gradient(perda, x, y)
				return g[0], g[1]
			})
			s := e.MustCall(x, y, pesos)
			return [2][]float64{tensors.MustCopyFlatData[float64](s[0]), tensors.MustCopyFlatData[float64](s[1])}
		}
		orig, novo := gradientes(vjpDotGeneralOriginal), gradientes(vjpDotGeneral)
		for k := range 2 {
			for i := range orig[k] {
				if math.Abs(orig[k][i]-novo[k][i]) > 1e-9 {
					t.Fatalf("%v·%v, operando %d, elemento %d: original %v, do curso %v", c.a, c.b, k, i, orig[k][i], novo[k][i])
				}
			}
		}
	}
}
