package treino

import (
	"fmt"
	"html"
	"time"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/graficos"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// Progresso mostra o andamento de um laço: no notebook, uma barra HTML que se
// atualiza no lugar; fora dele (testes, terminal), uma linha a cada ~10%.
//
// No motor Go puro, que pode ser dezenas de vezes mais lento que o XLA, o
// Progresso também avisa cedo, numa linha, quanto o treino todo deve levar
// (veja estima).
type Progresso struct {
	titulo    string
	total     int
	inicio    time.Time
	quadro    *graficos.Painel // a barra, no notebook
	ultimaVez time.Time
	ultimoPct int

	goPuro    bool               // o motor é o Go puro: avisa a duração estimada
	relogio   func() time.Time   // time.Now (trocado nos testes)
	escreve   func(linha string) // fmt.Println (trocado nos testes)
	passoBase int                // o 1º passo visto (o que compila o grafo fica fora da média)
	tInicio   time.Time          // o início, pelo relogio
	tBase     time.Time          // quando ele terminou
	estimou   bool               // o aviso já foi dado (ou não será)
}

// NovoProgresso cria uma barra para `total` passos.
func NovoProgresso(titulo string, total int) *Progresso {
	p := &Progresso{titulo: titulo, total: total, inicio: time.Now(), ultimoPct: -1,
		goPuro: motorGoPuro(), relogio: relogioProgresso, escreve: avisoProgresso, tInicio: relogioProgresso()}
	p.quadro = graficos.NovoPainel()
	return p
}

// relogioProgresso e avisoProgresso são trocados nos testes.
var (
	relogioProgresso = time.Now
	avisoProgresso   = func(linha string) { fmt.Println(linha) }
)

// motorGoPuro diz se o motor já criado é o Go puro.
var motorGoPuro = func() bool {
	e := motor.EscolhaAtual()
	return e.Config != "" && !e.XLA()
}

// Limites do aviso de duração no motor Go puro: a média vem de pelo menos
// minPassosEstimativa passos depois do primeiro (que compila o grafo) e de
// pelo menos minTempoEstimativa (ou de 20 passos, se forem rápidos); o aviso
// só aparece se o treino todo passar de minTreinoLongo.
const (
	minPassosEstimativa = 3
	minTempoEstimativa  = 2 * time.Second
	minTreinoLongo      = 30 * time.Second
)

// estima, no motor Go puro, escreve uma vez, logo nos primeiros passos, quanto
// o treino todo deve levar: "⏱️  No motor Go puro este treino deve levar uns
// 12 min …". O tempo por passo é a média dos passos depois do primeiro (que
// inclui compilar o grafo); a estimativa soma o que já passou e o que falta.
func (p *Progresso) estima(passo int) {
	if !p.goPuro || p.estimou || p.relogio == nil {
		return
	}
	agora := p.relogio()
	if p.passoBase == 0 {
		p.passoBase, p.tBase = passo, agora
		return
	}
	feitos := passo - p.passoBase
	dec := agora.Sub(p.tBase)
	if passo >= p.total {
		p.estimou = true // acabou antes de dar para estimar: não há o que avisar
		return
	}
	if feitos < minPassosEstimativa || (dec < minTempoEstimativa && feitos < 20) {
		return
	}
	p.estimou = true
	porPasso := dec / time.Duration(feitos)
	total := agora.Sub(p.tInicio) + porPasso*time.Duration(p.total-passo)
	if total < minTreinoLongo {
		return
	}
	p.escreve(fmt.Sprintf("⏱️  No motor Go puro este treino deve levar %s (%s s por passo, medido em %s passos; faltam %s).\n"+
		"   Com o plugin XLA (scripts/setup.sh, em Linux x86-64 ou arm64) seria bem mais rápido.",
		curso.Aproximado(total), curso.Num(porPasso.Seconds(), 3), curso.Inteiro(feitos), curso.Inteiro(p.total-passo)))
}

// Atualiza mostra o passo atual e um texto livre (ex.: as métricas).
// No notebook, no máximo ~5 atualizações por segundo são enviadas.
func (p *Progresso) Atualiza(passo int, texto string) {
	p.estima(passo)
	agora := time.Now()
	fim := passo >= p.total
	if p.quadro.Ativo() {
		if !fim && agora.Sub(p.ultimaVez) < 200*time.Millisecond {
			return
		}
		p.ultimaVez = agora
		p.quadro.HTML(p.html(passo, texto, fim))
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
	s := "decorridos " + curso.Duracao(dec)
	if passo > 0 && passo < p.total {
		resta := time.Duration(float64(dec) / float64(passo) * float64(p.total-passo))
		s += ", faltam ~" + curso.Duracao(resta)
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
