package graficos

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/janpfeifer/gonb/gonbui"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// Tamanho padrão das figuras, em pixels.
const (
	LarguraPadrao = 640
	AlturaPadrao  = 400
)

// dpi é a resolução das figuras: 96 pontos por polegada, a mesma que os
// navegadores usam. Assim um pixel vale exatamente 0,75 ponto tipográfico,
// e a figura sai com o número de pixels pedido.
const dpi = 96

// pixels converte um comprimento em pixels para as unidades do gonum/plot
// (pontos tipográficos, 1/72 de polegada).
func pixels(n float64) vg.Length { return vg.Length(n) * vg.Inch / dpi }

// emPixels faz a conversão contrária.
func emPixels(l vg.Length) float64 { return l.Dots(dpi) }

// margem é o espaço livre em volta da figura inteira, para que nenhum
// texto encoste na borda.
var margem = pixels(8)

// Figura é um gráfico pronto para mostrar ou salvar. Crie-a com Curvas,
// Pontos, Barras, GradeImagens ou MapaCalor.
type Figura struct {
	p               *plot.Plot
	largura, altura int   // em pixels
	err             error // dados inválidos: PNG e Salva devolvem este erro
}

// sansSerif é a fonte Liberation Sans, que vem embutida no gonum/plot: sem
// serifa (mais legível em tamanhos pequenos) e com todos os acentos.
var sansSerif = font.Font{Typeface: "Liberation", Variant: "Sans"}

// fonte devolve a Liberation Sans no tamanho dado, em pontos.
func fonte(tamanho float64) font.Font { return font.From(sansSerif, font.Points(tamanho)) }

// nova cria uma figura vazia com título, nomes dos eixos e o estilo do curso.
func nova(titulo, eixoX, eixoY string) *Figura {
	p := plot.New()
	p.BackgroundColor = color.White
	p.Title.Text = titulo
	p.Title.TextStyle.Font = fonte(12)
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = eixoX
	p.Y.Label.Text = eixoY
	for _, eixo := range []*plot.Axis{&p.X, &p.Y} {
		eixo.Label.TextStyle.Font = fonte(10)
		eixo.Tick.Label.Font = fonte(9)
		eixo.Tick.Marker = marcasRedondas{}
	}
	p.Legend.TextStyle.Font = fonte(10)
	return &Figura{p: p, largura: LarguraPadrao, altura: AlturaPadrao}
}

// comErro cria uma figura que só guarda um erro: PNG, Salva e Mostra o
// informam.
func comErro(titulo string, err error) *Figura {
	f := nova(titulo, "", "")
	f.err = fmt.Errorf("gráfico %q: %w", titulo, err)
	return f
}

var errVazio = errors.New("não há dados para desenhar")

// Tamanho muda o tamanho da figura, em pixels, e devolve a própria figura
// (para encadear: graficos.Curvas(...).Tamanho(800, 300).Mostra()).
func (f *Figura) Tamanho(larguraPx, alturaPx int) *Figura {
	if larguraPx <= 0 || alturaPx <= 0 {
		if f.err == nil {
			f.err = fmt.Errorf("tamanho inválido: %d×%d pixels (os dois devem ser positivos)", larguraPx, alturaPx)
		}
		return f
	}
	f.largura, f.altura = larguraPx, alturaPx
	return f
}

// Plot devolve o *plot.Plot do gonum, para quem quiser ajustar detalhes
// (limites dos eixos, cores, mais elementos) antes de mostrar a figura.
func (f *Figura) Plot() *plot.Plot { return f.p }

// PNG desenha a figura e devolve os bytes de um arquivo PNG com exatamente
// o tamanho pedido (640×400 pixels, se ninguém chamou Tamanho).
func (f *Figura) PNG() ([]byte, error) {
	if err := f.valida(); err != nil {
		return nil, err
	}
	// Uma imagem com o número exato de pixels; o fundo fica branco.
	img := image.NewRGBA(image.Rect(0, 0, f.largura, f.altura))
	c := vgimg.NewWith(vgimg.UseImage(img), vgimg.UseDPI(dpi))
	if err := f.desenha(c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Image()); err != nil {
		return nil, fmt.Errorf("não consegui gerar o PNG do gráfico %q: %w", f.p.Title.Text, err)
	}
	return buf.Bytes(), nil
}

// SVG desenha a figura e devolve o texto de um arquivo SVG (imagem
// vetorial: pode ser ampliada sem perder nitidez).
func (f *Figura) SVG() ([]byte, error) {
	if err := f.valida(); err != nil {
		return nil, err
	}
	c := vgsvg.New(pixels(float64(f.largura)), pixels(float64(f.altura)))
	if err := f.desenha(c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("não consegui gerar o SVG do gráfico %q: %w", f.p.Title.Text, err)
	}
	return buf.Bytes(), nil
}

// valida devolve o erro guardado na figura, se houver.
func (f *Figura) valida() error {
	if f == nil || f.p == nil {
		return errors.New("a figura está vazia (nil): crie-a com Curvas, Pontos, Barras, GradeImagens ou MapaCalor")
	}
	return f.err
}

// desenha desenha a figura na tela c. O gonum/plot entra em pânico com
// alguns dados impossíveis de desenhar; aqui o pânico vira um erro.
func (f *Figura) desenha(c vg.CanvasSizer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("não consegui desenhar o gráfico %q: %v", f.p.Title.Text, r)
		}
	}()
	// Fundo branco na figura inteira (no SVG, o gonum só pintaria a parte
	// dentro da margem).
	todo := draw.New(c)
	todo.SetColor(color.White)
	todo.Fill(todo.Rectangle.Path())
	tela := draw.Crop(todo, margem, -margem, margem, -margem)

	// O gonum desenharia a legenda sem fundo, misturada às linhas. Então
	// tiramos a legenda do caminho, desenhamos o resto e, por último, a
	// legenda numa caixa branca, no canto escolhido (Legend.Top e Left).
	legenda := f.p.Legend
	f.p.Legend = plot.NewLegend()
	defer func() { f.p.Legend = legenda }()

	f.p.Draw(tela)
	desenhaLegenda(f.p.DataCanvas(tela), legenda)
	return nil
}

// desenhaLegenda desenha a legenda l numa caixa branca com borda cinza,
// num canto da área dos dados.
func desenhaLegenda(area draw.Canvas, l plot.Legend) {
	tam := l.Rectangle(area).Size()
	if tam.X <= 0 || tam.Y <= 0 {
		return // legenda sem entradas
	}
	folga := vg.Points(4) // entre o texto e a borda da caixa
	recuo := vg.Points(6) // entre a caixa e a borda da área dos dados
	larg, alt := tam.X+2*folga, tam.Y+2*folga
	x0, y0 := area.Max.X-recuo-larg, area.Max.Y-recuo-alt // canto superior direito
	if l.Left {
		x0 = area.Min.X + recuo
	}
	if !l.Top {
		y0 = area.Min.Y + recuo
	}
	caixa := []vg.Point{{X: x0, Y: y0}, {X: x0 + larg, Y: y0}, {X: x0 + larg, Y: y0 + alt}, {X: x0, Y: y0 + alt}, {X: x0, Y: y0}}
	area.FillPolygon(color.White, caixa)
	area.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 190}, Width: vg.Points(0.6)}, caixa)

	dentro := draw.Canvas{Canvas: area.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: x0 + folga, Y: y0 + folga},
		Max: vg.Point{X: x0 + larg - folga, Y: y0 + alt - folga},
	}}
	// Com Top = false, o Legend.Draw do gonum ocupa exatamente o retângulo
	// medido por Legend.Rectangle (com Top = true, ele desce um pouco); com
	// Left = true, os ícones ficam à esquerda e os nomes, alinhados depois.
	l.Top, l.Left = false, true
	l.Draw(dentro)
}

// Salva grava a figura num arquivo: em SVG se o caminho terminar em .svg,
// senão em PNG. Cria a pasta, se preciso.
func (f *Figura) Salva(caminho string) error {
	var b []byte
	var err error
	if strings.EqualFold(filepath.Ext(caminho), ".svg") {
		b, err = f.SVG()
	} else {
		b, err = f.PNG()
	}
	if err != nil {
		return err
	}
	return grava(caminho, b)
}

// grava escreve b no arquivo, criando a pasta se preciso.
func grava(caminho string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(caminho), 0o755); err != nil {
		return fmt.Errorf("não consegui criar a pasta de %s: %w", caminho, err)
	}
	if err := os.WriteFile(caminho, b, 0o644); err != nil {
		return fmt.Errorf("não consegui gravar %s: %w", caminho, err)
	}
	return nil
}

// Mostra exibe a figura no notebook. Fora de um notebook (num teste ou num
// programa), salva um PNG em curso.PastaGraficos(), com um nome tirado do
// título, e escreve onde. Nunca entra em pânico: um erro vira uma mensagem.
func (f *Figura) Mostra() {
	b, err := f.PNG()
	if err != nil {
		fmt.Println("⚠️", err)
		return
	}
	if curso.NoNotebook() {
		gonbui.DisplayPNG(b)
		// Espera o GoNB receber a figura: uma saída enviada logo antes de o
		// programa da célula terminar pode se perder no cano até o kernel.
		gonbui.Sync()
		return
	}
	caminho := filepath.Join(curso.PastaGraficos(), NomeDeArquivo(f.p.Title.Text)+".png")
	if err := grava(caminho, b); err != nil {
		fmt.Println("⚠️", err)
		return
	}
	fmt.Println("gráfico salvo em", caminho)
}

// NomeDeArquivo transforma um título num nome de arquivo só com letras
// ASCII minúsculas, algarismos e hífens: "Acurácia no teste" vira
// "acuracia-no-teste". Um título sem nenhuma letra vira "grafico".
func NomeDeArquivo(titulo string) string {
	var b strings.Builder
	hifen := false // o último caractere escrito foi um hífen?
	// norm.NFD separa cada letra acentuada em letra + acento ("á" → "a" + "´").
	for _, r := range norm.NFD.String(strings.ToLower(titulo)) {
		switch {
		case unicode.Is(unicode.Mn, r): // o acento separado: descarta
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			hifen = false
		case !hifen && b.Len() > 0: // qualquer outra coisa vira um hífen
			b.WriteByte('-')
			hifen = true
		}
	}
	s := b.String()
	if len(s) > 60 {
		s = s[:60]
	}
	s = strings.Trim(s, "-")
	if s == "" {
		return "grafico"
	}
	return s
}
