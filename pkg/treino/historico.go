package treino

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-estudos/representacoes/pkg/graficos"
)

// Historico guarda as métricas medidas durante o treino, ponto a ponto.
// Os campos de validação ficam vazios se não houver dados de validação;
// os de acurácia, se o modelo não for um classificador.
type Historico struct {
	Passos            []float64 `json:"passos"`
	PerdaTreino       []float64 `json:"perda_treino"`
	AcuraciaTreino    []float64 `json:"acuracia_treino,omitempty"`
	PerdaValidacao    []float64 `json:"perda_validacao,omitempty"`
	AcuraciaValidacao []float64 `json:"acuracia_validacao,omitempty"`
	Segundos          float64   `json:"segundos"`         // tempo total de treino
	ExemplosPorSeg    float64   `json:"exemplos_por_seg"` // vazão média
	Parametros        int       `json:"parametros"`       // número de parâmetros treináveis
	Motor             string    `json:"motor"`            // motor usado no treino
}

// Ultima devolve o último valor de uma série (ou NaN se vazia).
func Ultima(serie []float64) float64 {
	if len(serie) == 0 {
		return nan
	}
	return serie[len(serie)-1]
}

// GraficoPerda desenha as curvas de perda (treino e validação) por passo.
func (h *Historico) GraficoPerda(titulo string) *graficos.Figura {
	series := []graficos.Serie{{Nome: "treino", X: h.Passos, Y: h.PerdaTreino}}
	if len(h.PerdaValidacao) > 0 {
		series = append(series, graficos.Serie{Nome: "validação", X: h.Passos, Y: h.PerdaValidacao})
	}
	eixo := "perda (entropia cruzada)"
	if len(h.AcuraciaTreino) == 0 { // regressão: a perda é a que a Config escolheu (p.ex. erro quadrático)
		eixo = "perda"
	}
	return graficos.Curvas(titulo, "passo de treino", eixo, series...)
}

// GraficoAcuracia desenha as curvas de acurácia (treino e validação), em %.
func (h *Historico) GraficoAcuracia(titulo string) *graficos.Figura {
	series := []graficos.Serie{}
	if len(h.AcuraciaTreino) > 0 {
		series = append(series, graficos.Serie{Nome: "treino", X: h.Passos, Y: porcento(h.AcuraciaTreino)})
	}
	if len(h.AcuraciaValidacao) > 0 {
		series = append(series, graficos.Serie{Nome: "validação", X: h.Passos, Y: porcento(h.AcuraciaValidacao)})
	}
	return graficos.Curvas(titulo, "passo de treino", "acurácia (%)", series...)
}

func porcento(xs []float64) []float64 {
	ys := make([]float64, len(xs))
	for i, x := range xs {
		ys[i] = 100 * x
	}
	return ys
}

const arquivoHistorico = "historico.json"

func (h *Historico) salva(pasta string) error {
	b, err := json.MarshalIndent(h, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(pasta, arquivoHistorico), b, 0o644)
}

func carregaHistorico(pasta string) (*Historico, error) {
	b, err := os.ReadFile(filepath.Join(pasta, arquivoHistorico))
	if err != nil {
		return nil, err
	}
	h := &Historico{}
	if err := json.Unmarshal(b, h); err != nil {
		return nil, fmt.Errorf("histórico ilegível em %s: %w", pasta, err)
	}
	return h, nil
}
