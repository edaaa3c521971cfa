/**
 * Which weights file of a model folder a `ner.dtype` stands for. Ground level: the configuration hash and the
 * provenance name the weights without loading them (src/ner/model.ts loads them).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NerConfig } from '../config.js';
import { int8IsFaster } from './cpu.js';
import { sha256File } from './hash.js';

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

/** Besides the weights, the files of a model folder that determine its output (labels, vocabulary, lengths). */
const MODEL_DATA_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/**
 * A model folder's identity, computed in this one place for the two uses that need it: the ner stage's cache
 * fingerprint (every file that determines the output) and the events' provenance (folder name, sha256 of the
 * weights). Hashes are remembered per file (src/util/hash.ts): a run reads the weights once.
 */
export interface ModelIdentity {
  /** The folder's name, as provenance names the model. */
  name: string;
  /** The weights file `dtype` stands for. */
  weightsFile: string;
  /** sha256 of the weights, or null when the file is absent. */
  weightsSha256: string | null;
  /** sha256 over the name and sha256 of each file present, weights first. */
  fingerprint: string;
}

export function modelIdentity(ner: Pick<NerConfig, 'modelDir' | 'dtype'>): ModelIdentity {
  const dir = path.resolve(ner.modelDir);
  const weightsFile = path.join(dir, ONNX_FILES[resolveDtype(dir, ner.dtype)]);
  const files = [weightsFile, ...MODEL_DATA_FILES.map((name) => path.join(dir, name))].filter((file) => existsSync(file));
  const hash = createHash('sha256');
  let weightsSha256: string | null = null;
  for (const file of files) {
    const sha = sha256File(file);
    if (file === weightsFile) weightsSha256 = sha;
    hash.update(path.basename(file)).update('\0').update(sha).update('\0');
  }
  return { name: path.basename(ner.modelDir), weightsFile, weightsSha256, fingerprint: hash.digest('hex') };
}
