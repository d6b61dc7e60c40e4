"""O que a correção escreve para o professor e o aluno: o resumo de um erro
em português, a página de cada aluno, o índice e os nomes de arquivo."""

import html
import re


def erros_da_celula(celula):
    """Texto dos erros de uma célula executada (o GoNB mostra erros de
    compilação como saída de erro)."""
    textos = []
    for o in celula.get("outputs", []):
        if o.get("output_type") == "error":
            textos.append(f"{o.get('ename', '')}: {o.get('evalue', '')}")
        elif o.get("output_type") == "stream" and o.get("name") == "stderr":
            textos.append(o.get("text", ""))
    texto = "\n".join(t for t in textos if t.strip())
    texto = re.sub(r"\x1b\[[0-9;]*m", "", texto)
    return texto.strip()


def resume_erro(texto, limite=400):
    # Os caminhos e números de linha são do main.go que o GoNB monta (não os
    # da célula): saem, fica a mensagem do compilador.
    texto = re.sub(r'ERROR: parsing go files in TempDir "[^"]*":\s*', "", texto)
    texto = re.sub(r"\S*\.go:\d+(:\d+)?:\s*", "", texto)
    linhas = [ln.strip() for ln in texto.splitlines() if ln.strip()]
    s = " | ".join(linhas[:4])
    return s[:limite] + ("…" if len(s) > limite else "")


ESTILO = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.ok{color:#116611}.falha{color:#a11}.problema{background:#fff4e0;padding:.5rem 1rem}
"""


def pagina(titulo, corpo):
    return (f'<!DOCTYPE html>\n<html lang="pt-BR"><head><meta charset="utf-8"><title>{html.escape(titulo)}</title>'
            f"<style>{ESTILO}</style></head><body><h1>{html.escape(titulo)}</h1>\n{corpo}\n</body></html>\n")


def html_do_aluno(aluno, por_licao, problemas):
    e = html.escape
    partes = []
    todas = [ln for ls in por_licao.values() for ln in ls]
    certos = sum(1 for ln in todas if ln["passou"])
    partes.append(f"<p><b>{certos} de {len(todas)}</b> exercícios corretos.</p>")
    if problemas:
        partes.append('<div class="problema"><h2>Problemas na entrega</h2><ul>')
        partes += [f"<li>{e(licao or 'entrega')}: {e(p)}</li>" for licao, p in problemas]
        partes.append("</ul></div>")
    for licao, ls in por_licao.items():
        partes.append(f"<h2>Lição {e(licao)}</h2><table><tr><th>Exercício</th><th>Resultado</th>"
                      "<th>Casos verificados</th><th>Casos que falharam</th><th>O que aconteceu</th><th>Dica</th></tr>")
        for ln in ls:
            marca = '<span class="ok">✅ passou</span>' if ln["passou"] else '<span class="falha">❌ não passou</span>'
            partes.append(f"<tr><td>{e(ln['exercicio'])}</td><td>{marca}</td><td>{e(str(ln['casos']))}</td>"
                          f"<td>{e(str(ln['falhas']))}</td><td>{e(ln['observacao'])}</td>"
                          f"<td>{('💡 ' + e(ln['dica'])) if ln['dica'] else ''}</td></tr>")
        partes.append("</table>")
    partes.append("<p><small>Corrigido com as verificações originais do curso (modo rápido, sem rede). "
                  "A página mostra o caso que falhou e a dica; a solução não.</small></p>")
    return pagina(f"Correção — {aluno}", "\n".join(partes))


def nomes_de_arquivo(alunos):
    """{aluno: nome de arquivo}: letras (acentos inclusive), dígitos, '.', '_' e
    '-'; nomes que ficariam iguais ("André", "André?") ganham -2, -3…"""
    nomes, usados = {}, set()
    for aluno in alunos:
        base = re.sub(r"[^\w.-]+", "_", aluno).strip("._") or "aluno"
        nome, n = base, 1
        while nome.casefold() in usados:
            n += 1
            nome = f"{base}-{n}"
        usados.add(nome.casefold())
        nomes[aluno] = nome
    return nomes
