// O curso numa turma: um JupyterHub de verdade (testes/hub/jupyterhub_config.py)
// na interface local e dois alunos, cada um no seu Chromium:
//   1. entra pelo formulário do hub (usuário e senha) e espera o servidor dele
//      subir (o mesmo comando da imagem: start-singleuser.sh → docker/inicia.sh);
//   2. confere: interface em português, o GoNB como kernel padrão, as lições
//      na pasta de trabalho dele;
//   3. abre a lição 00, (o aluno 1 digita a solução da softmax) e roda "tudo
//      acima" da verificação da softmax: as primeiras células do GoMLX (da
//      que importa github.com/gomlx/gomlx/core/graph até o exercício) e a
//      verificação; salva;
//   4. confere no disco: as células do GoMLX rodaram sem erro, a verificação
//      deu ✅ para o aluno 1 e ❌ para o aluno 2; as edições e os checkpoints
//      de um não aparecem na pasta do outro; o kernel GoNB de um não lê o
//      notebook do outro; um não abre o servidor do outro.
// O testes/hub/testa.sh prepara os usuários, as pastas e o ambiente (HUB_*).
// Termina com "hub: N passed, M failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as celulas from '../celulas.mjs';
import { Conta } from '../conta.mjs';

const RAIZ = celulas.RAIZ;
const PASTA = process.env.HUB_PASTA || '';
const PORTA = process.env.HUB_PORTA;
const SENHA = process.env.HUB_SENHA;
const ALUNOS = (process.env.HUB_ALUNOS || '').split(',');
const CASAS = Object.fromEntries(ALUNOS.map((a) => [a, path.join(PASTA, 'casa', a)]));
const BASE = `http://127.0.0.1:${PORTA}`;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SAIDA = process.env.REPRESENTACOES_CAPTURAS || path.join(RAIZ, 'saidas', 'hub');
const LICAO = '00-introducao.ipynb';
const EXERCICIO = '00-softmax';
// O pacote do grafo do GoMLX, como a lição o importa (o caminho desde o
// GoMLX v0.28; antes, github.com/gomlx/gomlx/pkg/core/graph).
const PACOTE_GOMLX = 'github.com/gomlx/gomlx/core/graph';

// (O detalhe só nas falhas: o de uma verificação que passa é um log inteiro.)
const conta = new Conta('hub', { detalheNoOk: false });
const confere = (nome, ok, detalhe) => conta.confere(nome, ok, detalhe);
const espera = (ms) => new Promise((r) => setTimeout(r, ms));

// Espera uma condição (função assíncrona que devolve verdadeiro), com prazo.
async function ate(condicao, prazoMs, intervaloMs = 500) {
  const fim = Date.now() + prazoMs;
  for (;;) {
    const v = await condicao().catch(() => false);
    if (v) return v;
    if (Date.now() > fim) return false;
    await espera(intervaloMs);
  }
}

const nbCurso = celulas.leNotebook(LICAO);
const iExercicio = celulas.indiceExercicio(nbCurso, EXERCICIO);
const iVerificacao = iExercicio + 1;
const solucao = celulas.solucoes(nbCurso)[EXERCICIO];
// As primeiras células do GoMLX: a que importa o grafo do GoMLX e as de código
// depois dela, até o exercício. Sem esse import antes do exercício, a lista é
// vazia e a verificação falha (não passa sem conferir nada).
const iGomlx = celulas.indiceImport(nbCurso, PACOTE_GOMLX);
export const celulasGomlx = celulasDoGomlx(nbCurso, iGomlx, iExercicio);

// Os índices das células de código de inicio (a do import) até antes de fim;
// [] se inicio não vem antes de fim.
export function celulasDoGomlx(nb, inicio, fim) {
  if (inicio < 0 || fim < 0 || inicio >= fim) return [];
  return nb.cells.map((c, i) => i).filter((i) => i >= inicio && i < fim && nb.cells[i].cell_type === 'code');
}

// A verificação das primeiras células do GoMLX num notebook salvo pelo aluno:
// [ok, detalhe]. Falha sem células para conferir, com uma célula sem número de
// execução ou com erro.
export function confereGomlx(salvo, indices) {
  if (indices.length === 0) {
    return [false, `nenhuma célula de código importa "${PACOTE_GOMLX}" antes do exercício ${EXERCICIO}: ` +
      'a lição mudou o import do GoMLX? (atualize PACOTE_GOMLX)'];
  }
  const ruins = indices.filter((i) => temErro(salvo.cells[i]) || !salvo.cells[i].execution_count);
  return [ruins.length === 0, ruins.map((i) => `célula ${i}: ${saidas(salvo.cells[i]).slice(0, 300) || 'não rodou'}`).join(' | ')];
}

function lerNotebookDoAluno(aluno) {
  return JSON.parse(fs.readFileSync(path.join(CASAS[aluno], 'work', 'notebooks', LICAO), 'utf8'));
}
export const saidas = (c) => (c.outputs || []).map((o) => JSON.stringify(o.data || o.text || o.evalue || '')).join('\n');
export const temErro = (c) => (c.outputs || []).some((o) => o.output_type === 'error') || /panic:|exit status \d|failed to run/.test(saidas(c));

async function esperaOcioso(page, limiteMs) {
  let estavel = 0;
  return ate(async () => {
    const ocupado = await page.evaluate(() => {
      const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputArea-prompt')].map((p) => p.textContent);
      const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
      return prompts.some((t) => t.includes('*')) || (ind && ind.getAttribute('data-status') === 'busy');
    });
    estavel = ocupado ? 0 : estavel + 1;
    return estavel >= 3;
  }, limiteMs, 2000);
}

async function aluno(browser, nome, resolve) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  const r = `${nome}:`;
  try {
    // 1. Entra pelo hub.
    await page.goto(`${BASE}/hub/login`);
    await page.fill('#username_input', nome);
    await page.fill('#password_input', SENHA);
    const t0 = Date.now();
    await page.click('#login_submit');
    await page.waitForURL(new RegExp(`/user/${nome}/lab`), { timeout: 240000 });
    await page.waitForSelector('.jp-DirListing-item', { timeout: 120000 });
    confere(`${r} entrou pelo hub e o servidor dele subiu (${Math.round((Date.now() - t0) / 1000)} s)`, true);

    // 2. Português, GoNB padrão, lições na pasta de trabalho dele.
    const idioma = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      cabecalho: [...document.querySelectorAll('.jp-DirListing-headerItemText')].map((e) => e.textContent),
    }));
    confere(`${r} interface em português`, idioma.lang === 'pt-BR' && idioma.cabecalho.includes('Nome'), JSON.stringify(idioma));
    // A API do servidor, com o cookie do hub, pede o cabeçalho XSRF (como o próprio JupyterLab faz).
    const specs = await page.evaluate(async (u) => {
      const xsrf = (document.cookie.match(/(?:^|; )_xsrf=([^;]*)/) || [])[1] || '';
      return (await fetch(`/user/${u}/api/kernelspecs`, { headers: { 'X-XSRFToken': decodeURIComponent(xsrf) } })).text();
    }, nome);
    const padrao = (() => { try { return JSON.parse(specs).default; } catch { return undefined; } })();
    confere(`${r} o GoNB é o kernel padrão`, padrao === 'gonb', specs.slice(0, 500));
    const licoes = celulas.licoes(path.join(CASAS[nome], 'work', 'notebooks'));
    confere(`${r} as lições estão na pasta de trabalho dele (~/work/notebooks)`,
      JSON.stringify(licoes) === JSON.stringify(celulas.licoes()), `${licoes.join(', ')}; no curso: ${celulas.licoes().join(', ')}`);

    // 3. Abre a lição 00 e roda até a verificação da softmax.
    await page.locator('.jp-DirListing-item', { hasText: LICAO }).dblclick();
    const nb = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook';
    await page.waitForSelector(`${nb} .jp-Cell`, { timeout: 60000 });
    await ate(() => page.evaluate(() => /GoNB/.test(document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-KernelName, .jp-Toolbar-kernelName')?.textContent || '')), 60000);
    await esperaOcioso(page, 60000);
    // Navega pelo teclado (modo de comando), o que funciona com a janela virtual do JupyterLab.
    await page.locator(`${nb} .jp-Cell`).first().locator('.jp-InputPrompt').click();
    await page.keyboard.press('Escape');
    for (let i = 0; i < iExercicio; i++) await page.keyboard.press('ArrowDown');
    if (resolve) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(`// resolvido por ${nome}\n` + solucao.trimEnd());
      await page.keyboard.press('Escape');
    }
    for (let i = iExercicio; i <= iVerificacao; i++) await page.keyboard.press('ArrowDown');
    await page.locator('.lm-MenuBar-item', { hasText: /^(Executar|Run)$/ }).click();
    await page.locator('.lm-Menu-item[data-command="notebook:run-all-above"]').click();
    await espera(2000);
    const t1 = Date.now();
    const terminou = await esperaOcioso(page, 240000);
    confere(`${r} rodou as células até a verificação (${Math.round((Date.now() - t1) / 1000)} s)`, terminou);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    // Espera o arquivo salvo no disco trazer a saída da verificação.
    const salvo = await ate(async () => {
      const c = lerNotebookDoAluno(nome).cells[iVerificacao];
      return /representacoes-exercicio/.test(saidas(c)) && lerNotebookDoAluno(nome);
    }, 30000);
    confere(`${r} o notebook salvo na pasta dele tem o resultado da verificação`, !!salvo);
    fs.mkdirSync(SAIDA, { recursive: true });
    await page.screenshot({ path: path.join(SAIDA, `${nome}.png`) });
    // As células do GoMLX são conferidas no notebook do disco mesmo sem a
    // verificação nele (uma delas com erro para o "tudo acima" antes da
    // verificação: a falha aparece aqui, com a célula e a saída dela).
    let noDisco = salvo;
    if (!noDisco) try { noDisco = lerNotebookDoAluno(nome); } catch {}
    const [ok, detalhe] = noDisco ? confereGomlx(noDisco, celulasGomlx) : [false, 'o notebook não está na pasta dele'];
    confere(`${r} as primeiras células do GoMLX rodaram sem erro (células ${celulasGomlx.join(', ')})`, ok, detalhe);
    if (salvo) {
      const ver = saidas(salvo.cells[iVerificacao]);
      const esperado = resolve ? 'data-passou=\\"true\\"' : 'data-passou=\\"false\\"';
      confere(`${r} a verificação da softmax mostra ${resolve ? '✅ (resolvida)' : '❌ com dica (por fazer)'}`,
        ver.includes(esperado) && (resolve || ver.includes('Dica')), ver.slice(0, 400));
    }
    return { ctx, page };
  } catch (e) {
    confere(`${r} o teste rodou até o fim`, false, String(e).slice(0, 2000));
    await page.screenshot({ path: path.join(SAIDA, `${nome}-falha.png`) }).catch(() => {});
    return { ctx, page };
  }
}

// Numa célula nova abaixo da selecionada, o aluno tenta ler um arquivo com
// os.ReadFile; devolve o que a célula imprimiu.
async function tentaLer(page, alvo) {
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`%%\nb, err := os.ReadFile(${JSON.stringify(alvo)})\nfmt.Printf("leitura: %d bytes, erro: %v\\n", len(b), err)\n`);
  await page.keyboard.press('Shift+Enter');
  await espera(2000);
  await esperaOcioso(page, 120000);
  const texto = await ate(() => page.evaluate(() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')]
    .map((e) => e.textContent).filter((t) => t.includes('leitura:')).join('\n')), 30000);
  return texto || '';
}

async function main() {
  fs.mkdirSync(SAIDA, { recursive: true });
  const log = fs.openSync(path.join(PASTA, 'jupyterhub.log'), 'w');
  const hub = spawn(path.join(RAIZ, '.venv', 'bin', 'jupyterhub'), ['-f', path.join(RAIZ, 'testes', 'hub', 'jupyterhub_config.py')],
    { cwd: PASTA, env: process.env, detached: true, stdio: ['ignore', log, log] });
  let saiu = null;
  hub.on('exit', (c) => { saiu = c; });
  let browser;
  try {
    const pronto = await ate(async () => saiu === null && (await fetch(`${BASE}/hub/api`)).status === 200, 90000);
    confere('o JupyterHub subiu na interface local (/hub/api responde)', !!pronto,
      fs.readFileSync(path.join(PASTA, 'jupyterhub.log'), 'utf8').slice(-3000));
    if (!pronto) return;
    // (Importado aqui: testes/modulos-js.mjs importa este arquivo sem o playwright.)
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const [a, b] = ALUNOS;
    const [sa, sb] = await Promise.all([aluno(browser, a, true), aluno(browser, b, false)]);

    // 4. Um aluno não vê o trabalho do outro.
    const uids = Object.fromEntries(ALUNOS.map((u) => [u, Number(fs.readFileSync(path.join(PASTA, `uid-${u}`), 'utf8'))]));
    const ler = (u, rel) => { try { return fs.readFileSync(path.join(CASAS[u], 'work', 'notebooks', rel), 'utf8'); } catch { return ''; } };
    const marca = `// resolvido por ${a}`;
    confere(`a edição de ${a} está no notebook dele e não no de ${b}`,
      ler(a, LICAO).includes(marca) && !ler(b, LICAO).includes(marca));
    const cp = `.ipynb_checkpoints/${LICAO.replace('.ipynb', '-checkpoint.ipynb')}`;
    confere(`o checkpoint de ${a} está na pasta dele, e não na de ${b}`,
      ler(a, cp).includes(marca) && !ler(b, cp).includes(marca));
    const casaB = fs.statSync(CASAS[b]);
    confere(`a pasta de ${b} é só dele (modo 700, dono ${b})`, (casaB.mode & 0o077) === 0 && casaB.uid === uids[b]);
    const dono = (u) => fs.statSync(path.join(CASAS[u], 'work', 'notebooks', LICAO)).uid;
    confere('os arquivos de cada aluno são do usuário do sistema dele', dono(a) === uids[a] && dono(b) === uids[b],
      `${dono(a)}/${uids[a]} ${dono(b)}/${uids[b]}`);
    // O código de um aluno, no kernel GoNB dele, não lê o trabalho do outro.
    const leitura = await tentaLer(sb.page, path.join(CASAS[a], 'work', 'notebooks', LICAO));
    confere(`o kernel GoNB de ${b} não lê o notebook de ${a} (os.ReadFile: permissão negada)`,
      /leitura: 0 bytes, erro: .*permission denied/.test(leitura) && !leitura.includes(marca), leitura.slice(0, 600));
    const cruzado = await sb.page.request.get(`${BASE}/user/${a}/api/contents`, { maxRedirects: 0 }).catch((e) => ({ status: () => 0, text: async () => String(e) }));
    const corpo = await cruzado.text();
    confere(`${b} não abre o servidor de ${a}`, cruzado.status() !== 200 && !corpo.includes(LICAO), `HTTP ${cruzado.status()}`);

    const logHub = fs.readFileSync(path.join(PASTA, 'jupyterhub.log'), 'utf8');
    confere('o coletor de ociosos (jupyterhub-idle-culler) está rodando como serviço do hub',
      /Starting managed service idle-culler/.test(logHub) && !/Service idle-culler exited/.test(logHub), logHub.slice(-2000));
    await sa.ctx.close();
    await sb.ctx.close();
  } catch (e) {
    confere('o teste do hub rodou até o fim', false, String(e).slice(0, 3000));
  } finally {
    if (browser) await browser.close();
    try { process.kill(-hub.pid, 'SIGTERM'); } catch {}
    await ate(async () => saiu !== null, 30000);
    try { process.kill(-hub.pid, 'SIGKILL'); } catch {}
  }
}

// Importado (por um teste das funções acima), não sobe o hub.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
  process.exit(conta.fim());
}
