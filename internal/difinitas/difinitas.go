// Package difinitas confere gradientes com diferenças finitas: para uma
// camada escrita pelo curso, compara o gradiente que o GoMLX calcula
// (graph.Gradient, com os VJPs registrados — inclusive o de DotGeneral do
// pacote motor) com a derivada numérica (f(x+h) − f(x−h))/2h, em float64.
//
// A função conferida é um escalar da saída da camada: L = Σ saída ⊙ P, com P
// sorteado (fixo): assim todos os elementos da saída pesam, com pesos
// diferentes, e um erro em qualquer um deles aparece. O gradiente é
// conferido em relação a cada entrada e a cada variável (parâmetro) que a
// camada criar no model.Scope.
package difinitas

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gomlx/compute"
	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"
)

// Camada constrói a camada a conferir: recebe as entradas (float64) e pode
// criar variáveis em scope (também float64: use o DType das entradas).
type Camada func(scope *model.Scope, entradas []*graph.Node) *graph.Node

// Opcoes ajusta a conferência; o valor zero serve na maioria dos casos.
type Opcoes struct {
	H          float64 // passo das diferenças finitas (padrão 1e-5)
	Tolerancia float64 // erro relativo máximo (padrão 1e-6)
	// Fixas: índices das entradas que não são conferidas (ex.: dados
	// binários, rótulos); o gradiente em relação a elas não é pedido.
	Fixas []int
}

// Aleatorio devolve um tensor float64 com as dimensões dadas, valores
// normais(0, escala²) sorteados com a semente.
func Aleatorio(semente uint64, escala float64, dims ...int) *tensors.Tensor {
	r := rand.New(rand.NewPCG(semente, 77))
	n := 1
	for _, d := range dims {
		n *= d
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = escala * r.NormFloat64()
	}
	return tensors.FromFlatDataAndDimensions(v, dims...)
}

// Confere compara o gradiente de L = Σ camada(entradas) ⊙ P com diferenças
// finitas centrais, em relação a cada entrada (menos as Fixas) e a cada
// variável treinável que a camada usar. Falha (t.Errorf) no primeiro
// elemento de cada tensor com erro relativo |g − d| / max(1, |g|, |d|) acima
// da tolerância, e registra (t.Logf) o maior erro encontrado.
func Confere(t testing.TB, b compute.Backend, nome string, camada Camada, o Opcoes, entradas ...*tensors.Tensor) {
	t.Helper()
	if o.H == 0 {
		o.H = 1e-5
	}
	if o.Tolerancia == 0 {
		o.Tolerancia = 1e-6
	}
	for i, e := range entradas {
		if e.DType() != dtypes.Float64 {
			t.Fatalf("%s: a entrada %d é %s; use float64", nome, i, e.DType())
		}
	}
	// Os pesos iniciais com semente fixa: o teste é o mesmo a cada execução.
	// Com a semente sorteada do GoMLX (o padrão), a rede com ReLU e
	// max-pooling de pkg/cnn às vezes caía perto de uma quina (onde a derivada
	// muda de repente e a diferença finita não vale) e o teste falhava ao acaso.
	store := model.NewStore()
	if err := store.SetRNGStateFromSeed(1); err != nil {
		t.Fatal(err)
	}
	n := len(entradas)
	args := func(extra ...any) []any {
		r := make([]any, 0, n+len(extra))
		for _, e := range entradas {
			r = append(r, e)
		}
		return append(r, extra...)
	}

	// 1. A forma da saída (e as variáveis, criadas e iniciadas aqui).
	forma := model.MustNewExec(b, store, func(scope *model.Scope, xs []*graph.Node) *graph.Node {
		return camada(scope, xs)
	}).MustCall(args()...)[0].Shape()
	if forma.DType != dtypes.Float64 {
		t.Fatalf("%s: a saída é %s; a camada deve manter float64", nome, forma.DType)
	}
	pesos := Aleatorio(991, 1, forma.Dimensions...)
	perda := func(scope *model.Scope, xs []*graph.Node) *graph.Node {
		return graph.ReduceAllSum(graph.Mul(camada(scope, xs[:n]), xs[n]))
	}

	// 2. O gradiente do GoMLX, em relação às entradas e às variáveis usadas.
	var variaveis []*model.Variable
	conferidas := []int{}
	for i := range n {
		if !slices.Contains(o.Fixas, i) {
			conferidas = append(conferidas, i)
		}
	}
	gradExec := model.MustNewExec(b, store, func(scope *model.Scope, xs []*graph.Node) []*graph.Node {
		l := perda(scope, xs)
		g := l.Graph()
		variaveis = variaveis[:0]
		for v := range store.IterVariables() {
			if v.Trainable && v.InUseByGraph(g) {
				variaveis = append(variaveis, v)
			}
		}
		slices.SortFunc(variaveis, func(a, b *model.Variable) int { return cmp.Compare(a.Path(), b.Path()) })
		alvos := []*graph.Node{}
		for _, i := range conferidas {
			alvos = append(alvos, xs[i])
		}
		for _, v := range variaveis {
			alvos = append(alvos, v.NodeValue(g))
		}
		return graph.Gradient(l, alvos...)
	})
	grads := gradExec.MustCall(args(pesos)...)

	// 3. Diferenças finitas.
	perdaExec := model.MustNewExec(b, store, func(scope *model.Scope, xs []*graph.Node) *graph.Node {
		return perda(scope, xs)
	})
	valor := func() float64 { return tensors.ToScalar[float64](perdaExec.MustCall(args(pesos)...)[0]) }
	maior := 0.0
	confere := func(quem string, g *tensors.Tensor, dados []float64, atualiza func()) {
		t.Helper()
		gs := tensors.MustCopyFlatData[float64](g)
		if len(gs) != len(dados) {
			t.Errorf("%s, %s: o gradiente tem %d elementos, o tensor %d", nome, quem, len(gs), len(dados))
			return
		}
		for k := range dados {
			orig := dados[k]
			dados[k] = orig + o.H
			atualiza()
			mais := valor()
			dados[k] = orig - o.H
			atualiza()
			menos := valor()
			dados[k] = orig
			atualiza()
			d := (mais - menos) / (2 * o.H)
			erro := math.Abs(gs[k]-d) / math.Max(1, math.Max(math.Abs(gs[k]), math.Abs(d)))
			maior = math.Max(maior, erro)
			if erro > o.Tolerancia || math.IsNaN(gs[k]) {
				t.Errorf("%s, %s, elemento %d: gradiente do GoMLX %.10g, diferenças finitas %.10g (erro relativo %.2g)",
					nome, quem, k, gs[k], d, erro)
				return
			}
		}
	}
	for j, i := range conferidas {
		e := entradas[i]
		dados := tensors.MustCopyFlatData[float64](e)
		dims := e.Shape().Dimensions
		confere(fmt.Sprintf("entrada %d", i), grads[j], dados, func() {
			entradas[i] = tensors.FromFlatDataAndDimensions(dados, dims...)
		})
		entradas[i] = tensors.FromFlatDataAndDimensions(dados, dims...)
	}
	for j, v := range variaveis {
		valorV := v.MustValue()
		dados := tensors.MustCopyFlatData[float64](valorV)
		dims := valorV.Shape().Dimensions
		confere("variável "+v.Path(), grads[len(conferidas)+j], dados, func() {
			v.MustSetValue(tensors.FromFlatDataAndDimensions(append([]float64(nil), dados...), dims...))
		})
	}
	t.Logf("%s: %d entradas e %d variáveis conferidas; maior erro relativo %.1e", nome, len(conferidas), len(variaveis), maior)
}

// Caso é uma camada a conferir com entradas sorteadas das dimensões dadas.
type Caso struct {
	Nome     string
	Camada   Camada
	Entradas [][]int // as dimensões de cada entrada
}

// ConfereCasos confere cada caso num subteste próprio, com entradas sorteadas
// por Aleatorio (semente fixa por caso e entrada, escala 1) e as Opcoes
// padrão.
func ConfereCasos(t *testing.T, b compute.Backend, casos []Caso) {
	for i, c := range casos {
		t.Run(c.Nome, func(t *testing.T) {
			var ts []*tensors.Tensor
			for j, dims := range c.Entradas {
				ts = append(ts, Aleatorio(uint64(10*i+j+1), 1, dims...))
			}
			Confere(t, b, c.Nome, c.Camada, Opcoes{}, ts...)
		})
	}
}
