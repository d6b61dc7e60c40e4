package exercicios

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// maxElementos é quantos elementos de uma fatia (ou linhas de uma matriz)
// aparecem antes do "…".
const maxElementos = 10

// maxNivel protege contra estruturas fundas demais (ou com ciclos).
const maxNivel = 20

// Formata escreve um valor de forma legível, à brasileira: reais com vírgula
// decimal e 4 casas (ou em notação científica com 4 algarismos, se muito
// pequenos ou muito grandes: 1,234e-05), campos de struct separados por "; "
// (a vírgula já é dos números),
// fatias longas encurtadas com "…", matrizes linha a linha, textos entre
// aspas, structs com os nomes dos campos.
func Formata(x any) string {
	return formatador{}.texto(x)
}

// FormataPreciso é como Formata, mas escreve os reais com todos os
// algarismos — útil quando dois valores diferentes ficam iguais com 4 casas.
func FormataPreciso(x any) string {
	return formatador{preciso: true}.texto(x)
}

type formatador struct {
	preciso bool
}

func (f formatador) texto(x any) string {
	return f.valor(reflect.ValueOf(x), 0)
}

func (f formatador) valor(v reflect.Value, nivel int) string {
	var b strings.Builder
	f.escreve(&b, v, nivel)
	return b.String()
}

func (f formatador) escreve(b *strings.Builder, v reflect.Value, nivel int) {
	if !v.IsValid() {
		b.WriteString("nil")
		return
	}
	if nivel > maxNivel {
		b.WriteString("…")
		return
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		b.WriteString(f.real(v.Float(), v.Type().Bits()))
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		if f.matriz(b, v, nivel) {
			return
		}
		b.WriteByte('[')
		matriz := v.Len() > 0 && (v.Index(0).Kind() == reflect.Slice || v.Index(0).Kind() == reflect.Array)
		for i := range v.Len() {
			if i == maxElementos {
				fmt.Fprintf(b, " … (%d no total)", v.Len())
				break
			}
			if i > 0 {
				if matriz {
					b.WriteString("\n" + strings.Repeat(" ", nivel+1))
				} else {
					b.WriteByte(' ')
				}
			}
			f.escreve(b, v.Index(i), nivel+1)
		}
		b.WriteByte(']')
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		type par struct{ chave, valor string }
		var pares []par
		for _, k := range v.MapKeys() {
			pares = append(pares, par{f.valor(k, nivel+1), f.valor(v.MapIndex(k), nivel+1)})
		}
		slices.SortFunc(pares, func(a, b par) int { return cmp.Compare(a.chave, b.chave) })
		b.WriteString("map[")
		for i, p := range pares {
			if i == maxElementos {
				fmt.Fprintf(b, " … (%d no total)", len(pares))
				break
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p.chave + ":" + p.valor)
		}
		b.WriteByte(']')
	case reflect.Struct:
		b.WriteByte('{')
		for i := range v.NumField() {
			if i > 0 {
				b.WriteString("; ")
			}
			campo := v.Type().Field(i)
			b.WriteString(campo.Name + ": ")
			if campo.IsExported() {
				f.escreve(b, v.Field(i), nivel+1)
			} else {
				b.WriteString("…")
			}
		}
		b.WriteByte('}')
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteByte('&')
		f.escreve(b, v.Elem(), nivel+1)
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		f.escreve(b, v.Elem(), nivel+1)
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	default:
		if v.CanInterface() {
			fmt.Fprint(b, v.Interface())
		} else {
			b.WriteString(v.String())
		}
	}
}

// matriz escreve v linha a linha, com as colunas alinhadas, se v for uma
// matriz de números (fatia de fatias de números); senão, devolve false.
func (f formatador) matriz(b *strings.Builder, v reflect.Value, nivel int) bool {
	if v.Len() == 0 || !lista(v.Index(0).Type()) || !numero(v.Index(0).Type().Elem().Kind()) {
		return false
	}
	linhas := min(v.Len(), maxElementos)
	celulas := make([][]string, linhas)
	var largura []int
	for i := range linhas {
		linha := v.Index(i)
		for j := range min(linha.Len(), maxElementos) {
			c := f.valor(linha.Index(j), nivel+2)
			celulas[i] = append(celulas[i], c)
			if j == len(largura) {
				largura = append(largura, 0)
			}
			largura[j] = max(largura[j], len([]rune(c)))
		}
		if linha.Len() > maxElementos {
			celulas[i] = append(celulas[i], fmt.Sprintf("… (%d no total)", linha.Len()))
		}
	}
	b.WriteByte('[')
	for i, linha := range celulas {
		if i > 0 {
			b.WriteString("\n" + strings.Repeat(" ", nivel+1))
		}
		b.WriteByte('[')
		for j, c := range linha {
			if j > 0 {
				b.WriteByte(' ')
			}
			if j < len(largura) {
				c = strings.Repeat(" ", largura[j]-len([]rune(c))) + c
			}
			b.WriteString(c)
		}
		b.WriteByte(']')
	}
	if v.Len() > maxElementos {
		fmt.Fprintf(b, " … (%d linhas no total)", v.Len())
	}
	b.WriteByte(']')
	return true
}

func lista(t reflect.Type) bool {
	return t.Kind() == reflect.Slice || t.Kind() == reflect.Array
}

func numero(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// real escreve um número real com vírgula decimal; bits é 32 ou 64 (para o
// modo preciso).
func (f formatador) real(x float64, bits int) string {
	return curso.Virgula(f.realComPonto(x, bits))
}

func (f formatador) realComPonto(x float64, bits int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	case f.preciso:
		return strconv.FormatFloat(x, 'g', -1, bits)
	case x != 0 && (math.Abs(x) < 1e-4 || math.Abs(x) >= 1e6):
		return strconv.FormatFloat(x, 'e', 3, 64)
	}
	s := strconv.FormatFloat(x, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
