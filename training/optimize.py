"""Offline graph fusion of a model folder with onnxruntime's transformer optimizer, measured against what the runtime
already does online (onnxruntime-node loads the shipped graphs with graphOptimizationLevel 'all').

    python3 -m venv /tmp/optimize-venv && /tmp/optimize-venv/bin/pip install -r training/requirements-optimize.txt
    /tmp/optimize-venv/bin/python -m training.optimize [--model models/chronique-ner-fr] [--out DIR] [--json FILE]

Writes into --out (default: a temporary folder, never the model folder) `model_fused.onnx` (Attention,
SkipLayerNormalization, BiasGelu, EmbedLayerNormalization where the optimizer recognizes them) and
`model_fused_quantized.onnx` (dynamic int8 of the fused graph: per-channel symmetric weights, reduce_range for AVX2
without VNNI, like the shipped int8 file), then times all four graphs — shipped fp32/int8, fused fp32/int8 — each
loaded at level 'all' with one intra-op thread, on batches of real-length sequences, by CPU time of the calling thread
(less disturbed than wall time when other processes share the cores), best of the repeats. A fused graph is worth
shipping only if it is faster than the shipped graph of the same dtype; the printed table says which.

Uses onnxruntime 1.30.0, the version onnxruntime-node runs (the fusions and contrib kernels are version-specific),
hence its own requirements file rather than training/requirements.txt.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / 'models' / 'chronique-ner-fr'


def fuse(model_dir: Path, out_dir: Path) -> dict[str, object]:
    """Fused fp32 and int8 graphs of `model_dir` into `out_dir`; returns the optimizer's fusion counts."""
    config = json.loads((model_dir / 'config.json').read_text())
    fused = optimize_model(str(model_dir / 'onnx' / 'model.onnx'), model_type='bert', num_heads=config['num_attention_heads'],
                           hidden_size=config['hidden_size'], opt_level=0, use_gpu=False)
    stats = {k: v for k, v in fused.get_fused_operator_statistics().items() if v}
    fused.save_model_to_file(str(out_dir / 'model_fused.onnx'))
    quantize_dynamic(str(out_dir / 'model_fused.onnx'), str(out_dir / 'model_fused_quantized.onnx'), weight_type=QuantType.QInt8,
                     per_channel=True, reduce_range=True, op_types_to_quantize=['MatMul'],
                     extra_options={'DefaultTensorType': onnx.TensorProto.FLOAT})
    return stats


def time_graph(path: Path, batch: int, length: int, repeats: int, threads: int = 1) -> dict[str, float]:
    """Best CPU time per call of the calling thread (one intra-op thread runs there) and the session's load time."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    started = time.perf_counter()
    session = ort.InferenceSession(str(path), options, providers=['CPUExecutionProvider'])
    load_ms = (time.perf_counter() - started) * 1000
    rng = np.random.default_rng(0)
    feeds = {'input_ids': rng.integers(5, 16000, (batch, length)).astype(np.int64),
             'attention_mask': np.ones((batch, length), np.int64), 'token_type_ids': np.zeros((batch, length), np.int64)}
    names = {i.name for i in session.get_inputs()}
    feeds = {k: v for k, v in feeds.items() if k in names}
    for _ in range(3):
        session.run(None, feeds)
    best = float('inf')
    for _ in range(repeats):
        cpu = time.thread_time()
        session.run(None, feeds)
        best = min(best, time.thread_time() - cpu)
    return {'loadMs': load_ms, 'callMs': best * 1000, 'tokensPerCpuSecond': batch * length / best}


def optimize(model_dir: Path = DEFAULT_MODEL, out_dir: Path | None = None, batch: int = 32, length: int = 32,
             repeats: int = 30) -> dict[str, object]:
    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix='chronique-optimize-'))
    out.mkdir(parents=True, exist_ok=True)
    stats = fuse(model_dir, out)
    graphs = {
        'shipped fp32': model_dir / 'onnx' / 'model.onnx',
        'shipped int8': model_dir / 'onnx' / 'model_quantized.onnx',
        'fused fp32': out / 'model_fused.onnx',
        'fused int8': out / 'model_fused_quantized.onnx',
    }
    rows = {name: time_graph(path, batch, length, repeats) for name, path in graphs.items()}
    ops = {name: dict(collections.Counter(n.op_type for n in onnx.load(str(path)).graph.node).most_common(8)) for name, path in graphs.items()}
    verdict = {dtype: rows[f'fused {dtype}']['tokensPerCpuSecond'] > rows[f'shipped {dtype}']['tokensPerCpuSecond'] for dtype in ('fp32', 'int8')}
    return {'onnxruntime': ort.__version__, 'model': str(model_dir), 'out': str(out), 'batch': batch, 'length': length,
            'fusions': stats, 'rows': rows, 'ops': ops, 'fusedIsFaster': verdict, 'cpuCount': os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--model', type=Path, default=DEFAULT_MODEL)
    parser.add_argument('--out', type=Path, default=None)
    parser.add_argument('--batch', type=int, default=32)
    parser.add_argument('--length', type=int, default=32, help='tokens per sequence (the bench sentences average 32)')
    parser.add_argument('--repeats', type=int, default=30)
    parser.add_argument('--json', type=Path, default=None, help='also write the results here')
    args = parser.parse_args()
    result = optimize(args.model, args.out, args.batch, args.length, args.repeats)
    print(f"onnxruntime {result['onnxruntime']}; fusions found: {result['fusions']}")
    print(f"{'graph':14s} {'load ms':>8s} {'ms/call (CPU)':>14s} {'tokens/CPU s':>13s}   (batch {args.batch} x {args.length} tokens, 1 thread, level all)")
    for name, row in result['rows'].items():
        print(f"{name:14s} {row['loadMs']:8.0f} {row['callMs']:14.2f} {row['tokensPerCpuSecond']:13.0f}")
    for dtype, faster in result['fusedIsFaster'].items():
        print(f"{dtype}: the fused graph is {'FASTER: worth shipping' if faster else 'not faster: keep the shipped graph'}")
    print(f"graphs in {result['out']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + '\n')


if __name__ == '__main__':
    main()
