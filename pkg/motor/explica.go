package motor

import (
	"fmt"
	"strings"
)

// Explica transforma um erro (ou um pânico recuperado) vindo do GoMLX num
// erro que diz ao aluno, em português, o que aconteceu e o que fazer. O erro
// original vem junto, para quem quiser os detalhes.
func Explica(r any) error {
	var err error
	switch v := r.(type) {
	case nil:
		return nil
	case error:
		err = v
	default:
		err = fmt.Errorf("%v", v)
	}
	msg := strings.ToLower(err.Error())
	var dica string
	switch {
	case strings.Contains(msg, "not implemented") || strings.Contains(msg, "unimplemented") ||
		strings.Contains(msg, "not supported") || strings.Contains(msg, "unsupported"):
		if escolha.XLA() {
			dica = "o motor XLA não tem esta operação (ou esta combinação de tipos/formas)."
		} else {
			dica = "o motor Go puro não tem esta operação (ele tem menos operações que o XLA).\n" +
				"  Rode scripts/setup.sh para instalar o motor XLA, que tem todas, e reinicie o kernel."
		}
	case strings.Contains(msg, "already visited") || strings.Contains(msg, "not yet visited"):
		dica = "um escopo (model.Scope) foi usado duas vezes no mesmo grafo. scope.In(\"nome\") entra num escopo\n" +
			"  uma vez só; para usar de novo os mesmos pesos, entre com scope.Shared(\"nome\") (ou scope.At(\"nome\"));\n" +
			"  para pesos novos, dê outro nome."
	case strings.Contains(msg, "shape") && (strings.Contains(msg, "variable") || strings.Contains(msg, "checkpoint")):
		dica = "o checkpoint salvo não combina com o modelo atual (você mudou a arquitetura?).\n" +
			"  Treine de novo com Retreinar: true na treino.Config."
	case strings.Contains(msg, "shape") || strings.Contains(msg, "dimension") || strings.Contains(msg, "rank"):
		dica = "as formas (shapes) dos tensores não combinam. Confira a forma de cada entrada e de cada camada."
	case strings.Contains(msg, "out of memory") || strings.Contains(msg, "resource exhausted"):
		dica = "faltou memória. Diminua o tamanho do lote ou do modelo."
	default:
		return fmt.Errorf("erro no GoMLX (motor %s): %w", escolha.Config, err)
	}
	return &ErroExplicado{Dica: dica, Motor: escolha.Config, Err: err}
}

// ErroExplicado é um erro do GoMLX com uma explicação em português.
type ErroExplicado struct {
	Dica  string // o que provavelmente aconteceu e o que fazer
	Motor string // o motor em uso
	Err   error  // o erro original
}

func (e *ErroExplicado) Error() string {
	return fmt.Sprintf("%s\n  (motor %s; erro original: %v)", "⚠️  "+e.Dica, e.Motor, e.Err)
}

func (e *ErroExplicado) Unwrap() error { return e.Err }
