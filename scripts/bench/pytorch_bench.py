"""Os modelos das lições no PyTorch (CPU), para comparar com o GoMLX.

Mesma arquitetura, lote, otimizador (Adam, com a mesma taxa), dados e ordem de
medida que internal/cmd/velocidade (o lado Go). Escreve uma linha JSON por
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


class GRU(nn.Module):
    """rnn.Camada{Tipo: rnn.GRU, Oculta: 32} + densa, como na tarefa da memória
    da lição 02. Vieses em zero, menos o da porta de atualização z, em 1 — como
    o pacote rnn. Uma diferença que não muda o custo: o nn.GRU aplica a porta
    de reinício depois do produto (r ⊙ (h·U_h + b)); o pacote rnn, antes
    ((r ⊙ h)·U_h), como Cho et al. (2014)."""

    def __init__(self, entrada=9, oculta=32, classes=8):
        super().__init__()
        self.gru = nn.GRU(entrada, oculta, batch_first=True)
        self.saida = nn.Linear(oculta, classes)
        with torch.no_grad():
            self.gru.bias_ih_l0.zero_()
            self.gru.bias_hh_l0.zero_()
            self.gru.bias_ih_l0[oculta:2 * oculta] = 1.0  # ordem do PyTorch: r, z, n

    def forward(self, x):
        _, h = self.gru(x)
        return self.saida(h[-1])


class FundaRes(nn.Module):
    """cnn.Funda{Camadas: 10, Filtros: 8, BN: true, Residual: true} da lição 01:
    conv 3×3 ×8 → BN → ReLU → pool → 5 blocos residuais (conv → BN → ReLU →
    conv → BN, somado à entrada, → ReLU) → pool → densa 10. A BN como
    cnn.NormalizaLote: ε = 1e-5 e médias móveis que guardam 0,9 do valor
    anterior (momentum = 0,1 no PyTorch)."""

    def __init__(self, filtros=8, blocos=5):
        super().__init__()
        conv = lambda entrada: nn.Conv2d(entrada, filtros, 3, padding=1)
        bn = lambda: nn.BatchNorm2d(filtros, eps=1e-5, momentum=0.1)
        self.c0, self.n0 = conv(1), bn()
        self.blocos = nn.ModuleList(nn.ModuleList([conv(filtros), bn(), conv(filtros), bn()]) for _ in range(blocos))
        self.s = nn.Linear(7 * 7 * filtros, 10)

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.n0(self.c0(x.unsqueeze(1)))), 2)
        for ca, na, cb, nb in self.blocos:
            x = torch.relu(x + nb(cb(torch.relu(na(ca(x))))))
        return self.s(torch.max_pool2d(x, 2).flatten(1))


MODELOS = {"lenet": LeNet, "funda-res": FundaRes, "mlp": MLP, "lstm": LSTM, "gru": GRU}


# --- Modelos medidos só pelo tempo do passo (lições 03 e 04) ---------------

class RBM:
    """A RBM da lição 03 escrita com tensores, como nos tutoriais, com a
    atualização de pkg/rbm (passoCD em grafo.go): h0 ~ p(h|v0), reconstrução
    p(v|h0), erro quadrático médio; fase negativa vk ~ p(v|h0) (CD-1) ou um
    passo de Gibbs a partir das cadeias persistentes (PCD); ΔW = (v0ᵀp(h|v0) −
    vkᵀp(h|vk))/n − decaimento·W, Δb e Δc as médias; velocidade ← momento ·
    velocidade + taxa·Δ; θ ← θ + velocidade. A taxa cai em linha reta até 1/10
    e o momento é 0,5 nos primeiros 5% dos passos e 0,9 depois (rbm.Config)."""

    def __init__(self, dados, visiveis=784, ocultas=500, lote=64, taxa=0.05, passos=8000, persistente=False,
                 decaimento=0.0, primeiro=None):
        self.W = 0.01 * torch.randn(visiveis, ocultas)
        p = dados.mean(0).clamp(0.01, 0.99)
        self.b = torch.log(p / (1 - p))  # vieses visíveis pela frequência de cada pixel (IniciaViesesVisiveis)
        self.c = torch.zeros(ocultas)
        self.vW, self.vb, self.vc = torch.zeros_like(self.W), torch.zeros_like(self.b), torch.zeros_like(self.c)
        self.taxa, self.passos, self.decaimento, self.lote = taxa, passos, decaimento, lote
        self.cadeia = (primeiro > 0.5).float() if persistente else None

    def passo(self, v0, t):
        """O passo t (a partir de 1) no lote v0; devolve o erro de reconstrução."""
        taxa = self.taxa * (1 - 0.9 * (t - 1) / max(1, self.passos - 1))
        momento = 0.5 if t <= self.passos // 20 else 0.9
        ph0 = torch.sigmoid(v0 @ self.W + self.c)
        h0 = torch.bernoulli(ph0)
        pv1 = torch.sigmoid(h0 @ self.W.T + self.b)
        erro = ((v0 - pv1) ** 2).mean()
        if self.cadeia is None:
            vk = torch.bernoulli(pv1)
        else:
            h = torch.bernoulli(torch.sigmoid(self.cadeia @ self.W + self.c))
            vk = torch.bernoulli(torch.sigmoid(h @ self.W.T + self.b))
            self.cadeia = vk
        phk = torch.sigmoid(vk @ self.W + self.c)
        n = v0.shape[0]
        dW = (v0.T @ ph0 - vk.T @ phk) / n - self.decaimento * self.W
        db = (v0 - vk).mean(0)
        dc = (ph0 - phk).mean(0)
        for vel, d, par in ((self.vW, dW, self.W), (self.vb, db, self.b), (self.vc, dc, self.c)):
            vel.mul_(momento).add_(d, alpha=taxa)
            par.add_(vel)
        return erro.item()


def mlp(tamanhos, tanh=False):
    """Um MLP com LeakyReLU(0,2) entre as camadas, como os de pkg/gan."""
    camadas = []
    for i in range(len(tamanhos) - 1):
        camadas.append(nn.Linear(tamanhos[i], tamanhos[i + 1]))
        if i < len(tamanhos) - 2:
            camadas.append(nn.LeakyReLU(0.2))
    if tanh:
        camadas.append(nn.Tanh())
    return nn.Sequential(*camadas)


GANS = {
    # gan.ConfigAnel(false) da lição 04: 10 passos de G por passo de D (a taxa fica constante: o decaimento
    # cosseno do lado Go é uma conta por passo, que não pesa no tempo)
    "gan-anel": dict(dados=2, latente=2, gerador=[128, 128], discriminador=[128, 128], tanh=False, lote=128, taxa=1e-3,
                     passos_g=10,
                     tarefa="anel de 8 gaussianas; G 2→128→128→2, D 2→128→128→1; um passo de D e 10 de G"),
    # gan.ConfigDigitos da lição 04 (com a taxa constante, como acima)
    "gan-digitos": dict(dados=784, latente=100, gerador=[256, 512, 1024], discriminador=[512, 256], tanh=True, lote=64,
                        taxa=2e-4, tarefa="MNIST em [−1, 1]; G 100→256→512→1024→784 (tanh), D 784→512→256→1; um passo de D e um de G"),
}


class GAN:
    """Uma GAN de MLPs com a ordem de pkg/gan (Passo): um passo de D (reais
    contra G(z) sem gradiente para G) e depois passos_g passos de G (padrão 1),
    cada um com z novo e a perda não saturante −média log D(G(z)). Adam com β₁ = 0,5 e β₂ = 0,999
    (os de gan.Adam) nos dois jogadores. No passo de G, os pesos de D não
    pedem gradiente (o gan.Adam de G só deriva em relação às variáveis de G)."""

    def __init__(self, c):
        self.c = c
        self.G = mlp([c["latente"]] + c["gerador"] + [c["dados"]], c["tanh"])
        self.D = mlp([c["dados"]] + c["discriminador"] + [1])
        self.otimD = torch.optim.Adam(self.D.parameters(), lr=c["taxa"], betas=(0.5, 0.999), eps=1e-8)
        self.otimG = torch.optim.Adam(self.G.parameters(), lr=c["taxa"], betas=(0.5, 0.999), eps=1e-8)

    def passo(self, reais):
        lote, f = self.c["lote"], nn.functional.softplus
        with torch.no_grad():
            falsos = self.G(torch.randn(lote, self.c["latente"]))
        lr, lf = self.D(reais).reshape(-1), self.D(falsos).reshape(-1)
        perda_d = f(-lr).mean() + f(lf).mean()
        self.otimD.zero_grad(set_to_none=True)
        perda_d.backward()
        self.otimD.step()
        self.D.requires_grad_(False)
        for _ in range(self.c.get("passos_g", 1)):
            lf2 = self.D(self.G(torch.randn(lote, self.c["latente"]))).reshape(-1)
            perda_g = f(-lf2).mean()
            self.otimG.zero_grad(set_to_none=True)
            perda_g.backward()
            self.otimG.step()
        self.D.requires_grad_(True)
        # As métricas que gan.Passo devolve (e lê do motor a cada passo).
        return perda_d.item(), torch.sigmoid(lr).mean().item(), torch.sigmoid(lf).mean().item(), perda_g.item()


class Restaura:
    """A restauração da lição 04 (gan.ConfigRestauracao(true)): o gerador lê a imagem 7×7 (a média de cada bloco
    4×4 da original) com uma conv 3×3 (16), dobra o lado duas vezes com convoluções transpostas (núcleo 4, passo 2,
    preenchimento 1, 16 canais; núcleo 2, passo 2, 8 canais) e fecha com uma conv 3×3 e tanh; D junta cada bloco
    2×2 em 4 canais, conv 3×3 (16), média 2×2, conv 3×3 (32), densa. A ordem de pkg/gan (Restaurador.Passo): um
    passo de G (L1 + 0,05·(−log D(G(x)))) e depois um de D nas restauradas do G novo. Adam 1e-3 (G) e 2e-4 (D),
    β₁ = 0,5."""

    def __init__(self):
        a = lambda: nn.LeakyReLU(0.2)
        self.G = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), a(), nn.ConvTranspose2d(16, 16, 4, 2, 1), a(),
                               nn.ConvTranspose2d(16, 8, 2, 2, 0), a(), nn.Conv2d(8, 1, 3, padding=1), nn.Tanh())
        self.D = nn.Sequential(nn.PixelUnshuffle(2), nn.Conv2d(4, 16, 3, padding=1), a(), nn.AvgPool2d(2),
                               nn.Conv2d(16, 32, 3, padding=1), a(), nn.Flatten(), nn.Linear(32 * 7 * 7, 1))
        self.otimG = torch.optim.Adam(self.G.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)
        self.otimD = torch.optim.Adam(self.D.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)

    def passo(self, reais):
        f = nn.functional.softplus
        x = nn.functional.avg_pool2d(reais, 4)
        self.D.requires_grad_(False)
        restauradas = self.G(x)
        l1 = (restauradas - reais).abs().mean()
        perda_g = l1 + 0.05 * f(-self.D(restauradas).reshape(-1)).mean()
        self.otimG.zero_grad(set_to_none=True)
        perda_g.backward()
        self.otimG.step()
        self.D.requires_grad_(True)
        with torch.no_grad():
            falsos = self.G(x)
        lr, lf = self.D(reais).reshape(-1), self.D(falsos).reshape(-1)
        perda_d = f(-lr).mean() + f(lf).mean()
        self.otimD.zero_grad(set_to_none=True)
        perda_d.backward()
        self.otimD.step()
        return l1.item(), perda_g.item(), perda_d.item(), torch.sigmoid(lr).mean().item(), torch.sigmoid(lf).mean().item()


def passo_restaura(args, semente):
    x, _ = mnist("treino")
    x = 2 * x.reshape(len(x), 1, 28, 28) - 1
    gerador = torch.Generator().manual_seed(semente)
    r = Restaura()
    tarefa = ("MNIST 7×7 → 28×28; G conv 3×3 (16), transpostas 4×4/2 (16) e 2×2/2 (8), conv 3×3; "
              "D 2×2→canais, conv 3×3 (16), média 2×2, conv 3×3 (32), densa; um passo de G (L1 + 0,05·adversarial) e um de D")
    return 16, tarefa, lambda: r.passo(x[torch.randint(len(x), (16,), generator=gerador)])


def anel(n, gerador, modos=8, raio=2.0, sigma=0.05):
    """n pontos do anel de gan.AnelPadrao: um modo sorteado e ruído normal de desvio sigma."""
    ang = 2 * math.pi * torch.randint(modos, (n,), generator=gerador).float() / modos
    centros = torch.stack([raio * torch.cos(ang), raio * torch.sin(ang)], 1)
    return centros + sigma * torch.randn(n, 2, generator=gerador)


def passo_rbm(args, semente, persistente):
    """O passo da RBM; os lotes vêm de uma ordem embaralhada, época a época (como rbm.Treina)."""
    x, _ = mnist("treino")
    x = (x.reshape(len(x), -1) > 0.5).float()
    gerador = torch.Generator().manual_seed(semente)
    estado = {"ordem": torch.randperm(len(x), generator=gerador), "pos": 0, "t": 0}

    def proximo():
        if estado["pos"] + 64 > len(x):
            estado["ordem"], estado["pos"] = torch.randperm(len(x), generator=gerador), 0
        idx = estado["ordem"][estado["pos"]:estado["pos"] + 64]
        estado["pos"] += 64
        return x[idx]

    r = RBM(x, persistente=persistente, primeiro=proximo())
    tarefa = ("PCD (k = 1)" if persistente else "CD-1") + ", RBM 784→500 no MNIST binarizado, taxa 0,05, momento 0,5→0,9"

    def passo():
        estado["t"] += 1
        r.passo(proximo(), estado["t"])
    return 64, tarefa, passo


def passo_gan(args, semente):
    c = GANS[args.modelo]
    g = GAN(c)
    gerador = torch.Generator().manual_seed(semente)
    if args.modelo == "gan-anel":
        amostra = lambda: anel(c["lote"], gerador)
    else:
        x, _ = mnist("treino")
        x = 2 * x.reshape(len(x), -1) - 1
        amostra = lambda: x[torch.randint(len(x), (c["lote"],), generator=gerador)]
    return c["lote"], c["tarefa"], lambda: g.passo(amostra())


# --- Os Transformers da lição 05 (pkg/atencao), só o tempo do passo --------

class TransformerRecordacao(nn.Module):
    """transformer-recordacao: atencao.Transformer{Dimensao: 64, Cabecas: 4,
    Camadas: 1, Oculta: 128}.Classificador(0, 8). A entrada one-hot passa por
    uma densa sem viés (a tabela), um bloco com a normalização antes de cada
    parte (norm_first=True, ReLU, sem dropout), a normalização final e a densa
    de saída na última posição. A normalização de camada do GoMLX tem ganho e
    deslocamento e epsilon 1e-3: aqui, o mesmo."""

    def __init__(self, entrada=65, d=64, cabecas=4, oculta=128, classes=8):
        super().__init__()
        self.tabela = nn.Linear(entrada, d, bias=False)
        self.bloco = nn.TransformerEncoderLayer(d_model=d, nhead=cabecas, dim_feedforward=oculta, dropout=0.0,
                                                activation="relu", batch_first=True, norm_first=True, layer_norm_eps=1e-3)
        self.norma = nn.LayerNorm(d, eps=1e-3)
        self.saida = nn.Linear(d, classes)

    def forward(self, x):
        return self.saida(self.norma(self.bloco(self.tabela(x)))[:, -1])


class TransformerPalavras(nn.Module):
    """transformer-palavras: atencao.Transformer{Dimensao: 64, Cabecas: 4,
    Camadas: 2, Posicoes: Aprendidas, Causal: true}.PorPosicao(V, V): a tabela
    (nn.Embedding), as posições aprendidas (somadas; normal de desvio 0,02,
    como no pacote), dois blocos com a máscara causal, a normalização final e
    a densa de saída em cada posição."""

    def __init__(self, simbolos=40, tempo=15, d=64, cabecas=4, camadas=2):
        super().__init__()
        self.tabela = nn.Embedding(simbolos, d)
        self.posicoes = nn.Parameter(0.02 * torch.randn(tempo, d))
        self.blocos = nn.ModuleList(
            nn.TransformerEncoderLayer(d_model=d, nhead=cabecas, dim_feedforward=4 * d, dropout=0.0, activation="relu",
                                       batch_first=True, norm_first=True, layer_norm_eps=1e-3) for _ in range(camadas))
        self.norma = nn.LayerNorm(d, eps=1e-3)
        self.saida = nn.Linear(d, simbolos)
        self.register_buffer("mascara", nn.Transformer.generate_square_subsequent_mask(tempo), persistent=False)

    def forward(self, x):
        h = self.tabela(x) + self.posicoes
        for b in self.blocos:
            h = b(h, src_mask=self.mascara, is_causal=True)
        return self.saida(self.norma(h))


def le_binario(caminho, dtype):
    return torch.frombuffer(bytearray(open(caminho, "rb").read()), dtype=dtype)


def passo_transformer(args, semente):
    """Um passo de Adam (taxa 1e-3) nos exemplos que o lado Go gravou
    (velocidade -exporta), em lotes de uma ordem embaralhada época a época."""
    pasta = args.dados_lstm
    info = json.load(open(os.path.join(pasta, "transformer.json")))
    if args.modelo == "transformer-recordacao":
        n, t, f = info["recordacao_n"], info["recordacao_tempo"], info["recordacao_caracteristicas"]
        x = le_binario(os.path.join(pasta, "recordacao-x.f32"), torch.float32).reshape(n, t, f)
        y = le_binario(os.path.join(pasta, "recordacao-y.i32"), torch.int32).long()
        lote = info["recordacao_lote"]
        modelo = TransformerRecordacao(f, classes=info["recordacao_classes"])
        perda_fn = nn.CrossEntropyLoss()
        perda = lambda logits, alvo: perda_fn(logits, alvo)
        tarefa = (f"recordação associativa, T = {t}, entrada one-hot [{lote}, {t}, {f}]; Linear sem viés + "
                  "TransformerEncoderLayer(64, 4 cabeças, 128, norm_first) + LayerNorm + Linear na última posição")
    else:
        n, t, v = info["palavras_n"], info["palavras_tempo"], info["palavras_simbolos"]
        x = le_binario(os.path.join(pasta, "palavras-x.f32"), torch.float32).reshape(n, t).long()
        y = le_binario(os.path.join(pasta, "palavras-y.f32"), torch.float32).reshape(n, t).long()
        lote = info["palavras_lote"]
        modelo = TransformerPalavras(v, t)
        perda_fn = nn.CrossEntropyLoss(ignore_index=-1)
        perda = lambda logits, alvo: perda_fn(logits.reshape(-1, v), alvo.reshape(-1))
        tarefa = (f"modelo de linguagem causal, {t} posições, vocabulário de {v}; Embedding + posições aprendidas + "
                  "2 TransformerEncoderLayer(64, 4 cabeças, 256, norm_first, máscara causal) + LayerNorm + Linear")
    parametros = sum(p.numel() for p in modelo.parameters() if p.requires_grad)
    otim = torch.optim.Adam(modelo.parameters(), lr=1e-3)
    gerador = torch.Generator().manual_seed(semente)
    estado = {"ordem": torch.randperm(n, generator=gerador), "pos": 0}

    def passo():
        if estado["pos"] + lote > n:
            estado["ordem"], estado["pos"] = torch.randperm(n, generator=gerador), 0
        idx = estado["ordem"][estado["pos"]:estado["pos"] + lote]
        estado["pos"] += lote
        otim.zero_grad(set_to_none=True)
        p = perda(modelo(x[idx]), y[idx])
        p.backward()
        otim.step()
        return p
    return lote, tarefa, passo, parametros


PASSOS = {"rbm-cd": lambda a, s: passo_rbm(a, s, False), "rbm-pcd": lambda a, s: passo_rbm(a, s, True),
          "gan-anel": passo_gan, "gan-digitos": passo_gan, "gan-restaura": passo_restaura,
          "transformer-recordacao": passo_transformer, "transformer-palavras": passo_transformer}


def mede_passo(args, passo):
    """Tempo do 1º passo (s) e mediana de 3 janelas de args.passos passos
    depois de args.aquecimento passos de aquecimento (ms por passo)."""
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
    return primeiro, statistics.median(janelas) * 1000


def execucao_do_passo(args, semente):
    """Só o tempo do passo, medido como em uma_execucao (1º passo, aquecimento, mediana de 3 janelas)."""
    torch.manual_seed(semente)
    lote, tarefa, passo, *parametros = PASSOS[args.modelo](args, semente)
    primeiro, ms = mede_passo(args, passo)
    res = {"lado": "pytorch", "modelo": args.modelo, "threads": torch.get_num_threads(), "lote": lote,
           "ms_por_passo": ms, "exemplos_por_s": lote / (ms / 1000), "primeiro_passo_s": primeiro,
           "passos_ate_alvo": None, "segundos_ate_alvo": None, "tarefa": tarefa, "versao": torch.__version__}
    if parametros:
        res["parametros"] = parametros[0]
    return res


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

    primeiro, ms = mede_passo(args, passo)
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
    p.add_argument("--modelo", choices=sorted(MODELOS) + sorted(PASSOS), required=True)
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
    p.add_argument("--semente", type=int, default=42,
                   help="semente da 1ª execução (a r-ésima usa semente + r, como o lado Go)")
    p.add_argument("--oculta", type=int, help="tamanho do estado da LSTM ou da GRU (padrão: o de memoria.json, o da lição)")
    p.add_argument("--variante", default="", help="rótulo desta medida no relatório")
    p.add_argument("--dados-lstm", help="pasta com as sequências da tarefa da memória e os exemplos dos Transformers (do lado Go: velocidade -exporta)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    if args.modelo in PASSOS:
        for r in range(args.repeticoes):
            res = execucao_do_passo(args, args.semente + r)
            if args.variante:
                res["variante"] = args.variante
            print(json.dumps(res), flush=True)
        return
    novo_modelo = MODELOS[args.modelo]
    if args.modelo in ("lstm", "gru"):
        xtr, ytr, xte, yte = memoria(args.dados_lstm)
        info = json.load(open(os.path.join(args.dados_lstm, "memoria.json")))
        args.oculta = args.oculta or info["oculta"]
        classe = MODELOS[args.modelo]
        novo_modelo = lambda: classe(info["caracteristicas"], args.oculta, info["classes"])
    else:
        xtr, ytr = mnist("treino")
        xte, yte = mnist("teste")
    for r in range(args.repeticoes):
        res = uma_execucao(args, args.semente + r, xtr, ytr, xte, yte, novo_modelo)
        if args.modelo in ("lstm", "gru"):
            res["oculta"] = args.oculta
        if args.variante:
            res["variante"] = args.variante
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    sys.exit(main())
