// Package arquitetura confere, num teste, a regra dos andares de
// ARQUITETURA.md: cada pacote de pkg/ só importa pacotes do curso de andares
// abaixo do seu (ou os que a tabela permite no mesmo andar).
package arquitetura

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// andar de cada pacote de pkg/ (ARQUITETURA.md). Um pacote novo tem de
// entrar aqui (e no documento), senão o teste falha.
var andar = map[string]int{
	"curso":      0,
	"correcao":   0,
	"enunciado":  0,
	"motor":      1,
	"graficos":   1,
	"dados":      1,
	"exercicios": 1,
	"treino":     2,
	"densas":     3,
	"cnn":        3,
	"rnn":        3,
	"rbm":        3,
	"gan":        3,
	"atencao":    3,
	"gabarito":   4,
}

// mesmoAndar lista as exceções: importações dentro de um andar, com o
// motivo escrito em ARQUITETURA.md.
var mesmoAndar = map[string][]string{
	"gan":     {"cnn"}, // o juiz dos dígitos gerados é a CNN da lição 01
	"atencao": {"rnn"}, // a LSTM da lição 02 é o termo de comparação; o alfabeto e a perda das palavras
}

func TestAndares(t *testing.T) {
	const prefixo = "github.com/go-estudos/representacoes/pkg/"
	saida, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "../../pkg/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	vistos := 0
	for _, linha := range strings.Split(strings.TrimSpace(string(saida)), "\n") {
		campos := strings.Fields(linha)
		nome := strings.TrimPrefix(campos[0], prefixo)
		a, ok := andar[nome]
		if !ok {
			t.Errorf("pkg/%s não tem andar: ponha-o na tabela deste teste e em ARQUITETURA.md", nome)
			continue
		}
		vistos++
		for _, imp := range campos[1:] {
			if !strings.HasPrefix(imp, prefixo) {
				continue
			}
			dep := strings.TrimPrefix(imp, prefixo)
			switch b := andar[dep]; {
			case b < a:
			case b == a && slices.Contains(mesmoAndar[nome], dep):
			default:
				t.Errorf("pkg/%s (andar %d) importa pkg/%s (andar %d): um pacote só importa andares abaixo do seu", nome, a, dep, b)
			}
		}
	}
	if vistos != len(andar) {
		t.Errorf("a tabela tem %d pacotes, go list achou %d: tire da tabela o que não existe mais", len(andar), vistos)
	}
}
