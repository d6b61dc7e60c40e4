package rbm

import (
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/model"
)

// As funções deste arquivo constroem as fórmulas da RBM num grafo do GoMLX.
// Formas: v [n, V] (n exemplos), h [n, H], W [V, H], b [V], c [H]. Servem
// para qualquer tipo de número (float32 no treino, float64 no gabarito).

// linha transforma um vetor [k] em [1, k], para somar a cada linha de uma matriz.
func linha(x *graph.Node) *graph.Node { return graph.InsertAxes(x, 0) }

// ProbOcultas devolve p(hⱼ = 1 | v) = σ(cⱼ + Σᵢ vᵢ Wᵢⱼ) para cada exemplo: [n, H].
func ProbOcultas(v, w, c *graph.Node) *graph.Node {
	return graph.Sigmoid(graph.Add(graph.MatMul(v, w), linha(c)))
}

// ProbVisiveis devolve p(vᵢ = 1 | h) = σ(bᵢ + Σⱼ Wᵢⱼ hⱼ) para cada exemplo: [n, V].
func ProbVisiveis(h, w, b *graph.Node) *graph.Node {
	return graph.Sigmoid(graph.Add(graph.MatMul(h, graph.Transpose(w, 0, 1)), linha(b)))
}

// Energia devolve E(v, h) = −b·v − c·h − vᵀWh para cada par (linha de v,
// linha de h): [n].
func Energia(v, h, w, b, c *graph.Node) *graph.Node {
	vb := graph.ReduceSum(graph.Mul(v, linha(b)), -1)
	hc := graph.ReduceSum(graph.Mul(h, linha(c)), -1)
	vwh := graph.ReduceSum(graph.Mul(graph.MatMul(v, w), h), -1)
	return graph.Neg(graph.Add(graph.Add(vb, hc), vwh))
}

// EnergiaLivre devolve F(v) = −b·v − Σⱼ log(1 + e^{cⱼ + (vW)ⱼ}) para cada
// exemplo: [n]. É a energia de v com as ocultas "somadas fora":
// e^{−F(v)} = Σ_h e^{−E(v, h)}, então p(v) = e^{−F(v)}/Z.
func EnergiaLivre(v, w, b, c *graph.Node) *graph.Node {
	vb := graph.ReduceSum(graph.Mul(v, linha(b)), -1)
	termos := graph.ReduceSum(graph.Softplus(graph.Add(graph.MatMul(v, w), linha(c))), -1)
	return graph.Neg(graph.Add(vb, termos))
}

// Estatisticas devolve a estimativa do gradiente da log-verossimilhança
// usada pela divergência contrastiva: a diferença entre as correlações com
// os dados (fase positiva, v0) e com as amostras do modelo (fase negativa,
// vk), em média sobre o lote:
//
//	ΔW = (v0ᵀ p(h|v0) − vkᵀ p(h|vk)) / n,  Δb = média(v0 − vk),  Δc = média(p(h|v0) − p(h|vk)).
//
// Somar taxa·Δ aos parâmetros sobe a probabilidade dos dados e desce a das
// amostras do modelo. É também −∂/∂θ [média F(v0) − média F(vk)] com as
// amostras vk fixas; como vk depende de θ, a CD não é o gradiente de nenhuma
// função objetivo (Sutskever e Tieleman, 2010).
func Estatisticas(v0, vk, w, c *graph.Node) (dw, db, dc *graph.Node) {
	n := float64(v0.Shape().Dimensions[0])
	ph0, phk := ProbOcultas(v0, w, c), ProbOcultas(vk, w, c)
	positiva := graph.MatMul(graph.Transpose(v0, 0, 1), ph0)
	negativa := graph.MatMul(graph.Transpose(vk, 0, 1), phk)
	dw = graph.DivScalar(graph.Sub(positiva, negativa), n)
	db = graph.ReduceMean(graph.Sub(v0, vk), 0)
	dc = graph.ReduceMean(graph.Sub(ph0, phk), 0)
	return
}

// Amostra sorteia unidades binárias: 1 com probabilidade p, 0 senão, com o
// gerador de números aleatórios do model.Store (guardado numa variável do
// Store: o mesmo estado inicial dá as mesmas amostras).
func Amostra(scope *model.Scope, p *graph.Node) *graph.Node {
	return scope.RandomBernoulli(p, p.Shape())
}

// PassoGibbs faz um passo de amostragem de Gibbs em bloco: sorteia h ~ p(h|v)
// e depois v' ~ p(v|h). Devolve v' (binário) e p(v|h) (útil para desenhar).
func PassoGibbs(scope *model.Scope, v, w, b, c *graph.Node) (vNovo, pv *graph.Node) {
	h := Amostra(scope, ProbOcultas(v, w, c))
	pv = ProbVisiveis(h, w, b)
	return Amostra(scope, pv), pv
}

// passoCD monta o grafo de um passo de treino e devolve o erro de
// reconstrução do lote v0. A atualização dos parâmetros (com momento e
// decaimento dos pesos) é feita no próprio grafo, com SetNodeValue.
func (r *RBM) passoCD(scope *model.Scope, cfg *Config, v0, taxa, momento *graph.Node) *graph.Node {
	g := v0.Graph()
	w, b, c := r.parametros(g)
	escopo := r.Store.Scope("/" + r.Nome)

	// Fase positiva e reconstrução.
	h0 := Amostra(scope, ProbOcultas(v0, w, c))
	pv1 := ProbVisiveis(h0, w, b)
	erro := graph.ReduceAllMean(graph.Square(graph.Sub(v0, pv1)))

	// Fase negativa: k passos de Gibbs a partir dos dados (CD) ou das
	// cadeias persistentes (PCD).
	var vk *graph.Node
	var cadeia *model.Variable
	h := h0
	if cfg.Persistente {
		cadeia = escopo.GetVariable("cadeia")
		h = Amostra(scope, ProbOcultas(cadeia.NodeValue(g), w, c))
	}
	for i := range cfg.K {
		pv := pv1
		if cfg.Persistente || i > 0 {
			pv = ProbVisiveis(h, w, b)
		}
		vk = Amostra(scope, pv)
		if i < cfg.K-1 {
			h = Amostra(scope, ProbOcultas(vk, w, c))
		}
	}
	if cadeia != nil {
		cadeia.SetNodeValue(vk)
	}

	// Atualização: velocidade ← momento·velocidade + taxa·(Δ − decaimento·W); θ ← θ + velocidade.
	dw, db, dc := Estatisticas(v0, vk, w, c)
	dw = graph.Sub(dw, graph.MulScalar(w, cfg.Decaimento))
	for _, p := range []struct {
		v     *model.Variable
		delta *graph.Node
	}{{r.w, dw}, {r.b, db}, {r.c, dc}} {
		vel := escopo.GetVariable("vel_" + p.v.Name())
		novaVel := graph.Add(graph.Mul(momento, vel.NodeValue(g)), graph.Mul(taxa, p.delta))
		vel.SetNodeValue(novaVel)
		p.v.SetNodeValue(graph.Add(p.v.NodeValue(g), novaVel))
	}
	return erro
}
