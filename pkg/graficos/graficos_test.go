package graficos

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// decodifica lê um PNG; falha o teste se os bytes não forem um PNG.
func decodifica(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("PNG inválido: %v", err)
	}
	return img
}

// desenhaPNG chama f.PNG() e decodifica o resultado.
func desenhaPNG(t *testing.T, f *Figura) image.Image {
	t.Helper()
	b, err := f.PNG()
	if err != nil {
		t.Fatalf("PNG(): %v", err)
	}
	return decodifica(t, b)
}

// brilho devolve o brilho do pixel (x, y), de 0 (preto) a 1 (branco).
func brilho(img image.Image, x, y int) float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (float64(r) + float64(g) + float64(b)) / 3 / 0xffff
}

func seno() Serie {
	s := Serie{Nome: "seno"}
	for i := range 50 {
		s.X = append(s.X, float64(i)/5)
		s.Y = append(s.Y, math.Sin(float64(i)/5))
	}
	return s
}

// figurasDeExemplo cria uma figura de cada tipo.
func figurasDeExemplo() map[string]func() *Figura {
	return map[string]func() *Figura{
		"curvas": func() *Figura {
			return Curvas("Perda — treino e validação", "passo", "perda", seno(), Serie{Y: []float64{1, 0.5, 0.2}})
		},
		"pontos": func() *Figura { return Pontos("Dispersão", "x", "y", seno()) },
		"barras": func() *Figura {
			return Barras("Acurácia", "%", []string{"perceptron", "MLP"}, []float64{92.5, 98.1})
		},
		"calor": func() *Figura {
			return MapaCalor("Confusão", "previsto", "verdadeiro", [][]float64{{5, 1}, {0, 7}},
				[]string{"a", "b"}, []string{"a", "b"}, true)
		},
		"imagens": func() *Figura {
			return GradeImagens("Dígitos", [][]float32{make([]float32, 16), make([]float32, 16)}, 4, 4, 2, []string{"zero"})
		},
	}
}

func TestPNGTemOTamanhoPedido(t *testing.T) {
	for nome, cria := range figurasDeExemplo() {
		for _, tam := range [][2]int{{640, 400}, {301, 199}, {900, 250}} {
			img := desenhaPNG(t, cria().Tamanho(tam[0], tam[1]))
			if got := img.Bounds().Size(); got.X != tam[0] || got.Y != tam[1] {
				t.Errorf("%s: o PNG tem %d×%d pixels; pedi %d×%d", nome, got.X, got.Y, tam[0], tam[1])
			}
		}
		// Sem Tamanho, vale o tamanho padrão de cada tipo.
		f := cria()
		img := desenhaPNG(t, f)
		if got := img.Bounds().Size(); got.X != f.largura || got.Y != f.altura {
			t.Errorf("%s: o PNG tem %d×%d pixels; o padrão é %d×%d", nome, got.X, got.Y, f.largura, f.altura)
		}
	}
	if f := Curvas("c", "x", "y", seno()); f.largura != LarguraPadrao || f.altura != AlturaPadrao {
		t.Errorf("tamanho padrão de Curvas: %d×%d", f.largura, f.altura)
	}
}

func TestSalvaPNGESVG(t *testing.T) {
	dir := t.TempDir()
	f := Curvas("Ação e reação", "tempo", "posição", seno()).Tamanho(500, 300)

	caminhoPNG := filepath.Join(dir, "a.png")
	if err := f.Salva(caminhoPNG); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(caminhoPNG)
	if err != nil {
		t.Fatal(err)
	}
	if tam := decodifica(t, b).Bounds().Size(); tam.X != 500 || tam.Y != 300 {
		t.Errorf("PNG salvo com %v pixels; pedi 500×300", tam)
	}

	caminhoSVG := filepath.Join(dir, "sub", "pasta", "a.SVG") // cria as pastas; extensão em maiúsculas também vale
	if err := f.Salva(caminhoSVG); err != nil {
		t.Fatal(err)
	}
	s, err := os.ReadFile(caminhoSVG)
	if err != nil {
		t.Fatal(err)
	}
	var raiz struct {
		XMLName xml.Name
		Width   string `xml:"width,attr"`
		Height  string `xml:"height,attr"`
	}
	if err := xml.Unmarshal(s, &raiz); err != nil {
		t.Fatalf("o SVG não é um XML válido: %v", err)
	}
	if raiz.XMLName.Local != "svg" {
		t.Fatalf("o elemento raiz do SVG é <%s>", raiz.XMLName.Local)
	}
	// 500×300 pixels a 96 pontos por polegada = 375×225 pontos.
	if raiz.Width != "375pt" || raiz.Height != "225pt" {
		t.Errorf("SVG de %s × %s; esperava 375pt × 225pt", raiz.Width, raiz.Height)
	}
}

// Uma grade com uma imagem quase toda branca (à esquerda) e uma quase toda
// preta (à direita), sem título nem legendas: a figura só tem o fundo
// branco e pixels das imagens.
func TestGradeImagensPoeCadaImagemNoLugar(t *testing.T) {
	clara, escura := make([]float32, 16), make([]float32, 16)
	for i := range clara {
		clara[i] = 1
	}
	clara[0] = 0   // pixel (0,0) preto, o resto branco
	escura[15] = 1 // pixel (3,3) branco, o resto preto
	img := desenhaPNG(t, GradeImagens("", [][]float32{clara, escura}, 4, 4, 2, nil).Tamanho(400, 200))
	w, h := img.Bounds().Dx(), img.Bounds().Dy()

	// O centro de cada metade da figura cai no meio de cada imagem.
	if b := brilho(img, w/4, h/2); b < 0.99 {
		t.Errorf("o meio da imagem clara tem brilho %.2f; esperava branco", b)
	}
	if b := brilho(img, 3*w/4, h/2); b > 0.01 {
		t.Errorf("o meio da imagem escura tem brilho %.2f; esperava preto", b)
	}

	// Proporção de pixels pretos em cada metade: a escura tem 15/16 da
	// imagem em preto, a clara só 1/16.
	pretos := func(x0, x1 int) float64 {
		n := 0
		for y := range h {
			for x := x0; x < x1; x++ {
				if brilho(img, x, y) < 0.5 {
					n++
				}
			}
		}
		return float64(n) / float64((x1-x0)*h)
	}
	if p := pretos(0, w/2); p < 0.01 || p > 0.1 {
		t.Errorf("%.0f%% de pixels pretos na metade da imagem clara; esperava uns 5%%", 100*p)
	}
	if p := pretos(w/2, w); p < 0.5 {
		t.Errorf("%.0f%% de pixels pretos na metade da imagem escura; esperava mais da metade", 100*p)
	}

	// Vizinho mais próximo: nenhuma borda borrada. Só há preto e branco
	// puros, e o cinza da moldura.
	moldura := brilho(image.NewUniform(corDaMoldura), 0, 0)
	for y := range h {
		for x := range w {
			if b := brilho(img, x, y); b != 0 && b != 1 && b != moldura {
				t.Fatalf("pixel (%d, %d) com brilho %.3f: a ampliação borrou a imagem", x, y, b)
			}
		}
	}
}

// Cada imagem é normalizada sozinha: uma imagem de valores pequenos fica
// tão contrastada quanto uma de valores grandes; uma constante fica cinza.
func TestGradeImagensNormalizaCadaImagem(t *testing.T) {
	pequena := []float32{0, 0.001, 0, 0.001}
	constante := []float32{7, 7, 7, 7}
	img := desenhaPNG(t, GradeImagens("", [][]float32{pequena, constante}, 2, 2, 2, nil).Tamanho(200, 100))
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	// O meio da primeira imagem fica na junção dos 4 pixels; olhamos um
	// pouco à esquerda (coluna 0, preta) e à direita (coluna 1, branca).
	if b := brilho(img, w/4-10, h/2); b > 0.01 {
		t.Errorf("coluna 0 da imagem pequena com brilho %.2f; esperava preto", b)
	}
	if b := brilho(img, w/4+10, h/2); b < 0.99 {
		t.Errorf("coluna 1 da imagem pequena com brilho %.2f; esperava branco", b)
	}
	if b := brilho(img, 3*w/4, h/2); math.Abs(b-0.5) > 0.02 {
		t.Errorf("imagem constante com brilho %.2f; esperava cinza médio", b)
	}
}

func TestMapaCalorValorMaiorEMaisEscuro(t *testing.T) {
	img := desenhaPNG(t, MapaCalor("m", "x", "y", [][]float64{{0, 100}}, nil, nil, false).Tamanho(400, 300))
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	esq, dir := brilho(img, w*2/5, h/2), brilho(img, w*4/5, h/2)
	if !(dir < esq-0.5) {
		t.Errorf("a célula de valor 100 (brilho %.2f) deveria ser bem mais escura que a de valor 0 (%.2f)", dir, esq)
	}
}

// A linha 0 da matriz fica em cima; a coluna 0, à esquerda; e o texto da
// anotação contrasta com a célula.
func TestMapaCalorOrientacaoEAnotacao(t *testing.T) {
	valores := [][]float64{
		{0, 9}, // em cima: clara, escura
		{9, 9}, // embaixo: escura, escura
	}
	img := desenhaPNG(t, MapaCalor("", "", "", valores, []string{"a", "b"}, []string{"c", "d"}, true).Tamanho(400, 400))
	// Sem título nem nomes nos eixos, a área dos dados vai de uns 30 pixels
	// (rótulos e margem) até a borda; os quartos de célula abaixo ficam
	// longe das bordas e dos números escritos no centro.
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	emCimaEsq := brilho(img, w*3/8, h/6)
	emCimaDir := brilho(img, w*7/8, h/6)
	embaixoEsq := brilho(img, w*3/8, h*3/5)
	if !(emCimaEsq > 0.9 && emCimaDir < 0.4 && embaixoEsq < 0.4) {
		t.Errorf("brilhos: em cima à esquerda %.2f (esperava claro), em cima à direita %.2f e embaixo à esquerda %.2f (esperava escuros)",
			emCimaEsq, emCimaDir, embaixoEsq)
	}
	// Na célula escura de cima à direita, o número é escrito em branco.
	brancos := 0
	for y := h/4 - 20; y < h/4+20; y++ {
		for x := w*3/4 - 20; x < w*3/4+20; x++ {
			if brilho(img, x, y) > 0.9 {
				brancos++
			}
		}
	}
	if brancos == 0 {
		t.Error("nenhum pixel branco no centro de uma célula escura: a anotação deveria ser branca")
	}
}

// capturaSaida roda fn e devolve o que ela escreveu em os.Stdout.
func capturaSaida(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	antes := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = antes }()
	fn()
	w.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMostraForaDoNotebookSalvaArquivo(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("REPRESENTACOES_GRAFICOS", dir)
	saida := capturaSaida(t, func() { Curvas("Acurácia no teste", "passo", "%", seno()).Mostra() })
	caminho := filepath.Join(dir, "acuracia-no-teste.png")
	b, err := os.ReadFile(caminho)
	if err != nil {
		t.Fatal(err)
	}
	decodifica(t, b)
	if want := "gráfico salvo em " + caminho + "\n"; saida != want {
		t.Errorf("Mostra escreveu %q; esperava %q", saida, want)
	}
	// Um Painel, fora de um notebook, não faz nada (nem escreve, nem salva).
	saida = capturaSaida(t, func() {
		q := NovoPainel()
		q.Desenha(Curvas("Outro", "x", "y", seno()))
		q.HTML("<b>x</b>")
		q.Limpa()
		if q.Ativo() || curso.NoNotebook() {
			t.Error("fora de um notebook o quadro não deveria estar ativo")
		}
	})
	if entradas, _ := os.ReadDir(dir); saida != "" || len(entradas) != 1 {
		t.Errorf("o Painel fora do notebook escreveu %q e deixou %d arquivos", saida, len(entradas))
	}
}

func TestDadosInvalidosDaoErroEmPortugues(t *testing.T) {
	casos := []struct {
		figura *Figura
		trecho string
	}{
		{Curvas("c", "x", "y", Serie{X: []float64{1, 2}, Y: []float64{1}}), "a série 1 tem 2 valores em X e 1 em Y"},
		{Pontos("p", "x", "y", seno(), Serie{Nome: "ruim", Y: []float64{1, math.NaN()}}), `a série "ruim" tem um valor inválido na posição 1`},
		{Curvas("c", "x", "y", Serie{Nome: "vazia"}), `a série "vazia" não tem nenhum ponto`},
		{Curvas("sem séries", "x", "y"), "não há dados para desenhar"},
		{GradeImagens("g", [][]float32{make([]float32, 5)}, 2, 2, 1, nil), "a imagem 0 tem 5 valores, mas altura×largura = 2×2 = 4"},
		{GradeImagens("g", [][]float32{make([]float32, 4)}, 2, 2, 0, nil), "colunas deve ser positivo"},
		{GradeImagens("g", nil, 2, 2, 1, nil), "não há dados"},
		{Barras("b", "y", []string{"a"}, []float64{1, 2}), "há 1 rótulos para 2 valores"},
		{MapaCalor("m", "", "", [][]float64{{1, 2}, {3}}, nil, nil, false), "a linha 1 tem 1 valores"},
		{MapaCalor("m", "", "", [][]float64{{1, 2}}, []string{"a"}, nil, false), "há 1 rótulos em X para 2 colunas"},
		{Curvas("c", "x", "y", seno()).Tamanho(0, 300), "tamanho inválido"},
		{nil, "a figura está vazia"},
	}
	dir := t.TempDir()
	for _, c := range casos {
		_, err := c.figura.PNG()
		if err == nil || !strings.Contains(err.Error(), c.trecho) {
			t.Errorf("esperava um erro com %q, obtive %v", c.trecho, err)
		}
		// Salva devolve o mesmo erro e não cria o arquivo.
		caminho := filepath.Join(dir, "x.png")
		if err := c.figura.Salva(caminho); err == nil {
			t.Errorf("Salva deveria falhar (%q)", c.trecho)
		}
		if _, err := os.Stat(caminho); err == nil {
			t.Errorf("Salva criou %s apesar do erro (%q)", caminho, c.trecho)
		}
		// Mostra não entra em pânico: escreve o erro.
		t.Setenv("REPRESENTACOES_GRAFICOS", dir)
		saida := capturaSaida(t, c.figura.Mostra)
		if !strings.HasPrefix(saida, "⚠️") || !strings.Contains(saida, c.trecho) {
			t.Errorf("Mostra escreveu %q; esperava um aviso com %q", saida, c.trecho)
		}
	}
}

func TestLegendaVaiParaOCantoLivre(t *testing.T) {
	subindo := Serie{Nome: "acurácia", Y: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
	descendo := Serie{Nome: "perda", Y: []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
	casos := []struct {
		serie          Serie
		topo, esquerda bool
	}{
		{descendo, true, false}, // canto de cima à direita livre
		{subindo, true, true},   // de cima à direita ocupado; de cima à esquerda livre
	}
	for _, c := range casos {
		l := Curvas("", "", "", c.serie).Plot().Legend
		if l.Top != c.topo || l.Left != c.esquerda {
			t.Errorf("%s: legenda com Top=%v, Left=%v; esperava %v, %v", c.serie.Nome, l.Top, l.Left, c.topo, c.esquerda)
		}
	}
}

func TestMarcasDosEixos(t *testing.T) {
	for _, c := range []struct {
		min, max float64
		want     string // só as marcas com número
	}{
		{0, 1, "0,0 0,2 0,4 0,6 0,8 1,0"},
		{0.05, 2.35, "0,5 1,0 1,5 2,0"},
		{10, 98.5, "20 40 60 80"},
		{-5, 7, "-4 -2 0 2 4 6"},
		{0, 2000, "0 500 1000 1500 2000"},
		{-1.2, 0.1, "-1,0 -0,5 0,0"},
		{0.001, 0.002, "0,0010 0,0012 0,0014 0,0016 0,0018 0,0020"},
		{3, 3.0000001, "3,00000000 3,00000002 3,00000004 3,00000006 3,00000008 3,00000010"},
	} {
		var rotulos []string
		for _, m := range (marcasRedondas{}).Ticks(c.min, c.max) {
			if m.Value < c.min || m.Value > c.max {
				t.Errorf("[%v, %v]: marca %v fora do intervalo", c.min, c.max, m.Value)
			}
			if m.Label != "" {
				rotulos = append(rotulos, m.Label)
			}
		}
		if got := strings.Join(rotulos, " "); got != c.want {
			t.Errorf("marcas de %v a %v: %q; esperava %q", c.min, c.max, got, c.want)
		}
	}
	for v, want := range map[float64]string{98.1234: "98,12", 0.5: "0,5", 7: "7", -3: "-3", 12345.6: "12346", 0.98765: "0,9877"} {
		if got := formataNumero(v, 4); got != want {
			t.Errorf("formataNumero(%v, 4) = %q; esperava %q", v, got, want)
		}
	}
}

func TestNomeDeArquivo(t *testing.T) {
	for titulo, want := range map[string]string{
		"Acurácia no teste do MNIST":           "acuracia-no-teste-do-mnist",
		"Erros do MLP (verdadeiro → previsto)": "erros-do-mlp-verdadeiro-previsto",
		"f(x) = x² + 3x":                       "f-x-x-3x",
		"Ação, reação e opção":                 "acao-reacao-e-opcao",
		"???":                                  "grafico",
		"":                                     "grafico",
	} {
		if got := NomeDeArquivo(titulo); got != want {
			t.Errorf("NomeDeArquivo(%q) = %q; esperava %q", titulo, got, want)
		}
	}
}
