package motor

import (
	"strings"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/model"
)

// Entrar duas vezes no mesmo escopo com In (o erro mais comum ao passar da
// v0.26, que tinha Reuse/Checked, para a v0.28) vira uma dica em português.
func TestExplicaEscopoVisitadoDuasVezes(t *testing.T) {
	_, err := model.CallOnce(Backend(), model.NewStore(), func(scope *model.Scope, x *graph.Node) *graph.Node {
		a := layers.Dense(scope.In("densa"), x, true, 2)
		return graph.Add(a, layers.Dense(scope.In("densa"), x, true, 2))
	}, [][]float32{{1, 2}})
	if err == nil {
		t.Fatal("esperava um erro ao entrar duas vezes em \"densa\"")
	}
	if e := Explica(err).Error(); !strings.Contains(e, "scope.Shared") {
		t.Fatalf("a explicação não fala de scope.Shared:\n%s", e)
	}
}
