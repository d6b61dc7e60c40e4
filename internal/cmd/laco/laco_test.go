package main

import (
	"testing"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// A LSTM no laço, com a volta escrita à mão, dá a mesma perda e os mesmos
// gradientes (de x, W, U e b) que a camada desenrolada do curso, com o
// gradiente do GoMLX. Conferido: falha se a memória passar o gradiente para
// trás pela porta errada (dc_t ⊙ i_t no lugar de dc_t ⊙ f_t) ou se dU usar
// h_{t−1}² no lugar de h_{t−1}.
func TestLacoDaOMesmoGradiente(t *testing.T) {
	motor.Backend()
	if !motor.EscolhaAtual().XLA() {
		t.Skip("o laço precisa do motor XLA (o motor Go puro não tem DynamicSlice)")
	}
	for _, m := range []Medida{{Lote: 4, Tempo: 7, Oculta: 5, Entrada: 3}, {Lote: 8, Tempo: 12, Oculta: 16, Entrada: 9}} {
		desenrolada, _, _ := m.Mede(false, 0)
		laco, _, _ := m.Mede(true, 0)
		for i, nome := range Saidas {
			if d := DiferencaRelativa(desenrolada[i], laco[i]); d > 1e-4 {
				t.Errorf("%+v: %s difere (diferença relativa máxima %.2g)", m, nome, d)
			}
		}
	}
}
