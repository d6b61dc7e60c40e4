package curso

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tagsJSON devolve os nomes das tags json de um tipo, na ordem dos campos.
func tagsJSON(t reflect.Type) []string {
	var nomes []string
	for i := range t.NumField() {
		nome, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		nomes = append(nomes, nome)
	}
	return nomes
}

// O formato do arquivo de resultados tem um dono só (os tipos deste pacote);
// o leitor em Python (representacoes/resultados.py) repete os nomes dos
// campos numa tupla, e este teste confere que as duas listas e os tipos de
// linha batem: mudar um lado sem o outro falha aqui.
func TestCamposDoLeitorPython(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "representacoes", "resultados.py"))
	if err != nil {
		t.Fatal(err)
	}
	py := string(b)
	tupla := func(nome string) []string {
		m := regexp.MustCompile(`(?m)^` + nome + ` = \(([^)]*)\)`).FindStringSubmatch(py)
		if m == nil {
			t.Fatalf("representacoes/resultados.py não tem a linha %s = (…)", nome)
		}
		var nomes []string
		for _, s := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(m[1], -1) {
			nomes = append(nomes, s[1])
		}
		return nomes
	}
	for _, c := range []struct {
		tupla string
		tipo  reflect.Type
	}{
		{"CAMPOS_EXERCICIO", reflect.TypeFor[LinhaExercicio]()},
		{"CAMPOS_AFIRMACAO", reflect.TypeFor[LinhaAfirmacao]()},
	} {
		if py, goo := tupla(c.tupla), tagsJSON(c.tipo); !slices.Equal(py, goo) {
			t.Errorf("%s em representacoes/resultados.py é %q; as tags de curso.%s são %q", c.tupla, py, c.tipo.Name(), goo)
		}
	}
	for nome, valor := range map[string]string{"TIPO_EXERCICIO": TipoExercicio, "TIPO_AFIRMACAO": TipoAfirmacao} {
		if !strings.Contains(py, nome+` = "`+valor+`"`) {
			t.Errorf("representacoes/resultados.py deveria ter %s = %q (o valor do Go)", nome, valor)
		}
	}
}
