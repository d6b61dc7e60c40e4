package dados

import (
	"fmt"
	"iter"
	"math/rand/v2"

	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/train"
)

// Lotes entrega exemplos ao GoMLX em lotes (mini-batches). Implementa a
// interface train.Dataset: Iter percorre os lotes (train.Batch), cada um com
// as entradas e os rótulos; Yield devolve o próximo lote, um por chamada.
//
// As entradas são um vetor "achatado" de float32 com todos os exemplos em
// sequência; forma diz a forma de um exemplo (ex.: []int{28, 28}). Os
// rótulos são inteiros (classes, forma do lote [tamanho, 1]) ou, com
// ComAlvos, valores reais (regressão).
type Lotes struct {
	nome      string
	x         []float32
	forma     []int
	rotulos   []int32
	alvos     []float32
	formaAlvo []int
	n         int
	tamanho   int

	embaralha bool
	infinito  bool
	completos bool
	rng       *rand.Rand
	ordem     []int
	pos       int
}

// NovosLotes cria lotes de tamanho `tamanho` a partir de x (achatado, cada
// exemplo com a forma dada) e rótulos inteiros (um por exemplo; pode ser nil
// se o modelo não usa rótulos). Por padrão percorre os exemplos em ordem, uma
// única vez (uma época); veja Embaralhados e Infinitos.
func NovosLotes(nome string, x []float32, forma []int, rotulos []int32, tamanho int) *Lotes {
	t := 1
	for _, d := range forma {
		t *= d
	}
	if t == 0 || len(x)%t != 0 {
		panic(fmt.Sprintf("dados.NovosLotes: %d valores não formam exemplos de forma %v", len(x), forma))
	}
	n := len(x) / t
	if rotulos != nil && len(rotulos) != n {
		panic(fmt.Sprintf("dados.NovosLotes: %d exemplos mas %d rótulos", n, len(rotulos)))
	}
	if tamanho <= 0 {
		panic("dados.NovosLotes: o tamanho do lote deve ser positivo")
	}
	l := &Lotes{nome: nome, x: x, forma: forma, rotulos: rotulos, n: n, tamanho: tamanho}
	l.Reset()
	return l
}

// LotesDeImagens é um atalho para NovosLotes com as imagens e seus rótulos.
func LotesDeImagens(im *Imagens, tamanho int) *Lotes {
	return NovosLotes(im.Nome, im.Pixels, []int{im.Altura, im.Largura}, im.Rotulos, tamanho)
}

// ComAlvos troca os rótulos inteiros por alvos reais, cada um com a forma
// dada (para regressão, ex.: prever o próximo valor de uma série).
func (l *Lotes) ComAlvos(alvos []float32, forma []int) *Lotes {
	t := 1
	for _, d := range forma {
		t *= d
	}
	if len(alvos) != l.n*t {
		panic(fmt.Sprintf("dados.ComAlvos: %d exemplos pedem %d alvos, recebi %d", l.n, l.n*t, len(alvos)))
	}
	l.rotulos, l.alvos, l.formaAlvo = nil, alvos, forma
	return l
}

// Embaralhados faz cada época visitar os exemplos numa ordem aleatória,
// gerada a partir da semente dada (a mesma semente dá a mesma ordem).
func (l *Lotes) Embaralhados(semente uint64) *Lotes {
	l.embaralha = true
	l.rng = rand.New(rand.NewPCG(semente, semente^0x9e3779b97f4a7c15))
	l.Reset()
	return l
}

// Infinitos faz os lotes recomeçarem (com nova ordem, se embaralhados) ao fim
// de cada época, sem nunca terminar: o laço de treino decide quando parar.
func (l *Lotes) Infinitos() *Lotes {
	l.infinito = true
	return l
}

// SoCompletos descarta o último lote de uma época se ele estiver incompleto
// (todos os lotes terão o mesmo tamanho, e o grafo não precisa ser
// recompilado para um tamanho novo).
func (l *Lotes) SoCompletos() *Lotes {
	l.completos = true
	return l
}

// N devolve o número de exemplos.
func (l *Lotes) N() int { return l.n }

// Tamanho devolve o tamanho do lote.
func (l *Lotes) Tamanho() int { return l.tamanho }

// PorEpoca devolve quantos lotes há numa época.
func (l *Lotes) PorEpoca() int {
	if l.completos {
		return l.n / l.tamanho
	}
	return (l.n + l.tamanho - 1) / l.tamanho
}

// Name implementa train.Dataset.
func (l *Lotes) Name() string { return l.nome }

// Iter implementa train.Dataset: volta ao início da época (Reset) e percorre
// os lotes até o fim dela — ou sem fim, se forem Infinitos.
func (l *Lotes) Iter() iter.Seq2[train.Batch, error] {
	return func(yield func(train.Batch, error) bool) {
		l.Reset()
		for {
			_, inputs, labels, err := l.Yield()
			if err == ErrFimDaEpoca {
				return
			}
			if !yield(train.Batch{Inputs: inputs, Labels: labels}, err) || err != nil {
				return
			}
		}
	}
}

// Reset volta ao início da época (e reembaralha).
func (l *Lotes) Reset() {
	if l.ordem == nil || len(l.ordem) != l.n {
		l.ordem = make([]int, l.n)
	}
	for i := range l.ordem {
		l.ordem[i] = i
	}
	if l.embaralha {
		l.rng.Shuffle(l.n, func(i, j int) { l.ordem[i], l.ordem[j] = l.ordem[j], l.ordem[i] })
	}
	l.pos = 0
}

// Yield devolve o próximo lote, ou ErrFimDaEpoca ao fim de uma época (a menos
// que sejam Infinitos). spec é o próprio Lotes (o train.Batch.Spec).
func (l *Lotes) Yield() (spec any, inputs, labels []*tensors.Tensor, err error) {
	restam := l.n - l.pos
	if restam == 0 || (l.completos && restam < l.tamanho) {
		if !l.infinito {
			return nil, nil, nil, ErrFimDaEpoca
		}
		l.Reset()
		restam = l.n
	}
	b := min(l.tamanho, restam)
	idx := l.ordem[l.pos : l.pos+b]
	l.pos += b

	x := juntaLinhas(l.x, l.forma, idx)
	inputs = []*tensors.Tensor{x}
	switch {
	case l.alvos != nil:
		labels = []*tensors.Tensor{juntaLinhas(l.alvos, l.formaAlvo, idx)}
	case l.rotulos != nil:
		r := make([]int32, b)
		for i, j := range idx {
			r[i] = l.rotulos[j]
		}
		labels = []*tensors.Tensor{tensors.FromFlatDataAndDimensions(r, b, 1)}
	}
	return l, inputs, labels, nil
}

// juntaLinhas copia os exemplos idx de um vetor achatado para um tensor
// [len(idx), forma...].
func juntaLinhas(v []float32, forma []int, idx []int) *tensors.Tensor {
	t := 1
	for _, d := range forma {
		t *= d
	}
	buf := make([]float32, len(idx)*t)
	for i, j := range idx {
		copy(buf[i*t:(i+1)*t], v[j*t:(j+1)*t])
	}
	return tensors.FromFlatDataAndDimensions(buf, append([]int{len(idx)}, forma...)...)
}
