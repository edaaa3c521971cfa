"""Lemma edit scripts, tree decoding, CoNLL-U reading and the syntax examples' alignment."""
from __future__ import annotations

import itertools
import os
import random

import numpy as np
import pytest

from training import lemma as lem
from training import syntax as sx
from training.paths import CORPORA

SEQUOIA_TRAIN = os.path.join(CORPORA, 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.train')

PAIRS = [('mangées', 'manger'), ('portées', 'porter'), ('La', 'le'), ('la', 'le'), ('Paris', 'Paris'),
         ('est', 'être'), ('a', 'avoir'), ('ÉCRIT', 'écrire'), ('au', 'à le'), ('', ''), ('x', ''), ('', 'y'),
         ('İstanbul', 'İstanbul'), ('Straße', 'straße'), ('1er', 'premier')]


@pytest.mark.parametrize('form,lemma', PAIRS)
def test_edit_script_round_trip(form, lemma):
    assert lem.apply(lem.encode(form, lemma), form) == lemma


def test_edit_script_round_trip_random():
    rng = random.Random(3)
    alphabet = 'aAéÉeEsSxX|İß '
    for _ in range(3000):
        f = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        l = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert lem.apply(lem.encode(f, l), f) == l, (f, l)


def test_edit_scripts_generalise():
    # the same class for words that inflect alike, case folded when that keeps more of the form
    assert lem.encode('mangées', 'manger') == lem.encode('portées', 'porter') == 'L|3|er'
    assert lem.encode('La', 'le') == lem.encode('la', 'le')
    assert lem.encode('Paris', 'Paris') == 'K|0|'
    assert lem.apply('L|3|er', 'chantées') == 'chanter'
    assert lem.apply('L|9|x', 'ab') == 'x'                     # a cut longer than the form takes all of it


def test_vocabulary_keeps_frequent_scripts_identity_first():
    pairs = [('chats', 'chat'), ('chiens', 'chien'), ('est', 'être'), ('Le', 'le'), ('le', 'le')]
    v = lem.vocabulary(pairs, min_count=2)
    assert v[0] == lem.IDENTITY and 'L|1|' in v and lem.encode('est', 'être') not in v


def brute_force(scores: np.ndarray) -> tuple[float, list[int]]:
    n = scores.shape[0] - 1
    best = (-np.inf, None)
    for heads in itertools.product(range(n + 1), repeat=n):
        heads = list(heads)
        if any(h == d + 1 for d, h in enumerate(heads)) or not sx.is_tree(heads):
            continue
        s = sx.tree_score(scores, heads)
        if s > best[0]:
            best = (s, heads)
    return best


@pytest.mark.parametrize('seed', range(40))
def test_decode_tree_is_the_best_single_root_tree(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 6))
    scores = rng.normal(size=(n + 1, n + 1))
    if seed % 3 == 0:
        scores[1:, 0] += 3.0          # every word wants the root: the single-root search must run
    heads = sx.decode_tree(scores)
    assert sx.is_tree(heads)
    best, _ = brute_force(scores)
    assert sx.tree_score(scores, heads) == pytest.approx(best)


def test_is_tree():
    assert sx.is_tree([0, 1, 1])
    assert not sx.is_tree([0, 0])           # two roots
    assert not sx.is_tree([0, 3, 2])        # cycle 2 <-> 3
    assert sx.decode_tree(np.zeros((1, 1))) == []


@pytest.mark.skipif(not os.path.exists(SEQUOIA_TRAIN), reason='Sequoia corpus not next to the repository')
def test_sequoia_scripts_round_trip_and_coverage():
    sents = sx.read_conllu(SEQUOIA_TRAIN)
    words = [w for s in sents for w in s['words']]
    assert len(sents) == 2231 and len(words) > 50000
    assert all(lem.apply(lem.encode(w['form'], w['lemma']), w['form']) == w['lemma'] for w in words)
    v = sx.build_vocab(sents)
    known = set(v.lemmas)
    coverage = sum(lem.encode(w['form'], w['lemma']) in known for w in words) / len(words)
    assert coverage > 0.98 and len(v.lemmas) < 1500
    assert all(sx.is_tree([w['head'] for w in s['words']]) or sum(w['head'] == 0 for w in s['words']) != 1
               for s in sents)


def test_syntax_example_alignment(tiny_tokenizer):
    from training import tokenizer as tok
    words = [{'form': f, 'lemma': l, 'upos': u, 'feats': {'Number': 'Sing'} if u == 'NOUN' else {}, 'head': h,
              'deprel': r, 'space': sp}
             for f, l, u, h, r, sp in [('Marie', 'Marie', 'PROPN', 2, 'nsubj', True),
                                       ('habite', 'habiter', 'VERB', 0, 'root', True),
                                       ('à', 'à', 'ADP', 4, 'case', True), ('Lyon', 'Lyon', 'PROPN', 2, 'obl', False),
                                       ('.', '.', 'PUNCT', 2, 'punct', False)]]
    sent = {'sent_id': 't', 'text': 'Marie habite à Lyon.', 'words': words}
    v = sx.build_vocab([sent], lemma_min_count=1)
    e = sx.build(tiny_tokenizer, sent, v)
    assert e is not None and len(e.word_pos) == 5 and e.head == [2, 0, 4, 2, 2]
    ids, offs = tok.encode(tiny_tokenizer, 'Marie habite à Lyon.')
    text = 'Marie habite à Lyon.'
    starts = [0, 6, 13, 15, 19]
    for p, s in zip(e.word_pos, starts):          # each word's first piece starts at the word (after [CLS])
        assert offs[p - 1][0] == s and e.ids[p] == ids[p - 1]
    assert [v.lemmas[i] for i in e.lemma] == [lem.encode(w['form'], w['lemma']) for w in words]
    b = sx.collate([e], [0])
    assert b['word_mask'].sum() == 5 and b['input_ids'].shape[1] % 16 == 0
    assert text[offs[e.word_pos[1] - 1][0]:].startswith('habite')
