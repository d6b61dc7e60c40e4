package gabarito

import (
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/densas"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Os modelos da lição 00 moram agora em pkg/densas. Ficam aqui, com os nomes
// de antes, só para as cópias das lições de versões anteriores: a cópia que o
// aluno já tem nunca é trocada (a nova aparece ao lado dela), e a lição 01
// antiga chama gabarito.TreinoMLP().

// Perceptron é densas.Perceptron.
//
// Deprecated: use densas.Perceptron.
func Perceptron(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
	return densas.Perceptron(scope, spec, entradas)
}

// MLP é densas.MLP.
//
// Deprecated: use densas.MLP.
func MLP(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
	return densas.MLP(scope, spec, entradas)
}

// TreinoMLP é densas.TreinoMLP.
//
// Deprecated: use densas.TreinoMLP.
func TreinoMLP() treino.Config { return densas.TreinoMLP() }
