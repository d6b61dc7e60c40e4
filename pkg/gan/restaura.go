package gan

import (
	"fmt"
	"hash/fnv"
	"math"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/initializer"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// A GAN que restaura imagens da lição 04 (seção 6): o dígito do MNIST chega
// degradado — reduzido a 7×7, cada pixel a média de um bloco 4×4 — e um
// gerador convolucional o devolve em 28×28. Treinado só com o erro L1, ou
// com L1 mais a perda adversarial de um discriminador convolucional
// (pix2pix, Isola et al., 2017; SRGAN, Ledig et al., 2017).

// FatorReducao é o lado do bloco que vira um pixel na degradação: 28×28 → 7×7.
const FatorReducao = 4

// LadoPequeno é o lado da imagem degradada (28/FatorReducao = 7).
const LadoPequeno = 28 / FatorReducao

// Degrada reduz imagens 28×28 (achatadas, n×784) a 7×7 (n×49): cada pixel
// pequeno é a média de um bloco 4×4 da original. É a degradação que a
// restauração tenta desfazer (vale em [0, 1] ou em [−1, 1]: a média de um
// bloco fica no mesmo intervalo).
func Degrada(imagens []float32) []float32 {
	n := len(imagens) / (28 * 28)
	p := make([]float32, n*LadoPequeno*LadoPequeno)
	for k := range n {
		im := imagens[k*784 : (k+1)*784]
		for i := range 28 {
			for j := range 28 {
				p[k*LadoPequeno*LadoPequeno+(i/FatorReducao)*LadoPequeno+j/FatorReducao] += im[i*28+j]
			}
		}
	}
	for i := range p {
		p[i] /= FatorReducao * FatorReducao
	}
	return p
}

// Bilinear amplia imagens 7×7 (achatadas, n×49) para 28×28 (n×784) por
// interpolação bilinear (graph.Interpolate do GoMLX, com os centros dos
// pixels no meio de cada bloco): o método clássico, a primeira linha de
// comparação da restauração.
func Bilinear(pequenas []float32) []float32 {
	n := len(pequenas) / (LadoPequeno * LadoPequeno)
	exec := graph.MustNewExec(motor.Backend(), func(x *graph.Node) *graph.Node {
		x = graph.Reshape(x, n, LadoPequeno, LadoPequeno, 1)
		return graph.Reshape(graph.Interpolate(x, -1, 28, 28, -1).Bilinear().Done(), n, 28*28)
	})
	return tensors.MustCopyFlatData[float32](exec.MustCall(tensors.FromFlatDataAndDimensions(pequenas, n, LadoPequeno*LadoPequeno))[0])
}

// TamanhoTransposta é o lado da saída de uma convolução transposta com
// entrada de lado n, núcleo k, passo s e preenchimento p:
// (n − 1)·s − 2p + k. É a conta inversa da convolução comum, cuja saída
// tem lado (n + 2p − k)/s + 1.
func TamanhoTransposta(n, k, s, p int) int { return (n-1)*s - 2*p + k }

// ConvTransposta é a convolução transposta ("deconvolução") escrita à mão,
// para x [lote, altura, largura, canais] e nucleo [k, k, canais, filtros]:
//
//  1. entre dois pixels vizinhos de x entram s − 1 zeros (a entrada fica
//     com lado (n − 1)·s + 1);
//  2. a borda ganha k − 1 − p zeros de cada lado;
//  3. uma convolução comum, de passo 1, com o núcleo.
//
// O lado da saída é (n − 1)·s + 1 + 2(k − 1 − p) − k + 1 = (n − 1)·s − 2p + k
// (TamanhoTransposta). É o mesmo que "carimbar" o núcleo, multiplicado por
// cada pixel de x, na saída, a cada s pixels, e somar onde os carimbos se
// sobrepõem — com o núcleo espelhado, o que não importa para um núcleo
// aprendido. O GoMLX sabe fazer o passo 1 sozinho (a dilatação da entrada
// de ConvGeneral), mas não sabe derivá-lo; com zeros postos por
// Concatenate e Reshape, o gradiente sai da diferenciação automática.
func ConvTransposta(x, nucleo *graph.Node, s, p int) *graph.Node {
	dims := x.Shape().Dimensions
	lote, h, w, c := dims[0], dims[1], dims[2], dims[3]
	k := nucleo.Shape().Dimensions[0]
	if s > 1 {
		// [lote, h, 1, w, 1, c] ++ zeros → [lote, h, s, w, s, c] → [lote, h·s, w·s, c],
		// e o corte tira os s − 1 zeros depois do último pixel.
		x = graph.Reshape(x, lote, h, 1, w, 1, c)
		x = graph.Concatenate([]*graph.Node{x, graph.Zeros(x.Graph(), shapes.Make(x.DType(), lote, h, s-1, w, 1, c))}, 2)
		x = graph.Concatenate([]*graph.Node{x, graph.Zeros(x.Graph(), shapes.Make(x.DType(), lote, h, s, w, s-1, c))}, 4)
		x = graph.Reshape(x, lote, h*s, w*s, c)
		x = graph.Slice(x, graph.AxisRange(), graph.AxisRange(0, (h-1)*s+1), graph.AxisRange(0, (w-1)*s+1))
	}
	borda := k - 1 - p
	if borda < 0 {
		panic(fmt.Errorf("gan.ConvTransposta: preenchimento %d maior que núcleo − 1 (%d)", p, k-1))
	}
	antes, depois := borda, borda
	if k%2 == 0 {
		// O gradiente da convolução do GoMLX (v0.28) em relação à entrada
		// erra com núcleos de lado par (TestGradientesDaRestauracaoConferem
		// pega): o núcleo ganha uma linha e uma coluna de zeros no fim, e a
		// entrada um zero a mais no fim de cada eixo — a mesma conta, com
		// núcleo ímpar.
		nucleo = comZerosNoFim(comZerosNoFim(nucleo, 0, 1), 1, 1)
		depois++
	}
	x = comZeros(comZeros(x, 1, antes, depois), 2, antes, depois)
	// A borda vai por Concatenate, não pelo preenchimento da convolução (o
	// gradiente desse preenchimento também erra com núcleos de lado par).
	return graph.Convolve(x, nucleo).NoPadding().Done()
}

// comZeros acrescenta antes zeros no começo e depois zeros no fim do eixo
// dado de x.
func comZeros(x *graph.Node, eixo, antes, depois int) *graph.Node {
	partes := []*graph.Node{x}
	if antes > 0 {
		partes = append([]*graph.Node{zerosComLado(x, eixo, antes)}, partes...)
	}
	if depois > 0 {
		partes = append(partes, zerosComLado(x, eixo, depois))
	}
	if len(partes) == 1 {
		return x
	}
	return graph.Concatenate(partes, eixo)
}

func comZerosNoFim(x *graph.Node, eixo, n int) *graph.Node { return comZeros(x, eixo, 0, n) }

// zerosComLado: zeros com a forma de x, menos no eixo dado, que tem lado n.
func zerosComLado(x *graph.Node, eixo, n int) *graph.Node {
	dims := append([]int(nil), x.Shape().Dimensions...)
	dims[eixo] = n
	return graph.Zeros(x.Graph(), shapes.Make(x.DType(), dims...))
}

// camadaTransposta é uma camada de convolução transposta com núcleo k×k,
// passo 2 e preenchimento p, com viés: as variáveis "nucleo" [k, k,
// canais, filtros] e "vies" [filtros]. Com k = 4 e p = 1, ou k = 2 e p = 0,
// ela dobra o lado da imagem.
func camadaTransposta(scope *model.Scope, x *graph.Node, filtros, k, p int) *graph.Node {
	c := x.Shape().Dimensions[3]
	nucleo := scope.WithInitializer(initializer.GlorotUniformFn(scope)).
		VariableWithShape("nucleo", shapes.Make(x.DType(), k, k, c, filtros)).NodeValue(x.Graph())
	vies := scope.WithInitializer(initializer.Zero).VariableWithShape("vies", shapes.Make(x.DType(), filtros)).NodeValue(x.Graph())
	y := ConvTransposta(x, nucleo, 2, p)
	return graph.Add(y, graph.ExpandLeftToRank(vies, 4))
}

// Restauracao descreve a GAN que restaura: as redes e o treino.
type Restauracao struct {
	Canais int // canais das camadas do gerador (padrão 32)
	// Adversaria é o peso λ da perda adversarial na perda do gerador,
	// L_G = L1 + λ·(−média log D(G(x))). Zero: só L1, sem discriminador.
	Adversaria float64
	Lote       int // imagens por passo (padrão 32)

	OtimizadorD, OtimizadorG Adam
	Decaimento               int   // como em Config: as taxas caem como um cosseno
	Semente                  int64 // padrão 1
}

func (c Restauracao) completa() Restauracao {
	if c.Canais == 0 {
		c.Canais = 16
	}
	if c.Lote == 0 {
		c.Lote = 16
	}
	if c.Semente == 0 {
		c.Semente = 1
	}
	if c.Decaimento > 0 {
		c.OtimizadorD.Decaimento = c.Decaimento
		c.OtimizadorG.Decaimento = c.Decaimento
	}
	c.OtimizadorD.Escopo = "otimizador-d"
	c.OtimizadorG.Escopo = "otimizador-g"
	return c
}

// Assinatura resume a configuração (um hash), para o nome do checkpoint.
func (c Restauracao) Assinatura() string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%+v", c.completa())
	return fmt.Sprintf("%08x", h.Sum32())
}

// ConstroiRestaurador constrói o gerador: imagens degradadas [lote, 7, 7]
// em [−1, 1] → imagens [lote, 28, 28] em [−1, 1]. Uma convolução 3×3 lê a
// imagem pequena; duas convoluções transpostas (núcleo 4, passo 2,
// preenchimento 1) dobram o lado duas vezes, 7 → 14 → 28; uma convolução
// 3×3 e tanh dão os pixels. LeakyReLU entre as camadas.
func (c Restauracao) ConstroiRestaurador(scope *model.Scope, x *graph.Node) *graph.Node {
	c = c.completa()
	lote := x.Shape().Dimensions[0]
	x = graph.Reshape(x, lote, LadoPequeno, LadoPequeno, 1)
	x = layers.Convolution(scope.In("entrada"), x).Filters(c.Canais).KernelSize(3).PadSame().Done()
	x = activation.LeakyReluWith(x, 0.2)
	x = activation.LeakyReluWith(camadaTransposta(scope.In("transposta1"), x, c.Canais, 4, 1), 0.2)   // (7−1)·2 − 2 + 4 = 14
	x = activation.LeakyReluWith(camadaTransposta(scope.In("transposta2"), x, c.Canais/2, 2, 0), 0.2) // (14−1)·2 − 0 + 2 = 28
	x = layers.Convolution(scope.In("saida"), x).Filters(1).KernelSize(3).PadSame().Done()
	return graph.Reshape(graph.Tanh(x), lote, 28, 28)
}

// ConstroiCritico constrói o discriminador da restauração: imagens
// [lote, 28, 28] → logits [lote]. Cada bloco 2×2 da imagem vira um pixel
// com 4 canais (14×14×4, sem perder nada); uma convolução 3×3 (16 filtros),
// a média de cada bloco 2×2 (14 → 7), outra convolução 3×3 (32 filtros),
// LeakyReLU depois de cada convolução, e uma camada densa dão o logit. Ele só
// vê a imagem (como o de Ledig et al., 2017), não a versão degradada.
func (c Restauracao) ConstroiCritico(scope *model.Scope, x *graph.Node) *graph.Node {
	lote := x.Shape().Dimensions[0]
	x = graph.Reshape(x, lote, 14, 2, 14, 2)
	x = graph.Reshape(graph.TransposeAllDims(x, 0, 1, 3, 2, 4), lote, 14, 14, 4)
	x = mediaDeBlocos(activation.LeakyReluWith(layers.Convolution(scope.In("conv1"), x).Filters(16).KernelSize(3).PadSame().Done(), 0.2))
	x = activation.LeakyReluWith(layers.Convolution(scope.In("conv2"), x).Filters(32).KernelSize(3).PadSame().Done(), 0.2)
	x = graph.Reshape(x, lote, -1)
	return graph.Reshape(layers.Dense(scope.In("saida"), x, true, 1), -1)
}

// mediaDeBlocos reduz x [lote, h, w, c] a [lote, h/2, w/2, c], cada pixel a
// média de um bloco 2×2 (com Reshape e ReduceMean, como o Pooling de
// pkg/cnn: o gradiente do MeanPool e o da convolução de passo 2 do GoMLX
// são lentos ou falham aqui).
func mediaDeBlocos(x *graph.Node) *graph.Node {
	d := x.Shape().Dimensions
	return graph.ReduceMean(graph.Reshape(x, d[0], d[1]/2, 2, d[2]/2, 2, d[3]), 2, 4)
}

// PerdaL1 é o erro absoluto médio entre as imagens restauradas e as
// originais: média |G(x) − y|.
func PerdaL1(restauradas, originais *graph.Node) *graph.Node {
	return graph.ReduceAllMean(graph.Abs(graph.Sub(restauradas, originais)))
}

// PerdaRestaurador é a perda do gerador: L1 + λ·(−média log D(G(x))), a
// perda não saturante escrita com os logits de D nas restauradas.
func PerdaRestaurador(restauradas, originais, logitsFalsos *graph.Node, lambda float64) *graph.Node {
	l1 := PerdaL1(restauradas, originais)
	if lambda == 0 {
		return l1
	}
	return graph.Add(l1, graph.MulScalar(PerdaGNaoSaturante(logitsFalsos), lambda))
}

// Restaurador é a GAN que restaura, pronta para treinar.
type Restaurador struct {
	Cfg   Restauracao
	Store *model.Store

	passo, restaura *model.Exec
}

// NovoRestaurador monta o restaurador com as variáveis em store (criadas no
// primeiro passo ou lidas de um checkpoint).
func NovoRestaurador(store *model.Store, cfg Restauracao) *Restaurador {
	cfg = cfg.completa()
	if err := store.SetRNGStateFromSeed(cfg.Semente); err != nil {
		panic(err)
	}
	r := &Restaurador{Cfg: cfg, Store: store}
	backend := motor.Backend()
	r.passo = model.MustNewExec(backend, store, cfg.grafoPasso)
	r.restaura = model.MustNewExec(backend, store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		return cfg.ConstroiRestaurador(scope.At("gerador"), x)
	})
	return r
}

// grafoPasso: um passo de G e depois (se Adversaria > 0) um passo de D, num
// grafo só. Devolve L1, a perda de G e, com o adversário, a perda de D e as
// médias de D nas originais e nas restauradas. A ordem importa aqui: com o
// passo de D antes, a diferenciação automática do passo de G atravessaria as
// contas do gradiente de D (os pesos novos de D dependem delas), e o GoMLX
// não sabe derivar o gradiente de uma convolução.
func (cfg Restauracao) grafoPasso(scope *model.Scope, degradadas, originais *graph.Node) []*graph.Node {
	gr := degradadas.Graph()
	restauradas := cfg.ConstroiRestaurador(scope.At("gerador"), degradadas)
	var lf *graph.Node
	if cfg.Adversaria > 0 {
		lf = cfg.ConstroiCritico(scope.At("discriminador"), restauradas)
	}
	l1 := PerdaL1(restauradas, originais)
	perdaG := PerdaRestaurador(restauradas, originais, lf, cfg.Adversaria)
	cfg.OtimizadorG.Atualiza(scope, perdaG, variaveisEmUso(scope.At("gerador"), gr))

	zero := graph.Scalar(gr, dtypes.Float32, 0)
	perdaD, dr, df := zero, zero, zero
	if cfg.Adversaria > 0 {
		// As restauradas do G já atualizado; StopGradient: para D, são só dados.
		falsos := graph.StopGradient(cfg.ConstroiRestaurador(scope.At("gerador"), degradadas))
		lr := cfg.ConstroiCritico(scope.At("discriminador"), originais)
		lf := cfg.ConstroiCritico(scope.At("discriminador"), falsos)
		perdaD = PerdaD(lr, lf)
		cfg.OtimizadorD.Atualiza(scope, perdaD, variaveisEmUso(scope.At("discriminador"), gr))
		dr, df = graph.ReduceAllMean(graph.Sigmoid(lr)), graph.ReduceAllMean(graph.Sigmoid(lf))
	}
	return []*graph.Node{l1, perdaG, perdaD, dr, df}
}

// Passo dá um passo de treino com Lote imagens originais de amostra (em
// [−1, 1], achatadas), degradadas por Degrada, e devolve as métricas para as
// curvas de treino.Laco.
func (r *Restaurador) Passo(amostra func(n int) []float32) map[string]float64 {
	y := amostra(r.Cfg.Lote)
	x := Degrada(y)
	n := r.Cfg.Lote
	s := r.passo.MustCall(tensors.FromFlatDataAndDimensions(x, n, LadoPequeno, LadoPequeno),
		tensors.FromFlatDataAndDimensions(y, n, 28, 28))
	m := map[string]float64{"erro L1": escalar(s[0])}
	if r.Cfg.Adversaria > 0 {
		m["perda de G"], m["perda de D"], m["D(real)"], m["D(restaurada)"] = escalar(s[1]), escalar(s[2]), escalar(s[3]), escalar(s[4])
	}
	return m
}

// Restaura aplica o gerador a imagens degradadas (achatadas, n×49, em
// [−1, 1]) e devolve as restauradas (n×784, em [−1, 1]), em lotes de 500.
func (r *Restaurador) Restaura(degradadas []float32) []float32 {
	const t = LadoPequeno * LadoPequeno
	n := len(degradadas) / t
	saida := make([]float32, 0, n*784)
	for de := 0; de < n; de += 500 {
		ate := min(n, de+500)
		y := r.restaura.MustCall(tensors.FromFlatDataAndDimensions(degradadas[de*t:ate*t], ate-de, LadoPequeno, LadoPequeno))[0]
		saida = append(saida, tensors.MustCopyFlatData[float32](y)...)
	}
	return saida
}

// CarregaRestaurador monta o restaurador com as variáveis de um treino.Laco
// terminado, de nome nome.
func CarregaRestaurador(nome string, cfg Restauracao) *Restaurador {
	store, _ := treino.Abre(nome)
	return NovoRestaurador(store, cfg)
}

// PassosRestauracao é a duração de cada treino de restauração: 3.000 passos
// (500 no modo rápido).
func PassosRestauracao() int { return curso.Escolhe(3000, 500) }

// ConfigRestauracao é a restauração da lição 04: gerador com 32 canais,
// lotes de 32, Adam 1e-3 para G e 2e-4 para D (β₁ = 0,5), as taxas caindo
// como um cosseno até o fim do treino; com adversaria, λ = 0,05.
func ConfigRestauracao(adversaria bool) Restauracao {
	c := Restauracao{
		Canais: 16, Lote: 16,
		OtimizadorG: Adam{Taxa: 1e-3}, OtimizadorD: Adam{Taxa: 2e-4},
		Decaimento: PassosRestauracao(),
	}
	if adversaria {
		c.Adversaria = 0.05
	}
	return c
}

// Nitidez é a energia média do gradiente das imagens (achatadas, n×784,
// pixels em [0, 1]): em cada pixel, Δx² + Δy², com Δx e Δy as diferenças
// para o vizinho da direita e o de baixo; a média sobre todos os pixels de
// todas as imagens. O quadrado é o que mede a nitidez: um salto de 0 a 1
// num pixel vale 1; o mesmo salto espalhado em 4 degraus de 1/4 (uma borda
// borrada) vale 4·(1/4)² = 1/4. (A média de |Δ|, sem o quadrado, daria 1
// nos dois casos.)
func Nitidez(imagens []float32) float64 {
	n := len(imagens) / 784
	soma := 0.0
	for k := range n {
		im := imagens[k*784 : (k+1)*784]
		for i := range 27 {
			for j := range 27 {
				dx := float64(im[i*28+j+1] - im[i*28+j])
				dy := float64(im[(i+1)*28+j] - im[i*28+j])
				soma += dx*dx + dy*dy
			}
		}
	}
	return soma / float64(n*27*27)
}

// ErroL1 é o erro absoluto médio, pixel a pixel, entre duas listas de
// imagens do mesmo tamanho.
func ErroL1(a, b []float32) float64 {
	soma := 0.0
	for i := range a {
		soma += math.Abs(float64(a[i] - b[i]))
	}
	return soma / float64(len(a))
}
