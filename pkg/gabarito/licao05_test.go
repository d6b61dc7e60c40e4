package gabarito

import (
	"math"
	"testing"
)

func TestAtencaoConfereComAConta(t *testing.T) {
	// Uma consulta, duas chaves, d = 2: escores (1·1 + 0·0)/√2 e 0/√2, pesos
	// p = σ(1/√2) e 1 − p, saída p·V₀ + (1 − p)·V₁.
	e := Atencao{Q: [][]float64{{1, 0}}, K: [][]float64{{1, 0}, {0, 2}}, V: [][]float64{{1, 2, 3}, {4, 5, 6}}}
	p := 1 / (1 + math.Exp(-1/math.Sqrt2))
	got := AtencaoProdutoEscalar(e)
	for c, want := range []float64{p*1 + (1-p)*4, p*2 + (1-p)*5, p*3 + (1-p)*6} {
		if math.Abs(got[0][c]-want) > 1e-12 {
			t.Fatalf("AtencaoProdutoEscalar = %v, esperava a coluna %d = %v", got, c, want)
		}
	}
	// Com a máscara causal, a primeira posição só vê a si mesma: a saída é V₀.
	e = Atencao{Q: [][]float64{{1, 0}, {0, 1}}, K: [][]float64{{1, 0}, {0, 2}}, V: [][]float64{{1, 2}, {4, 5}}}
	c := AtencaoCausal(e)
	if math.Abs(c[0][0]-1) > 1e-12 || math.Abs(c[0][1]-2) > 1e-12 {
		t.Fatalf("AtencaoCausal: a posição 0 deveria copiar V₀ = [1 2]; deu %v", c[0])
	}
	// A segunda vê as duas: escores 0 e 2/√2, como sem máscara.
	if s := AtencaoProdutoEscalar(e); math.Abs(s[1][0]-c[1][0]) > 1e-12 {
		t.Fatalf("AtencaoCausal: a última posição vê tudo, como sem máscara: %v ≠ %v", c[1], s[1])
	}
}

func TestCodificacaoSenoidalConfereComAConta(t *testing.T) {
	pe := CodificacaoSenoidal(Posicional{Posicoes: 3, Dimensao: 5})
	if len(pe) != 3 || len(pe[0]) != 5 {
		t.Fatalf("forma %d×%d, esperava 3×5", len(pe), len(pe[0]))
	}
	for pos := range 3 {
		for k := range 5 {
			a := float64(pos) / math.Pow(10000, float64(2*(k/2))/5)
			want := math.Sin(a)
			if k%2 == 1 {
				want = math.Cos(a)
			}
			if math.Abs(pe[pos][k]-want) > 1e-12 {
				t.Fatalf("PE[%d][%d] = %v, esperava %v", pos, k, pe[pos][k], want)
			}
		}
	}
}

func TestParametrosDoBloco(t *testing.T) {
	for _, b := range []Bloco{{Dimensao: 8, Cabecas: 2, Oculta: 32}, {Dimensao: 12, Cabecas: 3, Oculta: 20}} {
		D, H := b.Dimensao, b.Oculta
		// 2 normalizações (2D cada), Q, K, V e a saída (D² + D cada), D → H → D.
		want := 2*2*D + 4*(D*D+D) + D*H + H + H*D + D
		if got := ParametrosDoBloco(b); got != want {
			t.Errorf("ParametrosDoBloco(%+v) = %d, esperava %d", b, got, want)
		}
	}
}
