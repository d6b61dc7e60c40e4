package rnn

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Fronteira é o símbolo 0 de todo Alfabeto: marca o começo de uma palavra
// (a primeira entrada do modelo) e o fim dela (o último alvo).
const Fronteira = '·'

// Alfabeto numera os caracteres de um conjunto de palavras. Trabalha com
// runas (letras Unicode), não com bytes: "ç" e "ã" são um símbolo cada, não
// dois bytes de UTF-8.
type Alfabeto struct {
	Runas  []rune // Runas[i] é o caractere do símbolo i; Runas[0] = Fronteira
	indice map[rune]int
}

// NovoAlfabeto reúne, em ordem, os caracteres que aparecem nas palavras.
func NovoAlfabeto(palavras []string) *Alfabeto {
	vistas := map[rune]bool{}
	for _, p := range palavras {
		for _, r := range p {
			vistas[r] = true
		}
	}
	a := &Alfabeto{Runas: []rune{Fronteira}, indice: map[rune]int{Fronteira: 0}}
	for _, r := range slices.Sorted(maps.Keys(vistas)) {
		a.indice[r] = len(a.Runas)
		a.Runas = append(a.Runas, r)
	}
	return a
}

// Tamanho devolve o número de símbolos (os caracteres mais a Fronteira).
func (a *Alfabeto) Tamanho() int { return len(a.Runas) }

// Indice devolve o número do caractere r, ou −1 se ele não está no alfabeto.
func (a *Alfabeto) Indice(r rune) int {
	if i, ok := a.indice[r]; ok {
		return i
	}
	return -1
}

// Codifica transforma palavras em exemplos para um ModeloDeLinguagem com
// `passos` passos de tempo (ao menos o número de letras da maior palavra
// mais 1). Para "céu" e passos = 5:
//
//	entrada: ·  c  é  u  ·      (a fronteira e as letras; depois, fronteiras)
//	alvo:    c  é  u  ·  −1     (a letra seguinte; o fim; −1 = não conta)
//
// As entradas e os alvos vêm achatados, passos valores por palavra.
func (a *Alfabeto) Codifica(palavras []string, passos int) (entradas, alvos []float32) {
	entradas = make([]float32, len(palavras)*passos)
	alvos = make([]float32, len(palavras)*passos)
	for i, p := range palavras {
		letras := []rune(p)
		if len(letras)+1 > passos {
			panic(fmt.Sprintf("rnn.Codifica: %q tem %d letras, não cabe em %d passos", p, len(letras), passos))
		}
		e, y := entradas[i*passos:(i+1)*passos], alvos[i*passos:(i+1)*passos]
		for t := range passos {
			y[t] = -1
		}
		for t, r := range letras {
			k := a.Indice(r)
			if k < 0 {
				panic(fmt.Sprintf("rnn.Codifica: %q tem o caractere %q, fora do alfabeto", p, r))
			}
			e[t+1] = float32(k)
			y[t] = float32(k)
		}
		y[len(letras)] = 0 // o fim da palavra
	}
	return entradas, alvos
}

// Amostra sorteia um índice a partir de logits com temperatura T: as
// probabilidades são softmax(logits/T), e o índice escolhido é o primeiro
// cuja probabilidade acumulada passa de u (um número sorteado em [0, 1)).
// T < 1 deixa a distribuição mais concentrada (palavras mais "seguras");
// T > 1, mais espalhada (mais ousadas); T → 0 escolhe sempre o maior logit.
func Amostra(logits []float32, temperatura, u float64) int {
	maior := math.Inf(-1)
	for _, l := range logits {
		maior = max(maior, float64(l))
	}
	p := make([]float64, len(logits))
	soma := 0.0
	for i, l := range logits {
		p[i] = math.Exp((float64(l) - maior) / temperatura)
		soma += p[i]
	}
	acumulada := 0.0
	for i := range p {
		acumulada += p[i] / soma
		if acumulada > u {
			return i
		}
	}
	return len(p) - 1
}

// Gera inventa n palavras com um ModeloDeLinguagem treinado (variáveis em
// store, camada c, com o alfabeto a e `passos` passos de tempo), sorteando
// cada letra com a temperatura dada. Começa cada palavra pela Fronteira e
// para quando o modelo escolhe a Fronteira de novo (ou os passos acabam).
func Gera(store *model.Store, c Camada, a *Alfabeto, passos, n int, temperatura float64, semente uint64) []string {
	return GeraCom(store, ModeloDeLinguagem(c, a.Tamanho()), a, passos, n, temperatura, semente)
}

// GeraCom é Gera para qualquer modelo de linguagem causal com a forma de
// ModeloDeLinguagem (lê [lote, passos] e dá [lote, passos, símbolos]; a saída
// no passo t só depende das entradas até t) — p.ex. o Transformer da lição 05.
func GeraCom(store *model.Store, modelo treino.ModeloFn, a *Alfabeto, passos, n int, temperatura float64, semente uint64) []string {
	exec := model.MustNewExec(motor.Backend(), store, func(scope *model.Scope, x *graph.Node) *graph.Node {
		return modelo(scope, nil, []*graph.Node{x})[0]
	})
	r := rand.New(rand.NewPCG(semente, 0x7e4a))
	x := make([]float32, n*passos) // tudo começa na fronteira
	ativa := make([]bool, n)
	for i := range ativa {
		ativa[i] = true
	}
	palavras := make([]strings.Builder, n)
	v := a.Tamanho()
	// Um passo de tempo por execução: o modelo é causal (a saída no passo t
	// só depende das entradas até t), então o que vem depois não atrapalha.
	for t := 0; t < passos; t++ {
		logits := tensors.MustCopyFlatData[float32](exec.MustCall(tensors.FromFlatDataAndDimensions(x, n, passos))[0])
		for i := range n {
			if !ativa[i] {
				continue
			}
			k := Amostra(logits[(i*passos+t)*v:(i*passos+t+1)*v], temperatura, r.Float64())
			if k == 0 {
				ativa[i] = false
				continue
			}
			palavras[i].WriteRune(a.Runas[k])
			if t+1 < passos {
				x[i*passos+t+1] = float32(k)
			}
		}
	}
	saida := make([]string, n)
	for i := range palavras {
		saida[i] = palavras[i].String()
	}
	return saida
}
