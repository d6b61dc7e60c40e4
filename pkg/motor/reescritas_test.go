package motor

import (
	"reflect"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
)

func pecaComum(x int) int  { return x + 1 }
func pecaGoPuro(x int) int { return x + 2 }
func pecaSemTroca(x int) int {
	return x + 3
}

// Peca devolve a versão registrada para o Go puro só quando o grafo roda
// no Go puro; fora dele, e para uma peça sem versão registrada, a comum.
// Roda nos dois motores (TestGradientesNoGoPuro o repete no Go puro).
func TestPecaEscolhePeloMotor(t *testing.T) {
	ReescreveNoGoPuro(pecaComum, pecaGoPuro)
	g := graph.NewGraph(Backend(), "peca")
	defer g.Finalize()
	esperada := pecaComum
	if GoPuro(g) {
		esperada = pecaGoPuro
	}
	if got := Peca(g, pecaComum); reflect.ValueOf(got).Pointer() != reflect.ValueOf(esperada).Pointer() || got(0) != esperada(0) {
		t.Errorf("Go puro = %v: Peca(pecaComum)(0) = %d, esperava %d", GoPuro(g), got(0), esperada(0))
	}
	if got := Peca(g, pecaSemTroca); got(0) != 3 {
		t.Errorf("uma peça sem versão do Go puro deveria ficar a mesma: deu %d", got(0))
	}
	defer func() {
		if recover() == nil {
			t.Error("ReescreveNoGoPuro aceitou uma função nil")
		}
	}()
	var nula func(int) int
	ReescreveNoGoPuro(nula, pecaGoPuro)
}
