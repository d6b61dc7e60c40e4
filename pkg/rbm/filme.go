package rbm

import (
	"fmt"

	"github.com/go-estudos/representacoes/pkg/graficos"
)

// Filme anda as cadeias até cada um dos marcos (números de passos de Gibbs,
// em ordem crescente). No notebook, uma grade com o estado atual das cadeias
// se atualiza enquanto elas andam (e some no fim). Devolve uma figura com uma
// linha por marco e uma coluna por cadeia, das imagens lado×lado.
func (c *Cadeias) Filme(marcos []int, altura, largura int, titulo string) *graficos.Figura {
	aoVivo := graficos.NovoPainel()
	var grade [][]float32
	var legendas []string
	for _, m := range marcos {
		for c.Passos < m {
			c.Anda(min(50, m-c.Passos))
			if aoVivo.Ativo() {
				aoVivo.Desenha(graficos.GradeImagens(fmt.Sprintf("%s — passo %d", titulo, c.Passos), c.Imagens(), altura, largura, c.n, nil))
			}
		}
		for k, im := range c.Imagens() {
			grade = append(grade, im)
			legenda := ""
			if k == 0 {
				legenda = fmt.Sprintf("passo %d", c.Passos)
			}
			legendas = append(legendas, legenda)
		}
	}
	aoVivo.Limpa()
	return graficos.GradeImagens(titulo, grade, altura, largura, c.n, legendas)
}
