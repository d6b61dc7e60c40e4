// Package treino treina modelos do GoMLX dentro de um notebook: barra de
// progresso, curvas de perda e acurácia atualizadas ao vivo, histórico das
// métricas e checkpoints reaproveitados.
//
// O GoNB roda cada célula como um programa novo: o que uma célula treinou
// some quando ela termina, a menos que seja salvo. Por isso Treina guarda o
// modelo num checkpoint (em curso.PastaModelos()/<nome>) e, se a célula rodar de
// novo, carrega o checkpoint em vez de treinar outra vez. A célula seguinte
// usa Carrega para olhar o que o modelo aprendeu. Para treinar de novo:
// Config.Retreinar = true, ou a variável de ambiente
// REPRESENTACOES_RETREINAR=1.
//
// O modo rápido (REPRESENTACOES_RAPIDO=1) existe para testar os notebooks
// em minutos: cada lição usa curso.Rapido() ou curso.Escolhe(cheio, rapido) para cortar
// dados e passos. Modelos do modo rápido ficam numa pasta separada, para não
// se confundirem com os do modo completo.
//
// No motor Go puro (sem o plugin XLA: macOS, Windows), um passo pode levar
// dezenas de vezes o do XLA. Todo treino de Treina e de Laco de mais de
// ~30 s avisa então, logo nos primeiros passos, quanto deve levar ("⏱️  No
// motor Go puro este treino deve levar uns 25 min …"; veja Progresso). As
// medidas de cada lição nos dois motores estão em MOTORES.md.
package treino
