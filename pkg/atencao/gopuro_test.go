package atencao

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// A atenção também funciona no motor Go puro (sem o plugin XLA): a conta à
// mão, os gradientes por diferenças finitas e a comparação com o
// MultiHeadAttention do GoMLX rodam de novo, num processo filho, com
// GOMLX_BACKEND=go.
func TestAtencaoNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestProdutoEscalarIgualAoFeitoAMao", "TestGradientesConferemComDiferencasFinitas",
		"TestAutoAtencaoIgualAMultiHeadAttentionDoGoMLX")
}

// E treina no Go puro: TestTransformerAprendeACopia roda de novo lá.
func TestTreinaNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestTransformerAprendeACopia")
}
