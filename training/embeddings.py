"""Distributional subword embeddings from raw-fr, to initialise the encoder's embedding matrix (cheap pre-training).

  python -m training.embeddings                                  # -> training/work/embeddings-svd.pt (≈10 min)
  python -m training.finetune --init-embeddings training/work/embeddings-svd.pt ...

Masked-LM pre-training needs hours of CPU to pay off here; this needs minutes. Every raw-fr line (OrangeSum news, the
Assemblée debates, a share of the legal codes) is normalised and cut into the model's SentencePiece pieces; pieces
co-occurring within ±WINDOW positions are counted (weight 1/distance), the counts turned into positive PMI (context
counts smoothed by ^0.75) and factorised by a randomised SVD: each piece's vector is U·√S. A name the labelled data never
show (`▁Tesla`) then starts next to the names it shares contexts with (`▁Renault`, `▁Peugeot`), which is what lets the
classifier generalise to it. The vectors are rescaled to the standard deviation of a trained embedding matrix.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import time

import numpy as np
import torch

from . import tokenizer as tok
from .contract import normalize
from .paths import CORPORA, TOKENIZER, WORK


def raw_lines(legi_share: float, seed: int):
    """raw-fr lines: all news and debates, `legi_share` of the legal-code files (they would dominate otherwise)."""
    rng = random.Random(seed)
    files = sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'orangesum-news', '*.txt')))
    files += sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'cv-debats-an', '*.txt')))
    legi = sorted(glob.glob(os.path.join(CORPORA, 'raw-fr', 'legi-codes', '*.txt')))
    files += [p for p in legi if rng.random() < legi_share]
    for p in files:
        with open(p, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line:
                    yield normalize(line)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.embeddings', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--tokenizer', default=TOKENIZER)
    ap.add_argument('--out', default=os.path.join(WORK, 'embeddings-svd.pt'))
    ap.add_argument('--dim', type=int, default=256)
    ap.add_argument('--window', type=int, default=4)
    ap.add_argument('--legi-share', type=float, default=0.25)
    ap.add_argument('--target-std', type=float, default=0.035, help='std of the output (a trained matrix here: 0.035)')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=1234)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    tk = tok.load(a.tokenizer)
    V, W = tk.get_vocab_size(), a.window
    t0 = time.time()

    # Pieces of all lines in one array, W separators (-1) between lines: no pair within distance W crosses a line.
    chunks, n_lines, n_pieces = [], 0, 0
    batch = []

    def flush():
        nonlocal n_pieces
        for ids in (e.ids for e in tk.encode_batch(batch, add_special_tokens=False)):
            chunks.append(np.asarray(ids, dtype=np.int32))
            chunks.append(np.full(W, -1, dtype=np.int32))
            n_pieces += len(ids)
        batch.clear()

    for line in raw_lines(a.legi_share, a.seed):
        batch.append(line)
        n_lines += 1
        if len(batch) == 20000:
            flush()
    flush()
    ids = np.concatenate(chunks)
    del chunks
    print(f'{n_lines} lines, {n_pieces / 1e6:.1f} M pieces ({time.time() - t0:.0f} s)', flush=True)

    counts = np.zeros(V * V, dtype=np.float64)
    step = 20_000_000
    for d in range(1, W + 1):
        for s in range(0, len(ids) - d, step):
            left, right = ids[s:s + step], ids[s + d:s + d + step]
            n = min(len(left), len(right))
            left, right = left[:n], right[:n]
            keep = (left >= 0) & (right >= 0)
            keys = left[keep].astype(np.int64) * V + right[keep]
            counts += np.bincount(keys, minlength=V * V) / d
    C = counts.reshape(V, V)
    C = C + C.T  # both directions
    del counts
    print(f'co-occurrences counted ({time.time() - t0:.0f} s)', flush=True)

    row = C.sum(1)
    ctx = C.sum(0) ** 0.75
    total = C.sum()
    with np.errstate(divide='ignore', invalid='ignore'):
        pmi = np.log(C * (ctx.sum() / total)) - np.log(row[:, None] + 1e-12) - np.log(ctx[None, :] + 1e-12) + np.log(total)
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0).astype(np.float32)
    del C, pmi
    print(f'PPMI: {float((ppmi > 0).mean()) * 100:.1f} % non-zero ({time.time() - t0:.0f} s)', flush=True)

    U, S, _ = torch.svd_lowrank(torch.from_numpy(ppmi), q=a.dim + 16, niter=4)
    emb = (U[:, :a.dim] * S[:a.dim].sqrt()).float()
    unseen = torch.from_numpy(row == 0)
    emb[unseen] = torch.randn(int(unseen.sum()), a.dim) * float(emb[~unseen].std())
    emb = emb * (a.target_std / float(emb.std()))
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    torch.save({'embeddings': emb, 'vocab_size': V, 'pieces': n_pieces, 'window': W, 'unseen': int(unseen.sum())}, a.out)

    def neighbours(piece):
        i = tk.token_to_id(piece)
        if i is None:
            return []
        v = torch.nn.functional.normalize(emb, dim=1)
        sims = v @ v[i]
        return [tk.id_to_token(int(j)) for j in sims.topk(8).indices[1:]]

    for p in ('▁Tesla', '▁Renault', '▁Paris', '▁Macron', '▁janvier'):
        print(p, '->', ' '.join(neighbours(p)))
    print(f'wrote {a.out}: {V} x {a.dim}, {int(unseen.sum())} pieces never seen ({time.time() - t0:.0f} s)', flush=True)


if __name__ == '__main__':
    main()
