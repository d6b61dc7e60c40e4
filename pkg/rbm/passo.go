package rbm

import (
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// PassoDeTreino é o passo de treino de Treina sozinho: a mesma RBM inicial,
// as mesmas variáveis (velocidades do momento e, no PCD, as cadeias) e o
// mesmo grafo (passoCD), sem o laço, as avaliações e o checkpoint. Serve
// para medir quanto custa um passo (internal/cmd/velocidade compara com o
// PyTorch).
type PassoDeTreino struct {
	RBM  *RBM
	cfg  Config
	exec *model.Exec
}

// NovoPassoDeTreino prepara o passo de treino da configuração cfg (os
// mesmos padrões de Treina). No PCD, as cadeias começam em primeiro, um lote
// (Lote×Visiveis valores) que é binarizado, como Treina faz com o seu
// primeiro lote. O grafo é compilado na primeira chamada de Roda.
func NovoPassoDeTreino(cfg Config, primeiro []float32) (*PassoDeTreino, error) {
	if err := cfg.completa(); err != nil {
		return nil, err
	}
	store := model.NewStore()
	if err := store.SetRNGStateFromSeed(cfg.Semente); err != nil {
		return nil, err
	}
	r := Nova(store, cfg.Nome, cfg.Visiveis, cfg.Ocultas, uint64(cfg.Semente))
	r.IniciaViesesVisiveis(cfg.Dados)
	escopo := store.Scope("/" + cfg.Nome)
	escopo.VariableWithValue("vel_W", tensors.FromFlatDataAndDimensions(make([]float32, cfg.Visiveis*cfg.Ocultas), cfg.Visiveis, cfg.Ocultas)).SetTrainable(false)
	escopo.VariableWithValue("vel_b", make([]float32, cfg.Visiveis)).SetTrainable(false)
	escopo.VariableWithValue("vel_c", make([]float32, cfg.Ocultas)).SetTrainable(false)
	if cfg.Persistente {
		escopo.VariableWithValue("cadeia", tensors.FromFlatDataAndDimensions(Binariza(primeiro, 0.5), cfg.Lote, cfg.Visiveis)).SetTrainable(false)
	}
	exec, err := model.NewExec(motor.Backend(), store, func(scope *model.Scope, v0, taxa, momento *graph.Node) *graph.Node {
		return r.passoCD(scope, &cfg, v0, taxa, momento)
	})
	if err != nil {
		return nil, err
	}
	return &PassoDeTreino{RBM: r, cfg: cfg, exec: exec}, nil
}

// Roda dá o passo número passo (a partir de 1; a taxa e o momento do passo
// são os de Treina) no lote v0 (Lote×Visiveis valores) e devolve o erro de
// reconstrução do lote.
func (p *PassoDeTreino) Roda(v0 []float32, passo int) (float64, error) {
	r, err := p.exec.Call(tensors.FromFlatDataAndDimensions(v0, p.cfg.Lote, p.cfg.Visiveis),
		float32(p.cfg.taxa(passo)), float32(p.cfg.momento(passo)))
	if err != nil {
		return 0, err
	}
	return escalar(r[0]), nil
}
