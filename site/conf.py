# A configuração do Sphinx para o site do curso (veja representacoes/site.py,
# que copia este arquivo para a pasta do projeto e escreve as lições ao lado).
project = "Representações Hierárquicas"
html_show_copyright = False
language = "pt_BR"
html_search_language = "pt"
locale_dirs = ["locale"]
gettext_compact = False

extensions = ["myst_nb"]
# As lições já vêm executadas (pelos testes ou pelo scripts/resultados.sh): o site não roda nada.
nb_execution_mode = "off"
nb_output_stderr = "show"
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
suppress_warnings = ["mystnb.unknown_mime_type"]

# O MathJax local (copiado do npm para _static/mathjax): nenhuma requisição sai da página.
mathjax_path = "mathjax/tex-chtml.js"
mathjax3_config = {"options": {"menuOptions": {"settings": {"assistiveMml": False}}}}

html_theme = "sphinx_book_theme"
html_title = "Representações Hierárquicas"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
# O tema claro de partida (sem ele, a primeira visita escreve um erro no console).
html_context = {"default_mode": "light"}
html_theme_options = {
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "use_issues_button": False,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "navigation_with_keys": True,
    "search_bar_text": "Buscar…",
}

# Um botão "Abrir no JupyterHub da turma" no topo de cada lição: o endereço do hub (por exemplo
# "https://hub.escola.br"), que já tem as lições na pasta de cada aluno (a imagem do curso as copia; por isso não
# é preciso o nbgitpuller). Vazio: sem botão. A linha de comando ganha desta: scripts/site.sh --jupyterhub URL.
# (O representacoes/site.py lê esta variável; o Sphinx a ignora.)
representacoes_jupyterhub = ""
