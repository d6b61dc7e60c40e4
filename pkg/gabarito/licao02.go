package gabarito

import (
	"sync"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/enunciado"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rnn"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// GRU é enunciado.GRU (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type GRU = enunciado.GRU

// PassoGRU calcula o novo estado h' com a célula GRU do pacote rnn
// (rnn.Passo, no GoMLX), com os pesos de e postos lado a lado na ordem
// z, r, h.
func PassoGRU(e GRU) []float64 {
	d, n := len(e.X), len(e.H)
	w := lado(e.Wz, e.Wr, e.Wh)
	u := lado(e.Uz, e.Ur, e.Uh)
	b := append(append(append([]float64{}, e.Bz...), e.Br...), e.Bh...)
	saida := execGRU().MustCall(
		tensors.FromFlatDataAndDimensions(e.X, 1, d), tensors.FromFlatDataAndDimensions(e.H, 1, n),
		tensors.FromFlatDataAndDimensions(w, d, 3*n), tensors.FromFlatDataAndDimensions(u, n, 3*n),
		tensors.FromFlatDataAndDimensions(b, 3*n))[0]
	return tensors.MustCopyFlatData[float64](saida)
}

// execGRU compila o passo da GRU uma vez por forma de entrada (o Exec guarda
// cada versão compilada).
var execGRU = sync.OnceValue(func() *graph.Exec {
	return graph.MustNewExec(motor.Backend(), func(x, h, w, u, b *graph.Node) *graph.Node {
		return rnn.Passo(rnn.Pesos{Tipo: rnn.GRU, W: w, U: u, B: b}, x, rnn.Estado{H: h}).H
	})
})

// lado junta matrizes com o mesmo número de linhas, lado a lado, e devolve
// o resultado achatado.
func lado(ms ...[][]float64) []float64 {
	var v []float64
	for i := range ms[0] {
		for _, m := range ms {
			v = append(v, m[i]...)
		}
	}
	return v
}

// CamadaRNN é enunciado.CamadaRNN (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type CamadaRNN = enunciado.CamadaRNN

// ParametrosLSTM conta os parâmetros de uma rnn.Camada LSTM construída de
// verdade no GoMLX: monta o grafo (sem compilá-lo) e conta as variáveis que
// a camada criou.
func ParametrosLSTM(c CamadaRNN) int {
	store := model.NewStore()
	g := graph.NewGraph(motor.Backend(), "parametros")
	defer g.Finalize()
	x := graph.Zeros(g, shapes.Make(dtypes.Float32, 1, 2, c.Entrada))
	rnn.Camada{Tipo: rnn.LSTM, Oculta: c.Oculta, Camadas: c.Camadas}.Ultimo(store.RootScope(), x)
	return treino.NumParametros(store)
}

// Serie é enunciado.Serie (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Serie = enunciado.Serie

// Exemplos é enunciado.Exemplos (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Exemplos = enunciado.Exemplos

// Janelas corta a série em exemplos com rnn.Janelas.
func Janelas(s Serie) Exemplos {
	v := make([]float32, len(s.Valores))
	for i, x := range s.Valores {
		v[i] = float32(x)
	}
	e, a := rnn.Janelas(v, s.Janela)
	var ex Exemplos
	for i := range a {
		janela := make([]float64, s.Janela)
		for j := range janela {
			janela[j] = float64(e[i*s.Janela+j])
		}
		ex.Entradas = append(ex.Entradas, janela)
		ex.Alvos = append(ex.Alvos, float64(a[i]))
	}
	return ex
}

// Sorteio é enunciado.Sorteio (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Sorteio = enunciado.Sorteio

// AmostraComTemperatura calcula as probabilidades softmax(logits/T) com o
// GoMLX (graph.Softmax) e devolve o primeiro índice cuja probabilidade
// acumulada passa de U.
func AmostraComTemperatura(s Sorteio) int {
	p := tensors.MustCopyFlatData[float64](execSoftmax().MustCall(s.Logits, s.Temperatura)[0])
	acumulada := 0.0
	for i, v := range p {
		acumulada += v
		if acumulada > s.U {
			return i
		}
	}
	return len(p) - 1
}

var execSoftmax = sync.OnceValue(func() *graph.Exec {
	return graph.MustNewExec(motor.Backend(), func(l, t *graph.Node) *graph.Node {
		return graph.Softmax(graph.Div(l, t))
	})
})
