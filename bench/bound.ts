/**
 * The physical bound of the NER stage on this machine: how fast onnxruntime multiplies matrices here (fp32 MatMul
 * and the u8×s8 MatMulInteger behind the int8 model, 1 and 2 intra-op threads), and how many multiply-adds the
 * model needs per token. The bound is the token rate at which the model's matrix products alone would run at that
 * measured rate; the NER stage's real-token rate divided by it is the fraction of the bound reached (everything
 * else — tokenization, padding, attention softmax, layer norms, decoding — counts against it).
 *
 * The probe graphs are written here (a few hundred bytes of ONNX protobuf) so that the bench needs no Python.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------------------------
// A minimal ONNX protobuf writer: one node, graph inputs of given element types and symbolic/fixed dims.

const ELEM = { float: 1, uint8: 2, int8: 3, int32: 6 } as const;
type Elem = keyof typeof ELEM;

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 127) {
    out.push((v & 127) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
const tag = (field: number, wire: number): number[] => varint((field << 3) | wire);
const bytesField = (field: number, payload: number[]): number[] => [...tag(field, 2), ...varint(payload.length), ...payload];
const stringField = (field: number, text: string): number[] => bytesField(field, [...Buffer.from(text, 'utf8')]);
const intField = (field: number, value: number): number[] => [...tag(field, 0), ...varint(value)];

function valueInfo(name: string, elem: Elem, dims: Array<number | string>): number[] {
  const shape = dims.flatMap((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d)));
  const tensorType = [...intField(1, ELEM[elem]), ...bytesField(2, shape)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

/** `C = op(A, B)` with A `[M, K]` (M symbolic) and B `[K, N]` as inputs: the weights are fed, not stored. */
function matmulModel(op: 'MatMul' | 'MatMulInteger', k: number, n: number): Uint8Array {
  const [a, b, c]: Elem[] = op === 'MatMul' ? ['float', 'float', 'float'] : ['uint8', 'int8', 'int32'];
  const node = [...stringField(1, 'A'), ...stringField(1, 'B'), ...stringField(2, 'C'), ...stringField(3, 'mm'), ...stringField(4, op)];
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'gemm_probe'),
    ...bytesField(11, valueInfo('A', a!, ['M', k])),
    ...bytesField(11, valueInfo('B', b!, [k, n])),
    ...bytesField(12, valueInfo('C', c!, ['M', n])),
  ];
  const opset = [...stringField(1, ''), ...intField(2, 13)];
  return Uint8Array.from([...intField(1, 8), ...bytesField(7, graph), ...bytesField(8, opset)]);
}

// ---------------------------------------------------------------------------------------------------------------
// The model's matrix products per token

export interface ModelShape {
  layers: number;
  hidden: number;
  intermediate: number;
  labels: number;
}

export function modelShape(modelDir: string): ModelShape {
  const config = JSON.parse(readFileSync(path.join(modelDir, 'config.json'), 'utf8')) as Record<string, unknown>;
  const num = (key: string): number => {
    const value = config[key];
    if (typeof value !== 'number') throw new Error(`${path.join(modelDir, 'config.json')}: no numeric ${key}`);
    return value;
  };
  const labels = config.id2label && typeof config.id2label === 'object' ? Object.keys(config.id2label).length : 0;
  return { layers: num('num_hidden_layers'), hidden: num('hidden_size'), intermediate: num('intermediate_size'), labels };
}

/** The weight matrices every token goes through (K × N), as in the graph: fused QKV, attention output, FFN in/out, classifier. */
export function weightProducts(shape: ModelShape): Array<{ k: number; n: number; count: number }> {
  const { layers, hidden: h, intermediate: i, labels } = shape;
  return [
    { k: h, n: 3 * h, count: layers },
    { k: h, n: h, count: layers },
    { k: h, n: i, count: layers },
    { k: i, n: h, count: layers },
    { k: h, n: labels, count: 1 },
  ];
}

/**
 * Floating-point operations per token (2 per multiply-add): the weight products plus attention's two products over a
 * sequence of `sequenceLength` (QKᵀ and AV: 2 × L × hidden multiply-adds per token per layer).
 */
export function flopsPerToken(shape: ModelShape, sequenceLength: number): { weights: number; attention: number; total: number } {
  const weights = weightProducts(shape).reduce((sum, p) => sum + 2 * p.k * p.n * p.count, 0);
  const attention = 2 * 2 * sequenceLength * shape.hidden * shape.layers;
  return { weights, attention, total: weights + attention };
}

// ---------------------------------------------------------------------------------------------------------------
// GEMM rate

export interface GemmRate {
  dtype: 'fp32' | 'int8';
  threads: number;
  /** Rows per call (tokens of a batch). */
  m: number;
  /** Per weight shape: best of the repeats, in GFLOP/s (2 per multiply-add, int8 included). */
  shapes: Array<{ k: number; n: number; gflops: number }>;
  /** The rate of the model's product mix: total flops ÷ total time at the rates above. */
  mixGflops: number;
}

/**
 * Times `M × K × N` products for each weight shape of the model, best of `repeats` after a warm-up: the least
 * disturbed figure when other processes share the cores.
 */
export async function measureGemm(shape: ModelShape, dtype: 'fp32' | 'int8', threads: number, m = 1024, repeats = 20): Promise<GemmRate> {
  const ort = await import('onnxruntime-node');
  const shapes: GemmRate['shapes'] = [];
  let flops = 0;
  let seconds = 0;
  for (const product of weightProducts(shape)) {
    const { k, n } = product;
    const session = await ort.InferenceSession.create(matmulModel(dtype === 'fp32' ? 'MatMul' : 'MatMulInteger', k, n), {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    const feeds =
      dtype === 'fp32'
        ? { A: new ort.Tensor('float32', Float32Array.from({ length: m * k }, (_, x) => ((x * 7919) % 1000) / 1000 - 0.5), [m, k]), B: new ort.Tensor('float32', Float32Array.from({ length: k * n }, (_, x) => ((x * 104729) % 1000) / 1000 - 0.5), [k, n]) }
        : { A: new ort.Tensor('uint8', Uint8Array.from({ length: m * k }, (_, x) => (x * 7919) % 256), [m, k]), B: new ort.Tensor('int8', Int8Array.from({ length: k * n }, (_, x) => ((x * 104729) % 127) - 63), [k, n]) };
    await session.run(feeds);
    let best = Infinity;
    for (let r = 0; r < repeats; r++) {
      const started = performance.now();
      await session.run(feeds);
      best = Math.min(best, (performance.now() - started) / 1000);
    }
    await session.release();
    const callFlops = 2 * m * k * n;
    shapes.push({ k, n, gflops: callFlops / best / 1e9 });
    flops += callFlops * product.count;
    seconds += best * product.count;
  }
  return { dtype, threads, m, shapes, mixGflops: flops / seconds / 1e9 };
}
