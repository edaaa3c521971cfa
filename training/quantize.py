#!/usr/bin/env python3
"""Dynamic int8 quantisation of an fp32 ONNX model with plain onnx + numpy (what onnxruntime's quantize_dynamic does
for MatMul): every MatMul whose B input is a constant 2-D initializer becomes

    A -> DynamicQuantizeLinear -> (A_u8, A_scale, A_zp)
    MatMulInteger(A_u8, W_s8, A_zp, W_zp=0) -> int32 -> Cast(float) -> Mul(A_scale * W_scale)

with symmetric int8 weights, per output column by default (`--per-tensor` for one scale per matrix). `--reduce-range`
(default on) keeps weights in [-64, 63] so u8*s8 pair sums cannot saturate the int16 accumulators of AVX2 kernels
without VNNI. Embedding tables (Gather) stay fp32.

  /usr/bin/python3 training/quantize.py IN.onnx OUT.onnx [--per-tensor] [--no-reduce-range]
"""
from __future__ import annotations

import argparse

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto


def quantize(in_path: str, out_path: str, per_column: bool = True, reduce_range: bool = True, min_elems: int = 256):
    model = onnx.load(in_path)
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    consumers: dict[str, int] = {}
    for n in g.node:
        for i in n.input:
            consumers[i] = consumers.get(i, 0) + 1
    new_nodes = []
    removed_inits = set()
    new_inits = []
    qmax = 63.0 if reduce_range else 127.0
    count = 0
    for n in g.node:
        if n.op_type == 'MatMul' and n.input[1] in inits:
            w = numpy_helper.to_array(inits[n.input[1]]).astype(np.float32)
            if w.ndim == 2 and w.size >= min_elems:
                count += 1
                base = n.name or f'matmul_{count}'
                if per_column:
                    amax = np.abs(w).max(axis=0)
                else:
                    amax = np.array(np.abs(w).max(), dtype=np.float32)
                scale = np.where(amax > 0, amax / qmax, 1.0).astype(np.float32)
                wq = np.clip(np.round(w / scale), -qmax, qmax).astype(np.int8)
                zp = np.zeros(scale.shape, dtype=np.int8)
                wname = n.input[1] + '_quantized'
                new_inits += [numpy_helper.from_array(wq, wname),
                              numpy_helper.from_array(scale, wname + '_scale'),
                              numpy_helper.from_array(zp, wname + '_zero_point')]
                if consumers.get(n.input[1], 0) <= 1:
                    removed_inits.add(n.input[1])
                a = n.input[0]
                aq, asc, azp = f'{base}_A_quant', f'{base}_A_scale', f'{base}_A_zp'
                new_nodes.append(helper.make_node('DynamicQuantizeLinear', [a], [aq, asc, azp], name=f'{base}_dql'))
                mmi = f'{base}_mmi_out'
                new_nodes.append(helper.make_node('MatMulInteger', [aq, wname, azp, wname + '_zero_point'], [mmi],
                                                  name=f'{base}_mmi'))
                castout = f'{base}_cast_out'
                new_nodes.append(helper.make_node('Cast', [mmi], [castout], to=TensorProto.FLOAT, name=f'{base}_cast'))
                sc = f'{base}_scale_prod'
                new_nodes.append(helper.make_node('Mul', [asc, wname + '_scale'], [sc], name=f'{base}_scale_mul'))
                new_nodes.append(helper.make_node('Mul', [castout, sc], [n.output[0]], name=f'{base}_out_mul'))
                continue
        new_nodes.append(n)
    del g.node[:]
    g.node.extend(new_nodes)
    keep = [i for i in g.initializer if i.name not in removed_inits]
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    # value_info of replaced tensors stays valid (same float outputs); drop stale shape info just in case
    del g.value_info[:]
    onnx.checker.check_model(model)
    onnx.save(model, out_path)
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('inp')
    ap.add_argument('out')
    ap.add_argument('--per-tensor', action='store_true', help='one scale per weight matrix instead of per column')
    ap.add_argument('--no-reduce-range', action='store_true', help='use the full int8 range [-127, 127] for weights')
    a = ap.parse_args()
    n = quantize(a.inp, a.out, per_column=not a.per_tensor, reduce_range=not a.no_reduce_range)
    print(f'quantized {n} MatMul nodes -> {a.out}')


if __name__ == '__main__':
    main()
