package treino

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gomlx/gomlx/ml/model"
	"github.com/gomlx/gomlx/ml/model/checkpoint"

	"github.com/go-estudos/representacoes/pkg/curso"
	"github.com/go-estudos/representacoes/pkg/graficos"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// Laco é o laço de treino do curso: roda Passos passos — um por chamada de
// Passo — com barra de progresso, curvas ao vivo, o Registro das métricas e
// o checkpoint em curso.PastaModelos()/Nome. Todo treino passa por ele:
// Treina (um modelo, uma perda, um otimizador) é um Laco cujo Passo chama o
// train.Trainer do GoMLX; uma GAN (dois jogadores, dois otimizadores) e uma
// RBM (divergência contrastiva, sem gradiente de uma perda) montam o seu
// Passo com model.NewExec sobre as variáveis de Store.
//
// A regra de reaproveitamento, a única do curso: se a pasta do treino tem um
// treino completo com o mesmo número de passos (registro.json chegou ao
// último passo), Roda só restaura as variáveis em Store e o Anexo, e devolve
// o registro salvo (Passo não é chamado): rodar o notebook de novo é
// instantâneo. Qualquer outra coisa — nenhum treino, um treino interrompido,
// outro número de passos, Retreinar ou REPRESENTACOES_RETREINAR=1 — apaga a
// pasta e treina do zero. Nunca se continua um treino pela metade: o
// decaimento da taxa de aprendizado e as métricas dependem do treino inteiro.
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
	// estão. Pode também desenhar num graficos.Painel (uma animação).
	Avalia func(passo int) map[string]float64

	// Anexo (opcional) é um ponteiro para o que o treino produz além das
	// variáveis (os quadros de uma animação): gravado em JSON junto com o
	// checkpoint no fim do treino e lido de volta quando o treino é
	// reaproveitado. Some junto quando o treino é refeito.
	Anexo any

	// Grafico escolhe as curvas, ao vivo e no fim: recebe o registro até o
	// ponto atual e devolve a figura. Sem ele, todas as métricas num gráfico
	// só, com o eixo y EixoY (padrão "valor").
	Grafico    func(r *Registro) *graficos.Figura
	EixoY      string
	SemGrafico bool // sem curvas, nem ao vivo nem no fim

	Retreinar bool // ignora um treino completo e treina de novo
}

const arquivoAnexo = "anexo.json"

// Roda executa o laço (ou reaproveita um treino completo) e devolve o
// registro. Em caso de erro, entra em pânico com uma mensagem em português.
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
	if _, err := motor.BackendOuErro(); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			err = motor.Explica(p)
		}
	}()

	// A regra única: reaproveita um treino completo com os mesmos passos;
	// qualquer outra coisa apaga a pasta e treina do zero.
	pasta := Pasta(l.Nome)
	anterior, _ := leRegistro(pasta)
	reaproveita := anterior.completo(l.Passos) && !l.Retreinar && !curso.Retreinar()
	if !reaproveita {
		if err := os.RemoveAll(pasta); err != nil {
			return nil, err
		}
	}
	ckpt, err := checkpoint.Build(l.Store).Dir(pasta).Keep(1).Done()
	if err != nil {
		return nil, fmt.Errorf("não consegui abrir o checkpoint em %s: %w", pasta, err)
	}
	if reaproveita {
		return l.reaproveita(pasta, anterior)
	}
	r, err = l.treina()
	if err != nil {
		return nil, err
	}
	// A ordem importa: variáveis, anexo e, por último, o registro, que marca
	// o treino como completo.
	if err := ckpt.Save(); err != nil {
		return nil, fmt.Errorf("não consegui salvar o checkpoint em %s: %w", pasta, err)
	}
	if l.Anexo != nil {
		if err := gravaJSON(filepath.Join(pasta, arquivoAnexo), l.Anexo); err != nil {
			return nil, fmt.Errorf("não consegui salvar o anexo do treino %q: %w", l.Nome, err)
		}
	}
	if err := r.salva(pasta); err != nil {
		return nil, err
	}
	l.mostraFinal(r)
	return r, nil
}

// reaproveita devolve o registro de um treino completo, com o Anexo lido de
// volta (as variáveis o checkpoint já restaurou em Store).
func (l *Laco) reaproveita(pasta string, r *Registro) (*Registro, error) {
	r.Reutilizado = true
	if l.Anexo != nil {
		if err := leJSON(filepath.Join(pasta, arquivoAnexo), l.Anexo); err != nil {
			return nil, fmt.Errorf("o treino %q está salvo, mas o anexo não pôde ser lido (%v): rode com Retreinar: true", l.Nome, err)
		}
	}
	fmt.Printf("♻️  Treino %q já feito (%s passos): carregado de %s.\n"+
		"   Para treinar de novo: Retreinar: true, ou REPRESENTACOES_RETREINAR=1.\n", l.Nome, curso.Inteiro(l.Passos), pasta)
	l.mostraFinal(r)
	return r, nil
}

// treina roda os passos: a cada AvaliarACada, fecha as médias das métricas,
// roda Avalia e redesenha a barra e as curvas.
func (l *Laco) treina() (*Registro, error) {
	r := &Registro{Nome: l.Nome, Series: map[string][]float64{}, Total: l.Passos, Motor: motor.Nome()}
	barra := NovoProgresso(fmt.Sprintf("Treinando %q (%s)", l.Nome, motor.Nome()), l.Passos)
	var aoVivo *graficos.Painel // as curvas, no notebook
	if !l.SemGrafico {
		aoVivo = graficos.NovoPainel()
	}
	var m medias
	inicio := time.Now()
	texto := ""
	for passo := 1; passo <= l.Passos; passo++ {
		if nome, v := m.soma(l.Passo(passo)); nome != "" {
			return nil, fmt.Errorf("a métrica %q virou %v no passo %d do treino %q: a taxa de aprendizado pode estar alta demais", nome, v, passo, l.Nome)
		}
		if passo%l.AvaliarACada == 0 || passo == l.Passos {
			r.Passos = append(r.Passos, float64(passo))
			partes := m.fecha(r)
			if l.Avalia != nil {
				extras := l.Avalia(passo)
				for _, nome := range slices.Sorted(maps.Keys(extras)) {
					r.acrescenta(nome, extras[nome])
					partes = append(partes, formata(nome, extras[nome]))
				}
			}
			texto = strings.Join(partes, " · ")
			if aoVivo.Ativo() && len(r.Passos) > 1 {
				aoVivo.Desenha(l.grafico(r))
			}
		}
		barra.Atualiza(passo, texto)
	}
	dur := time.Since(inicio)
	r.Segundos = dur.Seconds()
	r.Parametros = NumParametros(l.Store)
	if l.Exemplos > 0 {
		r.ExemplosPorSeg = float64(l.Passos*l.Exemplos) / dur.Seconds()
		texto += " · " + curso.Num(r.ExemplosPorSeg, 0) + " exemplos/s"
	}
	barra.Atualiza(l.Passos, texto)
	aoVivo.Limpa() // a versão ao vivo some; a final vem abaixo
	return r, nil
}

// medias acumula as métricas de Passo entre dois pontos das curvas.
type medias struct {
	somas     map[string]float64
	contagens map[string]int
	ordem     []string // na ordem em que apareceram (e, num passo, em ordem alfabética)
}

// soma acrescenta as métricas de um passo; devolve o nome e o valor da
// primeira que não é um número finito (ou "").
func (m *medias) soma(ms map[string]float64) (string, float64) {
	if m.somas == nil {
		m.somas, m.contagens = map[string]float64{}, map[string]int{}
	}
	for _, nome := range slices.Sorted(maps.Keys(ms)) {
		v := ms[nome]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nome, v
		}
		if _, ok := m.contagens[nome]; !ok {
			m.ordem = append(m.ordem, nome)
		}
		m.somas[nome] += v
		m.contagens[nome]++
	}
	return "", 0
}

// fecha registra em r a média de cada métrica desde o último ponto, zera as
// somas e devolve as métricas escritas para a barra.
func (m *medias) fecha(r *Registro) []string {
	var partes []string
	for _, nome := range m.ordem {
		if m.contagens[nome] == 0 {
			continue
		}
		media := m.somas[nome] / float64(m.contagens[nome])
		r.acrescenta(nome, media)
		partes = append(partes, formata(nome, media))
		m.somas[nome], m.contagens[nome] = 0, 0
	}
	return partes
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
		return fmt.Errorf("o nome do treino %q não pode ter barras nem começar com ponto", l.Nome)
	}
	if l.AvaliarACada <= 0 {
		l.AvaliarACada = max(1, l.Passos/25)
	}
	return nil
}

// grafico é a figura das curvas: a do chamador, ou todas as métricas.
func (l *Laco) grafico(r *Registro) *graficos.Figura {
	if l.Grafico != nil {
		return l.Grafico(r)
	}
	return r.Grafico("Curvas de treino — "+l.Nome, l.EixoY)
}

// mostraFinal resume o treino numa linha e mostra as curvas finais.
func (l *Laco) mostraFinal(r *Registro) {
	s := fmt.Sprintf("Treino %q: ", l.Nome)
	if r.Parametros > 0 {
		s += curso.Inteiro(r.Parametros) + " parâmetros, "
	}
	s += fmt.Sprintf("%s passos em %s (motor %s)", curso.Inteiro(r.Total),
		curso.Duracao(time.Duration(r.Segundos*float64(time.Second))), r.Motor)
	if r.ExemplosPorSeg > 0 {
		s += ", " + curso.Num(r.ExemplosPorSeg, 0) + " exemplos/s"
	}
	var partes []string
	for _, nome := range r.Ordem {
		partes = append(partes, formata(nome, r.Ultima(nome)))
	}
	if len(partes) > 0 {
		s += ".\nNo fim: " + strings.Join(partes, " · ")
	}
	fmt.Println(s + ".")
	// Só no notebook: fora dele (testes, scripts), um PNG por treino seria ruído.
	if curso.NoNotebook() && !l.SemGrafico && len(r.Passos) > 1 {
		l.grafico(r).Mostra()
	}
}

func gravaJSON(caminho string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(caminho, b, 0o644)
}

func leJSON(caminho string, v any) error {
	b, err := os.ReadFile(caminho)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
