package gan

import (
	"math"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// pequena é uma GAN 2-D pequena, rápida de compilar e treinar.
func pequena(semente int64) *GAN {
	return Nova(model.NewStore(), Config{Dados: 2, Latente: 2, Gerador: []int{32, 32}, Discriminador: []int{32, 32},
		Lote: 64, OtimizadorD: Adam{Taxa: 1e-3}, OtimizadorG: Adam{Taxa: 1e-3}, Semente: semente})
}

// fotografia copia os valores das variáveis de um escopo (nome → valores).
func fotografia(t *testing.T, scope *model.Scope) map[string][]float32 {
	t.Helper()
	f := map[string][]float32{}
	for v := range scope.IterVariables() {
		val, err := v.Value()
		if err != nil {
			t.Fatal(err)
		}
		f[v.Path()] = tensors.MustCopyFlatData[float32](val)
	}
	if len(f) == 0 {
		t.Fatalf("nenhuma variável em %s", scope.Scope())
	}
	return f
}

// mudou diz se alguma variável mudou entre duas fotografias.
func mudou(a, b map[string][]float32) bool {
	for k, va := range a {
		vb := b[k]
		for i := range va {
			if va[i] != vb[i] {
				return true
			}
		}
	}
	return false
}

func TestCadaPassoMexeSoNoProprioJogador(t *testing.T) {
	g := pequena(1)
	am := AnelPadrao().Amostrador(1)
	g.PassoD(am(64)) // cria as variáveis dos dois jogadores
	g.PassoG()
	ctxG, ctxD := g.Store.RootScope().In("gerador"), g.Store.RootScope().In("discriminador")

	antesG, antesD := fotografia(t, ctxG), fotografia(t, ctxD)
	perda, dr, df := g.PassoD(am(64))
	depoisG, depoisD := fotografia(t, ctxG), fotografia(t, ctxD)
	if mudou(antesG, depoisG) {
		t.Error("um passo de D mudou variáveis de G")
	}
	if !mudou(antesD, depoisD) {
		t.Error("um passo de D não mudou as variáveis de D")
	}
	for _, x := range []float64{perda, dr, df} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("métricas do passo de D não finitas: %v %v %v", perda, dr, df)
		}
	}
	if dr <= 0 || dr >= 1 || df <= 0 || df >= 1 {
		t.Errorf("D(x) deve ser uma probabilidade: D(real) = %v, D(falso) = %v", dr, df)
	}

	perdaG, _ := g.PassoG()
	depoisG2, depoisD2 := fotografia(t, ctxG), fotografia(t, ctxD)
	if mudou(depoisD, depoisD2) {
		t.Error("um passo de G mudou variáveis de D")
	}
	if !mudou(depoisG, depoisG2) {
		t.Error("um passo de G não mudou as variáveis de G")
	}
	if math.IsNaN(perdaG) || math.IsInf(perdaG, 0) {
		t.Fatalf("perda de G não finita: %v", perdaG)
	}
}

func TestOtimizadoresTemEscoposProprios(t *testing.T) {
	g := pequena(2)
	g.Passo(AnelPadrao().Amostrador(2))
	nD, nG := 0, 0
	for range g.Store.RootScope().In("otimizador-d").IterVariables() {
		nD++
	}
	for range g.Store.RootScope().In("otimizador-g").IterVariables() {
		nG++
	}
	// 3 camadas densas (peso e viés) = 6 variáveis, 2 momentos cada, mais o contador.
	if nD != 13 || nG != 13 {
		t.Errorf("esperava 13 variáveis em cada otimizador; há %d em otimizador-d e %d em otimizador-g", nD, nG)
	}
}

func TestMediaGeradaVaiAtéOsDados(t *testing.T) {
	// O anel deslocado para (3, 3): o gerador começa perto da origem e
	// precisa andar até lá.
	anel := AnelPadrao()
	base := anel.Amostrador(3)
	am := func(n int) []float32 {
		x := base(n)
		for i := range x {
			x[i] += 3
		}
		return x
	}
	g := pequena(3)
	distancia := func() float64 {
		p := g.Gera(500, 1)
		mx, my := 0.0, 0.0
		for i := 0; i < len(p); i += 2 {
			mx += float64(p[i])
			my += float64(p[i+1])
		}
		n := float64(len(p) / 2)
		mx, my = mx/n, my/n
		return math.Hypot(mx-3, my-3)
	}
	antes := distancia()
	for range 300 {
		m := g.Passo(am)
		for nome, v := range m {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s não é finita: %v", nome, v)
			}
		}
	}
	depois := distancia()
	t.Logf("distância da média gerada à média dos dados: %.3f → %.3f", antes, depois)
	if !(depois < antes/2) {
		t.Errorf("a média gerada não se aproximou dos dados: distância %.3f → %.3f", antes, depois)
	}
}

func TestAdamConfereComAConta(t *testing.T) {
	// Um passo de Adam em f(w) = Σ w²/2, de w = (1, −2): gradiente = w.
	// m = 0,5·w, v = 0,001·w², corrigidos: m̂ = w, v̂ = w², passo = taxa·w/(|w|+ε).
	store := model.NewStore()
	w := store.Scope("/jogador").VariableWithValue("w", []float32{1, -2})
	outro := store.Scope("/outro").VariableWithValue("u", []float32{5})
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, g *graph.Graph) *graph.Node {
		perda := graph.Add(
			graph.ReduceAllSum(graph.DivScalar(graph.Square(w.NodeValue(g)), 2)),
			graph.ReduceAllSum(outro.NodeValue(g)))
		Adam{Taxa: 0.1, Escopo: "otimizador-teste"}.Atualiza(scope, perda, []*model.Variable{w})
		return perda
	})
	exec.MustCall()
	got := tensors.MustCopyFlatData[float32](w.MustValue())
	want := []float64{1 - 0.1, -2 + 0.1}
	for i := range want {
		if math.Abs(float64(got[i])-want[i]) > 1e-5 {
			t.Fatalf("depois de um passo, w = %v; esperava %v", got, want)
		}
	}
	if u := tensors.MustCopyFlatData[float32](outro.MustValue())[0]; u != 5 {
		t.Errorf("a variável de fora da lista mudou: %v", u)
	}
}

func TestPerdasConferemComAsFormulas(t *testing.T) {
	lr, lf := []float32{2, -1, 0.5}, []float32{-3, 0, 1}
	sig := func(l float32) float64 { return 1 / (1 + math.Exp(-float64(l))) }
	var wantD, wantMin, wantNS float64
	for i := range lr {
		wantD += (-math.Log(sig(lr[i])) - math.Log(1-sig(lf[i]))) / 3
		wantMin += math.Log(1-sig(lf[i])) / 3
		wantNS += -math.Log(sig(lf[i])) / 3
	}
	exec := graph.MustNewExec(motor.Backend(), func(a, b *graph.Node) []*graph.Node {
		return []*graph.Node{PerdaD(a, b), PerdaGMinimax(b), PerdaGNaoSaturante(b)}
	})
	r := exec.MustCall(lr, lf)
	for i, want := range []float64{wantD, wantMin, wantNS} {
		got := float64(tensors.MustCopyFlatData[float32](r[i])[0])
		if math.Abs(got-want) > 1e-5 {
			t.Errorf("perda %d = %v; esperava %v", i, got, want)
		}
	}
}

func TestCobertura(t *testing.T) {
	anel := AnelPadrao()
	c := anel.Centros()
	var pts []float32
	// 90 pontos no modo 0, 10 longe de tudo: 1 modo, 90% de qualidade.
	for range 90 {
		pts = append(pts, float32(c[0][0]+0.1), float32(c[0][1]))
	}
	for range 10 {
		pts = append(pts, 0, 0)
	}
	m := anel.Cobertura(pts)
	if m.Modos != 1 || math.Abs(m.Qualidade-0.9) > 1e-9 {
		t.Errorf("Cobertura = %+v; esperava 1 modo e qualidade 0,9", m)
	}
	// Amostras do próprio anel cobrem tudo com qualidade ~99,7% (3σ).
	m = anel.Cobertura(anel.Amostrador(4)(4000))
	if m.Modos != 8 || m.Qualidade < 0.98 {
		t.Errorf("amostras reais: %+v; esperava 8 modos e qualidade ≥ 98%%", m)
	}
	// Um ponto a 3,5σ do centro não é de alta qualidade.
	if m := anel.Cobertura([]float32{float32(c[1][0] + 3.5*anel.Sigma), float32(c[1][1])}); m.Qualidade != 0 {
		t.Errorf("ponto a 3,5σ contou como de alta qualidade: %+v", m)
	}
}

func TestJulgamento(t *testing.T) {
	certeza := func(d int) []float32 { l := make([]float32, 10); l[d] = 10; return l }
	duvida := make([]float32, 10) // softmax uniforme: confiança 0,1
	j := julgaLogits([][]float32{certeza(3), certeza(3), certeza(7), duvida})
	if j.Confiantes != 0.75 || j.PorDigito[3] != 2 || j.PorDigito[7] != 1 || j.Presentes != 2 {
		t.Errorf("julgamento = %+v", j)
	}
	if math.Abs(j.Confianca[3]-0.1) > 1e-9 {
		t.Errorf("confiança de logits iguais = %v; esperava 0,1", j.Confianca[3])
	}
	var todos [][]float32
	for d := range 10 {
		todos = append(todos, certeza(d))
	}
	if u := julgaLogits(todos).Uniformidade; math.Abs(u-1) > 1e-9 {
		t.Errorf("dez dígitos, um de cada: uniformidade %v; esperava 1", u)
	}
}

func TestPassoNumGrafoSoIgualAPassosSeparados(t *testing.T) {
	cfg := Config{Dados: 2, Latente: 2, Gerador: []int{16}, Discriminador: []int{16}, Lote: 32,
		PassosD: 2, PassosG: 3, OtimizadorD: Adam{Taxa: 1e-2}, OtimizadorG: Adam{Taxa: 1e-2}, Semente: 5}
	junto, separado := Nova(model.NewStore(), cfg), Nova(model.NewStore(), cfg)
	amJ, amS := AnelPadrao().Amostrador(9), AnelPadrao().Amostrador(9)
	for range 3 {
		junto.Passo(amJ)
		for range 2 {
			separado.PassoD(amS(32))
		}
		for range 3 {
			separado.PassoG()
		}
	}
	a, b := fotografia(t, junto.Store.RootScope().In("gerador")), fotografia(t, separado.Store.RootScope().In("gerador"))
	for k, va := range a {
		for i := range va {
			if math.Abs(float64(va[i]-b[k][i])) > 1e-4 {
				t.Fatalf("%s[%d]: %v (num grafo só) ≠ %v (passos separados)", k, i, va[i], b[k][i])
			}
		}
	}
}

func TestCarregaDevolveAGANDoCheckpoint(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	t.Setenv("REPRESENTACOES_RAPIDO", "")
	cfg := Config{Dados: 2, Latente: 2, Gerador: []int{8}, Discriminador: []int{8}, Lote: 16}
	store := model.NewStore()
	g := Nova(store, cfg)
	am := AnelPadrao().Amostrador(1)
	treino.Laco{Nome: "gan-teste", Store: store, Passos: 5, SemGrafico: true,
		Passo: func(int) map[string]float64 { return g.Passo(am) }}.Roda()

	c := Carrega("gan-teste", cfg)
	a, b := g.Gera(10, 3), c.Gera(10, 3)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("a GAN carregada gera %v; a treinada, %v", b, a)
		}
	}
}
