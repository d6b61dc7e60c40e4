package atencao

import (
	. "github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/layers/norm"
	"github.com/gomlx/gomlx/ml/model"
)

// Normaliza é a normalização de camada (Ba, Kiros e Hinton, 2016): cada
// vetor [.., D] vira média 0 e variância 1 nos seus D valores, depois ganha
// um ganho e um deslocamento aprendidos (2·D parâmetros). Ao contrário da
// normalização em lote, não depende dos outros exemplos do lote.
func Normaliza(scope *model.Scope, x *Node) *Node {
	return norm.LayerNorm(scope, x, -1).Done()
}

// Bloco é um bloco do Transformer sobre x [lote, T, D], com a normalização
// antes de cada parte (como no GPT-2; o artigo original a punha depois, e a
// versão de antes treina com menos cuidado com a taxa de aprendizado):
//
//	x ← x + AutoAtencao(Normaliza(x))       as posições conversam
//	x ← x + Densa₂(ReLU(Densa₁(Normaliza(x))))  cada posição pensa sozinha
//
// As somas são conexões residuais (He et al., 2016): o bloco aprende só a
// correção, e o gradiente passa direto por elas. oculta é a largura da camada
// densa (tipicamente 4·D). Com soUltima, só a última posição pergunta (as
// chaves e os valores vêm de todas) e só ela segue: a saída é [lote, 1, D],
// igual à última posição do bloco inteiro, com T vezes menos contas (é o que
// o último bloco de um classificador pela última posição precisa). Devolve a
// saída [lote, T, D] e os pesos da atenção.
func Bloco(scope *model.Scope, x *Node, cabecas, oculta int, causal, soUltima bool) (y, pesos *Node) {
	n := Normaliza(scope.In("norma1"), x)
	consultas := n
	if soUltima {
		x, consultas = Ultima(x), Ultima(n)
	}
	a, pesos := Atencao(scope.In("atencao"), consultas, n, cabecas, causal)
	x = Add(x, a)
	h := layers.Dense(scope.In("densa1"), Normaliza(scope.In("norma2"), x), true, oculta)
	h = layers.Dense(scope.In("densa2"), activation.Relu(h), true, x.Shape().Dim(-1))
	return Add(x, h), pesos
}

// Ultima devolve a última posição de x [lote, T, D], como [lote, 1, D].
func Ultima(x *Node) *Node {
	t := x.Shape().Dim(1)
	return Slice(x, AxisRange(), AxisRange(t-1, t), AxisRange())
}
