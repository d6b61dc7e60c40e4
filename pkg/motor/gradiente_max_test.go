package motor

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"

	"github.com/go-estudos/representacoes/internal/chaves"
)

// Os gradientes de Max e ReduceMax montados para o motor Go puro
// (gradiente_max.go) têm de dar exatamente os valores dos do GoMLX, inclusive
// nos empates: na ReLU (Max(x, 0)) com x = 0, no max-pooling com dois valores
// iguais ao máximo da janela. Os dados têm empates de propósito (valores
// inteiros pequenos). No XLA as duas versões são a do GoMLX; o teste vale no
// Go puro (TestGradientesNoGoPuro o roda lá).
//
// Um gradiente errado é pego: por exemplo, com GreaterThan no lugar de
// GreaterOrEqual (o empate iria para o outro lado) ou sem o BroadcastToShape
// certo (o v de uma janela em outra).
func TestGradienteMaxConfere(t *testing.T) {
	b := Backend()
	r := rand.New(rand.NewPCG(3, 4))
	empates := func(dims ...int) *tensors.Tensor {
		return tensorSorteado(func() float32 { return float32(r.IntN(5) - 2) }, dims...) // −2..2: muitos empates e zeros
	}
	pesos := func(dims ...int) *tensors.Tensor {
		return tensorSorteado(func() float32 { return float32(r.NormFloat64()) }, dims...)
	}
	casos := []struct {
		nome   string
		f      func(x, y *graph.Node) *graph.Node
		dx, dy []int // formas de x e y
		saida  []int
	}{
		{"ReLU (Max(x, 0))", func(x, _ *graph.Node) *graph.Node { return graph.Max(x, graph.ZerosLike(x)) }, []int{4, 6, 6, 3}, []int{1}, []int{4, 6, 6, 3}},
		{"Max(x, y)", func(x, y *graph.Node) *graph.Node { return graph.Max(x, y) }, []int{5, 7}, []int{5, 7}, []int{5, 7}},
		{"max-pooling 2×2 (ReduceMax nos eixos 2 e 4)", func(x, _ *graph.Node) *graph.Node {
			return graph.ReduceMax(graph.Reshape(x, 4, 3, 2, 3, 2, 3), 2, 4)
		}, []int{4, 6, 6, 3}, []int{1}, []int{4, 3, 3, 3}},
		{"ReduceMax de tudo", func(x, _ *graph.Node) *graph.Node { return graph.ReduceAllMax(x) }, []int{3, 4}, []int{1}, nil},
	}
	for _, c := range casos {
		x, y, p := empates(c.dx...), empates(c.dy...), pesos(c.saida...)
		gradientes := func(doGoPuro bool) [][]float32 {
			antes := chaves.GradientesParaOGoPuro
			chaves.GradientesParaOGoPuro = doGoPuro
			defer func() { chaves.GradientesParaOGoPuro = antes }()
			e := graph.MustNewExec(b, func(x, y, p *graph.Node) (*graph.Node, *graph.Node) {
				perda := graph.ReduceAllSum(graph.Mul(c.f(x, y), p))
				g := graph.Gradient(perda, x, y)
				return g[0], g[1]
			})
			s := e.MustCall(x, y, p)
			return [][]float32{tensors.MustCopyFlatData[float32](s[0]), tensors.MustCopyFlatData[float32](s[1])}
		}
		original, doCurso := gradientes(false), gradientes(true)
		for k, nome := range []string{"x", "y"} {
			if !slices.Equal(original[k], doCurso[k]) {
				t.Errorf("%s: gradiente em relação a %s difere do do GoMLX:\n  GoMLX: %v\n  curso: %v", c.nome, nome, original[k], doCurso[k])
			}
		}
	}
}
