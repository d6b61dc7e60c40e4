package rbm

import (
	"fmt"

	"github.com/go-estudos/representacoes/pkg/treino"
)

// Carrega abre a RBM que Treina(cfg) treinou antes (noutra célula), sem
// treinar nem desenhar nada. Entra em pânico, com uma mensagem em português,
// se o treino ainda não terminou (treino.Abre).
func Carrega(cfg Config) *RBM {
	store, _ := treino.Abre(cfg.Nome)
	return Nova(store, cfg.Nome, cfg.Visiveis, cfg.Ocultas, 1)
}

// CarregaDBN abre as RBMs que TreinaDBN(cfg) treinou antes, sem treinar.
func CarregaDBN(cfg ConfigDBN) *DBN {
	d := &DBN{}
	vis := cfg.Base.Visiveis
	for i, h := range cfg.Ocultas {
		c := cfg.Base
		c.Nome, c.Visiveis, c.Ocultas = fmt.Sprintf("%s-camada%d", cfg.Nome, i+1), vis, h
		d.Camadas = append(d.Camadas, Carrega(c))
		vis = h
	}
	return d
}
