//go:build !goexperiment.simd

package motor

// SIMD diz se o programa foi compilado com GOEXPERIMENT=simd: só assim o
// motor Go puro multiplica matrizes com AVX2/AVX-512 (em amd64). Os scripts
// do curso e a imagem ligam o experimento (scripts/ambiente-go.sh).
const SIMD = false
