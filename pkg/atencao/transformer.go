package atencao

import (
	"fmt"

	"github.com/gomlx/compute/dtypes"
	. "github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/treino"
)

// Transformer descreve uma pilha de Blocos.
type Transformer struct {
	Dimensao int      // D: o tamanho do vetor de cada posição
	Cabecas  int      // cabeças de atenção por bloco (D precisa ser múltiplo delas)
	Camadas  int      // número de blocos
	Oculta   int      // largura da camada densa de cada bloco (padrão 4·D)
	Posicoes Posicoes // como o modelo sabe a ordem
	Causal   bool     // true: cada posição só olha o passado (para gerar texto)
}

func (c Transformer) oculta() int {
	if c.Oculta > 0 {
		return c.Oculta
	}
	return 4 * c.Dimensao
}

// Assinatura resume a configuração num nome de pasta de checkpoint,
// p.ex. "d64-h4-c2-o256-senoidais-causal".
func (c Transformer) Assinatura() string {
	s := fmt.Sprintf("d%d-h%d-c%d-o%d-%s", c.Dimensao, c.Cabecas, c.Camadas, c.oculta(),
		[...]string{"sem", "senoidais", "aprendidas"}[c.Posicoes])
	if c.Causal {
		s += "-causal"
	}
	return s
}

func (c Transformer) String() string {
	return fmt.Sprintf("Transformer de %d bloco(s), D = %d, %d cabeça(s), %s", c.Camadas, c.Dimensao, c.Cabecas, c.Posicoes)
}

// Aplica passa a sequência x pela entrada, pelas posições e pelos blocos. Com
// simbolos > 0, x [lote, T] traz o número de um símbolo por posição e a
// entrada é uma tabela de vetores (layers.Embedding: a linha do símbolo);
// com simbolos = 0, x [lote, T, F] traz vetores (p.ex. one-hot) e a entrada é
// uma camada densa sem viés — a mesma tabela, escrita como produto. Devolve
// os vetores finais [lote, T, D], normalizados, e os pesos da atenção de cada
// bloco. Com soUltima, o último bloco calcula só a última posição (veja Bloco)
// e a saída é [lote, 1, D].
func (c Transformer) Aplica(scope *model.Scope, x *Node, simbolos int, soUltima bool) (h *Node, pesos []*Node) {
	if simbolos > 0 {
		h = layers.Embedding(scope.In("tabela"), ConvertDType(x, dtypes.Int32), dtypes.Float32, simbolos, c.Dimensao)
	} else {
		h = layers.Dense(scope.In("tabela"), x, false, c.Dimensao)
	}
	h = somaPosicoes(scope, h, c.Posicoes)
	for i := range c.Camadas {
		var p *Node
		h, p = Bloco(scope.In("bloco%d", i), h, c.Cabecas, c.oculta(), c.Causal, soUltima && i == c.Camadas-1)
		pesos = append(pesos, p)
	}
	return Normaliza(scope.In("norma"), h), pesos
}

// Classificador devolve um modelo que lê a sequência e classifica pela
// última posição: [lote, classes]. Com a máscara causal, a última posição é
// a única que viu a sequência inteira; sem ela, qualquer posição serve, e a
// última é a que leva a pergunta nas tarefas da lição. No último bloco, só
// ela pergunta (Bloco com soUltima).
func (c Transformer) Classificador(simbolos, classes int) treino.ModeloFn {
	return func(scope *model.Scope, _ any, entradas []*Node) []*Node {
		h, _ := c.Aplica(scope.In("transformer"), entradas[0], simbolos, true)
		return []*Node{layers.Dense(scope.In("saida"), Squeeze(h, 1), true, classes)}
	}
}

// PorPosicao devolve um modelo que dá, em cada posição, um logit por classe:
// [lote, T, classes]. Com Causal e classes = simbolos, é um modelo de
// linguagem (prevê o próximo símbolo); treine-o com rnn.PerdaPorPasso.
func (c Transformer) PorPosicao(simbolos, classes int) treino.ModeloFn {
	return func(scope *model.Scope, _ any, entradas []*Node) []*Node {
		h, _ := c.Aplica(scope.In("transformer"), entradas[0], simbolos, false)
		return []*Node{layers.Dense(scope.In("saida"), h, true, classes)}
	}
}

// Pesos aplica o Transformer (variáveis em store, treinado como Classificador
// ou PorPosicao) a um exemplo x com a forma dada e devolve os pesos da
// atenção: [bloco][cabeça][consulta][chave]. Com soUltima (o Classificador),
// o último bloco tem uma consulta só, a da última posição.
func (c Transformer) Pesos(store *model.Store, x []float32, forma []int, simbolos int, soUltima bool) [][][][]float32 {
	return pesosDeAtencao(store, c, x, forma, simbolos, soUltima)
}

// Tabela devolve a tabela de vetores da entrada de um Transformer treinado
// com símbolos (a linha k é o vetor do símbolo k), lida de store.
func Tabela(store *model.Store) [][]float32 {
	v := store.GetVariable("/transformer/tabela/embeddings")
	if v == nil {
		panic("atencao.Tabela: este modelo não tem tabela de símbolos (foi treinado com vetores na entrada?)")
	}
	d := v.Shape().Dimensions
	flat := tensors.MustCopyFlatData[float32](v.MustValue())
	linhas := make([][]float32, d[0])
	for i := range linhas {
		linhas[i] = flat[i*d[1] : (i+1)*d[1]]
	}
	return linhas
}
