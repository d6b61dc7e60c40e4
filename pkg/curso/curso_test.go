package curso

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestModoRapido(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", "/tmp/base")
	t.Setenv("REPRESENTACOES_RAPIDO", "")
	if Rapido() || Escolhe(10, 1) != 10 || PastaModelos() != "/tmp/base" {
		t.Fatal("sem REPRESENTACOES_RAPIDO o modo deveria ser o completo")
	}
	for _, v := range []string{"0", "false"} {
		t.Setenv("REPRESENTACOES_RAPIDO", v)
		if Rapido() {
			t.Fatalf("REPRESENTACOES_RAPIDO=%s deveria deixar o modo completo", v)
		}
	}
	t.Setenv("REPRESENTACOES_RAPIDO", "1")
	if !Rapido() || Escolhe(10, 1) != 1 || PastaModelos() != "/tmp/base/rapido" {
		t.Fatal("com REPRESENTACOES_RAPIDO=1 o modo deveria ser o rápido, em pasta própria")
	}
}

func TestPastas(t *testing.T) {
	raiz := t.TempDir()
	t.Setenv("REPRESENTACOES_RAIZ", raiz)
	t.Setenv("REPRESENTACOES_DADOS", "")
	t.Setenv("REPRESENTACOES_MODELOS", "")
	t.Setenv("REPRESENTACOES_RAPIDO", "")
	if PastaDados() != filepath.Join(raiz, "dados") || PastaModelos() != filepath.Join(raiz, "modelos") {
		t.Fatalf("pastas sob a raiz: %q %q", PastaDados(), PastaModelos())
	}
	t.Setenv("REPRESENTACOES_DADOS", "/outra")
	if PastaDados() != "/outra" {
		t.Fatalf("REPRESENTACOES_DADOS ignorada: %q", PastaDados())
	}
	// Sem a variável, a raiz é achada subindo até o go.mod do curso.
	t.Setenv("REPRESENTACOES_RAIZ", "")
	if r := Raiz(); r == "" || !strings.HasSuffix(filepath.Join(r, "pkg", "curso"), filepath.Join("pkg", "curso")) {
		t.Fatalf("Raiz() = %q", r)
	}
	if _, err := os.Stat(filepath.Join(Raiz(), "pkg", "curso", "ambiente.go")); err != nil {
		t.Fatalf("Raiz() = %q não é a raiz do curso: %v", Raiz(), err)
	}
}

func TestFormatos(t *testing.T) {
	for _, c := range []struct {
		x     float64
		casas int
		quer  string
	}{{235146, 0, "235.146"}, {2500, 0, "2500"}, {-12345.678, 2, "-12.345,68"}, {1e6, 1, "1.000.000,0"},
		{99999.5, 0, "100.000"}, {0.12345, 3, "0,123"}} {
		if got := Num(c.x, c.casas); got != c.quer {
			t.Errorf("Num(%v, %d) = %q, esperava %q", c.x, c.casas, got, c.quer)
		}
	}
	for got, quer := range map[string]string{
		Inteiro(60000): "60.000", Inteiro(7850): "7850", Pct(0.9812): "98,12%",
		Duracao(90 * time.Second): "1min30s", Duracao(1500 * time.Millisecond): "2s", Duracao(850 * time.Millisecond): "850ms",
		Vetor([]float64{0.5, -0.25}, 2): "[0,50 -0,25]", Cientifico(0.00000128): "1,3 × 10⁻⁶", Cientifico(-996): "-1,0 × 10³",
		Cientifico(0): "0", Virgula("0.25"): "0,25", Virgula("3e-05"): "3e-05",
	} {
		if got != quer {
			t.Errorf("%q, esperava %q", got, quer)
		}
	}
}

func TestAproximado(t *testing.T) {
	for d, quer := range map[time.Duration]string{
		40 * time.Second: "menos de 1 min", 100 * time.Second: "uns 2 min", 89 * time.Minute: "uns 89 min",
		150 * time.Minute: "umas 2,5 h",
	} {
		if got := Aproximado(d); got != quer {
			t.Errorf("Aproximado(%v) = %q, quero %q", d, got, quer)
		}
	}
}

// Exercícios e afirmações escrevem no mesmo arquivo, num formato só, cada
// linha com o seu tipo.
func TestRegistraEConfere(t *testing.T) {
	arquivo := filepath.Join(t.TempDir(), "resultados.jsonl")
	t.Setenv("REPRESENTACOES_RESULTADOS", arquivo)
	Confere("dois mais dois dá quatro", 2+2 == 4)
	Confere("a Lua é de queijo", false)
	Registra(LinhaExercicio{ID: "00-x", Passou: true})
	f, err := os.Open(arquivo)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var linhas []map[string]any
	for s := bufio.NewScanner(f); s.Scan(); {
		var l map[string]any
		if err := json.Unmarshal(s.Bytes(), &l); err != nil {
			t.Fatalf("linha inválida %q: %v", s.Text(), err)
		}
		linhas = append(linhas, l)
	}
	if len(linhas) != 3 || linhas[0]["tipo"] != TipoAfirmacao || linhas[0]["ok"] != true ||
		linhas[1]["ok"] != false || linhas[2]["tipo"] != TipoExercicio || linhas[2]["id"] != "00-x" {
		t.Fatalf("linhas: %v", linhas)
	}
}

// Toda variável REPRESENTACOES_*, BENCH_* ou HUB_* citada no repositório
// está na tabela, e toda variável da tabela é citada em algum lugar além dela.
func TestTabelaDeVariaveis(t *testing.T) {
	raiz := Raiz()
	saida, err := exec.Command("git", "-C", raiz, "grep", "-hE", `(REPRESENTACOES|BENCH|HUB)_[A-Z_]*[A-Z]`, "--", ".", ":!pkg/curso/ambiente.go").Output()
	if err != nil {
		t.Skipf("sem git grep aqui: %v", err)
	}
	citadas := map[string]bool{}
	// \b: GITHUB_TOKEN não é uma HUB_*.
	for _, n := range regexp.MustCompile(`\b(REPRESENTACOES|BENCH|HUB)_[A-Z_]*[A-Z]\b`).FindAllString(string(saida), -1) {
		citadas[n] = true
	}
	var naTabela []string
	for _, v := range Variaveis {
		naTabela = append(naTabela, v.Nome)
		if !citadas[v.Nome] {
			t.Errorf("%s está na tabela mas ninguém a usa", v.Nome)
		}
		if v.Significa == "" || v.Quem == "" || v.Padrao == "" {
			t.Errorf("%s sem descrição completa", v.Nome)
		}
	}
	for n := range citadas {
		if !slices.Contains(naTabela, n) {
			t.Errorf("%s é usada no repositório mas falta em curso.Variaveis", n)
		}
	}
}
