package gabarito

import (
	"math/rand/v2"
	"sync"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"

	"github.com/go-estudos/representacoes/pkg/enunciado"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rbm"
)

// RBMPequena é enunciado.RBMPequena (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type RBMPequena = enunciado.RBMPequena

// EstadoRBM é enunciado.EstadoRBM (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type EstadoRBM = enunciado.EstadoRBM

// VisivelRBM é enunciado.VisivelRBM (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type VisivelRBM = enunciado.VisivelRBM

// CD1 é enunciado.CD1 (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type CD1 = enunciado.CD1

// matriz converte [][]float64 num tensor [linhas, colunas].
func matriz(m [][]float64) *tensors.Tensor {
	return tensors.FromFlatDataAndDimensions(achata(m), len(m), len(m[0]))
}

var (
	rbmOnce                                   sync.Once
	energiaExec, ocultasExec, livreExec, cdEx *graph.Exec
)

func preparaRBM() {
	rbmOnce.Do(func() {
		b := motor.Backend()
		energiaExec = graph.MustNewExec(b, func(w, bv, c, v, h *graph.Node) *graph.Node {
			return rbm.Energia(graph.InsertAxes(v, 0), graph.InsertAxes(h, 0), w, bv, c)
		})
		ocultasExec = graph.MustNewExec(b, func(w, c, v *graph.Node) *graph.Node {
			return rbm.ProbOcultas(graph.InsertAxes(v, 0), w, c)
		})
		livreExec = graph.MustNewExec(b, func(w, bv, c, v *graph.Node) *graph.Node {
			return rbm.EnergiaLivre(graph.InsertAxes(v, 0), w, bv, c)
		})
		cdEx = graph.MustNewExec(b, func(w, bv, c, v0, v1, taxa *graph.Node) []*graph.Node {
			dw, db, dc := rbm.Estatisticas(v0, v1, w, c)
			return []*graph.Node{
				graph.Add(w, graph.Mul(taxa, dw)),
				graph.Add(bv, graph.Mul(taxa, db)),
				graph.Add(c, graph.Mul(taxa, dc)),
			}
		})
	})
}

// Energia devolve E(v, h) = −b·v − c·h − vᵀWh, calculada por rbm.Energia (GoMLX).
func Energia(e EstadoRBM) float64 {
	preparaRBM()
	r := e.RBM
	return tensors.MustCopyFlatData[float64](energiaExec.MustCall(matriz(r.W), r.B, r.C, e.V, e.H)[0])[0]
}

// ProbOcultas devolve p(hⱼ = 1 | v) para cada oculta j, calculada por
// rbm.ProbOcultas (GoMLX).
func ProbOcultas(e VisivelRBM) []float64 {
	preparaRBM()
	return tensors.MustCopyFlatData[float64](ocultasExec.MustCall(matriz(e.RBM.W), e.RBM.C, e.V)[0])
}

// EnergiaLivre devolve F(v) = −b·v − Σⱼ log(1 + e^{cⱼ + (vW)ⱼ}), calculada
// por rbm.EnergiaLivre (GoMLX).
func EnergiaLivre(e VisivelRBM) float64 {
	preparaRBM()
	r := e.RBM
	return tensors.MustCopyFlatData[float64](livreExec.MustCall(matriz(r.W), r.B, r.C, e.V)[0])[0]
}

// PassoCD1 devolve os parâmetros depois de um passo de CD-1 (sem momento):
// θ ← θ + Taxa·Δθ, com Δθ de rbm.Estatisticas — a mesma função que o treino
// da lição usa.
func PassoCD1(c CD1) RBMPequena {
	preparaRBM()
	r := c.RBM
	s := cdEx.MustCall(matriz(r.W), r.B, r.C, matriz(c.V0), matriz(c.V1), c.Taxa)
	return RBMPequena{
		W: desachata(tensors.MustCopyFlatData[float64](s[0]), len(r.W), len(r.W[0])),
		B: tensors.MustCopyFlatData[float64](s[1]),
		C: tensors.MustCopyFlatData[float64](s[2]),
	}
}

// SorteiaRBM sorteia uma RBM com v visíveis e h ocultas, pesos e vieses
// normais de desvio 1 (para os casos das verificações).
func SorteiaRBM(r *rand.Rand, v, h int) RBMPequena {
	p := RBMPequena{W: make([][]float64, v), B: make([]float64, v), C: make([]float64, h)}
	for i := range v {
		p.W[i] = make([]float64, h)
		for j := range h {
			p.W[i][j] = r.NormFloat64()
		}
		p.B[i] = r.NormFloat64()
	}
	for j := range h {
		p.C[j] = r.NormFloat64()
	}
	return p
}

// SorteiaBinario sorteia n unidades 0 ou 1.
func SorteiaBinario(r *rand.Rand, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(r.IntN(2))
	}
	return x
}
