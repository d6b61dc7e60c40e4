package rbm

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/context/checkpoints"

	"github.com/go-estudos/representacoes/pkg/treino"
)

// Carrega abre a RBM que Treina(cfg) treinou antes (noutra célula), sem
// treinar nem desenhar nada. Entra em pânico, com uma mensagem em português,
// se o treino ainda não foi feito.
func Carrega(cfg Config) *RBM {
	pasta := filepath.Join(treino.PastaModelos(), cfg.Nome)
	if _, err := os.Stat(filepath.Join(pasta, "registro.json")); err != nil {
		panic(fmt.Errorf("a RBM %q ainda não foi treinada (não há checkpoint em %s): rode antes a célula que a treina", cfg.Nome, pasta))
	}
	ctx := context.New()
	r := Nova(ctx, cfg.Nome, cfg.Visiveis, cfg.Ocultas, 1)
	if _, err := checkpoints.Build(ctx).Dir(pasta).Done(); err != nil {
		panic(fmt.Errorf("não consegui ler o checkpoint da RBM %q em %s: %w", cfg.Nome, pasta, err))
	}
	return r
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
