package treino

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/checkpoint"
	"github.com/janpfeifer/gonb/gonbui"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/graficos"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// Laco roda um treino escrito à mão — um passo por chamada de Passo — com o
// mesmo acabamento de Treina: barra de progresso, curvas ao vivo, histórico e
// checkpoint em curso.PastaModelos()/Nome.
//
// Serve quando o treino não é "um modelo, uma perda, um otimizador": uma GAN
// (dois jogadores, dois otimizadores), uma RBM (atualização por divergência
// contrastiva, sem gradiente de uma perda), um experimento que mede algo a
// cada passo. Quem chama monta os grafos (model.NewExec) com as variáveis
// em Store antes de Roda, e os executa dentro de Passo.
//
// Se o checkpoint já tem um treino completo com o mesmo número de passos,
// Roda só restaura as variáveis em Store (Passo não é chamado): rodar o
// notebook de novo é instantâneo. Um treino incompleto ou com outro número de
// passos recomeça do zero.
type Laco struct {
	Nome         string       // identifica o treino (pasta do checkpoint); obrigatório
	Store        *model.Store // variáveis salvas e restauradas (modelo e otimizadores)
	Passos       int          // número de passos
	AvaliarACada int          // passos entre dois pontos das curvas (padrão: Passos/25)
	Exemplos     int          // exemplos por passo (opcional; para a vazão)

	// Passo roda o passo número passo (de 1 a Passos) e devolve as métricas
	// do passo (nome → valor). Entre dois pontos das curvas, o Laco guarda a
	// média de cada métrica.
	Passo func(passo int) map[string]float64
	// Avalia (opcional) roda a cada AvaliarACada passos e no último; devolve
	// métricas extras (ex.: erro de validação), que entram nas curvas como
	// estão. Pode também atualizar uma figura (uma animação).
	Avalia func(passo int) map[string]float64

	EixoY      string // rótulo do eixo y das curvas (padrão "valor")
	Retreinar  bool   // ignora um checkpoint completo e treina de novo
	SemGrafico bool   // sem curvas ao vivo nem no fim
}

// Registro guarda as métricas de um Laco, ponto a ponto.
type Registro struct {
	Nome           string               `json:"nome"`
	Passos         []float64            `json:"passos"`           // passos em que as métricas foram registradas
	Series         map[string][]float64 `json:"series"`           // nome → valores (médias do intervalo)
	Ordem          []string             `json:"ordem"`            // nomes na ordem em que apareceram
	Total          int                  `json:"total"`            // passos do treino completo
	Segundos       float64              `json:"segundos"`         // tempo de treino
	ExemplosPorSeg float64              `json:"exemplos_por_seg"` // vazão (se Exemplos foi dado)
	Motor          string               `json:"motor"`
	Reutilizado    bool                 `json:"-"` // veio de um checkpoint completo
}

const arquivoRegistro = "registro.json"

// Ultima devolve o último valor registrado da métrica nome (NaN se não houver).
func (r *Registro) Ultima(nome string) float64 { return Ultima(r.Series[nome]) }

// Grafico desenha as métricas pedidas (todas, se nenhuma) por passo.
func (r *Registro) Grafico(titulo, eixoY string, nomes ...string) *graficos.Figura {
	if len(nomes) == 0 {
		nomes = r.Ordem
	}
	if eixoY == "" {
		eixoY = "valor"
	}
	var series []graficos.Serie
	for _, n := range nomes {
		ys := r.Series[n]
		// Métricas de Avalia podem começar depois; alinha pelo fim.
		xs := r.Passos[len(r.Passos)-len(ys):]
		series = append(series, graficos.Serie{Nome: n, X: xs, Y: ys})
	}
	return graficos.Curvas(titulo, "passo de treino", eixoY, series...)
}

func (r *Registro) acrescenta(nome string, v float64) {
	if _, ok := r.Series[nome]; !ok {
		r.Ordem = append(r.Ordem, nome)
	}
	r.Series[nome] = append(r.Series[nome], v)
}

// Roda executa o laço (ou restaura um treino completo) e devolve o registro.
// Em caso de erro, entra em pânico com uma mensagem em português, como Treina.
func (l Laco) Roda() *Registro {
	r, err := l.RodaOuErro()
	if err != nil {
		panic(err)
	}
	return r
}

// RodaOuErro é como Roda, mas devolve o erro.
func (l Laco) RodaOuErro() (r *Registro, err error) {
	if err := l.completa(); err != nil {
		return nil, err
	}
	_, err = motor.Novo()
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			err = motor.Explica(p)
		}
	}()

	pasta := filepath.Join(curso.PastaModelos(), l.Nome)
	anterior, errAnt := carregaRegistro(pasta)
	completo := errAnt == nil && anterior.Total == l.Passos && len(anterior.Passos) > 0 &&
		int(Ultima(anterior.Passos)) == l.Passos
	if l.Retreinar || curso.Retreinar() || !completo {
		if err := os.RemoveAll(pasta); err != nil {
			return nil, err
		}
	}
	ckpt, err := checkpoint.Build(l.Store).Dir(pasta).Keep(1).Done()
	if err != nil {
		return nil, fmt.Errorf("não consegui abrir o checkpoint em %s: %w", pasta, err)
	}
	if completo && !l.Retreinar && !curso.Retreinar() {
		anterior.Reutilizado = true
		fmt.Printf("♻️  Treino %q já feito (%s passos): carregado de %s.\n"+
			"   Para treinar de novo: Retreinar: true, ou REPRESENTACOES_RETREINAR=1.\n", l.Nome, curso.Inteiro(l.Passos), pasta)
		l.mostraFinal(anterior)
		return anterior, nil
	}

	r = &Registro{Nome: l.Nome, Series: map[string][]float64{}, Total: l.Passos, Motor: motor.Nome()}
	barra := NovoProgresso(fmt.Sprintf("Treinando %q (%s)", l.Nome, motor.Nome()), l.Passos)
	idGrafico := ""
	if gonbui.IsNotebook && !l.SemGrafico {
		idGrafico = "curvas-" + gonbui.UniqueID()
	}
	somas, contagens := map[string]float64{}, map[string]int{}
	var ordemPasso []string
	inicio := time.Now()
	texto := ""
	for passo := 1; passo <= l.Passos; passo++ {
		ms := l.Passo(passo)
		for _, nome := range nomesOrdenados(ms) {
			v := ms[nome]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("a métrica %q virou %v no passo %d do treino %q: a taxa de aprendizado pode estar alta demais", nome, v, passo, l.Nome)
			}
			if _, ok := contagens[nome]; !ok {
				ordemPasso = append(ordemPasso, nome)
			}
			somas[nome] += v
			contagens[nome]++
		}
		if passo%l.AvaliarACada == 0 || passo == l.Passos {
			r.Passos = append(r.Passos, float64(passo))
			partes := []string{}
			for _, nome := range ordemPasso {
				if contagens[nome] == 0 {
					continue
				}
				media := somas[nome] / float64(contagens[nome])
				r.acrescenta(nome, media)
				partes = append(partes, nome+" "+curso.Num(media, 4))
				somas[nome], contagens[nome] = 0, 0
			}
			if l.Avalia != nil {
				extras := l.Avalia(passo)
				for _, nome := range nomesOrdenados(extras) {
					r.acrescenta(nome, extras[nome])
					partes = append(partes, nome+" "+curso.Num(extras[nome], 4))
				}
			}
			texto = strings.Join(partes, " · ")
			if idGrafico != "" && len(r.Passos) > 1 {
				r.Grafico("Curvas de treino — "+l.Nome, l.EixoY).Atualiza(idGrafico)
			}
		}
		barra.Atualiza(passo, texto)
	}
	dur := time.Since(inicio)
	r.Segundos = dur.Seconds()
	if l.Exemplos > 0 {
		r.ExemplosPorSeg = float64(l.Passos*l.Exemplos) / dur.Seconds()
		texto += fmt.Sprintf(" · %s exemplos/s", curso.Num(r.ExemplosPorSeg, 0))
	}
	if err := ckpt.Save(); err != nil {
		return nil, fmt.Errorf("não consegui salvar o checkpoint em %s: %w", pasta, err)
	}
	if err := r.salva(pasta); err != nil {
		return nil, err
	}
	barra.Atualiza(l.Passos, texto)
	if idGrafico != "" {
		gonbui.UpdateHTML(idGrafico, "") // apaga a versão ao vivo; a final vem abaixo
	}
	l.mostraFinal(r)
	return r, nil
}

func (l *Laco) completa() error {
	var faltas []string
	if l.Nome == "" {
		faltas = append(faltas, "Nome (identifica o checkpoint)")
	}
	if l.Store == nil {
		faltas = append(faltas, "Store (o model.Store com as variáveis)")
	}
	if l.Passo == nil {
		faltas = append(faltas, "Passo (a função que roda um passo)")
	}
	if l.Passos <= 0 {
		faltas = append(faltas, "Passos (> 0)")
	}
	if len(faltas) > 0 {
		return fmt.Errorf("treino.Laco incompleto: falta %s", strings.Join(faltas, ", "))
	}
	if strings.ContainsAny(l.Nome, `/\`) || strings.HasPrefix(l.Nome, ".") {
		return fmt.Errorf("treino.Laco.Nome %q não pode ter barras nem começar com ponto", l.Nome)
	}
	if l.AvaliarACada <= 0 {
		l.AvaliarACada = max(1, l.Passos/25)
	}
	return nil
}

func (l *Laco) mostraFinal(r *Registro) {
	s := fmt.Sprintf("Treino %q: %s passos em %s (motor %s)", l.Nome, curso.Inteiro(r.Total),
		curso.Duracao(time.Duration(r.Segundos*float64(time.Second))), r.Motor)
	if r.ExemplosPorSeg > 0 {
		s += fmt.Sprintf(", %s exemplos/s", curso.Num(r.ExemplosPorSeg, 0))
	}
	partes := []string{}
	for _, nome := range r.Ordem {
		partes = append(partes, nome+" "+curso.Num(r.Ultima(nome), 4))
	}
	if len(partes) > 0 {
		s += ".\nNo fim: " + strings.Join(partes, " · ")
	}
	fmt.Println(s + ".")
	if gonbui.IsNotebook && !l.SemGrafico && len(r.Passos) > 1 {
		r.Grafico("Curvas de treino — "+l.Nome, l.EixoY).Mostra()
	}
}

// nomesOrdenados dá uma ordem estável às métricas de um mapa.
func nomesOrdenados(m map[string]float64) []string {
	nomes := make([]string, 0, len(m))
	for k := range m {
		nomes = append(nomes, k)
	}
	sort.Strings(nomes)
	return nomes
}

func (r *Registro) salva(pasta string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(pasta, arquivoRegistro), b, 0o644)
}

func carregaRegistro(pasta string) (*Registro, error) {
	b, err := os.ReadFile(filepath.Join(pasta, arquivoRegistro))
	if err != nil {
		return nil, err
	}
	r := &Registro{}
	if err := json.Unmarshal(b, r); err != nil {
		return nil, err
	}
	if r.Series == nil {
		return nil, errors.New("registro sem séries")
	}
	return r, nil
}
