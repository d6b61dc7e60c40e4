package dados

import "testing"

func TestManchasSolares(t *testing.T) {
	anos, v := ManchasSolares()
	if len(anos) != 309 || len(v) != 309 || anos[0] != 1700 || anos[308] != 2008 {
		t.Fatalf("esperava 309 anos de 1700 a 2008, obtive %d (%d–%d)", len(anos), anos[0], anos[len(anos)-1])
	}
	for i := range anos {
		if anos[i] != 1700+i || v[i] < 0 {
			t.Fatalf("ano %d: %d, valor %v", i, anos[i], v[i])
		}
	}
	// Valores conferidos no arquivo do statsmodels: 1700 → 5; o máximo, 190,2, em 1957.
	if v[0] != 5 || v[1957-1700] != 190.2 {
		t.Fatalf("1700 → %v, 1957 → %v; esperava 5 e 190,2", v[0], v[1957-1700])
	}
}
