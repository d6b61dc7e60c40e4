package rnn

import (
	"slices"
	"time"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// Velocidade é o custo de uma camada num passo de treino (ida e volta).
type Velocidade struct {
	Compilar time.Duration // montar e compilar o grafo (uma vez por forma de entrada)
	Passo    time.Duration // uma execução já compilada: a camada e o gradiente de todos os pesos
}

// MedeVelocidade mede a camada c sobre lotes [lote, tempo, entrada] de
// zeros: quanto custa compilar o grafo da ida e da volta (o estado final e
// o gradiente de uma soma dele em relação a todos os pesos) e, depois,
// quanto leva cada execução (a mediana de `repeticoes`). É a parte
// recorrente de um passo de treino, sem o otimizador.
func MedeVelocidade(c Camada, lote, tempo, entrada, repeticoes int) Velocidade {
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		h := c.Ultimo(scope, x)
		perda := graph.ReduceAllSum(h)
		var pesos []*graph.Node
		for v := range store.IterVariables() {
			pesos = append(pesos, v.NodeValue(x.Graph()))
		}
		for _, g := range graph.Gradient(perda, pesos...) {
			perda = graph.Add(perda, graph.ReduceAllSum(g)) // usa todos os gradientes
		}
		return perda
	})
	x := tensors.FromFlatDataAndDimensions(make([]float32, lote*tempo*entrada), lote, tempo, entrada)
	inicio := time.Now()
	exec.MustCall(x)
	v := Velocidade{Compilar: time.Since(inicio)}
	tempos := make([]time.Duration, max(1, repeticoes))
	for i := range tempos {
		inicio = time.Now()
		exec.MustCall(x)
		tempos[i] = time.Since(inicio)
	}
	slices.Sort(tempos)
	v.Passo = tempos[len(tempos)/2]
	return v
}
