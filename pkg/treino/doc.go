// Package treino é o laço de treino do curso: treina modelos do GoMLX
// dentro de um notebook, com barra de progresso, curvas ao vivo, o registro
// das métricas e checkpoints reaproveitados.
//
// Tudo passa por um laço só, [Laco]: um passo por chamada de Laco.Passo,
// uma regra de reaproveitamento, um [Registro] salvo em registro.json, um
// carregador ([Abre]). [Treina] é um Laco cujo passo é o do train.Trainer do
// GoMLX (modelo, perda, otimizador e decaimento da taxa num grafo só); a
// RBM (pacote rbm) e a GAN (pacote gan) montam os seus passos e usam o
// mesmo Laco.
//
// O GoNB roda cada célula como um programa novo: o que uma célula treinou
// some quando ela termina, a menos que seja salvo. Por isso o Laco guarda o
// treino num checkpoint (em curso.PastaModelos()/<nome>) e, se a célula
// rodar de novo, reaproveita o treino completo em vez de treinar outra vez;
// a célula seguinte usa [Carrega] (ou rbm.Carrega, gan.Carrega) para olhar o
// que o modelo aprendeu. Para treinar de novo: Retreinar: true, ou
// REPRESENTACOES_RETREINAR=1. O modo rápido e as pastas são do pacote curso.
//
// No motor Go puro (sem o plugin XLA: macOS, Windows), um passo pode levar
// dezenas de vezes o do XLA. Todo treino de mais de ~30 s avisa então, logo
// nos primeiros passos, quanto deve levar ("⏱️  No motor Go puro este treino
// deve levar uns 25 min …"; veja [Progresso]). As medidas de cada lição nos
// dois motores estão em MOTORES.md.
//
// # O que do GoMLX não usamos, e por quê
//
// Numa atualização do GoMLX, reveja se estas razões ainda valem:
//
//   - train.Loop e os seus ganchos (e o commandline.AttachProgressBar, o
//     "ticker" padrão): o Laco chama Trainer.TrainStep e Trainer.Eval
//     diretamente, porque os treinos que não são "um modelo, uma perda"
//     (RBM, GAN) não cabem num Trainer, e o curso quer o mesmo registro,
//     a mesma barra em português e a mesma regra de checkpoint para todos.
//   - ui/gonb (plotly, margaid) para as curvas: carregam JavaScript de fora
//     (o curso roda offline) e escrevem em inglês; as curvas são do pacote
//     graficos (gonum/plot), num graficos.Painel.
//   - Continuar um treino interrompido (o que train.Loop com um checkpoint
//     permite): o decaimento cosseno da taxa e as médias das curvas dependem
//     do treino inteiro; retomar pela metade daria resultados que nenhum
//     outro aluno reproduz. O Laco recomeça do zero.
//
// Usamos do GoMLX: train.Trainer, as perdas (loss), as métricas de
// acurácia (metric), optimizer.Adam, o decaimento cosineschedule e o
// checkpoint (model/checkpoint), com Keep(1).
package treino
