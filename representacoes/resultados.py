"""O arquivo de resultados das lições (REPRESENTACOES_RESULTADOS): um JSON por
linha, escrito pelo Go (curso.Registra e curso.Confere, com os tipos
curso.LinhaExercicio e curso.LinhaAfirmacao de pkg/curso/resultados.go).

Este é o único leitor em Python. Os nomes dos campos abaixo são os das tags
json daqueles tipos; um teste do Go (pkg/curso, TestCamposDoLeitorPython) lê
estas duas tuplas e falha se elas e o Go não baterem.
"""

import json
from dataclasses import dataclass, field

TIPO_EXERCICIO = "exercicio"
TIPO_AFIRMACAO = "afirmacao"

# As tags json de curso.LinhaExercicio e curso.LinhaAfirmacao, na mesma ordem.
CAMPOS_EXERCICIO = ("tipo", "id", "passou", "casos", "falhas", "mensagem", "dica")
CAMPOS_AFIRMACAO = ("tipo", "afirmacao", "ok")


@dataclass
class Resultados:
    """O que o arquivo diz: as verificações de cada exercício ({id: [linha, …]},
    na ordem em que rodaram), as afirmações da lição ([(descrição, ok)]) e as
    linhas que não puderam ser lidas (só no modo tolerante)."""

    exercicios: dict = field(default_factory=dict)
    afirmacoes: list = field(default_factory=list)
    ilegiveis: int = 0


def le_linha(texto):
    """Uma linha do arquivo → (tipo, dados). Levanta ValueError, KeyError ou
    TypeError numa linha que não é deste formato."""
    r = json.loads(texto)
    if not isinstance(r, dict):
        raise TypeError("a linha não é um objeto JSON")
    if r.get("tipo") == TIPO_AFIRMACAO:
        return TIPO_AFIRMACAO, (r["afirmacao"], r["ok"])
    return TIPO_EXERCICIO, dict(r, id=str(r["id"]))


def le_texto(texto, tolerante=False):
    """Lê o conteúdo de um arquivo de resultados. tolerante: uma linha
    estragada (na correção, o arquivo pode ter sido mexido) é contada em
    ilegiveis em vez de levantar a exceção."""
    res = Resultados()
    for linha in texto.splitlines():
        if not linha.strip():
            continue
        try:
            tipo, dados = le_linha(linha)
        except (ValueError, KeyError, TypeError):
            if not tolerante:
                raise
            res.ilegiveis += 1
            continue
        if tipo == TIPO_AFIRMACAO:
            res.afirmacoes.append(dados)
        else:
            res.exercicios.setdefault(dados["id"], []).append(dados)
    return res


def le(caminho, tolerante=False):
    """Lê o arquivo de resultados (um caminho que não existe: nada)."""
    if not caminho.exists():
        return Resultados()
    return le_texto(caminho.read_text(encoding="utf-8", errors="replace" if tolerante else "strict"), tolerante)
