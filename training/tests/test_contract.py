"""The training side reads the same contract file as the runtime: labels and character classes."""
from __future__ import annotations

import json
import unicodedata

from training import contract
from training.paths import CONTRACT


def test_labels_are_derived_once_from_the_contract_types():
    raw = json.load(open(CONTRACT, encoding='utf-8'))
    assert contract.ENTITY_TYPES == raw['entityTypes']
    assert contract.LABELS[0] == 'O'
    assert contract.LABELS == ['O'] + [f'{p}-{t}' for t in raw['entityTypes'] for p in 'BI']
    assert [contract.LABEL2ID[l] for l in contract.LABELS] == list(range(len(contract.LABELS)))
    assert set(contract.MENTION_TYPES) <= set(contract.ENTITY_TYPES)


def test_normalize_maps_every_class_member_one_to_one():
    raw = json.load(open(CONTRACT, encoding='utf-8'))['chars']
    for name in ('apostrophe', 'quote', 'space'):
        for c in raw[name]['from']:
            assert contract.normalize(f'a{c}b') == f"a{raw[name]['to']}b", (name, hex(ord(c)))
    assert contract.normalize('l\u201bhomme') == "l'homme"  # U+201B, once missing on the runtime side
    text = 'e\u0301te\u0301 «\u00a0x\u00a0» l’a'
    assert len(contract.normalize(text)) == len(unicodedata.normalize('NFC', text))


def test_tokenizer_normalizer_is_the_contract(tiny_tokenizer):
    norm = tiny_tokenizer.normalizer
    for text in ['l’État «\u00a0dit\u00a0» anti\u00adcorps\u200d‛x‛', 'Cafe\u0301\tbar\nfin\u202f!', '″x″ ＂y＂ ｀']:
        assert norm.normalize_str(text) == contract.strip_invisible(contract.normalize(text))
