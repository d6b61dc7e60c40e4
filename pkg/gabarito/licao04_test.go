package gabarito

import (
	"math"
	"testing"
)

func TestPerdaDConfereComAConta(t *testing.T) {
	n := Notas{Reais: []float64{0.9, 0.6}, Falsos: []float64{0.2, 0.5}}
	want := -(math.Log(0.9)+math.Log(0.6))/2 - (math.Log(0.8)+math.Log(0.5))/2
	if got := PerdaD(n); math.Abs(got-want) > 1e-9 {
		t.Fatalf("PerdaD = %v; esperava %v", got, want)
	}
	// D perfeito: perda perto de zero; D que chuta 1/2: 2·log 2.
	if got := PerdaD(Notas{Reais: []float64{0.5}, Falsos: []float64{0.5}}); math.Abs(got-2*math.Log(2)) > 1e-9 {
		t.Fatalf("PerdaD(1/2, 1/2) = %v; esperava 2 log 2", got)
	}
}

func TestPerdaGNaoSaturante(t *testing.T) {
	want := -(math.Log(0.1) + math.Log(0.7)) / 2
	if got := PerdaG([]float64{0.1, 0.7}); math.Abs(got-want) > 1e-9 {
		t.Fatalf("PerdaG = %v; esperava %v", got, want)
	}
}

func TestInterpola(t *testing.T) {
	got := Interpola(Interpolacao{De: []float64{0, 10}, Ate: []float64{1, -10}, Passos: 3})
	want := [][]float64{{0, 10}, {0.5, 0}, {1, -10}}
	for i := range want {
		for j := range want[i] {
			if math.Abs(got[i][j]-want[i][j]) > 1e-12 {
				t.Fatalf("Interpola = %v; esperava %v", got, want)
			}
		}
	}
}

func TestCoberturaAnel(t *testing.T) {
	// Dois pontos no modo (2, 0), um no modo (0, 2) e um no meio do anel.
	c := CoberturaAnel([][2]float64{{2, 0}, {2.01, 0.02}, {0, 2}, {0, 0}})
	if c.Modos != 2 || c.Qualidade != 0.75 {
		t.Fatalf("CoberturaAnel = %+v; esperava 2 modos e qualidade 0,75", c)
	}
}
