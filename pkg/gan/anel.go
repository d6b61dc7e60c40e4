package gan

import (
	"math"
	"math/rand/v2"
)

// Anel é o conjunto de dados de brinquedo das GANs (Metz et al., 2017):
// Modos gaussianas de desvio-padrão Sigma, com centros igualmente
// espaçados num círculo de raio Raio. É fácil de ver (2-D) e difícil o
// bastante para um gerador "esquecer" modos. Nos artigos, σ fica em torno
// de 0,01 a 0,02; aqui o padrão é 0,05 (AnelPadrao).
type Anel struct {
	Modos int
	Raio  float64
	Sigma float64
}

// AnelPadrao é o anel da lição: 8 gaussianas num círculo de raio 2, com
// desvio-padrão 0,05 (mais largo que o dos artigos, de 0,01 a 0,02: uma
// escolha do curso).
func AnelPadrao() Anel { return Anel{Modos: 8, Raio: 2, Sigma: 0.05} }

// Centros devolve os centros dos modos, [x, y] cada um.
func (a Anel) Centros() [][2]float64 {
	c := make([][2]float64, a.Modos)
	for k := range c {
		ang := 2 * math.Pi * float64(k) / float64(a.Modos)
		c[k] = [2]float64{a.Raio * math.Cos(ang), a.Raio * math.Sin(ang)}
	}
	return c
}

// Amostrador devolve uma função que sorteia n pontos do anel (achatados:
// x0, y0, x1, y1, …), cada um de um modo escolhido ao acaso. A semente fixa
// a sequência de lotes.
func (a Anel) Amostrador(semente uint64) func(n int) []float32 {
	r := rand.New(rand.NewPCG(semente, 2014))
	centros := a.Centros()
	return func(n int) []float32 {
		x := make([]float32, 2*n)
		for i := range n {
			c := centros[r.IntN(len(centros))]
			x[2*i] = float32(c[0] + a.Sigma*r.NormFloat64())
			x[2*i+1] = float32(c[1] + a.Sigma*r.NormFloat64())
		}
		return x
	}
}

// Medida resume a qualidade de um conjunto de amostras de um anel.
type Medida struct {
	Modos     int       // modos cobertos
	Qualidade float64   // fração das amostras a menos de 3σ de algum centro
	PorModo   []float64 // fração das amostras de alta qualidade perto de cada modo
}

// Cobertura mede as amostras (achatadas, x0, y0, x1, y1, …) com a medida do
// VEEGAN (Srivastava et al., NeurIPS 2017): uma amostra é de **alta qualidade** se está a menos de 3σ do
// centro de algum modo. No VEEGAN um modo conta como coberto com uma
// amostra de alta qualidade perto dele; aqui (uma escolha do curso) ele
// precisa de pelo menos MinimoPorModo de todas as amostras, para que umas
// poucas amostras perdidas não contem como um modo aprendido.
//
// Mesmo os dados reais não têm 100% de alta qualidade: numa gaussiana 2-D
// isotrópica, a fração a menos de 3σ do centro é 1 − e^(−9/2) ≈ 98,9%
// (QualidadeDosReais), não os 99,7% da regra de 1-D.
func (a Anel) Cobertura(pontos []float32) Medida {
	centros := a.Centros()
	n := len(pontos) / 2
	m := Medida{PorModo: make([]float64, len(centros))}
	if n == 0 {
		return m
	}
	boas := 0
	for i := range n {
		x, y := float64(pontos[2*i]), float64(pontos[2*i+1])
		for k, c := range centros {
			if math.Hypot(x-c[0], y-c[1]) < 3*a.Sigma {
				m.PorModo[k]++
				boas++
				break
			}
		}
	}
	for k := range m.PorModo {
		m.PorModo[k] /= float64(n)
		if m.PorModo[k] >= MinimoPorModo {
			m.Modos++
		}
	}
	m.Qualidade = float64(boas) / float64(n)
	return m
}

// MinimoPorModo é a fração mínima de todas as amostras (não só das de alta
// qualidade) que um modo precisa receber, a menos de 3σ do seu centro, para
// contar como coberto: 2%, um sexto da parte justa de cada um dos 8 modos
// (12,5%). É uma escolha do curso; o VEEGAN pede uma amostra só.
const MinimoPorModo = 0.02

// QualidadeDosReais é a fração esperada de amostras de alta qualidade nos
// próprios dados do anel: a distância r de um ponto de uma gaussiana 2-D
// isotrópica ao centro, em unidades de σ, segue a distribuição de Rayleigh,
// com P(r < k) = 1 − e^(−k²/2); para k = 3, 1 − e^(−4,5) ≈ 0,989. (Em 1-D,
// P(|x| < 3σ) = erf(3/√2) ≈ 0,997, a regra dos "99,7%".)
func QualidadeDosReais() float64 { return 1 - math.Exp(-3*3/2.0) }
