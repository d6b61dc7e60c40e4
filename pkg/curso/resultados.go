package curso

import (
	"encoding/json"
	"fmt"
	"os"
)

// Tipos de linha do arquivo de resultados.
const (
	TipoExercicio = "exercicio" // a verificação de um exercício (pacote exercicios)
	TipoAfirmacao = "afirmacao" // uma expectativa da lição (Confere)
)

// Registra acrescenta uma linha JSON ao arquivo de resultados
// ($REPRESENTACOES_RESULTADOS), se houver um: os campos de campos mais
// "tipo" (TipoExercicio ou TipoAfirmacao). É o único formato do arquivo; os
// scripts (executa_notebooks.py, corrige.py) separam as linhas pelo tipo.
// A linha é escrita de uma vez só (O_APPEND), para que células seguidas não
// se misturem.
func Registra(tipo string, campos map[string]any) {
	caminho := os.Getenv("REPRESENTACOES_RESULTADOS")
	if caminho == "" {
		return
	}
	linha := map[string]any{"tipo": tipo}
	for k, v := range campos {
		linha[k] = v
	}
	b, err := json.Marshal(linha)
	if err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar um resultado (%s): %v\n", tipo, err)
		return
	}
	f, err := os.OpenFile(caminho, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar o resultado em %s: %v\n", caminho, err)
		return
	}
	defer f.Close()
	if _, err := f.Write(append(b, '\n')); err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar o resultado em %s: %v\n", caminho, err)
	}
}

// Confere registra uma afirmação da lição sobre o próprio resultado (por
// exemplo, "a CNN passa de 90% no modo rápido"). Não é um exercício: é o
// curso conferindo a si mesmo. Se a afirmação falhar, avisa em português; e
// os testes do curso (que definem REPRESENTACOES_RESULTADOS) contam a falha.
func Confere(descricao string, ok bool) {
	if !ok {
		fmt.Printf("⚠️  Esperava que %s, mas não foi o caso. Se você mudou a lição, tudo bem; senão, algo está errado.\n", descricao)
	}
	Registra(TipoAfirmacao, map[string]any{"afirmacao": descricao, "ok": ok})
}
