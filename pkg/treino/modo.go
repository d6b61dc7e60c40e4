package treino

import (
	"os"
	"path/filepath"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// Rapido diz se o curso está no modo rápido (REPRESENTACOES_RAPIDO=1): menos
// dados e menos passos, para testar os notebooks em minutos. Os números
// obtidos assim não são os resultados da lição.
func Rapido() bool {
	v := os.Getenv("REPRESENTACOES_RAPIDO")
	return v != "" && v != "0" && v != "false"
}

// Escolhe devolve cheio no modo completo e rapido no modo rápido.
func Escolhe[T any](cheio, rapido T) T {
	if Rapido() {
		return rapido
	}
	return cheio
}

// PastaModelos devolve onde os checkpoints ficam: $REPRESENTACOES_MODELOS,
// ou <raiz do curso>/modelos; no modo rápido, a subpasta "rapido".
func PastaModelos() string {
	base := os.Getenv("REPRESENTACOES_MODELOS")
	if base == "" {
		raiz := motor.Raiz()
		if raiz == "" {
			raiz = "."
		}
		base = filepath.Join(raiz, "modelos")
	}
	if Rapido() {
		return filepath.Join(base, "rapido")
	}
	return base
}

func retreinarPorAmbiente() bool {
	v := os.Getenv("REPRESENTACOES_RETREINAR")
	return v != "" && v != "0" && v != "false"
}
