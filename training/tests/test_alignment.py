"""Subword label alignment, offsets into the original text, chunking, decoding and strict IOB2 scores."""
from __future__ import annotations

import numpy as np

from training import nerdata as nd
from training import tokenizer as tok
from training.contract import LABEL2ID, LABELS


def test_offsets_point_into_the_original_text(tiny_tokenizer):
    text = "L\u2019usine\u00a0d\u2019Orbis à\u202fLyon anti\u00adcorps"
    ids, offs = tok.encode(tiny_tokenizer, text)
    assert len(ids) == len(offs)
    pieces = tiny_tokenizer.encode(text, add_special_tokens=False).tokens
    for piece, (b, e) in zip(pieces, offs):
        if piece == tok.SPACE:
            assert b == e  # a bare ▁ has no characters of its own
            continue
        surface = piece.lstrip(tok.SPACE)
        assert text[b:e].replace('\u00ad', '') .replace('\u2019', "'") == surface, (piece, text[b:e])


def test_every_piece_is_labelled_first_piece_word_tag_then_inside(tiny_tokenizer):
    tokens = ['Marie', 'Dubois', 'visite', 'Zyxwvu', '.']
    tags = ['B-PER', 'I-PER', 'O', 'B-LOC', 'O']
    [ex] = nd.build(tiny_tokenizer, tokens, tags, [True, True, True, False, False], 'test')
    assert ex.ids[0] == tok.CLS_ID and ex.ids[-1] == tok.SEP_ID
    assert ex.labels[0] == nd.IGNORE and ex.labels[-1] == nd.IGNORE
    assert ex.word_tags == tags
    assert [LABELS[ex.labels[p]] for p in ex.word_first] == tags
    # 'Zyxwvu' is unseen: several pieces, the first B-LOC, the others I-LOC
    first = ex.word_first[3]
    rest = [LABELS[l] for l in ex.labels[first + 1:ex.word_first[4]] if l != nd.IGNORE]
    assert rest and all(l == 'I-LOC' for l in rest)
    # pieces of an O word after the first are O
    vis = [LABELS[l] for l in ex.labels[ex.word_first[2] + 1:first] if l != nd.IGNORE]
    assert all(l == 'O' for l in vis)


def test_long_sentences_are_cut_at_word_starts(tiny_tokenizer):
    tokens = ['Lyon', 'et', 'Nantes'] * 40
    tags = ['B-LOC', 'O', 'B-LOC'] * 40
    exs = nd.build(tiny_tokenizer, tokens, tags, [True] * 120, 'test', max_len=32)
    assert len(exs) > 1
    assert all(len(e.ids) <= 32 for e in exs)
    assert sum(len(e.word_tags) for e in exs) == 120
    assert [t for e in exs for t in e.word_tags] == tags


def test_viterbi_never_opens_with_inside():
    rng = np.random.default_rng(3)
    for _ in range(50):
        lp = np.log(rng.dirichlet(np.ones(len(LABELS)), size=12)).astype(np.float32)
        path = [LABELS[i] for i in nd.viterbi(lp)]
        prev = 'O'
        for lab in path:
            if lab.startswith('I-'):
                assert prev != 'O' and prev[2:] == lab[2:]
            prev = lab


def test_decode_words_reads_the_first_piece_of_each_word(tiny_tokenizer):
    [ex] = nd.build(tiny_tokenizer, ['Paul', 'Martin', 'rit'], ['B-PER', 'I-PER', 'O'], [True, True, False], 't')
    logits = np.full((len(ex.ids), len(LABELS)), -5.0, dtype=np.float32)
    for p, l in enumerate(ex.labels):
        if l != nd.IGNORE:
            logits[p, l] = 5.0
    assert nd.decode_words(logits, ex) == ['B-PER', 'I-PER', 'O']


def test_strict_iob2_scores():
    gold = [['B-PER', 'I-PER', 'O', 'B-LOC'], ['I-ORG', 'O', 'B-DATE']]
    pred = [['B-PER', 'O', 'O', 'B-LOC'], ['B-ORG', 'O', 'O']]
    r = nd.f1_report(gold, pred, ['PER', 'ORG', 'LOC', 'MISC'])
    # gold spans: PER(0,2) LOC(3) ORG(0) [an I- opening an entity is read as B-]; predicted PER(0,1) LOC ORG
    assert r['LOC']['f1'] == 1.0 and r['ORG']['f1'] == 1.0 and r['PER']['f1'] == 0.0
    assert r['micro']['p'] == round(2 / 3, 4) and r['micro']['r'] == round(2 / 3, 4)
    assert 'DATE' not in r
    assert nd.f1_report(gold, pred, ['DATE'])['micro']['r'] == 0.0


def test_label_ids_follow_the_contract():
    assert LABEL2ID['O'] == 0 and LABELS[LABEL2ID['B-PER']] == 'B-PER'


def _reference_spans(tags):
    """The span reading the runtime uses (tools/eval: tagsToSpans): an I- after O or another type opens an entity."""
    out, start, typ = set(), None, None
    for i, t in enumerate(list(tags) + ['O']):
        if t == 'O' or t.startswith('B-') or t[2:] != typ:
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, t[2:]) if t != 'O' else (None, None)
    return out


def test_seqeval_scores_equal_plain_span_counting_on_random_sequences():
    import random
    rng = random.Random(5)
    types = ['PER', 'ORG', 'LOC', 'MISC']
    for _ in range(30):
        golds, preds = [], []
        for _ in range(20):
            n = rng.randint(1, 12)
            golds.append([rng.choice(LABELS) for _ in range(n)])
            preds.append([rng.choice(LABELS) for _ in range(n)])
        tp = fp = fn = 0
        for g, p in zip(golds, preds):
            gs = {s for s in _reference_spans(g) if s[2] in types}
            ps = {s for s in _reference_spans(p) if s[2] in types}
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
        r = nd.f1_report(golds, preds, types)['micro']
        assert r['p'] == round(tp / (tp + fp) if tp + fp else 0.0, 4)
        assert r['r'] == round(tp / (tp + fn) if tp + fn else 0.0, 4)
        assert r['support'] == tp + fn
