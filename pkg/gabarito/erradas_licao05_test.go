package gabarito

import (
	"math"
	"testing"

	"github.com/go-estudos/representacoes/pkg/exercicios"
)

// Respostas erradas plausíveis para os exercícios da lição 05 — as que um
// aluno escreve de verdade. Cada uma tem de ser reprovada pelos casos FIXOS
// da verificação (sem os sorteados), e também pela verificação completa. A
// referência e a solução do notebook passam; o esboço entregue no notebook
// falha.

// ---- 05-atencao e 05-mascara ----

// atencaoVariante é a atenção com um erro escolhido (ou nenhum).
type atencaoVariante struct {
	escala           string // "" (√d), "nenhuma", "d", "√dv", "depois" (÷√d depois da softmax)
	eixoConsultas    bool   // softmax sobre as consultas (cada coluna), não sobre as chaves
	semTranspor      bool   // Q·K em vez de Q·Kᵀ
	semMaximo        bool   // sem subtrair o maior antes da exponencial
	semSoftmax       bool   // os escores como pesos
	pesosEm          byte   // 'V' (o certo; 0 também), 'K' ou 'Q'
	mascara          func(i, j int) bool
	mascaraComZero   bool // o escore proibido vira 0, não −∞
	mascaraDepois    bool // zera os pesos proibidos depois da softmax…
	renormaliza      bool // …e divide cada linha pela nova soma (isso é certo)
	maiorDaLinhaToda bool // o maior tirado antes da máscara, incluindo o futuro
}

func (v atencaoVariante) calcula(e Atencao) [][]float64 {
	n, d, dv := len(e.Q), len(e.Q[0]), len(e.V[0])
	colunas := len(e.K) // um escore por chave
	if v.semTranspor {
		colunas = len(e.K[0])
	}
	escores := make([][]float64, n)
	for i := range n {
		escores[i] = make([]float64, colunas)
		for j := range colunas {
			for k := range d {
				if v.semTranspor {
					escores[i][j] += e.Q[i][k] * e.K[k][j]
				} else {
					escores[i][j] += e.Q[i][k] * e.K[j][k]
				}
			}
			switch v.escala {
			case "":
				escores[i][j] /= math.Sqrt(float64(d))
			case "d":
				escores[i][j] /= float64(d)
			case "√dv":
				escores[i][j] /= math.Sqrt(float64(dv))
			}
		}
	}
	proibida := func(i, j int) bool { return v.mascara != nil && !v.mascara(i, j) }
	var maiorAntes []float64
	if v.maiorDaLinhaToda {
		for i := range n {
			m := math.Inf(-1)
			for _, x := range escores[i] {
				m = math.Max(m, x)
			}
			maiorAntes = append(maiorAntes, m)
		}
	}
	if !v.mascaraDepois {
		for i := range n {
			for j := range colunas {
				if proibida(i, j) {
					escores[i][j] = math.Inf(-1)
					if v.mascaraComZero {
						escores[i][j] = 0
					}
				}
			}
		}
	}
	pesos := escores
	if !v.semSoftmax {
		// A softmax de um grupo de índices (uma linha, ou uma coluna); o
		// maior a subtrair vem de fora (maiorDaLinhaToda) ou é o do grupo.
		softmax := func(pega func(k int) *float64, tam int, maiorDeFora *float64) {
			maior := math.Inf(-1)
			for k := range tam {
				maior = math.Max(maior, *pega(k))
			}
			switch {
			case v.semMaximo:
				maior = 0
			case maiorDeFora != nil:
				maior = *maiorDeFora
			}
			soma := 0.0
			for k := range tam {
				*pega(k) = math.Exp(*pega(k) - maior)
				soma += *pega(k)
			}
			for k := range tam {
				*pega(k) /= soma
			}
		}
		if v.eixoConsultas {
			for j := range colunas {
				softmax(func(k int) *float64 { return &escores[k][j] }, n, nil)
			}
		} else {
			for i := range n {
				var maior *float64
				if maiorAntes != nil {
					maior = &maiorAntes[i]
				}
				softmax(func(k int) *float64 { return &escores[i][k] }, colunas, maior)
			}
		}
	}
	if v.mascaraDepois {
		for i := range n {
			soma := 0.0
			for j := range colunas {
				if proibida(i, j) {
					pesos[i][j] = 0
				}
				soma += pesos[i][j]
			}
			if v.renormaliza {
				for j := range colunas {
					pesos[i][j] /= soma
				}
			}
		}
	}
	if v.escala == "depois" {
		for i := range n {
			for j := range colunas {
				pesos[i][j] /= math.Sqrt(float64(d))
			}
		}
	}
	x := e.V
	switch v.pesosEm {
	case 'K':
		x = e.K
	case 'Q':
		x = e.Q
	}
	saida := make([][]float64, n)
	for i := range n {
		saida[i] = make([]float64, len(x[0]))
		for j := range colunas {
			for c := range saida[i] {
				saida[i][c] += pesos[i][j] * x[j][c]
			}
		}
	}
	return saida
}

func causal(i, j int) bool { return j <= i }

// esbocoAtencao é o esboço entregue no notebook: zeros do tamanho certo.
func esbocoAtencao(e Atencao) [][]float64 {
	s := make([][]float64, len(e.Q))
	for i := range s {
		s[i] = make([]float64, len(e.V[0]))
	}
	return s
}

func TestErradasAtencaoProdutoEscalar(t *testing.T) {
	confereRecusa(t, verificaAtencaoProdutoEscalar, 12,
		map[string]func(Atencao) [][]float64{
			"referência":                  AtencaoProdutoEscalar,
			"solução do notebook (laços)": atencaoVariante{}.calcula,
		},
		map[string]func(Atencao) [][]float64{
			"esboço entregue (zeros)": esbocoAtencao,
			"sem a escala":            atencaoVariante{escala: "nenhuma"}.calcula,
			"escala d em vez de √d":   atencaoVariante{escala: "d"}.calcula,
			"escala √dv (o tamanho dos valores) em vez de √d": atencaoVariante{escala: "√dv"}.calcula,
			"escala depois da softmax":                        atencaoVariante{escala: "depois"}.calcula,
			"softmax sobre as consultas (colunas)":            atencaoVariante{eixoConsultas: true}.calcula,
			"K sem transpor (Q·K)":                            atencaoVariante{semTranspor: true}.calcula,
			"sem subtrair o maior (e^800 estoura)":            atencaoVariante{semMaximo: true}.calcula,
			"sem a softmax (os escores como pesos)":           atencaoVariante{semSoftmax: true}.calcula,
			"pesos aplicados a K":                             atencaoVariante{pesosEm: 'K'}.calcula,
			"pesos aplicados a Q":                             atencaoVariante{pesosEm: 'Q'}.calcula,
			"média simples dos valores (pesos iguais)": func(e Atencao) [][]float64 {
				return atencaoVariante{escala: "nenhuma"}.calcula(Atencao{Q: e.Q, K: zeros(len(e.K), len(e.K[0])), V: e.V})
			},
		})
}

func zeros(l, c int) [][]float64 {
	m := make([][]float64, l)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func TestErradasAtencaoCausal(t *testing.T) {
	confereRecusa(t, verificaAtencaoCausal, 12,
		map[string]func(Atencao) [][]float64{
			"referência":                  AtencaoCausal,
			"solução do notebook (laços)": atencaoVariante{mascara: causal}.calcula,
		},
		map[string]func(Atencao) [][]float64{
			"esboço entregue (zeros)":                     esbocoAtencao,
			"sem máscara (o futuro permitido)":            atencaoVariante{}.calcula,
			"diagonal mascarada (j < i)":                  atencaoVariante{mascara: func(i, j int) bool { return j < i }}.calcula,
			"fora por um (j ≤ i+1)":                       atencaoVariante{mascara: func(i, j int) bool { return j <= i+1 }}.calcula,
			"máscara transposta (j ≥ i)":                  atencaoVariante{mascara: func(i, j int) bool { return j >= i }}.calcula,
			"0 no lugar de −∞":                            atencaoVariante{mascara: causal, mascaraComZero: true}.calcula,
			"máscara depois da softmax, sem renormalizar": atencaoVariante{mascara: causal, mascaraDepois: true}.calcula,
			// Renormalizar depois da softmax daria certo com escores moderados, mas a
			// softmax da linha toda subtrai o maior do futuro: com um escore de 1000
			// no futuro, o passado vira e^−1000 = 0, e 0/0 = NaN.
			"máscara depois da softmax, renormalizando": atencaoVariante{mascara: causal, mascaraDepois: true, renormaliza: true}.calcula,
			"sem a escala":                         atencaoVariante{mascara: causal, escala: "nenhuma"}.calcula,
			"sem subtrair o maior (e^900 estoura)": atencaoVariante{mascara: causal, semMaximo: true}.calcula,
			"o maior da linha toda, com o futuro":  atencaoVariante{mascara: causal, maiorDaLinhaToda: true}.calcula,
			"softmax sobre as consultas (colunas)": atencaoVariante{mascara: causal, eixoConsultas: true}.calcula,
		})
}

// ---- 05-posicional ----

// posicionalVariante é a codificação senoidal com um erro escolhido (ou nenhum).
type posicionalVariante struct {
	trocado    bool    // cosseno nas colunas pares, seno nas ímpares
	expI       bool    // expoente i/d em vez de 2i/d
	expColuna  bool    // expoente k/d com o índice k da coluna (2i+1 nos cossenos)
	deUm       bool    // posições a partir de 1
	base       float64 // 0 = 10000
	metades    bool    // todos os senos, depois todos os cossenos
	divInteira bool    // o expoente 2i/d em divisão de inteiros
	transposta bool    // Dimensao linhas e Posicoes colunas
	impar      string  // com d ímpar: "mais1" (d+1 colunas), "cosseno" (na última), "pânico", "dMenos1" (no expoente)
}

func (v posicionalVariante) calcula(p Posicional) [][]float64 {
	P, d := p.Posicoes, p.Dimensao
	if v.transposta {
		P, d = d, P
	}
	base := v.base
	if base == 0 {
		base = 10000
	}
	impar := d%2 == 1
	colunas, den := d, float64(d)
	if impar && v.impar == "mais1" {
		colunas = d + 1
	}
	if impar && v.impar == "dMenos1" {
		den = float64(d - 1)
	}
	pe := make([][]float64, P)
	for pos := range P {
		x := float64(pos)
		if v.deUm {
			x++
		}
		pe[pos] = make([]float64, colunas)
		angulo := func(k int) float64 { // o ângulo da coluna k
			i := k / 2
			num := float64(2 * i)
			switch {
			case v.expI:
				num = float64(i)
			case v.expColuna:
				num = float64(k)
			}
			e := num / den
			if v.divInteira {
				e = float64((2 * i) / d)
			}
			return x / math.Pow(base, e)
		}
		sen, cos := math.Sin, math.Cos
		if v.trocado {
			sen, cos = math.Cos, math.Sin
		}
		if v.metades {
			metade := (d + 1) / 2
			for k := range colunas {
				if k < metade {
					pe[pos][k] = sen(angulo(2 * k))
				} else {
					pe[pos][k] = cos(angulo(2 * (k - metade)))
				}
			}
			continue
		}
		if v.impar == "pânico" {
			for i := 0; 2*i < d; i++ {
				pe[pos][2*i] = sen(angulo(2 * i))
				pe[pos][2*i+1] = cos(angulo(2 * i)) // além do fim com d ímpar
			}
			continue
		}
		for k := range colunas {
			if k%2 == 0 && !(impar && v.impar == "cosseno" && k == d-1) {
				pe[pos][k] = sen(angulo(k))
			} else {
				pe[pos][k] = cos(angulo(k))
			}
		}
	}
	return pe
}

func TestErradasCodificacaoSenoidal(t *testing.T) {
	confereRecusa(t, verificaCodificacaoSenoidal, 10,
		map[string]func(Posicional) [][]float64{
			"referência":                  CodificacaoSenoidal,
			"solução do notebook (laços)": posicionalVariante{}.calcula,
		},
		map[string]func(Posicional) [][]float64{
			"esboço entregue (zeros)":                             func(p Posicional) [][]float64 { return zeros(p.Posicoes, p.Dimensao) },
			"seno e cosseno trocados":                             posicionalVariante{trocado: true}.calcula,
			"expoente i/d em vez de 2i/d":                         posicionalVariante{expI: true}.calcula,
			"expoente com o índice da coluna (2i+1 nos cossenos)": posicionalVariante{expColuna: true}.calcula,
			"posições a partir de 1":                              posicionalVariante{deUm: true}.calcula,
			"base 1000":                                           posicionalVariante{base: 1000}.calcula,
			"metades (senos, depois cossenos)":                    posicionalVariante{metades: true}.calcula,
			"divisão inteira no expoente (2i/d = 0)":              posicionalVariante{divInteira: true}.calcula,
			"transposta (dimensão × posições)":                    posicionalVariante{transposta: true}.calcula,
			"d ímpar: d+1 colunas":                                posicionalVariante{impar: "mais1"}.calcula,
			"d ímpar: cosseno na última coluna":                   posicionalVariante{impar: "cosseno"}.calcula,
			"d ímpar: escreve além do fim (pânico)":               posicionalVariante{impar: "pânico"}.calcula,
			"d ímpar: d−1 no expoente":                            posicionalVariante{impar: "dMenos1"}.calcula,
		})
}

// ---- 05-parametros ----

func TestErradasParametrosDoBloco(t *testing.T) {
	// As partes do bloco, para montar as contas erradas.
	const (
		normas = iota
		atencao
		densas
	)
	conta := func(partes func(D, h, H int) [3]int) func(Bloco) int {
		return func(b Bloco) int {
			p := partes(b.Dimensao, b.Cabecas, b.Oculta)
			return p[normas] + p[atencao] + p[densas]
		}
	}
	certa := func(D, h, H int) [3]int { return [3]int{2 * 2 * D, 4 * (D*D + D), D*H + H + H*D + D} }
	muda := func(parte, valor func(D, h, H int) int) func(D, h, H int) [3]int {
		return func(D, h, H int) [3]int {
			p := certa(D, h, H)
			p[parte(D, h, H)] = valor(D, h, H)
			return p
		}
	}
	indice := func(i int) func(D, h, H int) int { return func(int, int, int) int { return i } }
	confereRecusa(t, verificaParametrosDoBloco, 8,
		map[string]func(Bloco) int{"referência": ParametrosDoBloco, "solução do notebook": conta(certa)},
		map[string]func(Bloco) int{
			"esboço entregue (0)": func(Bloco) int { return 0 },
			"sem nenhum viés": func(b Bloco) int {
				D, H := b.Dimensao, b.Oculta
				return 4*D + 4*D*D + 2*D*H
			},
			"sem os vieses da rede densa":        conta(muda(indice(densas), func(D, h, H int) int { return 2 * D * H })),
			"sem os vieses da atenção":           conta(muda(indice(atencao), func(D, h, H int) int { return 4 * D * D })),
			"sem as normalizações de camada":     conta(muda(indice(normas), func(D, h, H int) int { return 0 })),
			"uma normalização só, ou só o ganho": conta(muda(indice(normas), func(D, h, H int) int { return 2 * D })),
			"as cabeças multiplicam a atenção":   conta(muda(indice(atencao), func(D, h, H int) int { return h * 4 * (D*D + D) })),
			"sem a projeção de saída":            conta(muda(indice(atencao), func(D, h, H int) int { return 3 * (D*D + D) })),
			"uma camada densa só (D → Oculta)":   conta(muda(indice(densas), func(D, h, H int) int { return D*H + H })),
			"a camada oculta com 4·D, sem olhar": conta(muda(indice(densas), func(D, h, H int) int { return 8*D*D + 5*D })),
			"projeções D × D/h, sem juntar as cabeças": conta(muda(indice(atencao), func(D, h, H int) int {
				return 4 * (D*(D/h) + D/h)
			})),
		})
}

// As funções exportadas usam as mesmas verificações, com os sorteados.
func TestVerificaLicao05Exportadas(t *testing.T) {
	for _, r := range []exercicios.Resultado{
		VerificaAtencaoProdutoEscalar(AtencaoProdutoEscalar), VerificaAtencaoCausal(AtencaoCausal),
		VerificaCodificacaoSenoidal(CodificacaoSenoidal), VerificaParametrosDoBloco(ParametrosDoBloco),
	} {
		if !r.Passou || r.Casos < 10 {
			t.Errorf("%s: a referência deveria passar em ≥ 10 casos: %+v", r.ID, r)
		}
	}
}
