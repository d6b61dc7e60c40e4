package dados

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// Palavras devolve a lista de palavras do português do Brasil do pacote
// Debian wbrazilian (o dicionário do ispell/aspell: ~275 mil palavras,
// inclusive flexões e nomes próprios com maiúscula), uma por item, na ordem
// do arquivo. A licença (GPL) não permite copiá-la para o repositório do
// curso: ela é lida de onde o sistema a instalou, /usr/share/dict/brazilian,
// ou de <curso.PastaDados()>/brazilian (onde o scripts/setup.sh a deixa). Se não
// estiver em nenhum dos dois, o erro explica como obtê-la.
func Palavras() ([]string, error) {
	palavrasUmaVez.Do(func() { palavrasLidas, palavrasErro = lePalavras() })
	return palavrasLidas, palavrasErro
}

var (
	palavrasUmaVez sync.Once
	palavrasLidas  []string
	palavrasErro   error
)

// LocaisDasPalavras lista onde Palavras procura o arquivo, na ordem.
func LocaisDasPalavras() []string {
	return []string{"/usr/share/dict/brazilian", filepath.Join(curso.PastaDados(), "brazilian")}
}

func lePalavras() ([]string, error) { return lePalavrasDe(LocaisDasPalavras()) }

// lePalavrasDe lê a lista do primeiro dos locais que existir.
func lePalavrasDe(locais []string) ([]string, error) {
	for _, caminho := range locais {
		f, err := os.Open(caminho)
		if err != nil {
			continue
		}
		defer f.Close()
		var palavras []string
		s := bufio.NewScanner(f)
		for n := 1; s.Scan(); n++ {
			p := strings.TrimSpace(s.Text())
			if !utf8.ValidString(p) {
				return nil, fmt.Errorf("a lista de palavras %s não está em UTF-8 (linha %d): o arquivo pode estar corrompido", caminho, n)
			}
			if p != "" {
				palavras = append(palavras, p)
			}
		}
		if err := s.Err(); err != nil {
			return nil, fmt.Errorf("erro ao ler a lista de palavras %s: %w", caminho, err)
		}
		if len(palavras) == 0 {
			return nil, fmt.Errorf("a lista de palavras %s está vazia", caminho)
		}
		return palavras, nil
	}
	return nil, fmt.Errorf("não encontrei a lista de palavras do português (pacote Debian wbrazilian) em %s. "+
		"Para obtê-la: `sudo apt install wbrazilian` (Debian/Ubuntu), ou rode de novo `scripts/setup.sh`, "+
		"que a põe na pasta de dados do curso", strings.Join(locais, " nem em "))
}

// ApenasMinusculas filtra palavras: fica só com as que têm entre minimo e maximo
// letras e cujas letras estão todas em `letras` (p.ex. LetrasDoPortugues).
// Tira assim nomes próprios (com maiúscula), siglas e palavras com hífen ou
// apóstrofo.
func ApenasMinusculas(palavras []string, letras string, minimo, maximo int) []string {
	var saida []string
	for _, p := range palavras {
		n := utf8.RuneCountInString(p)
		if n < minimo || n > maximo {
			continue
		}
		ok := true
		for _, r := range p {
			if !strings.ContainsRune(letras, r) {
				ok = false
				break
			}
		}
		if ok {
			saida = append(saida, p)
		}
	}
	return saida
}

// LetrasDoPortugues são as letras minúsculas usadas no português do Brasil:
// as 26 do alfabeto e as acentuadas (com trema, para as palavras de antes do
// Acordo Ortográfico de 1990, que a lista do wbrazilian ainda traz).
const LetrasDoPortugues = "abcdefghijklmnopqrstuvwxyzáàâãéêíóôõúüç"
