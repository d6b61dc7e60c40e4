// Package cnn monta redes convolucionais (CNN) no GoMLX a partir de uma
// descrição curta: uma pilha de camadas convolucionais (cada uma seguida de
// ReLU e, se pedido, de um pooling 2×2), depois camadas densas, depois a
// saída com uma pontuação (logit) por classe.
//
// É a rede da lição 01, no estilo da LeNet-5 (LeCun et al., 1998), e a que a
// lição 04 usa como juiz dos dígitos gerados pela GAN. O notebook mostra
// antes cada peça à mão; este pacote junta as peças sem repetir código:
//
//	rede := cnn.LeNet()              // conv 5×5 ×16 → pool → conv 5×5 ×32 → pool → densa 128 → 10
//	m := treino.Treina(treino.Config{Nome: "01-cnn", Modelo: rede.Modelo(), …})
//	for _, c := range rede.Resumo(28, 28) { fmt.Println(c) } // formas e parâmetros por camada
//
// As imagens entram como [lote, altura, largura] (tons de cinza) ou
// [lote, altura, largura, canais]; os canais ficam no último eixo.
//
// # Peças feitas de outro jeito (remendos para o GoMLX)
//
// Mesmo resultado que as do GoMLX (pooling_test.go e im2col_test.go
// comparam valores e gradientes), mais rápidas: o pooling no XLA para CPU,
// a convolução e a ordem ReLU/pooling no motor Go puro. Medido no GoMLX
// v0.28.2 (LeNet da lição 01, lote 128, 2 núcleos, execuções alternadas):
//
//   - [Pooling] como "reagrupar e reduzir" em vez de graph.MaxPool: 56–77 ms
//     por passo contra 148–155 ms (o gradiente do MaxPool, SelectAndScatter,
//     é lento no XLA para CPU);
//   - no motor Go puro, todas as convoluções como im2col ([Vizinhancas] e
//     um produto de matrizes; veja convolucao) em vez de
//     layers.Convolution: com GOEXPERIMENT=simd, 0,15 s por passo contra
//     1,2 s com as do GoMLX. Na 1ª camada (um canal), a matriz do im2col
//     montada deitada: ~4% a menos no passo (veja convolucaoIm2col). No
//     XLA, a primeira convolução (um canal de entrada) também foi im2col
//     enquanto o curso usava o plugin
//     xla-cpu-pjrt 0.0.1 (49,4 contra 51,0 ms, ~3%); com o XLA mais novo do
//     lammps-jax-pjrt-cpu 0.11.2 a convolução do XLA passou a ganhar (20,6
//     contra 22,0 ms), e no XLA o curso usa só a do GoMLX;
//   - no motor Go puro, a ReLU depois do max-pooling (o máximo das ReLUs é
//     a ReLU do máximo): 4× menos valores passam pela ReLU, ~5% a menos no
//     passo (119 → 113 ms, alternadas). No XLA a ReLU se funde à convolução
//     e a ordem fica a de sempre;
//   - no motor Go puro, o viés das convoluções repetido em cada linha antes
//     da soma (motor.ViesNasLinhas): ~4% a menos no passo.
//
// Uma diferença conhecida: num empate dentro da janela do max-pooling, o
// gradiente de [Pooling] vai inteiro para cada máximo empatado, e o do
// graph.MaxPool para um só (veja Pooling).
//
// Para conferir de novo numa atualização do GoMLX: scripts/bench.sh mede o
// antes e o depois de cada um ("pool-original", "conv-original",
// "conv1-de-pe", "vies-com-broadcast"); o que não for mais rápido, troque
// pela peça do GoMLX (convolucao e Pooling ficam com uma linha cada).
package cnn

import (
	"fmt"
	"slices"

	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Conv descreve uma camada convolucional.
type Conv struct {
	Filtros int // quantos filtros (canais de saída)
	Kernel  int // tamanho do filtro (Kernel×Kernel)
	// Pool é o tamanho do pooling depois da ReLU (2 = 2×2, passo 2); 0 = sem pooling.
	Pool int
	// PoolMedia usa pooling pela média em vez do máximo.
	PoolMedia bool
	// SemPadding: sem preenchimento a saída encolhe Kernel−1 pixels; por
	// padrão a borda é preenchida com zeros e a saída tem o tamanho da entrada.
	SemPadding bool
}

// Rede descreve uma CNN completa.
type Rede struct {
	Convs   []Conv  // camadas convolucionais, na ordem
	Densas  []int   // camadas densas ocultas (com ReLU), na ordem
	Classes int     // número de classes (saídas)
	Dropout float64 // fração de neurônios desligados no treino antes de cada densa (0 = sem)
}

// LeNet é a rede da lição 01: duas convoluções 5×5 (16 e 32 filtros), cada
// uma com max-pooling 2×2, uma camada densa de 128 e 10 saídas.
func LeNet() Rede {
	return Rede{
		Convs:   []Conv{{Filtros: 16, Kernel: 5, Pool: 2}, {Filtros: 32, Kernel: 5, Pool: 2}},
		Densas:  []int{128},
		Classes: 10,
	}
}

// Modelo devolve a função de modelo para treino.Treina e treino.Carrega.
func (r Rede) Modelo() treino.ModeloFn {
	return func(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
		return []*graph.Node{r.constroi(scope, entradas[0], nil)}
	}
}

// constroi monta o grafo; se anota não for nil, recebe a saída de cada
// camada (para ver os mapas de ativação).
func (r Rede) constroi(scope *model.Scope, x *graph.Node, anota func(nome string, saida *graph.Node)) *graph.Node {
	if r.Classes <= 0 {
		panic("cnn.Rede: Classes deve ser positivo")
	}
	if x.Rank() == 3 { // [lote, altura, largura] → um canal
		x = graph.InsertAxes(x, -1)
	}
	inspeciona := anota != nil
	if anota == nil {
		anota = func(string, *graph.Node) {}
	}
	g := x.Graph()
	for i, c := range r.Convs {
		x = convolucao(scope.In("conv%d", i), x, c)
		if c.Pool > 1 && !c.PoolMedia && !inspeciona && motor.GoPuro(g) {
			// O máximo das ReLUs é a ReLU do máximo (a ReLU não muda a
			// ordem dos valores). No motor Go puro, que faz uma operação de
			// cada vez, a ReLU depois do pooling passa por 4× menos valores,
			// na ida e na volta: os mesmos valores e o mesmo gradiente
			// (pooling_test.go), ~5% a menos no passo da LeNet.
			x = activation.Relu(Pooling(x, c.Pool, false))
			continue
		}
		x = activation.Relu(x)
		anota(fmt.Sprintf("conv%d", i), x)
		if c.Pool > 1 {
			x = Pooling(x, c.Pool, c.PoolMedia)
			anota(fmt.Sprintf("pool%d", i), x)
		}
	}
	x = graph.Reshape(x, x.Shape().Dimensions[0], -1) // achata: [lote, altura·largura·canais]
	for i, n := range r.Densas {
		if r.Dropout > 0 {
			x = layers.Dropout(scope, x, graph.Scalar(g, x.DType(), r.Dropout))
		}
		x = activation.Relu(layers.Dense(scope.In("densa%d", i), x, true, n))
		anota(fmt.Sprintf("densa%d", i), x)
	}
	return layers.Dense(scope.In("saida"), x, true, r.Classes)
}

// LinhaDoResumo resume uma camada: nome, forma da saída (sem o lote) e parâmetros.
type LinhaDoResumo struct {
	Nome       string
	Saida      []int
	Parametros int
}

func (c LinhaDoResumo) String() string {
	return fmt.Sprintf("%-8s saída %-14s %9d parâmetros", c.Nome, fmt.Sprint(c.Saida), c.Parametros)
}

// Resumo calcula, sem construir grafo, a forma da saída e o número de
// parâmetros de cada camada para imagens altura×largura de um canal.
func (r Rede) Resumo(altura, largura int) []LinhaDoResumo {
	var cs []LinhaDoResumo
	h, w, canais := altura, largura, 1
	for i, c := range r.Convs {
		if c.SemPadding {
			h, w = h-c.Kernel+1, w-c.Kernel+1
		}
		params := c.Kernel*c.Kernel*canais*c.Filtros + c.Filtros
		canais = c.Filtros
		cs = append(cs, LinhaDoResumo{fmt.Sprintf("conv%d", i), []int{h, w, canais}, params})
		if c.Pool > 1 {
			h, w = h/c.Pool, w/c.Pool
			cs = append(cs, LinhaDoResumo{fmt.Sprintf("pool%d", i), []int{h, w, canais}, 0})
		}
	}
	n := h * w * canais
	for i, d := range r.Densas {
		cs = append(cs, LinhaDoResumo{fmt.Sprintf("densa%d", i), []int{d}, n*d + d})
		n = d
	}
	cs = append(cs, LinhaDoResumo{"saida", []int{r.Classes}, n*r.Classes + r.Classes})
	return cs
}

// TotalParametros soma os parâmetros de todas as camadas.
func (r Rede) TotalParametros(altura, largura int) int {
	t := 0
	for _, c := range r.Resumo(altura, largura) {
		t += c.Parametros
	}
	return t
}

// Assinatura descreve a arquitetura num texto curto, bom para nome de
// checkpoint: "c16k5p2-c32k5p2-d128-s10". Redes diferentes têm assinaturas
// diferentes, então mudar a rede não reaproveita o checkpoint errado.
func (r Rede) Assinatura() string {
	s := ""
	for _, c := range r.Convs {
		s += fmt.Sprintf("c%dk%d", c.Filtros, c.Kernel)
		if c.Pool > 1 {
			tipo := "p"
			if c.PoolMedia {
				tipo = "m"
			}
			s += fmt.Sprintf("%s%d", tipo, c.Pool)
		}
		if c.SemPadding {
			s += "v"
		}
		s += "-"
	}
	for _, d := range r.Densas {
		s += fmt.Sprintf("d%d-", d)
	}
	if r.Dropout > 0 {
		s += fmt.Sprintf("x%02.0f-", 100*r.Dropout)
	}
	return s + fmt.Sprintf("s%d", r.Classes)
}

// convolucao aplica a camada convolucional c a x [lote, altura, largura,
// canais]. As variáveis são as de layers.Convolution ("conv/weights",
// [k, k, canais, filtros], e "conv/biases"), com os mesmos nomes e formas:
// os checkpoints e cnn.Filtros valem para os dois caminhos.
//
// Com padding, a conta pode ser feita como im2col (Chellapilla et al.,
// 2006; [convolucaoIm2col]), com o mesmo resultado (pkg/cnn/im2col_test.go).
// Qual caminho é mais rápido depende do motor:
//
//   - no Go puro, o im2col: a convolução do motor é um laço escalar sobre
//     cada saída, e o produto de matrizes dele usa SIMD. Medido na LeNet
//     (lote 128, 2 núcleos, GOEXPERIMENT=simd): 1,2 s por passo de treino
//     com as convoluções do GoMLX, 0,15 s com im2col nas duas camadas;
//   - no XLA, a convolução do XLA: na 2ª camada da LeNet o im2col levou 69
//     contra 26 ms por passo, e na 1ª (um canal só) 22,0 contra 20,6 ms com
//     o plugin do curso (scripts/bench.sh, "conv-original").
func convolucao(scope *model.Scope, x *graph.Node, c Conv) *graph.Node {
	if !c.SemPadding && motor.GoPuro(x.Graph()) {
		return convolucaoIm2col(scope, x, c)
	}
	conv := layers.Convolution(scope, x).Filters(c.Filtros).KernelSize(c.Kernel)
	if !c.SemPadding {
		conv = conv.PadSame()
	}
	return conv.Done()
}

// convolucaoIm2col é a convolução com padding (saída do tamanho da
// entrada) como im2col: os k×k vizinhos de cada pixel, em todos os canais,
// viram uma linha de uma matriz [lote·altura·largura, k·k·canais]
// ([Vizinhancas]), e a convolução vira o produto dessa matriz pelos filtros
// [k·k·canais, filtros]: a ordem (i, j, canal) das colunas é a mesma dos
// pesos [k, k, canais, filtros] de layers.Convolution.
//
// Com um canal só (a 1ª camada da LeNet), a mesma matriz é montada deitada,
// [k·k, lote·altura·largura]: cada deslocamento da imagem vira uma linha
// inteira, copiada em bloco. De pé, cada linha teria k·k valores, um de cada
// deslocamento, e o motor Go puro os juntaria um por um. A conta é a mesma,
// (filtrosᵀ · matriz deitada)ᵀ: ~4% a menos no passo da LeNet no Go puro
// (medidas alternadas; scripts/bench.sh, "conv1-de-pe").
func convolucaoIm2col(scope *model.Scope, x *graph.Node, c Conv) *graph.Node {
	d, k := x.Shape().Dimensions, c.Kernel
	vars := scope.In("conv")
	canais := d[3]
	filtros := vars.VariableWithShape("weights", shapes.Make(x.DType(), k, k, canais, c.Filtros)).NodeValue(x.Graph())
	vies := vars.VariableWithShape("biases", shapes.Make(x.DType(), c.Filtros)).NodeValue(x.Graph())
	filtros = graph.Reshape(filtros, k*k*canais, c.Filtros) // [k·k·canais, filtros]
	var y *graph.Node                                       // [lote·altura·largura, filtros]
	if canais == 1 && !Im2colDePe {
		imagens := graph.Reshape(x, d[0], d[1], d[2]) // o eixo do canal, de tamanho 1, sai
		colunas := deslocados(imagens, k)
		for i := range colunas {
			colunas[i] = graph.InsertAxes(colunas[i], 0)
		}
		m := graph.Reshape(graph.Concatenate(colunas, 0), k*k, -1)                        // [k·k, lote·altura·largura]
		y = graph.Transpose(graph.Dot(graph.Transpose(filtros, 0, 1), m).Product(), 0, 1) // (filtrosᵀ·m)ᵀ
	} else {
		linhas := graph.Reshape(Vizinhancas(x, k), -1, k*k*canais) // [lote·altura·largura, k·k·canais]
		y = graph.Dot(linhas, filtros).Product()
	}
	y = graph.Add(y, motor.ViesNasLinhas(vies, y.Shape().Dim(0)))
	return graph.Reshape(y, d[0], d[1], d[2], c.Filtros)
}

// Im2colDePe faz a 1ª camada (um canal) montar a matriz do im2col de pé,
// como as outras: o "antes" do bench (velocidade -conv1-de-pe).
var Im2colDePe = false

// Vizinhancas devolve, para cada pixel de x [lote, altura, largura, canais],
// os k×k valores ao seu redor (com zeros fora da imagem), em cada canal, em
// ordem de linha: [lote, altura, largura, k·k·canais]. O vizinho (i, j) do
// pixel (y, x) — com i e j de 0 a k−1 — no canal c é x[y+i−(k−1)/2,
// x+j−(k−1)/2, c] e fica na posição (i·k + j)·canais + c, a mesma ordem dos
// pesos de um filtro [k, k, canais]. É o "im2col": a convolução vira
// Vizinhancas(x, k) · filtros.
func Vizinhancas(x *graph.Node, k int) *graph.Node {
	return graph.Concatenate(deslocados(x, k), -1)
}

// deslocados devolve as k·k cópias de x [lote, altura, largura, ...]
// deslocadas de (i−(k−1)/2, j−(k−1)/2) pixels, na ordem (i, j), com zeros
// onde a cópia sai da imagem: a cópia (i, j) traz, em cada pixel, o seu
// vizinho (i, j).
func deslocados(x *graph.Node, k int) []*graph.Node {
	d, p := x.Shape().Dimensions, (k-1)/2
	// Preenche a borda com zeros concatenando (funciona em todos os motores).
	borda := func(t *graph.Node, eixo, n int) *graph.Node {
		dims := slices.Clone(t.Shape().Dimensions)
		dims[eixo] = n
		return graph.Zeros(x.Graph(), shapes.Make(x.DType(), dims...))
	}
	xp := graph.Concatenate([]*graph.Node{borda(x, 1, p), x, borda(x, 1, k-1-p)}, 1)
	xp = graph.Concatenate([]*graph.Node{borda(xp, 2, p), xp, borda(xp, 2, k-1-p)}, 2)
	var r []*graph.Node
	for i := range k {
		for j := range k {
			// Os eixos depois da largura (os canais, se houver) vão inteiros.
			r = append(r, graph.Slice(xp, graph.AxisRange(), graph.AxisRange(i, i+d[1]), graph.AxisRange(j, j+d[2])))
		}
	}
	return r
}

// Pooling reduz cada bloco janela×janela (passo = janela) de x, com forma
// [lote, altura, largura, canais], ao seu máximo (ou à sua média, se media).
//
// O resultado é o mesmo de graph.MaxPool(x).Window(janela) (e de MeanPool),
// mas, quando altura e largura são múltiplos da janela, a conta é feita
// como "reagrupar e reduzir": Reshape para [lote, altura/j, j, largura/j, j,
// canais] e ReduceMax nos eixos j. O gradiente disso é uma máscara simples,
// enquanto o do MaxPool do GoMLX (SelectAndScatter) é lento no XLA para CPU:
// medido com scripts/bench.sh, o passo de treino da LeNet caiu pela metade.
// Também funciona no motor Go puro (que, antes do compute v0.1.3, não tinha
// o gradiente do MaxPool).
//
// O gradiente só difere num empate: com dois ou mais máximos iguais na
// janela, cada um recebe o gradiente inteiro da saída (a máscara "é o
// máximo" do ReduceMax), enquanto o graph.MaxPool (e o max_pool2d do
// PyTorch) o dá a um só. Na LeNet isso acontece na 1ª camada, onde a imagem
// é só fundo: as 4 saídas da janela valem o viés, e o gradiente do viés conta
// a janela até 4 vezes. A lição treina com este pooling (e os números dela
// são os dele); pooling_test.go compara os gradientes sem empates.
//
// Se as dimensões não forem múltiplos da janela, usa o pooling do GoMLX.
func Pooling(x *graph.Node, janela int, media bool) *graph.Node {
	d := x.Shape().Dimensions
	if x.Rank() != 4 || d[1]%janela != 0 || d[2]%janela != 0 {
		if media {
			return graph.MeanPool(x).Window(janela).Done()
		}
		return graph.MaxPool(x).Window(janela).Done()
	}
	blocos := graph.Reshape(x, d[0], d[1]/janela, janela, d[2]/janela, janela, d[3])
	if media {
		return graph.ReduceMean(blocos, 2, 4)
	}
	return graph.ReduceMax(blocos, 2, 4)
}
