"""As ferramentas do curso em torno dos notebooks, num pacote só.

    python -m representacoes executa [notebooks…]   roda as lições e confere os exercícios
    python -m representacoes corrige PASTA_DA_TURMA  corrige os notebooks de uma turma
    python -m representacoes idioma {catalogo|faltam|aplica|testa}

Os módulos:
  celulas     o metadado das células (exercício, verificação, solução, enunciado)
  resultados  o arquivo de resultados que o Go escreve (curso.Registra)
  conta       a contagem "ok/FAIL" e a linha final das suítes de teste
  executa     roda os notebooks sem navegador (nbclient + GoNB)
  corrige     a correção de uma turma (com entregas, vagas, programa, juiz, relatorio)
  isola       a caixa do programa do aluno e o canal com o juiz
  idioma      o JupyterLab em português

Roda da raiz do repositório (ou com ela no PYTHONPATH): os scripts em
scripts/ (corrige.sh, test.sh…) fazem isso.
"""

from pathlib import Path

# A raiz do repositório do curso (a pasta acima deste pacote).
RAIZ = Path(__file__).resolve().parent.parent
