package gabarito

import (
	"testing"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// confereRecusa roda uma verificação de exercício (verifica(f, n) usa n casos
// sorteados, como no notebook, e 0 para só os fixos): cada resposta certa
// (a referência, a solução do notebook) passa; cada errada (o esboço entregue
// e as respostas erradas plausíveis da equipe, pelo menos 3) falha já nos
// casos fixos, e também com todos.
func confereRecusa[F any](t *testing.T, verifica func(F, int) exercicios.Resultado, sorteados int, certas, erradas map[string]F) {
	t.Helper()
	if len(erradas) < 4 {
		t.Fatalf("a lista tem %d respostas (com o esboço); a regra pede o esboço e pelo menos 3 erradas", len(erradas))
	}
	for nome, f := range certas {
		t.Run(nome, func(t *testing.T) {
			if r := verifica(f, sorteados); !r.Passou {
				t.Fatalf("%s deveria passar: %s", nome, r.Mensagem)
			}
		})
	}
	for nome, f := range erradas {
		t.Run(nome, func(t *testing.T) {
			if r := verifica(f, 0); r.Passou {
				t.Errorf("os casos fixos aceitaram %q", nome)
			}
			if r := verifica(f, sorteados); r.Passou {
				t.Errorf("a verificação completa aceitou %q", nome)
			}
		})
	}
}
