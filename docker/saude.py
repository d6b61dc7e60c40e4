"""HEALTHCHECK da imagem: o servidor Jupyter responde em /api (rota pública,
sem token) na porta 8888 — ou no prefixo do JupyterHub, se houver."""
import os
import sys
import urllib.request

prefixo = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
porta = os.environ.get("PORTA", "8888")
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{porta}{prefixo}api", timeout=5) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception as e:  # noqa: BLE001
    print(f"o JupyterLab não respondeu: {e}", file=sys.stderr)
    sys.exit(1)
