package treino

import (
	"strings"
	"testing"
	"time"

	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/motor"
)

// relogioFalso devolve um relógio que só anda quando anda(d) é chamada.
func relogioFalso() (agora func() time.Time, anda func(time.Duration)) {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { return t }, func(d time.Duration) { t = t.Add(d) }
}

func progressoDeTeste(total int, goPuro bool) (*Progresso, func(time.Duration), *[]string) {
	agora, anda := relogioFalso()
	var linhas []string
	p := &Progresso{titulo: "teste", total: total, inicio: agora(), tInicio: agora(), ultimoPct: 100, goPuro: goPuro,
		relogio: agora, escreve: func(s string) { linhas = append(linhas, s) }}
	return p, anda, &linhas
}

// No Go puro, um treino longo avisa cedo quanto deve levar, uma vez só; o
// primeiro passo (que compila) fica fora da média.
func TestEstimativaNoGoPuro(t *testing.T) {
	p, anda, linhas := progressoDeTeste(1000, true)
	anda(5 * time.Second) // o 1º passo: compilar
	p.estima(1)
	for passo := 2; passo <= 1000; passo++ {
		anda(1500 * time.Millisecond)
		p.estima(passo)
		if passo == 4 && len(*linhas) != 1 {
			t.Fatalf("depois de 3 passos de 1,5 s já deveria ter avisado; linhas: %q", *linhas)
		}
	}
	if len(*linhas) != 1 {
		t.Fatalf("esperava um aviso só, veio %d: %q", len(*linhas), *linhas)
	}
	// 5 s + 3×1,5 s já passados + 996×1,5 s = 1.503,5 s ≈ 25 min.
	for _, quer := range []string{"No motor Go puro este treino deve levar uns 25 min", "1,500 s por passo", "XLA"} {
		if !strings.Contains((*linhas)[0], quer) {
			t.Errorf("o aviso deveria conter %q: %q", quer, (*linhas)[0])
		}
	}
}

func TestEstimativaSoNoGoPuroESoSeLongo(t *testing.T) {
	// No XLA: nada.
	p, anda, linhas := progressoDeTeste(1000, false)
	for passo := 1; passo <= 1000; passo++ {
		anda(time.Second)
		p.estima(passo)
	}
	if len(*linhas) != 0 {
		t.Errorf("no XLA não deveria avisar: %q", *linhas)
	}
	// Um treino curto (20 s) no Go puro: nada.
	p, anda, linhas = progressoDeTeste(200, true)
	for passo := 1; passo <= 200; passo++ {
		anda(100 * time.Millisecond)
		p.estima(passo)
	}
	if len(*linhas) != 0 {
		t.Errorf("um treino de 20 s não precisa de aviso: %q", *linhas)
	}
	// Passos rápidos: espera 2 s de medida (ou 20 passos) antes de estimar.
	p, anda, linhas = progressoDeTeste(100000, true)
	p.estima(1)
	for passo := 2; passo <= 15; passo++ {
		anda(10 * time.Millisecond)
		p.estima(passo)
	}
	if len(*linhas) != 0 {
		t.Errorf("com 14 passos de 10 ms ainda é cedo para estimar: %q", *linhas)
	}
	for passo := 16; passo <= 25; passo++ {
		anda(10 * time.Millisecond)
		p.estima(passo)
	}
	if len(*linhas) != 1 || !strings.Contains((*linhas)[0], "uns 17 min") {
		t.Errorf("100.000 passos de 10 ms ≈ 17 min: %q", *linhas)
	}
}

// Pelo caminho de verdade (treino.Laco, que usa o Progresso como
// treino.Treina): no motor Go puro o aviso aparece; no XLA, não. Roda nos dois
// motores (TestTreinaNoGoPuro o repete com GOMLX_BACKEND=go). O relógio é
// falso: cada passo "leva" 1 s.
func TestEstimativaPeloLaco(t *testing.T) {
	t.Setenv("REPRESENTACOES_MODELOS", t.TempDir())
	motor.Backend()
	agora, anda := relogioFalso()
	var linhas []string
	relogioOriginal, avisoOriginal := relogioProgresso, avisoProgresso
	defer func() { relogioProgresso, avisoProgresso = relogioOriginal, avisoOriginal }()
	relogioProgresso, avisoProgresso = agora, func(s string) { linhas = append(linhas, s) }
	Laco{Nome: "estimativa", Store: model.NewStore(), Passos: 120, SemGrafico: true,
		Passo: func(int) map[string]float64 { anda(time.Second); return map[string]float64{"x": 1} }}.Roda()
	if goPuro := !motor.EscolhaAtual().XLA(); goPuro {
		if len(linhas) != 1 || !strings.Contains(linhas[0], "No motor Go puro este treino deve levar uns 2 min") {
			t.Fatalf("no Go puro, 120 passos de 1 s: esperava o aviso de uns 2 min, veio %q", linhas)
		}
	} else if len(linhas) != 0 {
		t.Fatalf("no XLA não há aviso: %q", linhas)
	}
}
