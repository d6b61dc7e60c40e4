package rnn

import (
	"fmt"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/chaves"
)

// Camada descreve uma camada recorrente: células de um tipo, com estado
// oculto de tamanho Oculta, empilhadas Camadas vezes (a primeira lê a
// sequência de entrada; cada uma das outras lê a sequência de estados da
// anterior). Camadas = 0 vale 1.
type Camada struct {
	Tipo    Tipo
	Oculta  int
	Camadas int
}

func (c Camada) camadas() int { return max(1, c.Camadas) }

// String descreve a camada, p.ex. "LSTM 2×64" (2 camadas de 64).
func (c Camada) String() string {
	if c.camadas() == 1 {
		return fmt.Sprintf("%s %d", c.Tipo, c.Oculta)
	}
	return fmt.Sprintf("%s %d×%d", c.Tipo, c.camadas(), c.Oculta)
}

// Assinatura é um nome curto, só com letras minúsculas, algarismos e
// hífens, para nomes de checkpoint: "lstm-2x64".
func (c Camada) Assinatura() string {
	nomes := map[Tipo]string{Simples: "simples", LSTM: "lstm", GRU: "gru"}
	return fmt.Sprintf("%s-%dx%d", nomes[c.Tipo], c.camadas(), c.Oculta)
}

// Aplica desenrola a camada sobre a sequência x [lote, tempo, entrada],
// começando do estado zero. Devolve a sequência de estados ocultos da
// última célula da pilha, [lote, tempo, oculta], e o estado final de cada
// célula da pilha (final[len-1].H é o resumo da sequência inteira).
//
// As variáveis de cada célula ficam em scope.In("celula0"), scope.In("celula1"), …
func (c Camada) Aplica(scope *model.Scope, x *graph.Node) (saidas *graph.Node, final []Estado) {
	if c.Oculta <= 0 {
		panic("rnn.Camada: Oculta deve ser positivo")
	}
	if x.Rank() != 3 {
		panic(fmt.Sprintf("rnn.Camada: a entrada deve ter forma [lote, tempo, características], recebi %s", x.Shape()))
	}
	g := x.Graph()
	lote, tempo := x.Shape().Dim(0), x.Shape().Dim(1)
	// A sequência vira uma lista de T tensores [lote, características]. Cada
	// célula da pilha lê a lista da anterior e produz a sua: passar listas,
	// em vez de um tensor [lote, tempo, …] cortado a cada passo, deixa o
	// gradiente (e a compilação) proporcional a T, e não a T².
	seq := make([]*graph.Node, tempo)
	for t := range tempo {
		seq[t] = graph.Reshape(graph.SliceAxis(x, 1, graph.AxisElem(t)), lote, -1)
	}
	for k := range c.camadas() {
		p := NovosPesos(scope.In("celula%d", k), g, c.Tipo, seq[0].Shape().Dim(1), c.Oculta, x.DType())
		// cel0 faz o passo 0; cel, os outros. Com o gradiente dos pesos no tempo,
		// elas usam os pesos de jeitos diferentes (veja pesosNoTempo).
		var cel0, cel celula
		if chaves.GradienteDosPesosNoTempo && tempo > 1 {
			pt, p0, outros := novoPesosNoTempo(p, tempo, partes(c.Tipo))
			cel = novaCelula(outros, lote)
			cel0 = novaCelula(p0, lote)
			cel0.identidade = cel.identidade // a mesma matriz do corte nas duas
			cel0.pt, cel.pt = pt, pt
		} else {
			cel = novaCelula(p, lote)
			cel0 = cel
		}
		e := EstadoInicial(g, c.Tipo, lote, c.Oculta, x.DType())
		for t := range tempo {
			cc := cel
			if t == 0 {
				cc = cel0
			}
			cc.t = t
			e = cc.passo(seq[t], e)
			seq[t] = e.H
		}
		final = append(final, e)
	}
	return graph.Stack(seq, 1), final
}

// Ultimo aplica a camada e devolve só o estado oculto final da última
// célula, [lote, oculta]: o resumo da sequência que um classificador ou um
// regressor usa.
func (c Camada) Ultimo(scope *model.Scope, x *graph.Node) *graph.Node {
	_, final := c.Aplica(scope, x)
	return final[len(final)-1].H
}
