package dados

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

//go:embed arquivos/manchas-solares.csv
var manchasCSV string

// ManchasSolares devolve a série anual de manchas solares de 1700 a 2008
// (309 anos): o número médio de manchas visíveis no Sol em cada ano (o
// "número de Wolf", que conta grupos e manchas). A série sobe e desce num
// ciclo de cerca de 11 anos, com picos de altura irregular — um clássico das
// séries temporais desde Yule (1927).
//
// Fonte: o conjunto "sunspots" do statsmodels (pacote Debian
// python3-statsmodels, arquivo sunspots.csv), que o tira do National
// Geophysical Data Center (NGDC/NOAA); domínio público. É o número relativo
// de Wolf, contado em Zurique até 1980 e, desde 1981, pelo Solar Influences
// Data Analysis Center (SIDC) do Observatório Real da Bélgica. Os valores de
// 1700 a 1748 não são contagens: são reconstruções de Wolf a partir de
// observações esparsas. O arquivo vai embutido no pacote
// (arquivos/manchas-solares.csv).
func ManchasSolares() (anos []int, valores []float32) {
	anos, valores, err := leManchas(manchasCSV)
	if err != nil {
		panic(fmt.Errorf("dados.ManchasSolares: CSV embutido ilegível: %w", err))
	}
	return anos, valores
}

// leManchas lê o CSV "ano,valor" (com uma linha de cabeçalho) de
// ManchasSolares; separada dela para que o teste possa dar-lhe linhas
// malformadas.
func leManchas(texto string) (anos []int, valores []float32, err error) {
	linhas, err := csv.NewReader(strings.NewReader(texto)).ReadAll()
	if err != nil {
		return nil, nil, err
	}
	if len(linhas) == 0 {
		return nil, nil, fmt.Errorf("arquivo vazio")
	}
	for i, l := range linhas[1:] { // a primeira linha é o cabeçalho
		if len(l) != 2 { // conferido antes de ler l[1]
			return nil, nil, fmt.Errorf("linha %d: esperava 2 campos (ano,valor), achei %d: %q", i+2, len(l), l)
		}
		ano, err1 := strconv.ParseFloat(l[0], 64)
		v, err2 := strconv.ParseFloat(l[1], 64)
		if err1 != nil || err2 != nil {
			return nil, nil, fmt.Errorf("linha %d: ano ou valor não é número: %q", i+2, l)
		}
		anos = append(anos, int(ano))
		valores = append(valores, float32(v))
	}
	return anos, valores, nil
}
