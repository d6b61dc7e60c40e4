// Comando separa: divide um notebook entregue em dois programas, para a
// correção da turma (python -m representacoes corrige; veja pkg/correcao):
//
//   - o programa do aluno (PASTA/programa): as declarações das células do
//     curso e as das células de exercício do aluno, na ordem do notebook e com
//     a regra do GoNB (uma declaração posterior com o mesmo nome substitui a
//     anterior), e um main que atende aos pedidos do corretor
//     (correcao.Atende). Cada exercício fica num arquivo (ex_NN.go), para que
//     um erro de compilação diga de qual exercício ele é; a versão do curso de
//     cada um fica em PASTA/stubs, para trocar um exercício que não compila;
//   - as procurações (PASTA/separacao.json): para cada exercício, o código
//     que substitui a célula no notebook do juiz, com as mesmas declarações da
//     célula do curso, mas com o corpo de cada função trocado por
//     correcao.Chama.
//
// As assinaturas vêm sempre da célula do CURSO: o programa do aluno só
// compila se as funções dele tiverem as mesmas.
//
// Uso: separa -curso LICAO.ipynb -entregue MONTADO.ipynb -raiz RAIZ -saida PASTA
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/go-estudos/representacoes/internal/codigo"
)

func main() {
	curso := flag.String("curso", "", "o notebook do curso (notebooks/NN-….ipynb)")
	entregue := flag.String("entregue", "", "o notebook do curso com as células de exercício do aluno")
	raiz := flag.String("raiz", "", "a pasta do curso (o módulo que o programa do aluno importa)")
	saida := flag.String("saida", "", "a pasta onde escrever programa/, stubs/ e separacao.json")
	flag.Parse()
	if *curso == "" || *entregue == "" || *raiz == "" || *saida == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := roda(*curso, *entregue, *raiz, *saida); err != nil {
		fmt.Fprintln(os.Stderr, "separa:", err)
		os.Exit(1)
	}
}

func roda(cursoNB, entregueNB, raiz, saida string) error {
	curso, err := leNotebook(cursoNB)
	if err != nil {
		return err
	}
	entregue, err := leNotebook(entregueNB)
	if err != nil {
		return err
	}
	versao, err := versaoGo(filepath.Join(raiz, "go.mod"))
	if err != nil {
		return err
	}
	s, err := Separa(curso, entregue)
	if err != nil {
		return err
	}
	programa, stubs := filepath.Join(saida, "programa"), filepath.Join(saida, "stubs")
	for _, p := range []string{programa, stubs} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
	}
	arquivos := map[string]string{
		filepath.Join(programa, "go.mod"):  "module aluno\n\ngo " + versao + "\n",
		filepath.Join(programa, "go.work"): fmt.Sprintf("go %s\n\nuse (\n\t.\n\t%s\n)\n", versao, raiz),
	}
	for nome, texto := range s.Programa {
		arquivos[filepath.Join(programa, nome)] = texto
	}
	for nome, texto := range s.Stubs {
		arquivos[filepath.Join(stubs, nome)] = texto
	}
	j, err := json.MarshalIndent(s.Info, "", "  ")
	if err != nil {
		return err
	}
	arquivos[filepath.Join(saida, "separacao.json")] = string(j) + "\n"
	for caminho, texto := range arquivos {
		if err := os.WriteFile(caminho, []byte(texto), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Celula é uma célula de notebook (a de internal/codigo, com o ID do
// exercício).
type Celula = codigo.Celula

// leNotebook lê as células de código de um notebook.
func leNotebook(caminho string) ([]Celula, error) {
	todas, err := codigo.LeNotebook(caminho)
	if err != nil {
		return nil, err
	}
	var celulas []Celula
	for _, c := range todas {
		if c.Tipo == "code" {
			celulas = append(celulas, c)
		}
	}
	return celulas, nil
}

var linhaGo = regexp.MustCompile(`(?m)^go (\d+\.\d+(\.\d+)?)\s*$`)

func versaoGo(gomod string) (string, error) {
	b, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	m := linhaGo.FindSubmatch(b)
	if m == nil {
		return "", fmt.Errorf("%s sem a linha go", gomod)
	}
	return string(m[1]), nil
}
