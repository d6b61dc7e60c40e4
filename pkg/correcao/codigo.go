package correcao

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
)

// Codifica escreve os valores num formato binário que só os dois lados da
// correção leem, e que guarda exatamente o que o aluno devolveu: NaN e −0,
// fatias e mapas nil separados dos vazios, ponteiros nil. Os dois lados
// conhecem os tipos (as assinaturas são as do curso): o formato não os
// carrega. Funções, canais, interfaces não nil e campos não exportados não
// são aceitos.
func Codifica(valores ...any) ([]byte, error) {
	var b []byte
	for i, v := range valores {
		var err error
		if b, err = codifica(b, reflect.ValueOf(v)); err != nil {
			return nil, fmt.Errorf("valor %d: %w", i+1, err)
		}
	}
	return b, nil
}

// Decodifica lê, de dados, um valor para cada ponteiro dado, na ordem de
// Codifica. Os dados podem vir do código do aluno: tamanhos absurdos e dados
// a mais ou a menos são erros, nunca um pânico.
func Decodifica(dados []byte, destinos ...any) error {
	l := &leitor{b: dados}
	for i, d := range destinos {
		v := reflect.ValueOf(d)
		if v.Kind() != reflect.Pointer || v.IsNil() {
			return fmt.Errorf("destino %d: precisa de um ponteiro, veio %T", i+1, d)
		}
		if err := l.decodifica(v.Elem()); err != nil {
			return fmt.Errorf("valor %d: %w", i+1, err)
		}
	}
	if len(l.b) != 0 {
		return fmt.Errorf("sobraram %d bytes", len(l.b))
	}
	return nil
}

func codifica(b []byte, v reflect.Value) ([]byte, error) {
	if !v.IsValid() { // um any nil
		return nil, errors.New("valor nil sem tipo")
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1), nil
		}
		return append(b, 0), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(b, v.Uint()), nil
	case reflect.Float32:
		return binary.BigEndian.AppendUint32(b, math.Float32bits(float32(v.Float()))), nil
	case reflect.Float64:
		return binary.BigEndian.AppendUint64(b, math.Float64bits(v.Float())), nil
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		b = binary.BigEndian.AppendUint64(b, math.Float64bits(real(c)))
		return binary.BigEndian.AppendUint64(b, math.Float64bits(imag(c))), nil
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...), nil
	case reflect.Slice, reflect.Map, reflect.Pointer:
		if v.IsNil() {
			return append(b, 0), nil
		}
		b = append(b, 1)
		if v.Kind() == reflect.Pointer {
			return codifica(b, v.Elem())
		}
		b = binary.AppendUvarint(b, uint64(v.Len()))
		if v.Kind() == reflect.Map {
			var err error
			for it := v.MapRange(); it.Next(); {
				if b, err = codifica(b, it.Key()); err != nil {
					return nil, err
				}
				if b, err = codifica(b, it.Value()); err != nil {
					return nil, err
				}
			}
			return b, nil
		}
		return codificaElementos(b, v)
	case reflect.Array:
		return codificaElementos(b, v)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return nil, fmt.Errorf("o tipo %s tem o campo não exportado %s", t, t.Field(i).Name)
			}
			var err error
			if b, err = codifica(b, v.Field(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	case reflect.Interface:
		if v.IsNil() {
			return append(b, 0), nil
		}
	}
	return nil, fmt.Errorf("o tipo %s não pode passar de um processo a outro", v.Type())
}

func codificaElementos(b []byte, v reflect.Value) ([]byte, error) {
	var err error
	for i := range v.Len() {
		if b, err = codifica(b, v.Index(i)); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// leitor consome os dados de Decodifica.
type leitor struct{ b []byte }

var errCurto = errors.New("os dados acabaram antes do fim do valor")

func (l *leitor) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(l.b) {
		return nil, errCurto
	}
	r := l.b[:n]
	l.b = l.b[n:]
	return r, nil
}

func (l *leitor) uvarint() (uint64, error) {
	x, n := binary.Uvarint(l.b)
	if n <= 0 {
		return 0, errCurto
	}
	l.b = l.b[n:]
	return x, nil
}

// tamanho lê o tamanho de uma fatia, mapa ou texto: nunca mais do que os
// bytes que restam (cada elemento ocupa ao menos um byte, menos os de tipos
// vazios, limitados a um milhão).
func (l *leitor) tamanho(t reflect.Type) (int, error) {
	n, err := l.uvarint()
	if err != nil {
		return 0, err
	}
	limite := uint64(len(l.b))
	if t != nil && t.Size() == 0 {
		limite = 1 << 20
	}
	if n > limite {
		return 0, fmt.Errorf("tamanho %d maior que os dados", n)
	}
	return int(n), nil
}

func (l *leitor) marca() (bool, error) {
	c, err := l.bytes(1)
	if err != nil {
		return false, err
	}
	if c[0] > 1 {
		return false, fmt.Errorf("marca inválida %d", c[0])
	}
	return c[0] == 1, nil
}

func (l *leitor) decodifica(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		m, err := l.marca()
		v.SetBool(m)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(l.b)
		if n <= 0 {
			return errCurto
		}
		l.b = l.b[n:]
		if v.OverflowInt(x) {
			return fmt.Errorf("%d não cabe em %s", x, v.Type())
		}
		v.SetInt(x)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x, err := l.uvarint()
		if err != nil {
			return err
		}
		if v.OverflowUint(x) {
			return fmt.Errorf("%d não cabe em %s", x, v.Type())
		}
		v.SetUint(x)
		return nil
	case reflect.Float32:
		c, err := l.bytes(4)
		if err != nil {
			return err
		}
		v.SetFloat(float64(math.Float32frombits(binary.BigEndian.Uint32(c))))
		return nil
	case reflect.Float64:
		c, err := l.bytes(8)
		if err != nil {
			return err
		}
		v.SetFloat(math.Float64frombits(binary.BigEndian.Uint64(c)))
		return nil
	case reflect.Complex64, reflect.Complex128:
		c, err := l.bytes(16)
		if err != nil {
			return err
		}
		v.SetComplex(complex(math.Float64frombits(binary.BigEndian.Uint64(c)),
			math.Float64frombits(binary.BigEndian.Uint64(c[8:]))))
		return nil
	case reflect.String:
		n, err := l.tamanho(nil)
		if err != nil {
			return err
		}
		c, _ := l.bytes(n)
		v.SetString(string(c))
		return nil
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		tem, err := l.marca()
		if err != nil || !tem {
			v.SetZero()
			return err
		}
		switch v.Kind() {
		case reflect.Interface:
			return fmt.Errorf("o tipo %s não pode passar de um processo a outro", v.Type())
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			return l.decodifica(v.Elem())
		case reflect.Slice:
			n, err := l.tamanho(v.Type().Elem())
			if err != nil {
				return err
			}
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				if err := l.decodifica(v.Index(i)); err != nil {
					return err
				}
			}
			return nil
		}
		n, err := l.tamanho(nil)
		if err != nil {
			return err
		}
		m := reflect.MakeMapWithSize(v.Type(), n)
		for range n {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			if err := l.decodifica(k); err != nil {
				return err
			}
			if err := l.decodifica(e); err != nil {
				return err
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
		return nil
	case reflect.Array:
		for i := range v.Len() {
			if err := l.decodifica(v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return fmt.Errorf("o tipo %s tem o campo não exportado %s", t, t.Field(i).Name)
			}
			if err := l.decodifica(v.Field(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("o tipo %s não pode passar de um processo a outro", v.Type())
}
