package motor

import (
	"fmt"
	"reflect"
	"runtime"

	"github.com/gomlx/gomlx/core/graph"
)

// O XLA funde operações e tem convoluções rápidas; o motor Go puro executa
// uma operação de cada vez, e só o produto de matrizes dele é rápido. Uma
// peça de um modelo (uma camada, um bloco) pode então valer a pena montada
// de outro jeito no Go puro, com a mesma conta. Em vez de o código do modelo
// perguntar pelo motor a cada passo, o pacote do modelo registra a versão do
// Go puro (ReescreveNoGoPuro, num init, fora do código que a lição mostra) e
// o modelo chama a peça por Peca: o modelo diz o que ele é; esta costura diz
// como cada motor o roda. É o mesmo papel do gradiente que o pacote registra
// no lugar do do GoMLX (gradiente.go), um andar acima: lá o nó do grafo,
// aqui a peça do modelo.

// noGoPuro guarda as versões do Go puro, pela função comum que elas trocam.
var noGoPuro = map[uintptr]any{}

// ReescreveNoGoPuro registra goPuro como o jeito de montar a peça comum
// quando o grafo roda no motor Go puro. As duas funções têm a mesma
// assinatura e devem dar a mesma conta (os testes do pacote do modelo
// comparam valores e gradientes). Chame num init do pacote do modelo.
func ReescreveNoGoPuro[F any](comum, goPuro F) {
	noGoPuro[chaveDaPeca(comum)] = goPuro
}

// Peca devolve a versão da peça comum para o motor do grafo g: a registrada
// por ReescreveNoGoPuro, se g roda no Go puro; senão a própria comum.
func Peca[F any](g *graph.Graph, comum F) F {
	if !GoPuro(g) {
		return comum
	}
	if f, ok := noGoPuro[chaveDaPeca(comum)]; ok {
		return f.(F)
	}
	return comum
}

// chaveDaPeca identifica uma função declarada (não uma função anônima: todas
// as cópias de uma função anônima teriam a mesma chave) pelo endereço do seu
// código.
func chaveDaPeca(f any) uintptr {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Func || v.IsNil() {
		panic(fmt.Sprintf("motor: a peça tem de ser uma função, não %T", f))
	}
	p := v.Pointer()
	if fn := runtime.FuncForPC(p); fn == nil {
		panic("motor: não achei a função da peça")
	}
	return p
}
