package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// Separacao é o que Separa produz.
type Separacao struct {
	Programa map[string]string // arquivo → texto do programa do aluno
	Stubs    map[string]string // ex_NN.go → a versão do curso do mesmo arquivo
	Info     Info
}

// Info vai para separacao.json, para o corretor.
type Info struct {
	Arquivos    map[string]string   `json:"arquivos"`    // ex_NN.go → ID do exercício
	Atende      map[string][2]int   `json:"atende"`      // ID → primeira e última linha do seu caso em atende.go
	Procuracoes map[string]string   `json:"procuracoes"` // ID → a célula que o substitui no notebook do juiz
	Sintaxe     map[string]string   `json:"sintaxe"`     // ID → erro de sintaxe da célula do aluno (foi usada a do curso)
	Sobrepoe    map[string][]string `json:"sobrepoe"`    // ID → declarações do curso que a célula do aluno substitui
}

// declaracao é uma declaração de nível de pacote de uma célula.
type declaracao struct {
	arquivo  string
	nomes    []string
	texto    string
	removida bool
}

// Separa monta o programa do aluno e as procurações. curso é o notebook do
// curso; entregue, o mesmo notebook com as células de exercício do aluno.
func Separa(curso, entregue []Celula) (*Separacao, error) {
	doCurso := map[string]Celula{}
	for _, c := range curso {
		if c.Exercicio != "" {
			if _, ok := doCurso[c.Exercicio]; !ok {
				doCurso[c.Exercicio] = c
			}
		}
	}
	s := &Separacao{Programa: map[string]string{}, Stubs: map[string]string{}, Info: Info{
		Arquivos: map[string]string{}, Atende: map[string][2]int{}, Procuracoes: map[string]string{},
		Sintaxe: map[string]string{}, Sobrepoe: map[string][]string{},
	}}
	imports := map[string]bool{}
	var decls []*declaracao
	var exercicios []string
	arquivoDe := map[string]string{}
	stubDecls := map[string][]*declaracao{}
	for _, c := range entregue {
		if c.Exercicio != "" && arquivoDe[c.Exercicio] != "" {
			continue // só a primeira célula de cada exercício conta
		}
		arquivo := "curso.go"
		var fonteDoCurso string
		if c.Exercicio != "" {
			cc, ok := doCurso[c.Exercicio]
			if !ok {
				continue // exercício que o curso não tem: ignorado
			}
			arquivo = fmt.Sprintf("ex_%02d.go", len(exercicios)+1)
			exercicios = append(exercicios, c.Exercicio)
			arquivoDe[c.Exercicio] = arquivo
			s.Info.Arquivos[arquivo] = c.Exercicio
			fonteDoCurso = declaracoesDaCelula(cc.Texto)
			if _, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+fonteDoCurso, parser.ParseComments); err != nil {
				return nil, fmt.Errorf("a célula do curso do exercício %s não é Go válido: %w", c.Exercicio, err)
			}
			ds, is, err := declaracoesDe(fonteDoCurso, arquivo)
			if err != nil {
				return nil, err
			}
			stubDecls[c.Exercicio] = ds
			for _, i := range is {
				imports[i] = true
			}
		}
		fonte := declaracoesDaCelula(c.Texto)
		ds, is, err := declaracoesDe(fonte, arquivo)
		if err != nil {
			if c.Exercicio == "" {
				return nil, fmt.Errorf("uma célula do curso não é Go válido: %w", err)
			}
			s.Info.Sintaxe[c.Exercicio] = err.Error()
			ds = stubDecls[c.Exercicio]
			is = nil
		}
		for _, i := range is {
			imports[i] = true
		}
		for _, d := range ds {
			for _, antiga := range decls {
				if antiga.removida || !cruzam(antiga.nomes, d.nomes) {
					continue
				}
				antiga.removida = true
				if antiga.arquivo == "curso.go" && c.Exercicio != "" {
					s.Info.Sobrepoe[c.Exercicio] = append(s.Info.Sobrepoe[c.Exercicio], antiga.nomes...)
				}
			}
			decls = append(decls, d)
		}
		if c.Exercicio != "" {
			s.Info.Procuracoes[c.Exercicio] = procuracao(c.Exercicio, fonteDoCurso)
		}
	}
	cabecalho := "package main\n\n" + blocoDeImports(imports)
	textos := map[string][]string{"curso.go": nil}
	for _, ex := range exercicios {
		textos[arquivoDe[ex]] = nil
	}
	for _, d := range decls {
		if !d.removida {
			textos[d.arquivo] = append(textos[d.arquivo], d.texto)
		}
	}
	for arquivo, ts := range textos {
		s.Programa[arquivo] = cabecalho + strings.Join(ts, "\n\n") + "\n"
	}
	for _, ex := range exercicios {
		var ts []string
		for _, d := range stubDecls[ex] {
			ts = append(ts, d.texto)
		}
		s.Stubs[arquivoDe[ex]] = cabecalho + strings.Join(ts, "\n\n") + "\n"
	}
	atende, linhas := programaAtende(exercicios, doCurso, cabecalho)
	s.Programa["atende.go"] = atende
	s.Info.Atende = linhas
	return s, nil
}

// declaracoesDaCelula é a parte de declarações de uma célula, como o GoNB a
// lê: o que vem antes de uma linha "%%", sem as linhas de comandos do GoNB
// (começam com % ou !).
func declaracoesDaCelula(fonte string) string {
	var linhas []string
	for _, l := range strings.Split(fonte, "\n") {
		if strings.TrimSpace(l) == "%%" {
			break
		}
		if strings.HasPrefix(l, "%") || strings.HasPrefix(l, "!") {
			linhas = append(linhas, "") // mantém os números das linhas
			continue
		}
		linhas = append(linhas, l)
	}
	return strings.Join(linhas, "\n")
}

// declaracoesDe lê as declarações de nível de pacote de um texto (com os
// comentários de documentação) e os imports ("nome caminho" ou "caminho").
func declaracoesDe(fonte, arquivo string) ([]*declaracao, []string, error) {
	fset := token.NewFileSet()
	texto := "package main\n" + fonte
	f, err := parser.ParseFile(fset, "", texto, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	var ds []*declaracao
	var imports []string
	trecho := func(de, ate token.Pos) string {
		return texto[fset.Position(de).Offset:fset.Position(ate).Offset]
	}
	for _, d := range f.Decls {
		inicio := d.Pos()
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				for _, sp := range d.Specs {
					imports = append(imports, trecho(sp.Pos(), sp.End()))
				}
				continue
			}
			if d.Doc != nil {
				inicio = d.Doc.Pos()
			}
			var nomes []string
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					nomes = append(nomes, sp.Name.Name)
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						nomes = append(nomes, n.Name)
					}
				}
			}
			ds = append(ds, &declaracao{arquivo: arquivo, nomes: semVazios(nomes), texto: trecho(inicio, d.End())})
		case *ast.FuncDecl:
			if d.Doc != nil {
				inicio = d.Doc.Pos()
			}
			nome := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) == 1 {
				nome = "método " + tipoBase(d.Recv.List[0].Type) + "." + nome
			}
			var nomes []string
			if nome != "init" {
				nomes = semVazios([]string{nome})
			}
			ds = append(ds, &declaracao{arquivo: arquivo, nomes: nomes, texto: trecho(inicio, d.End())})
		}
	}
	return ds, imports, nil
}

func semVazios(nomes []string) []string {
	var r []string
	for _, n := range nomes {
		if n != "_" {
			r = append(r, n)
		}
	}
	return r
}

func tipoBase(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return tipoBase(t.X)
	case *ast.IndexExpr:
		return tipoBase(t.X)
	case *ast.IndexListExpr:
		return tipoBase(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

func cruzam(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func blocoDeImports(imports map[string]bool) string {
	if len(imports) == 0 {
		return ""
	}
	var is []string
	for i := range imports {
		is = append(is, i)
	}
	sort.Strings(is)
	return "import (\n\t" + strings.Join(is, "\n\t") + "\n)\n\n"
}

// assinatura é o que procuracao e programaAtende leem de uma função do curso.
type assinatura struct {
	nome       string
	parametros []string // tipos; o último pode ser "...T"
	resultados []string
}

func assinaturas(fonte string) []assinatura {
	texto := "package main\n" + fonte
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", texto, parser.ParseComments|parser.SkipObjectResolution)
	tipo := func(e ast.Expr) string {
		return texto[fset.Position(e.Pos()).Offset:fset.Position(e.End()).Offset]
	}
	var r []assinatura
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name == "init" || fd.Name.Name == "_" {
			continue
		}
		a := assinatura{nome: fd.Name.Name}
		for _, campo := range fd.Type.Params.List {
			for range max(1, len(campo.Names)) {
				a.parametros = append(a.parametros, tipo(campo.Type))
			}
		}
		if fd.Type.Results != nil {
			for _, campo := range fd.Type.Results.List {
				for range max(1, len(campo.Names)) {
					a.resultados = append(a.resultados, tipo(campo.Type))
				}
			}
		}
		r = append(r, a)
	}
	return r
}

func nomes(prefixo string, n int) []string {
	r := make([]string, n)
	for i := range n {
		r[i] = fmt.Sprintf("%s%d", prefixo, i)
	}
	return r
}

// procuracao é a célula do juiz para um exercício: as declarações da célula
// do curso, com o corpo de cada função trocado por correcao.Chama.
func procuracao(id, fonte string) string {
	texto := "package main\n" + fonte
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", texto, parser.ParseComments|parser.SkipObjectResolution)
	var partes []string
	partes = append(partes, `import "github.com/go-estudos/representacoes/pkg/correcao"`)
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok != token.IMPORT {
			inicio := g.Pos()
			if g.Doc != nil {
				inicio = g.Doc.Pos()
			}
			partes = append(partes, texto[fset.Position(inicio).Offset:fset.Position(g.End()).Offset])
		}
	}
	for _, a := range assinaturas(fonte) {
		ps, rs := nomes("p", len(a.parametros)), nomes("r", len(a.resultados))
		var decl, args, ptrs []string
		for i, t := range a.parametros {
			decl = append(decl, ps[i]+" "+t)
			args = append(args, ps[i])
		}
		var res []string
		for i, t := range a.resultados {
			res = append(res, rs[i]+" "+t)
			ptrs = append(ptrs, ", &"+rs[i])
		}
		resultados := ""
		if len(res) > 0 {
			resultados = " (" + strings.Join(res, ", ") + ")"
		}
		partes = append(partes, fmt.Sprintf(
			"// %s roda, na correção, a %s do aluno no programa dele (veja pkg/correcao).\n"+
				"func %s(%s)%s {\n\tcorrecao.Chama(%q, %q, []any{%s}%s)\n\treturn\n}",
			a.nome, a.nome, a.nome, strings.Join(decl, ", "), resultados, id, a.nome,
			strings.Join(args, ", "), strings.Join(ptrs, "")))
	}
	return strings.Join(partes, "\n\n") + "\n"
}

// programaAtende é o main do programa do aluno: um caso por função de
// exercício, com as assinaturas do curso. Devolve também as linhas do caso de
// cada exercício (um erro de compilação ali é uma assinatura mudada).
func programaAtende(exercicios []string, doCurso map[string]Celula, cabecalho string) (string, map[string][2]int) {
	var b strings.Builder
	b.WriteString(strings.Replace(cabecalho, "import (\n",
		"import (\n\t\"github.com/go-estudos/representacoes/pkg/correcao\"\n", 1))
	if !strings.Contains(cabecalho, "import (") {
		b.WriteString("import \"github.com/go-estudos/representacoes/pkg/correcao\"\n\n")
	}
	b.WriteString("func main() {\n\tcorrecao.Atende(map[string]correcao.Funcao{\n")
	linhas := map[string][2]int{}
	for _, ex := range exercicios {
		fonte := declaracoesDaCelula(doCurso[ex].Texto)
		inicio := strings.Count(b.String(), "\n") + 1
		for _, a := range assinaturas(fonte) {
			ps, rs := nomes("p", len(a.parametros)), nomes("r", len(a.resultados))
			fmt.Fprintf(&b, "\t\t%q: func(dados []byte) ([]byte, error) {\n", a.nome)
			var args, ptrs []string
			for i, t := range a.parametros {
				if strings.HasPrefix(t, "...") {
					t = "[]" + t[3:]
					args = append(args, ps[i]+"...")
				} else {
					args = append(args, ps[i])
				}
				fmt.Fprintf(&b, "\t\t\tvar %s %s\n", ps[i], t)
				ptrs = append(ptrs, "&"+ps[i])
			}
			if len(ps) > 0 {
				fmt.Fprintf(&b, "\t\t\tif err := correcao.Decodifica(dados, %s); err != nil {\n\t\t\t\treturn nil, err\n\t\t\t}\n",
					strings.Join(ptrs, ", "))
			}
			chamada := a.nome + "(" + strings.Join(args, ", ") + ")"
			if len(rs) > 0 {
				fmt.Fprintf(&b, "\t\t\t%s := %s\n", strings.Join(rs, ", "), chamada)
			} else {
				fmt.Fprintf(&b, "\t\t\t%s\n", chamada)
			}
			fmt.Fprintf(&b, "\t\t\treturn correcao.Codifica(%s)\n\t\t},\n", strings.Join(rs, ", "))
		}
		linhas[ex] = [2]int{inicio, strings.Count(b.String(), "\n")}
	}
	b.WriteString("\t})\n}\n")
	return b.String(), linhas
}
