"""Supervised NER training of the encoder (transformers BertForTokenClassification) on CPU, with a wall-clock budget.

  nice -n 19 training/.venv/bin/python -m training.finetune --run main --minutes 90   # start (or --resume to continue)
  tail -f training/runs/main/train.log                                                # progress + dev F1 curve

Reads data/ner/train.jsonl and data/ner/dev.jsonl (`npm run data:prepare`). Every `--eval-minutes` it evaluates strict
span F1 (seqeval strict IOB2, BIO-constrained Viterbi) on Sequoia dev (PER/ORG/LOC/MISC, model selection) and HIPE-2020 dev, writes
training/runs/RUN/last.pt (resumable: model, optimiser, step, elapsed time, RNG) and best.pt (best Sequoia-dev F1), and
appends a line to training/runs/RUN/curve.tsv. The learning rate follows warmup + cosine decay over the time budget, so a
run ends annealed; early stopping after `--patience` evaluations without improvement.
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

from . import model as mdl
from . import nerdata as nd
from . import tokenizer as tok
from .contract import LABELS
from .paths import DATA, RUNS, TOKENIZER

DEFAULT_WEIGHTS = 'sequoia-train=4,wikineural=1,7-romans=1,hipe2020-train=1,hipe2022-newseye=1,hipe2022-letemps=1'


def log(fh, msg):
    line = time.strftime('%H:%M:%S') + ' ' + msg
    print(line, flush=True)
    fh.write(line + '\n')
    fh.flush()


def parse_weights(s: str) -> dict[str, float]:
    out = {}
    for part in s.split(','):
        if part.strip():
            k, v = part.split('=')
            out[k.strip()] = float(v)
    return out


def epoch_examples(by_source: dict[str, list], weights: dict[str, float], rng: random.Random, case_p: float):
    """One epoch: every source repeated `weight` times (fractional part sampled); casing augmentation is pre-built."""
    out = []
    for src, exs in by_source.items():
        w = weights.get(src, 1.0)
        whole = int(w)
        out += exs * whole
        frac = w - whole
        if frac > 0:
            out += rng.sample(exs, int(round(frac * len(exs))))
    return out


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog='python -m training.finetune', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--run', default='main', help='run name: training/runs/RUN/')
    ap.add_argument('--runs-dir', default=RUNS, help='parent folder of the run folders')
    ap.add_argument('--tokenizer', default=TOKENIZER, help='tokenizer.json (training.tokenizer train)')
    ap.add_argument('--minutes', type=float, default=90.0, help='wall-clock training budget (LR schedule spans it)')
    ap.add_argument('--resume', action='store_true', help='continue from training/runs/RUN/last.pt')
    ap.add_argument('--init', default=None,
                    help='start from the weights of this checkpoint (fresh optimiser and LR schedule; its architecture '
                         'overrides --layers/--hidden/...), e.g. a second stage on top of runs/main/best.pt')
    ap.add_argument('--train', default=os.path.join(DATA, 'train.jsonl'))
    ap.add_argument('--init-embeddings', default=None,
                    help='initial subword embeddings (training/embeddings.py: PPMI-SVD vectors from raw-fr)')
    ap.add_argument('--extra', default='',
                    help='comma-separated extra training JSONL files (same rows), e.g. data/ner/selftrain-news.jsonl '
                         '(`npm run data:selftrain`); weighted by their `source` like the others')
    ap.add_argument('--dev', default=os.path.join(DATA, 'dev.jsonl'))
    ap.add_argument('--layers', type=int, default=4)
    ap.add_argument('--hidden', type=int, default=256)
    ap.add_argument('--heads', type=int, default=4)
    ap.add_argument('--intermediate', type=int, default=1024)
    ap.add_argument('--dropout', type=float, default=0.1)
    ap.add_argument('--lr', type=float, default=7e-4)
    ap.add_argument('--warmup', type=int, default=800, help='warmup steps')
    ap.add_argument('--min-lr-frac', type=float, default=0.03)
    ap.add_argument('--wd', type=float, default=0.01)
    ap.add_argument('--batch-tokens', type=int, default=2048, help='padded subword tokens per batch')
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--weights', default=DEFAULT_WEIGHTS, help='per-source repetitions per epoch')
    ap.add_argument('--case-aug', type=float, default=0.04, help='share of extra sentences in all-lower/all-upper case')
    ap.add_argument('--subst-aug', type=float, default=0.0,
                    help='share of sentences with entities added again with every name swapped for a random training '
                         'name of the same type (entity substitution)')
    ap.add_argument('--label-smoothing', type=float, default=0.0)
    ap.add_argument('--eval-minutes', type=float, default=4.0)
    ap.add_argument('--patience', type=int, default=8)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--bf16', type=int, default=1, help='1: bfloat16 autocast for matmuls (CPU AMX/AVX512-BF16)')
    ap.add_argument('--seed', type=int, default=1234)
    ap.add_argument('--smoke', action='store_true', help='tiny data subset, for testing the script')
    ap.add_argument('--max-steps', type=int, default=0, help='stop after this many steps (0: time budget only)')
    return ap


def main(argv: list[str] | None = None) -> str:
    """Parses a command line and trains; returns the path of the best checkpoint."""
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
    rows = nd.read_jsonl(a.train)
    for extra in filter(None, a.extra.split(',')):
        rows += nd.read_jsonl(extra)
    if a.smoke:
        rows = rows[:600]
    by_source: dict[str, list] = {}
    rng_aug = random.Random(a.seed + 1)
    for r in rows:
        by_source.setdefault(r['source'], []).extend(
            nd.build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], a.max_len))
    # casing augmentation: extra copies of a random share of sentences, all-lower or all-upper
    aug = []
    for r in rows:
        if rng_aug.random() < a.case_aug:
            mode = 'lower' if rng_aug.random() < 0.5 else 'upper'
            aug += nd.build(tk, nd.case_augment(r['tokens'], mode), r['tags'], r['spaceAfter'], 'case-aug', a.max_len)
    if aug:
        by_source['case-aug'] = aug
    if a.subst_aug > 0:
        pool: dict[str, list] = {}
        seen = set()
        for r in rows:
            for first, end, typ in nd.entity_runs(r['tags']):
                name = tuple(r['tokens'][first:end])
                if (typ, name) not in seen and len(name) <= 6:
                    seen.add((typ, name))
                    pool.setdefault(typ, []).append(list(name))
        for typ in pool:
            pool[typ].sort()
        subst = []
        for r in rows:
            if any(t != 'O' and not t.endswith('DATE') for t in r['tags']) and rng_aug.random() < a.subst_aug:
                t2, g2, s2 = nd.substitute_entities(r['tokens'], r['tags'], r['spaceAfter'], pool, rng_aug)
                subst += nd.build(tk, t2, g2, s2, 'subst-aug', a.max_len)
        by_source['subst-aug'] = subst
        log(fh, 'entity substitution pool: ' + json.dumps({k: len(v) for k, v in pool.items()}))
    dev_rows = nd.read_jsonl(a.dev)
    dev_seq = [e for r in dev_rows if r['source'] == 'sequoia-dev'
               for e in nd.build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], 256)]
    dev_hipe = [e for r in dev_rows if r['source'] == 'hipe2020-dev'
                for e in nd.build(tk, r['tokens'], r['tags'], r['spaceAfter'], r['source'], 256)]
    if a.smoke:
        dev_seq, dev_hipe = dev_seq[:100], dev_hipe[:100]
    log(fh, 'data ' + json.dumps({k: len(v) for k, v in by_source.items()}) +
        f' dev: sequoia {len(dev_seq)} hipe {len(dev_hipe)} (built in {time.time() - t0:.0f}s)')

    init = torch.load(a.init, map_location='cpu', weights_only=False) if a.init else None
    if init is not None:
        a.layers, a.hidden = init['config']['num_hidden_layers'], init['config']['hidden_size']
        a.heads, a.intermediate = init['config']['num_attention_heads'], init['config']['intermediate_size']
    cfg = mdl.bert_config(tk.get_vocab_size(), hidden=a.hidden, layers=a.layers, heads=a.heads,
                          intermediate=a.intermediate, dropout=a.dropout, labels=LABELS)
    model = mdl.build(cfg)
    word = model.bert.embeddings.word_embeddings
    if a.init_embeddings and init is None:
        vectors = torch.load(a.init_embeddings, map_location='cpu')['embeddings']
        assert tuple(vectors.shape) == tuple(word.weight.shape), f'{a.init_embeddings}: shape {tuple(vectors.shape)}'
        with torch.no_grad():
            word.weight.copy_(vectors)
            word.weight[cfg.pad_token_id].zero_()
        log(fh, f'word embeddings initialised from {a.init_embeddings}')
    if init is not None:
        model.load_state_dict(init['model'])
        log(fh, f'initialised from {a.init} (step {init["step"]}, dev F1 {init.get("dev_f1", float("nan")):.4f})')
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and 'embeddings' not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.ndim >= 2 and 'embeddings' not in n)]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': a.wd}, {'params': no_decay, 'weight_decay': 0.0}],
                            lr=a.lr, betas=(0.9, 0.98), eps=1e-6)
    step, elapsed, epoch, best, bad_evals, seen_tokens = 0, 0.0, 0, -1.0, 0, 0
    rng = random.Random(a.seed)
    last_path, best_path = os.path.join(run_dir, 'last.pt'), os.path.join(run_dir, 'best.pt')
    if a.resume and os.path.exists(last_path):
        ck = torch.load(last_path, map_location='cpu', weights_only=False)
        model.load_state_dict(ck['model'])
        opt.load_state_dict(ck['opt'])
        step, elapsed, epoch, best, bad_evals = ck['step'], ck['elapsed'], ck['epoch'], ck['best'], ck['bad_evals']
        seen_tokens = ck.get('seen_tokens', 0)
        rng.setstate(ck['rng'])
        torch.set_rng_state(ck['torch_rng'])
        log(fh, f'resumed from {last_path}: step {step}, {elapsed / 60:.1f} min, best {best:.4f}')
    budget = a.minutes * 60.0
    weights = parse_weights(a.weights)
    weights.setdefault('case-aug', 1.0)
    weights.setdefault('subst-aug', 1.0)

    def lr_at(step, elapsed):
        w = min(1.0, (step + 1) / a.warmup)
        frac = min(1.0, elapsed / budget)
        return a.lr * w * (a.min_lr_frac + (1 - a.min_lr_frac) * 0.5 * (1 + math.cos(math.pi * frac)))

    def save(path, extra=None):
        d = {'config': cfg.to_dict(), 'model': model.state_dict(), 'labels': LABELS, 'step': step, 'elapsed': elapsed,
             'epoch': epoch, 'best': best, 'bad_evals': bad_evals, 'seen_tokens': seen_tokens, 'args': vars(a)}
        if extra:
            d.update(extra)
        if path == last_path:
            d.update({'opt': opt.state_dict(), 'rng': rng.getstate(), 'torch_rng': torch.get_rng_state()})
        tmp = path + '.tmp'
        torch.save(d, tmp)
        os.replace(tmp, path)

    def fwd(ids, am, tt):
        if a.bf16:
            with torch.autocast('cpu', dtype=torch.bfloat16):
                return mdl.logits(model, ids, am, tt)
        return mdl.logits(model, ids, am, tt)

    curve = os.path.join(run_dir, 'curve.tsv')
    if not os.path.exists(curve):
        with open(curve, 'w') as f:
            f.write('minutes\tstep\tepoch\tsubwords\tloss\tseq_dev_f1\tseq_dev_f1_argmax\tPER\tORG\tLOC\tMISC\thipe_dev_f1\tdate_f1\n')

    def do_eval(loss_avg):
        nonlocal best, bad_evals, elapsed
        t = time.time()
        rs = nd.evaluate(model, dev_seq, fwd=fwd)
        ra = nd.evaluate(model, dev_seq, use_viterbi=False, fwd=fwd)
        rh = nd.evaluate(model, dev_hipe, fwd=fwd)
        rd = nd.evaluate(model, dev_hipe + dev_seq, types=('DATE',), fwd=fwd)
        f1 = rs['micro']['f1']
        g = lambda k: rs.get(k, {}).get('f1', 0.0)  # noqa: E731
        with open(curve, 'a') as f:
            f.write(f'{elapsed / 60:.1f}\t{step}\t{epoch}\t{seen_tokens}\t{loss_avg:.4f}\t{f1:.4f}\t{ra["micro"]["f1"]:.4f}\t'
                    f'{g("PER"):.4f}\t{g("ORG"):.4f}\t{g("LOC"):.4f}\t{g("MISC"):.4f}\t{rh["micro"]["f1"]:.4f}\t'
                    f'{rd["micro"]["f1"]:.4f}\n')
        improved = f1 > best
        if improved:
            best = f1
            bad_evals = 0
        else:
            bad_evals += 1
        save(last_path)
        if improved:
            save(best_path, {'dev_f1': f1, 'dev_report': rs, 'hipe_dev_report': rh})
        elapsed += time.time() - t
        log(fh, f'EVAL step {step} {elapsed / 60:.1f}min epoch {epoch} loss {loss_avg:.4f} | sequoia-dev F1 {f1:.4f} '
                f'(argmax {ra["micro"]["f1"]:.4f}) PER {g("PER"):.3f} ORG {g("ORG"):.3f} LOC {g("LOC"):.3f} '
                f'MISC {g("MISC"):.3f} | hipe-dev F1 {rh["micro"]["f1"]:.4f} | DATE F1 {rd["micro"]["f1"]:.4f} '
                f'{"*best*" if improved else f"(no gain {bad_evals})"} [{time.time() - t:.0f}s]')
        model.train()

    model.train()
    last_eval = elapsed
    loss_sum, loss_n = 0.0, 0
    stop = False
    while not stop:
        ep_rng = random.Random(a.seed * 1000 + epoch)
        exs = epoch_examples(by_source, weights, ep_rng, a.case_aug)
        groups = nd.batches(exs, a.batch_tokens, ep_rng)
        log(fh, f'epoch {epoch}: {len(exs)} examples, {len(groups)} batches')
        for g in groups:
            ts = time.time()
            ids, am, tt, lab = nd.collate(exs, g)
            for pg in opt.param_groups:
                pg['lr'] = lr_at(step, elapsed)
            logits = fwd(ids, am, tt)
            loss = F.cross_entropy(logits.float().view(-1, len(LABELS)), lab.view(-1), ignore_index=nd.IGNORE,
                                   label_smoothing=a.label_smoothing)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen_tokens += int(am.sum())
            loss_sum += float(loss.detach())
            loss_n += 1
            elapsed += time.time() - ts
            if step % 100 == 0:
                log(fh, f'step {step} {elapsed / 60:.1f}min lr {lr_at(step, elapsed):.2e} loss {loss_sum / loss_n:.4f} '
                        f'subwords {seen_tokens}')
            at_max = bool(a.max_steps) and step >= a.max_steps
            if elapsed - last_eval >= a.eval_minutes * 60 or elapsed >= budget or at_max:
                do_eval(loss_sum / max(1, loss_n))
                loss_sum, loss_n = 0.0, 0
                last_eval = elapsed
                if elapsed >= budget:
                    log(fh, 'time budget reached')
                    stop = True
                    break
                if at_max:
                    log(fh, f'--max-steps {a.max_steps} reached')
                    stop = True
                    break
                if bad_evals >= a.patience:
                    log(fh, f'early stop: {bad_evals} evaluations without improvement')
                    stop = True
                    break
        epoch += 1
    log(fh, f'done: best sequoia-dev F1 {best:.4f}; best weights {best_path}')
    fh.close()
    return best_path


if __name__ == '__main__':
    main()
