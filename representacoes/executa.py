"""Executa os notebooks do curso sem navegador (nbclient + kernel GoNB) e
confere os exercícios.

Cada notebook roda duas vezes, no modo rápido (REPRESENTACOES_RAPIDO=1):

  * "soluções": cada célula de exercício (metadado "exercicio": ID) recebe o
    código da solução de referência, que fica no próprio notebook, numa célula
    markdown com metadado "solucao": ID (um bloco ```go dentro de <details>).
    Nenhuma célula pode dar erro e toda verificação tem de passar.
  * "como entregue": as células de exercício ficam como o aluno as recebe.
    Nenhuma célula pode dar erro e toda verificação tem de falhar (um
    exercício por fazer não pode passar, nem parar o resto da lição).

As duas execuções compartilham a pasta de modelos: a segunda reaproveita os
checkpoints da primeira, o que também testa "rodar o notebook de novo".

Os resultados das verificações chegam por REPRESENTACOES_RESULTADOS (um JSON
por linha, escrito pelo pacote exercicios). Os notebooks executados e as
figuras que eles mostraram ficam em saidas/notebooks/ para quem quiser ver.

Uso: python -m representacoes executa [notebooks/00-introducao.ipynb ...]
     [--modos solucoes,entregue] [--saida saidas/notebooks]
Termina com a linha "notebooks: N passed, M failed" e código de saída 1 se algo falhou.
"""

import argparse
import base64
import copy
import os
import re
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from . import RAIZ, celulas, resultados
from .conta import Conta


def prepara(nb, modo):
    """O notebook como roda no modo: "solucoes" (cada exercício com a solução
    de referência) ou "entregue" (como o aluno o recebe)."""
    return celulas.com_solucoes(nb) if modo == "solucoes" else copy.deepcopy(nb)


def salva_figuras(nb, pasta, prefixo):
    """Extrai as imagens PNG das saídas (para olhar e para artefatos de CI).
    Apaga antes as de uma execução anterior do mesmo notebook e modo."""
    for velha in pasta.glob(f"{prefixo}-celula*.png"):
        velha.unlink()
    n = 0
    for i, c in enumerate(nb.cells):
        for o in c.get("outputs", []):
            dados = o.get("data", {})
            png = dados.get("image/png")
            html = dados.get("text/html", "")
            blobs = []
            if png:
                blobs.append(png)
            blobs += re.findall(r'src="data:image/png;base64,([^"]+)"', html if isinstance(html, str) else "".join(html))
            for b in blobs:
                n += 1
                (pasta / f"{prefixo}-celula{i:03d}-{n:02d}.png").write_bytes(base64.b64decode(b))
    return n


def executa(caminho, modo, pasta_modelos, saida, timeout_celula, completo=False):
    nb = nbformat.read(caminho, as_version=4)
    ids = celulas.exercicios(nb)
    nb = prepara(nb, modo)
    arquivo = Path(tempfile.mkstemp(prefix="resultados-", suffix=".jsonl")[1])
    arquivo.write_text("")
    env = dict(os.environ)
    env.update(
        REPRESENTACOES_RAPIDO="0" if completo else "1",
        REPRESENTACOES_RESULTADOS=str(arquivo),
        REPRESENTACOES_MODELOS=str(pasta_modelos),
        REPRESENTACOES_RAIZ=str(RAIZ),
    )
    falhas = []
    inicio = time.time()
    cliente = NotebookClient(
        nb,
        timeout=timeout_celula,
        kernel_name="gonb",
        resources={"metadata": {"path": str(caminho.parent)}},
        allow_errors=False,
        record_timing=True,
    )
    try:
        cliente.execute(env=env)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        texto = str(e)
        falhas.append("célula com erro: " + texto[-3000:])
    duracao = time.time() - inicio

    # Saídas de erro que o kernel não marcou como erro (não deveriam existir).
    for i, c in enumerate(nb.cells):
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                falhas.append(f"célula {i} terminou com erro: {o.get('ename')}: {o.get('evalue')}"[:2000])
    lidos = resultados.le(arquivo)
    arquivo.unlink(missing_ok=True)
    res, afirmacoes = lidos.exercicios, lidos.afirmacoes
    verificacoes = []
    for ident in ids:
        rs = res.get(ident)
        if not rs:
            verificacoes.append((ident, False, "a verificação não rodou"))
            continue
        passou = all(r["passou"] for r in rs)
        if modo == "solucoes":
            verificacoes.append((ident, passou, "passou com a solução" if passou else "FALHOU com a solução: " + rs[-1].get("mensagem", "")[:500]))
        else:
            # Um erro do curso (opção de tipo errado, referência que falha) também
            # "falha", mas sem nenhum caso verificado: isso não é o esperado.
            sem_casos = any(r.get("casos", 0) == 0 for r in rs)
            if passou:
                verificacoes.append((ident, False, "PASSOU sem o aluno resolver"))
            elif sem_casos:
                verificacoes.append((ident, False, "falhou sem verificar nenhum caso (erro do curso?): " + rs[-1].get("mensagem", "")[:500]))
            else:
                verificacoes.append((ident, True, "falhou como devia (exercício por fazer)"))
    for descricao, ok in afirmacoes:
        verificacoes.append(("(a lição confere)", ok, descricao))
    extras = sorted(set(res) - set(ids))
    for ident in extras:
        falhas.append(f"verificação {ident!r} não corresponde a nenhuma célula de exercício")

    saida.mkdir(parents=True, exist_ok=True)
    nome = f"{caminho.stem}-{modo}" + ("-completo" if completo else "")
    nbformat.write(nb, saida / f"{nome}.ipynb")
    figuras = salva_figuras(nb, saida, nome)
    return falhas, verificacoes, duracao, figuras


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m representacoes executa", description=__doc__.split("\n")[0])
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--modos", default="solucoes,entregue")
    ap.add_argument("--saida", type=Path, default=RAIZ / "saidas" / "notebooks")
    ap.add_argument("--timeout-celula", type=int, default=900)
    ap.add_argument("--completo", action="store_true",
                    help="modo completo (todos os dados e passos): mede os resultados da lição")
    ap.add_argument("--modelos", type=Path, help="pasta de modelos (padrão: uma temporária)")
    args = ap.parse_args(argv)
    notebooks = args.notebooks or sorted((RAIZ / "notebooks").glob("[0-9]*.ipynb"))
    conta = Conta("notebooks")
    with tempfile.TemporaryDirectory(prefix="representacoes-modelos-") as temporaria:
        modelos = args.modelos or temporaria
        for nbpath in notebooks:
            for modo in args.modos.split(","):
                falhas, verifs, dur, figs = executa(nbpath.resolve(), modo, Path(modelos), args.saida,
                                                    args.timeout_celula, args.completo)
                rotulo = f"{nbpath.name} [{modo}]"
                print(f"\n== {rotulo}: {dur:.0f}s, {figs} figuras", flush=True)
                conta.confere(f"{rotulo}: " + ("execução" if falhas else "todas as células rodaram sem erro"),
                              not falhas, "\n".join(falhas))
                for ident, ok, msg in verifs:
                    conta.confere(f"{rotulo} {'exercício ' if ident[0] != '(' else ''}{ident}: {msg}", ok)
    return conta.fim()
