package cnn

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// O modelo também treina no motor Go puro (sem o plugin XLA): TestAlgunsPassosBaixamAPerda
// roda de novo, num processo filho, com GOMLX_BACKEND=go.
func TestTreinaNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestAlgunsPassosBaixamAPerda")
}

// Os gradientes conferem com diferenças finitas também no motor Go puro, e
// lá a camada do Go puro, a ReLU depois do pooling e o viés repetido nas
// linhas dão o mesmo que antes.
func TestGradientesNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestGradientesConferemComDiferencasFinitas", "TestReluDepoisDoPoolingDaOMesmo",
		"TestCamadaNoGoPuroDaOMesmo", "TestViesRepetidoNoLoteNaoMudaAConta")
}
