package gabarito

import (
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// As RBMs dos casos fixos da lição 03.
var (
	// rbmPequena03 é a RBM de brinquedo da seção 1 da lição (3 visíveis, 2 ocultas).
	rbmPequena03 = RBMPequena{
		W: [][]float64{{2, -1}, {-1, 2}, {1, 1}},
		B: []float64{-1, -1, -0.5},
		C: []float64{-1, -1},
	}
	// rbmDistinta03 tem vieses diferentes em todas as unidades (quem usa b no
	// lugar de c erra) e W 3×2, que não é quadrada (quem lê W[j][i] erra ou
	// entra em pânico).
	rbmDistinta03 = RBMPequena{
		W: [][]float64{{1.5, -0.5}, {-1, 2}, {0.5, 1}},
		B: []float64{0.3, -0.7, 1.1},
		C: []float64{-1.2, 0.4},
	}
	// rbmLarga03 tem mais ocultas que visíveis: W 2×4.
	rbmLarga03 = RBMPequena{
		W: [][]float64{{0.8, -1.3, 0.2, 2.1}, {-0.6, 0.9, 1.7, -0.4}},
		B: []float64{0.25, -0.5},
		C: []float64{0.6, -0.9, 1.4, -0.3},
	}
	// rbmGrande03 tem pesos enormes: com v = (1, 1), a entrada da primeira
	// oculta é 755, e e^755 estoura o float64 (o maior é ~1,8·10³⁰⁸ ≈ e^709,78).
	rbmGrande03 = RBMPequena{
		W: [][]float64{{400, -400}, {350, 10}},
		B: []float64{1, -2},
		C: []float64{5, -3},
	}
	// rbmGrandeNegativa03 é o espelho de rbmGrande03, com a cauda do outro
	// lado: com v = (1, 1), as entradas das ocultas são −755 e 393. Uma
	// fórmula "estável" aplicada aos dois sinais (x + log(1 + e^(−x)) também
	// para x < 0) calcula e^755 e dá +Inf.
	rbmGrandeNegativa03 = RBMPequena{
		W: [][]float64{{-400, 400}, {-350, -10}},
		B: []float64{1, -2},
		C: []float64{-5, 3},
	}
)

// sorteiaVisivel03 é o gerador dos casos sorteados de 03-p-h-dado-v e
// 03-energia-livre.
func sorteiaVisivel03(r *rand.Rand) VisivelRBM {
	v := 1 + r.IntN(6)
	return VisivelRBM{RBM: SorteiaRBM(r, v, 1+r.IntN(4)), V: SorteiaBinario(r, v)}
}

// VerificaEnergia confere a Energia do aluno (exercício 03-energia): casos
// fixos que separam cada termo (só visíveis acesas: −b·v; só ocultas: −c·h),
// uma W que não é quadrada, e 20 sorteados.
func VerificaEnergia(aluno func(EstadoRBM) float64) exercicios.Resultado {
	return verificaEnergia(aluno, 20)
}

func verificaEnergia(aluno func(EstadoRBM) float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("03-energia", aluno, Energia,
		[]EstadoRBM{
			{RBM: rbmPequena03, V: []float64{1, 0, 1}, H: []float64{1, 0}},
			{RBM: rbmPequena03, V: []float64{1, 1, 1}, H: []float64{1, 1}},
			{RBM: rbmPequena03, V: []float64{0, 1, 0}, H: []float64{0, 1}},
			{RBM: rbmDistinta03, V: []float64{1, 0, 1}, H: []float64{0, 0}}, // só −b·v: o sinal e o termo das visíveis
			{RBM: rbmDistinta03, V: []float64{0, 0, 0}, H: []float64{1, 1}}, // só −c·h: o sinal e o termo das ocultas
			{RBM: rbmDistinta03, V: []float64{1, 1, 0}, H: []float64{0, 1}},
			{RBM: rbmLarga03, V: []float64{1, 1}, H: []float64{1, 0, 1, 1}}, // W 2×4
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) EstadoRBM {
			v, h := 1+r.IntN(6), 1+r.IntN(4)
			return EstadoRBM{RBM: SorteiaRBM(r, v, h), V: SorteiaBinario(r, v), H: SorteiaBinario(r, h)}
		}),
		exercicios.Dica("a energia tem um termo para cada tipo de parâmetro: os vieses das visíveis, os das ocultas e os "+
			"pesos que ligam cada par visível–oculta. Estados de energia baixa são os prováveis, então o que os "+
			"parâmetros favorecem entra com qual sinal?"),
		exercicios.OutraDica("os três termos entram com sinal de menos. O termo dos pesos soma sobre todos os pares (visível i, "+
			"oculta j), e W[i][j] liga a visível i à oculta j: W não é quadrada, e trocar os índices dá pânico ou"+
			" outro número."),
	)
}

// VerificaProbOcultas confere a ProbOcultas do aluno (exercício
// 03-p-h-dado-v): casos fixos com vieses b e c diferentes (quem usa b no
// lugar de c erra), W que não é quadrada (quem lê W[j][i] erra) e
// v = 0 (só σ(c)), entradas além de ±710 nas duas caudas (eˣ/(1 + eˣ) dá
// NaN), e 20 sorteados.
func VerificaProbOcultas(aluno func(VisivelRBM) []float64) exercicios.Resultado {
	return verificaProbOcultas(aluno, 20)
}

func verificaProbOcultas(aluno func(VisivelRBM) []float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("03-p-h-dado-v", aluno, ProbOcultas,
		[]VisivelRBM{
			{RBM: rbmPequena03, V: []float64{1, 0, 1}},
			{RBM: rbmPequena03, V: []float64{0, 0, 0}},
			{RBM: rbmDistinta03, V: []float64{0, 0, 0}}, // σ(c), não σ(b) nem c
			{RBM: rbmDistinta03, V: []float64{1, 0, 1}},
			{RBM: rbmLarga03, V: []float64{1, 0}}, // W 2×4: 4 saídas
			{RBM: rbmLarga03, V: []float64{1, 1}},
			// As duas caudas da sigmoide: entradas 755 e −393, depois −755 e 393.
			// e^755 estoura o float64, e eˣ/(1 + eˣ) dá Inf/Inf = NaN.
			{RBM: rbmGrande03, V: []float64{1, 1}},
			{RBM: rbmGrandeNegativa03, V: []float64{1, 1}},
		},
		exercicios.Aleatorios(sorteados, sorteiaVisivel03),
		exercicios.Dica("com as visíveis fixas, cada oculta decide sozinha: a sua probabilidade de ligar é a sigmoide da sua "+
			"entrada total (seção 1, \"As condicionais são sigmoides\")."),
		exercicios.OutraDica("a entrada da oculta j é o viés dela (o c das ocultas, não o b das visíveis) mais as visíveis pesadas"+
			" pela coluna j de W; há uma saída por oculta. A verificação usa entradas de ±755: escreva a sigmoide"+
			" de um jeito que nunca calcule e elevado a 755 (a forma eˣ/(1 + eˣ) dá NaN)."),
	)
}

// VerificaEnergiaLivre confere a EnergiaLivre do aluno (exercício
// 03-energia-livre): casos fixos com v = 0 (só as softplus de c), com o
// termo −b·v, com W 2×4 e com uma entrada de 755 numa oculta (e^755 estoura
// o float64: log(1 + e^x) ingênuo dá −Inf) e outra de −755 (a forma
// x + log(1 + e^(−x)) usada também para x < 0 dá +Inf), e 20 sorteados.
func VerificaEnergiaLivre(aluno func(VisivelRBM) float64) exercicios.Resultado {
	return verificaEnergiaLivre(aluno, 20)
}

func verificaEnergiaLivre(aluno func(VisivelRBM) float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("03-energia-livre", aluno, EnergiaLivre,
		[]VisivelRBM{
			{RBM: rbmPequena03, V: []float64{1, 0, 1}},
			{RBM: rbmPequena03, V: []float64{0, 1, 1}},
			{RBM: rbmDistinta03, V: []float64{0, 0, 0}},
			{RBM: rbmDistinta03, V: []float64{1, 0, 1}},
			{RBM: rbmLarga03, V: []float64{1, 1}},
			{RBM: rbmGrande03, V: []float64{0, 1}}, // entradas 355 e 7: e^355 ainda cabe
			{RBM: rbmGrande03, V: []float64{1, 1}}, // entradas 755 e −393: e^755 estoura
			// Entradas −755 e 393: a cauda negativa. x + log(1 + e^(−x)) em
			// todo x calcula e^755 aqui e dá +Inf.
			{RBM: rbmGrandeNegativa03, V: []float64{1, 1}},
		},
		exercicios.Aleatorios(sorteados, sorteiaVisivel03),
		exercicios.Dica("somar sobre todos os estados das ocultas tem forma fechada: cada oculta contribui com um termo que "+
			"só depende da sua entrada total. A energia livre é o termo das visíveis menos a soma desses termos."),
		exercicios.OutraDica("o termo de cada oculta é a softplus da sua entrada, log(1 + eˣ). Para x acima de ~709,78, eˣ estoura"+
			" o float64; para x muito negativo, uma forma \"estável\" usada do lado errado também estoura. Escreva "+
			"log(1 + eˣ) de um jeito equivalente que sirva para cada sinal de x (a verificação usa ±755)."),
	)
}

// VerificaPassoCD1 confere o PassoCD1 do aluno (exercício 03-cd1): casos
// fixos com lotes de 1, 3 e 4 exemplos (quem soma em vez de tirar a média,
// ou divide pelo número de visíveis, erra), taxas diferentes de 1 (quem
// aplica a taxa duas vezes erra), médias de V0 − V1 e de p(h|V0) − p(h|V1)
// diferentes de zero (quem esquece os vieses erra) e probabilidades longe de
// 0 e de 1 (quem sorteia ou arredonda as ocultas erra); e 15 sorteados.
func VerificaPassoCD1(aluno func(CD1) RBMPequena) exercicios.Resultado {
	return verificaPassoCD1(aluno, 15)
}

func verificaPassoCD1(aluno func(CD1) RBMPequena, sorteados int) exercicios.Resultado {
	lote := func(r *rand.Rand, n, v int) [][]float64 {
		m := make([][]float64, n)
		for k := range m {
			m[k] = SorteiaBinario(r, v)
		}
		return m
	}
	return exercicios.Verifica("03-cd1", aluno, PassoCD1,
		[]CD1{
			{RBM: rbmPequena03, V0: [][]float64{{1, 0, 1}}, V1: [][]float64{{0, 1, 1}}, Taxa: 0.1},
			{RBM: rbmDistinta03, // lote de 4 (nem 3 visíveis, nem 2 ocultas)
				V0:   [][]float64{{1, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 0}},
				V1:   [][]float64{{0, 1, 1}, {1, 0, 0}, {1, 1, 1}, {0, 0, 1}},
				Taxa: 0.1},
			{RBM: rbmLarga03, // lote de 3 (nem 2 visíveis, nem 4 ocultas)
				V0:   [][]float64{{1, 0}, {1, 1}, {0, 1}},
				V1:   [][]float64{{0, 1}, {1, 0}, {0, 0}},
				Taxa: 0.3},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) CD1 {
			v, n := 1+r.IntN(5), 1+r.IntN(4)
			return CD1{RBM: SorteiaRBM(r, v, 1+r.IntN(4)), V0: lote(r, n, v), V1: lote(r, n, v), Taxa: 0.05 + 0.5*r.Float64()}
		}),
		exercicios.Dica("um passo de CD-1 move cada parâmetro na direção da fase positiva (os dados) menos a fase negativa (a"+
			" reconstrução), na média do lote, vezes a taxa."),
		exercicios.OutraDica("erros comuns: alterar a RBM recebida (copie antes e calcule tudo com os parâmetros antigos); sortear"+
			" as ocultas em vez de usar as probabilidades p(h|v); somar em vez de tirar a média do lote; aplicar "+
			"a taxa duas vezes; esquecer que os vieses também mudam."),
	)
}
