"""The cased Unigram tokenizer (16k pieces), trained and saved with Hugging Face `tokenizers` as a native
`tokenizer.json` (what transformers.js loads).

  python -m training.tokenizer train                  # collect text, train -> training/work/tokenizer.json
  python -m training.tokenizer train --lines 20000 --vocab-size 2000 --out training/work/tok-smoke.json   # seconds

Training text = the NER training corpora (WikiNEuRal, 7-romans, Sequoia train+dev, HIPE-2020 v0.9 train, HIPE-2022
dev files) + a sample of ../shared/corpora/raw-fr. Held-out material (Sequoia test, HIPE v1.4 test, FR-TimeBank, the seed
article) is never read. The normaliser is the model contract (`training.contract.hf_normalizer`: NFC, the 1:1 map,
invisible characters dropped); pre-tokenizer Metaspace `▁` (prepend_scheme `always`); `[CLS] $A [SEP]` post-processor.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random

from .contract import normalize
from .paths import CORPORA, TOKENIZER, WORK  # noqa: F401 (TOKENIZER: the default of load())
from .text import detok, heuristic_space_after

SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']
PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = 0, 1, 2, 3, 4
VOCAB_SIZE = 16000
# every Latin-1 / Latin Extended-A letter and a few symbols are kept as pieces (foreign names: Gödel, Łódź, Œuvre)
REQUIRED_CHARS = ''.join(c for c in map(chr, range(0xC0, 0x180)) if c.isalpha()) + '€°§–—…•·×½%&@#$£¥'
SPACE = '\u2581'


def _conll_sentences(path: str, tok_col: int, sep: str | None = None):
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
            if len(cols) > tok_col:
                toks.append(cols[tok_col])
    if toks:
        yield toks


def _hipe_lines(path: str):
    """Text lines of a HIPE TSV (tokens joined using NoSpaceAfter; line breaks at EndOfLine/EndOfSentence)."""
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


def collect_text(seed: int = 13) -> list[str]:
    """Training lines: task text twice (its names and 19th-c. spellings well covered) + raw-fr news, debates, codes."""
    rng = random.Random(seed)
    lines: list[str] = []
    for p in sorted(glob.glob(os.path.join(CORPORA, 'wikineural-fr', '*.conllu'))):
        lines += [detok(t, heuristic_space_after(t))[0] for t in _conll_sentences(p, 1, '\t')]
    for p in sorted(glob.glob(os.path.join(CORPORA, '7-romans', '*.conll'))):
        lines += [detok(t, heuristic_space_after(t))[0] for t in _conll_sentences(p, 0)]
    for split in ('train', 'dev'):
        with open(os.path.join(CORPORA, 'sequoia-ne', f'sequoia-ud.parseme.frsemcor.{split}'), encoding='utf-8') as f:
            lines += [l[len('# text = '):].rstrip('\n') for l in f if l.startswith('# text = ')]
    hipe = [os.path.join(CORPORA, 'hipe2020-fr', 'HIPE-data-v0.9-train-fr.tsv')] + sorted(
        glob.glob(os.path.join(CORPORA, 'hipe2022-fr', 'HIPE-2022-v2.1-*-dev*-fr.tsv')))
    for p in hipe:
        lines += list(_hipe_lines(p))

    def raw(sub: str, limit: int | None = None) -> list[str]:
        out = []
        for p in sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', sub, '*.txt')))[:limit]:
            with open(p, encoding='utf-8') as f:
                out += [l.rstrip('\n') for l in f if len(l) > 20]
        return out

    news, deb, legi = raw('orangesum-news', 3), raw('cv-debats-an'), raw('legi-codes')
    rng.shuffle(deb)
    rng.shuffle(legi)
    allx = lines + lines + news + deb[:150000] + legi[:60000]
    rng.shuffle(allx)
    return [l for l in (normalize(x).strip() for x in allx) if l]


def new_tokenizer():
    """An untrained Unigram tokenizer with the contract's normaliser, Metaspace pre-tokenizer and BERT specials."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
    from .contract import hf_normalizer
    tok = Tokenizer(models.Unigram())
    tok.normalizer = hf_normalizer()
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=SPACE, prepend_scheme='always', split=True)
    tok.decoder = decoders.Metaspace(replacement=SPACE, prepend_scheme='always', split=True)
    tok.post_processor = processors.TemplateProcessing(
        single='[CLS] $A [SEP]', pair='[CLS] $A [SEP] $B:1 [SEP]:1', special_tokens=[('[CLS]', CLS_ID), ('[SEP]', SEP_ID)])
    return tok


def train(lines: list[str], vocab_size: int = VOCAB_SIZE):
    from tokenizers import trainers
    tok = new_tokenizer()
    trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=SPECIAL_TOKENS, unk_token='[UNK]',
                                      initial_alphabet=sorted(set(REQUIRED_CHARS)), max_piece_length=16,
                                      shrinking_factor=0.75, n_sub_iterations=2, show_progress=False)
    tok.train_from_iterator(lines, trainer, length=len(lines))
    assert [tok.token_to_id(t) for t in SPECIAL_TOKENS] == list(range(len(SPECIAL_TOKENS))), 'special token ids'
    return demote_periodic(tok)


def _is_power(p: str) -> bool:
    n = len(p)
    return any(n % k == 0 and p[:k] * (n // k) == p for k in range(1, n // 2 + 1))


def demote_periodic(tok):
    """Every periodic piece (w^k, k >= 2: '00', '...', '--') gets the lowest score. Runs of such characters otherwise
    have several segmentations of exactly the same score ('0'+'00' vs '00'+'0') and the Rust and transformers.js
    Viterbi break ties differently; demoted, both give identical ids (checked by training/node-check.mjs)."""
    from tokenizers import Tokenizer
    data = json.loads(tok.to_str())
    vocab = data['model']['vocab']
    low = min(s for _, s in vocab) - 1000.0
    for entry in vocab[len(SPECIAL_TOKENS):]:
        if len(entry[0]) >= 2 and _is_power(entry[0]):
            entry[1] = low
    return Tokenizer.from_str(json.dumps(data, ensure_ascii=False))


def load(path: str = TOKENIZER):
    from tokenizers import Tokenizer
    return Tokenizer.from_file(path)


def encode(tok, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Ids without [CLS]/[SEP] and each piece's [start, end) in `text` (the original, un-normalised string). The
    space a `▁` stands for is not part of its piece's span, so a bare `▁` piece has an empty span."""
    enc = tok.encode(text, add_special_tokens=False)
    offs = []
    for piece, (b, e) in zip(enc.tokens, enc.offsets):
        while b < e and normalize(text[b]) == ' ':
            b += 1
        offs.append((b, b) if piece == SPACE else (b, e))
    return list(enc.ids), offs


def tokenizer_config(max_len: int) -> dict:
    return {
        'tokenizer_class': 'BertTokenizer',
        'model_max_length': max_len,
        'pad_token': '[PAD]', 'unk_token': '[UNK]', 'cls_token': '[CLS]', 'sep_token': '[SEP]', 'mask_token': '[MASK]',
        'clean_up_tokenization_spaces': False,
        'padding_side': 'right',
        'model_input_names': ['input_ids', 'token_type_ids', 'attention_mask'],
    }


def save_folder(tok, out_dir: str, max_len: int) -> None:
    """tokenizer.json (native) + tokenizer_config.json + special_tokens_map.json into a model folder."""
    os.makedirs(out_dir, exist_ok=True)
    tok.save(os.path.join(out_dir, 'tokenizer.json'))
    with open(os.path.join(out_dir, 'tokenizer_config.json'), 'w', encoding='utf-8') as f:
        json.dump(tokenizer_config(max_len), f, ensure_ascii=False, indent=2)
    with open(os.path.join(out_dir, 'special_tokens_map.json'), 'w', encoding='utf-8') as f:
        json.dump({'pad_token': '[PAD]', 'unk_token': '[UNK]', 'cls_token': '[CLS]', 'sep_token': '[SEP]',
                   'mask_token': '[MASK]'}, f, indent=2)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.tokenizer', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    t = sub.add_parser('train', help='collect text and train the tokenizer')
    t.add_argument('--vocab-size', type=int, default=VOCAB_SIZE)
    t.add_argument('--lines', type=int, default=0, help='use only this many (shuffled) lines (0: all)')
    t.add_argument('--seed', type=int, default=13)
    t.add_argument('--out', default=os.path.join(WORK, 'tokenizer.json'))
    a = ap.parse_args(argv)
    lines = collect_text(a.seed)
    if a.lines:
        lines = lines[:a.lines]
    print(f'tokenizer text: {len(lines)} lines', flush=True)
    tok = train(lines, a.vocab_size)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tok.save(a.out)
    print(f'wrote {a.out} ({tok.get_vocab_size()} pieces)')


if __name__ == '__main__':
    main()
