"""Escreve o relatório de desempenho (Markdown, pt-BR) a partir das medidas
que o scripts/bench.sh juntou numa pasta:

  treino.jsonl  — uma linha por execução de treino (GoMLX e PyTorch);
  espera.jsonl  — latências do notebook (scripts/bench/espera.py);
  maquina.json  — a máquina e as versões.

Uso: python relatorio.py PASTA > DESEMPENHO.md
"""

import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

NOMES_MODELO = {
    "mlp": "MLP da lição 00 (784→256→128→10)",
    "lenet": "CNN da lição 01 (LeNet: conv 16 → conv 32 → densa 128)",
    "funda-res": "CNN funda da lição 01 (11 convoluções 3×3 de 8 filtros, 5 blocos residuais com BN)",
    "lstm": "LSTM da lição 02",
    "gru": "GRU da lição 02",
    "rbm-cd": "RBM da lição 03, um passo de CD-1",
    "rbm-pcd": "RBM da lição 03, um passo de PCD",
    "gan-anel": "GAN do anel da lição 04",
    "gan-digitos": "GAN de dígitos da lição 04",
    "gan-restaura": "GAN que restaura dígitos da lição 04",
    "transformer-recordacao": "Transformer de um bloco da lição 05, na recordação associativa",
    "transformer-palavras": "Transformer causal de dois blocos da lição 05, nas palavras",
}
# Com acurácia-alvo (tempo do passo e tempo até o alvo) e só com o tempo do passo.
COM_ALVO = ["mlp", "lenet", "funda-res", "lstm", "gru"]
SO_PASSO = ["rbm-cd", "rbm-pcd", "gan-anel", "gan-digitos", "gan-restaura"]
TRANSFORMERS = ["transformer-recordacao", "transformer-palavras"]
NOMES_LADO = {
    "gomlx-xla": "GoMLX, motor XLA (CPU)",
    "gomlx-go": "GoMLX, motor Go puro",
    "pytorch": "PyTorch (CPU)",
}
NOMES_ESPERA = {
    "trivial": "célula trivial (`fmt.Println`), kernel sem outras importações",
    "declara": "declarar uma função que usa o GoMLX",
    "depois": "célula trivial numa lição (depois de declarações com GoMLX)",
    "grafico": "desenhar um gráfico (gonum/plot → PNG)",
    "modelo": "montar um MLP e aplicá-lo a um lote (compila no XLA)",
}


def le_jsonl(caminho):
    if not caminho.exists():
        return []
    return [json.loads(l) for l in caminho.read_text().splitlines() if l.strip().startswith("{")]


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def num(x, casas=1):
    if x is None:
        return "—"
    s = f"{x:,.{casas}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def seg(x):
    if x is None:
        return "—"
    if x < 1:
        return num(x * 1000, 0) + " ms"
    if x < 120:
        return num(x, 1) + " s"
    return f"{int(x // 60)} min {int(x % 60):02d} s"


def razao(ls, ref, chave="ms_por_passo", abre=" (", fecha=")"):
    """A razão das medianas (ls ÷ ref) e, com mais de uma execução de cada
    lado, a faixa das razões execução a execução (a i-ésima de cada lado: a
    mesma semente), p.ex. "1,16× (1,05–1,30)"."""
    a, b = med([l.get(chave) for l in ls]), med([l.get(chave) for l in ref])
    if not a or not b:
        return "—"
    txt = num(a / b, 2) + "×"
    pares = [x[chave] / y[chave] for x, y in zip(ls, ref) if x.get(chave) and y.get(chave)]
    if len(pares) > 1:
        txt += f"{abre}{num(min(pares), 2)}–{num(max(pares), 2)}{fecha}"
    return txt


def treino(linhas, saida):
    grupos = defaultdict(list)
    for l in linhas:
        grupos[(l["modelo"], l["lado"], l.get("variante", ""))].append(l)
    for modelo in COM_ALVO:
        chaves = [k for k in grupos if k[0] == modelo and not k[2]]
        if not chaves:
            continue
        ref = grupos.get((modelo, "pytorch", ""))
        ref_ms = med([l.get("ms_por_passo") for l in ref]) if ref else None
        ref_alvo = med([l.get("segundos_ate_alvo") for l in ref]) if ref else None
        exemplo = grupos[chaves[0]][0]
        saida.append(f"\n### {NOMES_MODELO.get(modelo, modelo)}\n")
        taxa = num(exemplo.get("taxa", 0.001), 3)
        if exemplo.get("decaimento"):
            otimizador = (f"Adam com taxa {taxa} e decaimento cosseno até 1/20 dela em {num(exemplo['decaimento'], 0)} "
                          f"passos (o treino da lição)")
        else:
            otimizador = f"Adam com taxa {taxa} constante"
        saida.append(f"Lote de {exemplo['lote']}, {otimizador}; alvo: **{num(100 * exemplo['alvo'], 1)}%** "
                     f"de acurácia no conjunto de teste{(' (' + exemplo['tarefa'] + ')') if exemplo.get('tarefa') else ''}. "
                     f"Medianas de {len(grupos[chaves[0]])} execuções.\n")
        saida.append("| motor | ms por passo | exemplos/s | tempo ÷ PyTorch | 1º passo (compilação) | tempo até o alvo | passos até o alvo |")
        saida.append("|---|---:|---:|---:|---:|---:|---:|")
        for lado in ["gomlx-xla", "gomlx-go", "pytorch"]:
            ls = grupos.get((modelo, lado, ""))
            if not ls:
                continue
            erros = [l["erro"] for l in ls if l.get("erro")]
            if erros:
                saida.append(f"| {NOMES_LADO[lado]} | não treina: {erros[0].splitlines()[0][:160]} | | | | | |")
                continue
            ms = med([l["ms_por_passo"] for l in ls])
            alvo = med([l.get("segundos_ate_alvo") for l in ls])
            passos = med([l.get("passos_ate_alvo") for l in ls])
            falhas = sum(1 for l in ls if l.get("segundos_ate_alvo") is None)
            r = "1,00×" if lado == "pytorch" else (razao(ls, ref) if ref else "—")
            alvo_txt = seg(alvo) + (f" ({falhas} de {len(ls)} não chegaram)" if falhas else "")
            if alvo is not None and ref_alvo and lado != "pytorch":
                alvo_txt += f" ({razao(ls, ref, 'segundos_ate_alvo', '; ', '')})"
            saida.append(f"| {NOMES_LADO[lado]} | {num(ms, 1)} | {num(med([l['exemplos_por_s'] for l in ls]), 0)} | {r} | "
                         f"{seg(med([l['primeiro_passo_s'] for l in ls]))} | {alvo_txt} | {num(passos, 0)} |")


def so_passo(linhas, saida):
    """A RBM (lição 03) e as GANs (04): só o tempo do passo, numa tabela."""
    grupos = defaultdict(list)
    for l in linhas:
        if l["modelo"] in SO_PASSO and not l.get("variante"):
            grupos[(l["modelo"], l["lado"])].append(l)
    modelos = [m for m in SO_PASSO if any(k[0] == m for k in grupos)]
    if not modelos:
        return
    saida.append("\n### A RBM da lição 03 e as GANs da lição 04: só o tempo do passo\n")
    saida.append("O treino destes modelos não tem uma acurácia a alcançar (a RBM aprende a distribuição das imagens; "
                 "a GAN é um jogo): aqui não há *tempo até o alvo*, só o tempo de um passo de treino. Na RBM, o passo de "
                 "`rbm.Treina` (o grafo de `passoCD`, por `rbm.NovoPassoDeTreino`) contra uma RBM escrita com tensores no "
                 "PyTorch, com a mesma atualização (momento, taxa em queda linear); nas GANs, `gan.Passo` com as configurações "
                 "da lição (`gan.ConfigAnel(false)`, a GAN sem o desvio do lote da seção 3, e `gan.ConfigDigitos()`: um "
                 "passo de D e, no anel, 10 de G, nos dígitos um, com a perda não saturante) contra dois `nn.Sequential` "
                 "com a mesma ordem, Adam com β₁ = 0,5 e a mesma taxa (no Go, com o decaimento cosseno da lição, uma conta "
                 "por passo; no PyTorch, constante).\n")
    for m in modelos:
        ex = next(l for k, ls in grupos.items() if k[0] == m for l in ls)
        saida.append(f"- **{NOMES_MODELO[m]}**: lote de {ex['lote']}; {ex.get('tarefa', '')}.")
    n = max(len(ls) for ls in grupos.values())
    saida.append(f"\nMedianas de {n} execuções; entre parênteses, a faixa da razão execução a execução.\n")
    saida.append("| modelo | GoMLX-XLA: ms por passo | Go puro: ms por passo | PyTorch: ms por passo | GoMLX-XLA ÷ PyTorch | "
                 "Go puro ÷ PyTorch | 1º passo no XLA (compilação) |")
    saida.append("|---|---:|---:|---:|---:|---:|---:|")
    for m in modelos:
        xla, go, pt = (grupos.get((m, lado), []) for lado in ("gomlx-xla", "gomlx-go", "pytorch"))

        def ms(ls):
            erro = next((l["erro"] for l in ls if l.get("erro")), None)
            if erro:
                return "não treina: " + erro.splitlines()[0][:80]
            return num(med([l.get("ms_por_passo") for l in ls]), 1)
        ok = lambda ls: [l for l in ls if not l.get("erro")]
        saida.append(f"| {NOMES_MODELO[m]} | {ms(xla)} | {ms(go)} | {ms(pt)} | "
                     f"{razao(ok(xla), ok(pt)) if ok(pt) else '—'} | {razao(ok(go), ok(pt)) if ok(pt) else '—'} | "
                     f"{seg(med([l.get('primeiro_passo_s') for l in ok(xla)]))} |")


def transformers(linhas, saida):
    """Os Transformers da lição 05: só o tempo do passo, com o número de
    parâmetros de cada lado (iguais: o mesmo modelo)."""
    grupos = defaultdict(list)
    for l in linhas:
        if l["modelo"] in TRANSFORMERS and not l.get("variante"):
            grupos[(l["modelo"], l["lado"])].append(l)
    modelos = [m for m in TRANSFORMERS if any(k[0] == m for k in grupos)]
    if not modelos:
        return
    saida.append("\n### Os Transformers da lição 05: só o tempo do passo\n")
    saida.append("O Transformer do pacote `atencao` (a atenção escrita com operações do GoMLX: `Einsum`, `Softmax`, "
                 "`layers.Dense`, `norm.LayerNorm`) contra o `nn.TransformerEncoderLayer` do PyTorch com os mesmos tamanhos: "
                 "a normalização antes de cada parte (`norm_first=True`), ReLU, sem *dropout*, a normalização de camada com "
                 "ganho, deslocamento e epsilon 10⁻³ (a do GoMLX), Adam com taxa 10⁻³ constante. Os dois lados leem os mesmos "
                 "exemplos (gravados pelo lado Go). O número de parâmetros de cada lado vem do próprio modelo (no Go, "
                 "`treino.NumParametros`; no PyTorch, a soma de `numel()`): se os dois diferirem, os modelos não são os mesmos.\n")
    for m in modelos:
        ex = next(l for k, ls in grupos.items() if k[0] == m for l in ls)
        saida.append(f"- **{NOMES_MODELO[m]}**: lote de {ex['lote']}; {ex.get('tarefa', '')}.")
    n = max(len(ls) for ls in grupos.values())
    saida.append(f"\nMedianas de {n} execuções; entre parênteses, a faixa da razão execução a execução.\n")
    saida.append("| modelo | parâmetros: GoMLX / PyTorch | GoMLX-XLA: ms por passo | Go puro: ms por passo | PyTorch: ms por passo | "
                 "GoMLX-XLA ÷ PyTorch | Go puro ÷ PyTorch | 1º passo no XLA (compilação) |")
    saida.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for m in modelos:
        xla, go, pt = (grupos.get((m, lado), []) for lado in ("gomlx-xla", "gomlx-go", "pytorch"))
        ok = lambda ls: [l for l in ls if not l.get("erro")]

        def ms(ls):
            erro = next((l["erro"] for l in ls if l.get("erro")), None)
            if erro:
                return "não treina: " + erro.splitlines()[0][:80]
            return num(med([l.get("ms_por_passo") for l in ls]), 1)

        def params(ls):
            p = {l.get("parametros") for l in ok(ls) if l.get("parametros")}
            return num(p.pop(), 0) if len(p) == 1 else "—"
        pg, pp = params(xla or go), params(pt)
        iguais = "" if pg == pp or "—" in (pg, pp) else " **(diferentes!)**"
        saida.append(f"| {NOMES_MODELO[m]} | {pg} / {pp}{iguais} | {ms(xla)} | {ms(go)} | {ms(pt)} | "
                     f"{razao(ok(xla), ok(pt)) if ok(pt) else '—'} | {razao(ok(go), ok(pt)) if ok(pt) else '—'} | "
                     f"{seg(med([l.get('primeiro_passo_s') for l in ok(xla)]))} |")


VARIANTES = {
    "gradiente-original": "gradiente de `Dot` do GoMLX → o do curso (`pkg/motor`)",
    "pool-original": "`graph.MaxPool` → `cnn.Pooling` (reagrupar e reduzir)",
    "conv-original": "convoluções: `layers.Convolution` → im2col (`pkg/cnn`, no Go puro)",
    "sem-corte": "LSTM: sem → com o corte de fusão (`chaves.CorteDeFusao`)",
    "pesos-passo-a-passo": "gradiente dos pesos: somado passo a passo → num produto só (`chaves.GradienteDosPesosNoTempo`)",
    "gradientes-gerais-go": "motor Go puro: gradientes de produto, `Max` e `ReduceMax` do XLA → os montados para ele (`chaves.GradientesParaOGoPuro`)",
    "portas-em-fatias": "motor Go puro: portas da LSTM e da GRU em fatias → com o gradiente junto (`chaves.JuntaGradienteDasPortas`)",
    "conv1-de-pe": "motor Go puro: a matriz do im2col da 1ª camada (um canal) de pé → deitada (`pkg/cnn`)",
    "vies-com-broadcast": "motor Go puro: o viés somado com broadcast → repetido no lote (`motor.ViesNasLinhas`)",
    "sem-simd": "motor Go puro: sem → com SIMD (`GOEXPERIMENT=simd`, `scripts/ambiente-go.sh`)",
    "plugin-antigo": "plugin XLA: `xla-cpu-pjrt` 0.0.1 (PJRT v0.81) → `lammps-jax-pjrt-cpu` 0.11.2 (XLA do jaxlib 0.11.2)",
}


def tamanhos(linhas, saida):
    """A LSTM e a GRU com outros tamanhos de estado: a razão GoMLX ÷ PyTorch muda com ele."""
    por = defaultdict(list)
    for l in linhas:
        if l["modelo"] in ("lstm", "gru") and l.get("variante", "") in ("", "tamanho") and not l.get("erro") \
                and l.get("oculta") and l["lado"] in ("gomlx-xla", "pytorch"):
            por[(l["modelo"], l["oculta"], l["lado"])].append(l)
    linhas_tabela = sorted({(m, o) for m, o, _ in por}, key=lambda mo: (mo[0] != "lstm", mo[1]))
    if len({o for _, o in linhas_tabela}) < 2:
        return
    saida.append("\n### A LSTM e a GRU com outros tamanhos de estado\n")
    saida.append("A mesma rede, o mesmo lote e a mesma tarefa, mudando só o tamanho do estado oculto (a lição usa 32). "
                 "O `nn.LSTM` e o `nn.GRU` do PyTorch são uma operação nativa só; no GoMLX a rede é o grafo desenrolado (um passo de "
                 "tempo depois do outro, cada um com seus produtos de matrizes e suas operações elemento a elemento), que o XLA executa "
                 "uma operação de cada vez. O custo de cada operação, e com ele a razão, muda com o tamanho. Entre parênteses, "
                 "a faixa da razão execução a execução.\n")
    saida.append("| rede | estado oculto | GoMLX-XLA: ms por passo | PyTorch: ms por passo | tempo ÷ PyTorch |")
    saida.append("|---|---:|---:|---:|---:|")
    for m, o in linhas_tabela:
        g, t = por.get((m, o, "gomlx-xla"), []), por.get((m, o, "pytorch"), [])
        r = razao(g, t) if g and t else "—"
        saida.append(f"| {m.upper()} | {o}{' (a da lição)' if o == 32 else ''} | {num(med([l['ms_por_passo'] for l in g]), 1)} | "
                     f"{num(med([l['ms_por_passo'] for l in t]), 1)} | {r} |")


# O "depois" de cada variante: medido alternado com o "antes" (scripts/bench.sh,
# antes_depois).
REFERENCIA = {"pool-original": "depois-pool", "conv-original": "depois-conv", "sem-corte": "depois-corte",
              "pesos-passo-a-passo": "depois-pesos", "gradientes-gerais-go": "depois-gradientes-go",
              "portas-em-fatias": "depois-portas", "conv1-de-pe": "depois-conv1", "vies-com-broadcast": "depois-vies",
              "gradiente-original": "depois-gradiente", "sem-simd": "depois-simd", "plugin-antigo": "depois-plugin"}


def antes_depois(linhas, saida):
    variantes = [l for l in linhas if l.get("variante") in REFERENCIA]
    if not variantes:
        return
    saida.append("\n| otimização | modelo e motor | antes: ms por passo | depois: ms por passo | ganho | 1º passo (compilação): antes → depois |")
    saida.append("|---|---|---:|---:|---:|---:|")
    for (var, modelo, lado) in sorted({(l["variante"], l["modelo"], l["lado"]) for l in variantes}):
        ls = [l for l in variantes if (l["variante"], l["modelo"], l["lado"]) == (var, modelo, lado)]
        erro = next((l["erro"] for l in ls if l.get("erro")), None)
        antes = med([l.get("ms_por_passo") for l in ls])
        normais = [l for l in linhas if l["modelo"] == modelo and l["lado"] == lado and l.get("variante") == REFERENCIA[var]]
        depois = med([l.get("ms_por_passo") for l in normais])
        comp = f"{seg(med([l.get('primeiro_passo_s') for l in ls]))} → {seg(med([l.get('primeiro_passo_s') for l in normais]))}"
        ganho = num(antes / depois, 2 if antes / depois < 2 else 1) + "×" if antes and depois else "—"
        antes_txt = f"não treina ({erro.splitlines()[0][:80]})" if erro else num(antes, 1)
        oculta = ls[0].get("oculta")
        tamanho = f" (estado de {oculta})" if modelo in ("lstm", "gru") and oculta and oculta != 32 else ""
        saida.append(f"| {VARIANTES.get(var, var)} | {NOMES_MODELO.get(modelo, modelo).split(' (')[0]}{tamanho}, "
                     f"{NOMES_LADO.get(lado, lado)} | {antes_txt} | {num(depois, 1)} | {ganho} | {comp} |")


def espera(linhas, saida):
    por = defaultdict(list)
    for l in linhas:
        por[l["medida"]].append(l)
    if "curso_servidor_pronto" in por:
        s = por["curso_servidor_pronto"][0]["segundos"]
        p = por["curso_primeira_celula"][0]
        saida.append(f"- `scripts/curso.sh` até o JupyterLab responder: **{seg(s)}**; até a primeira célula de um kernel GoNB "
                     f"novo terminar (criado pela API do servidor, como o navegador faz): **{seg(p['segundos'])}**.")
    if "kernel_inicia" in por:
        saida.append(f"- Iniciar um kernel GoNB: {seg(por['kernel_inicia'][0]['segundos'])}.")
    saida.append("\n| célula | 1ª vez | de novo (mediana) |")
    saida.append("|---|---:|---:|")
    for nome in ["trivial", "declara", "depois", "grafico", "modelo"]:
        ls = por.get(nome)
        if not ls:
            continue
        primeira = ls[0]["segundos"]
        outras = med([l["segundos"] for l in ls[1:]])
        saida.append(f"| {NOMES_ESPERA[nome]} | {seg(primeira)} | {seg(outras)} |")


def licoes(saida):
    """O modo completo de cada lição, de saidas/completo/tempos.tsv (escrito
    por scripts/resultados.sh, que roda as lições inteiras: ~30 min)."""
    arq = Path(__file__).resolve().parents[2] / "saidas" / "completo" / "tempos.tsv"
    if not arq.exists():
        saida.append("- O tempo de cada lição no modo completo sai de `scripts/resultados.sh` (que não rodou nesta máquina).")
        return
    linhas = arq.read_text(encoding="utf-8").splitlines()
    cabeca = linhas[0].lstrip("# ").strip() if linhas and linhas[0].startswith("#") else ""
    tempos = [l.split("\t") for l in linhas if l and not l.startswith("#")]
    total = sum(int(t) for _, t in tempos)
    saida.append(f"Uma lição inteira no modo completo, com as soluções, motor XLA (`scripts/resultados.sh`; {cabeca}):\n")
    saida.append("| lição | tempo |")
    saida.append("|---|---:|")
    for nome, t in tempos:
        saida.append(f"| {nome} | {seg(int(t))} |")
    saida.append(f"| **o curso todo** | **{seg(total)}** |\n")


def main():
    pasta = Path(sys.argv[1])
    maq = json.loads((pasta / "maquina.json").read_text())
    linhas = le_jsonl(pasta / "treino.jsonl")
    s = []
    s.append("# Desempenho: aprender deep learning em Go é mais lento que em Python?\n")
    s.append(f"Relatório gerado por `scripts/bench.sh` em {maq['data']} — não edite à mão: rode o script de novo.\n")
    s.append(f"**Máquina:** {maq['cpu']}, {maq['nucleos']} núcleos, {maq['memoria']} de memória, sem GPU. "
             f"{maq['go']}, GoMLX {maq['gomlx']} (plugin XLA para CPU `{maq['xla'] if ' ' in maq['xla'] else 'xla-cpu-pjrt ' + maq['xla']}`), "
             f"PyTorch {maq['torch']} (do PyPI), Python {maq['python']}. "
             f"{'O GoMLX compilado com `GOEXPERIMENT=' + maq['goexperiment'] + '` (o do curso: `scripts/ambiente-go.sh`). ' if maq.get('goexperiment') not in (None, '', '—') else ''}"
             f"Threads: **{maq['threads']}** para os dois lados "
             f"(`torch.set_num_threads`; o XLA usa um thread por núcleo). Carga média da máquina (1 min) no início: "
             f"{maq.get('carga', '—')}; no fim: {(pasta / 'carga-fim.txt').read_text().strip() if (pasta / 'carga-fim.txt').exists() else '—'} "
             f"(com {maq['nucleos']} núcleos, carga acima de ~0,5 antes de começar quer dizer outro programa dividindo a CPU).\n")
    s.append("## 1. Treino: GoMLX × PyTorch\n")
    s.append("Mesma arquitetura, mesmo lote, mesmo otimizador (Adam, com a mesma taxa), mesmos dados (MNIST dos arquivos "
             "`dados/mnist`; na LSTM e na GRU, as mesmas sequências, gravadas pelo lado Go), na mesma máquina e na mesma execução do script. *ms por passo*: mediana de 3 janelas de "
             "passos, depois de um aquecimento; *tempo até o alvo*: só o tempo de treino (sem as avaliações) de um modelo "
             "novo até a acurácia no teste passar do alvo, avaliando a cada 100 passos; a compilação do primeiro passo "
             "conta. *tempo ÷ PyTorch* < 1 quer dizer que o GoMLX foi mais rápido; entre parênteses, a faixa da razão "
             "execução a execução (a i-ésima execução de cada lado usa a mesma semente)"
             + ("; os lados se alternam execução a execução (GoMLX-XLA, PyTorch, Go puro, e de novo), para que cada par "
                "seja medido sob as mesmas condições — a velocidade desta máquina varia ao longo dos minutos."
                if maq.get("lados_alternados") else
                "; cada lado fez todas as suas execuções de uma vez (um lado depois do outro)."))
    treino(linhas, s)
    tamanhos(linhas, s)
    so_passo(linhas, s)
    transformers(linhas, s)
    s.append("\n## 2. Quanto o aluno espera no notebook\n")
    licoes(s)
    s.append("O GoNB compila cada célula como um programa Go (com o cache de compilação aquecido pelo setup) e o roda; "
             "as declarações (funções, tipos) das células anteriores entram em todo programa seguinte.\n")
    espera(le_jsonl(pasta / "espera.jsonl"), s)
    s.append("\n## 3. O que otimizamos (antes e depois, medidos nesta execução)\n")
    s.append((Path(__file__).parent / "otimizacoes.md").read_text())
    antes_depois(linhas, s)
    s.append("\n## Como reproduzir\n")
    s.append("```bash\nscripts/bench.sh                 # tudo (instala o PyTorch do PyPI num ambiente à parte, ~5 GB)\n"
             "BENCH_REPETICOES=5 scripts/bench.sh\n```\n")
    s.append(f"Medidas brutas (JSON) desta execução: `{maq['pasta']}`.\n")
    print("\n".join(s))


if __name__ == "__main__":
    main()
