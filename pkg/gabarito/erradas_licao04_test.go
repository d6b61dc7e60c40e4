package gabarito

import (
	"math"
	"testing"

	"github.com/go-estudos/representacoes/pkg/gan"
)

// Respostas erradas plausíveis para os exercícios da lição 04 — as que um
// aluno escreve de verdade. Cada uma tem de ser recusada pela verificação; a
// referência tem de passar; o esqueleto entregue no notebook tem de falhar.
// (Os nomes das funções auxiliares terminam em 04: o pacote é dividido com
// os testes das outras lições.)

// media04 é a média de f(p) sobre ps.
func media04(ps []float64, f func(float64) float64) float64 {
	s := 0.0
	for _, p := range ps {
		s += f(p)
	}
	return s / float64(len(ps))
}

// soma04 é a soma de f(p) sobre ps.
func soma04(ps []float64, f func(float64) float64) float64 {
	s := 0.0
	for _, p := range ps {
		s += f(p)
	}
	return s
}

func menosLog04(p float64) float64       { return -math.Log(p) }
func menosLog1Menos04(p float64) float64 { return -math.Log(1 - p) }

// corta04 corta p em [0,01; 0,99], um "cuidado" com o log que muda a perda.
func corta04(p float64) float64 { return min(max(p, 0.01), 0.99) }

func TestPerdaDRecusaErradas(t *testing.T) {
	confereRecusa(t, verificaPerdaD, 20, map[string]func(Notas) float64{"referência": PerdaD}, map[string]func(Notas) float64{
		"esqueleto entregue (devolve 0)": func(Notas) float64 { return 0 },
		"rótulos trocados (reais com rótulo 0, falsos com 1)": func(n Notas) float64 {
			return media04(n.Reais, menosLog1Menos04) + media04(n.Falsos, menosLog04)
		},
		"sem o log (1 − D(x) e D(G(z)) direto)": func(n Notas) float64 {
			return media04(n.Reais, func(p float64) float64 { return 1 - p }) + media04(n.Falsos, func(p float64) float64 { return p })
		},
		"soma no lugar da média": func(n Notas) float64 {
			return soma04(n.Reais, menosLog04) + soma04(n.Falsos, menosLog1Menos04)
		},
		"uma média só sobre os dois lotes juntos": func(n Notas) float64 {
			return (soma04(n.Reais, menosLog04) + soma04(n.Falsos, menosLog1Menos04)) / float64(len(n.Reais)+len(n.Falsos))
		},
		"média das duas médias (divide por 2)": func(n Notas) float64 {
			return (media04(n.Reais, menosLog04) + media04(n.Falsos, menosLog1Menos04)) / 2
		},
		"sinal trocado no termo dos falsos (+log(1 − D))": func(n Notas) float64 {
			return media04(n.Reais, menosLog04) - media04(n.Falsos, menosLog1Menos04)
		},
		"notas cortadas em [0,01; 0,99]": func(n Notas) float64 {
			return media04(n.Reais, func(p float64) float64 { return menosLog04(corta04(p)) }) +
				media04(n.Falsos, func(p float64) float64 { return menosLog1Menos04(corta04(p)) })
		},
		"log(D) no lugar de log(1 − D) nos falsos": func(n Notas) float64 {
			return media04(n.Reais, menosLog04) + media04(n.Falsos, menosLog04)
		},
		"logaritmo na base 10": func(n Notas) float64 {
			return media04(n.Reais, func(p float64) float64 { return -math.Log10(p) }) +
				media04(n.Falsos, func(p float64) float64 { return -math.Log10(1 - p) })
		},
	})
}

func TestPerdaGRecusaErradas(t *testing.T) {
	confereRecusa(t, verificaPerdaG, 20, map[string]func([]float64) float64{"referência": PerdaG}, map[string]func([]float64) float64{
		"esqueleto entregue (devolve 0)": func([]float64) float64 { return 0 },
		"perda saturante, média de log(1 − D(G(z)))": func(f []float64) float64 {
			return media04(f, func(p float64) float64 { return math.Log(1 - p) })
		},
		"perda saturante com o sinal, −média log(1 − D(G(z)))": func(f []float64) float64 {
			return media04(f, menosLog1Menos04)
		},
		"sem o sinal de menos (média de log D)": func(f []float64) float64 {
			return media04(f, math.Log)
		},
		"soma no lugar da média": func(f []float64) float64 { return soma04(f, menosLog04) },
		"logaritmo na base 10": func(f []float64) float64 {
			return media04(f, func(p float64) float64 { return -math.Log10(p) })
		},
		"notas cortadas em [0,01; 0,99]": func(f []float64) float64 {
			return media04(f, func(p float64) float64 { return menosLog04(corta04(p)) })
		},
		"notas cortadas em [10⁻³; 1 − 10⁻³]": func(f []float64) float64 {
			return media04(f, func(p float64) float64 { return menosLog04(min(max(p, 1e-3), 1-1e-3)) })
		},
	})
}

// pontos04 monta a resposta de Interpola a partir de uma regra para t.
func pontos04(e Interpolacao, n int, t func(k int) float64, ponto func(de, ate, t float64) float64) [][]float64 {
	r := make([][]float64, n)
	for k := range r {
		r[k] = make([]float64, len(e.De))
		for i := range e.De {
			r[k][i] = ponto(e.De[i], e.Ate[i], t(k))
		}
	}
	return r
}

func reta04(de, ate, t float64) float64 { return de + t*(ate-de) }

func TestInterpolaRecusaErradas(t *testing.T) {
	confereRecusa(t, verificaInterpola, 15, map[string]func(Interpolacao) [][]float64{"referência": Interpola}, map[string]func(Interpolacao) [][]float64{
		"esqueleto entregue (devolve nil)": func(Interpolacao) [][]float64 { return nil },
		"t e 1 − t trocados (vai de Ate até De)": func(e Interpolacao) [][]float64 {
			return pontos04(e, e.Passos, func(k int) float64 { return float64(k) / float64(e.Passos-1) },
				func(de, ate, t float64) float64 { return ate + t*(de-ate) })
		},
		"t = k/Passos (o extremo Ate fica de fora)": func(e Interpolacao) [][]float64 {
			return pontos04(e, e.Passos, func(k int) float64 { return float64(k) / float64(e.Passos) }, reta04)
		},
		"t = k/(Passos+1), k de 1 a Passos (os dois extremos de fora)": func(e Interpolacao) [][]float64 {
			return pontos04(e, e.Passos, func(k int) float64 { return float64(k+1) / float64(e.Passos+1) }, reta04)
		},
		"Passos + 1 pontos (k de 0 a Passos)": func(e Interpolacao) [][]float64 {
			return pontos04(e, e.Passos+1, func(k int) float64 { return float64(k) / float64(e.Passos) }, reta04)
		},
		"divisão inteira (t = k/(Passos−1) em int)": func(e Interpolacao) [][]float64 {
			return pontos04(e, e.Passos, func(k int) float64 { return float64(k / (e.Passos - 1)) }, reta04)
		},
		"interpolação esférica (slerp) no lugar da reta": func(e Interpolacao) [][]float64 {
			norma := func(v []float64) float64 {
				s := 0.0
				for _, x := range v {
					s += x * x
				}
				return math.Sqrt(s)
			}
			pe := 0.0
			for i := range e.De {
				pe += e.De[i] * e.Ate[i]
			}
			omega := math.Acos(max(-1, min(1, pe/(norma(e.De)*norma(e.Ate)))))
			r := make([][]float64, e.Passos)
			for k := range r {
				t := float64(k) / float64(e.Passos-1)
				a, b := 1-t, t
				if s := math.Sin(omega); s > 1e-9 {
					a, b = math.Sin((1-t)*omega)/s, math.Sin(t*omega)/s
				}
				r[k] = make([]float64, len(e.De))
				for i := range e.De {
					r[k][i] = a*e.De[i] + b*e.Ate[i]
				}
			}
			return r
		},
		"a mesma fatia reaproveitada em todos os pontos": func(e Interpolacao) [][]float64 {
			r := make([][]float64, e.Passos)
			p := make([]float64, len(e.De))
			for k := range r {
				t := float64(k) / float64(e.Passos-1)
				for i := range e.De {
					p[i] = reta04(e.De[i], e.Ate[i], t)
				}
				r[k] = p
			}
			return r
		},
	})
}

// cobertura04 é a Cobertura com as regras trocáveis: boa(d) diz se um ponto a
// distância d de um centro é de alta qualidade; coberto(contagem, boas,
// total) diz se um modo está coberto.
func cobertura04(pontos [][2]float64, boa func(d float64) bool, coberto func(c, boas, n int) bool) Cobertura {
	anel := gan.AnelPadrao()
	centros := anel.Centros()
	porModo := make([]int, len(centros))
	boas := 0
	for _, p := range pontos {
		for k, c := range centros {
			if boa(math.Hypot(p[0]-c[0], p[1]-c[1])) {
				porModo[k]++
				boas++
				break
			}
		}
	}
	res := Cobertura{Qualidade: float64(boas) / float64(len(pontos))}
	for _, c := range porModo {
		if coberto(c, boas, len(pontos)) {
			res.Modos++
		}
	}
	return res
}

func TestCoberturaRecusaErradas(t *testing.T) {
	sigma := gan.AnelPadrao().Sigma
	certa := func(d float64) bool { return d < 3*sigma }
	doisPorCento := func(c, _, n int) bool { return float64(c) >= gan.MinimoPorModo*float64(n) }
	confereRecusa(t, verificaCobertura, 15, map[string]func([][2]float64) Cobertura{"referência": CoberturaAnel}, map[string]func([][2]float64) Cobertura{
		"esqueleto entregue (devolve zero)": func([][2]float64) Cobertura { return Cobertura{} },
		"2% das amostras boas, não de todas": func(p [][2]float64) Cobertura {
			return cobertura04(p, certa, func(c, boas, _ int) bool { return float64(c) >= gan.MinimoPorModo*float64(boas) })
		},
		"limiar absoluto (distância < 3, sem o σ)": func(p [][2]float64) Cobertura {
			return cobertura04(p, func(d float64) bool { return d < 3 }, doisPorCento)
		},
		"limiar de 1σ (esqueceu o 3)": func(p [][2]float64) Cobertura {
			return cobertura04(p, func(d float64) bool { return d < sigma }, doisPorCento)
		},
		"distância ao quadrado comparada com 3σ": func(p [][2]float64) Cobertura {
			return cobertura04(p, func(d float64) bool { return d*d < 3*sigma }, doisPorCento)
		},
		"≤ 3σ no lugar de < 3σ": func(p [][2]float64) Cobertura {
			return cobertura04(p, func(d float64) bool { return d <= 3*sigma }, doisPorCento)
		},
		"> 2% no lugar de ≥ 2%": func(p [][2]float64) Cobertura {
			return cobertura04(p, certa, func(c, _, n int) bool { return float64(c) > gan.MinimoPorModo*float64(n) })
		},
		"\"2%\" lido como 2 amostras": func(p [][2]float64) Cobertura {
			return cobertura04(p, certa, func(c, _, _ int) bool { return c >= 2 })
		},
		"conta amostras boas no lugar de modos": func(p [][2]float64) Cobertura {
			c := cobertura04(p, certa, doisPorCento)
			c.Modos = int(math.Round(c.Qualidade * float64(len(p))))
			return c
		},
		"1 amostra boa basta (a regra do VEEGAN, não a de 2% do curso)": func(p [][2]float64) Cobertura {
			return cobertura04(p, certa, func(c, _, _ int) bool { return c >= 1 })
		},
	})
}

func TestSaidaTranspostaRecusaErradas(t *testing.T) {
	confereRecusa(t, verificaSaidaTransposta, 20, map[string]func(Transposta) int{
		"referência":                   SaidaTransposta,
		"a fórmula (n − 1)·s − 2p + k": func(c Transposta) int { return gan.TamanhoTransposta(c.Entrada, c.Nucleo, c.Passo, c.Preenchimento) },
	}, map[string]func(Transposta) int{
		"esqueleto entregue (devolve 0)": func(Transposta) int { return 0 },
		"a conta da convolução comum, (n + 2p − k)/s + 1": func(c Transposta) int {
			return (c.Entrada+2*c.Preenchimento-c.Nucleo)/c.Passo + 1
		},
		"só multiplica pelo passo (n·s)": func(c Transposta) int { return c.Entrada * c.Passo },
		"n·s − 2p + k (n no lugar de n − 1)": func(c Transposta) int {
			return c.Entrada*c.Passo - 2*c.Preenchimento + c.Nucleo
		},
		"preenchimento esquecido, (n − 1)·s + k": func(c Transposta) int { return (c.Entrada-1)*c.Passo + c.Nucleo },
		"preenchimento de um lado só, (n − 1)·s − p + k": func(c Transposta) int {
			return (c.Entrada-1)*c.Passo - c.Preenchimento + c.Nucleo
		},
		"preenchimento somado, (n − 1)·s + 2p + k": func(c Transposta) int {
			return (c.Entrada-1)*c.Passo + 2*c.Preenchimento + c.Nucleo
		},
		"um a mais, (n − 1)·s − 2p + k + 1": func(c Transposta) int {
			return (c.Entrada-1)*c.Passo - 2*c.Preenchimento + c.Nucleo + 1
		},
		"um a menos, (n − 1)·s − 2p + k − 1": func(c Transposta) int {
			return (c.Entrada-1)*c.Passo - 2*c.Preenchimento + c.Nucleo - 1
		},
		"núcleo e passo trocados, (n − 1)·k − 2p + s": func(c Transposta) int {
			return (c.Entrada-1)*c.Nucleo - 2*c.Preenchimento + c.Passo
		},
	})
}
