#!/usr/bin/env python3
"""Checks and evaluation of a trained checkpoint / exported folder.

  /usr/bin/python3 training/verify.py cases --out training/work/tok-cases.jsonl   # tokenizer cases for node-check.mjs
  /usr/bin/python3 training/verify.py eval --checkpoint training/runs/main/best.pt  # Sequoia test + HIPE test F1 (Viterbi)
  /usr/bin/python3 training/verify.py int8 --checkpoint training/runs/main/best.pt  # fp32 vs emulated-int8 dev agreement

`int8` emulates exactly what onnx/model_quantized.onnx computes (quantize.py: per-column symmetric int8 weights with
reduced range, DynamicQuantizeLinear uint8 activations, integer matmul, rescale) inside PyTorch, because onnxruntime is
not available to Python here; node-check.mjs checks the real ONNX files in onnxruntime-node.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DATA, CLS_ID, SEP_ID, normalize, LABELS  # noqa: E402
import nerdata as nd  # noqa: E402
import tokenizer as tok  # noqa: E402
from export import load_checkpoint  # noqa: E402

TRICKY = [
    "L’homme d'affaires « Élon Musk » a quitté Tesla le 3 mars 2024 à Palo Alto.",
    'Aujourd’hui, Jean-Pierre Raffarin s’est rendu à l’Élysée ; «\u00a0c’est historique\u00a0», dit-il.',
    'Œuvre de Gödel à Łódź : naïve Noël, Müller & Søren Kierkegaard — 1 500 € (soit 12,5 %).',
    '"Guillemets droits" et ‘simples’ ou “anglais” ; L`apostrophe´ ’ \' ʼ',
    'Le 14\u202fjuillet\u00a01789, la Bastille.\tTabulation\net saut de ligne.',
    'ÉCRIT EN MAJUSCULES À PARIS PAR M. DUPONT',
    'Qu’en est-il ? Lorsqu’il l’a vu… puisqu’on n’y croit plus ! (voir p. 12-13) [sic] {x} 1er/2e 3ème',
]


def cases(args):
    sp = tok.load_sp()
    texts = list(TRICKY)
    rng = random.Random(7)
    for path in (os.path.join(DATA, 'dev.jsonl'), os.path.join(DATA, 'train.jsonl')):
        if os.path.exists(path):
            rows = nd.read_jsonl(path)
            texts += [r['text'] for r in rng.sample(rows, min(len(rows), args.n // 2))]
    seed = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'corpus', 'karpathy-2024-03.txt')
    if os.path.exists(seed):  # tokenisation check only (no labels are read or used)
        texts += [l for l in open(seed, encoding='utf-8').read().split('\n') if l.strip()]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8') as f:
        for t in texts:
            ids, _ = tok.encode(sp, normalize(t))
            f.write(json.dumps({'text': t, 'ids': [CLS_ID] + ids + [SEP_ID]}, ensure_ascii=False) + '\n')
    print(f'wrote {len(texts)} cases to {args.out}')


def eval_sets(args):
    model, labels, ck = load_checkpoint(args.checkpoint)
    sp = tok.load_sp()
    res = {}
    for name in ('sequoia-test', 'hipe2020-test'):
        p = os.path.join(DATA, 'eval', f'{name}.jsonl')
        exs = nd.load_examples(sp, p, max_len=512)
        for vit in (True, False):
            types = ('PER', 'ORG', 'LOC', 'MISC')
            r = nd.evaluate(model, exs, types=types, use_viterbi=vit)
            res[f'{name}{"" if vit else "-argmax"}'] = r
            if vit and name == 'hipe2020-test':
                res[f'{name}-with-DATE'] = nd.evaluate(model, exs, types=types + ('DATE',), use_viterbi=True)
    print(json.dumps(res, indent=1))
    if args.out:
        with open(args.out, 'w') as f:
            json.dump(res, f, indent=1)


class QLinear(nn.Module):
    """Emulation of DynamicQuantizeLinear + MatMulInteger with per-column int8 weights (quantize.py defaults)."""

    def __init__(self, lin: nn.Linear, qmax=63.0):
        super().__init__()
        w = lin.weight.detach().t()  # [in, out] as in the ONNX MatMul
        amax = w.abs().amax(0)
        self.ws = torch.where(amax > 0, amax / qmax, torch.ones_like(amax))
        self.wq = torch.clamp(torch.round(w / self.ws), -qmax, qmax)
        self.bias = lin.bias.detach()

    def forward(self, x):
        mn = torch.clamp(x.min(), max=0.0)
        mx = torch.clamp(x.max(), min=0.0)
        scale = (mx - mn) / 255.0
        scale = scale if float(scale) > 0 else torch.tensor(1.0)
        zp = torch.clamp(torch.round(-mn / scale), 0, 255)
        xq = torch.clamp(torch.round(x / scale) + zp, 0, 255)
        acc = torch.matmul(xq - zp, self.wq)  # exact in float64 for these sizes
        return acc * (scale * self.ws) + self.bias


def int8_check(args):
    model, labels, ck = load_checkpoint(args.checkpoint)
    sp = tok.load_sp()
    exs = nd.load_examples(sp, os.path.join(DATA, 'dev.jsonl'), max_len=256)
    p32 = nd.predict(model, exs)
    import copy
    qm = copy.deepcopy(model).double()

    def swap(mod):
        for name, child in mod.named_children():
            if isinstance(child, nn.Linear):
                setattr(mod, name, QLinear(child))
            else:
                swap(child)
    swap(qm)
    fwd = lambda i, a, t: qm(i, a, t)  # noqa: E731
    p8 = nd.predict(qm, exs, fwd=fwd)
    n = same = 0
    for a, b in zip(p32, p8):
        n += len(a)
        same += sum(x == y for x, y in zip(a, b))
    golds = [e.word_tags for e in exs]
    f32 = nd.f1_report(golds, p32, ['PER', 'ORG', 'LOC', 'MISC'])['micro']['f1']
    f8 = nd.f1_report(golds, p8, ['PER', 'ORG', 'LOC', 'MISC'])['micro']['f1']
    print(f'dev word labels: fp32 vs int8 agreement {100 * same / n:.2f} % of {n} ({"OK" if same / n >= 0.995 else "BELOW 99.5 %"}); '
          f'dev F1 fp32 {f32:.4f} int8 {f8:.4f}')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('cases')
    c.add_argument('--out', default='training/work/tok-cases.jsonl')
    c.add_argument('--n', type=int, default=2000)
    e = sub.add_parser('eval')
    e.add_argument('--checkpoint', required=True)
    e.add_argument('--out')
    q = sub.add_parser('int8')
    q.add_argument('--checkpoint', required=True)
    a = ap.parse_args()
    {'cases': cases, 'eval': eval_sets, 'int8': int8_check}[a.cmd](a)


if __name__ == '__main__':
    main()
