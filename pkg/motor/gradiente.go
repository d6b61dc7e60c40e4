package motor

import (
	"reflect"
	"slices"

	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"

	"github.com/go-estudos/representacoes/internal/chaves"
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

// eixosDot lê os eixos de um nó DotGeneral. O GoMLX não os expõe; lemos os
// campos não exportados com reflect (só leitura; veja eixosDoNo).
func eixosDot(no *graph.Node) (lhsContr, lhsLote, rhsContr, rhsLote []int) {
	return eixosDoNo(no, "lhsContractingAxes"), eixosDoNo(no, "lhsBatchAxes"),
		eixosDoNo(no, "rhsContractingAxes"), eixosDoNo(no, "rhsBatchAxes")
}

// eixosDoNo lê o campo `campo` ([]int) das entradas de um nó do GoMLX, que
// não as exporta (reflect, só leitura): os eixos de um DotGeneral, de um
// ReduceMax.
func eixosDoNo(no *graph.Node, campo string) []int {
	f := reflect.ValueOf(no).Elem().FieldByName("inputs").Elem().Elem().FieldByName(campo)
	eixos := make([]int, f.Len())
	for i := range eixos {
		eixos[i] = int(f.Index(i).Int())
	}
	return eixos
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

func vjpDotGeneral(no *graph.Node, vs []*graph.Node, s shapes.Shape) []*graph.Node {
	if chaves.GradientesDaBiblioteca { // o "antes" do bench ("gradiente-original")
		return vjpDotGeneralOriginal(no, vs, s)
	}
	v := vs[0]
	lhs, rhs := no.Inputs()[0], no.Inputs()[1]
	lhsContr, lhsLote, rhsContr, rhsLote := eixosDot(no)
	if lhs.Rank() == 2 && rhs.Rank() == 2 && len(lhsLote) == 0 && paraOGoPuro(no) &&
		lhs.DType() == v.DType() && rhs.DType() == v.DType() {
		return vjpMatrizes(v, lhs, lhsContr[0], rhs, rhsContr[0])
	}
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

// vjpMatrizes é o gradiente de um produto de duas matrizes no motor Go puro,
// montado para que o motor não precise transpor nada grande.
//
// O produto de matrizes do motor Go puro só aceita o operando da esquerda com
// o eixo contraído por último ([m, k]); quando recebe outra coisa, transpõe
// os dois operandos (e a saída, se for preciso) antes de multiplicar, elemento
// a elemento. Na LeNet, o gradiente dos filtros de uma convolução como im2col
// é Lᵀ·V, com L = [lote·altura·largura, k·k·canais] (10 milhões de valores na
// 2ª camada) e V = [lote·altura·largura, filtros]: do jeito geral, o motor
// transpunha L inteira a cada passo, ~30% do passo de treino. Calculando
// (Vᵀ·L)ᵀ, só V (0,8 milhão de valores) e o resultado (pequeno) são
// transpostos. Esta função escolhe, para cada um dos dois gradientes, a
// ordem dos operandos que transpõe menos valores.
//
// A forma da conta: C = DotGeneral(A, [ca], B, [cb]), com A e B matrizes e v
// o gradiente que chega a C ([livre de A, livre de B]).
func vjpMatrizes(v, a *graph.Node, ca int, b *graph.Node, cb int) []*graph.Node {
	// dA = v·Bᵀ: contrai o eixo 1 de v com o eixo livre de B; dá [livre de A,
	// contraído de A], a forma de A se ca == 1 e a transposta se ca == 0.
	dA := produtoBarato(v, 1, b, 1-cb, ca == 0)
	// dB = Aᵀ·v: contrai o eixo livre de A com o eixo 0 de v; dá [contraído
	// de B, livre de B], a forma de B se cb == 0 e a transposta se cb == 1.
	dB := produtoBarato(a, 1-ca, v, 0, cb == 1)
	return []*graph.Node{dA, dB}
}

// produtoBarato calcula o produto das matrizes p e q contraindo o eixo pc de
// p com o eixo qc de q — [livre de p, livre de q], ou a transposta se
// transposta — do jeito que transpõe menos valores no motor Go puro: direto
// (p à esquerda) ou trocado ((q·p)ᵀ, q à esquerda). À esquerda, o eixo
// contraído tem de ser o último: se não for, transpomos esse operando antes
// (assim o motor não transpõe também o da direita, que pode ficar como
// está).
func produtoBarato(p *graph.Node, pc int, q *graph.Node, qc int, transposta bool) *graph.Node {
	custo := func(esq *graph.Node, ec int, saidaTransposta bool) int {
		c := 0
		if ec != 1 {
			c += esq.Shape().Size()
		}
		if saidaTransposta {
			c += p.Shape().Dimensions[1-pc] * q.Shape().Dimensions[1-qc]
		}
		return c
	}
	multiplica := func(esq *graph.Node, ec int, dir *graph.Node, dc int) *graph.Node {
		if ec != 1 {
			esq = graph.Transpose(esq, 0, 1)
		}
		return graph.DotGeneral(esq, []int{1}, nil, dir, []int{dc}, nil)
	}
	if custo(p, pc, transposta) <= custo(q, qc, !transposta) {
		r := multiplica(p, pc, q, qc) // [livre de p, livre de q]
		if transposta {
			r = graph.Transpose(r, 0, 1)
		}
		return r
	}
	r := multiplica(q, qc, p, pc) // [livre de q, livre de p]
	if !transposta {
		r = graph.Transpose(r, 0, 1)
	}
	return r
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
