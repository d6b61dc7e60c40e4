package rbm

import (
	"fmt"
	"math"
)

// Contas exatas, em float64 e sem GoMLX, para RBMs pequenas: com V unidades
// visíveis há 2^V estados visíveis, e dá para somar sobre todos eles. É assim
// que se confere que o treino melhora a log-verossimilhança de verdade — numa
// RBM do tamanho do MNIST (2^784 estados) isso é impossível, e o treino
// precisa de aproximações (a divergência contrastiva).

// maxEnumeravel é o maior número de unidades que as contas exatas enumeram.
const maxEnumeravel = 20

// Estados devolve os 2^n vetores binários de n unidades, na ordem dos números
// binários: o estado k tem a unidade i ligada se o bit n−1−i de k vale 1 (lido
// da esquerda para a direita, o vetor é k escrito em binário).
func Estados(n int) [][]float64 {
	if n < 0 || n > maxEnumeravel {
		panic(fmt.Sprintf("rbm.Estados: só enumero até %d unidades (2^%d estados); recebi %d", maxEnumeravel, maxEnumeravel, n))
	}
	estados := make([][]float64, 1<<n)
	for k := range estados {
		estados[k] = make([]float64, n)
		for i := range n {
			estados[k][i] = float64((k >> (n - 1 - i)) & 1)
		}
	}
	return estados
}

// Indice devolve o número k do estado binário v (o inverso de Estados).
func Indice(v []float32) int {
	k := 0
	for _, x := range v {
		k <<= 1
		if x > 0.5 {
			k |= 1
		}
	}
	return k
}

func (p Pesos) peso(i, j int) float64 { return float64(p.W[i*p.Ocultas+j]) }

// EnergiaExata devolve E(v, h) = −b·v − c·h − vᵀWh.
func (p Pesos) EnergiaExata(v, h []float64) float64 {
	e := 0.0
	for i := range p.Visiveis {
		e -= float64(p.B[i]) * v[i]
	}
	for j := range p.Ocultas {
		e -= float64(p.C[j]) * h[j]
		for i := range p.Visiveis {
			e -= v[i] * p.peso(i, j) * h[j]
		}
	}
	return e
}

// softplus(x) = log(1 + eˣ), sem estourar para x grande.
func softplus(x float64) float64 {
	if x > 30 {
		return x
	}
	return math.Log1p(math.Exp(x))
}

// EnergiaLivreExata devolve F(v) = −b·v − Σⱼ log(1 + e^{cⱼ + Σᵢ vᵢWᵢⱼ}).
func (p Pesos) EnergiaLivreExata(v []float64) float64 {
	f := 0.0
	for i := range p.Visiveis {
		f -= float64(p.B[i]) * v[i]
	}
	for j := range p.Ocultas {
		x := float64(p.C[j])
		for i := range p.Visiveis {
			x += v[i] * p.peso(i, j)
		}
		f -= softplus(x)
	}
	return f
}

// energiaLivreOcultas é a energia livre de h (somando fora as visíveis).
func (p Pesos) energiaLivreOcultas(h []float64) float64 {
	f := 0.0
	for j := range p.Ocultas {
		f -= float64(p.C[j]) * h[j]
	}
	for i := range p.Visiveis {
		x := float64(p.B[i])
		for j := range p.Ocultas {
			x += p.peso(i, j) * h[j]
		}
		f -= softplus(x)
	}
	return f
}

// logSomaExp devolve log Σ e^{xₖ} sem estourar.
func logSomaExp(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = max(m, x)
	}
	s := 0.0
	for _, x := range xs {
		s += math.Exp(x - m)
	}
	return m + math.Log(s)
}

// LogZ devolve o logaritmo da constante de partição Z = Σ_{v,h} e^{−E(v,h)},
// somando sobre os estados da camada menor (a outra é somada fora pela
// energia livre). Entra em pânico se as duas camadas tiverem mais de 20 unidades.
func (p Pesos) LogZ() float64 {
	p.confere()
	var termos []float64
	if p.Visiveis <= p.Ocultas {
		for _, v := range Estados(p.Visiveis) {
			termos = append(termos, -p.EnergiaLivreExata(v))
		}
	} else {
		for _, h := range Estados(p.Ocultas) {
			termos = append(termos, -p.energiaLivreOcultas(h))
		}
	}
	return logSomaExp(termos)
}

// DistribuicaoVisiveis devolve p(v) de cada um dos 2^V estados visíveis, na
// ordem de Estados.
func (p Pesos) DistribuicaoVisiveis() []float64 {
	logZ := p.LogZ()
	estados := Estados(p.Visiveis)
	probs := make([]float64, len(estados))
	for k, v := range estados {
		probs[k] = math.Exp(-p.EnergiaLivreExata(v) - logZ)
	}
	return probs
}

// LogVerossimilhanca devolve a média de log p(v) sobre os exemplos de dados
// (achatados, Visiveis valores binários por exemplo), em nats.
func (p Pesos) LogVerossimilhanca(dados []float32) float64 {
	logZ := p.LogZ()
	n := len(dados) / p.Visiveis
	soma := 0.0
	v := make([]float64, p.Visiveis)
	for k := range n {
		for i := range v {
			v[i] = float64(dados[k*p.Visiveis+i])
		}
		soma += -p.EnergiaLivreExata(v) - logZ
	}
	return soma / float64(n)
}

// GradienteExato devolve o gradiente exato da log-verossimilhança média dos
// dados em relação a W (achatado como Pesos.W): ⟨vᵢ p(hⱼ|v)⟩_dados − ⟨vᵢ hⱼ⟩_modelo,
// com a média do modelo calculada somando sobre todos os estados visíveis.
// É o que a divergência contrastiva estima.
func (p Pesos) GradienteExato(dados []float32) []float64 {
	grad := make([]float64, len(p.W))
	acumula := func(v []float64, peso float64) {
		for j := range p.Ocultas {
			x := float64(p.C[j])
			for i := range p.Visiveis {
				x += v[i] * p.peso(i, j)
			}
			ph := 1 / (1 + math.Exp(-x))
			for i := range p.Visiveis {
				grad[i*p.Ocultas+j] += peso * v[i] * ph
			}
		}
	}
	n := len(dados) / p.Visiveis
	for k := range n {
		v := make([]float64, p.Visiveis)
		for i := range v {
			v[i] = float64(dados[k*p.Visiveis+i])
		}
		acumula(v, 1/float64(n))
	}
	probs := p.DistribuicaoVisiveis()
	for k, v := range Estados(p.Visiveis) {
		acumula(v, -probs[k])
	}
	return grad
}
