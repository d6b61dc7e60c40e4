package gabarito

import (
	"math"
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// As verificações dos exercícios da lição 02. Cada uma tem casos fixos, um
// para cada erro comum que a sua dica cita (o comentário de cada caso diz
// qual), e casos sorteados como segunda rede. As funções com n minúsculo
// recebem o número de casos sorteados: o teste erradas_licao02_test.go roda
// só os fixos (0 sorteados) para provar que eles, sozinhos, pegam cada erro.

// VerificaPassoGRU confere o PassoGRU do aluno (exercício 02-passo-gru).
func VerificaPassoGRU(aluno func(GRU) []float64) exercicios.Resultado {
	return verificaPassoGRU(aluno, 10)
}

// CasosPassoGRU são os casos fixos de 02-passo-gru. Em todos, os pesos e os
// vieses são diferentes de zero e as entradas não são simétricas.
var CasosPassoGRU = []GRU{
	// z e 1−z trocados, r depois do produto por U_h em vez de antes, sem
	// viés, tanh e σ trocados: este caso separa cada um desses erros.
	{
		X: []float64{1, -0.5}, H: []float64{0.6, -0.4},
		Wz: [][]float64{{0.5, -0.3}, {0.2, 0.8}}, Wr: [][]float64{{-0.7, 0.4}, {0.3, 0.1}}, Wh: [][]float64{{0.9, -0.6}, {-0.2, 0.5}},
		Uz: [][]float64{{0.3, 0.2}, {-0.5, 0.4}}, Ur: [][]float64{{0.6, -0.1}, {0.2, 0.7}}, Uh: [][]float64{{-0.4, 0.8}, {0.7, -0.3}},
		Bz: []float64{0.4, -0.2}, Br: []float64{-0.3, 0.5}, Bh: []float64{0.2, 0.1},
	},
	// Só o viés do candidato diferente de zero, grande: esquecer b_h muda
	// tudo; e h = 0 com entrada forte (z ≈ σ(2)) separa z de 1−z.
	{
		X: []float64{2, 1}, H: []float64{0, 0},
		Wz: [][]float64{{1, 0}, {0, 0}}, Wr: [][]float64{{0, 0}, {0, 0}}, Wh: [][]float64{{0, 0}, {0, 0}},
		Uz: [][]float64{{0, 0}, {0, 0}}, Ur: [][]float64{{0, 0}, {0, 0}}, Uh: [][]float64{{0, 0}, {0, 0}},
		Bz: []float64{0, 0}, Br: []float64{0, 0}, Bh: []float64{1.5, -1},
	},
	// r⊙h antes do produto por U_h (a convenção da lição) e r⊙(h·U_h) só
	// coincidem quando r é igual em todas as unidades ou U_h é diagonal:
	// aqui r varia muito de uma unidade a outra (W_r grande) e U_h só tem
	// valores fora da diagonal.
	{
		X: []float64{0.5}, H: []float64{0.9, -0.8, 0.3},
		Wz: [][]float64{{0.1, -0.2, 0.3}}, Wr: [][]float64{{2, -2, 1}}, Wh: [][]float64{{0.4, 0.4, -0.4}},
		Uz: [][]float64{{0.2, 0, 0.1}, {0, 0.3, 0}, {0.1, 0, -0.2}},
		Ur: [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
		Uh: [][]float64{{0, 1.5, -1}, {-1.2, 0, 0.8}, {1, -0.7, 0}},
		Bz: []float64{-0.5, 0.5, 0}, Br: []float64{0.5, -1, 1}, Bh: []float64{-0.1, 0.3, 0.2},
	},
	// As duas caudas: pré-ativações de ±800 nas portas e de ±900 no
	// candidato. e^800 estoura o float64, e uma σ escrita como eᵛ/(1 + eᵛ)
	// ou uma tanh escrita como (eᵛ − e⁻ᵛ)/(eᵛ + e⁻ᵛ) dão Inf/Inf = NaN; a
	// σ(v) = 1/(1 + e^−v) e a math.Tanh acertam nos dois lados.
	{
		X: []float64{1}, H: []float64{0.5, -0.3},
		Wz: [][]float64{{800, -800}}, Wr: [][]float64{{-800, 800}}, Wh: [][]float64{{900, -900}},
		Uz: [][]float64{{0, 0}, {0, 0}}, Ur: [][]float64{{0, 0}, {0, 0}}, Uh: [][]float64{{0.5, 0}, {0, 0.5}},
		Bz: []float64{0, 0}, Br: []float64{0, 0}, Bh: []float64{0, 0},
	},
}

func verificaPassoGRU(aluno func(GRU) []float64, sorteados int) exercicios.Resultado {
	sorteia := func(r *rand.Rand, l, c int) [][]float64 {
		m := make([][]float64, l)
		for i := range m {
			m[i] = make([]float64, c)
			for j := range m[i] {
				m[i][j] = r.Float64()*2 - 1
			}
		}
		return m
	}
	return exercicios.Verifica("02-passo-gru", aluno, PassoGRU, CasosPassoGRU,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) GRU {
			d, n := 1+r.IntN(3), 1+r.IntN(4)
			return GRU{X: sorteia(r, 1, d)[0], H: sorteia(r, 1, n)[0],
				Wz: sorteia(r, d, n), Wr: sorteia(r, d, n), Wh: sorteia(r, d, n),
				Uz: sorteia(r, n, n), Ur: sorteia(r, n, n), Uh: sorteia(r, n, n),
				Bz: sorteia(r, 1, n)[0], Br: sorteia(r, 1, n)[0], Bh: sorteia(r, 1, n)[0]}
		}),
		exercicios.Tolerancia(1e-9),
		exercicios.Dica("a GRU tem duas portas e um candidato. A porta de atualização z decide quanto do estado antigo fica; "+
			"a de reinício r decide quanto do estado antigo entra no candidato; o novo estado mistura o antigo "+
			"com o candidato. Compare, no caso que falhou, o esperado com o obtido: que parte da conta mudou?"),
		exercicios.OutraDica("quatro lugares onde é fácil errar: a ativação de cada parte (as portas são probabilidades, entre 0 e"+
			" 1; o candidato fica entre −1 e 1); onde r entra (nesta lição, como em Cho et al., r multiplica o "+
			"estado ANTES do produto pelos pesos recorrentes do candidato; o PyTorch faz diferente e dá outro "+
			"número); qual dos dois lados da mistura z pesa (releia a equação da seção 4); e os vieses, que "+
			"entram nas três somas. Com entradas enormes, a verificação usa ±800: escreva a σ e a tanh de um "+
			"jeito que não dê Inf/Inf."),
	)
}

// VerificaParametrosLSTM confere o ParametrosLSTM do aluno (exercício
// 02-parametros-lstm).
func VerificaParametrosLSTM(aluno func(CamadaRNN) int) exercicios.Resultado {
	return verificaParametrosLSTM(aluno, 6)
}

// CasosParametrosLSTM são os casos fixos de 02-parametros-lstm: entrada
// sempre diferente do tamanho oculto (senão esquecer que as células de cima
// leem o estado da de baixo passaria despercebido).
var CasosParametrosLSTM = []CamadaRNN{
	{Entrada: 9, Oculta: 32, Camadas: 1}, // 3 portas em vez de 4, sem vieses, sem U
	{Entrada: 1, Oculta: 32, Camadas: 2}, // a segunda camada lê 32, não 1
	{Entrada: 5, Oculta: 7, Camadas: 3},  // ignorar Camadas; um viés por camada só
}

func verificaParametrosLSTM(aluno func(CamadaRNN) int, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("02-parametros-lstm", aluno, ParametrosLSTM, CasosParametrosLSTM,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) CamadaRNN {
			return CamadaRNN{Entrada: 1 + r.IntN(40), Oculta: 1 + r.IntN(64), Camadas: 1 + r.IntN(3)}
		}),
		exercicios.Dica("conte por partes: quantas transformações uma célula LSTM tem, que matrizes e vetores cada uma usa e "+
			"de que tamanho. Depois pense no que cada camada da pilha lê."),
		exercicios.OutraDica("são quatro partes (três portas e o candidato; a GRU tem três partes). Cada uma tem uma matriz para a"+
			" entrada, uma para o estado anterior (a recorrente) e um viés. Na pilha, a camada de cima não lê a "+
			"sequência de entrada: lê os estados da camada de baixo, que têm o tamanho oculto."),
	)
}

// VerificaJanelas confere o Janelas do aluno (exercício 02-janelas).
func VerificaJanelas(aluno func(Serie) Exemplos) exercicios.Resultado {
	return verificaJanelas(aluno, 10)
}

// CasosJanelas são os casos fixos de 02-janelas. Os valores não são uma
// progressão (3, 1, 4, 1, 5, …): deslocar a janela ou o alvo de uma posição
// sempre muda a resposta.
var CasosJanelas = []Serie{
	// 10 valores, janela 4: 6 exemplos. Uma janela a menos (i+J < n−1), o
	// alvo deslocado (s[i+J−1], o último da janela, ou s[i+J+1]) e entrada
	// e alvo trocados (alvo s[i], entrada s[i+1 : i+J+1]) dão outra resposta;
	// uma janela a mais (i+J ≤ n) lê além do fim da série.
	{Valores: []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3}, Janela: 4},
	// Janela 1: o exemplo é (s_i) → s_{i+1}.
	{Valores: []float64{7, 2, 9, 4}, Janela: 1},
	// Janela 3, série de 7: 4 exemplos.
	{Valores: []float64{10, 30, 20, 50, 40, 70, 60}, Janela: 3},
	// Só um exemplo (série com J+1 valores)…
	{Valores: []float64{5, 11, 16}, Janela: 2},
	// …e nenhum (série do tamanho da janela).
	{Valores: []float64{5, 11, 16}, Janela: 3},
}

func verificaJanelas(aluno func(Serie) Exemplos, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("02-janelas", semCompartilhar(aluno), Janelas, CasosJanelas,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Serie {
			j := 1 + r.IntN(5)
			v := make([]float64, j+1+r.IntN(12)) // sempre ao menos um exemplo
			for i := range v {
				v[i] = float64(r.IntN(200))
			}
			return Serie{Valores: v, Janela: j}
		}),
		exercicios.Dica("cada exemplo é um trecho de J valores seguidos e o valor que vem logo depois dele. Quantos trechos "+
			"cabem na série sem ler além do fim?"),
		exercicios.OutraDica("o último alvo possível é o último valor da série: conte as posições de início a partir disso (uma "+
			"série do tamanho da janela não tem exemplo nenhum). O alvo é o valor seguinte ao trecho, não o "+
			"último do trecho. E cada entrada tem de ser uma cópia: uma fatia da série compartilha a memória com "+
			"ela, e a verificação muda a série depois de chamar a sua função."),
	)
}

// semCompartilhar chama o Janelas do aluno e depois estraga a série que ele
// recebeu (NaN em todos os valores): se as entradas devolvidas forem fatias
// da série, e não cópias, os NaN aparecem nelas, e o caso falha. (Na
// correção da turma o código do aluno roda noutro processo, e os resultados
// chegam copiados: lá esse erro não aparece.)
func semCompartilhar(aluno func(Serie) Exemplos) func(Serie) Exemplos {
	if aluno == nil {
		return nil
	}
	return func(s Serie) Exemplos {
		ex := aluno(s)
		for i := range s.Valores {
			s.Valores[i] = math.NaN()
		}
		return ex
	}
}

// VerificaAmostraComTemperatura confere o AmostraComTemperatura do aluno
// (exercício 02-temperatura).
func VerificaAmostraComTemperatura(aluno func(Sorteio) int) exercicios.Resultado {
	return verificaAmostraComTemperatura(aluno, 20)
}

// CasosTemperatura são os casos fixos de 02-temperatura. O número U já vem
// sorteado (é assim que o exercício recebe a sua aleatoriedade), e cada caso
// fixa um U em que a resposta certa difere da do erro que ele mira.
var CasosTemperatura = []Sorteio{
	// p = [1/4, 3/4]: u = 0,3 cai no índice 1.
	{Logits: []float64{0, math.Log(3)}, Temperatura: 1, U: 0.3},
	// p ≈ [0,665; 0,245; 0,090] e u = 0,9: o certo é o índice 1; o maior
	// logit (argmax, sem sortear) é o 0.
	{Logits: []float64{2, 1, 0}, Temperatura: 1, U: 0.9},
	// T = 1/2: p = [0,1; 0,9], e u = 0,2 cai no índice 1. Ignorando T,
	// p = [0,25; 0,75], e u = 0,2 cairia no 0.
	{Logits: []float64{0, math.Log(3)}, Temperatura: 0.5, U: 0.2},
	// T = 2: p ∝ [1, √3] ≈ [0,366; 0,634], e u = 0,3 cai no índice 0;
	// multiplicando por T em vez de dividir, p = [0,1; 0,9] e cairia no 1.
	{Logits: []float64{0, math.Log(3)}, Temperatura: 2, U: 0.3},
	// p = [1/4, 1/4, 1/4, 1/4] e u = 0,5: a soma acumulada chega a 0,5 no
	// índice 1, mas só PASSA de 0,5 no índice 2.
	{Logits: []float64{0, 0, 0, 0}, Temperatura: 1, U: 0.5},
	// T quase zero: quase todo o peso no maior logit.
	{Logits: []float64{1, 2, 3}, Temperatura: 0.01, U: 0.5},
	// Logits grandes: e^1000 estoura o float64 (o maior é ~1,8·10³⁰⁸, e e^x
	// estoura a partir de x ≈ 709,78), e Inf/Inf = NaN. Sem subtrair o
	// maior antes de exponenciar, as probabilidades viram NaN. Certo: p ≈
	// [0,245; 0,665; 0,090] e u = 0,5 → índice 1.
	{Logits: []float64{1000, 1001, 999}, Temperatura: 1, U: 0.5},
	// Logits pequenos, temperatura baixa: 3/0,002 = 1500 também estoura.
	{Logits: []float64{1, 3, 2}, Temperatura: 0.002, U: 0.4},
	// U nas duas pontas de [0, 1). U = 0: o primeiro índice.
	{Logits: []float64{0, 0, 0}, Temperatura: 1, U: 0},
	// U = 1 − 2⁻⁵³, o maior float64 abaixo de 1, e dez probabilidades de
	// 0,1: a soma acumulada termina em 0,9999999999999999, que não PASSA de
	// U. O arredondamento deixou U no fim: a resposta é o último índice (9),
	// não o primeiro.
	{Logits: make([]float64, 10), Temperatura: 1, U: math.Nextafter(1, 0)},
}

func verificaAmostraComTemperatura(aluno func(Sorteio) int, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("02-temperatura", aluno, AmostraComTemperatura, CasosTemperatura,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Sorteio {
			l := make([]float64, 2+r.IntN(6))
			for i := range l {
				l[i] = r.NormFloat64() * 3
			}
			return Sorteio{Logits: l, Temperatura: []float64{0.3, 0.7, 1, 1.5, 3}[r.IntN(5)], U: r.Float64()}
		}),
		exercicios.Dica("a temperatura muda a forma da distribuição antes do sorteio (baixa deixa a distribuição mais "+
			"pontuda, alta mais plana); U escolhe um ponto em [0, 1), e o índice sorteado é aquele em cuja fatia "+
			"da distribuição acumulada U cai."),
		exercicios.OutraDica("confira quatro coisas: a temperatura divide os logits; a softmax precisa do cuidado da lição 00 "+
			"(logits de 1000 estouram a exponencial); o índice é o primeiro em que a soma acumulada PASSA de U, e"+
			" igual não basta; e, se o arredondamento deixar a soma final um tiquinho abaixo de U, a resposta é o"+
			" último índice, não o primeiro."),
	)
}
