package dados

import (
	"os"
	"path/filepath"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// Pasta devolve a pasta de dados do curso: $REPRESENTACOES_DADOS, se
// definida; senão <raiz do curso>/dados; senão "dados" (relativa à pasta
// atual).
func Pasta() string {
	if p := os.Getenv("REPRESENTACOES_DADOS"); p != "" {
		return p
	}
	if raiz := motor.Raiz(); raiz != "" {
		return filepath.Join(raiz, "dados")
	}
	return "dados"
}
