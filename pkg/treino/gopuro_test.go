package treino

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// O modelo também treina no motor Go puro (sem o plugin XLA), e o aviso da
// duração aparece: TestTreinoAprendeERegistra e TestEstimativaPeloLaco
// rodam de novo, num processo filho, com GOMLX_BACKEND=go.
func TestTreinaNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestTreinoAprendeERegistra", "TestEstimativaPeloLaco")
}
