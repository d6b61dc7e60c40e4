package graficos

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func decodifica(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("PNG inválido: %v", err)
	}
	return img
}

func brilho(img image.Image, x, y int) float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (float64(r) + float64(g) + float64(b)) / 3 / 65535
}

func seno() Serie {
	s := Serie{Nome: "seno"}
	for i := range 50 {
		s.X = append(s.X, float64(i)/5)
		s.Y = append(s.Y, math.Sin(float64(i)/5))
	}
	return s
}

func TestPNGTemOTamanhoPedido(t *testing.T) {
	figuras := map[string]*Figura{
		"curvas":  Curvas("Perda — treino e validação", "passo", "perda", seno(), Serie{Nome: "só Y", Y: []float64{1, 0.5, 0.2}}),
		"pontos":  Pontos("Dispersão", "x", "y", seno()),
		"barras":  Barras("Acurácia", "%", []string{"perceptron", "MLP"}, []float64{92.5, 98.1}),
		"calor":   MapaCalor("Confusão", "previsto", "verdadeiro", [][]float64{{5, 1}, {0, 7}}, []string{"a", "b"}, []string{"a", "b"}, true),
		"imagens": GradeImagens("Dígitos", [][]float32{make([]float32, 16), make([]float32, 16)}, 4, 4, 2, nil),
	}
	for nome, f := range figuras {
		for _, tam := range [][2]int{{640, 400}, {300, 200}} {
			b, err := f.Tamanho(tam[0], tam[1]).PNG()
			if err != nil {
				t.Fatalf("%s: %v", nome, err)
			}
			img := decodifica(t, b)
			if img.Bounds().Dx() != tam[0] || img.Bounds().Dy() != tam[1] {
				t.Errorf("%s: PNG de %v, pedi %v", nome, img.Bounds().Size(), tam)
			}
		}
	}
}

func TestSalvaPNGESVG(t *testing.T) {
	dir := t.TempDir()
	f := Curvas("Ação e reação", "tempo", "posição", seno())
	if err := f.Salva(filepath.Join(dir, "a.png")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "a.png"))
	decodifica(t, b)
	if err := f.Salva(filepath.Join(dir, "sub", "a.svg")); err != nil {
		t.Fatal(err)
	}
	s, _ := os.ReadFile(filepath.Join(dir, "sub", "a.svg"))
	if err := xml.Unmarshal(s, new(struct{ XMLName xml.Name })); err != nil || !strings.Contains(string(s), "<svg") {
		t.Fatalf("SVG inválido: %v", err)
	}
}

// Numa grade com uma imagem branca e uma preta, o centro da primeira célula
// é claro e o da segunda, escuro.
func TestGradeImagensPoeCadaImagemNoLugar(t *testing.T) {
	branca, preta := make([]float32, 16), make([]float32, 16)
	for i := range branca {
		branca[i] = 1
	}
	branca[0] = 0 // normalização por imagem: min 0, max 1 → quase toda branca
	preta[15] = 1 // quase toda preta
	f := GradeImagens("teste", [][]float32{branca, preta}, 4, 4, 2, nil)
	img := decodifica(t, must(f.PNG()))
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	// O título ocupa o topo; as imagens estão na metade de baixo, lado a lado.
	y := h/2 + 18
	if b := brilho(img, w/4+w/16, y); b < 0.9 {
		t.Errorf("centro da imagem branca com brilho %.2f", b)
	}
	if b := brilho(img, 3*w/4-w/16, y); b > 0.1 {
		t.Errorf("centro da imagem preta com brilho %.2f", b)
	}
}

func TestMapaCalorValorMaiorEMaisEscuro(t *testing.T) {
	f := MapaCalor("m", "x", "y", [][]float64{{0, 100}}, nil, nil, false).Tamanho(400, 300)
	img := decodifica(t, must(f.PNG()))
	// Procura, numa linha no meio da figura, o pixel mais claro e o mais
	// escuro entre a metade esquerda e a direita da área de dados.
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	esq, dir := brilho(img, w*2/5, h/2), brilho(img, w*4/5, h/2)
	if !(dir < esq-0.3) {
		t.Errorf("a célula de valor 100 (brilho %.2f) deveria ser bem mais escura que a de 0 (%.2f)", dir, esq)
	}
}

func TestMostraForaDoNotebookSalvaArquivo(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("REPRESENTACOES_GRAFICOS", dir)
	Curvas("Acurácia no teste", "passo", "%", seno()).Mostra()
	b, err := os.ReadFile(filepath.Join(dir, "acuracia-no-teste.png"))
	if err != nil {
		t.Fatal(err)
	}
	decodifica(t, b)
}

func TestDadosInvalidosDaoErroEmPortugues(t *testing.T) {
	casos := map[string]*Figura{
		"valores de X": Curvas("c", "x", "y", Serie{X: []float64{1, 2}, Y: []float64{1}}),
		"valores":      GradeImagens("g", [][]float32{make([]float32, 5)}, 2, 2, 1, nil),
		"não há":       Curvas("vazia", "x", "y"),
		"rótulos":      Barras("b", "y", []string{"a"}, []float64{1, 2}),
		"a linha 1":    MapaCalor("m", "", "", [][]float64{{1, 2}, {3}}, nil, nil, false),
	}
	for trecho, f := range casos {
		_, err := f.PNG()
		if err == nil || !strings.Contains(err.Error(), trecho) {
			t.Errorf("esperava um erro com %q, obtive %v", trecho, err)
		}
	}
}

func TestNomeDeArquivo(t *testing.T) {
	for titulo, want := range map[string]string{
		"Acurácia no teste do MNIST": "acuracia-no-teste-do-mnist",
		"f(x) = x² + 3x":             "f-x-x-3x",
		"???":                        "grafico",
	} {
		if got := NomeDeArquivo(titulo); got != want {
			t.Errorf("NomeDeArquivo(%q) = %q, esperava %q", titulo, got, want)
		}
	}
}

// TestAmostras salva uma amostra de cada figura em $REPRESENTACOES_AMOSTRAS
// (se definida), para olhar.
func TestAmostras(t *testing.T) {
	dir := os.Getenv("REPRESENTACOES_AMOSTRAS")
	if dir == "" {
		t.Skip("defina REPRESENTACOES_AMOSTRAS para salvar amostras")
	}
	var imgs [][]float32
	var leg []string
	for d := range 10 {
		im := make([]float32, 28*28)
		for y := range 28 {
			for x := range 28 {
				im[y*28+x] = float32(math.Sin(float64(x*(d+1))/20) * math.Cos(float64(y)/7))
			}
		}
		imgs = append(imgs, im)
		leg = append(leg, "dígito "+string(rune('0'+d)))
	}
	conf := make([][]float64, 10)
	rot := make([]string, 10)
	for i := range conf {
		conf[i] = make([]float64, 10)
		for j := range conf[i] {
			conf[i][j] = float64((i*7 + j*3) % 5)
		}
		conf[i][i] = 980
		rot[i] = string(rune('0' + i))
	}
	amostras := map[string]*Figura{
		"curvas":  Curvas("Perda durante o treino — validação", "passo de treino", "perda (entropia cruzada)", seno(), Serie{Nome: "cosseno ção", X: seno().X, Y: []float64{0: 1, 49: -1}}),
		"pontos":  Pontos("Anel de gaussianas: reais × gerados", "x", "y", seno()),
		"barras":  Barras("Acurácia no teste do MNIST", "acurácia (%)", []string{"perceptron", "MLP"}, []float64{92.6, 98.2}),
		"calor":   MapaCalor("Matriz de confusão", "previsto", "verdadeiro", conf, rot, rot, true),
		"imagens": GradeImagens("Pesos do perceptron: um molde por dígito", imgs, 28, 28, 5, leg),
	}
	for nome, f := range amostras {
		if err := f.Salva(filepath.Join(dir, nome+".png")); err != nil {
			t.Fatal(err)
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
