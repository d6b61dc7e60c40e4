package gan

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// Perda escolhe a perda do gerador.
type Perda int

const (
	// NaoSaturante: G minimiza −log D(G(z)) (Goodfellow et al., 2014, seção
	// 3). É o padrão: dá gradientes fortes justamente quando D está
	// vencendo, no começo do treino.
	NaoSaturante Perda = iota
	// Minimax: G minimiza log(1 − D(G(z))), o jogo original ao pé da letra.
	// Quando D rejeita as amostras com folga, D(G(z)) ≈ 0 e o gradiente some.
	Minimax
)

func (p Perda) String() string {
	if p == Minimax {
		return "minimax"
	}
	return "não saturante"
}

// Config descreve uma GAN: as duas redes (perceptrons de várias camadas com
// LeakyReLU) e o treino.
type Config struct {
	Dados         int   // dimensão de um dado (2 no anel, 784 no MNIST)
	Latente       int   // dimensão do ruído z, sorteado de uma normal padrão
	Gerador       []int // camadas ocultas do gerador, ex.: {128, 128}
	Discriminador []int // camadas ocultas do discriminador
	SaidaTanh     bool  // a saída do gerador passa por tanh (dados em [−1, 1])

	Perda   Perda // perda do gerador (padrão: NaoSaturante)
	Lote    int   // amostras por passo (reais e falsas); padrão 128
	PassosD int   // passos de D em cada Passo; padrão 1
	PassosG int   // passos de G em cada Passo; padrão 1

	OtimizadorD, OtimizadorG Adam // taxas e betas de cada jogador

	// DesvioLote liga o remédio contra o colapso de modos de Karras et al.
	// (2018): depois da primeira camada, D recebe também o desvio-padrão
	// médio das ativações no lote. Um lote de amostras todas parecidas tem
	// desvio pequeno — e D aprende a desconfiar dele. (Karras et al. põem
	// a camada perto do fim de D; a posição depois da primeira camada é uma
	// escolha do curso.)
	DesvioLote bool

	// Decaimento, se positivo, faz as taxas dos dois otimizadores caírem como
	// um cosseno (até 1/20) ao longo de Decaimento chamadas de Passo.
	Decaimento int

	Semente int64 // semente do ruído (padrão 1)
}

func (c Config) completa() Config {
	if c.Lote == 0 {
		c.Lote = 128
	}
	if c.PassosD == 0 {
		c.PassosD = 1
	}
	if c.PassosG == 0 {
		c.PassosG = 1
	}
	if c.Semente == 0 {
		c.Semente = 1
	}
	if c.Decaimento > 0 {
		c.OtimizadorD.Decaimento = c.Decaimento * c.PassosD
		c.OtimizadorG.Decaimento = c.Decaimento * c.PassosG
	}
	c.OtimizadorD.Escopo = "otimizador-d"
	c.OtimizadorG.Escopo = "otimizador-g"
	return c
}

// Assinatura resume a configuração num texto curto (um hash), bom para o
// nome de um checkpoint: mudar qualquer detalhe muda a assinatura, e um
// treino com outra configuração não reaproveita o checkpoint errado.
func (c Config) Assinatura() string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%+v", c.completa())
	return fmt.Sprintf("%08x", h.Sum32())
}

// ConstroiGerador constrói G: z [lote, Latente] → amostras [lote, Dados].
func (c Config) ConstroiGerador(scope *model.Scope, z *graph.Node) *graph.Node {
	x := z
	for i, n := range c.Gerador {
		x = activation.LeakyReluWith(layers.Dense(scope.In("camada%d", i), x, true, n), 0.2)
	}
	x = layers.Dense(scope.In("saida"), x, true, c.Dados)
	if c.SaidaTanh {
		x = graph.Tanh(x)
	}
	return x
}

// ConstroiDiscriminador constrói D: amostras [lote, Dados] → logits [lote]
// (o logit l dá a probabilidade de "real": D(x) = σ(l)).
func (c Config) ConstroiDiscriminador(scope *model.Scope, x *graph.Node) *graph.Node {
	return c.constroiD(scope, x, nil)
}

// constroiD constrói D; com DesvioLote, o desvio do lote vem de ref (outro
// lote, que passa pela mesma primeira camada) ou, se ref for nil, de x.
func (c Config) constroiD(scope *model.Scope, x, ref *graph.Node) *graph.Node {
	for i, n := range c.Discriminador {
		camada := scope.In("camada%d", i)
		h := activation.LeakyReluWith(layers.Dense(camada, x, true, n), 0.2)
		if i == 0 && c.DesvioLote {
			hRef := h
			if ref != nil {
				hRef = activation.LeakyReluWith(layers.Dense(scope.Shared("camada%d", i), ref, true, n), 0.2) // os mesmos pesos
			}
			h = comDesvioDoLote(h, hRef)
		}
		x = h
	}
	return graph.Reshape(layers.Dense(scope.In("saida"), x, true, 1), -1)
}

// comDesvioDoLote acrescenta a x [lote, n] uma coluna com o desvio-padrão
// de cada ativação no lote ref, na média das n ativações (o mesmo número em
// todas as linhas). No treino, ref é o próprio x.
func comDesvioDoLote(x, ref *graph.Node) *graph.Node {
	media := graph.ReduceAndKeep(ref, graph.ReduceMean, 0)
	variancia := graph.ReduceMean(graph.Square(graph.Sub(ref, media)), 0)
	desvio := graph.ReduceAllMean(graph.Sqrt(graph.AddScalar(variancia, 1e-8)))
	coluna := graph.BroadcastToDims(graph.Reshape(desvio, 1, 1), x.Shape().Dimensions[0], 1)
	return graph.Concatenate([]*graph.Node{x, coluna}, 1)
}

// PerdaD é a perda do discriminador, a entropia cruzada binária com rótulo
// 1 para os reais e 0 para os falsos:
//
//	L_D = −média log D(x) − média log(1 − D(G(z))),
//
// calculada a partir dos logits (log σ(l) = −softplus(−l), de forma estável).
func PerdaD(logitsReais, logitsFalsos *graph.Node) *graph.Node {
	return graph.Add(
		graph.ReduceAllMean(graph.Softplus(graph.Neg(logitsReais))),
		graph.ReduceAllMean(graph.Softplus(logitsFalsos)))
}

// PerdaGMinimax é a perda do gerador no jogo original: média log(1 − D(G(z))).
func PerdaGMinimax(logitsFalsos *graph.Node) *graph.Node {
	return graph.Neg(graph.ReduceAllMean(graph.Softplus(logitsFalsos)))
}

// PerdaGNaoSaturante é a perda que se usa na prática: −média log D(G(z)).
func PerdaGNaoSaturante(logitsFalsos *graph.Node) *graph.Node {
	return graph.ReduceAllMean(graph.Softplus(graph.Neg(logitsFalsos)))
}

// GAN é uma GAN pronta para treinar: as redes, os otimizadores e os grafos
// já montados (cada um é compilado na primeira vez que roda).
type GAN struct {
	Cfg   Config
	Store *model.Store // variáveis de G ("gerador"), D ("discriminador") e otimizadores

	passoD, passoG, passo, gera, discrimina *model.Exec
}

// Nova monta uma GAN com as variáveis em store (criadas no primeiro passo,
// ou reaproveitadas se store já as tiver, por exemplo de um checkpoint).
// Os grafos montam G e D mais de uma vez (os passos desenrolados de Passo),
// sempre com as mesmas variáveis: por isso entram nos escopos com
// Scope.At, que, ao contrário de Scope.In, aceita voltar a um escopo.
func Nova(store *model.Store, cfg Config) *GAN {
	cfg = cfg.completa()
	if cfg.Dados <= 0 || cfg.Latente <= 0 {
		panic(fmt.Errorf("gan.Config: Dados (%d) e Latente (%d) devem ser positivos", cfg.Dados, cfg.Latente))
	}
	if err := store.SetRNGStateFromSeed(cfg.Semente); err != nil {
		panic(err)
	}
	g := &GAN{Cfg: cfg, Store: store}
	backend := motor.Backend()

	g.passoD = model.MustNewExec(backend, store, func(scope *model.Scope, reais *graph.Node) []*graph.Node {
		perda, dr, df := cfg.grafoPassoD(scope, reais)
		return []*graph.Node{perda, dr, df}
	})
	g.passoG = model.MustNewExec(backend, store, func(scope *model.Scope, gr *graph.Graph) []*graph.Node {
		perda, df := cfg.grafoPassoG(scope, gr)
		return []*graph.Node{perda, df}
	})
	g.passo = model.MustNewExec(backend, store, cfg.grafoPasso)
	g.gera = model.MustNewExec(backend, store, func(scope *model.Scope, z *graph.Node) *graph.Node {
		return cfg.ConstroiGerador(scope.At("gerador"), z)
	})
	g.discrimina = model.MustNewExec(backend, store, func(scope *model.Scope, x, ref *graph.Node) *graph.Node {
		if !cfg.DesvioLote {
			ref = nil
		}
		return graph.Sigmoid(cfg.constroiD(scope.At("discriminador"), x, ref))
	})
	return g
}

// grafoPasso monta o passo completo do jogo num grafo só: PassosD passos de
// D (cada um com o seu lote de reais, [PassosD·Lote, Dados]) e depois
// PassosG passos de G, desenrolados. Cada passo lê os valores que o anterior
// acabou de escrever (SetNodeValue), então é o mesmo que chamar PassoD e
// PassoG em sequência — com uma ida ao motor em vez de PassosD + PassosG.
// Devolve a perda de D, as médias de D nos reais e nos falsos (do último
// passo de D) e a perda de G (do último passo de G).
func (cfg Config) grafoPasso(scope *model.Scope, reais *graph.Node) []*graph.Node {
	var perdaD, dr, df, perdaG *graph.Node
	for k := range cfg.PassosD {
		lote := reais
		if cfg.PassosD > 1 {
			// StopGradient: os dados não são treinados (e o gradiente de
			// Slice seria trabalho à toa).
			lote = graph.StopGradient(graph.Slice(reais, graph.AxisRange(k*cfg.Lote, (k+1)*cfg.Lote)))
		}
		perdaD, dr, df = cfg.grafoPassoD(scope, lote)
	}
	for range cfg.PassosG {
		perdaG, _ = cfg.grafoPassoG(scope, reais.Graph())
	}
	return []*graph.Node{perdaD, dr, df, perdaG}
}

// grafoPassoD monta um passo de D num lote de reais: perda, média de D nos
// reais e média de D nos falsos.
func (cfg Config) grafoPassoD(scope *model.Scope, reais *graph.Node) (perda, dReais, dFalsos *graph.Node) {
	gr := reais.Graph()
	z := scope.RandomNormal(gr, shapes.Make(dtypes.Float32, reais.Shape().Dimensions[0], cfg.Latente))
	// StopGradient: no passo de D, as amostras falsas são só dados.
	falsos := graph.StopGradient(cfg.ConstroiGerador(scope.At("gerador"), z))
	lr := cfg.ConstroiDiscriminador(scope.At("discriminador"), reais)
	lf := cfg.ConstroiDiscriminador(scope.At("discriminador"), falsos)
	perda = PerdaD(lr, lf)
	// Só as variáveis de D entram no otimizador de D.
	cfg.OtimizadorD.Atualiza(scope, perda, variaveisEmUso(scope.At("discriminador"), gr))
	return perda, graph.ReduceAllMean(graph.Sigmoid(lr)), graph.ReduceAllMean(graph.Sigmoid(lf))
}

// grafoPassoG monta um passo de G com Lote amostras: perda de G e média de
// D nas amostras (antes do passo).
func (cfg Config) grafoPassoG(scope *model.Scope, gr *graph.Graph) (perda, dFalsos *graph.Node) {
	z := scope.RandomNormal(gr, shapes.Make(dtypes.Float32, cfg.Lote, cfg.Latente))
	lf := cfg.ConstroiDiscriminador(scope.At("discriminador"), cfg.ConstroiGerador(scope.At("gerador"), z))
	perda = PerdaGNaoSaturante(lf)
	if cfg.Perda == Minimax {
		perda = PerdaGMinimax(lf)
	}
	// Só as variáveis de G entram no otimizador de G.
	cfg.OtimizadorG.Atualiza(scope, perda, variaveisEmUso(scope.At("gerador"), gr))
	return perda, graph.ReduceAllMean(graph.Sigmoid(lf))
}

// variaveisEmUso lista as variáveis treináveis do escopo que o grafo
// usa: as de um jogador.
func variaveisEmUso(scope *model.Scope, g *graph.Graph) []*model.Variable {
	var vs []*model.Variable
	for v := range scope.IterVariables() {
		if v.Trainable && v.InUseByGraph(g) {
			vs = append(vs, v)
		}
	}
	return vs
}

// PassoD dá um passo de treino do discriminador num lote de dados reais
// (achatado: n×Dados valores) e n amostras do gerador. Devolve a perda de D
// e as médias de D(x) nos reais e nos falsos.
func (g *GAN) PassoD(reais []float32) (perda, dReais, dFalsos float64) {
	n := len(reais) / g.Cfg.Dados
	r := g.passoD.MustCall(tensors.FromFlatDataAndDimensions(reais, n, g.Cfg.Dados))
	return escalar(r[0]), escalar(r[1]), escalar(r[2])
}

// PassoG dá um passo de treino do gerador (com Cfg.Lote amostras) e devolve
// a sua perda e a média de D(G(z)) antes do passo.
func (g *GAN) PassoG() (perda, dFalsos float64) {
	r := g.passoG.MustCall()
	return escalar(r[0]), escalar(r[1])
}

// Passo dá Cfg.PassosD passos de D (cada um com um lote novo de
// amostra(Cfg.Lote)) e Cfg.PassosG passos de G, num grafo só, e devolve as
// métricas (do último passo de cada jogador) para as curvas de treino.Laco.
func (g *GAN) Passo(amostra func(n int) []float32) map[string]float64 {
	n := g.Cfg.Lote * g.Cfg.PassosD
	r := g.passo.MustCall(tensors.FromFlatDataAndDimensions(amostra(n), n, g.Cfg.Dados))
	return map[string]float64{"perda de D": escalar(r[0]), "D(real)": escalar(r[1]),
		"D(falso)": escalar(r[2]), "perda de G": escalar(r[3])}
}

// Latentes sorteia n vetores z (achatados, n×Latente) de uma normal padrão,
// com a semente dada: a mesma semente dá sempre os mesmos vetores.
func (g *GAN) Latentes(n int, semente uint64) []float32 {
	r := rand.New(rand.NewPCG(semente, 7))
	z := make([]float32, n*g.Cfg.Latente)
	for i := range z {
		z[i] = float32(r.NormFloat64())
	}
	return z
}

// GeraDe aplica o gerador aos vetores latentes z (achatados, n×Latente) e
// devolve as n amostras achatadas (n×Dados).
func (g *GAN) GeraDe(z []float32) []float32 {
	n := len(z) / g.Cfg.Latente
	return tensors.MustCopyFlatData[float32](g.gera.MustCall(tensors.FromFlatDataAndDimensions(z, n, g.Cfg.Latente))[0])
}

// Gera sorteia n vetores latentes (com a semente dada) e devolve as
// amostras geradas, achatadas (n×Dados).
func (g *GAN) Gera(n int, semente uint64) []float32 { return g.GeraDe(g.Latentes(n, semente)) }

// Discrimina devolve D(x), a probabilidade de "real", para cada um dos n
// dados de x (achatado, n×Dados). Com DesvioLote, a resposta de D depende
// do lote em que x chega; aqui, o desvio do lote é o de um lote do gerador
// (Lote amostras): D(x) responde "x é real, vindo num lote com a variedade
// que G produz agora?".
func (g *GAN) Discrimina(x []float32) []float32 {
	n := len(x) / g.Cfg.Dados
	ref := g.Gera(g.Cfg.Lote, 11)
	return tensors.MustCopyFlatData[float32](g.discrimina.MustCall(
		tensors.FromFlatDataAndDimensions(x, n, g.Cfg.Dados),
		tensors.FromFlatDataAndDimensions(ref, g.Cfg.Lote, g.Cfg.Dados))[0])
}

func escalar(t *tensors.Tensor) float64 {
	return float64(tensors.MustCopyFlatData[float32](t)[0])
}
