package motor

import (
	"bytes"
	"os"
	"path/filepath"
)

// Modulo é o caminho do módulo Go do curso.
const Modulo = "github.com/go-estudos/representacoes"

// Raiz devolve a pasta raiz do curso (onde estão go.mod, notebooks/ e
// dados/), ou "" se não a encontrar. Usa $REPRESENTACOES_RAIZ se definida;
// senão sobe a partir da pasta atual procurando o go.mod do curso.
func Raiz() string {
	if r := os.Getenv("REPRESENTACOES_RAIZ"); r != "" {
		return r
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		conteudo, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(conteudo, []byte("module "+Modulo+"\n")) {
			return dir
		}
		pai := filepath.Dir(dir)
		if pai == dir {
			return ""
		}
		dir = pai
	}
}
