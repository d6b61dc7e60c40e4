package rbm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// NovoPassoDeTreino dá os mesmos passos que Treina: com os mesmos lotes, na
// mesma ordem, os pesos no fim são os mesmos (CD-1 e PCD).
func TestPassoDeTreinoIgualAoDeTreina(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	x := BarrasEListras(4)
	for _, persistente := range []bool{false, true} {
		cfg := Config{Nome: "passo", Dados: x, Visiveis: 16, Ocultas: 12, Lote: 10, Passos: 6, Persistente: persistente,
			AvaliarACada: 6, SemGrafico: true, Retreinar: true}
		r, _ := Treina(cfg)
		esperado := r.Pesos()

		// Os lotes de Treina: uma ordem embaralhada depois da outra.
		n := len(x) / 16
		rng := rand.New(rand.NewPCG(1, 11))
		ordem, pos := rng.Perm(n), 0
		proximo := func() []float32 {
			var v []float32
			for range cfg.Lote {
				if pos == n {
					ordem, pos = rng.Perm(n), 0
				}
				v = append(v, x[ordem[pos]*16:(ordem[pos]+1)*16]...)
				pos++
			}
			return v
		}
		p, err := NovoPassoDeTreino(cfg, proximo())
		if err != nil {
			t.Fatal(err)
		}
		if !persistente { // no CD-1, Treina não tira um lote para as cadeias: os lotes recomeçam
			rng = rand.New(rand.NewPCG(1, 11))
			ordem, pos = rng.Perm(n), 0
		}
		for k := 1; k <= cfg.Passos; k++ {
			if _, err := p.Roda(proximo(), k); err != nil {
				t.Fatal(err)
			}
		}
		obtido := p.RBM.Pesos()
		for i := range esperado.W {
			if math.Abs(float64(esperado.W[i]-obtido.W[i])) > 1e-6 {
				t.Fatalf("persistente=%v: W[%d] = %g, Treina deu %g", persistente, i, obtido.W[i], esperado.W[i])
			}
		}
	}
}
