package gan

import (
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
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
	casos := []struct {
		nome     string
		camada   difinitas.Camada
		entradas [][]int
	}{
		{"desvio do lote (ref = x)", func(_ *model.Scope, e []*graph.Node) *graph.Node { return comDesvioDoLote(e[0], e[0]) }, [][]int{{4, 3}}},
		{"desvio do lote (ref ≠ x)", func(_ *model.Scope, e []*graph.Node) *graph.Node { return comDesvioDoLote(e[0], e[1]) }, [][]int{{3, 3}, {5, 3}}},
		{"PerdaD", func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaD(e[0], e[1]) }, [][]int{{5}, {4}}},
		{"PerdaGMinimax", func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaGMinimax(e[0]) }, [][]int{{5}}},
		{"PerdaGNaoSaturante", func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaGNaoSaturante(e[0]) }, [][]int{{5}}},
		{"gerador (LeakyReLU, tanh)", func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.ConstroiGerador(s, e[0]) }, [][]int{{3, 2}}},
		{"discriminador com desvio do lote", func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.ConstroiDiscriminador(s, e[0]) }, [][]int{{4, 2}}},
		{"discriminador com desvio de outro lote", func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.constroiD(s, e[0], e[1]) }, [][]int{{3, 2}, {4, 2}}},
	}
	for i, c := range casos {
		t.Run(c.nome, func(t *testing.T) {
			var ts []*tensors.Tensor
			for j, dims := range c.entradas {
				ts = append(ts, difinitas.Aleatorio(uint64(10*i+j+1), 1, dims...))
			}
			difinitas.Confere(t, b, c.nome, c.camada, difinitas.Opcoes{}, ts...)
		})
	}
}
