// O que as suítes em JavaScript (testes/navegador, testes/hub) leem das
// lições: a lista de lições (notebooks/*.ipynb) e os metadados das células.
// Os mesmos metadados que a ferramenta em Python lê:
//   - uma célula de código com "exercicio": ID é o esboço que o aluno completa
//     (a célula seguinte é a verificação dele);
//   - uma célula markdown com "solucao": ID traz a solução num bloco ```go.
import fs from 'node:fs';
import path from 'node:path';

export const RAIZ = path.resolve(import.meta.dirname, '..');
export const PASTA_NOTEBOOKS = path.join(RAIZ, 'notebooks');
const BLOCO_GO = /```go\n([\s\S]*?)```/;

// As lições do curso: os arquivos .ipynb de notebooks/, em ordem.
export function licoes(pasta = PASTA_NOTEBOOKS) {
  return fs.readdirSync(pasta).filter((f) => f.endsWith('.ipynb')).sort();
}

// Lê um notebook: um nome de lição (em notebooks/) ou um caminho.
export function leNotebook(arquivo) {
  const caminho = arquivo.includes(path.sep) ? arquivo : path.join(PASTA_NOTEBOOKS, arquivo);
  return JSON.parse(fs.readFileSync(caminho, 'utf8'));
}

// O texto de uma célula (o nbformat guarda uma lista de linhas ou um texto só).
export const texto = (c) => (Array.isArray(c.source) ? c.source.join('') : c.source);

const metadado = (c, chave) => (c.metadata || {})[chave];

// Os IDs dos exercícios, na ordem das células.
export function exercicios(nb) {
  return nb.cells.filter((c) => c.cell_type === 'code' && metadado(c, 'exercicio')).map((c) => metadado(c, 'exercicio'));
}

// O índice da célula do exercício id (-1 se não há).
export function indiceExercicio(nb, id) {
  return nb.cells.findIndex((c) => c.cell_type === 'code' && metadado(c, 'exercicio') === id);
}

// {id: código} das soluções; uma solução sem bloco ```go é um erro do notebook.
export function solucoes(nb) {
  const sol = {};
  for (const c of nb.cells) {
    const id = metadado(c, 'solucao');
    if (c.cell_type !== 'markdown' || !id) continue;
    const m = texto(c).match(BLOCO_GO);
    if (!m) throw new Error(`a solução ${JSON.stringify(id)} não tem um bloco \`\`\`go`);
    sol[id] = m[1];
  }
  return sol;
}

// O índice da primeira célula de código que importa o pacote Go `pacote`
// (o caminho de importação exato, entre aspas, como no bloco import); -1 se
// nenhuma importa.
export function indiceImport(nb, pacote) {
  const aspas = JSON.stringify(pacote);
  return nb.cells.findIndex((c) => c.cell_type === 'code' && texto(c).split('\n').some((l) => {
    const t = l.trim();
    return t === `import ${aspas}` || t === aspas || t.endsWith(` ${aspas}`);
  }));
}
