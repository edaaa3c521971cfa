"""Average the weights of several checkpoints of one run (e.g. the last evaluations of the cosine tail) and report
Sequoia-dev F1 of the average next to each input; writes a checkpoint usable by export.py / release.py.

  python -m training.average --out training/runs/main/avg.pt training/runs/main/snapshots/step-*.pt
"""
from __future__ import annotations

import argparse
import os

import torch
from transformers import BertConfig

from . import model as mdl
from . import nerdata as nd
from . import tokenizer as tok
from .paths import DATA, TOKENIZER


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.average', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--tokenizer', default=TOKENIZER)
    ap.add_argument('checkpoints', nargs='+')
    ap.add_argument('--out', required=True)
    ap.add_argument('--no-eval', action='store_true')
    a = ap.parse_args(argv)
    torch.set_num_threads(2)
    cks = [torch.load(p, map_location='cpu', weights_only=False) for p in a.checkpoints]
    avg = {k: sum(c['model'][k].float() for c in cks) / len(cks) for k in cks[0]['model']}
    cfg = BertConfig.from_dict(cks[-1]['config'])
    out = {k: v for k, v in cks[-1].items() if k not in ('opt', 'rng', 'torch_rng')}
    out['model'] = avg
    out['averaged_from'] = [os.path.basename(p) for p in a.checkpoints]
    if not a.no_eval:
        tk = tok.load(a.tokenizer)
        rows = [r for r in nd.read_jsonl(os.path.join(DATA, 'dev.jsonl')) if r['source'] == 'sequoia-dev']
        exs = [e for r in rows for e in nd.build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], 256)]
        m = mdl.build(cfg)
        for p, c in zip(a.checkpoints, cks):
            m.load_state_dict(c['model'])
            print(f'{os.path.basename(p)}: sequoia-dev F1 {nd.evaluate(m, exs)["micro"]["f1"]:.4f}', flush=True)
        m.load_state_dict(avg)
        f1 = nd.evaluate(m, exs)['micro']['f1']
        print(f'average of {len(cks)}: sequoia-dev F1 {f1:.4f}')
        out['dev_f1'] = f1
    torch.save(out, a.out)
    print('wrote', a.out)


if __name__ == '__main__':
    main()
