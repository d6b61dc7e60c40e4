package treino

import (
	"encoding/json"
	"fmt"
	"os"
)

// Confere registra uma afirmação da lição sobre o próprio resultado (por
// exemplo, "a CNN passa de 90% no modo rápido"). Não é um exercício: é o
// curso conferindo a si mesmo. Se a afirmação falhar, avisa em português; e
// os testes do curso (que definem REPRESENTACOES_RESULTADOS) contam a falha.
func Confere(descricao string, ok bool) {
	if !ok {
		fmt.Printf("⚠️  Esperava que %s, mas não foi o caso. Se você mudou a lição, tudo bem; senão, algo está errado.\n", descricao)
	}
	caminho := os.Getenv("REPRESENTACOES_RESULTADOS")
	if caminho == "" {
		return
	}
	linha, _ := json.Marshal(map[string]any{"afirmacao": descricao, "ok": ok})
	f, err := os.OpenFile(caminho, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	f.Write(append(linha, '\n'))
}
