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
// Mesmo resultado que as do GoMLX (pooling_test.go, im2col_test.go e
// camada_test.go comparam valores e gradientes), mais rápidas; quanto, em
// cada motor, está em DESEMPENHO.md (seção 3, "O que otimizamos"), medido de
// novo a cada scripts/bench.sh:
//
//   - [Pooling] como "reagrupar e reduzir" em vez de graph.MaxPool, nos dois
//     motores: o gradiente do MaxPool (SelectAndScatter) é lento no XLA para
//     CPU;
//   - no motor Go puro, a camada inteira de outro jeito (camadaNoGoPuro, em
//     gopuro.go, que a costura do motor, motor.Peca, põe no lugar de camada):
//     as convoluções como im2col ([Vizinhancas] e um produto de matrizes,
//     porque a convolução do motor é um laço escalar e o produto dele usa
//     SIMD), a matriz do im2col da 1ª camada montada deitada, a ReLU depois
//     do max-pooling (passa por 4× menos valores) e o viés repetido em cada
//     linha antes da soma (motor.ViesNasLinhas). No XLA, que funde a ReLU à
//     convolução e tem a sua convolução rápida, fica a camada de sempre.
//
// Uma diferença conhecida: num empate dentro da janela do max-pooling, o
// gradiente de [Pooling] vai inteiro para cada máximo empatado, e o do
// graph.MaxPool para um só (veja Pooling).
//
// Para conferir de novo numa atualização do GoMLX: scripts/bench.sh mede o
// antes e o depois de cada um ("pool-original", "conv-original",
// "conv1-de-pe", "vies-com-broadcast"); o que não for mais rápido, troque
// pela peça do GoMLX (apague a troca em gopuro.go, ou faça Pooling chamar o
// graph.MaxPool).
package cnn

import (
	"fmt"

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
	g := x.Graph()
	for i, c := range r.Convs {
		// motor.Peca: no motor Go puro, a camada é montada de outro jeito,
		// com a mesma conta (camadaNoGoPuro, em gopuro.go).
		x = motor.Peca(g, camada)(scope.In("conv%d", i), x, c, i, anota)
	}
	x = graph.Reshape(x, x.Shape().Dimensions[0], -1) // achata: [lote, altura·largura·canais]
	for i, n := range r.Densas {
		if r.Dropout > 0 {
			x = layers.Dropout(scope, x, graph.Scalar(g, x.DType(), r.Dropout))
		}
		x = activation.Relu(layers.Dense(scope.In("densa%d", i), x, true, n))
		if anota != nil {
			anota(fmt.Sprintf("densa%d", i), x)
		}
	}
	return layers.Dense(scope.In("saida"), x, true, r.Classes)
}

// camada monta a camada convolucional i (scope é o dela, "conv<i>"):
// convolução → ReLU → pooling, se c pede. Se anota não for nil, recebe a
// saída da ReLU ("conv<i>") e a do pooling ("pool<i>").
func camada(scope *model.Scope, x *graph.Node, c Conv, i int, anota func(nome string, saida *graph.Node)) *graph.Node {
	return reluEPooling(convolucao(scope, x, c), c, i, anota)
}

// reluEPooling é o resto da camada i depois da convolução: ReLU → pooling.
func reluEPooling(x *graph.Node, c Conv, i int, anota func(nome string, saida *graph.Node)) *graph.Node {
	x = activation.Relu(x)
	if anota != nil {
		anota(fmt.Sprintf("conv%d", i), x)
	}
	if c.Pool > 1 {
		x = Pooling(x, c.Pool, c.PoolMedia)
		if anota != nil {
			anota(fmt.Sprintf("pool%d", i), x)
		}
	}
	return x
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
// canais]: layers.Convolution, com as variáveis "conv/weights" [k, k, canais,
// filtros] e "conv/biases". No motor Go puro, a camada usa outra conta com as
// mesmas variáveis (convolucaoIm2col, em gopuro.go): os checkpoints e
// cnn.Filtros valem para os dois.
func convolucao(scope *model.Scope, x *graph.Node, c Conv) *graph.Node {
	conv := layers.Convolution(scope, x).Filters(c.Filtros).KernelSize(c.Kernel)
	if !c.SemPadding {
		conv = conv.PadSame()
	}
	return conv.Done()
}

// Pooling reduz cada bloco janela×janela (passo = janela) de x, com forma
// [lote, altura, largura, canais], ao seu máximo (ou à sua média, se media).
//
// O resultado é o mesmo de graph.MaxPool(x).Window(janela) (e de MeanPool),
// mas, quando altura e largura são múltiplos da janela, a conta é feita
// como "reagrupar e reduzir": Reshape para [lote, altura/j, j, largura/j, j,
// canais] e ReduceMax nos eixos j. O gradiente disso é uma máscara simples,
// enquanto o do MaxPool do GoMLX (SelectAndScatter) é lento no XLA para CPU
// (quanto, em DESEMPENHO.md: "pool-original").
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
