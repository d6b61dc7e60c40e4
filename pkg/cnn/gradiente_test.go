package cnn

import (
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// O gradiente de cada peça escrita pelo curso — o im2col (Vizinhancas e a
// convolução como im2col), o pooling como "reagrupar e reduzir" (máximo e média)
// e a rede montada por Rede — confere com diferenças finitas, em float64,
// em relação às entradas e a cada peso. Roda também no motor Go puro
// (TestGradientesNoGoPuro).
func TestGradientesConferemComDiferencasFinitas(t *testing.T) {
	b := motor.Backend()
	casos := []struct {
		nome     string
		camada   difinitas.Camada
		entradas [][]int
	}{
		{"Vizinhancas k=3", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Vizinhancas(e[0], 3) }, [][]int{{2, 4, 5, 1}}},
		{"Vizinhancas k=4 (par)", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Vizinhancas(e[0], 4) }, [][]int{{1, 4, 3, 1}}},
		{"Pooling máximo 2×2", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Pooling(e[0], 2, false) }, [][]int{{2, 4, 6, 3}}},
		{"Pooling média 2×2", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Pooling(e[0], 2, true) }, [][]int{{2, 4, 6, 3}}},
		{"Pooling máximo 3×3", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Pooling(e[0], 3, false) }, [][]int{{1, 6, 3, 2}}},
		// Altura e largura que não são múltiplos da janela: o MaxPool/MeanPool do GoMLX.
		{"Pooling máximo (do GoMLX, 5×5)", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Pooling(e[0], 2, false) }, [][]int{{1, 5, 5, 2}}},
		{"Pooling média (do GoMLX, 5×5)", func(_ *model.Scope, e []*graph.Node) *graph.Node { return Pooling(e[0], 2, true) }, [][]int{{1, 5, 5, 2}}},
		{"convolução como im2col (1 canal)", func(s *model.Scope, e []*graph.Node) *graph.Node {
			return convolucaoIm2col(s.In("conv"), e[0], Conv{Filtros: 3, Kernel: 3})
		}, [][]int{{2, 5, 4, 1}}},
		{"convolução como im2col (1 canal, 5×5)", func(s *model.Scope, e []*graph.Node) *graph.Node {
			return convolucaoIm2col(s.In("conv"), e[0], Conv{Filtros: 2, Kernel: 5})
		}, [][]int{{1, 6, 6, 1}}},
		{"convolução como im2col (2 canais)", func(s *model.Scope, e []*graph.Node) *graph.Node {
			return convolucaoIm2col(s.In("conv"), e[0], Conv{Filtros: 2, Kernel: 3})
		}, [][]int{{1, 4, 4, 2}}},
		{"convolução com 2 canais (a do motor: GoMLX no XLA, im2col no Go puro)", func(s *model.Scope, e []*graph.Node) *graph.Node {
			return convolucao(s.In("conv"), e[0], Conv{Filtros: 2, Kernel: 3})
		}, [][]int{{1, 4, 4, 2}}},
		{"convolução sem padding (do GoMLX)", func(s *model.Scope, e []*graph.Node) *graph.Node {
			return convolucao(s.In("conv"), e[0], Conv{Filtros: 2, Kernel: 3, SemPadding: true})
		}, [][]int{{1, 5, 5, 1}}},
		{"Rede (conv+pool máx., conv+pool média, densa, saída)", func(s *model.Scope, e []*graph.Node) *graph.Node {
			r := Rede{Convs: []Conv{{Filtros: 2, Kernel: 3, Pool: 2}, {Filtros: 3, Kernel: 3, Pool: 2, PoolMedia: true}}, Densas: []int{4}, Classes: 3}
			return r.constroi(s, e[0], nil)
		}, [][]int{{2, 8, 8}}},
	}
	for i, c := range casos {
		t.Run(c.nome, func(t *testing.T) {
			ts := difinitas.Aleatorio(uint64(i+1), 1, c.entradas[0]...)
			difinitas.Confere(t, b, c.nome, c.camada, difinitas.Opcoes{}, ts)
		})
	}
}
