package graficos_test

import (
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// regrava troca as figuras de referência pelas que o código desenha agora:
//
//	go test ./pkg/graficos -run Exemplos -args -regrava
//
// Olhe as figuras novas (git diff mostra quais mudaram) antes do commit.
var regrava = flag.Bool("regrava", false, "regrava as figuras de referência em testdata/ com o desenho atual")

// TestExemplos roda cada exemplo e compara, pixel a pixel, a figura que ele
// gravou em testdata/NOME.png com testdata/NOME_referencia.png. Se
// diferirem, o teste falha e deixa a figura nova em testdata/ para olhar.
// Comparamos pixels, e não bytes, para que uma mudança só na compressão do
// PNG (de uma versão do Go para outra) não conte como diferença.
func TestExemplos(t *testing.T) {
	exemplos := []struct {
		nome    string
		exemplo func()
	}{
		{"curvas", ExampleCurvas},
		{"pontos", ExamplePontos},
		{"barras", ExampleBarras},
		{"barras-negativas", ExampleBarras_negativas},
		{"grade-imagens", ExampleGradeImagens},
		{"mapa-calor", ExampleMapaCalor},
		{"pontos-sobre-campo", ExamplePontosSobreCampo},
	}
	for _, e := range exemplos {
		t.Run(e.nome, func(t *testing.T) {
			e.exemplo()
			nova := filepath.Join("testdata", e.nome+".png")
			referencia := filepath.Join("testdata", e.nome+"_referencia.png")
			if *regrava {
				if err := os.Rename(nova, referencia); err != nil {
					t.Fatal(err)
				}
				return
			}
			if n, err := pixelsDiferentes(nova, referencia); err != nil {
				t.Fatal(err)
			} else if n > 0 {
				t.Fatalf("%s difere da referência %s em %d pixels; se a mudança é de propósito, olhe a figura nova e "+
					"regrave as referências: go test ./pkg/graficos -run Exemplos -args -regrava", nova, referencia, n)
			}
			os.Remove(nova) // igual à referência: não precisa ficar
		})
	}
}

// pixelsDiferentes conta os pixels em que os PNGs a e b diferem (todos, se
// os tamanhos não baterem).
func pixelsDiferentes(a, b string) (int, error) {
	imA, err := lePNG(a)
	if err != nil {
		return 0, err
	}
	imB, err := lePNG(b)
	if err != nil {
		return 0, err
	}
	ra, rb := imA.Bounds(), imB.Bounds()
	if ra != rb {
		return max(ra.Dx()*ra.Dy(), rb.Dx()*rb.Dy()), nil
	}
	n := 0
	for y := ra.Min.Y; y < ra.Max.Y; y++ {
		for x := ra.Min.X; x < ra.Max.X; x++ {
			r1, g1, b1, a1 := imA.At(x, y).RGBA()
			r2, g2, b2, a2 := imB.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				n++
			}
		}
	}
	return n, nil
}

func lePNG(caminho string) (image.Image, error) {
	f, err := os.Open(caminho)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}
