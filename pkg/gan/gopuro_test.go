package gan

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// O modelo também treina no motor Go puro (sem o plugin XLA): TestMediaGeradaVaiAtéOsDados
// roda de novo, num processo filho, com GOMLX_BACKEND=go.
func TestTreinaNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestMediaGeradaVaiAtéOsDados")
}

// Os gradientes conferem com diferenças finitas também no motor Go puro.
func TestGradientesNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestGradientesConferemComDiferencasFinitas")
}

// A restauração também treina e confere os gradientes no motor Go puro.
func TestRestauracaoNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 5*time.Minute, "TestRestauradorAprende", "TestGradientesDaRestauracaoConferem", "TestConvTranspostaEhCarimbar")
}
