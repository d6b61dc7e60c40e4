# syntax=docker/dockerfile:1
# Representações Hierárquicas — a imagem do curso: JupyterLab em português com o
# kernel GoNB, o GoMLX com o motor XLA, os dados e as lições. Depois de
# construída, não baixa nada.
#
#   docker build -t representacoes .
#   docker run --rm -p 127.0.0.1:8888:8888 -v "$PWD/trabalho":/home/jovyan/work representacoes
#
# Variante GPU (plugin XLA para CUDA 13; rode com --gpus all):
#   docker build --build-arg VARIANTE=gpu -t representacoes:gpu .
#
# Tudo é instalado pelo mesmo scripts/setup.sh que o README usa fora do Docker.

# Go 1.26 sobre Debian 12 (bookworm), versão fixada.
ARG IMAGEM_BASE=golang:1.26.8-bookworm
FROM ${IMAGEM_BASE}

# cpu (padrão) ou gpu
ARG VARIANTE=cpu
# Convenções das imagens jupyter/docker-stacks: usuário jovyan, UID 1000, GID 100.
ARG NB_USER=jovyan
ARG NB_UID=1000
ARG NB_GID=100

ENV LANG=C.UTF-8 \
    NB_USER=${NB_USER} \
    HOME=/home/${NB_USER} \
    GOPATH=/home/${NB_USER}/go \
    CURSO=/opt/representacoes \
    GOMLX_NO_AUTO_INSTALL=1 \
    GOEXPERIMENT=simd \
    PATH=/opt/representacoes/.venv/bin:/opt/representacoes/.ferramentas/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# (DEBIAN_FRONTEND só no apt-get: como ENV, ficaria no ambiente do aluno.)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv tini ca-certificates wbrazilian \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && useradd --create-home --shell /bin/bash --uid "${NB_UID}" --gid "${NB_GID}" "${NB_USER}" \
 && mkdir -p /opt/representacoes/docker "/home/${NB_USER}/work" \
 && chown -R "${NB_UID}:${NB_GID}" /opt/representacoes "/home/${NB_USER}"

# Primeiro só o que o scripts/setup.sh lê (módulos, versões fixadas, a
# tradução do JupyterLab, o código Go que ele compila): editar o README, uma lição ou um script de teste não
# refaz a camada grande do setup, só a cópia final, em segundos.
COPY --chown=${NB_UID}:${NB_GID} go.mod go.sum /opt/representacoes/
COPY --chown=${NB_UID}:${NB_GID} docker/requirements*.txt /opt/representacoes/docker/
COPY --chown=${NB_UID}:${NB_GID} scripts/setup.sh scripts/precisa-setup.sh scripts/ambiente-go.sh /opt/representacoes/scripts/
COPY --chown=${NB_UID}:${NB_GID} representacoes/__init__.py representacoes/__main__.py representacoes/idioma.py /opt/representacoes/representacoes/
COPY --chown=${NB_UID}:${NB_GID} idioma /opt/representacoes/idioma
COPY --chown=${NB_UID}:${NB_GID} pkg /opt/representacoes/pkg
COPY --chown=${NB_UID}:${NB_GID} internal /opt/representacoes/internal

USER ${NB_UID}:${NB_GID}
WORKDIR /opt/representacoes
# O cache de módulos e o de compilação do Go ficam na imagem: cada célula é
# compilada a partir deles, sem rede. Na mesma camada, o que não serve ao
# aluno sai:
#  - do cache de compilação, tudo o que o "go build ./..." do curso não usa
#    (a compilação das ferramentas, os testes e o vet do setup). O go renova a
#    data de cada item que usa se ela tem mais de uma hora: envelhecemos todos,
#    compilamos (tudo já está no cache: segundos) e apagamos os que ficaram
#    velhos. A primeira célula continua rápida (medido: veja o README);
#  - os .zip do cache de módulos (o go compila das pastas já extraídas);
#  - o cache do pip.
RUN REPRESENTACOES_VARIANTE="${VARIANTE}" REPRESENTACOES_HUB=1 PIP_NO_CACHE_DIR=1 bash scripts/setup.sh \
 && cache="$(go env GOCACHE)" \
 && find "$cache" -mindepth 2 -type f -exec touch -d 2000-01-01 {} + \
 && go build ./... \
 && find "$cache" -mindepth 2 -type f ! -newermt 2001-01-01 -delete \
 && find "$(go env GOMODCACHE)/cache/download" -name '*.zip' -delete \
 && rm -rf "${HOME}/.cache/pip"

# O resto do curso (lições, scripts, README): muda sem refazer o setup.
COPY --chown=${NB_UID}:${NB_GID} . /opt/representacoes

USER root
RUN ln -s /opt/representacoes/docker/inicia.sh /usr/local/bin/start-notebook.sh \
 && ln -s /opt/representacoes/docker/inicia.sh /usr/local/bin/start-singleuser.sh
USER ${NB_UID}:${NB_GID}

WORKDIR /home/${NB_USER}/work
VOLUME ["/home/jovyan/work"]
EXPOSE 8888
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["python3", "/opt/representacoes/docker/saude.py"]
ENTRYPOINT ["tini", "-g", "--"]
CMD ["/opt/representacoes/docker/inicia.sh"]
