// Package gan monta e treina redes adversárias generativas (GAN, Goodfellow
// et al., 2014) no GoMLX: um gerador G, que transforma ruído z em dados, e um
// discriminador D, que dá a probabilidade de um dado ser real, treinados um
// contra o outro.
//
// # O jogo
//
// D quer acertar: nota alta para dados reais, baixa para os de G. G quer
// enganar D. Em símbolos, o jogo de soma zero (minimax) é
//
//	min_G max_D  E_x[log D(x)] + E_z[log(1 − D(G(z)))].
//
// Na prática cada jogador tem a sua perda e o seu otimizador (ver
// [PerdaD], [PerdaGMinimax] e [PerdaGNaoSaturante]), e o treino alterna um
// passo de D ([GAN.PassoD]) e um passo de G ([GAN.PassoG]).
//
// # Dois jogadores, dois otimizadores
//
// Os otimizadores prontos do GoMLX atualizam toda variável treinável que o
// grafo usa — e o passo de D usa as variáveis de G (para gerar as amostras
// falsas), e o de G usa as de D (para ser julgado). Por isso este pacote tem
// o seu próprio Adam ([Adam]), curto, que recebe a lista das variáveis a
// atualizar: as do escopo "discriminador" no passo de D, as do escopo
// "gerador" no passo de G. Cada otimizador guarda os seus momentos num escopo
// próprio ("otimizador-d" e "otimizador-g"). Assim, por construção, um passo
// de D nunca mexe em G, e vice-versa — e os testes conferem isso.
//
// # Colapso de modos
//
// Com DesvioLote, D recebe também o desvio-padrão do lote (Karras et al.,
// 2018) e pode punir um gerador que produz sempre a mesma coisa. Karras et
// al. põem essa camada perto do fim de D; aqui ela entra logo depois da
// primeira camada oculta (uma escolha do curso). No anel de 8
// gaussianas da lição 04, com 10 passos de G por passo de D, a GAN sem o
// remédio termina com todas as amostras num único modo; com ele, cobre os 8.
//
// # Como usar
//
//	store := model.NewStore()
//	g := gan.Nova(store, gan.Config{Dados: 2, Latente: 2, Gerador: []int{128, 128},
//		Discriminador: []int{128, 128}, DesvioLote: true})
//	anel := gan.AnelPadrao()
//	amostra := anel.Amostrador(1) // lotes de dados reais
//	for range 5000 {
//		metricas := g.Passo(amostra) // um passo de D e um de G
//		...
//	}
//	pontos := g.Gera(1000, 7)          // 1000 amostras
//	fmt.Println(anel.Cobertura(pontos)) // modos cobertos e amostras de qualidade
//
// Num notebook, o laço é um treino.Laco (barra de progresso, curvas e
// checkpoint), e [Carrega] reabre a GAN treinada noutra célula.
//
// As variáveis dos dois jogadores e dos dois otimizadores ficam todas no
// mesmo model.Store, que treino.Laco salva e restaura num checkpoint.
//
// # O que do GoMLX não usamos, e por quê
//
//   - optimizer.Adam: ele calcula o gradiente da perda em relação a todas as
//     variáveis treináveis do escopo (BuildTrainableVariablesGradientsGraph);
//     numa GAN, a perda de D não pode mexer nos pesos de G, nem o contrário.
//     [Adam] (adam.go) é o mesmo algoritmo, restrito às variáveis de um
//     jogador, com os momentos no escopo dele.
//   - train.Trainer: um Trainer tem um modelo e uma perda; aqui são dois
//     jogadores que se alternam. O passo ([GAN.Passo]) é um model.Exec.
//
// O pacote traz também os dados de brinquedo (o anel de gaussianas, [Anel]),
// a métrica de cobertura de modos (a do VEEGAN, Srivastava et al., 2017, com
// o mínimo de 2% das amostras por modo escolhido pelo curso: [Anel.Cobertura]),
// o "juiz" dos dígitos gerados — o classificador da lição 01 ([Juiz]) — e a
// busca da imagem de treino mais próxima de cada imagem gerada
// ([MaisProximas]), que mostra se G decorou o treino.
package gan
