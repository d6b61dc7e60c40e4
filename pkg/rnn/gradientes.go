package rnn

import (
	"math"

	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// NormasDoGradiente mede quanto o estado final da camada depende de cada
// passo da entrada: para x [lote, tempo] (símbolos, se simbolos > 0; veja
// Sequencia) ou [lote, tempo, d], devolve, para cada passo t, a norma de
// ∂L/∂x_t com L = Σ h_T (a soma do estado oculto final), na média do lote.
// normas[t] pequeno quer dizer: o que entrou no passo t quase não muda o fim
// — e o treino, guiado por esse gradiente, quase não aprende a usá-lo.
//
// As variáveis ficam em ctx: se já existirem (um modelo treinado, p.ex.
// treino.Carrega(…).Ctx.In("rnn")), são usadas; senão, são sorteadas.
func NormasDoGradiente(ctx *context.Context, c Camada, x *tensors.Tensor, simbolos int) []float64 {
	ctx = ctx.Checked(false)
	exec := context.MustNewExec(motor.Backend(), ctx, func(ctx *context.Context, x *graph.Node) *graph.Node {
		xs := Sequencia(x, simbolos)
		h := c.Ultimo(ctx, xs)
		grad := graph.Gradient(graph.ReduceAllSum(h), xs)[0]         // [lote, tempo, d]
		norma := graph.Sqrt(graph.ReduceSum(graph.Square(grad), -1)) // [lote, tempo]
		return graph.ReduceMean(norma, 0)                            // [tempo]
	})
	normas := tensors.MustCopyFlatData[float32](exec.MustExec(x)[0])
	saida := make([]float64, len(normas))
	for i, v := range normas {
		saida[i] = math.Max(float64(v), 0)
	}
	return saida
}
