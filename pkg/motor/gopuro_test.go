package motor

import (
	"testing"
	"time"

	"github.com/go-estudos/representacoes/internal/gopuro"
)

// O gradiente de DotGeneral do curso confere com diferenças finitas e com o
// do GoMLX também no motor Go puro (onde ele tem outra forma, vjpMatrizes), e
// os de Max e ReduceMax do Go puro dão os mesmos valores que os do GoMLX, e a
// costura das peças escolhe a versão do Go puro: os
// testes rodam de novo, num processo filho, com GOMLX_BACKEND=go.
func TestGradientesNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestGradienteDotGeneralConfere", "TestGradienteDotConfere", "TestGradienteMaxConfere", "TestGoPuroSemLinhaEmIngles", "TestNomeEmPortugues",
		"TestPecaEscolhePeloMotor")
}
