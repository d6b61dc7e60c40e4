package gabarito

import (
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// As verificações dos exercícios da lição 00. Cada uma tem um caso fixo para
// cada erro comum que a dica cita (e os que a equipe listou em
// erradas_licao00_test.go); os casos sorteados são uma segunda rede.

// casosSoftmax são os casos fixos de 00-softmax; o comentário diz que erro cada um pega.
var casosSoftmax = [][]float64{
	{1, 2, 3}, // esquecer de normalizar, dividir pelo máximo, devolver z, float32
	{0, 0},    // dividir pelo máximo (0/0)
	{-1, 0, 1, 2},
	{5},                   // um logit só: probabilidade 1
	{1000, 1001, 1002},    // sem subtrair nada: e^1000 = +Inf
	{-1000, 1000},         // subtrair a média (0) ou o mínimo: e^1000 = +Inf
	{0, 1500},             // subtrair a média (750): e^750 = +Inf
	{-1000, -1001, -1002}, // sem subtrair, ou com o máximo começando em 0: e^−1000 = 0, e 0/0
}

// VerificaSoftmax confere a Softmax do aluno (exercício 00-softmax).
func VerificaSoftmax(aluno func(z []float64) []float64) exercicios.Resultado {
	return exercicios.Verifica("00-softmax", aluno, Softmax,
		casosSoftmax,
		exercicios.Aleatorios(20, func(r *rand.Rand) []float64 {
			z := make([]float64, 1+r.IntN(9))
			for i := range z {
				z[i] = 5 * r.NormFloat64()
			}
			return z
		}),
		exercicios.Aleatorios(10, func(r *rand.Rand) []float64 { // logits grandes, espalhados
			z := make([]float64, 2+r.IntN(8))
			for i := range z {
				z[i] = 1000 * r.NormFloat64()
			}
			return z
		}),
		exercicios.Tolerancia(1e-9),
		exercicios.Dica("a softmax transforma logits em probabilidades: exponencie e normalize pela soma. O cuidado é "+
			"numérico: a exponencial de um número grande estoura o float64, e a de um número muito negativo vira "+
			"0. Que número você pode subtrair de todos os logits sem mudar o resultado?"),
		exercicios.OutraDica("subtrair a mesma constante de todos os logits não muda a softmax (o fator aparece em cima e embaixo "+
			"da fração). Escolha a constante que deixa o maior expoente em 0: nem a média nem o mínimo, que com z"+
			" = [−1000 1000] deixam um expoente de 1000. E comece a procura pelo maior sem supor que ele é "+
			"positivo: os logits podem ser todos negativos."),
	)
}

// casosGradiente são os casos fixos de 00-gradiente.
var casosGradiente = []Reta{
	// e = [−2 0 −2]: gradiente [−8/3 −8/3]; esquecer o 2, somar em vez de tirar a média, trocar o sinal
	{W: 2, B: -1, X: []float64{0, 1, 2}, Y: []float64{1, 1, 5}},
	{W: 0, B: 0, X: []float64{1}, Y: []float64{3}},
	{W: 1, B: 1, X: []float64{1, 2, 3, 4}, Y: []float64{2, 3, 4, 5}}, // reta perfeita: gradiente zero
	// e = [1 2 3]: ∂L/∂W = 28/3 ≠ ∂L/∂B = 4 — pega a troca de W com B, o xᵢ esquecido, só o último ponto
	{W: 1, B: 0, X: []float64{1, 2, 3}, Y: []float64{0, 0, 0}},
	// n = 4 pontos, x negativos: 2/n com n inteiro dá 0 em Go
	{W: -0.5, B: 2, X: []float64{-2, -1, 3, 4}, Y: []float64{1, 0, 2, -1}},
}

// VerificaGradiente confere o GradienteReta do aluno (exercício
// 00-gradiente).
func VerificaGradiente(aluno func(r Reta) [2]float64) exercicios.Resultado {
	return exercicios.Verifica("00-gradiente", aluno, GradienteReta,
		casosGradiente,
		exercicios.Aleatorios(20, func(r *rand.Rand) Reta {
			n := 1 + r.IntN(10)
			reta := Reta{W: r.NormFloat64(), B: r.NormFloat64(), X: make([]float64, n), Y: make([]float64, n)}
			for i := range n {
				reta.X[i], reta.Y[i] = 3*r.NormFloat64(), 3*r.NormFloat64()
			}
			return reta
		}),
		exercicios.Tolerancia(1e-9),
		exercicios.Dica("a perda é uma média de quadrados: derive cada termo pela regra da cadeia, uma vez em relação a W e "+
			"outra em relação a B, e tire a média das derivadas."),
		exercicios.OutraDica("dois detalhes mudam o número: a derivada de um quadrado traz um fator 2, e a média divide pelo "+
			"número de pontos (em Go, divida em float64: a divisão de inteiros 2/3 dá 0). O erro de cada ponto é "+
			"o previsto menos o verdadeiro, e na derivada em relação a W ele aparece multiplicado pela entrada do"+
			" ponto; em relação a B, não."),
	)
}

// casosParametros são os casos fixos de 00-parametros.
var casosParametros = [][]int{
	{784, 10},           // o perceptron: 7.850
	{784, 256, 128, 10}, // o MLP da lição: 235.146
	{2, 1},              // 2·1 + 1 = 3 (com viés também na entrada, 5)
	{3, 5, 5, 2},        // camadas de tamanhos repetidos
	{1, 7, 3},           // n·(m+1) em vez de (n+1)·m
}

// VerificaParametros confere o ParametrosMLP do aluno (exercício
// 00-parametros).
func VerificaParametros(aluno func(camadas []int) int) exercicios.Resultado {
	return exercicios.Verifica("00-parametros", aluno, ParametrosMLP,
		casosParametros,
		exercicios.Aleatorios(6, func(r *rand.Rand) []int {
			camadas := make([]int, 2+r.IntN(3))
			for i := range camadas {
				camadas[i] = 1 + r.IntN(50)
			}
			return camadas
		}),
		exercicios.Dica("cada par de camadas vizinhas é ligado por uma camada densa: conte os pesos e os vieses de cada uma e"+
			" some."),
		exercicios.OutraDica("erros comuns: dar viés à camada de entrada (os vieses são da camada que recebe), esquecer os vieses,"+
			" contar camadas densas demais (uma lista de k tamanhos tem k − 1) ou multiplicar tamanhos que não "+
			"são vizinhos."),
	)
}
