"""Syntax data for the multi-head model: Sequoia UD (CoNLL-U) sentences as subword examples with per-word labels
(UPOS, morphological features, lemma script, head, relation), the label vocabularies, tree decoding and scores.

Words are the corpus' syntactic words (multiword tokens expanded, `au` -> `à le`), as in the peer's evaluation
(`training.peer_spacy syntax`: gold words as input). Each word is represented by its first non-empty subword; the
head of a word is another word or the root, which is the `[CLS]` position."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np
import torch

from . import lemma as lem
from . import tokenizer as tok
from .contract import FEAT_GROUPS, UPOS as CONTRACT_UPOS
from .nerdata import IGNORE, _pad16, join_words
from .tokenizer import CLS_ID, PAD_ID, SEP_ID

# UPOS (output order) and the morphological features the events layer reads (agreement, tense; each one classifier
# over `_` + the values seen in training), from the model contract.
UPOS = list(CONTRACT_UPOS)
FEATS = list(FEAT_GROUPS)
NONE = '_'


def parse_feats(s: str) -> dict[str, str]:
    if not s or s == '_':
        return {}
    return dict(kv.split('=', 1) for kv in s.split('|') if '=' in kv)


def read_conllu(path: str) -> list[dict]:
    """Sentences of a CoNLL-U(-Plus) file: syntactic words with form, lemma, upos, feats, head, deprel, space."""
    sents, cur, sid, text, nospace_until = [], [], None, None, -1
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
                    sents.append({'sent_id': sid, 'text': text, 'words': cur})
                cur, sid, text, nospace_until = [], None, None, -1
            else:
                c = line.split('\t')
                if '.' in c[0]:
                    continue
                if '-' in c[0]:
                    b = int(c[0].split('-')[1])
                    nospace_until = b if 'SpaceAfter=No' in c[9] else -1
                    continue
                i = int(c[0])
                cur.append({'form': c[1], 'lemma': c[2], 'upos': c[3], 'feats': parse_feats(c[5]), 'head': int(c[6]),
                            'deprel': c[7], 'space': 'SpaceAfter=No' not in c[9] and i != nospace_until})
    if cur:
        sents.append({'sent_id': sid, 'text': text, 'words': cur})
    return sents


@dataclass
class Vocab:
    upos: list[str]
    feats: dict[str, list[str]]          # group -> [NONE, values...]
    lemmas: list[str]                    # edit scripts, class 0 = identity
    deprels: list[str]

    def to_dict(self) -> dict:
        return {'upos': self.upos, 'feats': self.feats, 'lemmas': self.lemmas, 'deprels': self.deprels}

    @staticmethod
    def from_dict(d: dict) -> 'Vocab':
        return Vocab(list(d['upos']), {k: list(v) for k, v in d['feats'].items()}, list(d['lemmas']),
                     list(d['deprels']))

    @property
    def feat_sizes(self) -> list[int]:
        return [len(self.feats[g]) for g in FEATS]


def build_vocab(sents: list[dict], lemma_min_count: int = 2) -> Vocab:
    feats = {g: [NONE] + sorted({w['feats'][g] for s in sents for w in s['words'] if g in w['feats']}) for g in FEATS}
    deprels = sorted({w['deprel'] for s in sents for w in s['words']})
    lemmas = lem.vocabulary(((w['form'], w['lemma']) for s in sents for w in s['words']), lemma_min_count)
    return Vocab(list(UPOS), feats, lemmas, deprels)


@dataclass
class SynExample:
    ids: list[int]
    word_pos: list[int]                  # per word: position (in ids) of its first piece
    upos: list[int]
    feats: list[list[int]]               # per word: one class per FEATS group
    lemma: list[int]                     # IGNORE where the word's script is not a class
    head: list[int]                      # 0 = root, k = word k (1-based)
    rel: list[int]
    forms: list[str] = field(default_factory=list)


def word_pieces(tk, forms: list[str], spaces: list[bool]) -> tuple[list[int], list[int]] | None:
    """Subword ids of the words joined by their spacing, and each word's first non-empty piece (index in those ids);
    None when a word gets no piece of its own."""
    toks, text, char_word = join_words(forms, spaces)
    ids, offs = tok.encode(tk, text)
    first = [-1] * len(toks)
    for p, (b, e) in enumerate(offs):
        if e > b and char_word[b] >= 0 and first[char_word[b]] < 0:
            first[char_word[b]] = p
    if min(first, default=0) < 0:
        return None
    return ids, first


def build(tk, sent: dict, vocab: Vocab, max_len: int = 256) -> SynExample | None:
    ws = sent['words']
    enc = word_pieces(tk, [w['form'] for w in ws], [w['space'] for w in ws])
    if enc is None or len(enc[0]) + 2 > max_len:
        return None
    ids, first = enc
    lemma_id = {s: i for i, s in enumerate(vocab.lemmas)}
    upos_id = {u: i for i, u in enumerate(vocab.upos)}
    rel_id = {r: i for i, r in enumerate(vocab.deprels)}
    feat_id = {g: {v: i for i, v in enumerate(vocab.feats[g])} for g in FEATS}
    return SynExample(
        ids=[CLS_ID] + ids + [SEP_ID], word_pos=[p + 1 for p in first],
        upos=[upos_id.get(w['upos'], IGNORE) for w in ws],
        feats=[[feat_id[g].get(w['feats'].get(g, NONE), IGNORE) for g in FEATS] for w in ws],
        lemma=[lemma_id.get(lem.encode(w['form'], w['lemma']), IGNORE) for w in ws],
        head=[w['head'] for w in ws], rel=[rel_id.get(w['deprel'], IGNORE) for w in ws],
        forms=[w['form'] for w in ws])


def batches(examples: list[SynExample], max_tokens: int, rng: random.Random, shuffle: bool = True) -> list[list[int]]:
    idx = sorted(range(len(examples)), key=lambda i: len(examples[i].ids))
    groups, cur, cur_max = [], [], 0
    for i in idx:
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


def collate(examples: list[SynExample], group: list[int]) -> dict[str, torch.Tensor]:
    L = _pad16(max(len(examples[i].ids) for i in group))
    W = max(len(examples[i].word_pos) for i in group)
    B, G = len(group), len(FEATS)
    out = {'input_ids': torch.full((B, L), PAD_ID, dtype=torch.long), 'attention_mask': torch.zeros((B, L), dtype=torch.long),
           'word_pos': torch.zeros((B, W), dtype=torch.long), 'word_mask': torch.zeros((B, W), dtype=torch.bool),
           'upos': torch.full((B, W), IGNORE, dtype=torch.long), 'feats': torch.full((B, W, G), IGNORE, dtype=torch.long),
           'lemma': torch.full((B, W), IGNORE, dtype=torch.long), 'head': torch.full((B, W), IGNORE, dtype=torch.long),
           'rel': torch.full((B, W), IGNORE, dtype=torch.long)}
    for r, i in enumerate(group):
        e = examples[i]
        n, w = len(e.ids), len(e.word_pos)
        out['input_ids'][r, :n] = torch.tensor(e.ids)
        out['attention_mask'][r, :n] = 1
        out['word_pos'][r, :w] = torch.tensor(e.word_pos)
        out['word_mask'][r, :w] = True
        out['upos'][r, :w] = torch.tensor(e.upos)
        out['feats'][r, :w] = torch.tensor(e.feats)
        out['lemma'][r, :w] = torch.tensor(e.lemma)
        out['head'][r, :w] = torch.tensor(e.head)
        out['rel'][r, :w] = torch.tensor(e.rel)
    out['token_type_ids'] = torch.zeros_like(out['input_ids'])
    return out


# ---------------------------------------------------------------------------------------------------------------
# tree decoding

def _mst(scores: np.ndarray) -> list[int]:
    """Maximum spanning arborescence rooted at node 0 (networkx, Edmonds): scores[d, h] for dependent d (1..n) and
    head h (0..n), row 0 unused; returns heads[1..n] (index 0 of the list is the first word)."""
    import networkx as nx
    n = scores.shape[0] - 1
    g = nx.DiGraph()
    g.add_nodes_from(range(n + 1))
    for d in range(1, n + 1):
        for h in range(n + 1):
            if h != d and np.isfinite(scores[d, h]):
                g.add_edge(h, d, weight=float(scores[d, h]))
    t = nx.maximum_spanning_arborescence(g, attr='weight', preserve_attrs=False)
    heads = [0] * n
    for h, d in t.edges():
        heads[d - 1] = h
    return heads


def tree_score(scores: np.ndarray, heads: list[int]) -> float:
    return float(sum(scores[d + 1, h] for d, h in enumerate(heads)))


def decode_tree(scores: np.ndarray) -> list[int]:
    """The best dependency tree with exactly one word attached to the root. `scores[d, h]` (n+1 x n+1, log-probabilities
    or any additive scores) for dependent d >= 1 and head h (0 = root). Exact: when the best arborescence has several
    root children, the best tree is searched with each word in turn as the only root child."""
    n = scores.shape[0] - 1
    if n == 0:
        return []
    s = scores.astype(np.float64).copy()
    np.fill_diagonal(s, -np.inf)
    s[0, :] = -np.inf
    heads = _mst(s)
    if sum(h == 0 for h in heads) == 1:
        return heads
    best, best_score = None, -np.inf
    for r in range(1, n + 1):
        t = s.copy()
        t[1:, 0] = -np.inf
        t[r, 0] = s[r, 0]
        t[r, 1:] = -np.inf
        h = _mst(t)
        sc = tree_score(s, h)
        if sc > best_score:
            best, best_score = h, sc
    return best


def is_tree(heads: list[int]) -> bool:
    """Every word reaches the root (0) without a cycle, and exactly one word is attached to it."""
    if sum(h == 0 for h in heads) != 1:
        return False
    for i in range(1, len(heads) + 1):
        seen, j = set(), i
        while j != 0:
            if j in seen:
                return False
            seen.add(j)
            j = heads[j - 1]
    return True
