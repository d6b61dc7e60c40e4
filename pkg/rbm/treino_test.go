package rbm

import (
	"math"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// O erro de reconstrução cai ao treinar nas barras e listras 4×4.
func TestErroDeReconstrucaoCai(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	x := BarrasEListras(4)
	_, reg := Treina(Config{Nome: "barras", Dados: x, Visiveis: 16, Ocultas: 12, Lote: 30, Passos: 400, Taxa: 0.1, AvaliarACada: 40})
	erro := reg.Series[ErroTreino]
	if len(erro) != 10 {
		t.Fatalf("%d pontos na curva, esperava 10", len(erro))
	}
	if !(erro[len(erro)-1] < 0.5*erro[0]) {
		t.Fatalf("o erro de reconstrução não caiu à metade: %v", erro)
	}
}

// A log-verossimilhança exata (enumerando os 512 estados das barras e
// listras 3×3) sobe com o treino, com CD-1 e com PCD, e passa da de um
// modelo que sorteia cada pixel ao acaso (−9·log 2).
func TestLogVerossimilhancaExataSobe(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	x := BarrasEListras(3)
	x4 := append(append(append(append([]float32{}, x...), x...), x...), x...) // 4 cópias: 56 cadeias na PCD
	for _, persistente := range []bool{false, true} {
		var ll []float64
		Treina(Config{Nome: "exata", Dados: x4, Visiveis: 9, Ocultas: 6, Lote: 56, Passos: 1500, Taxa: 0.3, Momento: -1,
			Persistente: persistente, AvaliarACada: 150, Retreinar: true,
			Avalia: func(r *RBM, passo int) map[string]float64 {
				ll = append(ll, r.Pesos().LogVerossimilhanca(x))
				return nil
			}})
		acaso := -9 * math.Log(2)
		if !(ll[len(ll)-1] > ll[0]+1 && ll[len(ll)-1] > acaso+1.5) {
			t.Errorf("persistente=%v: log-verossimilhança %v (acaso: %.2f)", persistente, ll, acaso)
		}
	}
}

// Rodar Treina de novo com o mesmo nome carrega a RBM do checkpoint, sem treinar.
func TestCheckpointReaproveitado(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	x := BarrasEListras(3)
	cfg := Config{Nome: "ckpt", Dados: x, Visiveis: 9, Ocultas: 4, Lote: 7, Passos: 50, Persistente: true}
	r1, reg1 := Treina(cfg)
	r2, reg2 := Treina(cfg)
	if reg1.Reutilizado || !reg2.Reutilizado {
		t.Fatalf("reutilizado: %v e %v, esperava false e true", reg1.Reutilizado, reg2.Reutilizado)
	}
	p1, p2 := r1.Pesos(), r2.Pesos()
	for i := range p1.W {
		if p1.W[i] != p2.W[i] {
			t.Fatalf("W[%d]: %v treinado, %v carregado", i, p1.W[i], p2.W[i])
		}
	}
	// E a RBM carregada funciona: reconstrói as barras melhor que o acaso.
	rec := r2.Reconstroi(x)
	if len(rec) != len(x) {
		t.Fatalf("Reconstroi devolveu %d valores, esperava %d", len(rec), len(x))
	}
}

// A DBN empilha: a segunda RBM vê as ocultas da primeira; o classificador
// começa com os pesos das RBMs.
func TestDBNEClassificador(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	x := BarrasEListras(4)
	d := TreinaDBN(ConfigDBN{Nome: "dbn", Ocultas: []int{8, 5},
		Base: Config{Dados: x, Visiveis: 16, Lote: 10, Passos: 30, SemGrafico: true}})
	if len(d.Camadas) != 2 || d.Camadas[1].Visiveis != 8 || d.Camadas[1].Ocultas != 5 {
		t.Fatalf("camadas: %+v", d.Camadas)
	}
	if rep := d.Representacao(x); len(rep) != 30*5 {
		t.Fatalf("representação com %d valores, esperava 30×5", len(rep))
	}
	cl := d.ClassificadorDe(2)
	if cl.Assinatura() != "16-8-5-2-dbn" {
		t.Errorf("assinatura %q", cl.Assinatura())
	}
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		return cl.Modelo()(scope, nil, []*graph.Node{x})[0]
	})
	saida := exec.MustCall(tensors.FromFlatDataAndDimensions(x, 30, 4, 4))[0]
	if dims := saida.Shape().Dimensions; !iguaisInt(dims, []int{30, 2}) {
		t.Fatalf("saída %v, esperava [30 2]", dims)
	}
	w := tensors.MustCopyFlatData[float32](store.Scope("/oculta1").GetVariable("pesos").MustValue())
	p := d.Camadas[1].Pesos()
	for i := range w {
		if w[i] != p.W[i] {
			t.Fatalf("pesos da camada oculta 1 não são os da RBM 2 (posição %d: %v, %v)", i, w[i], p.W[i])
		}
	}
}

// Carrega abre a RBM treinada sem treinar; sem treino, explica o que fazer.
func TestCarrega(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	cfg := Config{Nome: "carrega", Dados: BarrasEListras(3), Visiveis: 9, Ocultas: 4, Passos: 20, SemGrafico: true}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Carrega de uma RBM não treinada deveria entrar em pânico")
			}
		}()
		Carrega(cfg)
	}()
	r, _ := Treina(cfg)
	c := Carrega(cfg)
	if a, b := r.Pesos(), c.Pesos(); a.W[3] != b.W[3] || a.B[1] != b.B[1] {
		t.Fatalf("a RBM carregada difere da treinada")
	}
}
