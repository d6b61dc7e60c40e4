package gabarito

import (
	"math/rand/v2"
	"strconv"

	"github.com/go-estudos/representacoes/pkg/exercicios"
	"github.com/go-estudos/representacoes/pkg/gan"
)

// notasAleatorias sorteia n probabilidades em [0,01; 0,99].
func notasAleatorias(r *rand.Rand, n int) []float64 {
	p := make([]float64, n)
	for i := range p {
		p[i] = 0.01 + 0.98*r.Float64()
	}
	return p
}

// VerificaPerdaD confere a PerdaD do aluno (exercício 04-perda-d): casos
// fixos, um para cada erro comum, e 20 sorteados.
func VerificaPerdaD(aluno func(n Notas) float64) exercicios.Resultado {
	return verificaPerdaD(aluno, 20)
}

func verificaPerdaD(aluno func(n Notas) float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("04-perda-d", aluno, PerdaD,
		[]Notas{
			// D chuta: 2·log 2 ≈ 1,386 (um caso simétrico: rótulos trocados ainda passam aqui).
			{Reais: []float64{0.5}, Falsos: []float64{0.5}},
			// Rótulos trocados, log esquecido, +log(1 − D) no lugar de −log(1 − D), soma no
			// lugar da média: todos mudam o valor.
			{Reais: []float64{0.9, 0.8}, Falsos: []float64{0.1, 0.3, 0.2}},
			// Lotes de tamanhos bem diferentes: uma média só sobre os 5 valores juntos (em vez
			// de duas médias) erra aqui, e a média das duas médias (÷2) também.
			{Reais: []float64{0.99}, Falsos: []float64{0.05, 0.6, 0.7, 0.01}},
			// Um lote de falsos só: o termo dos falsos com o sinal trocado, isolado.
			{Reais: []float64{0.7, 0.7, 0.7}, Falsos: []float64{0.4}},
			// Notas perto de 0 e de 1 (D erra feio, depois acerta com folga): quem
			// corta as notas, por exemplo em [0,01; 0,99], para o log não ver 0,
			// muda a perda aqui (−log 0,0001 ≈ 9,21, não −log 0,01 ≈ 4,61).
			{Reais: []float64{0.0001, 0.9999}, Falsos: []float64{0.9999, 0.0001}},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Notas {
			return Notas{Reais: notasAleatorias(r, 1+r.IntN(6)), Falsos: notasAleatorias(r, 1+r.IntN(6))}
		}),
		exercicios.Dica("D é um classificador binário: as imagens reais têm rótulo 1 e as falsas, rótulo 0, e a perda dele é "+
			"a entropia cruzada nos dois lotes."),
		exercicios.OutraDica("são duas médias separadas, uma por lote (os lotes podem ter tamanhos diferentes), somadas. Use o "+
			"logaritmo natural, e não corte as notas: uma nota perto de 0 ou de 1 tem de pesar o que pesa."),
	)
}

// VerificaPerdaG confere a PerdaG do aluno (exercício 04-perda-g): casos
// fixos, um para cada erro comum, e 20 sorteados.
func VerificaPerdaG(aluno func(falsos []float64) float64) exercicios.Resultado {
	return verificaPerdaG(aluno, 20)
}

func verificaPerdaG(aluno func(falsos []float64) float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("04-perda-g", aluno, PerdaG,
		[][]float64{
			{0.5},        // −log(1/2) = log 2
			{0.1},        // a perda minimax log(1 − D), com ou sem o sinal, dá outro valor
			{0.01, 0.99}, // simétrico: −log(1 − p) daria o mesmo; os outros casos o pegam
			{0.2, 0.4, 0.9},
			{0.05, 0.3, 0.3, 0.3}, // soma no lugar da média
			// Notas perto de 0 e de 1: o regime em que a perda não saturante
			// importa (D(G(z)) ≈ 0 dá um gradiente grande). Cortar as notas em
			// [0,01; 0,99] o apaga, e muda a perda.
			{0.0001},
			{0.9999, 0.001},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) []float64 { return notasAleatorias(r, 1+r.IntN(8)) }),
		exercicios.Dica("na perda não saturante, G quer que D dê nota alta aos falsos: a perda de G cai quando D(G(z)) sobe."),
		exercicios.OutraDica("é uma média sobre o lote de falsos, com o logaritmo natural. A forma minimax, com log(1 − D(G(z))), "+
			"satura justamente quando D(G(z)) ≈ 0, no começo do treino; e não corte as notas."),
	)
}

// VerificaInterpola confere a Interpola do aluno (exercício 04-interpola):
// casos fixos, um para cada erro comum, e 15 sorteados.
func VerificaInterpola(aluno func(e Interpolacao) [][]float64) exercicios.Resultado {
	return verificaInterpola(aluno, 15)
}

func verificaInterpola(aluno func(e Interpolacao) [][]float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("04-interpola", aluno, Interpola,
		[]Interpolacao{
			// t e 1 − t trocados (de Ate até De), t = k/Passos (o último extremo de fora),
			// divisão inteira (t = 0 até o fim) e interpolação esférica (slerp) erram aqui.
			{De: []float64{0, 10}, Ate: []float64{1, -10}, Passos: 3},
			{De: []float64{1}, Ate: []float64{2}, Passos: 2}, // só os dois extremos
			// Vetores de normas diferentes e não paralelos: a slerp se afasta da reta.
			{De: []float64{3, 0, 0}, Ate: []float64{0, 1, 0}, Passos: 5},
			// Muitos passos: um ponto a mais ou a menos muda o tamanho da resposta.
			{De: []float64{-1, 2}, Ate: []float64{1, 2}, Passos: 11},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Interpolacao {
			dim := 1 + r.IntN(6)
			de, ate := make([]float64, dim), make([]float64, dim)
			for i := range dim {
				de[i], ate[i] = r.NormFloat64(), r.NormFloat64()
			}
			return Interpolacao{De: de, Ate: ate, Passos: 2 + r.IntN(9)}
		}),
		exercicios.Dica("interpolar é andar em linha reta de um ponto a outro em passos iguais, com os dois extremos "+
			"incluídos."),
		exercicios.OutraDica("com P pontos há P − 1 intervalos; o primeiro ponto é exatamente De e o último, exatamente Ate. "+
			"Cuidado com a divisão de inteiros em Go, e crie uma fatia nova para cada ponto. A interpolação aqui "+
			"é a linear, não a esférica."),
	)
}

// VerificaCobertura confere a Cobertura do aluno (exercício 04-cobertura):
// casos fixos, um para cada erro comum, e 15 sorteados.
func VerificaCobertura(aluno func(pontos [][2]float64) Cobertura) exercicios.Resultado {
	return verificaCobertura(aluno, 15)
}

func verificaCobertura(aluno func(pontos [][2]float64) Cobertura, sorteados int) exercicios.Resultado {
	anel := gan.AnelPadrao()
	centros, sigma := anel.Centros(), anel.Sigma
	repete := func(p [2]float64, n int) [][2]float64 {
		v := make([][2]float64, n)
		for i := range v {
			v[i] = p
		}
		return v
	}
	junta := func(partes ...[][2]float64) [][2]float64 {
		var v [][2]float64
		for _, p := range partes {
			v = append(v, p...)
		}
		return v
	}
	origem := [2]float64{0, 0}       // no meio do anel: longe (2 = 40σ) de todo centro
	c0, c1 := centros[0], centros[1] // (2, 0) e (√2, √2)
	return exercicios.Verifica("04-cobertura", aluno, CoberturaAnel,
		[][][2]float64{
			// 2 modos, 75% de qualidade. A origem está a 2 de cada centro: um limiar
			// absoluto (distância < 3, esquecendo o σ) a conta como boa.
			{{2, 0}, {2, 0.01}, {0, 2}, {0, 0}},
			// (0; −2,2) está a 0,2 = 4σ do centro: distância ao quadrado < 3σ a conta como boa.
			{{1.4142, 1.4142}, {-2, 0.1}, {0, -2.2}},
			// (2,1; 0) está a 0,1 = 2σ do centro: um limiar de 1σ a perde.
			{{2.1, 0}, {2, 0.04}, {-2, -0.12}},
			// 2% das amostras BOAS não basta: 50 pontos ruins, 9 no modo 0 e 1 no modo 1.
			// O modo 1 tem 1/60 ≈ 1,7% do total (não coberto), mas 10% das boas.
			junta(repete(origem, 50), repete(c0, 9), repete(c1, 1)),
			// Exatamente 2%: 1 ponto de 50 no modo 1 conta (≥, não >). E "2%" não quer dizer
			// "2 amostras": com 1 ponto o modo 1 está coberto.
			junta(repete(c0, 49), repete(c1, 1)),
			// 3 pontos de 200 (1,5%) num modo: não coberto, embora sejam ≥ 2 amostras; e contar
			// amostras boas no lugar de modos dá 200.
			junta(repete(c0, 197), repete(c1, 3)),
			// Um ponto exatamente a 3σ do centro (2, 0) não é de alta qualidade (< 3σ, não ≤).
			{{2, 3 * sigma}, {2, 0}},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) [][2]float64 {
			perto := func(k int, desvio float64) [2]float64 {
				return [2]float64{centros[k][0] + desvio*r.NormFloat64(), centros[k][1] + desvio*r.NormFloat64()}
			}
			var pts [][2]float64
			modos := 1 + r.IntN(8)
			for range 20 + r.IntN(200) {
				pts = append(pts, perto(r.IntN(modos), 0.02+0.1*r.Float64()))
			}
			for range r.IntN(30) { // alguns pontos soltos
				pts = append(pts, [2]float64{4*r.Float64() - 2, 4*r.Float64() - 2})
			}
			return pts
		}),
		exercicios.Dica("um ponto cai num modo quando está perto o bastante do centro dele (a lição mede \"perto\" em desvios "+
			"padrão), e um modo está coberto quando recebe uma fração mínima das amostras."),
		exercicios.OutraDica("perto é a menos de 3σ do centro, estritamente, com o σ do anel (não 1). A fração mínima é "+
			"gan.MinimoPorModo, contada sobre todos os pontos, não só os bons, e vale com igualdade. Modos conta "+
			"modos, não amostras; bons são os pontos perto de algum modo."),
		exercicios.Descreve(descrevePontos),
	)
}

// descrevePontos resume uma lista de pontos para a mensagem de falha: os
// 10 primeiros e, se houver mais, quantos são ao todo.
func descrevePontos(p [][2]float64) string {
	if len(p) <= 10 {
		return exercicios.Formata(p)
	}
	return exercicios.Formata(p[:10]) + " … (" + strconv.Itoa(len(p)) + " pontos ao todo)"
}

// VerificaSaidaTransposta confere a SaidaTransposta do aluno (exercício
// 04-transposta): casos fixos, um para cada erro comum, e 20 sorteados.
func VerificaSaidaTransposta(aluno func(c Transposta) int) exercicios.Resultado {
	return verificaSaidaTransposta(aluno, 20)
}

func verificaSaidaTransposta(aluno func(c Transposta) int, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("04-transposta", aluno, SaidaTransposta,
		[]Transposta{
			// A primeira transposta do restaurador: 7 → 14. A conta da convolução comum
			// ((n + 2p − k)/s + 1 = 3), o preenchimento contado uma vez só (15), com o
			// sinal trocado (18) ou esquecido (16), e n·s − 2p + k (16) erram aqui.
			{Entrada: 7, Nucleo: 4, Passo: 2, Preenchimento: 1},
			// A segunda: 14 → 28, sem preenchimento.
			{Entrada: 14, Nucleo: 2, Passo: 2, Preenchimento: 0},
			// Só multiplicar pelo passo (n·s = 14) erra aqui: a saída tem 13.
			{Entrada: 7, Nucleo: 3, Passo: 2, Preenchimento: 1},
			// Passo 1 e sem preenchimento: a saída cresce k − 1 (7); a conta da
			// convolução comum encolhe (3).
			{Entrada: 5, Nucleo: 3, Passo: 1, Preenchimento: 0},
			// Núcleo e passo trocados de papel ((n − 1)·k − 2p + s = 14) erram aqui (10).
			{Entrada: 4, Nucleo: 5, Passo: 3, Preenchimento: 2},
			// Um pixel só carimba o núcleo uma vez: a saída é o núcleo (4).
			{Entrada: 1, Nucleo: 4, Passo: 2, Preenchimento: 0},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Transposta {
			for {
				c := Transposta{Entrada: 1 + r.IntN(10), Nucleo: 1 + r.IntN(6), Passo: 1 + r.IntN(4)}
				c.Preenchimento = r.IntN(c.Nucleo) // até núcleo − 1
				if TamanhoValido(c) {
					return c
				}
			}
		}),
		exercicios.Dica("a convolução transposta faz o caminho inverso da convolução comum: uma convolução com o mesmo "+
			"núcleo, passo e preenchimento levaria a saída dela de volta ao tamanho da entrada. Desenhe um caso pequeno, "+
			"em 1-D, e conte os pixels."),
		exercicios.OutraDica("cada pixel da entrada carimba o núcleo na saída, e cada carimbo começa um passo depois do "+
			"anterior: entre o primeiro e o último carimbo há tantos passos quantos são os intervalos entre os pixels "+
			"da entrada (um a menos que os pixels), e o último carimbo ainda ocupa o núcleo inteiro. Depois, o "+
			"preenchimento é cortado dos dois lados."),
	)
}

// TamanhoValido diz se a convolução transposta c faz sentido: lados e passo
// positivos, preenchimento entre 0 e núcleo − 1, e saída com pelo menos um
// pixel.
func TamanhoValido(c Transposta) bool {
	return c.Entrada >= 1 && c.Nucleo >= 1 && c.Passo >= 1 && c.Preenchimento >= 0 &&
		c.Preenchimento <= c.Nucleo-1 && gan.TamanhoTransposta(c.Entrada, c.Nucleo, c.Passo, c.Preenchimento) >= 1
}
