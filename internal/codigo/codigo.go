// Package codigo mantém nas lições blocos de código copiados de pkg/: o
// aluno lê na lição o código GoMLX do modelo que vai treinar, e o código
// continua morando em pkg/ (com os testes e as otimizações medidas).
//
// Um bloco é marcado de dois jeitos:
//
//   - numa célula de texto (markdown), uma linha
//     `<!-- codigo: pkg/dados/mnist.go ConjuntosMNIST -->` seguida logo de
//     um bloco ```go com o código-fonte exato das declarações nomeadas;
//   - numa célula de código, a primeira linha `// codigo: pkg/X/y.go Nome`:
//     o resto da célula tem de ser o código-fonte de Nome (um modelo que a
//     lição define numa célula e de que pkg/ também precisa).
//
// Um marcador pode nomear várias declarações (`passoLSTM passoGRU`), métodos
// como `Tipo.Metodo`, tipos, variáveis e constantes pelo nome. O código de
// cada declaração é o comentário de documentação mais a declaração, tal como
// estão no arquivo (lidos com go/parser e go/ast); as declarações vêm na
// ordem do marcador, separadas por uma linha em branco. Se o nome está num
// grupo entre parênteses (`const ( … )`), vem o grupo inteiro.
//
// O teste deste pacote (go test ./internal/codigo) confere todos os
// marcadores de notebooks/*.ipynb; com `-args -regrava` ele reescreve os
// blocos que mudaram.
package codigo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// Fonte devolve o código-fonte (comentário de documentação + declaração) das
// declarações nomeadas do arquivo, relativo à raiz do repositório, na ordem
// dada e separadas por uma linha em branco.
func Fonte(raiz, arquivo string, nomes []string) (string, error) {
	conteudo, err := os.ReadFile(filepath.Join(raiz, arquivo))
	if err != nil {
		return "", fmt.Errorf("não consegui ler %s: %w", arquivo, err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, arquivo, conteudo, parser.ParseComments)
	if err != nil {
		return "", fmt.Errorf("%s não compila: %w", arquivo, err)
	}
	if len(nomes) == 0 {
		return "", fmt.Errorf("o marcador de %s não nomeia nenhuma declaração", arquivo)
	}
	var partes []string
	for _, nome := range nomes {
		ini, fim, ok := procura(f, nome)
		if !ok {
			return "", fmt.Errorf("%s não tem a declaração %s", arquivo, nome)
		}
		partes = append(partes, string(conteudo[fset.Position(ini).Offset:fset.Position(fim).Offset]))
	}
	return strings.Join(partes, "\n\n"), nil
}

// procura acha a declaração nome (ou Tipo.Metodo) e devolve o trecho que ela
// ocupa, com o comentário de documentação.
func procura(f *ast.File, nome string) (ini, fim token.Pos, ok bool) {
	tipo, metodo, ehMetodo := strings.Cut(nome, ".")
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if ehMetodo {
				if d.Recv == nil || len(d.Recv.List) != 1 || d.Name.Name != metodo || receptor(d.Recv.List[0].Type) != tipo {
					continue
				}
			} else if d.Recv != nil || d.Name.Name != nome {
				continue
			}
			return comDoc(d.Doc, d.Pos()), d.End(), true
		case *ast.GenDecl:
			if ehMetodo {
				continue
			}
			for _, s := range d.Specs {
				var nomes []*ast.Ident
				switch s := s.(type) {
				case *ast.TypeSpec:
					nomes = []*ast.Ident{s.Name}
				case *ast.ValueSpec:
					nomes = s.Names
				}
				for _, n := range nomes {
					if n.Name == nome {
						return comDoc(d.Doc, d.Pos()), d.End(), true
					}
				}
			}
		}
	}
	return token.NoPos, token.NoPos, false
}

func comDoc(doc *ast.CommentGroup, pos token.Pos) token.Pos {
	if doc != nil {
		return doc.Pos()
	}
	return pos
}

// receptor é o nome do tipo do receptor de um método: T, *T, T[X] ou *T[X].
func receptor(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// Celula é uma célula de um notebook: o tipo ("markdown", "code"), o texto, o
// ID do exercício (o metadado "exercicio", nas células que o aluno completa)
// e o da solução (o metadado "solucao", nas células markdown com a solução de
// referência), se houver.
type Celula struct {
	Tipo      string
	Texto     string
	Exercicio string
	Solucao   string
}

// blocoGo é um bloco ```go de uma célula markdown.
var blocoGo = regexp.MustCompile("(?s)```go\n(.*?)```")

// BlocosGo devolve o código dos blocos ```go da célula, na ordem: numa célula
// de solução (Solucao != ""), o código que o aluno copia para o exercício.
func (c Celula) BlocosGo() []string {
	var codigos []string
	for _, m := range blocoGo.FindAllStringSubmatch(c.Texto, -1) {
		codigos = append(codigos, m[1])
	}
	return codigos
}

// LeNotebook lê as células de um .ipynb (o texto de cada uma já juntado).
func LeNotebook(caminho string) ([]Celula, error) {
	conteudo, err := os.ReadFile(caminho)
	if err != nil {
		return nil, err
	}
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
			Metadata struct {
				Exercicio any `json:"exercicio"`
				Solucao   any `json:"solucao"`
			} `json:"metadata"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(conteudo, &nb); err != nil {
		return nil, fmt.Errorf("%s não é um notebook: %w", caminho, err)
	}
	celulas := make([]Celula, len(nb.Cells))
	for i, c := range nb.Cells {
		celulas[i].Tipo = c.CellType
		celulas[i].Exercicio, _ = c.Metadata.Exercicio.(string)
		celulas[i].Solucao, _ = c.Metadata.Solucao.(string)
		var linhas []string
		if err := json.Unmarshal(c.Source, &linhas); err != nil {
			var texto string
			if err2 := json.Unmarshal(c.Source, &texto); err2 != nil {
				return nil, fmt.Errorf("%s, célula %d: source inesperado: %w", caminho, i+1, err)
			}
			linhas = []string{texto}
		}
		celulas[i].Texto = strings.Join(linhas, "")
	}
	return celulas, nil
}

// Marcador é um bloco marcado numa célula.
type Marcador struct {
	Arquivo string   // relativo à raiz do repositório: pkg/cnn/cnn.go
	Nomes   []string // as declarações, na ordem do bloco
}

func (m Marcador) String() string {
	return m.Arquivo + " " + strings.Join(m.Nomes, " ")
}

const (
	abreMarkdown    = "<!-- codigo:"
	fechaComentario = "-->"
	prefixoCodigo   = "// codigo:"
	abreBloco       = "```go"
	fechaBloco      = "```"
)

func leMarcador(resto string) (Marcador, bool) {
	campos := strings.Fields(resto)
	if len(campos) < 2 {
		return Marcador{}, false
	}
	return Marcador{Arquivo: campos[0], Nomes: campos[1:]}, true
}

// Problema é um bloco fora de dia (ou um marcador que não se resolve).
type Problema struct {
	Marcador Marcador
	Erro     error // não nil se o marcador não se resolve (arquivo ou nome que não existe)
}

// Atualiza confere os marcadores de uma célula: devolve o texto com os blocos
// em dia, os marcadores achados e os problemas (blocos que diferiam do
// código atual, ou marcadores que não se resolvem). Um marcador de texto sem
// o bloco ```go logo abaixo ganha o bloco.
func Atualiza(raiz string, c Celula) (novo string, achados []Marcador, problemas []Problema) {
	switch c.Tipo {
	case "code":
		primeira, resto, _ := strings.Cut(c.Texto, "\n")
		if !strings.HasPrefix(strings.TrimSpace(primeira), prefixoCodigo) {
			return c.Texto, nil, nil
		}
		m, ok := leMarcador(strings.TrimPrefix(strings.TrimSpace(primeira), prefixoCodigo))
		if !ok {
			return c.Texto, nil, []Problema{{Erro: fmt.Errorf("marcador incompleto: %q (é `// codigo: pkg/arquivo.go Nome…`)", primeira)}}
		}
		achados = append(achados, m)
		fonte, err := Fonte(raiz, m.Arquivo, m.Nomes)
		if err != nil {
			return c.Texto, achados, []Problema{{Marcador: m, Erro: err}}
		}
		if resto != fonte {
			problemas = append(problemas, Problema{Marcador: m})
		}
		return primeira + "\n" + fonte, achados, problemas
	case "markdown":
	default:
		return c.Texto, nil, nil
	}
	linhas := strings.Split(c.Texto, "\n")
	var saida []string
	for i := 0; i < len(linhas); i++ {
		l := linhas[i]
		saida = append(saida, l)
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, abreMarkdown) || !strings.HasSuffix(t, fechaComentario) {
			continue
		}
		m, ok := leMarcador(strings.TrimSuffix(strings.TrimPrefix(t, abreMarkdown), fechaComentario))
		if !ok {
			problemas = append(problemas, Problema{Erro: fmt.Errorf("marcador incompleto: %q (é `<!-- codigo: pkg/arquivo.go Nome… -->`)", t)})
			continue
		}
		achados = append(achados, m)
		fonte, err := Fonte(raiz, m.Arquivo, m.Nomes)
		if err != nil {
			problemas = append(problemas, Problema{Marcador: m, Erro: err})
			continue
		}
		// O bloco atual: de ```go (logo abaixo do marcador) até o ``` que o fecha.
		atual, fim := "", i // fim: a última linha do bloco atual
		if i+1 < len(linhas) && strings.TrimSpace(linhas[i+1]) == abreBloco {
			fecha := -1
			for j := i + 2; j < len(linhas); j++ {
				if strings.TrimSpace(linhas[j]) == fechaBloco {
					fecha = j
					break
				}
			}
			if fecha < 0 {
				problemas = append(problemas, Problema{Marcador: m, Erro: fmt.Errorf("o bloco ```go abaixo do marcador não se fecha")})
				continue
			}
			atual, fim = strings.Join(linhas[i+2:fecha], "\n"), fecha
		} else {
			atual = "\x00sem bloco"
		}
		if atual != fonte {
			problemas = append(problemas, Problema{Marcador: m})
		}
		saida = append(saida, abreBloco, fonte, fechaBloco)
		i = fim
	}
	return strings.Join(saida, "\n"), achados, problemas
}

// Linhas divide o texto de uma célula como o Jupyter guarda: cada linha com
// o seu "\n", menos a última.
func Linhas(texto string) []string {
	if texto == "" {
		return []string{}
	}
	partes := strings.SplitAfter(texto, "\n")
	if partes[len(partes)-1] == "" {
		partes = partes[:len(partes)-1]
	}
	return partes
}

// Reescreve troca o texto das células dadas (índice → texto) no notebook,
// mantendo o resto do arquivo byte a byte como as ferramentas do curso o
// escrevem (json.dumps(nb, indent=1, ensure_ascii=False) + "\n", no Python):
// quem escreve é o próprio python3, só no modo -regrava.
func Reescreve(caminho string, novos map[int]string, python string) error {
	troca := map[string][]string{}
	for i, t := range novos {
		troca[fmt.Sprint(i)] = Linhas(t)
	}
	entrada, err := json.Marshal(map[string]any{"caminho": caminho, "troca": troca})
	if err != nil {
		return err
	}
	const programa = `import json, sys
p = json.load(sys.stdin)
with open(p["caminho"], encoding="utf-8") as f:
    nb = json.load(f)
for i, linhas in p["troca"].items():
    nb["cells"][int(i)]["source"] = linhas
with open(p["caminho"], "w", encoding="utf-8") as f:
    f.write(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
`
	cmd := exec.Command(python, "-c", programa)
	cmd.Stdin = bytes.NewReader(entrada)
	if saida, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("python3 não reescreveu %s: %v\n%s", caminho, err, saida)
	}
	return nil
}
