package gabarito

import (
	"math"
	"testing"
)

// Uma RBM 2×1 feita à mão: W = [[1], [−2]], b = [0,5, 0], c = [−1].
var rbmAMao = RBMPequena{W: [][]float64{{1}, {-2}}, B: []float64{0.5, 0}, C: []float64{-1}}

func TestEnergiaAMao(t *testing.T) {
	// E(v=[1,1], h=[1]) = −(0,5 + 0) − (−1) − (1 − 2) = −0,5 + 1 + 1 = 1,5
	if got := Energia(EstadoRBM{RBM: rbmAMao, V: []float64{1, 1}, H: []float64{1}}); math.Abs(got-1.5) > 1e-12 {
		t.Fatalf("Energia = %v, esperava 1,5", got)
	}
	// Tudo desligado: energia zero.
	if got := Energia(EstadoRBM{RBM: rbmAMao, V: []float64{0, 0}, H: []float64{0}}); got != 0 {
		t.Fatalf("Energia(0, 0) = %v, esperava 0", got)
	}
}

func TestProbOcultasEEnergiaLivreAMao(t *testing.T) {
	// p(h=1 | v=[1,0]) = σ(−1 + 1) = 0,5
	if p := ProbOcultas(VisivelRBM{RBM: rbmAMao, V: []float64{1, 0}}); len(p) != 1 || math.Abs(p[0]-0.5) > 1e-12 {
		t.Fatalf("ProbOcultas = %v, esperava [0,5]", p)
	}
	// F(v=[1,0]) = −0,5 − log(1 + e⁰) = −0,5 − log 2
	if f := EnergiaLivre(VisivelRBM{RBM: rbmAMao, V: []float64{1, 0}}); math.Abs(f-(-0.5-math.Log(2))) > 1e-12 {
		t.Fatalf("EnergiaLivre = %v, esperava %v", f, -0.5-math.Log(2))
	}
}

func TestPassoCD1AMao(t *testing.T) {
	// Um exemplo v0 = [1, 0], reconstrução v1 = [0, 1], taxa 1.
	// p(h|v0) = σ(0) = 0,5; p(h|v1) = σ(−3).
	c := CD1{RBM: rbmAMao, V0: [][]float64{{1, 0}}, V1: [][]float64{{0, 1}}, Taxa: 1}
	novo := PassoCD1(c)
	s3 := 1 / (1 + math.Exp(3))
	want := RBMPequena{W: [][]float64{{1 + 0.5}, {-2 - s3}}, B: []float64{0.5 + 1, 0 - 1}, C: []float64{-1 + 0.5 - s3}}
	if math.Abs(novo.W[0][0]-want.W[0][0]) > 1e-12 || math.Abs(novo.W[1][0]-want.W[1][0]) > 1e-12 ||
		math.Abs(novo.B[0]-want.B[0]) > 1e-12 || math.Abs(novo.B[1]-want.B[1]) > 1e-12 || math.Abs(novo.C[0]-want.C[0]) > 1e-12 {
		t.Fatalf("PassoCD1 = %+v, esperava %+v", novo, want)
	}
}
