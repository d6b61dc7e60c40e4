package gabarito

import (
	"math"
	"slices"
	"testing"
)

// As respostas erradas plausíveis de cada exercício da lição 03 (as que um
// aluno escreve de verdade) têm de falhar na verificação; a solução do
// notebook e a referência têm de passar; o esboço entregue, falhar.

func sigmoide03(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// ---- 03-energia ----

// energiaCom03 é a energia com cada termo multiplicado por um sinal (0 = sem o termo).
func energiaCom03(sb, sc, sw float64) func(EstadoRBM) float64 {
	return func(e EstadoRBM) float64 {
		energia := 0.0
		for i, vi := range e.V {
			energia -= sb * e.RBM.B[i] * vi
			for j, hj := range e.H {
				energia -= sw * vi * e.RBM.W[i][j] * hj
			}
		}
		for j, hj := range e.H {
			energia -= sc * e.RBM.C[j] * hj
		}
		return energia
	}
}

func TestErradasEnergia(t *testing.T) {
	confereRecusa(t, verificaEnergia, 20, map[string]func(EstadoRBM) float64{
		"solução do notebook": energiaCom03(1, 1, 1),
		"referência":          Energia,
	}, map[string]func(EstadoRBM) float64{
		"esboço entregue":                func(EstadoRBM) float64 { return 0 },
		"sinal trocado em tudo":          energiaCom03(-1, -1, -1),
		"sinal trocado só no termo de W": energiaCom03(1, 1, -1),
		"sinal trocado só no viés b":     energiaCom03(-1, 1, 1),
		"sem o viés das visíveis":        energiaCom03(0, 1, 1),
		"sem o viés das ocultas":         energiaCom03(1, 0, 1),
		"sem os dois vieses":             energiaCom03(0, 0, 1),
		"W transposta (W[j][i])": func(e EstadoRBM) float64 {
			energia := 0.0
			for i, vi := range e.V {
				energia -= e.RBM.B[i] * vi
			}
			for j, hj := range e.H {
				energia -= e.RBM.C[j] * hj
				for i, vi := range e.V {
					energia -= vi * e.RBM.W[j%len(e.RBM.W)][i%len(e.RBM.W[0])] * hj
				}
			}
			return energia
		},
	})
}

// ---- 03-p-h-dado-v ----

// probOcultasCom03 calcula σ(viés + Σᵢ vᵢWᵢⱼ) com o viés e a ativação dados.
func probOcultasCom03(vies func(r RBMPequena, j int) float64, ativacao func(float64) float64, transposta bool) func(VisivelRBM) []float64 {
	return func(e VisivelRBM) []float64 {
		p := make([]float64, len(e.RBM.C))
		for j := range p {
			x := vies(e.RBM, j)
			for i, vi := range e.V {
				if transposta {
					x += vi * e.RBM.W[j][i]
				} else {
					x += vi * e.RBM.W[i][j]
				}
			}
			p[j] = ativacao(x)
		}
		return p
	}
}

func TestErradasProbOcultas(t *testing.T) {
	c := func(r RBMPequena, j int) float64 { return r.C[j] }
	b := func(r RBMPequena, j int) float64 { return r.B[j%len(r.B)] }
	identidade := func(x float64) float64 { return x }
	confereRecusa(t, verificaProbOcultas, 20, map[string]func(VisivelRBM) []float64{
		"solução do notebook": probOcultasCom03(c, sigmoide03, false),
		"referência":          ProbOcultas,
	}, map[string]func(VisivelRBM) []float64{
		"esboço entregue":                   func(VisivelRBM) []float64 { return nil },
		"viés b das visíveis no lugar de c": probOcultasCom03(b, sigmoide03, false),
		"W transposta (W[j][i])":            probOcultasCom03(c, sigmoide03, true),
		"sem a sigmoide":                    probOcultasCom03(c, identidade, false),
		"sigmoide com o sinal trocado":      probOcultasCom03(c, func(x float64) float64 { return 1 / (1 + math.Exp(x)) }, false),
		"sem o viés":                        probOcultasCom03(func(RBMPequena, int) float64 { return 0 }, sigmoide03, false),
		"sigmoide como eˣ/(1 + eˣ) (NaN para x > 709,78)": probOcultasCom03(c, func(x float64) float64 {
			return math.Exp(x) / (1 + math.Exp(x))
		}, false),
		"forma estável trocada de lado (eˣ/(1 + eˣ) para x ≥ 0)": probOcultasCom03(c, func(x float64) float64 {
			if x >= 0 {
				return math.Exp(x) / (1 + math.Exp(x))
			}
			return 1 / (1 + math.Exp(-x))
		}, false),
		"uma saída por visível": func(e VisivelRBM) []float64 {
			p := make([]float64, len(e.V))
			for i := range p {
				x := e.RBM.B[i]
				for j := range e.RBM.C {
					x += e.RBM.W[i][j]
				}
				p[i] = sigmoide03(x)
			}
			return p
		},
	})
}

// ---- 03-energia-livre ----

// energiaLivreCom03 calcula −sb·Σ bᵢvᵢ − ss·Σⱼ termo(xⱼ).
func energiaLivreCom03(sb, ss float64, termo func(float64) float64) func(VisivelRBM) float64 {
	return func(e VisivelRBM) float64 {
		f := 0.0
		for i, vi := range e.V {
			f -= sb * e.RBM.B[i] * vi
		}
		for j := range e.RBM.C {
			x := e.RBM.C[j]
			for i, vi := range e.V {
				x += vi * e.RBM.W[i][j]
			}
			f -= ss * termo(x)
		}
		return f
	}
}

func softplusEstavel03(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

func TestErradasEnergiaLivre(t *testing.T) {
	confereRecusa(t, verificaEnergiaLivre, 20, map[string]func(VisivelRBM) float64{
		"solução do notebook": energiaLivreCom03(1, 1, softplusEstavel03),
		"referência":          EnergiaLivre,
	}, map[string]func(VisivelRBM) float64{
		"esboço entregue": func(VisivelRBM) float64 { return 0 },
		"log1p(exp(x)) ingênuo (estoura para x grande)": energiaLivreCom03(1, 1, func(x float64) float64 { return math.Log1p(math.Exp(x)) }),
		"log(1 + exp(x)) ingênuo":                       energiaLivreCom03(1, 1, func(x float64) float64 { return math.Log(1 + math.Exp(x)) }),
		"sem o termo das visíveis (−b·v)":               energiaLivreCom03(0, 1, softplusEstavel03),
		"sinal trocado no termo das visíveis":           energiaLivreCom03(-1, 1, softplusEstavel03),
		"sinal trocado nas softplus":                    energiaLivreCom03(1, -1, softplusEstavel03),
		"log(e^x) no lugar de log(1 + e^x)":             energiaLivreCom03(1, 1, func(x float64) float64 { return x }),
		"log(1 + e^(−x))":                               energiaLivreCom03(1, 1, func(x float64) float64 { return softplusEstavel03(-x) }),
		"x + log1p(e^(−x)) também para x < 0 (estoura na cauda negativa)": energiaLivreCom03(1, 1, func(x float64) float64 {
			return x + math.Log1p(math.Exp(-x))
		}),
	})
}

// ---- 03-cd1 ----

// opcoesCD1de03 descreve as variações de um passo de CD-1.
type opcoesCD1de03 struct {
	divisor       func(c CD1) float64        // n, o tamanho do lote
	fator         func(taxa float64) float64 // a taxa efetiva
	sinal         float64                    // +1: positiva − negativa
	semB, semC    bool                       // esquece os vieses
	ocultas       func(p float64) float64    // o que entra no lugar de p(h|v)
	semCopia      bool                       // atualiza c.RBM no lugar, exemplo a exemplo
	ocultaNegDeV0 bool                       // usa p(h|V0) também na fase negativa
}

func passoCD1Com03(o opcoesCD1de03) func(CD1) RBMPequena {
	if o.divisor == nil {
		o.divisor = func(c CD1) float64 { return float64(len(c.V0)) }
	}
	if o.fator == nil {
		o.fator = func(taxa float64) float64 { return taxa }
	}
	if o.sinal == 0 {
		o.sinal = 1
	}
	if o.ocultas == nil {
		o.ocultas = func(p float64) float64 { return p }
	}
	return func(c CD1) RBMPequena {
		novo := c.RBM
		if !o.semCopia {
			novo = RBMPequena{B: slices.Clone(c.RBM.B), C: slices.Clone(c.RBM.C)}
			for _, linha := range c.RBM.W {
				novo.W = append(novo.W, slices.Clone(linha))
			}
		}
		prob := func(v []float64) []float64 {
			p := probOcultasCom03(func(r RBMPequena, j int) float64 { return r.C[j] }, sigmoide03, false)(VisivelRBM{RBM: c.RBM, V: v})
			for j := range p {
				p[j] = o.ocultas(p[j])
			}
			return p
		}
		passo := o.sinal * o.fator(c.Taxa) / o.divisor(c)
		for k := range c.V0 {
			ph0 := prob(c.V0[k])
			ph1 := prob(c.V1[k])
			if o.ocultaNegDeV0 {
				ph1 = ph0
			}
			for i := range novo.B {
				if !o.semB {
					novo.B[i] += passo * (c.V0[k][i] - c.V1[k][i])
				}
				for j := range novo.C {
					novo.W[i][j] += passo * (c.V0[k][i]*ph0[j] - c.V1[k][i]*ph1[j])
				}
			}
			if !o.semC {
				for j := range novo.C {
					novo.C[j] += passo * (ph0[j] - ph1[j])
				}
			}
		}
		return novo
	}
}

func TestErradasPassoCD1(t *testing.T) {
	arredonda := func(p float64) float64 {
		if p > 0.5 {
			return 1
		}
		return 0
	}
	confereRecusa(t, verificaPassoCD1, 15, map[string]func(CD1) RBMPequena{
		"solução do notebook": passoCD1Com03(opcoesCD1de03{}),
		"referência":          PassoCD1,
	}, map[string]func(CD1) RBMPequena{
		"esboço entregue":                                     func(c CD1) RBMPequena { return c.RBM },
		"soma sobre o lote em vez da média":                   passoCD1Com03(opcoesCD1de03{divisor: func(CD1) float64 { return 1 }}),
		"divide pelo número de visíveis":                      passoCD1Com03(opcoesCD1de03{divisor: func(c CD1) float64 { return float64(len(c.V0[0])) }}),
		"sinal trocado (negativa − positiva)":                 passoCD1Com03(opcoesCD1de03{sinal: -1}),
		"esquece o viés das visíveis":                         passoCD1Com03(opcoesCD1de03{semB: true}),
		"esquece o viés das ocultas":                          passoCD1Com03(opcoesCD1de03{semC: true}),
		"esquece os dois vieses":                              passoCD1Com03(opcoesCD1de03{semB: true, semC: true}),
		"taxa aplicada duas vezes (taxa²)":                    passoCD1Com03(opcoesCD1de03{fator: func(t float64) float64 { return t * t }}),
		"passo somado duas vezes (2·taxa)":                    passoCD1Com03(opcoesCD1de03{fator: func(t float64) float64 { return 2 * t }}),
		"ocultas arredondadas (amostras, não probabilidades)": passoCD1Com03(opcoesCD1de03{ocultas: arredonda}),
		"altera c.RBM exemplo a exemplo":                      passoCD1Com03(opcoesCD1de03{semCopia: true}),
		"p(h|V0) também na fase negativa":                     passoCD1Com03(opcoesCD1de03{ocultaNegDeV0: true}),
	})
}
