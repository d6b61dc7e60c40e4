package graficos

import (
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// marcasRedondas é o plot.Ticker dos eixos numéricos: põe números
// "redondos" (múltiplos de 1, 2 ou 5 vezes uma potência de 10), uns 3 a 7
// por eixo, todos com o mesmo número de casas e vírgula decimal ("0,5"), e
// uma marca menor, sem número, entre cada dois deles.
type marcasRedondas struct{}

// Ticks devolve as marcas do intervalo [min, max] (método de plot.Ticker).
func (marcasRedondas) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || invalido(min) || invalido(max) {
		return nil
	}
	passo := passoRedondo((max - min) / 6)
	casas := casasDecimais(passo)
	var marcas []plot.Tick
	primeiro := math.Ceil(min/passo - 0.5)
	for i := range 20 { // no máximo 20 passos, por segurança
		k := primeiro + float64(i)
		if k*passo > max+passo/2 {
			break
		}
		v := k * passo
		if math.Abs(v) < passo*1e-9 {
			v = 0 // e não -0 ou 1e-17, por erro de arredondamento
		}
		if v >= min-passo*1e-6 && v <= max+passo*1e-6 {
			// Dentro do intervalo, a menos de erros de arredondamento.
			v = math.Max(min, math.Min(max, v))
			marcas = append(marcas, plot.Tick{Value: v, Label: numeroNoEixo(v, casas)})
		}
		if meio := (k + 0.5) * passo; meio >= min && meio <= max {
			marcas = append(marcas, plot.Tick{Value: meio}) // marca menor
		}
	}
	return marcas
}

// passoRedondo devolve o menor número redondo (1, 2 ou 5 vezes uma
// potência de 10) que é maior ou igual a x: 0,37 → 0,5; 17 → 20.
func passoRedondo(x float64) float64 {
	potencia := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5} {
		if m*potencia >= x*(1-1e-9) {
			return m * potencia
		}
	}
	return 10 * potencia
}

// casasDecimais diz quantas casas depois da vírgula os múltiplos de passo
// precisam: 1 → 0; 0,5 → 1; 0,02 → 2.
func casasDecimais(passo float64) int {
	casas := 0
	for escala := 1.0; casas < 15; casas++ {
		if x := passo * escala; math.Abs(x-math.Round(x)) < 1e-6*x {
			break
		}
		escala *= 10
	}
	return casas
}

// numeroNoEixo escreve v com o número de casas dado e vírgula decimal.
func numeroNoEixo(v float64, casas int) string {
	return curso.Virgula(strconv.FormatFloat(v, 'f', casas, 64))
}

// formataNumero escreve v com vírgula decimal e até `algarismos`
// algarismos significativos; inteiros e números grandes saem sem casas
// decimais. Com 4 algarismos: 98.1234 → "98,12"; 0.5 → "0,5"; 7 → "7";
// 12345.6 → "12346".
func formataNumero(v float64, algarismos int) string {
	if v == math.Trunc(v) || math.Abs(v) >= math.Pow(10, float64(algarismos)) {
		return fmt.Sprintf("%.0f", v)
	}
	return curso.Virgula(fmt.Sprintf("%.*g", algarismos, v))
}
