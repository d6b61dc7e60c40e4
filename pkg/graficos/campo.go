package graficos

import (
	"cmp"
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Campo é uma função de duas variáveis amostrada numa grade regular do
// retângulo [XMin, XMax] × [YMin, YMax] — por exemplo, a saída D(x) do
// discriminador de uma GAN em cada ponto do plano.
//
// Valores[i][j] é o valor na coluna j (x cresce com j) da linha i (y cresce
// com i: a linha 0 fica embaixo, como num gráfico, e não em cima, como
// numa imagem).
type Campo struct {
	Valores                [][]float64
	XMin, XMax, YMin, YMax float64
	// Min e Max fixam a faixa de cores (valores fora dela ficam na cor da
	// ponta). Se Min == Max, vale a faixa dos próprios valores. Fixar a
	// faixa (0 e 1 para uma probabilidade) deixa comparáveis os quadros de
	// uma animação.
	Min, Max float64
	Nome     string // o que o campo é, para a legenda: "D(x)"
}

// PontosSobreCampo desenha séries de pontos (como Pontos) sobre um campo em
// tons de cinza: quanto maior o valor, mais escuro. A legenda mostra as
// séries e uma faixa com a escala do campo ("D(x): de 0 (claro) a 1
// (escuro)"). Pontos fora do retângulo do campo não aparecem. O tamanho
// padrão é 560×520 pixels, quase quadrado, para não distorcer o plano.
func PontosSobreCampo(titulo, eixoX, eixoY string, campo Campo, series ...Serie) *Figura {
	ny := len(campo.Valores)
	if ny == 0 || len(campo.Valores[0]) == 0 {
		return comErro(titulo, fmt.Errorf("o campo não tem valores: %w", errVazio))
	}
	if !(campo.XMax > campo.XMin) || !(campo.YMax > campo.YMin) {
		return comErro(titulo, fmt.Errorf("o retângulo do campo é inválido: x de %v a %v, y de %v a %v",
			campo.XMin, campo.XMax, campo.YMin, campo.YMax))
	}
	nx := len(campo.Valores[0])
	menor, maior := campo.Min, campo.Max
	if menor == maior {
		menor, maior = math.Inf(1), math.Inf(-1)
		for _, linha := range campo.Valores {
			for _, v := range linha {
				if !invalido(v) {
					menor, maior = min(menor, v), max(maior, v)
				}
			}
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, nx, ny))
	for i, linha := range campo.Valores {
		if len(linha) != nx {
			return comErro(titulo, fmt.Errorf("a linha %d do campo tem %d valores, mas a linha 0 tem %d", i, len(linha), nx))
		}
		for j, v := range linha {
			if invalido(v) {
				return comErro(titulo, fmt.Errorf("o valor do campo na linha %d, coluna %d, é inválido: %v", i, j, v))
			}
			img.SetRGBA(j, ny-1-i, Cinza(fracao(v, menor, maior))) // a linha 0 vai para baixo
		}
	}

	var pontos []plotter.XYs
	if len(series) > 0 {
		var err error
		if pontos, err = confereSeries(series); err != nil {
			return comErro(titulo, err)
		}
	}
	f := nova(titulo, eixoX, eixoY)
	f.p.Add(imagemNitida{img: img, xmin: campo.XMin, xmax: campo.XMax, ymin: campo.YMin, ymax: campo.YMax})
	f.p.X.Min, f.p.X.Max, f.p.Y.Min, f.p.Y.Max = campo.XMin, campo.XMax, campo.YMin, campo.YMax
	f.p.X.Padding, f.p.Y.Padding = 0, 0
	for i, xy := range pontos {
		// Pontos fora do retângulo não aparecem (o gráfico não cresce).
		var dentro plotter.XYs
		for _, p := range xy {
			if p.X >= campo.XMin && p.X <= campo.XMax && p.Y >= campo.YMin && p.Y <= campo.YMax {
				dentro = append(dentro, p)
			}
		}
		disp, err := plotter.NewScatter(dentro)
		if err != nil {
			// Nenhum ponto dentro do retângulo: só a legenda.
			disp = &plotter.Scatter{}
		}
		disp.GlyphStyle = draw.GlyphStyle{Color: cor(i), Radius: vg.Points(1.6), Shape: draw.CircleGlyph{}}
		f.p.Add(disp)
		f.p.Legend.Add(nomeNaLegenda(series, i), disp)
	}
	nome := cmp.Or(campo.Nome, "valor")
	f.p.Legend.Add(fmt.Sprintf("%s: de %s (claro) a %s (escuro)", nome, formataNumero(menor, 3), formataNumero(maior, 3)), faixaDeCinza{})
	f.p.Legend.ThumbnailWidth = vg.Points(24)
	f.p.Legend.Top, f.p.Legend.Left = true, false
	return f.Tamanho(560, 520)
}

// Cinza leva t ∈ [0, 1] a um tom de cinza, de quase branco (t = 0) a um
// cinza-escuro (t = 1), claro o bastante para os pontos coloridos
// aparecerem por cima.
func Cinza(t float64) color.RGBA {
	t = max(0, min(1, t))
	y := uint8(math.Round(250 - t*(250-95)))
	return color.RGBA{y, y, y, 255}
}

// faixaDeCinza é o ícone da escala do campo na legenda: uma faixa que vai
// do tom do menor valor ao do maior.
type faixaDeCinza struct{}

// Thumbnail desenha a faixa (método de plot.Thumbnailer).
func (faixaDeCinza) Thumbnail(c *draw.Canvas) {
	const partes = 16
	larg := (c.Max.X - c.Min.X) / partes
	for k := range partes {
		x0 := c.Min.X + vg.Length(k)*larg
		c.FillPolygon(Cinza(float64(k)/(partes-1)), []vg.Point{
			{X: x0, Y: c.Min.Y}, {X: x0 + larg, Y: c.Min.Y}, {X: x0 + larg, Y: c.Max.Y}, {X: x0, Y: c.Max.Y},
		})
	}
}
