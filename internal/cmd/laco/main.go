// Comando laco mede uma ideia para a velocidade da LSTM no XLA: um laço no
// tempo (graph.While, novo no GoMLX v0.27) em vez do grafo desenrolado.
//
// O GoMLX v0.28.2 não sabe derivar um While; por isso a volta (a BPTT) é
// escrita à mão, noutro While que anda de trás para a frente no tempo, e
// entra no gradiente do GoMLX por identidades de gradiente próprio (o mesmo
// jeito de pkg/rnn/pesosnotempo.go). O laço só roda no motor XLA: o motor Go
// puro (compute v0.1.3) não tem DynamicSlice.
//
// Para o tamanho de estado dado (-oculta), compara com a camada do curso
// (rnn.Camada.Ultimo, desenrolada): o tempo da 1ª execução (compilar o grafo
// de ida e volta e rodá-lo) e o de cada passo depois, alternando as duas; com
// -confere, também a perda e os gradientes (têm de ser iguais, a menos do
// arredondamento). Uso:
//
//	go run ./internal/cmd/laco -oculta 32 -lote 64 -confere
//
// O que se mediu está em scripts/bench/otimizacoes.md ("O laço no tempo").
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"time"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rnn"
)

func main() {
	lote := flag.Int("lote", 64, "tamanho do lote")
	tempo := flag.Int("tempo", 30, "passos de tempo (os da tarefa da memória do bench)")
	oculta := flag.Int("oculta", 32, "tamanho do estado oculto")
	entrada := flag.Int("entrada", 9, "valores por passo da entrada")
	passos := flag.Int("passos", 50, "passos medidos depois da 1ª execução")
	confere := flag.Bool("confere", false, "confere a perda e os gradientes do laço contra os da camada do curso")
	flag.Parse()
	motor.Backend()
	if !motor.EscolhaAtual().XLA() {
		fmt.Fprintln(os.Stderr, "laco: o laço precisa do motor XLA (o motor Go puro não tem DynamicSlice)")
		os.Exit(1)
	}
	m := Medida{Lote: *lote, Tempo: *tempo, Oculta: *oculta, Entrada: *entrada}
	res := map[bool][]*tensors.Tensor{}
	for _, laco := range []bool{false, true, false, true} {
		saidas, primeira, passo := m.Mede(laco, *passos)
		res[laco] = saidas
		nome := "desenrolada (curso)"
		if laco {
			nome = "laço (While)"
		}
		fmt.Printf("%-20s 1ª execução: %5.2f s   passo: %6.2f ms\n", nome, primeira.Seconds(), passo.Seconds()*1000)
	}
	if *confere {
		for i, nome := range Saidas {
			fmt.Printf("%s: diferença relativa máxima %.2g\n", nome, DiferencaRelativa(res[false][i], res[true][i]))
		}
	}
}

// Saidas são os nomes das saídas de Medida.Mede, na ordem.
var Saidas = []string{"perda", "gradiente de x", "gradiente de W", "gradiente de U", "gradiente de b"}

// Medida descreve o problema: uma LSTM lê x [Lote, Tempo, Entrada]; a perda
// é Σ (h_T·P)², com P fixa, e o grafo calcula a perda e os gradientes de x,
// W, U e b.
type Medida struct{ Lote, Tempo, Oculta, Entrada int }

// Mede compila e roda o grafo (com o laço ou com a camada do curso) e devolve
// a perda e os gradientes, o tempo da 1ª execução e o de um passo (média de
// n). Os dados e os pesos são os mesmos nas duas versões (mesma semente).
func (m Medida) Mede(laco bool, n int) (saidas []*tensors.Tensor, primeira, passo time.Duration) {
	r := rand.New(rand.NewPCG(1, 2))
	sorteia := func(dims ...int) *tensors.Tensor {
		t := tensors.FromShape(shapes.Make(dtypes.Float32, dims...))
		tensors.MustMutableFlatData(t, func(v []float32) {
			for i := range v {
				v[i] = float32(r.NormFloat64() * 0.3)
			}
		})
		return t
	}
	x, p := sorteia(m.Lote, m.Tempo, m.Entrada), sorteia(m.Oculta, 8)
	store := model.NewStore()
	store.SetRNGStateFromSeed(7)
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x, p *graph.Node) []*graph.Node {
		g := x.Graph()
		var h *graph.Node
		if laco {
			pesos := rnn.NovosPesos(scope.In("rnn").In("celula0"), g, rnn.LSTM, m.Entrada, m.Oculta, x.DType())
			h = LSTMNoLaco(x, pesos)
		} else {
			h = rnn.Camada{Tipo: rnn.LSTM, Oculta: m.Oculta}.Ultimo(scope.In("rnn"), x)
		}
		perda := graph.ReduceAllSum(graph.Square(graph.Dot(h, p).Product()))
		alvos := []*graph.Node{x}
		for _, nome := range []string{"W", "U", "b"} {
			alvos = append(alvos, scope.At("rnn").At("celula0").GetVariable(nome).NodeValue(g))
		}
		return append([]*graph.Node{perda}, graph.Gradient(perda, alvos...)...)
	})
	defer exec.Finalize()
	t0 := time.Now()
	saidas = exec.MustExec(x, p)
	primeira = time.Since(t0)
	if n == 0 {
		return saidas, primeira, 0
	}
	t0 = time.Now()
	for range n {
		for _, s := range exec.MustExec(x, p) {
			s.FinalizeAll()
		}
	}
	return saidas, primeira, time.Since(t0) / time.Duration(n)
}

// DiferencaRelativa é max |a−b| / (10⁻³ + |a|) entre dois tensores float32.
func DiferencaRelativa(a, b *tensors.Tensor) float64 {
	va, vb := tensors.MustCopyFlatData[float32](a), tensors.MustCopyFlatData[float32](b)
	d := 0.0
	for i := range va {
		d = math.Max(d, math.Abs(float64(va[i]-vb[i]))/(1e-3+math.Abs(float64(va[i]))))
	}
	return d
}

// Constantes criadas fora do cache de escalares do grafo: no GoMLX v0.28.2 o
// cache é um só para o grafo inteiro, e um escalar criado no corpo de um
// While e reaproveitado noutro (ou fora dele) dá "operands are not part of
// the function".
func inteiro(g *graph.Graph, v int) *graph.Node {
	return graph.Reshape(graph.Const(g, []int32{int32(v)}))
}
func um(g *graph.Graph) *graph.Node { return graph.Reshape(graph.Const(g, []float32{1})) }

// colunas pega as colunas [a, b) do último eixo.
func colunas(v *graph.Node, a, b int) *graph.Node {
	return graph.SliceAxis(v, -1, graph.AxisRange(a, b))
}

// LSTMNoLaco aplica a célula LSTM (portas i, f, g, o, como no pacote rnn) a
// x [lote, tempo, entrada] num While e devolve o estado oculto final
// [lote, oculta]. A ida guarda, para a volta, h_{t−1}, c_{t−1}, as portas e
// c_t de cada passo ([tempo, lote, …]); a volta, outro While de t = T−1 a 0,
// calcula dz_t (o gradiente da pré-ativação) e o passa para trás
// (dh_{t−1} = dz_t·Uᵀ, dc_{t−1} = dc_t ⊙ f_t); depois, os gradientes dos
// pesos são um produto cada: dU = Hᵀ·DZ, dW = Xᵀ·DZ, db = Σ DZ.
//
// Como entra no gradiente do GoMLX: W, U, b e x passam por identidades cujo
// gradiente é o calculado aqui, e a ida usa cópias sem gradiente
// (StopGradient) deles; a saída é h_T + 0·Σ(W, U, b, x) (para os quatro
// estarem no caminho da perda) por uma identidade que anota dL/dh_T. O
// GoMLX só calcula o gradiente de um nó depois dos de todos os que o usam:
// quando pede o de W (ou U, b, x), a anotação já está lá (o GoMLX percorre os
// nós do último criado para o primeiro, e a identidade de h_T é a última), e
// o primeiro a pedir monta a volta para todos. A volta é montada uma vez só,
// para a primeira anotação: chame graph.Gradient uma vez por grafo.
func LSTMNoLaco(x *graph.Node, p rnn.Pesos) *graph.Node {
	d := x.Shape().Dimensions
	B, T, I := d[0], d[1], d[2]
	H := p.Oculta()
	g, dt := x.Graph(), x.DType()
	forma := func(dims ...int) shapes.Shape { return shapes.Make(dt, dims...) }

	var dhT *graph.Node                        // dL/dh_T, anotado
	var dW, dU, db, dx *graph.Node             // a volta, montada uma vez
	var xs, hAnt, cAnt, portas, cs *graph.Node // da ida
	var ws, us *graph.Node

	volta := func() {
		if dW != nil {
			return
		}
		cond := graph.NewClosure(g, func(g *graph.Graph) []*graph.Node {
			t := graph.Parameter(g, "t", shapes.Make(dtypes.Int32))
			graph.Parameter(g, "dh", forma(B, H))
			graph.Parameter(g, "dc", forma(B, H))
			graph.Parameter(g, "dZ", forma(T, B, 4*H))
			return []*graph.Node{graph.GreaterOrEqual(t, inteiro(g, 0))}
		})
		corpo := graph.NewClosure(g, func(g *graph.Graph) []*graph.Node {
			t := graph.Parameter(g, "t", shapes.Make(dtypes.Int32))
			dh := graph.Parameter(g, "dh", forma(B, H))
			dc := graph.Parameter(g, "dc", forma(B, H))
			dZ := graph.Parameter(g, "dZ", forma(T, B, 4*H))
			idx := []*graph.Node{t, inteiro(g, 0), inteiro(g, 0)}
			le := func(v *graph.Node, n int) *graph.Node {
				return graph.Reshape(graph.DynamicSlice(v, idx, []int{1, B, n}), B, n)
			}
			pt, ct, cp := le(portas, 4*H), le(cs, H), le(cAnt, H)
			i, f, gg, o := colunas(pt, 0, H), colunas(pt, H, 2*H), colunas(pt, 2*H, 3*H), colunas(pt, 3*H, 4*H)
			uns := um(g)
			tc := graph.Tanh(ct)
			dct := graph.Add(dc, graph.Mul(graph.Mul(dh, o), graph.Sub(uns, graph.Square(tc)))) // dL/dc_t inteiro
			dz := graph.Concatenate([]*graph.Node{
				graph.Mul(graph.Mul(dct, gg), graph.Mul(i, graph.Sub(uns, i))), // di ⊙ σ'
				graph.Mul(graph.Mul(dct, cp), graph.Mul(f, graph.Sub(uns, f))), // df ⊙ σ'
				graph.Mul(graph.Mul(dct, i), graph.Sub(uns, graph.Square(gg))), // dg ⊙ tanh'
				graph.Mul(graph.Mul(dh, tc), graph.Mul(o, graph.Sub(uns, o))),  // do ⊙ σ'
			}, -1)
			dhAnt := graph.DotGeneral(dz, []int{1}, nil, us, []int{1}, nil) // dz·Uᵀ
			dZ = graph.DynamicUpdateSlice(dZ, graph.InsertAxes(dz, 0), idx)
			return []*graph.Node{graph.Sub(t, inteiro(g, 1)), dhAnt, graph.Mul(dct, f), dZ}
		})
		zeros := graph.Zeros(g, forma(B, H))
		r := graph.While(cond, corpo, inteiro(g, T-1), dhT, zeros, graph.Zeros(g, forma(T, B, 4*H)))
		dz := graph.Reshape(r[3], T*B, 4*H)
		dU = graph.DotGeneral(graph.Reshape(hAnt, T*B, H), []int{0}, nil, dz, []int{0}, nil)
		dW = graph.DotGeneral(graph.Reshape(xs, T*B, I), []int{0}, nil, dz, []int{0}, nil)
		db = graph.ReduceSum(dz, 0)
		dx = graph.TransposeAllDims(graph.Reshape(graph.DotGeneral(dz, []int{1}, nil, ws, []int{1}, nil), T, B, I), 1, 0, 2)
	}
	gradiente := func(d **graph.Node) func(_, _ *graph.Node) *graph.Node {
		// v é o gradiente que chega por outros caminhos (aqui, só o zero de
		// h_T + 0·Σ): somado, para o resultado valer também se W, U, b ou x
		// forem usados fora da camada.
		return func(_, v *graph.Node) *graph.Node { volta(); return graph.Add(v, *d) }
	}
	w := graph.IdentityWithCustomGradient(p.W, gradiente(&dW))
	u := graph.IdentityWithCustomGradient(p.U, gradiente(&dU))
	b := graph.IdentityWithCustomGradient(p.B, gradiente(&db))
	xi := graph.IdentityWithCustomGradient(x, gradiente(&dx))
	ws, us = graph.StopGradient(w), graph.StopGradient(u)
	xs = graph.TransposeAllDims(graph.StopGradient(xi), 1, 0, 2) // [tempo, lote, entrada]
	// x·W + b de todos os passos num produto só, antes do laço.
	xw := graph.Add(graph.Dot(graph.Reshape(xs, T*B, I), ws).Product(), graph.InsertAxes(graph.StopGradient(b), 0))
	xw = graph.Reshape(xw, T, B, 4*H)

	nomes := []string{"t", "h", "c", "hAnt", "cAnt", "portas", "cs"}
	formas := []shapes.Shape{shapes.Make(dtypes.Int32), forma(B, H), forma(B, H), forma(T, B, H), forma(T, B, H), forma(T, B, 4*H), forma(T, B, H)}
	parametros := func(g *graph.Graph) []*graph.Node {
		ps := make([]*graph.Node, len(nomes))
		for k := range nomes {
			ps[k] = graph.Parameter(g, nomes[k], formas[k])
		}
		return ps
	}
	cond := graph.NewClosure(g, func(g *graph.Graph) []*graph.Node {
		return []*graph.Node{graph.LessThan(parametros(g)[0], inteiro(g, T))}
	})
	corpo := graph.NewClosure(g, func(g *graph.Graph) []*graph.Node {
		e := parametros(g)
		t, h, c := e[0], e[1], e[2]
		idx := []*graph.Node{t, inteiro(g, 0), inteiro(g, 0)}
		z := graph.Add(graph.Reshape(graph.DynamicSlice(xw, idx, []int{1, B, 4 * H}), B, 4*H), graph.Dot(h, us).Product())
		i, f := graph.Sigmoid(colunas(z, 0, H)), graph.Sigmoid(colunas(z, H, 2*H))
		gg, o := graph.Tanh(colunas(z, 2*H, 3*H)), graph.Sigmoid(colunas(z, 3*H, 4*H))
		c2 := graph.Add(graph.Mul(f, c), graph.Mul(i, gg))
		h2 := graph.Mul(o, graph.Tanh(c2))
		guarda := func(v, valor *graph.Node) *graph.Node {
			return graph.DynamicUpdateSlice(v, graph.InsertAxes(valor, 0), idx)
		}
		return []*graph.Node{graph.Add(t, inteiro(g, 1)), h2, c2,
			guarda(e[3], h), guarda(e[4], c), guarda(e[5], graph.Concatenate([]*graph.Node{i, f, gg, o}, -1)), guarda(e[6], c2)}
	})
	iniciais := make([]*graph.Node, len(formas))
	iniciais[0] = inteiro(g, 0)
	for k := 1; k < len(formas); k++ {
		iniciais[k] = graph.Zeros(g, formas[k])
	}
	r := graph.While(cond, corpo, iniciais...)
	hAnt, cAnt, portas, cs = r[3], r[4], r[5], r[6]
	zero := graph.ScalarZero(g, dt)
	soma := graph.Add(graph.Add(graph.ReduceAllSum(w), graph.ReduceAllSum(u)), graph.Add(graph.ReduceAllSum(b), graph.ReduceAllSum(xi)))
	hT := graph.Add(graph.StopGradient(r[1]), graph.Mul(zero, soma))
	return graph.IdentityWithCustomGradient(hT, func(_, v *graph.Node) *graph.Node { dhT = v; return v })
}
