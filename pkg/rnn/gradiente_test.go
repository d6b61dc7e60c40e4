package rnn

import (
	"fmt"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/chaves"
	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// O gradiente das células escritas pelo curso (RNN simples, LSTM com a
// sigmoide única sobre os 4 blocos, GRU com U fatiado), um passo e
// desenroladas em pilha, com e sem o corte de fusão, e o da PerdaPorPasso,
// confere com diferenças finitas em float64, em relação às entradas, ao
// estado e a cada peso. Roda também no motor Go puro (TestGradientesNoGoPuro).
func TestGradientesConferemComDiferencasFinitas(t *testing.T) {
	b := motor.Backend()
	const lote, entrada, oculta = 2, 3, 4
	for _, tipo := range Tipos {
		k := tipo.Blocos()
		t.Run("Passo "+tipo.String(), func(t *testing.T) {
			camada := func(_ *model.Scope, e []*graph.Node) *graph.Node {
				est := Estado{H: e[1]}
				if tipo == LSTM {
					est.C = e[5]
				}
				novo := Passo(Pesos{Tipo: tipo, W: e[2], U: e[3], B: e[4]}, e[0], est)
				if tipo == LSTM {
					return graph.Concatenate([]*graph.Node{novo.H, novo.C}, -1)
				}
				return novo.H
			}
			entradas := []*tensors.Tensor{
				difinitas.Aleatorio(1, 1, lote, entrada), difinitas.Aleatorio(2, 0.5, lote, oculta),
				difinitas.Aleatorio(3, 0.5, entrada, k*oculta), difinitas.Aleatorio(4, 0.5, oculta, k*oculta),
				difinitas.Aleatorio(5, 0.5, k*oculta),
			}
			if tipo == LSTM {
				entradas = append(entradas, difinitas.Aleatorio(6, 0.5, lote, oculta))
			}
			difinitas.Confere(t, b, "Passo "+tipo.String(), camada, difinitas.Opcoes{}, entradas...)
		})
		for _, corte := range []bool{true, false} {
			if tipo == Simples && !corte {
				continue // o corte só existe na LSTM e na GRU
			}
			nome := fmt.Sprintf("Camada %s, 2 células, T=3, corte %v", tipo, corte)
			t.Run(nome, func(t *testing.T) {
				defer func(antes bool) { chaves.CorteDeFusao = antes }(chaves.CorteDeFusao)
				chaves.CorteDeFusao = corte
				c := Camada{Tipo: tipo, Oculta: 3, Camadas: 2}
				camada := func(s *model.Scope, e []*graph.Node) *graph.Node {
					saidas, final := c.Aplica(s, e[0])
					partes := []*graph.Node{graph.Reshape(saidas, lote, -1)}
					for _, f := range final {
						if f.C != nil {
							partes = append(partes, f.C)
						}
					}
					return graph.Concatenate(partes, -1)
				}
				difinitas.Confere(t, b, nome, camada, difinitas.Opcoes{}, difinitas.Aleatorio(7, 1, lote, 3, 2))
			})
		}
	}
	t.Run("PerdaPorPasso", func(t *testing.T) {
		rotulos := tensors.FromFlatDataAndDimensions([]float64{0, 3, -1, 2, 1, -1}, 2, 3)
		camada := func(_ *model.Scope, e []*graph.Node) *graph.Node {
			return PerdaPorPasso([]*graph.Node{e[1]}, []*graph.Node{e[0]})
		}
		difinitas.Confere(t, b, "PerdaPorPasso", camada, difinitas.Opcoes{Fixas: []int{1}},
			difinitas.Aleatorio(8, 1, 2, 3, 4), rotulos)
	})
}
