package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/train"
	"github.com/gomlx/gomlx/ml/train/loss"
	"github.com/gomlx/gomlx/ml/train/optimizer"

	"github.com/go-estudos/representacoes/pkg/atencao"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/rnn"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Os dois Transformers da lição 05 (pkg/atencao), com os tamanhos da lição:
//
//   - transformer-recordacao: a recordação associativa com T = 100 posições e
//     N = 32 pares (o maior N da lição), entrada one-hot [64, 100, 65], e o
//     Transformer de um bloco (D = 64, 4 cabeças, camada densa de 128) que
//     classifica pela última posição (8 valores);
//   - transformer-palavras: o modelo de linguagem causal de dois blocos (D =
//     64, 4 cabeças, camada densa de 4·D = 256, posições aprendidas) sobre
//     sequências de 15 símbolos de um vocabulário de 40, lote de 128, com a
//     perda por posição de rnn.PerdaPorPasso (−1 nas posições que não contam).
//
// As palavras aqui são sorteadas (cada uma com 3 a 14 letras e −1 depois do
// fim): o tempo de um passo não depende de quais letras são. Os dois lados
// leem os mesmos exemplos (gravados por -exporta).
var (
	tarefaRecordacao      = atencao.Recordacao{Comprimento: 100, Pares: 32}
	transformerRecordacao = atencao.Transformer{Dimensao: 64, Cabecas: 4, Camadas: 1, Oculta: 128}
	transformerPalavras   = atencao.Transformer{Dimensao: 64, Cabecas: 4, Camadas: 2, Posicoes: atencao.Aprendidas, Causal: true}
)

const (
	nRecordacao, loteRecordacao               = 1024, 64
	nPalavras, lotePalavras, tPalavras, vocab = 2048, 128, 15, 40
)

// palavrasSorteadas devolve n sequências de tPalavras símbolos (como float32)
// e os alvos: o símbolo seguinte em cada posição, −1 depois do fim da palavra.
func palavrasSorteadas(n int, semente uint64) (x, alvos []float32) {
	r := rand.New(rand.NewPCG(semente, 5))
	x = make([]float32, n*tPalavras)
	alvos = make([]float32, n*tPalavras)
	for i := range n {
		comprimento := 3 + r.IntN(12) // 3 a 14 letras, mais o fim
		for t := range tPalavras {
			x[i*tPalavras+t] = float32(r.IntN(vocab))
			alvos[i*tPalavras+t] = -1
			if t <= comprimento {
				alvos[i*tPalavras+t] = float32(r.IntN(vocab))
			}
		}
	}
	return x, alvos
}

// exportaTransformer grava os exemplos dos dois Transformers para o PyTorch:
// recordacao-x.f32 [n, 100, 65] e recordacao-y.i32; palavras-x.f32 [n, 15] e
// palavras-y.f32 (os alvos, −1 onde não contam); transformer.json com as formas.
func exportaTransformer(pasta string) error {
	xr, yr := tarefaRecordacao.Exemplos(nRecordacao, 1)
	xp, yp := palavrasSorteadas(nPalavras, 1)
	for _, err := range []error{
		grava(filepath.Join(pasta, "recordacao-x.f32"), xr), grava(filepath.Join(pasta, "recordacao-y.i32"), yr),
		grava(filepath.Join(pasta, "palavras-x.f32"), xp), grava(filepath.Join(pasta, "palavras-y.f32"), yp),
	} {
		if err != nil {
			return err
		}
	}
	info, _ := json.Marshal(map[string]int{
		"recordacao_n": nRecordacao, "recordacao_tempo": tarefaRecordacao.Comprimento,
		"recordacao_caracteristicas": tarefaRecordacao.Caracteristicas(), "recordacao_classes": 8,
		"recordacao_lote": loteRecordacao,
		"palavras_n":      nPalavras, "palavras_tempo": tPalavras, "palavras_simbolos": vocab, "palavras_lote": lotePalavras,
	})
	return os.WriteFile(filepath.Join(pasta, "transformer.json"), info, 0o644)
}

// passoSupervisionado monta o passo de treino de um modelo (Adam 1e-3, como
// o PyTorch) e guarda o número de parâmetros depois do 1º passo.
func passoSupervisionado(modelo treino.ModeloFn, perda train.LossFn, lotes *dados.Lotes, semente uint64) func() {
	store := model.NewStore()
	if err := store.SetRNGStateFromSeed(int64(semente)); err != nil {
		panic(err)
	}
	t := train.NewTrainer(motor.Backend(), store, modelo, perda, optimizer.Adam().LearningRate(1e-3).Done(), nil, nil)
	lotes = lotes.Embaralhados(semente).Infinitos()
	primeiro := true
	return func() {
		spec, x, y, err := lotes.Yield()
		if err == nil {
			_, err = t.TrainStep(train.Batch{Spec: spec, Inputs: x, Labels: y})
		}
		if err != nil {
			panic(err)
		}
		if primeiro {
			primeiro = false
			parametros = treino.NumParametros(store)
		}
	}
}

func passoRecordacao(semente uint64) (int, string, func()) {
	r := tarefaRecordacao
	// O bloco inteiro (todas as posições perguntam), como a camada do PyTorch;
	// o Classificador da lição calcula só a consulta da última posição no
	// último bloco (a mesma saída, com T vezes menos contas).
	modelo := func(scope *model.Scope, _ any, entradas []*graph.Node) []*graph.Node {
		h, _ := transformerRecordacao.Aplica(scope.In("transformer"), entradas[0], 0, false)
		return []*graph.Node{layers.Dense(scope.In("saida"), graph.Squeeze(atencao.Ultima(h), 1), true, 8)}
	}
	tarefa := fmt.Sprintf("recordação associativa, T = %d, N = %d pares, entrada one-hot [%d, %d, %d]; %s, camada densa de %d; classifica pela última posição (o bloco inteiro, como o do PyTorch; a lição calcula só a consulta da última posição no último bloco)",
		r.Comprimento, r.Pares, loteRecordacao, r.Comprimento, r.Caracteristicas(), transformerRecordacao, transformerRecordacao.Oculta)
	return loteRecordacao, tarefa, passoSupervisionado(modelo, loss.SparseCategoricalCrossEntropyLogits,
		r.Lotes(nRecordacao, loteRecordacao, 1).SoCompletos(), semente)
}

func passoPalavras(semente uint64) (int, string, func()) {
	x, y := palavrasSorteadas(nPalavras, 1)
	lotes := dados.NovosLotes("palavras", x, []int{tPalavras}, nil, lotePalavras).ComAlvos(y, []int{tPalavras}).SoCompletos()
	tarefa := fmt.Sprintf("modelo de linguagem causal, %d posições, vocabulário de %d símbolos; %s, camada densa de %d; perda por posição",
		tPalavras, vocab, transformerPalavras, 4*transformerPalavras.Dimensao)
	return lotePalavras, tarefa, passoSupervisionado(transformerPalavras.PorPosicao(vocab, vocab), rnn.PerdaPorPasso, lotes, semente)
}
