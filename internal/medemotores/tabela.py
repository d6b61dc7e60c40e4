#!/usr/bin/env python3
"""Lê as medidas de mede.sh (JSON por linha) e escreve as tabelas do MOTORES.md.

Uso: internal/medemotores/tabela.py medidas.jsonl
Para cada modelo e motor: a mediana das rodadas do tempo por passo e do 1º
passo (compilar). A estimativa de cada lição soma, treino a treino,
compilar + passos equivalentes × s/passo (sem as avaliações de validação).
"""
import json, statistics, sys

med = {}
for linha in open(sys.argv[1]):
    linha = linha.strip()
    if not linha.startswith("{"):
        continue
    m = json.loads(linha)
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

# (lição, treino, modelo medido, passos equivalentes e compilações: completo, rápido, nota)
TREINOS = [
    ("00", "perceptron, lote 128", "00-perceptron", (2000, 1), (300, 1), ""),
    ("00", "MLP 784-256-128-10, lote 128", "00-mlp", (6000, 1), (400, 1), ""),
    ("01", "LeNet, lote 128", "01-lenet", (2500, 1), (250, 1), ""),
    ("01", "a rede do aluno (a da dica: c8k3p2-c16k3p2-d32), lote 64", "01-minha-rede", (400, 1), (400, 1), "¹"),
    ("02", "memória: RNN simples 32, T = 10, 20, 30, 50", "02-memoria-rnn-T30", (4000 * 110 / 30, 4), (250 * 16 / 30, 2), "²"),
    ("02", "memória: LSTM 32, T = 10, 20, 30, 50 (3 inicializações com T = 50)", "02-memoria-lstm-T30", (4000 * 210 / 30, 6), (250 * 16 / 30, 2), "²"),
    ("02", "memória: GRU 32, T = 10, 20, 30, 50 (3 inicializações com T = 50)", "02-memoria-gru-T30", (4000 * 210 / 30, 6), (250 * 16 / 30, 2), "²"),
    ("02", "manchas solares: 6 modelos (2 no rápido), janela 20, lote 32", "02-manchas-lstm", (1500 * 9, 6), (300 * 2, 2), "³"),
    ("02", "palavras: LSTM 128×2 (48×1 no rápido), T = 15, lote 128", "02-palavras-lstm128x2", (4000, 1), None, ""),
    ("02", "palavras (modo rápido): LSTM 48", "02-palavras-lstm48", None, (200, 1), ""),
    ("03", "DBN: RBMs 784-500 e 500-500 (200 no rápido), CD-1, lote 64", "03-rbm-784-500", (8000 * 1.64, 2), (300 * 0.5, 2), "⁴"),
    ("03", "ajuste fino 784-500-500-10 (2 redes + 600 rótulos × 3 sementes)", "03-ajuste-784-500-500-10", (12000 * 2 + 3 * 2 * 1000, 8), ((200 * 2 + 2 * 200) * 0.31, 4), "⁵"),
    ("04", "GAN do anel (1 passo de D + 10 de G, lote 128), 2 treinos", "04-gan-anel", (12000, 2), (600, 2), ""),
    ("04", "GAN de dígitos (G 100-256-512-1024-784, D 784-512-256-1), lote 64", "04-gan-digitos", (25000, 1), (300, 1), ""),
    ("04", "a GAN do aluno (1 D + 1 G, lote 256), 1.500 passos", "04-gan-anel", (1500 * 0.36, 1), (1500 * 0.36, 1), "⁶"),
]

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
