/**
 * Loading a token-classification model folder (Hugging Face layout, ONNX weights) with transformers.js, offline.
 * transformers.js is imported when a model is loaded, not when this module is (importing it costs ~250 ms of CPU):
 * a run whose articles all come from the cache, or a rules-only run, never pays for it. Every file is checked before
 * transformers.js sees it, so a broken folder stops the run with a message naming the faulty path rather than a
 * stack trace from deep inside the library.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import type { NerConfig } from '../config.js';
import { ONNX_FILES, resolveDtype, type ModelDtype } from '../util/model-files.js';
import { SYNTAX_OUTPUTS } from './contract.js';
import { readSyntaxSpec, type SyntaxSpec } from './syntax.js';
import type { PieceTokenizer } from './subwords.js';
import { maxOf, minOf } from '../util/arrays.js';

let transformers: Promise<typeof import('@huggingface/transformers')> | null = null;

/**
 * transformers.js, imported when the first model loads and configured once then: models are read from local folders
 * only (chronique runs offline; a model id is never resolved against the Hub).
 */
function loadTransformers(): Promise<typeof import('@huggingface/transformers')> {
  return (transformers ??= import('@huggingface/transformers').then((library) => {
    library.env.allowRemoteModels = false;
    library.env.allowLocalModels = true;
    return library;
  }));
}

/** A model folder that cannot be used; `path` is the file or folder at fault. */
export class NerModelError extends Error {
  override readonly name = 'NerModelError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export { ONNX_FILES, resolveDtype, type ModelDtype } from '../util/model-files.js';

// RoBERTa-family models offset positions by the padding index: 2 of max_position_embeddings are unusable.
const POSITION_OFFSET_MODELS: ReadonlySet<string> = new Set(['roberta', 'camembert', 'xlm-roberta', 'flaubert']);

interface ModelConfigJson {
  model_type?: string;
  id2label?: Record<string, string>;
  max_position_embeddings?: number;
  /** A multi-head model's declaration of its extra outputs (src/ner/syntax.ts). */
  chronique?: unknown;
}

interface TokenizerJson {
  model?: { type?: string; continuing_subword_prefix?: string | null };
}

interface TokenizerConfigJson {
  model_max_length?: number;
}

function readJson<T>(file: string, what: string): T {
  if (!existsSync(file)) throw new NerModelError(`NER model ${what} not found: ${file}`, file);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new NerModelError(`NER model ${what} cannot be read: ${file} (${(error as Error).message})`, file);
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as T;
  } catch (error) {
    throw new NerModelError(`NER model ${what} is not valid JSON: ${file} (${(error as Error).message})`, file);
  }
}

/** What a checked model folder declares, read before any heavy loading. */
export interface ModelFolder {
  dir: string;
  /** The weights variant chosen (`auto` resolved). */
  dtype: ModelDtype;
  onnxFile: string;
  /** Model labels by output index. */
  labels: string[];
  modelType: string;
  /** Most tokens per sequence, special tokens included. */
  maxLength: number;
  tokenizerJson: TokenizerJson;
  /** The syntax outputs' value lists of a multi-head model, or null for a NER-only model. */
  syntax: SyntaxSpec | null;
}

/** Checks the folder's files and reads its declarations; throws `NerModelError` naming the faulty path. */
export function inspectModelFolder(dir: string, dtype: NerConfig['dtype']): ModelFolder {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) throw new NerModelError(`NER model folder not found: ${absolute} (give another with --model DIR; library: ner.modelDir)`, absolute);
  if (!statSync(absolute).isDirectory()) throw new NerModelError(`NER model path is not a folder: ${absolute}`, absolute);
  const config = readJson<ModelConfigJson>(path.join(absolute, 'config.json'), 'config');
  const tokenizerJson = readJson<TokenizerJson>(path.join(absolute, 'tokenizer.json'), 'tokenizer');
  const tokenizerConfig = readJson<TokenizerConfigJson>(path.join(absolute, 'tokenizer_config.json'), 'tokenizer config');
  const configFile = path.join(absolute, 'config.json');
  const id2label = config.id2label;
  if (!id2label || Object.keys(id2label).length === 0) throw new NerModelError(`NER model config has no id2label: ${configFile}`, configFile);
  const labels: string[] = [];
  for (const [key, label] of Object.entries(id2label)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || typeof label !== 'string') {
      throw new NerModelError(`NER model config has a bad id2label entry ${JSON.stringify(key)}: ${configFile}`, configFile);
    }
    labels[index] = label;
  }
  if (labels.some((label) => label === undefined) || labels.length !== Object.keys(id2label).length) {
    throw new NerModelError(`NER model config id2label is not numbered 0…n-1: ${configFile}`, configFile);
  }
  const resolved = resolveDtype(absolute, dtype);
  const onnxFile = path.join(absolute, ONNX_FILES[resolved]);
  if (!existsSync(onnxFile)) throw new NerModelError(`NER model weights for dtype '${resolved}' not found: ${onnxFile}`, onnxFile);
  const modelType = config.model_type ?? 'bert';
  const limits: number[] = [];
  // transformers.js reports a huge sentinel when tokenizer_config has no model_max_length.
  if (typeof tokenizerConfig.model_max_length === 'number' && tokenizerConfig.model_max_length < 1e6) limits.push(tokenizerConfig.model_max_length);
  if (typeof config.max_position_embeddings === 'number') {
    limits.push(config.max_position_embeddings - (POSITION_OFFSET_MODELS.has(modelType) ? 2 : 0));
  }
  const maxLength = limits.length > 0 ? minOf(limits) : 512;
  let syntax: SyntaxSpec | null;
  try {
    syntax = readSyntaxSpec(config);
  } catch (error) {
    throw new NerModelError(`NER model config declares bad syntax outputs: ${configFile} (${(error as Error).message})`, configFile);
  }
  return { dir: absolute, dtype: resolved, onnxFile, labels, modelType, maxLength, tokenizerJson, syntax };
}

export interface ForwardOutput {
  logits: Float32Array;
  sequenceLength: number;
  labelCount: number;
  syntax: Record<string, Float32Array> | null;
}

/** A loaded model: tokenizer view, special tokens and a batched forward pass. */
export interface LoadedModel {
  folder: ModelFolder;
  tokenizer: PieceTokenizer;
  /** Special token ids placed before and after the content tokens of every sequence. */
  prefixIds: number[];
  suffixIds: number[];
  padId: number;
  /**
   * Logits `[batch][position][label]` flattened per sequence, for padded sequences of equal length; with a multi-head
   * model also its syntax outputs by name (`SYNTAX_OUTPUTS`), each flattened `[batch][position]…`.
   */
  forward(batch: number[][]): Promise<ForwardOutput>;
  dispose(): Promise<void>;
}

export async function loadModel(ner: Pick<NerConfig, 'modelDir' | 'dtype' | 'threads'>): Promise<LoadedModel> {
  const folder = inspectModelFolder(ner.modelDir, ner.dtype);
  const { AutoModelForTokenClassification, AutoTokenizer, Tensor } = await loadTransformers();
  let tokenizer: PreTrainedTokenizer;
  let model: PreTrainedModel;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(folder.dir, { local_files_only: true });
  } catch (error) {
    throw new NerModelError(`NER tokenizer cannot be loaded from ${folder.dir}: ${(error as Error).message}`, folder.dir);
  }
  try {
    model = await AutoModelForTokenClassification.from_pretrained(folder.dir, {
      local_files_only: true,
      dtype: folder.dtype,
      device: 'cpu',
      session_options: {
        intraOpNumThreads: Math.max(1, ner.threads),
        interOpNumThreads: 1,
        // Offline-fused graphs (python -m training.optimize) measured slower than onnxruntime's own full
        // optimization (LayerNorm, Gelu, MatMul+Add and DynamicQuantizeMatMul fusions) on this model; see README.
        graphOptimizationLevel: 'all',
        executionMode: 'sequential',
      },
    });
  } catch (error) {
    throw new NerModelError(`NER model cannot be loaded from ${folder.onnxFile}: ${(error as Error).message}`, folder.onnxFile);
  }
  const { prefixIds, suffixIds } = specialTokenFrame(tokenizer);
  const padId = tokenizer.pad_token_id ?? 0;
  const modelKind = folder.tokenizerJson.model?.type;
  const unkId = tokenizer.unk_token_id ?? 0;
  const pieceTokenizer: PieceTokenizer = {
    tokenize: (text) => tokenizer.tokenize(text),
    pieceId: (piece) => tokenizer._tokenizer.token_to_id(piece) ?? unkId,
    normalize: (cluster) => tokenizer._tokenizer.normalizer?.normalize(cluster) ?? cluster,
    unkToken: tokenizer.unk_token ?? null,
    unkId,
    wordPrefix: modelKind === 'WordPiece' ? null : '\u2581',
    continuationPrefix: modelKind === 'WordPiece' ? (folder.tokenizerJson.model?.continuing_subword_prefix ?? '##') : null,
  };
  return {
    folder,
    tokenizer: pieceTokenizer,
    prefixIds,
    suffixIds,
    padId,
    async forward(batch) {
      const sequenceLength = maxOf(batch.map((ids) => ids.length));
      const inputIds = new BigInt64Array(batch.length * sequenceLength).fill(BigInt(padId));
      const attention = new BigInt64Array(batch.length * sequenceLength);
      batch.forEach((ids, row) => {
        ids.forEach((id, column) => {
          inputIds[row * sequenceLength + column] = BigInt(id);
          attention[row * sequenceLength + column] = 1n;
        });
      });
      const dims = [batch.length, sequenceLength];
      const inputs = { input_ids: new Tensor('int64', inputIds, dims), attention_mask: new Tensor('int64', attention, dims) };
      // `forward` returns every output of the graph; the model's call keeps `logits` only.
      const output = (folder.syntax ? await model.forward(inputs) : await model(inputs)) as Record<string, Tensor> & { logits: Tensor };
      const [, length, labelCount] = output.logits.dims as [number, number, number];
      if (length !== sequenceLength || labelCount !== folder.labels.length) {
        throw new NerModelError(`NER model output shape [${output.logits.dims.join(', ')}] does not match ${folder.labels.length} labels`, folder.onnxFile);
      }
      let syntax: Record<string, Float32Array> | null = null;
      if (folder.syntax) {
        syntax = {};
        for (const name of SYNTAX_OUTPUTS) {
          const tensor = output[name];
          if (!tensor) throw new NerModelError(`NER model graph has no output "${name}" though config.json declares it`, folder.onnxFile);
          syntax[name] = tensor.data as Float32Array;
        }
      }
      return { logits: output.logits.data as Float32Array, sequenceLength, labelCount, syntax };
    },
    async dispose() {
      await model.dispose();
    },
  };
}

/** The special tokens the tokenizer wraps a single sequence in (`[CLS] … [SEP]`, `<s> … </s>`). */
function specialTokenFrame(tokenizer: PreTrainedTokenizer): { prefixIds: number[]; suffixIds: number[] } {
  const probe = 'a';
  const bare = tokenizer.encode(probe, { add_special_tokens: false });
  const framed = tokenizer.encode(probe, { add_special_tokens: true });
  for (let k = 0; k + bare.length <= framed.length; k++) {
    if (bare.every((id, i) => framed[k + i] === id)) {
      return { prefixIds: framed.slice(0, k), suffixIds: framed.slice(k + bare.length) };
    }
  }
  return { prefixIds: [], suffixIds: [] };
}
