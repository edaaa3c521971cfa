"""Export a token-classification model to the Hugging Face / transformers.js folder layout:

  DIR/config.json (BertConfig, id2label), DIR/tokenizer.json (native `tokenizers` file), DIR/tokenizer_config.json,
  DIR/special_tokens_map.json, DIR/onnx/model.onnx (fp32, torch.onnx, opset 14),
  DIR/onnx/model_quantized.onnx (onnxruntime.quantization dynamic int8; transformers.js dtype 'q8')

Trained weights:
  python -m training.export --checkpoint training/runs/main/best.pt --out models/chronique-ner-fr

RANDOM weights (any size, same tokenizer; for tests and benchmarks):
  python -m training.export --random --layers 1 --hidden 64 --out /tmp/ner-tiny
  python -m training.export --random --layers 12 --hidden 768 --heads 12 --out /tmp/ner-base

ONNX inputs: input_ids, attention_mask, token_type_ids (int64 [batch, seq]); output: logits (float32 [batch, seq, labels]).
int8: per-channel (per output column) symmetric int8 weights with reduce_range (7-bit, so the u8*s8 pair sums of AVX2
kernels without VNNI cannot saturate int16), uint8 activations quantised at run time; embeddings stay fp32.
"""
from __future__ import annotations

import argparse
import hashlib
import os

import torch

from . import model as mdl
from . import tokenizer as tok
from .contract import ENTITY_TYPES, bio_labels
from .paths import TOKENIZER

INPUTS = ['input_ids', 'attention_mask', 'token_type_ids']
OUTPUTS = ['logits']


class _Logits(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return mdl.logits(self.model, input_ids, attention_mask, token_type_ids)


def export_onnx(model, path: str, opset: int = 14) -> None:
    """fp32 ONNX graph with dynamic batch and sequence axes (the model must use eager attention)."""
    model.eval()
    v = model.config.vocab_size
    ids = torch.tensor([[2, 5 % v, 7 % v, 11 % v, 3], [2, 13 % v, 3, 0, 0]], dtype=torch.long)
    am = (ids != 0).long()
    tt = torch.zeros_like(ids)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    axes = {'batch_size': 0, 'sequence_length': 1}
    with torch.no_grad():
        torch.onnx.export(
            _Logits(model), (ids, am, tt), path, opset_version=opset, do_constant_folding=True, dynamo=False,
            input_names=INPUTS, output_names=OUTPUTS,
            dynamic_axes={n: {v: k for k, v in axes.items()} for n in INPUTS + OUTPUTS})


def quantize(fp32: str, q8: str, per_channel: bool = True, reduce_range: bool = True) -> None:
    """Dynamic int8 by onnxruntime.quantization: constant-weight MatMuls only (embedding Gathers stay fp32)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    quantize_dynamic(fp32, q8, per_channel=per_channel, reduce_range=reduce_range, weight_type=QuantType.QInt8,
                     op_types_to_quantize=['MatMul'], extra_options={'MatMulConstBOnly': True})


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def write_folder(model, out: str, tokenizer_path: str = TOKENIZER, extra: dict | None = None,
                 keep_fp32_max_mb: float | None = None, per_channel: bool = True, reduce_range: bool = True,
                 max_len: int | None = None) -> dict:
    """The whole model folder; returns {file: {bytes, sha256}} of the ONNX files. `max_len`: the sequence length the
    model was trained on (tokenizer_config `model_max_length`); positions beyond it exist but were never trained."""
    cfg = model.config
    eager = mdl.build(type(cfg).from_dict(cfg.to_dict()), attn='eager')
    eager.load_state_dict(model.state_dict())
    fp32 = os.path.join(out, 'onnx', 'model.onnx')
    q8 = os.path.join(out, 'onnx', 'model_quantized.onnx')
    export_onnx(eager, fp32)
    quantize(fp32, q8, per_channel=per_channel, reduce_range=reduce_range)
    info = {'model_quantized.onnx': {'bytes': os.path.getsize(q8), 'sha256': sha256(q8)}}
    size_mb = os.path.getsize(fp32) / 2 ** 20
    if keep_fp32_max_mb is not None and size_mb > keep_fp32_max_mb:
        print(f'fp32 model is {size_mb:.1f} MB > {keep_fp32_max_mb} MB: removing onnx/model.onnx (int8 only)')
        os.remove(fp32)
    else:
        info['model.onnx'] = {'bytes': os.path.getsize(fp32), 'sha256': sha256(fp32)}
    saved = type(cfg).from_dict(cfg.to_dict())
    saved.architectures = ['BertForTokenClassification']
    if extra:
        saved.chronique = extra
    saved.save_pretrained(out)
    tok.save_folder(tok.load(tokenizer_path), out, max_len=min(max_len or cfg.max_position_embeddings,
                                                               cfg.max_position_embeddings))
    for k, v in info.items():
        print(f'{k}: {v["bytes"] / 2 ** 20:.2f} MB sha256 {v["sha256"]}')
    return info


def random_model(vocab_size: int, layers: int, hidden: int, heads: int | None = None, intermediate: int | None = None,
                 types: list[str] = ENTITY_TYPES, seed: int = 0):
    """Random weights of any size (tests, benchmarks); classifier weights widened so that decoders see varied labels."""
    torch.manual_seed(seed)
    cfg = mdl.bert_config(vocab_size, hidden=hidden, layers=layers, heads=heads or max(1, hidden // 64),
                          intermediate=intermediate or 4 * hidden, labels=bio_labels(types))
    m = mdl.build(cfg)
    with torch.no_grad():
        m.classifier.weight.normal_(0, 1.0)
    return m.eval()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.export', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True, help='output folder (HF layout)')
    ap.add_argument('--checkpoint', help='training checkpoint (.pt) written by training.finetune')
    ap.add_argument('--tokenizer', default=TOKENIZER, help='tokenizer.json the model was trained with')
    ap.add_argument('--random', action='store_true', help='export RANDOM weights (no checkpoint needed)')
    ap.add_argument('--layers', type=int, default=4, help='--random: number of layers')
    ap.add_argument('--hidden', type=int, default=256, help='--random: hidden size')
    ap.add_argument('--heads', type=int, default=None, help='--random: attention heads (default hidden/64, min 1)')
    ap.add_argument('--intermediate', type=int, default=None, help='--random: FFN size (default 4*hidden)')
    ap.add_argument('--labels', default=','.join(ENTITY_TYPES),
                    help='--random: comma-separated entity types, BIO labels are derived (default: the contract\'s)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--max-fp32-mb', type=float, default=None, help='drop onnx/model.onnx when larger than this')
    ap.add_argument('--per-tensor', action='store_true', help='int8: one scale per matrix (default per channel)')
    ap.add_argument('--no-reduce-range', action='store_true', help='int8: full 8-bit weight range')
    a = ap.parse_args(argv)
    if a.random == bool(a.checkpoint):
        ap.error('give exactly one of --random or --checkpoint')
    if a.random:
        model = random_model(tok.load(a.tokenizer).get_vocab_size(), a.layers, a.hidden, a.heads, a.intermediate,
                             [t.strip() for t in a.labels.split(',') if t.strip()], a.seed)
        extra, trained_len = {'random_weights': True}, None
    else:
        model, _, ck = mdl.load_checkpoint(a.checkpoint)
        extra = {'checkpoint_step': ck.get('step'), 'dev_f1': ck.get('dev_f1')}
        trained_len = ck.get('args', {}).get('max_len')
    write_folder(model, a.out, a.tokenizer, extra, a.max_fp32_mb, per_channel=not a.per_tensor,
                 reduce_range=not a.no_reduce_range, max_len=trained_len)
    print('wrote', a.out)


if __name__ == '__main__':
    main()
