package main

import (
	"strings"
	"testing"
)

// O programa do aluno leva as declarações do curso e as do aluno, com a
// regra do GoNB (a posterior substitui a anterior), e as procurações do juiz
// têm as assinaturas do CURSO, com o corpo trocado por correcao.Chama.
func TestSepara(t *testing.T) {
	curso := []Celula{
		{Tipo: "code", Texto: "import \"math\"\n\n// Ajuda é do curso.\nfunc Ajuda(x float64) float64 { return math.Abs(x) }\n"},
		{Tipo: "code", Exercicio: "ex-a", Texto: "var tabela = []int{1, 2}\n\n// Soma soma.\nfunc Soma(xs []float64, extra ...int) (float64, error) {\n\treturn 0, nil\n}\n"},
		{Tipo: "code", Texto: "%%\nfmt.Println(Soma(nil))\n"},
		{Tipo: "code", Exercicio: "ex-b", Texto: "func Nada() int {\n\treturn 0\n}\n"},
	}
	entregue := []Celula{
		curso[0],
		{Tipo: "code", Exercicio: "ex-a", Texto: "func init() {}\n\nfunc Ajuda(x float64) float64 { return x }\n\nfunc Soma(xs []float64, extra ...int) (float64, error) {\n\treturn Ajuda(1), nil\n}\n"},
		curso[2],
		{Tipo: "code", Exercicio: "ex-b", Texto: "func Nada() int {\n\treturn 0 +\n}\n"},
	}
	s, err := Separa(curso, entregue)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.Programa["curso.go"], "func Ajuda") {
		t.Errorf("a Ajuda do curso deveria ter sido substituída pela do aluno:\n%s", s.Programa["curso.go"])
	}
	if got := s.Info.Sobrepoe["ex-a"]; len(got) != 1 || got[0] != "Ajuda" {
		t.Errorf("sobrepoe = %v, queria [Ajuda]", got)
	}
	if !strings.Contains(s.Programa["ex_01.go"], "func init() {}") || !strings.Contains(s.Programa["ex_01.go"], "return Ajuda(1), nil") {
		t.Errorf("o exercício a deveria ter o código do aluno:\n%s", s.Programa["ex_01.go"])
	}
	if _, ok := s.Info.Sintaxe["ex-b"]; !ok || !strings.Contains(s.Programa["ex_02.go"], "return 0\n") {
		t.Errorf("o exercício b tem erro de sintaxe: deveria usar a versão do curso (%v):\n%s", s.Info.Sintaxe, s.Programa["ex_02.go"])
	}
	p := s.Info.Procuracoes["ex-a"]
	for _, trecho := range []string{
		"var tabela = []int{1, 2}",
		"func Soma(p0 []float64, p1 ...int) (r0 float64, r1 error)",
		`correcao.Chama("ex-a", "Soma", []any{p0, p1}, &r0, &r1)`,
	} {
		if !strings.Contains(p, trecho) {
			t.Errorf("a procuração não tem %q:\n%s", trecho, p)
		}
	}
	if strings.Contains(p, "Ajuda") || strings.Contains(p, "init") {
		t.Errorf("a procuração não pode levar código do aluno:\n%s", p)
	}
	a := s.Programa["atende.go"]
	for _, trecho := range []string{"var p1 []int", "r0, r1 := Soma(p0, p1...)", "return correcao.Codifica(r0, r1)"} {
		if !strings.Contains(a, trecho) {
			t.Errorf("atende.go não tem %q:\n%s", trecho, a)
		}
	}
}
