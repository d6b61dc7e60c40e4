package cnn

import (
	"math"
	"math/rand/v2"

	"github.com/go-estudos/representacoes/pkg/dados"
)

// Transforma devolve a imagem altura×largura girada de `graus` graus (no
// sentido anti-horário, em torno do centro) e depois deslocada de (dx, dy)
// pixels (dx para a direita, dy para baixo). Cada pixel da saída lê, por
// interpolação bilinear, o ponto da imagem original que cai sobre ele; o
// que vem de fora da imagem é preto (0).
func Transforma(imagem []float32, altura, largura int, graus, dx, dy float64) []float32 {
	saida := make([]float32, len(imagem))
	cy, cx := float64(altura-1)/2, float64(largura-1)/2
	sen, cos := math.Sincos(graus * math.Pi / 180)
	pixel := func(y, x int) float64 {
		if y < 0 || y >= altura || x < 0 || x >= largura {
			return 0
		}
		return float64(imagem[y*largura+x])
	}
	for y := range altura {
		for x := range largura {
			// Desfaz o deslocamento e depois o giro: de onde veio este pixel?
			// (O eixo y da imagem aponta para baixo: o giro anti-horário na
			// tela leva o ponto à direita do centro para cima dele.)
			py, px := float64(y)-dy-cy, float64(x)-dx-cx
			oy := cy + cos*py + sen*px
			ox := cx - sen*py + cos*px
			y0, x0 := int(math.Floor(oy)), int(math.Floor(ox))
			fy, fx := oy-float64(y0), ox-float64(x0)
			v := (1-fy)*((1-fx)*pixel(y0, x0)+fx*pixel(y0, x0+1)) + fy*((1-fx)*pixel(y0+1, x0)+fx*pixel(y0+1, x0+1))
			saida[y*largura+x] = float32(v)
		}
	}
	return saida
}

// Aumento descreve o aumento de dados da seção 8 da lição 01: cada cópia
// de uma imagem é girada de um ângulo sorteado em [−Graus, Graus] e
// deslocada de até Deslocamento pixels em cada direção (valores reais,
// sorteados por igual).
type Aumento struct {
	Copias       int     // cópias transformadas de cada imagem (além da original)
	Graus        float64 // giro máximo, para cada lado
	Deslocamento float64 // deslocamento máximo, em pixels, em cada direção
	Semente      uint64
}

// Aplica devolve as imagens de im seguidas de a.Copias cópias transformadas
// de cada uma (as de todas as imagens, cópia por cópia), com os mesmos
// rótulos: (1 + Copias)·N imagens. O mesmo Aumento dá sempre as mesmas
// imagens.
func (a Aumento) Aplica(im *dados.Imagens) *dados.Imagens {
	r := rand.New(rand.NewPCG(a.Semente, 1998))
	t := im.Altura * im.Largura
	saida := &dados.Imagens{
		Nome: im.Nome + " aumentado", N: im.N * (1 + a.Copias), Altura: im.Altura, Largura: im.Largura,
		Pixels:  make([]float32, 0, im.N*(1+a.Copias)*t),
		Rotulos: make([]int32, 0, im.N*(1+a.Copias)),
	}
	saida.Pixels = append(saida.Pixels, im.Pixels[:im.N*t]...)
	saida.Rotulos = append(saida.Rotulos, im.Rotulos[:im.N]...)
	sorteia := func(m float64) float64 { return m * (2*r.Float64() - 1) }
	for range a.Copias {
		for i := range im.N {
			g, dx, dy := sorteia(a.Graus), sorteia(a.Deslocamento), sorteia(a.Deslocamento)
			saida.Pixels = append(saida.Pixels, Transforma(im.Imagem(i), im.Altura, im.Largura, g, dx, dy)...)
			saida.Rotulos = append(saida.Rotulos, im.Rotulos[i])
		}
	}
	return saida
}
