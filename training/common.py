"""Shared constants and helpers for the chronique NER training package.

Everything that must be identical between tokenizer training, fine-tuning and the runtime lives here:
the text normalisation (NFC + a 1:1 character map, so character offsets are preserved after NFC) and the label set.
"""
from __future__ import annotations

import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, '..', 'shared'))
CORPORA = os.path.join(SHARED, 'corpora')
TOK_DIR = os.path.join(ROOT, 'training', 'tokenizer')
SPM_MODEL = os.path.join(TOK_DIR, 'spm.model')
WORK = os.path.join(ROOT, 'training', 'work')
RUNS = os.path.join(ROOT, 'training', 'runs')
DATA = os.path.join(ROOT, 'data', 'ner')

ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'DATE']
LABELS = ['O'] + [f'{p}-{t}' for t in ENTITY_TYPES for p in ('B', 'I')]
LABEL2ID = {l: i for i, l in enumerate(LABELS)}

SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']
PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = 0, 1, 2, 3, 4

# 1:1 character replacements applied after NFC (offsets are preserved). Mirrored in tokenizer.json `normalizer`.
CHAR_MAP = {
    # apostrophe variants -> ASCII apostrophe
    '\u2019': "'", '\u2018': "'", '\u201B': "'", '\u2032': "'", '\uFF07': "'", '\u02BC': "'", '`': "'", '\u00B4': "'",
    # double quote variants (incl. French guillemets) -> ASCII double quote
    '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2039': '"', '\u203A': '"',
    '\u2033': '"', '\uFF02': '"',
    # whitespace variants -> plain space
    '\u00A0': ' ', '\u202F': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ', '\u2003': ' ',
    '\t': ' ', '\n': ' ', '\r': ' ', '\u000B': ' ', '\u000C': ' ',
}
_TRANS = str.maketrans(CHAR_MAP)


def normalize(text: str) -> str:
    """NFC, then the 1:1 CHAR_MAP. Length after NFC is preserved by the map."""
    return unicodedata.normalize('NFC', text).translate(_TRANS)


ELISION_SUFFIX = ("'", '\u2019')
NO_SPACE_BEFORE = {',', '.', ')', ']', '}', '...', '…', '%'}
NO_SPACE_AFTER = {'(', '[', '{'}


def heuristic_space_after(tokens: list[str]) -> list[bool]:
    """Detokenisation heuristic for corpora without spacing information (WikiNEuRal, 7-romans)."""
    out = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else None
        sp = True
        if nxt is None:
            sp = False
        elif tok.endswith(ELISION_SUFFIX) and len(tok) <= 8:
            sp = False
        elif tok in NO_SPACE_AFTER:
            sp = False
        elif nxt in NO_SPACE_BEFORE or nxt in ("'", '\u2019'):
            sp = False
        elif nxt == '-' or tok == '-':
            sp = True
        out.append(sp)
    # "d ' ancien" (7-romans splits the apostrophe): glue letter + apostrophe + next word
    for i, tok in enumerate(tokens):
        if tok in ("'", '\u2019') and i > 0 and len(tokens[i - 1]) <= 6 and tokens[i - 1][-1:].isalpha():
            out[i - 1] = False
            out[i] = False
    return out


def detok(tokens: list[str], space_after: list[bool]) -> tuple[str, list[tuple[int, int]]]:
    parts, spans, pos = [], [], 0
    for tok, sp in zip(tokens, space_after):
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        if sp:
            parts.append(' ')
            pos += 1
    return ''.join(parts), spans
