package gabarito

import (
	"fmt"
	"sync"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers/attention"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/atencao"
	"github.com/go-estudos/representacoes/pkg/enunciado"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Atencao é enunciado.Atencao (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Atencao = enunciado.Atencao

// AtencaoProdutoEscalar é a atenção por produto escalar com escala,
// softmax(Q·Kᵀ/√d)·V, calculada pela própria atenção do GoMLX
// (attention.Core, a mesma que a attention.MultiHeadAttention usa), com uma
// cabeça e um exemplo no lote.
func AtencaoProdutoEscalar(e Atencao) [][]float64 {
	return memoLicao05("produto:"+fmt.Sprint(e), func() [][]float64 { return atencaoGoMLX(e, false) })
}

// AtencaoCausal é a mesma atenção com a máscara causal do GoMLX
// (attention.Core com UseCausalMask: a posição i só vê as chaves j ≤ i).
func AtencaoCausal(e Atencao) [][]float64 {
	return memoLicao05("causal:"+fmt.Sprint(e), func() [][]float64 { return atencaoGoMLX(e, true) })
}

// execAtencao compila a atenção uma vez por forma de entrada (o Exec guarda
// cada versão compilada), sem e com a máscara causal.
var execAtencao = sync.OnceValue(func() [2]*graph.Exec {
	var ex [2]*graph.Exec
	for i, causal := range []bool{false, true} {
		ex[i] = graph.MustNewExec(motor.Backend(), func(q, k, v *graph.Node) *graph.Node {
			saida, _ := attention.Core(q, k, v, attention.LayoutBSHD, attention.CoreOptions{UseCausalMask: causal})
			return saida
		})
	}
	return ex
})

func atencaoGoMLX(e Atencao, causal bool) [][]float64 {
	n, m := len(e.Q), len(e.K)
	d, dv := len(e.Q[0]), len(e.V[0])
	// A forma das entradas do attention.Core: [lote, posições, cabeças, tamanho].
	q := tensors.FromFlatDataAndDimensions(achata(e.Q), 1, n, 1, d)
	k := tensors.FromFlatDataAndDimensions(achata(e.K), 1, m, 1, d)
	v := tensors.FromFlatDataAndDimensions(achata(e.V), 1, m, 1, dv)
	i := 0
	if causal {
		i = 1
	}
	saida := tensors.MustCopyFlatData[float64](execAtencao()[i].MustCall(q, k, v)[0])
	return desachata(saida, n, dv)
}

// Posicional é enunciado.Posicional (o tipo mora lá, onde o aluno o procura;
// o nome daqui serve ao gabarito e às cópias antigas das lições).
type Posicional = enunciado.Posicional

// CodificacaoSenoidal é a codificação posicional de Vaswani et al. (2017),
// calculada no GoMLX: PE[pos][2i] = sen(pos/10000^(2i/d)) e PE[pos][2i+1] =
// cos(pos/10000^(2i/d)), posições a partir de 0, senos e cossenos
// intercalados. Com d ímpar, a última coluna (a 2i = d−1) é um seno sem o
// cosseno par dele.
func CodificacaoSenoidal(p Posicional) [][]float64 {
	return memoLicao05(fmt.Sprint(p), func() [][]float64 {
		pares := (p.Dimensao + 1) / 2 // quantos pares (seno, cosseno), o último talvez sem cosseno
		exec := graph.MustNewExec(motor.Backend(), func(g *graph.Graph) *graph.Node {
			pos := graph.Iota(g, shapes.Make(dtypes.Float64, p.Posicoes, 1), 0) // [posições, 1]
			i := graph.Iota(g, shapes.Make(dtypes.Float64, 1, pares), 1)        // [1, pares]
			freq := graph.Pow(graph.Scalar(g, dtypes.Float64, 10000), graph.DivScalar(graph.MulScalar(i, -2), float64(p.Dimensao)))
			angulo := graph.Mul(pos, freq)                                             // [posições, pares]
			pe := graph.Stack([]*graph.Node{graph.Sin(angulo), graph.Cos(angulo)}, -1) // [posições, pares, 2]
			pe = graph.Reshape(pe, p.Posicoes, 2*pares)                                // sen, cos, sen, cos…
			return graph.Slice(pe, graph.AxisRange(), graph.AxisRange(0, p.Dimensao))  // corta o cosseno que sobra
		})
		return desachata(tensors.MustCopyFlatData[float64](exec.MustCall()[0]), p.Posicoes, p.Dimensao)
	})
}

// Bloco é enunciado.Bloco (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Bloco = enunciado.Bloco

// ParametrosDoBloco conta os parâmetros do bloco da lição (atencao.Bloco,
// com a normalização antes de cada parte, como no GPT-2): monta o grafo de um
// bloco (sem compilá-lo) e conta as variáveis que ele criou — as duas
// normalizações de camada (ganho e deslocamento), as projeções Q, K, V e de
// saída da atenção (todas com viés, cabeças de tamanho D/h) e a rede densa
// D → Oculta → D (com viés).
func ParametrosDoBloco(b Bloco) int {
	store := model.NewStore()
	g := graph.NewGraph(motor.Backend(), "parametros")
	defer g.Finalize()
	x := graph.Zeros(g, shapes.Make(dtypes.Float32, 1, 3, b.Dimensao))
	atencao.Bloco(store.RootScope(), x, b.Cabecas, b.Oculta, false, false) // o bloco da lição, do pacote atencao
	return treino.NumParametros(store)
}

// memoLicao05 guarda as respostas de referência já calculadas (cada forma de
// entrada compila um grafo no GoMLX): os testes conferem muitas respostas
// erradas nos mesmos casos.
var memoLicao05Cache sync.Map

func memoLicao05(chave string, calcula func() [][]float64) [][]float64 {
	if v, ok := memoLicao05Cache.Load(chave); ok {
		return copiaMatriz01(v.([][]float64))
	}
	v := calcula()
	memoLicao05Cache.Store(chave, v)
	return copiaMatriz01(v)
}
