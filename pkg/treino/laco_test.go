package treino

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// descida monta um laço que leva w de 0 a 3 por descida do gradiente de
// (w-3)², escrita à mão: gradiente e atualização calculados no grafo. taxa
// alta demais faz a perda explodir.
func descida(passos int, taxa float64, chamadas *int) (Laco, *model.Store) {
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, g *graph.Graph) *graph.Node {
		w := scope.VariableWithValue("w", float32(0))
		perda := graph.Square(graph.AddScalar(w.NodeValue(g), -3))
		grad := graph.Gradient(perda, w.NodeValue(g))[0]
		w.SetNodeValue(graph.Sub(w.NodeValue(g), graph.MulScalar(grad, taxa)))
		return perda
	})
	return Laco{
		Nome: "descida", Store: store, Passos: passos, AvaliarACada: 5, Exemplos: 1, SemGrafico: true,
		Passo: func(int) map[string]float64 {
			*chamadas++
			return map[string]float64{"perda": float64(tensors.ToScalar[float32](exec.MustCall1()))}
		},
		Avalia: func(int) map[string]float64 {
			return map[string]float64{"w": float64(tensors.ToScalar[float32](store.GetVariable("/w").MustValue()))}
		},
	}, store
}

func TestLacoTreinaRegistraEReaproveita(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	n := 0
	l, _ := descida(20, 0.1, &n)
	r := l.Roda()
	if n != 20 {
		t.Fatalf("Passo chamado %d vezes, esperava 20", n)
	}
	if len(r.Passos) != 4 || r.Passos[3] != 20 {
		t.Fatalf("pontos registrados: %v, esperava 5, 10, 15, 20", r.Passos)
	}
	perda := r.Series["perda"]
	if !(perda[3] < perda[0]/10) {
		t.Errorf("a perda não caiu: %v", perda)
	}
	if w := r.Ultima("w"); math.Abs(w-3) > 0.1 {
		t.Errorf("w = %.3f no fim, esperava perto de 3", w)
	}
	if strings.Join(r.Ordem, ",") != "perda,w" || r.ExemplosPorSeg <= 0 || r.Reutilizado {
		t.Errorf("registro estranho: ordem %v, vazão %g, reutilizado %v", r.Ordem, r.ExemplosPorSeg, r.Reutilizado)
	}

	// Num contexto novo, o treino completo é restaurado sem chamar Passo.
	n2 := 0
	l2, ctx2 := descida(20, 0.1, &n2)
	r2 := l2.Roda()
	if n2 != 0 || !r2.Reutilizado {
		t.Fatalf("segunda vez: Passo chamado %d vezes, reutilizado=%v", n2, r2.Reutilizado)
	}
	// A variável vem do checkpoint quando o grafo a usa.
	le := model.MustNewExec(motor.Backend(), ctx2, func(scope *model.Scope, g *graph.Graph) *graph.Node {
		return scope.VariableWithValue("w", float32(0)).NodeValue(g)
	})
	if w := tensors.ToScalar[float32](le.MustCall1()); math.Abs(float64(w)-3) > 0.1 {
		t.Errorf("w restaurado = %.3f, esperava perto de 3", w)
	}

	// Com outro número de passos, treina de novo do zero.
	n3 := 0
	l3, _ := descida(10, 0.1, &n3)
	if r3 := l3.Roda(); n3 != 10 || r3.Reutilizado {
		t.Errorf("com 10 passos: Passo chamado %d vezes, reutilizado=%v", n3, r3.Reutilizado)
	}
}

func TestLacoParaQuandoAPerdaExplode(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	n := 0
	l, _ := descida(400, 1.5, &n) // |1-2·1,5| = 2: cada passo dobra o erro
	_, err := l.RodaOuErro()
	if err == nil || !strings.Contains(err.Error(), "taxa de aprendizado") {
		t.Fatalf("esperava um erro falando da taxa de aprendizado, veio %v", err)
	}
	if n >= 400 {
		t.Errorf("o laço não parou: %d passos", n)
	}
}

func TestLacoIncompletoDizOQueFalta(t *testing.T) {
	_, err := Laco{Nome: "x"}.RodaOuErro()
	if err == nil || !strings.Contains(err.Error(), "Store") || !strings.Contains(err.Error(), "Passo ") {
		t.Fatalf("erro esperado dizendo o que falta, veio %v", err)
	}
}

// O Anexo é gravado com o treino e volta quando o treino é reaproveitado;
// treinar de novo o refaz.
func TestLacoAnexo(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	type quadros struct{ Passos []int }
	n := 0
	l, _ := descida(10, 0.1, &n)
	var q quadros
	avalia := l.Avalia
	l.Anexo = &q
	l.Avalia = func(p int) map[string]float64 { q.Passos = append(q.Passos, p); return avalia(p) }
	l.Roda()
	var q2 quadros
	l2, _ := descida(10, 0.1, &n)
	l2.Anexo = &q2
	if r := l2.Roda(); !r.Reutilizado || !slices.Equal(q2.Passos, []int{5, 10}) {
		t.Fatalf("reaproveitado=%v, anexo lido %v; esperava [5 10]", r.Reutilizado, q2.Passos)
	}
	// Um treino sem registro (interrompido) não é reaproveitado nem aberto.
	if err := os.Remove(filepath.Join(Pasta("descida"), arquivoRegistro)); err != nil {
		t.Fatal(err)
	}
	antes := n
	l3, _ := descida(10, 0.1, &n)
	if r := l3.Roda(); r.Reutilizado || n != antes+10 {
		t.Fatalf("um treino interrompido deveria recomeçar do zero: reaproveitado=%v, %d passos", r.Reutilizado, n-antes)
	}
	if r := LeRegistro("descida"); !r.Reutilizado || r.Total != 10 {
		t.Fatalf("LeRegistro: %+v", r)
	}
}
