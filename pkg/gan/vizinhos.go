package gan

import (
	"math"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// blocoVizinhos é quantas imagens da base entram de uma vez na conta das
// distâncias (limita a memória: consultas × bloco números).
const blocoVizinhos = 10000

// MaisProximas procura, para cada imagem de consultas (achatadas, n×t, com
// t = Altura×Largura da base e pixels em [0, 1]), a imagem mais próxima de
// base na distância euclidiana dos pixels. Devolve as distâncias e os
// índices em base. Uma imagem copiada da base está a distância 0.
//
// A conta é feita no GoMLX, em blocos, com ‖q − b‖² = ‖q‖² + ‖b‖² − 2 q·b.
func MaisProximas(consultas []float32, base *dados.Imagens) (dist []float64, indice []int) {
	t := base.Altura * base.Largura
	n := len(consultas) / t
	dist, indice = make([]float64, n), make([]int, n)
	if n == 0 || base.N == 0 {
		return dist, indice
	}
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	exec := graph.MustNewExec(motor.Backend(), func(q, b *graph.Node) []*graph.Node {
		qq := graph.ReduceAndKeep(graph.Square(q), graph.ReduceSum, 1) // [n, 1]
		bb := graph.InsertAxes(graph.ReduceSum(graph.Square(b), 1), 0) // [1, m]
		qb := graph.MatMul(q, graph.Transpose(b, 0, 1))                // [n, m]
		d2 := graph.Sub(graph.Add(qq, bb), graph.MulScalar(qb, 2))     // [n, m]
		return []*graph.Node{graph.ReduceMin(d2, 1), graph.ArgMin(d2, 1)}
	})
	q := tensors.FromFlatDataAndDimensions(consultas[:n*t], n, t)
	for de := 0; de < base.N; de += blocoVizinhos {
		ate := min(base.N, de+blocoVizinhos)
		b := tensors.FromFlatDataAndDimensions(base.Pixels[de*t:ate*t], ate-de, t)
		r := exec.MustCall(q, b)
		d2 := tensors.MustCopyFlatData[float32](r[0])
		idx := tensors.MustCopyFlatData[int32](r[1])
		for i := range n {
			d := math.Sqrt(max(0, float64(d2[i])))
			if d < dist[i] {
				dist[i], indice[i] = d, de+int(idx[i])
			}
		}
	}
	return dist, indice
}
