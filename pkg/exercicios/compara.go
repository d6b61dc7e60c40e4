package exercicios

import (
	"math"
	"reflect"
)

// Iguais compara dois valores em profundidade. Números reais (float32,
// float64, e as partes dos complexos) são iguais se |a−b| ≤ tol·(1+|b|) —
// b é o valor esperado —; NaN só é igual a NaN e infinitos só a si mesmos.
// Inteiros, textos e booleanos têm de ser exatamente iguais. Fatias,
// arranjos, mapas, structs, ponteiros e interfaces são comparados elemento a
// elemento, em qualquer profundidade; tamanhos diferentes nunca são iguais, e
// uma fatia nil é igual a uma vazia. Valores de tipos diferentes (int32 e
// int64, por exemplo) são diferentes.
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
