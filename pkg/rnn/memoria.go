package rnn

import (
	"fmt"
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Memoria é a tarefa de longo alcance da lição, da família dos experimentos
// de Hochreiter e Schmidhuber (1997): cada sequência tem Comprimento
// símbolos sorteados entre Simbolos possíveis, e um deles, numa posição
// sorteada na primeira metade, vem marcado. No fim, o modelo tem de dizer
// qual era o símbolo marcado. A informação está longe da resposta (a pelo
// menos Comprimento/2 passos) e os símbolos que vêm depois são do mesmo
// alfabeto: é preciso guardar o símbolo quando a marca aparece e não
// deixar que os seguintes o apaguem — escrever e lembrar conforme a
// entrada, o que as portas da LSTM e da GRU fazem e a RNN simples não.
// Quem não guarda acerta 1/Simbolos (o acaso).
//
// Cada passo da entrada tem Simbolos+1 valores: o símbolo em one-hot e a
// marca (1 no passo marcado, 0 nos outros).
type Memoria struct {
	Comprimento int // passos de cada sequência (≥ 2)
	Simbolos    int // tamanho do alfabeto (padrão 8)
}

func (m Memoria) completa() Memoria {
	if m.Simbolos <= 0 {
		m.Simbolos = 8
	}
	if m.Comprimento < 2 {
		panic(fmt.Sprintf("rnn.Memoria: Comprimento deve ser ≥ 2, recebi %d", m.Comprimento))
	}
	return m
}

// Caracteristicas devolve quantos valores cada passo da entrada tem:
// Simbolos + 1 (a marca).
func (m Memoria) Caracteristicas() int { return m.completa().Simbolos + 1 }

// Acaso devolve a acurácia de quem chuta: 1/Simbolos.
func (m Memoria) Acaso() float64 { return 1 / float64(m.completa().Simbolos) }

// Exemplos sorteia n sequências (com a semente dada): x traz
// n×Comprimento×Caracteristicas() valores, e rotulos o símbolo marcado de
// cada uma.
func (m Memoria) Exemplos(n int, semente uint64) (x []float32, rotulos []int32) {
	m = m.completa()
	r := rand.New(rand.NewPCG(semente, 0x2024))
	d := m.Simbolos + 1
	x = make([]float32, n*m.Comprimento*d)
	rotulos = make([]int32, n)
	for i := range n {
		marcado := r.IntN(max(1, m.Comprimento/2))
		for t := range m.Comprimento {
			passo := x[(i*m.Comprimento+t)*d : (i*m.Comprimento+t+1)*d]
			s := r.IntN(m.Simbolos)
			passo[s] = 1
			if t == marcado {
				passo[m.Simbolos] = 1
				rotulos[i] = int32(s)
			}
		}
	}
	return x, rotulos
}

// Lotes sorteia n sequências e as entrega em lotes de `tamanho`.
func (m Memoria) Lotes(n, tamanho int, semente uint64) *dados.Lotes {
	m = m.completa()
	x, y := m.Exemplos(n, semente)
	nome := fmt.Sprintf("memoria-%d", m.Comprimento)
	return dados.NovosLotes(nome, x, []int{m.Comprimento, m.Simbolos + 1}, y, tamanho)
}

// Modelo devolve o classificador para a tarefa: a camada recorrente lê a
// sequência e uma camada densa dá um logit por símbolo.
func (m Memoria) Modelo(c Camada) treino.ModeloFn {
	return Classificador(c, 0, m.completa().Simbolos)
}

// Config devolve um treino pronto da camada c na tarefa: nome do
// checkpoint ("02-memoria-<comprimento>-<assinatura da camada>"), modelo,
// 10.000 sequências de treino em lotes de 64, embaralhadas, e 1.000 de
// validação, Adam com taxa 0,003. Ajuste o que quiser antes de chamar
// treino.Treina.
func (m Memoria) Config(c Camada, passos int) treino.Config {
	m = m.completa()
	return treino.Config{
		Nome:       fmt.Sprintf("02-memoria-%d-%s", m.Comprimento, c.Assinatura()),
		Modelo:     m.Modelo(c),
		Treino:     m.Lotes(10000, 64, 1).SoCompletos().Embaralhados(1),
		Validacao:  m.Lotes(1000, 500, 2),
		Passos:     passos,
		TaxaAprend: 3e-3,
	}
}
