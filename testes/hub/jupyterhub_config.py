# Configuração do JupyterHub do teste (testes/hub/testa.sh): tudo na
# interface local, alunos de mentira com senha (DummyAuthenticator), um
# servidor por aluno como processo do usuário do sistema dele
# (LocalProcessSpawner) e o mesmo comando que a imagem roda numa turma:
# start-singleuser.sh, isto é, docker/inicia.sh (o ramo do JupyterHub).
# Os valores variáveis vêm do ambiente que o teste prepara (HUB_*).
import os
import sys

c = get_config()  # noqa: F821 — o JupyterHub define get_config

raiz = os.environ["HUB_RAIZ"]
pasta = os.environ["HUB_PASTA"]

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["HUB_PORTA"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["HUB_PORTA_HUB"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['HUB_PORTA_PROXY']}"
c.ConfigurableHTTPProxy.command = [os.path.join(raiz, "testes", "hub", "node_modules", ".bin",
                                                "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{pasta}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{pasta}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = f"{pasta}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["HUB_SENHA"]
c.Authenticator.allowed_users = set(os.environ["HUB_ALUNOS"].split(","))

c.JupyterHub.spawner_class = "localprocess"
# O mesmo comando da imagem: /usr/local/bin/start-singleuser.sh → docker/inicia.sh.
c.Spawner.cmd = [os.path.join(raiz, "docker", "inicia.sh")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.environment = {
    "CURSO": raiz,  # na imagem, /opt/representacoes
    "GOMODCACHE": os.environ["HUB_GOMODCACHE"],  # na imagem, o GOPATH do Dockerfile
    "REPRESENTACOES_RAPIDO": "1",
    "LANG": "C.UTF-8",
}

# O coletor de servidores ociosos, como num Zero to JupyterHub (cull.timeout).
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
