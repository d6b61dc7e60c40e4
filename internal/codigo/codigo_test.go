package codigo

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var regrava = flag.Bool("regrava", false, "reescreve nas lições os blocos que diferem do código de pkg/")

// raiz do repositório, a partir de internal/codigo.
const raiz = "../.."

// TestBlocosEmDia confere que todo bloco marcado nas lições é igual ao código
// atual de pkg/. Com -args -regrava, reescreve os que mudaram.
func TestBlocosEmDia(t *testing.T) {
	notebooks, err := filepath.Glob(filepath.Join(raiz, "notebooks", "*.ipynb"))
	if err != nil || len(notebooks) == 0 {
		t.Fatalf("não achei as lições em notebooks/: %v", err)
	}
	total := 0
	for _, nb := range notebooks {
		nome := filepath.Join("notebooks", filepath.Base(nb))
		celulas, err := LeNotebook(nb)
		if err != nil {
			t.Fatal(err)
		}
		novos := map[int]string{}
		blocos := 0
		for i, c := range celulas {
			texto, achados, problemas := Atualiza(raiz, c)
			blocos += len(achados)
			for _, p := range problemas {
				switch {
				case p.Erro != nil:
					t.Errorf("%s, célula %d (%s): %v", nome, i+1, p.Marcador, p.Erro)
				case *regrava:
					t.Logf("%s, célula %d: reescrevo o bloco de %s", nome, i+1, p.Marcador)
				default:
					t.Errorf("%s, célula %d: o bloco de %s difere do código atual de %s; rode `go test ./internal/codigo -args -regrava` e confira o git diff",
						nome, i+1, strings.Join(p.Marcador.Nomes, ", "), p.Marcador.Arquivo)
				}
			}
			if texto != c.Texto {
				novos[i] = texto
			}
		}
		total += blocos
		// A issue #17: o aluno vê o código GoMLX de todo modelo que treina.
		if blocos == 0 {
			t.Errorf("%s não mostra nenhum código de pkg/ (nenhum marcador `codigo:`): toda lição mostra o código dos modelos que treina", nome)
		}
		if *regrava && len(novos) > 0 {
			python, err := exec.LookPath("python3")
			if err != nil {
				t.Fatalf("-regrava precisa do python3 (ele escreve o .ipynb como as outras ferramentas do curso): %v", err)
			}
			if err := Reescreve(nb, novos, python); err != nil {
				t.Fatal(err)
			}
		}
	}
	if total == 0 {
		t.Error("nenhum marcador `codigo:` nas lições: o teste não conferiu nada")
	}
	t.Logf("%d blocos conferidos em %d lições", total, len(notebooks))
}

const exemplo = `package exemplo

// Tipo é um tipo.
type Tipo int

// Os valores de Tipo.
const (
	A Tipo = iota
	B
)

// Metodo é um método de Tipo.
func (t Tipo) Metodo() int { return int(t) }

// Outro é um método com receptor ponteiro.
func (t *Tipo) Outro() {}

func semDoc() {}

// Metodo é uma função homônima do método.
func Metodo() {}

var x = 1 // x não tem doc
`

func TestFonte(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "e.go"), exemplo); err != nil {
		t.Fatal(err)
	}
	casos := []struct {
		nomes []string
		quer  string
	}{
		{[]string{"Tipo"}, "// Tipo é um tipo.\ntype Tipo int"},
		{[]string{"B"}, "// Os valores de Tipo.\nconst (\n\tA Tipo = iota\n\tB\n)"},
		{[]string{"Tipo.Metodo"}, "// Metodo é um método de Tipo.\nfunc (t Tipo) Metodo() int { return int(t) }"},
		{[]string{"Metodo"}, "// Metodo é uma função homônima do método.\nfunc Metodo() {}"},
		{[]string{"Tipo.Outro", "semDoc"}, "// Outro é um método com receptor ponteiro.\nfunc (t *Tipo) Outro() {}\n\nfunc semDoc() {}"},
		{[]string{"x"}, "var x = 1"},
	}
	for _, c := range casos {
		got, err := Fonte(dir, "e.go", c.nomes)
		if err != nil || got != c.quer {
			t.Errorf("Fonte(%v) = %q, %v; quero %q", c.nomes, got, err, c.quer)
		}
	}
	for _, nomes := range [][]string{{"Falta"}, {"Tipo.Falta"}, {"Outro"}, {}} {
		if _, err := Fonte(dir, "e.go", nomes); err == nil {
			t.Errorf("Fonte(%v) deveria falhar", nomes)
		}
	}
	if _, err := Fonte(dir, "nao-existe.go", []string{"Tipo"}); err == nil {
		t.Error("Fonte de um arquivo que não existe deveria falhar")
	}
}

func TestAtualiza(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "e.go"), exemplo); err != nil {
		t.Fatal(err)
	}
	certo := "Texto.\n\n<!-- codigo: e.go Tipo -->\n```go\n// Tipo é um tipo.\ntype Tipo int\n```\nDepois."
	casos := []struct {
		nome     string
		c        Celula
		quer     string
		problema bool
	}{
		{"em dia", Celula{Tipo: "markdown", Texto: certo}, certo, false},
		{"velho", Celula{Tipo: "markdown", Texto: "Texto.\n\n<!-- codigo: e.go Tipo -->\n```go\ntype Tipo int\n```\nDepois."}, certo, true},
		{"sem bloco", Celula{Tipo: "markdown", Texto: "Texto.\n\n<!-- codigo: e.go Tipo -->\nDepois."}, certo, true},
		{"célula de código", Celula{Tipo: "code", Texto: "// codigo: e.go Tipo\ntype Tipo uint"}, "// codigo: e.go Tipo\n// Tipo é um tipo.\ntype Tipo int", true},
		{"célula de código em dia", Celula{Tipo: "code", Texto: "// codigo: e.go Tipo\n// Tipo é um tipo.\ntype Tipo int"}, "// codigo: e.go Tipo\n// Tipo é um tipo.\ntype Tipo int", false},
		{"sem marcador", Celula{Tipo: "code", Texto: "type Tipo uint"}, "type Tipo uint", false},
		{"nome que não existe", Celula{Tipo: "markdown", Texto: "<!-- codigo: e.go Falta -->\n```go\n```"}, "<!-- codigo: e.go Falta -->\n```go\n```", true},
	}
	for _, c := range casos {
		got, _, problemas := Atualiza(dir, c.c)
		if got != c.quer || (len(problemas) > 0) != c.problema {
			t.Errorf("%s: Atualiza = %q, %v; quero %q (problema: %v)", c.nome, got, problemas, c.quer, c.problema)
		}
	}
}

func TestLinhas(t *testing.T) {
	for texto, quer := range map[string][]string{
		"":       {},
		"a":      {"a"},
		"a\nb":   {"a\n", "b"},
		"a\nb\n": {"a\n", "b\n"},
		"a\n\nb": {"a\n", "\n", "b"},
	} {
		if got := Linhas(texto); fmt.Sprint(got) != fmt.Sprint(quer) || len(got) != len(quer) {
			t.Errorf("Linhas(%q) = %q; quero %q", texto, got, quer)
		}
		if strings.Join(Linhas(texto), "") != texto {
			t.Errorf("Linhas(%q) não junta de volta", texto)
		}
	}
}

func writeFile(caminho, texto string) error { return os.WriteFile(caminho, []byte(texto), 0o644) }
