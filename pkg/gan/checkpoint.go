package gan

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// Carrega monta a GAN descrita por cfg com as variáveis salvas por um
// treino.Laco de nome nome (noutra célula do notebook). cfg tem de ser a
// mesma configuração do treino.
func Carrega(nome string, cfg Config) *GAN {
	return Nova(treino.AbreCheckpoint(nome, ""), cfg)
}

// Guarda grava v (em JSON) no arquivo dado, dentro da pasta do checkpoint
// do treino nome: serve para o que o treino produz além das variáveis (os
// quadros de uma animação), e some junto quando o treino é refeito.
func Guarda(nome, arquivo string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(curso.PastaModelos(), nome, arquivo), b, 0o644)
}

// Le lê em v o que Guarda gravou; devolve false se não houver nada.
func Le(nome, arquivo string, v any) bool {
	b, err := os.ReadFile(filepath.Join(curso.PastaModelos(), nome, arquivo))
	return err == nil && json.Unmarshal(b, v) == nil
}
