package atencao

import (
	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

func pesosDeAtencao(store *model.Store, c Transformer, x []float32, forma []int, simbolos int, soUltima bool) [][][][]float32 {
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, entrada *graph.Node) []*graph.Node {
		_, pesos := c.Aplica(scope.In("transformer"), entrada, simbolos, soUltima)
		return pesos
	})
	saidas := exec.MustCall(tensors.FromFlatDataAndDimensions(x, append([]int{1}, forma...)...))
	var blocos [][][][]float32
	for _, s := range saidas {
		dims := s.Shape().Dimensions // [1, cabeças, consultas, chaves]
		flat := tensors.MustCopyFlatData[float32](s)
		h, tq, t := dims[1], dims[2], dims[3]
		bloco := make([][][]float32, h)
		for i := range bloco {
			bloco[i] = make([][]float32, tq)
			for q := range tq {
				bloco[i][q] = flat[(i*tq+q)*t : (i*tq+q+1)*t]
			}
		}
		blocos = append(blocos, bloco)
	}
	return blocos
}

// ContaParametros monta o grafo de um modelo para uma entrada com a forma
// dada (sem o lote) e devolve quantos valores treináveis ele cria — sem
// treinar nada.
func ContaParametros(modelo treino.ModeloFn, forma []int) int {
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, entrada *graph.Node) *graph.Node {
		return modelo(scope, nil, []*graph.Node{entrada})[0]
	})
	exec.MustCall(tensors.FromShape(shapes.Make(dtypes.Float32, append([]int{1}, forma...)...)))
	return treino.NumParametros(store)
}
