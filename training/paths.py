"""Where the training package reads and writes (all relative to the repository root)."""
from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.environ.get('CHRONIQUE_SHARED') or os.path.join(ROOT, '..', 'shared'))
CORPORA = os.path.normpath(os.environ.get('CHRONIQUE_CORPORA') or os.path.join(SHARED, 'corpora'))
CONTRACT = os.path.join(ROOT, 'src', 'ner', 'model-contract.json')
SHIPPED = os.path.join(ROOT, 'models', 'chronique-ner-fr')
# The tokenizer the shipped model (and every checkpoint continuing from it) uses; `training.tokenizer train` writes
# a new one under WORK, which export then copies into the new model's folder.
TOKENIZER = os.path.join(SHIPPED, 'tokenizer.json')
WORK = os.path.join(ROOT, 'training', 'work')
RUNS = os.path.join(ROOT, 'training', 'runs')
DATA = os.path.join(ROOT, 'data', 'ner')
