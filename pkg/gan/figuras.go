package gan

import (
	"github.com/go-estudos/representacoes/pkg/graficos"
)

// CampoD avalia o discriminador numa grade n×n do quadrado [−lado, lado]²
// e devolve o campo D(x) (probabilidade de "real") para desenhar por baixo
// dos pontos. Só para dados 2-D.
func (g *GAN) CampoD(lado float64, n int) graficos.Campo {
	xs := make([]float32, 0, 2*n*n)
	coord := func(k int) float64 { return -lado + 2*lado*(float64(k)+0.5)/float64(n) }
	for i := range n {
		for j := range n {
			xs = append(xs, float32(coord(j)), float32(coord(i)))
		}
	}
	d := g.Discrimina(xs)
	valores := make([][]float64, n)
	for i := range valores {
		valores[i] = make([]float64, n)
		for j := range valores[i] {
			valores[i][j] = float64(d[i*n+j])
		}
	}
	return graficos.Campo{Valores: valores, XMin: -lado, XMax: lado, YMin: -lado, YMax: lado,
		Min: 0, Max: 1, Nome: "D(x)"}
}

// Quadro desenha um quadro da animação do treino no anel: os dados reais,
// amostras do gerador (sempre dos mesmos vetores latentes, da semente 7) e,
// ao fundo, o que D pensa de cada ponto do plano (escuro = "real").
func (g *GAN) Quadro(titulo string, reais []float32, n int) *graficos.Figura {
	gerados := g.Gera(n, 7)
	return graficos.PontosSobreCampo(titulo, "x₁", "x₂", g.CampoD(3, 60),
		graficos.Serie{Nome: "dados reais", X: coluna(reais, 0), Y: coluna(reais, 1)},
		graficos.Serie{Nome: "gerados por G", X: coluna(gerados, 0), Y: coluna(gerados, 1)},
	)
}

// coluna extrai a coordenada c de pontos 2-D achatados.
func coluna(pontos []float32, c int) []float64 {
	v := make([]float64, len(pontos)/2)
	for i := range v {
		v[i] = float64(pontos[2*i+c])
	}
	return v
}
