package treino

import (
	"path/filepath"

	"github.com/janpfeifer/gonb/cache"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// Memoriza calcula fn() uma vez e guarda o resultado em disco (com o pacote
// cache do GoNB, em curso.PastaModelos()/cache); nas próximas células, ou ao rodar a
// célula de novo, devolve o valor guardado sem recalcular. Serve para
// resultados caros que não são modelos: uma avaliação demorada, amostras
// geradas, uma tabela de medidas. O valor precisa ser serializável com
// encoding/gob (campos exportados). Para recalcular: Esquece(chave), ou
// REPRESENTACOES_RETREINAR=1.
func Memoriza[T any](chave string, fn func() T) T {
	armazem := cache.MustNew(filepath.Join(curso.PastaModelos(), "cache"))
	if curso.Retreinar() {
		_ = armazem.ResetKey(chave)
	}
	return cache.CacheWith(armazem, chave, fn)
}

// Esquece apaga o valor guardado por Memoriza com esta chave.
func Esquece(chave string) {
	armazem := cache.MustNew(filepath.Join(curso.PastaModelos(), "cache"))
	_ = armazem.ResetKey(chave)
}
