package treino

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

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

func TestTreinoAprendeERegistra(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	m, err := TreinaOuErro(config("metades"))
	if err != nil {
		t.Fatal(err)
	}
	h := m.Registro
	if len(h.Passos) != 6 || Ultima(h.Passos) != 150 {
		t.Fatalf("esperava 6 pontos até o passo 150, obtive %v", h.Passos)
	}
	perdas := h.Series[PerdaValidacao]
	if len(perdas) != 6 || !(Ultima(perdas) < perdas[0]) {
		t.Errorf("a perda de validação não caiu: %v", perdas)
	}
	if h.Ultima(AcuraciaValidacao) < 0.9 || h.Ultima(AcuraciaTreino) < 0.9 {
		t.Errorf("acurácias finais %.3f (validação) e %.3f (treino) < 0,9 num problema fácil", h.Ultima(AcuraciaValidacao), h.Ultima(AcuraciaTreino))
	}
	if want := 16*8 + 8 + 8*2 + 2; h.Parametros != want {
		t.Errorf("parâmetros: %d, esperava %d", h.Parametros, want)
	}
	if h.Reutilizado {
		t.Error("primeiro treino marcado como reutilizado")
	}
	if want := []string{AcuraciaTreino, PerdaTreino, AcuraciaValidacao, PerdaValidacao}; !slices.Equal(h.Ordem, want) {
		t.Errorf("métricas %v, esperava %v", h.Ordem, want)
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
	if !segundo.Registro.Reutilizado {
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
	if a3 := carregado.Acuracia(val); a3 != a1 || carregado.Registro.Parametros != primeiro.Registro.Parametros {
		t.Errorf("Carrega: acurácia %.4f (esperava %.4f), registro %+v", a3, a1, carregado.Registro)
	}
	cfg := config("reuso")
	cfg.Retreinar = true
	terceiro, err := TreinaOuErro(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if terceiro.Registro.Reutilizado {
		t.Error("Retreinar: true não deveria reaproveitar")
	}
}

// A regra única de Laco vale para Treina: outro número de passos não
// continua o treino anterior, treina do zero; e um treino interrompido (sem
// o registro, que é gravado por último) não é aberto por Carrega.
func TestOutroNumeroDePassosTreinaDoZero(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	cfg := config("regra")
	cfg.Passos = 50
	if _, err := TreinaOuErro(cfg); err != nil {
		t.Fatal(err)
	}
	cfg = config("regra")
	cfg.Passos = 100
	m, err := TreinaOuErro(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if m.Registro.Reutilizado || !slices.Equal(m.Registro.Passos, []float64{25, 50, 75, 100}) {
		t.Fatalf("esperava um treino novo de 100 passos, com pontos a cada 25: %v", m.Registro.Passos)
	}
	if err := os.Remove(filepath.Join(Pasta("regra"), arquivoRegistro)); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "ainda não foi treinado") {
			t.Fatalf("Carrega de um treino sem registro deveria entrar em pânico em português, veio %v", r)
		}
	}()
	Carrega("regra", pequenoMLP)
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
