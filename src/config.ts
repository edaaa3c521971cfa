/**
 * All of chronique's settings in one typed object with documented defaults (in the spirit of
 * transformers.js' `env` and spaCy's config). The CLI builds one from its flags; library users call
 * `resolveConfig({...overrides})`. The configuration hash (see `configHash`) keys caches and provenance.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolveDtype } from './util/model-files.js';
import path from 'node:path';

/** Root of the installed package (the folder holding package.json), whether run from src/ or dist/src/. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  // src/config.ts → ..; dist/src/config.js → ../..
  return path.basename(path.dirname(from)) === 'dist' ? path.resolve(from, '..', '..') : path.resolve(from, '..');
}

export interface LanguageConfig {
  /** ISO 639-1 codes of the languages processed past the language stage; others are recorded as `skipped`. */
  accept: string[];
  /** ISO 639-3 candidates franc may answer with (restricting it avoids exotic guesses on short news text). */
  candidates: string[];
  /** Below this many letters the language is `und` (franc is unreliable on a line or two). */
  minLetters: number;
}

export interface NerConfig {
  /** Model folder (Hugging Face layout: config.json, tokenizer.json, onnx/model_quantized.onnx). */
  modelDir: string;
  /**
   * `q8` loads onnx/model_quantized.onnx, `fp32` loads onnx/model.onnx; `auto` (default) the one that runs faster on
   * this CPU: int8 with VNNI or AMX, fp32 on AVX2 alone (`resolveDtype` in src/ner/model.ts). The cache and the
   * provenance key on the weights file actually loaded, so machines choosing differently never share results.
   */
  dtype: 'auto' | 'q8' | 'fp32';
  /** Sentences per inference batch. */
  batchSize: number;
  /**
   * ONNX Runtime intra-op threads. Default 1: the session runs on the main thread between the rule stages, and on the
   * 2-core bench machine a second thread gave the same wall time for ~60 % more CPU (bench/results, settings variants).
   */
  threads: number;
  /** Mentions scoring below this are dropped. */
  minScore: number;
  /**
   * BYO English NER model folder (same layout and label mapping as `modelDir`): English articles are tagged by it
   * instead of compromise. Null: compromise.
   */
  modelDirEn: string | null;
  /** Disable the model entirely (rules-only run). */
  enabled: boolean;
  /**
   * Longest token sequence fed to the model at once (special tokens included); longer sentences are cut into
   * overlapping windows. The shipped model is trained on sequences of at most 128 tokens, so longer ones would
   * reach untrained position embeddings. Capped by the model's own limit (tokenizer `model_max_length`).
   */
  maxSequenceTokens: number;
  /** Tag sequence decoding: `viterbi` (BIO-constrained, default) or `argmax` (each unit's best tag). */
  decode: NerDecodeMode;
  /**
   * What the BIO decoder runs over. `word` (default): each word's first piece. `subword`: every non-empty piece
   * (chronique's model is trained with a label on every subword — `B-X`/`I-X` on the first piece, `I-X` on the
   * next ones), each word then taking its first piece's tag. Measured on Sequoia dev with the shipped model:
   * word 73.8 F1, subword 72.7.
   */
  decodeUnit: NerDecodeUnit;
}

export type NerDecodeMode = 'viterbi' | 'argmax';
export type NerDecodeUnit = 'subword' | 'word';

export interface DatesConfig {
  /** Use the model's DATE spans in addition to the rules. */
  useModelSpans: boolean;
}

export interface EventsConfig {
  /** Optional JSON file with extra trigger rows, merged over the built-in trigger table. */
  extraTriggersFile: string | null;
  /** Events scoring below this are not written. */
  minConfidence: number;
}

export interface RunConfig {
  /** Articles processed concurrently. */
  concurrency: number;
  /**
   * Worker threads running the default stages, each with its own model session and one ONNX thread (0: all stages
   * in the main thread, articles interleaved by p-limit). Speed only: results are the same. Default: one per core
   * (at most 4) on a machine with 2 or more cores. onnxruntime-node runs an inference synchronously on the calling
   * thread, so concurrent `run()` calls in one thread never overlap; workers are what runs the model (and the rule
   * stages) on several cores at once. Measured on the 2-core bench machine: a second intra-op thread costs ~75 %
   * more CPU for the same work (its threads spin-wait between operators), two workers ~10 % more (a second model
   * load) and ~170 MB more memory (README, Performance). A corpus of one file runs in the main thread.
   */
  workers: number;
  /** Per-article time limit in milliseconds; a runaway article ends with status `error` (`timeout`). */
  articleTimeoutMs: number;
  /**
   * Bytes read at most per file (status `error` past it, counted on the bytes actually read, not the size `stat`
   * reports); for JSONL, per record (a feed may be any size).
   */
  maxFileBytes: number;
  /** Follow symlinks in the corpus whose target lies outside the corpus folder (off: reported in `walkIssues`, not read). */
  followSymlinks: boolean;
  /** Show a progress bar when stderr is a TTY. */
  progress: boolean;
}

export interface ChroniqueConfig {
  language: LanguageConfig;
  ner: NerConfig;
  dates: DatesConfig;
  events: EventsConfig;
  run: RunConfig;
}

export const DEFAULT_MODEL_DIR = path.join(PACKAGE_ROOT, 'models', 'chronique-ner-fr');

export const DEFAULT_CONFIG: ChroniqueConfig = {
  language: {
    accept: ['fr', 'en'],
    candidates: ['fra', 'eng', 'deu', 'spa', 'ita', 'por', 'nld', 'cat', 'oci', 'bre', 'eus', 'cos', 'lat', 'ara', 'rus', 'tur', 'pol', 'ron'],
    minLetters: 20,
  },
  ner: {
    modelDir: DEFAULT_MODEL_DIR,
    modelDirEn: null,
    dtype: 'auto',
    batchSize: 32,
    threads: 1,
    minScore: 0,
    enabled: true,
    maxSequenceTokens: 128,
    decode: 'viterbi',
    decodeUnit: 'word',
  },
  dates: { useModelSpans: true },
  events: { extraTriggersFile: null, minConfidence: 0 },
  run: {
    concurrency: 2,
    workers: defaultWorkers(),
    articleTimeoutMs: 60_000,
    maxFileBytes: 10 * 1024 * 1024,
    followSymlinks: false,
    progress: true,
  },
};

/** One worker per core, at most 4 (each holds a model: ~170 MB), none on a single core. */
function defaultWorkers(): number {
  const cores = os.availableParallelism();
  return cores >= 2 ? Math.min(cores, 4) : 0;
}

export type ConfigOverrides = { [K in keyof ChroniqueConfig]?: Partial<ChroniqueConfig[K]> };

/**
 * The defaults with `overrides` on top, and the settings derived from others: with worker threads, each worker's
 * session shares the cores (threads = cores / workers) unless `ner.threads` is given, and at least one article per
 * worker is in flight (fewer would leave some idle). Both only change speed.
 */
export function resolveConfig(overrides: ConfigOverrides = {}): ChroniqueConfig {
  const run = { ...DEFAULT_CONFIG.run, ...overrides.run };
  const threads = overrides.ner?.threads ?? (run.workers > 0 ? Math.max(1, Math.floor(os.availableParallelism() / run.workers)) : DEFAULT_CONFIG.ner.threads);
  return {
    language: { ...DEFAULT_CONFIG.language, ...overrides.language },
    ner: { ...DEFAULT_CONFIG.ner, ...overrides.ner, threads },
    dates: { ...DEFAULT_CONFIG.dates, ...overrides.dates },
    events: { ...DEFAULT_CONFIG.events, ...overrides.events },
    run: { ...run, concurrency: Math.max(run.concurrency, run.workers) },
  };
}

/** A configuration the default pipeline cannot run; the message names the setting and what it accepts. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Hash of the settings that change results. Settings that only change speed or display
 * (concurrency, threads, batch size, progress, timeouts) are left out so that they never invalidate caches.
 */
export function configHash(config: ChroniqueConfig): string {
  const resultAffecting = {
    language: config.language,
    // `auto` is hashed as the weights it stands for on this machine: the same weights give the same hash however chosen.
    ner: { dtype: resolveDtype(config.ner.modelDir, config.ner.dtype), minScore: config.ner.minScore, enabled: config.ner.enabled, maxSequenceTokens: config.ner.maxSequenceTokens, decode: config.ner.decode, decodeUnit: config.ner.decodeUnit },
    dates: config.dates,
    events: config.events,
  };
  return createHash('sha256').update(stableStringify(resultAffecting)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so equal values always give equal bytes. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
