package gabarito

import (
	"math"
	"testing"

	"github.com/go-estudos/representacoes/pkg/cnn"
	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// As respostas erradas que um aluno escreve de verdade, uma lista por
// exercício da lição 01: cada uma tem de ser recusada pela verificação, já
// pelos casos fixos; a referência tem de passar; e o esboço que o notebook
// entrega (o corpo da célula do exercício), ser recusado.

func TestErradasTamanhoSaida(t *testing.T) {
	referencia := func(c Conv) int { return (c.Entrada+2*c.Padding-c.Kernel)/c.Passo + 1 }
	esboco := func(c Conv) int { return 0 }
	confereRecusa(t, verificaTamanhoSaida, 20, map[string]func(Conv) int{"referência": referencia}, map[string]func(Conv) int{
		"esboço do notebook": esboco,
		"sem o +1":           func(c Conv) int { return (c.Entrada + 2*c.Padding - c.Kernel) / c.Passo },
		"esquece o preenchimento": func(c Conv) int {
			return (c.Entrada-c.Kernel)/c.Passo + 1
		},
		"preenchimento de um lado só": func(c Conv) int {
			return (c.Entrada+c.Padding-c.Kernel)/c.Passo + 1
		},
		"esquece o passo": func(c Conv) int { return c.Entrada + 2*c.Padding - c.Kernel + 1 },
		"arredonda para cima": func(c Conv) int {
			return (c.Entrada+2*c.Padding-c.Kernel+c.Passo-1)/c.Passo + 1
		},
		"(n + 2p − k + 1)/s": func(c Conv) int {
			return (c.Entrada + 2*c.Padding - c.Kernel + 1) / c.Passo
		},
		"preenchimento somado depois do passo": func(c Conv) int {
			return (c.Entrada-c.Kernel)/c.Passo + 1 + 2*c.Padding
		},
		"⌈n/s⌉, como no padding \"same\"": func(c Conv) int {
			return (c.Entrada + c.Passo - 1) / c.Passo
		},
	})
}

// convolucao01 é uma convolução com preenchimento e passo com cada
// peça trocável, para montar as respostas erradas.
type convolucao01 struct {
	linhas func(e ConvComPasso) (int, int) // tamanho da saída: linhas e colunas
	pixel  func(e ConvComPasso, y, x int) float64
	peso   func(k [][]float64, m, n int) float64
	origem func(e ConvComPasso, i, j, m, n int) (int, int) // pixel da imagem lido
}

func (c convolucao01) calcula(e ConvComPasso) [][]float64 {
	h, w := len(e.Imagem), len(e.Imagem[0])
	kh, kw := len(e.Kernel), len(e.Kernel[0])
	p, s := e.Padding, e.Passo
	linhas, colunas := (h+2*p-kh)/s+1, (w+2*p-kw)/s+1
	if c.linhas != nil {
		linhas, colunas = c.linhas(e)
	}
	pixel := func(e ConvComPasso, y, x int) float64 {
		if y < 0 || y >= h || x < 0 || x >= w {
			return 0
		}
		return e.Imagem[y][x]
	}
	if c.pixel != nil {
		pixel = c.pixel
	}
	peso := func(k [][]float64, m, n int) float64 { return k[m][n] }
	if c.peso != nil {
		peso = c.peso
	}
	origem := func(e ConvComPasso, i, j, m, n int) (int, int) { return i*s + m - p, j*s + n - p }
	if c.origem != nil {
		origem = c.origem
	}
	saida := make([][]float64, linhas)
	for i := range saida {
		saida[i] = make([]float64, colunas)
		for j := range saida[i] {
			for m := range kh {
				for n := range kw {
					y, x := origem(e, i, j, m, n)
					saida[i][j] += pixel(e, y, x) * peso(e.Kernel, m, n)
				}
			}
		}
	}
	return saida
}

func TestErradasConvolucaoComPasso(t *testing.T) {
	dims := func(e ConvComPasso) (h, w, kh, kw int) {
		return len(e.Imagem), len(e.Imagem[0]), len(e.Kernel), len(e.Kernel[0])
	}
	referencia := convolucao01{}.calcula
	esboco := func(e ConvComPasso) [][]float64 { return nil }
	confereRecusa(t, verificaConvolucaoComPasso, 15, map[string]func(ConvComPasso) [][]float64{"referência": referencia}, map[string]func(ConvComPasso) [][]float64{
		"esboço do notebook": esboco,
		"esquece o preenchimento": convolucao01{
			linhas: func(e ConvComPasso) (int, int) {
				h, w, kh, kw := dims(e)
				return (h-kh)/e.Passo + 1, (w-kw)/e.Passo + 1
			},
			origem: func(e ConvComPasso, i, j, m, n int) (int, int) { return i*e.Passo + m, j*e.Passo + n },
		}.calcula,
		"esquece o passo": convolucao01{
			linhas: func(e ConvComPasso) (int, int) {
				h, w, kh, kw := dims(e)
				return h + 2*e.Padding - kh + 1, w + 2*e.Padding - kw + 1
			},
			origem: func(e ConvComPasso, i, j, m, n int) (int, int) { return i + m - e.Padding, j + n - e.Padding },
		}.calcula,
		"tamanho certo, mas anda de 1 em 1": convolucao01{
			origem: func(e ConvComPasso, i, j, m, n int) (int, int) { return i + m - e.Padding, j + n - e.Padding },
		}.calcula,
		"passo também dentro do filtro": convolucao01{
			origem: func(e ConvComPasso, i, j, m, n int) (int, int) {
				return (i+m)*e.Passo - e.Padding, (j+n)*e.Passo - e.Padding
			},
		}.calcula,
		"preenchimento somado em vez de subtraído": convolucao01{
			origem: func(e ConvComPasso, i, j, m, n int) (int, int) {
				return i*e.Passo + m + e.Padding, j*e.Passo + n + e.Padding
			},
		}.calcula,
		"preenchimento só em cima e à esquerda": convolucao01{
			linhas: func(e ConvComPasso) (int, int) {
				h, w, kh, kw := dims(e)
				return (h+e.Padding-kh)/e.Passo + 1, (w+e.Padding-kw)/e.Passo + 1
			},
		}.calcula,
		"arredonda o tamanho para cima": convolucao01{
			linhas: func(e ConvComPasso) (int, int) {
				h, w, kh, kw := dims(e)
				s := e.Passo
				return (h+2*e.Padding-kh+s-1)/s + 1, (w+2*e.Padding-kw+s-1)/s + 1
			},
		}.calcula,
		"espelha o filtro (a convolução dos matemáticos)": convolucao01{
			peso: func(k [][]float64, m, n int) float64 { return k[len(k)-1-m][len(k[0])-1-n] },
		}.calcula,
		"espelha o filtro só na horizontal": convolucao01{
			peso: func(k [][]float64, m, n int) float64 { return k[m][len(k[0])-1-n] },
		}.calcula,
		"transpõe o filtro": convolucao01{
			peso: func(k [][]float64, m, n int) float64 { return k[n][m] },
		}.calcula,
		"troca altura e largura da saída": convolucao01{
			linhas: func(e ConvComPasso) (int, int) {
				h, w, kh, kw := dims(e)
				return (w+2*e.Padding-kw)/e.Passo + 1, (h+2*e.Padding-kh)/e.Passo + 1
			},
		}.calcula,
		"borda repetida em vez de zeros": convolucao01{
			pixel: func(e ConvComPasso, y, x int) float64 {
				y = min(max(y, 0), len(e.Imagem)-1)
				x = min(max(x, 0), len(e.Imagem[0])-1)
				return e.Imagem[y][x]
			},
		}.calcula,
	})
}

// pool01 é um pooling 2×2 com cada peça trocável.
type pool01 struct {
	tamanho func(h, w int) (int, int)
	janela  func(im [][]float64, i, j int) []float64
	reduz   func(v []float64) float64
}

func (p pool01) calcula(im [][]float64) [][]float64 {
	h, w := len(im)/2, len(im[0])/2
	if p.tamanho != nil {
		h, w = p.tamanho(len(im), len(im[0]))
	}
	janela := func(im [][]float64, i, j int) []float64 {
		return []float64{im[2*i][2*j], im[2*i][2*j+1], im[2*i+1][2*j], im[2*i+1][2*j+1]}
	}
	if p.janela != nil {
		janela = p.janela
	}
	reduz := func(v []float64) float64 {
		m := v[0]
		for _, x := range v[1:] {
			m = max(m, x)
		}
		return m
	}
	if p.reduz != nil {
		reduz = p.reduz
	}
	saida := make([][]float64, h)
	for i := range saida {
		saida[i] = make([]float64, w)
		for j := range saida[i] {
			saida[i][j] = reduz(janela(im, i, j))
		}
	}
	return saida
}

func TestErradasMaxPool2(t *testing.T) {
	referencia := pool01{}.calcula
	esboco := func(imagem [][]float64) [][]float64 { return nil }
	confereRecusa(t, verificaMaxPool2, 15, map[string]func([][]float64) [][]float64{"referência": referencia}, map[string]func([][]float64) [][]float64{
		"esboço do notebook": esboco,
		"janelas sobrepostas (passo 1)": pool01{
			tamanho: func(h, w int) (int, int) { return h - 1, w - 1 },
			janela: func(im [][]float64, i, j int) []float64 {
				return []float64{im[i][j], im[i][j+1], im[i+1][j], im[i+1][j+1]}
			},
		}.calcula,
		"tamanho certo, mas janelas de passo 1": pool01{
			janela: func(im [][]float64, i, j int) []float64 {
				return []float64{im[i][j], im[i][j+1], im[i+1][j], im[i+1][j+1]}
			},
		}.calcula,
		"média em vez de máximo": pool01{
			reduz: func(v []float64) float64 { return (v[0] + v[1] + v[2] + v[3]) / 4 },
		}.calcula,
		"máximo começando em 0": pool01{
			reduz: func(v []float64) float64 {
				m := 0.0
				for _, x := range v {
					m = max(m, x)
				}
				return m
			},
		}.calcula,
		"só a diagonal da janela": pool01{
			janela: func(im [][]float64, i, j int) []float64 {
				return []float64{im[2*i][2*j], im[2*i+1][2*j+1]}
			},
		}.calcula,
		"esquece o canto de baixo à direita": pool01{
			janela: func(im [][]float64, i, j int) []float64 {
				return []float64{im[2*i][2*j], im[2*i][2*j+1], im[2*i+1][2*j]}
			},
		}.calcula,
		"guarda a janela incompleta da borda ímpar": pool01{
			tamanho: func(h, w int) (int, int) { return (h + 1) / 2, (w + 1) / 2 },
			janela: func(im [][]float64, i, j int) []float64 {
				var v []float64
				for _, y := range []int{2 * i, 2*i + 1} {
					for _, x := range []int{2 * j, 2*j + 1} {
						if y < len(im) && x < len(im[0]) {
							v = append(v, im[y][x])
						}
					}
				}
				return v
			},
		}.calcula,
		"troca altura e largura": pool01{
			tamanho: func(h, w int) (int, int) { return w / 2, h / 2 },
		}.calcula,
		"usa a largura nas duas dimensões": pool01{
			tamanho: func(h, w int) (int, int) { return w / 2, w / 2 },
		}.calcula,
	})
}

func TestErradasParametrosConv(t *testing.T) {
	referencia := func(c CamadaConv) int { return c.Kernel*c.Kernel*c.CanaisEntrada*c.Filtros + c.Filtros }
	esboco := func(c CamadaConv) int { return 0 }
	confereRecusa(t, verificaParametrosConv, 8, map[string]func(CamadaConv) int{"referência": referencia}, map[string]func(CamadaConv) int{
		"esboço do notebook": esboco,
		"esquece os vieses":  func(c CamadaConv) int { return c.Kernel * c.Kernel * c.CanaisEntrada * c.Filtros },
		"um viés por peso":   func(c CamadaConv) int { return 2 * c.Kernel * c.Kernel * c.CanaisEntrada * c.Filtros },
		"esquece os canais de entrada": func(c CamadaConv) int {
			return c.Kernel*c.Kernel*c.Filtros + c.Filtros
		},
		"k em vez de k·k": func(c CamadaConv) int { return c.Kernel*c.CanaisEntrada*c.Filtros + c.Filtros },
		"um viés por canal de entrada": func(c CamadaConv) int {
			return c.Kernel*c.Kernel*c.CanaisEntrada*c.Filtros + c.CanaisEntrada
		},
		"um viés só para a camada": func(c CamadaConv) int {
			return c.Kernel*c.Kernel*c.CanaisEntrada*c.Filtros + 1
		},
		"os pesos de um filtro só": func(c CamadaConv) int {
			return c.Kernel*c.Kernel*c.CanaisEntrada + c.Filtros
		},
		"conta o tamanho da imagem (28×28)": func(c CamadaConv) int {
			return 28*28*c.CanaisEntrada*c.Filtros + c.Filtros
		},
	})
}

// TestConvolucoes confere que o teste do exercício 01-minha-rede reconhece
// uma CNN: o esboço do notebook (sem convolução), uma rede só de densas e
// uma de filtros 1×1 não contam; a solução do exercício e a LeNet, sim.
func TestConvolucoes(t *testing.T) {
	for _, c := range []struct {
		nome string
		rede cnn.Rede
		quer int
	}{
		{"o esboço do notebook", cnn.Rede{Convs: []cnn.Conv{}, Densas: []int{}, Classes: 10}, 0},
		{"só densas", cnn.Rede{Densas: []int{64, 32}, Classes: 10}, 0},
		{"filtros 1×1", cnn.Rede{Convs: []cnn.Conv{{Filtros: 4, Kernel: 1}}, Densas: []int{32}, Classes: 10}, 0},
		{"uma convolução 3×3", cnn.Rede{Convs: []cnn.Conv{{Filtros: 2, Kernel: 3, Pool: 2}}, Classes: 10}, 1},
		{"a solução do exercício", cnn.Rede{Convs: []cnn.Conv{{Filtros: 8, Kernel: 3, Pool: 2}, {Filtros: 16, Kernel: 3, Pool: 2}}, Densas: []int{32}, Classes: 10}, 2},
		{"LeNet", cnn.LeNet(), 2},
	} {
		if got := Convolucoes(c.rede); got != c.quer {
			t.Errorf("%s: Convolucoes = %d, esperava %d", c.nome, got, c.quer)
		}
	}
}

// TestVerificaLicao01Exportadas confere que as verificações que o notebook
// chama têm o ID do exercício e rodam os casos sorteados.
func TestVerificaLicao01Exportadas(t *testing.T) {
	for _, c := range []struct {
		r         exercicios.Resultado
		id        string
		sorteados int
	}{
		{VerificaTamanhoSaida(TamanhoSaida), "01-tamanho", 20},
		{VerificaConvolucaoComPasso(ConvolucaoComPasso), "01-convolucao-passo", 15},
		{VerificaMaxPool2(MaxPool2), "01-maxpool", 15},
		{VerificaParametrosConv(ParametrosConv), "01-parametros", 8},
	} {
		if c.r.ID != c.id || !c.r.Passou || c.r.Casos <= c.sorteados {
			t.Errorf("%s: %+v (esperava o ID %s, passar e mais de %d casos)", c.id, c.r, c.id, c.sorteados)
		}
	}
}

// normalizacao01 é uma normalização em lote com cada peça trocável, para
// montar as respostas erradas.
type normalizacao01 struct {
	estatisticas func(l LoteBN) (media, variancia func(i, j int) float64)
	divisor      func(variancia, eps float64) float64
	final        func(l LoteBN, xn float64, j int) float64
}

func (c normalizacao01) calcula(l LoteBN) [][]float64 {
	n, d := len(l.X), len(l.X[0])
	media, variancia := func(i, j int) float64 {
		m := 0.0
		for k := range n {
			m += l.X[k][j]
		}
		return m / float64(n)
	}, func(i, j int) float64 { return 0 }
	variancia = func(i, j int) float64 {
		v := 0.0
		for k := range n {
			v += (l.X[k][j] - media(k, j)) * (l.X[k][j] - media(k, j))
		}
		return v / float64(n)
	}
	if c.estatisticas != nil {
		media, variancia = c.estatisticas(l)
	}
	divisor := func(v, eps float64) float64 { return math.Sqrt(v + eps) }
	if c.divisor != nil {
		divisor = c.divisor
	}
	final := func(l LoteBN, xn float64, j int) float64 { return l.Gama[j]*xn + l.Beta[j] }
	if c.final != nil {
		final = c.final
	}
	y := make([][]float64, n)
	for i := range y {
		y[i] = make([]float64, d)
		for j := range y[i] {
			y[i][j] = final(l, (l.X[i][j]-media(i, j))/divisor(variancia(i, j), l.Eps), j)
		}
	}
	return y
}

func TestErradasNormalizaLote(t *testing.T) {
	porColuna := func(l LoteBN, divide func(n int) float64) (func(i, j int) float64, func(i, j int) float64) {
		media := func(_, j int) float64 {
			m := 0.0
			for k := range l.X {
				m += l.X[k][j]
			}
			return m / float64(len(l.X))
		}
		return media, func(_, j int) float64 {
			v := 0.0
			for k := range l.X {
				v += (l.X[k][j] - media(0, j)) * (l.X[k][j] - media(0, j))
			}
			return v / divide(len(l.X))
		}
	}
	referencia := normalizacao01{}.calcula
	esboco := func(l LoteBN) [][]float64 { return nil }
	confereRecusa(t, verificaNormalizaLote, 10, map[string]func(LoteBN) [][]float64{"referência": referencia}, map[string]func(LoteBN) [][]float64{
		"esboço do notebook": esboco,
		"média e variância sobre o eixo errado (de cada exemplo)": normalizacao01{estatisticas: func(l LoteBN) (func(i, j int) float64, func(i, j int) float64) {
			media := func(i, _ int) float64 {
				m := 0.0
				for _, v := range l.X[i] {
					m += v
				}
				return m / float64(len(l.X[i]))
			}
			return media, func(i, _ int) float64 {
				v := 0.0
				for _, x := range l.X[i] {
					v += (x - media(i, 0)) * (x - media(i, 0))
				}
				return v / float64(len(l.X[i]))
			}
		}}.calcula,
		"variância sem ε":       normalizacao01{divisor: func(v, _ float64) float64 { return math.Sqrt(v) }}.calcula,
		"ε fora da raiz":        normalizacao01{divisor: func(v, eps float64) float64 { return math.Sqrt(v) + eps }}.calcula,
		"divide pela variância": normalizacao01{divisor: func(v, eps float64) float64 { return v + eps }}.calcula,
		"variância por n − 1 (não enviesada)": normalizacao01{estatisticas: func(l LoteBN) (func(i, j int) float64, func(i, j int) float64) {
			return porColuna(l, func(n int) float64 { return float64(n - 1) })
		}}.calcula,
		"médias móveis no treino": normalizacao01{estatisticas: func(l LoteBN) (func(i, j int) float64, func(i, j int) float64) {
			return func(_, j int) float64 { return l.MediaMovel[j] }, func(_, j int) float64 { return l.VarianciaMovel[j] }
		}}.calcula,
		"esquece γ e β": normalizacao01{final: func(_ LoteBN, xn float64, _ int) float64 { return xn }}.calcula,
		"troca γ e β":   normalizacao01{final: func(l LoteBN, xn float64, j int) float64 { return l.Beta[j]*xn + l.Gama[j] }}.calcula,
		"β antes de γ":  normalizacao01{final: func(l LoteBN, xn float64, j int) float64 { return l.Gama[j] * (xn + l.Beta[j]) }}.calcula,
	})
}
