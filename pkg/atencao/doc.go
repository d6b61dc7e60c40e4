// Package atencao é a atenção e o Transformer da lição 05.
//
// A lição 02 mediu que uma rede recorrente espreme todo o passado num estado
// de tamanho fixo: a LSTM e a GRU resolvem a distância, mas não a
// quantidade. A atenção troca o estado por uma consulta: cada posição
// pergunta (consulta, *query*) e todas as posições respondem (chave, *key*,
// e valor, *value*); a resposta é a média dos valores, pesada pela
// semelhança entre a consulta e cada chave (Bahdanau et al., 2014; Vaswani
// et al., 2017).
//
// O pacote tem, do menor para o maior:
//
//   - ProdutoEscalar: a atenção por produto escalar com escala, softmax(QKᵀ/√d)·V,
//     com máscara opcional; MascaraCausal, a máscara que não deixa uma posição
//     olhar o futuro;
//   - AutoAtencao: várias cabeças, cada uma com as suas projeções de consulta,
//     chave e valor, e a projeção que junta as cabeças;
//   - Senoidal: a codificação posicional de senos e cossenos;
//   - Bloco: um bloco do Transformer (normalização de camada, atenção, conexão
//     residual, camada densa, conexão residual), com a normalização antes de
//     cada parte, como no GPT-2;
//   - Transformer: a pilha de blocos, a entrada (uma tabela de vetores, o
//     *embedding*), as posições e as saídas para classificar a última posição
//     ou prever o próximo símbolo em cada posição;
//   - Recordacao e Copia: as duas tarefas sintéticas da lição, a recordação
//     associativa (Ba et al., 2016) e a cópia atrasada.
//
// Tudo é escrito com operações do GoMLX (e layers.Dense, norm.LayerNorm); um
// teste compara AutoAtencao com attention.MultiHeadAttention do GoMLX, com os
// mesmos pesos: mesma saída, mesmos gradientes.
package atencao
