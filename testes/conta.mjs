// O contador das suítes em JavaScript (testes/navegador, testes/hub): o mesmo
// protocolo do testes/conta.sh (bash) e do representacoes/conta.py (Python).
//   - cada verificação escreve UMA linha na saída padrão: "ok   <nome>" ou
//     "FAIL <nome>", com o detalhe, se houver, na mesma linha depois de " — "
//     (um detalhe de várias linhas, como o fim de um log, continua nas linhas
//     seguintes com cinco espaços na frente: nenhuma delas começa com "ok" ou
//     "FAIL");
//   - a suíte termina com a linha "<suíte>: N passed, M failed" (o
//     scripts/test.sh lê esta linha).
//
// Uso:
//   import { Conta } from '../conta.mjs';
//   const conta = new Conta('navegador');
//   conta.confere('o kernel é o GoNB', ok, detalhe);
//   ...
//   process.exit(conta.fim());   // escreve a linha final; 1 se algo falhou
export class Conta {
  // suite: o nome na linha final. detalheNoOk: falso para escrever o detalhe só
  // quando a verificação falha (o hub passa logs inteiros como detalhe).
  constructor(suite, { detalheNoOk = true } = {}) {
    this.suite = suite;
    this.detalheNoOk = detalheNoOk;
    this.passou = 0;
    this.falhou = 0;
  }

  // Conta uma verificação e escreve a linha dela; devolve ok (como booleano).
  confere(nome, ok, detalhe = '') {
    ok = !!ok;
    if (ok) this.passou++;
    else this.falhou++;
    console.log(linha(nome, ok, ok && !this.detalheNoOk ? '' : detalhe));
    return ok;
  }

  // Escreve a linha final da suíte e devolve o código de saída (0 se nada falhou).
  fim() {
    console.log(`\n${this.suite}: ${this.passou} passed, ${this.falhou} failed`);
    return this.falhou ? 1 : 0;
  }
}

// A linha de uma verificação, no formato do protocolo.
export function linha(nome, ok, detalhe = '') {
  const d = String(detalhe ?? '').trimEnd().replace(/\n/g, '\n     ');
  return `${ok ? 'ok  ' : 'FAIL'} ${nome}${d ? ' — ' + d : ''}`;
}
