package rbm

// BarrasEListras devolve o conjunto "barras e listras" (MacKay, 2003) de
// imagens lado×lado, achatadas: cada imagem tem algumas linhas inteiras
// acesas (listras) ou algumas colunas inteiras acesas (barras). São
// 2^(lado+1) − 2 imagens distintas (a toda apagada e a toda acesa aparecem
// nas duas famílias e são contadas uma vez). É o exemplo clássico de dados
// para uma RBM pequena: com 3×3 são 14 imagens, 9 pixels, 512 estados
// possíveis — dá para enumerar tudo e calcular a verossimilhança exata.
func BarrasEListras(lado int) []float32 {
	var x []float32
	vistos := map[int]bool{}
	for _, colunas := range []bool{false, true} {
		for m := range 1 << lado {
			img := make([]float32, lado*lado)
			for i := range lado {
				for j := range lado {
					k := i // listras: a linha i acende se o bit i de m vale 1
					if colunas {
						k = j
					}
					if m>>k&1 == 1 {
						img[i*lado+j] = 1
					}
				}
			}
			chave := Indice(img)
			if !vistos[chave] {
				vistos[chave] = true
				x = append(x, img...)
			}
		}
	}
	return x
}
