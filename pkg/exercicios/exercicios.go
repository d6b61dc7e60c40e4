package exercicios

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"
)

// Resultado é o desfecho de uma verificação: quantos casos foram conferidos,
// quantos falharam e uma mensagem curta em português.
type Resultado struct {
	ID       string `json:"id"`
	Passou   bool   `json:"passou"`
	Casos    int    `json:"casos"`
	Falhas   int    `json:"falhas"`
	Mensagem string `json:"mensagem"`
}

// Opcao ajusta uma verificação (dica, tolerância, casos sorteados…).
type Opcao func(*config)

type config struct {
	dica       string
	outraDica  string
	tol        float64
	limite     time.Duration
	aleatorios []geradorCasos
	descreve   any // func(E) string; o tipo é conferido em Verifica
}

type geradorCasos struct {
	n    int
	gera any // func(*rand.Rand) E; o tipo é conferido em Verifica
}

// Dica define o texto mostrado, com 💡, quando a verificação falha: a ideia
// que falta, nunca o código da solução nem os números que passam (veja
// OutraDica e o teste das dicas em pkg/gabarito).
func Dica(texto string) Opcao { return func(c *config) { c.dica = texto } }

// OutraDica define uma segunda dica, mais forte, que a caixa mostra fechada
// logo abaixo da primeira: quem não precisar dela não a lê sem querer. Ela
// chega mais perto do caminho (qual fórmula, qual erro comum), mas ainda não
// é a solução, que fica na célula de solução, também fechada.
func OutraDica(texto string) Opcao { return func(c *config) { c.outraDica = texto } }

// Tolerancia define a tolerância na comparação de números reais: obtido e
// esperado são iguais se |obtido−esperado| ≤ abs·(1+|esperado|). O padrão é
// 1e-6.
func Tolerancia(abs float64) Opcao { return func(c *config) { c.tol = abs } }

// Limite define quanto tempo cada chamada ao código do aluno pode levar
// (padrão: 10 s).
func Limite(d time.Duration) Opcao { return func(c *config) { c.limite = d } }

// Aleatorios acrescenta n casos sorteados por gera, depois dos casos fixos.
// A semente vem do ID do exercício: os casos são os mesmos a cada execução.
// O tipo E tem de ser o tipo de entrada da função verificada.
func Aleatorios[E any](n int, gera func(r *rand.Rand) E) Opcao {
	return func(c *config) { c.aleatorios = append(c.aleatorios, geradorCasos{n, gera}) }
}

// Descreve define como mostrar uma entrada na mensagem de falha (o padrão é
// Formata). O tipo E tem de ser o tipo de entrada da função verificada.
func Descreve[E any](f func(E) string) Opcao { return func(c *config) { c.descreve = f } }

func novaConfig(opcoes []Opcao) *config {
	c := &config{tol: 1e-6, limite: 10 * time.Second}
	for _, o := range opcoes {
		if o != nil {
			o(c)
		}
	}
	return c
}

// semente deriva uma semente fixa do ID do exercício.
func semente(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// falha descreve um caso que não passou, já formatado para exibição.
type falha struct {
	entrada, esperado, obtido string
	nota                      string // pânico, tempo esgotado, erro do curso…
}

// Verifica compara a função do aluno com a de referência em cada entrada e
// nos casos de Aleatorios, mostra o resultado (no notebook ou no terminal) e
// o devolve. Nunca entra em pânico nem devolve erro.
func Verifica[E, S any](id string, aluno, referencia func(E) S, entradas []E, opcoes ...Opcao) Resultado {
	cfg := novaConfig(opcoes)

	descreve := func(e E) string { return Formata(e) }
	if cfg.descreve != nil {
		f, ok := cfg.descreve.(func(E) string)
		if !ok {
			return publica(cfg, erroDoCurso(id, fmt.Sprintf(
				"Descreve recebe %s, mas a função verificada recebe %s",
				tipoEntrada(cfg.descreve), reflect.TypeFor[E]())))
		}
		descreve = f
	}
	if referencia == nil {
		return publica(cfg, erroDoCurso(id, "a função de referência é nil"))
	}
	casos, problema := montaCasos(id, entradas, cfg)
	if problema != "" {
		return publica(cfg, erroDoCurso(id, problema))
	}

	res := Resultado{ID: id, Casos: len(casos)}
	if aluno == nil {
		res.Falhas = len(casos)
		res.Mensagem = "a função do exercício é nil (a célula do exercício foi executada?)"
		return publica(cfg, res)
	}
	var falhas []falha
	for i, caso := range casos {
		entrada := descricaoSegura(descreve, caso)
		ref := chama(referencia, Copia(caso), 0)
		if ref.panico != "" {
			res.Falhas++
			falhas = append(falhas, falha{entrada: entrada,
				nota: "erro do curso (não é culpa sua): a função de referência entrou em pânico: " + ref.panico})
			continue
		}
		esperado := Formata(ref.valor)
		obt := chama(aluno, Copia(caso), cfg.limite)
		switch {
		case obt.esgotou || obt.parada != "":
			restantes := len(casos) - i - 1
			res.Falhas += 1 + restantes
			nota := fmt.Sprintf("demorou mais de %v (laço infinito?)", cfg.limite)
			if obt.parada != "" {
				nota = obt.parada
			}
			if restantes > 0 {
				nota += fmt.Sprintf("; os %d casos seguintes não foram rodados", restantes)
			}
			falhas = append(falhas, falha{entrada: entrada, esperado: esperado, nota: nota})
		case obt.panico != "":
			res.Falhas++
			falhas = append(falhas, falha{entrada: entrada, esperado: esperado,
				nota: "seu código entrou em pânico: " + obt.panico})
		case !Iguais(obt.valor, ref.valor, cfg.tol):
			res.Falhas++
			obtido := Formata(obt.valor)
			if obtido == esperado { // a diferença some no arredondamento: mostra tudo
				esperado, obtido = FormataPreciso(ref.valor), FormataPreciso(obt.valor)
			}
			falhas = append(falhas, falha{entrada: entrada, esperado: esperado, obtido: obtido})
		}
		if obt.esgotou || obt.parada != "" {
			break
		}
	}
	res.Passou = res.Falhas == 0
	if res.Passou {
		res.Mensagem = casosVerificados(res.Casos)
	} else {
		res.Mensagem = fmt.Sprintf("%d de %d casos falharam", res.Falhas, res.Casos)
		if len(falhas) > 0 {
			res.Mensagem += "; o primeiro: " + falhas[0].resumo()
		}
	}
	return publica(cfg, res, falhas...)
}

// VerificaValor confere uma resposta única (um número, uma lista…), com a
// mesma comparação de Verifica.
func VerificaValor[T any](id string, resposta, esperado T, opcoes ...Opcao) Resultado {
	cfg := novaConfig(opcoes)
	res := Resultado{ID: id, Casos: 1}
	if Iguais(resposta, esperado, cfg.tol) {
		res.Passou, res.Mensagem = true, "resposta certa"
		return publica(cfg, res)
	}
	f := falha{esperado: Formata(esperado), obtido: Formata(resposta)}
	if f.esperado == f.obtido {
		f.esperado, f.obtido = FormataPreciso(esperado), FormataPreciso(resposta)
	}
	res.Falhas = 1
	res.Mensagem = f.resumo()
	return publica(cfg, res, f)
}

// VerificaCondicao confere uma condição descrita em palavras (por exemplo,
// "acurácia de validação ≥ 90%"), para exercícios de modelagem.
func VerificaCondicao(id string, ok bool, descricao string, opcoes ...Opcao) Resultado {
	cfg := novaConfig(opcoes)
	res := Resultado{ID: id, Casos: 1, Passou: ok, Mensagem: descricao}
	if !ok {
		res.Falhas = 1
		res.Mensagem = "condição não atendida: " + descricao
	}
	return publica(cfg, res)
}

// montaCasos junta os casos fixos e os sorteados. Se algo der errado (erro
// do curso), devolve a explicação.
func montaCasos[E any](id string, entradas []E, cfg *config) (casos []E, problema string) {
	casos = append(casos, entradas...)
	r := rand.New(rand.NewPCG(semente(id), 0x5eed))
	for _, g := range cfg.aleatorios {
		gera, ok := g.gera.(func(*rand.Rand) E)
		if !ok {
			return nil, fmt.Sprintf("Aleatorios gera %s, mas a função verificada recebe %s",
				tipoSaida(g.gera), reflect.TypeFor[E]())
		}
		for range g.n {
			caso, p := sorteia(gera, r)
			if p != "" {
				return nil, "o gerador de Aleatorios entrou em pânico: " + p
			}
			casos = append(casos, caso)
		}
	}
	return casos, ""
}

func sorteia[E any](gera func(*rand.Rand) E, r *rand.Rand) (caso E, panico string) {
	defer func() {
		if p := recover(); p != nil {
			panico = fmt.Sprint(p)
		}
	}()
	return gera(r), ""
}

// descricaoSegura descreve a entrada; se a função de Descreve entrar em
// pânico, usa Formata.
func descricaoSegura[E any](descreve func(E) string, x E) (s string) {
	defer func() {
		if recover() != nil {
			s = Formata(x)
		}
	}()
	return descreve(x)
}

// desfecho é o que aconteceu numa chamada protegida.
type desfecho[S any] struct {
	valor   S
	panico  string // o valor do pânico, se houve
	parada  string // o motivo, se o programa do aluno parou (na correção; veja pkg/correcao)
	esgotou bool   // passou do limite de tempo
}

// parou é o pânico com que a procuração da correção (correcao.Parada) diz
// que o programa do aluno parou; reconhecido pelo método, sem importar o
// pacote.
type parou interface{ MotivoDaParada() string }

// chama roda f(x) numa goroutine própria, transformando um pânico em
// desfecho e desistindo de esperar depois de limite (0 = sem limite).
func chama[E, S any](f func(E) S, x E, limite time.Duration) desfecho[S] {
	canal := make(chan desfecho[S], 1) // com espaço: a goroutine nunca fica presa
	go func() {
		devolveu := false
		defer func() {
			p := recover()
			if q, ok := p.(parou); ok {
				canal <- desfecho[S]{parada: q.MotivoDaParada()}
			} else if p != nil {
				canal <- desfecho[S]{panico: fmt.Sprint(p)}
			} else if !devolveu { // runtime.Goexit
				canal <- desfecho[S]{panico: "a função terminou sem devolver um valor (runtime.Goexit)"}
			}
		}()
		v := f(x)
		devolveu = true
		canal <- desfecho[S]{valor: v}
	}()
	if limite <= 0 {
		return <-canal
	}
	relogio := time.NewTimer(limite)
	defer relogio.Stop()
	select {
	case d := <-canal:
		return d
	case <-relogio.C:
		return desfecho[S]{esgotou: true}
	}
}

func erroDoCurso(id, problema string) Resultado {
	return Resultado{ID: id, Mensagem: "erro do curso (não é culpa sua; avise quem mantém o curso): " + problema}
}

func casosVerificados(n int) string {
	if n == 1 {
		return "1 caso verificado"
	}
	return fmt.Sprintf("%d casos verificados", n)
}

// resumo descreve a falha numa linha, para Resultado.Mensagem.
func (f falha) resumo() string {
	var partes []string
	if f.entrada != "" {
		partes = append(partes, "entrada "+f.entrada)
	}
	if f.esperado != "" {
		partes = append(partes, "esperado "+f.esperado)
	}
	if f.obtido != "" {
		partes = append(partes, "obtido "+f.obtido)
	}
	if f.nota != "" {
		partes = append(partes, f.nota)
	}
	return strings.Join(partes, "; ") // "; ", porque a vírgula é dos números
}

// tipoEntrada e tipoSaida dizem, para mensagens de erro do curso, o tipo do
// parâmetro ou do resultado da função guardada numa opção.
func tipoEntrada(f any) string {
	t := reflect.TypeOf(f)
	if t == nil || t.Kind() != reflect.Func || t.NumIn() != 1 {
		return fmt.Sprintf("%T", f)
	}
	return t.In(0).String()
}

func tipoSaida(f any) string {
	t := reflect.TypeOf(f)
	if t == nil || t.Kind() != reflect.Func || t.NumOut() != 1 {
		return fmt.Sprintf("%T", f)
	}
	return t.Out(0).String()
}
