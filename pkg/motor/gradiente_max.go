package motor

import (
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"

	"github.com/go-estudos/representacoes/internal/chaves"
)

// O gradiente de Max (a ReLU é Max(x, 0)) e de ReduceMax (o max-pooling de
// cnn.Pooling) no motor Go puro.
//
// O GoMLX monta a máscara "onde está o máximo" com contas: 1 onde x − m ≥ 0
// é Sign(Sign(x − m) + 1), e o gradiente é v vezes a máscara. São cinco
// operações sobre o tensor inteiro; o XLA funde todas numa passada, mas o
// motor Go puro faz uma de cada vez (na LeNet, só os Sign eram ~12% do passo
// de treino). Aqui a mesma máscara sai de uma comparação (x ≥ m) e o
// gradiente de um Where(máscara, v, 0): duas passadas, os mesmos valores. No
// XLA ficam os do GoMLX.
//
// A escolha entre as duas versões é feita ao montar o grafo (paraOGoPuro).
var (
	vjpMaxOriginal       = graph.VJPRegistration[graph.NodeTypeMax]
	vjpReduceMaxOriginal = graph.VJPRegistration[graph.NodeTypeReduceMax]
)

func init() {
	graph.VJPRegistration[graph.NodeTypeMax] = vjpMax
	graph.VJPRegistration[graph.NodeTypeReduceMax] = vjpReduceMax
}

// vjpMax: para Max(x, y), o gradiente vai para x onde x ≥ y e para y no
// resto (como no GoMLX: num empate, para x).
func vjpMax(no *graph.Node, vs []*graph.Node, forma shapes.Shape) []*graph.Node {
	x, y := no.Inputs()[0], no.Inputs()[1]
	if !paraOGoPuro(no) || !x.Shape().Equal(no.Shape()) || !y.Shape().Equal(no.Shape()) {
		return vjpMaxOriginal(no, vs, forma)
	}
	v := vs[0]
	zero := graph.ScalarZero(no.Graph(), v.DType())
	emX := graph.GreaterOrEqual(x, y)
	return []*graph.Node{graph.Where(emX, v, zero), graph.Where(emX, zero, v)}
}

// vjpReduceMax: o gradiente vai para todas as posições iguais ao máximo do
// seu grupo (como no GoMLX).
func vjpReduceMax(no *graph.Node, vs []*graph.Node, forma shapes.Shape) []*graph.Node {
	if !paraOGoPuro(no) {
		return vjpReduceMaxOriginal(no, vs, forma)
	}
	x, v := no.Inputs()[0], vs[0]
	eixos := eixosDoNo(no, "axes") // os eixos reduzidos
	if len(eixos) == 0 {
		for a := range x.Rank() {
			eixos = append(eixos, a)
		}
	}
	comUm := x.Shape().Clone() // a forma de x com 1 nos eixos reduzidos
	for _, a := range eixos {
		comUm.Dimensions[a] = 1
	}
	ehMax := graph.GreaterOrEqual(x, graph.ReshapeWithShape(no, comUm))
	vx := graph.BroadcastToShape(graph.ReshapeWithShape(v, comUm), x.Shape())
	return []*graph.Node{graph.Where(ehMax, vx, graph.ScalarZero(no.Graph(), v.DType()))}
}

// paraOGoPuro diz se o nó é de um grafo do motor Go puro, onde valem os
// gradientes montados para ele: o de Max e ReduceMax (acima) e o do produto
// de duas matrizes (vjpMatrizes, gradiente.go). O bench os desliga
// (chaves.GradientesParaOGoPuro) para medir a diferença.
func paraOGoPuro(no *graph.Node) bool {
	return chaves.GradientesParaOGoPuro && GoPuro(no.Graph())
}
