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

// MapaCalor desenha uma matriz como um mapa de calor: quanto maior o
// valor, mais escuro o azul. A linha i de valores aparece de cima para
// baixo, com o rótulo rotulosY[i]; a coluna j, da esquerda para a direita,
// com o rótulo rotulosX[j]. Rótulos nil viram os números 0, 1, 2, …
//
// Com anotar, cada célula mostra o seu valor (em branco nas células
// escuras, em preto nas claras). Serve, por exemplo, para a matriz de
// confusão de um classificador: linhas = classe verdadeira, colunas =
// classe prevista. O tamanho padrão é 560×520 pixels.
func MapaCalor(titulo, eixoX, eixoY string, valores [][]float64, rotulosX, rotulosY []string, anotar bool) *Figura {
	nLinhas := len(valores)
	if nLinhas == 0 || len(valores[0]) == 0 {
		return comErro(titulo, errVazio)
	}
	nColunas := len(valores[0])
	menor, maior := math.Inf(1), math.Inf(-1)
	for i, linha := range valores {
		if len(linha) != nColunas {
			return comErro(titulo, fmt.Errorf("a linha %d tem %d valores, mas a linha 0 tem %d; todas devem ter o mesmo tamanho",
				i, len(linha), nColunas))
		}
		for j, v := range linha {
			if invalido(v) {
				return comErro(titulo, fmt.Errorf("o valor na linha %d, coluna %d, é inválido: %v", i, j, v))
			}
			menor, maior = min(menor, v), max(maior, v)
		}
	}
	if rotulosX != nil && len(rotulosX) != nColunas {
		return comErro(titulo, fmt.Errorf("há %d rótulos em X para %d colunas", len(rotulosX), nColunas))
	}
	if rotulosY != nil && len(rotulosY) != nLinhas {
		return comErro(titulo, fmt.Errorf("há %d rótulos em Y para %d linhas", len(rotulosY), nLinhas))
	}

	// Uma imagem com um pixel por célula; imagemNitida a amplia sem borrar.
	// A célula (i, j) ocupa o quadrado [j, j+1] × [nLinhas-1-i, nLinhas-i]
	// nas coordenadas do gráfico.
	img := image.NewRGBA(image.Rect(0, 0, nColunas, nLinhas))
	for i, linha := range valores {
		for j, v := range linha {
			img.SetRGBA(j, i, Azul(fracao(v, menor, maior)))
		}
	}
	f := nova(titulo, eixoX, eixoY)
	f.p.Add(imagemNitida{img: img, xmin: 0, xmax: float64(nColunas), ymin: 0, ymax: float64(nLinhas)})
	f.p.X.Padding, f.p.Y.Padding = 0, 0
	f.p.X.Tick.Marker = marcasNasCelulas(nColunas, rotulosX, false)
	f.p.Y.Tick.Marker = marcasNasCelulas(nLinhas, rotulosY, true)
	for _, eixo := range []*plot.Axis{&f.p.X, &f.p.Y} {
		eixo.Tick.Label.Font = fonte(10)
		eixo.Tick.Length = 0 // o rótulo já está no centro da célula
	}

	if anotar {
		if err := anota(f.p, valores, menor, maior); err != nil {
			return comErro(titulo, err)
		}
	}
	// Por padrão, quase quadrada, com espaço para os rótulos dos eixos.
	return f.Tamanho(560, 520)
}

// anota escreve o valor de cada célula no centro dela.
func anota(p *plot.Plot, valores [][]float64, menor, maior float64) error {
	nLinhas, nColunas := len(valores), len(valores[0])
	var xys plotter.XYs
	var textos []string
	var cores []color.Color
	for i, linha := range valores {
		for j, v := range linha {
			xys = append(xys, plotter.XY{X: float64(j) + 0.5, Y: float64(nLinhas-1-i) + 0.5})
			textos = append(textos, formataNumero(v, 3))
			cores = append(cores, corDoTexto(Azul(fracao(v, menor, maior))))
		}
	}
	rotulos, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: textos})
	if err != nil {
		return err
	}
	// Letra menor quando há muitas células.
	tamanho := 10.0
	if n := max(nLinhas, nColunas); n > 20 {
		tamanho = 6
	} else if n > 12 {
		tamanho = 8
	}
	for i := range rotulos.TextStyle {
		rotulos.TextStyle[i].Font = fonte(tamanho)
		rotulos.TextStyle[i].XAlign = draw.XCenter
		rotulos.TextStyle[i].YAlign = draw.YCenter
		rotulos.TextStyle[i].Color = cores[i]
	}
	p.Add(rotulos)
	return nil
}

// fracao leva v do intervalo [menor, maior] para [0, 1]. Se todos os
// valores forem iguais, devolve 0,5.
func fracao(v, menor, maior float64) float64 {
	if maior <= menor {
		return 0.5
	}
	return (v - menor) / (maior - menor)
}

// Azul leva t ∈ [0, 1] a um tom de azul, misturando linearmente um azul
// quase branco (t = 0) e um azul-marinho (t = 1): a paleta dos mapas de
// calor.
func Azul(t float64) color.RGBA {
	t = max(0, min(1, t))
	claro := [3]float64{247, 251, 255}
	escuro := [3]float64{8, 48, 107}
	var c [3]uint8
	for i := range c {
		c[i] = uint8(math.Round(claro[i] + t*(escuro[i]-claro[i])))
	}
	return color.RGBA{c[0], c[1], c[2], 255}
}

// corDoTexto escolhe preto ou branco, o que contrastar mais com o fundo.
func corDoTexto(fundo color.RGBA) color.Color {
	// Luminância percebida (o olho é mais sensível ao verde).
	luz := 0.299*float64(fundo.R) + 0.587*float64(fundo.G) + 0.114*float64(fundo.B)
	if luz < 140 {
		return color.White
	}
	return color.Black
}

// marcasNasCelulas põe um rótulo no centro de cada uma das n células de um
// eixo. No eixo Y (invertido), a primeira célula fica em cima.
func marcasNasCelulas(n int, rotulos []string, invertido bool) plot.ConstantTicks {
	marcas := make(plot.ConstantTicks, n)
	for i := range n {
		rotulo := fmt.Sprint(i)
		if rotulos != nil {
			rotulo = rotulos[i]
		}
		centro := float64(i) + 0.5
		if invertido {
			centro = float64(n-1-i) + 0.5
		}
		marcas[i] = plot.Tick{Value: centro, Label: rotulo}
	}
	return marcas
}
