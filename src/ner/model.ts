/**
 * Loading a token-classification model folder (Hugging Face layout, ONNX weights), offline: the tokenizer with
 * @huggingface/tokenizers (the implementation transformers.js wraps) and the weights with onnxruntime-node. Both are
 * imported when a model is loaded, not when this module is: a run without the model never pays for them, and
 * importing them costs ~35 ms of CPU where all of transformers.js costs ~250 ms. Every file is checked before
 * either library sees it, so a broken folder stops the run with a message naming the faulty path rather than a
 * stack trace from deep inside a library.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import type { NerConfig } from '../config.js';
import { ONNX_FILES, resolveDtype, type ModelDtype } from '../util/model-files.js';
import type { PieceTokenizer } from './subwords.js';

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
}

interface TokenizerJson {
  model?: { type?: string; continuing_subword_prefix?: string | null };
}

interface TokenizerConfigJson {
  model_max_length?: number;
  pad_token?: unknown;
  unk_token?: unknown;
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
  tokenizerConfig: TokenizerConfigJson;
}

/** Checks the folder's files and reads its declarations; throws `NerModelError` naming the faulty path. */
export function inspectModelFolder(dir: string, dtype: NerConfig['dtype']): ModelFolder {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) throw new NerModelError(`NER model folder not found: ${absolute} (set ner.modelDir)`, absolute);
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
  const maxLength = limits.length > 0 ? Math.min(...limits) : 512;
  return { dir: absolute, dtype: resolved, onnxFile, labels, modelType, maxLength, tokenizerJson, tokenizerConfig };
}

/** Files whose bytes determine a folder's output (for cache fingerprints): the weights loaded, labels, vocabulary. */
export function modelFiles(folder: Pick<ModelFolder, 'dir' | 'onnxFile'>): string[] {
  return [folder.onnxFile, ...['config.json', 'tokenizer.json', 'tokenizer_config.json'].map((name) => path.join(folder.dir, name))];
}

/** A loaded model: tokenizer view, special tokens and a batched forward pass. */
export interface LoadedModel {
  folder: ModelFolder;
  tokenizer: PieceTokenizer;
  /** Special token ids placed before and after the content tokens of every sequence. */
  prefixIds: number[];
  suffixIds: number[];
  padId: number;
  /** Logits `[batch][position][label]` flattened per sequence, for padded sequences of equal length. */
  forward(batch: number[][]): Promise<{ logits: Float32Array; sequenceLength: number; labelCount: number }>;
  dispose(): Promise<void>;
}

/** A token named in tokenizer_config.json: a string or an `AddedToken` object (as transformers.js reads it). */
function configToken(config: TokenizerConfigJson, key: 'pad_token' | 'unk_token'): string | null {
  const item = config[key];
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && typeof (item as { content?: unknown }).content === 'string') return (item as { content: string }).content;
  return null;
}

export async function loadModel(ner: Pick<NerConfig, 'modelDir' | 'dtype' | 'threads'>): Promise<LoadedModel> {
  const folder = inspectModelFolder(ner.modelDir, ner.dtype);
  const [{ Tokenizer }, ort] = await Promise.all([import('@huggingface/tokenizers'), import('onnxruntime-node')]);
  let tokenizer: InstanceType<typeof Tokenizer>;
  try {
    tokenizer = new Tokenizer(folder.tokenizerJson, folder.tokenizerConfig);
  } catch (error) {
    throw new NerModelError(`NER tokenizer cannot be loaded from ${folder.dir}: ${(error as Error).message}`, folder.dir);
  }
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(folder.onnxFile, {
      executionProviders: ['cpu'],
      // Offline-fused graphs measured slower than onnxruntime's own full optimization (LayerNorm, Gelu, MatMul+Add
      // and DynamicQuantizeMatMul fusions) on this model; see README, Performance.
      graphOptimizationLevel: 'all',
      intraOpNumThreads: Math.max(1, ner.threads),
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
  } catch (error) {
    throw new NerModelError(`NER model cannot be loaded from ${folder.onnxFile}: ${(error as Error).message}`, folder.onnxFile);
  }
  const unkToken = configToken(folder.tokenizerConfig, 'unk_token');
  const padToken = configToken(folder.tokenizerConfig, 'pad_token');
  const unkId = (unkToken !== null ? tokenizer.token_to_id(unkToken) : undefined) ?? 0;
  const padId = (padToken !== null ? tokenizer.token_to_id(padToken) : undefined) ?? 0;
  const { prefixIds, suffixIds } = specialTokenFrame(tokenizer);
  const modelKind = folder.tokenizerJson.model?.type;
  const pieceTokenizer: PieceTokenizer = {
    tokenize: (text) => tokenizer.tokenize(text),
    pieceId: (piece) => tokenizer.token_to_id(piece) ?? unkId,
    normalize: (cluster) => tokenizer.normalizer?.normalize(cluster) ?? cluster,
    unkToken,
    unkId,
    wordPrefix: modelKind === 'WordPiece' ? null : '\u2581',
    continuationPrefix: modelKind === 'WordPiece' ? (folder.tokenizerJson.model?.continuing_subword_prefix ?? '##') : null,
  };
  const needsTokenTypes = session.inputNames.includes('token_type_ids');
  const outputName = session.outputNames.includes('logits') ? 'logits' : session.outputNames[0]!;
  return {
    folder,
    tokenizer: pieceTokenizer,
    prefixIds,
    suffixIds,
    padId,
    async forward(batch) {
      const sequenceLength = Math.max(...batch.map((ids) => ids.length));
      const size = batch.length * sequenceLength;
      const inputIds = new BigInt64Array(size).fill(BigInt(padId));
      const attention = new BigInt64Array(size);
      batch.forEach((ids, row) => {
        ids.forEach((id, column) => {
          inputIds[row * sequenceLength + column] = BigInt(id);
          attention[row * sequenceLength + column] = 1n;
        });
      });
      const dims = [batch.length, sequenceLength];
      const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {
        input_ids: new ort.Tensor('int64', inputIds, dims),
        attention_mask: new ort.Tensor('int64', attention, dims),
      };
      if (needsTokenTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(size), dims);
      const output = (await session.run(feeds))[outputName];
      const [, length, labelCount] = (output?.dims ?? []) as [number, number, number];
      if (!output || output.type !== 'float32' || length !== sequenceLength || labelCount !== folder.labels.length) {
        throw new NerModelError(`NER model output shape [${output?.dims.join(', ') ?? ''}] does not match ${folder.labels.length} labels`, folder.onnxFile);
      }
      return { logits: output.data as Float32Array, sequenceLength, labelCount };
    },
    async dispose() {
      await session.release();
    },
  };
}

/** The special tokens the tokenizer wraps a single sequence in (`[CLS] … [SEP]`, `<s> … </s>`). */
function specialTokenFrame(tokenizer: { encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] } }): { prefixIds: number[]; suffixIds: number[] } {
  const probe = 'a';
  const bare = tokenizer.encode(probe, { add_special_tokens: false }).ids;
  const framed = tokenizer.encode(probe, { add_special_tokens: true }).ids;
  for (let k = 0; k + bare.length <= framed.length; k++) {
    if (bare.every((id, i) => framed[k + i] === id)) {
      return { prefixIds: framed.slice(0, k), suffixIds: framed.slice(k + bare.length) };
    }
  }
  return { prefixIds: [], suffixIds: [] };
}
