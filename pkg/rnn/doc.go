// Package rnn monta redes recorrentes no GoMLX a partir de operações
// básicas (produtos de matrizes, sigmoide, tangente hiperbólica): a RNN
// simples (Elman, 1990), a LSTM (Hochreiter e Schmidhuber, 1997, com a
// porta de esquecimento de Gers et al., 2000) e a GRU (Cho et al., 2014).
// É o pacote da lição 02; a lição 04 e a comparação de desempenho com o
// PyTorch reusam a LSTM daqui.
//
// # As peças
//
// Uma célula recorrente é uma função de um passo: recebe a entrada x_t e o
// estado anterior e devolve o novo estado. O pacote separa os pesos da conta:
//
//   - [NovosPesos] cria, uma vez, as variáveis de uma célula (W, U e b) num
//     escopo (model.Scope);
//   - [Passo] aplica a célula a um passo de tempo, com esses pesos;
//   - [Camada] desenrola a célula ao longo da sequência (o mesmo conjunto de
//     pesos em todos os passos) e empilha várias células, cada uma lendo a
//     sequência de estados da anterior.
//
// O GoMLX não tem laços dentro do grafo: o desenrolar é um laço em Go que
// acrescenta ao grafo uma cópia da conta por passo de tempo. O grafo (e o
// tempo de compilação) cresce com o comprimento da sequência; os pesos, não.
//
// # Convenções
//
// Sequências entram como [lote, tempo, características]. Os pesos de uma
// célula com k blocos (1 na RNN simples, 4 na LSTM, 3 na GRU) ficam lado a
// lado: W tem forma [entrada, k·oculta], U [oculta, k·oculta] e b [k·oculta].
// A ordem dos blocos está em [Tipo.Blocos]. Como no PyTorch, os pesos começam
// sorteados em ±1/√oculta; os vieses começam em zero, menos o da porta que
// decide manter a memória — a de esquecimento da LSTM (Gers et al., 2000;
// Jozefowicz et al., 2015) e a de atualização da GRU —, que começa em 1: no
// começo do treino a célula tende a lembrar.
//
// # Modelos prontos
//
//	c := rnn.Camada{Tipo: rnn.LSTM, Oculta: 64, Camadas: 2}
//	m := rnn.Memoria{Comprimento: 50}       // a tarefa de longo alcance da lição
//	treino.Treina(m.Config(c, 2000))         // modelo, dados e nome do checkpoint
//
// [Classificador], [Regressor] e [ModeloDeLinguagem] devolvem funções de
// modelo para treino.Treina; [Alfabeto] codifica palavras em sequências de
// símbolos (e [Gera] inventa palavras com um modelo treinado), e [Janelas]
// corta uma série temporal em pares (janela, próximo valor).
//
// # O que do GoMLX não usamos, e por quê
//
//   - ml/layers/lstm: só tem a LSTM (nem a RNN simples nem a GRU da lição),
//     esconde as portas que a lição abre uma a uma, e tem outra disposição
//     dos pesos (8 vieses por célula); desenrola o tempo num laço em Go, como
//     a daqui, mas sem o corte de fusão abaixo (mais de dez vezes mais
//     lenta na LSTM da lição, no XLA).
//   - Laços no grafo (While, novos na v0.27): o desenrolar em Go é o que a
//     lição explica (BPTT num grafo desenrolado); medir um laço no grafo é
//     trabalho da issue de desempenho.
//
// # Medidas
//
// [NormasDoGradiente] mede quanto o estado final depende de cada passo da
// entrada (o gradiente que desaparece na RNN simples), e [MedeVelocidade]
// quanto custa compilar e executar a ida e a volta de uma camada.
//
// # O gradiente dos pesos num produto só
//
// Derivado pelo GoMLX, o grafo desenrolado somaria o gradiente de cada peso
// passo a passo: T produtos de matrizes pequenos e T − 1 somas. Em
// [Camada.Aplica], o pacote o calcula depois do laço, num produto só (para
// U, Hᵀ·DZ, com os estados e os gradientes das pré-ativações de todos os
// passos empilhados), como fazem as bibliotecas de RNN feitas para
// velocidade, o cuDNN por exemplo (pesosnotempo.go; o bench o desliga com
// chaves.GradienteDosPesosNoTempo; [Passo], de um passo só, não muda). É a mesma conta, em outra
// ordem de somas.
//
// # As portas com o gradiente junto (para o motor Go puro)
//
// As portas da LSTM e da GRU são fatias da pré-ativação, e o gradiente de
// cada fatia, no GoMLX, é um Pad do tamanho da pré-ativação inteira, somado
// aos das outras. O XLA funde isso; o motor Go puro faz cada Pad e cada
// soma. Lá o pacote divide as portas de modo que o gradiente da pré-ativação
// sai de uma concatenação só (veja divide; o bench a desliga com
// chaves.JuntaGradienteDasPortas): o passo de treino da LSTM da lição no Go
// puro fica cerca de um quinto mais curto, o da GRU um pouco (DESEMPENHO.md,
// "portas-em-fatias"). E lá o
// viés é repetido no lote uma vez antes dos T passos (motor.ViesNasLinhas):
// somar [lote, k·oculta] com [1, k·oculta] faz o motor andar índice a índice,
// a cada passo; ~3% a menos no passo da LSTM.
//
// # O corte de fusão (um remendo para o XLA)
//
// Na LSTM e na GRU, o estado passa de um passo ao outro por uma cadeia de
// operações elemento a elemento, que o XLA funde e recalcula: o custo vira
// proporcional a T². O pacote multiplica o estado pela identidade a cada
// passo (em blocos de 16, e só no XLA; o bench o desliga com
// chaves.CorteDeFusao), o que quebra a fusão: no XLA, o passo de treino da
// LSTM da lição fica mais de dez vezes mais curto; no Go puro, que não funde
// nada, igual dentro do ruído (as medidas estão em DESEMPENHO.md, item 3 e
// variante "sem-corte").
// Para conferir de novo numa atualização do GoMLX: scripts/bench.sh mede o
// antes e o depois ("sem-corte"); se ficar igual, apague o corte.
package rnn
