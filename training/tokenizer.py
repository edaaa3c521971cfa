#!/usr/bin/env python3
"""Train the cased SentencePiece Unigram tokenizer (16k) and emit the Hugging Face tokenizer files.

  /usr/bin/python3 training/tokenizer.py train            # collect text, train training/tokenizer/spm.model
  /usr/bin/python3 training/tokenizer.py emit --out DIR   # write DIR/tokenizer.json + DIR/tokenizer_config.json

Training text = the NER training corpora (WikiNEuRal, 7-romans, Sequoia train+dev, HIPE-2020 v0.9 train, HIPE-2022 dev files)
+ a sample of ../shared/corpora/raw-fr. Held-out material (Sequoia test, HIPE v1.4 test, FR-TimeBank, the seed article) is never read.
All text goes through common.normalize (NFC + 1:1 quote/apostrophe/whitespace map) first; SentencePiece itself runs with the
`identity` normalisation rule so that the HF tokenizer.json (normalizer = the same map) reproduces its ids exactly.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (CORPORA, SPM_MODEL, TOK_DIR, WORK, CHAR_MAP, SPECIAL_TOKENS, UNK_ID, CLS_ID, SEP_ID, PAD_ID,  # noqa: E402
                    normalize, heuristic_space_after, detok)

VOCAB_SIZE = 16000
# every Latin-1 / Latin Extended-A letter and a few symbols are kept as pieces (foreign names: Gödel, Łódź, Œuvre)
REQUIRED_CHARS = ''.join(c for c in map(chr, range(0xC0, 0x180)) if c.isalpha()) + '€°§–—…•·×½%&@#$£¥'


def _conll_sentences(path: str, tok_col: int, sep: str | None = None, strip_prefix: str = ''):
    toks = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                if toks:
                    yield toks
                toks = []
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) <= tok_col:
                continue
            t = cols[tok_col]
            if strip_prefix and t.startswith(strip_prefix):
                t = t[len(strip_prefix):]
            toks.append(t)
    if toks:
        yield toks


def _hipe_lines(path: str):
    """Yield text lines of a HIPE TSV (tokens joined using NoSpaceAfter; line breaks at EndOfLine/EndOfSentence)."""
    cur = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#') or line.startswith('TOKEN\t'):
                continue
            cols = line.split('\t')
            misc = cols[-1] if len(cols) >= 10 else ''
            cur.append(cols[0])
            if 'NoSpaceAfter' not in misc:
                cur.append(' ')
            if 'EndOfSentence' in misc or 'PySBDSegment' in misc or (len(cur) > 120 and cols[0] in '.!?'):
                yield ''.join(cur).strip()
                cur = []
    if cur:
        yield ''.join(cur).strip()


def collect_text(out_path: str, seed: int = 13) -> int:
    rng = random.Random(seed)
    lines: list[str] = []
    for p in sorted(glob.glob(os.path.join(CORPORA, 'wikineural-fr', '*.conllu'))):
        for toks in _conll_sentences(p, 1, '\t'):
            lines.append(detok(toks, heuristic_space_after(toks))[0])
    for p in sorted(glob.glob(os.path.join(CORPORA, '7-romans', '*.conll'))):
        for toks in _conll_sentences(p, 0):
            lines.append(detok(toks, heuristic_space_after(toks))[0])
    for split in ('train', 'dev'):
        with open(os.path.join(CORPORA, 'sequoia-ne', f'sequoia-ud.parseme.frsemcor.{split}'), encoding='utf-8') as f:
            lines += [l[len('# text = '):].rstrip('\n') for l in f if l.startswith('# text = ')]
    hipe = [os.path.join(CORPORA, 'hipe2020-fr', 'HIPE-data-v0.9-train-fr.tsv')] + sorted(
        glob.glob(os.path.join(CORPORA, 'hipe2022-fr', 'HIPE-2022-v2.1-*-dev*-fr.tsv')))
    for p in hipe:
        lines += list(_hipe_lines(p))
    n_task = len(lines)
    # raw-fr sample: news (most), debates, legal codes
    raw = []
    for p in sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'orangesum-news', '*.txt')))[:3]:
        with open(p, encoding='utf-8') as f:
            raw += [l.rstrip('\n') for l in f if len(l) > 20]
    deb = []
    for p in sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'cv-debats-an', '*.txt'))):
        with open(p, encoding='utf-8') as f:
            deb += [l.rstrip('\n') for l in f if len(l) > 20]
    rng.shuffle(deb)
    legi = []
    for p in sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'legi-codes', '*.txt'))):
        with open(p, encoding='utf-8') as f:
            legi += [l.rstrip('\n') for l in f if len(l) > 20]
    rng.shuffle(legi)
    raw += deb[:150000] + legi[:60000]
    # task text twice so that its vocabulary (proper names, 19th-c. spelling) is well covered
    allx = lines + lines + raw
    rng.shuffle(allx)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, 'w', encoding='utf-8') as f:
        for l in allx:
            l = normalize(l).strip()
            if l:
                f.write(l + '\n')
    print(f'tokenizer text: {n_task} task lines (x2) + {len(raw)} raw-fr lines -> {out_path}', flush=True)
    return len(allx)


def train(args):
    import sentencepiece as spm
    text = os.path.join(WORK, 'tokenizer-text.txt')
    collect_text(text, seed=args.seed)
    os.makedirs(TOK_DIR, exist_ok=True)
    spm.SentencePieceTrainer.train(
        input=text, model_prefix=os.path.join(TOK_DIR, 'spm'), model_type='unigram', vocab_size=args.vocab_size,
        character_coverage=0.99995, normalization_rule_name='identity', remove_extra_whitespaces=False,
        add_dummy_prefix=True, split_digits=False, byte_fallback=False, max_sentence_length=8192,
        input_sentence_size=args.sentences, shuffle_input_sentence=True, seed_sentencepiece_size=1000000,
        pad_id=PAD_ID, pad_piece='[PAD]', unk_id=UNK_ID, unk_piece='[UNK]', bos_id=CLS_ID, bos_piece='[CLS]',
        eos_id=SEP_ID, eos_piece='[SEP]', user_defined_symbols=['[MASK]'], num_threads=args.threads,
        required_chars=REQUIRED_CHARS, train_extremely_large_corpus=False)
    n = break_ties(SPM_MODEL)
    print(f'wrote {SPM_MODEL} ({n} periodic pieces demoted)')


def _is_power(p: str) -> bool:
    n = len(p)
    return any(n % k == 0 and p[:k] * (n // k) == p for k in range(1, n // 2 + 1))


def break_ties(path: str) -> int:
    """Demote every periodic piece (w^k, k >= 2: '00', '...', '--') below all other scores. Runs of such characters
    otherwise have several segmentations with exactly the same score ('0'+'00' vs '00'+'0'), and SentencePiece and
    transformers.js break Viterbi ties differently; after this, both give identical ids (checked by node-check.mjs)."""
    from sentencepiece import sentencepiece_model_pb2 as pb
    m = pb.ModelProto()
    with open(path, 'rb') as f:
        m.ParseFromString(f.read())
    normal = [p for p in m.pieces if p.type == 1]
    low = -1000.0  # never preferred over the single characters that spell the same run
    n = 0
    for p in normal:
        if len(p.piece) >= 2 and _is_power(p.piece):
            p.score = low
            n += 1
    with open(path, 'wb') as f:
        f.write(m.SerializeToString())
    return n


def load_sp(path: str = SPM_MODEL):
    import sentencepiece as spm
    sp = spm.SentencePieceProcessor()
    sp.Load(path)
    return sp


def hf_tokenizer_json(sp) -> dict:
    vocab = [[sp.IdToPiece(i), float(sp.GetScore(i))] for i in range(sp.GetPieceSize())]
    for i, t in enumerate(SPECIAL_TOKENS):
        assert vocab[i][0] == t, (i, vocab[i], t)
        vocab[i][1] = 0.0
    added = [{'id': i, 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False, 'normalized': False,
              'special': True} for i, t in enumerate(SPECIAL_TOKENS)]
    replaces = [{'type': 'Replace', 'pattern': {'String': k}, 'content': v} for k, v in CHAR_MAP.items()]
    return {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': added,
        'normalizer': {'type': 'Sequence', 'normalizers': [{'type': 'NFC'}] + replaces},
        'pre_tokenizer': {'type': 'Metaspace', 'replacement': '\u2581', 'prepend_scheme': 'always', 'split': True,
                          'add_prefix_space': True},
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                       {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}],
            'pair': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                     {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 1}},
                     {'SpecialToken': {'id': '[SEP]', 'type_id': 1}}],
            'special_tokens': {t: {'id': t, 'ids': [i], 'tokens': [t]} for t, i in (('[CLS]', CLS_ID), ('[SEP]', SEP_ID))},
        },
        'decoder': {'type': 'Metaspace', 'replacement': '\u2581', 'prepend_scheme': 'always', 'split': True,
                    'add_prefix_space': True},
        'model': {'type': 'Unigram', 'unk_id': UNK_ID, 'vocab': vocab, 'byte_fallback': False},
    }


def hf_tokenizer_config(max_len: int = 512) -> dict:
    return {
        'tokenizer_class': 'BertTokenizer',
        'model_max_length': max_len,
        'pad_token': '[PAD]', 'unk_token': '[UNK]', 'cls_token': '[CLS]', 'sep_token': '[SEP]', 'mask_token': '[MASK]',
        'do_lower_case': False,
        'clean_up_tokenization_spaces': False,
        'padding_side': 'right',
        'model_input_names': ['input_ids', 'token_type_ids', 'attention_mask'],
        'chronique_normalization': 'NFC, then 1:1 map: apostrophe variants -> \', double-quote variants and guillemets -> ", '
                                   'no-break/thin/other spaces, tab, CR, LF -> space (see training/common.py CHAR_MAP)',
    }


def emit(out_dir: str, sp_path: str = SPM_MODEL, max_len: int = 512):
    sp = load_sp(sp_path)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'tokenizer.json'), 'w', encoding='utf-8') as f:
        json.dump(hf_tokenizer_json(sp), f, ensure_ascii=False)
    with open(os.path.join(out_dir, 'tokenizer_config.json'), 'w', encoding='utf-8') as f:
        json.dump(hf_tokenizer_config(max_len), f, ensure_ascii=False, indent=2)
    with open(os.path.join(out_dir, 'special_tokens_map.json'), 'w', encoding='utf-8') as f:
        json.dump({'pad_token': '[PAD]', 'unk_token': '[UNK]', 'cls_token': '[CLS]', 'sep_token': '[SEP]',
                   'mask_token': '[MASK]'}, f, indent=2)


def encode(sp, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Encode already-normalised text: ids without [CLS]/[SEP] and (start, end) char offsets into `text`
    (the leading '▁' of a piece is not counted in its span). Like transformers.js' Metaspace pre-tokenizer, a text that
    already starts with a space gets no extra '▁'."""
    if text.startswith(' '):
        ids, offs = encode(sp, text[1:])
        return ids, [(b + 1, e + 1) for b, e in offs]
    proto = sp.EncodeAsImmutableProto(text)
    ids, offs = [], []
    for p in proto.pieces:
        ids.append(p.id)
        b, e = p.begin, p.end
        surf = p.surface
        if surf.startswith(' '):
            b += 1
        offs.append((b, e))
    return ids, offs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    t = sub.add_parser('train', help='collect text and train training/tokenizer/spm.model')
    t.add_argument('--vocab-size', type=int, default=VOCAB_SIZE)
    t.add_argument('--sentences', type=int, default=1200000, help='SentencePiece input_sentence_size')
    t.add_argument('--threads', type=int, default=2)
    t.add_argument('--seed', type=int, default=13)
    e = sub.add_parser('emit', help='write tokenizer.json + tokenizer_config.json into --out')
    e.add_argument('--out', required=True)
    e.add_argument('--spm', default=SPM_MODEL)
    e.add_argument('--max-len', type=int, default=512)
    b = sub.add_parser('break-ties', help='(part of train) demote periodic pieces in spm.model')
    args = ap.parse_args()
    if args.cmd == 'break-ties':
        print(break_ties(SPM_MODEL), 'periodic pieces demoted')
        return
    if args.cmd == 'train':
        train(args)
    else:
        emit(args.out, args.spm, args.max_len)


if __name__ == '__main__':
    main()
