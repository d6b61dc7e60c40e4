package atencao

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Recordacao é a recordação associativa (Ba et al., 2016, "Using Fast
// Weights to Attend to the Recent Past"): numa sequência de Comprimento
// posições, Pares posições trazem um par chave→valor (uma de Chaves chaves
// distintas e um de Valores valores); as outras são ruído (um de 8 símbolos
// de distração). A última posição traz uma das chaves, marcada como
// pergunta, e a resposta é o valor que estava com ela. Quem não lembra
// acerta 1/Valores (o acaso).
//
// Cada posição da entrada é um vetor de Caracteristicas() valores: a chave em
// one-hot, o valor em one-hot, o ruído em one-hot e a marca da pergunta. Um
// par ocupa uma posição só; com a chave e o valor em posições vizinhas, um
// modelo precisa de duas camadas de atenção (a primeira traz a chave anterior
// para junto do valor: as "cabeças de indução" de Olsson et al., 2022).
type Recordacao struct {
	Comprimento int // posições de cada sequência (padrão 100)
	Pares       int // pares chave→valor em cada sequência (≤ Chaves)
	Chaves      int // chaves possíveis (padrão 48)
	Valores     int // valores possíveis (padrão 8)
}

const ruidos = 8

func (r Recordacao) completa() Recordacao {
	if r.Comprimento == 0 {
		r.Comprimento = 100
	}
	if r.Chaves == 0 {
		r.Chaves = 48
	}
	if r.Valores == 0 {
		r.Valores = 8
	}
	if r.Pares < 1 || r.Pares > r.Chaves || r.Pares >= r.Comprimento {
		panic(fmt.Sprintf("atencao.Recordacao: Pares = %d precisa estar entre 1 e %d (as chaves) e caber em %d posições",
			r.Pares, r.Chaves, r.Comprimento-1))
	}
	return r
}

// Caracteristicas devolve o tamanho do vetor de cada posição.
func (r Recordacao) Caracteristicas() int {
	r = r.completa()
	return r.Chaves + r.Valores + ruidos + 1
}

// Acaso devolve a acurácia de quem chuta: 1/Valores.
func (r Recordacao) Acaso() float64 { return 1 / float64(r.completa().Valores) }

// Exemplos sorteia n sequências (com a semente dada): x traz
// n×Comprimento×Caracteristicas() valores, e rotulos o valor pedido em cada
// uma.
func (r Recordacao) Exemplos(n int, semente uint64) (x []float32, rotulos []int32) {
	r = r.completa()
	s := rand.New(rand.NewPCG(semente, 0x5eca))
	f := r.Caracteristicas()
	x = make([]float32, n*r.Comprimento*f)
	rotulos = make([]int32, n)
	for i := range n {
		seq := x[i*r.Comprimento*f : (i+1)*r.Comprimento*f]
		pos := func(t int) []float32 { return seq[t*f : (t+1)*f] }
		for t := 0; t < r.Comprimento-1; t++ {
			pos(t)[r.Chaves+r.Valores+s.IntN(ruidos)] = 1
		}
		chaves := s.Perm(r.Chaves)[:r.Pares]
		lugares := s.Perm(r.Comprimento - 1)[:r.Pares]
		valores := make([]int, r.Pares)
		for j, t := range lugares {
			clear(pos(t))
			valores[j] = s.IntN(r.Valores)
			pos(t)[chaves[j]] = 1
			pos(t)[r.Chaves+valores[j]] = 1
		}
		pedido := s.IntN(r.Pares)
		ultima := pos(r.Comprimento - 1)
		ultima[chaves[pedido]] = 1
		ultima[f-1] = 1
		rotulos[i] = int32(valores[pedido])
	}
	return x, rotulos
}

// Lotes sorteia n sequências e as entrega em lotes de `tamanho`.
func (r Recordacao) Lotes(n, tamanho int, semente uint64) *dados.Lotes {
	r = r.completa()
	x, y := r.Exemplos(n, semente)
	return dados.NovosLotes(fmt.Sprintf("recordacao-%d-%d", r.Comprimento, r.Pares), x,
		[]int{r.Comprimento, r.Caracteristicas()}, y, tamanho)
}

// Copia é a cópia atrasada: uma sequência de Comprimento símbolos sorteados
// entre Simbolos, e em cada posição t ≥ Atraso o alvo é o símbolo da posição
// t − Atraso. A resposta depende só de onde se está: um modelo que não sabe
// a ordem das posições não tem como achá-la.
type Copia struct {
	Comprimento, Atraso, Simbolos int
}

// Exemplos sorteia n sequências: x em one-hot (n×Comprimento×Simbolos
// valores) e os alvos (n×Comprimento, −1 nas primeiras Atraso posições, que
// não contam).
func (c Copia) Exemplos(n int, semente uint64) (x, alvos []float32) {
	s := rand.New(rand.NewPCG(semente, 0xc091))
	x = make([]float32, n*c.Comprimento*c.Simbolos)
	alvos = make([]float32, n*c.Comprimento)
	for i := range n {
		simbolos := make([]int, c.Comprimento)
		for t := range simbolos {
			simbolos[t] = s.IntN(c.Simbolos)
			x[(i*c.Comprimento+t)*c.Simbolos+simbolos[t]] = 1
			alvos[i*c.Comprimento+t] = -1
			if t >= c.Atraso {
				alvos[i*c.Comprimento+t] = float32(simbolos[t-c.Atraso])
			}
		}
	}
	return x, alvos
}

// Lotes sorteia n sequências e as entrega em lotes de `tamanho`.
func (c Copia) Lotes(n, tamanho int, semente uint64) *dados.Lotes {
	x, y := c.Exemplos(n, semente)
	return dados.NovosLotes(fmt.Sprintf("copia-%d-%d", c.Comprimento, c.Atraso), x,
		[]int{c.Comprimento, c.Simbolos}, nil, tamanho).ComAlvos(y, []int{c.Comprimento})
}

// Descreve escreve uma sequência da recordação (x com Comprimento ×
// Caracteristicas() valores) em texto: um par como "c7=3", o ruído como "·"
// e a pergunta como "c7?".
func (r Recordacao) Descreve(x []float32) string {
	r = r.completa()
	f := r.Caracteristicas()
	var partes []string
	for t := range r.Comprimento {
		pos := x[t*f : (t+1)*f]
		chave, valor := indiceUm(pos[:r.Chaves]), indiceUm(pos[r.Chaves:r.Chaves+r.Valores])
		switch {
		case pos[f-1] == 1:
			partes = append(partes, fmt.Sprintf("c%d?", chave))
		case chave >= 0:
			partes = append(partes, fmt.Sprintf("c%d=%d", chave, valor))
		default:
			partes = append(partes, "·")
		}
	}
	return strings.Join(partes, " ")
}

func indiceUm(v []float32) int {
	for i, x := range v {
		if x == 1 {
			return i
		}
	}
	return -1
}

// AcuraciaPorPosicao aplica um modelo que dá logits em cada posição
// (Transformer.PorPosicao) a sequências x, cada uma com a forma dada, e
// devolve a fração de posições com alvo ≥ 0 em que o maior logit é o alvo.
func AcuraciaPorPosicao(m *treino.Modelo, x []float32, forma []int, alvos []float32) float64 {
	saidas := m.Saidas(x, forma)
	t := forma[0]
	certos, contam := 0, 0
	for i, s := range saidas {
		classes := len(s) / t
		for p := range t {
			alvo := alvos[i*t+p]
			if alvo < 0 {
				continue
			}
			contam++
			logits := s[p*classes : (p+1)*classes]
			melhor := 0
			for c := range logits {
				if logits[c] > logits[melhor] {
					melhor = c
				}
			}
			if melhor == int(alvo) {
				certos++
			}
		}
	}
	return float64(certos) / float64(max(1, contam))
}
