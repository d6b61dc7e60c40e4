package treino

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/checkpoint"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/graficos"
)

// Registro guarda as métricas de um treino, ponto a ponto, e o que se sabe
// dele (duração, vazão, motor, parâmetros). É o único registro de treino do
// curso: Laco o escreve, Treina e os pacotes rbm e gan o devolvem, e ele fica
// em registro.json, na pasta do checkpoint. O arquivo é escrito por último,
// depois das variáveis: a presença dele, com o treino inteiro, é a marca de
// que o treino terminou (veja Abre).
type Registro struct {
	Nome           string               `json:"nome"`
	Passos         []float64            `json:"passos"`           // passos em que as métricas foram registradas
	Series         map[string][]float64 `json:"series"`           // nome → valores (médias do intervalo)
	Ordem          []string             `json:"ordem"`            // nomes na ordem em que apareceram
	Total          int                  `json:"total"`            // passos do treino completo
	Segundos       float64              `json:"segundos"`         // tempo de treino
	ExemplosPorSeg float64              `json:"exemplos_por_seg"` // vazão (se Laco.Exemplos foi dado)
	Parametros     int                  `json:"parametros"`       // valores treináveis (pesos e vieses)
	Motor          string               `json:"motor"`
	Reutilizado    bool                 `json:"-"` // veio de um checkpoint completo, sem treinar
}

// Nomes das métricas que Treina registra (os treinos de Laco escolhem os seus).
const (
	PerdaTreino       = "perda (treino)"
	AcuraciaTreino    = "acurácia (treino)"
	PerdaValidacao    = "perda (validação)"
	AcuraciaValidacao = "acurácia (validação)"
)

const arquivoRegistro = "registro.json"

// Ultima devolve o último valor registrado da métrica nome (NaN se não houver).
func (r *Registro) Ultima(nome string) float64 { return Ultima(r.Series[nome]) }

// Serie devolve os passos e os valores da métrica nome, alinhados: métricas
// de Avalia que começam depois ficam com os últimos passos.
func (r *Registro) Serie(nome string) (passos, valores []float64) {
	ys := r.Series[nome]
	return r.Passos[len(r.Passos)-len(ys):], ys
}

// Ultima devolve o último valor de uma série (ou NaN se vazia).
func Ultima(serie []float64) float64 {
	if len(serie) == 0 {
		return math.NaN()
	}
	return serie[len(serie)-1]
}

// Grafico desenha as métricas pedidas (todas, se nenhuma) por passo. As de
// acurácia (o nome começa por "acurácia") saem em %.
func (r *Registro) Grafico(titulo, eixoY string, nomes ...string) *graficos.Figura {
	if len(nomes) == 0 {
		nomes = r.Ordem
	}
	if eixoY == "" {
		eixoY = "valor"
	}
	var series []graficos.Serie
	for _, n := range nomes {
		xs, ys := r.Serie(n)
		if ehAcuracia(n) {
			ys = porcento(ys)
		}
		series = append(series, graficos.Serie{Nome: n, X: xs, Y: ys})
	}
	return graficos.Curvas(titulo, "passo de treino", eixoY, series...)
}

func ehAcuracia(nome string) bool { return strings.HasPrefix(nome, "acurácia") }

// formata escreve o valor de uma métrica para a barra e o resumo: acurácias
// em %, o resto com 4 casas.
func formata(nome string, v float64) string {
	if ehAcuracia(nome) {
		return nome + " " + curso.Pct(v)
	}
	return nome + " " + curso.Num(v, 4)
}

func porcento(xs []float64) []float64 {
	ys := make([]float64, len(xs))
	for i, x := range xs {
		ys[i] = 100 * x
	}
	return ys
}

func (r *Registro) acrescenta(nome string, v float64) {
	if _, ok := r.Series[nome]; !ok {
		r.Ordem = append(r.Ordem, nome)
	}
	r.Series[nome] = append(r.Series[nome], v)
}

// completo diz se o registro é de um treino que chegou ao fim, com passos
// passos: a regra única de reaproveitamento (veja Laco).
func (r *Registro) completo(passos int) bool {
	return r != nil && r.Total == passos && len(r.Passos) > 0 && int(Ultima(r.Passos)) == passos
}

func (r *Registro) salva(pasta string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(pasta, arquivoRegistro), b, 0o644)
}

func leRegistro(pasta string) (*Registro, error) {
	b, err := os.ReadFile(filepath.Join(pasta, arquivoRegistro))
	if err != nil {
		return nil, err
	}
	r := &Registro{}
	if err := json.Unmarshal(b, r); err != nil {
		return nil, fmt.Errorf("registro ilegível em %s: %w", pasta, err)
	}
	if r.Series == nil {
		return nil, errors.New("registro sem séries")
	}
	return r, nil
}

// Pasta devolve a pasta do checkpoint do treino nome.
func Pasta(nome string) string { return filepath.Join(curso.PastaModelos(), nome) }

// Abre devolve as variáveis e o registro de um treino terminado (por Treina
// ou Laco, noutra célula), sem treinar: é o carregador de todos os pacotes
// (Carrega, rbm.Carrega, gan.Carrega). Só conta como terminado o treino
// cujo registro.json diz que chegou ao último passo; um treino interrompido
// não é aberto. As variáveis ganham os valores salvos quando o modelo as cria
// de novo, com os mesmos nomes. Entra em pânico, com uma mensagem em
// português, se o treino não terminou ou o checkpoint não pode ser lido.
func Abre(nome string) (*model.Store, *Registro) {
	pasta := Pasta(nome)
	r, err := leRegistro(pasta)
	if err != nil || !r.completo(r.Total) {
		panic(fmt.Errorf("%q ainda não foi treinado (não há treino completo em %s): rode antes a célula que o treina", nome, pasta))
	}
	store := model.NewStore()
	if _, err := checkpoint.Build(store).Dir(pasta).Done(); err != nil {
		panic(fmt.Errorf("não consegui ler o checkpoint de %q em %s: %w", nome, pasta, err))
	}
	r.Reutilizado = true
	return store, r
}

// LeRegistro devolve o registro de um treino terminado (as curvas de outro
// treino, para comparar), com a mesma regra e as mesmas mensagens de Abre.
func LeRegistro(nome string) *Registro {
	r, err := leRegistro(Pasta(nome))
	if err != nil || !r.completo(r.Total) {
		panic(fmt.Errorf("%q ainda não foi treinado (não há treino completo em %s): rode antes a célula que o treina", nome, Pasta(nome)))
	}
	r.Reutilizado = true
	return r
}
