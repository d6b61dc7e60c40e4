package gan

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/go-estudos/representacoes/pkg/dados"
)

func TestMaisProximasConfereComForcaBruta(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const lado, m, n = 4, 23, 7
	base := &dados.Imagens{N: m, Altura: lado, Largura: lado, Pixels: make([]float32, m*lado*lado)}
	for i := range base.Pixels {
		base.Pixels[i] = r.Float32()
	}
	consultas := make([]float32, n*lado*lado)
	for i := range consultas {
		consultas[i] = r.Float32()
	}
	copy(consultas[2*lado*lado:3*lado*lado], base.Imagem(17)) // a consulta 2 é uma cópia
	dist, idx := MaisProximas(consultas, base)
	for i := range n {
		melhor, qual := math.Inf(1), -1
		for j := range m {
			s := 0.0
			for k := range lado * lado {
				d := float64(consultas[i*lado*lado+k] - base.Pixels[j*lado*lado+k])
				s += d * d
			}
			if math.Sqrt(s) < melhor {
				melhor, qual = math.Sqrt(s), j
			}
		}
		if idx[i] != qual || math.Abs(dist[i]-melhor) > 1e-3 {
			t.Errorf("consulta %d: MaisProximas deu %d a %v; esperava %d a %v", i, idx[i], dist[i], qual, melhor)
		}
	}
	if idx[2] != 17 || dist[2] > 1e-3 {
		t.Errorf("uma cópia da imagem 17 deveria estar a distância 0 dela; deu %d a %v", idx[2], dist[2])
	}
}

func TestQualidadeDosReaisConfereComAAmostra(t *testing.T) {
	anel := AnelPadrao()
	m := anel.Cobertura(anel.Amostrador(9)(50000))
	if want := QualidadeDosReais(); math.Abs(m.Qualidade-want) > 0.003 {
		t.Fatalf("fração dos reais a menos de 3σ = %v; a conta dá 1 − e^(−4,5) = %v", m.Qualidade, want)
	}
	if m.Modos != 8 {
		t.Fatalf("os dados reais deveriam cobrir os 8 modos; cobriram %d", m.Modos)
	}
}
