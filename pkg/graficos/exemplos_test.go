package graficos_test

import (
	"fmt"
	"log"
	"math"
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/graficos"
)

// Os exemplos abaixo são documentação e teste ao mesmo tempo, como os do
// gonum/plot: cada um desenha um tipo de figura e a grava em testdata/, e
// TestExemplos (em referencias_test.go) compara o PNG, pixel a pixel, com a
// figura de referência testdata/NOME_referencia.png, que está no git.

// salva grava a figura em testdata/nome.png; fora dos testes, use
// fig.Mostra() no notebook ou fig.Salva("qualquer/caminho.png").
func salva(fig *graficos.Figura, nome string) {
	if err := fig.Salva("testdata/" + nome + ".png"); err != nil {
		log.Fatal(err)
	}
}

// Curvas de treino: a perda no treino e na validação a cada 50 passos.
func ExampleCurvas() {
	treino := graficos.Serie{Nome: "treino"}
	validacao := graficos.Serie{Nome: "validação"}
	for passo := 0.0; passo <= 2000; passo += 50 {
		treino.X = append(treino.X, passo)
		treino.Y = append(treino.Y, 2.3*math.Exp(-passo/300)+0.05+0.03*math.Sin(passo/37))
		validacao.X = append(validacao.X, passo)
		validacao.Y = append(validacao.Y, 2.3*math.Exp(-passo/320)+0.09)
	}
	fig := graficos.Curvas("Perda durante o treino", "passo de treino", "perda (entropia cruzada)", treino, validacao)
	salva(fig, "curvas")
}

// Pontos soltos: um anel de oito gaussianas (os dados reais) e as amostras
// de um gerador que ainda não acertou o anel. A legenda vai sozinha para o
// canto com menos pontos.
func ExamplePontos() {
	r := rand.New(rand.NewPCG(1, 2)) // semente fixa: a figura sai sempre igual
	reais := graficos.Serie{Nome: "reais"}
	gerados := graficos.Serie{Nome: "gerados pela GAN"}
	for i := range 400 {
		a := 2 * math.Pi * float64(i%8) / 8 // o centro da gaussiana i%8
		reais.X = append(reais.X, 2*math.Cos(a)+0.1*r.NormFloat64())
		reais.Y = append(reais.Y, 2*math.Sin(a)+0.1*r.NormFloat64())
		gerados.X = append(gerados.X, 1.8*math.Cos(a+0.2)+0.25*r.NormFloat64())
		gerados.Y = append(gerados.Y, 1.8*math.Sin(a+0.2)+0.25*r.NormFloat64())
	}
	salva(graficos.Pontos("Anel de gaussianas: reais × gerados", "x", "y", reais, gerados), "pontos")
}

// Barras: um valor por rótulo, escrito sobre a barra com vírgula decimal.
func ExampleBarras() {
	fig := graficos.Barras("Acurácia no teste do MNIST", "acurácia (%)",
		[]string{"perceptron", "MLP", "CNN"}, []float64{92.63, 98.12, 99.21})
	salva(fig, "barras")
}

// Barras negativas descem do zero, com o valor escrito embaixo.
func ExampleBarras_negativas() {
	fig := graficos.Barras("Variação da perda por época", "variação",
		[]string{"época 1", "época 2", "época 3", "época 4"}, []float64{-1.2, -0.35, 0.04, -0.011})
	salva(fig, "barras-negativas")
}

// Uma grade de imagens 28×28 (como os dígitos do MNIST), cinco por linha,
// cada uma com a sua legenda. Cada imagem é normalizada sozinha (o menor
// valor fica preto e o maior, branco) e os pixels saem nítidos.
func ExampleGradeImagens() {
	var imagens [][]float32
	var legendas []string
	for d := range 10 {
		im := make([]float32, 28*28)
		for y := range 28 {
			for x := range 28 {
				im[y*28+x] = float32(math.Sin(float64(x*(d+1))/20) * math.Cos(float64(y)/7))
			}
		}
		imagens = append(imagens, im)
		legendas = append(legendas, fmt.Sprintf("molde %d", d))
	}
	salva(graficos.GradeImagens("Pesos do perceptron: um molde por dígito", imagens, 28, 28, 5, legendas), "grade-imagens")
}

// Uma matriz de confusão: linhas são a classe verdadeira, colunas a
// prevista; quanto maior o valor, mais escuro o azul, e cada célula traz o
// seu número (o texto fica branco nas células escuras).
func ExampleMapaCalor() {
	confusao := make([][]float64, 10)
	classes := make([]string, 10)
	for i := range confusao {
		confusao[i] = make([]float64, 10)
		for j := range confusao[i] {
			confusao[i][j] = float64((i*7 + j*3) % 5)
		}
		confusao[i][i] = 960 + float64(i) // acertos na diagonal
		classes[i] = fmt.Sprint(i)
	}
	confusao[4][9], confusao[7][2] = 31, 17 // os erros mais comuns
	fig := graficos.MapaCalor("Matriz de confusão no teste", "previsto", "verdadeiro", confusao, classes, classes, true)
	salva(fig, "mapa-calor")
}

// Pontos sobre um campo: a saída D(x) de um discriminador em cada ponto do
// plano (escuro = "parece real") e, por cima, as amostras reais e geradas.
// A linha 0 de Valores fica embaixo, como num gráfico.
func ExamplePontosSobreCampo() {
	const n = 40
	campo := graficos.Campo{XMin: -3, XMax: 3, YMin: -3, YMax: 3, Min: 0, Max: 1, Nome: "D(x)"}
	for i := range n {
		y := -3 + 6*(float64(i)+0.5)/n
		linha := make([]float64, n)
		for j := range n {
			x := -3 + 6*(float64(j)+0.5)/n
			raio := math.Hypot(x, y)
			linha[j] = math.Exp(-2 * (raio - 2) * (raio - 2)) // alto perto do anel de raio 2
		}
		campo.Valores = append(campo.Valores, linha)
	}
	r := rand.New(rand.NewPCG(1, 2))
	reais := graficos.Serie{Nome: "reais"}
	gerados := graficos.Serie{Nome: "gerados (ainda no centro)"}
	for i := range 200 {
		a := 2 * math.Pi * float64(i%8) / 8
		reais.X = append(reais.X, 2*math.Cos(a)+0.1*r.NormFloat64())
		reais.Y = append(reais.Y, 2*math.Sin(a)+0.1*r.NormFloat64())
		gerados.X = append(gerados.X, 0.4*r.NormFloat64())
		gerados.Y = append(gerados.Y, 0.4*r.NormFloat64())
	}
	salva(graficos.PontosSobreCampo("O discriminador D(x) e as amostras", "x", "y", campo, reais, gerados), "pontos-sobre-campo")
}
