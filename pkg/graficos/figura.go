// Package graficos desenha as figuras do curso — curvas de treino, grades de
// imagens, mapas de calor, barras — com o gonum/plot, e as mostra dentro do
// notebook (pelo gonbui do GoNB) ou as salva em PNG fora dele.
//
// Cada função devolve uma *Figura; nada é desenhado até que se peça:
//
//	graficos.Curvas("Perda durante o treino", "passo", "perda",
//		graficos.Serie{Nome: "treino", Y: perdas}).Mostra()
//
// Mostra exibe a figura no notebook; fora dele (testes, scripts), salva um
// PNG em $REPRESENTACOES_GRAFICOS (ou numa pasta temporária) e diz onde.
// Atualiza redesenha a figura no mesmo lugar do notebook, para gráficos ao
// vivo durante um treino. Quem quiser ajustar detalhes usa Plot(), que dá o
// *plot.Plot do gonum.
//
// As figuras saem em 96 pontos por polegada, então o tamanho pedido em
// pixels é exato: 640×400 por padrão, legível na largura de um notebook.
package graficos

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/janpfeifer/gonb/gonbui"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Tamanho padrão das figuras, em pixels.
const (
	LarguraPadrao = 640
	AlturaPadrao  = 400
)

const dpi = 96

// Figura é um gráfico pronto para mostrar ou salvar.
type Figura struct {
	p               *plot.Plot
	titulo          string
	largura, altura int
	err             error // erro na construção (dados inválidos), devolvido por PNG/Salva
}

func init() {
	// Fonte sem serifa (Liberation Sans, embutida no gonum/plot): mais legível
	// em tamanhos pequenos, com todos os acentos do português.
	plot.DefaultFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
	plotter.DefaultFont = plot.DefaultFont
}

// nova cria uma figura com título e estilo do curso.
func nova(titulo, eixoX, eixoY string) *Figura {
	p := plot.New()
	p.Title.Text = titulo
	p.Title.TextStyle.Font.Size = font.Length(13)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = eixoX
	p.Y.Label.Text = eixoY
	for _, eixo := range []*plot.Axis{&p.X, &p.Y} {
		eixo.Label.TextStyle.Font.Size = font.Length(11)
		eixo.Tick.Label.Font.Size = font.Length(10)
	}
	p.Legend.TextStyle.Font.Size = font.Length(10)
	p.BackgroundColor = color.White
	return &Figura{p: p, titulo: titulo, largura: LarguraPadrao, altura: AlturaPadrao}
}

func comErro(titulo string, err error) *Figura {
	f := nova(titulo, "", "")
	f.err = err
	return f
}

// Tamanho muda o tamanho da figura, em pixels.
func (f *Figura) Tamanho(larguraPx, alturaPx int) *Figura {
	if larguraPx > 0 && alturaPx > 0 {
		f.largura, f.altura = larguraPx, alturaPx
	}
	return f
}

// Plot devolve o *plot.Plot do gonum, para ajustes finos.
func (f *Figura) Plot() *plot.Plot { return f.p }

func (f *Figura) comprimentos() (vg.Length, vg.Length) {
	return vg.Length(f.largura) * vg.Inch / dpi, vg.Length(f.altura) * vg.Inch / dpi
}

// PNG desenha a figura e devolve os bytes do PNG.
func (f *Figura) PNG() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	w, h := f.comprimentos()
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	if err := desenha(f.p, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("não consegui gerar o PNG de %q: %w", f.titulo, err)
	}
	return buf.Bytes(), nil
}

// SVG desenha a figura e devolve o texto SVG.
func (f *Figura) SVG() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	w, h := f.comprimentos()
	c := vgsvg.New(w, h)
	if err := desenha(f.p, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("não consegui gerar o SVG de %q: %w", f.titulo, err)
	}
	return buf.Bytes(), nil
}

// desenha chama p.Draw recuperando pânicos do gonum/plot (que os usa para
// dados impossíveis de desenhar).
func desenha(p *plot.Plot, c vg.CanvasSizer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("não consegui desenhar o gráfico %q: %v", p.Title.Text, r)
		}
	}()
	p.Draw(draw.New(c))
	return nil
}

// Salva grava a figura em PNG, ou em SVG se o caminho terminar em .svg.
func (f *Figura) Salva(caminho string) error {
	var b []byte
	var err error
	if strings.HasSuffix(strings.ToLower(caminho), ".svg") {
		b, err = f.SVG()
	} else {
		b, err = f.PNG()
	}
	if err != nil {
		return err
	}
	if dir := filepath.Dir(caminho); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(caminho, b, 0o644)
}

// Mostra exibe a figura no notebook. Fora de um notebook, salva um PNG em
// $REPRESENTACOES_GRAFICOS (ou numa pasta temporária) e escreve onde.
// Nunca entra em pânico: um erro vira uma mensagem.
func (f *Figura) Mostra() {
	if gonbui.IsNotebook {
		b, err := f.PNG()
		if err != nil {
			fmt.Println("⚠️ ", err)
			return
		}
		gonbui.DisplayPNG(b)
		return
	}
	pasta := os.Getenv("REPRESENTACOES_GRAFICOS")
	if pasta == "" {
		pasta = filepath.Join(os.TempDir(), "representacoes-graficos")
	}
	caminho := filepath.Join(pasta, NomeDeArquivo(f.titulo)+".png")
	if err := f.Salva(caminho); err != nil {
		fmt.Println("⚠️ ", err)
		return
	}
	fmt.Println("gráfico salvo em", caminho)
}

// Atualiza redesenha a figura no bloco de saída identificado por id (crie o
// id uma vez com gonbui.UniqueID()). Serve para gráficos ao vivo. Fora de um
// notebook não faz nada.
func (f *Figura) Atualiza(id string) {
	if !gonbui.IsNotebook {
		return
	}
	b, err := f.PNG()
	if err != nil {
		gonbui.UpdateHTML(id, "⚠️ "+err.Error())
		return
	}
	gonbui.UpdateHTML(id, fmt.Sprintf(`<img src="data:image/png;base64,%s" width="%d" height="%d" alt="%s">`,
		base64.StdEncoding.EncodeToString(b), f.largura, f.altura, escapaAtributo(f.titulo)))
}

// NomeDeArquivo transforma um título em um nome de arquivo ASCII:
// "Acurácia no teste" → "acuracia-no-teste".
func NomeDeArquivo(titulo string) string {
	var b strings.Builder
	hifen := false
	for _, r := range norm.NFD.String(strings.ToLower(titulo)) {
		switch {
		case unicode.Is(unicode.Mn, r): // acentos decompostos
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			hifen = false
		default:
			if !hifen && b.Len() > 0 {
				b.WriteByte('-')
				hifen = true
			}
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 60 {
		s = strings.Trim(s[:60], "-")
	}
	if s == "" {
		s = "grafico"
	}
	return s
}

func escapaAtributo(s string) string {
	r := strings.NewReplacer(`"`, "&quot;", "<", "&lt;", ">", "&gt;", "&", "&amp;")
	return r.Replace(s)
}

var errVazio = errors.New("não há dados para desenhar")
