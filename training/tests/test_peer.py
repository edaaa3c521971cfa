"""The spaCy peer's pure parts: UTF-16 offsets for the TypeScript side, CoNLL-U words, syntax scores."""
from __future__ import annotations

from training import peer_spacy as ps

CONLLU = """# sent_id = t1
# text = Il va au marché.
1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tva\taller\tVERB\t_\t_\t0\troot\t_\t_
3-4\tau\t_\t_\t_\t_\t_\t_\t_\t_
3\tà\tà\tADP\t_\t_\t5\tcase\t_\t_
4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_
5\tmarché\tmarché\tNOUN\t_\t_\t2\tobl:mod\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_utf16_offsets_round_trip_outside_the_bmp():
    text = 'a😀b Été'
    u16 = ps.utf16_offsets(text)
    assert u16[1] == 1 and u16[2] == 3 and u16[len(text)] == len(text.encode('utf-16-le')) // 2
    back = ps.utf16_to_index(text)
    assert all(back[u16[i]] == i for i in range(len(text) + 1))


def test_conllu_words_skip_multiword_ranges(tmp_path):
    p = tmp_path / 'x.conllu'
    p.write_text(CONLLU, encoding='utf-8')
    [s] = ps.read_conllu(str(p))
    assert s['sent_id'] == 't1'
    assert [w['form'] for w in s['words']] == ['Il', 'va', 'à', 'le', 'marché', '.']
    assert [w['space'] for w in s['words']] == [True, True, True, True, False, True]
    assert s['words'][4]['head'] == 2 and s['words'][4]['deprel'] == 'obl:mod'


def test_syntax_scores_count_every_word_and_drop_subtypes_for_las(tmp_path):
    p = tmp_path / 'x.conllu'
    p.write_text(CONLLU, encoding='utf-8')
    gold = ps.read_conllu(str(p))
    pred = [{'words': [dict(w) for w in gold[0]['words']]}]
    pred[0]['words'][4]['deprel'] = 'obl:arg'      # same universal relation
    pred[0]['words'][0]['head'] = 5                # wrong head
    pred[0]['words'][1]['upos'] = 'AUX'
    pred[0]['words'][2]['lemma'] = 'a'
    r = ps.syntax_scores(gold, pred)
    assert r['words'] == 6
    assert r['uas'] == 5 / 6 and r['las'] == 5 / 6 and r['las_full_relations'] == 4 / 6
    assert r['upos'] == 5 / 6 and r['lemma'] == 5 / 6


def test_raw_text_alignment_misses_unsplit_multiword_tokens(tmp_path):
    p = tmp_path / 'x.conllu'
    p.write_text(CONLLU, encoding='utf-8')
    gold = ps.read_conllu(str(p))
    assert gold[0]['text'] == 'Il va au marché.'
    assert [t['form'] for t in gold[0]['tokens']] == ['Il', 'va', 'au', 'marché', '.']
    # a system keeping "au" whole, otherwise right (heads are token indices: marché -> va, "." -> va)
    sys = [[{'start': 0, 'end': 2, 'upos': 'PRON', 'lemma': 'il', 'head': 1, 'deprel': 'nsubj'},
            {'start': 3, 'end': 5, 'upos': 'VERB', 'lemma': 'aller', 'head': 1, 'deprel': 'root'},
            {'start': 6, 'end': 8, 'upos': 'ADP', 'lemma': 'au', 'head': 3, 'deprel': 'case'},
            {'start': 9, 'end': 15, 'upos': 'NOUN', 'lemma': 'marché', 'head': 1, 'deprel': 'obl'},
            {'start': 15, 'end': 16, 'upos': 'PUNCT', 'lemma': '.', 'head': 1, 'deprel': 'punct'}]]
    r = ps.raw_text_scores(gold, sys)
    assert r['gold_words'] == 6 and r['system_tokens'] == 5
    f1 = 2 * (4 / 5) * (4 / 6) / (4 / 5 + 4 / 6)
    assert abs(r['tokens'] - f1) < 1e-9 and abs(r['upos'] - f1) < 1e-9 and abs(r['las'] - f1) < 1e-9
