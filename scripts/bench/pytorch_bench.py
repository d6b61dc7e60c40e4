"""Os modelos das lições no PyTorch (CPU), para comparar com o GoMLX.

Mesma arquitetura, lote, otimizador (Adam, com a mesma taxa), dados e ordem de
medida que scripts/bench/velocidade (o lado Go). Escreve uma linha JSON por
execução. Uso (pelo scripts/bench.sh):

  python pytorch_bench.py --modelo lenet --threads 2 --repeticoes 3
"""

import argparse
import gzip
import json
import math
import os
import statistics
import struct
import sys
import time

import torch
from torch import nn

RAIZ = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def le_idx(caminho):
    with gzip.open(caminho, "rb") as f:
        dados = f.read()
    magico, n = struct.unpack(">II", dados[:8])
    if magico == 2051:
        h, w = struct.unpack(">II", dados[8:16])
        x = torch.frombuffer(bytearray(dados[16:]), dtype=torch.uint8).reshape(n, h, w)
        return x.float() / 255.0
    return torch.frombuffer(bytearray(dados[8:]), dtype=torch.uint8).long()


def mnist(parte):
    pasta = os.environ.get("REPRESENTACOES_DADOS", os.path.join(RAIZ, "dados"))
    pre = "train" if parte == "treino" else "t10k"
    x = le_idx(os.path.join(pasta, "mnist", f"{pre}-images-idx3-ubyte.gz"))
    y = le_idx(os.path.join(pasta, "mnist", f"{pre}-labels-idx1-ubyte.gz"))
    return x, y


class LeNet(nn.Module):
    """cnn.LeNet(): conv 5×5 ×16 → pool → conv 5×5 ×32 → pool → densa 128 → 10."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 16, 5, padding=2)
        self.c2 = nn.Conv2d(16, 32, 5, padding=2)
        self.d = nn.Linear(7 * 7 * 32, 128)
        self.s = nn.Linear(128, 10)

    def forward(self, x):
        x = x.unsqueeze(1)
        x = torch.max_pool2d(torch.relu(self.c1(x)), 2)
        x = torch.max_pool2d(torch.relu(self.c2(x)), 2)
        x = torch.relu(self.d(x.flatten(1)))
        return self.s(x)


class MLP(nn.Module):
    """O MLP da lição 00: 784 → 256 → 128 → 10."""

    def __init__(self):
        super().__init__()
        self.rede = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))

    def forward(self, x):
        return self.rede(x)


class LSTM(nn.Module):
    """rnn.Camada{Tipo: rnn.LSTM, Oculta: 32} + densa, como na tarefa da memória
    da lição 02. Pesos em ±1/√oculta (o padrão de ambos); vieses em zero, menos
    o da porta de esquecimento, em 1 — como o pacote rnn."""

    def __init__(self, entrada=9, oculta=32, classes=8):
        super().__init__()
        self.lstm = nn.LSTM(entrada, oculta, batch_first=True)
        self.saida = nn.Linear(oculta, classes)
        with torch.no_grad():
            self.lstm.bias_ih_l0.zero_()
            self.lstm.bias_hh_l0.zero_()
            self.lstm.bias_ih_l0[oculta:2 * oculta] = 1.0  # ordem do PyTorch: i, f, g, o

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return self.saida(h[-1])


MODELOS = {"lenet": LeNet, "mlp": MLP, "lstm": LSTM}


def memoria(pasta):
    """As sequências da tarefa da memória, gravadas pelo lado Go (velocidade -exporta)."""
    info = json.load(open(os.path.join(pasta, "memoria.json")))
    def le(parte):
        x = torch.frombuffer(bytearray(open(os.path.join(pasta, f"memoria-{parte}-x.f32"), "rb").read()), dtype=torch.float32)
        y = torch.frombuffer(bytearray(open(os.path.join(pasta, f"memoria-{parte}-y.i32"), "rb").read()), dtype=torch.int32)
        return x.reshape(-1, info["tempo"], info["caracteristicas"]), y.long()
    return le("treino") + le("teste")


def acuracia(modelo, x, y):
    modelo.eval()
    with torch.no_grad():
        certos = sum((modelo(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item() for i in range(0, len(x), 1000))
    modelo.train()
    return certos / len(x)


def taxa_no_passo(args, t):
    """A taxa do passo t (a partir de 0): constante, ou o decaimento cosseno de
    treino.Treina (cosineschedule do GoMLX), de taxa a taxa/20 em args.decaimento passos."""
    if args.decaimento <= 0:
        return args.taxa
    minima = args.taxa / 20
    fracao = (t % args.decaimento) / args.decaimento
    return minima + (args.taxa - minima) * (1 + math.cos(math.pi * fracao)) / 2


def uma_execucao(args, semente, xtr, ytr, xte, yte, novo_modelo):
    torch.manual_seed(semente)
    modelo = novo_modelo()
    otim = torch.optim.Adam(modelo.parameters(), lr=args.taxa)
    t_passo = 0
    perda_fn = nn.CrossEntropyLoss()
    gerador = torch.Generator().manual_seed(semente)
    ordem = torch.randperm(len(xtr), generator=gerador)
    pos = 0

    def passo():
        nonlocal pos, ordem, t_passo
        for grupo in otim.param_groups:
            grupo["lr"] = taxa_no_passo(args, t_passo)
        t_passo += 1
        if pos + args.lote > len(ordem):
            ordem, pos = torch.randperm(len(xtr), generator=gerador), 0
        idx = ordem[pos:pos + args.lote]
        pos += args.lote
        otim.zero_grad(set_to_none=True)
        perda = perda_fn(modelo(xtr[idx]), ytr[idx])
        perda.backward()
        otim.step()
        return perda

    t0 = time.perf_counter()
    passo()
    primeiro = time.perf_counter() - t0
    for _ in range(args.aquecimento):
        passo()
    janelas = []
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(args.passos):
            passo()
        janelas.append((time.perf_counter() - t0) / args.passos)
    ms = statistics.median(janelas) * 1000
    # Tempo até a acurácia-alvo no teste, com um modelo novo (só o treino conta).
    torch.manual_seed(semente)
    modelo = novo_modelo()
    otim = torch.optim.Adam(modelo.parameters(), lr=args.taxa)
    t_passo = 0
    treino_s, n, ac = 0.0, 0, 0.0
    while n < args.max_passos:
        t0 = time.perf_counter()
        for _ in range(args.avaliar_a_cada):
            passo()
        treino_s += time.perf_counter() - t0
        n += args.avaliar_a_cada
        ac = acuracia(modelo, xte, yte)
        if ac >= args.alvo:
            break
    return {"lado": "pytorch", "modelo": args.modelo, "threads": torch.get_num_threads(), "lote": args.lote,
            "ms_por_passo": ms, "exemplos_por_s": args.lote / (ms / 1000), "primeiro_passo_s": primeiro,
            "alvo": args.alvo, "taxa": args.taxa, "decaimento": args.decaimento, "passos_ate_alvo": n if ac >= args.alvo else None,
            "segundos_ate_alvo": treino_s if ac >= args.alvo else None, "acuracia_final": ac,
            "versao": torch.__version__}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--modelo", choices=sorted(MODELOS), required=True)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--lote", type=int, default=128)
    p.add_argument("--taxa", type=float, default=1e-3)
    p.add_argument("--decaimento", type=int, default=0, help="> 0: decaimento cosseno da taxa em tantos passos")
    p.add_argument("--passos", type=int, default=50, help="passos por janela de medida (3 janelas)")
    p.add_argument("--aquecimento", type=int, default=10)
    p.add_argument("--alvo", type=float, default=0.98)
    p.add_argument("--avaliar-a-cada", type=int, default=100)
    p.add_argument("--max-passos", type=int, default=3000)
    p.add_argument("--repeticoes", type=int, default=3)
    p.add_argument("--oculta", type=int, help="tamanho do estado da LSTM (padrão: o de memoria.json, o da lição)")
    p.add_argument("--variante", default="", help="rótulo desta medida no relatório")
    p.add_argument("--dados-lstm", help="pasta com as sequências da tarefa da memória (do lado Go)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    novo_modelo = MODELOS[args.modelo]
    if args.modelo == "lstm":
        xtr, ytr, xte, yte = memoria(args.dados_lstm)
        info = json.load(open(os.path.join(args.dados_lstm, "memoria.json")))
        args.oculta = args.oculta or info["oculta"]
        novo_modelo = lambda: LSTM(info["caracteristicas"], args.oculta, info["classes"])
    else:
        xtr, ytr = mnist("treino")
        xte, yte = mnist("teste")
    for r in range(args.repeticoes):
        res = uma_execucao(args, 42 + r, xtr, ytr, xte, yte, novo_modelo)
        if args.modelo == "lstm":
            res["oculta"] = args.oculta
        if args.variante:
            res["variante"] = args.variante
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    sys.exit(main())
