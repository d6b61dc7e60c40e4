package dados

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// Imagens é um conjunto de imagens em tons de cinza com rótulos inteiros.
type Imagens struct {
	Nome            string
	N               int       // número de imagens
	Altura, Largura int       // tamanho de cada imagem, em pixels
	Pixels          []float32 // N×Altura×Largura valores em [0, 1], linha a linha
	Rotulos         []int32   // N rótulos (para o MNIST, o dígito 0–9)
}

// Imagem devolve os pixels da i-ésima imagem (sem copiar).
func (im *Imagens) Imagem(i int) []float32 {
	t := im.Altura * im.Largura
	return im.Pixels[i*t : (i+1)*t]
}

// Primeiras devolve um conjunto com as n primeiras imagens (sem copiar).
// Se n for maior que o conjunto, devolve o conjunto inteiro.
func (im *Imagens) Primeiras(n int) *Imagens {
	if n >= im.N {
		return im
	}
	t := im.Altura * im.Largura
	c := *im
	c.N = n
	c.Pixels = im.Pixels[:n*t]
	c.Rotulos = im.Rotulos[:n]
	return &c
}

// Intervalo devolve as imagens de índice em [de, ate) (sem copiar).
func (im *Imagens) Intervalo(de, ate int) *Imagens {
	if ate > im.N {
		ate = im.N
	}
	t := im.Altura * im.Largura
	c := *im
	c.N = ate - de
	c.Pixels = im.Pixels[de*t : ate*t]
	c.Rotulos = im.Rotulos[de:ate]
	return &c
}

// Separa divide o conjunto em dois: as primeiras N-n imagens e as n últimas
// (por exemplo, treino e validação).
func (im *Imagens) Separa(n int) (*Imagens, *Imagens) {
	return im.Intervalo(0, im.N-n), im.Intervalo(im.N-n, im.N)
}

// ConjuntosMNIST devolve o MNIST dividido como nas lições: as 55.000
// primeiras imagens de treino para treinar, as 5.000 últimas para a
// validação (o modelo não treina nelas; elas dizem se ele generaliza) e as
// 10.000 de teste, usadas só no fim. No modo rápido, 6.000, 1.000 e 2.000.
func ConjuntosMNIST() (treinamento, validacao, teste *Imagens) {
	treinamento, validacao = MNIST("treino").Separa(5000)
	teste = MNIST("teste")
	if curso.Rapido() {
		treinamento, validacao, teste = treinamento.Primeiras(6000), validacao.Primeiras(1000), teste.Primeiras(2000)
	}
	return
}

// Arquivos do MNIST original e seus SHA-256 (os mesmos que o GoMLX confere).
var arquivosMNIST = map[string]struct{ imagens, rotulos, shaImagens, shaRotulos string }{
	"treino": {
		"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
		"440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
		"3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
	},
	"teste": {
		"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
		"8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
		"f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
	},
}

var (
	cacheMNIST   = map[string]*Imagens{}
	cacheMNISTMu sync.Mutex
)

// MNIST devolve a parte "treino" (60.000 imagens) ou "teste" (10.000) do
// MNIST, com pixels em [0, 1]. Lê da pasta curso.PastaDados()/mnist uma única vez por
// programa. Entra em pânico com uma mensagem em português se os arquivos não
// estiverem lá ou estiverem corrompidos; use MNISTOuErro para receber o erro.
func MNIST(parte string) *Imagens {
	im, err := MNISTOuErro(parte)
	if err != nil {
		panic(err)
	}
	return im
}

// MNISTOuErro é como MNIST, mas devolve o erro.
func MNISTOuErro(parte string) (*Imagens, error) {
	arqs, ok := arquivosMNIST[parte]
	if !ok {
		return nil, fmt.Errorf("parte %q do MNIST não existe: use \"treino\" ou \"teste\"", parte)
	}
	cacheMNISTMu.Lock()
	defer cacheMNISTMu.Unlock()
	if im := cacheMNIST[parte]; im != nil {
		return im, nil
	}
	pasta := filepath.Join(curso.PastaDados(), "mnist")
	bytesImagens, err := leGzVerificado(filepath.Join(pasta, arqs.imagens), arqs.shaImagens)
	if err != nil {
		return nil, err
	}
	bytesRotulos, err := leGzVerificado(filepath.Join(pasta, arqs.rotulos), arqs.shaRotulos)
	if err != nil {
		return nil, err
	}
	im, err := decodificaIDX(bytesImagens, bytesRotulos)
	if err != nil {
		return nil, fmt.Errorf("MNIST %s: %w", parte, err)
	}
	im.Nome = "MNIST " + parte
	cacheMNIST[parte] = im
	return im, nil
}

// leGzVerificado lê um arquivo .gz, confere o SHA-256 do arquivo comprimido e
// devolve o conteúdo descomprimido.
func leGzVerificado(caminho, sha string) ([]byte, error) {
	bruto, err := os.ReadFile(caminho)
	if err != nil {
		return nil, fmt.Errorf("não encontrei %s (%v).\nRode scripts/setup.sh: ele copia o MNIST para a pasta de dados do curso, sem internet", caminho, err)
	}
	soma := sha256.Sum256(bruto)
	if hex.EncodeToString(soma[:]) != sha {
		return nil, fmt.Errorf("o arquivo %s está corrompido (SHA-256 não confere).\nApague-o e rode scripts/setup.sh de novo", caminho)
	}
	gz, err := gzip.NewReader(bytes.NewReader(bruto))
	if err != nil {
		return nil, fmt.Errorf("%s: não é um .gz válido: %w", caminho, err)
	}
	return io.ReadAll(gz)
}

// decodificaIDX lê o formato IDX de LeCun: um cabeçalho com um "número
// mágico" (2051 para imagens, 2049 para rótulos) e as dimensões em inteiros
// de 32 bits big-endian, seguidos dos bytes.
func decodificaIDX(imagens, rotulos []byte) (*Imagens, error) {
	if len(imagens) < 16 || binary.BigEndian.Uint32(imagens[0:]) != 2051 {
		return nil, fmt.Errorf("arquivo de imagens IDX inválido")
	}
	if len(rotulos) < 8 || binary.BigEndian.Uint32(rotulos[0:]) != 2049 {
		return nil, fmt.Errorf("arquivo de rótulos IDX inválido")
	}
	n := int(binary.BigEndian.Uint32(imagens[4:]))
	h := int(binary.BigEndian.Uint32(imagens[8:]))
	w := int(binary.BigEndian.Uint32(imagens[12:]))
	nr := int(binary.BigEndian.Uint32(rotulos[4:]))
	if nr != n || len(imagens) != 16+n*h*w || len(rotulos) != 8+n {
		return nil, fmt.Errorf("tamanhos inconsistentes: %d imagens %d×%d, %d rótulos", n, h, w, nr)
	}
	im := &Imagens{N: n, Altura: h, Largura: w, Pixels: make([]float32, n*h*w), Rotulos: make([]int32, n)}
	for i, b := range imagens[16:] {
		im.Pixels[i] = float32(b) / 255
	}
	for i, b := range rotulos[8:] {
		im.Rotulos[i] = int32(b)
	}
	return im, nil
}
