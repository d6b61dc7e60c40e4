package rnn

import (
	"slices"

	"github.com/gomlx/gomlx/core/graph"
)

// O gradiente dos pesos de uma célula desenrolada no tempo.
//
// A célula usa os mesmos W, U e b em todos os T passos, e o gradiente de
// cada peso é a soma das contribuições dos passos: para W,
// Σₜ xₜᵀ·dzₜ, em que dzₜ é o gradiente da pré-ativação zₜ = xₜ·W + hₜ₋₁·U + b.
// O GoMLX, ao derivar o grafo desenrolado, monta essa soma como ela está
// escrita: T produtos de matrizes pequenos e T − 1 somas, para cada peso.
// A mesma conta cabe num produto só: empilhando os xₜ numa matriz X
// [T·lote, entrada] e os dzₜ numa DZ [T·lote, k·oculta], Σₜ xₜᵀ·dzₜ = Xᵀ·DZ.
// É o que o PyTorch faz na sua LSTM (e o cuDNN): os gradientes dos pesos
// saem depois do laço, de uma vez.
//
// Como pedir isso ao GoMLX, que só deixa trocar o gradiente de um nó
// identidade (graph.IdentityWithCustomGradient):
//
//  1. Nos passos t ≥ 1, a célula usa os pesos através de graph.StopGradient:
//     o gradiente continua a voltar para as entradas e para o estado, mas
//     não é somado nos pesos.
//  2. Cada pré-ativação zₜ passa por uma identidade que anota o gradiente
//     dzₜ que chega a ela (sem mudá-lo).
//  3. No passo 0, a célula usa os pesos através de identidades cujo
//     gradiente é o total, Xᵀ·DZ (e Hᵀ·DZ para U, Σ DZ para b), montado
//     com as anotações, e não a contribuição só do passo 0.
//
// O passo 3 vale porque o GoMLX calcula os gradientes na ordem inversa da
// criação dos nós: as identidades do passo 0 são criadas antes de todas as
// pré-ativações, e o gradiente delas é calculado depois de todas as
// anotações. Um teste compara este gradiente com o de diferenças finitas e
// com o da soma passo a passo (GradienteDosPesosNoTempo desligado).
//
// Medido com scripts/bench.sh (o "antes" é a variante "pesos-passo-a-passo";
// os números estão em DESEMPENHO.md): no XLA, a GRU de 128 ganha ~15% por
// passo e a LSTM fica igual; no Go puro, que executa cada operação em
// separado, a GRU da lição ganha ~30%; a compilação encurta ~0,1 s.

// GradienteDosPesosNoTempo liga o cálculo descrito acima (padrão: ligado).
// Desligue só para medir a diferença, antes de montar qualquer grafo.
var GradienteDosPesosNoTempo = true

// pesosNoTempo guarda, para uma célula desenrolada em T passos, o que cada
// passo anotou: a entrada xₜ, o que multiplica U em cada parte da
// pré-ativação (aₜ) e o gradiente que chegou à pré-ativação (dzₜ).
//
// Uma "parte" é um pedaço das colunas de U com a sua própria pré-ativação: a
// LSTM e a RNN simples têm uma (z = x·W + h·U + b, todas as colunas); a GRU
// tem duas (as portas z e r, com h·U_zr, e o candidato, com (r ⊙ h)·U_h).
type pesosNoTempo struct {
	tempo int
	x     []*graph.Node   // x[t]
	a, dz [][]*graph.Node // a[parte][t], dz[parte][t]

	// total é o gradiente de W (Xᵀ·DZ), de U e de b, montado uma vez por
	// graph.Gradient; deDZ diz de quais anotações ele foi montado.
	total []*graph.Node
	deDZ  []*graph.Node
}

// novoPesosNoTempo prepara as anotações de uma célula de `partes` partes
// desenrolada em `tempo` passos e devolve os pesos que o passo 0 usa (as
// identidades com o gradiente total) e os que os outros passos usam (sem
// gradiente).
func novoPesosNoTempo(p Pesos, tempo, partes int) (pt *pesosNoTempo, passo0, outros Pesos) {
	pt = &pesosNoTempo{tempo: tempo, x: make([]*graph.Node, tempo)}
	pt.a, pt.dz = make([][]*graph.Node, partes), make([][]*graph.Node, partes)
	for j := range partes {
		pt.a[j], pt.dz[j] = make([]*graph.Node, tempo), make([]*graph.Node, tempo)
	}
	passo0, outros = p, p
	for i, v := range []*graph.Node{p.W, p.U, p.B} {
		fantasma := graph.IdentityWithCustomGradient(v, func(_, _ *graph.Node) *graph.Node {
			return pt.gradiente()[i]
		})
		parado := graph.StopGradient(v)
		switch i {
		case 0:
			passo0.W, outros.W = fantasma, parado
		case 1:
			passo0.U, outros.U = fantasma, parado
		case 2:
			passo0.B, outros.B = fantasma, parado
		}
	}
	return pt, passo0, outros
}

// partes devolve quantas partes a pré-ativação do tipo tem (veja pesosNoTempo).
func partes(t Tipo) int {
	if t == GRU {
		return 2
	}
	return 1
}

// anota registra a parte j da pré-ativação z do passo t, em que a é o que
// multiplicou U, e devolve z por uma identidade que anota o seu gradiente.
func (pt *pesosNoTempo) anota(t, j int, a, z *graph.Node) *graph.Node {
	pt.a[j][t] = a
	return graph.IdentityWithCustomGradient(z, func(_, v *graph.Node) *graph.Node {
		pt.dz[j][t] = v
		return v
	})
}

// gradiente monta [∂W, ∂U, ∂b] com as anotações: ∂W = Xᵀ·DZ, em que DZ
// junta as partes lado a lado; ∂U junta Aⱼᵀ·DZⱼ de cada parte lado a lado;
// ∂b = Σ DZ nas linhas. Onde nenhum gradiente chegou (um passo cuja saída
// não influi na perda), dzₜ é zero.
func (pt *pesosNoTempo) gradiente() []*graph.Node {
	anotados := slices.Concat(pt.dz...)
	if pt.total != nil && slices.Equal(pt.deDZ, anotados) {
		return pt.total // já montado neste graph.Gradient, para outro peso
	}
	empilha := func(nos []*graph.Node, forma *graph.Node) *graph.Node {
		cheios := make([]*graph.Node, len(nos))
		for t, n := range nos {
			if n == nil {
				n = graph.ZerosLike(forma)
			}
			cheios[t] = n
		}
		return graph.Concatenate(cheios, 0) // [T·lote, …]
	}
	x := empilha(pt.x, pt.x[0])
	var dzs, du []*graph.Node
	for j := range pt.dz {
		a := empilha(pt.a[j], pt.a[j][0])
		dz := empilha(pt.dz[j], pt.dzForma(j))
		dzs = append(dzs, dz)
		du = append(du, graph.Dot(graph.Transpose(a, 0, 1), dz).Product())
	}
	dz := graph.Concatenate(dzs, -1)
	dw := graph.Dot(graph.Transpose(x, 0, 1), dz).Product()
	pt.total = []*graph.Node{dw, graph.Concatenate(du, -1), graph.ReduceSum(dz, 0)}
	pt.deDZ = anotados
	return pt.total
}

// dzForma devolve um nó com a forma de dz da parte j (o primeiro que chegou).
func (pt *pesosNoTempo) dzForma(j int) *graph.Node {
	for _, v := range pt.dz[j] {
		if v != nil {
			return v
		}
	}
	panic("rnn: nenhum gradiente chegou às pré-ativações da célula")
}
