package graficos

import (
	"image"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// desenhaNitida desenha a imagem src no retângulo r da tela, ampliada (ou
// reduzida) pelo vizinho mais próximo: cada pixel de src vira um bloco de
// cor uniforme, sem o borrão que a interpolação do gonum/plot faria. Para
// isso, montamos a imagem já no tamanho final, em pixels da figura, e
// alinhamos o retângulo aos pixels; o gonum só precisa copiá-la.
//
// Por que não o draw.NearestNeighbor do golang.org/x/image: ele lê src no
// centro de cada pixel da figura, ((2x+1)·largura de src)/(2w), e este laço
// no canto, (x·largura de src)/w. Com escala inteira (a grade de dígitos) os
// dois dão o mesmo; com escala fracionária (mapa de calor, campo), as bordas
// das células andam um pixel — 4.372 pixels diferentes no ExampleMapaCalor e
// 16.250 no ExamplePontosSobreCampo —, e preferimos não mudar as figuras.
func desenhaNitida(c draw.Canvas, r vg.Rectangle, src image.Image) {
	x0, y0 := math.Round(emPixels(r.Min.X)), math.Round(emPixels(r.Min.Y))
	x1, y1 := math.Round(emPixels(r.Max.X)), math.Round(emPixels(r.Max.Y))
	w, h := int(x1-x0), int(y1-y0)
	if w <= 0 || h <= 0 {
		return // pequeno demais para aparecer
	}
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			// O pixel (x, y) da figura mostra o pixel de src que cai sobre ele.
			dst.Set(x, y, src.At(b.Min.X+x*b.Dx()/w, b.Min.Y+y*b.Dy()/h))
		}
	}
	c.DrawImage(vg.Rectangle{
		Min: vg.Point{X: pixels(x0), Y: pixels(y0)},
		Max: vg.Point{X: pixels(x1), Y: pixels(y1)},
	}, dst)
}

// imagemNitida é um plot.Plotter que desenha uma imagem no retângulo
// [xmin, xmax] × [ymin, ymax] dos dados, como o plotter.Image do gonum, mas
// nítida (veja desenhaNitida). A primeira linha da imagem fica em cima.
type imagemNitida struct {
	img                    image.Image
	xmin, xmax, ymin, ymax float64
}

// Plot desenha a imagem (método de plot.Plotter).
func (m imagemNitida) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	desenhaNitida(c, vg.Rectangle{
		Min: vg.Point{X: trX(m.xmin), Y: trY(m.ymin)},
		Max: vg.Point{X: trX(m.xmax), Y: trY(m.ymax)},
	}, m.img)
}

// DataRange diz ao gráfico que região dos dados a imagem ocupa (método de
// plot.DataRanger).
func (m imagemNitida) DataRange() (xmin, xmax, ymin, ymax float64) {
	return m.xmin, m.xmax, m.ymin, m.ymax
}
