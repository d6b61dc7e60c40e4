package rbm

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/treino"
)

// DBN é uma rede de crença profunda (Hinton, Osindero e Teh, 2006): RBMs
// empilhadas, cada uma treinada sobre as probabilidades das ocultas da
// anterior.
type DBN struct {
	Camadas   []*RBM
	Registros []*treino.Registro // o registro do treino de cada camada
}

// ConfigDBN descreve o treino guloso, camada por camada, de uma DBN.
type ConfigDBN struct {
	Nome    string // prefixo dos checkpoints: a camada i fica em "<Nome>-camada<i>"
	Ocultas []int  // unidades ocultas de cada RBM, de baixo para cima (ex.: {500, 500})
	// Base é a configuração de cada RBM: Dados, Visiveis e Validacao são os da
	// primeira camada; Passos, Lote, K, Taxa… valem para todas. Nome e Ocultas
	// são ignorados.
	Base Config
}

// TreinaDBN treina a pilha de RBMs de forma gulosa: a primeira RBM aprende
// os dados; depois, cada exemplo é trocado por p(h | v) da RBM treinada, e
// a RBM seguinte aprende essas representações; e assim por diante. Cada
// camada é um rbm.Treina, com barra de progresso e checkpoint.
func TreinaDBN(cfg ConfigDBN) *DBN {
	if len(cfg.Ocultas) == 0 {
		panic("rbm.ConfigDBN: Ocultas deve ter ao menos uma camada")
	}
	d := &DBN{}
	x, val, vis := cfg.Base.Dados, cfg.Base.Validacao, cfg.Base.Visiveis
	for i, h := range cfg.Ocultas {
		c := cfg.Base
		c.Nome, c.Dados, c.Validacao, c.Visiveis, c.Ocultas = fmt.Sprintf("%s-camada%d", cfg.Nome, i+1), x, val, vis, h
		c.Semente = cfg.Base.Semente + int64(i)
		r, reg := Treina(c)
		d.Camadas, d.Registros = append(d.Camadas, r), append(d.Registros, reg)
		if i < len(cfg.Ocultas)-1 {
			x = r.ProbOcultas(x)
			if len(val) > 0 {
				val = r.ProbOcultas(val)
			}
		}
		vis = h
	}
	return d
}

// Representacao sobe x (achatado) pela pilha inteira: p(h | v) de cada
// camada, uma após a outra. Devolve a saída da última camada.
func (d *DBN) Representacao(x []float32) []float32 {
	for _, r := range d.Camadas {
		x = r.ProbOcultas(x)
	}
	return x
}

// Pesos copia os parâmetros de todas as camadas, de baixo para cima.
func (d *DBN) Pesos() []Pesos {
	ps := make([]Pesos, len(d.Camadas))
	for i, r := range d.Camadas {
		ps[i] = r.Pesos()
	}
	return ps
}

// Classificador descreve uma rede densa de unidades sigmoides com uma saída
// de Classes logits, para treinar com treino.Treina. Com Iniciais, as
// camadas ocultas começam com os pesos W e os vieses c das RBMs de uma DBN
// (é o "ajuste fino" por retropropagação de Hinton e Salakhutdinov, 2006; o
// artigo da DBN, Hinton, Osindero e Teh, 2006, usa um ajuste fino gerativo,
// o algoritmo up-down); sem, começam sorteadas (Glorot
// e Bengio, 2010), para comparar.
type Classificador struct {
	Entradas int     // valores por exemplo (784 no MNIST)
	Ocultas  []int   // unidades de cada camada oculta
	Classes  int     // número de classes
	Iniciais []Pesos // pesos das RBMs, um por camada oculta; nil = inicialização aleatória
	Dropout  float64 // fração das unidades desligadas no treino, em cada camada oculta (0 = sem)
	Semente  uint64  // semente da inicialização aleatória (padrão 1)
}

// ClassificadorDe devolve o classificador com a arquitetura e os pesos da DBN.
func (d *DBN) ClassificadorDe(classes int) Classificador {
	c := Classificador{Entradas: d.Camadas[0].Visiveis, Classes: classes, Iniciais: d.Pesos()}
	for _, r := range d.Camadas {
		c.Ocultas = append(c.Ocultas, r.Ocultas)
	}
	return c
}

// Assinatura resume o classificador num texto curto, bom para nome de
// checkpoint: "784-500-500-10-dbn" (ou "-aleatoria"), com "-x20" se houver 20% de dropout.
func (c Classificador) Assinatura() string {
	s := fmt.Sprint(c.Entradas)
	for _, h := range c.Ocultas {
		s += fmt.Sprintf("-%d", h)
	}
	s += fmt.Sprintf("-%d", c.Classes)
	if c.Iniciais != nil {
		s += "-dbn"
	} else {
		s += "-aleatoria"
	}
	if c.Dropout > 0 {
		s += fmt.Sprintf("-x%02.0f", 100*c.Dropout)
	}
	return s
}

// valoresIniciais devolve os pesos [entrada, saida] e vieses [saida] iniciais
// da camada oculta i.
func (c Classificador) valoresIniciais(i, entrada, saida int) (w, b *tensors.Tensor) {
	if c.Iniciais != nil {
		p := c.Iniciais[i]
		if p.Visiveis != entrada || p.Ocultas != saida {
			panic(fmt.Sprintf("rbm.Classificador: a camada %d tem %d→%d unidades, mas a RBM %d é %d×%d", i, entrada, saida, i, p.Visiveis, p.Ocultas))
		}
		return tensors.FromFlatDataAndDimensions(append([]float32(nil), p.W...), entrada, saida),
			tensors.FromFlatDataAndDimensions(append([]float32(nil), p.C...), saida)
	}
	semente := c.Semente
	if semente == 0 {
		semente = 1
	}
	r := rand.New(rand.NewPCG(semente, uint64(i)))
	limite := math.Sqrt(6 / float64(entrada+saida)) // Glorot e Bengio (2010), distribuição uniforme
	ws := make([]float32, entrada*saida)
	for k := range ws {
		ws[k] = float32(limite * (2*r.Float64() - 1))
	}
	return tensors.FromFlatDataAndDimensions(ws, entrada, saida), tensors.FromFlatDataAndDimensions(make([]float32, saida), saida)
}

// Modelo devolve a função de modelo para treino.Treina e treino.Carrega.
func (c Classificador) Modelo() treino.ModeloFn {
	if c.Iniciais != nil && len(c.Iniciais) != len(c.Ocultas) {
		panic(fmt.Sprintf("rbm.Classificador: %d camadas ocultas, mas %d RBMs em Iniciais", len(c.Ocultas), len(c.Iniciais)))
	}
	return func(scope *model.Scope, spec any, entradas []*graph.Node) []*graph.Node {
		x := entradas[0]
		x = graph.Reshape(x, x.Shape().Dimensions[0], -1)
		entrada := x.Shape().Dimensions[1]
		for i, saida := range c.Ocultas {
			escopo := scope.In("oculta%d", i)
			w0, b0 := c.valoresIniciais(i, entrada, saida)
			w := escopo.VariableWithValue("pesos", w0).NodeValue(x.Graph())
			b := escopo.VariableWithValue("vieses", b0).NodeValue(x.Graph())
			x = graph.Sigmoid(graph.Add(graph.MatMul(x, w), linha(b)))
			if c.Dropout > 0 {
				x = layers.DropoutStatic(scope, x, c.Dropout)
			}
			entrada = saida
		}
		return []*graph.Node{layers.Dense(scope.In("saida"), x, true, c.Classes)}
	}
}
