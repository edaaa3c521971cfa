"""Step 4 in one command: export a checkpoint to models/chronique-ner-fr, check it, evaluate it, write MODEL_CARD.md.

  python -m training.release --checkpoint training/runs/main/best.pt --run main --out models/chronique-ner-fr

Calls, in-process: training.export.write_folder (fp32 + int8 ONNX, tokenizer, config) · training.verify.int8_agreement
(onnxruntime fp32 vs int8 on dev) · training.verify.write_cases, then node-check.mjs in Node (tokenizer ids identical in
transformers.js, onnxruntime-node fp32 vs int8 agreement) · training.verify.eval_sets (Sequoia test, HIPE-2020 test) ·
training.verify.seed_eval (seed-article gold) · then renders MODEL_CARD.md from the results and the run curves.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import time

import torch

from . import export
from . import model as mdl
from . import tokenizer as tok
from . import verify
from .paths import ROOT, RUNS, TOKENIZER, WORK


def node_check(model_dir: str, cases: str) -> str:
    """training/node-check.mjs (the Node side: transformers.js tokenizer ids, onnxruntime-node); its printed report."""
    cmd = ['node', os.path.join(ROOT, 'training', 'node-check.mjs'), model_dir, cases]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, AGREE='2000'))
    print(out.stdout[-3000:], flush=True)
    if out.returncode != 0:
        print(out.stderr[-4000:])
        raise SystemExit(f'node-check failed for {model_dir}')
    return out.stdout


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.release', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', required=True)
    ap.add_argument('--tokenizer', default=TOKENIZER, help='tokenizer.json the checkpoint was trained with')
    ap.add_argument('--run', default='main',
                    help='run(s) that produced the checkpoint, comma-separated in training order when a stage was '
                         'initialised from an earlier run (e.g. main,st1): curves and commands of each go on the card')
    ap.add_argument('--runs-dir', default=RUNS)
    ap.add_argument('--out', default='models/chronique-ner-fr')
    ap.add_argument('--max-fp32-mb', type=float, default=50.0)
    ap.add_argument('--note', default='', help='status line for the card (e.g. "intermediate export")')
    ap.add_argument('--extra-md', default=None, help='markdown file appended to the card (measured levers, notes)')
    a = ap.parse_args(argv)
    model, _, ck = mdl.load_checkpoint(a.checkpoint)
    tk = tok.load(a.tokenizer)
    files = export.write_folder(model, a.out, a.tokenizer, {'checkpoint_step': ck.get('step'), 'dev_f1': ck.get('dev_f1')},
                                max_len=ck.get('args', {}).get('max_len'))
    int8 = verify.int8_agreement(a.out, tk)
    fp32 = os.path.join(a.out, 'onnx', 'model.onnx')
    if os.path.getsize(fp32) / 2 ** 20 > a.max_fp32_mb:
        print(f'fp32 model > {a.max_fp32_mb} MB: removing onnx/model.onnx (int8 only)')
        os.remove(fp32)
        files.pop('model.onnx', None)
    cases = os.path.join(WORK, 'tok-cases.jsonl')
    verify.write_cases(cases, 4000, a.tokenizer)
    node = node_check(a.out, cases)
    runs = [r for r in a.run.split(',') if r]
    ev = verify.eval_sets(model, tk)
    with open(os.path.join(a.runs_dir, runs[-1], 'heldout-eval.json'), 'w') as f:
        json.dump(ev, f, indent=1)
    seed_j = verify.seed_eval(model, tk)
    curves = {r: open(os.path.join(a.runs_dir, r, 'curve.tsv')).read().strip().splitlines() for r in runs}
    run_args = {}
    for r in runs:
        best = os.path.join(a.runs_dir, r, 'best.pt')
        run_args[r] = torch.load(best, map_location='cpu', weights_only=False).get('args', {}) if os.path.exists(best) else {}
    int8_line = (f'dev word labels, onnxruntime fp32 vs int8: {100 * int8["agreement"]:.2f} % identical of '
                 f'{int8["words"]} ({"OK" if int8["agreement"] >= 0.995 else "BELOW 99.5 %"}); dev F1 fp32 '
                 f'{int8["f1_fp32"]:.4f}, int8 {int8["f1_int8"]:.4f}')
    render(a, ck, ev, seed_j, int8_line, node, curves, run_args,
           {k: (f'{v["bytes"] / 2 ** 20:.2f}', v['sha256']) for k, v in files.items()})


def fmt_report(r: dict) -> str:
    rows = ['| type | P | R | F1 | support |', '|---|---|---|---|---|']
    for k in ('PER', 'ORG', 'LOC', 'MISC', 'DATE', 'micro'):
        if k in r:
            v = r[k]
            rows.append(f'| {"**micro**" if k == "micro" else k} | {v["p"]:.3f} | {v["r"]:.3f} | '
                        f'{"**%.3f**" % v["f1"] if k == "micro" else "%.3f" % v["f1"]} | {v["support"]} |')
    return '\n'.join(rows)


def selftrain_row(run_args: dict) -> str:
    """Data-table row for self-training data, when a run used some."""
    files = sorted({f for ra in run_args.values() for f in (ra.get('extra') or '').split(',') if f})
    if not files:
        return ''
    n = sum(1 for f in files if os.path.exists(os.path.join(ROOT, f)) for _ in open(os.path.join(ROOT, f), encoding='utf-8'))
    return (f'| raw-fr OrangeSum news, labelled by the previous run\'s model (`npm run data:selftrain`: confident sentences, '
            f'names made consistent per article) | train (self-training) | {n:,} | CC BY-SA 4.0 (repo; press content, research use) |')


def selftrain_commands(args: dict) -> str:
    """Export of the run a stage starts from, and the self-training data its model labels."""
    prev = os.path.basename(os.path.dirname(args.get('init') or 'training/runs/previous/best.pt'))
    return (f"training/.venv/bin/python -m training.export --checkpoint {args.get('init')} --out training/work/model-{prev}{chr(10)}"
            f"npm run data:selftrain -- --model training/work/model-{prev} --articles 12000 --out {args['extra']}{chr(10)}")


def finetune_command(run: str, args: dict) -> str:
    """The training.finetune command line that reproduces a run (its saved arguments)."""
    parts = ['nohup nice -n 19 training/.venv/bin/python -m training.finetune', f'--run {run}']
    for key in ('init', 'init_embeddings', 'extra', 'minutes', 'eval_minutes', 'lr', 'warmup', 'patience', 'subst_aug', 'case_aug'):
        if args.get(key) not in (None, '', 0, 0.0) or key in ('minutes', 'lr', 'warmup'):
            parts.append(f"--{key.replace('_', '-')} {args.get(key)}")
    if args.get('weights'):
        parts.append(f"--weights '{args['weights']}'")
    return ' '.join(parts) + ' &'


def curve_table(curve: list[str]) -> str:
    head = curve[0].split('\t')
    crow = [dict(zip(head, l.split('\t'))) for l in curve[1:]]
    md = ['| minutes | step | subwords seen | train loss | Sequoia-dev F1 (Viterbi) | (argmax) | PER | ORG | LOC | MISC | HIPE-dev F1 | DATE F1 (dev, silver+HIPE) |',
          '|---|---|---|---|---|---|---|---|---|---|---|---|']
    for r in crow:
        md.append(f'| {r["minutes"]} | {r["step"]} | {int(r["subwords"]) / 1e6:.1f} M | {r["loss"]} | {r["seq_dev_f1"]} | '
                  f'{r["seq_dev_f1_argmax"]} | {r["PER"]} | {r["ORG"]} | {r["LOC"]} | {r["MISC"]} | {r["hipe_dev_f1"]} | {r["date_f1"]} |')
    return chr(10).join(md)


def render(a, ck, ev, seed_j, int8, node, curves, run_args, files):
    args = ck.get('args', {})
    cfg = ck['config']
    n_params = None
    try:
        import torch
        n_params = sum(v.numel() for v in ck['model'].values())
    except Exception:
        pass
    node_lines = [l for l in node.splitlines() if 'tokenizer:' in l or 'agreement' in l or 'throughput' in l]
    last_run = list(curves)[-1]  # the run that produced the checkpoint (curves are in training order)
    curve_md = []
    for r, curve in curves.items():
        ra = run_args.get(r, {})
        origin = f"initialised from `{ra['init']}`" if ra.get('init') else 'from scratch'
        extra = f", extra data `{ra['extra']}`" if ra.get('extra') else ''
        subst = f", entity substitution {ra['subst_aug']}" if ra.get('subst_aug') else ''
        curve_md.append(f'**Run `{r}`** ({origin}{extra}{subst}; source weights `{ra.get("weights")}`):' + chr(10) + chr(10) +
                        curve_table(curve) + chr(10))
    st = ev['sequoia-test']['micro']['f1']
    sta = ev['sequoia-test-argmax']['micro']['f1']
    ht = ev['hipe2020-test']['micro']['f1']
    sd = seed_j['seed_gold']
    fl = '\n'.join(f'| `onnx/{k}` | {v[0]} MiB | `{v[1]}` |' for k, v in files.items())
    card = f"""# chronique-ner-fr — small French NER model (PER / ORG / LOC / MISC / DATE)

{('**Status: ' + a.note + '**' + chr(10) + chr(10)) if a.note else ''}A BERT encoder (`transformers` BertForTokenClassification) trained **from scratch on CPU** (no pre-trained weights from elsewhere{'; its embedding matrix started from PPMI-SVD vectors of raw-fr computed by `training/embeddings.py`' if any(ra.get('init_embeddings') for ra in run_args.values()) else ''}) for token
classification of French text, exported to ONNX for transformers.js / onnxruntime-node (`dtype: 'q8'` loads
`onnx/model_quantized.onnx`). Built by `training/` (see `training/README.md`); checkpoint step {ck.get('step')},
{ck.get('elapsed', 0) / 60:.0f} min of training in run `{last_run}`{' (the last of ' + ' → '.join(curves) + ')' if len(curves) > 1 else ''}, Sequoia-dev F1 {ck.get('dev_f1', ck.get('best', 0)):.4f}{(' (weight average of ' + ', '.join(ck['averaged_from']) + ')') if ck.get('averaged_from') else ''}.

## Scores (held-out; strict span match, BIO-constrained Viterbi decoding)

| set | micro F1 | notes |
|---|---|---|
| **Sequoia NE test** (456 sent., PER/ORG/LOC/MISC) | **{st:.3f}** (argmax: {sta:.3f}) | target ≥ 0.78 ({'met' if st >= 0.78 else 'NOT met'}); baseline scratch run: 0.657 |
| HIPE-2020 v1.4 French test (historical OCR news) | {ht:.3f} | PER/ORG/LOC/MISC; with DATE: {ev['hipe2020-test-with-DATE']['micro']['f1']:.3f} |
| seed article gold (`shared/gold`, 125 non-optional entities) | {sd['f1']:.3f} (P {sd['p']:.3f} R {sd['r']:.3f}) | target ≥ 0.85 ({'met' if sd['f1'] >= 0.85 else 'NOT met'}); char-exact spans, `also_ok` labels accepted |

Sequoia test per type:

{fmt_report(ev['sequoia-test'])}

HIPE-2020 test per type, DATE included (the headline HIPE number above excludes DATE; HIPE gold marks only some dates,
the model follows the silver recognizer conventions, so DATE precision is low here):

{fmt_report(ev['hipe2020-test-with-DATE'])}

Sequoia gold is read from column 11 (final readings; PERS→PER, PROD/EVE→MISC); **nested entities are dropped, the outermost
span is kept** (test: 481 annotated → 418 flat spans, mostly LOC inside ORG/MISC). Sequoia does not annotate dates, so DATE
predictions are not scored there. The Python evaluation (`training.verify.eval_sets`) aligns gold words to subwords, decodes
subwords with Viterbi, reads each word's label from its first subword and scores with seqeval (strict, IOB2).

## Training curves (Sequoia dev; each run in training order)

The measured baseline (same size class, scratch, 45 min, WikiNEuRal + 8k 7-romans + Sequoia train) reached 0.657 micro F1
on Sequoia test. The runs that led to the shipped weights:

{chr(10).join(curve_md)}

## int8 vs fp32

- `training.verify.int8_agreement` (onnxruntime, both ONNX files): {int8}
{chr(10).join('- node-check.mjs: ' + l.strip() for l in node_lines)}
  (the throughput line is a smoke figure taken while other jobs loaded the 2 cores; the runtime benchmark is authoritative)

| file | size | sha256 |
|---|---|---|
{fl}

## Architecture and hyper-parameters

- `transformers` BertForTokenClassification (post-LayerNorm BERT): {cfg['num_hidden_layers']} layers, hidden {cfg['hidden_size']},
  {cfg['num_attention_heads']} heads, FFN {cfg['intermediate_size']}, GELU, learned absolute positions (max
  {cfg['max_position_embeddings']}), token-type embeddings (2), linear head over {len(cfg['id2label'])} labels;
  {n_params / 1e6 if n_params else 0:.2f} M parameters. `config.json` is the model's BertConfig; ONNX by `torch.onnx.export`.
- Inputs `input_ids`, `attention_mask`, `token_type_ids` (int64 [batch, seq]) → `logits` (float32 [batch, seq, {len(cfg['id2label'])}]).
  Labels: `O`, `B-/I-` × PER, ORG, LOC, MISC, DATE (`config.json` `id2label`).
- int8: `onnxruntime.quantization.quantize_dynamic` (constant-weight MatMuls, per-channel int8 weights with
  `reduce_range`, so AVX2 kernels without VNNI cannot saturate; embeddings, LayerNorms and attention score matmuls stay fp32).
- Training: AdamW (β 0.9/0.98, wd {args.get('wd')}), peak LR {args.get('lr')}, {args.get('warmup')} warm-up steps then cosine decay
  over the wall-clock budget ({args.get('minutes')} min) to {args.get('min_lr_frac')} × peak; batches of ≤ {args.get('batch_tokens')}
  padded subwords (length-bucketed, padded to multiples of 16), max {args.get('max_len')} subwords per example (longer sentences
  split at word starts), dropout {args.get('dropout')}, gradient clipping 1.0, bfloat16 autocast on CPU (fp32 master weights),
  2 threads, seed {args.get('seed')}. Per-epoch source repetitions: `{args.get('weights')}`; casing augmentation: {args.get('case_aug')}
  of the sentences added again all-lowercase or all-uppercase. Model selection: best Sequoia-dev micro F1 (evaluated every
  {args.get('eval_minutes')} min).

## Tokenizer and normalisation (runtime must match)

Unigram, {cfg['vocab_size']:,} pieces, cased, trained by Hugging Face `tokenizers` on the training corpora + a raw-fr
sample (OrangeSum news, Assemblée nationale debates, legal codes) and saved as its native `tokenizer.json` (`Unigram` +
`Metaspace` `▁`, prepend_scheme `always`, `TemplateProcessing` `[CLS] $A [SEP]`). Its normalizer is the model contract
`src/ner/model-contract.json` (read by the runtime too): NFC, apostrophe variants → `'`, quote variants and guillemets →
`"`, space variants → space, invisible characters dropped. Periodic pieces (`00`, `...`) are demoted so that
transformers.js and the Rust tokenizer agree on Viterbi ties: ids are identical on all checked texts (see above).

**Labels are per subword**: the first piece of a word has the word's tag, following pieces `I-X` (inside) or `O`. Pieces
with an empty surface (a bare `▁`, emitted before some digits / rare letters) were not trained: skip them, then run
BIO-constrained Viterbi (no `I-X` after `O` or another type; +3 pts over argmax on Sequoia) and take maximal runs as spans.

## Training data and licences

| source (../shared/corpora) | use | sentences | licence |
|---|---|---|---|
| WikiNEuRal fr (val + test files) | train | 25,278 | **CC BY-NC-SA 4.0 (non-commercial)** |
| 7-romans (10k of 26.8k sentences, ≤ 120 tokens) | train | 10,000 | no licence stated (research use) |
| Sequoia NE train (repeated per epoch, see the commands) | train | 2,231 | LGPL-LR |
| Sequoia NE dev | model selection | 412 | LGPL-LR |
| HIPE-2020 v0.9 French train | train | 3,709 | **CC BY-NC-SA 4.0 (non-commercial)** |
| HIPE-2020 v1.4 French dev | dev curve only | 1,343 | **CC BY-NC-SA 4.0 (non-commercial)** |
| HIPE-2022 NewsEye dev + dev2 | train | 1,836 | CC BY 4.0 |
| HIPE-2022 Le Temps dev | train | 1,389 | **CC BY-NC-SA 4.0 (non-commercial)** |
| raw-fr sample | tokenizer only | — | CC BY-SA 4.0 (OrangeSum) / CC0 (debates) / Licence Ouverte (LEGI) |
{selftrain_row(run_args)}

Because several sources are non-commercial (WikiNEuRal, HIPE-2020, HIPE-2022 Le Temps), **the weights must be treated as
non-commercial / research use (CC BY-NC-SA 4.0 obligations)**. Never used for training: Sequoia test, HIPE-2020 v1.4 test,
FR-TimeBank, the seed article (tokenizer cases include the seed text only to check tokenisation, no labels).

Label harmonisation (`src/training/prepare-data.ts`): Sequoia PERS→PER, PROD/EVE→MISC (final reading, outermost span); HIPE
pers→PER, loc→LOC, org→ORG, prod/HumanProd→MISC, time→DATE, and leading title components (`comp.title`, e.g. « M. ») are
moved out of PER spans; WikiNEuRal / 7-romans keep their PER/LOC/ORG/MISC. **Silver DATE** spans: the project's date
recognizer (`src/dates/recognize.ts`, type DATE only) on every training/dev sentence, on tokens without another entity
(10k spans; HIPE `time` gold kept where present).

## Exact commands

```bash
training/.venv/bin/python -m training.tokenizer train
npm run data:prepare
{chr(10).join(('training/.venv/bin/python -m training.embeddings   # PPMI-SVD subword vectors from raw-fr' + chr(10) if run_args[r].get('init_embeddings') else '') + (selftrain_commands(run_args[r]) if run_args[r].get('extra') else '') + finetune_command(r, run_args[r]) for r in curves)}
{('training/.venv/bin/python -m training.average --out ' + a.checkpoint + ' ' + ' '.join('training/runs/' + last_run + '/snapshots/' + x for x in ck['averaged_from']) + chr(10)) if ck.get('averaged_from') else ''}training/.venv/bin/python -m training.release --checkpoint {a.checkpoint} --run {a.run} --out {a.out}{(' --extra-md ' + a.extra_md) if a.extra_md else ''}
```

## Caveats

- Trained from scratch on ~0.15 M sentences: entity recall on unseen names depends on capitalisation and context; MISC
  (works, products, events) and ORG are the weakest types. Casing augmentation only partly covers all-caps headlines.
- Sequoia and WikiNEuRal conventions differ (e.g. WikiNEuRal marks nationalities as MISC); DATE labels are silver outside
  HIPE, so DATE spans follow the project's recognizer conventions.
- Generated {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `training/release.py`.
"""
    if a.extra_md:
        card = card.replace('## Architecture and hyper-parameters', open(a.extra_md, encoding='utf-8').read().strip() +
                            '\n\n## Architecture and hyper-parameters', 1)
    with open(os.path.join(a.out, 'MODEL_CARD.md'), 'w', encoding='utf-8') as f:
        f.write(card)
    print('wrote', os.path.join(a.out, 'MODEL_CARD.md'))


if __name__ == '__main__':
    main()
