package graficos

import (
	"math"
	"strings"
	"testing"
)

// campoRampa é um campo 10×10 em [0, 1]² que cresce com x (0 à esquerda, 1 à direita).
func campoRampa() Campo {
	v := make([][]float64, 10)
	for i := range v {
		v[i] = make([]float64, 10)
		for j := range v[i] {
			v[i][j] = float64(j) / 9
		}
	}
	return Campo{Valores: v, XMin: 0, XMax: 1, YMin: 0, YMax: 1, Min: 0, Max: 1, Nome: "D(x)"}
}

func TestCampoEscureceOndeOValorCresce(t *testing.T) {
	f := PontosSobreCampo("Campo", "x", "y", campoRampa())
	img := desenhaPNG(t, f)
	if got := img.Bounds().Size(); got.X != 560 || got.Y != 520 {
		t.Fatalf("tamanho padrão %v; esperava 560×520", got)
	}
	// Uma linha horizontal no meio da altura: o lado esquerdo do campo é
	// claro, o direito é escuro.
	y := img.Bounds().Dy() / 2
	esquerda, direita := brilho(img, 90, y), brilho(img, 520, y)
	if !(esquerda > 0.9 && direita < 0.5) {
		t.Errorf("brilho à esquerda %.2f (esperava claro) e à direita %.2f (esperava escuro)", esquerda, direita)
	}
}

func TestCampoComPontos(t *testing.T) {
	// O ponto da série "a" fica no centro do campo; o da série "b", fora do
	// retângulo, não aparece (nem aumenta os eixos).
	series := []Serie{{Nome: "a", X: []float64{0.5}, Y: []float64{0.5}}, {Nome: "b", X: []float64{5}, Y: []float64{5}}}
	img := desenhaPNG(t, PontosSobreCampo("Campo e pontos", "x", "y", campoRampa(), series...))
	achou := false
	// Procura só no meio da figura, longe da legenda (no canto de cima).
	for x := 240; x < 340 && !achou; x++ {
		for y := 220; y < 320; y++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if b > 2*r && b > g && b > 0x8000 { // o azul da série "a"
				achou = true
				break
			}
		}
	}
	if !achou {
		t.Error("o ponto azul da série \"a\" não aparece")
	}
}

func TestCampoInvalidoViraErro(t *testing.T) {
	c := campoRampa()
	c.Valores[3][4] = math.NaN()
	if _, err := PontosSobreCampo("t", "x", "y", c).PNG(); err == nil || !strings.Contains(err.Error(), "linha 3, coluna 4") {
		t.Errorf("esperava erro apontando a linha 3, coluna 4; veio %v", err)
	}
	if _, err := PontosSobreCampo("t", "x", "y", Campo{}).PNG(); err == nil {
		t.Error("um campo vazio deveria dar erro")
	}
	c = campoRampa()
	c.XMax = c.XMin
	if _, err := PontosSobreCampo("t", "x", "y", c).PNG(); err == nil {
		t.Error("um retângulo sem largura deveria dar erro")
	}
}
