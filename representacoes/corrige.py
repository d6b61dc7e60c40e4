"""Corrige os notebooks de uma turma com as verificações do próprio curso.

Entrada: uma pasta com uma subpasta por aluno, com os notebooks dele (em
qualquer nível: aluno/00-introducao.ipynb ou aluno/notebooks/…). Para cada
aluno e lição:

  * o notebook corrigido é o do CURSO (notebooks/): apagar ou editar uma
    célula de verificação não muda nada. Funções auxiliares têm de estar na
    própria célula do exercício (as outras células do aluno não são usadas);
  * o código do aluno (as células de exercício, metadado "exercicio") não
    roda no notebook: vira um programa à parte (internal/cmd/separa), que
    compila e roda numa caixa (isola.py: um usuário sem privilégios
    da vaga, sem rede, num sistema de arquivos só com o que ele precisa, com
    limites de memória, processos, arquivo e disco). O notebook que roda, o
    do JUIZ, é o do curso com cada célula de exercício trocada por uma
    procuração (pkg/correcao) que pede ao corretor daqui para chamar a função
    do aluno. As verificações rodam no juiz, com outro usuário, e só ele
    escreve o arquivo de resultados (REPRESENTACOES_RESULTADOS, como em
    executa.py): o código do aluno não forja o veredito nem
    lê a turma;
  * o juiz roda no modo rápido (REPRESENTACOES_RAPIDO=1), sem rede (unshare
    -n), com limite de tempo por célula e por notebook e de memória, numa
    pasta só dele (HOME, TMPDIR, modelos, cache do Go).

Saída (pasta --saida): notas.csv (aluno, licao, exercicio, passou,
casos_verificados, casos_que_falharam, observacao), uma página HTML por aluno
(qual verificação falhou e a dica, nunca a solução), index.html e
relatorio.txt (uma linha em português para cada problema da entrada: JSON
corrompido, notebook de outra lição, célula de exercício que falta, código
que não compila, pânico, laço infinito, kernel que morreu…).

Os módulos da correção: entregas (que notebook é de que lição), vagas (os
usuários e os caches de cada vaga), programa (o código do aluno, compilado e
rodado na caixa), juiz (o notebook do curso, que dá o veredito) e relatorio
(o resumo dos erros, as páginas).

Uso: scripts/corrige.sh PASTA_DA_TURMA [--saida correcao] [--paralelo 1]
       [--licoes 00,01] [--limite-notebook 900] [--limite-celula 300]
       [--modelos-prontos PASTA] [--limite-memoria 2] [--limite-processos 256]
       [--limite-disco 256] [--limite-arquivo 256] [--limite-chamada 30]
       [--limite-inicio 60] [--limite-memoria-juiz 6]
     (o mesmo que python -m representacoes corrige …, da raiz do curso)
"""

import argparse
import csv
import html
import os
import pwd
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from . import celulas, isola, juiz, programa, relatorio, resultados
from .entregas import identifica, licoes_do_curso, monta
from .vagas import SEM_ROOT, Vagas, mata_do_usuario


def linha_sem_execucao(ident, observacao):
    """A linha de um exercício que não chegou a rodar."""
    return dict(exercicio=ident, passou=False, casos="", falhas="", observacao=observacao, dica="")


# ---------------------------------------------------------------------------
# Corrigir uma lição de um aluno

def nada_feito(ids, faltam):
    """As linhas de uma lição em que nenhum exercício foi feito (não há o que
    rodar: economiza o tempo de um notebook inteiro)."""
    return [linha_sem_execucao(i, "célula do exercício não encontrada" if i in faltam
                               else "não feito (a célula está como o curso a entregou)") for i in ids]


def problemas_da_execucao(rc, esgotou, executado, info, oom_juiz, args):
    """O que a execução do juiz conta ao relatório: tempo esgotado, parada sem
    terminar, memória, o kernel que morreu."""
    problemas = []
    if esgotou:
        problemas.append(f"tempo esgotado: o notebook passou de {args.limite_notebook} s e foi interrompido "
                         f"(laço infinito?); o que rodou antes conta")
    elif rc != 0 or executado is None:
        problemas.append(f"a execução do notebook parou sem terminar (código {rc}); o que rodou antes conta")
    if oom_juiz:
        problemas.append(f"o juiz passou do limite de memória de {isola.bytes_legiveis(args.limites.memoria_juiz)} "
                         f"(um modelo grande demais num exercício de modelagem?) e foi encerrado")
    if info.get("kernel_morreu") is not None:
        problemas.append(f"o kernel morreu na célula {info['kernel_morreu']} (o código matou o processo, "
                         f"esgotou a memória ou chamou os.Exit fora de uma célula %%?); as células seguintes "
                         f"não rodaram")
    if info.get("erro"):
        problemas.append("a execução parou: " + info["erro"])
    return problemas


def linhas_da_licao(ids, res, executado, info, esgotou, faltam, intocados, nao_compila, oom_juiz, eventos, args):
    """{id: linha do CSV} de cada exercício, pelo que o juiz registrou e, se
    ele não registrou nada, pelo porquê (não compila, memória, parada)."""
    linhas = {}
    for ident in ids:
        linhas[ident] = juiz.linha_do_exercicio(ident, res.get(ident), executado, info, esgotou, faltam, intocados)
        if ident in nao_compila:
            linhas[ident].update(passou=False, dica="",
                                 observacao="a célula do exercício deu erro (não compila?): " + nao_compila[ident])
    if oom_juiz:  # a célula que o juiz não conseguiu rodar diz por quê
        for linha in linhas.values():
            if not linha["passou"] and ("deu erro" in linha["observacao"] or "kernel" in linha["observacao"]):
                linha["observacao"] += (f" (o juiz passou do limite de memória de "
                                        f"{isola.bytes_legiveis(args.limites.memoria_juiz)}: o modelo configurado "
                                        f"é grande demais?)")
    # O motivo de uma parada do programa do aluno vai para a observação,
    # mesmo quando a verificação desistiu antes (o limite de 10 s dela
    # pode vencer a morte por falta de memória, que demora mais numa
    # máquina carregada).
    for ident, motivo in eventos:
        if ident in linhas and motivo not in linhas[ident]["observacao"]:
            linhas[ident].update(passou=False, observacao=linhas[ident]["observacao"]
                                 + f" (o programa com o seu código parou: {motivo})")
    return linhas


def corrige_licao(aluno, licao, caminho, nb_aluno, nb_curso, vagas, args, pasta_trab):
    """Devolve (linhas do CSV, problemas, segundos)."""
    nb, faltam, intocados = monta(nb_curso, nb_aluno)
    ids = celulas.exercicios(nb_curso)
    problemas = [f"a célula do exercício {ident} não está no notebook (apagada, ou o metadado "
                 f"'exercicio' sumiu): contada como não feita" for ident in faltam]
    if set(ids) <= set(faltam) | set(intocados):
        return nada_feito(ids, faltam), problemas, 0.0

    vaga = vagas.pega()
    inicio = time.time()
    corretor = cgrupo = cgrupo_juiz = None
    trab = pasta_trab / f"{aluno}-{licao}"
    trab_aluno = pasta_trab / f"{aluno}-{licao}-aluno"
    try:
        for sub in ("home", "tmp", "modelos"):
            (trab / sub).mkdir(parents=True)
        trab_aluno.mkdir(mode=0o700)
        if args.modelos_prontos:
            shutil.copytree(args.modelos_prontos, trab / "modelos", dirs_exist_ok=True)
        # O código do aluno: um programa à parte, na caixa, com os limites da vaga.
        cgrupo = isola.Cgrupo(f"{os.getpid()}-vaga-{vaga}", args.limites.memoria, args.limites.processos)
        cgrupo_juiz = isola.Cgrupo(f"{os.getpid()}-juiz-{vaga}", args.limites.memoria_juiz, None)
        prog, procuracoes, nao_compila = programa.prepara_aluno(nb, nb_curso, trab_aluno, vagas, vaga, args, cgrupo)
        problemas += [f"o exercício {ident} não compila: {erro}" for ident, erro in nao_compila.items()]
        # O juiz: o notebook do curso, com as procurações no lugar dos exercícios.
        nbformat.write(juiz.notebook_do_juiz(nb_curso, procuracoes), trab / f"{licao}.ipynb")
        (trab / "resultados.jsonl").write_text("")
        vagas.dono(trab, vaga)
        os.chmod(trab, 0o700)
        corretor = isola.Corretor(trab / "canal.sock", pwd.getpwnam(vagas.usuarios[vaga]).pw_uid
                                  if vagas.usuarios.get(vaga) else os.getuid(), prog, nao_compila)
        cmd = juiz.comando(trab, pasta_trab, licao, vagas, vaga, args, cgrupo_juiz)
        rc, esgotou = juiz.roda(cmd, trab.parent / f"{aluno}-{licao}.log", trab, args.limite_notebook,
                                vagas.usuarios.get(vaga))
        duracao = time.time() - inicio
        mata_do_usuario(vagas.usuarios.get(vaga))
        corretor.fecha()
        problemas += [f"o exercício {ident or '?'}: o programa com o código do aluno parou: {motivo}"
                      for ident, motivo in corretor.eventos]
        lidos = resultados.le(trab / "resultados.jsonl", tolerante=True)
        problemas += ["uma linha do arquivo de resultados não pôde ser lida (ignorada)"] * lidos.ilegiveis
        executado, info = juiz.le_execucao(trab / f"{licao}-executado.ipynb", trab / "estado.json")
        oom_juiz, _ = cgrupo_juiz.novidades()
        print(f"    juiz: pico de memória de {isola.bytes_legiveis(cgrupo_juiz.pico_memoria())}", flush=True)
        problemas += problemas_da_execucao(rc, esgotou, executado, info, oom_juiz, args)
        linhas = linhas_da_licao(ids, lidos.exercicios, executado, info, esgotou, faltam, intocados, nao_compila,
                                 oom_juiz, corretor.eventos, args)
        return [linhas[i] | {"exercicio": i} for i in ids], problemas, duracao
    finally:
        if corretor is not None:
            corretor.fecha()
        for c in (cgrupo, cgrupo_juiz):
            if c is not None:
                c.remove()
        vagas.devolve(vaga)
        if not args.guarda:
            shutil.rmtree(trab, ignore_errors=True)
            shutil.rmtree(trab_aluno, ignore_errors=True)


# ---------------------------------------------------------------------------
# A turma

def le_argumentos(argv):
    ap = argparse.ArgumentParser(prog="python -m representacoes corrige", description=__doc__.split("\n")[0])
    ap.add_argument("turma", type=Path, nargs="?")
    ap.add_argument("--saida", type=Path, default=Path("correcao"))
    ap.add_argument("--paralelo", type=int, default=1, help="quantos notebooks rodam ao mesmo tempo")
    ap.add_argument("--licoes", default="", help="só estas lições (prefixos separados por vírgula: 00,01)")
    ap.add_argument("--limite-notebook", type=int, default=900, help="segundos por notebook")
    ap.add_argument("--limite-celula", type=int, default=300, help="segundos por célula")
    ap.add_argument("--modelos-prontos", type=Path,
                    help="pasta de modelos de uma execução do curso, copiada para cada aluno (pula o treino)")
    ap.add_argument("--limite-memoria", type=float, default=2, help="GiB de memória do programa do aluno (sem swap)")
    ap.add_argument("--limite-processos", type=int, default=256, help="processos e threads do programa do aluno")
    ap.add_argument("--limite-memoria-juiz", type=float, default=6,
                    help="GiB de memória do juiz (o notebook do curso, que treina os modelos que o aluno configurou)")
    ap.add_argument("--limite-disco", type=int, default=256, help="MiB do /tmp e da pasta pessoal do aluno (cada um)")
    ap.add_argument("--limite-arquivo", type=int, default=256, help="MiB de um arquivo que o aluno escreve")
    ap.add_argument("--limite-chamada", type=int, default=30, help="segundos de uma chamada a uma função do aluno")
    ap.add_argument("--limite-inicio", type=int, default=60, help="segundos para o programa do aluno começar")
    ap.add_argument("--com-rede", dest="sem_rede", action="store_false", help="não corta a rede (só para testes)")
    ap.add_argument("--guarda", action="store_true", help="guarda as pastas de trabalho (para depurar)")
    ap.add_argument("--executa", nargs=3, metavar=("ENTRADA", "SAIDA", "ESTADO"), help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def confere_ambiente(args):
    """Avisa do que falta para isolar (root, unshare, cgroups) e monta os
    limites; devolve uma mensagem de erro se a turma não serve."""
    if args.turma is None:
        return "✘ diga a pasta da turma (uma subpasta por aluno): scripts/corrige.sh PASTA [--saida correcao]"
    if not args.turma.is_dir():
        return f"✘ a pasta da turma não existe: {args.turma}"
    if args.sem_rede and (SEM_ROOT or shutil.which("unshare") is None or shutil.which("ip") is None):
        print("(aviso: sem root, unshare ou ip, o código dos alunos roda COM a rede que houver)", file=sys.stderr)
        args.sem_rede = False
    if SEM_ROOT:
        print("(aviso: sem root, o código dos alunos roda com o seu usuário, só numa pasta descartável; "
              "como root, cada vaga usa um usuário sem privilégios)", file=sys.stderr)
    args.limites = isola.Limites(memoria=int(args.limite_memoria * isola.GiB), processos=args.limite_processos,
                                 disco=args.limite_disco * isola.MiB, arquivo=args.limite_arquivo * isola.MiB,
                                 chamada=args.limite_chamada, inicio=args.limite_inicio,
                                 memoria_juiz=int(args.limite_memoria_juiz * isola.GiB))
    if not SEM_ROOT and not isola.cgroups_disponiveis():
        print("(aviso: sem cgroups com memory e pids, o programa do aluno roda sem limite de memória e de processos)",
              file=sys.stderr)
    return None


def recolhe_entregas(alunos, curso, todas):
    """({aluno: (escolhidos, problemas)}, [(aluno, lição) a corrigir])."""
    tarefas, entregas = [], {}
    for pasta in alunos:
        aluno = pasta.name
        arquivos = sorted(p for p in pasta.rglob("*.ipynb")
                          if ".ipynb_checkpoints" not in p.parts and "versão nova" not in p.name)
        escolhidos, problemas = identifica(arquivos, curso, todas)
        entregas[aluno] = (escolhidos, problemas)
        tarefas += [(aluno, licao) for licao in curso if licao in escolhidos]
    return entregas, tarefas


def corrige_tarefas(tarefas, entregas, curso, nome_de_arquivo, vagas, args, pasta_trab):
    """Corrige cada (aluno, lição), --paralelo de cada vez. Devolve
    ({(aluno, lição): (linhas, problemas)}, [segundos de cada notebook executado])."""
    resultados_, tempos = {}, []

    def roda(t):
        aluno, licao = t
        caminho, nb = entregas[aluno][0][licao]
        try:
            ls, ps, dur = corrige_licao(nome_de_arquivo(aluno), licao, caminho, nb, curso[licao], vagas, args,
                                        pasta_trab)
        except Exception as e:  # noqa: BLE001 — um aluno não derruba a turma
            ls = [linha_sem_execucao(i, "erro na correção") for i in celulas.exercicios(curso[licao])]
            ps, dur = [f"erro na correção (avise quem mantém o curso): {type(e).__name__}: {e}"], 0.0
        resultados_[t] = (ls, ps)
        if dur:
            tempos.append(dur)
        certos = sum(1 for ln in ls if ln["passou"])
        print(f"  {aluno} / {licao}: {certos}/{len(ls)} certos, {dur:.0f} s", flush=True)

    with ThreadPoolExecutor(max_workers=args.paralelo) as ex:
        list(ex.map(roda, tarefas))
    return resultados_, tempos


def escreve_relatorios(alunos, curso, entregas, corrigidos, nome_de_arquivo, saida):
    """notas.csv, uma página por aluno e relatorio.txt; devolve (linhas do
    relatório, linhas da tabela do índice)."""
    csv_linhas, linhas_relatorio = [], []
    indice = ["<table><tr><th>Aluno</th><th>Exercícios corretos</th><th>Problemas</th></tr>"]
    for pasta in alunos:
        aluno = pasta.name
        problemas = list(entregas[aluno][1])
        por_licao = {}
        for licao in curso:
            if (aluno, licao) in corrigidos:
                ls, ps = corrigidos[(aluno, licao)]
                problemas += [(licao, p) for p in ps]
            else:
                deste = [p for lc, p in problemas if lc == licao]
                obs = ("não corrigido: " + deste[0]) if deste else "lição não entregue"
                ls = [linha_sem_execucao(i, obs) for i in celulas.exercicios(curso[licao])]
                if not deste:
                    problemas.append((licao, f"nenhum notebook da lição {licao} na pasta do aluno"))
            por_licao[licao] = ls
            for ln in ls:
                csv_linhas.append([aluno, licao, ln["exercicio"], "sim" if ln["passou"] else "não", ln["casos"],
                                   ln["falhas"], ln["observacao"]])
        problemas = [(lc, p) for lc, p in problemas if lc is None or lc in curso]
        linhas_relatorio += [f"{aluno}, lição {lc or '?'}: {p}" for lc, p in problemas]
        arquivo = nome_de_arquivo(aluno) + ".html"
        (saida / arquivo).write_text(relatorio.html_do_aluno(aluno, por_licao, problemas), encoding="utf-8")
        certos = sum(1 for ls in por_licao.values() for ln in ls if ln["passou"])
        total = sum(len(ls) for ls in por_licao.values())
        indice.append(f'<tr><td><a href="{html.escape(arquivo)}">{html.escape(aluno)}</a></td>'
                      f"<td>{certos} de {total}</td><td>{len(problemas)}</td></tr>")
    indice.append("</table>")
    with open(saida / "notas.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["aluno", "licao", "exercicio", "passou", "casos_verificados", "casos_que_falharam",
                    "observacao"])
        w.writerows(csv_linhas)
    (saida / "relatorio.txt").write_text("\n".join(linhas_relatorio) + "\n", encoding="utf-8")
    return linhas_relatorio, indice


def main(argv=None):
    args = le_argumentos(argv)
    if args.executa:
        return juiz.executa_filho(*args.executa, args.limite_celula)
    erro = confere_ambiente(args)
    if erro:
        print(erro, file=sys.stderr)
        return 2
    todas = licoes_do_curso()
    curso = licoes_do_curso([f for f in args.licoes.split(",") if f])
    alunos = sorted(p for p in args.turma.iterdir() if p.is_dir() and not p.name.startswith("."))
    nome_de_arquivo = relatorio.nomes_de_arquivo(p.name for p in alunos).__getitem__
    args.saida.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="representacoes-corrige-", dir="/var/tmp"))
    os.chmod(base, 0o755)
    pasta_trab = base / "trabalho"
    pasta_trab.mkdir()
    os.chmod(pasta_trab, 0o755)
    inicio = time.time()
    print(f"▶ {len(alunos)} alunos, lições {', '.join(curso)}, {args.paralelo} em paralelo", flush=True)
    vagas = Vagas(args.paralelo, base)
    print(f"  vagas prontas em {time.time() - inicio:.0f} s", flush=True)

    entregas, tarefas = recolhe_entregas(alunos, curso, todas)
    corrigidos, tempos = corrige_tarefas(tarefas, entregas, curso, nome_de_arquivo, vagas, args, pasta_trab)
    linhas_relatorio, indice = escreve_relatorios(alunos, curso, entregas, corrigidos, nome_de_arquivo, args.saida)

    total = time.time() - inicio
    resumo = (f"{len(alunos)} alunos, {len(tarefas)} notebooks entregues, {len(tempos)} executados em "
              f"{total:.0f} s com {args.paralelo} em paralelo")
    if tempos:
        resumo += f" (por notebook: média {sum(tempos) / len(tempos):.0f} s, máximo {max(tempos):.0f} s)"
    (args.saida / "index.html").write_text(relatorio.pagina("Correção da turma", f"<p>{html.escape(resumo)}</p>"
                                                            + "\n".join(indice)), encoding="utf-8")
    for ln in linhas_relatorio:
        print("  ⚠ " + ln)
    print(f"✔ {resumo}\n  notas: {args.saida / 'notas.csv'} · páginas: {args.saida / 'index.html'}", flush=True)
    if args.guarda:
        print(f"  pastas de trabalho guardadas em {base}")
    else:
        shutil.rmtree(base, ignore_errors=True)
    return 0
