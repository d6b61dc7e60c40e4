package gabarito

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/go-estudos/representacoes/internal/codigo"
)

// As dicas ensinam; não respondem. Cada exercício tem duas (exercicios.Dica,
// a ideia, e exercicios.OutraDica, mais forte, que a caixa mostra fechada), e
// nenhuma pode trazer:
//   - código Go (uma chamada como math.Exp(…), um :=, um append…): a dica fala
//     da ideia, e o código fica na célula de solução, fechada;
//   - uma linha da solução de referência do notebook;
//   - nos exercícios de modelagem (os que a célula confere com
//     VerificaCondicao: o aluno escolhe uma configuração e a célula treina),
//     um número que o enunciado ou o esboço entregue não tenham: um número novo
//     na dica seria uma configuração pronta. (Rodar cada número da dica pela
//     verificação exigiria treinar redes no teste; a regra mais estrita
//     dispensa isso.)
//
// As dicas são lidas do código: das verificações em verifica_licaoNN.go e das
// células de verificação dos notebooks (as de modelagem ficam lá).

type dicasDe struct {
	dica, outra []string // os textos (só as partes literais)
	modelagem   bool     // conferido com VerificaCondicao
	onde        string
}

// leDicas percorre os tokens de um código Go (um arquivo ou uma célula, que
// pode ter linhas %% e !) e junta as dicas de cada exercício: o ID é o
// primeiro argumento da chamada exercicios.Verifica* que as contém.
func leDicas(t *testing.T, fonte, onde string, todas map[string]*dicasDe) {
	t.Helper()
	var s scanner.Scanner
	arq := token.NewFileSet().AddFile(onde, -1, len(fonte))
	s.Init(arq, []byte(fonte), func(token.Position, string) {}, 0)
	type tok struct {
		t   token.Token
		lit string
	}
	var toks []tok
	for {
		_, tk, lit := s.Scan()
		if tk == token.EOF {
			break
		}
		toks = append(toks, tok{tk, lit})
	}
	id := ""
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].lit != "exercicios" || toks[i+1].t != token.PERIOD || toks[i+3].t != token.LPAREN {
			continue
		}
		nome := toks[i+2].lit
		switch {
		case strings.HasPrefix(nome, "Verifica"):
			if i+4 < len(toks) && toks[i+4].t == token.STRING {
				id, _ = strconv.Unquote(toks[i+4].lit)
				if todas[id] == nil {
					todas[id] = &dicasDe{onde: onde}
				}
				todas[id].modelagem = todas[id].modelagem || nome == "VerificaCondicao"
			}
		case nome == "Dica" || nome == "OutraDica":
			if id == "" {
				t.Errorf("%s: uma dica fora de uma verificação", onde)
				continue
			}
			var texto strings.Builder
			for j, prof := i+4, 1; j < len(toks) && prof > 0; j++ {
				switch toks[j].t {
				case token.LPAREN:
					prof++
				case token.RPAREN:
					prof--
				case token.STRING:
					if prof == 1 {
						parte, _ := strconv.Unquote(toks[j].lit)
						texto.WriteString(parte)
					}
				}
			}
			if nome == "Dica" {
				todas[id].dica = append(todas[id].dica, texto.String())
			} else {
				todas[id].outra = append(todas[id].outra, texto.String())
			}
		}
	}
}

var (
	// Código Go numa dica: uma chamada qualificada (math.Exp(), e.RBM.C não
	// conta), uma declaração curta, funções de fatias, um laço, um return.
	codigoGo = regexp.MustCompile(`\w+\.\w+\(|:=|\bappend\(|\bmake\(|\bfor\b.*\brange\b|\[\]float|\breturn\b`)
	numero   = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// O que não é configuração: seções, lições e exercícios citados, anos
	// (Yule, 1927) e o nome do AR(2).
	citacao = regexp.MustCompile(`(?i)seç(?:ão|ões) \d+|lição \d+|exercício \d+|\b(?:19|20)\d\d\b|AR\(2\)`)
)

// normalizaDica tira espaços e troca os sinais tipográficos pelos do Go, para
// comparar uma dica com uma linha de código.
func normalizaDica(s string) string {
	s = strings.NewReplacer("−", "-", "·", "*", "×", "*").Replace(s)
	return strings.Join(strings.Fields(s), "")
}

// linhasDaSolucao são as linhas da solução que dizem algo (nem chaves, nem
// comentários, nem a assinatura, que o esboço já mostra) e as expressões que
// elas atribuem ou devolvem.
func linhasDaSolucao(codigoSol string) []string {
	var linhas []string
	for _, l := range strings.Split(codigoSol, "\n") {
		l, _, _ = strings.Cut(l, "//") // o comentário no fim da linha não é código
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "func ") || strings.Trim(l, "{}()[], ") == "" {
			continue
		}
		candidatas := []string{l}
		// Também o lado direito de uma atribuição ou de um return: a dica pode
		// trazer a expressão sem o nome da variável.
		for _, sep := range []string{":=", "+=", "-=", "*=", "/=", "=", "return "} {
			if _, dir, ok := strings.Cut(l, sep); ok {
				candidatas = append(candidatas, dir)
				break
			}
		}
		for _, c := range candidatas {
			if n := normalizaDica(c); len(n) >= 8 {
				linhas = append(linhas, n)
			}
		}
	}
	return linhas
}

func TestDicasEnsinamSemDarAResposta(t *testing.T) {
	todas := map[string]*dicasDe{}
	verificacoes, _ := filepath.Glob("verifica_licao*.go")
	for _, arq := range verificacoes {
		leDicas(t, leArquivo(t, arq), arq, todas)
	}
	notebooks, err := filepath.Glob("../../notebooks/*.ipynb")
	if err != nil || len(notebooks) == 0 {
		t.Fatalf("não achei as lições: %v", err)
	}
	exercicios := map[string]string{} // id → o notebook
	solucoes := map[string][]string{} // id → linhas da solução
	contexto := map[string]string{}   // id → enunciado (markdown antes do exercício) + esboço
	for _, nb := range notebooks {
		celulas, err := codigo.LeNotebook(nb)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(nb)
		for i, c := range celulas {
			switch {
			case c.Exercicio != "":
				exercicios[c.Exercicio] = base
				enunciado := ""
				for j := i - 1; j >= 0 && celulas[j].Tipo == "markdown"; j-- {
					enunciado = celulas[j].Texto + "\n" + enunciado
				}
				contexto[c.Exercicio] = enunciado + "\n" + c.Texto
			case c.Solucao != "":
				blocos := c.BlocosGo()
				if len(blocos) == 0 {
					t.Errorf("%s: a solução de %s não tem um bloco ```go", base, c.Solucao)
					continue
				}
				solucoes[c.Solucao] = linhasDaSolucao(strings.Join(blocos, "\n"))
			case c.Tipo == "code":
				leDicas(t, c.Texto, base+", célula "+strconv.Itoa(i+1), todas)
			}
		}
	}
	if len(exercicios) < 20 {
		t.Fatalf("só %d exercícios nas lições: a leitura das células mudou?", len(exercicios))
	}
	ids := make([]string, 0, len(exercicios))
	for id := range exercicios {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		d := todas[id]
		if d == nil {
			t.Errorf("%s (%s): não achei a verificação", id, exercicios[id])
			continue
		}
		if len(d.dica) != 1 || len(d.outra) != 1 {
			t.Errorf("%s (%s): esperava uma Dica e uma OutraDica; achei %d e %d", id, d.onde, len(d.dica), len(d.outra))
			continue
		}
		if len(solucoes[id]) == 0 {
			t.Errorf("%s (%s): sem solução no notebook", id, exercicios[id])
		}
		numerosPermitidos := numero.FindAllString(contexto[id], -1)
		for nivel, texto := range map[string]string{"Dica": d.dica[0], "OutraDica": d.outra[0]} {
			if len([]rune(texto)) < 40 {
				t.Errorf("%s, %s: curta demais para ensinar algo: %q", id, nivel, texto)
			}
			if m := codigoGo.FindString(texto); m != "" {
				t.Errorf("%s, %s: traz código Go (%q): a dica fala da ideia; o código fica na solução", id, nivel, m)
			}
			n := normalizaDica(texto)
			for _, l := range solucoes[id] {
				if strings.Contains(n, l) {
					t.Errorf("%s, %s: traz uma linha da solução (%q)", id, nivel, l)
				}
			}
			if d.modelagem {
				for _, num := range numero.FindAllString(citacao.ReplaceAllString(texto, ""), -1) {
					if !slices.Contains(numerosPermitidos, num) {
						t.Errorf("%s, %s: o número %s não está no enunciado nem no esboço: seria uma configuração pronta", id, nivel, num)
					}
				}
			}
		}
	}
}

func leArquivo(t *testing.T, caminho string) string {
	t.Helper()
	b, err := os.ReadFile(caminho)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
