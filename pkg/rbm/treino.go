package rbm

import (
	"fmt"
	"maps"
	"math/rand/v2"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/graficos"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Config descreve o treino de uma RBM por divergência contrastiva.
type Config struct {
	Nome      string    // identifica o treino (checkpoint em curso.PastaModelos()/Nome); obrigatório
	Dados     []float32 // exemplos de treino, achatados: N×Visiveis valores em [0, 1]
	Visiveis  int       // unidades visíveis (valores por exemplo)
	Ocultas   int       // unidades ocultas
	Validacao []float32 // opcional: exemplos para as curvas de validação

	Passos       int     // passos (lotes) de treino
	Lote         int     // exemplos por lote (padrão 64)
	K            int     // passos de Gibbs na fase negativa: CD-k (padrão 1)
	Persistente  bool    // CD persistente (PCD, Tieleman 2008): a fase negativa continua as cadeias do passo anterior
	Taxa         float64 // taxa de aprendizado (padrão 0,05)
	Momento      float64 // momento depois dos primeiros 5% dos passos, em que vale 0,5 (padrão 0,9; negativo = sem momento)
	Decaimento   float64 // decaimento dos pesos, "weight decay" (padrão 0; Hinton sugere 1e-4)
	TaxaFixa     bool    // sem isto, a taxa cai em linha reta até Taxa/10 no último passo
	Semente      int64   // semente dos pesos iniciais, da ordem dos lotes e das amostras (padrão 1)
	AvaliarACada int     // passos entre dois pontos das curvas (padrão Passos/25)

	// Avalia (opcional) é chamada a cada ponto das curvas, com a RBM no
	// estado atual; devolve métricas extras (ex.: a log-verossimilhança
	// exata de uma RBM pequena). Pode também atualizar uma figura.
	Avalia func(r *RBM, passo int) map[string]float64

	SemGrafico bool // sem curvas ao vivo nem no fim
	Retreinar  bool // ignora um checkpoint completo e treina de novo
}

// Nomes das métricas que Treina registra.
const (
	ErroLote        = "erro de reconstrução (lote)"
	ErroTreino      = "erro de reconstrução (treino)"
	ErroValidacao   = "erro de reconstrução (validação)"
	PseudoTreino    = "pseudoverossimilhança (treino)"
	PseudoValidacao = "pseudoverossimilhança (validação)"
	EnergiaTreino   = "energia livre média (treino)"
	EnergiaValid    = "energia livre média (validação)"
	DiferencaLivre  = "energia livre: validação − treino"
)

func (cfg *Config) completa() error {
	if cfg.Nome == "" || cfg.Visiveis <= 0 || cfg.Ocultas <= 0 || cfg.Passos <= 0 {
		return fmt.Errorf("rbm.Config incompleta: Nome, Visiveis, Ocultas e Passos são obrigatórios (recebi %q, %d, %d, %d)",
			cfg.Nome, cfg.Visiveis, cfg.Ocultas, cfg.Passos)
	}
	if len(cfg.Dados) == 0 || len(cfg.Dados)%cfg.Visiveis != 0 {
		return fmt.Errorf("rbm.Config: %d valores em Dados não formam exemplos de %d unidades", len(cfg.Dados), cfg.Visiveis)
	}
	if len(cfg.Validacao)%cfg.Visiveis != 0 {
		return fmt.Errorf("rbm.Config: %d valores em Validacao não formam exemplos de %d unidades", len(cfg.Validacao), cfg.Visiveis)
	}
	if cfg.Lote <= 0 {
		cfg.Lote = 64
	}
	cfg.Lote = min(cfg.Lote, len(cfg.Dados)/cfg.Visiveis)
	if cfg.K <= 0 {
		cfg.K = 1
	}
	if cfg.Taxa == 0 {
		cfg.Taxa = 0.05
	}
	if cfg.Momento == 0 {
		cfg.Momento = 0.9
	}
	if cfg.Semente == 0 {
		cfg.Semente = 1
	}
	if cfg.AvaliarACada <= 0 {
		cfg.AvaliarACada = max(1, cfg.Passos/25)
	}
	return nil
}

// momento devolve o momento do passo (0,5 nos primeiros 5% dos passos).
func (cfg *Config) momento(passo int) float64 {
	if cfg.Momento < 0 {
		return 0
	}
	if passo <= cfg.Passos/20 {
		return min(0.5, cfg.Momento)
	}
	return cfg.Momento
}

// taxa devolve a taxa de aprendizado do passo: cai em linha reta de Taxa
// até Taxa/10 (passos largos no começo, finos no fim, como em Tieleman, 2008).
func (cfg *Config) taxa(passo int) float64 {
	if cfg.TaxaFixa {
		return cfg.Taxa
	}
	return cfg.Taxa * (1 - 0.9*float64(passo-1)/float64(max(1, cfg.Passos-1)))
}

// avaliacao monta o grafo das métricas num conjunto fixo de exemplos v:
// erro de reconstrução sem sorteio, energia livre média e a
// pseudoverossimilhança estimada trocando um bit sorteado de cada exemplo
// (vTrocado): V·média log σ(F(ṽ) − F(v)).
func (r *RBM) avaliacao(v, vTrocado *graph.Node) (erro, energia, pseudo *graph.Node) {
	w, b, c := r.parametros(v.Graph())
	rec := ProbVisiveis(ProbOcultas(v, w, c), w, b)
	erro = graph.ReduceAllMean(graph.Square(graph.Sub(v, rec)))
	f := EnergiaLivre(v, w, b, c)
	energia = graph.ReduceAllMean(f)
	logP := graph.Neg(graph.Softplus(graph.Sub(f, EnergiaLivre(vTrocado, w, b, c))))
	pseudo = graph.MulScalar(graph.ReduceAllMean(logP), float64(r.Visiveis))
	return
}

// trocaUmBit devolve uma cópia de x com um bit sorteado de cada exemplo trocado (0 ↔ 1).
func trocaUmBit(x []float32, unidades int, semente uint64) []float32 {
	rng := rand.New(rand.NewPCG(semente, 3))
	y := append([]float32(nil), x...)
	for k := range len(x) / unidades {
		i := k*unidades + rng.IntN(unidades)
		y[i] = 1 - y[i]
	}
	return y
}

// Treina treina uma RBM por divergência contrastiva (CD-k, ou PCD com
// Persistente) com treino.Laco: barra de progresso, curvas ao vivo do erro
// de reconstrução e checkpoint (rodar de novo só carrega a RBM treinada).
// Devolve a RBM e o registro das métricas: erro de reconstrução,
// pseudoverossimilhança e energia livre média, no treino e na validação.
func Treina(cfg Config) (*RBM, *treino.Registro) {
	if err := cfg.completa(); err != nil {
		panic(err)
	}
	// O passo (a RBM inicial, as velocidades do momento e, no PCD, as
	// cadeias, que começam no primeiro lote binarizado) é o de
	// NovoPassoDeTreino, o mesmo que o benchmark mede.
	proximoLote := lotesSorteados(cfg.Dados, cfg.Visiveis, cfg.Lote, uint64(cfg.Semente))
	var primeiro []float32
	if cfg.Persistente {
		primeiro = proximoLote()
	}
	passo, err := NovoPassoDeTreino(cfg, primeiro)
	if err != nil {
		panic(err)
	}
	r, store := passo.RBM, passo.RBM.Store

	// Conjuntos fixos para as curvas: até 1.000 exemplos de treino e de validação.
	conjunto := func(x []float32) (*tensors.Tensor, *tensors.Tensor) {
		return conjuntoFixo(x, cfg.Visiveis, uint64(cfg.Semente))
	}
	avalia := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, v, vTrocado *graph.Node) (*graph.Node, *graph.Node, *graph.Node) {
		return r.avaliacao(v, vTrocado)
	})
	medidas := func(v, vt *tensors.Tensor) (erro, energia, pseudo float64) {
		s := avalia.MustCall(v, vt)
		return escalar(s[0]), escalar(s[1]), escalar(s[2])
	}
	treinoV, treinoT := conjunto(cfg.Dados)
	var validV, validT *tensors.Tensor
	if len(cfg.Validacao) > 0 {
		validV, validT = conjunto(cfg.Validacao)
	}

	laco := treino.Laco{
		Nome: cfg.Nome, Store: store, Passos: cfg.Passos, AvaliarACada: cfg.AvaliarACada, Exemplos: cfg.Lote,
		SemGrafico: cfg.SemGrafico, Retreinar: cfg.Retreinar,
		Passo: func(p int) map[string]float64 {
			erro, err := passo.Roda(proximoLote(), p)
			if err != nil {
				panic(err)
			}
			return map[string]float64{ErroLote: erro}
		},
		Avalia: func(p int) map[string]float64 {
			ms := map[string]float64{}
			ms[ErroTreino], ms[EnergiaTreino], ms[PseudoTreino] = medidas(treinoV, treinoT)
			if validV != nil {
				ms[ErroValidacao], ms[EnergiaValid], ms[PseudoValidacao] = medidas(validV, validT)
				ms[DiferencaLivre] = ms[EnergiaValid] - ms[EnergiaTreino]
			}
			if cfg.Avalia != nil {
				maps.Copy(ms, cfg.Avalia(r, p))
			}
			return ms
		},
		// As curvas: o erro de reconstrução nos exemplos fixos de treino e de
		// validação (o do lote, ruidoso, e as outras métricas ficam no registro).
		Grafico: func(reg *treino.Registro) *graficos.Figura {
			nomes := []string{ErroTreino}
			if validV != nil {
				nomes = append(nomes, ErroValidacao)
			}
			return reg.Grafico("Erro de reconstrução — "+cfg.Nome, "erro quadrático por pixel", nomes...)
		},
	}
	return r, laco.Roda()
}

// lotesSorteados devolve uma função que dá, a cada chamada, um lote de
// `lote` exemplos de dados (cada um com `unidades` valores), sem reposição
// dentro de uma época e com uma nova ordem sorteada a cada época.
func lotesSorteados(dados []float32, unidades, lote int, semente uint64) func() []float32 {
	n := len(dados) / unidades
	rng := rand.New(rand.NewPCG(semente, 11))
	ordem, pos := rng.Perm(n), 0
	buf := make([]float32, lote*unidades)
	return func() []float32 {
		for k := range lote {
			if pos == n {
				ordem, pos = rng.Perm(n), 0
			}
			i := ordem[pos]
			pos++
			copy(buf[k*unidades:(k+1)*unidades], dados[i*unidades:(i+1)*unidades])
		}
		return append([]float32(nil), buf...)
	}
}

// conjuntoFixo devolve até 1.000 exemplos de x e a cópia deles com um bit
// trocado em cada um (para a pseudoverossimilhança).
func conjuntoFixo(x []float32, unidades int, semente uint64) (*tensors.Tensor, *tensors.Tensor) {
	m := min(len(x)/unidades, 1000)
	x = x[:m*unidades]
	return tensors.FromFlatDataAndDimensions(append([]float32(nil), x...), m, unidades),
		tensors.FromFlatDataAndDimensions(trocaUmBit(x, unidades, semente), m, unidades)
}

// escalar lê um tensor de um valor só como float64.
func escalar(t *tensors.Tensor) float64 {
	return float64(tensors.MustCopyFlatData[float32](t)[0])
}
