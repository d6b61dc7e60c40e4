package gan

import (
	"math"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/initializer"
)

// Adam é o otimizador Adam (Kingma e Ba, 2015) de um jogador só: atualiza
// apenas as variáveis que recebe e guarda os seus momentos no próprio
// escopo. Valores zero viram os padrões (taxa 2e-4, β₁ = 0,5, β₂ = 0,999,
// os de Radford et al., 2016, para GANs).
type Adam struct {
	Taxa   float64 // taxa de aprendizado
	Beta1  float64 // decaimento da média dos gradientes (momento)
	Beta2  float64 // decaimento da média dos quadrados dos gradientes
	Escopo string  // onde ficam os momentos e o contador de passos
	// Decaimento, se positivo, faz a taxa cair como um cosseno, de Taxa até
	// Taxa/20, ao longo de Decaimento passos (e ficar em Taxa/20 depois):
	// passos largos no começo, finos no fim.
	Decaimento int
}

func (a Adam) completa() Adam {
	if a.Taxa == 0 {
		a.Taxa = 2e-4
	}
	if a.Beta1 == 0 {
		a.Beta1 = 0.5
	}
	if a.Beta2 == 0 {
		a.Beta2 = 0.999
	}
	if a.Escopo == "" {
		a.Escopo = "otimizador"
	}
	return a
}

// Atualiza acrescenta ao grafo da perda um passo de Adam nas variáveis
// vars (e só nelas):
//
//	m ← β₁m + (1−β₁)∇,   v ← β₂v + (1−β₂)∇²,
//	θ ← θ − taxa · (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
//
// O gradiente vem de graph.Gradient(perda, vars...): a diferenciação
// automática só olha para as variáveis pedidas.
func (a Adam) Atualiza(scope *model.Scope, perda *graph.Node, vars []*model.Variable) {
	a = a.completa()
	g := perda.Graph()
	if len(vars) == 0 {
		panic("gan.Adam: nenhuma variável para atualizar")
	}
	valores := make([]*graph.Node, len(vars))
	for i, v := range vars {
		valores[i] = v.NodeValue(g)
	}
	grads := graph.Gradient(perda, valores...)

	octx := scope.At("%s", a.Escopo).WithInitializer(initializer.Zero) // At: Atualiza pode rodar mais de uma vez no grafo
	passo := octx.VariableWithValue("passo", float32(0)).SetTrainable(false)
	t := graph.OnePlus(passo.NodeValue(g))
	passo.SetNodeValue(t)
	dt := dtypes.Float32
	b1 := graph.Scalar(g, dt, a.Beta1)
	b2 := graph.Scalar(g, dt, a.Beta2)
	// Correções do viés inicial (os momentos começam em zero).
	corr1 := graph.Reciprocal(graph.OneMinus(graph.Pow(b1, t)))
	corr2 := graph.Reciprocal(graph.OneMinus(graph.Pow(b2, t)))
	taxa := graph.Scalar(g, dt, a.Taxa)
	if a.Decaimento > 0 {
		// taxa·(1/20 + (19/20)·(1 + cos(π·min(t, T)/T))/2)
		fracao := graph.DivScalar(graph.MinScalar(t, float64(a.Decaimento)), float64(a.Decaimento))
		cosseno := graph.MulScalar(graph.OnePlus(graph.Cos(graph.MulScalar(fracao, math.Pi))), 0.5)
		taxa = graph.Mul(taxa, graph.AddScalar(graph.MulScalar(cosseno, 19.0/20), 1.0/20))
	}
	eps := graph.Scalar(g, dt, 1e-8)
	for i, v := range vars {
		// Os momentos de "discriminador/camada0/weights" ficam em
		// "<escopo>/discriminador/camada0/weights_m" (e _v).
		mctx := scope.Store().Scope(octx.Scope() + v.Scope()).WithInitializer(initializer.Zero)
		m := mctx.VariableWithShape(v.Name()+"_m", v.Shape()).SetTrainable(false)
		s := mctx.VariableWithShape(v.Name()+"_v", v.Shape()).SetTrainable(false)
		grad := grads[i]
		mNovo := graph.Add(graph.Mul(b1, m.NodeValue(g)), graph.Mul(graph.OneMinus(b1), grad))
		sNovo := graph.Add(graph.Mul(b2, s.NodeValue(g)), graph.Mul(graph.OneMinus(b2), graph.Square(grad)))
		m.SetNodeValue(mNovo)
		s.SetNodeValue(sNovo)
		direcao := graph.Div(graph.Mul(mNovo, corr1), graph.Add(graph.Sqrt(graph.Mul(sNovo, corr2)), eps))
		v.SetNodeValue(graph.Sub(valores[i], graph.Mul(taxa, direcao)))
	}
}
