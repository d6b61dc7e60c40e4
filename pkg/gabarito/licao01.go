package gabarito

import (
	"fmt"
	"slices"
	"sync"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/enunciado"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Conv é enunciado.Conv (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type Conv = enunciado.Conv

// TamanhoSaida devolve o lado da saída da convolução c, lido da forma do
// tensor que o GoMLX (graph.Convolve) produz.
func TamanhoSaida(c Conv) int {
	if c.Entrada+2*c.Padding < c.Kernel || c.Passo <= 0 {
		return 0
	}
	g := graph.NewGraph(motor.Backend(), "tamanho")
	defer g.Finalize()
	x := graph.Zeros(g, shapes.Make(dtypes.Float32, 1, c.Entrada, c.Entrada, 1))
	k := graph.Zeros(g, shapes.Make(dtypes.Float32, c.Kernel, c.Kernel, 1, 1))
	p := [][2]int{{c.Padding, c.Padding}, {c.Padding, c.Padding}}
	y := graph.Convolve(x, k).Strides(c.Passo).PaddingPerDim(p).Done()
	return y.Shape().Dimensions[1]
}

// Correlacao é uma imagem e um filtro, para a convolução "válida" (sem
// padding, passo 1). A lição usa agora ConvComPasso; Correlacao e
// Convolucao ficam para as cópias da versão anterior da lição.
type Correlacao struct {
	Imagem [][]float64
	Kernel [][]float64
}

// Convolucao calcula a convolução válida (passo 1, sem padding) da imagem
// pelo filtro com graph.Convolve do GoMLX — que, como toda biblioteca de
// aprendizado profundo, não espelha o filtro (é uma correlação cruzada).
func Convolucao(c Correlacao) [][]float64 {
	h, w := len(c.Imagem), len(c.Imagem[0])
	kh, kw := len(c.Kernel), len(c.Kernel[0])
	exec := graph.MustNewExec(motor.Backend(), func(x, k *graph.Node) *graph.Node {
		return graph.Convolve(x, k).Strides(1).NoPadding().Done()
	})
	x := tensors.FromFlatDataAndDimensions(achata(c.Imagem), 1, h, w, 1)
	k := tensors.FromFlatDataAndDimensions(achata(c.Kernel), kh, kw, 1, 1)
	y := tensors.MustCopyFlatData[float64](exec.MustCall(x, k)[0])
	return desachata(y, h-kh+1, w-kw+1)
}

// ConvComPasso é enunciado.ConvComPasso (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type ConvComPasso = enunciado.ConvComPasso

// ConvolucaoComPasso calcula a convolução (correlação cruzada, sem espelhar o
// filtro) de e.Imagem por e.Kernel com preenchimento e passo, pelo
// graph.Convolve do GoMLX. A saída tem ⌊(h+2p−kh)/s⌋+1 linhas e
// ⌊(w+2p−kw)/s⌋+1 colunas.
func ConvolucaoComPasso(e ConvComPasso) [][]float64 {
	return copiaMatriz01(memoLicao01(fmt.Sprint(e), func() [][]float64 { return convolucaoComPasso(e) }))
}

func convolucaoComPasso(e ConvComPasso) [][]float64 {
	h, w := len(e.Imagem), len(e.Imagem[0])
	kh, kw := len(e.Kernel), len(e.Kernel[0])
	p, s := e.Padding, e.Passo
	exec := graph.MustNewExec(motor.Backend(), func(x, k *graph.Node) *graph.Node {
		return graph.Convolve(x, k).Strides(s).PaddingPerDim([][2]int{{p, p}, {p, p}}).Done()
	})
	x := tensors.FromFlatDataAndDimensions(achata(e.Imagem), 1, h, w, 1)
	k := tensors.FromFlatDataAndDimensions(achata(e.Kernel), kh, kw, 1, 1)
	y := tensors.MustCopyFlatData[float64](exec.MustCall(x, k)[0])
	return desachata(y, (h+2*p-kh)/s+1, (w+2*p-kw)/s+1)
}

// MaxPool2 aplica max-pooling 2×2 com passo 2 (graph.MaxPool do GoMLX);
// linhas e colunas que sobram numa borda ímpar são descartadas.
func MaxPool2(imagem [][]float64) [][]float64 {
	return copiaMatriz01(memoLicao01(fmt.Sprint(imagem), func() [][]float64 { return maxPool2(imagem) }))
}

func maxPool2(imagem [][]float64) [][]float64 {
	h, w := len(imagem), len(imagem[0])
	exec := graph.MustNewExec(motor.Backend(), func(x *graph.Node) *graph.Node {
		return graph.MaxPool(x).Window(2).Done()
	})
	x := tensors.FromFlatDataAndDimensions(achata(imagem), 1, h, w, 1)
	return desachata(tensors.MustCopyFlatData[float64](exec.MustCall(x)[0]), h/2, w/2)
}

// CamadaConv é enunciado.CamadaConv (o tipo mora lá, onde o aluno o procura; o nome
// daqui serve ao gabarito e às cópias antigas das lições).
type CamadaConv = enunciado.CamadaConv

// ParametrosConv conta os parâmetros de uma camada layers.Convolution do
// GoMLX construída de verdade.
func ParametrosConv(c CamadaConv) int {
	return memoLicao01(fmt.Sprint(c), func() int { return parametrosConv(c) })
}

func parametrosConv(c CamadaConv) int {
	store := model.NewStore()
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		return layers.Convolution(scope, x).Filters(c.Filtros).KernelSize(c.Kernel).PadSame().Done()
	})
	exec.MustCall(tensors.FromFlatDataAndDimensions(make([]float32, c.Kernel*c.Kernel*c.CanaisEntrada), 1, c.Kernel, c.Kernel, c.CanaisEntrada))
	return treino.NumParametros(store)
}

func achata(m [][]float64) []float64 {
	var v []float64
	for _, linha := range m {
		v = append(v, linha...)
	}
	return v
}

func desachata(v []float64, h, w int) [][]float64 {
	m := make([][]float64, h)
	for i := range m {
		m[i] = v[i*w : (i+1)*w]
	}
	return m
}

// memoLicao01 guarda as respostas de referência já calculadas (cada uma
// compila um grafo no GoMLX): os testes conferem muitas respostas erradas
// nos mesmos casos.
var memoLicao01Cache sync.Map

func memoLicao01[T any](chave string, calcula func() T) T {
	chave = fmt.Sprintf("%T:%s", *new(T), chave)
	if v, ok := memoLicao01Cache.Load(chave); ok {
		return v.(T)
	}
	v := calcula()
	memoLicao01Cache.Store(chave, v)
	return v
}

func copiaMatriz01(m [][]float64) [][]float64 {
	c := make([][]float64, len(m))
	for i := range m {
		c[i] = slices.Clone(m[i])
	}
	return c
}

// LoteBN é enunciado.LoteBN (o tipo mora lá, onde o aluno o procura).
type LoteBN = enunciado.LoteBN

// NormalizaLote é a normalização em lote de l no modo de treino, calculada
// pela cnn.NormalizaLote do curso (a das redes fundas da lição), com γ, β e
// as médias móveis de l postos nas variáveis dela e o ε de l.
func NormalizaLote(l LoteBN) [][]float64 {
	return copiaMatriz01(memoLicao01(fmt.Sprint(l), func() [][]float64 { return normalizaLote(l) }))
}

func normalizaLote(l LoteBN) [][]float64 {
	n, d := len(l.X), len(l.X[0])
	store := model.NewStore()
	escopo := store.RootScope().In("bn")
	escopo.VariableWithValue("gama", slices.Clone(l.Gama))
	escopo.VariableWithValue("beta", slices.Clone(l.Beta))
	escopo.VariableWithValue("media_movel", slices.Clone(l.MediaMovel)).SetTrainable(false)
	escopo.VariableWithValue("variancia_movel", slices.Clone(l.VarianciaMovel)).SetTrainable(false)
	exec := model.MustNewExec(motor.Backend(), store, func(s *model.Scope, x *graph.Node) *graph.Node {
		s.Store().SetTraining(x.Graph(), true)
		return cnn.NormalizaLoteComEpsilon(s.In("bn"), x, l.Eps)
	})
	// Cada exemplo vira uma "imagem" de 1×1 pixel com d canais.
	y := tensors.MustCopyFlatData[float64](exec.MustCall(tensors.FromFlatDataAndDimensions(achata(l.X), n, 1, 1, d))[0])
	return desachata(y, n, d)
}
