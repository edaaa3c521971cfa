"""The model's text contract, read from `src/ner/model-contract.json` (the TypeScript runtime reads the same file):
entity types in label-id order, and the character classes of the normalisation (NFC, then apostrophe / quote / space
variants mapped 1:1 to one character each, invisible characters dropped)."""
from __future__ import annotations

import json
import unicodedata

from .paths import CONTRACT

with open(CONTRACT, encoding='utf-8') as _f:
    _C = json.load(_f)

ENTITY_TYPES: list[str] = list(_C['entityTypes'])
MENTION_TYPES: list[str] = list(_C['mentionTypes'])
# A multi-head model's extra outputs, its UPOS inventory (output order) and feature groups (training.multihead).
SYNTAX_OUTPUTS: list[str] = list(_C['syntax']['outputs'])
UPOS: list[str] = list(_C['syntax']['upos'])
FEAT_GROUPS: list[str] = list(_C['syntax']['featGroups'])
ROOT_POSITION: int = int(_C['syntax']['root'])


def bio_labels(types: list[str]) -> list[str]:
    """`O`, then `B-T`, `I-T` for each type, in order: the label ids of every model the package builds."""
    return ['O'] + [f'{p}-{t}' for t in types for p in ('B', 'I')]


LABELS = bio_labels(ENTITY_TYPES)
LABEL2ID = {l: i for i, l in enumerate(LABELS)}

# 1:1 replacements (every class member -> the class's target); offsets survive them.
CHAR_MAP: dict[str, str] = {c: cls['to'] for name in ('apostrophe', 'quote', 'space')
                            for cls in [_C['chars'][name]] for c in cls['from'] if c != cls['to']}
INVISIBLE: frozenset[str] = frozenset(_C['chars']['invisible'])
_TRANS = str.maketrans(CHAR_MAP)


def normalize(text: str) -> str:
    """NFC, then the 1:1 map; invisible characters stay (they are dropped by `strip_invisible`, which changes offsets)."""
    return unicodedata.normalize('NFC', text).translate(_TRANS)


def strip_invisible(text: str) -> str:
    return ''.join(c for c in text if c not in INVISIBLE)


def hf_normalizer():
    """The contract as a `tokenizers` normalizer (saved in tokenizer.json, applied by transformers.js too)."""
    from tokenizers import normalizers
    steps = [normalizers.NFC()]
    steps += [normalizers.Replace(c, '') for c in sorted(INVISIBLE)]
    steps += [normalizers.Replace(c, t) for c, t in CHAR_MAP.items()]
    return normalizers.Sequence(steps)
