package gabarito

import (
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// As verificações dos exercícios da lição 01. Cada uma tem um caso fixo para
// cada erro comum que a dica cita; os casos sorteados vêm depois, como
// segunda rede. A lista de respostas erradas que cada verificação tem de
// recusar está em erradas_licao01_test.go.

// VerificaTamanhoSaida confere a TamanhoSaida do aluno (exercício
// 01-tamanho) contra a forma que graph.Convolve produz: casos fixos contra
// esquecer o +1, o preenchimento (ou contá-lo de um lado só), o passo, e
// arredondar para cima; e 20 sorteados.
func VerificaTamanhoSaida(aluno func(c Conv) int) exercicios.Resultado {
	return verificaTamanhoSaida(aluno, 20)
}

// verificaTamanhoSaida é VerificaTamanhoSaida com `sorteados` casos sorteados (0: só os fixos).
func verificaTamanhoSaida(aluno func(c Conv) int, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("01-tamanho", aluno, TamanhoSaida,
		[]Conv{
			{Entrada: 28, Kernel: 5, Padding: 0, Passo: 1}, // 24: sem o +1 daria 23
			{Entrada: 28, Kernel: 5, Padding: 2, Passo: 1}, // 28: sem o preenchimento, 24; com ele de um lado só, 26
			{Entrada: 28, Kernel: 3, Padding: 1, Passo: 2}, // 14: sem o passo, 28; arredondando para cima, 15
			{Entrada: 7, Kernel: 3, Padding: 0, Passo: 2},  // 3: (n−k+1)/s daria 2
			{Entrada: 9, Kernel: 4, Padding: 1, Passo: 2},  // 4: arredondando para cima, 5; sem o preenchimento, 3
			{Entrada: 10, Kernel: 3, Padding: 1, Passo: 3}, // 4: o preenchimento somado depois do passo daria 5
			{Entrada: 3, Kernel: 5, Padding: 1, Passo: 1},  // 1: o filtro só cabe na imagem preenchida
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Conv {
			k := 1 + r.IntN(7)
			return Conv{Entrada: k + r.IntN(30), Kernel: k, Padding: r.IntN(3), Passo: 1 + r.IntN(3)}
		}),
		exercicios.Dica("conte as posições em que o filtro cabe inteiro na imagem já com a borda de zeros, andando de s em s."),
		exercicios.OutraDica("com a borda, o lado tem n + 2p. A primeira posição é 0; a última é a maior que ainda deixa o filtro "+
			"inteiro dentro. Conte quantos passos de s há entre elas e não esqueça de contar a primeira. A "+
			"divisão inteira do Go já arredonda para baixo."),
	)
}

// VerificaConvolucaoComPasso confere a ConvolucaoComPasso do aluno
// (exercício 01-convolucao-passo) contra graph.Convolve: casos fixos contra
// esquecer o preenchimento ou o passo, aplicar o passo também dentro do
// filtro, arredondar o tamanho da saída para cima, trocar linhas e colunas,
// espelhar ou transpor o filtro e preencher a borda repetindo pixels em vez
// de zeros; e 15 sorteados.
func VerificaConvolucaoComPasso(aluno func(e ConvComPasso) [][]float64) exercicios.Resultado {
	return verificaConvolucaoComPasso(aluno, 15)
}

// verificaConvolucaoComPasso é VerificaConvolucaoComPasso com `sorteados` casos sorteados (0: só os fixos).
func verificaConvolucaoComPasso(aluno func(e ConvComPasso) [][]float64, sorteados int) exercicios.Resultado {
	figura := [][]float64{{0, 1, 1, 0, 0}, {0, 1, 1, 0, 0}, {0, 1, 1, 1, 1}, {0, 0, 0, 1, 1}, {0, 0, 0, 0, 0}}
	bordaVertical := [][]float64{{-1, 0, 1}, {-1, 0, 1}, {-1, 0, 1}}
	return exercicios.Verifica("01-convolucao-passo", aluno, ConvolucaoComPasso,
		[]ConvComPasso{
			// A figura da lição, sem preenchimento e com passo 1: a ConvolucaoValida.
			{Imagem: figura, Kernel: bordaVertical, Padding: 0, Passo: 1},
			// Preenchimento 1: saída 5×5 (sem ele, 3×3).
			{Imagem: figura, Kernel: bordaVertical, Padding: 1, Passo: 1},
			// Passo 2: saída 2×2; o passo anda a janela, não os pixels dentro dela.
			{Imagem: figura, Kernel: bordaVertical, Padding: 0, Passo: 2},
			// Tudo 1: a borda preenchida é de zeros (cantos 4, lados 6, meio 9), não cópias da imagem.
			{Imagem: [][]float64{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, Kernel: [][]float64{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, Padding: 1, Passo: 1},
			// Filtro sem simetria, imagem 4×6: espelhar ou transpor o filtro, ou trocar altura e largura, muda a saída (3×4).
			{Imagem: [][]float64{{1, 2, 0, -1, 3, 1}, {0, 1, 2, 2, -2, 1}, {3, 0, 1, 1, 0, 2}, {-1, 2, 1, 0, 1, 1}},
				Kernel: [][]float64{{1, 2}, {3, 4}}, Padding: 1, Passo: 2},
			// 6×6, filtro 3×3, passo 2: (6 − 3)/2 = 1,5 → 2 posições por lado, não 3.
			{Imagem: [][]float64{{1, 0, 2, 1, 0, 1}, {0, 3, 1, 0, 2, 1}, {2, 1, 0, 1, 1, 0}, {1, 0, 1, 2, 0, 3}, {0, 2, 1, 0, 1, 1}, {1, 1, 0, 3, 2, 0}},
				Kernel: [][]float64{{1, 0, -1}, {2, 1, 0}, {0, 0, 1}}, Padding: 0, Passo: 2},
			// Filtro 1×3, imagem 5×7, preenchimento 2, passo 3: saída 3×3.
			{Imagem: [][]float64{{1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1}, {1, 0, 1, 0, 1, 0, 1}, {2, 2, 2, 2, 2, 2, 2}, {0, 1, 2, 3, 2, 1, 0}},
				Kernel: [][]float64{{1, -1, 2}}, Padding: 2, Passo: 3},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) ConvComPasso {
			kh, kw := 1+r.IntN(3), 1+r.IntN(3)
			return ConvComPasso{Imagem: matrizSorteada01(r, kh+r.IntN(5), kw+r.IntN(5)), Kernel: matrizSorteada01(r, kh, kw),
				Padding: r.IntN(3), Passo: 1 + r.IntN(3)}
		}),
		exercicios.Dica("cada posição da saída é a soma dos produtos do filtro pelo pedaço da imagem embaixo dele; o passo "+
			"diz de quanto em quanto o filtro anda, e a borda põe zeros em volta da imagem."),
		exercicios.OutraDica("o tamanho da saída é o do exercício 1, em cada direção. O pedaço da posição (i, j) começa na linha "+
			"i·s − p e na coluna j·s − p da imagem original; o que cair fora dela conta como 0. O passo "+
			"multiplica só i e j, não o índice dentro do filtro, e o filtro não é espelhado (é a correlação "+
			"cruzada, como no GoMLX)."),
	)
}

// matrizSorteada01 devolve uma matriz h×w de inteiros de −3 a 3.
func matrizSorteada01(r *rand.Rand, h, w int) [][]float64 {
	m := make([][]float64, h)
	for i := range m {
		m[i] = make([]float64, w)
		for j := range m[i] {
			m[i][j] = float64(r.IntN(7) - 3)
		}
	}
	return m
}

// VerificaMaxPool2 confere a MaxPool2 do aluno (exercício 01-maxpool)
// contra graph.MaxPool: casos fixos contra janelas sobrepostas (passo 1),
// média em vez de máximo, máximo começando em 0, olhar só parte da janela,
// manter a janela incompleta de uma borda ímpar e trocar altura e largura;
// e 15 sorteados.
func VerificaMaxPool2(aluno func(imagem [][]float64) [][]float64) exercicios.Resultado {
	return verificaMaxPool2(aluno, 15)
}

// verificaMaxPool2 é VerificaMaxPool2 com `sorteados` casos sorteados (0: só os fixos).
func verificaMaxPool2(aluno func(imagem [][]float64) [][]float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("01-maxpool", aluno, MaxPool2,
		[][][]float64{
			{{1, 3, 2, 0}, {4, 2, 1, 1}, {0, 1, 5, 6}, {2, 2, 7, 8}}, // o exemplo da lição: 2×2, não 3×3
			{{-1, -2}, {-3, -4}},              // todos negativos: o máximo é −1, não 0
			{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, // lado ímpar: a última linha e a última coluna ficam de fora
			// O máximo de cada janela num canto diferente (9, 8, 7, 6): todos os 4 contam.
			{{9, 1, 2, 8, 0, 3, 1, 2}, {4, 5, 6, 7, 7, 1, 4, 6}},
			{{1, 9, 2, 8, 7}, {3, 4, 5, 6, 9}},        // 2×5 → 1×2
			{{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}}, // 5×2 → 2×1
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) [][]float64 {
			m := make([][]float64, 2+r.IntN(6))
			largura := 2 + r.IntN(6)
			for i := range m {
				m[i] = make([]float64, largura)
				for j := range m[i] {
					m[i][j] = r.NormFloat64()
				}
			}
			return m
		}),
		exercicios.Dica("o max-pooling 2×2 divide a imagem em janelas 2×2 que não se sobrepõem e fica com o maior valor de "+
			"cada uma."),
		exercicios.OutraDica("a saída tem metade das linhas e metade das colunas, arredondando para baixo (num lado ímpar, a "+
			"última linha ou coluna fica de fora). É o máximo, não a média; e comece o máximo pelo primeiro "+
			"elemento da janela, não por 0, porque os valores podem ser negativos."),
	)
}

// VerificaParametrosConv confere a ParametrosConv do aluno (exercício
// 01-parametros) contra a contagem das variáveis de uma layers.Convolution
// de verdade: casos fixos contra esquecer os vieses, um viés por peso ou
// por canal de entrada, esquecer os canais de entrada, contar k em vez de
// k·k e contar os pesos de um filtro só; e 8 sorteados.
func VerificaParametrosConv(aluno func(c CamadaConv) int) exercicios.Resultado {
	return verificaParametrosConv(aluno, 8)
}

// verificaParametrosConv é VerificaParametrosConv com `sorteados` casos sorteados (0: só os fixos).
func verificaParametrosConv(aluno func(c CamadaConv) int, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("01-parametros", aluno, ParametrosConv,
		[]CamadaConv{
			{Kernel: 5, CanaisEntrada: 1, Filtros: 16},  // conv0 da LeNet: 416
			{Kernel: 5, CanaisEntrada: 16, Filtros: 32}, // conv1: 12.832 (sem os canais de entrada, 832)
			{Kernel: 1, CanaisEntrada: 3, Filtros: 1},   // 4
			{Kernel: 3, CanaisEntrada: 8, Filtros: 4},   // 292 (um viés por canal de entrada daria 296)
			{Kernel: 3, CanaisEntrada: 2, Filtros: 5},   // 95
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) CamadaConv {
			return CamadaConv{Kernel: 1 + 2*r.IntN(3), CanaisEntrada: 1 + r.IntN(8), Filtros: 1 + r.IntN(16)}
		}),
		exercicios.Dica("um filtro olha todos os canais de entrada de uma vez: conte os pesos de um filtro, multiplique pelo "+
			"número de filtros e some os vieses."),
		exercicios.OutraDica("erros comuns: esquecer os canais de entrada (um filtro da camada que lê 6 mapas olha os 6), contar "+
			"um viés por peso ou por canal de entrada em vez de um por filtro, e trocar k² por 2k."),
	)
}

// Convolucoes conta as camadas convolucionais da rede com filtro maior que
// 1×1 (um filtro 1×1 não olha a vizinhança do pixel) e pelo menos um filtro.
// É como o exercício 01-minha-rede confere que a rede é mesmo uma CNN.
//
// A conta vem da descrição da rede, não das variáveis do modelo treinado:
// quando o treino é reaproveitado de um checkpoint, o GoMLX só carrega as
// variáveis no model.Store quando o modelo roda (carga preguiçosa), e uma
// conta pelas variáveis daria 0.
func Convolucoes(rede cnn.Rede) int {
	n := 0
	for _, c := range rede.Convs {
		if c.Kernel > 1 && c.Filtros > 0 {
			n++
		}
	}
	return n
}

// VerificaNormalizaLote confere a NormalizaLote do aluno (exercício
// 01-batchnorm) contra a cnn.NormalizaLote do curso, no modo de treino:
// casos fixos contra a média e a variância sobre o eixo errado (por exemplo
// em vez de por característica), a variância sem ε (ou com ε fora da raiz),
// a variância dividida por n − 1, usar as médias móveis no treino e
// esquecer ou trocar γ e β; e 10 sorteados.
func VerificaNormalizaLote(aluno func(l LoteBN) [][]float64) exercicios.Resultado {
	return verificaNormalizaLote(aluno, 10)
}

// verificaNormalizaLote é VerificaNormalizaLote com `sorteados` casos sorteados (0: só os fixos).
func verificaNormalizaLote(aluno func(l LoteBN) [][]float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("01-batchnorm", aluno, NormalizaLote,
		[]LoteBN{
			// O exemplo da lição: 4 exemplos, 2 características em escalas diferentes. As médias
			// móveis (0 e 1) não são as do lote: usá-las no treino dá outra conta.
			{X: [][]float64{{1, 10}, {2, 20}, {3, 30}, {4, 40}}, Gama: []float64{1, 1}, Beta: []float64{0, 0},
				MediaMovel: []float64{0, 0}, VarianciaMovel: []float64{1, 1}, Eps: 1e-5},
			// 2 exemplos: a variância por n − 1 é o dobro da por n. γ e β diferentes por característica.
			{X: [][]float64{{1, -2, 5}, {3, 2, 4}}, Gama: []float64{2, 0.5, -1}, Beta: []float64{1, -3, 0.5},
				MediaMovel: []float64{2, 0, 4.5}, VarianciaMovel: []float64{1, 4, 0.25}, Eps: 1e-5},
			// ε grande: sem ele, ou fora da raiz, a conta muda; a 2ª característica é constante
			// (variância 0: sem ε, divide por zero).
			{X: [][]float64{{0, 7}, {2, 7}, {4, 7}}, Gama: []float64{1.5, 2}, Beta: []float64{0.5, 1},
				MediaMovel: []float64{1, 7}, VarianciaMovel: []float64{2, 0.5}, Eps: 0.5},
			// Mais características que exemplos, com as médias móveis iguais às do lote e a
			// variância móvel igual à do lote por n − 1 (o que o PyTorch guarda): usar as móveis
			// ainda difere.
			{X: [][]float64{{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}, {0, 0, 6, 1, 2}},
				Gama: []float64{1, 2, 3, 1, 2}, Beta: []float64{0, 1, 0, -1, 0},
				MediaMovel: []float64{2, 2, 4, 7.0 / 3, 8.0 / 3}, VarianciaMovel: []float64{7, 4, 3, 7.0 / 3, 13.0 / 3}, Eps: 1e-3},
		},
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) LoteBN {
			n, d := 2+r.IntN(5), 1+r.IntN(4)
			l := LoteBN{X: make([][]float64, n), Eps: []float64{1e-5, 1e-3, 0.1}[r.IntN(3)]}
			for i := range l.X {
				l.X[i] = make([]float64, d)
				for j := range l.X[i] {
					l.X[i][j] = 3*r.NormFloat64() + float64(j)
				}
			}
			for range d {
				l.Gama = append(l.Gama, 0.5+r.Float64())
				l.Beta = append(l.Beta, r.NormFloat64())
				l.MediaMovel = append(l.MediaMovel, r.NormFloat64())
				l.VarianciaMovel = append(l.VarianciaMovel, 0.5+r.Float64())
			}
			return l
		}),
		exercicios.Dica("cada característica (coluna) é normalizada com a média e a variância dela, tiradas dos exemplos do "+
			"lote; depois vêm a escala γ e o deslocamento β, aprendidos. No treino, a conta só olha o lote que chegou."),
		exercicios.OutraDica("percorra as linhas para cada coluna: a média e a variância são sobre os exemplos, e a variância "+
			"divide pelo número de exemplos (como a média), não por um a menos. O ε entra somado à variância, "+
			"dentro da raiz. As médias móveis que vêm no lote são para a inferência: aqui elas não entram."),
	)
}
