package rnn

import (
	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/treino"
)

// Sequencia prepara a entrada de um modelo: com simbolos > 0, x [lote,
// tempo] traz o número de um símbolo por passo (como float32) e vira
// one-hot, [lote, tempo, simbolos]; senão, uma série de números [lote,
// tempo] vira [lote, tempo, 1], e uma entrada [lote, tempo, d] fica como
// está.
func Sequencia(x *graph.Node, simbolos int) *graph.Node {
	if simbolos > 0 {
		return graph.OneHot(graph.ConvertDType(x, dtypes.Int32), simbolos, dtypes.Float32)
	}
	if x.Rank() == 2 {
		return graph.InsertAxes(x, -1)
	}
	return x
}

// Classificador devolve um modelo que lê uma sequência (de símbolos, se
// simbolos > 0; veja Sequencia), resume-a no estado final da camada
// recorrente e dá um logit por classe: [lote, classes].
func Classificador(c Camada, simbolos, classes int) treino.ModeloFn {
	return func(scope *model.Scope, _ any, entradas []*graph.Node) []*graph.Node {
		h := c.Ultimo(scope.In("rnn"), Sequencia(entradas[0], simbolos))
		return []*graph.Node{layers.Dense(scope.In("saida"), h, true, classes)}
	}
}

// Regressor devolve um modelo que lê uma série [lote, tempo] e prevê um
// número, [lote, 1] (p.ex. o próximo valor da série).
func Regressor(c Camada) treino.ModeloFn {
	return func(scope *model.Scope, _ any, entradas []*graph.Node) []*graph.Node {
		h := c.Ultimo(scope.In("rnn"), Sequencia(entradas[0], 0))
		return []*graph.Node{layers.Dense(scope.In("saida"), h, true, 1)}
	}
}

// ModeloDeLinguagem devolve um modelo que lê uma sequência de símbolos
// [lote, tempo] e, em cada passo, dá um logit para cada símbolo possível
// no passo seguinte: [lote, tempo, simbolos]. Treine-o com PerdaPorPasso.
func ModeloDeLinguagem(c Camada, simbolos int) treino.ModeloFn {
	return func(scope *model.Scope, _ any, entradas []*graph.Node) []*graph.Node {
		hs, _ := c.Aplica(scope.In("rnn"), Sequencia(entradas[0], simbolos))
		return []*graph.Node{layers.Dense(scope.In("saida"), hs, true, simbolos)}
	}
}

// PerdaPorPasso é a entropia cruzada média por passo de um
// ModeloDeLinguagem: rotulos[0] [lote, tempo] traz o número do símbolo
// certo em cada passo (como float32), ou −1 nos passos que não contam
// (depois do fim de uma palavra curta); predicoes[0] são os logits [lote,
// tempo, simbolos]. A média é só sobre os passos que contam.
func PerdaPorPasso(rotulos, predicoes []*graph.Node) *graph.Node {
	logits := predicoes[0]
	alvo := rotulos[0]
	g := logits.Graph()
	simbolos := logits.Shape().Dim(-1)
	conta := graph.GreaterOrEqual(alvo, graph.ScalarZero(g, alvo.DType())) // [lote, tempo]
	indices := graph.Where(conta, graph.ConvertDType(alvo, dtypes.Int32), graph.ScalarZero(g, dtypes.Int32))
	certo := graph.OneHot(indices, simbolos, logits.DType())
	logp := graph.ReduceSum(graph.Mul(graph.LogSoftmax(logits, -1), certo), -1) // [lote, tempo]
	peso := graph.ConvertDType(conta, logits.DType())
	total := graph.ReduceAllSum(graph.Mul(logp, peso))
	n := graph.Max(graph.ReduceAllSum(peso), graph.ScalarOne(g, logits.DType()))
	return graph.Neg(graph.Div(total, n))
}
