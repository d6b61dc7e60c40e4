// Package medemotores mede o tempo de um passo de treino de cada modelo das
// lições, no motor em uso (XLA ou Go puro), para o MOTORES.md. Não roda nos
// testes normais: só com REPRESENTACOES_MEDE=<modelo> (ou "todos"); o
// mede.sh alterna XLA e Go puro, modelo a modelo, para que a razão entre os
// dois seja justa numa máquina dividida com outros processos.
package medemotores

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/gabarito"
	"github.com/go-estudos/representacoes/pkg/gan"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rbm"
	"github.com/go-estudos/representacoes/pkg/rnn"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Medida é uma linha do resultado (JSON).
type Medida struct {
	Modelo   string  `json:"modelo"`
	Motor    string  `json:"motor"`
	Compilar float64 `json:"compilar_s"` // o 1º passo (compila o grafo)
	Passo    float64 `json:"passo_s"`    // mediana dos passos seguintes
	N        int     `json:"n"`
	Carga    string  `json:"carga"`
}

// passos mede: o 1º passo à parte, depois passos até ~orcamento (mínimo 3,
// máximo 200); devolve a mediana.
func passos(passo func(), orcamento time.Duration) (compilar, mediana float64, n int) {
	t := time.Now()
	passo()
	compilar = time.Since(t).Seconds()
	var ts []float64
	inicio := time.Now()
	for len(ts) < 3 || (time.Since(inicio) < orcamento && len(ts) < 200) {
		t := time.Now()
		passo()
		ts = append(ts, time.Since(t).Seconds())
	}
	slices.Sort(ts)
	return compilar, ts[len(ts)/2], len(ts)
}

func aleatorios(n int, max float32, semente uint64) []float32 {
	r := rand.New(rand.NewPCG(semente, 3))
	v := make([]float32, n)
	for i := range v {
		v[i] = max * r.Float32()
	}
	return v
}

func imagens(n int) *dados.Imagens {
	im := &dados.Imagens{Nome: "aleatorias", N: n, Altura: 28, Largura: 28, Pixels: aleatorios(n*28*28, 1, 1), Rotulos: make([]int32, n)}
	for i := range im.Rotulos {
		im.Rotulos[i] = int32(i % 10)
	}
	return im
}

// supervisionado mede um passo de treino.Treina: o mesmo Trainer (Adam,
// entropia cruzada ou a perda dada).
func supervisionado(modelo treino.ModeloFn, perda train.LossFn, lotes *dados.Lotes) func() {
	if perda == nil {
		perda = loss.SparseCategoricalCrossEntropyLogits
	}
	tr := train.NewTrainer(motor.Backend(), model.NewStore(), modelo, perda, optimizer.Adam().Done(), nil, nil)
	lotes = lotes.Infinitos()
	return func() {
		spec, x, y, _ := lotes.Yield()
		if _, err := tr.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y}); err != nil {
			panic(err)
		}
	}
}

func memoria(tipo rnn.Tipo, T int) func() {
	m := rnn.Memoria{Comprimento: T}
	return supervisionado(m.Modelo(rnn.Camada{Tipo: tipo, Oculta: 32}), nil, m.Lotes(2000, 64, 1).SoCompletos())
}

func manchas(c rnn.Camada) func() {
	const J, n = 20, 256
	return supervisionado(rnn.Regressor(c), loss.MeanSquaredError,
		dados.NovosLotes("manchas", aleatorios(n*J, 2, 1), []int{J}, nil, 32).ComAlvos(aleatorios(n, 2, 2), []int{1}))
}

func palavras(c rnn.Camada) func() {
	const T, n, simbolos = 15, 512, 40
	x := aleatorios(n*T, simbolos, 1)
	y := aleatorios(n*T, simbolos, 2)
	for i := range x {
		x[i], y[i] = float32(int(x[i])), float32(int(y[i]))
	}
	return supervisionado(rnn.ModeloDeLinguagem(c, simbolos), rnn.PerdaPorPasso,
		dados.NovosLotes("palavras", x, []int{T}, nil, 128).ComAlvos(y, []int{T}))
}

func ganPasso(cfg gan.Config) func() {
	g := gan.Nova(model.NewStore(), cfg)
	amostra := func(n int) []float32 { return aleatorios(n*cfg.Dados, 1, uint64(n)) }
	return func() { g.Passo(amostra) }
}

var modelos = map[string]func() func(){
	"00-perceptron": func() func() {
		return supervisionado(gabarito.Perceptron, nil, dados.LotesDeImagens(imagens(1024), 128))
	},
	"00-mlp": func() func() { return supervisionado(gabarito.MLP, nil, dados.LotesDeImagens(imagens(1024), 128)) },
	"01-lenet": func() func() {
		return supervisionado(cnn.LeNet().Modelo(), nil, dados.LotesDeImagens(imagens(1024), 128))
	},
	"01-minha-rede": func() func() {
		r := cnn.Rede{Convs: []cnn.Conv{{Filtros: 8, Kernel: 3, Pool: 2}, {Filtros: 16, Kernel: 3, Pool: 2}}, Densas: []int{32}, Classes: 10}
		return supervisionado(r.Modelo(), nil, dados.LotesDeImagens(imagens(1024), 64))
	},
	"02-memoria-rnn-T30":  func() func() { return memoria(rnn.Simples, 30) },
	"02-memoria-lstm-T30": func() func() { return memoria(rnn.LSTM, 30) },
	"02-memoria-gru-T30":  func() func() { return memoria(rnn.GRU, 30) },
	"02-manchas-lstm":     func() func() { return manchas(rnn.Camada{Tipo: rnn.LSTM, Oculta: 32}) },
	"02-palavras-lstm128x2": func() func() {
		return palavras(rnn.Camada{Tipo: rnn.LSTM, Oculta: 128, Camadas: 2})
	},
	"02-palavras-lstm48": func() func() { return palavras(rnn.Camada{Tipo: rnn.LSTM, Oculta: 48}) },
	"03-ajuste-784-500-500-10": func() func() {
		c := rbm.Classificador{Entradas: 784, Ocultas: []int{500, 500}, Classes: 10, Dropout: 0.2}
		return supervisionado(c.Modelo(), nil, dados.LotesDeImagens(imagens(1024), 128))
	},
	"04-gan-anel": func() func() {
		return ganPasso(gan.Config{Dados: 2, Latente: 2, Gerador: []int{128, 128}, Discriminador: []int{128, 128},
			Lote: 128, PassosG: 10, OtimizadorD: gan.Adam{Taxa: 1e-3}, OtimizadorG: gan.Adam{Taxa: 1e-3}, Decaimento: 6000, DesvioLote: true})
	},
	"04-gan-digitos": func() func() {
		return ganPasso(gan.Config{Dados: 28 * 28, Latente: 100, SaidaTanh: true, Gerador: []int{256, 512, 1024}, Discriminador: []int{512, 256},
			Lote: 64, OtimizadorD: gan.Adam{Taxa: 2e-4}, OtimizadorG: gan.Adam{Taxa: 2e-4}, Decaimento: 25000})
	},
}

// rbmMedida mede o CD-1 da DBN (784 → ocultas, lotes de 64) com rbm.Treina:
// Passos = 4 e Passos = 4+n (uma avaliação só, no fim), e divide a diferença.
func rbmMedida(t *testing.T, ocultas int, orcamento time.Duration) (compilar, passo float64, n int) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir()) // os checkpoints vão para uma pasta que o teste apaga
	x := rbm.Binariza(aleatorios(2000*784, 1, 1), 0.5)
	roda := func(nome string, p int) float64 {
		_, reg := rbm.Treina(rbm.Config{Nome: nome, Dados: x, Visiveis: 784, Ocultas: ocultas, Lote: 64, Passos: p, AvaliarACada: p, SemGrafico: true})
		return reg.Segundos
	}
	base := roda("base", 4)
	n = 20
	for {
		tempo := roda(fmt.Sprintf("n%d", n), 4+n)
		passo = (tempo - base) / float64(n)
		if tempo-base > orcamento.Seconds() || n >= 400 {
			return base, passo, n
		}
		n *= 4
	}
}

func TestMede(t *testing.T) {
	qual := os.Getenv("REPRESENTACOES_MEDE")
	if qual == "" {
		t.Skip("só com REPRESENTACOES_MEDE=<modelo>|todos (veja mede.sh)")
	}
	orcamento := 4 * time.Second
	motor.Backend()
	nomeMotor := "go"
	if motor.EscolhaAtual().XLA() {
		nomeMotor = "xla"
	}
	carga, _ := os.ReadFile("/proc/loadavg")
	escreve := func(m Medida) {
		m.Motor, m.Carga = nomeMotor, string(carga[:4])
		b, _ := json.Marshal(m)
		fmt.Println("MEDIDA " + string(b))
	}
	for _, nome := range append(ordem(), "03-rbm-784-500", "03-rbm-500-500") {
		if qual != "todos" && qual != nome {
			continue
		}
		var m Medida
		switch nome {
		case "03-rbm-784-500":
			m.Compilar, m.Passo, m.N = rbmMedida(t, 500, orcamento)
		case "03-rbm-500-500":
			continue // igual à 784-500 em ordem de grandeza; veja MOTORES.md
		default:
			m.Compilar, m.Passo, m.N = passos(modelos[nome](), orcamento)
		}
		m.Modelo = nome
		escreve(m)
	}
}

func ordem() []string {
	return []string{"00-perceptron", "00-mlp", "01-lenet", "01-minha-rede", "02-memoria-rnn-T30", "02-memoria-lstm-T30",
		"02-memoria-gru-T30", "02-manchas-lstm", "02-palavras-lstm48", "02-palavras-lstm128x2", "03-ajuste-784-500-500-10",
		"04-gan-anel", "04-gan-digitos"}
}
