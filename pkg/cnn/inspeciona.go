package cnn

import (
	"fmt"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Filtros devolve os filtros da camada convolucional i de um modelo
// treinado, um por filtro, como imagens Kernel×Kernel (só o primeiro canal
// de entrada). Na primeira camada, são os "olhos" da rede.
func Filtros(m *treino.Modelo, i int) (filtros [][]float32, kernel int) {
	v := m.Store.GetVariable(fmt.Sprintf("/conv%d/conv/weights", i))
	if v == nil {
		panic(fmt.Sprintf("cnn.Filtros: o modelo %q não tem a camada conv%d", m.Nome, i))
	}
	dims := v.Shape().Dimensions // [kH, kW, canaisEntrada, filtros]
	kh, kw, cin, nf := dims[0], dims[1], dims[2], dims[3]
	pesos := tensors.MustCopyFlatData[float32](v.MustValue())
	for f := range nf {
		img := make([]float32, kh*kw)
		for y := range kh {
			for x := range kw {
				img[y*kw+x] = pesos[((y*kw+x)*cin+0)*nf+f]
			}
		}
		filtros = append(filtros, img)
	}
	return filtros, kh
}

// Mapa é a saída de uma camada para uma imagem: Canais mapas Altura×Largura.
type Mapa struct {
	Nome                    string
	Altura, Largura, Canais int
	Valores                 []float32 // [altura, largura, canais], linha a linha
}

// Canal devolve o mapa do canal c como uma imagem Altura×Largura.
func (m Mapa) Canal(c int) []float32 {
	img := make([]float32, m.Altura*m.Largura)
	for p := range img {
		img[p] = m.Valores[p*m.Canais+c]
	}
	return img
}

// Mapas passa uma imagem (altura×largura, tons de cinza) pela rede do
// modelo treinado e devolve o que sai de cada camada convolucional e de
// pooling: os mapas de ativação.
func (r Rede) Mapas(m *treino.Modelo, imagem []float32, altura, largura int) []Mapa {
	var nomes []string
	exec := model.MustNewExec(motor.Backend(), m.Store, func(scope *model.Scope, x *graph.Node) []*graph.Node {
		var saidas []*graph.Node
		nomes = nomes[:0]
		logits := r.constroi(scope, x, func(nome string, s *graph.Node) {
			if s.Rank() == 4 {
				nomes = append(nomes, nome)
				saidas = append(saidas, s)
			}
		})
		// Os logits saem também (e são descartados): o motor Go puro do
		// compute v0.1.3 entra em pânico ("index out of range") quando parte
		// do grafo — aqui, as camadas densas — não leva a nenhuma saída.
		return append(saidas, logits)
	})
	entrada := tensors.FromFlatDataAndDimensions(imagem, 1, altura, largura)
	var mapas []Mapa
	ts := exec.MustCall(entrada)
	for i, t := range ts[:len(ts)-1] {
		d := t.Shape().Dimensions
		mapas = append(mapas, Mapa{Nome: nomes[i], Altura: d[1], Largura: d[2], Canais: d[3],
			Valores: tensors.MustCopyFlatData[float32](t)})
	}
	return mapas
}
