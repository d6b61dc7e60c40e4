package rbm

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// pequena sorteia uma RBM V×H com pesos da ordem de `escala`.
func pequena(v, h int, escala float64, semente uint64) Pesos {
	r := rand.New(rand.NewPCG(semente, 1))
	p := Pesos{Visiveis: v, Ocultas: h, W: make([]float32, v*h), B: make([]float32, v), C: make([]float32, h)}
	for i := range p.W {
		p.W[i] = float32(escala * r.NormFloat64())
	}
	for i := range p.B {
		p.B[i] = float32(escala * r.NormFloat64())
	}
	for j := range p.C {
		p.C[j] = float32(escala * r.NormFloat64())
	}
	return p
}

func binarios(n, v int, semente uint64) []float32 { return Ruido(n, v, 0.5, semente) }

func paraF64(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

func TestBarrasEListras(t *testing.T) {
	x := BarrasEListras(3)
	if len(x) != 14*9 {
		t.Fatalf("3×3: %d valores, esperava 14 imagens de 9 pixels", len(x))
	}
	if n := len(BarrasEListras(4)) / 16; n != 30 {
		t.Fatalf("4×4: %d imagens, esperava 2^5−2 = 30", n)
	}
}

// A energia livre do grafo bate com −log Σ_h e^{−E(v,h)} somado à mão.
func TestEnergiaLivreEhASomaSobreAsOcultas(t *testing.T) {
	p := pequena(4, 3, 1, 7)
	r := DePesos(p)
	vs := binarios(6, 4, 3)
	doGrafo := r.EnergiaLivre(vs)
	for k := range 6 {
		v := paraF64(vs[k*4 : (k+1)*4])
		var termos []float64
		for _, h := range Estados(3) {
			termos = append(termos, -p.EnergiaExata(v, h))
		}
		somada := -logSomaExp(termos)
		if math.Abs(somada-p.EnergiaLivreExata(v)) > 1e-9 || math.Abs(somada-float64(doGrafo[k])) > 1e-4 {
			t.Fatalf("F(v) para v=%v: soma %.6f, fórmula %.6f, grafo %.6f", v, somada, p.EnergiaLivreExata(v), doGrafo[k])
		}
	}
	// Z pelas visíveis e pelas ocultas dá o mesmo; as probabilidades somam 1.
	p2 := pequena(3, 5, 1, 8)
	soma := 0.0
	for _, q := range p2.DistribuicaoVisiveis() {
		soma += q
	}
	if math.Abs(soma-1) > 1e-12 {
		t.Fatalf("Σ p(v) = %v", soma)
	}
}

// Estatisticas (a estimativa da CD) tem as formas dos parâmetros e é
// exatamente −∂/∂θ [média F(v0) − média F(vk)], calculado pela
// diferenciação automática do GoMLX.
func TestEstatisticasFormaEGradienteDaEnergiaLivre(t *testing.T) {
	p := pequena(5, 3, 0.5, 1)
	v0, vk := binarios(4, 5, 1), binarios(4, 5, 2)
	exec := graph.MustNewExec(motor.Backend(), func(w, b, c, v0, vk *graph.Node) []*graph.Node {
		dw, db, dc := Estatisticas(v0, vk, w, c)
		dif := graph.Sub(graph.ReduceAllMean(EnergiaLivre(v0, w, b, c)), graph.ReduceAllMean(EnergiaLivre(vk, w, b, c)))
		gr := graph.Gradient(dif, w, b, c)
		return []*graph.Node{dw, db, dc, gr[0], gr[1], gr[2]}
	})
	s := exec.MustCall(tensors.FromFlatDataAndDimensions(paraF64(p.W), 5, 3), paraF64(p.B), paraF64(p.C),
		tensors.FromFlatDataAndDimensions(paraF64(v0), 4, 5), tensors.FromFlatDataAndDimensions(paraF64(vk), 4, 5))
	formas := [][]int{{5, 3}, {5}, {3}}
	for i := range 3 {
		if d := s[i].Shape().Dimensions; !iguaisInt(d, formas[i]) {
			t.Errorf("parâmetro %d: forma %v, esperava %v", i, d, formas[i])
		}
		est, grad := tensors.MustCopyFlatData[float64](s[i]), tensors.MustCopyFlatData[float64](s[i+3])
		for k := range est {
			if math.Abs(est[k]+grad[k]) > 1e-12 {
				t.Fatalf("parâmetro %d, posição %d: estimativa %.6f, −gradiente %.6f", i, k, est[k], -grad[k])
			}
		}
	}
}

func iguaisInt(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Com cadeias de Gibbs longas, a média da estimativa da CD aponta para onde
// aponta o gradiente exato da log-verossimilhança (calculado enumerando os
// 64 estados): mesmo sinal nos componentes grandes e cosseno perto de 1.
func TestSinalDoEstimadorConfereComOGradienteExato(t *testing.T) {
	p := pequena(6, 4, 0.5, 3)
	r := DePesos(p)
	dados := []float32{1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0}
	const copias, k = 2000, 30
	v0 := make([]float32, 0, copias*6)
	for i := range copias {
		j := i % 3
		v0 = append(v0, dados[j*6:(j+1)*6]...)
	}
	if err := r.Store.SetRNGStateFromSeed(5); err != nil {
		t.Fatal(err)
	}
	exec := model.MustNewExec(motor.Backend(), r.Store, func(scope *model.Scope, v0 *graph.Node) *graph.Node {
		w, b, c := r.parametros(v0.Graph())
		v := v0
		for range k {
			v, _ = PassoGibbs(scope, v, w, b, c)
		}
		dw, _, _ := Estatisticas(v0, v, w, c)
		return dw
	})
	estimado := paraF64(tensors.MustCopyFlatData[float32](exec.MustCall(tensors.FromFlatDataAndDimensions(v0, copias, 6))[0]))
	exato := p.GradienteExato(dados)
	var pe, ne, nx float64
	for i := range exato {
		pe += estimado[i] * exato[i]
		ne += estimado[i] * estimado[i]
		nx += exato[i] * exato[i]
		if math.Abs(exato[i]) > 0.05 && math.Signbit(exato[i]) != math.Signbit(estimado[i]) {
			t.Errorf("W[%d]: exato %.3f, estimado %.3f (sinais diferentes)", i, exato[i], estimado[i])
		}
	}
	if cos := pe / math.Sqrt(ne*nx); cos < 0.95 {
		t.Errorf("cosseno entre a estimativa CD-%d e o gradiente exato = %.3f, esperava > 0,95", k, cos)
	}
}

// As cadeias de Gibbs de uma RBM treinada nas barras e listras produzem
// barras e listras; o filme tem uma linha por marco.
func TestCadeiasEFilme(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	x := BarrasEListras(3)
	x4 := append(append(append(append([]float32{}, x...), x...), x...), x...)
	r, _ := Treina(Config{Nome: "cadeias", Dados: x4, Visiveis: 9, Ocultas: 10, Lote: 56, K: 5, Passos: 1500, Taxa: 0.3, Momento: -1, SemGrafico: true})
	c := r.Cadeias(Ruido(40, 9, 0.5, 1))
	f := c.Filme([]int{0, 10, 200}, 3, 3, "teste")
	if f == nil || c.Passos != 200 || len(c.Imagens()) != 40 {
		t.Fatalf("filme: %d passos, %d imagens", c.Passos, len(c.Imagens()))
	}
	validas := map[int]bool{}
	for k := range 14 {
		validas[Indice(x[k*9:(k+1)*9])] = true
	}
	boas := 0
	for _, im := range c.Imagens() {
		if validas[Indice(im)] { // p(v|h) arredondado
			boas++
		}
	}
	if boas < 28 {
		t.Fatalf("só %d de 40 amostras são barras ou listras", boas)
	}
}
