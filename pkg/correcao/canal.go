package correcao

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
)

// VariavelCanal é a variável de ambiente com o caminho do soquete do
// corretor, no processo do juiz.
const VariavelCanal = "REPRESENTACOES_CORRECAO_CANAL"

// VariavelDescritores é a variável de ambiente com os dois descritores
// ("entrada,saída") por onde o programa do aluno recebe os pedidos e manda as
// respostas.
const VariavelDescritores = "REPRESENTACOES_CORRECAO_DESCRITORES"

// maxQuadro limita um quadro (64 MiB): nenhuma chamada do curso chega perto,
// e um tamanho absurdo vindo do outro lado não vira uma alocação absurda.
const maxQuadro = 64 << 20

// Cabecalho é o primeiro quadro de cada mensagem.
type Cabecalho struct {
	Exercicio string `json:"exercicio,omitempty"` // pedido: o ID do exercício
	Funcao    string `json:"funcao,omitempty"`    // pedido: a função do aluno
	Panico    string `json:"panico,omitempty"`    // resposta: a função entrou em pânico
	Parada    string `json:"parada,omitempty"`    // resposta do corretor: o programa do aluno parou
	Pronto    bool   `json:"pronto,omitempty"`    // o programa do aluno começou a atender
}

// Parada é o pânico de Chama quando o corretor diz que o programa do aluno
// parou (limite de tempo, memória, processos, disco; os.Exit; código que não
// compila). O pacote exercicios a reconhece pelo método MotivoDaParada e a
// mostra como motivo, não como um pânico do aluno.
type Parada struct{ Motivo string }

func (p Parada) Error() string          { return p.Motivo }
func (p Parada) MotivoDaParada() string { return p.Motivo }

// EscreveQuadro escreve um quadro: o tamanho e o conteúdo.
func EscreveQuadro(w io.Writer, b []byte) error {
	var t [4]byte
	binary.BigEndian.PutUint32(t[:], uint32(len(b)))
	if _, err := w.Write(t[:]); err != nil {
		return err
	}
	if len(b) == 0 {
		// Sem a escrita vazia: num soquete cujo outro lado já respondeu e
		// fechou (o corretor é rápido com uma função sem argumentos), um
		// write de 0 bytes dá EPIPE.
		return nil
	}
	_, err := w.Write(b)
	return err
}

// LeQuadro lê um quadro escrito por EscreveQuadro.
func LeQuadro(r io.Reader) ([]byte, error) {
	var t [4]byte
	if _, err := io.ReadFull(r, t[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(t[:])
	if n > maxQuadro {
		return nil, fmt.Errorf("quadro de %d bytes, maior que o limite", n)
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return b, err
}

func escreveMensagem(w io.Writer, c Cabecalho, dados []byte) error {
	j, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if err := EscreveQuadro(w, j); err != nil {
		return err
	}
	return EscreveQuadro(w, dados)
}

func leMensagem(r io.Reader) (Cabecalho, []byte, error) {
	var c Cabecalho
	j, err := LeQuadro(r)
	if err != nil {
		return c, nil, err
	}
	if err := json.Unmarshal(j, &c); err != nil {
		return c, nil, err
	}
	dados, err := LeQuadro(r)
	return c, dados, err
}

// Chama pede ao corretor que rode a função do aluno com os argumentos dados e
// põe os valores devolvidos nos ponteiros de resultados. É o corpo das
// procurações que o corretor põe no lugar das células de exercício, no
// notebook do juiz. Um pânico do aluno volta como pânico (com o mesmo
// texto); uma parada do programa dele, como Parada.
func Chama(exercicio, funcao string, argumentos []any, resultados ...any) {
	caminho := os.Getenv(VariavelCanal)
	if caminho == "" {
		panic(Parada{"erro do curso: esta célula só roda na correção da turma (" + VariavelCanal + " vazia)"})
	}
	dados, err := Codifica(argumentos...)
	if err != nil {
		panic(Parada{"erro do curso: os argumentos não puderam ser codificados: " + err.Error()})
	}
	conexao, err := net.Dial("unix", caminho)
	if err != nil {
		panic(Parada{"o corretor não respondeu: " + err.Error()})
	}
	defer conexao.Close()
	if err := escreveMensagem(conexao, Cabecalho{Exercicio: exercicio, Funcao: funcao}, dados); err != nil {
		panic(Parada{"o corretor não respondeu: " + err.Error()})
	}
	c, resposta, err := leMensagem(conexao)
	switch {
	case err != nil:
		panic(Parada{"o corretor não respondeu: " + err.Error()})
	case c.Parada != "":
		panic(Parada{c.Parada})
	case c.Panico != "":
		panic(c.Panico)
	}
	if err := Decodifica(resposta, resultados...); err != nil {
		panic(Parada{"a resposta do seu código não pôde ser lida: " + err.Error()})
	}
}

// Funcao é uma função do aluno vista pelo programa dele: recebe os
// argumentos codificados e devolve os resultados codificados.
type Funcao func(argumentos []byte) ([]byte, error)

// Atende é o main do programa do aluno: avisa que está pronto e responde aos
// pedidos do corretor, um por vez, até a entrada acabar. Um pânico na função
// do aluno vira a resposta {"panico": texto}.
func Atende(funcoes map[string]Funcao) {
	entrada, saida, err := descritores()
	if err != nil {
		fmt.Fprintln(os.Stderr, "correcao:", err)
		os.Exit(2)
	}
	if err := escreveMensagem(saida, Cabecalho{Pronto: true}, nil); err != nil {
		os.Exit(2)
	}
	for {
		c, dados, err := leMensagem(entrada)
		if err != nil {
			return
		}
		var resposta Cabecalho
		var resultado []byte
		if f, ok := funcoes[c.Funcao]; !ok {
			resposta.Panico = "erro do curso: a função " + c.Funcao + " não está no programa"
		} else {
			resultado, resposta.Panico = roda(f, dados)
		}
		if err := escreveMensagem(saida, resposta, resultado); err != nil {
			return
		}
	}
}

// roda chama f e transforma um pânico no texto dele.
func roda(f Funcao, dados []byte) (resultado []byte, panico string) {
	terminou := false
	defer func() {
		if p := recover(); p != nil {
			resultado, panico = nil, fmt.Sprint(p)
		} else if !terminou {
			resultado, panico = nil, "a função terminou sem devolver um valor (runtime.Goexit)"
		}
	}()
	resultado, err := f(dados)
	terminou = true
	if err != nil {
		return nil, "erro do curso: " + err.Error()
	}
	return resultado, ""
}

func descritores() (*os.File, *os.File, error) {
	partes := strings.Split(os.Getenv(VariavelDescritores), ",")
	if len(partes) != 2 {
		return nil, nil, fmt.Errorf("%s deve ter dois descritores", VariavelDescritores)
	}
	var fd [2]uintptr
	for i, p := range partes {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, nil, fmt.Errorf("%s: descritor inválido %q", VariavelDescritores, p)
		}
		fd[i] = uintptr(n)
	}
	return os.NewFile(fd[0], "pedidos"), os.NewFile(fd[1], "respostas"), nil
}
