package curso

import (
	"encoding/json"
	"fmt"
	"os"
)

// Tipos de linha do arquivo de resultados.
const (
	TipoExercicio = "exercicio" // a verificação de um exercício (pacote exercicios)
	TipoAfirmacao = "afirmacao" // uma expectativa da lição (Confere)
)

// LinhaExercicio é a linha do arquivo de resultados que a verificação de um
// exercício escreve (pacote exercicios). É o único lugar do
// formato: o leitor em Python (representacoes/resultados.py) lê estes mesmos
// campos, e um teste deste pacote confere que as duas listas batem.
type LinhaExercicio struct {
	Tipo     string `json:"tipo"`           // sempre TipoExercicio (Registra o põe)
	ID       string `json:"id"`             // o ID do exercício (o metadado "exercicio" da célula)
	Passou   bool   `json:"passou"`         // todos os casos passaram
	Casos    int    `json:"casos"`          // casos verificados (0: a verificação nem começou)
	Falhas   int    `json:"falhas"`         // casos que falharam
	Mensagem string `json:"mensagem"`       // o resumo que a caixa mostra
	Dica     string `json:"dica,omitempty"` // a dica do exercício, para a página de correção
}

// LinhaAfirmacao é a linha que Confere escreve: uma afirmação da lição sobre o
// próprio resultado.
type LinhaAfirmacao struct {
	Tipo      string `json:"tipo"`      // sempre TipoAfirmacao
	Afirmacao string `json:"afirmacao"` // a descrição ("a CNN passa de 90% no modo rápido")
	Ok        bool   `json:"ok"`
}

// Registra acrescenta a linha de um exercício ao arquivo de resultados
// ($REPRESENTACOES_RESULTADOS), se houver um.
func Registra(l LinhaExercicio) {
	l.Tipo = TipoExercicio
	registra(TipoExercicio, l)
}

// registra acrescenta uma linha JSON ao arquivo de resultados
// ($REPRESENTACOES_RESULTADOS), se houver um. É o único formato do arquivo;
// as ferramentas em Python (representacoes/resultados.py) separam as linhas
// pelo tipo. A linha é escrita de uma vez só (O_APPEND), para que células
// seguidas não se misturem.
func registra(tipo string, linha any) {
	caminho := os.Getenv("REPRESENTACOES_RESULTADOS")
	if caminho == "" {
		return
	}
	b, err := json.Marshal(linha)
	if err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar um resultado (%s): %v\n", tipo, err)
		return
	}
	f, err := os.OpenFile(caminho, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar o resultado em %s: %v\n", caminho, err)
		return
	}
	defer f.Close()
	if _, err := f.Write(append(b, '\n')); err != nil {
		fmt.Fprintf(os.Stderr, "não consegui registrar o resultado em %s: %v\n", caminho, err)
	}
}

// Confere registra uma afirmação da lição sobre o próprio resultado (por
// exemplo, "a CNN passa de 90% no modo rápido"). Não é um exercício: é o
// curso conferindo a si mesmo. Se a afirmação falhar, avisa em português; e
// os testes do curso (que definem REPRESENTACOES_RESULTADOS) contam a falha.
func Confere(descricao string, ok bool) {
	if !ok {
		fmt.Printf("⚠️  Esperava que %s, mas não foi o caso. Se você mudou a lição, tudo bem; senão, algo está errado.\n", descricao)
	}
	registra(TipoAfirmacao, LinhaAfirmacao{Tipo: TipoAfirmacao, Afirmacao: descricao, Ok: ok})
}
