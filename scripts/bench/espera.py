"""Quanto o aluno espera no notebook: latência de células GoNB e tempo do
scripts/curso.sh até um kernel pronto. Escreve uma linha JSON por medida.

Células (cada uma rodada N vezes no mesmo kernel; a 1ª é "fria" — o GoNB
compila um programa novo — e as outras "mornas"):
  trivial   — fmt.Println num kernel sem outras importações;
  importa   — a célula de importações de uma lição (GoMLX, gráficos, treino);
  declara   — declara uma função que usa o GoMLX (como as lições fazem);
  depois    — uma célula trivial depois disso (o caso comum numa lição);
  grafico   — desenha uma curva (gonum/plot → PNG inline);
  modelo    — monta um MLP e o aplica a um lote (compila um grafo XLA).

Uso: .venv/bin/python scripts/bench/espera.py [--repeticoes 4]
"""

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from jupyter_client.manager import start_new_kernel

RAIZ = Path(__file__).resolve().parents[2]

IMPORTA = """import (
	"fmt"

	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/shapes"
	"github.com/gomlx/gomlx/core/graph"
	"github.com/gomlx/gomlx/core/tensors"
	"github.com/gomlx/gomlx/ml/layers"
	"github.com/gomlx/gomlx/ml/layers/activation"
	"github.com/gomlx/gomlx/ml/model"

	"github.com/go-estudos/representacoes/pkg/graficos"
	"github.com/go-estudos/representacoes/pkg/motor"
)
"""
# Toda célula que este script manda ao kernel importa o que usa (ou roda
# depois de IMPORTA, no mesmo kernel): um nome sem import faria o goimports
# adivinhar um pacote, e o "go get" do GoNB falharia sem rede.
TRIVIAL = 'import "fmt"\n\n%%\nfmt.Println("oi")\n'
DEPOIS = '%%\nfmt.Println("oi")\n'  # depois de IMPORTA
# Numa lição, funções declaradas em células anteriores usam o GoMLX: toda
# célula seguinte compila e liga um programa com ele.
DECLARA = """func mlp(scope *model.Scope, x *graph.Node) *graph.Node {
	h := activation.Relu(layers.Dense(scope.In("oculta"), x, true, 256))
	return layers.Dense(scope.In("saida"), h, true, 10)
}
"""
GRAFICO = """%%
xs, ys := []float64{}, []float64{}
for i := range 50 { xs = append(xs, float64(i)); ys = append(ys, float64(i*i)) }
graficos.Curvas("Uma parábola", "x", "x²", graficos.Serie{Nome: "x²", X: xs, Y: ys}).Mostra()
"""
MODELO = """%%
e := model.MustNewExec(motor.Backend(), model.NewStore(), mlp)
fmt.Println(e.MustCall1(tensors.FromShape(shapes.Make(dtypes.Float32, 128, 784))).Shape())
"""


def ambiente():
    env = dict(os.environ)
    env.update(REPRESENTACOES_RAIZ=str(RAIZ), GOMLX_NO_AUTO_INSTALL="1",
               PATH=f"{RAIZ}/.ferramentas/bin:{env['PATH']}")
    return env


def roda(kc, codigo, timeout=600):
    t0 = time.perf_counter()
    r = kc.execute_interactive(codigo, timeout=timeout, output_hook=lambda m: None)
    dt = time.perf_counter() - t0
    if r["content"]["status"] != "ok":
        raise RuntimeError(f"célula falhou: {r['content']}")
    return dt


def celulas(rep):
    medidas = []
    env = ambiente()
    t0 = time.perf_counter()
    # O registro do próprio GoNB (linhas de depuração em inglês) não entra na
    # saída do bench: uma célula que falha já diz por quê (roda).
    km, kc = start_new_kernel(kernel_name="gonb", env=env, cwd=str(RAIZ / "notebooks"), startup_timeout=120,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    medidas.append({"medida": "kernel_inicia", "segundos": time.perf_counter() - t0})
    try:
        def serie(nome, codigo):
            for i in range(rep):
                medidas.append({"medida": nome, "vez": i + 1, "segundos": roda(kc, codigo)})
        serie("trivial", TRIVIAL)
        # As importações do GoMLX (shapes e dtypes vêm do github.com/gomlx/compute).
        medidas.append({"medida": "importa", "vez": 1, "segundos": roda(kc, IMPORTA)})
        medidas.append({"medida": "declara", "vez": 1, "segundos": roda(kc, DECLARA)})
        serie("depois", DEPOIS)
        serie("grafico", GRAFICO)
        serie("modelo", MODELO)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return medidas


def porta_livre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def curso_ate_kernel():
    """scripts/curso.sh → servidor respondendo → kernel GoNB criado pela API
    → primeira célula executada (pelo canal do próprio servidor)."""
    porta, token = porta_livre(), secrets.token_hex(8)
    env = ambiente()
    env["JUPYTER_TOKEN"] = token
    t0 = time.perf_counter()
    proc = subprocess.Popen(["bash", str(RAIZ / "scripts/curso.sh"), "--porta", str(porta)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{porta}"
    try:
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except Exception:
                if time.perf_counter() - t0 > 120:
                    raise RuntimeError("o JupyterLab não respondeu em 120 s")
                time.sleep(0.1)
        servidor = time.perf_counter() - t0
        pagina = urllib.request.urlopen(f"{base}/lab?token={token}", timeout=30).status
        req = urllib.request.Request(f"{base}/api/kernels?token={token}", method="POST",
                                     data=json.dumps({"name": "gonb"}).encode(), headers={"Content-Type": "application/json"})
        kid = json.loads(urllib.request.urlopen(req, timeout=60).read())["id"]
        primeira = executa_via_servidor(porta, token, kid, TRIVIAL)
        total = time.perf_counter() - t0
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
    return [{"medida": "curso_servidor_pronto", "segundos": servidor, "http_lab": pagina},
            {"medida": "curso_primeira_celula", "segundos": total, "celula": primeira}]


def executa_via_servidor(porta, token, kid, codigo):
    """Manda uma célula pelo WebSocket do servidor (como o navegador faz) e
    espera o kernel voltar a ficar ocioso. Devolve os segundos da célula."""
    import uuid

    from tornado import ioloop, websocket

    async def vai():
        ws = await websocket.websocket_connect(f"ws://127.0.0.1:{porta}/api/kernels/{kid}/channels?token={token}")
        msg_id = uuid.uuid4().hex
        msg = {"header": {"msg_id": msg_id, "username": "bench", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                          "version": "5.3", "date": ""},
               "parent_header": {}, "metadata": {}, "channel": "shell",
               "content": {"code": codigo, "silent": False, "store_history": True, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True}}
        t0 = time.perf_counter()
        await ws.write_message(json.dumps(msg))
        while True:
            m = json.loads(await ws.read_message())
            if m.get("parent_header", {}).get("msg_id") == msg_id and m["msg_type"] == "status" \
                    and m["content"]["execution_state"] == "idle":
                return time.perf_counter() - t0

    return ioloop.IOLoop.current().run_sync(vai, timeout=300)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--repeticoes", type=int, default=4)
    args = p.parse_args()
    for m in curso_ate_kernel() + celulas(args.repeticoes):
        print(json.dumps(m), flush=True)


if __name__ == "__main__":
    sys.exit(main())
