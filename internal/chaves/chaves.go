// Package chaves guarda as chaves que só o bench muda: cada uma desliga uma
// otimização do curso, para medir o antes e o depois (internal/cmd/velocidade,
// chamado pelo scripts/bench.sh; os números vão para DESEMPENHO.md). Nas
// lições e nos testes ficam no padrão: tudo ligado, como o curso roda.
//
// Ficam aqui, e não nos pacotes que as leem, para não aparecer no go doc
// da API que o aluno usa (motor, cnn, rnn): são parafusos da casa, não do
// modelo. Como ficam em internal/, só o próprio módulo as enxerga. Mude-as
// antes de montar qualquer grafo: cada uma é lida quando o grafo é montado.
package chaves

// GradientesParaOGoPuro liga (padrão) os gradientes que o motor monta para o
// Go puro: o de Max e ReduceMax e o do produto de duas matrizes
// (pkg/motor/gradiente_max.go, gradiente.go). Desligada, o motor Go puro usa
// os mesmos do XLA (variante "gradientes-gerais-go").
var GradientesParaOGoPuro = true

// ViesRepetidoNoLote liga (padrão) o viés repetido nas linhas no motor Go
// puro (motor.ViesNasLinhas). Desligada: o viés somado com broadcast
// (variante "vies-com-broadcast").
var ViesRepetidoNoLote = true

// Im2colDePe faz a 1ª camada da LeNet (um canal) montar, no motor Go puro, a
// matriz do im2col de pé, como as outras camadas, em vez de deitada
// (variante "conv1-de-pe"). Padrão: desligada (deitada).
var Im2colDePe = false

// JuntaGradienteDasPortas liga (padrão) a divisão das portas da LSTM e da GRU
// com o gradiente junto no motor Go puro (a função divide, pkg/rnn/celulas.go).
// Desligada: as portas em fatias, cada uma com o seu Pad na volta (variante
// "portas-em-fatias"). No XLA não muda nada: lá as portas são sempre fatias.
var JuntaGradienteDasPortas = true

// CorteDeFusao liga (padrão) o corte de fusão da LSTM e da GRU no XLA
// (pkg/rnn, "O corte de fusão"). Desligada: variante "sem-corte".
var CorteDeFusao = true

// GradienteDosPesosNoTempo liga (padrão) o gradiente dos pesos de uma célula
// desenrolada num produto só, depois do laço (pkg/rnn/pesosnotempo.go).
// Desligada: o gradiente somado passo a passo, como o GoMLX o monta (variante
// "pesos-passo-a-passo"); é também o jeito de derivar duas vezes, que o
// cálculo ligado não permite.
var GradienteDosPesosNoTempo = true

// GradientesDaBiblioteca põe, quando ligada, os gradientes de DotGeneral do
// próprio GoMLX no lugar dos do curso (pkg/motor/gradiente.go; variante
// "gradiente-original"). Padrão: desligada.
var GradientesDaBiblioteca = false
