package motor

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
)

// TestMotorDoSetup cria o motor como um notebook faria e executa um grafo.
// Se o setup instalou o plugin XLA, o motor escolhido tem de ser o XLA.
func TestMotorDoSetup(t *testing.T) {
	b, err := BackendOuErro()
	if err != nil {
		t.Fatal(err)
	}
	t.Log(Descricao())
	if ProcuraPlugin() != "" && os.Getenv("GOMLX_BACKEND") == "" && !EscolhaAtual().XLA() {
		t.Fatalf("o plugin XLA está instalado mas o motor escolhido foi %q", EscolhaAtual().Config)
	}
	exec := graph.MustNewExec(b, func(x *graph.Node) *graph.Node {
		return graph.ReduceAllSum(graph.Mul(x, x))
	})
	got := tensors.ToScalar[float32](exec.MustCall([]float32{1, 2, 3})[0])
	if got != 14 {
		t.Fatalf("soma dos quadrados de [1 2 3]: esperava 14, obtive %v", got)
	}
}

func TestEscolheSemPluginCaiParaGoPuro(t *testing.T) {
	t.Setenv("GOMLX_BACKEND", "") // vazia vale como não definida (veja Escolhe)
	t.Setenv("PJRT_PLUGIN_LIBRARY_PATH", "")
	t.Setenv("REPRESENTACOES_RAIZ", t.TempDir())
	e := EscolheBackend()
	if e.Config != ConfigGoPuro || e.XLA() {
		t.Fatalf("sem plugin, esperava %q, obtive %+v", ConfigGoPuro, e)
	}
	if !strings.Contains(e.Motivo, "não encontrado") {
		t.Fatalf("o motivo deveria explicar a falta do plugin: %q", e.Motivo)
	}
}

func TestEscolheAchaPluginNaRaiz(t *testing.T) {
	t.Setenv("GOMLX_BACKEND", "") // restaurada no fim do teste
	raiz := t.TempDir()
	pasta := filepath.Join(raiz, ".ferramentas", "pjrt")
	if err := os.MkdirAll(pasta, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pasta, NomePlugin), []byte("falso"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PJRT_PLUGIN_LIBRARY_PATH", "")
	t.Setenv("REPRESENTACOES_RAIZ", raiz)
	e := EscolheBackend()
	plugin := filepath.Join(pasta, NomePlugin)
	if !e.XLA() || e.Plugin != plugin || !strings.HasPrefix(e.Config, "xla:"+plugin) {
		t.Fatalf("esperava o plugin da raiz, obtive %+v", e)
	}
}

func TestEscolheRespeitaGOMLX_BACKEND(t *testing.T) {
	t.Setenv("GOMLX_BACKEND", "go")
	if e := EscolheBackend(); e.Config != ConfigGoPuro {
		t.Fatalf(`GOMLX_BACKEND=go deveria virar %q, virou %q`, ConfigGoPuro, e.Config)
	}
	t.Setenv("GOMLX_BACKEND", "xla:cuda")
	if e := EscolheBackend(); e.Config != "xla:cuda" {
		t.Fatalf("GOMLX_BACKEND=xla:cuda deveria ser respeitado, virou %q", e.Config)
	}
}

func TestEscolheCUDASoComGPU(t *testing.T) {
	t.Setenv("GOMLX_BACKEND", "") // restaurada no fim do teste
	raiz := t.TempDir()
	pasta := filepath.Join(raiz, ".ferramentas", "pjrt")
	os.MkdirAll(pasta, 0o755)
	for _, nome := range []string{NomePlugin, NomePluginCUDA} {
		if err := os.WriteFile(filepath.Join(pasta, nome), []byte("falso"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PJRT_PLUGIN_LIBRARY_PATH", "")
	t.Setenv("REPRESENTACOES_RAIZ", raiz)
	original := temGPU
	defer func() { temGPU = original }()
	temGPU = func() bool { return true }
	if e := EscolheBackend(); e.Plugin != filepath.Join(pasta, NomePluginCUDA) {
		t.Fatalf("com GPU e plugin CUDA, esperava o plugin CUDA: %+v", e)
	}
	temGPU = func() bool { return false }
	if e := EscolheBackend(); e.Plugin != filepath.Join(pasta, NomePlugin) {
		t.Fatalf("sem GPU, esperava o plugin de CPU: %+v", e)
	}
}

// O motor Go puro do curso não tem limite de paralelismo (ConfigGoPuro) e não
// escreve a linha em inglês "Go backend: parallelism set to -1" que o compute
// escreve quando isso vem na configuração.
func TestGoPuroSemLinhaEmIngles(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	original := os.Stdout
	os.Stdout = w
	b, errCria := cria(ConfigGoPuro)
	os.Stdout = original
	w.Close()
	saida, _ := io.ReadAll(r)
	if errCria != nil {
		t.Fatal(errCria)
	}
	defer b.Finalize()
	if len(saida) > 0 {
		t.Errorf("criar o motor Go puro escreveu %q (o compute mudou? veja semLimiteDeParalelismo)", saida)
	}
	if d := b.Description(); !strings.Contains(d, "parallelism=-1") {
		t.Errorf("o motor Go puro deveria estar sem limite de paralelismo: %q", d)
	}
	// E funciona.
	exec := graph.MustNewExec(b, func(x *graph.Node) *graph.Node { return graph.ReduceAllSum(graph.Mul(x, x)) })
	if got := tensors.ToScalar[float32](exec.MustCall([]float32{1, 2, 3})[0]); got != 14 {
		t.Fatalf("soma dos quadrados de [1 2 3] no Go puro: %v", got)
	}
}

// O nome do motor que o aluno vê é em português.
func TestNomeEmPortugues(t *testing.T) {
	Backend()
	quer := "Go puro"
	if EscolhaAtual().XLA() {
		quer = "XLA"
	}
	if Nome() != quer {
		t.Fatalf("Nome() = %q, quero %q", Nome(), quer)
	}
}

// Os testes rodam como o curso roda: compilados com GOEXPERIMENT=simd
// (scripts/ambiente-go.sh), que dá ao motor Go puro o produto de matrizes com
// SIMD. Em amd64, sem o experimento, o Go puro fica 5 a 7× mais lento e as
// medidas e os avisos de tempo dos testes não valem.
func TestCompiladoComSIMD(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skipf("o caminho SIMD do compute só existe em amd64 (aqui: %s)", runtime.GOARCH)
	}
	if !SIMD {
		t.Fatal("compilado sem GOEXPERIMENT=simd: rode os testes por scripts/test.sh, ou exporte GOEXPERIMENT=simd (veja scripts/ambiente-go.sh)")
	}
}
