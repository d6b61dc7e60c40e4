package exercicios

import (
	"fmt"
	"html"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// maxFalhasMostradas limita quantos casos que falharam aparecem na caixa.
const maxFalhasMostradas = 3

// publica mostra o resultado (no notebook ou no terminal), escreve a linha
// "[exercicio ID: …]" e o registra no arquivo de resultados, se houver.
func publica(cfg *config, res Resultado, falhas ...falha) Resultado {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(caixaHTML(cfg, res, falhas))
		// Espera o GoNB receber a caixa antes de seguir: se o programa da
		// célula terminar logo depois, uma saída ainda no cano se perde
		// (visto uma vez em ~20 execuções da lição 02 no navegador).
		gonbui.Sync()
	} else {
		fmt.Print(texto(cfg, res, falhas))
	}
	estado := "falhou"
	if res.Passou {
		estado = "passou"
	}
	fmt.Printf("[exercicio %s: %s]\n", res.ID, estado)
	registra(res, cfg.dica)
	return res
}

// registra acrescenta o resultado ao arquivo de resultados do curso
// (curso.Registra), se houver um. A dica vai junto, para a página de
// correção do professor (python -m representacoes corrige).
func registra(res Resultado, dica string) {
	curso.Registra(curso.LinhaExercicio{ID: res.ID, Passou: res.Passou, Casos: res.Casos, Falhas: res.Falhas,
		Mensagem: res.Mensagem, Dica: dica})
}

func titulo(res Resultado) string {
	if res.Passou {
		return fmt.Sprintf("✅ Exercício %s: correto! (%s)", res.ID, res.Mensagem)
	}
	return fmt.Sprintf("❌ Exercício %s: ainda não.", res.ID)
}

// resumoFalhas é a linha sob o título de uma falha: quantos casos falharam,
// ou a mensagem inteira se não há casos a mostrar.
func resumoFalhas(res Resultado, falhas []falha) string {
	if len(falhas) == 0 {
		return res.Mensagem
	}
	if res.Casos <= 1 {
		return ""
	}
	s := fmt.Sprintf("%d de %d casos falharam", res.Falhas, res.Casos)
	if len(falhas) > maxFalhasMostradas {
		s += fmt.Sprintf(" (os %d primeiros abaixo)", maxFalhasMostradas)
	}
	return s + "."
}

// texto é a versão em texto simples da caixa, para fora do notebook.
func texto(cfg *config, res Resultado, falhas []falha) string {
	var b strings.Builder
	b.WriteString(titulo(res) + "\n")
	if res.Passou {
		return b.String()
	}
	if r := resumoFalhas(res, falhas); r != "" {
		b.WriteString("   " + r + "\n")
	}
	for i, f := range falhas {
		if i == maxFalhasMostradas {
			break
		}
		marca := " • "
		for _, campo := range [][2]string{
			{"entrada:  ", f.entrada}, {"esperado: ", f.esperado}, {"obtido:   ", f.obtido}, {"", f.nota},
		} {
			if campo[1] == "" {
				continue
			}
			recuo := "\n" + strings.Repeat(" ", 5+len([]rune(campo[0])))
			fmt.Fprintf(&b, "  %s%s%s\n", marca, campo[0], strings.ReplaceAll(campo[1], "\n", recuo))
			marca = "   "
		}
	}
	if cfg.dica != "" {
		fmt.Fprintf(&b, "   💡 Dica: %s\n", cfg.dica)
	}
	if cfg.outraDica != "" {
		fmt.Fprintf(&b, "   🔎 Mais uma dica: %s\n", cfg.outraDica)
	}
	return b.String()
}

// Cores fixas (e não as do tema), para a caixa ficar legível tanto no tema
// claro quanto no escuro do JupyterLab. Todo elemento leva cor de fundo e de
// texto explícitas, porque o JupyterLab pinta as linhas de tabelas com as
// cores do tema.
const (
	corTexto       = "#1a1a1a"
	corNota        = "#8e1b1b"
	fundoCerto     = "#e8f5e9"
	bordaCerta     = "#2e7d32"
	fundoErrado    = "#fdecea"
	bordaErrada    = "#c62828"
	fundoCabecalho = "#f6d3cf"
	linhaTabela    = "#e6b8b3"
)

// caixaHTML é a caixa verde ou vermelha mostrada no notebook.
func caixaHTML(cfg *config, res Resultado, falhas []falha) string {
	fundo, borda := fundoCerto, bordaCerta
	if !res.Passou {
		fundo, borda = fundoErrado, bordaErrada
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="representacoes-exercicio" data-exercicio="%s" data-passou="%t" `+
		`style="background:%s;color:%s;border:1px solid %s;border-left:6px solid %s;border-radius:4px;`+
		`padding:8px 12px;margin:6px 0;font-family:sans-serif;font-size:14px;line-height:1.4;text-align:left">`,
		html.EscapeString(res.ID), res.Passou, fundo, corTexto, borda, borda)
	fmt.Fprintf(&b, `<div style="font-weight:bold;color:%s">%s</div>`, corTexto, html.EscapeString(titulo(res)))
	if !res.Passou {
		if r := resumoFalhas(res, falhas); r != "" {
			fmt.Fprintf(&b, `<div style="color:%s">%s</div>`, corTexto, html.EscapeString(r))
		}
		if len(falhas) > 0 {
			tabelaHTML(&b, falhas, fundo)
		}
		if cfg.dica != "" {
			fmt.Fprintf(&b, `<div style="margin-top:6px;color:%s">💡 <b>Dica:</b> %s</div>`,
				corTexto, html.EscapeString(cfg.dica))
		}
		if cfg.outraDica != "" {
			// Fechada: só quem pedir a lê. O <summary> diz para que serve.
			fmt.Fprintf(&b, `<details class="representacoes-outra-dica" style="margin-top:4px;color:%s">`+
				`<summary style="cursor:pointer;color:%s">🔎 Mais uma dica (abra se a primeira não bastou)</summary>`+
				`<div style="margin-top:4px;color:%s">%s</div></details>`,
				corTexto, corTexto, corTexto, html.EscapeString(cfg.outraDica))
		}
	}
	b.WriteString("</div>")
	return b.String()
}

// tabelaHTML escreve a tabela Entrada / Esperado / Obtido dos primeiros casos
// que falharam. A coluna Entrada some quando nenhum caso tem entrada (como
// em VerificaValor).
func tabelaHTML(b *strings.Builder, falhas []falha, fundo string) {
	falhas = falhas[:min(len(falhas), maxFalhasMostradas)]
	comEntrada := false
	for _, f := range falhas {
		comEntrada = comEntrada || f.entrada != ""
	}
	celula := func(estilo, conteudo string) string {
		return fmt.Sprintf(`<td style="%s;text-align:left;vertical-align:top;padding:3px 8px;border:none;`+
			`border-top:1px solid %s;color:%s">%s</td>`, estilo, linhaTabela, corTexto, conteudo)
	}
	pre := func(s string) string {
		return fmt.Sprintf(`<pre style="margin:0;padding:0;border:none;background:transparent;color:%s;`+
			`font-family:monospace;font-size:13px;white-space:pre-wrap;word-break:break-word">%s</pre>`,
			corTexto, html.EscapeString(s))
	}
	fundoCelula := "background:" + fundo

	fmt.Fprintf(b, `<table style="border-collapse:collapse;border:none;margin:6px 0 0 0;font-size:13px;`+
		`color:%s;background:%s;table-layout:auto">`, corTexto, fundo)
	b.WriteString(`<thead><tr style="background:` + fundoCabecalho + `">`)
	colunas := []string{"Esperado", "Obtido"}
	if comEntrada {
		colunas = append([]string{"Entrada"}, colunas...)
	}
	for _, c := range colunas {
		fmt.Fprintf(b, `<th style="background:%s;color:%s;text-align:left;padding:3px 8px;border:none">%s</th>`,
			fundoCabecalho, corTexto, c)
	}
	b.WriteString("</tr></thead><tbody>")
	for _, f := range falhas {
		fmt.Fprintf(b, `<tr style="background:%s">`, fundo)
		if comEntrada {
			b.WriteString(celula(fundoCelula, pre(f.entrada)))
		}
		b.WriteString(celula(fundoCelula, pre(f.esperado)))
		obtido := ""
		if f.obtido != "" {
			obtido = pre(f.obtido)
		}
		if f.nota != "" {
			obtido += fmt.Sprintf(`<div style="color:%s;font-style:italic">%s</div>`, corNota, html.EscapeString(f.nota))
		}
		b.WriteString(celula(fundoCelula, obtido))
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
}
