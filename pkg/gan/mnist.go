package gan

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// AmostradorDeImagens devolve uma função que sorteia n imagens do
// conjunto (achatadas, n×altura×largura), com os pixels levados de [0, 1]
// para [−1, 1] — o intervalo da saída tanh do gerador.
func AmostradorDeImagens(im *dados.Imagens, semente uint64) func(n int) []float32 {
	r := rand.New(rand.NewPCG(semente, 1998))
	t := im.Altura * im.Largura
	return func(n int) []float32 {
		x := make([]float32, 0, n*t)
		for range n {
			for _, p := range im.Imagem(r.IntN(im.N)) {
				x = append(x, 2*p-1)
			}
		}
		return x
	}
}

// EmExemplos corta um vetor achatado em pedaços de tamanho valores (uma imagem
// por pedaço, por exemplo), sem copiar.
func EmExemplos(x []float32, tamanho int) [][]float32 {
	var partes [][]float32
	for i := 0; i+tamanho <= len(x); i += tamanho {
		partes = append(partes, x[i:i+tamanho])
	}
	return partes
}

// ParaPixels leva imagens geradas (em [−1, 1]) de volta a [0, 1].
func ParaPixels(x []float32) []float32 {
	p := make([]float32, len(x))
	for i, v := range x {
		p[i] = max(0, min(1, (v+1)/2))
	}
	return p
}

// Juiz devolve o classificador de dígitos da lição 01, que aqui julga os
// dígitos gerados. Se a lição 01 já foi rodada (no mesmo modo, rápido ou
// completo), o modelo é carregado do checkpoint dela; senão, é treinado
// agora, com a mesma configuração e o mesmo nome (cnn.TreinoLeNet) — e fica
// pronto para a lição 01 também.
func Juiz() *treino.Modelo {
	cfg := cnn.TreinoLeNet()
	pasta := filepath.Join(curso.PastaModelos(), cfg.Nome)
	if _, err := os.Stat(pasta); err == nil {
		fmt.Printf("⚖️  Juiz: o classificador da lição 01 (LeNet), carregado de %s.\n", pasta)
	} else {
		fmt.Printf("⚖️  Juiz: o classificador da lição 01 (LeNet) ainda não foi treinado neste modo;\n" +
			"   treinando-o agora, com a mesma configuração da lição 01 (o checkpoint fica para ela também).\n")
	}
	cfg.SemGrafico = true
	return treino.Treina(cfg)
}

// Julgamento é o que o juiz achou de um conjunto de imagens.
type Julgamento struct {
	Previsto   []int     // o dígito que o juiz vê em cada imagem
	Confianca  []float64 // a probabilidade que ele dá a esse dígito
	Confiantes float64   // fração das imagens com confiança ≥ 0,9
	// PorDigito conta, entre as imagens julgadas com confiança ≥ 0,9,
	// quantas o juiz viu como cada dígito.
	PorDigito [10]int
	Presentes int // quantos dígitos aparecem (com confiança ≥ 0,9) pelo menos uma vez
	// Uniformidade é a entropia de PorDigito dividida pela máxima (log 10):
	// 1 = os dez dígitos igualmente frequentes; 0 = um dígito só.
	Uniformidade float64
}

// LimiarConfianca é a confiança a partir da qual um dígito gerado conta
// como "claramente um dígito".
const LimiarConfianca = 0.9

// Julga passa as imagens (achatadas, n×28×28, pixels em [0, 1]) pelo juiz.
func Julga(juiz *treino.Modelo, imagens []float32) Julgamento {
	return julgaLogits(juiz.Saidas(imagens, []int{28, 28}))
}

// julgaLogits faz o julgamento a partir dos logits do juiz, um vetor de 10
// por imagem.
func julgaLogits(saidas [][]float32) Julgamento {
	j := Julgamento{Previsto: make([]int, len(saidas)), Confianca: make([]float64, len(saidas))}
	confiantes := 0
	for i, logits := range saidas {
		// softmax, estável: subtrai o maior logit.
		melhor := 0
		for k := range logits {
			if logits[k] > logits[melhor] {
				melhor = k
			}
		}
		soma := 0.0
		for k := range logits {
			soma += math.Exp(float64(logits[k] - logits[melhor]))
		}
		j.Previsto[i], j.Confianca[i] = melhor, 1/soma
		if j.Confianca[i] >= LimiarConfianca {
			confiantes++
			j.PorDigito[melhor]++
		}
	}
	if len(saidas) > 0 {
		j.Confiantes = float64(confiantes) / float64(len(saidas))
	}
	for _, c := range j.PorDigito {
		if c > 0 {
			j.Presentes++
			p := float64(c) / float64(confiantes)
			j.Uniformidade -= p * math.Log(p)
		}
	}
	j.Uniformidade /= math.Log(10)
	return j
}
