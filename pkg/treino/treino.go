package treino

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/checkpoint"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/metric"
	"github.com/gomlx/gomlx/ml/train/optimizer"
	"github.com/gomlx/gomlx/ml/train/optimizer/cosineschedule"
	"github.com/janpfeifer/gonb/gonbui"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/dados"
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

	Retreinar  bool // ignora o checkpoint existente e treina do zero
	SemGrafico bool // não desenha as curvas ao vivo
}

// Modelo é um modelo treinado (ou carregado de um checkpoint).
type Modelo struct {
	Nome        string
	Store       *model.Store // as variáveis do modelo (pesos, estado do otimizador)
	Historico   *Historico
	Reutilizado bool   // true se veio de um checkpoint, sem treinar
	Pasta       string // onde está o checkpoint
	fn          ModeloFn
}

// Treina treina o modelo descrito em cfg, ou carrega o checkpoint de um
// treino anterior que já chegou a cfg.Passos. Mostra uma barra de
// progresso e as curvas ao vivo. Em caso de erro, explica em português e
// entra em pânico (o notebook mostra a mensagem).
func Treina(cfg Config) *Modelo {
	m, err := TreinaOuErro(cfg)
	if err != nil {
		panic(err)
	}
	return m
}

// TreinaOuErro é como Treina, mas devolve o erro.
func TreinaOuErro(cfg Config) (m *Modelo, err error) {
	if err := cfg.completa(); err != nil {
		return nil, err
	}
	backend, err := motor.Novo()
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = motor.Explica(r)
		}
	}()

	pasta := filepath.Join(curso.PastaModelos(), cfg.Nome)
	if cfg.Retreinar || curso.Retreinar() {
		if err := os.RemoveAll(pasta); err != nil {
			return nil, err
		}
	}
	store := novoStore(cfg)
	ckpt, err := checkpoint.Build(store).Dir(pasta).Keep(1).Done()
	if err != nil {
		return nil, fmt.Errorf("não consegui abrir o checkpoint em %s: %w", pasta, err)
	}
	m = &Modelo{Nome: cfg.Nome, Store: store, Pasta: pasta, fn: cfg.Modelo}
	feitos := int(optimizer.GetGlobalStep(store))
	if feitos >= cfg.Passos {
		h, errH := carregaHistorico(pasta)
		if errH == nil {
			m.Historico, m.Reutilizado = h, true
			fmt.Printf("♻️  Modelo %q já treinado (%s passos): carregado de %s.\n"+
				"   Para treinar de novo: Retreinar: true na Config, ou REPRESENTACOES_RETREINAR=1.\n",
				cfg.Nome, curso.Inteiro(feitos), pasta)
			mostraFinal(cfg, h)
			return m, nil
		}
	}

	var acc, accEval []metric.Interface
	if !cfg.Regressao {
		acc = []metric.Interface{metric.NewMovingAverageSparseCategoricalAccuracy("acurácia média móvel", "~acc", 0.05)}
		accEval = []metric.Interface{metric.NewSparseCategoricalAccuracy("acurácia", "acc")}
	}
	trainer := train.NewTrainer(backend, store, cfg.comDecaimento(), cfg.Perda, cfg.Otimizador, acc, accEval)
	loop := train.NewLoop(trainer)
	// O GoMLX põe antes das nossas métricas as de perda (a do lote e a média
	// móvel no treino, a média na avaliação); achamos cada uma pelo nome curto.
	iPerda := indiceMetrica(trainer.TrainMetrics(), "~loss", "~loss+")
	iPerdaVal := indiceMetrica(trainer.EvalMetrics(), "#loss", "#loss+")
	iAc, iAcVal := len(trainer.TrainMetrics())-1, len(trainer.EvalMetrics())-1

	h := &Historico{Motor: motor.Nome()}
	if m.Historico == nil && feitos > 0 {
		if antigo, err := carregaHistorico(pasta); err == nil {
			h = antigo // continua um treino interrompido
		}
	}
	barra := NovoProgresso(fmt.Sprintf("Treinando %q (%s)", cfg.Nome, motor.Nome()), cfg.Passos)
	idGrafico := ""
	if gonbui.IsNotebook && !cfg.SemGrafico {
		idGrafico = "curvas-" + gonbui.UniqueID()
	}
	inicio := time.Now()
	var texto string
	loop.OnStep("representacoes", 0, func(loop *train.Loop, ms []*tensors.Tensor) error {
		passo := loop.LoopStep + 1
		perda := escalar(ms[iPerda]) // média móvel da perda
		if math.IsNaN(perda) || math.IsInf(perda, 0) {
			return fmt.Errorf("a perda virou %v no passo %d: a taxa de aprendizado (%g) pode estar alta demais", perda, passo, cfg.TaxaAprend)
		}
		texto = "perda " + curso.Num(perda, 4)
		acTreino := nan
		if !cfg.Regressao {
			acTreino = escalar(ms[iAc])
			texto += " · acurácia (treino) " + curso.Pct(acTreino)
		}
		if passo%cfg.AvaliarACada == 0 || passo == cfg.Passos {
			h.Passos = append(h.Passos, float64(passo))
			h.PerdaTreino = append(h.PerdaTreino, perda)
			if !cfg.Regressao {
				h.AcuraciaTreino = append(h.AcuraciaTreino, acTreino)
			}
			if cfg.Validacao != nil {
				r, err := loop.Trainer.Eval(cfg.Validacao)
				if err != nil {
					return err
				}
				h.PerdaValidacao = append(h.PerdaValidacao, escalar(r[iPerdaVal]))
				if !cfg.Regressao {
					h.AcuraciaValidacao = append(h.AcuraciaValidacao, escalar(r[iAcVal]))
				}
			}
			if idGrafico != "" && len(h.Passos) > 1 {
				h.Grafico(cfg.Nome).Atualiza(idGrafico)
			}
		}
		barra.Atualiza(passo, texto)
		return nil
	})
	if _, err := loop.RunToGlobalStep(cfg.Treino, cfg.Passos); err != nil {
		return nil, motor.Explica(err)
	}
	dur := time.Since(inicio)
	h.Segundos += dur.Seconds()
	h.ExemplosPorSeg = float64((cfg.Passos-feitos)*cfg.Treino.Tamanho()) / dur.Seconds()
	h.Parametros = NumParametros(store)
	if err := ckpt.Save(); err != nil {
		return nil, fmt.Errorf("não consegui salvar o checkpoint em %s: %w", pasta, err)
	}
	if err := h.salva(pasta); err != nil {
		return nil, err
	}
	m.Historico = h
	barra.Atualiza(cfg.Passos, texto+fmt.Sprintf(" · %s exemplos/s", curso.Num(h.ExemplosPorSeg, 0)))
	if idGrafico != "" {
		gonbui.UpdateHTML(idGrafico, "") // apaga a versão ao vivo; a final vem abaixo
	}
	mostraFinal(cfg, h)
	return m, nil
}

// mostraFinal resume o treino: métricas finais e, no notebook, as curvas.
func mostraFinal(cfg Config, h *Historico) {
	s := fmt.Sprintf("Modelo %q: %s parâmetros, %s passos, treino em %s (%s exemplos/s, motor %s).",
		cfg.Nome, curso.Inteiro(h.Parametros), curso.Inteiro(int(Ultima(h.Passos))), curso.Duracao(time.Duration(h.Segundos*float64(time.Second))),
		curso.Num(h.ExemplosPorSeg, 0), h.Motor)
	if len(h.PerdaValidacao) > 0 {
		s += "\nValidação: perda " + curso.Num(Ultima(h.PerdaValidacao), 4)
		if len(h.AcuraciaValidacao) > 0 {
			s += ", acurácia " + curso.Pct(Ultima(h.AcuraciaValidacao))
		}
	}
	fmt.Println(s)
	if gonbui.IsNotebook && !cfg.SemGrafico && len(h.Passos) > 1 {
		h.Grafico(cfg.Nome).Mostra()
	}
}

// Grafico desenha a perda e, se houver, a acurácia, num só gráfico por passo.
func (h *Historico) Grafico(nome string) interface {
	Mostra()
	Atualiza(string)
} {
	if len(h.AcuraciaTreino) == 0 {
		return h.GraficoPerda("Curvas de treino — " + nome)
	}
	return h.GraficoAcuracia("Acurácia durante o treino — " + nome)
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

// Carrega abre o checkpoint de um modelo treinado antes (por Treina, noutra
// célula), para usá-lo: prever, inspecionar pesos. modelo tem de ser a mesma
// função usada no treino.
func Carrega(nome string, modelo ModeloFn) *Modelo {
	store := AbreCheckpoint(nome, "")
	pasta := filepath.Join(curso.PastaModelos(), nome)
	h, _ := carregaHistorico(pasta)
	return &Modelo{Nome: nome, Store: store, Historico: h, Reutilizado: true, Pasta: pasta, fn: modelo}
}

// AbreCheckpoint devolve um model.Store novo com as variáveis que um treino de
// nome `nome` (Treina ou Laco, noutra célula) salvou na pasta de modelos. As
// variáveis ganham os valores salvos quando o modelo as cria de novo, com os
// mesmos nomes. Se marca não for "", o treino só conta como feito se esse
// arquivo existir na pasta (Laco grava "registro.json" no fim). Entra em
// pânico, com uma mensagem em português, se o treino ainda não foi feito ou
// se o checkpoint não puder ser lido.
//
// É o que Carrega usa, e também gan.Carrega e rbm.Carrega.
func AbreCheckpoint(nome, marca string) *model.Store {
	pasta := filepath.Join(curso.PastaModelos(), nome)
	if _, err := os.Stat(filepath.Join(pasta, marca)); err != nil {
		panic(fmt.Errorf("%q ainda não foi treinado (não há checkpoint completo em %s): rode antes a célula que o treina", nome, pasta))
	}
	store := model.NewStore()
	if _, err := checkpoint.Build(store).Dir(pasta).Done(); err != nil {
		panic(fmt.Errorf("não consegui ler o checkpoint de %q em %s: %w", nome, pasta, err))
	}
	return store
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

// ErrSemCheckpoint indica que não há modelo salvo com o nome pedido.
var ErrSemCheckpoint = errors.New("modelo sem checkpoint")
