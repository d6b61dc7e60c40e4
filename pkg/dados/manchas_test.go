package dados

import (
	"strings"
	"testing"
)

func TestManchasSolares(t *testing.T) {
	anos, v := ManchasSolares()
	if len(anos) != 309 || len(v) != 309 || anos[0] != 1700 || anos[308] != 2008 {
		t.Fatalf("esperava 309 anos de 1700 a 2008, obtive %d (%d–%d)", len(anos), anos[0], anos[len(anos)-1])
	}
	for i := range anos {
		if anos[i] != 1700+i || v[i] < 0 {
			t.Fatalf("ano %d: %d, valor %v", i, anos[i], v[i])
		}
	}
	// Valores conferidos no arquivo do statsmodels: 1700 → 5; o máximo, 190,2, em 1957.
	if v[0] != 5 || v[1957-1700] != 190.2 {
		t.Fatalf("1700 → %v, 1957 → %v; esperava 5 e 190,2", v[0], v[1957-1700])
	}
}

// TestManchasLinhaMalformada: uma linha com campos de menos (ou de mais) ou
// que não é número vira erro com o número da linha, nunca um pânico de
// índice fora da fatia.
func TestManchasLinhaMalformada(t *testing.T) {
	casos := map[string]string{
		// O cabeçalho também com um campo só: o leitor de CSV aceita, e
		// quem barra é a conferência do tamanho da linha, antes de ler l[1].
		"um campo":       "ano\n1700\n",
		"três campos":    "ano,valor,x\n1700,5,1\n",
		"campo de menos": "ano,valor\n1700,5\n1701\n",
		"não é número":   "ano,valor\n1700,cinco\n",
		"vazio":          "",
	}
	for nome, texto := range casos {
		anos, valores, err := leManchas(texto)
		if err == nil {
			t.Errorf("%s: esperava erro, obtive %d anos e %d valores", nome, len(anos), len(valores))
			continue
		}
		if nome != "vazio" && nome != "campo de menos" && !strings.Contains(err.Error(), "linha 2") {
			t.Errorf("%s: a mensagem devia dizer a linha 2: %v", nome, err)
		}
	}
}
