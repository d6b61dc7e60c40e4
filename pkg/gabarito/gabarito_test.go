package gabarito

import (
	"math"
	"slices"
	"testing"
)

func TestSoftmaxDoGoMLX(t *testing.T) {
	p := Softmax([]float64{1, 2, 3})
	soma := 0.0
	for _, v := range p {
		soma += v
	}
	if math.Abs(soma-1) > 1e-12 || !(p[0] < p[1] && p[1] < p[2]) {
		t.Fatalf("softmax([1 2 3]) = %v", p)
	}
	want := math.Exp(1) / (math.Exp(1) + math.Exp(2) + math.Exp(3))
	if math.Abs(p[0]-want) > 1e-12 {
		t.Fatalf("softmax([1 2 3])[0] = %v, esperava %v", p[0], want)
	}
	// A versão da biblioteca é estável para entradas grandes.
	q := Softmax([]float64{1000, 1000})
	if math.Abs(q[0]-0.5) > 1e-12 {
		t.Fatalf("softmax([1000 1000]) = %v", q)
	}
}

func TestGradienteRetaConfereComAConta(t *testing.T) {
	r := Reta{W: 2, B: -1, X: []float64{0, 1, 2}, Y: []float64{1, 1, 5}}
	// pred = [-1, 1, 3]; erro = [-2, 0, -2]; dL/dW = 2/3·Σ erro·x = 2/3·(-4) ; dL/dB = 2/3·Σ erro = 2/3·(-4)
	g := GradienteReta(r)
	if math.Abs(g[0]-(-8.0/3)) > 1e-12 || math.Abs(g[1]-(-8.0/3)) > 1e-12 {
		t.Fatalf("gradiente = %v, esperava [-8/3 -8/3]", g)
	}
}

func TestParametrosMLP(t *testing.T) {
	if got, want := ParametrosMLP([]int{784, 256, 10}), 784*256+256+256*10+10; got != want {
		t.Fatalf("ParametrosMLP([784 256 10]) = %d, esperava %d", got, want)
	}
	if got := ParametrosMLP([]int{3, 1}); got != 4 {
		t.Fatalf("ParametrosMLP([3 1]) = %d, esperava 4", got)
	}
}

func TestTamanhoSaida(t *testing.T) {
	for _, c := range []struct {
		conv Conv
		want int
	}{
		{Conv{Entrada: 28, Kernel: 5, Padding: 0, Passo: 1}, 24},
		{Conv{Entrada: 28, Kernel: 5, Padding: 2, Passo: 1}, 28},
		{Conv{Entrada: 28, Kernel: 3, Padding: 1, Passo: 2}, 14},
		{Conv{Entrada: 7, Kernel: 3, Padding: 0, Passo: 2}, 3},
	} {
		if got := TamanhoSaida(c.conv); got != c.want {
			t.Errorf("TamanhoSaida(%+v) = %d, esperava %d", c.conv, got, c.want)
		}
	}
}

func TestConvolucaoEMaxPool(t *testing.T) {
	img := [][]float64{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	got := Convolucao(Correlacao{Imagem: img, Kernel: [][]float64{{1, 0}, {0, -1}}})
	want := [][]float64{{1 - 5, 2 - 6}, {4 - 8, 5 - 9}} // sem espelhar o filtro
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("Convolucao = %v, esperava %v", got, want)
	}
	p := MaxPool2([][]float64{{1, 2, 0, 0, 9}, {3, 4, 0, -1, 9}, {5, 5, 5, 5, 9}})
	if len(p) != 1 || len(p[0]) != 2 || p[0][0] != 4 || p[0][1] != 0 {
		t.Fatalf("MaxPool2 = %v, esperava [[4 0]]", p)
	}
}

func TestParametrosConv(t *testing.T) {
	if got := ParametrosConv(CamadaConv{Kernel: 5, CanaisEntrada: 16, Filtros: 32}); got != 5*5*16*32+32 {
		t.Fatalf("ParametrosConv = %d, esperava %d", got, 5*5*16*32+32)
	}
}
