package rbm

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// A RBM e a DBN também treinam no motor Go puro (sem o plugin XLA):
// TestErroDeReconstrucaoCai e TestDBNEClassificador rodam de novo, num
// processo filho, com GOMLX_BACKEND=go.
func TestTreinaNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestErroDeReconstrucaoCai", "TestDBNEClassificador")
}

// Os gradientes conferem com diferenças finitas também no motor Go puro.
func TestGradientesNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestGradientesConferemComDiferencasFinitas", "TestEstatisticasFormaEGradienteDaEnergiaLivre")
}
