package curso

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Num escreve um número à brasileira, com vírgula decimal e, a partir de
// cinco algarismos na parte inteira, ponto separando os milhares (como no SI,
// que não separa os de quatro: 2500, mas 40.472): Num(0.1234, 3) = "0,123",
// Num(235146, 0) = "235.146". NaN sai como "—".
func Num(x float64, casas int) string {
	if math.IsNaN(x) {
		return "—"
	}
	s := fmt.Sprintf("%.*f", casas, x)
	inteira, decimal, temDecimal := strings.Cut(s, ".")
	sinal := ""
	if strings.HasPrefix(inteira, "-") {
		sinal, inteira = "-", inteira[1:]
	}
	if len(inteira) >= 5 && !strings.ContainsAny(inteira, "Inf") {
		var b strings.Builder
		for i, c := range inteira {
			if i > 0 && (len(inteira)-i)%3 == 0 {
				b.WriteByte('.')
			}
			b.WriteRune(c)
		}
		inteira = b.String()
	}
	if temDecimal {
		return sinal + inteira + "," + decimal
	}
	return sinal + inteira
}

// Inteiro escreve um inteiro à brasileira (como Num): Inteiro(60000) = "60.000".
func Inteiro(n int) string { return Num(float64(n), 0) }

// Pct escreve uma fração como porcentagem: Pct(0.9812) = "98,12%".
func Pct(x float64) string { return Num(100*x, 2) + "%" }

// Virgula troca o ponto decimal de um número já escrito (por strconv ou
// fmt, com ponto) pela vírgula: Virgula("0.25") = "0,25". É para quem
// escreve números com outro formato que o de Num (%g, notação e); os que não
// têm ponto voltam como estão.
func Virgula(s string) string { return strings.Replace(s, ".", ",", 1) }

// Vetor escreve os números de v à brasileira, com vírgula decimal:
// Vetor([]float64{0.5, -0.25}, 2) = "[0,50 -0,25]".
func Vetor(v []float64, casas int) string {
	partes := make([]string, len(v))
	for i, x := range v {
		partes[i] = Num(x, casas)
	}
	return "[" + strings.Join(partes, " ") + "]"
}

// Cientifico escreve x em notação científica à brasileira, com um algarismo
// depois da vírgula: Cientifico(0.00000128) = "1,3 × 10⁻⁶".
func Cientifico(x float64) string {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return Num(x, 0)
	}
	e := int(math.Floor(math.Log10(math.Abs(x))))
	m := x / math.Pow(10, float64(e))
	if math.Abs(m) >= 9.95 { // o arredondamento para 1 casa daria "10,0"
		m, e = m/10, e+1
	}
	sobrescrito := strings.NewReplacer("-", "⁻", "0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴",
		"5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹")
	return Num(m, 1) + " × 10" + sobrescrito.Replace(fmt.Sprint(e))
}

// Duracao escreve uma duração de forma curta: "850ms", "12s", "3min05s".
func Duracao(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.0fs", d.Seconds())
	default:
		m := int(d.Minutes())
		return fmt.Sprintf("%dmin%02ds", m, int(d.Seconds())-60*m)
	}
}

// Aproximado escreve uma duração longa por alto, em português: "menos de
// 1 min", "uns 12 min", "umas 2,5 h".
func Aproximado(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "menos de 1 min"
	case d < 90*time.Minute:
		return fmt.Sprintf("uns %d min", int(math.Round(d.Minutes())))
	default:
		return "umas " + Num(d.Hours(), 1) + " h"
	}
}
