package graficos

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// GradeImagens desenha imagens em tons de cinza numa grade com `colunas`
// colunas. Cada imagem é uma fatia de altura×largura valores, linha a linha;
// cada uma é normalizada do seu mínimo (preto) ao seu máximo (branco). Os
// pixels aparecem como quadrados nítidos (sem suavização). legendas, se
// dadas, aparecem sob cada imagem.
func GradeImagens(titulo string, imagens [][]float32, altura, largura, colunas int, legendas []string) *Figura {
	if len(imagens) == 0 {
		return comErro(titulo, errVazio)
	}
	if altura <= 0 || largura <= 0 {
		return comErro(titulo, fmt.Errorf("tamanho de imagem inválido: %d×%d", altura, largura))
	}
	for i, im := range imagens {
		if len(im) != altura*largura {
			return comErro(titulo, fmt.Errorf("a imagem %d tem %d valores; esperava %d×%d = %d",
				i, len(im), altura, largura, altura*largura))
		}
	}
	colunas = max(1, min(colunas, len(imagens)))
	linhas := (len(imagens) + colunas - 1) / colunas
	temLegenda := len(legendas) > 0

	// Cada célula: a imagem, 1 pixel de margem de cada lado e, se houver
	// legendas, uma faixa embaixo para o texto.
	margem := max(1, largura/14)
	faixa := 0
	if temLegenda {
		faixa = max(4, altura/3)
	}
	celW, celH := largura+2*margem, altura+2*margem+faixa
	W, H := colunas*celW, linhas*celH

	// Tamanho da figura: até 640 px de largura (~80 px por coluna no mínimo),
	// altura proporcional para que os pixels fiquem quadrados.
	const espacoTitulo = 36
	larguraPx := min(LarguraPadrao, max(240, colunas*80))
	alturaPx := int(float64(larguraPx)*float64(H)/float64(W)) + espacoTitulo

	// Desenha a grade numa imagem ampliada (vizinho mais próximo), para que a
	// escala final seja ~1:1 e os pixels continuem nítidos.
	k := max(1, int(math.Ceil(float64(larguraPx)/float64(W))))
	img := image.NewRGBA(image.Rect(0, 0, W*k, H*k))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for n, im := range imagens {
		lin, col := n/colunas, n%colunas
		x0, y0 := col*celW+margem, lin*celH+margem
		mn, mx := minMax(im)
		for y := range altura {
			for x := range largura {
				v := uint8(128)
				if mx > mn {
					v = uint8(math.Round(255 * float64(im[y*largura+x]-mn) / float64(mx-mn)))
				}
				c := color.RGBA{v, v, v, 255}
				for dy := range k {
					for dx := range k {
						img.SetRGBA((x0+x)*k+dx, (y0+y)*k+dy, c)
					}
				}
			}
		}
	}

	f := nova(titulo, "", "")
	f.p.Add(plotter.NewImage(img, 0, 0, float64(W), float64(H)))
	escondeEixos(f.p)
	f.p.X.Min, f.p.X.Max = 0, float64(W)
	f.p.Y.Min, f.p.Y.Max = 0, float64(H)
	if temLegenda {
		var xys plotter.XYs
		var textos []string
		for n := range imagens {
			if n >= len(legendas) {
				break
			}
			lin, col := n/colunas, n%colunas
			xys = append(xys, plotter.XY{
				X: float64(col*celW) + float64(celW)/2,
				Y: float64(H - (lin*celH + 2*margem + altura + faixa/2)),
			})
			textos = append(textos, legendas[n])
		}
		rot, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: textos})
		if err == nil {
			for i := range rot.TextStyle {
				rot.TextStyle[i].XAlign = draw.XCenter
				rot.TextStyle[i].YAlign = draw.YCenter
				rot.TextStyle[i].Font.Size = 9
			}
			f.p.Add(rot)
		}
	}
	return f.Tamanho(larguraPx, alturaPx)
}

func minMax(v []float32) (float32, float32) {
	mn, mx := float32(math.Inf(1)), float32(math.Inf(-1))
	for _, x := range v {
		mn, mx = min(mn, x), max(mx, x)
	}
	return mn, mx
}

// escondeEixos tira eixos, marcas e margens de um gráfico de imagem.
func escondeEixos(p *plot.Plot) {
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
}
