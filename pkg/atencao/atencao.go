package atencao

import (
	"math"

	. "github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"
)

// ProdutoEscalar é a atenção por produto escalar com escala (Vaswani et al.,
// 2017). Para cada consulta, os escores são os produtos escalares com todas
// as chaves divididos por √d; o softmax sobre as chaves os transforma em pesos
// que somam 1; a saída é a média dos valores com esses pesos.
//
// Formas: q [lote, cabeças, Tq, d], k [lote, cabeças, Tk, d],
// v [lote, cabeças, Tk, dv]. A mascara (ou nil) é booleana [Tq, Tk]: true
// onde a consulta pode olhar a chave. Devolve a saída [lote, cabeças, Tq, dv]
// e os pesos [lote, cabeças, Tq, Tk].
func ProdutoEscalar(q, k, v, mascara *Node) (saida, pesos *Node) {
	d := q.Shape().Dim(-1)
	escores := Einsum("bhqd,bhkd->bhqk", q, k) // Q·Kᵀ, para cada cabeça
	escores = MulScalar(escores, 1/math.Sqrt(float64(d)))
	if mascara != nil {
		// −∞ onde não pode olhar: depois do softmax, peso exatamente 0.
		proibido := Infinity(q.Graph(), escores.DType(), -1)
		m := Reshape(mascara, 1, 1, mascara.Shape().Dim(0), mascara.Shape().Dim(1))
		escores = Where(BroadcastToDims(m, escores.Shape().Dimensions...), escores, proibido)
	}
	pesos = Softmax(escores, -1) // sobre as chaves: cada linha soma 1
	saida = Einsum("bhqk,bhkv->bhqv", pesos, v)
	return saida, pesos
}

// MascaraCausal devolve a máscara [t, t] de um modelo que lê da esquerda para
// a direita: a posição i olha as posições j ≤ i (ela mesma e o passado),
// nunca o futuro.
func MascaraCausal(g *Graph, t int) *Node {
	return LowerTriangular(g, t)
}

// AutoAtencao é a atenção de várias cabeças de uma sequência x [lote, T, D]
// sobre ela mesma: cada cabeça projeta x em consultas, chaves e valores de
// tamanho D/cabecas (camadas densas com viés), faz ProdutoEscalar, e as
// saídas das cabeças, lado a lado, passam por uma última projeção D→D.
// Cabeças diferentes podem olhar coisas diferentes (uma a letra anterior,
// outra o começo da palavra) com o mesmo número de parâmetros de uma cabeça
// só. Devolve a saída [lote, T, D] e os pesos [lote, cabeças, T, T].
func AutoAtencao(scope *model.Scope, x *Node, cabecas int, causal bool) (saida, pesos *Node) {
	return Atencao(scope, x, x, cabecas, causal)
}

// Atencao é a AutoAtencao em que as consultas vêm de q [lote, Tq, D] e as
// chaves e os valores de x [lote, T, D]. Com q = x é a AutoAtencao; com q =
// a última posição de x, só ela pergunta (é o que um classificador pela
// última posição precisa, com T vezes menos contas). Com a máscara causal, as
// consultas são as últimas Tq posições de x. Devolve a saída [lote, Tq, D] e
// os pesos [lote, cabeças, Tq, T].
func Atencao(scope *model.Scope, q, x *Node, cabecas int, causal bool) (saida, pesos *Node) {
	lote, tq, d := q.Shape().Dim(0), q.Shape().Dim(1), q.Shape().Dim(2)
	projeta := func(escopo *model.Scope, de *Node) *Node {
		p := layers.Dense(escopo, de, true, cabecas, d/cabecas) // [lote, T, cabeças, D/cabeças]
		return TransposeAllDims(p, 0, 2, 1, 3)                  // [lote, cabeças, T, D/cabeças]
	}
	consultas := projeta(scope.In("consulta"), q)
	chaves, valores := projeta(scope.In("chave"), x), projeta(scope.In("valor"), x)
	var mascara *Node
	if causal {
		t := x.Shape().Dim(1)
		mascara = Slice(MascaraCausal(x.Graph(), t), AxisRange(t-tq, t), AxisRange())
	}
	o, pesos := ProdutoEscalar(consultas, chaves, valores, mascara)
	o = Reshape(TransposeAllDims(o, 0, 2, 1, 3), lote, tq, d) // as cabeças lado a lado
	return layers.Dense(scope.In("saida"), o, true, d), pesos
}
