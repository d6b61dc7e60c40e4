# Lido (". scripts/ambiente-go.sh") por todo script que compila o Go do curso:
# o setup (que aquece o cache de compilação), o kernel GoNB, os testes e os
# benchmarks. A imagem Docker põe o mesmo valor no ENV do Dockerfile (um teste
# em docker/ confere que os dois batem).
#
# GOEXPERIMENT=simd liga o pacote simd/archsimd do Go 1.26. Com ele, o motor
# Go puro do GoMLX (compute v0.1.3) multiplica matrizes com AVX2/AVX-512; sem
# ele, com um laço escalar. Medido numa máquina de 2 núcleos (AMD EPYC, passo
# de treino, mesmo código): MLP da lição 00 de 25,8 para 4,6 ms; RBM da 03 de
# 42 para 6,0 ms; GAN de dígitos da 04 de 162 para 30 ms (DESEMPENHO.md). O
# motor XLA não muda. Em outras arquiteturas (arm64) o experimento não faz
# nada: o compute só tem o caminho SIMD para amd64.
#
# O valor tem de ser o mesmo em todos: o cache de compilação do Go separa
# o que foi compilado com e sem o experimento, e um kernel com outro valor
# que o do setup recompilaria tudo na primeira célula.
case ",${GOEXPERIMENT:-}," in
*,simd,*) ;;
*) export GOEXPERIMENT="${GOEXPERIMENT:+$GOEXPERIMENT,}simd" ;;
esac
