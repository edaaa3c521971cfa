"""Data loading, subword label alignment, BIO-constrained Viterbi decoding; strict span scores by seqeval (IOB2)."""
from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass

import numpy as np
import torch

from . import tokenizer as tok
from .contract import LABELS, LABEL2ID, MENTION_TYPES, strip_invisible
from .tokenizer import CLS_ID, PAD_ID, SEP_ID

IGNORE = -100


@dataclass
class Example:
    source: str
    ids: list[int]            # with [CLS] ... [SEP]
    labels: list[int]         # IGNORE on specials and empty pieces
    word_first: list[int]     # per word: index (in ids) of its first piece, -1 if none
    word_tags: list[str]      # gold tags per word


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


def case_augment(tokens: list[str], mode: str) -> list[str]:
    out = []
    for t in tokens:
        u = t.upper() if mode == 'upper' else t.lower()
        out.append(u if len(u) == len(t) else t)
    return out


def entity_runs(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, end, type) of each BIO entity (an I- after O or another type starts one)."""
    runs, i = [], 0
    while i < len(tags):
        t = tags[i]
        if t == 'O':
            i += 1
            continue
        typ, j = t[2:], i + 1
        while j < len(tags) and tags[j] == 'I-' + typ:
            j += 1
        runs.append((i, j, typ))
        i = j
    return runs


def substitute_entities(tokens: list[str], tags: list[str], space_after: list[bool], pool: dict[str, list], rng,
                        types=('PER', 'ORG', 'LOC', 'MISC')):
    """A copy of the sentence with every PER/ORG/LOC/MISC entity replaced by a random name of the same type from
    `pool` (type -> list of token lists): the context, not the memorised name, has to decide the label."""
    out_t, out_g, out_s, last = [], [], [], 0
    for first, end, typ in entity_runs(tags):
        if typ not in types or not pool.get(typ):
            continue
        name = rng.choice(pool[typ])
        out_t += tokens[last:first]
        out_g += tags[last:first]
        out_s += space_after[last:first]
        out_t += name
        out_g += ['B-' + typ] + ['I-' + typ] * (len(name) - 1)
        out_s += [True] * (len(name) - 1) + [space_after[end - 1]]
        last = end
    out_t += tokens[last:]
    out_g += tags[last:]
    out_s += space_after[last:]
    return out_t, out_g, out_s


def join_words(words: list[str], space_after: list[bool]) -> tuple[list[str], str, np.ndarray]:
    """The words as the runtime sees them (NFC, invisible characters stripped), the text they make joined by their
    spacing, and each character's word index (-1 on spaces; one extra slot past the end)."""
    toks = [strip_invisible(unicodedata.normalize('NFC', t)) or t for t in words]
    parts, starts, pos = [], [], 0
    for i, t in enumerate(toks):
        starts.append(pos)
        parts.append(t)
        pos += len(t)
        if i < len(toks) - 1 and space_after[i]:
            parts.append(' ')
            pos += 1
    text = ''.join(parts)
    char_word = np.full(len(text) + 1, -1, dtype=np.int64)
    for i, (s, t) in enumerate(zip(starts, toks)):
        char_word[s:s + len(t)] = i
    return toks, text, char_word


def build(tk, tokens: list[str], tags: list[str], space_after: list[bool], source: str, max_len: int = 128) -> list[Example]:
    """Encode one sentence; every non-empty piece is labelled (first piece of a word: the word's tag; later pieces: I-X
    inside an entity, O outside). Sentences longer than max_len-2 pieces are cut into several examples at word starts.
    Words are NFC-composed and stripped of invisible characters (as the runtime's view of a text)."""
    toks, text, char_word = join_words(tokens, space_after)
    ids, offs = tok.encode(tk, text)
    piece_labels, piece_word, is_first = [], [], []
    seen = set()
    for (b, e) in offs:
        if e <= b or char_word[b] < 0:
            piece_labels.append(IGNORE)
            piece_word.append(-1)
            is_first.append(False)
            continue
        w = int(char_word[b])
        tag = tags[w]
        first = w not in seen
        seen.add(w)
        if first:
            lab = tag
        else:
            lab = 'O' if tag == 'O' else 'I-' + tag[2:]
        piece_labels.append(LABEL2ID.get(lab, 0))
        piece_word.append(w)
        is_first.append(first)
    # chunking
    room = max_len - 2
    out = []
    i = 0
    n = len(ids)
    while i < n or (n == 0 and not out):
        j = min(n, i + room)
        if j < n:  # back off to a word start
            k = j
            while k > i + room // 2 and not is_first[k]:
                k -= 1
            if is_first[k]:
                j = k
        cid = [CLS_ID] + ids[i:j] + [SEP_ID]
        clab = [IGNORE] + piece_labels[i:j] + [IGNORE]
        # chunk must not start with an I- label on a word-continuation piece: fine for training, it is only a label
        words_in = sorted({piece_word[p] for p in range(i, j) if piece_word[p] >= 0 and is_first[p]})
        wf = []
        for w in words_in:
            p = next(p for p in range(i, j) if piece_word[p] == w and is_first[p])
            wf.append(p - i + 1)
        out.append(Example(source, cid, clab, wf, [tags[w] for w in words_in]))
        if n == 0:
            break
        i = j
    return out


def batches(examples: list[Example], max_tokens: int, rng: random.Random, shuffle: bool = True):
    idx = list(range(len(examples)))
    if shuffle:
        rng.shuffle(idx)
    # sort within pools of 4096 by length to limit padding
    pool = 4096
    groups = []
    for s in range(0, len(idx), pool):
        chunk = sorted(idx[s:s + pool], key=lambda i: len(examples[i].ids))
        cur, cur_max = [], 0
        for i in chunk:
            L = _pad16(len(examples[i].ids))
            if cur and max(cur_max, L) * (len(cur) + 1) > max_tokens:
                groups.append(cur)
                cur, cur_max = [], 0
            cur.append(i)
            cur_max = max(cur_max, L)
        if cur:
            groups.append(cur)
    if shuffle:
        rng.shuffle(groups)
    return groups


def _pad16(n: int) -> int:
    return (n + 15) // 16 * 16


def collate(examples: list[Example], group: list[int]):
    # pad to a multiple of 16: few distinct shapes, so oneDNN primitives are reused
    L = _pad16(max(len(examples[i].ids) for i in group))
    B = len(group)
    ids = torch.full((B, L), PAD_ID, dtype=torch.long)
    lab = torch.full((B, L), IGNORE, dtype=torch.long)
    am = torch.zeros((B, L), dtype=torch.long)
    for r, i in enumerate(group):
        e = examples[i]
        n = len(e.ids)
        ids[r, :n] = torch.tensor(e.ids)
        lab[r, :n] = torch.tensor(e.labels)
        am[r, :n] = 1
    return ids, am, torch.zeros_like(ids), lab


# ---------------------------------------------------------------------------------------------------------------
# decoding

def _transitions() -> np.ndarray:
    K = len(LABELS)
    T = np.zeros((K, K), dtype=np.float32)
    for a, la in enumerate(LABELS):
        for b, lb in enumerate(LABELS):
            if lb.startswith('I-') and not (la != 'O' and la[2:] == lb[2:]):
                T[a, b] = -1e4
    return T


TRANS = _transitions()
START = np.array([-1e4 if l.startswith('I-') else 0.0 for l in LABELS], dtype=np.float32)


def viterbi(logp: np.ndarray) -> list[int]:
    """BIO-constrained Viterbi over log-probabilities [n, K]."""
    n, K = logp.shape
    if n == 0:
        return []
    score = START + logp[0]
    back = np.zeros((n, K), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + TRANS
        back[t] = cand.argmax(0)
        score = cand.max(0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def decode_words(logits: np.ndarray, ex: Example, use_viterbi: bool = True) -> list[str]:
    """Subword logits [L, K] (incl. [CLS]/[SEP]) -> word tags via Viterbi over the non-empty pieces."""
    valid = [i for i, l in enumerate(ex.labels) if l != IGNORE]
    if not valid:
        return ['O'] * len(ex.word_first)
    lp = logits[valid]
    lp = lp - lp.max(-1, keepdims=True)
    lp = lp - np.log(np.exp(lp).sum(-1, keepdims=True))
    path = viterbi(lp) if use_viterbi else list(lp.argmax(-1))
    lab_at = {p: LABELS[path[k]] for k, p in enumerate(valid)}
    tags = [lab_at.get(p, 'O') for p in ex.word_first]
    # repair (an I- right after O can only come from chunk boundaries / argmax): make it B-
    prev = 'O'
    for i, t in enumerate(tags):
        if t.startswith('I-') and (prev == 'O' or prev[2:] != t[2:]):
            tags[i] = 'B-' + t[2:]
        prev = tags[i]
    return tags


def iob2(tags: list[str]) -> list[str]:
    """The same entities in strict IOB2: an `I-X` that opens an entity (after `O` or another type) becomes `B-X`."""
    out, prev = [], 'O'
    for t in tags:
        if t.startswith('I-') and (prev == 'O' or prev[2:] != t[2:]):
            t = 'B-' + t[2:]
        out.append(t)
        prev = t
    return out


def only(tags: list[str], types) -> list[str]:
    return [t if t != 'O' and t[2:] in types else 'O' for t in tags]


def f1_report(golds: list[list[str]], preds: list[list[str]], types: list[str] | None = None) -> dict:
    """Strict span scores (seqeval, mode='strict', IOB2) per type and micro over `types` (default: every type):
    {type: {p, r, f1, support}, 'micro': {...}}."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2
    golds = [iob2(g) for g in golds]
    preds = [iob2(p) for p in preds]
    if types:
        golds = [only(g, types) for g in golds]
        preds = [only(p, types) for p in preds]
    rep = classification_report(golds, preds, mode='strict', scheme=IOB2, output_dict=True, zero_division=0)
    res = {}
    for t, v in rep.items():
        if t in ('micro avg', 'macro avg', 'weighted avg'):
            continue
        res[t] = {'p': round(float(v['precision']), 4), 'r': round(float(v['recall']), 4),
                  'f1': round(float(v['f1-score']), 4), 'support': int(v['support'])}
    m = rep.get('micro avg', {'precision': 0.0, 'recall': 0.0, 'f1-score': 0.0, 'support': 0})
    res['micro'] = {'p': round(float(m['precision']), 4), 'r': round(float(m['recall']), 4),
                    'f1': round(float(m['f1-score']), 4), 'support': int(m['support'])}
    return res


def _logits(model):
    from .model import logits
    return lambda ids, am, tt: logits(model, ids, am, tt)


@torch.no_grad()
def predict(model, examples: list[Example], max_tokens: int = 8192, use_viterbi: bool = True, fwd=None) -> list[list[str]]:
    model.eval()
    groups = batches(examples, max_tokens, random.Random(0), shuffle=False)
    preds: list[list[str] | None] = [None] * len(examples)
    for g in groups:
        ids, am, tt, _ = collate(examples, g)
        logits = (fwd or _logits(model))(ids, am, tt).float().numpy()
        for r, i in enumerate(g):
            n = len(examples[i].ids)
            preds[i] = decode_words(logits[r, :n], examples[i], use_viterbi)
    return preds  # type: ignore


@torch.no_grad()
def predict_both(model, examples: list[Example], max_tokens: int = 8192):
    """One forward pass, two decodings: (Viterbi word tags, argmax word tags)."""
    model.eval()
    groups = batches(examples, max_tokens, random.Random(0), shuffle=False)
    pv: list = [None] * len(examples)
    pa: list = [None] * len(examples)
    for g in groups:
        ids, am, tt, _ = collate(examples, g)
        logits = _logits(model)(ids, am, tt).float().numpy()
        for r, i in enumerate(g):
            n = len(examples[i].ids)
            pv[i] = decode_words(logits[r, :n], examples[i], True)
            pa[i] = decode_words(logits[r, :n], examples[i], False)
    return pv, pa


def evaluate(model, examples: list[Example], types=tuple(MENTION_TYPES), use_viterbi=True, fwd=None) -> dict:
    preds = predict(model, examples, use_viterbi=use_viterbi, fwd=fwd)
    golds = [e.word_tags for e in examples]
    return f1_report(golds, preds, list(types) if types else None)


def load_examples(tk, path: str, max_len: int = 128, source_filter=None) -> list[Example]:
    out = []
    for r in read_jsonl(path):
        if source_filter and r['source'] not in source_filter:
            continue
        out += build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], max_len)
    return out
