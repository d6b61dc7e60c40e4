package graficos

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Serie é uma sequência de pontos (X[i], Y[i]) com um nome para a legenda.
// Se X for nil, usa 0, 1, 2, …
type Serie struct {
	Nome string
	X, Y []float64
}

// Cores distintas (a paleta "tab10"), legíveis em fundo branco.
var Cores = []color.Color{
	color.RGBA{31, 119, 180, 255},
	color.RGBA{255, 127, 14, 255},
	color.RGBA{44, 160, 44, 255},
	color.RGBA{214, 39, 40, 255},
	color.RGBA{148, 103, 189, 255},
	color.RGBA{140, 86, 75, 255},
	color.RGBA{227, 119, 194, 255},
	color.RGBA{127, 127, 127, 255},
	color.RGBA{188, 189, 34, 255},
	color.RGBA{23, 190, 207, 255},
}

func (s Serie) pontos() (plotter.XYs, error) {
	if len(s.X) != 0 && len(s.X) != len(s.Y) {
		return nil, fmt.Errorf("a série %q tem %d valores de X e %d de Y", s.Nome, len(s.X), len(s.Y))
	}
	xy := make(plotter.XYs, len(s.Y))
	for i, y := range s.Y {
		xy[i].Y = y
		if s.X != nil {
			xy[i].X = s.X[i]
		} else {
			xy[i].X = float64(i)
		}
	}
	return xy, nil
}

func precisaLegenda(series []Serie) bool {
	return len(series) > 1 || (len(series) == 1 && series[0].Nome != "")
}

// Curvas desenha uma ou mais séries como linhas, com grade e legenda.
func Curvas(titulo, eixoX, eixoY string, series ...Serie) *Figura {
	f := nova(titulo, eixoX, eixoY)
	if len(series) == 0 {
		return comErro(titulo, errVazio)
	}
	f.p.Add(plotter.NewGrid())
	for i, s := range series {
		xy, err := s.pontos()
		if err != nil {
			return comErro(titulo, err)
		}
		linha, err := plotter.NewLine(xy)
		if err != nil {
			return comErro(titulo, fmt.Errorf("série %q: %w", s.Nome, err))
		}
		linha.Color = Cores[i%len(Cores)]
		linha.Width = vg.Points(2)
		f.p.Add(linha)
		if precisaLegenda(series) {
			f.p.Legend.Add(s.Nome, linha)
		}
	}
	f.p.Legend.Top = !terminamEmCima(series)
	return f
}

// terminamEmCima diz se as curvas terminam na metade de cima do gráfico
// (como uma acurácia que sobe): aí a legenda vai para baixo, para não
// cobrir o fim das curvas.
func terminamEmCima(series []Serie) bool {
	mn, mx := math.Inf(1), math.Inf(-1)
	soma, n := 0.0, 0
	for _, s := range series {
		for _, y := range s.Y {
			if !math.IsNaN(y) && !math.IsInf(y, 0) {
				mn, mx = math.Min(mn, y), math.Max(mx, y)
			}
		}
		if k := len(s.Y); k > 0 && !math.IsNaN(s.Y[k-1]) {
			soma += s.Y[k-1]
			n++
		}
	}
	return n > 0 && mx > mn && (soma/float64(n)-mn)/(mx-mn) > 0.5
}

// Pontos desenha uma ou mais séries como pontos soltos (dispersão).
func Pontos(titulo, eixoX, eixoY string, series ...Serie) *Figura {
	f := nova(titulo, eixoX, eixoY)
	if len(series) == 0 {
		return comErro(titulo, errVazio)
	}
	f.p.Add(plotter.NewGrid())
	for i, s := range series {
		xy, err := s.pontos()
		if err != nil {
			return comErro(titulo, err)
		}
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			return comErro(titulo, fmt.Errorf("série %q: %w", s.Nome, err))
		}
		sc.GlyphStyle.Color = Cores[i%len(Cores)]
		sc.GlyphStyle.Radius = vg.Points(2)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		f.p.Add(sc)
		if precisaLegenda(series) {
			f.p.Legend.Add(s.Nome, sc)
		}
	}
	f.p.Legend.Top = true
	return f
}

// Barras desenha um valor por rótulo, como barras verticais com o valor
// escrito acima de cada uma.
func Barras(titulo, eixoY string, rotulos []string, valores []float64) *Figura {
	f := nova(titulo, "", eixoY)
	if len(valores) == 0 {
		return comErro(titulo, errVazio)
	}
	if len(rotulos) != len(valores) {
		return comErro(titulo, fmt.Errorf("%d rótulos para %d valores", len(rotulos), len(valores)))
	}
	largura := vg.Points(float64(min(60, 400/len(valores))))
	barras, err := plotter.NewBarChart(plotter.Values(valores), largura)
	if err != nil {
		return comErro(titulo, err)
	}
	barras.Color = Cores[0]
	barras.LineStyle.Width = 0
	grade := plotter.NewGrid()
	grade.Vertical.Color = nil
	f.p.Add(grade)
	f.p.Add(barras)
	f.p.NominalX(rotulos...)
	f.p.X.Tick.Label.Font.Size = 11
	// O valor de cada barra, escrito logo acima dela.
	maior := 0.0
	for _, v := range valores {
		maior = max(maior, v)
	}
	var xys plotter.XYs
	var textos []string
	for i, v := range valores {
		xys = append(xys, plotter.XY{X: float64(i), Y: v + 0.02*maior})
		textos = append(textos, strings.Replace(fmt.Sprintf("%.4g", v), ".", ",", 1))
	}
	if rotulosValores, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: textos}); err == nil {
		for i := range rotulosValores.TextStyle {
			rotulosValores.TextStyle[i].XAlign = draw.XCenter
			rotulosValores.TextStyle[i].Font.Size = 10
		}
		f.p.Add(rotulosValores)
	}
	f.p.X.Min, f.p.X.Max = -0.7, float64(len(valores))-0.3
	f.p.Y.Min = min(0, f.p.Y.Min)
	f.p.Y.Max = maior * 1.12
	return f
}
