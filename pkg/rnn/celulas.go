package rnn

import (
	"fmt"
	"math"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/initializer"

	"github.com/go-estudos/representacoes/internal/chaves"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// Tipo é o tipo de célula recorrente.
type Tipo int

const (
	// Simples é a RNN de Elman (1990): h' = tanh(x·W + h·U + b).
	Simples Tipo = iota
	// LSTM é a célula de memória de longo e curto prazo (Hochreiter e
	// Schmidhuber, 1997), com porta de esquecimento (Gers et al., 2000).
	LSTM
	// GRU é a unidade recorrente com portas (Cho et al., 2014).
	GRU
)

// Tipos lista os três tipos, na ordem em que a lição os apresenta.
var Tipos = []Tipo{Simples, LSTM, GRU}

// String devolve o nome do tipo: "RNN simples", "LSTM" ou "GRU".
func (t Tipo) String() string {
	switch t {
	case Simples:
		return "RNN simples"
	case LSTM:
		return "LSTM"
	case GRU:
		return "GRU"
	}
	return fmt.Sprintf("Tipo(%d)", int(t))
}

// Blocos diz quantos blocos de tamanho `oculta` os pesos da célula têm lado
// a lado, e em que ordem:
//
//	Simples: 1 (o candidato h̃)
//	LSTM:    4 (porta de entrada i, porta de esquecimento f, candidato g, porta de saída o)
//	GRU:     3 (porta de atualização z, porta de reinício r, candidato h̃)
func (t Tipo) Blocos() int {
	switch t {
	case LSTM:
		return 4
	case GRU:
		return 3
	}
	return 1
}

// Pesos são os parâmetros de uma célula, já como nós de um grafo:
// W [entrada, k·oculta], U [oculta, k·oculta] e B [k·oculta], com os k
// blocos na ordem de Tipo.Blocos.
type Pesos struct {
	Tipo    Tipo
	W, U, B *graph.Node
}

// Oculta devolve o tamanho do estado oculto.
func (p Pesos) Oculta() int { return p.U.Shape().Dim(0) }

// NovosPesos cria (ou reusa, se já existirem) as variáveis "W", "U" e "b"
// de uma célula no escopo dado e devolve seus valores no grafo g. Chame-a
// uma vez por célula e use os mesmos Pesos em todos os passos de tempo: é
// isso que faz a rede ser recorrente.
func NovosPesos(scope *model.Scope, g *graph.Graph, tipo Tipo, entrada, oculta int, dtype dtypes.DType) Pesos {
	k := tipo.Blocos()
	lim := 1 / math.Sqrt(float64(oculta))
	sorteio := scope.WithInitializer(initializer.RandomUniformFn(scope, -lim, lim))
	w := sorteio.VariableWithShape("W", shapes.Make(dtype, entrada, k*oculta)).NodeValue(g)
	u := sorteio.VariableWithShape("U", shapes.Make(dtype, oculta, k*oculta)).NodeValue(g)
	inicial := make([]float64, k*oculta)
	// A porta que decide manter a memória começa com viés 1 (σ(1) ≈ 0,73):
	// na LSTM a de esquecimento f (bloco 1), na GRU a de atualização z
	// (bloco 0). Assim, no começo do treino, o estado passa adiante quase
	// inteiro, e o gradiente chega mais longe no tempo: pelo caminho da
	// memória, ele é multiplicado por ~0,73 a cada passo, e não por 0,5 (viés
	// 0). É a recomendação de R. Jozefowicz, W. Zaremba e I. Sutskever (2015),
	// "An empirical exploration of recurrent network architectures", ICML; a
	// lição 02 mostra o efeito nas curvas de gradiente sem treino.
	manter := map[Tipo]int{LSTM: 1, GRU: 0}
	if k, ok := manter[tipo]; ok {
		for j := k * oculta; j < (k+1)*oculta; j++ {
			inicial[j] = 1
		}
	}
	vies := scope.WithInitializer(func(g *graph.Graph, s shapes.Shape) *graph.Node {
		return graph.ConvertDType(graph.Const(g, inicial), s.DType)
	})
	b := vies.VariableWithShape("b", shapes.Make(dtype, k*oculta)).NodeValue(g)
	return Pesos{Tipo: tipo, W: w, U: u, B: b}
}

// Estado é o estado de uma célula entre dois passos: H é o estado oculto
// [lote, oculta] (a saída da célula); C é a memória da LSTM (nil nos outros
// tipos).
type Estado struct {
	H, C *graph.Node
}

// EstadoInicial devolve o estado zero para um lote de `lote` sequências.
func EstadoInicial(g *graph.Graph, tipo Tipo, lote, oculta int, dtype dtypes.DType) Estado {
	e := Estado{H: graph.Zeros(g, shapes.Make(dtype, lote, oculta))}
	if tipo == LSTM {
		e.C = graph.Zeros(g, shapes.Make(dtype, lote, oculta))
	}
	return e
}

// Passo aplica a célula a um passo de tempo: x [lote, entrada] e o estado
// anterior dão o novo estado. As equações (⊙ é o produto elemento a
// elemento, σ a sigmoide):
//
// RNN simples:
//
//	h' = tanh(x·W + h·U + b)
//
// LSTM:
//
//	i = σ(x·Wᵢ + h·Uᵢ + bᵢ)    f = σ(x·W_f + h·U_f + b_f)
//	g = tanh(x·W_g + h·U_g + b_g)    o = σ(x·Wₒ + h·Uₒ + bₒ)
//	c' = f ⊙ c + i ⊙ g
//	h' = o ⊙ tanh(c')
//
// GRU (a formulação original de Cho et al., 2014, a mesma do d2l.ai):
//
//	z = σ(x·W_z + h·U_z + b_z)    r = σ(x·W_r + h·U_r + b_r)
//	h̃ = tanh(x·W_h + (r ⊙ h)·U_h + b_h)
//	h' = z ⊙ h + (1 − z) ⊙ h̃
func Passo(p Pesos, x *graph.Node, e Estado) Estado {
	return novaCelula(p, x.Shape().Dim(0)).passo(x, e)
}

// celula guarda os pesos de uma célula já preparados para o desenrolar: os
// pedaços de U que a GRU usa separados uma vez só, e o viés pronto para a
// soma com x·W [lote, k·oculta] (motor.ViesNasLinhas: no motor Go puro,
// repetido no lote uma vez para os T passos).
type celula struct {
	Pesos
	n       int
	b       *graph.Node // [1, k·oculta] ou, no Go puro, [lote, k·oculta]
	uzr, uh *graph.Node // GRU: U das portas z e r, [oculta, 2·oculta]; U do candidato, [oculta, oculta]

	identidade *graph.Node // [blocoDoCorte, blocoDoCorte] (ou [oculta, oculta]), para o corte; nil sem o corte

	// juntaPortas: no motor Go puro, as portas saem de divide com o
	// gradiente junto (veja divide).
	juntaPortas bool

	// pt, se não for nil, anota o passo t para o gradiente dos pesos num
	// produto só (veja pesosNoTempo).
	pt *pesosNoTempo
	t  int
}

func novaCelula(p Pesos, lote int) celula {
	c := celula{Pesos: p, n: p.Oculta(), b: motor.ViesNasLinhas(p.B, lote)}
	if chaves.CorteDeFusao && !motor.GoPuro(p.U.Graph()) {
		tam := c.n
		if tam%blocoDoCorte == 0 {
			tam = blocoDoCorte
		}
		c.identidade = graph.ConvertDType(graph.Diagonal(p.U.Graph(), tam), p.U.DType())
	}
	c.juntaPortas = chaves.JuntaGradienteDasPortas && motor.GoPuro(p.U.Graph())
	if p.Tipo == GRU {
		c.uzr = graph.SliceAxis(p.U, -1, graph.AxisRange(0, 2*c.n))
		c.uh = graph.SliceAxis(p.U, -1, graph.AxisRange(2*c.n, 3*c.n))
	}
	return c
}

// bloco devolve o i-ésimo bloco de tamanho oculta de v [lote, k·oculta].
func (c celula) bloco(v *graph.Node, i int) *graph.Node {
	return graph.SliceAxis(v, -1, graph.AxisRange(i*c.n, (i+1)*c.n))
}

// passo é Passo, com os pesos já preparados.
func (c celula) passo(x *graph.Node, e Estado) Estado {
	if c.pt != nil {
		c.pt.x[c.t] = x
	}
	xw := graph.Add(graph.Dot(x, c.W).Product(), c.b) // a parte que só depende da entrada
	switch c.Tipo {
	case Simples:
		return Estado{H: graph.Tanh(c.anota(0, e.H, graph.Add(xw, graph.Dot(e.H, c.U).Product())))}
	case LSTM:
		z := c.anota(0, e.H, graph.Add(xw, graph.Dot(e.H, c.U).Product()))
		if c.juntaPortas { // no motor Go puro (veja divide)
			p := divide(z, c.n, c.n, c.n, c.n)
			i, f, g, o := graph.Sigmoid(p[0]), graph.Sigmoid(p[1]), graph.Tanh(p[2]), graph.Sigmoid(p[3])
			m := c.corte(graph.Add(graph.Mul(f, e.C), graph.Mul(i, g)))
			return Estado{H: graph.Mul(o, graph.Tanh(m)), C: m}
		}
		// Uma sigmoide só sobre os 4 blocos (a do bloco g sobra): o XLA
		// guarda um resultado por passo em vez de três, e o passo de treino
		// fica ~10% mais rápido. As portas são as mesmas.
		portas := graph.Sigmoid(z)
		i, f := c.bloco(portas, 0), c.bloco(portas, 1)
		g, o := graph.Tanh(c.bloco(z, 2)), c.bloco(portas, 3)
		m := graph.Add(graph.Mul(f, e.C), graph.Mul(i, g))
		m = c.corte(m)
		return Estado{H: graph.Mul(o, graph.Tanh(m)), C: m}
	case GRU:
		xzr, xh := c.fatias(xw, 2*c.n, c.n) // a parte de x·W+b das portas z e r; a do candidato
		zr := c.anota(0, e.H, graph.Add(xzr, graph.Dot(e.H, c.uzr).Product()))
		z, r := c.fatias(zr, c.n, c.n)
		z, r = graph.Sigmoid(z), graph.Sigmoid(r)
		rh := graph.Mul(r, e.H)
		candidato := graph.Tanh(c.anota(1, rh, graph.Add(xh, graph.Dot(rh, c.uh).Product())))
		h := graph.Add(graph.Mul(z, e.H), graph.Mul(graph.OneMinus(z), candidato))
		return Estado{H: c.corte(h)}
	}
	panic(fmt.Sprintf("rnn: tipo de célula desconhecido (%d)", int(c.Tipo)))
}

// fatias corta v [lote, a+b] em [lote, a] e [lote, b]: com SliceAxis, ou,
// com juntaPortas, com divide (a mesma conta, outro gradiente).
func (c celula) fatias(v *graph.Node, a, b int) (*graph.Node, *graph.Node) {
	if c.juntaPortas {
		p := divide(v, a, b)
		return p[0], p[1]
	}
	return graph.SliceAxis(v, -1, graph.AxisRange(0, a)), graph.SliceAxis(v, -1, graph.AxisRange(a, a+b))
}

// anota não muda a conta da ida: se a célula calcula o gradiente dos pesos
// num produto só (veja pesosNoTempo), passa a parte j da pré-ativação z (a
// é o que multiplicou U) por uma identidade que guarda o gradiente que
// chegar a ela; se não, devolve z.
func (c celula) anota(j int, a, z *graph.Node) *graph.Node {
	if c.pt == nil {
		return z
	}
	return c.pt.anota(c.t, j, a, z)
}

// corte multiplica v [lote, oculta] pela matriz identidade: não muda nada
// na conta (x·1 + 0·y = x, exatamente), mas impede o XLA de fundir os passos
// de tempo num só bloco.
//
// Por quê: na LSTM a memória passa de um passo ao outro só por operações
// elemento a elemento (c' = f ⊙ c + i ⊙ g), e na GRU o estado também
// (h' = z ⊙ h + (1 − z) ⊙ h̃). O XLA funde cadeias de operações elemento a
// elemento num só "kernel" e, quando um valor tem vários usos, recalcula-o
// em cada um: ao longo de T passos (e no gradiente), isso vira trabalho
// proporcional a T²: numa LSTM longa, o corte deixa a compilação e cada
// passo muitas vezes mais curtos. Um produto de matrizes o XLA não funde com
// o resto, e este custaria oculta² multiplicações por exemplo; em blocos de
// 16 (v vira [lote·oculta/16, 16] e é multiplicado pela identidade 16×16)
// custa 16, e o corte é o mesmo, um pouco mais barato com estado grande (no
// tamanho da lição, 32, a diferença fica no ruído). As medidas estão em
// DESEMPENHO.md (item 3 e variante "sem-corte").
// Na RNN simples o estado já passa por h·U a cada passo: não precisa. No
// motor Go puro, que não funde operações, também não: lá o corte seria só
// custo.
func (c celula) corte(v *graph.Node) *graph.Node {
	if c.identidade == nil {
		return v
	}
	tam := c.identidade.Shape().Dim(0)
	return graph.Reshape(graph.Dot(graph.Reshape(v, -1, tam), c.identidade).Product(), v.Shape().Dimensions...)
}

// divide (no motor Go puro; o bench a desliga com
// chaves.JuntaGradienteDasPortas) corta v [lote, Σ tamanhos] em pedaços lado a lado, de colunas
// tamanhos[0], tamanhos[1], …, como SliceAxis faria; a conta da ida é a mesma.
// Muda a volta: o gradiente de um SliceAxis no GoMLX é um Pad (o gradiente do
// pedaço, com zeros no resto das colunas), e os k pedaços viram k Pads do
// tamanho de v e k − 1 somas; aqui o gradiente de v é a concatenação dos
// gradientes dos pedaços, uma operação só. O XLA funde os Pads e as somas
// (e lá a célula usa as fatias de sempre); o motor Go puro faz um de cada
// vez: na LSTM da lição, os Pads, as somas e os zeros eram ~15% do passo.
//
// Como: cada pedaço sai de uma identidade que anota o gradiente que chega a
// ele, e os pedaços são fatias de uma identidade de v cujo gradiente é a
// concatenação das anotações (um pedaço sem anotação conta como zeros). O
// GoMLX só calcula o gradiente de um nó depois dos de todos os que o usam:
// quando pede o de v, as anotações da mesma chamada de graph.Gradient já
// estão lá, e são apagadas depois de usadas. Os Pads que o GoMLX ainda monta
// para as fatias não são usados por nada e o motor não os executa.
// TestJuntaGradienteDasPortasNaoMudaAConta compara com as fatias de sempre.
func divide(v *graph.Node, tamanhos ...int) []*graph.Node {
	anotados := make([]*graph.Node, len(tamanhos))
	fatias := make([]*graph.Node, len(tamanhos))
	inteiro := graph.IdentityWithCustomGradient(v, func(_, _ *graph.Node) *graph.Node {
		partes := make([]*graph.Node, len(tamanhos))
		for i, d := range anotados {
			if d == nil {
				d = graph.ZerosLike(fatias[i])
			}
			partes[i] = d
		}
		clear(anotados)
		return graph.Concatenate(partes, -1)
	})
	pedacos := make([]*graph.Node, len(tamanhos))
	inicio := 0
	for i, t := range tamanhos {
		fatias[i] = graph.SliceAxis(inteiro, -1, graph.AxisRange(inicio, inicio+t))
		pedacos[i] = graph.IdentityWithCustomGradient(fatias[i], func(_, d *graph.Node) *graph.Node {
			anotados[i] = d
			return d
		})
		inicio += t
	}
	return pedacos
}

// blocoDoCorte é o tamanho dos blocos do corte de fusão (veja corte).
const blocoDoCorte = 16
