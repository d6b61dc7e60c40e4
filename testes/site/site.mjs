// Testa o site do curso (scripts/site.sh) num Chromium de verdade, aberto de
// file:// como quem baixou a pasta, sem servidor e sem rede:
//   - toda página carrega sem erro no console, e toda imagem carrega;
//   - nenhuma requisição sai da página (cada requisição que o Chromium faz é
//     listada: só file:// e data: valem);
//   - a matemática é desenhada (MathJax local) em toda lição, sem erro;
//   - cada lição de notebooks/ tem a sua página, com o aviso do modo, os
//     exercícios como entregues (a verificação explicada, sem ❌), as
//     soluções recolhidas e as barras de progresso concluídas; a navegação vai de lição em lição, na ordem;
//   - a busca acha a lição 01 por "convolução" (e a 05 por "atenção", quando
//     ela existe); os rótulos da interface estão em português;
//   - capturas de tela (largura de computador e de celular) em saidas/site-capturas/.
// Uso: node testes/site/site.mjs [PASTA_DO_SITE]. Termina com "site: N passed, M failed".
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as celulas from '../celulas.mjs';
import { Conta } from '../conta.mjs';

const RAIZ = celulas.RAIZ;
const SITE = path.resolve(process.argv[2] || path.join(RAIZ, 'saidas', 'site'));
const CAPTURAS = process.env.REPRESENTACOES_CAPTURAS_SITE || path.join(RAIZ, 'saidas', 'site-capturas');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const conta = new Conta('site', { detalheNoOk: false });
const confere = (nome, ok, detalhe) => conta.confere(nome, ok, detalhe);

// Rótulos do tema que não podem aparecer em inglês (no texto fora do conteúdo das
// lições, ou num title/aria-label/placeholder).
const INGLES = ['Skip to main content', 'Back to top', 'Search', 'On this page', 'Toggle', 'previous', 'next',
  'Contents', 'Light', 'Dark', 'Color mode', 'System Settings', 'Site navigation', 'Version warning', 'Main',
  'Copyright', 'Last updated', 'Download', 'Fullscreen', 'Print to PDF', 'Page', 'By '];

const url = (rel) => {
  const [arquivo, busca] = rel.split('?');
  return pathToFileURL(path.join(SITE, arquivo)).href + (busca ? `?${busca}` : '');
};
const rel = (u) => path.relative(SITE, new URL(u).pathname);

function paginas() {
  const todas = [];
  const anda = (pasta) => {
    for (const e of fs.readdirSync(pasta, { withFileTypes: true })) {
      const p = path.join(pasta, e.name);
      if (e.isDirectory() && !e.name.startsWith('_')) anda(p);
      else if (e.name.endsWith('.html')) todas.push(path.relative(SITE, p));
    }
  };
  anda(SITE);
  return todas.sort();
}

async function main() {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    confere(`o site existe em ${SITE}`, false, 'rode scripts/site.sh antes');
    return conta.fim();
  }
  fs.mkdirSync(CAPTURAS, { recursive: true });
  const licoes = celulas.licoes().map((f) => path.basename(f, '.ipynb'));
  const { chromium } = createRequire(path.join(RAIZ, 'testes', 'navegador', 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--allow-file-access-from-files'] });
  const contexto = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pt-BR' });
  // Toda requisição que o Chromium faz: as de fora (http, https, ws…) são listadas e barradas.
  const deFora = [];
  await contexto.route('**/*', (r) => {
    const u = r.request().url();
    if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')) return r.continue();
    deFora.push(u);
    return r.abort();
  });
  let requisicoes = 0;
  contexto.on('request', () => requisicoes++);
  const page = await contexto.newPage();
  let erros = [];
  page.on('console', (m) => { if (m.type() === 'error') erros.push(m.text()); });
  page.on('pageerror', (e) => erros.push(String(e)));
  page.on('requestfailed', (r) => { if (!deFora.includes(r.url())) erros.push(`falhou: ${r.url()}`); });

  const abre = async (rel) => {
    erros = [];
    await page.goto(url(rel), { waitUntil: 'load' });
    // O MathJax termina de desenhar de forma assíncrona.
    await page.evaluate(() => (window.MathJax && MathJax.startup ? MathJax.startup.promise : null)).catch(() => {});
  };

  // 1. Toda página: sem erro no console, toda imagem carregada.
  const todas = paginas();
  confere(`o site tem ${todas.length} páginas, uma para cada uma das ${licoes.length} lições`,
    licoes.every((l) => todas.includes(`licoes/${l}.html`)), `faltam: ${licoes.filter((l) => !todas.includes(`licoes/${l}.html`)).join(', ')}`);
  for (const p of todas) {
    await abre(p);
    const imagens = await page.evaluate(() => Array.from(document.images).map((i) => ({ src: i.src.slice(0, 80), ok: i.complete && i.naturalWidth > 0 })));
    const ruins = imagens.filter((i) => !i.ok);
    confere(`${p}: carrega sem erro no console e com as ${imagens.length} imagens`, erros.length === 0 && ruins.length === 0,
      [...erros, ...ruins.map((i) => `imagem quebrada: ${i.src}`)].join('\n'));
  }

  // 2. As lições: matemática, aviso do modo, exercícios como entregues, soluções recolhidas.
  for (const l of licoes) {
    await abre(`licoes/${l}.html`);
    const nb = celulas.leNotebook(`${l}.ipynb`);
    const n = celulas.exercicios(nb).length;
    const v = await page.evaluate(() => ({
      formulas: document.querySelectorAll('mjx-container').length,
      erroMath: document.querySelectorAll('mjx-merror').length,
      texCru: (document.querySelector('article').innerText.match(/\\\(|\\\[/g) || []).length,
      modo: (document.querySelector('.site-modo') || {}).innerText || '',
      verificacoes: document.querySelectorAll('.site-verificacao').length,
      xis: document.querySelectorAll('.representacoes-exercicio').length,
      solucoes: Array.from(document.querySelectorAll('article details')).filter((d) => /solução/i.test(d.querySelector('summary')?.innerText || '')).length,
      abertas: Array.from(document.querySelectorAll('article details')).filter((d) => d.open).length,
      figuras: document.querySelectorAll('article img').length,
      barras: document.querySelectorAll('.representacoes-progresso').length,
      barrasPorTerminar: document.querySelectorAll('.representacoes-progresso:not([data-concluido="true"])').length,
    }));
    confere(`${l}: a matemática desenhada pelo MathJax local (${v.formulas} fórmulas, nenhuma com erro)`,
      v.formulas > 0 && v.erroMath === 0 && v.texCru === 0, JSON.stringify(v));
    confere(`${l}: diz de que modo são as saídas`, /modo (rápido|completo)/.test(v.modo), v.modo);
    confere(`${l}: ${n} exercícios como entregues, cada verificação explicada e nenhum ❌ de uma execução`,
      v.verificacoes === n && v.xis === 0, JSON.stringify(v));
    confere(`${l}: as soluções recolhidas (${v.solucoes}), como no notebook`, v.solucoes > 0 && v.abertas === 0, JSON.stringify(v));
    confere(`${l}: as figuras da execução estão na página (${v.figuras})`, v.figuras > 0);
    confere(`${l}: as barras de progresso no estado final (${v.barras})`, v.barrasPorTerminar === 0, JSON.stringify(v));
  }

  // 3. A navegação: do início, lição a lição pelo "próxima página".
  await abre('index.html');
  await page.click(`article a[href="licoes/${licoes[0]}.html"]`);
  const visitadas = [path.basename(rel(page.url()), '.html')];
  for (let i = 1; i < licoes.length; i++) {
    await page.click('a.right-next');
    await page.waitForLoadState('load');
    visitadas.push(path.basename(rel(page.url()), '.html'));
  }
  confere('a navegação vai de lição em lição, na ordem de notebooks/', visitadas.join(' ') === licoes.join(' '),
    `visitadas: ${visitadas.join(' ')}`);
  await page.click('a.left-prev');
  await page.waitForLoadState('load');
  confere('e volta uma lição ("página anterior")', rel(page.url()) === `licoes/${licoes[licoes.length - 2]}.html`, page.url());

  // 4. A busca (o índice do Sphinx, com o radical em português), de file://.
  const busca = async (termo) => {
    await abre(`search.html?q=${encodeURIComponent(termo)}`);
    await page.waitForSelector('#search-results li, #search-results p', { timeout: 20000 }).catch(() => {});
    await page.waitForFunction(() => !document.querySelector('#search-progress')?.innerText.match(/Preparando|Buscando/), null, { timeout: 20000 }).catch(() => {});
    return page.evaluate(() => Array.from(document.querySelectorAll('#search-results li a')).map((a) => a.getAttribute('href')));
  };
  const licao01 = licoes.find((l) => l.startsWith('01-'));
  let achados = await busca('convolução');
  confere(`a busca por "convolução" acha a lição 01 (${achados.length} resultados)`, achados.some((h) => h.includes(`licoes/${licao01}.html`)), achados.join(' '));
  await page.screenshot({ path: path.join(CAPTURAS, 'busca-convolucao.png') });
  const licao05 = licoes.find((l) => l.startsWith('05-'));
  if (licao05) {
    achados = await busca('atenção');
    confere('a busca por "atenção" acha a lição 05', achados.some((h) => h.includes(`licoes/${licao05}.html`)), achados.join(' '));
  }

  // 5. Os rótulos da interface em português.
  for (const p of ['index.html', `licoes/${licao01}.html`, 'search.html']) {
    await abre(p);
    const { texto, atributos } = await page.evaluate(() => {
      const fora = document.body.cloneNode(true);
      fora.querySelectorAll('article, script, style').forEach((e) => e.remove());
      const atributos = Array.from(document.querySelectorAll('[title], [aria-label], [placeholder], [data-tooltip]'))
        .filter((e) => !e.closest('article'))
        .flatMap((e) => ['title', 'aria-label', 'placeholder', 'data-tooltip'].map((a) => e.getAttribute(a)).filter(Boolean));
      return { texto: fora.textContent, atributos };
    });
    const ingles = INGLES.filter((r) => new RegExp(`\\b${r}\\b`).test(texto) || atributos.some((a) => new RegExp(`\\b${r}\\b`).test(a)));
    confere(`${p}: os rótulos da interface em português (nenhum de ${INGLES.length} em inglês)`, ingles.length === 0, ingles.join(', '));
    if (p !== 'search.html') {
      confere(`${p}: "Buscar", "Nesta página"/"Lições" e a navegação em português`,
        /Buscar/.test(atributos.join(' ') + texto) && /(Nesta página|Lições)/.test(texto), texto.slice(0, 300));
    }
  }

  // 6. Capturas: computador e celular.
  const capturas = [];
  const captura = async (nome, rel, { largura = 1280, altura = 900, rolar = null, inteira = false } = {}) => {
    await page.setViewportSize({ width: largura, height: altura });
    await abre(rel);
    if (rolar) await page.locator(rolar).first().scrollIntoViewIfNeeded();
    const arquivo = path.join(CAPTURAS, `${nome}.png`);
    await page.screenshot({ path: arquivo, fullPage: inteira });
    capturas.push(arquivo);
  };
  await captura('inicio', 'index.html');
  await captura('licao01-topo', `licoes/${licao01}.html`);
  await captura('licao01-figura', `licoes/${licao01}.html`, { rolar: 'article .cell_output img' });
  await captura('licao01-exercicio', `licoes/${licao01}.html`, { rolar: '.site-verificacao' });
  await page.locator('article details summary').first().click();
  await page.locator('article details').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(CAPTURAS, 'licao01-solucao-aberta.png') });
  await captura('celular-inicio', 'index.html', { largura: 390, altura: 844 });
  await captura('celular-licao01', `licoes/${licao01}.html`, { largura: 390, altura: 844, rolar: 'article .cell_output img' });
  await captura('referencias', 'referencias.html');
  await captura('glossario', 'glossario.html');
  confere(`capturas de tela em ${path.relative(RAIZ, CAPTURAS)}/ (${capturas.length + 2})`, capturas.every((c) => fs.statSync(c).size > 5000));

  // 7. Nenhuma requisição saiu da página.
  confere(`nenhuma requisição sai da página (${requisicoes} requisições, todas de file:// ou data:)`, deFora.length === 0,
    [...new Set(deFora)].slice(0, 20).join('\n'));
  await browser.close();
  return conta.fim();
}

main().then((c) => process.exit(c), (e) => {
  confere('o teste do site rodou até o fim', false, e.stack);
  process.exit(conta.fim() || 1);
});
