// Package rbm implementa a máquina de Boltzmann restrita (RBM) de unidades
// binárias e a rede de crença profunda (DBN) que se monta empilhando RBMs,
// com os blocos básicos do GoMLX — o GoMLX não traz uma RBM pronta.
//
// Uma RBM tem V unidades visíveis v e H ocultas h, binárias, ligadas só entre
// as duas camadas, com pesos W [V, H] e vieses b [V] (visíveis) e c [H]
// (ocultas). A energia de um estado é
//
//	E(v, h) = −b·v − c·h − vᵀWh,   p(v, h) = e^{−E(v, h)} / Z,
//
// e, como não há ligações dentro de uma camada, as condicionais fatoram em
// sigmoides: p(hⱼ=1 | v) = σ(cⱼ + (vW)ⱼ) e p(vᵢ=1 | h) = σ(bᵢ + (Whᵀ)ᵢ).
//
// O pacote tem três níveis, do mais transparente ao mais prático:
//
//   - grafo.go: as fórmulas como funções de grafo (Energia, EnergiaLivre,
//     ProbOcultas, ProbVisiveis, Estatisticas — a atualização da
//     divergência contrastiva, que estima o gradiente da log-verossimilhança
//     mas não é o gradiente de nenhuma função objetivo: Sutskever e Tieleman,
//     2010), para qualquer tipo de número;
//   - rbm.go e treino.go: uma RBM com as variáveis num model.Store, o
//     passo de CD-k ou de CD persistente (PCD) calculado inteiro dentro do
//     grafo (a amostragem usa o gerador de números aleatórios do Store) e
//     Treina, que roda o treino com treino.Laco (barra de progresso, curvas,
//     checkpoint); passo.go tem o passo sozinho (NovoPassoDeTreino), que
//     Treina usa e o benchmark mede;
//   - dbn.go: o treino guloso camada por camada (Hinton, Osindero e Teh,
//     2006) e a exportação dos pesos para inicializar um classificador, que se
//     ajusta com treino.Treina.
//
// exata.go faz as contas exatas (a constante de partição Z, a
// log-verossimilhança) numa RBM pequena o bastante para enumerar todos os
// estados: serve para conferir que o treino melhora o modelo de verdade.
//
// # O que do GoMLX não usamos, e por quê
//
//   - Os otimizadores (optimizer) e train.Trainer: a divergência contrastiva
//     não é o gradiente de uma perda, então não há o que derivar; a
//     atualização (com momento e decaimento dos pesos) é escrita no grafo,
//     com Variable.SetNodeValue.
//
// Uso típico:
//
//	r, reg := rbm.Treina(rbm.Config{Nome: "03-rbm", Dados: x, Visiveis: 784, Ocultas: 500, Passos: 5000})
//	filtros := r.Pesos().Filtros() // os pesos de cada unidade oculta, como imagens
package rbm
