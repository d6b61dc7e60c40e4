package cnn

import (
	"fmt"
	"math"

	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/initializer"
	"github.com/gomlx/gomlx/ml/train/loss"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// As redes fundas da seção 8 da lição 01: o que fez redes de dezenas de
// camadas treinarem depois da LeNet — a normalização em lote (Ioffe e
// Szegedy, 2015) e as conexões residuais (He et al., 2016).

func init() {
	// No motor Go puro, a convolução das redes fundas é a do im2col (como a
	// da LeNet, em gopuro.go): a convolução do motor é um laço escalar.
	motor.ReescreveNoGoPuro(convolucao, convolucaoIm2col)
}

// Funda descreve uma CNN de convoluções 3×3 com a mesma largura em todas as
// camadas: uma convolução de entrada seguida de max-pooling 2×2 (28×28 →
// 14×14), Camadas convoluções 3×3 em 14×14, outro max-pooling (→ 7×7) e a
// camada de saída. A profundidade, contando as convoluções e a saída, é
// Camadas + 2.
type Funda struct {
	Camadas  int  // convoluções depois da de entrada (com Residual, um número par: 2 por bloco)
	Filtros  int  // filtros de cada convolução
	BN       bool // normalização em lote (NormalizaLote) depois de cada convolução
	Residual bool // blocos y = ReLU(x + F(x)), F = duas convoluções (BlocoResidual)
	// Desvio: se > 0, os pesos das convoluções começam sorteados de uma
	// normal de média 0 e este desvio-padrão, o mesmo em todas as camadas
	// (como na AlexNet, com 0,01); 0 = a inicialização de He (He et al.,
	// 2015), o padrão do GoMLX, com desvio √(2/(9·canais de entrada)).
	Desvio float64
}

// Nome descreve a rede num texto curto, bom para nome de checkpoint:
// "funda-c10-f8-bn-res".
func (f Funda) Nome() string {
	s := fmt.Sprintf("funda-c%d-f%d", f.Camadas, f.Filtros)
	if f.BN {
		s += "-bn"
	}
	if f.Residual {
		s += "-res"
	}
	if f.Desvio > 0 {
		s += fmt.Sprintf("-n%g", f.Desvio)
	}
	return s
}

// Modelo devolve a função de modelo para treino.Treina e treino.Carrega.
func (f Funda) Modelo() treino.ModeloFn {
	return func(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
		return []*graph.Node{f.constroi(scope, entradas[0], nil)}
	}
}

// constroi monta o grafo; se anota não for nil, recebe a saída de cada
// convolução depois da ReLU (com Residual, a saída de cada bloco, depois da
// soma), na ordem, para medir o gradiente em cada camada.
func (f Funda) constroi(scope *model.Scope, x *graph.Node, anota func(saida *graph.Node)) *graph.Node {
	if f.Residual && f.Camadas%2 != 0 {
		panic("cnn.Funda: com Residual, Camadas deve ser par (duas convoluções por bloco)")
	}
	if x.Rank() == 3 {
		x = graph.InsertAxes(x, -1)
	}
	if f.Desvio > 0 {
		scope = scope.WithInitializer(initializer.RandomNormalFn(scope, f.Desvio))
	}
	marca := func(x *graph.Node) *graph.Node {
		if anota != nil {
			anota(x)
		}
		return x
	}
	x = marca(f.convNormRelu(scope.In("conv0"), x))
	x = Pooling(x, 2, false) // 14×14
	if f.Residual {
		for i := 1; i < f.Camadas; i += 2 {
			x = marca(BlocoResidual(scope.In("bloco%d", i/2), x, f.Filtros, f.BN))
		}
	} else {
		for i := 1; i <= f.Camadas; i++ {
			x = marca(f.convNormRelu(scope.In("conv%d", i), x))
		}
	}
	x = Pooling(x, 2, false) // 7×7
	x = graph.Reshape(x, x.Shape().Dimensions[0], -1)
	return layers.Dense(scope.In("saida"), x, true, 10)
}

// convNormRelu é uma camada comum da rede funda: convolução 3×3 → (BN) → ReLU.
func (f Funda) convNormRelu(scope *model.Scope, x *graph.Node) *graph.Node {
	return activation.Relu(convENorma(scope, x, f.Filtros, f.BN))
}

// convENorma é a convolução 3×3 com padding, seguida da normalização em
// lote se bn. Com BN, o viés da convolução sobra (a normalização subtrai a
// média de cada canal, viés incluído; o β dela faz o papel do viés), mas
// fica, para a conta dos parâmetros ser a mesma com e sem BN.
func convENorma(scope *model.Scope, x *graph.Node, filtros int, bn bool) *graph.Node {
	y := motor.Peca(x.Graph(), convolucao)(scope, x, Conv{Filtros: filtros, Kernel: 3})
	if bn {
		y = NormalizaLote(scope.In("bn"), y)
	}
	return y
}

// BlocoResidual é o bloco básico da ResNet (He et al., 2016):
//
//	F(x) = BN(conv(ReLU(BN(conv(x)))))    y = ReLU(x + F(x))
//
// (sem as BN se bn for false). A soma é o atalho: ∂y/∂x = (1 + ∂F/∂x),
// então o gradiente que chega em y passa para x mesmo quando ∂F/∂x é
// pequeno. A entrada tem de ter `filtros` canais (a soma pede a mesma forma).
func BlocoResidual(scope *model.Scope, x *graph.Node, filtros int, bn bool) *graph.Node {
	h := activation.Relu(convENorma(scope.In("a"), x, filtros, bn))
	fx := convENorma(scope.In("b"), h, filtros, bn)
	return activation.Relu(graph.Add(x, fx))
}

// MomentoBN é quanto a média móvel da normalização em lote guarda do valor
// anterior a cada passo de treino: móvel ← 0,9·móvel + 0,1·do lote.
const MomentoBN = 0.9

// EpsilonBN é o ε somado à variância antes da raiz, para não dividir por
// zero num canal constante.
const EpsilonBN = 1e-5

// NormalizaLote é a normalização em lote (batch normalization; Ioffe e
// Szegedy, 2015) de x [lote, altura, largura, canais], canal a canal:
//
//	x̂ = (x − μ) / √(σ² + ε)        y = γ·x̂ + β
//
// No treino, μ e σ² são a média e a variância (dividida por n, não por
// n − 1) do lote, sobre todos os eixos menos o dos canais — o lote e as
// posições da imagem —, e o gradiente passa por elas. Cada passo de treino
// também atualiza as médias móveis (MomentoBN), que a inferência usa no
// lugar das do lote: uma imagem sozinha não tem lote. γ ("gama") começa em
// 1 e β ("beta") em 0, e os dois aprendem.
//
// O GoMLX tem a sua (norm.BatchNorm, em ml/layers/norm/batchnorm.go); esta
// é escrita com as operações básicas para a lição mostrar a conta inteira e
// para rodar igual nos dois motores.
func NormalizaLote(scope *model.Scope, x *graph.Node) *graph.Node {
	return NormalizaLoteComEpsilon(scope, x, EpsilonBN)
}

// NormalizaLoteComEpsilon é NormalizaLote com outro ε (o exercício da lição
// confere casos com ε grande, onde esquecê-lo muda a conta).
func NormalizaLoteComEpsilon(scope *model.Scope, x *graph.Node, eps float64) *graph.Node {
	g := x.Graph()
	canais := x.Shape().Dim(-1)
	forma := shapes.Make(x.DType(), canais)
	gama := scope.WithInitializer(initializer.One).VariableWithShape("gama", forma).NodeValue(g)
	beta := scope.WithInitializer(initializer.Zero).VariableWithShape("beta", forma).NodeValue(g)
	mediaMovel := scope.WithInitializer(initializer.Zero).VariableWithShape("media_movel", forma).SetTrainable(false)
	varMovel := scope.WithInitializer(initializer.One).VariableWithShape("variancia_movel", forma).SetTrainable(false)

	var media, variancia *graph.Node // [canais]
	if scope.IsTraining(g) {
		// Todos os eixos menos o dos canais viram um só: [lote·altura·largura, canais].
		// As médias por canal como um produto de matrizes, (1/n)·[1 … 1]·linhas:
		// no XLA para CPU, bem mais rápido que a redução sobre o eixo 0.
		linhas := graph.Reshape(x, -1, canais)
		n := linhas.Shape().Dim(0)
		umSobreN := graph.FillScalar(g, shapes.Make(x.DType(), 1, n), 1/float64(n))
		mediaDe := func(m *graph.Node) *graph.Node { return graph.Reshape(graph.Dot(umSobreN, m).Product(), canais) }
		media = mediaDe(linhas)
		variancia = mediaDe(graph.Square(graph.Sub(linhas, graph.InsertAxes(media, 0))))
		if !model.GetGraphParamOr(scope, g, paramMediasFixas, false) {
			m := graph.Scalar(g, x.DType(), MomentoBN)
			mediaMovel.SetNodeValue(graph.Add(graph.Mul(m, mediaMovel.NodeValue(g)), graph.Mul(graph.OneMinus(m), graph.StopGradient(media))))
			varMovel.SetNodeValue(graph.Add(graph.Mul(m, varMovel.NodeValue(g)), graph.Mul(graph.OneMinus(m), graph.StopGradient(variancia))))
		}
	} else {
		media, variancia = mediaMovel.NodeValue(g), varMovel.NodeValue(g)
	}
	xn := graph.Div(graph.Sub(x, paraOsCanais(media, x.Rank())),
		paraOsCanais(graph.Sqrt(graph.AddScalar(variancia, eps)), x.Rank()))
	return graph.Add(graph.Mul(xn, paraOsCanais(gama, x.Rank())), paraOsCanais(beta, x.Rank()))
}

// paramMediasFixas, num grafo de treino, faz NormalizaLote usar as
// estatísticas do lote sem mexer nas médias móveis (para medir gradientes
// num modelo treinado sem mudá-lo).
const paramMediasFixas = "cnn_medias_fixas"

// paraOsCanais põe v [canais] na forma [1, …, 1, canais], que a soma e o
// produto com um tensor de posto `posto` espalham pelos outros eixos.
func paraOsCanais(v *graph.Node, posto int) *graph.Node {
	dims := make([]int, posto)
	for i := range dims {
		dims[i] = 1
	}
	dims[posto-1] = v.Shape().Dim(0)
	return graph.Reshape(v, dims...)
}

// NormasDoGradiente mede, para cada camada da rede funda (as mesmas que
// constroi anota: cada convolução, ou cada bloco residual), a norma de
// ∂L/∂h, h a saída da camada e L a entropia cruzada média do lote, na média
// das imagens. É a medida da lição 02 (rnn.NormasDoGradiente, por passo de
// tempo), aqui por camada: normas[i] pequeno quer dizer que a perda quase
// não sente o que a camada i faz, e o treino, guiado por esse gradiente,
// quase não a muda.
//
// As variáveis ficam no model.Store dado: se já existirem (um modelo
// treinado, p.ex. treino.Carrega(…).Store), são usadas; senão, sorteadas. A
// conta é a de treino (com BN, as estatísticas do lote), mas as médias
// móveis do store não mudam (paramMediasFixas).
//
// imagens: [lote, altura, largura]; rotulos: [lote] (int32).
func (f Funda) NormasDoGradiente(store *model.Store, imagens, rotulos *tensors.Tensor) []float64 {
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x, rotulos *graph.Node) *graph.Node {
		g := x.Graph()
		store.SetTraining(g, true)
		scope.SetGraphParam(g, paramMediasFixas, true)
		var saidas []*graph.Node
		logits := f.constroi(scope, x, func(h *graph.Node) { saidas = append(saidas, h) })
		if rotulos.Rank() == 1 {
			rotulos = graph.InsertAxes(rotulos, -1) // [lote, 1], como a perda pede
		}
		perda := graph.ReduceAllMean(loss.SparseCategoricalCrossEntropyLogits([]*graph.Node{rotulos}, []*graph.Node{logits}))
		grads := graph.Gradient(perda, saidas...)
		normas := make([]*graph.Node, len(grads))
		for i, gr := range grads {
			por := graph.Reshape(gr, gr.Shape().Dim(0), -1) // [lote, altura·largura·canais]
			normas[i] = graph.InsertAxes(graph.ReduceMean(graph.Sqrt(graph.ReduceSum(graph.Square(por), -1)), 0), 0)
		}
		return graph.Concatenate(normas, 0)
	})
	normas := tensors.MustCopyFlatData[float32](exec.MustCall(imagens, rotulos)[0])
	saida := make([]float64, len(normas))
	for i, v := range normas {
		saida[i] = math.Max(float64(v), 0)
	}
	return saida
}
