package rnn

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// O modelo também treina no motor Go puro (sem o plugin XLA): TestPerdaCaiNaTarefaDaMemoria
// roda de novo, num processo filho, com GOMLX_BACKEND=go.
func TestTreinaNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestPerdaCaiNaTarefaDaMemoria")
}

// Os gradientes conferem com diferenças finitas também no motor Go puro, e
// lá as opções que só valem nele (ou que mudam a conta dele) não mudam a
// conta.
func TestGradientesNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestGradientesConferemComDiferencasFinitas",
		"TestJuntaGradienteDasPortasNaoMudaAConta", "TestGradienteDosPesosNoTempoNaoMudaAConta",
		"TestViesRepetidoNoLoteNaoMudaAConta")
}
