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
        golds = [e.word_tags for e in exs]
        types = ['PER', 'ORG', 'LOC', 'MISC']
        pv, pa = nd.predict_both(model, exs)
        res[name] = nd.f1_report(golds, pv, types)
        res[f'{name}-argmax'] = nd.f1_report(golds, pa, types)
        if name == 'hipe2020-test':
            res[f'{name}-with-DATE'] = nd.f1_report(golds, pv, types + ['DATE'])
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
        acc = torch.matmul(xq - zp, self.wq)  # integer-valued; exact in float32 (|sum| <= 255*63*1024 < 2^24)
        return acc * (scale * self.ws) + self.bias


def int8_check(args):
    model, labels, ck = load_checkpoint(args.checkpoint)
    sp = tok.load_sp()
    exs = nd.load_examples(sp, os.path.join(DATA, 'dev.jsonl'), max_len=256)
    p32 = nd.predict(model, exs)
    import copy
    qm = copy.deepcopy(model)  # float32 is exact here: |integer dot products| < 2^24 for K <= 1024 and 7-bit weights

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
    print(f'dev (Sequoia dev + HIPE dev) word labels: fp32 vs emulated-int8 agreement {100 * same / n:.2f} % of {n} ({"OK" if same / n >= 0.995 else "BELOW 99.5 %"}); '
          f'dev F1 (PER/ORG/LOC/MISC) fp32 {f32:.4f} int8 {f8:.4f}')


def seed_eval(args):
    """Entity F1 on the seed article gold (shared/gold), char-offset exact match, piece-level Viterbi decoding
    (word-agnostic, like a runtime working on raw text; spans are extended to whole alphanumeric runs).
    `optional` gold entities count neither way; `also_ok` labels are accepted. Evaluation only: never trained on."""
    import re
    model, labels, ck = load_checkpoint(args.checkpoint)
    sp = tok.load_sp()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    gold = json.load(open(os.path.join(root, '..', 'shared', 'gold', 'karpathy-2024-03.gold.json'), encoding='utf-8'))
    text = open(os.path.join(root, '..', 'shared', 'corpus-seed', 'karpathy-2024-03.txt'), encoding='utf-8').read()
    preds = []
    for s in gold['sentences']:
        st = text[s['start']:s['end']]
        norm = normalize(st)
        ids, offs = tok.encode(sp, norm)
        x = torch.tensor([[CLS_ID] + ids + [SEP_ID]])
        with torch.no_grad():
            lg = model(x, torch.ones_like(x), torch.zeros_like(x))[0, 1:-1].numpy()
        valid = [i for i, (b, e) in enumerate(offs) if e > b]
        lp = lg[valid]
        lp = lp - lp.max(-1, keepdims=True)
        lp = lp - np.log(np.exp(lp).sum(-1, keepdims=True))
        path = [LABELS[k] for k in nd.viterbi(lp)]
        cur = None
        for k, i in enumerate(valid):
            lab = path[k]
            b, e = offs[i]
            if lab.startswith('B-') or lab == 'O' or (cur and lab[2:] != cur[2]):
                if cur:
                    preds.append(tuple(cur))
                cur = [b, e, lab[2:]] if lab != 'O' else None
            else:
                if cur is None:
                    cur = [b, e, lab[2:]]
                else:
                    cur[1] = e
        if cur:
            preds.append(tuple(cur))
        # to whole words, absolute offsets
        fixed = []
        for (b, e, t) in preds:
            while b > 0 and re.match(r'\w', norm[b - 1]) and re.match(r'\w', norm[b]):
                b -= 1
            while e < len(norm) and re.match(r'\w', norm[e]) and re.match(r'\w', norm[e - 1]):
                e += 1
            fixed.append((b + s['start'], e + s['start'], t))
        preds = [p for p in preds if False]
        args._acc = getattr(args, '_acc', []) + fixed
    pred = [p for p in args._acc if p[2] in ('PER', 'ORG', 'LOC', 'MISC')]
    tp = fp = fn = 0
    per = {}
    opt = [(g['start'], g['end']) for g in gold['entities'] if g.get('optional')]
    matched = set()
    for (b, e, t) in pred:
        hit = None
        for gi, g in enumerate(gold['entities']):
            if g['start'] == b and g['end'] == e and (t == g['label'] or t in (g.get('also_ok') or [])):
                hit = gi
                break
        if hit is not None and not gold['entities'][hit].get('optional'):
            tp += 1
            matched.add(hit)
            per.setdefault(gold['entities'][hit]['label'], [0, 0, 0])[0] += 1
        elif hit is None and (b, e) not in opt:
            fp += 1
            per.setdefault(t, [0, 0, 0])[1] += 1
            if args.verbose:
                print('FP', t, repr(text[b:e]))
    for gi, g in enumerate(gold['entities']):
        if not g.get('optional') and gi not in matched:
            fn += 1
            per.setdefault(g['label'], [0, 0, 0])[2] += 1
            if args.verbose:
                print('FN', g['label'], repr(g['text']))
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f = 2 * p * r / (p + r) if p + r else 0
    print(json.dumps({'seed_gold': {'p': round(p, 4), 'r': round(r, 4), 'f1': round(f, 4), 'tp': tp, 'fp': fp, 'fn': fn},
                      'per_type_tp_fp_fn': per}))
    dates = [p for p in args._acc if p[2] == 'DATE']
    print('DATE spans predicted:', [text[b:e] for b, e, _ in dates])


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
    sd = sub.add_parser('seed')
    sd.add_argument('--checkpoint', required=True)
    sd.add_argument('--verbose', action='store_true')
    a = ap.parse_args()
    {'cases': cases, 'eval': eval_sets, 'int8': int8_check, 'seed': seed_eval}[a.cmd](a)


if __name__ == '__main__':
    main()
