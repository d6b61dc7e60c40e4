package graficos

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// MapaCalor desenha uma matriz como um mapa de calor: a linha i de valores
// aparece de cima para baixo com o rótulo rotulosY[i], a coluna j com
// rotulosX[j]; quanto maior o valor, mais escuro o azul. Com anotar, cada
// célula mostra seu valor. Serve, por exemplo, para matrizes de confusão.
func MapaCalor(titulo, eixoX, eixoY string, valores [][]float64, rotulosX, rotulosY []string, anotar bool) *Figura {
	ny := len(valores)
	if ny == 0 || len(valores[0]) == 0 {
		return comErro(titulo, errVazio)
	}
	nx := len(valores[0])
	for i, linha := range valores {
		if len(linha) != nx {
			return comErro(titulo, fmt.Errorf("a linha %d tem %d valores; a primeira tem %d", i, len(linha), nx))
		}
	}
	if (rotulosX != nil && len(rotulosX) != nx) || (rotulosY != nil && len(rotulosY) != ny) {
		return comErro(titulo, fmt.Errorf("rótulos (%d, %d) não combinam com a matriz %d×%d",
			len(rotulosX), len(rotulosY), ny, nx))
	}
	mn, mx := math.Inf(1), math.Inf(-1)
	for _, linha := range valores {
		for _, v := range linha {
			mn, mx = math.Min(mn, v), math.Max(mx, v)
		}
	}

	const k = 32 // pixels por célula na imagem (a escala final fica nítida)
	img := image.NewRGBA(image.Rect(0, 0, nx*k, ny*k))
	for i, linha := range valores {
		for j, v := range linha {
			c := Azul(fracao(v, mn, mx))
			for dy := range k {
				for dx := range k {
					img.SetRGBA(j*k+dx, i*k+dy, c)
				}
			}
		}
	}
	f := nova(titulo, eixoX, eixoY)
	f.p.Add(plotter.NewImage(img, 0, 0, float64(nx), float64(ny)))
	f.p.X.Min, f.p.X.Max = 0, float64(nx)
	f.p.Y.Min, f.p.Y.Max = 0, float64(ny)
	f.p.X.Padding, f.p.Y.Padding = 0, 0
	f.p.X.Tick.Marker = marcas(nx, rotulosX, false)
	f.p.Y.Tick.Marker = marcas(ny, rotulosY, true)

	if anotar {
		var xys plotter.XYs
		var textos []string
		var cores []color.Color
		for i, linha := range valores {
			for j, v := range linha {
				xys = append(xys, plotter.XY{X: float64(j) + 0.5, Y: float64(ny-1-i) + 0.5})
				textos = append(textos, formataCelula(v))
				if fracao(v, mn, mx) > 0.55 {
					cores = append(cores, color.White)
				} else {
					cores = append(cores, color.Black)
				}
			}
		}
		if rot, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: textos}); err == nil {
			tamanho := 10.0
			if nx > 12 {
				tamanho = 7
			}
			for i := range rot.TextStyle {
				rot.TextStyle[i].XAlign = draw.XCenter
				rot.TextStyle[i].YAlign = draw.YCenter
				rot.TextStyle[i].Color = cores[i]
				rot.TextStyle[i].Font.Size = font.Length(tamanho)
			}
			f.p.Add(rot)
		}
	}
	// Quadrado por padrão, com espaço para os rótulos.
	return f.Tamanho(560, 520)
}

func fracao(v, mn, mx float64) float64 {
	if mx <= mn {
		return 0.5
	}
	return (v - mn) / (mx - mn)
}

// Azul leva t ∈ [0, 1] a um azul: quase branco em 0, azul-escuro em 1.
func Azul(t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	claro := [3]float64{247, 251, 255}
	escuro := [3]float64{8, 48, 107}
	var c [3]uint8
	for i := range c {
		c[i] = uint8(math.Round(claro[i] + t*(escuro[i]-claro[i])))
	}
	return color.RGBA{c[0], c[1], c[2], 255}
}

func formataCelula(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2g", v)
}

// marcas põe um rótulo no centro de cada célula; no eixo Y, a primeira linha
// fica em cima.
func marcas(n int, rotulos []string, invertido bool) plot.Ticker {
	var ts plot.ConstantTicks
	for i := range n {
		rotulo := fmt.Sprint(i)
		if rotulos != nil {
			rotulo = rotulos[i]
		}
		pos := float64(i) + 0.5
		if invertido {
			pos = float64(n-1-i) + 0.5
		}
		ts = append(ts, plot.Tick{Value: pos, Label: rotulo})
	}
	return ts
}
