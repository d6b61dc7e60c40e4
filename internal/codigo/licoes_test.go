package codigo

import (
	"path/filepath"
	"regexp"
	"testing"
)

// Um título de exercício ("## 6. Exercício 5 — …") abre o enunciado; a
// próxima verificação depois dele tem de ser a do próprio exercício, que vem
// depois da célula do aluno (metadado "exercicio"). Uma verificação de outra
// coisa entre os dois (uma célula com Verifica ou Confere) quer dizer que o
// título ficou no lugar errado: o aluno lê o enunciado, e a célula seguinte
// confere outra coisa (foi o caso da lição 04, em que o título do exercício 5
// ficava antes da verificação de memorização da seção 5).
func TestTituloDeExercicioVemLogoAntesDoExercicio(t *testing.T) {
	titulo := regexp.MustCompile(`(?m)^#+ .*Exerc[ií]cio`)
	verificacao := regexp.MustCompile(`Verifica\w*\(|Confere\(`)
	notebooks, err := filepath.Glob(filepath.Join(raiz, "notebooks", "*.ipynb"))
	if err != nil || len(notebooks) == 0 {
		t.Fatalf("não achei as lições em notebooks/: %v", err)
	}
	titulos := 0
	for _, nb := range notebooks {
		celulas, err := LeNotebook(nb)
		if err != nil {
			t.Fatal(err)
		}
		aberto := -1 // a célula do título ainda sem o seu exercício
		for i, c := range celulas {
			switch {
			case c.Tipo == "markdown" && titulo.MatchString(c.Texto):
				aberto = i
				titulos++
			case c.Exercicio != "":
				aberto = -1
			case aberto >= 0 && c.Tipo == "code" && verificacao.MatchString(c.Texto):
				t.Errorf("%s: o título de exercício da célula %d vem antes da verificação da célula %d, que não é a dele: "+
					"mova o título e o enunciado para logo antes da célula do exercício", filepath.Base(nb), aberto+1, i+1)
				aberto = -1
			}
		}
	}
	if titulos == 0 {
		t.Fatal("nenhum título de exercício nas lições: o padrão do título mudou?")
	}
}
