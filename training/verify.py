"""Checks and evaluation of a trained checkpoint / exported folder.

  python -m training.verify cases --out training/work/tok-cases.jsonl    # tokenizer cases for node-check.mjs
  python -m training.verify eval --checkpoint training/runs/main/best.pt # Sequoia test + HIPE test (seqeval strict IOB2)
  python -m training.verify int8 --model models/chronique-ner-fr         # onnxruntime fp32 vs int8 on dev
  python -m training.verify seed --checkpoint training/runs/main/best.pt # seed-article gold (evaluation only)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re

import numpy as np
import torch

from . import model as mdl
from . import nerdata as nd
from . import tokenizer as tok
from .contract import MENTION_TYPES
from .paths import DATA, ROOT, SHARED, TOKENIZER
from .tokenizer import CLS_ID, SEP_ID

TRICKY = [
    "L’homme d'affaires « Élon Musk » a quitté Tesla le 3 mars 2024 à Palo Alto.",
    'Aujourd’hui, Jean-Pierre Raffarin s’est rendu à l’Élysée ; «\u00a0c’est historique\u00a0», dit-il.',
    'Œuvre de Gödel à Łódź : naïve Noël, Müller & Søren Kierkegaard — 1 500 € (soit 12,5 %).',
    '"Guillemets droits" et ‘simples’ ou “anglais” ; L`apostrophe´ ’ \' ʼ ‛',
    'Le 14\u202fjuillet\u00a01789, la Bastille.\tTabulation\net saut de ligne.',
    'ÉCRIT EN MAJUSCULES À PARIS PAR M. DUPONT',
    'Qu’en est-il ? Lorsqu’il l’a vu… puisqu’on n’y croit plus ! (voir p. 12-13) [sic] {x} 1er/2e 3ème',
    'anti\u00adcorps\u200d et 000 0000 00000 ... .... ----',
]


def write_cases(out: str, n: int = 2000, tokenizer_path: str = TOKENIZER) -> int:
    """Texts with the Python tokenizer's ids ([CLS] … [SEP]); node-check.mjs checks transformers.js gives the same."""
    tk = tok.load(tokenizer_path)
    texts = list(TRICKY)
    rng = random.Random(7)
    for path in (os.path.join(DATA, 'dev.jsonl'), os.path.join(DATA, 'train.jsonl')):
        if os.path.exists(path):
            rows = nd.read_jsonl(path)
            texts += [r['text'] for r in rng.sample(rows, min(len(rows), n // 2))]
    seed = os.path.join(ROOT, 'corpus', 'karpathy-2024-03.txt')
    if os.path.exists(seed):  # tokenisation check only (no labels are read or used)
        texts += [l for l in open(seed, encoding='utf-8').read().split('\n') if l.strip()]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        for t in texts:
            f.write(json.dumps({'text': t, 'ids': tk.encode(t).ids}, ensure_ascii=False) + '\n')
    return len(texts)


def eval_sets(model, tk) -> dict:
    """Sequoia NE test and HIPE-2020 test (data/ner/eval/*.jsonl from `npm run data:prepare`), Viterbi and argmax."""
    res = {}
    for name in ('sequoia-test', 'hipe2020-test'):
        exs = nd.load_examples(tk, os.path.join(DATA, 'eval', f'{name}.jsonl'), max_len=512)
        golds = [e.word_tags for e in exs]
        pv, pa = nd.predict_both(model, exs)
        res[name] = nd.f1_report(golds, pv, MENTION_TYPES)
        res[f'{name}-argmax'] = nd.f1_report(golds, pa, MENTION_TYPES)
        if name == 'hipe2020-test':
            res[f'{name}-with-DATE'] = nd.f1_report(golds, pv, MENTION_TYPES + ['DATE'])
    return res


def ort_logits(session, examples: list[nd.Example], max_tokens: int = 8192) -> list[np.ndarray]:
    """Per example, the [len, labels] logits an onnxruntime session computes (padded batches, as the runtime does)."""
    out: list = [None] * len(examples)
    for g in nd.batches(examples, max_tokens, random.Random(0), shuffle=False):
        ids, am, tt, _ = nd.collate(examples, g)
        lg = session.run(['logits'], {'input_ids': ids.numpy(), 'attention_mask': am.numpy(),
                                      'token_type_ids': tt.numpy()})[0]
        for r, i in enumerate(g):
            out[i] = lg[r, :len(examples[i].ids)]
    return out


def int8_agreement(model_dir: str, tk, threads: int = 2, limit: int | None = None) -> dict:
    """onnxruntime runs onnx/model.onnx and onnx/model_quantized.onnx on the dev sentences: share of identical word
    labels (Viterbi-decoded) and dev micro F1 of each."""
    import onnxruntime as ort
    exs = nd.load_examples(tk, os.path.join(DATA, 'dev.jsonl'), max_len=256)
    if limit:
        exs = exs[:limit]
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    preds = {}
    for name in ('model.onnx', 'model_quantized.onnx'):
        s = ort.InferenceSession(os.path.join(model_dir, 'onnx', name), opts, providers=['CPUExecutionProvider'])
        preds[name] = [nd.decode_words(lg, e) for lg, e in zip(ort_logits(s, exs), exs)]
    p32, p8 = preds['model.onnx'], preds['model_quantized.onnx']
    n = sum(len(a) for a in p32)
    same = sum(x == y for a, b in zip(p32, p8) for x, y in zip(a, b))
    golds = [e.word_tags for e in exs]
    return {'words': n, 'agreement': same / n if n else 1.0,
            'f1_fp32': nd.f1_report(golds, p32, MENTION_TYPES)['micro']['f1'],
            'f1_int8': nd.f1_report(golds, p8, MENTION_TYPES)['micro']['f1']}


def seed_eval(model, tk, verbose: bool = False) -> dict:
    """Entity F1 on the seed article gold (shared/gold), char-offset exact match, piece-level Viterbi decoding (spans
    extended to whole alphanumeric runs). `optional` gold entities count neither way; `also_ok` labels are accepted.
    Evaluation only: never trained on. (The runtime's figure is `npm run eval:ner`.)"""
    labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
    gold = json.load(open(os.path.join(SHARED, 'gold', 'karpathy-2024-03.gold.json'), encoding='utf-8'))
    text = open(os.path.join(SHARED, 'corpus-seed', 'karpathy-2024-03.txt'), encoding='utf-8').read()
    found = []
    for s in gold['sentences']:
        st = text[s['start']:s['end']]
        ids, offs = tok.encode(tk, st)
        x = torch.tensor([[CLS_ID] + ids + [SEP_ID]])
        with torch.no_grad():
            lg = mdl.logits(model, x, torch.ones_like(x), torch.zeros_like(x))[0, 1:-1].float().numpy()
        valid = [i for i, (b, e) in enumerate(offs) if e > b]
        lp = lg[valid]
        lp = lp - lp.max(-1, keepdims=True)
        lp = lp - np.log(np.exp(lp).sum(-1, keepdims=True))
        path = [labels[k] for k in nd.viterbi(lp)]
        preds, cur = [], None
        for k, i in enumerate(valid):
            lab = path[k]
            b, e = offs[i]
            if lab.startswith('B-') or lab == 'O' or (cur and lab[2:] != cur[2]):
                if cur:
                    preds.append(tuple(cur))
                cur = [b, e, lab[2:]] if lab != 'O' else None
            elif cur is None:
                cur = [b, e, lab[2:]]
            else:
                cur[1] = e
        if cur:
            preds.append(tuple(cur))
        for (b, e, t) in preds:  # to whole words, absolute offsets
            while b > 0 and re.match(r'\w', st[b - 1]) and re.match(r'\w', st[b]):
                b -= 1
            while e < len(st) and re.match(r'\w', st[e]) and re.match(r'\w', st[e - 1]):
                e += 1
            found.append((b + s['start'], e + s['start'], t))
    pred = [p for p in found if p[2] in MENTION_TYPES]
    tp = fp = fn = 0
    per: dict[str, list[int]] = {}
    opt = {(g['start'], g['end']) for g in gold['entities'] if g.get('optional')}
    matched = set()
    for (b, e, t) in pred:
        hit = next((gi for gi, g in enumerate(gold['entities']) if g['start'] == b and g['end'] == e
                    and (t == g['label'] or t in (g.get('also_ok') or []))), None)
        if hit is not None and not gold['entities'][hit].get('optional'):
            tp += 1
            matched.add(hit)
            per.setdefault(gold['entities'][hit]['label'], [0, 0, 0])[0] += 1
        elif hit is None and (b, e) not in opt:
            fp += 1
            per.setdefault(t, [0, 0, 0])[1] += 1
            if verbose:
                print('FP', t, repr(text[b:e]))
    for gi, g in enumerate(gold['entities']):
        if not g.get('optional') and gi not in matched:
            fn += 1
            per.setdefault(g['label'], [0, 0, 0])[2] += 1
            if verbose:
                print('FN', g['label'], repr(g['text']))
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f = 2 * p * r / (p + r) if p + r else 0
    return {'seed_gold': {'p': round(p, 4), 'r': round(r, 4), 'f1': round(f, 4), 'tp': tp, 'fp': fp, 'fn': fn},
            'per_type_tp_fp_fn': per, 'dates': [text[b:e] for b, e, t in found if t == 'DATE']}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.verify', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--tokenizer', default=TOKENIZER)
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('cases')
    c.add_argument('--out', default='training/work/tok-cases.jsonl')
    c.add_argument('--n', type=int, default=2000)
    e = sub.add_parser('eval')
    e.add_argument('--checkpoint', required=True)
    e.add_argument('--out')
    q = sub.add_parser('int8')
    q.add_argument('--model', required=True, help='exported folder with onnx/model.onnx and onnx/model_quantized.onnx')
    sd = sub.add_parser('seed')
    sd.add_argument('--checkpoint', required=True)
    sd.add_argument('--verbose', action='store_true')
    a = ap.parse_args(argv)
    tk = tok.load(a.tokenizer)
    if a.cmd == 'cases':
        print(f'wrote {write_cases(a.out, a.n, a.tokenizer)} cases to {a.out}')
    elif a.cmd == 'int8':
        r = int8_agreement(a.model, tk)
        print(f'dev word labels: onnxruntime fp32 vs int8 agreement {100 * r["agreement"]:.2f} % of {r["words"]} '
              f'({"OK" if r["agreement"] >= 0.995 else "BELOW 99.5 %"}); dev F1 fp32 {r["f1_fp32"]:.4f} '
              f'int8 {r["f1_int8"]:.4f}')
    else:
        model = mdl.load_checkpoint(a.checkpoint)[0]
        res = eval_sets(model, tk) if a.cmd == 'eval' else seed_eval(model, tk, a.verbose)
        print(json.dumps(res, indent=1))
        if getattr(a, 'out', None):
            with open(a.out, 'w') as f:
                json.dump(res, f, indent=1)


if __name__ == '__main__':
    main()
