// Package docker confere o Dockerfile do curso sem precisar de um motor de
// contêineres: lê o arquivo com o mesmo analisador que o BuildKit usa e
// verifica as convenções que a imagem promete. Fica num módulo Go à parte
// para não pesar nas dependências do curso. O testes/imagem/testa.sh roda
// estes testes, constrói a imagem e a confere rodando (sem rede); onde não há
// motor, o testes/imagem/simulacao.sh roda, fora de um contêiner, os comandos
// que a imagem roda.
package docker

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type instrucao struct {
	cmd   string   // em minúsculas: from, run, user…
	args  []string // argumentos, já separados pelo analisador
	flags []string
	linha int
}

func leDockerfile(t *testing.T) []instrucao {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		t.Fatalf("o Dockerfile não passa no analisador do BuildKit: %v", err)
	}
	var is []instrucao
	for _, n := range res.AST.Children {
		in := instrucao{cmd: strings.ToLower(n.Value), flags: n.Flags, linha: n.StartLine}
		for a := n.Next; a != nil; a = a.Next {
			in.args = append(in.args, a.Value)
		}
		is = append(is, in)
	}
	return is
}

func todas(is []instrucao, cmd string) []instrucao {
	var r []instrucao
	for _, i := range is {
		if i.cmd == cmd {
			r = append(r, i)
		}
	}
	return r
}

func args(is []instrucao) map[string]string {
	m := map[string]string{}
	for _, i := range todas(is, "arg") {
		for _, a := range i.args {
			k, v, _ := strings.Cut(a, "=")
			m[k] = v
		}
	}
	return m
}

func TestImagemBaseFixada(t *testing.T) {
	is := leDockerfile(t)
	froms := todas(is, "from")
	if len(froms) == 0 {
		t.Fatal("sem FROM")
	}
	for _, f := range froms {
		base := f.args[0]
		if strings.HasPrefix(base, "${") {
			base = args(is)[strings.Trim(base, "${}")]
		}
		nome, tag, ok := strings.Cut(base, ":")
		if !ok || tag == "latest" || !regexp.MustCompile(`\d+\.\d+\.\d+`).MatchString(tag) {
			t.Errorf("linha %d: imagem base %q sem versão fixada (x.y.z)", f.linha, base)
		}
		if nome != "golang" {
			t.Errorf("a imagem base deveria trazer o Go (golang), é %q", nome)
		}
	}
}

func TestUsuarioFinalNaoERoot(t *testing.T) {
	is := leDockerfile(t)
	users := todas(is, "user")
	if len(users) == 0 {
		t.Fatal("sem USER: o contêiner rodaria como root")
	}
	ultimo := users[len(users)-1].args[0]
	if strings.HasPrefix(ultimo, "${") {
		partes := strings.Split(ultimo, ":")
		ultimo = args(is)[strings.Trim(partes[0], "${}")]
	}
	if ultimo == "root" || ultimo == "0" || strings.HasPrefix(ultimo, "0:") {
		t.Fatalf("o USER final é %q", ultimo)
	}
	a := args(is)
	if a["NB_USER"] != "jovyan" || a["NB_UID"] != "1000" || a["NB_GID"] != "100" {
		t.Errorf("convenção do docker-stacks: jovyan, UID 1000, GID 100; o Dockerfile tem %q %q %q", a["NB_USER"], a["NB_UID"], a["NB_GID"])
	}
}

func TestPortaSaudeEInicio(t *testing.T) {
	is := leDockerfile(t)
	if e := todas(is, "expose"); len(e) != 1 || !slices.Contains(e[0].args, "8888") {
		t.Errorf("esperava EXPOSE 8888, tenho %+v", e)
	}
	h := todas(is, "healthcheck")
	if len(h) != 1 || len(h[0].args) < 2 || h[0].args[0] != "CMD" {
		t.Fatalf("esperava um HEALTHCHECK CMD, tenho %+v", h)
	}
	if _, err := os.Stat(filepath.Join("..", "docker", "saude.py")); err != nil || !slices.Contains(h[0].args, "/opt/representacoes/docker/saude.py") {
		t.Errorf("o HEALTHCHECK deveria rodar docker/saude.py: %v %v", h[0].args, err)
	}
	ep := todas(is, "entrypoint")
	if len(ep) != 1 || ep[0].args[0] != "tini" {
		t.Errorf("esperava ENTRYPOINT com tini, tenho %+v", ep)
	}
	if v := todas(is, "volume"); len(v) != 1 || !slices.Contains(v[0].args, "/home/jovyan/work") {
		t.Errorf("esperava VOLUME /home/jovyan/work, tenho %+v", v)
	}
}

// A imagem é montada pelo mesmo scripts/setup.sh do README, com o JupyterHub e
// a variante escolhida.
func TestImagemUsaOSetupDoCurso(t *testing.T) {
	is := leDockerfile(t)
	achou := false
	for _, r := range todas(is, "run") {
		j := strings.Join(r.args, " ")
		if strings.Contains(j, "scripts/setup.sh") {
			achou = true
			if !strings.Contains(j, "REPRESENTACOES_HUB=1") || !strings.Contains(j, `REPRESENTACOES_VARIANTE="${VARIANTE}"`) {
				t.Errorf("o setup deveria receber REPRESENTACOES_HUB=1 e a VARIANTE: %s", j)
			}
		}
	}
	if !achou {
		t.Fatal("nenhum RUN chama scripts/setup.sh")
	}
	if v := args(is)["VARIANTE"]; v != "cpu" {
		t.Errorf("a variante padrão deveria ser cpu, é %q", v)
	}
}

// O token do Jupyter nunca é desligado: nem no Dockerfile nem nos scripts que
// a imagem roda.
func TestTokenNuncaDesligado(t *testing.T) {
	vazio := regexp.MustCompile(`(?i)(token|password)\s*=\s*(''|""|\s|$)|disable_check_xsrf|--no-token`)
	for _, arq := range []string{"../Dockerfile", "inicia.sh", "../scripts/curso.sh"} {
		b, err := os.ReadFile(arq)
		if err != nil {
			t.Fatal(err)
		}
		for i, linha := range strings.Split(string(b), "\n") {
			if vazio.MatchString(linha) {
				t.Errorf("%s:%d desliga o token: %s", arq, i+1, linha)
			}
		}
	}
}

func TestDockerignoreDeixaDeForaOQueOSetupRefaz(t *testing.T) {
	b, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	linhas := strings.Split(string(b), "\n")
	for _, p := range []string{".venv", ".ferramentas", "dados", "modelos", ".git"} {
		if !slices.Contains(linhas, p) {
			t.Errorf(".dockerignore deveria excluir %s (o setup refaz dentro da imagem)", p)
		}
	}
}

// DEBIAN_FRONTEND=noninteractive só vale para o apt-get do build: num ENV, ela
// ficaria no ambiente do aluno (e de todo programa que ele rodar).
func TestDebianFrontendNaoVaza(t *testing.T) {
	for _, e := range todas(leDockerfile(t), "env") {
		for _, a := range e.args {
			if strings.Contains(a, "DEBIAN_FRONTEND") {
				t.Errorf("linha %d: DEBIAN_FRONTEND num ENV vaza para o contêiner; use-a só no RUN do apt-get", e.linha)
			}
		}
	}
}

// A camada grande (o setup: ~1,8 GB) só depende do que o setup lê: editar o
// README ou uma lição não pode refazê-la. Antes do RUN do setup, só COPY dos
// arquivos que ele usa; a cópia de tudo (COPY . …) vem depois.
func TestSetupAntesDaCopiaDeTudo(t *testing.T) {
	is := leDockerfile(t)
	setup, tudo := -1, -1
	copiadoAntes := map[string]bool{}
	for i, in := range is {
		switch in.cmd {
		case "run":
			if setup < 0 && strings.Contains(strings.Join(in.args, " "), "scripts/setup.sh") {
				setup = i
			}
		case "copy", "add":
			fontes := in.args[:len(in.args)-1]
			for _, f := range fontes {
				if f == "." || f == "./" {
					if tudo < 0 {
						tudo = i
					}
				} else if setup < 0 {
					copiadoAntes[strings.TrimSuffix(f, "/")] = true
				}
			}
		}
	}
	if setup < 0 || tudo < 0 {
		t.Fatalf("esperava um RUN com scripts/setup.sh e um COPY . (setup na instrução %d, cópia de tudo na %d)", setup, tudo)
	}
	if tudo < setup {
		t.Errorf("o COPY . (linha %d) vem antes do setup (linha %d): qualquer edição refaz a camada do setup", is[tudo].linha, is[setup].linha)
	}
	// O que o scripts/setup.sh lê: o que o scripts/precisa-setup.sh confere
	// (go.mod, go.sum, as versões fixadas do Python, o próprio setup, a
	// tradução…) e o código Go que ele testa e compila.
	precisa, err := os.ReadFile("../scripts/precisa-setup.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`esperado=\$\(cat ([^|]+)\|`).FindSubmatch(precisa)
	if m == nil {
		t.Fatal("não achei a linha esperado=$(cat … | sha256sum …) no scripts/precisa-setup.sh")
	}
	lidos := append(strings.Fields(string(m[1])), "scripts/precisa-setup.sh", "pkg", "internal")
	for _, f := range lidos {
		ok := copiadoAntes[f]
		for c := range copiadoAntes { // uma pasta copiada inteira vale para o que está nela
			ok = ok || strings.HasPrefix(f, c+"/")
		}
		if !ok {
			t.Errorf("%s não é copiado antes do setup (ele precisa)", f)
		}
	}
	// Todo pacote Go do módulo do curso tem de estar lá para o go build ./...
	err = filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", p)
		if d.IsDir() {
			if rel == "docker" || strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		for f := range copiadoAntes {
			if strings.HasPrefix(rel, f+"/") {
				return nil
			}
		}
		t.Errorf("%s é do módulo do curso mas não é copiado antes do setup (go build ./... falharia)", rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// O GOEXPERIMENT do curso (scripts/ambiente-go.sh: o motor Go puro com SIMD)
// tem de ser o mesmo na imagem (ENV do Dockerfile, que vale para o setup, o
// kernel e o terminal do aluno) e em todo script que compila o Go do curso:
// o cache de compilação separa o que foi compilado com e sem o experimento, e
// um valor diferente recompilaria tudo na primeira célula.
func TestGoexperimentIgualNaImagemENosScripts(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "scripts", "ambiente-go.sh"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\*,(\w+),\*\)`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal("scripts/ambiente-go.sh não diz qual GOEXPERIMENT liga (esperava um caso *,nome,*)")
	}
	experimento := m[1]
	var naImagem []string
	for _, e := range todas(leDockerfile(t), "env") {
		for i, a := range e.args {
			if a == "GOEXPERIMENT" && i+1 < len(e.args) {
				naImagem = append(naImagem, e.args[i+1])
			}
		}
	}
	if !slices.Equal(naImagem, []string{experimento}) {
		t.Errorf("o Dockerfile deveria ter um ENV GOEXPERIMENT=%s (o de scripts/ambiente-go.sh); tem %q", experimento, naImagem)
	}
	for _, s := range []string{"scripts/setup.sh", "scripts/kernel-gonb.sh", "scripts/test.sh", "scripts/bench.sh",
		"scripts/bench-motores.sh", "internal/medemotores/mede.sh"} {
		b, err := os.ReadFile(filepath.Join("..", s))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `. "$RAIZ/scripts/ambiente-go.sh"`) {
			t.Errorf("%s compila o Go do curso mas não lê scripts/ambiente-go.sh", s)
		}
	}
}

// O plugin XLA vem de docker/requirements-xla.txt: uma roda por arquitetura
// (o pip escolhe pelo marcador platform_machine), cada uma com versão fixa e
// SHA-256, e o scripts/setup.sh sabe onde achar o .so de cada uma (pelo nome
// do módulo Python). Sem isso, numa das arquiteturas o setup instalaria nada
// ou não acharia o que instalou.
func TestPluginXLAUmaRodaPorArquitetura(t *testing.T) {
	b, err := os.ReadFile("requirements-xla.txt")
	if err != nil {
		t.Fatal(err)
	}
	setup, err := os.ReadFile(filepath.Join("..", "scripts", "setup.sh"))
	if err != nil {
		t.Fatal(err)
	}
	texto := strings.ReplaceAll(string(b), "\\\n", " ")
	porArq := map[string][]string{}
	marcador := regexp.MustCompile(`platform_machine\s*==\s*"(\w+)"`)
	for _, linha := range strings.Split(texto, "\n") {
		linha = strings.TrimSpace(linha)
		if linha == "" || strings.HasPrefix(linha, "#") {
			continue
		}
		nome, _, fixa := strings.Cut(strings.Fields(linha)[0], "==")
		if !fixa {
			t.Errorf("requirements-xla.txt: %q sem versão fixa (==)", nome)
		}
		if !regexp.MustCompile(`--hash=sha256:[0-9a-f]{64}`).MatchString(linha) {
			t.Errorf("requirements-xla.txt: %q sem --hash=sha256 (o setup usa --require-hashes)", nome)
		}
		m := marcador.FindStringSubmatch(linha)
		if m == nil {
			t.Errorf("requirements-xla.txt: %q sem marcador platform_machine (seria instalado nas duas arquiteturas)", nome)
			continue
		}
		porArq[m[1]] = append(porArq[m[1]], nome)
		if modulo := strings.ReplaceAll(nome, "-", "_"); !strings.Contains(string(setup), modulo) {
			t.Errorf("scripts/setup.sh não procura o plugin no módulo %s (da roda %s)", modulo, nome)
		}
	}
	for _, arq := range []string{"x86_64", "aarch64"} {
		if len(porArq[arq]) != 1 {
			t.Errorf("requirements-xla.txt: esperava uma roda para %s, tem %q", arq, porArq[arq])
		}
	}
}
