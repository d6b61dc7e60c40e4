package graficos

import (
	"cmp"
	"fmt"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// Barras desenha um valor por rótulo, como barras verticais, com o valor
// escrito junto de cada barra (acima dela; abaixo, se for negativo).
// rotulos e valores devem ter o mesmo tamanho.
func Barras(titulo, eixoY string, rotulos []string, valores []float64) *Figura {
	if len(valores) == 0 {
		return comErro(titulo, errVazio)
	}
	if len(rotulos) != len(valores) {
		return comErro(titulo, fmt.Errorf("há %d rótulos para %d valores; devem ser tantos rótulos quanto valores",
			len(rotulos), len(valores)))
	}
	menor, maior := 0.0, 0.0 // o zero sempre aparece: as barras partem dele
	for i, v := range valores {
		if invalido(v) {
			return comErro(titulo, fmt.Errorf("o valor de %q é inválido: %v", rotulos[i], v))
		}
		menor, maior = min(menor, v), max(maior, v)
	}

	f := nova(titulo, "", eixoY)
	grade := plotter.NewGrid()
	grade.Vertical.Color = nil // só as linhas horizontais
	f.p.Add(grade)

	// A largura de cada barra, em pixels: mais estreita quando há muitas.
	barras, err := plotter.NewBarChart(plotter.Values(valores), pixels(min(80, 360/float64(len(valores)))))
	if err != nil {
		return comErro(titulo, err)
	}
	barras.Color = cor(0)
	barras.LineStyle.Width = 0
	f.p.Add(barras)
	f.p.NominalX(rotulos...)
	f.p.X.Tick.Label.Font = fonte(10)

	// O valor de cada barra, escrito logo acima (ou abaixo) dela.
	xys := make(plotter.XYs, len(valores))
	textos := make([]string, len(valores))
	for i, v := range valores {
		xys[i] = plotter.XY{X: float64(i), Y: v}
		textos[i] = formataNumero(v, 4)
	}
	rotulosDosValores, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: textos})
	if err != nil {
		return comErro(titulo, err)
	}
	for i, v := range valores {
		estilo := &rotulosDosValores.TextStyle[i]
		estilo.Font = fonte(10)
		estilo.XAlign = draw.XCenter
		// YAlign diz onde fica o ponto em relação ao texto, em alturas do
		// texto: 0 é a base (texto acima do ponto) e -1 o topo (texto
		// abaixo). Com 0,3 e -1,3 sobra um espaço entre barra e texto.
		estilo.YAlign = 0.3
		if v < 0 {
			estilo.YAlign = -1.3
		}
	}
	f.p.Add(rotulosDosValores)

	// Espaço para os textos: 10% a mais acima da maior barra (e abaixo da
	// menor, se houver negativas).
	faixa := cmp.Or(maior-menor, 1) // barras todas iguais: qualquer faixa serve
	f.p.Y.Max = maior + 0.1*faixa
	if menor < 0 {
		f.p.Y.Min = menor - 0.1*faixa
	} else {
		f.p.Y.Min = 0
	}
	f.p.X.Min, f.p.X.Max = -0.6, float64(len(valores))-0.4
	return f
}
