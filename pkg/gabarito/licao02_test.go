package gabarito

import (
	"math"
	"testing"
)

func TestPassoGRUConfereComAConta(t *testing.T) {
	// Com pesos zero, z = r = σ(0) = 1/2 e h̃ = tanh(b_h): h' = h/2 + tanh(b_h)/2.
	zero := func(l, c int) [][]float64 {
		m := make([][]float64, l)
		for i := range m {
			m[i] = make([]float64, c)
		}
		return m
	}
	e := GRU{X: []float64{3, -1}, H: []float64{0.4, -0.2},
		Wz: zero(2, 2), Wr: zero(2, 2), Wh: zero(2, 2), Uz: zero(2, 2), Ur: zero(2, 2), Uh: zero(2, 2),
		Bz: []float64{0, 0}, Br: []float64{0, 0}, Bh: []float64{1, -2}}
	got := PassoGRU(e)
	want := []float64{0.2 + math.Tanh(1)/2, -0.1 + math.Tanh(-2)/2}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("PassoGRU = %v, esperava %v", got, want)
		}
	}
	// Uma entrada só na porta z: z = σ(x·Wz) muda o peso do estado antigo.
	e.Wz[0][0] = 1 // z₀ = σ(3)
	z := 1 / (1 + math.Exp(-3))
	if got := PassoGRU(e); math.Abs(got[0]-(z*0.4+(1-z)*math.Tanh(1))) > 1e-12 {
		t.Fatalf("PassoGRU com Wz[0][0] = 1: %v", got)
	}
}

func TestParametrosLSTM(t *testing.T) {
	if got, want := ParametrosLSTM(CamadaRNN{Entrada: 3, Oculta: 4, Camadas: 1}), 4*(3*4+4*4+4); got != want {
		t.Fatalf("LSTM 3→4: %d parâmetros, esperava %d", got, want)
	}
	if got, want := ParametrosLSTM(CamadaRNN{Entrada: 1, Oculta: 8, Camadas: 2}), 4*(8+64+8)+4*(64+64+8); got != want {
		t.Fatalf("LSTM 1→8, 2 camadas: %d parâmetros, esperava %d", got, want)
	}
}

func TestJanelasGabarito(t *testing.T) {
	ex := Janelas(Serie{Valores: []float64{1, 2, 3, 4}, Janela: 2})
	if len(ex.Entradas) != 2 || ex.Entradas[1][0] != 2 || ex.Entradas[1][1] != 3 || ex.Alvos[0] != 3 || ex.Alvos[1] != 4 {
		t.Fatalf("Janelas = %+v", ex)
	}
}

func TestAmostraComTemperatura(t *testing.T) {
	// logits [0, ln 3]: com T = 1, p = [1/4, 3/4].
	s := Sorteio{Logits: []float64{0, math.Log(3)}, Temperatura: 1}
	for _, c := range []struct {
		u    float64
		want int
	}{{0.2, 0}, {0.3, 1}} {
		s.U = c.u
		if got := AmostraComTemperatura(s); got != c.want {
			t.Fatalf("T=1, u=%v: %d, esperava %d", c.u, got, c.want)
		}
	}
	// T = 1/2 eleva as chances ao quadrado: p = [1/10, 9/10].
	s.Temperatura, s.U = 0.5, 0.15
	if got := AmostraComTemperatura(s); got != 1 {
		t.Fatalf("T=1/2, u=0,15: %d, esperava 1", got)
	}
}
