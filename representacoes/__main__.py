"""python -m representacoes <comando> [opções]: veja a lista em ajuda()."""

import importlib
import sys

# comando → (módulo, o que faz). O módulo só é importado quando usado: o
# setup roda "idioma aplica" antes de haver o resto (e sem o nbclient).
COMANDOS = {
    "executa": ("executa", "roda as lições sem navegador e confere os exercícios (com soluções e como entregues)"),
    "corrige": ("corrige", "corrige os notebooks de uma turma com as verificações do curso"),
    "idioma": ("idioma", "o JupyterLab em português: catalogo, faltam, aplica, testa"),
}


def ajuda():
    linhas = ["Uso: python -m representacoes <comando> [opções]  (--help depois do comando: as opções)", ""]
    linhas += [f"  {nome:8} {o_que}" for nome, (_, o_que) in COMANDOS.items()]
    return "\n".join(linhas)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "ajuda"):
        print(ajuda())
        return 0 if argv else 2
    if argv[0] not in COMANDOS:
        print(f"✘ comando desconhecido: {argv[0]}\n\n{ajuda()}", file=sys.stderr)
        return 2
    modulo = importlib.import_module(f"representacoes.{COMANDOS[argv[0]][0]}")
    return modulo.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
