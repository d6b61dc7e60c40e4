package gabarito

import (
	"math"
	"testing"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// Respostas erradas plausíveis para os exercícios da lição 00 — as que um
// aluno escreve de verdade. Cada uma tem de ser recusada pela verificação; a
// referência tem de passar; o esqueleto entregue no notebook tem de falhar.

// exponenciais devolve e^(zᵢ − c) para cada i, e a soma delas.
func exponenciais(z []float64, c float64) ([]float64, float64) {
	p := make([]float64, len(z))
	soma := 0.0
	for i, v := range z {
		p[i] = math.Exp(v - c)
		soma += p[i]
	}
	return p, soma
}

func normaliza(p []float64, soma float64) []float64 {
	for i := range p {
		p[i] /= soma
	}
	return p
}

// pegaNosFixos diz se a resposta f erra (ou entra em pânico) em algum dos
// casos fixos da verificação: os sorteados são só uma segunda rede.
func pegaNosFixos[E, S any](f, ref func(E) S, casos []E, tol float64) (pega bool) {
	for _, c := range casos {
		if func() (erra bool) {
			defer func() {
				if recover() != nil {
					erra = true
				}
			}()
			return !exercicios.Iguais(f(exercicios.Copia(c)), ref(exercicios.Copia(c)), tol)
		}() {
			return true
		}
	}
	return false
}

func maximo(z []float64) float64 {
	m := math.Inf(-1)
	for _, v := range z {
		m = max(m, v)
	}
	return m
}

func TestSoftmaxRecusaErradas(t *testing.T) {
	erradas := map[string]func([]float64) []float64{
		"esqueleto entregue (devolve nil)": func(z []float64) []float64 { return nil },
		"sem subtrair o máximo": func(z []float64) []float64 {
			return normaliza(exponenciais(z, 0))
		},
		"subtrai a média em vez do máximo": func(z []float64) []float64 {
			media := 0.0
			for _, v := range z {
				media += v / float64(len(z))
			}
			return normaliza(exponenciais(z, media))
		},
		"subtrai o mínimo": func(z []float64) []float64 {
			m := math.Inf(1)
			for _, v := range z {
				m = min(m, v)
			}
			return normaliza(exponenciais(z, m))
		},
		"subtrai o primeiro logit": func(z []float64) []float64 {
			return normaliza(exponenciais(z, z[0]))
		},
		"máximo começando em 0 (não em −∞)": func(z []float64) []float64 {
			m := 0.0
			for _, v := range z {
				m = max(m, v)
			}
			return normaliza(exponenciais(z, m))
		},
		"esquece de normalizar": func(z []float64) []float64 {
			p, _ := exponenciais(z, maximo(z))
			return p
		},
		"divide pelo máximo em vez de subtrair": func(z []float64) []float64 {
			m := maximo(z)
			x := make([]float64, len(z))
			for i, v := range z {
				x[i] = v / m
			}
			return normaliza(exponenciais(x, 0))
		},
		"desloca em cima, mas não na soma": func(z []float64) []float64 {
			p, _ := exponenciais(z, maximo(z))
			_, soma := exponenciais(z, 0)
			return normaliza(p, soma)
		},
		"normaliza z sem a exponencial": func(z []float64) []float64 {
			soma := 0.0
			for _, v := range z {
				soma += v
			}
			p := append([]float64(nil), z...)
			return normaliza(p, soma)
		},
		"devolve a entrada": func(z []float64) []float64 { return z },
		"contas em float32": func(z []float64) []float64 {
			m := float32(maximo(z))
			p := make([]float32, len(z))
			var soma float32
			for i, v := range z {
				p[i] = float32(math.Exp(float64(float32(v) - m)))
				soma += p[i]
			}
			s := make([]float64, len(z))
			for i := range p {
				s[i] = float64(p[i] / soma)
			}
			return s
		},
	}
	for nome, f := range erradas {
		t.Run(nome, func(t *testing.T) {
			if VerificaSoftmax(f).Passou {
				t.Errorf("a verificação aceitou a resposta errada %q", nome)
			}
			if !pegaNosFixos(f, Softmax, casosSoftmax, 1e-9) {
				t.Errorf("nenhum caso fixo pega a resposta errada %q (só os sorteados)", nome)
			}
		})
	}
	// A solução do notebook passa: TestSolucoesDosNotebooksPassam a lê da
	// própria lição (solucoes_test.go), em vez de uma cópia feita à mão.
	if !VerificaSoftmax(Softmax).Passou {
		t.Error("a verificação recusou a referência")
	}
}

// gradiente calcula o gradiente da reta com as escolhas dadas: o fator (2 na
// conta certa), o divisor (n na certa) e o sinal do erro.
func gradiente(r Reta, fator float64, divisor func(n int) float64, sinal float64) [2]float64 {
	var dW, dB float64
	for i := range r.X {
		e := sinal * (r.W*r.X[i] + r.B - r.Y[i])
		dW += fator * e * r.X[i]
		dB += fator * e
	}
	d := divisor(len(r.X))
	return [2]float64{dW / d, dB / d}
}

func porN(n int) float64 { return float64(n) }

func TestGradienteRecusaErradas(t *testing.T) {
	erradas := map[string]func(Reta) [2]float64{
		"esqueleto entregue (devolve zeros)": func(r Reta) [2]float64 { return [2]float64{} },
		"esquece o 2":                        func(r Reta) [2]float64 { return gradiente(r, 1, porN, 1) },
		"1/(2n) em vez de 2/n":               func(r Reta) [2]float64 { return gradiente(r, 0.5, porN, 1) },
		"soma em vez de média":               func(r Reta) [2]float64 { return gradiente(r, 2, func(int) float64 { return 1 }, 1) },
		"divide por n − 1": func(r Reta) [2]float64 {
			return gradiente(r, 2, func(n int) float64 { return float64(max(n-1, 1)) }, 1)
		},
		"sinal trocado (y − previsto)": func(r Reta) [2]float64 { return gradiente(r, 2, porN, -1) },
		"W e B trocados": func(r Reta) [2]float64 {
			g := gradiente(r, 2, porN, 1)
			return [2]float64{g[1], g[0]}
		},
		"2/n com n inteiro": func(r Reta) [2]float64 {
			var dW, dB float64
			for i := range r.X {
				e := r.W*r.X[i] + r.B - r.Y[i]
				dW += float64(2/len(r.X)) * e * r.X[i]
				dB += float64(2/len(r.X)) * e
			}
			return [2]float64{dW, dB}
		},
		"esquece o xᵢ em ∂L/∂W": func(r Reta) [2]float64 {
			g := gradiente(r, 2, porN, 1)
			return [2]float64{g[1], g[1]}
		},
		"= em vez de += (só o último ponto)": func(r Reta) [2]float64 {
			n := float64(len(r.X))
			var dW, dB float64
			for i := range r.X {
				e := r.W*r.X[i] + r.B - r.Y[i]
				dW = 2 * e * r.X[i] / n
				dB = 2 * e / n
			}
			return [2]float64{dW, dB}
		},
		"média dos erros vezes média dos x": func(r Reta) [2]float64 {
			g := gradiente(r, 2, porN, 1)
			mx := 0.0
			for _, x := range r.X {
				mx += x / float64(len(r.X))
			}
			return [2]float64{g[1] * mx, g[1]}
		},
	}
	for nome, f := range erradas {
		t.Run(nome, func(t *testing.T) {
			if VerificaGradiente(f).Passou {
				t.Errorf("a verificação aceitou a resposta errada %q", nome)
			}
			if !pegaNosFixos(f, GradienteReta, casosGradiente, 1e-9) {
				t.Errorf("nenhum caso fixo pega a resposta errada %q (só os sorteados)", nome)
			}
		})
	}
	// A mesma família das erradas, com as escolhas certas, passa: cada errada
	// difere da certa só no que o nome dela diz. (A solução do notebook é
	// conferida por TestSolucoesDosNotebooksPassam, lida da própria lição.)
	if !VerificaGradiente(func(r Reta) [2]float64 { return gradiente(r, 2, porN, 1) }).Passou {
		t.Error("a verificação recusou a variante certa (fator 2, divisor n, erro previsto − real)")
	}
	if !VerificaGradiente(GradienteReta).Passou {
		t.Error("a verificação recusou a referência")
	}
}

func TestParametrosRecusaErradas(t *testing.T) {
	// pares soma f(n, m) sobre os pares de camadas vizinhas (c[i−1], c[i]), i de de até ate (exclusive).
	pares := func(c []int, de, ate int, f func(n, m int) int) int {
		total := 0
		for i := de; i < ate; i++ {
			total += f(c[i-1], c[i])
		}
		return total
	}
	soma := func(c []int) int {
		s := 0
		for _, v := range c {
			s += v
		}
		return s
	}
	erradas := map[string]func([]int) int{
		"esqueleto entregue (devolve 0)": func(c []int) int { return 0 },
		"esquece os vieses":              func(c []int) int { return pares(c, 1, len(c), func(n, m int) int { return n * m }) },
		"conta vieses na camada de entrada também": func(c []int) int {
			return pares(c, 1, len(c), func(n, m int) int { return n * m }) + soma(c)
		},
		"um viés por entrada, n·(m+1)": func(c []int) int {
			return pares(c, 1, len(c), func(n, m int) int { return n * (m + 1) })
		},
		"pula a última camada (um par a menos)": func(c []int) int {
			return pares(c, 1, len(c)-1, func(n, m int) int { return n*m + m })
		},
		"pula a primeira camada": func(c []int) int {
			return pares(c, 2, len(c), func(n, m int) int { return n*m + m })
		},
		"conta os neurônios": soma,
		"produto de todas as camadas mais os vieses": func(c []int) int {
			p := 1
			for _, v := range c {
				p *= v
			}
			return p + soma(c[1:])
		},
	}
	for nome, f := range erradas {
		t.Run(nome, func(t *testing.T) {
			if VerificaParametros(f).Passou {
				t.Errorf("a verificação aceitou a resposta errada %q", nome)
			}
			if !pegaNosFixos(f, ParametrosMLP, casosParametros, 0) {
				t.Errorf("nenhum caso fixo pega a resposta errada %q (só os sorteados)", nome)
			}
		})
	}
	// A mesma família das erradas, com as escolhas certas, passa (a solução do
	// notebook: TestSolucoesDosNotebooksPassam).
	certa := func(c []int) int { return pares(c, 1, len(c), func(n, m int) int { return n*m + m }) }
	if !VerificaParametros(certa).Passou {
		t.Error("a verificação recusou a variante certa (todos os pares, pesos + vieses)")
	}
	if !VerificaParametros(ParametrosMLP).Passou {
		t.Error("a verificação recusou a referência")
	}
}

// Uma função nil (a célula do exercício não rodou) falha, com o id do exercício.
func TestVerificaLicao00DevolveOID(t *testing.T) {
	for id, r := range map[string]exercicios.Resultado{
		"00-softmax":    VerificaSoftmax(nil),
		"00-gradiente":  VerificaGradiente(nil),
		"00-parametros": VerificaParametros(nil),
	} {
		if r.ID != id || r.Passou {
			t.Errorf("%s: %+v", id, r)
		}
	}
}
