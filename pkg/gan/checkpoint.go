package gan

import "github.com/go-estudos/representacoes/pkg/treino"

// Carrega monta a GAN descrita por cfg com as variáveis salvas por um
// treino.Laco terminado, de nome nome (noutra célula do notebook). cfg tem
// de ser a mesma configuração do treino. Um treino interrompido não é
// aberto (a regra de treino.Abre, a mesma de todo o curso).
func Carrega(nome string, cfg Config) *GAN {
	store, _ := treino.Abre(nome)
	return Nova(store, cfg)
}
