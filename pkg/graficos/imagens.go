package graficos

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// vao é o espaço entre as imagens da grade, em pixels.
const vao = 8

// corDaMoldura é a cor da moldura fina em volta de cada imagem.
var corDaMoldura = color.Gray{Y: 190}

// GradeImagens desenha imagens em tons de cinza numa grade com `colunas`
// colunas (o número de linhas sai da quantidade de imagens).
//
// Cada imagem é uma fatia com altura×largura valores, linha a linha (como
// uma imagem do MNIST achatada). Cada uma é normalizada sozinha: o seu menor
// valor fica preto e o maior, branco (uma imagem constante fica cinza). Os
// pixels aparecem como quadrados nítidos, sem suavização.
//
// legendas, se dada, tem um texto curto para pôr embaixo de cada imagem;
// pode ser nil ou ter menos textos que imagens.
//
// O tamanho padrão da figura é escolhido para que cada pixel das imagens
// vire um quadrado com um número inteiro de pixels da figura.
func GradeImagens(titulo string, imagens [][]float32, altura, largura, colunas int, legendas []string) *Figura {
	if len(imagens) == 0 {
		return comErro(titulo, errVazio)
	}
	if altura <= 0 || largura <= 0 {
		return comErro(titulo, fmt.Errorf("altura e largura das imagens devem ser positivas; recebi %d×%d", altura, largura))
	}
	if colunas <= 0 {
		return comErro(titulo, fmt.Errorf("o número de colunas deve ser positivo; recebi %d", colunas))
	}
	g := &grade{colunas: min(colunas, len(imagens)), legendas: legendas}
	for i, im := range imagens {
		if len(im) != altura*largura {
			return comErro(titulo, fmt.Errorf("a imagem %d tem %d valores, mas altura×largura = %d×%d = %d",
				i, len(im), altura, largura, altura*largura))
		}
		cinza, err := paraCinza(im, altura, largura)
		if err != nil {
			return comErro(titulo, fmt.Errorf("a imagem %d %w", i, err))
		}
		g.imagens = append(g.imagens, cinza)
	}
	g.estilo = text.Style{
		Font:    fonte(9),
		XAlign:  draw.XCenter,
		YAlign:  draw.YTop,
		Handler: plot.DefaultTextHandler,
	}

	f := nova(titulo, "", "")
	f.p.HideAxes()
	f.p.X.Padding, f.p.Y.Padding = 0, 0
	f.p.X.Min, f.p.X.Max, f.p.Y.Min, f.p.Y.Max = 0, 1, 0, 1 // a grade não usa as coordenadas dos eixos
	f.p.Add(g)

	// Tamanho padrão. A escala s (pixels da figura por pixel da imagem) é
	// inteira e a maior com que a grade cabe em 640 pixels de largura, sem
	// que cada imagem passe de 160 pixels.
	linhas := (len(imagens) + g.colunas - 1) / g.colunas
	m := emPixels(margem)
	s := math.Floor((LarguraPadrao - 2*m - vao*float64(g.colunas-1)) / float64(g.colunas*largura))
	s = max(1, min(s, math.Floor(160/float64(largura))))
	larguraPx := float64(g.colunas*largura)*s + vao*float64(g.colunas-1) + 2*m
	alturaPx := float64(linhas)*(float64(altura)*s+g.faixa()) + vao*float64(linhas-1) + 2*m
	if titulo != "" {
		estilo := f.p.Title.TextStyle
		alturaPx += emPixels(estilo.Rectangle(titulo).Size().Y + f.p.Title.Padding)
		larguraPx = max(larguraPx, emPixels(estilo.Width(titulo))+2*m) // o título não pode ser cortado
	}
	// Uns pixels de folga, para que arredondamentos não reduzam a escala.
	return f.Tamanho(int(math.Ceil(larguraPx))+2, int(math.Ceil(alturaPx))+2)
}

// paraCinza converte uma imagem achatada numa image.Gray, levando o menor
// valor a 0 (preto) e o maior a 255 (branco).
func paraCinza(im []float32, altura, largura int) (*image.Gray, error) {
	menor, maior := float32(math.Inf(1)), float32(math.Inf(-1))
	for j, v := range im {
		if invalido(float64(v)) {
			return nil, fmt.Errorf("tem um valor inválido na posição %d: %v", j, v)
		}
		menor, maior = min(menor, v), max(maior, v)
	}
	cinza := image.NewGray(image.Rect(0, 0, largura, altura))
	for j, v := range im {
		nivel := 128.0 // imagem constante: cinza médio
		if maior > menor {
			nivel = math.Round(255 * float64(v-menor) / float64(maior-menor))
		}
		cinza.Pix[j] = uint8(nivel)
	}
	return cinza, nil
}

// grade é um plot.Plotter que desenha as imagens lado a lado, com a
// legenda de cada uma embaixo, centradas na área do gráfico. Ele faz a
// conta em pixels da figura, para que cada pixel das imagens vire um bloco
// de tamanho inteiro (todos iguais).
type grade struct {
	imagens  []*image.Gray // todas do mesmo tamanho
	colunas  int
	legendas []string
	estilo   text.Style // o estilo das legendas
}

// faixa é a altura, em pixels, reservada para a legenda sob cada imagem
// (zero se não há legendas).
func (g *grade) faixa() float64 {
	if len(g.legendas) == 0 {
		return 0
	}
	return math.Ceil(emPixels(g.estilo.Rectangle("Ág").Size().Y)) + 4
}

// Plot desenha a grade (método de plot.Plotter).
func (g *grade) Plot(c draw.Canvas, _ *plot.Plot) {
	largura, altura := g.imagens[0].Bounds().Dx(), g.imagens[0].Bounds().Dy()
	colunas := g.colunas
	linhas := (len(g.imagens) + colunas - 1) / colunas
	faixa := g.faixa()

	// A maior escala com que a grade cabe na área; se for maior que 1,
	// arredondamos para baixo, para que todos os pixels tenham o mesmo
	// tamanho.
	areaL, areaA := emPixels(c.Max.X-c.Min.X), emPixels(c.Max.Y-c.Min.Y)
	escala := min(
		(areaL-vao*float64(colunas-1))/float64(colunas*largura),
		(areaA-float64(linhas)*faixa-vao*float64(linhas-1))/float64(linhas*altura),
	)
	if escala >= 1 {
		escala = math.Floor(escala + 1e-6)
	}
	l, a := math.Round(float64(largura)*escala), math.Round(float64(altura)*escala)
	if l < 1 || a < 1 {
		return // a figura é pequena demais para a grade
	}

	// Canto de cima à esquerda da grade, em pixels (no gonum, y cresce para
	// cima), para que ela fique centrada na área.
	totalL := float64(colunas)*l + vao*float64(colunas-1)
	totalA := float64(linhas)*(a+faixa) + vao*float64(linhas-1)
	esquerda := math.Round(emPixels(c.Min.X) + (areaL-totalL)/2)
	topo := math.Round(emPixels(c.Max.Y) - (areaA-totalA)/2)

	for n, img := range g.imagens {
		lin, col := n/colunas, n%colunas
		x := esquerda + float64(col)*(l+vao)
		y := topo - float64(lin)*(a+faixa+vao) - a // a base da imagem
		// Uma moldura cinza de 1 pixel, para ver onde acaba uma imagem de
		// bordas claras: um retângulo cinza 1 pixel maior, por baixo dela.
		c.FillPolygon(corDaMoldura, []vg.Point{
			{X: pixels(x - 1), Y: pixels(y - 1)}, {X: pixels(x + l + 1), Y: pixels(y - 1)},
			{X: pixels(x + l + 1), Y: pixels(y + a + 1)}, {X: pixels(x - 1), Y: pixels(y + a + 1)},
		})
		desenhaNitida(c, vg.Rectangle{
			Min: vg.Point{X: pixels(x), Y: pixels(y)},
			Max: vg.Point{X: pixels(x + l), Y: pixels(y + a)},
		}, img)
		if n < len(g.legendas) && g.legendas[n] != "" {
			c.FillText(g.estilo, vg.Point{X: pixels(x + l/2), Y: pixels(y - 4)}, g.legendas[n])
		}
	}
}
