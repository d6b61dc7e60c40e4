// Package graficos desenha as figuras do curso — curvas de treino, pontos,
// barras, grades de imagens e mapas de calor — e as mostra dentro do
// notebook (pelo gonbui do GoNB) ou as salva em PNG fora dele.
//
// # Por que um pacote só para isso
//
// O gonum/plot é completo, mas cada figura pede uma dúzia de linhas de
// configuração (fontes, grade, legenda, tamanho, conversão para PNG). Aqui
// essas escolhas ficam num só lugar, para que a célula do notebook trate só
// do que interessa: os dados. O código é curto de propósito: leia-o para
// aprender a usar o gonum/plot.
//
// # Como usar
//
// Cada função devolve uma *Figura; nada é desenhado até que se peça:
//
//	graficos.Curvas("Perda durante o treino", "passo", "perda",
//		graficos.Serie{Nome: "treino", Y: perdas},
//		graficos.Serie{Nome: "validação", Y: perdasVal},
//	).Mostra()
//
// As funções que criam figuras são:
//
//   - [Curvas]: uma ou mais séries como linhas (curvas de perda, funções);
//   - [Pontos]: séries como pontos soltos (dispersão);
//   - [Barras]: um valor por rótulo (comparar modelos);
//   - [GradeImagens]: imagens em tons de cinza lado a lado (dígitos, filtros);
//   - [MapaCalor]: uma matriz em tons de azul (matriz de confusão).
//
// E o que se faz com uma figura:
//
//   - [Figura.Mostra] exibe no notebook; fora dele (testes, scripts), salva
//     um PNG em curso.PastaGraficos() ($REPRESENTACOES_GRAFICOS, ou uma pasta
//     temporária) e escreve o caminho;
//   - [Painel.Desenha] redesenha a figura no mesmo lugar do notebook, para
//     gráficos ao vivo durante um treino (o [Painel] é o único lugar do curso
//     que redesenha uma saída; a barra de progresso também usa um);
//   - [Figura.Salva] grava em PNG, ou em SVG se o nome terminar em .svg;
//   - [Figura.PNG] e [Figura.SVG] devolvem os bytes do arquivo;
//   - [Figura.Tamanho] muda o tamanho, em pixels;
//   - [Figura.Plot] dá o *plot.Plot do gonum, para quem quiser ajustar
//     detalhes.
//
// # Tamanho e texto
//
// As figuras saem em 96 pontos por polegada, então o tamanho pedido em
// pixels é exato: 640×400 por padrão, legível na largura de um notebook.
// Os textos usam a fonte Liberation Sans, que vem embutida no gonum/plot e
// tem todos os acentos do português. Números nos eixos usam vírgula
// decimal ("0,5"). A legenda fica numa caixa branca, no canto da área dos
// dados com menos pontos por baixo.
//
// # Exemplos, que também são testes
//
// Os exemplos da documentação (ExampleCurvas, ExampleGradeImagens, …, em
// exemplos_test.go) desenham cada tipo de figura e gravam o PNG em
// testdata/; o TestExemplos compara cada um, pixel a pixel, com a figura de
// referência testdata/NOME_referencia.png, como o gonum/plot faz com as
// suas. Se uma mudança no desenho for de propósito, olhe as figuras novas e
// regrave as referências:
//
//	go test ./pkg/graficos -run Exemplos -args -regrava
//
// # Erros
//
// Dados inválidos (séries vazias, tamanhos que não combinam) não causam
// pânico: a figura guarda o erro, e PNG e Salva o devolvem, em português.
// Mostra e Painel.Desenha, que não devolvem erro, escrevem a mensagem.
//
// # O que do GoMLX e do gonum não usamos, e por quê
//
//   - ui/gonb/plotly e ui/gonb/margaid, do GoMLX: desenham no navegador com
//     JavaScript baixado de fora (o curso roda offline) e não escrevem
//     números com vírgula; o gonum/plot gera PNG no próprio programa.
//   - ui/plot, do GoMLX: só coleta pontos para aqueles dois.
//   - plotutil (cores e traços automáticos) e o cmpimg do gonum/plot: a
//     paleta é a do curso (a mesma ordem em todas as lições), e o cmpimg
//     acrescentaria dependências e mensagens em inglês; TestExemplos
//     compara os pixels com a biblioteca padrão.
//   - golang.org/x/image/draw para ampliar imagens: ele lê cada pixel pelo
//     centro, o nosso laço (nitida.go) pelo canto; numa ampliação
//     fracionária as bordas das células mudariam um pixel.
package graficos
