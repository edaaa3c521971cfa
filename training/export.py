#!/usr/bin/env python3
"""Export a token-classification model to the Hugging Face / transformers.js folder layout:

  DIR/config.json, DIR/tokenizer.json, DIR/tokenizer_config.json, DIR/special_tokens_map.json,
  DIR/onnx/model.onnx (fp32, opset 14), DIR/onnx/model_quantized.onnx (dynamic int8, load with dtype 'q8')

Trained weights:
  /usr/bin/python3 training/export.py --checkpoint training/runs/main/best.pt --out models/chronique-ner-fr

RANDOM weights (any size, same tokenizer; for tests and benchmarks):
  /usr/bin/python3 training/export.py --random --layers 1 --hidden 64 --out /tmp/ner-tiny            # tiny, seconds
  /usr/bin/python3 training/export.py --random --layers 12 --hidden 768 --heads 12 --out /tmp/ner-base  # BERT-base size

ONNX inputs: input_ids, attention_mask, token_type_ids (int64 [batch, seq]); output: logits (float32 [batch, seq, labels]).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import LABELS, ENTITY_TYPES, SPM_MODEL  # noqa: E402
from model import EncoderConfig, TokenClassifier  # noqa: E402
import tokenizer as tok  # noqa: E402
from quantize import quantize  # noqa: E402


def bio_labels(types: list[str]) -> list[str]:
    return ['O'] + [f'{p}-{t}' for t in types for p in ('B', 'I')]


def hf_config(c: EncoderConfig, labels: list[str], extra: dict | None = None) -> dict:
    cfg = {
        'architectures': ['BertForTokenClassification'],
        'model_type': 'bert',
        'vocab_size': c.vocab_size,
        'hidden_size': c.hidden_size,
        'num_hidden_layers': c.num_hidden_layers,
        'num_attention_heads': c.num_attention_heads,
        'intermediate_size': c.intermediate_size,
        'hidden_act': 'gelu',
        'hidden_dropout_prob': c.hidden_dropout_prob,
        'attention_probs_dropout_prob': c.attention_probs_dropout_prob,
        'max_position_embeddings': c.max_position_embeddings,
        'type_vocab_size': c.type_vocab_size,
        'layer_norm_eps': c.layer_norm_eps,
        'pad_token_id': c.pad_token_id,
        'position_embedding_type': 'absolute',
        'id2label': {str(i): l for i, l in enumerate(labels)},
        'label2id': {l: i for i, l in enumerate(labels)},
        'num_labels': len(labels),
        'chronique': {
            'architecture': 'pre-LayerNorm BERT-style encoder (custom; the ONNX graph is authoritative, not this config)',
            'labeling': 'every subword carries a BIO label (first subword of a word: B-/I-/O of the word; following '
                        'subwords: I-X inside an entity, O outside); decode with BIO-constrained Viterbi',
            'normalization': 'NFC, then 1:1 char map (apostrophes -> \', quotes/guillemets -> ", space variants -> space)',
        },
    }
    if extra:
        cfg['chronique'].update(extra)
    return cfg


def export_onnx(model: TokenClassifier, path: str, opset: int = 14):
    model.eval()
    ids = torch.tensor([[2, 100, 200, 300, 3], [2, 400, 3, 0, 0]], dtype=torch.long)
    am = (ids != 0).long()
    tt = torch.zeros_like(ids)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(
            model, (ids, am, tt), path, opset_version=opset, do_constant_folding=True,
            input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['logits'],
            dynamic_axes={'input_ids': {0: 'batch_size', 1: 'sequence_length'},
                          'attention_mask': {0: 'batch_size', 1: 'sequence_length'},
                          'token_type_ids': {0: 'batch_size', 1: 'sequence_length'},
                          'logits': {0: 'batch_size', 1: 'sequence_length'}})


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def write_folder(model: TokenClassifier, labels: list[str], out: str, extra: dict | None = None,
                 keep_fp32_max_mb: float | None = None, per_column: bool = True, reduce_range: bool = True,
                 max_len: int | None = None) -> dict:
    """`max_len`: the sequence length the model was trained on (tokenizer_config `model_max_length`); positions
    beyond it exist in the graph but were never trained, so runtimes should window longer inputs."""
    os.makedirs(os.path.join(out, 'onnx'), exist_ok=True)
    fp32 = os.path.join(out, 'onnx', 'model.onnx')
    q8 = os.path.join(out, 'onnx', 'model_quantized.onnx')
    export_onnx(model, fp32)
    quantize(fp32, q8, per_column=per_column, reduce_range=reduce_range)
    info = {'model_quantized.onnx': {'bytes': os.path.getsize(q8), 'sha256': sha256(q8)}}
    size_mb = os.path.getsize(fp32) / 2 ** 20
    if keep_fp32_max_mb is not None and size_mb > keep_fp32_max_mb:
        print(f'fp32 model is {size_mb:.1f} MB > {keep_fp32_max_mb} MB: removing onnx/model.onnx (int8 only)')
        os.remove(fp32)
    else:
        info['model.onnx'] = {'bytes': os.path.getsize(fp32), 'sha256': sha256(fp32)}
    with open(os.path.join(out, 'config.json'), 'w', encoding='utf-8') as f:
        json.dump(hf_config(model.config, labels, extra), f, indent=2, ensure_ascii=False)
    tok.emit(out, SPM_MODEL, max_len=min(max_len or model.config.max_position_embeddings,
                                         model.config.max_position_embeddings))
    for k, v in info.items():
        print(f'{k}: {v["bytes"] / 2 ** 20:.2f} MB sha256 {v["sha256"]}')
    return info


def load_checkpoint(path: str) -> tuple[TokenClassifier, list[str], dict]:
    ck = torch.load(path, map_location='cpu')
    cfg = EncoderConfig(**ck['config'])
    m = TokenClassifier(cfg)
    m.load_state_dict(ck['model'])
    m.eval()
    return m, ck.get('labels', LABELS), ck


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True, help='output folder (HF layout)')
    ap.add_argument('--checkpoint', help='training checkpoint (.pt) written by finetune.py')
    ap.add_argument('--random', action='store_true', help='export RANDOM weights (no checkpoint needed)')
    ap.add_argument('--layers', type=int, default=4, help='--random: number of layers')
    ap.add_argument('--hidden', type=int, default=256, help='--random: hidden size')
    ap.add_argument('--heads', type=int, default=None, help='--random: attention heads (default hidden/64, min 1)')
    ap.add_argument('--intermediate', type=int, default=None, help='--random: FFN size (default 4*hidden)')
    ap.add_argument('--labels', default=','.join(ENTITY_TYPES),
                    help='--random: comma-separated entity types, BIO labels are derived (default PER,ORG,LOC,MISC,DATE)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--max-fp32-mb', type=float, default=None, help='drop onnx/model.onnx when larger than this')
    ap.add_argument('--per-tensor', action='store_true', help='int8: one scale per matrix (default per column)')
    ap.add_argument('--no-reduce-range', action='store_true', help='int8: full [-127,127] weight range')
    a = ap.parse_args()
    if a.random == bool(a.checkpoint):
        ap.error('give exactly one of --random or --checkpoint')
    if a.random:
        torch.manual_seed(a.seed)
        labels = bio_labels([t.strip() for t in a.labels.split(',') if t.strip()])
        heads = a.heads or max(1, a.hidden // 64)
        cfg = EncoderConfig(hidden_size=a.hidden, num_hidden_layers=a.layers, num_attention_heads=heads,
                            intermediate_size=a.intermediate or 4 * a.hidden, num_labels=len(labels))
        model = TokenClassifier(cfg)
        # make the random logits less flat so that decoders see varied labels
        with torch.no_grad():
            model.classifier.weight.normal_(0, 1.0)
        extra = {'random_weights': True}
    else:
        model, labels, ck = load_checkpoint(a.checkpoint)
        extra = {'checkpoint_step': ck.get('step'), 'dev_f1': ck.get('dev_f1')}
    trained_len = ck.get('args', {}).get('max_len') if not a.random else None
    write_folder(model, labels, a.out, extra, a.max_fp32_mb, per_column=not a.per_tensor,
                 reduce_range=not a.no_reduce_range, max_len=trained_len)
    print('wrote', a.out)


if __name__ == '__main__':
    main()
