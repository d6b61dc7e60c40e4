// Package motor escolhe e cria o "motor" (backend) do GoMLX que executa os
// modelos do curso, e diz ao aluno, em português, qual está em uso.
//
// O GoMLX separa a descrição de um modelo (um grafo de operações) de quem o
// executa. O curso usa dois motores:
//
//   - XLA (padrão): o compilador de álgebra linear do projeto OpenXLA,
//     carregado como um plugin PJRT para CPU. Tem todas as operações e é
//     rápido. O scripts/setup.sh instala o plugin (roda offline depois disso).
//   - Go puro ("go", github.com/gomlx/compute/gobackend): escrito só em Go,
//     sem dependências. Serve de plano B quando o plugin não existe (macOS,
//     Windows, outras arquiteturas). Desde o GoMLX v0.28 + compute v0.1.3 ele
//     treina todos os modelos do curso (ganhou Reverse, Pad e
//     SelectAndScatter: o gradiente de convoluções e de pooling), mas é mais
//     lento — muito nas convoluções. Compilado com GOEXPERIMENT=simd (os
//     scripts do curso e a imagem ligam; veja [SIMD]), ele multiplica
//     matrizes com AVX2/AVX-512 e fica a 1,2–6,1× do PyTorch por passo de
//     treino (DESEMPENHO.md);
//     sem o experimento, 3–65×.
//
// A escolha segue esta ordem:
//
//  1. a variável de ambiente GOMLX_BACKEND, se definida (quem a define sabe o
//     que quer; ex.: "go", "xla:cpu");
//  2. o plugin XLA para CUDA (variante GPU do setup), se houver uma GPU NVIDIA;
//  3. o plugin XLA para CPU instalado pelo setup do curso, procurado em
//     $PJRT_PLUGIN_LIBRARY_PATH e em <raiz do curso>/.ferramentas/pjrt;
//  4. o motor Go puro, com um aviso explicando como instalar o XLA.
//
// O motor nunca tenta baixar nada da internet: o curso precisa funcionar
// offline.
//
// # O gradiente de DotGeneral (gradiente.go)
//
// O pacote registra o seu gradiente de DotGeneral (graph.Dot e toda camada
// densa viram um DotGeneral) no lugar do do GoMLX. Na v0.26 o do GoMLX
// multiplicava elemento a elemento e somava, muitas vezes mais lento. A v0.28
// trocou isso por produtos de matrizes, mas o do curso continua:
//   - tão rápido quanto (as medidas estão em DESEMPENHO.md, item 1 da seção
//     3, e na linha "gradiente-original" da tabela de antes e depois);
//   - correto onde o do GoMLX v0.28.2 entra em pânico: dois ou mais eixos
//     contraídos pareados fora de ordem (TestGradienteDotGeneralConfere).
//
// Para conferir de novo numa atualização do GoMLX: TestGradienteDotGeneralConfere
// avisa (t.Log) quando o original deixar de falhar; e
// scripts/bench.sh mede o antes e o depois ("gradiente-original", que liga
// chaves.GradientesDaBiblioteca). Se o do GoMLX for igualmente rápido e correto,
// apague gradiente.go.
//
// # Gradientes montados para o motor Go puro (gradiente.go, gradiente_max.go)
//
// O XLA funde operações e escolhe sozinho a arrumação dos dados na memória;
// o motor Go puro executa uma operação de cada vez, como está no grafo. Para
// ele, três gradientes do GoMLX saem caros, e o pacote os monta de outro
// jeito quando o grafo roda no Go puro (no XLA ficam os de sempre):
//   - o do produto de duas matrizes (vjpMatrizes): o produto do motor só
//     aceita o operando da esquerda com o eixo contraído por último, e,
//     quando recebe outra coisa, transpõe tudo elemento a elemento; o pacote
//     escolhe a ordem dos operandos que transpõe menos valores (no gradiente
//     dos filtros de uma convolução como im2col, a matriz pequena em vez da
//     grande);
//   - os de Max (a ReLU) e ReduceMax (o max-pooling): uma comparação e um
//     Where, em vez das cinco contas com Sign do GoMLX.
//
// Os valores são os mesmos (TestGradienteDotGeneralConfere,
// TestGradienteMaxConfere, também no Go puro). Na LeNet da lição 01, os
// três juntos encurtam o passo de treino no Go puro em cerca de um sexto
// (DESEMPENHO.md, item 11 e variante "gradientes-gerais-go", que os desliga
// por chaves.GradientesParaOGoPuro).
//
// # O que do GoMLX não usamos, e por quê
//
//   - A escolha automática de backend do compute (compute.New sem config) e
//     a instalação automática do plugin PJRT pelo go-xla: esta baixa o
//     plugin da internet na primeira execução, e o curso tem de rodar
//     offline; o plugin vem do setup (uma roda do PyPI com SHA-256
//     conferido, docker/requirements-xla.txt) e este pacote o acha na pasta
//     do curso.
//   - A linha em inglês que o motor Go puro escreve ao nascer com o
//     paralelismo pedido pela config: o motor nasce com a config "go" e o
//     paralelismo é ajustado depois (veja BackendOuErro).
//
// Onde o curso está (a raiz, as pastas) é do pacote curso; este pacote só
// escolhe e cria o backend.
package motor

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"github.com/gomlx/compute"
	_ "github.com/gomlx/compute/gobackend" // registra o motor "go"
	"github.com/gomlx/go-xla/compute/xla"  // registra o motor "xla"
	graph "github.com/gomlx/gomlx/core/graph"

	"github.com/go-estudos/representacoes/pkg/curso"
)

// NomePlugin é o nome de arquivo que o GoMLX procura para o plugin XLA de CPU.
const NomePlugin = "pjrt_c_api_cpu_plugin.so"

// NomePluginCUDA é o plugin XLA para GPUs NVIDIA, instalado só pela variante
// GPU do setup (REPRESENTACOES_VARIANTE=gpu).
const NomePluginCUDA = "pjrt_c_api_cuda_plugin.so"

// ConfigGoPuro é a configuração usada para o motor Go puro: sem limite de
// tarefas paralelas ("parallelism=-1"), o que não pode travar por
// construção (nenhuma tarefa espera por um trabalhador livre).
//
// Com o paralelismo padrão o motor trava (0% de CPU, para sempre) em
// máquinas de 2 núcleos: na v0.26, numa LSTM e numa GAN 2-D; no GoMLX v0.28.2
// + compute v0.1.3, na lição 02 (modo rápido, GOMLX_BACKEND=go:, a célula 34
// parada havia 10 minutos, num DotGeneral do motor), embora os testes dos
// pacotes tenham passado três vezes seguidas com ele. A velocidade é igual
// dentro do ruído (as medidas estão em DESEMPENHO.md, no fim da seção 3).
// Pedido pela configuração, o motor escreveria "Go backend: parallelism set
// to -1" (em inglês) na saída de cada programa — em cada célula, no notebook.
// Por isso Novo cria o motor como "go" e põe o limite depois
// (semLimiteDeParalelismo): o mesmo efeito, sem a linha. Se uma versão nova
// do compute mudar o que isso usa, o curso volta a pedir pela configuração
// (o efeito fica; a linha volta) e TestGoPuroSemLinhaEmIngles falha.
// Para conferir de novo numa atualização: rode a lição 02 com GOMLX_BACKEND=go:
// (o padrão) em python -m representacoes executa numa máquina de 2 núcleos; se
// nenhuma célula parar, troque por "go".
const ConfigGoPuro = "go:parallelism=-1"

var (
	once    sync.Once
	backend compute.Backend
	escolha Escolha
	errNovo error
)

// Escolha descreve o motor escolhido e por quê.
type Escolha struct {
	Config string // configuração passada ao GoMLX, ex.: "xla:cpu"
	Motivo string // por que este motor foi escolhido, em português
	Plugin string // caminho do plugin XLA, quando houver
}

// XLA diz se a escolha é o motor XLA.
func (e Escolha) XLA() bool {
	return strings.HasPrefix(e.Config, "xla") || strings.HasPrefix(e.Config, "stablehlo")
}

// EscolheBackend decide qual motor usar, sem criá-lo.
func EscolheBackend() Escolha {
	// O curso nunca baixa o plugin: offline isso só atrasaria e falharia.
	xla.EnableAutoInstall(false)

	if cfg, ok := os.LookupEnv(compute.ConfigEnvVar); ok && cfg != "" {
		if cfg == "go" {
			cfg = ConfigGoPuro
		}
		return Escolha{Config: cfg, Motivo: "definido pela variável de ambiente " + compute.ConfigEnvVar}
	}
	if cuda := procuraPluginCUDA(); cuda != "" && temGPU() {
		return Escolha{
			Config: "xla:" + cuda,
			Motivo: "GPU NVIDIA e plugin XLA para CUDA do curso",
			Plugin: cuda,
		}
	}
	if dir := ProcuraPlugin(); dir != "" {
		// O caminho absoluto funciona mesmo que PJRT_PLUGIN_LIBRARY_PATH não
		// estivesse definida quando o programa começou (o go-xla só a lê ao
		// iniciar). "shared_buffers" evita cópias entre Go e o XLA na CPU.
		plugin := filepath.Join(dir, NomePlugin)
		return Escolha{
			Config: "xla:" + plugin + ",shared_buffers",
			Motivo: "plugin XLA para CPU do curso",
			Plugin: plugin,
		}
	}
	return Escolha{
		Config: ConfigGoPuro,
		Motivo: "plugin XLA não encontrado; usando o motor Go puro (mais lento)",
	}
}

// ProcuraPlugin devolve a pasta que contém o plugin XLA de CPU, ou "" se não
// o encontrar. Procura em $PJRT_PLUGIN_LIBRARY_PATH e em
// <raiz do curso>/.ferramentas/pjrt.
func ProcuraPlugin() string {
	var pastas []string
	pastas = append(pastas, filepath.SplitList(os.Getenv("PJRT_PLUGIN_LIBRARY_PATH"))...)
	if raiz := curso.Raiz(); raiz != "" {
		pastas = append(pastas, filepath.Join(raiz, ".ferramentas", "pjrt"))
	}
	for _, p := range pastas {
		if p == "" {
			continue
		}
		if st, err := os.Stat(filepath.Join(p, NomePlugin)); err == nil && !st.IsDir() {
			abs, err := filepath.Abs(p)
			if err != nil {
				return p
			}
			return abs
		}
	}
	return ""
}

// procuraPluginCUDA devolve o caminho do plugin XLA para CUDA do curso, ou "".
func procuraPluginCUDA() string {
	raiz := curso.Raiz()
	if raiz == "" {
		return ""
	}
	p := filepath.Join(raiz, ".ferramentas", "pjrt", NomePluginCUDA)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// temGPU diz se há uma GPU NVIDIA visível (o driver cria /dev/nvidia0).
// É uma variável para os testes.
var temGPU = func() bool {
	_, err := os.Stat("/dev/nvidia0")
	return err == nil
}

// Backend devolve o motor do curso, criado uma única vez por programa.
// Na primeira chamada, escreve uma linha dizendo qual motor está em uso.
// Entra em pânico, com uma mensagem em português, se nenhum motor puder ser
// criado.
func Backend() compute.Backend {
	b, err := BackendOuErro()
	if err != nil {
		panic(err)
	}
	return b
}

// BackendOuErro é como Backend, mas devolve o erro em vez de entrar em pânico.
func BackendOuErro() (compute.Backend, error) {
	once.Do(func() {
		escolha = EscolheBackend()
		backend, errNovo = cria(escolha.Config)
		if errNovo != nil && escolha.XLA() && os.Getenv(compute.ConfigEnvVar) == "" {
			// O plugin existe mas não carregou: cai para o Go puro, explicando.
			motivo := fmt.Sprintf("o plugin XLA não carregou (%v); usando o motor Go puro", errNovo)
			escolha = Escolha{Config: ConfigGoPuro, Motivo: motivo}
			backend, errNovo = cria(escolha.Config)
		}
		if errNovo != nil {
			errNovo = fmt.Errorf("não consegui criar o motor do GoMLX %q: %w\n%s", escolha.Config, errNovo, comoResolver)
			return
		}
		if !curso.Silencio() && primeiraVezNoKernel() {
			fmt.Println(Descricao())
		}
	})
	return backend, errNovo
}

// cria cria o motor da configuração cfg. O Go puro sem limite de paralelismo
// (ConfigGoPuro) é criado como "go", com o limite posto depois
// (semLimiteDeParalelismo): pedido pela configuração, o compute escreveria
// "Go backend: parallelism set to -1" na saída (fmt.Printf, sem como
// desligar). Se não der, pede pela configuração mesmo.
func cria(cfg string) (compute.Backend, error) {
	if cfg != ConfigGoPuro {
		return compute.NewWithConfig(cfg)
	}
	b, err := compute.NewWithConfig("go")
	if err == nil && semLimiteDeParalelismo(b) {
		return b, nil
	}
	if err == nil {
		b.Finalize()
	}
	return compute.NewWithConfig(cfg)
}

// semLimiteDeParalelismo faz o que "parallelism=-1" faz na configuração do
// motor Go puro (compute v0.1.3, internal/gobackend.New:
// b.Workers.SetMaxParallelism(-1)), sem a linha em inglês: o campo exportado
// Workers do motor tem os métodos SetMaxParallelism e MaxParallelism, mas o
// tipo está num pacote internal do compute, então o alcançamos por reflect.
// Devolve false se o motor não tiver esse campo (outro motor, ou uma versão
// nova do compute), sem mudar nada.
func semLimiteDeParalelismo(b compute.Backend) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	v := reflect.ValueOf(b)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false
	}
	campo := v.Elem().FieldByName("Workers")
	if !campo.IsValid() || !campo.CanInterface() || campo.IsNil() {
		return false
	}
	pool, okPool := campo.Interface().(interface {
		SetMaxParallelism(int)
		MaxParallelism() int
	})
	if !okPool {
		return false
	}
	pool.SetMaxParallelism(-1)
	return pool.MaxParallelism() == -1
}

// Descricao diz, em uma linha, qual motor está em uso e por quê.
func Descricao() string {
	if backend == nil {
		return "motor ainda não criado"
	}
	var s string
	if escolha.XLA() {
		s = fmt.Sprintf("⚙️  Motor: XLA (%s) — %s", cmp.Or(escolha.Plugin, escolha.Config), escolha.Motivo)
	} else {
		s = fmt.Sprintf("⚙️  Motor: Go puro (%s) — %s", escolha.Config, escolha.Motivo)
	}
	if !escolha.XLA() && !SIMD && runtime.GOARCH == "amd64" {
		s += "\n   Atenção: compilado sem GOEXPERIMENT=simd, o motor Go puro multiplica matrizes sem SIMD (5 a 7× mais lento)." +
			"\n   Rode pelos scripts do curso (scripts/curso.sh, scripts/test.sh), que ligam o experimento."
	}
	if !escolha.XLA() {
		s += "\n   Dica: rode scripts/setup.sh para instalar o plugin XLA (muito mais rápido)."
	}
	return s
}

// Nome diz, em português e curto, qual motor está em uso: "XLA" ou "Go puro"
// ("" antes de o motor ser criado). É o que as barras de progresso e os
// resumos de treino mostram ao aluno (o Name() do próprio motor é em inglês:
// "Go Backend").
func Nome() string {
	switch {
	case backend == nil:
		return ""
	case escolha.XLA():
		return "XLA"
	default:
		return "Go puro"
	}
}

// GoPuro diz se o grafo g roda no motor Go puro. Alguns pacotes montam o
// mesmo cálculo de outro jeito conforme o motor: o XLA funde operações e tem
// convoluções rápidas; o Go puro executa uma operação de cada vez, e só o
// produto de matrizes dele é rápido (cnn usa im2col em todas as convoluções;
// rnn não precisa do corte de fusão).
func GoPuro(g *graph.Graph) bool {
	return g.Backend().String() == "go"
}

// EscolhaAtual devolve a escolha feita por Backend/Novo (vazia antes disso).
func EscolhaAtual() Escolha { return escolha }

// primeiraVezNoKernel diz se este é o primeiro programa desta sessão do
// kernel GoNB a criar o motor. Cada célula é um programa novo, filho do
// kernel; uma marca com o PID do kernel evita repetir a mesma linha em toda
// célula. Fora de um notebook, é sempre a "primeira vez".
func primeiraVezNoKernel() bool {
	if !curso.NoNotebook() {
		return true
	}
	marca := filepath.Join(os.TempDir(), fmt.Sprintf("representacoes-motor-%d", os.Getppid()))
	f, err := os.OpenFile(marca, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return !os.IsExist(err) // já existe: não repete; outro erro: melhor mostrar
	}
	f.Close()
	return true
}

const comoResolver = `Como resolver:
  • rode scripts/setup.sh (instala o plugin XLA para CPU, sem internet depois disso);
  • ou use o motor Go puro: GOMLX_BACKEND=go (mais lento).`
