package gan

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// carimba é a convolução transposta pela definição, em Go puro: cada pixel
// de x [h, w, c] carimba o núcleo [k, k, c, f] (espelhado), multiplicado
// pelo seu valor, na saída, a cada s pixels; os carimbos se somam e o
// preenchimento p é cortado das bordas.
func carimba(x []float64, h, w, c int, nucleo []float64, k, f, s, p int) (saida []float64, ho, wo int) {
	hc, wc := (h-1)*s+k, (w-1)*s+k // antes do corte
	cheia := make([]float64, hc*wc*f)
	for i := range h {
		for j := range w {
			for ci := range c {
				v := x[(i*w+j)*c+ci]
				for a := range k {
					for b := range k {
						for fo := range f {
							// núcleo espelhado: (k−1−a, k−1−b)
							cheia[((i*s+a)*wc+j*s+b)*f+fo] += v * nucleo[(((k-1-a)*k+(k-1-b))*c+ci)*f+fo]
						}
					}
				}
			}
		}
	}
	ho, wo = hc-2*p, wc-2*p
	saida = make([]float64, ho*wo*f)
	for i := range ho {
		for j := range wo {
			for fo := range f {
				saida[(i*wo+j)*f+fo] = cheia[((i+p)*wc+j+p)*f+fo]
			}
		}
	}
	return saida, ho, wo
}

// ConvTransposta (zeros entre os pixels, borda, convolução comum) dá o mesmo
// que carimbar o núcleo, e o lado da saída é TamanhoTransposta.
func TestConvTranspostaEhCarimbar(t *testing.T) {
	b := motor.Backend()
	r := rand.New(rand.NewPCG(1, 2))
	for _, caso := range []struct{ n, k, s, p, c, f int }{
		{7, 4, 2, 1, 2, 3}, {14, 2, 2, 0, 3, 2}, {3, 3, 1, 1, 1, 1}, {4, 5, 3, 2, 2, 2}, {1, 4, 2, 0, 1, 2}, {5, 3, 2, 0, 1, 1},
	} {
		x := make([]float64, caso.n*caso.n*caso.c)
		nucleo := make([]float64, caso.k*caso.k*caso.c*caso.f)
		for i := range x {
			x[i] = r.NormFloat64()
		}
		for i := range nucleo {
			nucleo[i] = r.NormFloat64()
		}
		exec := graph.MustNewExec(b, func(x, nucleo *graph.Node) *graph.Node { return ConvTransposta(x, nucleo, caso.s, caso.p) })
		y := exec.MustCall(tensors.FromFlatDataAndDimensions(x, 1, caso.n, caso.n, caso.c),
			tensors.FromFlatDataAndDimensions(nucleo, caso.k, caso.k, caso.c, caso.f))[0]
		esperado, ho, wo := carimba(x, caso.n, caso.n, caso.c, nucleo, caso.k, caso.f, caso.s, caso.p)
		if d := y.Shape().Dimensions; d[1] != ho || d[2] != wo || d[3] != caso.f {
			t.Fatalf("%+v: forma %v, esperada [1 %d %d %d]", caso, d, ho, wo, caso.f)
		}
		if lado := TamanhoTransposta(caso.n, caso.k, caso.s, caso.p); lado != ho {
			t.Errorf("%+v: TamanhoTransposta = %d, a saída tem %d", caso, lado, ho)
		}
		obtido := tensors.MustCopyFlatData[float64](y)
		for i := range esperado {
			if math.Abs(obtido[i]-esperado[i]) > 1e-9 {
				t.Fatalf("%+v: posição %d: %v, esperado %v", caso, i, obtido[i], esperado[i])
			}
		}
	}
}

func TestDegradaTiraAMediaDeCadaBloco(t *testing.T) {
	im := make([]float32, 2*784)
	for i := range 28 {
		for j := range 28 {
			im[i*28+j] = float32(i/4*7 + j/4) // a segunda imagem fica zero
		}
	}
	im[784+5*28+6] = 16 // um pixel aceso no bloco (1, 1) da segunda
	p := Degrada(im)
	if len(p) != 2*49 {
		t.Fatalf("%d valores, esperados 98", len(p))
	}
	for k := range 49 {
		if p[k] != float32(k) {
			t.Fatalf("bloco %d: média %v, esperada %d", k, p[k], k)
		}
	}
	for k := range 49 {
		esperado := float32(0)
		if k == 8 {
			esperado = 1
		}
		if p[49+k] != esperado {
			t.Errorf("segunda imagem, bloco %d: %v, esperado %v", k, p[49+k], esperado)
		}
	}
}

func TestBilinearDeUmaImagemConstanteEhConstante(t *testing.T) {
	p := make([]float32, 49)
	for i := range p {
		p[i] = 0.3
	}
	for i, v := range Bilinear(p) {
		if math.Abs(float64(v)-0.3) > 1e-6 {
			t.Fatalf("pixel %d: %v", i, v)
		}
	}
}

func TestNitidez(t *testing.T) {
	constante := make([]float32, 784)
	for i := range constante {
		constante[i] = 0.7
	}
	if n := Nitidez(constante); n != 0 {
		t.Errorf("imagem constante: nitidez %v, esperada 0", n)
	}
	// Um degrau vertical de 0 para 1 entre as colunas 13 e 14: só a coluna 13
	// (nas 27 linhas medidas) tem gradiente, de módulo 1.
	degrau := make([]float32, 784)
	for i := range 28 {
		for j := 14; j < 28; j++ {
			degrau[i*28+j] = 1
		}
	}
	if n, esperado := Nitidez(degrau), 27.0/(27*27); math.Abs(n-esperado) > 1e-12 {
		t.Errorf("degrau: nitidez %v, esperada %v", n, esperado)
	}
	// O mesmo degrau em rampa de 4 degraus de 1/4: um quarto da energia.
	rampa := make([]float32, 784)
	for i := range 28 {
		for j := range 28 {
			rampa[i*28+j] = float32(min(1, max(0, float64(j-12)/4)))
		}
	}
	if n, esperado := Nitidez(rampa), Nitidez(degrau)/4; math.Abs(n-esperado) > 1e-12 {
		t.Errorf("rampa: nitidez %v, esperada %v (um quarto da do degrau)", n, esperado)
	}
}

// imagensSinteticas: n imagens 28×28 com um retângulo claro em posição
// sorteada (dados que não dependem do MNIST baixado).
func imagensSinteticas(n int) *dados.Imagens {
	r := rand.New(rand.NewPCG(3, 4))
	im := &dados.Imagens{Nome: "retângulos", N: n, Altura: 28, Largura: 28, Pixels: make([]float32, n*784), Rotulos: make([]int32, n)}
	for k := range n {
		i0, j0 := r.IntN(18), r.IntN(18)
		for i := i0; i < i0+3+r.IntN(8); i++ {
			for j := j0; j < j0+3+r.IntN(8); j++ {
				im.Pixels[k*784+i*28+j] = 1
			}
		}
	}
	return im
}

// Treinar baixa o erro L1, nos dois modos (só L1; L1 + adversária), e o passo
// de G mexe só em G, o de D só em D (as variáveis de D não mudam sem adversário).
func TestRestauradorAprende(t *testing.T) {
	amostra := AmostradorDeImagens(imagensSinteticas(200), 5)
	for _, lambda := range []float64{0, 0.05} {
		cfg := Restauracao{Canais: 8, Lote: 8, Adversaria: lambda, OtimizadorG: Adam{Taxa: 2e-3}, OtimizadorD: Adam{Taxa: 2e-4}}
		r := NovoRestaurador(model.NewStore(), cfg)
		inicio := r.Passo(amostra)["erro L1"]
		var fim float64
		for range 80 {
			m := r.Passo(amostra)
			for nome, v := range m {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("λ = %v: %s não é finita", lambda, nome)
				}
			}
			fim = m["erro L1"]
		}
		t.Logf("λ = %v: erro L1 %.3f → %.3f", lambda, inicio, fim)
		if !(fim < inicio/2) {
			t.Errorf("λ = %v: o erro L1 não caiu à metade: %.3f → %.3f", lambda, inicio, fim)
		}
		temD := false
		for v := range r.Store.IterVariables() {
			if v.Scope() == "/discriminador" || len(v.Scope()) > 14 && v.Scope()[:14] == "/discriminador" {
				temD = true
			}
		}
		if temD != (lambda > 0) {
			t.Errorf("λ = %v: variáveis do discriminador criadas = %v", lambda, temD)
		}
		saida := r.Restaura(Degrada(amostra(3)))
		if len(saida) != 3*784 {
			t.Errorf("Restaura devolveu %d valores, esperados %d", len(saida), 3*784)
		}
	}
}

// O gradiente do que a restauração escreve à mão — a convolução transposta,
// a borda de zeros, a média dos blocos, as perdas e as duas redes — confere
// com diferenças finitas, em float64, em relação às entradas e a cada peso.
// Roda também no motor Go puro (TestGradientesDaRestauracaoNoGoPuro).
func TestGradientesDaRestauracaoConferem(t *testing.T) {
	b := motor.Backend()
	cfg := Restauracao{Canais: 4}
	casos := []difinitas.Caso{
		{Nome: "ConvTransposta k=4 s=2 p=1", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return ConvTransposta(e[0], e[1], 2, 1) }, Entradas: [][]int{{2, 3, 3, 2}, {4, 4, 2, 3}}},
		{Nome: "ConvTransposta k=2 s=2 p=0", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return ConvTransposta(e[0], e[1], 2, 0) }, Entradas: [][]int{{1, 3, 2, 2}, {2, 2, 2, 2}}},
		{Nome: "ConvTransposta k=3 s=1 p=1", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return ConvTransposta(e[0], e[1], 1, 1) }, Entradas: [][]int{{1, 4, 4, 1}, {3, 3, 1, 2}}},
		{Nome: "camada transposta (núcleo e viés)", Camada: func(s *model.Scope, e []*graph.Node) *graph.Node { return camadaTransposta(s, e[0], 2, 4, 1) }, Entradas: [][]int{{2, 3, 3, 2}}},
		{Nome: "média dos blocos 2×2", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return mediaDeBlocos(e[0]) }, Entradas: [][]int{{2, 4, 6, 3}}},
		{Nome: "PerdaL1", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaL1(e[0], e[1]) }, Entradas: [][]int{{3, 5}, {3, 5}}},
		{Nome: "PerdaRestaurador (λ = 0,3)", Camada: func(_ *model.Scope, e []*graph.Node) *graph.Node { return PerdaRestaurador(e[0], e[1], e[2], 0.3) }, Entradas: [][]int{{3, 5}, {3, 5}, {3}}},
		{Nome: "restaurador", Camada: func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.ConstroiRestaurador(s, e[0]) }, Entradas: [][]int{{1, 7, 7}}},
		{Nome: "discriminador da restauração", Camada: func(s *model.Scope, e []*graph.Node) *graph.Node { return cfg.ConstroiCritico(s, e[0]) }, Entradas: [][]int{{2, 28, 28}}},
	}
	difinitas.ConfereCasos(t, b, casos)
}
