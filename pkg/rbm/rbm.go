package rbm

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// RBM é uma máquina de Boltzmann restrita com unidades binárias. Os
// parâmetros são variáveis do GoMLX no escopo /Nome de Store:
// "W" [Visiveis, Ocultas], "b" [Visiveis] e "c" [Ocultas].
type RBM struct {
	Nome              string
	Visiveis, Ocultas int
	Store             *model.Store // variáveis e gerador de números aleatórios

	w, b, c *model.Variable
	execs   map[string]*model.Exec
}

// Nova cria (ou reencontra, se já existirem em store) as variáveis de uma RBM
// com `visiveis` unidades visíveis e `ocultas` ocultas, no escopo nome.
// Pesos iniciais pequenos, sorteados de uma normal de desvio 0,01 (Hinton,
// 2010, "A practical guide to training RBMs"), e vieses zero.
func Nova(store *model.Store, nome string, visiveis, ocultas int, semente uint64) *RBM {
	if visiveis <= 0 || ocultas <= 0 {
		panic(fmt.Sprintf("rbm.Nova: os números de unidades devem ser positivos (recebi %d visíveis, %d ocultas)", visiveis, ocultas))
	}
	r := rand.New(rand.NewPCG(semente, 0x5bd1e995))
	w := make([]float32, visiveis*ocultas)
	for i := range w {
		w[i] = float32(0.01 * r.NormFloat64())
	}
	escopo := store.Scope("/" + nome)
	return &RBM{
		Nome: nome, Visiveis: visiveis, Ocultas: ocultas, Store: store,
		w:     escopo.VariableWithValue("W", tensors.FromFlatDataAndDimensions(w, visiveis, ocultas)),
		b:     escopo.VariableWithValue("b", make([]float32, visiveis)),
		c:     escopo.VariableWithValue("c", make([]float32, ocultas)),
		execs: map[string]*model.Exec{},
	}
}

// DePesos cria uma RBM num model.Store novo com os parâmetros dados (por
// exemplo, escritos à mão, ou copiados de outra RBM).
func DePesos(p Pesos) *RBM {
	p.confere()
	r := Nova(model.NewStore(), "rbm", p.Visiveis, p.Ocultas, 1)
	r.DefinePesos(p)
	return r
}

// parametros devolve os nós de W, b e c no grafo g.
func (r *RBM) parametros(g *graph.Graph) (w, b, c *graph.Node) {
	return r.w.NodeValue(g), r.b.NodeValue(g), r.c.NodeValue(g)
}

// Pesos são os parâmetros de uma RBM copiados para fatias do Go.
type Pesos struct {
	Visiveis, Ocultas int
	W                 []float32 // Visiveis×Ocultas, linha a linha: Wᵢⱼ = W[i*Ocultas+j]
	B                 []float32 // vieses das visíveis
	C                 []float32 // vieses das ocultas
}

func (p Pesos) confere() {
	if len(p.W) != p.Visiveis*p.Ocultas || len(p.B) != p.Visiveis || len(p.C) != p.Ocultas {
		panic(fmt.Sprintf("rbm.Pesos inconsistentes: %d×%d unidades, mas %d pesos, %d vieses visíveis e %d ocultos",
			p.Visiveis, p.Ocultas, len(p.W), len(p.B), len(p.C)))
	}
}

// Pesos copia os parâmetros atuais da RBM.
func (r *RBM) Pesos() Pesos {
	return Pesos{
		Visiveis: r.Visiveis, Ocultas: r.Ocultas,
		W: tensors.MustCopyFlatData[float32](r.w.MustValue()),
		B: tensors.MustCopyFlatData[float32](r.b.MustValue()),
		C: tensors.MustCopyFlatData[float32](r.c.MustValue()),
	}
}

// DefinePesos troca os parâmetros da RBM pelos dados.
func (r *RBM) DefinePesos(p Pesos) {
	p.confere()
	if p.Visiveis != r.Visiveis || p.Ocultas != r.Ocultas {
		panic(fmt.Sprintf("rbm.DefinePesos: a RBM tem %d×%d unidades, os pesos são %d×%d", r.Visiveis, r.Ocultas, p.Visiveis, p.Ocultas))
	}
	r.w.MustSetValue(tensors.FromFlatDataAndDimensions(append([]float32(nil), p.W...), r.Visiveis, r.Ocultas))
	r.b.MustSetValue(tensors.FromFlatDataAndDimensions(append([]float32(nil), p.B...), r.Visiveis))
	r.c.MustSetValue(tensors.FromFlatDataAndDimensions(append([]float32(nil), p.C...), r.Ocultas))
}

// Filtro devolve os pesos que chegam à unidade oculta j (uma coluna de W):
// com visíveis que são pixels, é uma imagem — o "filtro" que a unidade
// procura na entrada.
func (p Pesos) Filtro(j int) []float32 {
	f := make([]float32, p.Visiveis)
	for i := range f {
		f[i] = p.W[i*p.Ocultas+j]
	}
	return f
}

// Filtros devolve os filtros das n primeiras unidades ocultas.
func (p Pesos) Filtros(n int) [][]float32 {
	n = min(n, p.Ocultas)
	fs := make([][]float32, n)
	for j := range fs {
		fs[j] = p.Filtro(j)
	}
	return fs
}

// IniciaViesesVisiveis põe bᵢ = log(pᵢ/(1−pᵢ)), onde pᵢ é a fração dos
// exemplos com a unidade i ligada: assim, antes de aprender qualquer peso, a
// RBM já reproduz a frequência de cada pixel (Hinton, 2010, seção 8.1).
func (r *RBM) IniciaViesesVisiveis(dados []float32) {
	n := len(dados) / r.Visiveis
	b := make([]float32, r.Visiveis)
	for i := range b {
		soma := 0.0
		for k := range n {
			soma += float64(dados[k*r.Visiveis+i])
		}
		p := min(max(soma/float64(n), 0.01), 0.99)
		b[i] = float32(math.Log(p / (1 - p)))
	}
	r.b.MustSetValue(tensors.FromFlatDataAndDimensions(b, r.Visiveis))
}

// exec devolve (criando na primeira vez) um Exec do GoMLX com as variáveis
// da RBM.
func (r *RBM) exec(nome string, fn func(*model.Scope, *graph.Node) []*graph.Node) *model.Exec {
	if e, ok := r.execs[nome]; ok {
		return e
	}
	e, err := model.NewExec(motor.Backend(), r.Store, fn)
	if err != nil {
		panic(err)
	}
	r.execs[nome] = e
	return e
}

// tamanhoBloco é quantos exemplos cada chamada de aplica processa; o último
// bloco é completado com zeros, para o grafo ser compilado uma vez só.
const tamanhoBloco = 500

// aplica roda o Exec em x (n exemplos de `entrada` valores), em blocos, e
// devolve a saída achatada (n exemplos de `saida` valores).
func (r *RBM) aplica(e *model.Exec, x []float32, entrada, saida int) []float32 {
	if len(x)%entrada != 0 {
		panic(fmt.Sprintf("rbm: %d valores não formam exemplos de %d unidades", len(x), entrada))
	}
	n := len(x) / entrada
	res := make([]float32, 0, n*saida)
	bloco := make([]float32, tamanhoBloco*entrada)
	for de := 0; de < n; de += tamanhoBloco {
		ate := min(n, de+tamanhoBloco)
		clear(bloco)
		copy(bloco, x[de*entrada:ate*entrada])
		y := tensors.MustCopyFlatData[float32](e.MustCall(tensors.FromFlatDataAndDimensions(bloco, tamanhoBloco, entrada))[0])
		res = append(res, y[:(ate-de)*saida]...)
	}
	return res
}

// ProbOcultas devolve p(h = 1 | v) para cada exemplo de x (achatado,
// Visiveis valores por exemplo): é a representação que a camada seguinte de
// uma DBN recebe.
func (r *RBM) ProbOcultas(x []float32) []float32 {
	e := r.exec("ocultas", func(scope *model.Scope, v *graph.Node) []*graph.Node {
		w, _, c := r.parametros(v.Graph())
		return []*graph.Node{ProbOcultas(v, w, c)}
	})
	return r.aplica(e, x, r.Visiveis, r.Ocultas)
}

// Reconstroi sobe e desce uma vez, sem sortear: p(v | h = p(h|v)). Mostra o
// que a RBM "entende" de cada exemplo.
func (r *RBM) Reconstroi(x []float32) []float32 {
	e := r.exec("reconstroi", func(scope *model.Scope, v *graph.Node) []*graph.Node {
		w, b, c := r.parametros(v.Graph())
		return []*graph.Node{ProbVisiveis(ProbOcultas(v, w, c), w, b)}
	})
	return r.aplica(e, x, r.Visiveis, r.Visiveis)
}

// EnergiaLivre devolve F(v) de cada exemplo de x.
func (r *RBM) EnergiaLivre(x []float32) []float32 {
	e := r.exec("energia-livre", func(scope *model.Scope, v *graph.Node) []*graph.Node {
		w, b, c := r.parametros(v.Graph())
		return []*graph.Node{graph.InsertAxes(EnergiaLivre(v, w, b, c), -1)}
	})
	return r.aplica(e, x, r.Visiveis, 1)
}

// Cadeias são cadeias de Gibbs que andam juntas (uma por exemplo inicial).
type Cadeias struct {
	r       *RBM
	n       int
	v       *tensors.Tensor // estado binário atual [n, V]
	Passos  int             // passos de Gibbs dados até agora
	Medias  []float32       // p(v | h) do último passo, achatado: n×Visiveis (para desenhar)
	passoGr *model.Exec
}

// Cadeias começa n = len(inicio)/Visiveis cadeias de Gibbs nos estados dados
// (por exemplo, ruído aleatório ou imagens de verdade).
func (r *RBM) Cadeias(inicio []float32) *Cadeias {
	n := len(inicio) / r.Visiveis
	e := r.exec(fmt.Sprintf("gibbs-%d", n), func(scope *model.Scope, v *graph.Node) []*graph.Node {
		w, b, c := r.parametros(v.Graph())
		vNovo, pv := PassoGibbs(scope, v, w, b, c)
		return []*graph.Node{vNovo, pv}
	})
	return &Cadeias{r: r, n: n, v: tensors.FromFlatDataAndDimensions(append([]float32(nil), inicio...), n, r.Visiveis),
		Medias: append([]float32(nil), inicio...), passoGr: e}
}

// Anda dá k passos de Gibbs em todas as cadeias (a amostragem é feita no
// grafo, com o gerador de números aleatórios do Store da RBM).
func (c *Cadeias) Anda(k int) {
	var medias *tensors.Tensor
	for range k {
		saidas := c.passoGr.MustCall(c.v)
		c.v, medias = saidas[0], saidas[1]
		c.Passos++
	}
	if medias != nil {
		c.Medias = tensors.MustCopyFlatData[float32](medias)
	}
}

// Imagem devolve p(v | h) da cadeia i no último passo.
func (c *Cadeias) Imagem(i int) []float32 {
	return c.Medias[i*c.r.Visiveis : (i+1)*c.r.Visiveis]
}

// Imagens devolve p(v | h) de todas as cadeias, uma fatia por cadeia.
func (c *Cadeias) Imagens() [][]float32 {
	ims := make([][]float32, c.n)
	for i := range ims {
		ims[i] = c.Imagem(i)
	}
	return ims
}

// Binariza devolve 1 onde x > limiar e 0 senão (ex.: pixels do MNIST, de
// tons de cinza para preto e branco).
func Binariza(x []float32, limiar float32) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		if v > limiar {
			y[i] = 1
		}
	}
	return y
}

// Ruido devolve n exemplos de unidades sorteadas com probabilidade p de
// valer 1 (ponto de partida para cadeias de Gibbs).
func Ruido(n, unidades int, p float64, semente uint64) []float32 {
	r := rand.New(rand.NewPCG(semente, 77))
	x := make([]float32, n*unidades)
	for i := range x {
		if r.Float64() < p {
			x[i] = 1
		}
	}
	return x
}
