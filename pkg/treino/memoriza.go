package treino

import (
	"path/filepath"

	"github.com/janpfeifer/gonb/cache"
)

// Memoriza calcula fn() uma vez e guarda o resultado em disco (com o pacote
// cache do GoNB, em PastaModelos()/cache); nas próximas células, ou ao rodar a
// célula de novo, devolve o valor guardado sem recalcular. Serve para
// resultados caros que não são modelos: uma avaliação demorada, amostras
// geradas, uma tabela de medidas. O valor precisa ser serializável com
// encoding/gob (campos exportados). Para recalcular: Esquece(chave), ou
// REPRESENTACOES_RETREINAR=1.
func Memoriza[T any](chave string, fn func() T) T {
	armazem := cache.MustNew(filepath.Join(PastaModelos(), "cache"))
	if retreinarPorAmbiente() {
		_ = armazem.ResetKey(chave)
	}
	return cache.CacheWith(armazem, chave, fn)
}

// Esquece apaga o valor guardado por Memoriza com esta chave.
func Esquece(chave string) {
	armazem := cache.MustNew(filepath.Join(PastaModelos(), "cache"))
	_ = armazem.ResetKey(chave)
}
