package cnn

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/internal/gopuro"
	"github.com/go-estudos/representacoes/pkg/dados"
	"github.com/go-estudos/representacoes/pkg/motor"
	"github.com/go-estudos/representacoes/pkg/treino"
)

// emTreino marca o grafo como de treino (a NormalizaLote usa as estatísticas
// do lote) e monta a camada.
func emTreino(camada difinitas.Camada) difinitas.Camada {
	return func(s *model.Scope, e []*graph.Node) *graph.Node {
		s.Store().SetTraining(e[0].Graph(), true)
		return camada(s, e)
	}
}

// O gradiente das peças das redes fundas confere com diferenças finitas: a
// normalização em lote no treino (o gradiente passa pela média e pela
// variância do lote) e na inferência, o bloco residual com e sem BN e a rede
// funda inteira. Roda também no motor Go puro (TestFundasNoGoPuro).
func TestGradientesDasFundas(t *testing.T) {
	b := motor.Backend()
	casos := []struct {
		nome    string
		camada  difinitas.Camada
		entrada []int
	}{
		{"NormalizaLote, treino", emTreino(func(s *model.Scope, e []*graph.Node) *graph.Node { return NormalizaLote(s, e[0]) }), []int{3, 2, 2, 3}},
		{"NormalizaLote, inferência", func(s *model.Scope, e []*graph.Node) *graph.Node { return NormalizaLote(s, e[0]) }, []int{2, 2, 2, 3}},
		{"BlocoResidual sem BN", func(s *model.Scope, e []*graph.Node) *graph.Node { return BlocoResidual(s, e[0], 2, false) }, []int{2, 4, 4, 2}},
		{"BlocoResidual com BN, treino", emTreino(func(s *model.Scope, e []*graph.Node) *graph.Node { return BlocoResidual(s, e[0], 2, true) }), []int{2, 4, 4, 2}},
		{"Funda com BN e residual, treino", emTreino(func(s *model.Scope, e []*graph.Node) *graph.Node {
			return Funda{Camadas: 2, Filtros: 2, BN: true, Residual: true}.constroi(s, e[0], nil)
		}), []int{2, 8, 8}},
		{"Funda simples", func(s *model.Scope, e []*graph.Node) *graph.Node {
			return Funda{Camadas: 2, Filtros: 2}.constroi(s, e[0], nil)
		}, []int{2, 8, 8}},
	}
	for i, c := range casos {
		t.Run(c.nome, func(t *testing.T) {
			x := difinitas.Aleatorio(uint64(i+10), 1, c.entrada...)
			difinitas.Confere(t, b, c.nome, c.camada, difinitas.Opcoes{}, x)
		})
	}
}

// No treino, cada canal sai com média 0 e variância 1 (γ = 1 e β = 0 no
// começo), e as médias móveis andam 10% na direção das do lote; na
// inferência, a conta usa as médias móveis.
func TestNormalizaLoteTreinoEInferencia(t *testing.T) {
	store := model.NewStore()
	treina := model.MustNewExec(motor.Backend(), store, func(s *model.Scope, x *graph.Node) *graph.Node {
		s.Store().SetTraining(x.Graph(), true)
		return NormalizaLote(s.In("bn"), x)
	})
	infere := model.MustNewExec(motor.Backend(), store, func(s *model.Scope, x *graph.Node) *graph.Node {
		return NormalizaLote(s.In("bn"), x)
	})
	// 4 exemplos de 1×1 pixel, 2 canais: o canal 0 vale 1, 2, 3, 4 e o canal 1, 10 vezes isso.
	x := tensors.FromFlatDataAndDimensions([]float64{1, 10, 2, 20, 3, 30, 4, 40}, 4, 1, 1, 2)
	y := tensors.MustCopyFlatData[float64](treina.MustCall(x)[0])
	for c := range 2 {
		var soma, quad float64
		for i := range 4 {
			soma += y[2*i+c]
			quad += y[2*i+c] * y[2*i+c]
		}
		media, variancia := soma/4, quad/4-(soma/4)*(soma/4)
		// Com ε, a variância fica um pouco abaixo de 1: σ²/(σ²+ε).
		if math.Abs(media) > 1e-9 || math.Abs(variancia-1) > 1e-4 {
			t.Errorf("canal %d: média %g e variância %g, esperava 0 e 1", c, media, variancia)
		}
	}
	// Média do lote: 2,5 e 25; variância (por n): 1,25 e 125. Médias móveis: 0,9·(0 ou 1) + 0,1·lote.
	quer := map[string][]float64{"media_movel": {0.25, 2.5}, "variancia_movel": {0.9 + 0.125, 0.9 + 12.5}}
	for v := range store.IterVariables() {
		if q, ok := quer[v.Name()]; ok {
			got := tensors.MustCopyFlatData[float64](v.MustValue())
			for i := range q {
				if math.Abs(got[i]-q[i]) > 1e-9 {
					t.Errorf("%s = %v, esperava %v", v.Name(), got, q)
				}
			}
			delete(quer, v.Name())
		}
	}
	if len(quer) > 0 {
		t.Errorf("variáveis não encontradas: %v", quer)
	}
	// Inferência: (x − média móvel)/√(variância móvel + ε), e as médias não mudam.
	y = tensors.MustCopyFlatData[float64](infere.MustCall(x)[0])
	if q := (1 - 0.25) / math.Sqrt(1.025+EpsilonBN); math.Abs(y[0]-q) > 1e-9 {
		t.Errorf("inferência: %g, esperava %g", y[0], q)
	}
	infere.MustCall(x)
	for v := range store.IterVariables() {
		if v.Name() == "media_movel" {
			if got := tensors.MustCopyFlatData[float64](v.MustValue()); math.Abs(got[0]-0.25) > 1e-12 {
				t.Errorf("a inferência mudou a média móvel: %v", got)
			}
		}
	}
}

// Sem giro nem deslocamento, a imagem não muda; um giro de 90° leva o ponto
// à direita do centro para cima dele; um deslocamento inteiro move os
// pixels; e o Aumento é reproduzível, com os rótulos certos.
func TestTransformaEAumento(t *testing.T) {
	im := make([]float32, 25)
	im[2*5+4] = 1 // à direita do centro (2, 2)
	if got := Transforma(im, 5, 5, 0, 0, 0); !slices.Equal(got, im) {
		t.Errorf("sem transformação mudou a imagem: %v", got)
	}
	girada := Transforma(im, 5, 5, 90, 0, 0)
	if math.Abs(float64(girada[0*5+2])-1) > 1e-6 {
		t.Errorf("girada 90°: esperava o ponto em (0, 2), em cima do centro: %v", girada)
	}
	desloc := Transforma(im, 5, 5, 0, -1, 2) // 1 para a esquerda, 2 para baixo
	if desloc[4*5+3] != 1 || desloc[2*5+4] != 0 {
		t.Errorf("deslocada: esperava o ponto em (4, 3): %v", desloc)
	}
	base := &dados.Imagens{Nome: "x", N: 2, Altura: 5, Largura: 5, Pixels: append(slices.Clone(im), girada...), Rotulos: []int32{3, 7}}
	a := Aumento{Copias: 2, Graus: 10, Deslocamento: 1, Semente: 5}
	r1, r2 := a.Aplica(base), a.Aplica(base)
	if r1.N != 6 || len(r1.Pixels) != 6*25 || !slices.Equal(r1.Rotulos, []int32{3, 7, 3, 7, 3, 7}) {
		t.Fatalf("Aplica: N %d, %d pixels, rótulos %v", r1.N, len(r1.Pixels), r1.Rotulos)
	}
	if !slices.Equal(r1.Pixels, r2.Pixels) || !slices.Equal(r1.Pixels[:50], base.Pixels) {
		t.Error("Aplica não é reproduzível ou não começa pelas originais")
	}
	if slices.Equal(r1.Pixels[50:75], im) {
		t.Error("a cópia aumentada saiu igual à original")
	}
}

// NormasDoGradiente dá uma norma positiva por camada (cada convolução, ou
// cada bloco) e não muda as médias móveis de um modelo com BN.
func TestNormasDoGradienteDaFunda(t *testing.T) {
	ims := listras(8, 4)
	x := tensors.FromFlatDataAndDimensions(ims.Pixels, ims.N, 12, 12)
	y := tensors.FromFlatDataAndDimensions(ims.Rotulos, ims.N)
	for _, f := range []Funda{{Camadas: 4, Filtros: 3}, {Camadas: 4, Filtros: 3, BN: true, Residual: true}} {
		store := model.NewStore()
		normas := f.NormasDoGradiente(store, x, y)
		quer := 5
		if f.Residual {
			quer = 3
		}
		if len(normas) != quer {
			t.Fatalf("%s: %d normas, esperava %d", f.Nome(), len(normas), quer)
		}
		for i, n := range normas {
			if !(n > 0) {
				t.Errorf("%s: norma %d = %g", f.Nome(), i, n)
			}
		}
		for v := range store.IterVariables() {
			if v.Name() == "media_movel" {
				if got := tensors.MustCopyFlatData[float32](v.MustValue()); slices.ContainsFunc(got, func(m float32) bool { return m != 0 }) {
					t.Errorf("%s: a medida mudou a média móvel %s: %v", f.Nome(), v.Scope(), got)
				}
			}
		}
	}
}

// A rede funda com BN e blocos residuais treina (e a inferência, com as
// médias móveis, acerta listras novas).
func TestFundaTreina(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	f := Funda{Camadas: 4, Filtros: 4, BN: true, Residual: true}
	m, err := treino.TreinaOuErro(treino.Config{
		Nome: "listras-funda", Modelo: f.Modelo(),
		Treino:    dados.LotesDeImagens(listras(256, 1), 32).Embaralhados(1),
		Validacao: dados.LotesDeImagens(listras(128, 2), 128),
		Passos:    100, AvaliarACada: 20, TaxaAprend: 0.01, SemGrafico: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if ac := m.Acuracia(listras(128, 3)); ac < 0.9 {
		t.Errorf("acurácia %.3f em listras novas", ac)
	}
}

// As redes fundas também treinam e conferem no motor Go puro.
func TestFundasNoGoPuro(t *testing.T) {
	gopuro.Roda(t, 3*time.Minute, "TestGradientesDasFundas", "TestNormalizaLoteTreinoEInferencia", "TestFundaTreina")
}
