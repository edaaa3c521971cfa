"""Lemmas as edit-script classes (the idea of spaCy's edit-tree lemmatizer, in its simplest suffix form): a script is
(casing, cut, add): take the form as is (`K`) or lower-cased (`L`), cut `cut` characters from its end, append `add`.
`apply(encode(form, lemma), form) == lemma` for every pair; the classifier picks a script per word, so one class serves
every word that inflects alike (`mangées → manger` and `portées → porter` are both `L|3|er`) and unseen words get lemmas too.

Scripts are strings `CASE|CUT|ADD` (ADD may contain `|`), the classes a model's config lists."""
from __future__ import annotations

from collections import Counter


def _prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def encode(form: str, lemma: str) -> str:
    """The script turning `form` into `lemma` that keeps the longest common prefix; on a tie the lower-casing one, so
    that sentence-initial `La` and `la` share their class."""
    best = None
    for case in ('L', 'K'):
        s = form.lower() if case == 'L' else form
        p = _prefix(s, lemma)
        if best is None or p > best[0]:
            best = (p, f'{case}|{len(s) - p}|{lemma[p:]}')
    return best[1]


def apply(script: str, form: str) -> str:
    case, cut, add = script.split('|', 2)
    s = form.lower() if case == 'L' else form
    n = min(int(cut), len(s))
    return s[:len(s) - n] + add


def vocabulary(pairs, min_count: int = 2) -> list[str]:
    """Scripts seen at least `min_count` times in (form, lemma) pairs, most frequent first (ties by script text); the
    identity-of-the-lower-cased-form script `L|0|` is always class 0 (the fallback for words with a rare script)."""
    counts = Counter(encode(f, l) for f, l in pairs)
    keep = sorted((s for s, c in counts.items() if c >= min_count and s != IDENTITY), key=lambda s: (-counts[s], s))
    return [IDENTITY] + keep


IDENTITY = 'L|0|'
