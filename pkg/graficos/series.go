package graficos

import (
	"fmt"
	"image/color"
	"math"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Serie é uma sequência de pontos (X[i], Y[i]), com um nome para a
// legenda. Se X for nil, os pontos ficam em X = 0, 1, 2, …
type Serie struct {
	Nome string
	X, Y []float64
}

// Cores são as cores das séries, na ordem: a paleta "tab10" (a mesma do
// matplotlib), com cores bem distintas e legíveis sobre fundo branco.
var Cores = []color.Color{
	color.RGBA{31, 119, 180, 255},  // azul
	color.RGBA{255, 127, 14, 255},  // laranja
	color.RGBA{44, 160, 44, 255},   // verde
	color.RGBA{214, 39, 40, 255},   // vermelho
	color.RGBA{148, 103, 189, 255}, // roxo
	color.RGBA{140, 86, 75, 255},   // marrom
	color.RGBA{227, 119, 194, 255}, // rosa
	color.RGBA{127, 127, 127, 255}, // cinza
	color.RGBA{188, 189, 34, 255},  // oliva
	color.RGBA{23, 190, 207, 255},  // ciano
}

// cor devolve a cor da i-ésima série (depois da décima, as cores se repetem).
func cor(i int) color.Color { return Cores[i%len(Cores)] }

// Curvas desenha uma ou mais séries como linhas, com grade e, se houver
// mais de uma série ou se a série tiver nome, uma legenda.
func Curvas(titulo, eixoX, eixoY string, series ...Serie) *Figura {
	pontos, err := confereSeries(series)
	if err != nil {
		return comErro(titulo, err)
	}
	f := nova(titulo, eixoX, eixoY)
	f.p.Add(plotter.NewGrid())
	for i, xy := range pontos {
		linha, err := plotter.NewLine(xy)
		if err != nil {
			return comErro(titulo, err)
		}
		linha.Color = cor(i)
		linha.Width = vg.Points(2)
		f.p.Add(linha)
		if precisaLegenda(series) {
			f.p.Legend.Add(nomeNaLegenda(series, i), linha)
		}
	}
	escolheCantoDaLegenda(&f.p.Legend, series, pontos, true)
	return f
}

// Pontos desenha uma ou mais séries como pontos soltos (um gráfico de
// dispersão), cada série com uma cor, e uma legenda como em Curvas.
func Pontos(titulo, eixoX, eixoY string, series ...Serie) *Figura {
	pontos, err := confereSeries(series)
	if err != nil {
		return comErro(titulo, err)
	}
	f := nova(titulo, eixoX, eixoY)
	f.p.Add(plotter.NewGrid())
	for i, xy := range pontos {
		disp, err := plotter.NewScatter(xy)
		if err != nil {
			return comErro(titulo, err)
		}
		disp.GlyphStyle = draw.GlyphStyle{Color: cor(i), Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
		f.p.Add(disp)
		if precisaLegenda(series) {
			f.p.Legend.Add(nomeNaLegenda(series, i), disp)
		}
	}
	escolheCantoDaLegenda(&f.p.Legend, series, pontos, false)
	return f
}

// confereSeries confere as séries e as converte para o formato do gonum.
func confereSeries(series []Serie) ([]plotter.XYs, error) {
	if len(series) == 0 {
		return nil, errVazio
	}
	var todas []plotter.XYs
	for i, s := range series {
		nome := fmt.Sprintf("a série %d", i+1)
		if s.Nome != "" {
			nome = fmt.Sprintf("a série %q", s.Nome)
		}
		if len(s.Y) == 0 {
			return nil, fmt.Errorf("%s não tem nenhum ponto (Y está vazio)", nome)
		}
		if s.X != nil && len(s.X) != len(s.Y) {
			return nil, fmt.Errorf("%s tem %d valores em X e %d em Y; devem ser tantos X quanto Y", nome, len(s.X), len(s.Y))
		}
		xy := make(plotter.XYs, len(s.Y))
		for j, y := range s.Y {
			x := float64(j)
			if s.X != nil {
				x = s.X[j]
			}
			if invalido(x) || invalido(y) {
				return nil, fmt.Errorf("%s tem um valor inválido na posição %d: X = %v, Y = %v", nome, j, x, y)
			}
			xy[j] = plotter.XY{X: x, Y: y}
		}
		todas = append(todas, xy)
	}
	return todas, nil
}

// invalido diz se v não pode ser desenhado: NaN ("não é um número") ou infinito.
func invalido(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// precisaLegenda: só vale a pena com mais de uma série, ou se a única
// série tiver nome.
func precisaLegenda(series []Serie) bool {
	return len(series) > 1 || series[0].Nome != ""
}

// nomeNaLegenda é o nome da série i, ou "série i+1" se ela não tiver nome.
func nomeNaLegenda(series []Serie, i int) string {
	if series[i].Nome != "" {
		return series[i].Nome
	}
	return fmt.Sprintf("série %d", i+1)
}

// escolheCantoDaLegenda põe a legenda no canto da área dos dados que tem
// menos pontos por baixo; no empate, prefere o canto de cima à direita.
// Se ligados for verdade (linhas), conta também pontos intermediários de
// cada segmento, porque a linha passa por eles.
func escolheCantoDaLegenda(l *plot.Legend, series []Serie, pontos []plotter.XYs, ligados bool) {
	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, xy := range pontos {
		x0, x1, y0, y1 := plotter.XYRange(xy)
		xmin, xmax = min(xmin, x0), max(xmax, x1)
		ymin, ymax = min(ymin, y0), max(ymax, y1)
	}
	// Tamanho aproximado da caixa da legenda, como fração da área dos dados.
	maiorNome := 0
	for i := range series {
		maiorNome = max(maiorNome, utf8.RuneCountInString(nomeNaLegenda(series, i)))
	}
	largura := 0.1 + 0.013*float64(maiorNome)
	altura := 0.05 + 0.06*float64(len(series))

	cantos := []struct{ topo, esquerda bool }{{true, false}, {true, true}, {false, false}, {false, true}}
	contagem := make([]int, len(cantos))
	conta := func(x, y float64) {
		u, v := 0.5, 0.5 // posição relativa, de 0 a 1, na área dos dados
		if xmax > xmin {
			u = (x - xmin) / (xmax - xmin)
		}
		if ymax > ymin {
			v = (y - ymin) / (ymax - ymin)
		}
		for k, c := range cantos {
			dentroX := (c.esquerda && u <= largura) || (!c.esquerda && u >= 1-largura)
			dentroY := (c.topo && v >= 1-altura) || (!c.topo && v <= altura)
			if dentroX && dentroY {
				contagem[k]++
			}
		}
	}
	const passos = 8 // pontos intermediários por segmento de linha
	for _, xy := range pontos {
		for j, p := range xy {
			conta(p.X, p.Y)
			if ligados && j+1 < len(xy) {
				q := xy[j+1]
				for s := 1; s < passos; s++ {
					t := float64(s) / passos
					conta(p.X+t*(q.X-p.X), p.Y+t*(q.Y-p.Y))
				}
			}
		}
	}
	melhor := 0
	for k := range cantos {
		if contagem[k] < contagem[melhor] {
			melhor = k
		}
	}
	l.Top, l.Left = cantos[melhor].topo, cantos[melhor].esquerda
}
