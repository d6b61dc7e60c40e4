package exercicios

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Iguais compara dois valores em profundidade: números reais com a
// tolerância tol (|a−b| ≤ tol·(1+|b|); NaN só é igual a NaN), inteiros,
// textos e booleanos exatamente, e fatias, arranjos, mapas, structs e
// ponteiros elemento a elemento (fatias de tamanhos diferentes são
// diferentes; uma fatia nil é igual a uma vazia).
func Iguais(a, b any, tol float64) bool {
	return iguais(reflect.ValueOf(a), reflect.ValueOf(b), tol)
}

func iguais(a, b reflect.Value, tol float64) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		if math.IsNaN(x) || math.IsNaN(y) {
			return math.IsNaN(x) && math.IsNaN(y)
		}
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return x == y
		}
		return math.Abs(x-y) <= tol*(1+math.Abs(y))
	case reflect.Complex64, reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		return iguais(reflect.ValueOf(real(x)), reflect.ValueOf(real(y)), tol) &&
			iguais(reflect.ValueOf(imag(x)), reflect.ValueOf(imag(y)), tol)
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !iguais(a.Index(i), b.Index(i), tol) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			vb := b.MapIndex(k)
			if !vb.IsValid() || !iguais(a.MapIndex(k), vb, tol) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !iguais(a.Field(i), b.Field(i), tol) {
				return false
			}
		}
		return true
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return iguais(a.Elem(), b.Elem(), tol)
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return a.Pointer() == b.Pointer()
	default:
		return a.Equal(b)
	}
}

// Copia devolve uma cópia profunda de x (fatias, mapas, ponteiros e structs
// copiados), para que o código do aluno não altere os casos da verificação
// nem a entrada da referência. Campos não exportados são copiados rasos.
func Copia[T any](x T) T {
	v := reflect.ValueOf(&x).Elem()
	c := copia(v)
	return c.Interface().(T)
}

func copia(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(copia(v.Index(i)))
		}
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			c.Index(i).Set(copia(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			c.SetMapIndex(k, copia(v.MapIndex(k)))
		}
		return c
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(copia(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(copia(v.Field(i)))
			}
		}
		return c
	default:
		return v
	}
}

// Formata escreve um valor de forma legível: reais com até 4 casas decimais,
// fatias longas encurtadas com "…", matrizes linha a linha.
func Formata(x any) string {
	var b strings.Builder
	formata(&b, reflect.ValueOf(x), 0)
	return b.String()
}

const maxElementos = 8

func formata(b *strings.Builder, v reflect.Value, nivel int) {
	if !v.IsValid() {
		b.WriteString("nil")
		return
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		b.WriteString(formataReal(v.Float()))
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
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
			formata(b, v.Index(i), nivel+1)
		}
		b.WriteByte(']')
	case reflect.Struct:
		b.WriteByte('{')
		for i := range v.NumField() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(v.Type().Field(i).Name + ": ")
			if v.Type().Field(i).IsExported() {
				formata(b, v.Field(i), nivel+1)
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
		formata(b, v.Elem(), nivel)
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

func formataReal(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+Inf"
	case math.IsInf(x, -1):
		return "-Inf"
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
