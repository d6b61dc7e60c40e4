package treino

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/dados"
)

// Um problema pequeno e real o bastante: imagens 4×4 com ruído; a classe 0
// tem a metade esquerda clara, a classe 1 a direita.
func metades(n int, semente uint64) *dados.Imagens {
	r := rand.New(rand.NewPCG(semente, 1))
	im := &dados.Imagens{Nome: "metades", N: n, Altura: 4, Largura: 4, Pixels: make([]float32, n*16), Rotulos: make([]int32, n)}
	for i := range n {
		c := int32(r.IntN(2))
		im.Rotulos[i] = c
		for y := range 4 {
			for x := range 4 {
				v := 0.5 * r.Float32()
				if (x < 2) == (c == 0) {
					v += 0.5
				}
				im.Pixels[i*16+y*4+x] = v
			}
		}
	}
	return im
}

func pequenoMLP(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
	x := graph.Reshape(entradas[0], -1, 16)
	x = activation.Relu(layers.Dense(scope.In("oculta"), x, true, 8))
	return []*graph.Node{layers.Dense(scope.In("saida"), x, true, 2)}
}

func config(nome string) Config {
	return Config{
		Nome:         nome,
		Modelo:       pequenoMLP,
		Treino:       dados.LotesDeImagens(metades(512, 1), 32).Embaralhados(3),
		Validacao:    dados.LotesDeImagens(metades(256, 2), 128),
		Passos:       150,
		AvaliarACada: 25,
		TaxaAprend:   0.01,
	}
}

func TestTreinoAprendeESalvaHistorico(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	m, err := TreinaOuErro(config("metades"))
	if err != nil {
		t.Fatal(err)
	}
	h := m.Historico
	if len(h.Passos) != 6 || Ultima(h.Passos) != 150 {
		t.Fatalf("esperava 6 pontos até o passo 150, obtive %v", h.Passos)
	}
	if !(Ultima(h.PerdaValidacao) < h.PerdaValidacao[0]) {
		t.Errorf("a perda de validação não caiu: %v", h.PerdaValidacao)
	}
	if Ultima(h.AcuraciaValidacao) < 0.9 {
		t.Errorf("acurácia de validação final %.3f < 0,9 num problema fácil", Ultima(h.AcuraciaValidacao))
	}
	if want := 16*8 + 8 + 8*2 + 2; h.Parametros != want {
		t.Errorf("parâmetros: %d, esperava %d", h.Parametros, want)
	}
	if m.Reutilizado {
		t.Error("primeiro treino marcado como reutilizado")
	}
	// A acurácia calculada por Classifica bate com a do laço de treino.
	if ac := m.Acuracia(metades(256, 2)); ac < 0.9 {
		t.Errorf("Acuracia() = %.3f", ac)
	}
}

func TestSegundaVezCarregaOCheckpoint(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	primeiro, err := TreinaOuErro(config("reuso"))
	if err != nil {
		t.Fatal(err)
	}
	inicio := time.Now()
	segundo, err := TreinaOuErro(config("reuso"))
	if err != nil {
		t.Fatal(err)
	}
	if !segundo.Reutilizado {
		t.Fatal("a segunda chamada deveria reaproveitar o checkpoint")
	}
	if time.Since(inicio) > 5*time.Second {
		t.Errorf("reaproveitar demorou %v", time.Since(inicio))
	}
	val := metades(256, 2)
	a1, a2 := primeiro.Acuracia(val), segundo.Acuracia(val)
	if a1 != a2 {
		t.Errorf("o modelo carregado difere do treinado: %.4f vs %.4f", a2, a1)
	}
	carregado := Carrega("reuso", pequenoMLP)
	if a3 := carregado.Acuracia(val); a3 != a1 || carregado.Historico == nil {
		t.Errorf("Carrega: acurácia %.4f (esperava %.4f), histórico %v", a3, a1, carregado.Historico)
	}
	cfg := config("reuso")
	cfg.Retreinar = true
	terceiro, err := TreinaOuErro(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if terceiro.Reutilizado {
		t.Error("Retreinar: true não deveria reaproveitar")
	}
}

func TestMaisPassosContinuaDoCheckpoint(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	cfg := config("continua")
	cfg.Passos = 50
	if _, err := TreinaOuErro(cfg); err != nil {
		t.Fatal(err)
	}
	cfg = config("continua")
	cfg.Passos = 100
	m, err := TreinaOuErro(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if m.Reutilizado || Ultima(m.Historico.Passos) != 100 || m.Historico.Passos[0] != 25 {
		t.Fatalf("esperava continuar de 50 a 100 mantendo o histórico: %v", m.Historico.Passos)
	}
}

func TestConfigIncompletaDizOQueFalta(t *testing.T) {
	_, err := TreinaOuErro(Config{Nome: "x"})
	if err == nil || !strings.Contains(err.Error(), "Modelo") || !strings.Contains(err.Error(), "Passos") {
		t.Fatalf("esperava erro listando Modelo e Passos, obtive %v", err)
	}
	_, err = TreinaOuErro(Config{Nome: "../fora", Modelo: pequenoMLP, Treino: config("").Treino, Passos: 1})
	if err == nil {
		t.Fatal("um nome com barra deveria ser recusado")
	}
}

// Com o decaimento (padrão), a taxa de aprendizado termina em TaxaAprend/20.
func TestTaxaDeAprendizadoDecai(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	for _, sem := range []bool{false, true} {
		cfg := config("decai")
		cfg.Passos, cfg.Retreinar, cfg.SemDecaimento = 60, true, sem
		m, err := TreinaOuErro(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var taxa float64 = -1
		for v := range m.Store.IterVariables() {
			if v.Name() == "learning_rate" {
				taxa = escalar(v.MustValue())
			}
		}
		want := 0.01 / 20
		if sem {
			want = 0.01
		}
		if taxa < 0 || taxa > want*1.05 || taxa < want*0.95 {
			t.Errorf("SemDecaimento=%v: taxa final %g, esperava ~%g", sem, taxa, want)
		}
	}
}

func TestMemorizaCalculaUmaVez(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	chamadas := 0
	caro := func() []float64 { chamadas++; return []float64{1, 2, 3} }
	a := Memoriza("tabela", caro)
	b := Memoriza("tabela", caro)
	if chamadas != 1 || len(b) != 3 || b[2] != 3 || a[0] != b[0] {
		t.Fatalf("esperava 1 cálculo e o mesmo valor: %d chamadas, %v %v", chamadas, a, b)
	}
	Esquece("tabela")
	Memoriza("tabela", caro)
	if chamadas != 2 {
		t.Fatalf("depois de Esquece deveria recalcular: %d chamadas", chamadas)
	}
}

func TestConfereRegistraAfirmacoes(t *testing.T) {
	caminho := t.TempDir() + "/r.jsonl"
	t.Setenv("REPRESENTACOES_RESULTADOS", caminho)
	curso.Confere("1 < 2", true)
	curso.Confere("2 < 1", false)
	b, err := os.ReadFile(caminho)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, `{"afirmacao":"1 \u003c 2","ok":true}`) || !strings.Contains(s, `"ok":false`) {
		t.Fatalf("registro inesperado: %s", s)
	}
}
