"""Sentence text from token lists, for corpora that carry no spacing information (WikiNEuRal, 7-romans)."""
from __future__ import annotations

ELISION_SUFFIX = ("'", '\u2019')
NO_SPACE_BEFORE = {',', '.', ')', ']', '}', '...', '…', '%'}
NO_SPACE_AFTER = {'(', '[', '{'}


def heuristic_space_after(tokens: list[str]) -> list[bool]:
    """Detokenisation heuristic: no space before closing punctuation, after an elided word or an opening bracket."""
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
    """The sentence text and each token's [start, end) in it."""
    parts, spans, pos = [], [], 0
    for tok, sp in zip(tokens, space_after):
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        if sp:
            parts.append(' ')
            pos += 1
    return ''.join(parts), spans
