package exercicios

import "reflect"

// Copia devolve uma cópia profunda de x — fatias, arranjos, mapas, ponteiros,
// interfaces e structs copiados por dentro —, para que o código do aluno não
// altere os casos da verificação nem a entrada da referência.
//
// Tipos com campos não exportados (como *tensors.Tensor) são opacos: cuidam
// do próprio estado, então um ponteiro para eles é compartilhado e uma struct
// deles é copiada só por fora, como Go faria numa atribuição. Funções e
// canais também são compartilhados. x não pode ter ciclos de ponteiros.
func Copia[T any](x T) T {
	var c T
	reflect.ValueOf(&c).Elem().Set(copia(reflect.ValueOf(&x).Elem()))
	return c
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
		if v.IsNil() || opaco(v.Type().Elem()) {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(copia(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(copia(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		if opaco(v.Type()) {
			return c
		}
		for i := range v.NumField() {
			c.Field(i).Set(copia(v.Field(i)))
		}
		return c
	default:
		return v
	}
}

// opaco diz se t é uma struct com algum campo não exportado.
func opaco(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			return true
		}
	}
	return false
}
