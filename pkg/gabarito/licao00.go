package gabarito

import (
	"fmt"
	"sync"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/enunciado"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

var (
	softmaxOnce sync.Once
	softmaxExec *graph.Exec
)

// Softmax calcula a softmax de z com graph.Softmax do GoMLX (em float64).
func Softmax(z []float64) []float64 {
	if len(z) == 0 {
		return []float64{}
	}
	softmaxOnce.Do(func() {
		softmaxExec = graph.MustNewExec(motor.Backend(), func(x *graph.Node) *graph.Node {
			return graph.Softmax(x)
		})
	})
	return tensors.MustCopyFlatData[float64](softmaxExec.MustCall(z)[0])
}

// Reta é enunciado.Reta (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Reta = enunciado.Reta

var (
	retaOnce sync.Once
	retaExec *graph.Exec
)

// GradienteReta devolve [∂L/∂W, ∂L/∂B] do erro quadrático médio
// L = média((W·xᵢ + B − yᵢ)²), calculado pela diferenciação automática do
// GoMLX (graph.Gradient).
func GradienteReta(r Reta) [2]float64 {
	retaOnce.Do(func() {
		retaExec = graph.MustNewExec(motor.Backend(), func(w, b, x, y *graph.Node) (*graph.Node, *graph.Node) {
			pred := graph.Add(graph.Mul(w, x), b)
			perda := graph.ReduceAllMean(graph.Square(graph.Sub(pred, y)))
			g := graph.Gradient(perda, w, b)
			return g[0], g[1]
		})
	})
	saidas := retaExec.MustCall(r.W, r.B, r.X, r.Y)
	return [2]float64{tensors.ToScalar[float64](saidas[0]), tensors.ToScalar[float64](saidas[1])}
}

// ParametrosMLP conta os parâmetros (pesos e vieses) de uma rede densa com
// as camadas dadas (ex.: [784, 256, 10]), construindo-a com layers.Dense do
// GoMLX e contando as variáveis treináveis que ela criou.
// Cada rede é construída (e compilada) uma vez só: a contagem fica guardada,
// porque a verificação e os testes perguntam pelas mesmas redes muitas vezes.
func ParametrosMLP(camadas []int) int {
	if len(camadas) < 2 {
		return 0
	}
	chave := fmt.Sprint(camadas)
	parametrosMu.Lock()
	defer parametrosMu.Unlock()
	if n, ok := parametrosContados[chave]; ok {
		return n
	}
	n := contaParametrosMLP(camadas)
	parametrosContados[chave] = n
	return n
}

var (
	parametrosMu       sync.Mutex
	parametrosContados = map[string]int{}
)

func contaParametrosMLP(camadas []int) int {
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		for i, n := range camadas[1:] {
			x = layers.Dense(scope.In("camada%d", i), x, true, n)
		}
		return x
	})
	exec.MustCall(make([]float32, camadas[0]))
	return treino.NumParametros(store)
}
