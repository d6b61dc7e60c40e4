"""As entregas de uma turma: que notebook de cada aluno é de que lição do
curso, e o notebook do curso com as células de exercício do aluno."""

import json
import re

import nbformat

from . import RAIZ, celulas


def licoes_do_curso(filtro=None):
    """{nome: notebook} das lições do curso (notebooks/NN-*.ipynb)."""
    licoes = {}
    for p in sorted((RAIZ / "notebooks").glob("[0-9]*.ipynb")):
        if filtro and not any(p.stem.startswith(f) for f in filtro):
            continue
        licoes[p.stem] = nbformat.read(p, as_version=4)
    return licoes


def licao_pelo_nome(nome, todas):
    """A lição do curso cujo nome começa com o mesmo número (00-, 01-…), se houver."""
    m = re.match(r"(\d\d)[-_ ]", nome)
    if not m:
        return None
    for licao in todas:
        if licao.startswith(m.group(1) + "-"):
            return licao
    return None


def identifica(arquivos, curso, todas):
    """Lê os notebooks de um aluno e decide qual arquivo é de qual lição.

    Devolve ({licao: (caminho, notebook)}, [problemas]). A lição vem dos IDs
    dos exercícios que o notebook tem; o nome do arquivo só desempata.
    """
    problemas = []
    candidatos = {}
    ids_por_licao = {nome: set(celulas.celulas_de_exercicio(nb)) for nome, nb in todas.items()}
    for caminho in arquivos:
        rel = caminho.name
        pelo_nome = licao_pelo_nome(caminho.stem, todas)
        try:
            json.loads(caminho.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problemas.append((pelo_nome, f"o arquivo {rel} não é um notebook válido (não é texto UTF-8); "
                                         f"não foi corrigido"))
            continue
        except ValueError as e:
            problemas.append((pelo_nome, f"o arquivo {rel} não é um notebook válido (JSON corrompido ou "
                                         f"incompleto: {e.msg}, linha {e.lineno}, coluna {e.colno}); "
                                         f"não foi corrigido"))
            continue
        try:
            nb = nbformat.read(caminho, as_version=4)
        except Exception as e:  # noqa: BLE001 — JSON válido, mas não um notebook
            motivo = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
            problemas.append((pelo_nome, f"o arquivo {rel} não é um notebook válido (o JSON não tem a forma "
                                         f"de um notebook: {motivo}); não foi corrigido"))
            continue
        ids = set(celulas.celulas_de_exercicio(nb))
        melhor = max(ids_por_licao, key=lambda n: (len(ids & ids_por_licao[n]), n == pelo_nome))
        if not ids & ids_por_licao[melhor]:
            if pelo_nome is None:
                problemas.append((None, f"o arquivo {rel} não tem nenhum exercício do curso; ignorado"))
                continue
            problemas.append((pelo_nome, f"o arquivo {rel} não tem nenhuma célula de exercício "
                                         f"(o metadado 'exercicio' sumiu, ou é outro notebook)"))
            melhor = pelo_nome
        elif pelo_nome is not None and melhor != pelo_nome:
            problemas.append((pelo_nome, f"o arquivo {rel} tem os exercícios da lição {melhor}, não os da "
                                         f"{pelo_nome}: foi corrigido como {melhor}"))
        if melhor not in curso:
            continue  # lição fora do filtro --licoes
        candidatos.setdefault(melhor, []).append((caminho, nb, pelo_nome == melhor))
    escolhidos = {}
    for licao, cs in candidatos.items():
        # Prefere o arquivo com o nome da lição; entre iguais, o mais recente.
        cs.sort(key=lambda t: (t[2], t[0].stat().st_mtime), reverse=True)
        escolhidos[licao] = cs[0][:2]
        if len(cs) > 1:
            outros = ", ".join(c[0].name for c in cs[1:])
            problemas.append((licao, f"havia {len(cs)} arquivos da lição {licao}; foi corrigido "
                                     f"{cs[0][0].name} (ignorados: {outros})"))
    return escolhidos, problemas


def monta(nb_curso, nb_aluno):
    """O notebook do curso com as células de exercício do aluno.

    Devolve (notebook, ids que faltam no do aluno, ids que o aluno não mexeu)."""
    do_aluno = celulas.celulas_de_exercicio(nb_aluno)
    codigos, faltam, intocados = {}, [], []
    for c in nb_curso.cells:
        ident = celulas.id_exercicio(c)
        if not ident:
            continue
        if ident not in do_aluno:
            faltam.append(ident)
            continue
        fonte = celulas.fonte(do_aluno[ident])
        if fonte.strip() == c.source.strip():
            intocados.append(ident)
        codigos[ident] = fonte
    return celulas.troca_exercicios(nb_curso, codigos), faltam, intocados
