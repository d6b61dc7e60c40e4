package dados

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPalavrasDoWbrazilian(t *testing.T) {
	palavras, err := Palavras()
	if err != nil {
		t.Skipf("lista de palavras ausente (%v)", err)
	}
	if len(palavras) < 200000 {
		t.Fatalf("só %d palavras; a lista do wbrazilian tem ~275 mil", len(palavras))
	}
	for _, p := range []string{"coração", "pássaro", "Brasil"} {
		if !slices.Contains(palavras, p) {
			t.Errorf("a lista não tem %q", p)
		}
	}
}

func TestPalavrasAusentesExplicaComoObter(t *testing.T) {
	vazia := t.TempDir()
	_, err := lePalavrasDe([]string{filepath.Join(vazia, "brazilian")})
	if err == nil || !strings.Contains(err.Error(), "apt install wbrazilian") || !strings.Contains(err.Error(), "scripts/setup.sh") {
		t.Fatalf("erro sem instruções: %v", err)
	}
	arquivo := filepath.Join(vazia, "brazilian")
	if err := os.WriteFile(arquivo, []byte("pão\nação\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := lePalavrasDe([]string{filepath.Join(vazia, "nada"), arquivo})
	if err != nil || len(p) != 2 || p[1] != "ação" {
		t.Fatalf("lePalavrasDe = %q, %v", p, err)
	}
}

func TestApenasMinusculas(t *testing.T) {
	got := ApenasMinusculas([]string{"pão", "Brasil", "guarda-chuva", "d'água", "ação", "é", "paralelepípedo", "kiwi"}, LetrasDoPortugues, 2, 10)
	want := []string{"pão", "ação", "kiwi"}
	if !slices.Equal(got, want) {
		t.Fatalf("ApenasMinusculas = %q, esperava %q", got, want)
	}
}
