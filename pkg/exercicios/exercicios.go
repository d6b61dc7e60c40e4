// Package exercicios verifica as respostas dos exercícios do curso, dentro do
// notebook, e diz em português o que está certo e o que está errado.
//
// Cada exercício tem uma célula que o aluno completa (por exemplo, uma
// função) e, logo abaixo, uma célula de verificação que chama Verifica. A
// verificação roda a função do aluno e uma função de referência (do pacote
// gabarito, quase sempre calculada pelo próprio GoMLX) nos mesmos casos —
// alguns fixos, outros sorteados com semente fixa — e mostra:
//
//   - ✅ e quantos casos passaram; ou
//   - ❌ com até três casos que falharam (entrada, esperado, obtido) e uma dica.
//
// Um exercício por fazer nunca derruba o notebook: um pânico no código do
// aluno vira uma mensagem, um laço infinito vira "demorou demais", e a
// verificação não devolve erro. Assim "Executar todas" roda a lição inteira.
//
// Para a integração contínua, cada verificação escreve uma linha
// "[exercicio ID: passou]" (ou "falhou") na saída e, se a variável
// REPRESENTACOES_RESULTADOS indicar um arquivo, acrescenta nele uma linha JSON
// com o resultado.
package exercicios

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"reflect"
	"time"
)

// Resultado é o desfecho de uma verificação.
type Resultado struct {
	ID       string `json:"id"`
	Passou   bool   `json:"passou"`
	Casos    int    `json:"casos"`
	Falhas   int    `json:"falhas"`
	Mensagem string `json:"mensagem"`
}

// Opcao ajusta uma verificação (dica, tolerância, casos aleatórios…).
type Opcao func(*config)

type config struct {
	dica       string
	tol        float64
	limite     time.Duration
	aleatorios []geradorCasos
	descreve   any // func(E) string
}

type geradorCasos struct {
	n    int
	gera any // func(*rand.Rand) E
}

// Dica define o texto mostrado quando a verificação falha.
func Dica(texto string) Opcao { return func(c *config) { c.dica = texto } }

// Tolerancia define a tolerância na comparação de números reais: a e b são
// iguais se |a−b| ≤ tol·(1+|b|). O padrão é 1e-6.
func Tolerancia(tol float64) Opcao { return func(c *config) { c.tol = tol } }

// Limite define quanto tempo cada chamada ao código do aluno pode levar
// (padrão: 10 s).
func Limite(d time.Duration) Opcao { return func(c *config) { c.limite = d } }

// Aleatorios acrescenta n casos sorteados por gera. A semente vem do ID do
// exercício: os casos são os mesmos a cada execução.
func Aleatorios[E any](n int, gera func(r *rand.Rand) E) Opcao {
	return func(c *config) { c.aleatorios = append(c.aleatorios, geradorCasos{n, gera}) }
}

// Descreve define como mostrar uma entrada na mensagem de falha.
func Descreve[E any](f func(E) string) Opcao { return func(c *config) { c.descreve = f } }

func novaConfig(opcoes []Opcao) *config {
	c := &config{tol: 1e-6, limite: 10 * time.Second}
	for _, o := range opcoes {
		o(c)
	}
	return c
}

// semente deriva uma semente fixa do ID do exercício.
func semente(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// falha descreve um caso que não passou.
type falha struct {
	entrada, esperado, obtido string
	nota                      string
}

// Verifica compara a função do aluno com a de referência em cada entrada (e
// nos casos de Aleatorios), mostra o resultado e o devolve.
func Verifica[E, S any](id string, aluno, referencia func(E) S, entradas []E, opcoes ...Opcao) Resultado {
	cfg := novaConfig(opcoes)
	casos := append([]E(nil), entradas...)
	r := rand.New(rand.NewPCG(semente(id), 0x5eed))
	for _, g := range cfg.aleatorios {
		gera, ok := g.gera.(func(*rand.Rand) E)
		if !ok {
			return publica(cfg, Resultado{ID: id, Mensagem: fmt.Sprintf(
				"erro do curso: Aleatorios gera %T, mas a função verificada recebe %s", g.gera, tipoDe[E]())})
		}
		for range g.n {
			casos = append(casos, gera(r))
		}
	}
	descreve := func(e E) string { return Formata(e) }
	if f, ok := cfg.descreve.(func(E) string); ok {
		descreve = f
	}

	res := Resultado{ID: id, Casos: len(casos)}
	if aluno == nil {
		res.Falhas = len(casos)
		res.Mensagem = "a função do exercício é nil"
		return publica(cfg, res)
	}
	var falhas []falha
	for _, caso := range casos {
		esperado, errRef := chama(referencia, Copia(caso), 0)
		if errRef != nil {
			res.Falhas++
			falhas = append(falhas, falha{entrada: descreve(caso), nota: "erro do curso (a referência falhou): " + errRef.Error()})
			continue
		}
		obtido, err := chama(aluno, Copia(caso), cfg.limite)
		switch {
		case err != nil:
			res.Falhas++
			falhas = append(falhas, falha{entrada: descreve(caso), esperado: Formata(esperado), nota: err.Error()})
		case !Iguais(obtido, esperado, cfg.tol):
			res.Falhas++
			falhas = append(falhas, falha{entrada: descreve(caso), esperado: Formata(esperado), obtido: Formata(obtido)})
		}
	}
	res.Passou = res.Falhas == 0
	if res.Passou {
		res.Mensagem = fmt.Sprintf("%d casos verificados", res.Casos)
	} else {
		res.Mensagem = fmt.Sprintf("%d de %d casos falharam", res.Falhas, res.Casos)
		if len(falhas) > 0 {
			f := falhas[0]
			res.Mensagem += fmt.Sprintf("; primeiro: entrada %s, esperado %s, obtido %s %s", f.entrada, f.esperado, f.obtido, f.nota)
		}
	}
	return publica(cfg, res, falhas...)
}

// VerificaValor confere uma resposta única (um número, uma lista…).
func VerificaValor[T any](id string, resposta, esperado T, opcoes ...Opcao) Resultado {
	cfg := novaConfig(opcoes)
	res := Resultado{ID: id, Casos: 1}
	if Iguais(resposta, esperado, cfg.tol) {
		res.Passou, res.Mensagem = true, "resposta certa"
		return publica(cfg, res)
	}
	res.Falhas = 1
	res.Mensagem = fmt.Sprintf("esperado %s, obtido %s", Formata(esperado), Formata(resposta))
	return publica(cfg, res, falha{esperado: Formata(esperado), obtido: Formata(resposta)})
}

// VerificaCondicao confere uma condição descrita em palavras (ex.: "acurácia
// de validação ≥ 90%"), para exercícios de modelagem.
func VerificaCondicao(id string, ok bool, descricao string, opcoes ...Opcao) Resultado {
	cfg := novaConfig(opcoes)
	res := Resultado{ID: id, Casos: 1, Passou: ok, Mensagem: descricao}
	if !ok {
		res.Falhas = 1
		return publica(cfg, res, falha{nota: "condição não atendida: " + descricao})
	}
	return publica(cfg, res)
}

// chama roda f(x) recuperando pânicos e com limite de tempo (0 = sem limite).
func chama[E, S any](f func(E) S, x E, limite time.Duration) (S, error) {
	type saida struct {
		v   S
		err error
	}
	canal := make(chan saida, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				var zero S
				canal <- saida{zero, fmt.Errorf("seu código entrou em pânico: %v", p)}
			}
		}()
		canal <- saida{v: f(x)}
	}()
	if limite <= 0 {
		s := <-canal
		return s.v, s.err
	}
	select {
	case s := <-canal:
		return s.v, s.err
	case <-time.After(limite):
		var zero S
		return zero, fmt.Errorf("demorou mais de %v (laço infinito?)", limite)
	}
}

func tipoDe[T any]() string { return reflect.TypeFor[T]().String() }

// publica mostra o resultado (no notebook ou no terminal) e o registra.
func publica(cfg *config, res Resultado, falhas ...falha) Resultado {
	mostra(cfg, res, falhas)
	estado := "falhou"
	if res.Passou {
		estado = "passou"
	}
	fmt.Printf("[exercicio %s: %s]\n", res.ID, estado)
	registra(res)
	return res
}

// registra acrescenta o resultado, como uma linha JSON, ao arquivo indicado
// por REPRESENTACOES_RESULTADOS (se houver).
func registra(res Resultado) {
	caminho := os.Getenv("REPRESENTACOES_RESULTADOS")
	if caminho == "" {
		return
	}
	linha, err := json.Marshal(res)
	if err != nil {
		return
	}
	f, err := os.OpenFile(caminho, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar o resultado em %s: %v\n", caminho, err)
		return
	}
	defer f.Close()
	f.Write(append(linha, '\n'))
}
