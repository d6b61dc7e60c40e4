#!/usr/bin/env python3
"""Lê as medidas de mede.sh (JSON por linha) e escreve as tabelas do MOTORES.md.

Uso: internal/medemotores/tabela.py medidas.jsonl
Para cada modelo e motor: a mediana das rodadas do tempo por passo e do 1º
passo (compilar). A estimativa de cada lição soma, treino a treino,
compilar + passos equivalentes × s/passo (sem as avaliações de validação).
"""
import json, statistics, sys

med = {}
treinos = []
for linha in open(sys.argv[1]):
    linha = linha.strip()
    if not linha.startswith("{"):
        continue
    m = json.loads(linha)
    if "treino" in m:
        if m["treino"] not in treinos:  # várias execuções do mede.sh no mesmo arquivo
            treinos.append(m["treino"])
        continue
    if m.get("falhou"):
        continue
    med.setdefault((m["modelo"], m["motor"]), []).append(m)

def mediana(modelo, motor, campo):
    v = [m[campo] for m in med.get((modelo, motor), [])]
    return statistics.median(v) if v else float("nan")

def num(x, casas):
    return f"{x:,.{casas}f}".replace(",", "X").replace(".", ",").replace("X", ".")

def dur(s):
    if s != s:
        return "—"
    if s < 60:
        return f"{num(s, 0)} s"
    if s < 5400:
        return f"{num(s / 60, 0)} min"
    return f"{num(s / 3600, 1)} h"

def ms(s):
    if s < 0.01:
        return num(1000 * s, 2) + " ms"
    if s < 1:
        return num(1000 * s, 0) + " ms"
    return num(s, 2) + " s"

# (lição, treino, modelo medido, passos equivalentes e compilações: completo, rápido, nota). A tabela é a do
# medemotores_test.go (treinos), que o mede.sh escreve no começo do arquivo das medidas.
def equivalente(e):
    return None if e is None else (e["passos"], e["compilacoes"])

TREINOS = [(t["licao"], t["nome"], t["modelo"], equivalente(t["completo"]), equivalente(t["rapido"]), t["nota"])
           for t in treinos]
if not TREINOS:
    sys.exit(f"{sys.argv[1]} não traz a tabela dos treinos (linhas {{\"treino\": …}}): meça de novo com o mede.sh")

def estimativa(modelo, motor, eq):
    if eq is None:
        return 0.0
    passos, compilacoes = eq
    return compilacoes * mediana(modelo, motor, "compilar_s") + passos * mediana(modelo, motor, "passo_s")

licoes = {}
for licao, nome, modelo, completo, rapido, nota in TREINOS:
    licoes.setdefault(licao, []).append((nome, modelo, completo, rapido, nota))

for licao, treinos in licoes.items():
    print(f"\n### Lição {licao}\n")
    print("| treino | passos (completo / rápido) | s/passo XLA | s/passo Go puro | Go ÷ XLA | completo: XLA | completo: Go puro | rápido: XLA | rápido: Go puro |")
    print("|---|---|---|---|---|---|---|---|---|")
    tot = {"xc": 0, "gc": 0, "xr": 0, "gr": 0}
    for nome, modelo, completo, rapido, nota in treinos:
        x, g = mediana(modelo, "xla", "passo_s"), mediana(modelo, "go", "passo_s")
        pc = num(completo[0], 0) if completo else "—"
        pr = num(rapido[0], 0) if rapido else "—"
        e = {"xc": estimativa(modelo, "xla", completo), "gc": estimativa(modelo, "go", completo),
             "xr": estimativa(modelo, "xla", rapido), "gr": estimativa(modelo, "go", rapido)}
        for k in tot:
            tot[k] += e[k]
        print(f"| {nome}{nota} | {pc} / {pr} | {ms(x)} | {ms(g)} | {num(g / x, 0)}× | {dur(e['xc']) if completo else '—'} | {dur(e['gc']) if completo else '—'} | {dur(e['xr']) if rapido else '—'} | {dur(e['gr']) if rapido else '—'} |")
    print(f"| **total da lição** | | | | | **{dur(tot['xc'])}** | **{dur(tot['gc'])}** | **{dur(tot['xr'])}** | **{dur(tot['gr'])}** |")

print("\n### Medidas brutas (medianas das rodadas)\n")
print("| modelo | motor | 1º passo (compilar) | s/passo | rodadas | carga (1 min) |")
print("|---|---|---|---|---|---|")
for (modelo, motor), ms_ in sorted(med.items()):
    print(f"| {modelo} | {motor} | {num(mediana(modelo, motor, 'compilar_s'), 2)} s | {ms(mediana(modelo, motor, 'passo_s'))} | {len(ms_)} | "
          + ", ".join(m['carga'].replace('.', ',') for m in ms_) + " |")
