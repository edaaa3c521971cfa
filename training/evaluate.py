"""Held-out evaluation of model v2 (training.multihead) and its exported folder.

  python -m training.evaluate scores --checkpoint training/runs/mh1/best.pt --out bench/results/model-v2-eval.json
  python -m training.evaluate onnx --model training/work/model-v2 --out bench/results/model-v2-onnx.json

`scores`: NER strict micro F1 (seqeval, IOB2, PER/ORG/LOC/MISC) on Sequoia NE test, HIPE-2020 test and the seed gold
(training.verify's definitions, the shipped model's card figures); syntax on Sequoia UD test with gold words as input
(UPOS, UAS, LAS with universal relations and with full ones, lemma accuracy; every word, punctuation included: the
definitions of `training.peer_spacy syntax`, the peer's figures), heads decoded as single-root trees.
`onnx`: onnxruntime fp32 vs int8 agreement per head on dev (Sequoia NE dev + HIPE dev for entities, Sequoia UD dev for
syntax), and sentences/s of each graph (and of the shipped NER graph, in the same run) on Sequoia UD test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import time

import numpy as np
import torch

from . import multihead as mh
from . import nerdata as nd
from . import syntax as sx
from . import tokenizer as tok
from . import verify
from .multitask import SEQUOIA, predict_syntax
from .paths import DATA, SHIPPED, TOKENIZER
from .peer_spacy import syntax_scores


def syntax_test(model: mh.MultiHead, tk, split: str = 'test') -> dict:
    sents = sx.read_conllu(SEQUOIA.format(split))
    exs = [sx.build(tk, s, model.vocab, 512) for s in sents]
    kept = [(s, e) for s, e in zip(sents, exs) if e is not None]
    if len(kept) != len(sents):
        raise SystemExit(f'{len(sents) - len(kept)} {split} sentences could not be encoded')
    t = time.perf_counter()
    pred = predict_syntax(model, exs, trees=True, gold_lemmas=[[w['lemma'] for w in s['words']] for s in sents])
    seconds = time.perf_counter() - t
    V = model.vocab
    gold = [{'words': s['words']} for s in sents]
    sys_ = [{'words': [{'upos': V.upos[u], 'lemma': l, 'head': h, 'deprel': r}
                       for u, l, h, r in zip(p['upos'], p['lemma'], p['head'], p['rel'])]} for p in pred]
    sc = syntax_scores(gold, sys_)
    fid = {g: {v: i for i, v in enumerate(V.feats[g])} for g in sx.FEATS}
    for gi, g in enumerate(sx.FEATS):
        ok = n = 0
        for s, p in zip(sents, pred):
            for w, f in zip(s['words'], p['feats']):
                n += 1
                ok += fid[g].get(w['feats'].get(g, sx.NONE), -1) == f[gi]
        sc[f'feat_{g}'] = ok / n
    sc['trees_valid'] = sum(sx.is_tree(p['head']) for p in pred) / len(pred)
    return {'sentences': len(sents), 'seconds_torch': seconds, 'scores': sc}


def scores(checkpoint: str, tokenizer_path: str = TOKENIZER) -> dict:
    torch.set_num_threads(1)
    model, ck = mh.load_checkpoint(checkpoint)
    tk = tok.load(tokenizer_path)
    res = {'checkpoint': checkpoint, 'step': ck.get('step'), 'dev': ck.get('dev')}
    res['ner'] = verify.eval_sets(model, tk)
    res['seed'] = verify.seed_eval(model, tk)
    res['syntax'] = syntax_test(model, tk)
    return res


# ---------------------------------------------------------------------------------------------------------------
# onnxruntime: fp32 / int8 agreement per head, speed

def session(path: str, threads: int):
    import onnxruntime as ort
    o = ort.SessionOptions()
    o.intra_op_num_threads = threads
    o.inter_op_num_threads = 1
    o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, o, providers=['CPUExecutionProvider'])


def run_syntax(sess, exs: list[sx.SynExample], cfg: dict, max_tokens: int = 8192) -> list[dict]:
    """Decoded syntax from the graph's outputs, as a runtime does it: every head read at the words' first pieces,
    heads by tree decoding of the arc scores (root = position 0), relations for the decoded heads."""
    syn = cfg['chronique']['syntax']
    R, K2 = len(syn['deprels']), syn['relRank'] + 2
    sizes = [len(syn['feats'][g]) for g in syn['featGroups']]
    out: list = [None] * len(exs)
    for g in sx.batches(exs, max_tokens, random.Random(0), shuffle=False):
        b = sx.collate(exs, g)
        o = dict(zip(mh.OUTPUTS, sess.run(mh.OUTPUTS, {'input_ids': b['input_ids'].numpy(),
                                                      'attention_mask': b['attention_mask'].numpy(),
                                                      'token_type_ids': b['token_type_ids'].numpy()})))
        for r, i in enumerate(g):
            pos = np.array(exs[i].word_pos)
            n = len(pos)
            cand = np.concatenate([[0], pos])
            a = o['arc_scores'][r][pos][:, cand].astype(np.float64)
            a = a - a.max(-1, keepdims=True)
            a = a - np.log(np.exp(a).sum(-1, keepdims=True))
            sc = np.full((n + 1, n + 1), -np.inf)
            sc[1:] = a
            heads = sx.decode_tree(sc)
            rd = o['rel_dep'][r][pos].reshape(n, R, K2)
            rh = o['rel_head'][r][cand[heads]].reshape(n, R, K2)
            f = o['feats_logits'][r][pos]
            fi, off = [], 0
            for s in sizes:
                fi.append(f[:, off:off + s].argmax(-1))
                off += s
            out[i] = {'upos': o['upos_logits'][r][pos].argmax(-1).tolist(),
                      'lemma': o['lemma_logits'][r][pos].argmax(-1).tolist(),
                      'feats': np.stack(fi, -1).tolist(), 'head': heads,
                      'rel': (rd * rh).sum(-1).argmax(-1).tolist()}
    return out


def onnx_report(model_dir: str, tokenizer_path: str, threads: int = 1, speed_threads=(1, 2)) -> dict:
    cfg = json.load(open(os.path.join(model_dir, 'config.json'), encoding='utf-8'))
    vocab = sx.Vocab.from_dict(cfg['chronique']['syntax'])
    tk = tok.load(tokenizer_path)
    ner_dev = nd.load_examples(tk, os.path.join(DATA, 'dev.jsonl'), max_len=256)
    syn_dev = [e for e in (sx.build(tk, s, vocab, 512) for s in sx.read_conllu(SEQUOIA.format('dev'))) if e]
    res: dict = {'agreement': {}}
    preds = {}
    for name in ('model.onnx', 'model_quantized.onnx'):
        s = session(os.path.join(model_dir, 'onnx', name), threads)
        ner = [nd.decode_words(lg, e) for lg, e in zip(verify.ort_logits(s, ner_dev), ner_dev)]
        preds[name] = (ner, run_syntax(s, syn_dev, cfg))
    (n32, s32), (n8, s8) = preds['model.onnx'], preds['model_quantized.onnx']
    agree = lambda a, b: float(np.mean([x == y for u, v in zip(a, b) for x, y in zip(u, v)]))  # noqa: E731
    res['agreement']['ner_labels'] = agree(n32, n8)
    for k in ('upos', 'lemma', 'feats', 'head', 'rel'):
        res['agreement'][k] = agree([p[k] for p in s32], [p[k] for p in s8])
    golds = [e.word_tags for e in ner_dev]
    res['dev_ner_f1'] = {'fp32': nd.f1_report(golds, n32, ['PER', 'ORG', 'LOC', 'MISC'])['micro']['f1'],
                         'int8': nd.f1_report(golds, n8, ['PER', 'ORG', 'LOC', 'MISC'])['micro']['f1']}
    res['dev_words'] = {'ner': sum(len(x) for x in n32), 'syntax': sum(len(p['head']) for p in s32)}
    res['speed'] = speed(model_dir, tk, vocab, speed_threads)
    res['sizes_mb'] = {n: os.path.getsize(os.path.join(model_dir, 'onnx', n)) / 2 ** 20
                       for n in ('model.onnx', 'model_quantized.onnx')}
    return res


def speed(model_dir: str, tk, vocab, threads=(1, 2), batch_tokens: int = 4096) -> dict:
    """Sentences/s of the graph alone (onnxruntime, length-sorted batches of Sequoia UD test, padded to 16), for the
    v2 int8 graph, the same with tree decoding and output reading included, and the shipped NER int8 graph; the
    load average is recorded beside (the machine is shared)."""
    sents = sx.read_conllu(SEQUOIA.format('test'))
    exs = [sx.build(tk, s, vocab, 512) for s in sents]
    groups = sx.batches(exs, batch_tokens, random.Random(0), shuffle=False)
    feeds = []
    for g in groups:
        b = sx.collate(exs, g)
        feeds.append({'input_ids': b['input_ids'].numpy(), 'attention_mask': b['attention_mask'].numpy(),
                      'token_type_ids': b['token_type_ids'].numpy()})
    out = {'sentences': len(exs), 'loadavg_before': os.getloadavg()}
    cfg = json.load(open(os.path.join(model_dir, 'config.json'), encoding='utf-8'))
    for t in threads:
        for label, path, names in (('v2_int8', os.path.join(model_dir, 'onnx', 'model_quantized.onnx'), mh.OUTPUTS),
                                   ('shipped_ner_int8', os.path.join(SHIPPED, 'onnx', 'model_quantized.onnx'),
                                    ['logits'])):
            s = session(path, t)
            s.run(names, feeds[0])
            t0 = time.perf_counter()
            for f in feeds:
                s.run(names, f)
            out[f'{label}_threads{t}'] = len(exs) / (time.perf_counter() - t0)
        s = session(os.path.join(model_dir, 'onnx', 'model_quantized.onnx'), t)
        t0 = time.perf_counter()
        run_syntax(s, exs, cfg, batch_tokens)
        out[f'v2_int8_with_tree_decoding_threads{t}'] = len(exs) / (time.perf_counter() - t0)
    out['loadavg_after'] = os.getloadavg()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.evaluate', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--tokenizer', default=TOKENIZER)
    sub = ap.add_subparsers(dest='cmd', required=True)
    s = sub.add_parser('scores')
    s.add_argument('--checkpoint', required=True)
    s.add_argument('--out')
    o = sub.add_parser('onnx')
    o.add_argument('--model', required=True)
    o.add_argument('--out')
    e = sub.add_parser('export')
    e.add_argument('--checkpoint', required=True)
    e.add_argument('--out', required=True)
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    if a.cmd == 'scores':
        res = scores(a.checkpoint, a.tokenizer)
    elif a.cmd == 'onnx':
        res = onnx_report(a.model, a.tokenizer)
    else:
        model, ck = mh.load_checkpoint(a.checkpoint)
        res = mh.write_folder(model, a.out, a.tokenizer, max_len=ck.get('args', {}).get('max_len', 128),
                              extra={'checkpoint_step': ck.get('step'), 'dev': ck.get('dev')})
    print(json.dumps(res, indent=1, ensure_ascii=False, default=float))
    if getattr(a, 'out', None) and a.cmd != 'export':
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        with open(a.out, 'w', encoding='utf-8') as f:
            json.dump(res, f, indent=1, ensure_ascii=False, default=float)
            f.write('\n')


if __name__ == '__main__':
    main()
