package treino

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// Progresso mostra o andamento de um laço: no notebook, uma barra HTML que se
// atualiza no lugar; fora dele (testes, terminal), uma linha a cada ~10%.
type Progresso struct {
	titulo    string
	total     int
	inicio    time.Time
	id        string
	ultimaVez time.Time
	ultimoPct int
}

// NovoProgresso cria uma barra para `total` passos.
func NovoProgresso(titulo string, total int) *Progresso {
	p := &Progresso{titulo: titulo, total: total, inicio: time.Now(), ultimoPct: -1}
	if gonbui.IsNotebook {
		p.id = "progresso-" + gonbui.UniqueID()
	}
	return p
}

// Atualiza mostra o passo atual e um texto livre (ex.: as métricas).
// No notebook, no máximo ~5 atualizações por segundo são enviadas.
func (p *Progresso) Atualiza(passo int, texto string) {
	agora := time.Now()
	fim := passo >= p.total
	if p.id != "" {
		if !fim && agora.Sub(p.ultimaVez) < 200*time.Millisecond {
			return
		}
		p.ultimaVez = agora
		gonbui.UpdateHTML(p.id, p.html(passo, texto, fim))
		return
	}
	pct := 100 * passo / max(p.total, 1)
	if fim || pct/10 > p.ultimoPct/10 {
		p.ultimoPct = pct
		fmt.Printf("%s: %3d%% (%d/%d) %s — %s\n", p.titulo, pct, passo, p.total, texto, p.tempos(passo))
	}
}

func (p *Progresso) tempos(passo int) string {
	dec := time.Since(p.inicio)
	s := "decorridos " + Duracao(dec)
	if passo > 0 && passo < p.total {
		resta := time.Duration(float64(dec) / float64(passo) * float64(p.total-passo))
		s += ", faltam ~" + Duracao(resta)
	}
	return s
}

func (p *Progresso) html(passo int, texto string, fim bool) string {
	cor := "#1f77b4"
	status := ""
	if fim {
		cor = "#2ca02c"
		status = " ✔ concluído"
	}
	pct := 100 * float64(passo) / float64(max(p.total, 1))
	return fmt.Sprintf(`<div class="representacoes-progresso" data-concluido="%t" style="font-family:sans-serif;font-size:13px;margin:4px 0">`+
		`<b>%s</b>%s<br>`+
		`<div style="display:inline-block;width:320px;height:12px;background:#ddd;border-radius:6px;vertical-align:middle">`+
		`<div style="width:%.1f%%;height:12px;background:%s;border-radius:6px"></div></div>`+
		` %d/%d (%.0f%%) · %s<br><span style="font-family:monospace">%s</span></div>`,
		fim, html.EscapeString(p.titulo), status, pct, cor, passo, p.total, pct,
		html.EscapeString(p.tempos(passo)), html.EscapeString(texto))
}

// Duracao escreve uma duração de forma curta: "850ms", "12s", "3min05s".
func Duracao(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.0fs", d.Seconds())
	default:
		m := int(d.Minutes())
		return fmt.Sprintf("%dmin%02ds", m, int(d.Seconds())-60*m)
	}
}

// Num escreve um número à brasileira, com vírgula decimal: Num(0.1234, 3) = "0,123".
func Num(x float64, casas int) string {
	if math.IsNaN(x) {
		return "—"
	}
	return strings.Replace(fmt.Sprintf("%.*f", casas, x), ".", ",", 1)
}

// Pct escreve uma fração como porcentagem: Pct(0.9812) = "98,12%".
func Pct(x float64) string { return Num(100*x, 2) + "%" }
