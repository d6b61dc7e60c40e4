package cnn

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// listras gera imagens 12×12: classe 0 com listras horizontais, classe 1
// com verticais, em posições e intensidades sorteadas.
func listras(n int, semente uint64) *dados.Imagens {
	r := rand.New(rand.NewPCG(semente, 9))
	im := &dados.Imagens{Nome: "listras", N: n, Altura: 12, Largura: 12, Pixels: make([]float32, n*144), Rotulos: make([]int32, n)}
	for i := range n {
		c := int32(r.IntN(2))
		im.Rotulos[i] = c
		fase := r.IntN(3)
		for y := range 12 {
			for x := range 12 {
				v := 0.3 * r.Float32()
				k := y
				if c == 1 {
					k = x
				}
				if (k+fase)%3 == 0 {
					v += 0.7
				}
				im.Pixels[i*144+y*12+x] = v
			}
		}
	}
	return im
}

func TestFormasEParametrosBatemComOGoMLX(t *testing.T) {
	redes := map[string]Rede{
		"lenet":       LeNet(),
		"sem padding": {Convs: []Conv{{Filtros: 6, Kernel: 5, Pool: 2, SemPadding: true}, {Filtros: 16, Kernel: 5, Pool: 2, SemPadding: true}}, Densas: []int{120, 84}, Classes: 10},
		"media":       {Convs: []Conv{{Filtros: 4, Kernel: 3, Pool: 2, PoolMedia: true}}, Classes: 3},
	}
	for nome, r := range redes {
		store := model.NewStore()
		var formas [][]int
		exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
			formas = formas[:0]
			return r.constroi(scope, x, func(_ string, s *graph.Node) { formas = append(formas, s.Shape().Dimensions[1:]) })
		})
		saida := exec.MustCall(tensors.FromFlatDataAndDimensions(make([]float32, 2*28*28), 2, 28, 28))[0]
		if d := saida.Shape().Dimensions; d[0] != 2 || d[1] != r.Classes {
			t.Errorf("%s: saída %v, esperava [2 %d]", nome, d, r.Classes)
		}
		resumo := r.Resumo(28, 28)
		for i, f := range formas {
			if !slices.Equal(f, resumo[i].Saida) {
				t.Errorf("%s, camada %s: GoMLX diz %v, Resumo diz %v", nome, resumo[i].Nome, f, resumo[i].Saida)
			}
		}
		if got, want := treino.NumParametros(store), r.TotalParametros(28, 28); got != want {
			t.Errorf("%s: o GoMLX criou %d parâmetros, Resumo conta %d", nome, got, want)
		}
	}
	// A LeNet clássica (sem padding, 6 e 16 filtros, 120 e 84): 61.706 parâmetros.
	if n := redes["sem padding"].TotalParametros(32, 32); n != 61706 {
		t.Errorf("LeNet-5 em 32×32 deveria ter 61.706 parâmetros, Resumo conta %d", n)
	}
}

func TestAlgunsPassosBaixamAPerda(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	r := Rede{Convs: []Conv{{Filtros: 4, Kernel: 3, Pool: 2}}, Densas: []int{8}, Classes: 2}
	m, err := treino.TreinaOuErro(treino.Config{
		Nome: "listras", Modelo: r.Modelo(),
		Treino:    dados.LotesDeImagens(listras(256, 1), 32).Embaralhados(1),
		Validacao: dados.LotesDeImagens(listras(128, 2), 128),
		Passos:    120, AvaliarACada: 20, TaxaAprend: 0.01,
	})
	if err != nil {
		t.Fatal(err)
	}
	perdas := m.Registro.Series[treino.PerdaValidacao]
	if !(treino.Ultima(perdas) < 0.5*perdas[0]) {
		t.Errorf("a perda de validação não caiu o bastante: %v", perdas)
	}
	if ac := m.Acuracia(listras(128, 3)); ac < 0.9 {
		t.Errorf("acurácia %.3f em listras novas", ac)
	}
	// Filtros e mapas de ativação do modelo treinado.
	filtros, k := Filtros(m, 0)
	if len(filtros) != 4 || k != 3 || len(filtros[0]) != 9 {
		t.Errorf("filtros: %d de %d×%d", len(filtros), k, k)
	}
	mapas := r.Mapas(m, listras(1, 4).Pixels, 12, 12)
	if len(mapas) != 2 || mapas[0].Nome != "conv0" || mapas[0].Altura != 12 || mapas[1].Altura != 6 || mapas[1].Canais != 4 {
		t.Errorf("mapas inesperados: %+v", mapas)
	}
}

// BenchmarkPassoLeNet mede um passo de treino (lote de 128) da LeNet da
// lição 01 em imagens 28×28.
func BenchmarkPassoLeNet(b *testing.B) {
	store := model.NewStore()
	trainer := train.NewTrainer(motor.Backend(), store, LeNet().Modelo(), loss.SparseCategoricalCrossEntropyLogits,
		optimizer.Adam().Done(), nil, nil)
	im := listras(128, 1)
	im.Altura, im.Largura, im.Pixels = 28, 28, make([]float32, 128*28*28)
	lotes := dados.LotesDeImagens(im, 128).Infinitos()
	spec, x, y, _ := lotes.Yield()
	if _, err := trainer.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		spec, x, y, _ := lotes.Yield()
		if _, err := trainer.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(128*b.N)/b.Elapsed().Seconds(), "exemplos/s")
}

func TestAssinatura(t *testing.T) {
	if s := LeNet().Assinatura(); s != "c16k5p2-c32k5p2-d128-s10" {
		t.Errorf("assinatura da LeNet: %q", s)
	}
	a := Rede{Convs: []Conv{{Filtros: 8, Kernel: 3, Pool: 2}}, Classes: 10}
	b := Rede{Convs: []Conv{{Filtros: 8, Kernel: 3, Pool: 2, PoolMedia: true}}, Classes: 10}
	if a.Assinatura() == b.Assinatura() {
		t.Error("redes diferentes com a mesma assinatura")
	}
}
