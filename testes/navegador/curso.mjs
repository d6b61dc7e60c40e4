// Testa o curso como o aluno o vê: abre o JupyterLab (iniciado por
// scripts/curso.sh, com token) num Chromium de verdade e, para cada lição no
// modo rápido:
//   1. abre o notebook pelo navegador de arquivos e confere que o kernel é o
//      GoNB e que a interface está em português (os oito menus e as colunas
//      do navegador de arquivos);
//   2. manda "Executar todas as células" pelo menu Executar (captura do menu
//      aberto), espera o fim e confere o kernel "Ocioso" na barra de status;
//   3. confere: nenhuma célula com erro, as figuras desenhadas, as barras de
//      progresso concluídas, e cada exercício por fazer mostrando ❌ com dica;
//   4. digita a solução de um exercício na célula dele, roda-a e roda a
//      verificação: tem de aparecer ✅;
//   5. salva capturas de tela em saidas/navegador/ (ou $REPRESENTACOES_CAPTURAS).
// Trabalha numa cópia dos notebooks (o JupyterLab salva sozinho) e numa pasta
// de modelos nova. As lições testadas são as de notebooks/ (ou as pedidas na
// linha de comando); cada uma precisa da sua linha em LICOES, e uma lição sem
// linha é uma falha. Termina com "navegador: N passed, M failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as celulas from '../celulas.mjs';
import { Conta } from '../conta.mjs';

const RAIZ = celulas.RAIZ;
const SAIDA = process.env.REPRESENTACOES_CAPTURAS || path.join(RAIZ, 'saidas', 'navegador');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LIMITE_LICAO_MS = 8 * 60 * 1000;
// O notebook visível (outras abas ficam escondidas no DOM).
const NB = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook';

const conta = new Conta('navegador');
const confere = (nome, ok, detalhe) => conta.confere(nome, ok, detalhe);

function portaLivre() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Inicia o JupyterLab como o aluno (scripts/curso.sh) e espera o endereço com o token.
async function iniciaJupyter(pastaNotebooks, pastaModelos, pastaConfig) {
  const porta = await portaLivre();
  const env = {
    ...process.env,
    REPRESENTACOES_RAPIDO: '1',
    REPRESENTACOES_MODELOS: pastaModelos,
    REPRESENTACOES_PASTA_NOTEBOOKS: pastaNotebooks,
    JUPYTERLAB_SETTINGS_DIR: pastaConfig,
    JUPYTER_RUNTIME_DIR: path.join(pastaConfig, 'runtime'),
    JUPYTERLAB_WORKSPACES_DIR: path.join(pastaConfig, 'workspaces'),
  };
  const proc = spawn('bash', [path.join(RAIZ, 'scripts', 'curso.sh'), '--porta', String(porta)], { env, detached: true });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('o JupyterLab não abriu em 120 s:\n' + log.slice(-3000))), 120000);
    const le = (d) => {
      log += d.toString();
      const m = log.match(/http:\/\/127\.0\.0\.1:\d+\/lab\?token=[0-9a-f]+/);
      if (m) {
        clearTimeout(t);
        resolve(m[0]);
      }
    };
    proc.stdout.on('data', le);
    proc.stderr.on('data', le);
    proc.on('exit', (c) => reject(new Error(`scripts/curso.sh saiu com código ${c}:\n${log.slice(-3000)}`)));
  });
  // O endereço aparece no log um instante antes de o servidor aceitar conexões
  // (um fetch logo depois já deu "HTTP 0"): espera a rota pública /api
  // responder 200, com prazo.
  const fim = Date.now() + 60000;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${porta}/api`).then((r) => r.status).catch(() => 0);
    if (status === 200) break;
    if (Date.now() > fim) throw new Error(`o JupyterLab escreveu o endereço mas /api não respondeu 200 em 60 s (último: HTTP ${status}):\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { proc, url, porta, token: new URL(url).searchParams.get('token') };
}

function lerNotebook(arquivo) {
  const nb = celulas.leNotebook(arquivo);
  const treinos = nb.cells.filter((c) => c.cell_type === 'code' && celulas.texto(c).includes('treino.Treina(')).length;
  return {
    exercicios: celulas.exercicios(nb),
    solucoes: celulas.solucoes(nb),
    indiceExercicio: (id) => celulas.indiceExercicio(nb, id),
    treinos,
  };
}

async function esperaOcioso(page, limiteMs) {
  const fim = Date.now() + limiteMs;
  let estavel = 0;
  while (Date.now() < fim) {
    const ocupado = await page.evaluate(() => {
      const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputArea-prompt')].map((p) => p.textContent); // todas as abas
      const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
      return prompts.some((t) => t.includes('*')) || (ind && ind.getAttribute('data-status') === 'busy');
    });
    estavel = ocupado ? 0 : estavel + 1;
    if (estavel >= 3) return true;
    await page.waitForTimeout(2000);
  }
  return false;
}

async function testaLicao(browser, base, token, arquivo, fixos) {
  const info = lerNotebook(arquivo);
  const rotulo = arquivo.replace('.ipynb', '');
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const inicio = Date.now();
  try {
    // 1. Abre pelo navegador de arquivos.
    await page.goto(`${base}/lab?token=${token}`);
    await page.waitForSelector('.jp-DirListing-item', { timeout: 120000 });
    await page.locator('.jp-DirListing-item', { hasText: arquivo }).dblclick();
    await page.waitForSelector(`${NB} .jp-Cell`, { timeout: 60000 });
    await page.waitForFunction(() => {
      const k = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-KernelName, .jp-Toolbar-kernelName');
      return k && /GoNB/.test(k.textContent);
    }, null, { timeout: 60000 }).then(() => confere(`${rotulo}: o kernel é o GoNB`, true))
      .catch(async () => confere(`${rotulo}: o kernel é o GoNB`, false, await page.locator('.jp-KernelName, .jp-Toolbar-kernelName').first().textContent().catch(() => '?')));
    // A interface em português (o pacote pt-BR + a tradução do curso, veja
    // idioma/): a barra de menus e as colunas do navegador de arquivos.
    const idioma = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      menus: [...document.querySelectorAll('#jp-menu-panel .lm-MenuBar-itemLabel')].map((e) => e.textContent),
      cabecalho: [...document.querySelectorAll('.jp-DirListing-headerItemText')].map((e) => e.textContent),
    }));
    const MENUS = ['Arquivo', 'Editar', 'Exibir', 'Executar', 'Kernel', 'Abas', 'Configurações', 'Ajuda'];
    confere(`${rotulo}: interface em português (lang=pt-BR)`, idioma.lang === 'pt-BR', `lang=${idioma.lang}`);
    confere(`${rotulo}: os oito menus em português`, JSON.stringify(idioma.menus) === JSON.stringify(MENUS), idioma.menus.join(', '));
    confere(`${rotulo}: colunas do navegador de arquivos em português`,
      idioma.cabecalho.includes('Nome') && idioma.cabecalho.includes('Modificado'), idioma.cabecalho.join(', '));
    await esperaOcioso(page, 60000);

    // 2. Executar todas as células.
    await page.locator('.lm-MenuBar-item', { hasText: /^Executar$/ }).click();
    const executarTodas = page.locator('.lm-Menu-item[data-command="runmenu:run-all"]');
    const rotuloMenu = await executarTodas.locator('.lm-Menu-itemLabel').textContent();
    confere(`${rotulo}: o menu Executar tem "Executar todas as células"`, rotuloMenu === 'Executar todas as células', rotuloMenu);
    fs.mkdirSync(SAIDA, { recursive: true });
    await page.screenshot({ path: path.join(SAIDA, `${rotulo}-menu-executar.png`) });
    await executarTodas.click();
    await page.waitForTimeout(3000);
    const terminou = await esperaOcioso(page, LIMITE_LICAO_MS);
    confere(`${rotulo}: "Executar todas" chegou ao fim`, terminou, `${Math.round((Date.now() - inicio) / 1000)} s`);
    // O estado do kernel na barra de status (o GoNB só o anuncia depois da
    // primeira execução; antes a barra mostra "Desconhecido").
    const estado = page.locator('#jp-main-statusbar .jp-StatusBar-TextItem', { hasText: /GoNB/ }).first();
    const ocioso = await estado.filter({ hasText: /\| Ocioso$/ }).waitFor({ timeout: 30000 }).then(() => true).catch(() => false);
    confere(`${rotulo}: a barra de status mostra o kernel ocioso em português`, ocioso,
      await estado.textContent({ timeout: 1000 }).catch(() => 'o kernel não aparece na barra de status'));

    // 3. O que o aluno vê.
    const v = await page.evaluate((NB) => {
      const q = (s) => [...document.querySelectorAll(s)];
      const semNumero = q(`${NB} .jp-CodeCell .jp-InputArea-prompt`).filter((p) => !/\[\d+\]/.test(p.textContent)).length;
      const erros = q(`${NB} .jp-OutputArea-output`).filter((o) =>
        o.querySelector('.gonb-err-location') || /panic:|exit status \d|failed to run/.test(o.textContent)).map((o) => o.textContent.slice(0, 300));
      return {
        semNumero,
        erros,
        imagens: q(`${NB} .jp-OutputArea-output img`).filter((i) => i.naturalWidth > 100).length,
        barras: q(`${NB} .representacoes-progresso`).map((b) => b.getAttribute('data-concluido')),
        // Um modelo já treinado (por outra lição, na mesma pasta de modelos) é carregado, sem barra.
        reaproveitados: q(`${NB} .jp-OutputArea-output`).filter((o) => /já treinado/.test(o.textContent)).length,
        exercicios: q(`${NB} .representacoes-exercicio`).map((e) => ({ id: e.getAttribute('data-exercicio'), passou: e.getAttribute('data-passou'), dica: /Dica/.test(e.textContent) })),
      };
    }, NB);
    confere(`${rotulo}: toda célula de código rodou`, v.semNumero === 0, `${v.semNumero} sem número de execução`);
    confere(`${rotulo}: nenhuma célula com erro`, v.erros.length === 0, v.erros.join(' | '));
    confere(`${rotulo}: figuras desenhadas`, v.imagens >= fixos.figuras, `${v.imagens} imagens (mínimo ${fixos.figuras})`);
    confere(`${rotulo}: barras de progresso concluídas`,
      v.barras.length + v.reaproveitados >= info.treinos && v.barras.length > 0 && v.barras.every((b) => b === 'true'),
      `${v.barras.length} barras e ${v.reaproveitados} modelos reaproveitados (${info.treinos} treinos), ` +
      `${v.barras.filter((b) => b !== 'true').length} por concluir`);
    const porFazer = v.exercicios.filter((e) => e.passou === 'false' && e.dica).map((e) => e.id);
    confere(`${rotulo}: cada exercício por fazer mostra ❌ com dica`,
      info.exercicios.every((id) => porFazer.includes(id)) && v.exercicios.every((e) => e.passou === 'false'),
      `esperados ${info.exercicios.join(', ')}; vistos ${JSON.stringify(v.exercicios)}`);

    // Capturas: o topo da lição e uma figura.
    fs.mkdirSync(SAIDA, { recursive: true });
    const figuras = page.locator(`${NB} .jp-OutputArea-output img`);
    if (await figuras.count()) {
      const fig = figuras.nth(Math.min(fixos.capturaFigura, (await figuras.count()) - 1));
      await fig.scrollIntoViewIfNeeded();
      await fig.screenshot({ path: path.join(SAIDA, `${rotulo}-figura.png`) });
    }
    await page.locator(`${NB} .jp-Cell`).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SAIDA, `${rotulo}-topo.png`) });

    // 4. O aluno resolve um exercício.
    const id = fixos.exercicio;
    const indice = info.indiceExercicio(id);
    const celula = page.locator(`${NB} .jp-Cell`).nth(indice);
    await celula.scrollIntoViewIfNeeded();
    await celula.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(info.solucoes[id].trimEnd());
    await page.keyboard.press('Shift+Enter'); // roda a célula do exercício e desce para a verificação
    await esperaOcioso(page, 120000);
    const verificacao = page.locator(`${NB} .jp-Cell`).nth(indice + 1);
    await verificacao.locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    await esperaOcioso(page, 120000);
    const caixa = verificacao.locator(`.representacoes-exercicio[data-exercicio="${id}"]`);
    const resultado = await caixa.getAttribute('data-passou', { timeout: 10000 }).catch(() => null);
    confere(`${rotulo}: com a resposta certa digitada, o exercício ${id} mostra ✅`, resultado === 'true',
      resultado === null ? 'a caixa da verificação não apareceu' : `data-passou=${resultado}: ${(await caixa.textContent()).slice(0, 200)}`);
    await verificacao.scrollIntoViewIfNeeded();
    await verificacao.screenshot({ path: path.join(SAIDA, `${rotulo}-exercicio-resolvido.png`) });
  } catch (e) {
    confere(`${rotulo}: o teste no navegador rodou até o fim`, false, String(e).slice(0, 1500));
    await page.screenshot({ path: path.join(SAIDA, `${rotulo}-falha.png`) }).catch(() => {});
  } finally {
    await page.close();
  }
}

// O que o teste espera de cada lição, que o notebook não diz: o exercício que
// ele resolve digitando (um dos IDs "exercicio" da lição), o mínimo de figuras
// desenhadas (imagens na tela depois de "Executar todas"; a conta de .Mostra()
// no código não serve: há figuras em laços e figuras de outras funções) e a
// figura capturada (índice entre elas). A lista de lições vem de notebooks/:
// cada lição precisa da sua linha aqui (uma lição nova, sem linha, é uma
// falha), e uma linha sem lição também é (veja confereLicoes).
export const LICOES = {
  '00-introducao.ipynb': { exercicio: '00-softmax', capturaFigura: 5, figuras: 10 },
  '01-cnn.ipynb': { exercicio: '01-maxpool', capturaFigura: 7, figuras: 14 },
  '02-rnn-lstm-gru.ipynb': { exercicio: '02-parametros-lstm', capturaFigura: 7, figuras: 12 },
  '03-dbn.ipynb': { exercicio: '03-modelagem', capturaFigura: 2, figuras: 15 },
  '04-gan.ipynb': { exercicio: '04-perda-g', capturaFigura: 2, figuras: 17 },
  '05-atencao-transformer.ipynb': { exercicio: '05-parametros', capturaFigura: 1, figuras: 12 },
};

// Confere LICOES contra as lições de notebooks/ e devolve as pedidas (todas,
// se pedidos está vazio) que podem ser testadas. Cada problema é uma linha
// FAIL em conta: uma lição (pedida ou não) sem linha em LICOES, uma linha sem
// lição, um exercício que a lição não tem, uma captura além do mínimo de
// figuras, um pedido que não é uma lição.
export function confereLicoes(conta, pedidos = [], licoes = celulas.licoes()) {
  const semLinha = licoes.filter((l) => !LICOES[l]);
  conta.confere(`cada lição de notebooks/ tem a sua linha em LICOES (${licoes.length} lições)`, semLinha.length === 0,
    semLinha.length ? `sem linha: ${semLinha.join(', ')} (nenhum teste no navegador cobre estas lições)` : '');
  const semLicao = Object.keys(LICOES).filter((l) => !licoes.includes(l));
  conta.confere('cada linha de LICOES é uma lição de notebooks/', semLicao.length === 0,
    semLicao.length ? `sem lição: ${semLicao.join(', ')}` : '');
  const testaveis = [];
  for (const l of pedidos.length ? pedidos : licoes) {
    if (!licoes.includes(l)) {
      conta.confere(`${l}: é uma lição de notebooks/`, false);
      continue;
    }
    const fixos = LICOES[l];
    if (!fixos) continue; // já contada acima
    const ids = celulas.exercicios(celulas.leNotebook(l));
    const okExercicio = ids.includes(fixos.exercicio);
    const okCaptura = Number.isInteger(fixos.capturaFigura) && fixos.capturaFigura >= 0 && fixos.capturaFigura < fixos.figuras;
    if (!okExercicio) conta.confere(`${l}: o exercício de LICOES (${fixos.exercicio}) é um exercício da lição`, false, `a lição tem ${ids.join(', ')}`);
    if (!okCaptura) conta.confere(`${l}: a figura capturada está entre as ${fixos.figuras} esperadas`, false, `capturaFigura=${fixos.capturaFigura}`);
    if (okExercicio && okCaptura) testaveis.push(l);
  }
  return testaveis;
}

async function main() {
  const pedidos = process.argv.slice(2).map((a) => path.basename(a));
  let arquivos;
  try {
    arquivos = confereLicoes(conta, pedidos);
  } catch (e) {
    confere('as lições de notebooks/ foram lidas', false, String(e).slice(0, 3000));
    process.exit(conta.fim());
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'representacoes-navegador-'));
  const pastaNotebooks = path.join(tmp, 'notebooks');
  fs.cpSync(path.join(RAIZ, 'notebooks'), pastaNotebooks, { recursive: true });
  // As configurações do curso (idioma), mais: todas as células no DOM (sem a
  // janela virtual do JupyterLab), para contá-las.
  const pastaConfig = path.join(tmp, 'config');
  fs.cpSync(path.join(RAIZ, '.venv', 'share', 'jupyter', 'lab', 'user-settings'), pastaConfig, { recursive: true });
  const cfg = path.join(pastaConfig, '@jupyterlab', 'notebook-extension');
  fs.mkdirSync(cfg, { recursive: true });
  fs.writeFileSync(path.join(cfg, 'tracker.jupyterlab-settings'), JSON.stringify({ windowingMode: 'none' }));
  let jupyter;
  let browser;
  try {
    jupyter = await iniciaJupyter(pastaNotebooks, path.join(tmp, 'modelos'), pastaConfig);
    const base = `http://127.0.0.1:${jupyter.porta}`;
    const semToken = await fetch(`${base}/api/contents`).then((r) => r.status).catch(() => 0);
    confere('o JupyterLab exige o token', semToken === 403, `sem token: HTTP ${semToken}`);
    // (Importado aqui: o teste da tabela LICOES importa este arquivo sem o playwright.)
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    for (const arquivo of arquivos) {
      await testaLicao(browser, base, jupyter.token, arquivo, LICOES[arquivo]);
    }
  } catch (e) {
    confere('o JupyterLab e o Chromium iniciaram', false, String(e).slice(0, 3000));
  } finally {
    if (browser) await browser.close();
    if (jupyter) {
      try { process.kill(-jupyter.proc.pid, 'SIGTERM'); } catch {}
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(conta.fim());
}

// Importado (por um teste da tabela LICOES), não roda o navegador.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
