package gabarito

import (
	"math"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"

	"github.com/go-estudos/representacoes/pkg/enunciado"
	"github.com/go-estudos/representacoes/pkg/gan"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// Notas é enunciado.Notas (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Notas = enunciado.Notas

// logits leva probabilidades p a logits l = log p − log(1−p), com σ(l) = p.
func logits(p []float64) []float64 {
	l := make([]float64, len(p))
	for i, v := range p {
		l[i] = math.Log(v) - math.Log1p(-v)
	}
	return l
}

// PerdaD é a perda do discriminador, calculada por gan.PerdaD (no GoMLX) a
// partir dos logits correspondentes às notas.
func PerdaD(n Notas) float64 {
	exec := graph.MustNewExec(motor.Backend(), func(r, f *graph.Node) *graph.Node { return gan.PerdaD(r, f) })
	return tensors.ToScalar[float64](exec.MustCall(logits(n.Reais), logits(n.Falsos))[0])
}

// PerdaG é a perda não saturante do gerador, −média log D(G(z)), calculada
// por gan.PerdaGNaoSaturante.
func PerdaG(falsos []float64) float64 {
	exec := graph.MustNewExec(motor.Backend(), func(f *graph.Node) *graph.Node { return gan.PerdaGNaoSaturante(f) })
	return tensors.ToScalar[float64](exec.MustCall(logits(falsos))[0])
}

// Interpolacao é enunciado.Interpolacao (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Interpolacao = enunciado.Interpolacao

// Interpola calcula a interpolação linear no GoMLX: z(t) = De + t·(Ate − De),
// com t = 0, 1/(Passos−1), …, 1.
func Interpola(e Interpolacao) [][]float64 {
	if e.Passos < 2 || len(e.De) == 0 {
		return [][]float64{}
	}
	ts := make([]float64, e.Passos)
	for k := range ts {
		ts[k] = float64(k) / float64(e.Passos-1)
	}
	exec := graph.MustNewExec(motor.Backend(), func(de, ate, t *graph.Node) *graph.Node {
		t = graph.InsertAxes(t, -1)                                                                      // [passos, 1]
		return graph.Add(graph.InsertAxes(de, 0), graph.Mul(t, graph.InsertAxes(graph.Sub(ate, de), 0))) // [passos, dim]
	})
	plano := tensors.MustCopyFlatData[float64](exec.MustCall(e.De, e.Ate, ts)[0])
	return desachata(plano, e.Passos, len(e.De))
}

// Cobertura é enunciado.Cobertura (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Cobertura = enunciado.Cobertura

// CoberturaAnel mede pontos do anel da lição (gan.AnelPadrao) com
// Anel.Cobertura: alta qualidade = a menos de 3σ de um centro; modo coberto
// = pelo menos gan.MinimoPorModo das amostras perto dele.
func CoberturaAnel(pontos [][2]float64) Cobertura {
	plano := make([]float32, 0, 2*len(pontos))
	for _, p := range pontos {
		plano = append(plano, float32(p[0]), float32(p[1]))
	}
	m := gan.AnelPadrao().Cobertura(plano)
	return Cobertura{Modos: m.Modos, Qualidade: m.Qualidade}
}

// Transposta é enunciado.Transposta (o tipo mora lá, onde o aluno o procura).
type Transposta = enunciado.Transposta

// SaidaTransposta devolve o lado da saída de uma convolução transposta, lido
// da forma do nó que gan.ConvTransposta monta no GoMLX para uma imagem
// c.Entrada×c.Entrada e um núcleo c.Nucleo×c.Nucleo (o grafo só é montado,
// não roda).
func SaidaTransposta(c Transposta) int {
	g := graph.NewGraph(motor.Backend(), "saida-transposta")
	x := graph.Zeros(g, shapes.Make(dtypes.Float32, 1, c.Entrada, c.Entrada, 1))
	nucleo := graph.Zeros(g, shapes.Make(dtypes.Float32, c.Nucleo, c.Nucleo, 1, 1))
	return gan.ConvTransposta(x, nucleo, c.Passo, c.Preenchimento).Shape().Dimensions[1]
}
