package rnn

import (
	"github.com/gomlx/gomlx/core/graph"
)

// O gradiente dos pesos de uma célula desenrolada num produto só, depois do
// laço. Quem o usa é [Camada.Aplica]; [Passo], que aplica um passo só, não
// muda. O bench o desliga (chaves.GradienteDosPesosNoTempo, variante
// "pesos-passo-a-passo"; os números estão em DESEMPENHO.md); desligá-lo é
// também o jeito de derivar duas vezes (veja abaixo).
//
// # O que muda
//
// A célula usa os mesmos W, U e b em todos os T passos, e o gradiente de
// cada peso é a soma das contribuições dos passos: para W, Σₜ xₜᵀ·dzₜ, em que
// dzₜ é o gradiente da pré-ativação zₜ = xₜ·W + hₜ₋₁·U + b. O GoMLX, ao
// derivar o grafo desenrolado, monta essa soma como ela está escrita: para
// W e U, T produtos de matrizes pequenos e T − 1 somas; para b, T reduções e
// T − 1 somas. A mesma conta cabe num produto só: empilhando os xₜ numa
// matriz X [T·lote, entrada] e os dzₜ numa DZ [T·lote, k·oculta],
// Σₜ xₜᵀ·dzₜ = Xᵀ·DZ; da mesma forma, o de U é Hᵀ·DZ (na GRU, por partes:
// veja pesosNoTempo) e o de b, a soma das linhas de DZ. É o que fazem as
// bibliotecas de RNN feitas para velocidade (o cuDNN, por exemplo): os
// gradientes dos pesos saem depois do laço, de uma vez. A conta é a mesma,
// em outra ordem de somas.
//
// # Como
//
// O GoMLX só deixa trocar o gradiente de um nó identidade
// (graph.IdentityWithCustomGradient). Com isso:
//
//  1. Nos passos t ≥ 1, a célula usa os pesos através de graph.StopGradient:
//     o gradiente continua a voltar para as entradas e para o estado, mas
//     não chega aos pesos por ali.
//  2. Cada pré-ativação zₜ passa por uma identidade que anota o gradiente
//     dzₜ que chega a ela (sem mudá-lo). As anotações vivem só enquanto o
//     graph.Gradient monta o grafo da volta.
//  3. No passo 0, a célula usa os pesos através de identidades cujo
//     gradiente é o total montado com as anotações, e não a contribuição só
//     do passo 0 (que o GoMLX ainda monta, mas nada usa: o compilador a
//     descarta). É o único caminho do gradiente até os pesos.
//
// O passo 3 depende de um detalhe do GoMLX v0.28.2 (core/graph/rev_autodiff.go,
// função Gradient): a volta visita os nós na ordem inversa da criação. As
// identidades do passo 0 são criadas antes de todas as pré-ativações, e o
// gradiente delas é pedido depois de todas as anotações. Se uma versão nova
// do GoMLX mudar isso, os testes do pacote (contra diferenças finitas e
// contra a soma passo a passo, com este cálculo desligado) falham.
//
// Derivar duas vezes (o gradiente do gradiente) não funciona com o cálculo
// ligado: nos passos t ≥ 1, o gradiente em relação ao estado usa os pesos
// através do StopGradient, e a segunda derivada não os enxerga. O curso não
// deriva duas vezes.

// pesosNoTempo guarda, para uma célula desenrolada em T passos, o que cada
// passo anotou: a entrada xₜ, o que multiplica U em cada parte da
// pré-ativação (aₜ) e o gradiente que chegou à pré-ativação (dzₜ).
//
// Uma "parte" é um pedaço das colunas de U com a sua própria pré-ativação: a
// LSTM e a RNN simples têm uma (z = x·W + h·U + b, todas as colunas); a GRU
// tem duas (as portas z e r, com h·U_zr, e o candidato, com (r ⊙ h)·U_h). As
// partes ficam lado a lado nas colunas de W, U e b, na ordem de Tipo.Blocos.
type pesosNoTempo struct {
	tempo int
	x     []*graph.Node   // x[t]
	a, dz [][]*graph.Node // a[parte][t], dz[parte][t]

	// Cada graph.Gradient visita as anotações em ordem decrescente de Id;
	// um Id que não desce quer dizer que começou outra chamada, e as
	// anotações da anterior são apagadas (rodada conta as chamadas).
	ultimoID graph.NodeId
	rodada   int

	// total é o gradiente de W, de U e de b, montado uma vez por rodada.
	total       []*graph.Node
	rodadaTotal int
}

// partes devolve quantas partes a pré-ativação do tipo tem (veja pesosNoTempo).
func partes(t Tipo) int {
	if t == GRU {
		return 2
	}
	return 1
}

// novoPesosNoTempo prepara as anotações de uma célula de `partes` partes
// desenrolada em `tempo` passos e devolve os pesos que o passo 0 usa (as
// identidades com o gradiente total) e os que os outros passos usam (sem
// gradiente).
func novoPesosNoTempo(p Pesos, tempo, partes int) (pt *pesosNoTempo, passo0, outros Pesos) {
	pt = &pesosNoTempo{tempo: tempo, x: make([]*graph.Node, tempo), ultimoID: -1}
	pt.a, pt.dz = make([][]*graph.Node, partes), make([][]*graph.Node, partes)
	for j := range partes {
		pt.a[j], pt.dz[j] = make([]*graph.Node, tempo), make([]*graph.Node, tempo)
	}
	// duas devolve o peso v do jeito do passo 0 (uma identidade cujo
	// gradiente é o i-ésimo de pt.gradiente) e do jeito dos outros passos.
	duas := func(i int, v *graph.Node) (fantasma, parado *graph.Node) {
		fantasma = graph.IdentityWithCustomGradient(v, func(_, _ *graph.Node) *graph.Node {
			return pt.gradiente()[i]
		})
		return fantasma, graph.StopGradient(v)
	}
	passo0, outros = p, p
	passo0.W, outros.W = duas(0, p.W)
	passo0.U, outros.U = duas(1, p.U)
	passo0.B, outros.B = duas(2, p.B)
	return pt, passo0, outros
}

// anota registra a parte j da pré-ativação z do passo t, em que a é o que
// multiplicou U, e devolve z por uma identidade que anota o seu gradiente.
func (pt *pesosNoTempo) anota(t, j int, a, z *graph.Node) *graph.Node {
	pt.a[j][t] = a
	var n *graph.Node
	n = graph.IdentityWithCustomGradient(z, func(_, v *graph.Node) *graph.Node {
		if n.Id() >= pt.ultimoID { // outra chamada de graph.Gradient: começa do zero
			for _, dz := range pt.dz {
				clear(dz)
			}
			pt.rodada++
		}
		pt.ultimoID = n.Id()
		pt.dz[j][t] = v
		return v
	})
	return n
}

// gradiente monta [∂W, ∂U, ∂b] com as anotações: ∂W = Xᵀ·DZ, em que DZ
// junta as partes lado a lado; ∂U junta Aⱼᵀ·DZⱼ de cada parte lado a lado;
// ∂b = Σ DZ nas linhas. Um dzₜ sem anotação (o gradiente não chegou àquele
// passo, p.ex. por um StopGradient depois dele) conta como zero.
func (pt *pesosNoTempo) gradiente() []*graph.Node {
	if pt.total != nil && pt.rodadaTotal == pt.rodada {
		return pt.total // já montado nesta chamada, para outro peso
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
	pt.rodadaTotal = pt.rodada
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
