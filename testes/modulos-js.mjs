// Testa, sem navegador e em segundos, as peças das suítes em JavaScript nas
// lições de verdade: o contador (testes/conta.mjs), a leitura das células
// (testes/celulas.mjs), a tabela LICOES da suíte do navegador contra
// notebooks/ e a escolha das "primeiras células do GoMLX" da suíte do hub.
// Uso: node testes/modulos-js.mjs. Termina com "modulos-js: N passed, M failed".
import fs from 'node:fs';
import path from 'node:path';
import * as celulas from './celulas.mjs';
import { Conta, linha } from './conta.mjs';
import { LICOES, confereLicoes } from './navegador/curso.mjs';

const conta = new Conta('modulos-js');
const confere = (nome, ok, detalhe) => conta.confere(nome, ok, detalhe);

// Roda f com o console.log capturado; devolve [o que f devolveu, as linhas escritas].
function capturado(f) {
  const linhas = [];
  const log = console.log;
  console.log = (...a) => linhas.push(a.join(' '));
  try {
    return [f(), linhas.join('\n').split('\n')];
  } finally {
    console.log = log;
  }
}

// 1. O contador.
{
  const [codigo, saida] = capturado(() => {
    const c = new Conta('exemplo');
    c.confere('passa', true, '3 s');
    c.confere('falha', false, 'esperado 1\nrecebido 2');
    c.confere('passa sem detalhe', 1);
    return c.fim();
  });
  const esperado = ['ok   passa — 3 s', 'FAIL falha — esperado 1', '     recebido 2', 'ok   passa sem detalhe', '',
    'exemplo: 2 passed, 1 failed'];
  confere('conta: as linhas ok/FAIL, o detalhe depois de " — " e a linha final', JSON.stringify(saida) === JSON.stringify(esperado),
    JSON.stringify(saida));
  confere('conta: o código de saída é 1 com uma falha', codigo === 1, String(codigo));
  const [zero, soOk] = capturado(() => {
    const c = new Conta('hub', { detalheNoOk: false });
    c.confere('subiu', true, 'um log enorme');
    c.confere('caiu', false, 'o motivo');
    return new Conta('vazia').fim();
  });
  confere('conta: detalheNoOk=false esconde o detalhe só de quem passa; suíte sem falhas sai com 0',
    soOk[0] === 'ok   subiu' && soOk[1] === 'FAIL caiu — o motivo' && zero === 0 && soOk.at(-1) === 'vazia: 0 passed, 0 failed',
    JSON.stringify(soOk));
  confere('conta: toda linha de verificação casa com o formato que os leitores contam',
    [linha('a', true), linha('b', false, 'x')].every((l) => /^(ok {3}|FAIL )\S/.test(l)));
}

// 2. As células, nas lições de verdade.
const licoes = celulas.licoes();
const noDisco = fs.readdirSync(path.join(celulas.RAIZ, 'notebooks')).filter((f) => /\.ipynb$/.test(f)).sort();
confere(`celulas.licoes(): as ${noDisco.length} lições de notebooks/, em ordem`,
  licoes.length > 0 && JSON.stringify(licoes) === JSON.stringify(noDisco), licoes.join(', '));
for (const l of licoes) {
  const nb = celulas.leNotebook(l);
  const ids = celulas.exercicios(nb);
  const sol = celulas.solucoes(nb);
  const semSolucao = ids.filter((id) => !(id in sol) || !sol[id].trim());
  confere(`${l}: ${ids.length} exercícios, cada um com a sua solução em go`, ids.length > 0 && semSolucao.length === 0,
    semSolucao.length ? `sem solução: ${semSolucao.join(', ')}` : '');
  const ruins = ids.filter((id) => {
    const i = celulas.indiceExercicio(nb, id);
    return i < 0 || nb.cells[i].metadata.exercicio !== id || nb.cells[i + 1]?.cell_type !== 'code';
  });
  confere(`${l}: a célula de cada exercício é achada, e a seguinte (a verificação) é de código`, ruins.length === 0, ruins.join(', '));
}
{
  const falsa = { cells: [{ cell_type: 'markdown', metadata: { solucao: 'x' }, source: ['sem bloco'] }] };
  let erro = '';
  try { celulas.solucoes(falsa); } catch (e) { erro = String(e); }
  confere('celulas.solucoes: uma solução sem bloco ```go é um erro, não uma solução vazia', /não tem um bloco/.test(erro), erro);
  const imp = (src) => ({ cells: [{ cell_type: 'code', metadata: {}, source: src }] });
  confere('celulas.indiceImport: acha o import num bloco, sozinho e com apelido; não acha um prefixo nem um texto',
    celulas.indiceImport(imp('import (\n\t"a/b"\n)'), 'a/b') === 0 && celulas.indiceImport(imp('import "a/b"'), 'a/b') === 0 &&
    celulas.indiceImport(imp('import (\n\tg "a/b"\n)'), 'a/b') === 0 && celulas.indiceImport(imp('import (\n\t"a/b/c"\n)'), 'a/b') === -1 &&
    celulas.indiceImport(imp('fmt.Println("a/b")'), 'a/b') === -1);
}

// 3. A tabela LICOES da suíte do navegador contra notebooks/.
{
  const [testaveis, saida] = capturado(() => confereLicoes(new Conta('x')));
  confere('navegador: LICOES cobre as lições de notebooks/ e nada mais (confereLicoes sem FAIL)',
    JSON.stringify(testaveis) === JSON.stringify(licoes) && !saida.some((l) => l.startsWith('FAIL')), saida.join(' | '));
  const [t05, s05] = capturado(() => confereLicoes(new Conta('x'), [], [...licoes, '05-nova.ipynb']));
  confere('navegador: uma lição nova sem linha em LICOES é uma linha FAIL (e não é testada)',
    s05.some((l) => l.startsWith('FAIL') && l.includes('05-nova.ipynb')) && !t05.includes('05-nova.ipynb'), s05.join(' | '));
  const [tSem, sSem] = capturado(() => confereLicoes(new Conta('x'), [], licoes.slice(1)));
  confere('navegador: uma linha de LICOES sem lição é uma linha FAIL',
    sSem.some((l) => l.startsWith('FAIL') && l.includes(licoes[0])) && tSem.length === licoes.length - 1, sSem.join(' | '));
  const [tPed, sPed] = capturado(() => confereLicoes(new Conta('x'), [licoes[0], 'nao-existe.ipynb']));
  confere('navegador: com lições pedidas, testa só elas; um pedido que não é lição é uma linha FAIL',
    JSON.stringify(tPed) === JSON.stringify([licoes[0]]) && sPed.some((l) => l.startsWith('FAIL') && l.includes('nao-existe')), sPed.join(' | '));
  const guardado = LICOES[licoes[0]];
  LICOES[licoes[0]] = { ...guardado, exercicio: 'nao-e-exercicio' };
  const [tEx, sEx] = capturado(() => confereLicoes(new Conta('x'), [licoes[0]]));
  LICOES[licoes[0]] = guardado;
  confere('navegador: um exercício de LICOES que a lição não tem é uma linha FAIL', tEx.length === 0 && sEx.some((l) => l.startsWith('FAIL')),
    sEx.join(' | '));
}

// 4. As primeiras células do GoMLX (suíte do hub), sem subir o hub.
{
  const hub = await import('./hub/hub.mjs');
  const nb = celulas.leNotebook('00-introducao.ipynb');
  const iEx = celulas.indiceExercicio(nb, '00-softmax');
  const ids = hub.celulasGomlx;
  confere(`hub: as primeiras células do GoMLX começam na que importa o grafo do GoMLX (células ${ids.join(', ')})`,
    ids.length > 0 && celulas.texto(nb.cells[ids[0]]).includes('"github.com/gomlx/gomlx/core/graph"') && ids.every((i) => i < iEx));
  const antigo = celulas.indiceImport(nb, 'github.com/gomlx/gomlx/pkg/core/graph');
  const [okVazio, detVazio] = hub.confereGomlx(nb, hub.celulasDoGomlx(nb, antigo, iEx));
  confere('hub: com o import de antes do v0.28 (que a lição não tem), a verificação falha em vez de passar sem conferir',
    antigo === -1 && !okVazio && /nenhuma célula/.test(detVazio), detVazio);
  // Um notebook "salvo pelo aluno": as células do GoMLX rodadas, sem erro.
  const salvo = structuredClone(nb);
  for (const i of ids) salvo.cells[i].execution_count = i;
  const [okLimpo] = hub.confereGomlx(salvo, ids);
  confere('hub: células do GoMLX rodadas e sem erro passam', okLimpo);
  const comErro = structuredClone(salvo);
  comErro.cells[ids.at(-1)].outputs = [{ output_type: 'stream', name: 'stderr', text: ['panic: quebrada de propósito\n'] }];
  const [okErro, detErro] = hub.confereGomlx(comErro, ids);
  confere('hub: uma célula do GoMLX com panic faz a verificação falhar', !okErro && detErro.includes(`célula ${ids.at(-1)}`), detErro);
  const semRodar = structuredClone(salvo);
  semRodar.cells[ids[0]].execution_count = null;
  const [okSemRodar] = hub.confereGomlx(semRodar, ids);
  confere('hub: a célula do import sem rodar faz a verificação falhar', !okSemRodar);
}

process.exit(conta.fim());
