// Package gopuro roda, no motor Go puro do GoMLX (GOMLX_BACKEND=go), testes
// de treino que normalmente rodam no XLA.
//
// O motor é escolhido uma vez por processo (motor.Backend): quando o plugin
// XLA está instalado, todos os testes de um pacote rodam nele. Para conferir
// que cada modelo das lições também treina sem o plugin (macOS, Windows, uma
// arquitetura sem roda do plugin XLA), Roda executa de novo o binário de
// teste do pacote, só com o teste pedido e com GOMLX_BACKEND=go.
package gopuro

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Roda executa os testes `nomes` do pacote atual num processo filho com o
// motor Go puro e falha se algum falhar (ou se passarem do limite). Se este
// processo já roda no Go puro, pula: os próprios testes já rodam nele.
func Roda(t *testing.T, limite time.Duration, nomes ...string) {
	t.Helper()
	nome := strings.Join(nomes, "|")
	if os.Getenv("GOMLX_BACKEND") == "go" {
		t.Skipf("já no motor Go puro: %s roda nele", nome)
	}
	if testing.Short() {
		t.Skip("-short: pula o treino no motor Go puro")
	}
	ctx, cancel := context.WithTimeout(context.Background(), limite)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^("+nome+")$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "GOMLX_BACKEND=go")
	inicio := time.Now()
	saida, err := cmd.CombinedOutput()
	dur := time.Since(inicio).Round(100 * time.Millisecond)
	if ctx.Err() != nil {
		t.Fatalf("%s no motor Go puro passou de %s (travou?):\n%s", nome, limite, rabo(saida))
	}
	if err != nil {
		t.Fatalf("%s falhou no motor Go puro (%v, %s):\n%s", nome, err, dur, rabo(saida))
	}
	for _, n := range nomes {
		if !strings.Contains(string(saida), "--- PASS: "+n+" ") {
			t.Fatalf("%s não passou no motor Go puro (%s):\n%s", n, dur, rabo(saida))
		}
	}
	t.Logf("%s passou no motor Go puro em %s", nome, dur)
}

// rabo devolve o fim da saída (o que explica uma falha).
func rabo(b []byte) string {
	const max = 4000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return string(b)
}
