package motor

import (
	"reflect"
	"slices"

	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
)

// O gradiente de um produto é, ele mesmo, um produto: dL/dA = V·Bᵀ e
// dL/dB = Aᵀ·V para C = A·B. Registramos essa versão — que funciona para
// qualquer DotGeneral, com eixos de lote e vários eixos contraídos — no
// lugar da original, para todos os motores. Por que ela ainda existe na
// v0.28 (o GoMLX v0.26 multiplicava elemento a elemento e somava, ~20 vezes
// mais lento) e como conferir de novo: veja a documentação do pacote.
// TestGradienteDotGeneralConfere compara as duas versões com diferenças
// finitas em vários formatos.

// As versões da biblioteca (usadas nos testes, para comparar).
var (
	vjpDotGeneralOriginal = graph.VJPRegistration[graph.NodeTypeDotGeneral]
)

func init() {
	graph.VJPRegistration[graph.NodeTypeDotGeneral] = vjpDotGeneral
}

// eixosDot lê os eixos de um nó DotGeneral. O GoMLX não os expõe; lemos o
// campo não exportado com reflect (só leitura).
func eixosDot(no *graph.Node) (lhsContr, lhsLote, rhsContr, rhsLote []int) {
	entradas := reflect.ValueOf(no).Elem().FieldByName("inputs").Elem().Elem()
	le := func(campo string) []int {
		f := entradas.FieldByName(campo)
		eixos := make([]int, f.Len())
		for i := range eixos {
			eixos[i] = int(f.Index(i).Int())
		}
		return eixos
	}
	return le("lhsContractingAxes"), le("lhsBatchAxes"), le("rhsContractingAxes"), le("rhsBatchAxes")
}

// livres devolve os eixos de um operando que não são contraídos nem de lote,
// em ordem crescente (a ordem em que aparecem na saída do DotGeneral).
func livres(rank int, contr, lote []int) []int {
	var r []int
	for a := range rank {
		if !slices.Contains(contr, a) && !slices.Contains(lote, a) {
			r = append(r, a)
		}
	}
	return r
}

func vjpDotGeneral(no *graph.Node, vs []*graph.Node, _ shapes.Shape) []*graph.Node {
	v := vs[0]
	lhs, rhs := no.Inputs()[0], no.Inputs()[1]
	lhsContr, lhsLote, rhsContr, rhsLote := eixosDot(no)
	lhsLivres := livres(lhs.Rank(), lhsContr, lhsLote)
	rhsLivres := livres(rhs.Rank(), rhsContr, rhsLote)
	nLote := len(lhsLote)

	// Eixos de v (a saída): [lote..., livres do lhs..., livres do rhs...].
	vLote := seq(0, nLote)
	vLhs := seq(nLote, nLote+len(lhsLivres))
	vRhs := seq(nLote+len(lhsLivres), nLote+len(lhsLivres)+len(rhsLivres))

	gradLhs := graph.DotGeneral(v, vRhs, vLote, rhs, rhsLivres, rhsLote)
	gradLhs = reordena(gradLhs, lhs.Rank(), lhsLote, lhsLivres, lhsContr, rhsContr)
	gradRhs := graph.DotGeneral(v, vLhs, vLote, lhs, lhsLivres, lhsLote)
	gradRhs = reordena(gradRhs, rhs.Rank(), rhsLote, rhsLivres, rhsContr, lhsContr)
	if gradLhs.DType() != lhs.DType() {
		gradLhs = graph.ConvertDType(gradLhs, lhs.DType())
	}
	if gradRhs.DType() != rhs.DType() {
		gradRhs = graph.ConvertDType(gradRhs, rhs.DType())
	}
	return []*graph.Node{gradLhs, gradRhs}
}

// reordena leva g, com eixos [lote..., livres deste operando..., contraídos
// (na ordem crescente dos eixos do outro operando)...], à ordem dos eixos do
// operando.
func reordena(g *graph.Node, rank int, lote, livres, contr, contrOutro []int) *graph.Node {
	ordenados := slices.Clone(contrOutro)
	slices.Sort(ordenados)
	perm := make([]int, rank)
	for i, a := range lote {
		perm[a] = i
	}
	for j, a := range livres {
		perm[a] = len(lote) + j
	}
	for k, a := range contr {
		perm[a] = len(lote) + len(livres) + slices.Index(ordenados, contrOutro[k])
	}
	identidade := true
	for i, p := range perm {
		identidade = identidade && i == p
	}
	if identidade {
		return g
	}
	return graph.TransposeAllAxes(g, perm...)
}

func seq(de, ate int) []int {
	r := make([]int, 0, ate-de)
	for i := de; i < ate; i++ {
		r = append(r, i)
	}
	return r
}

// UsaGradientesDaBiblioteca põe de volta os gradientes de Dot e DotGeneral do
// próprio GoMLX, no lugar dos registrados por este pacote. Serve só para
// medir a diferença (scripts/bench.sh mostra o "antes" e o "depois"); chame
// antes de montar qualquer grafo.
func UsaGradientesDaBiblioteca() {
	graph.VJPRegistration[graph.NodeTypeDotGeneral] = vjpDotGeneralOriginal
}
