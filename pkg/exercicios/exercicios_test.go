package exercicios

import (
	"bufio"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func dobro(x []float64) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = 2 * v
	}
	return y
}

func aleatorio(r *rand.Rand) []float64 {
	x := make([]float64, 1+r.IntN(5))
	for i := range x {
		x[i] = r.NormFloat64()
	}
	return x
}

func TestFuncaoCertaPassaEmTodosOsCasos(t *testing.T) {
	res := Verifica("t-certo", dobro, dobro, [][]float64{{1, 2}, {}}, Aleatorios(5, aleatorio))
	if !res.Passou || res.Casos != 7 || res.Falhas != 0 {
		t.Fatalf("esperava 7 casos sem falhas, obtive %+v", res)
	}
}

func TestFuncaoErradaFalhaEMostraOCaso(t *testing.T) {
	errada := func(x []float64) []float64 {
		y := dobro(x)
		if len(y) > 1 {
			y[1] = 99
		}
		return y
	}
	res := Verifica("t-errado", errada, dobro, [][]float64{{1}, {1, 2}, {3, 4, 5}}, Dica("dobre tudo"))
	if res.Passou || res.Falhas != 2 || res.Casos != 3 {
		t.Fatalf("esperava 2 falhas em 3 casos, obtive %+v", res)
	}
	for _, parte := range []string{"[1 2]", "[2 4]", "[2 99]"} {
		if !strings.Contains(res.Mensagem, parte) {
			t.Errorf("a mensagem deveria mostrar %q: %q", parte, res.Mensagem)
		}
	}
	txt := texto(novaConfig([]Opcao{Dica("dobre tudo")}), res, []falha{{entrada: "[1 2]", esperado: "[2 4]", obtido: "[2 99]"}})
	if !strings.Contains(txt, "Dica: dobre tudo") || !strings.Contains(txt, "❌") {
		t.Errorf("texto sem dica ou sem ❌: %q", txt)
	}
}

func TestStubQueDevolveNilFalha(t *testing.T) {
	stub := func(x []float64) []float64 { return nil }
	res := Verifica("t-stub", stub, dobro, [][]float64{{1, 2}})
	if res.Passou || !strings.Contains(res.Mensagem, "nil") {
		t.Fatalf("um stub que devolve nil deve falhar mostrando nil: %+v", res)
	}
}

func TestPanicoDoAlunoViraMensagem(t *testing.T) {
	panico := func(x []float64) []float64 { return []float64{x[10]} }
	res := Verifica("t-panico", panico, dobro, [][]float64{{1}})
	if res.Passou || !strings.Contains(res.Mensagem, "pânico") {
		t.Fatalf("esperava falha por pânico, obtive %+v", res)
	}
}

func TestLacoInfinitoEsbarraNoLimite(t *testing.T) {
	lento := func(x []float64) []float64 { time.Sleep(2 * time.Second); return dobro(x) }
	inicio := time.Now()
	res := Verifica("t-lento", lento, dobro, [][]float64{{1}}, Limite(50*time.Millisecond))
	if res.Passou || !strings.Contains(res.Mensagem, "demorou") {
		t.Fatalf("esperava falha por tempo, obtive %+v", res)
	}
	if time.Since(inicio) > time.Second {
		t.Fatalf("a verificação esperou demais: %v", time.Since(inicio))
	}
}

func TestAlunoQueAlteraAEntradaNaoAfetaAReferencia(t *testing.T) {
	sabota := func(x []float64) []float64 {
		y := dobro(x)
		for i := range x {
			x[i] = 1000
		}
		return y
	}
	entradas := [][]float64{{1, 2, 3}}
	res := Verifica("t-sabota", sabota, dobro, entradas)
	if !res.Passou {
		t.Fatalf("alterar a própria cópia da entrada não deveria mudar a referência: %+v", res)
	}
	if entradas[0][0] != 1 {
		t.Fatalf("os casos da verificação foram alterados: %v", entradas)
	}
}

func TestCasosAleatoriosSaoReprodutiveis(t *testing.T) {
	var vistos [2][][]float64
	for k := range 2 {
		grava := func(x []float64) []float64 { vistos[k] = append(vistos[k], x); return dobro(x) }
		Verifica("t-semente", grava, dobro, nil, Aleatorios(4, aleatorio))
	}
	if len(vistos[0]) != 4 || !Iguais(vistos[0], vistos[1], 0) {
		t.Fatalf("os casos sorteados mudaram entre execuções: %v vs %v", vistos[0], vistos[1])
	}
	var outro [][]float64
	grava := func(x []float64) []float64 { outro = append(outro, x); return dobro(x) }
	Verifica("t-outra-semente", grava, dobro, nil, Aleatorios(4, aleatorio))
	if Iguais(vistos[0], outro, 0) {
		t.Fatal("IDs diferentes deveriam sortear casos diferentes")
	}
}

func TestAleatoriosDeTipoErradoNaoEntraEmPanico(t *testing.T) {
	res := Verifica("t-tipo", dobro, dobro, nil, Aleatorios(2, func(r *rand.Rand) int { return 1 }))
	if res.Passou || !strings.Contains(res.Mensagem, "erro do curso") {
		t.Fatalf("esperava erro do curso, obtive %+v", res)
	}
}

func TestIguais(t *testing.T) {
	casos := []struct {
		a, b any
		tol  float64
		ok   bool
	}{
		{1.0, 1.0 + 1e-9, 1e-6, true},
		{1.0, 1.1, 1e-6, false},
		{1000.0, 1000.0001, 1e-6, true}, // tolerância relativa
		{math.NaN(), math.NaN(), 1e-6, true},
		{math.NaN(), 1.0, 1e-6, false},
		{math.Inf(1), math.Inf(1), 1e-6, true},
		{[][]float32{{1, 2}, {3}}, [][]float32{{1, 2}, {3}}, 0, true},
		{[][]float32{{1, 2}, {3}}, [][]float32{{1, 2}, {3, 4}}, 0, false},
		{[]int{1, 2}, []int{1, 2, 3}, 0, false},
		{[]int(nil), []int{}, 0, true},
		{map[string]int{"a": 1}, map[string]int{"a": 1}, 0, true},
		{map[string]int{"a": 1}, map[string]int{"b": 1}, 0, false},
		{struct{ A float64 }{1}, struct{ A float64 }{1 + 1e-12}, 1e-9, true},
		{[2]float64{1, 2}, [2]float64{1, 3}, 1e-6, false},
		{"olá", "olá", 0, true},
		{int32(3), int64(3), 0, false}, // tipos diferentes
	}
	for i, c := range casos {
		if got := Iguais(c.a, c.b, c.tol); got != c.ok {
			t.Errorf("caso %d: Iguais(%v, %v, %g) = %v, esperava %v", i, c.a, c.b, c.tol, got, c.ok)
		}
	}
}

func TestVerificaValorECondicao(t *testing.T) {
	if r := VerificaValor("t-valor", 235146, 235146); !r.Passou {
		t.Fatalf("valor certo deveria passar: %+v", r)
	}
	if r := VerificaValor("t-valor", 0, 235146); r.Passou || !strings.Contains(r.Mensagem, "235146") {
		t.Fatalf("valor errado deveria falhar mostrando o esperado: %+v", r)
	}
	if r := VerificaCondicao("t-cond", true, "acurácia ≥ 90%"); !r.Passou {
		t.Fatalf("condição verdadeira deveria passar: %+v", r)
	}
	if r := VerificaCondicao("t-cond", false, "acurácia ≥ 90%"); r.Passou {
		t.Fatalf("condição falsa deveria falhar: %+v", r)
	}
}

func TestResultadosVaoParaOArquivoJSON(t *testing.T) {
	caminho := filepath.Join(t.TempDir(), "resultados.jsonl")
	t.Setenv("REPRESENTACOES_RESULTADOS", caminho)
	Verifica("t-json-a", dobro, dobro, [][]float64{{1}})
	VerificaValor("t-json-b", 1, 2)
	f, err := os.Open(caminho)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var linhas []Resultado
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r Resultado
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("linha inválida %q: %v", sc.Text(), err)
		}
		linhas = append(linhas, r)
	}
	if len(linhas) != 2 || linhas[0].ID != "t-json-a" || !linhas[0].Passou || linhas[1].Passou {
		t.Fatalf("linhas inesperadas: %+v", linhas)
	}
}

func TestHTMLEscapaEMostraFalhas(t *testing.T) {
	cfg := novaConfig([]Opcao{Dica("use <max>")})
	h := caixaHTML(cfg, Resultado{ID: "x", Casos: 2, Falhas: 1}, []falha{{entrada: "<script>", esperado: "1", obtido: "2"}})
	if strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") || !strings.Contains(h, "use &lt;max&gt;") {
		t.Fatalf("HTML não escapado: %s", h)
	}
	if !strings.Contains(h, `data-passou="false"`) {
		t.Fatalf("sem marcação de falha: %s", h)
	}
}

func TestFormata(t *testing.T) {
	casos := map[string]any{
		"[1 2.5 0.3333]":                    []float64{1, 2.5, 1.0 / 3},
		"[1 2 3 4 5 6 7 8 … (10 no total)]": []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		"[[1 2]\n [3 4]]":                   [][]int{{1, 2}, {3, 4}},
		"nil":                               []float64(nil),
		"{W: 2, B: -1}":                     struct{ W, B float64 }{2, -1},
		"1.000e+06":                         1e6,
		"+Inf":                              math.Inf(1),
	}
	for want, x := range casos {
		if got := Formata(x); got != want {
			t.Errorf("Formata(%#v) = %q, esperava %q", x, got, want)
		}
	}
}
