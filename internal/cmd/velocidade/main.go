// Programa velocidade mede o treino dos modelos das lições no GoMLX, do mesmo
// jeito que scripts/bench/pytorch_bench.py mede no PyTorch: mesma arquitetura,
// lote, otimizador (Adam, taxa constante) e dados. Escreve uma linha JSON por
// execução. Quem o chama é o scripts/bench.sh (o motor vem de GOMLX_BACKEND,
// escolhido e criado pelo pacote motor: motor.Backend).
//
// Modelos: mlp (lição 00), lenet e funda-res (01; a rede funda residual com
// normalização em lote), lstm e gru (02, a tarefa da memória;
// ms por passo e tempo até o alvo), rbm-cd e rbm-pcd (03, um passo de CD-1 ou
// de PCD da RBM 784→500 no MNIST binarizado), gan-anel, gan-digitos e
// gan-restaura (04, um passo de D e um de G) e transformer-recordacao e
// transformer-palavras (05, o Transformer de um bloco na recordação
// associativa e o causal de dois blocos nas palavras). Nos sete últimos, só o
// tempo do passo: o treino deles não tem aqui uma acurácia-alvo.
//
//	go run ./internal/cmd/velocidade -modelo lenet -repeticoes 3
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/metric"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/internal/chaves"
	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/densas"
	"github.com/go-estudos/representacoes/pkg/gan"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rbm"
	"github.com/go-estudos/representacoes/pkg/rnn"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// lenetOriginal é a mesma LeNet de cnn.LeNet(), mas com as peças do GoMLX
// que o pacote cnn troca: a convolução de layers.Convolution nas duas
// camadas (no Go puro o pacote usa im2col; no XLA, essa mesma) e, se
// poolOriginal, o max-pooling graph.MaxPool (em vez de cnn.Pooling). É o
// "antes" dessas otimizações.
func lenetOriginal(poolOriginal bool) train.ModelFn {
	return func(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
		x := graph.InsertAxes(entradas[0], -1)
		for i, filtros := range []int{16, 32} {
			x = activation.Relu(layers.Convolution(scope.In("conv%d", i), x).Filters(filtros).KernelSize(5).PadSame().Done())
			if poolOriginal {
				x = graph.MaxPool(x).Window(2).Done()
			} else {
				x = cnn.Pooling(x, 2, false)
			}
		}
		x = graph.Reshape(x, x.Shape().Dimensions[0], -1)
		x = activation.Relu(layers.Dense(scope.In("densa0"), x, true, 128))
		return []*graph.Node{layers.Dense(scope.In("saida"), x, true, 10)}
	}
}

// A LSTM da lição 02 na tarefa de longo alcance da lição (lembrar o símbolo
// marcado numa sequência de 30 passos), com o tamanho da lição (32). Com 50
// passos (o maior da lição) o treino às vezes não "pega" em 2.000 passos, nos
// dois lados, e o tempo até o alvo vira sorteio; com 30, pega sempre ou quase.
// A GRU da lição 02 (rnn.GRU) mede-se na mesma tarefa, com o mesmo tamanho.
var (
	tarefaLSTM = rnn.Memoria{Comprimento: 30}
	camadaLSTM = rnn.Camada{Tipo: rnn.LSTM, Oculta: 32}
)

// camadaDe devolve a camada recorrente do modelo "lstm" ou "gru".
func camadaDe(modelo string) rnn.Camada {
	c := camadaLSTM
	if modelo == "gru" {
		c.Tipo = rnn.GRU
	}
	return c
}

// recorrente diz se o modelo é um dos da tarefa da memória.
func recorrente(modelo string) bool { return modelo == "lstm" || modelo == "gru" }

var modelos = map[string]train.ModelFn{"lenet": cnn.LeNet().Modelo(), "mlp": densas.MLP, "funda-res": fundaResidual.Modelo()} // e "lstm" e "gru", montados em main (-oculta)

// fundaResidual é a rede funda residual com normalização em lote da seção 8
// da lição 01 (11 convoluções 3×3 de 8 filtros, 5 blocos), com a
// inicialização de He (o padrão do GoMLX; o PyTorch usa a sua).
var fundaResidual = cnn.Funda{Camadas: 10, Filtros: 8, BN: true, Residual: true}

// conjunto: lotes de treino (com o tamanho pedido) e os lotes de teste.
type conjunto struct {
	treino func(lote int) *dados.Lotes
	teste  *dados.Lotes
	tarefa string
}

func carregaDados(modelo string) conjunto {
	if recorrente(modelo) {
		return conjunto{
			treino: func(lote int) *dados.Lotes { return tarefaLSTM.Lotes(nTreinoLSTM, lote, 1).SoCompletos() },
			teste:  tarefaLSTM.Lotes(nTesteLSTM, 1000, 2),
			tarefa: fmt.Sprintf("tarefa da memória, %d passos, %d símbolos; %s", tarefaLSTM.Comprimento, 8, camadaDe(modelo)),
		}
	}
	treinoIm, testeIm := dados.MNIST("treino"), dados.MNIST("teste")
	return conjunto{
		treino: func(lote int) *dados.Lotes { return dados.LotesDeImagens(treinoIm, lote) },
		teste:  dados.LotesDeImagens(testeIm, 1000),
	}
}

const nTreinoLSTM, nTesteLSTM = 10000, 1000

// exportaMemoria grava as sequências da tarefa da LSTM (as mesmas que o lado
// Go usa) em arquivos binários little-endian: memoria-{treino,teste}-x.f32
// ([n, tempo, características]) e -y.i32, mais memoria.json com as formas.
func exportaMemoria(pasta string) error {
	if err := os.MkdirAll(pasta, 0o755); err != nil {
		return err
	}
	for _, parte := range []struct {
		nome    string
		n       int
		semente uint64
	}{{"treino", nTreinoLSTM, 1}, {"teste", nTesteLSTM, 2}} {
		x, y := tarefaLSTM.Exemplos(parte.n, parte.semente)
		if err := grava(filepath.Join(pasta, "memoria-"+parte.nome+"-x.f32"), x); err != nil {
			return err
		}
		if err := grava(filepath.Join(pasta, "memoria-"+parte.nome+"-y.i32"), y); err != nil {
			return err
		}
	}
	info, _ := json.Marshal(map[string]int{"tempo": tarefaLSTM.Comprimento, "caracteristicas": tarefaLSTM.Caracteristicas(),
		"classes": 8, "oculta": camadaLSTM.Oculta, "treino": nTreinoLSTM, "teste": nTesteLSTM})
	if err := os.WriteFile(filepath.Join(pasta, "memoria.json"), info, 0o644); err != nil {
		return err
	}
	return exportaTransformer(pasta)
}

func grava[T float32 | int32](caminho string, v []T) error {
	f, err := os.Create(caminho)
	if err != nil {
		return err
	}
	if err := binary.Write(f, binary.LittleEndian, v); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type opcoes struct {
	modelo                                  string
	lote, passos, aquecimento, avaliarACada int
	maxPassos, repeticoes, semente          int
	taxa, alvo                              float64
	decaimento                              int
	variante                                string
	gradOriginal, poolOriginal, semCorte    bool
	gradientesGerais, portasEmFatias        bool
	viesComBroadcast                        bool
	pesosPassoAPasso                        bool
	convOriginal                            bool
	exporta                                 string
}

type resultado struct {
	Lado            string   `json:"lado"`
	Modelo          string   `json:"modelo"`
	Lote            int      `json:"lote"`
	MsPorPasso      float64  `json:"ms_por_passo,omitempty"`
	ExemplosPorS    float64  `json:"exemplos_por_s,omitempty"`
	PrimeiroPassoS  float64  `json:"primeiro_passo_s,omitempty"`
	Alvo            float64  `json:"alvo"`
	Taxa            float64  `json:"taxa"`
	Decaimento      int      `json:"decaimento,omitempty"`
	Oculta          int      `json:"oculta,omitempty"`
	PassosAteAlvo   *int     `json:"passos_ate_alvo"`
	SegundosAteAlvo *float64 `json:"segundos_ate_alvo"`
	AcuraciaFinal   float64  `json:"acuracia_final,omitempty"`
	Erro            string   `json:"erro,omitempty"`
	Variante        string   `json:"variante,omitempty"`
	Tarefa          string   `json:"tarefa,omitempty"`
	Parametros      int      `json:"parametros,omitempty"`
}

func main() {
	var o opcoes
	flag.StringVar(&o.modelo, "modelo", "lenet", "mlp, lenet, funda-res, lstm, gru, rbm-cd, rbm-pcd, gan-anel, gan-digitos, gan-restaura, transformer-recordacao ou transformer-palavras")
	flag.IntVar(&o.lote, "lote", 128, "tamanho do lote")
	flag.Float64Var(&o.taxa, "taxa", 1e-3, "taxa de aprendizado do Adam")
	flag.IntVar(&o.decaimento, "decaimento", 0, "se > 0, a taxa cai em cosseno até taxa/20 em tantos passos (como treino.Treina); 0 = constante")
	flag.IntVar(&o.passos, "passos", 50, "passos por janela de medida (3 janelas)")
	flag.IntVar(&o.aquecimento, "aquecimento", 10, "passos antes de medir")
	flag.Float64Var(&o.alvo, "alvo", 0.98, "acurácia-alvo no teste")
	flag.IntVar(&o.avaliarACada, "avaliar-a-cada", 100, "passos entre avaliações no teste")
	flag.IntVar(&o.maxPassos, "max-passos", 3000, "desiste do alvo depois de tantos passos")
	flag.IntVar(&o.repeticoes, "repeticoes", 3, "execuções (cada uma com outra semente)")
	flag.IntVar(&o.semente, "semente", 42, "semente da 1ª execução (a r-ésima usa semente+r, como o pytorch_bench.py)")
	flag.BoolVar(&o.gradOriginal, "gradiente-original", false, "usa o gradiente de Dot do GoMLX (o \"antes\" da otimização do curso)")
	flag.BoolVar(&o.poolOriginal, "pool-original", false, "LeNet com o graph.MaxPool do GoMLX (o \"antes\" de cnn.Pooling)")
	flag.BoolVar(&o.convOriginal, "conv-original", false, "LeNet com layers.Convolution nas duas camadas (o \"antes\" do im2col do Go puro; no XLA o curso já usa essa)")
	flag.BoolVar(&chaves.Im2colDePe, "conv1-de-pe", false, "LeNet no Go puro com a matriz do im2col da 1ª camada de pé, como a das outras (o \"antes\" de montá-la deitada)")
	flag.BoolVar(&o.gradientesGerais, "gradientes-gerais-go", false, "motor Go puro com os gradientes de produto, Max e ReduceMax do XLA (o \"antes\" de chaves.GradientesParaOGoPuro)")
	flag.BoolVar(&o.portasEmFatias, "portas-em-fatias", false, "LSTM/GRU no motor Go puro com as portas em fatias, cada uma com o seu Pad na volta (o \"antes\" de chaves.JuntaGradienteDasPortas)")
	flag.BoolVar(&o.viesComBroadcast, "vies-com-broadcast", false, "motor Go puro com o viés das convoluções da LeNet e das células da LSTM/GRU somado com broadcast (o \"antes\" de motor.ViesNasLinhas)")
	flag.BoolVar(&o.semCorte, "sem-corte", false, "LSTM sem o corte de fusão do pacote rnn (o \"antes\")")
	flag.BoolVar(&o.pesosPassoAPasso, "pesos-passo-a-passo", false, "LSTM/GRU com o gradiente dos pesos somado passo a passo (o \"antes\" de chaves.GradienteDosPesosNoTempo)")
	flag.IntVar(&tarefaLSTM.Comprimento, "comprimento", tarefaLSTM.Comprimento, "comprimento das sequências da tarefa da LSTM")
	flag.IntVar(&camadaLSTM.Oculta, "oculta", camadaLSTM.Oculta, "tamanho do estado da LSTM ou da GRU (32 é o da lição)")
	flag.StringVar(&o.variante, "variante", "", "rótulo desta medida no relatório (p.ex. \"tamanho\")")
	flag.StringVar(&o.exporta, "exporta", "", "grava os dados da tarefa da LSTM nesta pasta (para o PyTorch) e sai")
	perfil := flag.String("perfil-cpu", "", "grava um perfil de CPU (pprof) neste arquivo: veja onde o motor Go puro gasta o tempo com `go tool pprof -top`")
	flag.Parse()
	if *perfil != "" {
		f, err := os.Create(*perfil)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	modelos["lstm"] = tarefaLSTM.Modelo(camadaDe("lstm"))
	modelos["gru"] = tarefaLSTM.Modelo(camadaDe("gru"))
	if o.poolOriginal || o.convOriginal {
		modelos["lenet"] = lenetOriginal(o.poolOriginal)
	}
	if o.gradOriginal {
		chaves.GradientesDaBiblioteca = true
	}
	if o.gradientesGerais {
		chaves.GradientesParaOGoPuro = false
	}
	if o.portasEmFatias {
		chaves.JuntaGradienteDasPortas = false
	}
	if o.viesComBroadcast {
		chaves.ViesRepetidoNoLote = false
	}
	if o.semCorte {
		chaves.CorteDeFusao = false
	}
	if o.pesosPassoAPasso {
		chaves.GradienteDosPesosNoTempo = false
	}
	if modelos[o.modelo] == nil && passos[o.modelo] == nil && o.exporta == "" {
		fmt.Fprintf(os.Stderr, "modelo desconhecido %q (use mlp, lenet, funda-res, lstm, gru, rbm-cd, rbm-pcd, gan-anel, gan-digitos, gan-restaura, transformer-recordacao ou transformer-palavras)\n", o.modelo)
		os.Exit(2)
	}
	if o.exporta != "" {
		if err := exportaMemoria(o.exporta); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if passos[o.modelo] != nil {
		for r := range o.repeticoes {
			b, _ := json.Marshal(execucaoDoPasso(o, uint64(o.semente+r)))
			fmt.Println(string(b))
		}
		return
	}
	d := carregaDados(o.modelo)
	for r := range o.repeticoes {
		res := execucao(o, uint64(o.semente+r), d)
		b, _ := json.Marshal(res)
		fmt.Println(string(b))
	}
}

// ladoEVariante cria o motor e diz de que lado é a medida ("gomlx-xla" ou
// "gomlx-go") e com que rótulo ela entra no relatório: o de -variante, se
// dado; senão a otimização desligada pelas opções; senão "sem-simd" num
// binário do Go puro compilado sem GOEXPERIMENT=simd (o "antes" do SIMD).
func ladoEVariante(o opcoes) (lado, variante string) {
	motor.Backend()
	lado = "gomlx-go"
	if motor.EscolhaAtual().XLA() {
		lado = "gomlx-xla"
	}
	switch {
	case o.variante != "":
		variante = o.variante
	case o.semCorte:
		variante = "sem-corte"
	case o.pesosPassoAPasso:
		variante = "pesos-passo-a-passo"
	case o.poolOriginal:
		variante = "pool-original"
	case o.convOriginal:
		variante = "conv-original"
	case o.gradOriginal:
		variante = "gradiente-original"
	case o.gradientesGerais:
		variante = "gradientes-gerais-go"
	case o.portasEmFatias:
		variante = "portas-em-fatias"
	case o.viesComBroadcast:
		variante = "vies-com-broadcast"
	case chaves.Im2colDePe:
		variante = "conv1-de-pe"
	case lado == "gomlx-go" && !motor.SIMD:
		variante = "sem-simd"
	}
	return lado, variante
}

func execucao(o opcoes, semente uint64, d conjunto) (res resultado) {
	backend := motor.Backend()
	lado, variante := ladoEVariante(o)
	res = resultado{Lado: lado, Modelo: o.modelo, Lote: o.lote, Alvo: o.alvo, Tarefa: d.tarefa, Taxa: o.taxa,
		Decaimento: o.decaimento, Variante: variante}
	if recorrente(o.modelo) {
		res.Oculta = camadaLSTM.Oculta
	}
	defer func() {
		if p := recover(); p != nil {
			res.Erro = motor.Explica(p).Error()
		}
	}()
	novo := func() (*train.Trainer, *dados.Lotes) {
		store := model.NewStore()
		if err := store.SetRNGStateFromSeed(int64(semente)); err != nil {
			panic(err)
		}
		modelo := modelos[o.modelo]
		if o.decaimento > 0 {
			modelo = treino.ComDecaimento(modelo, o.taxa, o.decaimento)
		}
		t := train.NewTrainer(backend, store, modelo, loss.SparseCategoricalCrossEntropyLogits,
			optimizer.Adam().LearningRate(o.taxa).Done(), nil,
			[]metric.Interface{metric.NewSparseCategoricalAccuracy("acurácia", "acc")})
		return t, d.treino(o.lote).Embaralhados(semente).Infinitos()
	}
	passo := func(t *train.Trainer, l *dados.Lotes) {
		spec, x, y, err := l.Yield()
		if err == nil {
			_, err = t.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y})
		}
		if err != nil {
			panic(err)
		}
	}

	t, lotes := novo()
	mede(o, &res, func() { passo(t, lotes) })

	// Tempo até a acurácia-alvo no teste, com um modelo novo (só o treino
	// conta; a compilação do primeiro passo também, como para o aluno).
	t, lotes = novo()
	teste := d.teste
	var treinoS float64
	n := 0
	for n < o.maxPassos {
		t0 := time.Now()
		for range o.avaliarACada {
			passo(t, lotes)
		}
		treinoS += time.Since(t0).Seconds()
		n += o.avaliarACada
		ms, err := t.Eval(teste)
		if err != nil {
			panic(err)
		}
		res.AcuraciaFinal = float64(tensors.ToScalar[float32](ms[len(ms)-1]))
		if res.AcuraciaFinal >= o.alvo {
			res.PassosAteAlvo, res.SegundosAteAlvo = &n, &treinoS
			break
		}
	}
	return res
}

// mede cronometra o primeiro passo (que compila o grafo) e, depois de
// o.aquecimento passos, 3 janelas de o.passos passos; guarda em res a
// mediana das janelas.
func mede(o opcoes, res *resultado, passo func()) {
	t0 := time.Now()
	passo()
	res.PrimeiroPassoS = time.Since(t0).Seconds()
	for range o.aquecimento {
		passo()
	}
	var janelas []float64
	for range 3 {
		t0 := time.Now()
		for range o.passos {
			passo()
		}
		janelas = append(janelas, time.Since(t0).Seconds()/float64(o.passos))
	}
	sort.Float64s(janelas)
	res.MsPorPasso = 1000 * janelas[1]
	res.ExemplosPorS = float64(res.Lote) / janelas[1]
}

// passos são os modelos medidos só pelo tempo do passo (lições 03, 04 e 05):
// cada um devolve o lote, uma descrição e o passo, pronto para rodar.
var passos = map[string]func(semente uint64) (lote int, tarefa string, passo func()){
	"rbm-cd":                 func(s uint64) (int, string, func()) { return passoRBM(false, s) },
	"rbm-pcd":                func(s uint64) (int, string, func()) { return passoRBM(true, s) },
	"gan-anel":               passoGANAnel,
	"gan-digitos":            passoGANDigitos,
	"gan-restaura":           passoGANRestaura,
	"transformer-recordacao": passoRecordacao,
	"transformer-palavras":   passoPalavras,
}

// parametros é o número de valores treináveis do último modelo de passos
// montado (só os Transformers o dizem): o relatório o põe ao lado do número
// do PyTorch, e os dois precisam ser iguais.
var parametros int

// passoRBM é o passo de treino da primeira RBM da DBN da lição 03
// (ConfigDBN: 784 → 500, lotes de 64, taxa 0,05, momento 0,5 e depois 0,9)
// nas imagens de treino binarizadas, pelo CD-1 ou pelo PCD. Os lotes são
// sorteados como em rbm.Treina (ordem embaralhada, uma época depois da outra).
func passoRBM(persistente bool, semente uint64) (int, string, func()) {
	const lote, passosDoTreino = 64, 8000
	x := rbm.Binariza(dados.MNIST("treino").Pixels, 0.5)
	n := len(x) / 784
	rng := rand.New(rand.NewPCG(semente, 11))
	ordem, pos := rng.Perm(n), 0
	proximo := func() []float32 {
		v := make([]float32, 0, lote*784)
		for range lote {
			if pos == n {
				ordem, pos = rng.Perm(n), 0
			}
			v = append(v, x[ordem[pos]*784:(ordem[pos]+1)*784]...)
			pos++
		}
		return v
	}
	cfg := rbm.Config{Nome: "bench-rbm", Dados: x, Visiveis: 784, Ocultas: 500, Lote: lote, Taxa: 0.05,
		Passos: passosDoTreino, Persistente: persistente, Semente: int64(semente)}
	p, err := rbm.NovoPassoDeTreino(cfg, proximo())
	if err != nil {
		panic(err)
	}
	k := 0
	tarefa := "CD-1"
	if persistente {
		tarefa = "PCD (k = 1)"
	}
	return lote, fmt.Sprintf("%s, RBM 784→500 no MNIST binarizado, taxa 0,05, momento 0,5→0,9", tarefa), func() {
		k++
		if _, err := p.Roda(proximo(), k); err != nil {
			panic(err)
		}
	}
}

// passoGANAnel é um passo do jogo da GAN do anel da lição 04, a mesma da
// lição (gan.ConfigAnel, sem o remédio: MLPs 128-128 nos dois jogadores, lote
// de 128, Adam 1e-3, 10 passos de G por passo de D, taxa com decaimento).
func passoGANAnel(semente uint64) (int, string, func()) {
	cfg := gan.ConfigAnel(false)
	cfg.Semente = int64(semente)
	amostra := gan.AnelPadrao().Amostrador(semente)
	g := gan.Nova(model.NewStore(), cfg)
	return cfg.Lote, "anel de 8 gaussianas; G 2→128→128→2, D 2→128→128→1; um passo de D e 10 de G", func() { g.Passo(amostra) }
}

// passoGANDigitos é um passo do jogo da GAN de dígitos da lição 04, a mesma
// da lição (gan.ConfigDigitos, taxa com decaimento).
func passoGANDigitos(semente uint64) (int, string, func()) {
	cfg := gan.ConfigDigitos()
	cfg.Semente = int64(semente)
	amostra := gan.AmostradorDeImagens(dados.MNIST("treino"), semente)
	g := gan.Nova(model.NewStore(), cfg)
	return cfg.Lote, "MNIST em [−1, 1]; G 100→256→512→1024→784 (tanh), D 784→512→256→1; um passo de D e um de G", func() { g.Passo(amostra) }
}

// passoGANRestaura é um passo da restauração da lição 04 com o termo
// adversarial (gan.ConfigRestauracao(true), taxa com decaimento): um passo
// do restaurador (L1 + 0,05·adversarial) e um do discriminador.
func passoGANRestaura(semente uint64) (int, string, func()) {
	cfg := gan.ConfigRestauracao(true)
	cfg.Semente = int64(semente)
	amostra := gan.AmostradorDeImagens(dados.MNIST("treino"), semente)
	r := gan.NovoRestaurador(model.NewStore(), cfg)
	return cfg.Lote, "MNIST 7×7 → 28×28; G conv 3×3 (16), transpostas 4×4/2 (16) e 2×2/2 (8), conv 3×3; " +
			"D 2×2→canais, conv 3×3 (16), média 2×2, conv 3×3 (32), densa; um passo de G (L1 + 0,05·adversarial) e um de D",
		func() { r.Passo(amostra) }
}

// execucaoDoPasso mede só o tempo do passo de um modelo de passos.
func execucaoDoPasso(o opcoes, semente uint64) (res resultado) {
	lado, variante := ladoEVariante(o)
	res = resultado{Lado: lado, Modelo: o.modelo, Variante: variante}
	defer func() {
		if p := recover(); p != nil {
			res.Erro = motor.Explica(p).Error()
		}
	}()
	lote, tarefa, passo := passos[o.modelo](semente)
	res.Lote, res.Tarefa = lote, tarefa
	mede(o, &res, passo)
	res.Parametros = parametros
	return res
}
