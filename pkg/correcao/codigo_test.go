package correcao

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

type registro struct {
	Nome    string
	Pesos   [][]float64
	Vazia   []int
	Nula    []int
	Par     [2]float32
	Mapa    map[string]int
	Ptr     *int
	Sinal   bool
	Pequeno int8
	Grande  uint64
}

// Os valores voltam exatamente como foram: NaN, −0, ±Inf, fatias nil e
// vazias, mapas, ponteiros.
func TestCodificaEDecodificaSemPerder(t *testing.T) {
	sete := 7
	orig := registro{
		Nome: "ação", Pesos: [][]float64{{1, math.NaN(), math.Copysign(0, -1)}, nil, {}, {math.Inf(-1)}},
		Vazia: []int{}, Par: [2]float32{1.5, float32(math.Inf(1))}, Mapa: map[string]int{"a": 1, "b": -2},
		Ptr: &sete, Sinal: true, Pequeno: -128, Grande: math.MaxUint64,
	}
	b, err := Codifica(orig, 42, []float64(nil))
	if err != nil {
		t.Fatal(err)
	}
	var volta registro
	var n int
	fatia := []float64{9}
	if err := Decodifica(b, &volta, &n, &fatia); err != nil {
		t.Fatal(err)
	}
	if n != 42 || fatia != nil {
		t.Errorf("int %d e fatia nil %v voltaram diferentes", n, fatia)
	}
	if !math.IsNaN(volta.Pesos[0][1]) || !math.Signbit(volta.Pesos[0][2]) || !math.IsInf(volta.Pesos[3][0], -1) {
		t.Errorf("NaN, −0 ou −Inf perdidos: %v", volta.Pesos)
	}
	if volta.Pesos[1] != nil || volta.Pesos[2] == nil || len(volta.Pesos[2]) != 0 {
		t.Errorf("fatia nil e vazia trocadas: %#v", volta.Pesos)
	}
	if volta.Vazia == nil || volta.Nula != nil {
		t.Errorf("fatia vazia virou nil ou nil virou vazia: %#v %#v", volta.Vazia, volta.Nula)
	}
	volta.Pesos, orig.Pesos = nil, nil
	if !reflect.DeepEqual(volta, orig) {
		t.Errorf("voltou %+v, era %+v", volta, orig)
	}
}

// Dados estragados (do código do aluno) são erros, nunca pânicos nem
// alocações do tamanho que eles dizem.
func TestDecodificaRecusaDadosEstragados(t *testing.T) {
	bom, _ := Codifica([]float64{1, 2, 3})
	casos := map[string][]byte{
		"vazio":                 nil,
		"cortado":               bom[:len(bom)-3],
		"com sobra":             append(append([]byte{}, bom...), 0),
		"tamanho absurdo":       {1, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"marca de nil inválida": {7},
	}
	for nome, dados := range casos {
		var f []float64
		if err := Decodifica(dados, &f); err == nil {
			t.Errorf("%s: aceitou %v como %v", nome, dados, f)
		}
	}
	var s struct{ X []struct{} }
	if err := Decodifica([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f}, &s); err == nil {
		t.Errorf("aceitou 4 bilhões de elementos vazios")
	}
}

func TestCodificaRecusaOQueNaoPassa(t *testing.T) {
	for nome, v := range map[string]any{
		"função":              func() {},
		"canal":               make(chan int),
		"campo não exportado": struct{ x int }{1},
		"interface não nil":   []any{1},
	} {
		if _, err := Codifica(v); err == nil || !strings.Contains(err.Error(), "") {
			t.Errorf("%s: aceitou %v", nome, v)
		}
	}
}

// Uma função sem argumentos manda um quadro vazio. O corretor pode responder
// e fechar antes de o pedido acabar de ser escrito; a escrita vazia não pode
// virar "broken pipe" (visto na correção de uma turma, com 2 em paralelo).
func TestQuadroVazioNaoEscreveNada(t *testing.T) {
	var escritas []int
	w := escritor(func(p []byte) (int, error) {
		escritas = append(escritas, len(p))
		return len(p), nil
	})
	if err := EscreveQuadro(w, nil); err != nil {
		t.Fatal(err)
	}
	if len(escritas) != 1 || escritas[0] != 4 {
		t.Errorf("um quadro vazio deveria ser só o tamanho (uma escrita de 4 bytes), foram %v", escritas)
	}
}

type escritor func([]byte) (int, error)

func (e escritor) Write(p []byte) (int, error) { return e(p) }
