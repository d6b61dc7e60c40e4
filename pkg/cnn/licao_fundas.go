package cnn

import (
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// DesvioDeEpoca é o desvio-padrão dos pesos sorteados nas redes da seção 8
// da lição 01 que começam "como antes de 2015": uma normal de desvio fixo
// em todas as camadas (a AlexNet usou 0,01). Com 0,05, a rede rasa treina e
// a funda não sai do lugar — o que a seção mede.
const DesvioDeEpoca = 0.05

// PassosFundas é quantos passos cada rede da seção 8 da lição 01 treina,
// nos dois modos (o resultado depende do orçamento de passos, e a seção o
// compara entre as redes).
const PassosFundas = 120

// TreinoFunda é o treino de uma rede funda da seção 8 da lição 01: lotes de
// 32 do MNIST, Adam a 0,003 com decaimento cosseno, PassosFundas passos,
// validação em 1.000 imagens a cada 10 passos, o checkpoint "01-" +
// f.Nome(). Todas as redes da seção treinam assim: o mesmo orçamento de
// passos, para comparar.
func TreinoFunda(f Funda) treino.Config {
	treinamento, validacao, _ := dados.ConjuntosMNIST()
	return treino.Config{
		Nome:         "01-" + f.Nome(),
		Modelo:       f.Modelo(),
		Treino:       dados.LotesDeImagens(treinamento, 32).Embaralhados(1),
		Validacao:    dados.LotesDeImagens(validacao.Primeiras(1000), 1000),
		Passos:       PassosFundas,
		AvaliarACada: 10,
		TaxaAprend:   3e-3,
		SemGrafico:   true,
	}
}

// AumentoDaLicao é o aumento de dados da seção 8 da lição 01: 9 cópias de
// cada imagem, giradas de até 15° e deslocadas de até 2 pixels.
var AumentoDaLicao = Aumento{Copias: 9, Graus: 15, Deslocamento: 2, Semente: 1}

// ImagensPoucas é quantas imagens de treino o experimento do aumento de
// dados usa.
const ImagensPoucas = 1000

// TreinoPoucasImagens é o treino da LeNet da seção 8 da lição 01 com só as
// primeiras ImagensPoucas imagens de treino do MNIST, com o AumentoDaLicao
// (aumentadas) ou sem: lotes de 32, 300 passos nos dois modos e nos dois
// casos.
func TreinoPoucasImagens(aumentadas bool) treino.Config {
	treinamento, _, _ := dados.ConjuntosMNIST()
	im, nome := treinamento.Primeiras(ImagensPoucas), "01-lenet-1000"
	if aumentadas {
		im, nome = AumentoDaLicao.Aplica(im), nome+"-aumentadas"
	}
	return treino.Config{
		Nome:       nome,
		Modelo:     LeNet().Modelo(),
		Treino:     dados.LotesDeImagens(im, 32).Embaralhados(1),
		Passos:     300,
		SemGrafico: true,
	}
}
