package cnn

import (
	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// TreinoLeNet é o treino da LeNet da lição 01: lotes de 128 do MNIST
// (dados.ConjuntosMNIST), validação a cada 100 passos (25 no modo rápido),
// 2.500 passos (250 no modo rápido), o checkpoint "01-lenet". A lição 04
// usa a mesma LeNet como juiz dos dígitos que a GAN gera: quem rodar uma das
// duas lições primeiro treina o modelo que a outra carrega.
func TreinoLeNet() treino.Config {
	treinamento, validacao, _ := dados.ConjuntosMNIST()
	return treino.Config{
		Nome:         "01-lenet",
		Modelo:       LeNet().Modelo(),
		Treino:       dados.LotesDeImagens(treinamento, 128).Embaralhados(1),
		Validacao:    dados.LotesDeImagens(validacao, 1000),
		Passos:       curso.Escolhe(2500, 250),
		AvaliarACada: curso.Escolhe(100, 25),
	}
}
