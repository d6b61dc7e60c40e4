package atencao

import (
	"math"
	"testing"

	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers/attention"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/internal/difinitas"
	"github.com/go-estudos/representacoes/pkg/motor"
)

// aMao é a atenção de uma cabeça escrita em Go puro, como a lição a faz à mão.
func aMao(q, k, v [][]float64, causal bool) [][]float64 {
	saida := make([][]float64, len(q))
	for i := range q {
		escores := make([]float64, len(k))
		maior := math.Inf(-1)
		for j := range k {
			escores[j] = math.Inf(-1)
			if causal && j > i {
				continue
			}
			s := 0.0
			for c := range q[i] {
				s += q[i][c] * k[j][c]
			}
			escores[j] = s / math.Sqrt(float64(len(q[i])))
			maior = max(maior, escores[j])
		}
		soma := 0.0
		for j := range escores {
			escores[j] = math.Exp(escores[j] - maior)
			soma += escores[j]
		}
		saida[i] = make([]float64, len(v[0]))
		for j := range v {
			for c := range v[j] {
				saida[i][c] += escores[j] / soma * v[j][c]
			}
		}
	}
	return saida
}

func matriz(t *tensors.Tensor, l, c int) [][]float64 {
	flat := tensors.MustCopyFlatData[float64](t)
	m := make([][]float64, l)
	for i := range m {
		m[i] = flat[i*c : (i+1)*c]
	}
	return m
}

// ProdutoEscalar, com e sem a máscara causal, dá o mesmo que a conta à mão.
func TestProdutoEscalarIgualAoFeitoAMao(t *testing.T) {
	b := motor.Backend()
	const tq, d, dv = 4, 3, 2
	q, k, v := difinitas.Aleatorio(1, 2, 1, 1, tq, d), difinitas.Aleatorio(2, 2, 1, 1, tq, d), difinitas.Aleatorio(3, 1, 1, 1, tq, dv)
	for _, causal := range []bool{false, true} {
		saida := graph.MustExecOnce(b, func(q, k, v *graph.Node) *graph.Node {
			var m *graph.Node
			if causal {
				m = MascaraCausal(q.Graph(), tq)
			}
			o, _ := ProdutoEscalar(q, k, v, m)
			return o
		}, q, k, v)
		obtido := matriz(saida, tq, dv)
		esperado := aMao(matriz(q, tq, d), matriz(k, tq, d), matriz(v, tq, dv), causal)
		for i := range esperado {
			for c := range esperado[i] {
				if math.Abs(obtido[i][c]-esperado[i][c]) > 1e-12 {
					t.Fatalf("causal=%v: saída[%d][%d] = %g, à mão %g", causal, i, c, obtido[i][c], esperado[i][c])
				}
			}
		}
	}
}

// O gradiente de AutoAtencao e do Bloco (em relação à entrada e a cada
// peso) confere com diferenças finitas.
func TestGradientesConferemComDiferencasFinitas(t *testing.T) {
	b := motor.Backend()
	for _, causal := range []bool{false, true} {
		difinitas.Confere(t, b, "AutoAtencao", func(s *model.Scope, e []*graph.Node) *graph.Node {
			o, _ := AutoAtencao(s, e[0], 2, causal)
			return o
		}, difinitas.Opcoes{}, difinitas.Aleatorio(4, 1, 2, 3, 4))
		difinitas.Confere(t, b, "Bloco", func(s *model.Scope, e []*graph.Node) *graph.Node {
			o, _ := Bloco(s, e[0], 2, 6, causal, false)
			return o
		}, difinitas.Opcoes{}, difinitas.Aleatorio(5, 1, 2, 3, 4))
		difinitas.Confere(t, b, "Bloco só da última", func(s *model.Scope, e []*graph.Node) *graph.Node {
			o, _ := Bloco(s, e[0], 2, 6, causal, true)
			return o
		}, difinitas.Opcoes{}, difinitas.Aleatorio(5, 1, 2, 3, 4))
	}
}

// AutoAtencao, com os mesmos pesos, dá a mesma saída e os mesmos gradientes
// (em relação à entrada e a cada peso) que attention.MultiHeadAttention do
// GoMLX, com e sem a máscara causal.
func TestAutoAtencaoIgualAMultiHeadAttentionDoGoMLX(t *testing.T) {
	b := motor.Backend()
	const lote, tempo, d, cabecas = 2, 5, 8, 2
	x := difinitas.Aleatorio(6, 1, lote, tempo, d)
	nomes := map[string]string{"query": "consulta", "key": "chave", "value": "valor", "output": "saida"}
	for _, causal := range []bool{false, true} {
		store := model.NewStore()
		doGoMLX := func(s *model.Scope, x *graph.Node) *graph.Node {
			return attention.MultiHeadAttention(s.In("gomlx"), x, x, x, cabecas, d/cabecas).WithCausalMask(causal).Done()
		}
		// Cria (e sorteia) os pesos do GoMLX e copia cada um para o nosso escopo.
		model.MustNewExec(b, store, doGoMLX).MustCall(x)
		copiados := 0
		for v := range store.IterVariables() {
			for ingles, nosso := range nomes {
				for _, peso := range []string{"weights", "biases"} {
					if v.Scope() == "/gomlx/MultiHeadAttention/"+ingles+"/dense" && v.Name() == peso {
						store.RootScope().In("curso").In("%s", nosso).In("dense").VariableWithValue(peso, tensors.FromFlatDataAndDimensions(tensors.MustCopyFlatData[float64](v.MustValue()), v.Shape().Dimensions...))
						copiados++
					}
				}
			}
		}
		if copiados != 8 {
			t.Fatalf("copiei %d pesos do GoMLX, esperava 8 (consulta, chave, valor e saída; pesos e vieses)", copiados)
		}
		resultados := model.MustNewExec(b, store, func(s *model.Scope, x *graph.Node) []*graph.Node {
			g := x.Graph()
			p := graph.Sin(graph.Iota(g, x.Shape(), -1)) // pesos fixos para somar a saída num escalar
			deles := doGoMLX(s, x)
			nosso, _ := AutoAtencao(s.In("curso"), x, cabecas, causal)
			saidas := []*graph.Node{deles, nosso}
			var pesosDeles, pesosNossos []*graph.Node
			for ingles, n := range nomes {
				for _, peso := range []string{"weights", "biases"} {
					pesosDeles = append(pesosDeles, store.GetVariable("/gomlx/MultiHeadAttention/"+ingles+"/dense/"+peso).NodeValue(g))
					pesosNossos = append(pesosNossos, store.GetVariable("/curso/"+n+"/dense/"+peso).NodeValue(g))
				}
			}
			gd := graph.Gradient(graph.ReduceAllSum(graph.Mul(deles, p)), append([]*graph.Node{x}, pesosDeles...)...)
			gn := graph.Gradient(graph.ReduceAllSum(graph.Mul(nosso, p)), append([]*graph.Node{x}, pesosNossos...)...)
			for i := range gd {
				saidas = append(saidas, gd[i], gn[i])
			}
			return saidas
		}).MustCall(x)
		for i := 0; i < len(resultados); i += 2 {
			a, c := tensors.MustCopyFlatData[float64](resultados[i]), tensors.MustCopyFlatData[float64](resultados[i+1])
			for j := range a {
				if math.Abs(a[j]-c[j]) > 1e-9*(1+math.Abs(a[j])) {
					o := "a saída"
					if i > 0 {
						o = "o gradiente nº " + string(rune('0'+i/2))
					}
					t.Fatalf("causal=%v: %s difere do GoMLX no elemento %d: %g (GoMLX) × %g (curso)", causal, o, j, a[j], c[j])
				}
			}
		}
	}
}

// O Bloco com soUltima dá exatamente a última posição do Bloco inteiro (com
// os mesmos pesos), com e sem a máscara causal, e os pesos da atenção da
// última consulta são os mesmos.
func TestBlocoSoDaUltimaIgualAUltimaPosicao(t *testing.T) {
	b := motor.Backend()
	x := difinitas.Aleatorio(8, 1, 2, 5, 8)
	for _, causal := range []bool{false, true} {
		store := model.NewStore()
		r := model.MustNewExec(b, store, func(s *model.Scope, x *graph.Node) []*graph.Node {
			todo, pt := Bloco(s.In("bloco"), x, 2, 16, causal, false)
			ultima, pu := Bloco(s.Shared("bloco"), x, 2, 16, causal, true)
			return []*graph.Node{Ultima(todo), ultima, graph.Slice(pt, graph.AxisRange(), graph.AxisRange(), graph.AxisRange(4, 5), graph.AxisRange()), pu}
		}).MustCall(x)
		for i := 0; i < len(r); i += 2 {
			a, c := tensors.MustCopyFlatData[float64](r[i]), tensors.MustCopyFlatData[float64](r[i+1])
			if len(a) != len(c) {
				t.Fatalf("causal=%v: tamanhos %d e %d", causal, len(a), len(c))
			}
			for j := range a {
				if math.Abs(a[j]-c[j]) > 1e-12 {
					t.Fatalf("causal=%v, saída %d: elemento %d = %g (bloco inteiro) × %g (só a última)", causal, i/2, j, a[j], c[j])
				}
			}
		}
	}
}
