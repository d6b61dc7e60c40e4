package rnn

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/chaves"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// matriz sorteia uma matriz l×c com valores em [−1, 1).
func matriz(r *rand.Rand, l, c int) [][]float64 {
	m := make([][]float64, l)
	for i := range m {
		m[i] = make([]float64, c)
		for j := range m[i] {
			m[i][j] = 2*r.Float64() - 1
		}
	}
	return m
}

func achata(m [][]float64) []float64 {
	var v []float64
	for _, l := range m {
		v = append(v, l...)
	}
	return v
}

// afim calcula x·W[:, bloco] + h·U[:, bloco] + b[bloco] para o bloco k de tamanho n.
func afim(x, h []float64, w, u [][]float64, b []float64, k, n int) []float64 {
	s := make([]float64, n)
	for j := range n {
		s[j] = b[k*n+j]
		for i := range x {
			s[j] += x[i] * w[i][k*n+j]
		}
		for i := range h {
			s[j] += h[i] * u[i][k*n+j]
		}
	}
	return s
}

func sigmoide(v float64) float64 { return 1 / (1 + math.Exp(-v)) }

// passoAMao é a conta de Passo, escrita com laços, para um exemplo.
func passoAMao(tipo Tipo, x, h, c []float64, w, u [][]float64, b []float64) (hNovo, cNovo []float64) {
	n := len(h)
	hNovo = make([]float64, n)
	switch tipo {
	case Simples:
		for j, v := range afim(x, h, w, u, b, 0, n) {
			hNovo[j] = math.Tanh(v)
		}
	case LSTM:
		i, f := afim(x, h, w, u, b, 0, n), afim(x, h, w, u, b, 1, n)
		g, o := afim(x, h, w, u, b, 2, n), afim(x, h, w, u, b, 3, n)
		cNovo = make([]float64, n)
		for j := range n {
			cNovo[j] = sigmoide(f[j])*c[j] + sigmoide(i[j])*math.Tanh(g[j])
			hNovo[j] = sigmoide(o[j]) * math.Tanh(cNovo[j])
		}
	case GRU:
		z, r := afim(x, h, w, u, b, 0, n), afim(x, h, w, u, b, 1, n)
		rh := make([]float64, n)
		for j := range n {
			z[j], r[j] = sigmoide(z[j]), sigmoide(r[j])
			rh[j] = r[j] * h[j]
		}
		cand := afim(x, rh, w, u, b, 2, n)
		for j := range n {
			hNovo[j] = z[j]*h[j] + (1-z[j])*math.Tanh(cand[j])
		}
	}
	return hNovo, cNovo
}

func TestPassoIgualAsEquacoes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const d, n = 3, 4
	for _, tipo := range Tipos {
		k := tipo.Blocos()
		x, h, c := matriz(r, 1, d)[0], matriz(r, 1, n)[0], matriz(r, 1, n)[0]
		w, u, b := matriz(r, d, k*n), matriz(r, n, k*n), matriz(r, 1, k*n)[0]
		exec := graph.MustNewExec(motor.Backend(), func(x, h, c, w, u, b *graph.Node) []*graph.Node {
			e := Estado{H: h}
			if tipo == LSTM {
				e.C = c
			}
			novo := Passo(Pesos{Tipo: tipo, W: w, U: u, B: b}, x, e)
			if novo.C == nil {
				novo.C = graph.ZerosLike(novo.H)
			}
			return []*graph.Node{novo.H, novo.C}
		})
		saidas := exec.MustCall(
			tensors.FromFlatDataAndDimensions(x, 1, d), tensors.FromFlatDataAndDimensions(h, 1, n),
			tensors.FromFlatDataAndDimensions(c, 1, n), tensors.FromFlatDataAndDimensions(achata(w), d, k*n),
			tensors.FromFlatDataAndDimensions(achata(u), n, k*n), tensors.FromFlatDataAndDimensions(b, k*n))
		hG, cG := tensors.MustCopyFlatData[float64](saidas[0]), tensors.MustCopyFlatData[float64](saidas[1])
		hM, cM := passoAMao(tipo, x, h, c, w, u, b)
		for j := range n {
			if math.Abs(hG[j]-hM[j]) > 1e-12 {
				t.Fatalf("%s: h'[%d] = %v no GoMLX, %v à mão", tipo, j, hG[j], hM[j])
			}
			if tipo == LSTM && math.Abs(cG[j]-cM[j]) > 1e-12 {
				t.Fatalf("%s: c'[%d] = %v no GoMLX, %v à mão", tipo, j, cG[j], cM[j])
			}
		}
	}
}

func TestCamadaFormasEParametros(t *testing.T) {
	const lote, tempo, d = 2, 5, 3
	x := tensors.FromFlatDataAndDimensions(make([]float32, lote*tempo*d), lote, tempo, d)
	for _, tipo := range Tipos {
		for _, camadas := range []int{1, 3} {
			c := Camada{Tipo: tipo, Oculta: 4, Camadas: camadas}
			store := model.NewStore()
			var formaSaidas, formaFinal []int
			var nFinal int
			exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
				saidas, final := c.Aplica(scope, x)
				formaSaidas, formaFinal, nFinal = saidas.Shape().Dimensions, final[0].H.Shape().Dimensions, len(final)
				if tipo == LSTM && final[0].C == nil {
					t.Errorf("LSTM sem memória C no estado final")
				}
				return saidas
			})
			exec.MustCall(x)
			if formaSaidas[0] != lote || formaSaidas[1] != tempo || formaSaidas[2] != 4 || formaFinal[0] != lote || formaFinal[1] != 4 || nFinal != camadas {
				t.Fatalf("%s: saídas %v, final %v (%d estados); esperava [2 5 4], [2 4], %d", c, formaSaidas, formaFinal, nFinal, camadas)
			}
			// Parâmetros: k blocos, cada um com W (entrada×oculta), U (oculta×oculta) e b (oculta).
			k, h := tipo.Blocos(), 4
			want := k * (d*h + h*h + h)
			want += (camadas - 1) * k * (h*h + h*h + h)
			if got := treino.NumParametros(store); got != want {
				t.Fatalf("%s: %d parâmetros, esperava %d", c, got, want)
			}
		}
	}
}

func TestRecorrenciaUsaOPassado(t *testing.T) {
	// A saída no passo t depende só das entradas até t (causal), e a do
	// último passo depende da primeira entrada.
	c := Camada{Tipo: GRU, Oculta: 8}
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		s, _ := c.Aplica(scope, x)
		return s
	})
	a := []float32{1, 0, 0, 0, 0, 0}
	b := []float32{1, 0, 0, 5, 0, 0} // muda só o passo 3
	z := []float32{0, 0, 0, 0, 0, 0} // muda o passo 0
	roda := func(v []float32) []float32 {
		return tensors.MustCopyFlatData[float32](exec.MustCall(tensors.FromFlatDataAndDimensions(v, 1, 6, 1))[0])
	}
	sa, sb, sz := roda(a), roda(b), roda(z)
	for i := 0; i < 3*8; i++ {
		if sa[i] != sb[i] {
			t.Fatalf("a saída no passo %d mudou com uma entrada do futuro", i/8)
		}
	}
	if sa[5*8] == sz[5*8] {
		t.Fatalf("a saída do último passo não depende da primeira entrada")
	}
}

func TestPerdaCaiNaTarefaDaMemoria(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	m := Memoria{Comprimento: 6, Simbolos: 4}
	cfg := m.Config(Camada{Tipo: LSTM, Oculta: 16}, 300)
	cfg.SemGrafico = true
	feito := make(chan *treino.Modelo, 1)
	go func() { feito <- treino.Treina(cfg) }()
	var mod *treino.Modelo
	select {
	case mod = <-feito:
	case <-time.After(2 * time.Minute):
		t.Fatal("o treino de 300 passos levou mais de 2 minutos (motor travado?)")
	}
	perdas := mod.Registro.Series[treino.PerdaTreino]
	if !(treino.Ultima(perdas) < 0.5*perdas[0]) {
		t.Fatalf("a perda não caiu à metade: %v", perdas)
	}
	if ac := mod.Registro.Ultima(treino.AcuraciaValidacao); ac < 0.6 {
		t.Fatalf("acurácia de validação %.2f numa memória de 6 passos com 4 símbolos; esperava ≥ 0,6 (o acaso é 0,25)", ac)
	}
}

func TestMemoriaExemplos(t *testing.T) {
	m := Memoria{Comprimento: 7}
	x, y := m.Exemplos(100, 3)
	d := m.Caracteristicas()
	if d != 9 || len(x) != 100*7*d || len(y) != 100 || m.Acaso() != 0.125 {
		t.Fatalf("formas erradas: %d valores, %d rótulos, %d características", len(x), len(y), d)
	}
	for i := range 100 {
		marcas := 0
		for p := range 7 {
			passo := x[(i*7+p)*d : (i*7+p+1)*d]
			uns := 0
			for _, v := range passo[:8] {
				uns += int(v)
			}
			if uns != 1 {
				t.Fatalf("sequência %d, passo %d: não é one-hot: %v", i, p, passo)
			}
			if passo[8] == 1 {
				marcas++
				if p >= 3 || passo[y[i]] != 1 {
					t.Fatalf("sequência %d: marca no passo %d (esperava < 3) com símbolo %v, rótulo %d", i, p, passo, y[i])
				}
			}
		}
		if marcas != 1 {
			t.Fatalf("sequência %d com %d marcas", i, marcas)
		}
	}
	x2, _ := m.Exemplos(100, 3)
	if x2[500] != x[500] {
		t.Fatal("a mesma semente deu sequências diferentes")
	}
}

func TestJanelas(t *testing.T) {
	e, a := Janelas([]float32{1, 2, 3, 4, 5}, 3)
	if len(e) != 6 || len(a) != 2 || e[3] != 2 || e[5] != 4 || a[0] != 4 || a[1] != 5 {
		t.Fatalf("Janelas([1..5], 3) = %v, %v", e, a)
	}
	if e, a := Janelas([]float32{1, 2}, 3); len(e) != 0 || len(a) != 0 {
		t.Fatalf("série menor que a janela deveria dar nenhum exemplo, deu %v %v", e, a)
	}
}

func TestAlfabetoCodifica(t *testing.T) {
	a := NovoAlfabeto([]string{"céu", "ação"})
	if a.Tamanho() != 1+7 || a.Runas[0] != Fronteira || a.Indice('ç') < 0 || a.Indice('x') != -1 {
		t.Fatalf("alfabeto %q", string(a.Runas))
	}
	e, y := a.Codifica([]string{"céu"}, 5)
	c, eA, u := float32(a.Indice('c')), float32(a.Indice('é')), float32(a.Indice('u'))
	wantE := []float32{0, c, eA, u, 0}
	wantY := []float32{c, eA, u, 0, -1}
	if !slices.Equal(e, wantE) || !slices.Equal(y, wantY) {
		t.Fatalf("Codifica(céu) = %v, %v; esperava %v, %v", e, y, wantE, wantY)
	}
}

func TestAmostraComTemperatura(t *testing.T) {
	logits := []float32{1, 3, 2}
	// Temperatura baixíssima: sempre o maior logit.
	for _, u := range []float64{0, 0.3, 0.99} {
		if k := Amostra(logits, 1e-3, u); k != 1 {
			t.Fatalf("T→0 com u=%v escolheu %d", u, k)
		}
	}
	// T = 1: as frequências seguem o softmax.
	r := rand.New(rand.NewPCG(5, 6))
	conta := make([]int, 3)
	for range 20000 {
		conta[Amostra(logits, 1, r.Float64())]++
	}
	soma := math.Exp(1) + math.Exp(3) + math.Exp(2)
	for i, l := range logits {
		p := math.Exp(float64(l)) / soma
		if f := float64(conta[i]) / 20000; math.Abs(f-p) > 0.015 {
			t.Fatalf("símbolo %d: frequência %.3f, probabilidade %.3f", i, f, p)
		}
	}
}

func TestPerdaPorPassoIgnoraOPreenchimento(t *testing.T) {
	exec := graph.MustNewExec(motor.Backend(), func(rot, logits *graph.Node) *graph.Node {
		return PerdaPorPasso([]*graph.Node{rot}, []*graph.Node{logits})
	})
	// Lote de 1, 3 passos, 2 símbolos; o último passo não conta.
	rot := tensors.FromFlatDataAndDimensions([]float32{0, 1, -1}, 1, 3)
	logits := tensors.FromFlatDataAndDimensions([]float32{2, 0, 0, 1, 50, -50}, 1, 3, 2)
	got := float64(tensors.MustCopyFlatData[float32](exec.MustCall(rot, logits)[0])[0])
	l1 := -math.Log(math.Exp(2) / (math.Exp(2) + 1))
	l2 := -math.Log(math.Exp(1) / (1 + math.Exp(1)))
	if want := (l1 + l2) / 2; math.Abs(got-want) > 1e-5 {
		t.Fatalf("PerdaPorPasso = %v, esperava %v", got, want)
	}
}

func TestNormasDoGradienteSomemNaRNNSimples(t *testing.T) {
	const tempo = 30
	m := Memoria{Comprimento: tempo}
	x, _ := m.Exemplos(16, 1)
	store := model.NewStore()
	normas := NormasDoGradiente(store.RootScope(), Camada{Tipo: Simples, Oculta: 32}, tensors.FromFlatDataAndDimensions(x, 16, tempo, m.Caracteristicas()), 0)
	if len(normas) != tempo {
		t.Fatalf("%d normas para %d passos", len(normas), tempo)
	}
	if !(normas[0] < 1e-3*normas[tempo-1]) {
		t.Fatalf("RNN simples: ‖∂h_T/∂x_0‖ = %g, ‖∂h_T/∂x_T‖ = %g; esperava o primeiro mil vezes menor", normas[0], normas[tempo-1])
	}
}

func TestGeraPalavras(t *testing.T) {
	a := NovoAlfabeto([]string{"casa", "mãe"})
	c := Camada{Tipo: LSTM, Oculta: 8}
	store := model.NewStore()
	if err := store.SetRNGStateFromSeed(1); err != nil {
		t.Fatal(err)
	}
	palavras := Gera(store, c, a, 6, 5, 1, 7)
	if len(palavras) != 5 {
		t.Fatalf("Gera devolveu %d palavras", len(palavras))
	}
	for _, p := range palavras {
		if utf8.RuneCountInString(p) > 6 || strings.ContainsRune(p, Fronteira) {
			t.Fatalf("palavra inválida %q", p)
		}
		for _, r := range p {
			if a.Indice(r) <= 0 {
				t.Fatalf("palavra %q com caractere fora do alfabeto", p)
			}
		}
	}
}

func TestMedeVelocidade(t *testing.T) {
	v := MedeVelocidade(Camada{Tipo: LSTM, Oculta: 8, Camadas: 2}, 4, 5, 3, 3)
	if v.Compilar <= 0 || v.Passo <= 0 || v.Passo > v.Compilar {
		t.Fatalf("tempos estranhos: %+v", v)
	}
}

// O corte de fusão (em blocos de 16 quando a oculta é múltiplo de 16) não
// muda a conta: a saída e o gradiente de todos os pesos são os mesmos com e
// sem ele. O corte em si é exato (multiplicar por 1 e somar zeros), mas sem
// ele o XLA funde e ordena outras contas de outro jeito: as diferenças ficam
// no arredondamento do float32 (medido: até ~2e-7, relativo).
func TestCorteNaoMudaAConta(t *testing.T) {
	mesmaContaComESem(t, &chaves.CorteDeFusao, "o corte de fusão", []Tipo{LSTM, GRU}, 3, 6, false,
		func(saidas *graph.Node, _ []Estado) *graph.Node {
			pesos := graph.Sin(graph.Iota(saidas.Graph(), saidas.Shape(), 2)) // pesos diferentes por posição
			return graph.ReduceAllSum(graph.Mul(saidas, pesos))
		})
}

// O gradiente dos pesos num produto só (chaves.GradienteDosPesosNoTempo) dá a
// mesma conta que a soma passo a passo que o GoMLX monta sozinho, nos três
// tipos, numa pilha de 2 células, com uma perda que usa a sequência de saída
// e o estado final da 1ª célula, e com graph.Gradient chamado várias vezes no
// mesmo grafo: primeiro em relação à entrada (que passa pelas anotações sem
// pedir o total) e depois uma vez por peso. Só a ordem das somas muda: as
// diferenças ficam no arredondamento do float32.
func TestGradienteDosPesosNoTempoNaoMudaAConta(t *testing.T) {
	mesmaContaComESem(t, &chaves.GradienteDosPesosNoTempo, "chaves.GradienteDosPesosNoTempo", Tipos, 5, 7, true,
		func(saidas *graph.Node, final []Estado) *graph.Node {
			pesos := graph.Sin(graph.Iota(saidas.Graph(), saidas.Shape(), 1)) // pesos diferentes por passo
			return graph.Add(graph.ReduceAllSum(graph.Mul(saidas, pesos)), graph.ReduceAllSum(graph.Square(final[0].H)))
		})
}

// Com as portas divididas com o gradiente junto (chaves.JuntaGradienteDasPortas, só
// no motor Go puro: TestGradientesNoGoPuro roda este teste lá), a saída e os
// gradientes — em relação à entrada e a cada peso, com graph.Gradient chamado
// várias vezes no mesmo grafo — são os das fatias de sempre. Na LSTM a
// sigmoide passa a ser por porta, não uma só sobre os 4 blocos: as mesmas
// contas, elemento a elemento.
func TestJuntaGradienteDasPortasNaoMudaAConta(t *testing.T) {
	mesmaContaComESem(t, &chaves.JuntaGradienteDasPortas, "chaves.JuntaGradienteDasPortas", Tipos, 9, 6, true,
		func(saidas *graph.Node, final []Estado) *graph.Node {
			pesos := graph.Cos(graph.Iota(saidas.Graph(), saidas.Shape(), 1))
			return graph.Add(graph.ReduceAllSum(graph.Mul(saidas, pesos)), graph.ReduceAllSum(graph.Square(final[1].H)))
		})
}

// Com o viés repetido no lote (chaves.ViesRepetidoNoLote, só no motor Go puro:
// TestGradientesNoGoPuro roda este teste lá), a saída e os gradientes — em
// relação à entrada e a cada peso, nos três tipos, com pesosNoTempo ligado —
// são os do viés [1, k·oculta] somado com broadcast: a mesma soma.
func TestViesRepetidoNoLoteNaoMudaAConta(t *testing.T) {
	mesmaContaComESem(t, &chaves.ViesRepetidoNoLote, "chaves.ViesRepetidoNoLote", Tipos, 11, 5, true,
		func(saidas *graph.Node, final []Estado) *graph.Node {
			pesos := graph.Sin(graph.Iota(saidas.Graph(), saidas.Shape(), 2))
			return graph.Add(graph.ReduceAllSum(graph.Mul(saidas, pesos)), graph.ReduceAllSum(graph.Square(final[1].H)))
		})
}

// mesmaContaComESem confere que ligar ou desligar a opção (uma das chaves do
// bench, como chaves.CorteDeFusao) não muda a conta de uma Camada de 2 células,
// com estado de 3 e de 32, em cada tipo: a saída e o gradiente da perda em
// relação a cada peso (e, se comEntrada, antes deles, em relação à entrada)
// ficam iguais até o arredondamento do float32 (1e-5, relativo). A entrada
// [4, tempo, 5] é sorteada com a semente dada; os pesos, com a semente 7.
func mesmaContaComESem(t *testing.T, opcao *bool, nome string, tipos []Tipo, semente uint64, tempo int,
	comEntrada bool, perdaDe func(saidas *graph.Node, final []Estado) *graph.Node) {
	t.Helper()
	r := rand.New(rand.NewPCG(semente, semente+1))
	const lote, entrada = 4, 5
	x := make([]float32, lote*tempo*entrada)
	for i := range x {
		x[i] = float32(2*r.Float64() - 1)
	}
	xt := tensors.FromFlatDataAndDimensions(x, lote, tempo, entrada)
	for _, tipo := range tipos {
		for _, oculta := range []int{3, 32} {
			c := Camada{Tipo: tipo, Oculta: oculta, Camadas: 2}
			store := model.NewStore()
			if err := store.SetRNGStateFromSeed(7); err != nil {
				t.Fatal(err)
			}
			roda := func(ligada bool) []float32 {
				defer func(antes bool) { *opcao = antes }(*opcao)
				*opcao = ligada
				exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
					saidas, final := c.Aplica(scope, x)
					perda := perdaDe(saidas, final)
					partes := []*graph.Node{graph.Reshape(saidas, -1)}
					if comEntrada {
						partes = append(partes, graph.Reshape(graph.Gradient(perda, x)[0], -1))
					}
					for v := range store.IterVariables() {
						if v.Shape().DType != x.DType() {
							continue // o estado do gerador de números aleatórios
						}
						partes = append(partes, graph.Reshape(graph.Gradient(perda, v.NodeValue(x.Graph()))[0], -1))
					}
					return graph.Concatenate(partes, 0)
				})
				return exec.MustCall(xt)[0].Value().([]float32)
			}
			com, sem := roda(true), roda(false)
			if len(com) != len(sem) {
				t.Fatalf("%s %d: %d contra %d valores", tipo, oculta, len(com), len(sem))
			}
			pior := 0.0
			for i := range com {
				pior = max(pior, math.Abs(float64(com[i]-sem[i]))/max(1, math.Abs(float64(sem[i]))))
			}
			if pior > 1e-5 {
				t.Errorf("%s %d: a saída ou o gradiente mudou com %s (diferença relativa %g)", tipo, oculta, nome, pior)
			}
			t.Logf("%s %d: diferença relativa máxima %g", tipo, oculta, pior)
		}
	}
}
