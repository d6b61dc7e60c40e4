package gabarito

import (
	"math"
	"slices"
	"testing"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// Respostas erradas plausíveis para os exercícios da lição 02 — as que um
// aluno escreve de verdade. Cada uma tem de ser reprovada pelos casos FIXOS
// da verificação (sem os sorteados), e também pela verificação completa. A
// referência e a solução do notebook passam; o esboço entregue no notebook
// falha.

// ---- 02-passo-gru ----

func vezes(v []float64, m [][]float64) []float64 {
	s := make([]float64, len(m[0]))
	for i := range v {
		for j := range s {
			s[j] += v[i] * m[i][j]
		}
	}
	return s
}

func sigmoide(v float64) float64 { return 1 / (1 + math.Exp(-v)) }

// gruVariante é o passo da GRU com um erro escolhido (ou nenhum).
type gruVariante struct {
	zTrocado, rDepois, semVies, semViesCandidato, ativacoesTrocadas, semR, soCandidato bool
	sigmoideIngenua, tanhAMao                                                          bool
}

func (v gruVariante) passo(e GRU) []float64 {
	n := len(e.H)
	porta, cand := sigmoide, math.Tanh
	if v.ativacoesTrocadas {
		porta, cand = math.Tanh, sigmoide
	}
	if v.sigmoideIngenua {
		porta = func(x float64) float64 { return math.Exp(x) / (1 + math.Exp(x)) }
	}
	if v.tanhAMao {
		cand = func(x float64) float64 { return (math.Exp(x) - math.Exp(-x)) / (math.Exp(x) + math.Exp(-x)) }
	}
	vies := func(b []float64, j int) float64 {
		if v.semVies {
			return 0
		}
		return b[j]
	}
	xz, hz := vezes(e.X, e.Wz), vezes(e.H, e.Uz)
	xr, hr := vezes(e.X, e.Wr), vezes(e.H, e.Ur)
	z, r := make([]float64, n), make([]float64, n)
	for j := range n {
		z[j] = porta(xz[j] + hz[j] + vies(e.Bz, j))
		r[j] = porta(xr[j] + hr[j] + vies(e.Br, j))
		if v.semR {
			r[j] = 1
		}
	}
	rh := make([]float64, n)
	for j := range n {
		rh[j] = r[j] * e.H[j]
	}
	xh := vezes(e.X, e.Wh)
	var u []float64
	if v.rDepois {
		u = vezes(e.H, e.Uh)
		for j := range n {
			u[j] *= r[j] // r ⊙ (h·U_h), a variante do PyTorch
		}
	} else {
		u = vezes(rh, e.Uh)
	}
	novo := make([]float64, n)
	for j := range n {
		bh := vies(e.Bh, j)
		if v.semViesCandidato {
			bh = 0
		}
		c := cand(xh[j] + u[j] + bh)
		switch {
		case v.soCandidato:
			novo[j] = c
		case v.zTrocado:
			novo[j] = (1-z[j])*e.H[j] + z[j]*c
		default:
			novo[j] = z[j]*e.H[j] + (1-z[j])*c
		}
	}
	return novo
}

func TestErradasPassoGRU(t *testing.T) {
	confereRecusa(t, verificaPassoGRU, 10,
		map[string]func(GRU) []float64{
			"referência":                  PassoGRU,
			"solução do notebook (laços)": gruVariante{}.passo,
		},
		map[string]func(GRU) []float64{
			"esboço entregue (zeros)":                          func(e GRU) []float64 { return make([]float64, len(e.H)) },
			"z e 1−z trocados":                                 gruVariante{zTrocado: true}.passo,
			"r depois do produto por U_h (r⊙(h·U_h))":          gruVariante{rDepois: true}.passo,
			"sem nenhum viés":                                  gruVariante{semVies: true}.passo,
			"sem o viés do candidato":                          gruVariante{semViesCandidato: true}.passo,
			"tanh nas portas e σ no candidato":                 gruVariante{ativacoesTrocadas: true}.passo,
			"sem a porta de reinício (r = 1)":                  gruVariante{semR: true}.passo,
			"devolve só o candidato h̃":                        gruVariante{soCandidato: true}.passo,
			"σ escrita como eᵛ/(1 + eᵛ) (NaN acima de 709,78)": gruVariante{sigmoideIngenua: true}.passo,
			"tanh escrita à mão, (eᵛ − e⁻ᵛ)/(eᵛ + e⁻ᵛ)":        gruVariante{tanhAMao: true}.passo,
		})
}

// ---- 02-parametros-lstm ----

func TestErradasParametrosLSTM(t *testing.T) {
	certa := func(c CamadaRNN) int {
		n := c.Oculta
		return 4*(c.Entrada*n+n*n+n) + (c.Camadas-1)*4*(n*n+n*n+n)
	}
	pilha := func(celula func(e, n int) int) func(CamadaRNN) int {
		return func(c CamadaRNN) int {
			total := celula(c.Entrada, c.Oculta)
			for range c.Camadas - 1 {
				total += celula(c.Oculta, c.Oculta)
			}
			return total
		}
	}
	confereRecusa(t, verificaParametrosLSTM, 6,
		map[string]func(CamadaRNN) int{"referência": ParametrosLSTM, "solução do notebook": certa},
		map[string]func(CamadaRNN) int{
			"esboço entregue (0)":               func(CamadaRNN) int { return 0 },
			"3 portas (a conta da GRU)":         pilha(func(e, n int) int { return 3 * (e*n + n*n + n) }),
			"sem os vieses":                     pilha(func(e, n int) int { return 4 * (e*n + n*n) }),
			"sem os pesos recorrentes U":        pilha(func(e, n int) int { return 4 * (e*n + n) }),
			"dois vieses por parte (PyTorch)":   pilha(func(e, n int) int { return 4 * (e*n + n*n + 2*n) }),
			"um viés só por célula":             pilha(func(e, n int) int { return 4*(e*n+n*n) + n }),
			"ignora Camadas":                    func(c CamadaRNN) int { return 4 * (c.Entrada*c.Oculta + c.Oculta*c.Oculta + c.Oculta) },
			"todas as camadas leem a entrada e": func(c CamadaRNN) int { return c.Camadas * 4 * (c.Entrada*c.Oculta + c.Oculta*c.Oculta + c.Oculta) },
		})
}

// ---- 02-janelas ----

// janelasVariante corta a série com os limites e o deslocamento do alvo dados.
func janelasVariante(menos, desloca int, troca bool) func(Serie) Exemplos {
	return func(s Serie) Exemplos {
		var ex Exemplos
		for i := 0; i+s.Janela+menos < len(s.Valores); i++ {
			a := i + s.Janela + desloca
			if a < 0 || a >= len(s.Valores) {
				break
			}
			if troca { // alvo s[i], entrada os J valores seguintes
				ex.Entradas = append(ex.Entradas, append([]float64{}, s.Valores[i+1:i+1+s.Janela]...))
				ex.Alvos = append(ex.Alvos, s.Valores[i])
				continue
			}
			ex.Entradas = append(ex.Entradas, append([]float64{}, s.Valores[i:i+s.Janela]...))
			ex.Alvos = append(ex.Alvos, s.Valores[a])
		}
		return ex
	}
}

func TestErradasJanelas(t *testing.T) {
	confereRecusa(t, verificaJanelas, 10,
		map[string]func(Serie) Exemplos{"referência": Janelas, "solução do notebook": janelasVariante(0, 0, false)},
		map[string]func(Serie) Exemplos{
			"esboço entregue (nenhum exemplo)": func(Serie) Exemplos { return Exemplos{} },
			"uma janela a menos":               janelasVariante(1, 0, false),
			"uma janela a mais (lê além do fim)": func(s Serie) Exemplos {
				var ex Exemplos
				for i := 0; i+s.Janela <= len(s.Valores); i++ {
					ex.Entradas = append(ex.Entradas, append([]float64{}, s.Valores[i:i+s.Janela]...))
					ex.Alvos = append(ex.Alvos, s.Valores[i+s.Janela]) // pânico no último
				}
				return ex
			},
			"alvo = último valor da janela": janelasVariante(0, -1, false),
			"alvo dois passos à frente":     janelasVariante(0, 1, false),
			"entrada e alvo trocados":       janelasVariante(0, 0, true),
			"janela de J+1 valores": func(s Serie) Exemplos {
				var ex Exemplos
				for i := 0; i+s.Janela < len(s.Valores); i++ {
					ex.Entradas = append(ex.Entradas, append([]float64{}, s.Valores[i:i+s.Janela+1]...))
					ex.Alvos = append(ex.Alvos, s.Valores[i+s.Janela])
				}
				return ex
			},
			"entradas que são fatias da série (sem copiar)": func(s Serie) Exemplos {
				var ex Exemplos
				for i := 0; i+s.Janela < len(s.Valores); i++ {
					ex.Entradas = append(ex.Entradas, s.Valores[i:i+s.Janela])
					ex.Alvos = append(ex.Alvos, s.Valores[i+s.Janela])
				}
				return ex
			},
			"janelas sem sobreposição (passo J)": func(s Serie) Exemplos {
				var ex Exemplos
				for i := 0; i+s.Janela < len(s.Valores); i += s.Janela {
					ex.Entradas = append(ex.Entradas, append([]float64{}, s.Valores[i:i+s.Janela]...))
					ex.Alvos = append(ex.Alvos, s.Valores[i+s.Janela])
				}
				return ex
			},
		})
}

// ---- 02-temperatura ----

// amostraVariante sorteia com um erro escolhido (ou nenhum).
type amostraVariante struct {
	semMaximo, ignoraT, multiplicaT, maiorOuIgual, voltaAoZero bool
}

func (v amostraVariante) amostra(s Sorteio) int {
	maior := slices.Max(s.Logits)
	if v.semMaximo {
		maior = 0
	}
	p := make([]float64, len(s.Logits))
	soma := 0.0
	for i, l := range s.Logits {
		x := l - maior
		switch {
		case v.ignoraT:
		case v.multiplicaT:
			x *= s.Temperatura
		default:
			x /= s.Temperatura
		}
		p[i] = math.Exp(x)
		soma += p[i]
	}
	acumulada := 0.0
	for i := range p {
		acumulada += p[i] / soma
		if acumulada > s.U || (v.maiorOuIgual && acumulada >= s.U) {
			return i
		}
	}
	if v.voltaAoZero {
		return 0
	}
	return len(p) - 1
}

func TestErradasAmostraComTemperatura(t *testing.T) {
	confereRecusa(t, verificaAmostraComTemperatura, 20,
		map[string]func(Sorteio) int{"referência": AmostraComTemperatura, "solução do notebook": amostraVariante{}.amostra},
		map[string]func(Sorteio) int{
			"esboço entregue (0)":                            func(Sorteio) int { return 0 },
			"sem subtrair o maior (e^1000 estoura)":          amostraVariante{semMaximo: true}.amostra,
			"ignora a temperatura":                           amostraVariante{ignoraT: true}.amostra,
			"multiplica pela temperatura":                    amostraVariante{multiplicaT: true}.amostra,
			"≥ em vez de >":                                  amostraVariante{maiorOuIgual: true}.amostra,
			"argmax (o maior logit, sem sortear)":            func(s Sorteio) int { return argmax(s.Logits) },
			"o índice seguinte ao certo (fora por um)":       func(s Sorteio) int { return min(AmostraComTemperatura(s)+1, len(s.Logits)-1) },
			"volta ao índice 0 quando a soma não passa de U": amostraVariante{voltaAoZero: true}.amostra,
		})
}

func argmax(v []float64) int {
	k := 0
	for i := range v {
		if v[i] > v[k] {
			k = i
		}
	}
	return k
}

// As funções exportadas usam as mesmas verificações, com os sorteados.
func TestVerificaLicao02Exportadas(t *testing.T) {
	for _, r := range []exercicios.Resultado{
		VerificaPassoGRU(PassoGRU), VerificaParametrosLSTM(ParametrosLSTM),
		VerificaJanelas(Janelas), VerificaAmostraComTemperatura(AmostraComTemperatura),
	} {
		if !r.Passou || r.Casos < 9 {
			t.Errorf("%s: a referência deveria passar em ≥ 9 casos: %+v", r.ID, r)
		}
	}
}
