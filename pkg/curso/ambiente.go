package curso

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/janpfeifer/gonb/gonbui"
)

// Variavel descreve uma variável de ambiente do curso.
type Variavel struct {
	Nome      string // REPRESENTACOES_…, BENCH_… ou HUB_…
	Padrao    string // o valor quando não definida
	Significa string // o que ela muda
	Quem      string // quem a lê: "Go" (este pacote) ou o script
}

// Variaveis é a tabela de todas as variáveis de ambiente do curso: as
// REPRESENTACOES_* que os pacotes Go leem (todas por meio deste pacote) e as
// dos scripts; as BENCH_* do scripts/bench.sh; as HUB_* do teste no
// JupyterHub (o scripts/testa-hub.sh define quase todas para os processos
// que ele mesmo inicia; só HUB_GUARDA é de quem roda o teste). Um teste
// confere que toda variável citada no repositório está aqui, e vice-versa.
var Variaveis = []Variavel{
	{"REPRESENTACOES_RAPIDO", "(vazia: modo completo)", "1 liga o modo rápido: menos dados e passos, para testar os notebooks em minutos (Rapido, Escolhe)", "Go"},
	{"REPRESENTACOES_RAIZ", "a pasta com o go.mod do curso, subindo da pasta atual", "a raiz do curso (Raiz)", "Go"},
	{"REPRESENTACOES_DADOS", "<raiz>/dados", "a pasta dos dados (PastaDados)", "Go"},
	{"REPRESENTACOES_MODELOS", "<raiz>/modelos", "onde ficam os checkpoints; no modo rápido, a subpasta rapido (PastaModelos)", "Go"},
	{"REPRESENTACOES_RETREINAR", "(vazia)", "1 ignora os treinos já feitos e treina tudo de novo (Retreinar)", "Go"},
	{"REPRESENTACOES_RESULTADOS", "(vazia: não grava)", "arquivo em que exercícios e afirmações das lições acrescentam uma linha JSON (Registra)", "Go"},
	{"REPRESENTACOES_CORRECAO_CANAL", "(vazia: fora da correção)", "o soquete do corretor, no notebook do juiz: as procurações chamam por ele o código do aluno (correcao.Chama)", "representacoes/corrige"},
	{"REPRESENTACOES_CORRECAO_DESCRITORES", "(vazia: fora da correção)", "os descritores \"pedidos,respostas\" do programa do aluno na correção (correcao.Atende)", "representacoes/corrige"},
	{"REPRESENTACOES_GRAFICOS", "<pasta temporária>/representacoes-graficos", "onde os gráficos são gravados fora do notebook (PastaGraficos)", "Go"},
	{"REPRESENTACOES_SILENCIO", "(vazia)", "não escreve a linha que diz qual motor foi escolhido (Silencio)", "Go"},
	{"REPRESENTACOES_SEM_XLA", "(vazia)", "1: o setup não instala o plugin XLA; o curso usa o motor Go puro", "scripts/setup.sh"},
	{"REPRESENTACOES_VARIANTE", "cpu", "gpu: o setup instala também o plugin XLA para CUDA", "scripts/setup.sh, Dockerfile"},
	{"REPRESENTACOES_HUB", "(vazia)", "1: o setup instala também o jupyterhub-singleuser", "scripts/setup.sh, Dockerfile"},
	{"REPRESENTACOES_GO", "definida pelo kernel-gonb.sh", "o go de verdade, que o scripts/kernel/go chama (com GOPROXY=off)", "scripts/kernel/go"},
	{"REPRESENTACOES_PASTA_NOTEBOOKS", "notebooks/", "a pasta que o JupyterLab abre", "scripts/curso.sh, docker/inicia.sh"},
	{"REPRESENTACOES_TRABALHO", "$HOME/work", "a pasta de trabalho do aluno na imagem", "docker/inicia.sh"},
	{"REPRESENTACOES_SEM_NAVEGADOR", "(vazia)", "1: scripts/test.sh pula o teste no navegador", "scripts/test.sh"},
	{"REPRESENTACOES_IMAGEM", "representacoes", "o nome da imagem que testes/imagem/testa.sh testa", "testes/imagem"},
	{"REPRESENTACOES_ESPELHO_DEBIAN", "o espelho Debian das fontes do apt desta máquina (/etc/apt)", "o espelho Debian da imagem-base", "scripts/imagem-base.sh"},
	{"REPRESENTACOES_CAPTURAS", "saidas/navegador, saidas/hub", "onde os testes no navegador gravam as capturas de tela", "testes/navegador, testes/hub"},
	{"REPRESENTACOES_CAPTURAS_SITE", "saidas/site-capturas", "onde o teste do site grava as capturas de tela", "testes/site"},
	{"REPRESENTACOES_MEDE", "(vazia: o teste é pulado)", "qual modelo internal/medemotores mede (ou \"todos\")", "internal/medemotores/mede.sh"},
	{"REPRESENTACOES_GO_DO_PROXY", "(vazia)", "1: a imagem-base baixa o Go do proxy mesmo com o Go certo na máquina", "scripts/imagem-base.sh"},
	{"BENCH_REPETICOES", "3", "quantas execuções o bench mede por modelo (a mediana vai para o relatório)", "scripts/bench.sh"},
	{"BENCH_THREADS", "nproc", "quantas threads o GoMLX e o PyTorch usam no bench", "scripts/bench.sh"},
	{"BENCH_SEM_PYTORCH", "(vazia)", "1: o bench mede só o GoMLX (não instala o PyTorch)", "scripts/bench.sh"},
	{"BENCH_SEM_GO_PURO", "(vazia)", "1: o bench não mede o motor Go puro", "scripts/bench.sh"},
	{"BENCH_RAPIDO", "(vazia)", "1: poucos passos, só confere que o bench roda; o relatório vai para saidas/", "scripts/bench.sh"},
	{"HUB_GUARDA", "(vazia: apaga)", "1: o teste no JupyterHub guarda a pasta temporária no fim", "testes/hub/testa.sh"},
	{"HUB_RAIZ", "definida pelo testes/hub/testa.sh", "a raiz do curso, para a configuração do hub", "testes/hub/jupyterhub_config.py"},
	{"HUB_PASTA", "definida pelo testes/hub/testa.sh", "a pasta temporária do teste (banco, casas dos alunos)", "testes/hub/jupyterhub_config.py, testes/hub/hub.mjs"},
	{"HUB_SENHA", "definida pelo testes/hub/testa.sh", "a senha dos alunos de mentira", "testes/hub/jupyterhub_config.py, testes/hub/hub.mjs"},
	{"HUB_ALUNOS", "definida pelo testes/hub/testa.sh", "os alunos de mentira, separados por vírgula", "testes/hub/jupyterhub_config.py, testes/hub/hub.mjs"},
	{"HUB_GOMODCACHE", "definida pelo testes/hub/testa.sh", "o cache de módulos Go que os servidores dos alunos usam", "testes/hub/jupyterhub_config.py"},
	{"HUB_PORTA", "uma porta livre", "a porta do hub para o navegador", "testes/hub/jupyterhub_config.py, testes/hub/hub.mjs"},
	{"HUB_PORTA_HUB", "uma porta livre", "a porta interna do hub", "testes/hub/jupyterhub_config.py"},
	{"HUB_PORTA_PROXY", "uma porta livre", "a porta da API do proxy do hub", "testes/hub/jupyterhub_config.py"},
}

// ligada diz se a variável está definida com um valor que liga (não "", "0"
// nem "false").
func ligada(nome string) bool {
	v := os.Getenv(nome)
	return v != "" && v != "0" && v != "false"
}

// Rapido diz se o curso está no modo rápido (REPRESENTACOES_RAPIDO=1): menos
// dados e menos passos, para testar os notebooks em minutos. Os números
// obtidos assim não são os resultados da lição.
func Rapido() bool { return ligada("REPRESENTACOES_RAPIDO") }

// Escolhe devolve cheio no modo completo e rapido no modo rápido.
func Escolhe[T any](cheio, rapido T) T {
	if Rapido() {
		return rapido
	}
	return cheio
}

// Retreinar diz se os treinos já feitos devem ser ignorados
// (REPRESENTACOES_RETREINAR=1).
func Retreinar() bool { return ligada("REPRESENTACOES_RETREINAR") }

// NoNotebook diz se o programa roda numa célula do GoNB (e não num teste ou
// num programa). É a única pergunta ao GoNB fora do graficos.Painel: o motor
// (que anuncia o backend uma vez por kernel), os gráficos e o laço de treino
// perguntam aqui.
func NoNotebook() bool { return gonbui.IsNotebook }

// Silencio diz se o motor deve calar a linha que anuncia o backend escolhido
// (REPRESENTACOES_SILENCIO).
func Silencio() bool { return os.Getenv("REPRESENTACOES_SILENCIO") != "" }

// Modulo é o caminho do módulo Go do curso.
const Modulo = "github.com/go-estudos/representacoes"

// Raiz devolve a pasta raiz do curso (onde estão go.mod, notebooks/ e
// dados/), ou "" se não a encontrar. Usa $REPRESENTACOES_RAIZ se definida;
// senão sobe a partir da pasta atual procurando o go.mod do curso.
func Raiz() string {
	if r := os.Getenv("REPRESENTACOES_RAIZ"); r != "" {
		return r
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		conteudo, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(conteudo, []byte("module "+Modulo+"\n")) {
			return dir
		}
		pai := filepath.Dir(dir)
		if pai == dir {
			return ""
		}
		dir = pai
	}
}

// naRaiz devolve <raiz>/nome, ou nome (relativo à pasta atual) sem raiz.
func naRaiz(nome string) string {
	if raiz := Raiz(); raiz != "" {
		return filepath.Join(raiz, nome)
	}
	return nome
}

// PastaDados devolve a pasta de dados do curso: $REPRESENTACOES_DADOS, se
// definida; senão <raiz do curso>/dados; senão "dados" (relativa à pasta
// atual).
func PastaDados() string {
	if p := os.Getenv("REPRESENTACOES_DADOS"); p != "" {
		return p
	}
	return naRaiz("dados")
}

// PastaModelos devolve onde os checkpoints ficam: $REPRESENTACOES_MODELOS,
// ou <raiz do curso>/modelos; no modo rápido, a subpasta "rapido" (os treinos
// curtos nunca se confundem com os da lição).
func PastaModelos() string {
	base := os.Getenv("REPRESENTACOES_MODELOS")
	if base == "" {
		base = naRaiz("modelos")
	}
	if Rapido() {
		return filepath.Join(base, "rapido")
	}
	return base
}

// PastaGraficos devolve onde os gráficos são gravados fora de um notebook
// (num teste, num programa): $REPRESENTACOES_GRAFICOS ou, se ela não estiver
// definida, representacoes-graficos dentro da pasta temporária.
func PastaGraficos() string {
	if pasta := os.Getenv("REPRESENTACOES_GRAFICOS"); pasta != "" {
		return pasta
	}
	return filepath.Join(os.TempDir(), "representacoes-graficos")
}
