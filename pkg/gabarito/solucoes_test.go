package gabarito

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/go-estudos/representacoes/internal/codigo"
	"github.com/go-estudos/representacoes/pkg/curso"
)

// As soluções que os notebooks mostram (as células de metadado "solucao")
// passam nas verificações do gabarito: o teste lê o código de cada solução
// do próprio notebook, monta com elas um programa por lição cujo main chama
// a verificação da célula de conferência do exercício
// (gabarito.VerificaX(F)), e o roda. Assim uma solução do notebook que
// desande falha aqui, e não só quando alguém executa a lição. Ficam de fora
// os exercícios de modelagem (treinar uma rede), que não têm uma verificação
// só: o scripts/test.sh os roda nos notebooks.
func TestSolucoesDosNotebooksPassam(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: pula a compilação das soluções dos notebooks")
	}
	raiz := curso.Raiz()
	licoes, err := filepath.Glob(filepath.Join(raiz, "notebooks", "[0-9][0-9]-*.ipynb"))
	if err != nil || len(licoes) == 0 {
		t.Fatalf("não achei as lições em notebooks/: %v", err)
	}
	goimports := filepath.Join(raiz, ".ferramentas", "bin", "goimports")
	if _, err := os.Stat(goimports); err != nil {
		t.Skipf("sem o goimports do setup (%s): as soluções usam os imports do GoNB", goimports)
	}
	verifica := regexp.MustCompile(`gabarito\.(Verifica\w+)\((\w+)\)`)
	for _, l := range licoes {
		nome := filepath.Base(l)
		t.Run(nome, func(t *testing.T) {
			celulas, err := codigo.LeNotebook(l)
			if err != nil {
				t.Fatal(err)
			}
			// A verificação de cada exercício: a 1ª célula de código depois da célula do exercício.
			chamadas := map[string][]string{} // exercício → {VerificaX, F}
			for i, c := range celulas {
				if c.Exercicio == "" {
					continue
				}
				for _, d := range celulas[i+1:] {
					if d.Tipo == "code" {
						if m := verifica.FindStringSubmatch(d.Texto); m != nil {
							chamadas[c.Exercicio] = m[1:]
						}
						break
					}
				}
			}
			var codigos, checagens, declaracoes []string
			for _, c := range celulas {
				if c.Tipo == "code" && c.Exercicio == "" {
					// No GoNB, o que vem antes de %% são declarações; depois, o main da célula.
					antes, _, _ := strings.Cut("\n"+c.Texto, "\n%%")
					declaracoes = append(declaracoes, antes)
				}
			}
			for _, c := range celulas {
				ch, ok := chamadas[c.Solucao]
				if c.Solucao == "" || !ok {
					continue
				}
				codigos = append(codigos, c.BlocosGo()...)
				checagens = append(checagens, fmt.Sprintf("\tif !gabarito.%s(%s).Passou {\n\t\tfmt.Println(\"FALHOU %s\")\n\t\tos.Exit(1)\n\t}\n", ch[0], ch[1], c.Solucao))
			}
			if len(checagens) == 0 {
				t.Skip("nenhuma solução com uma verificação só")
			}
			// As declarações das células do curso que as soluções usam (como
			// no GoNB, onde elas entram em todo programa), e as que essas usam.
			codigos = append(codigos, doCurso(t, declaracoes, codigos)...)
			programa := "package main\n\n" + strings.Join(codigos, "\n") + "\nfunc main() {\n" + strings.Join(checagens, "") + "}\n"
			pasta, err := os.MkdirTemp(raiz, ".solucoes-")
			if err != nil {
				t.Fatal(err)
			}
			defer os.RemoveAll(pasta)
			arquivo := filepath.Join(pasta, "main.go")
			if err := os.WriteFile(arquivo, []byte(programa), 0o644); err != nil {
				t.Fatal(err)
			}
			if saida, err := exec.Command(goimports, "-w", arquivo).CombinedOutput(); err != nil {
				t.Fatalf("goimports: %v\n%s", err, saida)
			}
			cmd := exec.Command("go", "run", arquivo)
			cmd.Dir = pasta
			cmd.Env = append(os.Environ(), "REPRESENTACOES_SILENCIO=1")
			if saida, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("as soluções de %s não passam: %v\n%s\n--- o programa:\n%s", nome, err, saida, programa)
			}
			t.Logf("%d soluções de %s passam", len(checagens), nome)
		})
	}
}

// doCurso devolve, das declarações das células do curso, as que o código
// usa, direta ou indiretamente (funções, tipos e os métodos deles,
// constantes e variáveis), na ordem do notebook. Uma declaração posterior
// com o mesmo nome substitui a anterior, como no GoNB.
func doCurso(t *testing.T, celulas, codigo []string) []string {
	t.Helper()
	type decl struct {
		texto string
		usa   map[string]bool
		ordem int
	}
	porNome := map[string]*decl{}
	metodos := map[string][]*decl{} // tipo → métodos
	fset := token.NewFileSet()
	ordem := 0
	for _, c := range celulas {
		f, err := parser.ParseFile(fset, "", "package main\n"+c, parser.ParseComments)
		if err != nil {
			continue // uma célula com comandos do GoNB (!, %): não é só declaração
		}
		fonte := "package main\n" + c
		for _, d := range f.Decls {
			ordem++
			texto := fonte[fset.Position(d.Pos()).Offset:fset.Position(d.End()).Offset]
			nd := &decl{texto: texto, usa: map[string]bool{}, ordem: ordem}
			ast.Inspect(d, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					nd.usa[id.Name] = true
				}
				return true
			})
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil && len(d.Recv.List) == 1 {
					tipo := d.Recv.List[0].Type
					if e, ok := tipo.(*ast.StarExpr); ok {
						tipo = e.X
					}
					if id, ok := tipo.(*ast.Ident); ok {
						metodos[id.Name] = append(metodos[id.Name], nd)
					}
					continue
				}
				porNome[d.Name.Name] = nd
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						porNome[sp.Name.Name] = nd
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							porNome[n.Name] = nd
						}
					}
				}
			}
		}
	}
	usados := map[*decl]bool{}
	var pendentes []string
	for _, c := range codigo {
		f, err := parser.ParseFile(fset, "", "package main\n"+c, 0)
		if err != nil {
			t.Fatalf("uma solução do notebook não é Go válido: %v\n%s", err, c)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				pendentes = append(pendentes, id.Name)
			}
			return true
		})
	}
	definidos := map[string]bool{}
	for _, c := range codigo { // o que as soluções já declaram não vem do curso
		f, _ := parser.ParseFile(fset, "", "package main\n"+c, 0)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				definidos[fd.Name.Name] = true
			}
		}
	}
	for len(pendentes) > 0 {
		nome := pendentes[len(pendentes)-1]
		pendentes = pendentes[:len(pendentes)-1]
		d := porNome[nome]
		if d == nil || definidos[nome] || usados[d] {
			continue
		}
		usados[d] = true
		for u := range d.usa {
			pendentes = append(pendentes, u)
		}
		for _, m := range metodos[nome] {
			if !usados[m] {
				usados[m] = true
				for u := range m.usa {
					pendentes = append(pendentes, u)
				}
			}
		}
	}
	lista := make([]*decl, 0, len(usados))
	for d := range usados {
		lista = append(lista, d)
	}
	slices.SortFunc(lista, func(a, b *decl) int { return cmp.Compare(a.ordem, b.ordem) })
	var r []string
	for _, d := range lista {
		r = append(r, d.texto)
	}
	return r
}
