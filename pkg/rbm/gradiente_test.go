package rbm

import (
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// As fórmulas da RBM escritas pelo curso (grafo.go) têm gradiente que confere
// com diferenças finitas em float64 — a energia, a energia livre e as
// probabilidades condicionais, em relação a v (ou h) e a W, b e c. Roda
// também no motor Go puro (TestGradientesNoGoPuro). Que Estatisticas (a
// estimativa da CD, escrita à mão) é −∂/∂θ [média F(v0) − média F(vk)], a
// diferença das energias livres conferidas aqui, é
// TestEstatisticasFormaEGradienteDaEnergiaLivre.
func TestGradientesConferemComDiferencasFinitas(t *testing.T) {
	b := motor.Backend()
	const n, V, H = 3, 4, 3
	casos := []difinitas.Caso{
		{Nome: "EnergiaLivre", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return EnergiaLivre(e[0], e[1], e[2], e[3]) },
			Entradas: [][]int{{n, V}, {V, H}, {V}, {H}}},
		{Nome: "Energia", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return Energia(e[0], e[1], e[2], e[3], e[4]) },
			Entradas: [][]int{{n, V}, {n, H}, {V, H}, {V}, {H}}},
		{Nome: "ProbOcultas", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return ProbOcultas(e[0], e[1], e[2]) },
			Entradas: [][]int{{n, V}, {V, H}, {H}}},
		{Nome: "ProbVisiveis", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return ProbVisiveis(e[0], e[1], e[2]) },
			Entradas: [][]int{{n, H}, {V, H}, {V}}},
	}
	difinitas.ConfereCasos(t, b, casos)
}
