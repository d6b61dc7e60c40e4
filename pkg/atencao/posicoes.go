package atencao

import (
	"math"

	"github.com/gomlx/compute/shapes"
	. "github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/initializer"
)

// Posicoes diz como um Transformer sabe a ordem da sequência. A atenção
// sozinha não sabe: embaralhe as posições da entrada e as saídas saem
// embaralhadas do mesmo jeito (ela é equivariante a permutações).
type Posicoes int

const (
	SemPosicoes Posicoes = iota // nenhuma informação de ordem
	Senoidais                   // a codificação de senos e cossenos de Vaswani et al. (2017), somada à entrada
	Aprendidas                  // um vetor aprendido por posição, somado à entrada (como no BERT e no GPT-2)
)

func (p Posicoes) String() string {
	return [...]string{"sem posições", "posições senoidais", "posições aprendidas"}[p]
}

// Senoidal devolve a tabela [t, d] da codificação posicional de Vaswani et
// al. (2017): na posição p, o par de colunas (2i, 2i+1) é
// (sen(p/10000^(2i/d)), cos(p/10000^(2i/d))). Cada par gira com uma
// frequência própria, das rápidas às lentas, como os ponteiros de um relógio;
// e a tabela na posição p+k é uma rotação fixa da tabela na posição p, o que
// deixa uma camada linear olhar "k posições atrás".
func Senoidal(t, d int) [][]float64 {
	tabela := make([][]float64, t)
	for p := range tabela {
		tabela[p] = make([]float64, d)
		for j := 0; j < d; j += 2 {
			angulo := float64(p) / math.Pow(10000, float64(j)/float64(d))
			tabela[p][j] = math.Sin(angulo)
			if j+1 < d {
				tabela[p][j+1] = math.Cos(angulo)
			}
		}
	}
	return tabela
}

// somaPosicoes soma a x [lote, T, D] a informação de posição escolhida.
func somaPosicoes(scope *model.Scope, x *Node, p Posicoes) *Node {
	t, d := x.Shape().Dim(1), x.Shape().Dim(2)
	switch p {
	case Senoidais:
		return Add(x, Reshape(ConstAs(x, achata(Senoidal(t, d))), 1, t, d))
	case Aprendidas:
		v := scope.WithInitializer(initializer.RandomNormalFn(scope, 0.02)).
			VariableWithShape("posicoes", shapes.Make(x.DType(), t, d))
		return Add(x, Reshape(v.NodeValue(x.Graph()), 1, t, d))
	}
	return x
}

func achata(m [][]float64) []float32 {
	var v []float32
	for _, l := range m {
		for _, x := range l {
			v = append(v, float32(x))
		}
	}
	return v
}
