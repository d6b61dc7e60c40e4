// Package medemotores mede o tempo de um passo de treino de cada modelo das
// lições, no motor em uso (XLA ou Go puro), para o MOTORES.md. Não roda nos
// testes normais: só com REPRESENTACOES_MEDE=<modelo> (ou "todos"); o
// mede.sh alterna XLA e Go puro, modelo a modelo, para que a razão entre os
// dois seja justa numa máquina dividida com outros processos.
package medemotores

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/atencao"
	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/densas"
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

// simbolosPalavras é o tamanho do vocabulário das palavras (o alfabeto das
// lições 02 e 05 tem perto disso).
const simbolosPalavras = 40

func palavras(c rnn.Camada) func() {
	return palavrasCom(rnn.ModeloDeLinguagem(c, simbolosPalavras))
}

// palavrasCom mede um modelo de linguagem (um logit por símbolo em cada
// posição) em palavras de 15 posições, lote de 128.
func palavrasCom(modelo treino.ModeloFn) func() {
	const T, n = 15, 512
	x := aleatorios(n*T, simbolosPalavras, 1)
	y := aleatorios(n*T, simbolosPalavras, 2)
	for i := range x {
		x[i], y[i] = float32(int(x[i])), float32(int(y[i]))
	}
	return supervisionado(modelo, rnn.PerdaPorPasso,
		dados.NovosLotes("palavras", x, []int{T}, nil, 128).ComAlvos(y, []int{T}))
}

// recordacao mede um classificador na recordação associativa da lição 05 (T =
// 100, 32 pares, lote de 64). O tempo do passo não depende do número de
// pares: as sequências têm sempre 100 posições.
func recordacao(modelo treino.ModeloFn) func() {
	r := atencao.Recordacao{Comprimento: 100, Pares: 32}
	return supervisionado(modelo, nil, r.Lotes(512, 64, 1).SoCompletos())
}

func ganPasso(cfg gan.Config) func() {
	g := gan.Nova(model.NewStore(), cfg)
	amostra := func(n int) []float32 { return aleatorios(n*cfg.Dados, 1, uint64(n)) }
	return func() { g.Passo(amostra) }
}

// restauraPasso mede um passo da restauração da lição 04 (com imagens
// aleatórias em [0, 1]: o custo não depende dos valores).
func restauraPasso(cfg gan.Restauracao) func() {
	r := gan.NovoRestaurador(model.NewStore(), cfg)
	amostra := func(n int) []float32 { return aleatorios(n*28*28, 1, uint64(n)) }
	return func() { r.Passo(amostra) }
}

// equivalente diz quanto um treino custa, em passos do modelo medido e em
// compilações do grafo.
type equivalente struct {
	Passos      float64 `json:"passos"`
	Compilacoes int     `json:"compilacoes"`
}

// TreinoDaLicao é uma linha das tabelas do MOTORES.md: um treino de uma
// lição, o modelo medido que o representa e quanto ele custa no modo
// completo e no rápido (nil: o treino não existe nesse modo).
type TreinoDaLicao struct {
	Licao    string       `json:"licao"`
	Nome     string       `json:"nome"`
	Modelo   string       `json:"modelo"`
	Completo *equivalente `json:"completo"`
	Rapido   *equivalente `json:"rapido"`
	Nota     string       `json:"nota"`
}

func eq(passos float64, compilacoes int) *equivalente { return &equivalente{passos, compilacoes} }

// treinos é a tabela única dos treinos das lições: o mede.sh a escreve no
// arquivo das medidas (-treinos) e o tabela.py a lê de lá. Mude os passos
// junto com os notebooks; TestTodaLicaoTemTreino falha se uma lição de
// notebooks/ ficar sem linha.
var treinos = []TreinoDaLicao{
	{"00", "perceptron, lote 128", "00-perceptron", eq(2000, 1), eq(300, 1), ""},
	{"00", "MLP 784-256-128-10, lote 128", "00-mlp", eq(6000, 1), eq(400, 1), ""},
	{"01", "LeNet, lote 128", "01-lenet", eq(2500, 1), eq(250, 1), ""},
	{"01", "a rede do aluno (a da dica: c8k3p2-c16k3p2-d32), lote 64", "01-minha-rede", eq(400, 1), eq(400, 1), "¹"},
	{"01", "redes fundas sem BN (rasa, funda, residual e com a inicialização de He; 8 filtros 3×3), lote 32", "01-funda-c10", eq(120*4, 4), eq(120*4, 4), ""},
	{"01", "redes fundas com BN (funda e residual; 8 filtros 3×3), lote 32", "01-funda-c10-bn", eq(120*2, 2), eq(120*2, 2), ""},
	{"01", "LeNet com 1.000 imagens, sem e com aumento de dados, lote 32", "01-lenet-lote32", eq(300*2, 2), eq(300*2, 2), ""},
	{"02", "memória: RNN simples 32, T = 10, 20, 30, 50", "02-memoria-rnn-T30", eq(4000*110/30.0, 4), eq(250*16/30.0, 2), "²"},
	{"02", "memória: LSTM 32, T = 10, 20, 30, 50 (3 inicializações com T = 50)", "02-memoria-lstm-T30", eq(4000*210/30.0, 6), eq(250*16/30.0, 2), "²"},
	{"02", "memória: GRU 32, T = 10, 20, 30, 50 (3 inicializações com T = 50)", "02-memoria-gru-T30", eq(4000*210/30.0, 6), eq(250*16/30.0, 2), "²"},
	{"02", "manchas solares: 6 modelos (2 no rápido), janela 20, lote 32", "02-manchas-lstm", eq(1500*9, 6), eq(300*2, 2), "³"},
	{"02", "palavras: LSTM 128×2 (48×1 no rápido), T = 15, lote 128", "02-palavras-lstm128x2", eq(4000, 1), nil, ""},
	{"02", "palavras (modo rápido): LSTM 48", "02-palavras-lstm48", nil, eq(200, 1), ""},
	{"03", "DBN: RBMs 784-500 e 500-500 (200 no rápido), CD-1, lote 64", "03-rbm-784-500", eq(8000*1.64, 2), eq(300*0.5, 2), "⁴"},
	{"03", "ajuste fino 784-500-500-10 (2 redes + 600 rótulos × 3 sementes)", "03-ajuste-784-500-500-10", eq(12000*2+3*2*1000, 8), eq((200*2+2*200)*0.31, 4), "⁵"},
	{"04", "GAN do anel (1 passo de D + 10 de G, lote 128), 2 treinos", "04-gan-anel", eq(12000, 2), eq(600, 2), ""},
	{"04", "GAN de dígitos (G 100-256-512-1024-784, D 784-512-256-1), lote 64", "04-gan-digitos", eq(25000, 1), eq(300, 1), ""},
	{"04", "a GAN do aluno (1 D + 1 G, lote 256), 1.500 passos", "04-gan-anel", eq(1500*0.36, 1), eq(1500*0.36, 1), "⁶"},
	{"04", "restauração 7×7 → 28×28: gerador com convoluções transpostas, só L1, lote 16", "04-restaura-l1", eq(3000, 1), eq(500, 1), ""},
	{"04", "restauração: o mesmo gerador, L1 + adversarial (D convolucional), lote 16", "04-restaura-gan", eq(3000, 1), eq(500, 1), ""},
	{"05", "recordação (T = 100): LSTM 64, N = 4, 8, 16, 32 (4 e 32 no rápido), lote 64", "05-recordacao-lstm64", eq(1000*4, 4), eq(300*2, 2), ""},
	{"05", "recordação (T = 100): Transformer de 1 bloco (D = 64, 4 cabeças, densa 128), N = 4, 8, 16, 32 (4 e 32 no rápido), lote 64", "05-recordacao-transformer-d64", eq(600*4, 4), eq(400*2, 2), ""},
	{"05", "cópia atrasada (24 posições, atraso 3): Transformer de 1 bloco (D = 32, 2 cabeças), sem e com posições, lote 64", "05-copia-transformer-d32", eq(600*2, 2), eq(300*2, 2), ""},
	{"05", "palavras: Transformer causal de 2 blocos (D = 64, 4 cabeças, posições aprendidas), T = 15, lote 128", "05-palavras-transformer-d64x2", eq(7000, 1), nil, ""},
	{"05", "palavras (modo rápido): Transformer causal de 1 bloco (D = 32, 2 cabeças)", "05-palavras-transformer-d32", nil, eq(200, 1), ""},
	{"05", "o Transformer do aluno (o da solução: 1 bloco, D = 32, 2 cabeças, densa 64) na recordação com N = 32, 800 passos", "05-meu-transformer", eq(800, 1), eq(800, 1), ""},
}

var (
	listaModelos = flag.Bool("modelos", false, "escreve os modelos medidos, um por linha, na ordem da medida, e sai (o mede.sh lê daqui)")
	listaTreinos = flag.Bool("treinos", false, "escreve a tabela dos treinos das lições, uma linha JSON por treino, e sai (o mede.sh a põe no arquivo das medidas, para o tabela.py)")
)

func TestMain(m *testing.M) {
	flag.Parse()
	switch {
	case *listaModelos:
		for _, md := range modelos {
			fmt.Println(md.nome)
		}
	case *listaTreinos:
		for _, t := range treinos {
			b, _ := json.Marshal(map[string]TreinoDaLicao{"treino": t})
			fmt.Println(string(b))
		}
	default:
		os.Exit(m.Run())
	}
}

// modeloMedido é um modelo que o TestMede sabe medir: mede monta o passo
// (nil: a medida é outra, como a da RBM).
type modeloMedido struct {
	nome string
	mede func() func()
}

// modelos, na ordem em que o mede.sh os mede.
var modelos = []modeloMedido{
	{"00-perceptron", func() func() {
		return supervisionado(densas.Perceptron, nil, dados.LotesDeImagens(imagens(1024), 128))
	}},
	{"00-mlp", func() func() { return supervisionado(densas.MLP, nil, dados.LotesDeImagens(imagens(1024), 128)) }},
	{"01-lenet", func() func() {
		return supervisionado(cnn.LeNet().Modelo(), nil, dados.LotesDeImagens(imagens(1024), 128))
	}},
	{"01-minha-rede", func() func() {
		r := cnn.Rede{Convs: []cnn.Conv{{Filtros: 8, Kernel: 3, Pool: 2}, {Filtros: 16, Kernel: 3, Pool: 2}}, Densas: []int{32}, Classes: 10}
		return supervisionado(r.Modelo(), nil, dados.LotesDeImagens(imagens(1024), 64))
	}},
	{"01-funda-c10", func() func() {
		f := cnn.Funda{Camadas: 10, Filtros: 8, Desvio: cnn.DesvioDeEpoca}
		return supervisionado(f.Modelo(), nil, dados.LotesDeImagens(imagens(1024), 32))
	}},
	{"01-funda-c10-bn", func() func() {
		f := cnn.Funda{Camadas: 10, Filtros: 8, Desvio: cnn.DesvioDeEpoca, BN: true}
		return supervisionado(f.Modelo(), nil, dados.LotesDeImagens(imagens(1024), 32))
	}},
	{"01-lenet-lote32", func() func() {
		return supervisionado(cnn.LeNet().Modelo(), nil, dados.LotesDeImagens(imagens(1024), 32))
	}},
	{"02-memoria-rnn-T30", func() func() { return memoria(rnn.Simples, 30) }},
	{"02-memoria-lstm-T30", func() func() { return memoria(rnn.LSTM, 30) }},
	{"02-memoria-gru-T30", func() func() { return memoria(rnn.GRU, 30) }},
	{"02-manchas-lstm", func() func() { return manchas(rnn.Camada{Tipo: rnn.LSTM, Oculta: 32}) }},
	{"02-palavras-lstm48", func() func() { return palavras(rnn.Camada{Tipo: rnn.LSTM, Oculta: 48}) }},
	{"02-palavras-lstm128x2", func() func() {
		return palavras(rnn.Camada{Tipo: rnn.LSTM, Oculta: 128, Camadas: 2})
	}},
	{"03-rbm-784-500", nil}, // rbmMedida
	{"03-ajuste-784-500-500-10", func() func() {
		c := rbm.Classificador{Entradas: 784, Ocultas: []int{500, 500}, Classes: 10, Dropout: 0.2}
		return supervisionado(c.Modelo(), nil, dados.LotesDeImagens(imagens(1024), 128))
	}},
	{"04-gan-anel", func() func() {
		return ganPasso(gan.ConfigAnel(true))
	}},
	{"04-gan-digitos", func() func() {
		return ganPasso(gan.ConfigDigitos())
	}},
	{"04-restaura-l1", func() func() {
		return restauraPasso(gan.ConfigRestauracao(false))
	}},
	{"04-restaura-gan", func() func() {
		return restauraPasso(gan.ConfigRestauracao(true))
	}},
	{"05-recordacao-lstm64", func() func() {
		return recordacao(rnn.Classificador(rnn.Camada{Tipo: rnn.LSTM, Oculta: 64}, 0, 8))
	}},
	{"05-recordacao-transformer-d64", func() func() {
		return recordacao(atencao.Transformer{Dimensao: 64, Cabecas: 4, Camadas: 1, Oculta: 128}.Classificador(0, 8))
	}},
	{"05-copia-transformer-d32", func() func() {
		c := atencao.Copia{Comprimento: 24, Atraso: 3, Simbolos: 8}
		m := atencao.Transformer{Dimensao: 32, Cabecas: 2, Camadas: 1, Posicoes: atencao.Senoidais}
		return supervisionado(m.PorPosicao(0, c.Simbolos), rnn.PerdaPorPasso, c.Lotes(512, 64, 1).SoCompletos())
	}},
	{"05-palavras-transformer-d64x2", func() func() {
		m := atencao.Transformer{Dimensao: 64, Cabecas: 4, Camadas: 2, Posicoes: atencao.Aprendidas, Causal: true}
		return palavrasCom(m.PorPosicao(simbolosPalavras, simbolosPalavras))
	}},
	{"05-palavras-transformer-d32", func() func() {
		m := atencao.Transformer{Dimensao: 32, Cabecas: 2, Camadas: 1, Posicoes: atencao.Aprendidas, Causal: true}
		return palavrasCom(m.PorPosicao(simbolosPalavras, simbolosPalavras))
	}},
	{"05-meu-transformer", func() func() {
		return recordacao(atencao.Transformer{Dimensao: 32, Cabecas: 2, Camadas: 1, Oculta: 64}.Classificador(0, 8))
	}},
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
	achou := false
	for _, md := range modelos {
		if qual != "todos" && qual != md.nome {
			continue
		}
		achou = true
		var m Medida
		if md.mede == nil { // a RBM 500-500 fica de fora: igual à 784-500 em ordem de grandeza; veja MOTORES.md
			m.Compilar, m.Passo, m.N = rbmMedida(t, 500, orcamento)
		} else {
			m.Compilar, m.Passo, m.N = passos(md.mede(), orcamento)
		}
		m.Modelo = md.nome
		escreve(m)
	}
	if !achou {
		t.Fatalf("REPRESENTACOES_MEDE=%q: não há modelo com esse nome (go test -c e -modelos listam os que há)", qual)
	}
}

// Toda lição de notebooks/ tem ao menos um treino na tabela (a lição 05,
// quando chegar, também), todo treino aponta para um modelo medido, e todo
// modelo medido aparece em algum treino.
func TestTodaLicaoTemTreino(t *testing.T) {
	licoes, err := filepath.Glob("../../notebooks/[0-9][0-9]-*.ipynb")
	if err != nil || len(licoes) == 0 {
		t.Fatalf("não achei as lições em notebooks/: %v", err)
	}
	for _, l := range licoes {
		n := filepath.Base(l)[:2]
		if !slices.ContainsFunc(treinos, func(t TreinoDaLicao) bool { return t.Licao == n }) {
			t.Errorf("a lição %s (%s) não tem nenhum treino na tabela treinos de internal/medemotores: MOTORES.md ficaria sem ela", n, filepath.Base(l))
		}
	}
	medidos := map[string]bool{}
	for _, md := range modelos {
		medidos[md.nome] = true
	}
	usados := map[string]bool{}
	for _, tr := range treinos {
		usados[tr.Modelo] = true
		if !medidos[tr.Modelo] {
			t.Errorf("o treino %q aponta para o modelo %q, que ninguém mede", tr.Nome, tr.Modelo)
		}
	}
	for _, md := range modelos {
		if !usados[md.nome] {
			t.Errorf("o modelo %q é medido, mas nenhum treino da tabela o usa", md.nome)
		}
	}
}
