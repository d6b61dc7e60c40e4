package cnn

import (
	"slices"

	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/chaves"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// O motor Go puro executa uma operação de cada vez, e só o produto de
// matrizes dele é rápido (com SIMD); a convolução dele é um laço escalar
// sobre cada saída. Lá, a camada convolucional é montada de outro jeito,
// com a mesma conta: a costura do motor (motor.Peca) troca camada por
// camadaNoGoPuro. No XLA fica a camada de cnn.go. Quanto cada troca ganha
// está em DESEMPENHO.md (seção 3); TestGradientesNoGoPuro e TestTreinaNoGoPuro
// rodam os testes do pacote neste caminho.
func init() {
	motor.ReescreveNoGoPuro(camada, camadaNoGoPuro)
}

// camadaNoGoPuro é a camada no motor Go puro, com as mesmas variáveis e o
// mesmo resultado que camada:
//
//   - a convolução com padding como im2col (convolucaoIm2col): um produto
//     de matrizes em vez da convolução do motor (im2col_test.go); sem
//     padding, a de sempre;
//   - com max-pooling, a ReLU depois do pooling: o máximo das ReLUs é a ReLU
//     do máximo (a ReLU não muda a ordem dos valores), e depois do pooling
//     ela passa por 4× menos valores, na ida e na volta (pooling_test.go
//     confere valores e gradientes). Quando alguém anota a saída da ReLU
//     (os mapas de ativação), a ordem é a de camada.
func camadaNoGoPuro(scope *model.Scope, x *graph.Node, c Conv, i int, anota func(nome string, saida *graph.Node)) *graph.Node {
	if c.SemPadding { // o im2col do curso é só o com padding
		x = convolucao(scope, x, c)
	} else {
		x = convolucaoIm2col(scope, x, c)
	}
	if c.Pool > 1 && !c.PoolMedia && anota == nil {
		return activation.Relu(Pooling(x, c.Pool, false))
	}
	return reluEPooling(x, c, i, anota)
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
// (filtrosᵀ · matriz deitada)ᵀ, e o passo fica um pouco mais curto
// (DESEMPENHO.md, "conv1-de-pe"; chaves.Im2colDePe monta de pé).
func convolucaoIm2col(scope *model.Scope, x *graph.Node, c Conv) *graph.Node {
	d, k := x.Shape().Dimensions, c.Kernel
	vars := scope.In("conv")
	canais := d[3]
	filtros := vars.VariableWithShape("weights", shapes.Make(x.DType(), k, k, canais, c.Filtros)).NodeValue(x.Graph())
	vies := vars.VariableWithShape("biases", shapes.Make(x.DType(), c.Filtros)).NodeValue(x.Graph())
	filtros = graph.Reshape(filtros, k*k*canais, c.Filtros) // [k·k·canais, filtros]
	var y *graph.Node                                       // [lote·altura·largura, filtros]
	if canais == 1 && !chaves.Im2colDePe {
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
