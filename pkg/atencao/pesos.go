package atencao

import (
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

func pesosDeAtencao(store *model.Store, c Transformer, x []float32, forma []int, simbolos int) [][][][]float32 {
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, entrada *graph.Node) []*graph.Node {
		_, pesos := c.Aplica(scope.In("transformer"), entrada, simbolos)
		return pesos
	})
	saidas := exec.MustCall(tensors.FromFlatDataAndDimensions(x, append([]int{1}, forma...)...))
	var blocos [][][][]float32
	for _, s := range saidas {
		dims := s.Shape().Dimensions // [1, cabeças, T, T]
		flat := tensors.MustCopyFlatData[float32](s)
		h, t := dims[1], dims[2]
		bloco := make([][][]float32, h)
		for i := range bloco {
			bloco[i] = make([][]float32, t)
			for q := range t {
				bloco[i][q] = flat[(i*t+q)*t : (i*t+q+1)*t]
			}
		}
		blocos = append(blocos, bloco)
	}
	return blocos
}
