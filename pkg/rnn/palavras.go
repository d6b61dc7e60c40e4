package rnn

import (
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// PalavrasDaLicao devolve as palavras de treino e de validação das lições 02
// e 05 (as palavras do português de 3 a 14 letras, só minúsculas,
// embaralhadas com semente fixa; 5.000 para a validação), o alfabeto e o
// número de passos de tempo (a maior palavra + 1). No modo rápido, 20.000
// de treino e 1.000 de validação.
func PalavrasDaLicao() (treinamento, validacao []string, alfabeto *Alfabeto, passos int) {
	todas, err := dados.Palavras()
	if err != nil {
		panic(err)
	}
	palavras := dados.ApenasMinusculas(todas, dados.LetrasDoPortugues, 3, 14)
	r := rand.New(rand.NewPCG(2, 2))
	r.Shuffle(len(palavras), func(i, j int) { palavras[i], palavras[j] = palavras[j], palavras[i] })
	validacao, treinamento = palavras[:5000], palavras[5000:]
	if curso.Rapido() {
		validacao, treinamento = validacao[:1000], treinamento[:20000]
	}
	return treinamento, validacao, NovoAlfabeto(palavras), 15
}

// CamadaPalavras é o modelo de linguagem das palavras na lição 02: uma LSTM
// de duas camadas de 128 (no modo rápido, uma de 48).
var CamadaPalavras = curso.Escolhe(Camada{Tipo: LSTM, Oculta: 128, Camadas: 2}, Camada{Tipo: LSTM, Oculta: 48})

// ConfigPalavras devolve o treino de um modelo de linguagem sobre as
// PalavrasDaLicao: lotes de 128 palavras embaralhadas, a perda por letra
// (PerdaPorPasso) e a validação inteira a cada avaliação. nome identifica o
// checkpoint.
func ConfigPalavras(nome string, modelo treino.ModeloFn, passos int, taxa float64) treino.Config {
	treinamento, validacao, alfabeto, t := PalavrasDaLicao()
	x, y := alfabeto.Codifica(treinamento, t)
	xv, yv := alfabeto.Codifica(validacao, t)
	return treino.Config{
		Nome:       nome,
		Modelo:     modelo,
		Treino:     dados.NovosLotes("palavras", x, []int{t}, nil, 128).ComAlvos(y, []int{t}).SoCompletos().Embaralhados(3),
		Validacao:  dados.NovosLotes("palavras-val", xv, []int{t}, nil, 1000).ComAlvos(yv, []int{t}),
		Perda:      PerdaPorPasso,
		Regressao:  true,
		Passos:     passos,
		TaxaAprend: taxa,
	}
}

// TreinoDaLSTMDePalavras é o treino do modelo de palavras da lição 02 (a
// lição 05 o reaproveita como termo de comparação).
func TreinoDaLSTMDePalavras() treino.Config {
	_, _, alfabeto, _ := PalavrasDaLicao()
	return ConfigPalavras("02-palavras-"+CamadaPalavras.Assinatura(),
		ModeloDeLinguagem(CamadaPalavras, alfabeto.Tamanho()), curso.Escolhe(4000, 200), 3e-3)
}
