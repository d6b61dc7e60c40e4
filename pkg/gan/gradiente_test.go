package gan

import (
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// O gradiente das peças escritas pelo curso — a camada do desvio do lote
// (minibatch stddev, com o lote de referência igual ou outro), as perdas de D
// e de G e as redes montadas por Config — confere com diferenças finitas, em
// float64, em relação às entradas e a cada peso. Roda também no motor Go puro
// (TestGradientesNoGoPuro).
func TestGradientesConferemComDiferencasFinitas(t *testing.T) {
	b := motor.Backend()
	cfg := Config{Dados: 2, Latente: 2, Gerador: []int{3}, Discriminador: []int{4, 3}, SaidaTanh: true, DesvioLote: true}
	casos := []difinitas.Caso{
		{Nome: "desvio do lote (ref = x)", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return comDesvioDoLote(e[0], e[0]) }, Entradas: [][]int{{4, 3}}},
		{Nome: "desvio do lote (ref ≠ x)", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return comDesvioDoLote(e[0], e[1]) }, Entradas: [][]int{{3, 3}, {5, 3}}},
		{Nome: "PerdaD", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaD(e[0], e[1]) }, Entradas: [][]int{{5}, {4}}},
		{Nome: "PerdaGMinimax", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaGMinimax(e[0]) }, Entradas: [][]int{{5}}},
		{Nome: "PerdaGNaoSaturante", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaGNaoSaturante(e[0]) }, Entradas: [][]int{{5}}},
		{Nome: "gerador (LeakyReLU, tanh)", Camada: func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.ConstroiGerador(s, e[0]) }, Entradas: [][]int{{3, 2}}},
		{Nome: "discriminador com desvio do lote", Camada: func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.ConstroiDiscriminador(s, e[0]) }, Entradas: [][]int{{4, 2}}},
		{Nome: "discriminador com desvio de outro lote", Camada: func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.constroiD(s, e[0], e[1]) }, Entradas: [][]int{{3, 2}, {4, 2}}},
	}
	difinitas.ConfereCasos(t, b, casos)
}
