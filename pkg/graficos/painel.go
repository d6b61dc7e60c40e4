package graficos

import (
	"encoding/base64"
	"fmt"
	"html"

	"github.com/janpfeifer/gonb/gonbui"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// Painel é um lugar na saída de uma célula que se redesenha sem acumular:
// a barra de progresso de um treino, as curvas ao vivo, a animação de uma
// GAN ou de cadeias de Gibbs. É o único tipo do curso que fala com o GoNB
// para isso (gonbui.UpdateHTML): lições e pacotes criam um Painel e chamam
// Desenha (ou HTML) a cada novo estado, e Limpa no fim, se a versão final
// vier abaixo, com Mostra.
//
// Fora de um notebook (num teste, num programa) o Painel não faz nada: quem
// quer um registro escreve texto ou salva a figura com Mostra.
type Painel struct {
	id string // "" fora de um notebook
}

// NovoPainel cria um painel vazio; ele aparece na saída da célula no
// primeiro Desenha (ou HTML).
func NovoPainel() *Painel {
	if !curso.NoNotebook() {
		return &Painel{}
	}
	return &Painel{id: "representacoes-" + gonbui.UniqueID()}
}

// Ativo diz se o painel aparece num notebook (fora dele, nada é desenhado:
// quem chama pode pular o trabalho de montar a figura).
func (q *Painel) Ativo() bool { return q != nil && q.id != "" }

// HTML põe o trecho de HTML no painel, no lugar do anterior.
func (q *Painel) HTML(trecho string) {
	if q.Ativo() {
		gonbui.UpdateHTML(q.id, trecho)
	}
}

// Desenha põe a figura no painel, no lugar da anterior. Um erro ao desenhar
// aparece no próprio painel, como texto.
func (q *Painel) Desenha(f *Figura) {
	if !q.Ativo() {
		return
	}
	b, err := f.PNG()
	if err != nil {
		q.HTML("<pre>⚠️ " + html.EscapeString(err.Error()) + "</pre>")
		return
	}
	q.HTML(fmt.Sprintf(`<img src="data:image/png;base64,%s" width="%d" height="%d" alt="%s">`,
		base64.StdEncoding.EncodeToString(b), f.largura, f.altura, html.EscapeString(f.p.Title.Text)))
}

// Limpa esvazia o painel (a versão ao vivo some; a final vem abaixo).
func (q *Painel) Limpa() { q.HTML("") }
