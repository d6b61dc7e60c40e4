package treino

import (
	"fmt"
	"iter"
	"math"
	"strings"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/metric"
	"github.com/gomlx/gomlx/ml/train/optimizer"
	"github.com/gomlx/gomlx/ml/train/optimizer/cosineschedule"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/graficos"
	"github.com/go-estudos/representacoes/pkg/motor"
)

var nan = math.NaN()

// ModeloFn constrói o grafo do modelo: recebe as entradas de um lote e
// devolve as saídas (para classificação, os logits de cada classe). É a
// mesma assinatura de train.ModelFn do GoMLX.
type ModeloFn = train.ModelFn

// Config descreve um treino.
type Config struct {
	Nome   string   // identifica o modelo; o checkpoint fica em curso.PastaModelos()/Nome
	Modelo ModeloFn // o modelo

	Treino    *dados.Lotes // lotes de treino (serão percorridos sem fim)
	Validacao *dados.Lotes // opcional: avaliado a cada AvaliarACada passos

	Passos       int     // número total de passos de treino (lotes)
	AvaliarACada int     // passos entre dois pontos das curvas (padrão: Passos/25)
	TaxaAprend   float64 // taxa de aprendizado inicial do Adam (padrão 0,001)
	Semente      int64   // semente da inicialização dos pesos (padrão 42)

	// Perda: padrão = entropia cruzada com rótulos inteiros (classificação).
	Perda train.LossFn
	// Regressao: true se o modelo não classifica (sem métricas de acurácia).
	Regressao bool
	// Otimizador: padrão = Adam com TaxaAprend.
	Otimizador optimizer.Interface
	// Params: hiperparâmetros extras gravados no model.Store (store.SetParam).
	Params map[string]any

	// SemDecaimento desliga o decaimento da taxa de aprendizado. Por padrão
	// ela desce como um cosseno, de TaxaAprend até TaxaAprend/20 no último
	// passo (Loshchilov e Hutter, 2017): passos largos no começo, finos no fim,
	// e o modelo termina estável em vez de oscilar em torno do mínimo.
	SemDecaimento bool

	Retreinar  bool // ignora um treino completo e treina do zero (veja a regra em Laco)
	SemGrafico bool // sem curvas, nem ao vivo nem no fim
}

// Modelo é um modelo treinado (ou carregado de um checkpoint).
type Modelo struct {
	Nome     string
	Store    *model.Store // as variáveis do modelo (pesos, estado do otimizador)
	Registro *Registro    // as curvas do treino (PerdaTreino, AcuraciaValidacao…), a duração, os parâmetros
	fn       ModeloFn
}

// Treina treina o modelo descrito em cfg, ou reaproveita o checkpoint de um
// treino completo com o mesmo número de passos (a regra de Laco). Mostra uma
// barra de progresso e as curvas ao vivo. Em caso de erro, explica em
// português e entra em pânico (o notebook mostra a mensagem).
func Treina(cfg Config) *Modelo {
	m, err := TreinaOuErro(cfg)
	if err != nil {
		panic(err)
	}
	return m
}

// TreinaOuErro é como Treina, mas devolve o erro.
//
// É um Laco cujo Passo é um passo do train.Trainer do GoMLX (o grafo do
// modelo, da perda, do otimizador e do decaimento, compilado uma vez). Não
// usamos o train.Loop do GoMLX nem os seus ganchos: o Laco já faz barra,
// curvas, registro e checkpoint do mesmo jeito para todo treino do curso.
func TreinaOuErro(cfg Config) (m *Modelo, err error) {
	if err := cfg.completa(); err != nil {
		return nil, err
	}
	backend, err := motor.BackendOuErro()
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = motor.Explica(r)
		}
	}()

	store := novoStore(cfg)
	var acc, accEval []metric.Interface
	if !cfg.Regressao {
		acc = []metric.Interface{metric.NewMovingAverageSparseCategoricalAccuracy("acurácia média móvel", "~acc", 0.05)}
		accEval = []metric.Interface{metric.NewSparseCategoricalAccuracy("acurácia", "acc")}
	}
	trainer := train.NewTrainer(backend, store, cfg.comDecaimento(), cfg.Perda, cfg.Otimizador, acc, accEval)
	// O GoMLX põe antes das nossas métricas as de perda: no treino, a do lote
	// (índice 0) e a média móvel; na avaliação, a média. A acurácia é a última.
	iPerdaVal := indiceMetrica(trainer.EvalMetrics(), "#loss", "#loss+")
	iAc, iAcVal := len(trainer.TrainMetrics())-1, len(trainer.EvalMetrics())-1
	lotes := cfg.Treino.Iter()
	proximo, pare := iter.Pull2(lotes)
	defer pare()

	laco := Laco{
		Nome: cfg.Nome, Store: store, Passos: cfg.Passos, AvaliarACada: cfg.AvaliarACada, Exemplos: cfg.Treino.Tamanho(),
		SemGrafico: cfg.SemGrafico, Retreinar: cfg.Retreinar,
		Passo: func(int) map[string]float64 {
			lote, err, ok := proximo()
			if !ok || err != nil {
				panic(fmt.Errorf("os lotes de treino acabaram ou falharam: %v", err))
			}
			ms, err := trainer.TrainStep(lote)
			if err != nil {
				panic(err)
			}
			r := map[string]float64{PerdaTreino: escalar(ms[0])}
			if !cfg.Regressao {
				r[AcuraciaTreino] = escalar(ms[iAc])
			}
			for _, t := range ms {
				t.FinalizeAll()
			}
			return r
		},
		Grafico: func(r *Registro) *graficos.Figura {
			if cfg.Regressao {
				return r.Grafico("Curvas de treino — "+cfg.Nome, "perda", PerdaTreino, PerdaValidacao)
			}
			return r.Grafico("Acurácia durante o treino — "+cfg.Nome, "acurácia (%)", AcuraciaTreino, AcuraciaValidacao)
		},
	}
	if cfg.Validacao != nil {
		laco.Avalia = func(int) map[string]float64 {
			ms, err := trainer.Eval(cfg.Validacao)
			if err != nil {
				panic(err)
			}
			r := map[string]float64{PerdaValidacao: escalar(ms[iPerdaVal])}
			if !cfg.Regressao {
				r[AcuraciaValidacao] = escalar(ms[iAcVal])
			}
			return r
		}
	}
	reg, err := laco.RodaOuErro()
	if err != nil {
		return nil, err
	}
	return &Modelo{Nome: cfg.Nome, Store: store, Registro: reg, fn: cfg.Modelo}, nil
}

func (cfg *Config) completa() error {
	var faltas []string
	if cfg.Nome == "" {
		faltas = append(faltas, "Nome (identifica o checkpoint)")
	}
	if cfg.Modelo == nil {
		faltas = append(faltas, "Modelo")
	}
	if cfg.Treino == nil {
		faltas = append(faltas, "Treino (os lotes de treino)")
	}
	if cfg.Passos <= 0 {
		faltas = append(faltas, "Passos (> 0)")
	}
	if len(faltas) > 0 {
		return fmt.Errorf("treino.Config incompleta: falta %s", strings.Join(faltas, ", "))
	}
	if strings.ContainsAny(cfg.Nome, `/\`) || strings.HasPrefix(cfg.Nome, ".") {
		return fmt.Errorf("treino.Config.Nome %q não pode ter barras nem começar com ponto", cfg.Nome)
	}
	if cfg.AvaliarACada <= 0 {
		cfg.AvaliarACada = max(1, cfg.Passos/25)
	}
	if cfg.TaxaAprend == 0 {
		cfg.TaxaAprend = 1e-3
	}
	if cfg.Semente == 0 {
		cfg.Semente = 42
	}
	if cfg.Perda == nil && !cfg.Regressao {
		cfg.Perda = loss.SparseCategoricalCrossEntropyLogits
	}
	if cfg.Perda == nil {
		cfg.Perda = loss.MeanSquaredError
	}
	if cfg.Otimizador == nil {
		cfg.Otimizador = optimizer.Adam().LearningRate(cfg.TaxaAprend).Done()
	}
	cfg.Treino.Infinitos()
	return nil
}

// comDecaimento devolve o modelo com o decaimento cosseno da taxa de
// aprendizado acrescentado ao grafo de treino (se não estiver desligado).
func (cfg *Config) comDecaimento() ModeloFn {
	if cfg.SemDecaimento {
		return cfg.Modelo
	}
	return ComDecaimento(cfg.Modelo, cfg.TaxaAprend, cfg.Passos)
}

// ComDecaimento devolve o modelo com o decaimento cosseno da taxa de
// aprendizado no grafo de treino: de taxa, no primeiro passo, a taxa/20, no
// passo número passos (e de novo, em ciclos, se o treino passar disso). É o
// decaimento que Treina usa; o benchmark (scripts/bench) usa o mesmo.
func ComDecaimento(modelo ModeloFn, taxa float64, passos int) ModeloFn {
	return func(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
		g := entradas[0].Graph()
		if scope.IsTraining(g) {
			cosineschedule.New(scope, g, dtypes.Float32).LearningRate(taxa).PeriodSteps(passos).MinLearningRate(taxa / 20).Done()
		}
		return modelo(scope, spec, entradas)
	}
}

func novoStore(cfg Config) *model.Store {
	store := model.NewStore()
	if err := store.SetRNGStateFromSeed(cfg.Semente); err != nil {
		panic(err)
	}
	store.SetParam(optimizer.ParamLearningRate, cfg.TaxaAprend)
	for k, v := range cfg.Params {
		store.SetParam(k, v)
	}
	return store
}

// Carrega abre o modelo que Treina treinou antes (noutra célula), para
// usá-lo: prever, inspecionar pesos. modelo tem de ser a mesma função usada
// no treino. Entra em pânico, em português, se o treino não terminou (Abre).
func Carrega(nome string, modelo ModeloFn) *Modelo {
	store, reg := Abre(nome)
	return &Modelo{Nome: nome, Store: store, Registro: reg, fn: modelo}
}

// Saidas aplica o modelo (em modo de inferência) a n exemplos dados num vetor
// achatado, cada um com a forma dada, e devolve as saídas de cada exemplo
// (para um classificador, os logits). Processa em lotes de até 1000.
func (m *Modelo) Saidas(x []float32, forma []int) [][]float32 {
	backend := motor.Backend()
	t := 1
	for _, d := range forma {
		t *= d
	}
	n := len(x) / t
	exec := model.MustNewExec(backend, m.Store, func(scope *model.Scope, entrada *graph.Node) *graph.Node {
		return m.fn(scope, nil, []*graph.Node{entrada})[0]
	})
	var saidas [][]float32
	for de := 0; de < n; de += 1000 {
		ate := min(n, de+1000)
		entrada := tensors.FromFlatDataAndDimensions(x[de*t:ate*t], append([]int{ate - de}, forma...)...)
		r := exec.MustCall(entrada)[0]
		flat := tensors.MustCopyFlatData[float32](r)
		k := len(flat) / (ate - de)
		for i := 0; i < ate-de; i++ {
			saidas = append(saidas, flat[i*k:(i+1)*k])
		}
	}
	return saidas
}

// Classifica devolve a classe prevista (o maior logit) para cada imagem.
func (m *Modelo) Classifica(im *dados.Imagens) []int32 {
	saidas := m.Saidas(im.Pixels, []int{im.Altura, im.Largura})
	pred := make([]int32, len(saidas))
	for i, s := range saidas {
		melhor := 0
		for j := range s {
			if s[j] > s[melhor] {
				melhor = j
			}
		}
		pred[i] = int32(melhor)
	}
	return pred
}

// Acuracia devolve a fração de imagens classificadas corretamente.
func (m *Modelo) Acuracia(im *dados.Imagens) float64 {
	pred := m.Classifica(im)
	certos := 0
	for i, p := range pred {
		if p == im.Rotulos[i] {
			certos++
		}
	}
	return float64(certos) / float64(len(pred))
}

// NumParametros conta os valores treináveis do modelo (pesos e vieses),
// sem contar o estado do otimizador nem contadores.
func NumParametros(store *model.Store) int {
	n := 0
	for v := range store.IterVariables() {
		if v.Trainable && !strings.HasPrefix(v.Scope(), "/"+optimizer.Scope) {
			n += v.Shape().Size()
		}
	}
	return n
}

// indiceMetrica devolve o índice da primeira métrica com um dos nomes curtos
// dados (ou 0).
func indiceMetrica(ms []metric.Interface, nomes ...string) int {
	for _, nome := range nomes {
		for i, m := range ms {
			if m.ShortName() == nome {
				return i
			}
		}
	}
	return 0
}

func escalar(t *tensors.Tensor) float64 {
	switch v := t.Value().(type) {
	case float32:
		return float64(v)
	case float64:
		return v
	}
	return nan
}
