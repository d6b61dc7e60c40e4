package cnn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/chaves"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// A convolução feita como im2col (convolucaoIm2col, a convolução de
// camadaNoGoPuro, para todas as camadas com padding no Go puro) dá os mesmos
// valores e os mesmos gradientes (em relação aos filtros, ao viés e à
// imagem) que layers.Convolution do GoMLX com PadSame, usando as mesmas
// variáveis, com um canal e com três, em filtros de tamanho ímpar e par e
// em imagens não quadradas. Com um canal, nas duas arrumações da matriz do
// im2col: deitada (a do curso) e de pé (chaves.Im2colDePe, a das outras camadas).
func TestConvolucaoIm2colIgualADoGoMLX(t *testing.T) {
	motor.Backend() // a escolha só existe depois de criado o motor
	if !motor.EscolhaAtual().XLA() {
		t.Skip("a referência (o gradiente da convolução do GoMLX) só existe no motor XLA")
	}
	r := rand.New(rand.NewPCG(3, 4))
	defer func() { chaves.Im2colDePe = false }()
	for _, caso := range [][3]int{{5, 1, 0}, {3, 1, 0}, {4, 1, 0}, {5, 1, 1}, {4, 1, 1}, {5, 3, 0}, {4, 3, 0}} {
		k, canais := caso[0], caso[1]
		chaves.Im2colDePe = caso[2] == 1
		arrumacao := "de pé"
		if canais == 1 && !chaves.Im2colDePe {
			arrumacao = "deitada"
		}
		t.Run(fmt.Sprintf("k=%d, %d canais, matriz %s", k, canais, arrumacao), func(t *testing.T) {
			forma := []int{2, 9, 7, canais}
			dadosX := make([]float32, 2*9*7*canais)
			for i := range dadosX {
				dadosX[i] = r.Float32()*2 - 1
			}
			x := tensors.FromFlatDataAndDimensions(dadosX, forma...)
			store := model.NewStore()
			saidas := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) []*graph.Node {
				deles := layers.Convolution(scope, x).Filters(3).KernelSize(k).PadSame().Done()
				nosso := convolucaoIm2col(scope.ResetVisited(), x, Conv{Filtros: 3, Kernel: k}) // as mesmas variáveis ("conv")
				g := x.Graph()
				// Pesos diferentes por posição, para o gradiente dizer algo.
				pesos := graph.Iota(g, deles.Shape(), 1)
				var alvos []*graph.Node
				for v := range scope.At("conv").IterVariables() {
					alvos = append(alvos, v.NodeValue(g))
				}
				alvos = append(alvos, x)
				gDeles := graph.Gradient(graph.ReduceAllSum(graph.Mul(deles, pesos)), alvos...)
				gNosso := graph.Gradient(graph.ReduceAllSum(graph.Mul(nosso, pesos)), alvos...)
				out := []*graph.Node{nosso, deles}
				for i := range alvos {
					out = append(out, gNosso[i], gDeles[i])
				}
				return out
			}).MustCall(x)
			n := 0
			for range store.Scope("/conv").IterVariables() {
				n++
			}
			if n != 2 {
				t.Fatalf("esperava 2 variáveis (filtros e viés) compartilhadas, há %d", n)
			}
			nomes := []string{"saída", "gradiente 1", "gradiente 2", "gradiente da imagem"}
			for par := 0; par < len(saidas); par += 2 {
				if k%2 == 0 && nomes[par/2] == "gradiente da imagem" {
					// Com filtro de tamanho par (padding assimétrico), o
					// gradiente do GoMLX v0.26 em relação à imagem está
					// errado: conferido com diferenças finitas, o nosso
					// (fatias e concatenações) bate e o dele não.
					continue
				}
				if !saidas[par].Shape().Equal(saidas[par+1].Shape()) {
					t.Fatalf("%s: forma %v, o GoMLX dá %v", nomes[par/2], saidas[par].Shape(), saidas[par+1].Shape())
				}
				va, vb := tensors.MustCopyFlatData[float32](saidas[par]), tensors.MustCopyFlatData[float32](saidas[par+1])
				for i := range va {
					if math.Abs(float64(va[i]-vb[i])) > 1e-4*(1+math.Abs(float64(vb[i]))) {
						t.Fatalf("%s difere na posição %d: %v, o GoMLX dá %v", nomes[par/2], i, va[i], vb[i])
					}
				}
			}
		})
	}
}

// Com o viés repetido nas linhas (chaves.ViesRepetidoNoLote, só no motor Go puro:
// TestGradientesNoGoPuro roda este teste lá), a convolução como im2col dá a
// mesma saída e os mesmos gradientes (em relação à imagem, aos filtros e ao
// viés), valor a valor, que com o viés [1, filtros] somado com broadcast, com
// um canal e com três.
func TestViesRepetidoNoLoteNaoMudaAConta(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	defer func() { chaves.ViesRepetidoNoLote = true }()
	for _, canais := range []int{1, 3} {
		dadosX := make([]float32, 2*6*5*canais)
		for i := range dadosX {
			dadosX[i] = r.Float32()*2 - 1
		}
		x := tensors.FromFlatDataAndDimensions(dadosX, 2, 6, 5, canais)
		store := model.NewStore()
		// Um viés diferente de zero (o inicializador o deixaria em zeros).
		store.VariableWithValue("/conv/biases", []float32{0.5, -1, 2, 0.25})
		roda := func(repetido bool) [][]float32 {
			chaves.ViesRepetidoNoLote = repetido
			saidas := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) []*graph.Node {
				y := convolucaoIm2col(scope, x, Conv{Filtros: 4, Kernel: 3})
				g := x.Graph()
				pesos := graph.Iota(g, y.Shape(), 1)
				perda := graph.ReduceAllSum(graph.Mul(y, pesos))
				return append([]*graph.Node{y}, gradientesDaConv(scope, x, perda)...)
			}).MustCall(x)
			return planos(saidas)
		}
		com, sem := roda(true), roda(false)
		for i := range com {
			if !slices.Equal(com[i], sem[i]) {
				t.Fatalf("%d canais, saída %d (0 = convolução; depois, os gradientes): com o viés repetido %v, sem %v",
					canais, i, com[i], sem[i])
			}
		}
	}
}
