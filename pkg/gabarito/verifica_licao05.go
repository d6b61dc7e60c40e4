package gabarito

import (
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// As verificações dos exercícios da lição 05. Cada uma tem casos fixos, um
// para cada erro comum que a sua dica cita (o comentário de cada caso diz
// qual), e casos sorteados como segunda rede. As funções com v minúsculo
// recebem o número de casos sorteados: o teste erradas_licao05_test.go roda
// só os fixos (0 sorteados) para provar que eles, sozinhos, pegam cada erro.

// matrizAleatoria sorteia uma matriz l×c com entradas normais de desvio s.
func matrizAleatoria(r *rand.Rand, l, c int, s float64) [][]float64 {
	m := make([][]float64, l)
	for i := range m {
		m[i] = make([]float64, c)
		for j := range m[i] {
			m[i][j] = r.NormFloat64() * s
		}
	}
	return m
}

// VerificaAtencaoProdutoEscalar confere o AtencaoProdutoEscalar do aluno
// (exercício 05-atencao).
func VerificaAtencaoProdutoEscalar(aluno func(Atencao) [][]float64) exercicios.Resultado {
	return verificaAtencaoProdutoEscalar(aluno, 12)
}

// CasosAtencao são os casos fixos de 05-atencao. Nenhuma matriz é simétrica e
// os valores não se repetem: trocar um eixo ou uma matriz sempre muda a
// resposta.
var CasosAtencao = []Atencao{
	// 3 consultas, 4 chaves, d = 2 e dv = 3: sem a escala, com d no lugar
	// de √d, com √dv no lugar de √d, a softmax sobre as consultas (as
	// colunas) em vez de sobre as chaves, a escala depois da softmax, sem a
	// softmax, e os pesos aplicados a K (n×d, não n×dv) ou a Q (n ≠ m)
	// erram aqui.
	{
		Q: [][]float64{{1, -0.5}, {0.3, 2}, {-1.2, 0.8}},
		K: [][]float64{{0.5, 1}, {-1, 0.2}, {2, -0.7}, {0.1, 0.4}},
		V: [][]float64{{1, 0, -1}, {0.5, 2, 0}, {-0.3, 1.5, 2.5}, {3, -1, 0.7}},
	},
	// K quadrada (m = d = 3) e não simétrica: Q·K sem transpor K tem a forma
	// certa (2×3) e os números errados.
	{
		Q: [][]float64{{0.9, -0.4, 1.3}, {-0.6, 1.1, 0.2}},
		K: [][]float64{{1, 2, -0.5}, {-1.5, 0.3, 0.8}, {0.4, -1, 1.7}},
		V: [][]float64{{2, -1}, {0, 1.5}, {-0.8, 0.6}},
	},
	// Tudo 2×2 (n = m = d = dv): os pesos aplicados a K ou a Q têm a forma
	// certa e os números errados.
	{
		Q: [][]float64{{1.5, -0.2}, {0.4, 0.9}},
		K: [][]float64{{0.7, 1.1}, {-1.3, 0.5}},
		V: [][]float64{{-2, 0.5}, {1, 3}},
	},
	// Uma consulta só: a softmax sobre as consultas dá peso 1 a todas as
	// chaves (a soma dos valores, não a média ponderada).
	{
		Q: [][]float64{{0.2, -1, 0.5, 1}},
		K: [][]float64{{1, 0, -1, 0.5}, {0.3, 0.3, 2, -1}, {-0.5, 1.2, 0, 0.8}},
		V: [][]float64{{1, 2}, {-1, 0.5}, {0.25, -3}},
	},
	// Escores de ±800 depois da escala (d = 4, √d = 2): e^800 estoura o
	// float64, e sem subtrair o maior de cada linha antes da exponencial a
	// primeira linha dá Inf/Inf = NaN; na segunda, todos os escores ficam
	// perto de −800, cada e^escore vira 0, e 0/0 = NaN. A resposta certa é
	// finita nas duas.
	{
		Q: [][]float64{{40, 0, 0, 0}, {-40, 0, 0, 0}},
		K: [][]float64{{40, 1, 0, 0}, {39.5, 0, 1, 0}, {39, 0, 0, 1}},
		V: [][]float64{{1, -1}, {2, 0.5}, {-3, 4}},
	},
}

func verificaAtencaoProdutoEscalar(aluno func(Atencao) [][]float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("05-atencao", aluno, AtencaoProdutoEscalar, CasosAtencao,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Atencao {
			n, m, d, dv := 1+r.IntN(5), 1+r.IntN(5), 1+r.IntN(6), 1+r.IntN(4)
			return Atencao{Q: matrizAleatoria(r, n, d, 1.5), K: matrizAleatoria(r, m, d, 1.5), V: matrizAleatoria(r, m, dv, 1)}
		}),
		exercicios.Tolerancia(1e-9),
		exercicios.Dica("cada consulta compara-se com todas as chaves (um escore por par), os escores de uma consulta viram "+
			"pesos que somam 1, e a resposta daquela consulta é a média dos valores com esses pesos. Confira a "+
			"forma de cada matriz no caminho: quantas linhas e quantas colunas tem cada uma?"),
		exercicios.OutraDica("o escore de um par é o produto escalar de uma linha de Q com uma linha de K (é isso que o Kᵀ "+
			"faz), dividido pela raiz do tamanho das consultas e das chaves, não do tamanho dos valores. A softmax "+
			"corre ao longo de uma linha da matriz de escores (uma consulta, todas as chaves), antes da média, e "+
			"precisa do cuidado da lição 00 com escores enormes. Os pesos multiplicam V."),
	)
}

// VerificaAtencaoCausal confere o AtencaoCausal do aluno (exercício
// 05-mascara).
func VerificaAtencaoCausal(aluno func(Atencao) [][]float64) exercicios.Resultado {
	return verificaAtencaoCausal(aluno, 12)
}

// CasosAtencaoCausal são os casos fixos de 05-mascara (sempre n = m: as
// consultas e as chaves são as mesmas posições).
var CasosAtencaoCausal = []Atencao{
	// 4 posições, d = 2 e dv = 3, escores todos diferentes: sem máscara, com a
	// diagonal mascarada (j < i: a posição 0 não vê nada, e a softmax de
	// uma linha toda −∞ dá NaN), fora por um (j ≤ i+1), transposta (j ≥ i),
	// com 0 no lugar de −∞ (0 ainda é um escore, e e⁰ = 1 é peso), com a
	// máscara depois da softmax sem renormalizar (as linhas não somam 1) e
	// sem a escala √d erram aqui.
	{
		Q: [][]float64{{1, -0.5}, {0.3, 2}, {-1.2, 0.8}, {0.6, 0.6}},
		K: [][]float64{{0.5, 1}, {-1, 0.2}, {2, -0.7}, {0.1, 0.4}},
		V: [][]float64{{1, 0, -1}, {0.5, 2, 0}, {-0.3, 1.5, 2.5}, {3, -1, 0.7}},
	},
	// Uma posição só: a resposta é a linha de V, e a diagonal mascarada dá
	// NaN.
	{
		Q: [][]float64{{0.3, -0.7}},
		K: [][]float64{{1.1, 0.4}},
		V: [][]float64{{2.5, -1}},
	},
	// Escores negativos no passado: com 0 no lugar de −∞, o futuro mascarado
	// (escore 0) pesa MAIS que o passado (escores < 0).
	{
		Q: [][]float64{{-1, 0.5}, {-1.5, -0.2}, {0.8, -1}},
		K: [][]float64{{1.2, -0.3}, {0.9, 0.7}, {-1.4, 0.2}},
		V: [][]float64{{1, 2}, {-2, 0.5}, {0.3, -1.2}},
	},
	// Escores de ±900 (d = 1) nas posições permitidas: sem subtrair o maior de
	// cada linha antes da exponencial, e^900 = +Inf (Inf/Inf = NaN) na
	// linha 0 e e^−900 = 0 (0/0 = NaN) na linha 1.
	{
		Q: [][]float64{{30}, {-30}, {30}},
		K: [][]float64{{30}, {29}, {-30}},
		V: [][]float64{{1, -1}, {2, 0.5}, {-3, 4}},
	},
	// O futuro com um escore enorme (1000) e o passado com escores pequenos:
	// quem subtrai o maior da linha INTEIRA, inclusive das posições
	// mascaradas, tira 1000 dos escores permitidos, e e^−1000 = 0 em todos
	// eles (0/0 = NaN). O maior tem de ser o das posições permitidas.
	{
		Q: [][]float64{{1}, {0.5}},
		K: [][]float64{{0.2}, {1000}},
		V: [][]float64{{1, 3}, {-2, 0.5}},
	},
}

func verificaAtencaoCausal(aluno func(Atencao) [][]float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("05-mascara", aluno, AtencaoCausal, CasosAtencaoCausal,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Atencao {
			n, d, dv := 1+r.IntN(6), 1+r.IntN(5), 1+r.IntN(4)
			return Atencao{Q: matrizAleatoria(r, n, d, 1.5), K: matrizAleatoria(r, n, d, 1.5), V: matrizAleatoria(r, n, dv, 1)}
		}),
		exercicios.Tolerancia(1e-9),
		exercicios.Dica("a posição i pode olhar para si mesma e para trás, nunca para a frente. Uma posição proibida não "+
			"pode receber peso nenhum, e os pesos das permitidas continuam somando 1. Pense na primeira posição: "+
			"quantas chaves ela vê, e qual tem de ser a resposta dela?"),
		exercicios.OutraDica("a máscara entra nos escores, antes da softmax, e o escore de uma posição proibida tem de virar "+
			"menos infinito: zero ainda é um escore, e a exponencial de zero é 1, um peso. Zerar os pesos depois "+
			"da softmax deixa linhas que não somam 1. E, ao subtrair o maior antes da exponencial, use o maior "+
			"entre as posições permitidas: um escore enorme no futuro não pode apagar o passado."),
	)
}

// VerificaCodificacaoSenoidal confere o CodificacaoSenoidal do aluno
// (exercício 05-posicional).
func VerificaCodificacaoSenoidal(aluno func(Posicional) [][]float64) exercicios.Resultado {
	return verificaCodificacaoSenoidal(aluno, 10)
}

// CasosPosicional são os casos fixos de 05-posicional.
var CasosPosicional = []Posicional{
	// Dimensão par e posições ≠ dimensão: seno e cosseno trocados, expoente
	// i/d em vez de 2i/d, o índice da coluna no expoente (2i+1 nos
	// cossenos), posições a partir de 1, base 1000, as metades (todos os
	// senos, depois todos os cossenos) em vez de intercalados, a divisão
	// inteira 2i/d (que dá 0) e a matriz transposta (dimensão × posições)
	// erram aqui.
	{Posicoes: 4, Dimensao: 6},
	// Dimensão ímpar: a última coluna é um seno sem o cosseno par dele.
	// Devolver d+1 colunas, pôr um cosseno na última, escrever além do fim
	// da linha (pânico) ou usar d−1 no expoente erram aqui.
	{Posicoes: 3, Dimensao: 5},
	// Uma posição só, a 0: [sen 0, cos 0, sen 0, cos 0] = [0, 1, 0, 1].
	// Começar da posição 1 e trocar seno e cosseno mudam tudo; as metades
	// dão [0, 0, 1, 1].
	{Posicoes: 1, Dimensao: 4},
	// Muitas posições e dimensões: nas frequências baixas (i perto de d/2),
	// a base 1000 e a base 10000 dão ângulos bem diferentes.
	{Posicoes: 50, Dimensao: 16},
	// Dimensão 1: uma coluna só, de senos.
	{Posicoes: 3, Dimensao: 1},
}

func verificaCodificacaoSenoidal(aluno func(Posicional) [][]float64, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("05-posicional", aluno, CodificacaoSenoidal, CasosPosicional,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Posicional {
			return Posicional{Posicoes: 1 + r.IntN(30), Dimensao: 1 + r.IntN(20)}
		}),
		exercicios.Tolerancia(1e-9),
		exercicios.Dica("cada par de colunas vizinhas é um relógio: um seno e um cosseno do mesmo ângulo, que cresce com a "+
			"posição. Os relógios das primeiras colunas giram depressa; os das últimas, devagar. Confira, no caso que "+
			"falhou, a linha da posição 0: o que ela deveria ter?"),
		exercicios.OutraDica("as posições começam em 0; o seno fica na coluna par, e o cosseno na ímpar logo depois dela; "+
			"as duas colunas de um par usam a mesma frequência, que depende do índice do par (não do índice da "+
			"coluna) e da dimensão inteira d. Cuidado com a divisão de inteiros em Go no expoente. Com d ímpar, "+
			"a última coluna fica sem o seu cosseno."),
	)
}

// VerificaParametrosDoBloco confere o ParametrosDoBloco do aluno
// (exercício 05-parametros).
func VerificaParametrosDoBloco(aluno func(Bloco) int) exercicios.Resultado {
	return verificaParametrosDoBloco(aluno, 8)
}

// CasosBloco são os casos fixos de 05-parametros. A camada oculta nem
// sempre tem 4·D (quem supõe 4·D erra), e o mesmo D aparece com 1, 3 e 4
// cabeças: a resposta não muda com o número de cabeças.
var CasosBloco = []Bloco{
	{Dimensao: 12, Cabecas: 1, Oculta: 20}, // sem vieses, sem normalizações, sem a projeção de saída, uma camada densa só
	{Dimensao: 12, Cabecas: 3, Oculta: 20}, // as cabeças multiplicam a conta; D/h por projeção sem juntar as cabeças
	{Dimensao: 12, Cabecas: 4, Oculta: 20},
	{Dimensao: 64, Cabecas: 8, Oculta: 256}, // o tamanho do exemplo da lição (Oculta = 4·D)
	{Dimensao: 6, Cabecas: 6, Oculta: 7},    // cabeças de tamanho 1
}

func verificaParametrosDoBloco(aluno func(Bloco) int, sorteados int) exercicios.Resultado {
	return exercicios.Verifica("05-parametros", aluno, ParametrosDoBloco, CasosBloco,
		exercicios.Aleatorios(sorteados, func(r *rand.Rand) Bloco {
			h := 1 + r.IntN(8)
			return Bloco{Dimensao: h * (1 + r.IntN(16)), Cabecas: h, Oculta: 1 + r.IntN(512)}
		}),
		exercicios.Dica("conte por partes, na ordem em que o vetor de uma posição atravessa o bloco: o que cada parte "+
			"aprende, e de que tamanho. As somas residuais e a ativação não aprendem nada."),
		exercicios.OutraDica("são duas normalizações de camada (cada uma com um ganho e um deslocamento por característica), "+
			"quatro projeções na atenção (consulta, chave, valor e a de saída, cada uma com matriz e viés) e duas "+
			"camadas densas (cada uma com matriz e viés). As cabeças repartem a dimensão entre si: juntas, as "+
			"cabeças de uma projeção ocupam a mesma matriz D × D, e o número de cabeças não muda a conta."),
	)
}
