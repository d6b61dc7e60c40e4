package rnn

import (
	"math"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// NormasDoGradiente mede quanto o estado final da camada depende de cada
// passo da entrada: para x [lote, tempo] (símbolos, se simbolos > 0; veja
// Sequencia) ou [lote, tempo, d], devolve, para cada passo t, a norma de
// ∂L/∂x_t com L = Σ h_T (a soma do estado oculto final), na média do lote.
// normas[t] pequeno quer dizer: o que entrou no passo t quase não muda o fim
// — e o treino, guiado por esse gradiente, quase não aprende a usá-lo.
//
// As variáveis ficam no escopo dado: se já existirem (um modelo treinado,
// p.ex. treino.Carrega(…).Store.Scope("/rnn")), são usadas; senão, são
// sorteadas (com o gerador do model.Store do escopo).
func NormasDoGradiente(scope *model.Scope, c Camada, x *tensors.Tensor, simbolos int) []float64 {
	exec := model.MustNewExec(motor.Backend(), scope.Store(), func(_ *model.Scope, x *graph.Node) *graph.Node {
		xs := Sequencia(x, simbolos)
		h := c.Ultimo(scope.ResetVisited(), xs)                      // no escopo dado, não na raiz
		grad := graph.Gradient(graph.ReduceAllSum(h), xs)[0]         // [lote, tempo, d]
		norma := graph.Sqrt(graph.ReduceSum(graph.Square(grad), -1)) // [lote, tempo]
		return graph.ReduceMean(norma, 0)                            // [tempo]
	})
	normas := tensors.MustCopyFlatData[float32](exec.MustCall(x)[0])
	saida := make([]float64, len(normas))
	for i, v := range normas {
		saida[i] = math.Max(float64(v), 0)
	}
	return saida
}
