"""Joint training of model v2 (training.multihead): NER batches from data/ner/train.jsonl (+ --extra self-training
files) and syntax batches from Sequoia UD train (UPOS, features, lemma scripts, heads, relations), one encoder.

  nohup nice -n 5 training/.venv/bin/python -m training.multitask --run mh1 --minutes 55 > /dev/null 2>&1 &
  tail -f training/runs/mh1/train.log

The encoder and the NER head start from the shipped model (`--init-onnx`, its fp32 graph; the weights are this
project's own), the syntax heads from scratch. Each step is one batch of one task (`--syntax-share` of the steps are
syntax). Every `--eval-minutes`: Sequoia NE dev strict F1 (seqeval), Sequoia UD dev UPOS / UAS / LAS / lemma (heads by
argmax here; the held-out evaluation decodes trees); best.pt keeps the best mean of NER F1 and LAS.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from . import multihead as mh
from . import nerdata as nd
from . import syntax as sx
from . import tokenizer as tok
from .finetune import epoch_examples, parse_weights
from .paths import CORPORA, DATA, RUNS, SHIPPED, TOKENIZER

NER_WEIGHTS = ('sequoia-train=2,wikineural=1,7-romans=0.5,hipe2020-train=1,hipe2022-newseye=1,hipe2022-letemps=1,'
               'selftrain-news=0.5,case-aug=1')
SEQUOIA = os.path.join(CORPORA, 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.{}')


def log(fh, msg):
    line = time.strftime('%H:%M:%S') + ' ' + msg
    print(line, flush=True)
    fh.write(line + '\n')
    fh.flush()


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog='python -m training.multitask', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--run', default='mh1')
    ap.add_argument('--runs-dir', default=RUNS)
    ap.add_argument('--tokenizer', default=TOKENIZER)
    ap.add_argument('--init-onnx', default=os.path.join(SHIPPED, 'onnx', 'model.onnx'),
                    help="warm start: the shipped model's fp32 ONNX graph ('' = random encoder)")
    ap.add_argument('--init', default=None, help='start from a multihead checkpoint instead')
    ap.add_argument('--train', default=os.path.join(DATA, 'train.jsonl'))
    ap.add_argument('--extra', default='', help='comma-separated extra NER JSONL files (self-training rows)')
    ap.add_argument('--dev', default=os.path.join(DATA, 'dev.jsonl'))
    ap.add_argument('--minutes', type=float, default=55.0)
    ap.add_argument('--eval-minutes', type=float, default=8.0)
    ap.add_argument('--lr', type=float, default=1.5e-4, help='peak LR of the warm-started encoder and NER head')
    ap.add_argument('--head-lr', type=float, default=1e-3, help='peak LR of the new (syntax) heads')
    ap.add_argument('--warmup', type=int, default=100)
    ap.add_argument('--min-lr-frac', type=float, default=0.05)
    ap.add_argument('--wd', type=float, default=0.01)
    ap.add_argument('--batch-tokens', type=int, default=2048)
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--weights', default=NER_WEIGHTS, help='NER per-source repetitions per epoch')
    ap.add_argument('--case-aug', type=float, default=0.04)
    ap.add_argument('--syntax-share', type=float, default=0.5, help='joint mode: share of the steps that are syntax')
    ap.add_argument('--freeze-encoder', type=int, default=1,
                    help='1: the encoder and NER head stay the warm start (their layer states are computed once per '
                         'syntax sentence and cached), only the syntax branch trains; 0: joint training with NER batches')
    ap.add_argument('--syntax-layers', type=int, default=1, help='Transformer layers of the syntax branch')
    ap.add_argument('--lemma-min-count', type=int, default=2)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--seed', type=int, default=1234)
    ap.add_argument('--smoke', action='store_true')
    ap.add_argument('--max-steps', type=int, default=0)
    return ap


def warm_start(model: mh.MultiHead, onnx_path: str) -> list[str]:
    """Copy the shipped model's weights into the encoder and NER head (see multihead.warm_start_map); returns the
    parameter names that were loaded."""
    state = mh.shipped_state(onnx_path, model)
    missing = model.load_state_dict(state, strict=False)
    assert not missing.unexpected_keys, missing.unexpected_keys
    return sorted(state)


@torch.no_grad()
def syntax_dev(model: mh.MultiHead, exs: list[sx.SynExample], trees: bool = False, cache=None) -> dict:
    """UPOS / feats / lemma accuracy and UAS / LAS (relation without subtype, as CoNLL 2018) over every word."""
    model.eval()
    pred = predict_syntax(model, exs, trees, cache=cache)
    n = upos = lemma = uas = las = feats = 0
    for e, p in zip(exs, pred):
        for k in range(len(e.word_pos)):
            n += 1
            upos += p['upos'][k] == e.upos[k]
            lemma += p['lemma_ok'][k]
            feats += p['feats'][k] == e.feats[k]
            if p['head'][k] == e.head[k]:
                uas += 1
                las += p['rel_u'][k] == model.vocab.deprels[e.rel[k]].split(':')[0] if e.rel[k] >= 0 else 0
    return {'words': n, 'upos': upos / n, 'feats': feats / n, 'lemma': lemma / n, 'uas': uas / n, 'las': las / n}


@torch.no_grad()
def predict_syntax(model: mh.MultiHead, exs: list[sx.SynExample], trees: bool = True, gold_lemmas=None,
                   cache: list[torch.Tensor] | None = None) -> list[dict]:
    """Per example: upos ids, feats ids, lemma strings (+ correctness against the example's gold lemma when the
    example carries forms), heads (tree-decoded when `trees`, else argmax), relations."""
    from . import lemma as lem
    out: list = [None] * len(exs)
    V = model.vocab
    for g in sx.batches(exs, 8192, random.Random(0), shuffle=False):
        b = with_states(sx.collate(exs, g), cache, g)
        s = model.word_scores(b)
        arc = torch.log_softmax(s['arc'].float(), -1).numpy()
        for r, i in enumerate(g):
            e = exs[i]
            n = len(e.word_pos)
            if trees:
                sc = np.full((n + 1, n + 1), -np.inf)
                sc[1:, :] = arc[r, :n, :n + 1]
                heads = sx.decode_tree(sc)
            else:
                heads = [int(x) for x in arc[r, :n, :n + 1].argmax(-1)]
            out[i] = {'head': heads}
        hb = torch.zeros(b['word_pos'].shape, dtype=torch.long)
        for r, i in enumerate(g):
            hb[r, :len(out[i]['head'])] = torch.tensor(out[i]['head'])
        rel = model.rel_logits(s, hb).argmax(-1).numpy()
        up = s['upos'].argmax(-1).numpy()
        lm = s['lemma'].argmax(-1).numpy()
        fl = s['feats'].float()
        fi, off = [], 0
        for size in V.feat_sizes:
            fi.append(fl[..., off:off + size].argmax(-1).numpy())
            off += size
        for r, i in enumerate(g):
            e = exs[i]
            n = len(e.word_pos)
            o = out[i]
            o['upos'] = [int(x) for x in up[r, :n]]
            o['feats'] = [[int(fi[gi][r, k]) for gi in range(len(fi))] for k in range(n)]
            o['rel'] = [V.deprels[int(x)] for x in rel[r, :n]]
            o['rel_u'] = [x.split(':')[0] for x in o['rel']]
            o['lemma'] = [lem.apply(V.lemmas[int(x)], f) for x, f in zip(lm[r, :n], e.forms)]
            gl = gold_lemmas[i] if gold_lemmas else None
            o['lemma_ok'] = ([a == b for a, b in zip(o['lemma'], gl)] if gl is not None
                             else [int(x) == y for x, y in zip(lm[r, :n], e.lemma)])
    return out


@torch.no_grad()
def layer_states(model: mh.MultiHead, exs: list[sx.SynExample], max_tokens: int = 8192) -> list[torch.Tensor]:
    """Per example, the frozen encoder's layer states [layers + 1, len, H] (float16 to halve the cache)."""
    model.eval()
    out: list = [None] * len(exs)
    for g in sx.batches(exs, max_tokens, random.Random(0), shuffle=False):
        b = sx.collate(exs, g)
        st = model.encode(b['input_ids'], b['attention_mask'], b['token_type_ids'])[1]
        for r, i in enumerate(g):
            out[i] = st[r, :, :len(exs[i].ids)].to(torch.float16).clone()
    return out


def with_states(b: dict, cache: list[torch.Tensor] | None, group: list[int]) -> dict:
    if cache is None:
        return b
    B, L = b['input_ids'].shape
    n, _, H = cache[group[0]].shape
    st = torch.zeros(B, n, L, H)
    for r, i in enumerate(group):
        st[r, :, :cache[i].shape[1]] = cache[i].float()
    b['states'] = st
    return b


def main(argv: list[str] | None = None) -> str:
    return train(parser().parse_args(argv))


def train(a: argparse.Namespace) -> str:
    torch.set_num_threads(a.threads)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    run_dir = os.path.join(a.runs_dir, a.run)
    os.makedirs(run_dir, exist_ok=True)
    fh = open(os.path.join(run_dir, 'train.log'), 'a', encoding='utf-8')
    log(fh, 'args ' + json.dumps(vars(a)))
    tk = tok.load(a.tokenizer)
    t0 = time.time()

    # NER (joint mode only: a frozen encoder keeps the warm start's entity logits)
    rows = [] if a.freeze_encoder else nd.read_jsonl(a.train)
    for extra in filter(None, a.extra.split(',')) if not a.freeze_encoder else []:
        rows += nd.read_jsonl(extra)
    if a.smoke:
        rows = rows[:400]
    by_source: dict[str, list] = {}
    rng_aug = random.Random(a.seed + 1)
    for r in rows:
        by_source.setdefault(r['source'], []).extend(
            nd.build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], a.max_len))
        if rng_aug.random() < a.case_aug:
            mode = 'lower' if rng_aug.random() < 0.5 else 'upper'
            by_source.setdefault('case-aug', []).extend(
                nd.build(tk, nd.case_augment(r['tokens'], mode), r['tags'], r['spaceAfter'], 'case-aug', a.max_len))
    dev_rows = nd.read_jsonl(a.dev)
    dev_ner = [e for r in dev_rows if r['source'] == 'sequoia-dev'
               for e in nd.build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], 256)]
    # syntax
    train_sents = sx.read_conllu(SEQUOIA.format('train'))
    dev_sents = sx.read_conllu(SEQUOIA.format('dev'))
    init = torch.load(a.init, map_location='cpu', weights_only=False) if a.init else None
    vocab = sx.Vocab.from_dict(init['vocab']) if init else sx.build_vocab(train_sents, a.lemma_min_count)
    syn = [e for e in (sx.build(tk, s, vocab, 256) for s in train_sents) if e is not None]
    syn_dev = [e for e in (sx.build(tk, s, vocab, 512) for s in dev_sents) if e is not None]
    if a.smoke:
        syn, syn_dev, dev_ner = syn[:200], syn_dev[:60], dev_ner[:60]
    log(fh, 'data ner ' + json.dumps({k: len(v) for k, v in by_source.items()}) +
        f' | syntax train {len(syn)}/{len(train_sents)} dev {len(syn_dev)}/{len(dev_sents)} | vocab upos '
        f'{len(vocab.upos)} lemma scripts {len(vocab.lemmas)} deprels {len(vocab.deprels)} feats {vocab.feat_sizes} '
        f'(built in {time.time() - t0:.0f}s)')

    if init:
        model = mh.build(mh.RobertaPreLayerNormConfig.from_dict(init['config']), vocab, 'eager', **init['heads'])
        model.load_state_dict(init['model'])
        log(fh, f'initialised from {a.init}')
    else:
        cfg = mh.encoder_config(tk.get_vocab_size())
        model = mh.build(cfg, vocab, 'eager', syntax_layers=a.syntax_layers)
        if a.init_onnx:
            loaded = warm_start(model, a.init_onnx)
            log(fh, f'warm start from {a.init_onnx}: {len(loaded)} tensors')
    new = model.syntax_parameters()
    new_ids = {id(p) for p in new}
    old = [p for p in model.parameters() if id(p) not in new_ids]
    cache = cache_dev = None
    if a.freeze_encoder:
        for p in old:
            p.requires_grad_(False)
        t1 = time.time()
        cache, cache_dev = layer_states(model, syn), layer_states(model, syn_dev)
        log(fh, f'encoder frozen: layer states of {len(syn)} + {len(syn_dev)} sentences cached in {time.time() - t1:.0f}s')
    groups = []
    for ps, lr in (([] if a.freeze_encoder else old, a.lr), (new, a.head_lr)):
        dec = [p for p in ps if p.ndim >= 2]
        nodec = [p for p in ps if p.ndim < 2]
        groups += [{'params': dec, 'weight_decay': a.wd, 'peak': lr}, {'params': nodec, 'weight_decay': 0.0, 'peak': lr}]
    opt = torch.optim.AdamW(groups, lr=a.lr, betas=(0.9, 0.98), eps=1e-6)
    budget = a.minutes * 60.0

    def lr_factor(step, elapsed):
        w = min(1.0, (step + 1) / a.warmup)
        frac = min(1.0, elapsed / budget)
        return w * (a.min_lr_frac + (1 - a.min_lr_frac) * 0.5 * (1 + math.cos(math.pi * frac)))

    weights = parse_weights(a.weights)
    rng = random.Random(a.seed)

    def ner_stream():
        ep = 0
        while True:
            er = random.Random(a.seed * 1000 + ep)
            exs = epoch_examples(by_source, weights, er, 0.0)
            for g in nd.batches(exs, a.batch_tokens, er):
                yield exs, g
            ep += 1

    def syn_stream():
        ep = 0
        while True:
            er = random.Random(a.seed * 7919 + ep)
            for g in sx.batches(syn, a.batch_tokens, er):
                yield g
            ep += 1

    ner_it, syn_it = ner_stream(), syn_stream()
    best, step, elapsed = -1.0, 0, 0.0
    best_path, last_path = os.path.join(run_dir, 'best.pt'), os.path.join(run_dir, 'last.pt')
    curve = os.path.join(run_dir, 'curve.tsv')
    if not os.path.exists(curve):
        with open(curve, 'w') as f:
            f.write('minutes\tstep\tner_loss\tsyn_loss\tseq_dev_f1\tupos\tfeats\tlemma\tuas\tlas\n')
    sums = {'ner': [0.0, 0], 'syn': [0.0, 0]}

    ner_f1: list[float] = []

    def do_eval():
        nonlocal best
        t = time.time()
        if not (a.freeze_encoder and ner_f1):
            ner_f1[:] = [nd.evaluate(model, dev_ner)['micro']['f1']]
        f1 = ner_f1[0]
        sd = syntax_dev(model, syn_dev, cache=cache_dev)
        score = (f1 + sd['las']) / 2
        mean = lambda k: sums[k][0] / max(1, sums[k][1])  # noqa: E731
        with open(curve, 'a') as f:
            f.write(f'{elapsed / 60:.1f}\t{step}\t{mean("ner"):.4f}\t{mean("syn"):.4f}\t{f1:.4f}\t{sd["upos"]:.4f}\t'
                    f'{sd["feats"]:.4f}\t{sd["lemma"]:.4f}\t{sd["uas"]:.4f}\t{sd["las"]:.4f}\n')
        extra = {'step': step, 'elapsed': elapsed, 'dev': {'ner_f1': f1, **sd}, 'args': vars(a)}
        torch.save(mh.checkpoint_dict(model, **extra), last_path)
        improved = score > best
        if improved:
            best = score
            torch.save(mh.checkpoint_dict(model, **extra), best_path)
        log(fh, f'EVAL step {step} {elapsed / 60:.1f}min ner-loss {mean("ner"):.4f} syn-loss {mean("syn"):.4f} | '
                f'sequoia NE dev F1 {f1:.4f} | UD dev upos {sd["upos"]:.4f} feats {sd["feats"]:.4f} lemma '
                f'{sd["lemma"]:.4f} uas {sd["uas"]:.4f} las {sd["las"]:.4f} {"*best*" if improved else ""} '
                f'[{time.time() - t:.0f}s]')
        for k in sums:
            sums[k] = [0.0, 0]
        model.train()

    do_eval()
    model.train()
    last_eval = elapsed
    while True:
        ts = time.time()
        f = lr_factor(step, elapsed)
        for pg in opt.param_groups:
            pg['lr'] = pg['peak'] * f
        if a.freeze_encoder or rng.random() < a.syntax_share:
            g = next(syn_it)
            b = with_states(sx.collate(syn, g), cache, g)
            loss, _ = model.syntax_loss(b)
            key = 'syn'
        else:
            exs, g = next(ner_it)
            ids, am, tt, lab = nd.collate(exs, g)
            lg = model(input_ids=ids, attention_mask=am, token_type_ids=tt).logits
            loss = F.cross_entropy(lg.float().view(-1, lg.shape[-1]), lab.view(-1), ignore_index=nd.IGNORE)
            key = 'ner'
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        sums[key][0] += float(loss.detach())
        sums[key][1] += 1
        elapsed += time.time() - ts
        if step % 50 == 0:
            log(fh, f'step {step} {elapsed / 60:.1f}min lr x{f:.3f} ner {sums["ner"][0] / max(1, sums["ner"][1]):.4f} '
                    f'syn {sums["syn"][0] / max(1, sums["syn"][1]):.4f}')
        done = elapsed >= budget or (a.max_steps and step >= a.max_steps)
        if elapsed - last_eval >= a.eval_minutes * 60 or done:
            e0 = time.time()
            do_eval()
            last_eval = elapsed = elapsed + (time.time() - e0)
            if done:
                break
    log(fh, f'done: best (NER F1 + LAS) / 2 = {best:.4f}; {best_path}')
    fh.close()
    return best_path


if __name__ == '__main__':
    main()
