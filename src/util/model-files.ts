/**
 * Which weights file of a model folder a `ner.dtype` stands for. Ground level: the configuration hash and the
 * provenance name the weights without loading them (src/ner/model.ts loads them).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NerConfig } from '../config.js';
import { int8IsFaster } from './cpu.js';

/** A weights variant of the model folder; `ner.dtype` is one of these or `auto`. */
export type ModelDtype = Exclude<NerConfig['dtype'], 'auto'>;

/** ONNX file loaded for each dtype (transformers.js naming). */
export const ONNX_FILES: Readonly<Record<ModelDtype, string>> = {
  q8: 'onnx/model_quantized.onnx',
  fp32: 'onnx/model.onnx',
};

/**
 * The weights `dtype` stands for in `dir`: `auto` is int8 where this CPU runs int8 faster (see `int8IsFaster`),
 * fp32 elsewhere, and the other variant when the folder has only that one. Deterministic for a given machine
 * and folder (a table, not a timing), so that a machine always writes the same bytes.
 */
export function resolveDtype(dir: string, dtype: NerConfig['dtype']): ModelDtype {
  if (dtype !== 'auto') return dtype;
  const preferred: ModelDtype = int8IsFaster() ? 'q8' : 'fp32';
  const other: ModelDtype = preferred === 'q8' ? 'fp32' : 'q8';
  return existsSync(path.join(dir, ONNX_FILES[preferred])) || !existsSync(path.join(dir, ONNX_FILES[other])) ? preferred : other;
}
