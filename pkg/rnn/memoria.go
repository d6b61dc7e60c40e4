package rnn

import (
	"fmt"
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Memoria é a tarefa de longo alcance da lição, uma versão do experimento 2
// de Hochreiter e Schmidhuber (1997): cada sequência começa com um de
// Classes símbolos "de classe" e segue com Comprimento−1 símbolos de ruído,
// sorteados entre outros Ruido símbolos; no fim, o modelo tem de dizer qual
// era o primeiro símbolo. A informação está toda no passo 0 e a resposta é
// pedida no último: o gradiente que ensina a guardá-la tem de atravessar a
// sequência inteira. Quem não aprende a guardá-la acerta 1/Classes (o acaso).
//
// Os símbolos são numerados assim: 0…Classes−1 são as classes e
// Classes…Classes+Ruido−1 o ruído.
type Memoria struct {
	Comprimento int // passos de cada sequência (≥ 2)
	Classes     int // símbolos possíveis no passo 0 (padrão 8)
	Ruido       int // símbolos de ruído (padrão 8)
}

func (m Memoria) completa() Memoria {
	if m.Classes <= 0 {
		m.Classes = 8
	}
	if m.Ruido <= 0 {
		m.Ruido = 8
	}
	if m.Comprimento < 2 {
		panic(fmt.Sprintf("rnn.Memoria: Comprimento deve ser ≥ 2, recebi %d", m.Comprimento))
	}
	return m
}

// Simbolos devolve quantos símbolos diferentes as sequências usam.
func (m Memoria) Simbolos() int { m = m.completa(); return m.Classes + m.Ruido }

// Acaso devolve a acurácia de quem chuta: 1/Classes.
func (m Memoria) Acaso() float64 { return 1 / float64(m.completa().Classes) }

// Exemplos sorteia n sequências (com a semente dada): x traz n×Comprimento
// números de símbolos (como float32), e rotulos a classe de cada uma.
func (m Memoria) Exemplos(n int, semente uint64) (x []float32, rotulos []int32) {
	m = m.completa()
	r := rand.New(rand.NewPCG(semente, 0x2024))
	x = make([]float32, n*m.Comprimento)
	rotulos = make([]int32, n)
	for i := range n {
		classe := r.IntN(m.Classes)
		rotulos[i] = int32(classe)
		seq := x[i*m.Comprimento : (i+1)*m.Comprimento]
		seq[0] = float32(classe)
		for t := 1; t < m.Comprimento; t++ {
			seq[t] = float32(m.Classes + r.IntN(m.Ruido))
		}
	}
	return x, rotulos
}

// Lotes sorteia n sequências e as entrega em lotes de `tamanho`.
func (m Memoria) Lotes(n, tamanho int, semente uint64) *dados.Lotes {
	x, y := m.Exemplos(n, semente)
	nome := fmt.Sprintf("memoria-%d", m.Comprimento)
	return dados.NovosLotes(nome, x, []int{m.completa().Comprimento}, y, tamanho)
}

// Modelo devolve o classificador para a tarefa: a camada recorrente lê a
// sequência (em one-hot) e uma camada densa dá um logit por classe.
func (m Memoria) Modelo(c Camada) treino.ModeloFn {
	m = m.completa()
	return Classificador(c, m.Simbolos(), m.Classes)
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
