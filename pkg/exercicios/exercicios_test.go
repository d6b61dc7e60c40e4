package exercicios

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
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
		x[i] = 1 + r.Float64() // nunca zero: dobrar sempre muda o valor
	}
	return x
}

// capturaSaida roda f e devolve o que ela escreveu em os.Stdout.
func capturaSaida(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	antigo := os.Stdout
	os.Stdout = w
	lido := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		lido <- string(b)
	}()
	defer func() { os.Stdout = antigo }()
	f()
	w.Close()
	return <-lido
}

func TestFuncaoCertaPassaEmTodosOsCasos(t *testing.T) {
	var saida string
	var res Resultado
	saida = capturaSaida(t, func() {
		res = Verifica("t-certo", dobro, dobro, [][]float64{{1, 2}, {}}, Aleatorios(5, aleatorio))
	})
	if !res.Passou || res.Casos != 7 || res.Falhas != 0 || res.Mensagem != "7 casos verificados" {
		t.Fatalf("esperava 7 casos (2 fixos + 5 sorteados) sem falhas, obtive %+v", res)
	}
	for _, parte := range []string{"✅ Exercício t-certo: correto! (7 casos verificados)", "[exercicio t-certo: passou]\n"} {
		if !strings.Contains(saida, parte) {
			t.Errorf("a saída deveria conter %q:\n%s", parte, saida)
		}
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
	var res Resultado
	saida := capturaSaida(t, func() {
		res = Verifica("t-errado", errada, dobro, [][]float64{{1}, {1, 2}, {3, 4, 5}}, Dica("dobre tudo"))
	})
	if res.Passou || res.Falhas != 2 || res.Casos != 3 {
		t.Fatalf("esperava 2 falhas em 3 casos, obtive %+v", res)
	}
	for _, parte := range []string{"entrada [1 2]", "esperado [2 4]", "obtido [2 99]"} {
		if !strings.Contains(res.Mensagem, parte) {
			t.Errorf("a mensagem deveria mostrar %q: %q", parte, res.Mensagem)
		}
	}
	for _, parte := range []string{"❌ Exercício t-errado: ainda não.", "2 de 3 casos falharam",
		"entrada:  [3 4 5]", "obtido:   [6 99 10]", "💡 Dica: dobre tudo", "[exercicio t-errado: falhou]"} {
		if !strings.Contains(saida, parte) {
			t.Errorf("a saída deveria conter %q:\n%s", parte, saida)
		}
	}
}

func TestFalhasContamOsCasosSorteados(t *testing.T) {
	identidade := func(x []float64) []float64 { return x }
	res := Verifica("t-sorteados", identidade, dobro, [][]float64{{1}, {2}}, Aleatorios(6, aleatorio))
	if res.Passou || res.Casos != 8 || res.Falhas != 8 {
		t.Fatalf("esperava 8 falhas em 8 casos, obtive %+v", res)
	}
}

func TestEsbocoQueDevolveNilOuZeroFalha(t *testing.T) {
	esboco := func(x []float64) []float64 { return nil }
	res := Verifica("t-esboco", esboco, dobro, [][]float64{{1, 2}})
	if res.Passou || res.Falhas != 1 || !strings.Contains(res.Mensagem, "esperado [2 4]; obtido nil") {
		t.Fatalf("um esboço que devolve nil deve falhar mostrando esperado e obtido: %+v", res)
	}
	zero := func(x []int) int { return 0 }
	soma := func(x []int) int { return x[0] + x[1] }
	res = Verifica("t-zero", zero, soma, [][]int{{3, 4}})
	if res.Passou || !strings.Contains(res.Mensagem, "esperado 7; obtido 0") {
		t.Fatalf("um esboço que devolve 0 deve falhar mostrando esperado e obtido: %+v", res)
	}
}

func TestFuncaoNilDoAlunoFalha(t *testing.T) {
	res := Verifica[[]float64, []float64]("t-nil", nil, dobro, [][]float64{{1}, {2}})
	if res.Passou || res.Falhas != 2 || !strings.Contains(res.Mensagem, "nil") {
		t.Fatalf("esperava falha por função nil, obtive %+v", res)
	}
}

func TestPanicoDoAlunoViraMensagem(t *testing.T) {
	panico := func(x []float64) []float64 { return []float64{x[10]} }
	res := Verifica("t-panico", panico, dobro, [][]float64{{1}, {1, 2}})
	if res.Passou || res.Falhas != 2 {
		t.Fatalf("esperava 2 falhas por pânico, obtive %+v", res)
	}
	for _, parte := range []string{"seu código entrou em pânico", "index out of range", "entrada [1]", "esperado [2]"} {
		if !strings.Contains(res.Mensagem, parte) {
			t.Errorf("a mensagem deveria conter %q: %q", parte, res.Mensagem)
		}
	}
}

func TestPanicoDaReferenciaEErroDoCurso(t *testing.T) {
	quebrada := func(x []float64) []float64 { panic("bug no gabarito") }
	res := Verifica("t-ref", dobro, quebrada, [][]float64{{1}})
	if res.Passou || res.Falhas != 1 {
		t.Fatalf("esperava falha, obtive %+v", res)
	}
	for _, parte := range []string{"erro do curso", "referência entrou em pânico", "bug no gabarito"} {
		if !strings.Contains(res.Mensagem, parte) {
			t.Errorf("a mensagem deveria conter %q: %q", parte, res.Mensagem)
		}
	}
	if strings.Contains(res.Mensagem, "seu código") {
		t.Errorf("um pânico da referência não é culpa do aluno: %q", res.Mensagem)
	}
}

func TestGoexitNoAlunoViraMensagem(t *testing.T) {
	sai := func(x []float64) []float64 { runtime.Goexit(); return nil }
	res := Verifica("t-goexit", sai, dobro, [][]float64{{1}}, Limite(2*time.Second))
	if res.Passou || !strings.Contains(res.Mensagem, "sem devolver") {
		t.Fatalf("esperava falha por Goexit, obtive %+v", res)
	}
}

func TestLacoInfinitoEsbarraNoLimite(t *testing.T) {
	lento := func(x []float64) []float64 { time.Sleep(3 * time.Second); return dobro(x) }
	inicio := time.Now()
	res := Verifica("t-lento", lento, dobro, [][]float64{{1}, {2}, {3}, {4}, {5}}, Limite(50*time.Millisecond))
	if res.Passou || res.Casos != 5 || res.Falhas != 5 {
		t.Fatalf("esperava 5 falhas (1 por tempo, 4 não rodados), obtive %+v", res)
	}
	for _, parte := range []string{"demorou mais de 50ms (laço infinito?)", "4 casos seguintes não foram rodados"} {
		if !strings.Contains(res.Mensagem, parte) {
			t.Errorf("a mensagem deveria conter %q: %q", parte, res.Mensagem)
		}
	}
	if d := time.Since(inicio); d > time.Second {
		t.Fatalf("a verificação esperou demais (%v): deveria desistir no primeiro caso lento", d)
	}
}

func TestAlunoQueAlteraAEntradaNaoAfetaAReferencia(t *testing.T) {
	// O aluno estraga a entrada e devolve a resposta certa; a referência dos
	// casos seguintes (que compartilham o mesmo vetor) não pode perceber.
	comum := []float64{1, 2, 3}
	entradas := [][]float64{comum, comum, {4}}
	sabota := func(x []float64) []float64 {
		y := dobro(x)
		for i := range x {
			x[i] = 1000
		}
		return y
	}
	res := Verifica("t-sabota", sabota, dobro, entradas)
	if !res.Passou || res.Casos != 3 {
		t.Fatalf("alterar a própria cópia da entrada não deveria mudar a referência: %+v", res)
	}
	if comum[0] != 1 || entradas[2][0] != 4 {
		t.Fatalf("os casos da verificação foram alterados: %v", entradas)
	}

	// Uma struct com fatia dentro, por ponteiro.
	type dados struct{ X []float64 }
	somaEZera := func(d *dados) float64 {
		s := 0.0
		for i, v := range d.X {
			s += v
			d.X[i] = 0
		}
		return s
	}
	soma := func(d *dados) float64 {
		s := 0.0
		for _, v := range d.X {
			s += v
		}
		return s
	}
	d := &dados{X: []float64{1, 2}}
	res = Verifica("t-sabota-ptr", somaEZera, soma, []*dados{d, d})
	if !res.Passou || d.X[0] != 1 {
		t.Fatalf("a cópia profunda falhou para ponteiros: %+v, %v", res, d.X)
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

func TestErrosDoCursoNaoEntramEmPanico(t *testing.T) {
	casos := map[string]Resultado{
		"Aleatorios": Verifica("t-tipo", dobro, dobro, nil, Aleatorios(2, func(r *rand.Rand) int { return 1 })),
		"Descreve":   Verifica("t-descreve", dobro, dobro, nil, Descreve(func(x int) string { return "" })),
		"gerador":    Verifica("t-gerador", dobro, dobro, nil, Aleatorios(2, func(r *rand.Rand) []float64 { panic("ops") })),
		"referência": Verifica("t-sem-ref", dobro, nil, [][]float64{{1}}),
	}
	for nome, res := range casos {
		if res.Passou || !strings.Contains(res.Mensagem, "erro do curso") {
			t.Errorf("%s: esperava erro do curso, obtive %+v", nome, res)
		}
	}
	if !strings.Contains(casos["Aleatorios"].Mensagem, "gera int, mas a função verificada recebe []float64") {
		t.Errorf("a mensagem deveria dizer os dois tipos: %q", casos["Aleatorios"].Mensagem)
	}
	if !strings.Contains(casos["Descreve"].Mensagem, "Descreve recebe int") {
		t.Errorf("a mensagem deveria dizer o tipo de Descreve: %q", casos["Descreve"].Mensagem)
	}
}

func TestDescreveMudaComoAEntradaAparece(t *testing.T) {
	res := Verifica("t-desc", func(x []float64) []float64 { return nil }, dobro, [][]float64{{1, 2}},
		Descreve(func(x []float64) string { return "vetor de tamanho 2" }))
	if !strings.Contains(res.Mensagem, "entrada vetor de tamanho 2") {
		t.Fatalf("Descreve não foi usado: %q", res.Mensagem)
	}
}

func TestDiferencaEscondidaPeloArredondamentoApareceInteira(t *testing.T) {
	quase := func(x float64) float64 { return x + 1e-7 }
	res := Verifica("t-quase", quase, func(x float64) float64 { return x }, []float64{0.5}, Tolerancia(1e-12))
	if res.Passou || !strings.Contains(res.Mensagem, "esperado 0,5; obtido 0,5000001") {
		t.Fatalf("esperava os valores com todos os algarismos: %+v", res)
	}
	if res := Verifica("t-quase-tol", quase, func(x float64) float64 { return x }, []float64{0.5}); !res.Passou {
		t.Fatalf("com a tolerância padrão (1e-6) deveria passar: %+v", res)
	}
}

func TestIguais(t *testing.T) {
	um := 1.0
	outroUm := 1.0
	dois := 2.0
	type comPrivado struct {
		A float64
		b []int
	}
	casos := []struct {
		a, b any
		tol  float64
		ok   bool
	}{
		{1.0, 1.0 + 1e-9, 1e-6, true},
		{1.0, 1.1, 1e-6, false},
		{1000.0, 1000.0001, 1e-6, true}, // tolerância relativa: 1e-6·(1+1000)
		{0.0, 2e-6, 1e-6, false},        // perto de zero, tolerância absoluta
		{1.0, 1.0 + 1e-9, 0, false},     // tol 0 é igualdade exata
		{float32(1), float32(1.0000001), 1e-6, true},
		{math.NaN(), math.NaN(), 1e-6, true}, // NaN só é igual a NaN
		{math.NaN(), 1.0, 1e-6, false},
		{1.0, math.NaN(), 1e-6, false},
		{math.Inf(1), math.Inf(1), 1e-6, true},
		{math.Inf(1), math.Inf(-1), 1e-6, false},
		{[]float64{math.NaN(), 1}, []float64{math.NaN(), 1}, 1e-6, true},
		{[][]float32{{1, 2}, {3}}, [][]float32{{1, 2}, {3}}, 0, true},
		{[][]float64{{1, 2}, {3}}, [][]float64{{1, 2}, {3 + 1e-9}}, 1e-6, true},
		{[][]float32{{1, 2}, {3}}, [][]float32{{1, 2}, {3, 4}}, 0, false},
		{[][][]int{{{1}}, {{2}}}, [][][]int{{{1}}, {{3}}}, 0, false},
		{[]int{1, 2}, []int{1, 2, 3}, 0, false}, // tamanhos diferentes
		{[]int{}, []int{1}, 0, false},
		{[]float64(nil), []float64{1}, 1e-6, false},
		{[]int(nil), []int{}, 0, true},
		{[2]float64{1, 2}, [2]float64{1, 3}, 1e-6, false},
		{map[string]int{"a": 1}, map[string]int{"a": 1}, 0, true},
		{map[string]int{"a": 1}, map[string]int{"b": 1}, 0, false},
		{map[string]float64{"a": 1}, map[string]float64{"a": 1, "b": 2}, 0, false},
		{struct{ A float64 }{1}, struct{ A float64 }{1 + 1e-12}, 1e-9, true},
		{comPrivado{1, []int{1}}, comPrivado{1, []int{2}}, 0, false},
		{&um, &outroUm, 0, true},
		{&um, &dois, 0, false},
		{(*float64)(nil), &um, 0, false},
		{[]any{1, "a"}, []any{1, "a"}, 0, true},
		{"olá", "olá", 0, true},
		{"olá", "ola", 0, false},
		{true, false, 0, false},
		{int32(3), int64(3), 0, false}, // tipos diferentes
		{nil, nil, 0, true},
		{nil, 0, 0, false},
	}
	for i, c := range casos {
		if got := Iguais(c.a, c.b, c.tol); got != c.ok {
			t.Errorf("caso %d: Iguais(%v, %v, %g) = %v, esperava %v", i, c.a, c.b, c.tol, got, c.ok)
		}
	}
}

func TestCopia(t *testing.T) {
	type interno struct {
		V []int
		M map[string][]int
		P *[]int
		I any
	}
	p := []int{7}
	orig := []interno{{V: []int{1}, M: map[string][]int{"a": {2}}, P: &p, I: []int{3}}}
	c := Copia(orig)
	c[0].V[0], c[0].M["a"][0], (*c[0].P)[0], c[0].I.([]int)[0] = 10, 20, 70, 30
	if orig[0].V[0] != 1 || orig[0].M["a"][0] != 2 || p[0] != 7 || orig[0].I.([]int)[0] != 3 {
		t.Fatalf("a cópia compartilha memória com o original: %+v", orig)
	}
	var nada any
	if Copia(nada) != nil {
		t.Fatal("a cópia de uma interface nil deveria ser nil")
	}
	// Tipos opacos (com campos não exportados) são compartilhados.
	type opaco struct{ x []int }
	o := &opaco{x: []int{1}}
	if Copia(o) != o {
		t.Fatal("um ponteiro para um tipo opaco deveria ser compartilhado")
	}
}

func TestVerificaValorECondicao(t *testing.T) {
	if r := VerificaValor("t-valor", 235146, 235146); !r.Passou || r.Casos != 1 || r.Falhas != 0 {
		t.Fatalf("valor certo deveria passar: %+v", r)
	}
	if r := VerificaValor("t-valor", 0, 235146); r.Passou || r.Falhas != 1 || r.Mensagem != "esperado 235146; obtido 0" {
		t.Fatalf("valor errado deveria falhar mostrando esperado e obtido: %+v", r)
	}
	if r := VerificaValor("t-valor-real", 0.1+0.2, 0.3); !r.Passou {
		t.Fatalf("0.1+0.2 deveria ser 0.3 com a tolerância padrão: %+v", r)
	}
	if r := VerificaValor("t-valor-tol", 0.31, 0.3, Tolerancia(0.1)); !r.Passou {
		t.Fatalf("Tolerancia deveria valer em VerificaValor: %+v", r)
	}
	if r := VerificaCondicao("t-cond", true, "acurácia ≥ 90%"); !r.Passou || r.Falhas != 0 || r.Mensagem != "acurácia ≥ 90%" {
		t.Fatalf("condição verdadeira deveria passar: %+v", r)
	}
	var r Resultado
	saida := capturaSaida(t, func() { r = VerificaCondicao("t-cond", false, "acurácia ≥ 90%", Dica("treine mais")) })
	if r.Passou || r.Falhas != 1 || !strings.Contains(r.Mensagem, "condição não atendida: acurácia ≥ 90%") {
		t.Fatalf("condição falsa deveria falhar: %+v", r)
	}
	if !strings.Contains(saida, "condição não atendida") || !strings.Contains(saida, "💡 Dica: treine mais") {
		t.Fatalf("a saída deveria explicar a falha e dar a dica:\n%s", saida)
	}
}

func TestResultadosVaoParaOArquivoJSON(t *testing.T) {
	caminho := filepath.Join(t.TempDir(), "resultados.jsonl")
	t.Setenv("REPRESENTACOES_RESULTADOS", caminho)
	Verifica("t-json-a", dobro, dobro, [][]float64{{1}})
	VerificaValor("t-json-b", 1, 2, Dica("some os dois"))
	VerificaCondicao("t-json-c", true, "ok")
	f, err := os.Open(caminho)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var linhas []map[string]any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("linha inválida %q: %v", sc.Text(), err)
		}
		linhas = append(linhas, r)
	}
	if len(linhas) != 3 {
		t.Fatalf("esperava 3 linhas, obtive %d: %v", len(linhas), linhas)
	}
	for _, chave := range []string{"tipo", "id", "passou", "casos", "falhas", "mensagem"} {
		if _, ok := linhas[0][chave]; !ok {
			t.Errorf("falta a chave %q: %v", chave, linhas[0])
		}
	}
	if linhas[0]["id"] != "t-json-a" || linhas[0]["passou"] != true || linhas[0]["casos"] != 1.0 ||
		linhas[1]["id"] != "t-json-b" || linhas[1]["passou"] != false || linhas[1]["falhas"] != 1.0 ||
		linhas[2]["id"] != "t-json-c" || linhas[2]["passou"] != true {
		t.Fatalf("linhas inesperadas: %v", linhas)
	}
	// A dica vai para o arquivo (a página de correção do professor a mostra).
	if linhas[1]["dica"] != "some os dois" {
		t.Fatalf("a linha de uma verificação com Dica deveria trazer a dica: %v", linhas[1])
	}
	if _, tem := linhas[0]["dica"]; tem {
		t.Fatalf("sem Dica, a linha não deveria ter o campo dica: %v", linhas[0])
	}
}

func TestHTML(t *testing.T) {
	cfg := novaConfig([]Opcao{Dica("use <max>")})
	falhas := []falha{
		{entrada: "<script>", esperado: "1", obtido: "2"},
		{entrada: "b", esperado: "1", nota: "seu código entrou em pânico: x"},
		{entrada: "c", esperado: "1", obtido: "3"},
		{entrada: "quarto", esperado: "1", obtido: "4"},
	}
	h := caixaHTML(cfg, Resultado{ID: "x&y", Casos: 5, Falhas: 4}, falhas)
	if strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") ||
		!strings.Contains(h, "use &lt;max&gt;") || !strings.Contains(h, "x&amp;y") {
		t.Fatalf("HTML não escapado: %s", h)
	}
	for _, parte := range []string{`data-passou="false"`, "❌ Exercício x&amp;y: ainda não.", ">Entrada<", ">Esperado<",
		">Obtido<", "4 de 5 casos falharam", "entrou em pânico", "💡 <b>Dica:</b>"} {
		if !strings.Contains(h, parte) {
			t.Errorf("o HTML deveria conter %q: %s", parte, h)
		}
	}
	if strings.Contains(h, "quarto") {
		t.Errorf("só os 3 primeiros casos deveriam aparecer: %s", h)
	}
	// Para o tema escuro: toda célula com fundo e cor de texto explícitos.
	if n, m := strings.Count(h, "<td "), strings.Count(h, `<td style="background:`); n != 9 || m != n {
		t.Errorf("esperava 9 células, todas com fundo explícito; obtive %d, %d com fundo", n, m)
	}
	ok := caixaHTML(cfg, Resultado{ID: "y", Passou: true, Casos: 3, Mensagem: "3 casos verificados"}, nil)
	if !strings.Contains(ok, "✅ Exercício y: correto! (3 casos verificados)") || strings.Contains(ok, "Dica") {
		t.Errorf("caixa de acerto inesperada: %s", ok)
	}
	valor := caixaHTML(cfg, Resultado{ID: "z", Casos: 1, Falhas: 1}, []falha{{esperado: "7", obtido: "0"}})
	if strings.Contains(valor, "Entrada") {
		t.Errorf("sem entradas, a coluna Entrada não deveria aparecer: %s", valor)
	}
}

func TestFormata(t *testing.T) {
	casos := []struct {
		x    any
		want string
	}{
		{[]float64{1, 2.5, 1.0 / 3}, "[1 2,5 0,3333]"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, "[1 2 3 4 5 6 7 8 9 10 … (12 no total)]"},
		{[][]int{{1, 2}, {3, 4}}, "[[1 2]\n [3 4]]"},
		{[][]float64{{1, 0.5}, {10, 2}}, "[[ 1 0,5]\n [10   2]]"},
		{[][]int{{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}}, "[[ 1]\n [ 2]\n [ 3]\n [ 4]\n [ 5]\n [ 6]\n [ 7]\n [ 8]\n [ 9]\n [10] … (11 linhas no total)]"},
		{[][]int{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, "[[1 2 3 4 5 6 7 8 9 10 … (11 no total)]]"},
		{[][][]int{{{1}}, {{2}}}, "[[[1]]\n [[2]]]"},
		{[]float64(nil), "nil"},
		{struct{ W, B float64 }{2, -1}, "{W: 2; B: -1}"},
		{1e6, "1,000e+06"},
		{0.000012345, "1,234e-05"},
		{-0.00001, "-1,000e-05"},
		{math.Inf(1), "+Inf"},
		{math.NaN(), "NaN"},
		{float32(0.1), "0,1"},
		{"olá", `"olá"`},
		{map[string]float64{"b": 2, "a": 1.0 / 3}, `map["a":0,3333 "b":2]`},
		{[]any{1, nil}, "[1 nil]"},
	}
	for _, c := range casos {
		if got := Formata(c.x); got != c.want {
			t.Errorf("Formata(%#v) = %q, esperava %q", c.x, got, c.want)
		}
	}
	if got := FormataPreciso([]float32{0.1, 1.0 / 3}); got != "[0,1 0,33333334]" {
		t.Errorf("FormataPreciso = %q", got)
	}
}

// paradaDeTeste faz o papel de correcao.Parada (o pânico da procuração na
// correção quando o programa do aluno parou).
type paradaDeTeste struct{ motivo string }

func (p paradaDeTeste) MotivoDaParada() string { return p.motivo }

// Na correção, uma parada do programa do aluno (memória, disco, os.Exit…)
// aparece com o motivo, não como pânico, e os casos seguintes não rodam.
func TestParadaDoProgramaDoAluno(t *testing.T) {
	chamadas := 0
	aluno := func(x int) int {
		chamadas++
		panic(paradaDeTeste{"passou do limite de memória de 1 GiB"})
	}
	res := Verifica("teste-parada", aluno, func(x int) int { return x }, []int{1, 2, 3})
	if res.Passou || res.Falhas != 3 || chamadas != 1 {
		t.Fatalf("esperava 3 falhas numa chamada só, veio %+v (%d chamadas)", res, chamadas)
	}
	if !strings.Contains(res.Mensagem, "passou do limite de memória de 1 GiB") || strings.Contains(res.Mensagem, "pânico") {
		t.Errorf("a mensagem deveria dar o motivo da parada, sem falar em pânico: %q", res.Mensagem)
	}
}

// A segunda dica aparece fechada (<details>) abaixo da primeira, escapada,
// e nunca numa caixa de acerto; no texto, numa linha própria.
func TestOutraDicaFechadaAbaixoDaPrimeira(t *testing.T) {
	cfg := novaConfig([]Opcao{Dica("a ideia"), OutraDica("o caminho <mais> perto")})
	h := caixaHTML(cfg, Resultado{ID: "x", Casos: 1, Falhas: 1}, []falha{{esperado: "1", obtido: "2"}})
	dica, outra := strings.Index(h, "💡 <b>Dica:</b> a ideia"), strings.Index(h, "<details")
	if dica < 0 || outra < dica || !strings.Contains(h, "Mais uma dica") ||
		!strings.Contains(h, "o caminho &lt;mais&gt; perto</div></details>") || strings.Contains(h, "<details open") {
		t.Fatalf("a segunda dica deveria vir fechada, depois da primeira: %s", h)
	}
	if ok := caixaHTML(cfg, Resultado{ID: "x", Passou: true, Casos: 1}, nil); strings.Contains(ok, "caminho") {
		t.Errorf("a caixa de acerto não mostra dicas: %s", ok)
	}
	txt := texto(cfg, Resultado{ID: "x", Casos: 1, Falhas: 1}, []falha{{esperado: "1", obtido: "2"}})
	if !strings.Contains(txt, "💡 Dica: a ideia\n   🔎 Mais uma dica: o caminho <mais> perto\n") {
		t.Errorf("texto inesperado: %q", txt)
	}
}
