package exercicios

import (
	"fmt"
	"html"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
)

// maxFalhasMostradas limita quantos casos que falharam aparecem na mensagem.
const maxFalhasMostradas = 3

// mostra exibe o resultado: uma caixa HTML no notebook, texto fora dele.
func mostra(cfg *config, res Resultado, falhas []falha) {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(caixaHTML(cfg, res, falhas))
		return
	}
	fmt.Print(texto(cfg, res, falhas))
}

func titulo(res Resultado) string {
	if res.Passou {
		return fmt.Sprintf("✅ Exercício %s: correto! (%s)", res.ID, res.Mensagem)
	}
	return fmt.Sprintf("❌ Exercício %s: ainda não.", res.ID)
}

func texto(cfg *config, res Resultado, falhas []falha) string {
	var b strings.Builder
	b.WriteString(titulo(res) + "\n")
	if res.Passou {
		return b.String()
	}
	if len(falhas) == 0 {
		b.WriteString("   " + res.Mensagem + "\n")
	}
	if res.Casos > 1 {
		fmt.Fprintf(&b, "   %d de %d casos falharam.\n", res.Falhas, res.Casos)
	}
	for i, f := range falhas {
		if i == maxFalhasMostradas {
			break
		}
		if f.entrada != "" {
			fmt.Fprintf(&b, "   entrada:  %s\n", f.entrada)
		}
		if f.esperado != "" {
			fmt.Fprintf(&b, "   esperado: %s\n", f.esperado)
		}
		if f.obtido != "" {
			fmt.Fprintf(&b, "   obtido:   %s\n", f.obtido)
		}
		if f.nota != "" {
			fmt.Fprintf(&b, "   %s\n", f.nota)
		}
	}
	if cfg.dica != "" {
		fmt.Fprintf(&b, "   💡 Dica: %s\n", cfg.dica)
	}
	return b.String()
}

func caixaHTML(cfg *config, res Resultado, falhas []falha) string {
	fundo, borda := "#e9f7ef", "#2e7d32"
	if !res.Passou {
		fundo, borda = "#fdecea", "#c62828"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="representacoes-exercicio" data-exercicio="%s" data-passou="%t" `+
		`style="background:%s;color:#1a1a1a;border-left:6px solid %s;padding:8px 12px;margin:6px 0;`+
		`font-family:sans-serif;font-size:14px;border-radius:4px">`,
		html.EscapeString(res.ID), res.Passou, fundo, borda)
	fmt.Fprintf(&b, "<b>%s</b>", html.EscapeString(titulo(res)))
	if !res.Passou {
		if len(falhas) == 0 {
			fmt.Fprintf(&b, "<div>%s</div>", html.EscapeString(res.Mensagem))
		}
		if res.Casos > 1 {
			fmt.Fprintf(&b, "<div>%d de %d casos falharam.</div>", res.Falhas, res.Casos)
		}
		if len(falhas) > 0 {
			b.WriteString(`<table style="border-collapse:collapse;margin-top:6px;font-size:13px;color:#1a1a1a">`)
			b.WriteString(`<tr><th style="text-align:left;padding:2px 8px">entrada</th>` +
				`<th style="text-align:left;padding:2px 8px">esperado</th>` +
				`<th style="text-align:left;padding:2px 8px">obtido</th></tr>`)
			for i, f := range falhas {
				if i == maxFalhasMostradas {
					break
				}
				obtido := html.EscapeString(f.obtido)
				if f.nota != "" {
					if obtido != "" {
						obtido += "<br>"
					}
					obtido += "<i>" + html.EscapeString(f.nota) + "</i>"
				}
				fmt.Fprintf(&b, `<tr style="border-top:1px solid #ccc;vertical-align:top">`+
					`<td style="padding:2px 8px"><pre style="margin:0;background:none;color:#1a1a1a">%s</pre></td>`+
					`<td style="padding:2px 8px"><pre style="margin:0;background:none;color:#1a1a1a">%s</pre></td>`+
					`<td style="padding:2px 8px"><pre style="margin:0;background:none;color:#1a1a1a;white-space:pre-wrap">%s</pre></td></tr>`,
					html.EscapeString(f.entrada), html.EscapeString(f.esperado), obtido)
			}
			b.WriteString("</table>")
		}
		if cfg.dica != "" {
			fmt.Fprintf(&b, `<div style="margin-top:6px">💡 <b>Dica:</b> %s</div>`, html.EscapeString(cfg.dica))
		}
	}
	b.WriteString("</div>")
	return b.String()
}
