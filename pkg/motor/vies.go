package motor

import (
	"github.com/gomlx/gomlx/core/graph"

	"github.com/go-estudos/representacoes/internal/chaves"
)

// ViesNasLinhas devolve o viés [k] pronto para somar a um tensor [n, k]: no
// motor Go puro, repetido em cada uma das n linhas, [n, k]; no XLA, [1, k],
// e a soma faz o broadcast.
//
// Por quê: somar [n, k] com [1, k] faz o motor Go puro (compute v0.1.3) andar
// índice a índice pelos dois tensores (o caminho com broadcast da soma); a
// cópia do viés mais uma soma de formas iguais sai mais barata. Usam esta
// função as convoluções da LeNet (cnn) e as células da LSTM e da GRU (rnn),
// que repetem o viés uma vez para os T passos de tempo: ~4% a menos no passo
// da LeNet e ~3% no da LSTM da lição no Go puro (medidas alternadas,
// scripts/bench.sh, variante "vies-com-broadcast"). A conta é a mesma.
//
// O viés é repetido por graph.BroadcastPrefix, que muda o posto ([k] → [n,
// k]) de propósito: um broadcast do mesmo posto que alimenta uma soma o motor
// desfaz (o passo ImplicitBroadcastFusion do compute prefere o broadcast
// dentro da soma), e a soma volta ao caminho lento. No XLA, que funde o
// broadcast com a soma, não precisa.
func ViesNasLinhas(vies *graph.Node, n int) *graph.Node {
	if chaves.ViesRepetidoNoLote && GoPuro(vies.Graph()) {
		return graph.BroadcastPrefix(vies, n)
	}
	return graph.InsertAxes(vies, 0)
}
