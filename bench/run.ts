/**
 * `npm run bench`: chronique's performance figures, printed and written to bench/results/<name>.json.
 * Built with tsconfig.bench.json and run as plain JS (dist/bench/run.js), like the CLI it measures.
 *
 *  1. cold start: the built CLI on a one-article corpus, process start → exit (parent-side wall clock), and a probe
 *     process splitting it into Node boot, module imports, Pipeline.create (model load) and the first article;
 *  2. end to end: the built CLI (`run --force`) on the bench corpus at 1×, 4× and 16× (bench/corpus.ts), each in a
 *     child process whose own peak RSS and CPU time a preload reports at exit (bench/usage-preload.ts); the stage
 *     timings come from the run's manifest.json; an empty corpus gives the fixed cost of a run;
 *  3. the NER stage alone at batch sizes 1, 8, 32, 64 (bench/ner-bench.ts), and side by side, on the same sentences
 *     and batch size, a BERT-base-size encoder (768 hidden, 12 layers, random weights, same tokenizer, int8) through
 *     the same runtime;
 *  4. the rule-only layers (language, segmentation, dates) in-process on the 1× corpus.
 *
 *   npm run bench -- [--name NAME] [--model DIR] [--base DIR] [--no-base] [--scales 1,4,16] [--quick]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_CONFIG, PACKAGE_ROOT, resolveConfig, type ChroniqueConfig } from '../src/config.js';
import type { Document } from '../src/document.js';
import { extractTimexes } from '../src/stages/dates.js';
import { listCorpusFiles } from '../src/ingest/walk.js';
import { readCorpusFile } from '../src/ingest/read.js';
import { createLanguageStage, detectLanguage } from '../src/stages/language.js';
import { segmentDocument } from '../src/segment/sentences.js';
import type { ColdProbeReport } from './cold-probe.js';
import { BENCH_DIR, ensureBenchCorpus, SCALES, type BenchCorpus, type Scale } from './corpus.js';
import { benchNer, sequoiaTestSet, type NerBenchRow } from './ner-bench.js';
import type { ChildUsage } from './usage-preload.js';
import { flopsPerToken, measureGemm, modelShape, type GemmRate } from './bound.js';
import { cpuInfo, type CpuInfo } from '../src/util/cpu.js';
import { resolveDtype } from '../src/ner/model.js';

const BUILT_DIR = path.dirname(fileURLToPath(import.meta.url));
const CLI_JS = path.join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const PRELOAD_URL = pathToFileURL(path.join(BUILT_DIR, 'usage-preload.js')).href;
const PROBE_JS = path.join(BUILT_DIR, 'cold-probe.js');
const BASE_MODEL_DIR = path.join(BENCH_DIR, 'models', 'base-768x12');
/** CLI settings tried on the 1× corpus besides the defaults (speed only: outside the configuration hash, except dtype). */
const SETTING_VARIANTS: readonly string[][] = [
  ['--workers', '0', '--threads', '1'],
  ['--workers', '0', '--threads', '2'],
  ['--workers', '2', '--threads', '1'],
  ['--workers', '0', '--concurrency', '1'],
  ['--dtype', 'q8'],
  ['--dtype', 'fp32'],
  ['--batch-size', '8'],
];

/** What the issue asks for; the bench reports each as met or not with the measured figure. */
const TARGETS = {
  /** On 2 cores: 300 where AVX2 is the best int8 path, 600 with AMX (issue 15); other kinds are reported against 300. */
  endToEndSentencesPerSecond: 300,
  endToEndSentencesPerSecondAmx: 600,
  coldStartMs: 1000,
  modelLoadMs: 200,
  incrementalSpeedup: 30,
  nerFractionOfBound: 0.5,
  peakRssMB16x: 600,
  nerSpeedupOverBase: 8,
  scalingTolerance: 0.1,
} as const;

interface BenchOptions {
  name: string;
  model: string;
  base: string | null;
  scales: Scale[];
  coldRuns: number;
  repeats: Record<Scale, number>;
  nerSentences: number;
  nerRounds: number;
  rulesSeconds: number;
  incrementalReruns: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

interface ChildResult {
  exitCode: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Runs a child to completion; wall time is taken around spawn → exit in this (idle) parent. */
function runChild(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      const wallMs = performance.now() - started;
      child.on('close', () => resolve({ exitCode, wallMs, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    });
  });
}

function modelArgs(modelDir: string): string[] {
  return ['--model', modelDir];
}

// ---------------------------------------------------------------------------------------------------------------
// End to end

interface EndToEndRun {
  corpus: string;
  ner: boolean;
  exitCode: number | null;
  /** Process start → exit, seen from the parent. */
  processWallMs: number;
  /** runCorpus alone (manifest timings.wallMs): listing, reading, stages, writing, commit. */
  runWallMs: number;
  cpuMs: number;
  userCpuMs: number;
  systemCpuMs: number;
  maxRssMB: number;
  articles: number;
  ok: number;
  skipped: number;
  error: number;
  sentences: number;
  /** Letter/digit runs in the written sentences (`l'accord` is two). */
  words: number;
  stages: string[];
  stageMs: Record<string, number>;
}

const WORD = /[\p{L}\p{N}]+/gu;

async function countWords(sentencesFile: string): Promise<number> {
  if (!existsSync(sentencesFile)) return 0;
  let words = 0;
  const lines = createInterface({ input: createReadStream(sentencesFile, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const row = JSON.parse(line) as { text?: unknown };
    if (typeof row.text === 'string') words += row.text.match(WORD)?.length ?? 0;
  }
  return words;
}

interface Manifest {
  counts: Record<string, number>;
  timings: { wallMs: number; stageMs: Record<string, number> };
  fingerprint: { stages: Record<string, string> };
}

/** `keep`: write into `keep.outDir` and leave it (incremental runs); without `keep.force` the cache is used. */
async function runEndToEnd(corpusDir: string, workDir: string, modelDir: string, ner: boolean, extraArgs: readonly string[] = [], keep?: { outDir: string; force: boolean }): Promise<EndToEndRun> {
  const outDir = keep?.outDir ?? mkdtempSync(path.join(workDir, 'out-'));
  const usageFile = path.join(workDir, `usage-${path.basename(outDir)}-${Math.random().toString(36).slice(2)}.json`);
  const force = keep ? keep.force : true;
  const args = ['--import', PRELOAD_URL, CLI_JS, 'run', corpusDir, '--out', outDir, ...(force ? ['--force'] : []), '--no-progress', ...modelArgs(modelDir), ...(ner ? [] : ['--no-ner']), ...extraArgs];
  const result = await runChild(args, { ...process.env, CHRONIQUE_BENCH_USAGE: usageFile });
  if (result.exitCode === 2 || !existsSync(path.join(outDir, 'manifest.json'))) {
    throw new Error(`chronique run ${path.relative(PACKAGE_ROOT, corpusDir)} failed (exit ${result.exitCode}): ${result.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const words = await countWords(path.join(outDir, 'sentences.jsonl'));
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  return {
    corpus: path.relative(PACKAGE_ROOT, corpusDir),
    ner,
    exitCode: result.exitCode,
    processWallMs: result.wallMs,
    runWallMs: manifest.timings.wallMs,
    cpuMs: usage.userCpuMs + usage.systemCpuMs,
    userCpuMs: usage.userCpuMs,
    systemCpuMs: usage.systemCpuMs,
    maxRssMB: usage.maxRssKiB / 1024,
    articles: manifest.counts.articles ?? 0,
    ok: manifest.counts.ok ?? 0,
    skipped: manifest.counts.skipped ?? 0,
    error: manifest.counts.error ?? 0,
    sentences: manifest.counts.sentences ?? 0,
    words,
    stages: Object.keys(manifest.fingerprint.stages),
    stageMs: manifest.timings.stageMs,
  };
}

/** The run of median wall time (the slower of the two middle ones for an even count). */
function medianRun<T extends { processWallMs: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.processWallMs - b.processWallMs);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface ScaleRow {
  scale: Scale;
  runs: EndToEndRun[];
  /** The median run's figures. */
  articles: number;
  sentences: number;
  words: number;
  processWallMs: number;
  cpuMs: number;
  maxRssMB: number;
  articlesPerSecond: number;
  sentencesPerSecond: number;
  wordsPerSecond: number;
  wallMsPerArticle: number;
  cpuMsPerArticle: number;
  /** Per article once the fixed cost of a run (empty corpus: start, model load, empty dataset) is taken off. */
  marginalWallMsPerArticle: number;
  marginalCpuMsPerArticle: number;
  stageMs: Record<string, number>;
  stageShare: Record<string, number>;
  /**
   * Cost of the articles added since the previous scale, per article: (cost here − cost there) ÷ (articles here −
   * articles there). Free of any fixed-cost estimate (start, model load, JIT warm-up); null at the first scale.
   */
  incrementalWallMsPerArticle: number | null;
  incrementalCpuMsPerArticle: number | null;
}

/** Fills the incremental costs between consecutive scales (rows in increasing scale). */
function addIncrementalCosts(rows: ScaleRow[]): void {
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (!previous) return;
    const added = row.articles - previous.articles;
    row.incrementalWallMsPerArticle = (row.processWallMs - previous.processWallMs) / added;
    row.incrementalCpuMsPerArticle = (row.cpuMs - previous.cpuMs) / added;
  });
}

function scaleRow(scale: Scale, runs: EndToEndRun[], fixed: EndToEndRun): ScaleRow {
  const run = medianRun(runs);
  const seconds = run.processWallMs / 1000;
  const stageTotal = Object.values(run.stageMs).reduce((a, b) => a + b, 0);
  return {
    scale,
    runs,
    articles: run.articles,
    sentences: run.sentences,
    words: run.words,
    processWallMs: run.processWallMs,
    cpuMs: run.cpuMs,
    maxRssMB: run.maxRssMB,
    articlesPerSecond: run.articles / seconds,
    sentencesPerSecond: run.sentences / seconds,
    wordsPerSecond: run.words / seconds,
    wallMsPerArticle: run.processWallMs / run.articles,
    cpuMsPerArticle: run.cpuMs / run.articles,
    marginalWallMsPerArticle: (run.processWallMs - fixed.processWallMs) / run.articles,
    marginalCpuMsPerArticle: (run.cpuMs - fixed.cpuMs) / run.articles,
    stageMs: run.stageMs,
    stageShare: Object.fromEntries(Object.entries(run.stageMs).map(([stage, ms]) => [stage, stageTotal > 0 ? ms / stageTotal : 0])),
    incrementalWallMsPerArticle: null,
    incrementalCpuMsPerArticle: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Incremental re-run

interface IncrementalRun {
  corpus: string;
  articles: number;
  /** The run that fills the cache (`--force`: every article processed). */
  full: EndToEndRun;
  /** Re-runs on the unchanged corpus (every article read back from the cache); the fastest is compared. */
  reruns: EndToEndRun[];
  speedupWall: number;
  speedupCpu: number;
}

async function measureIncremental(corpusDir: string, workDir: string, modelDir: string, reruns: number): Promise<IncrementalRun> {
  const outDir = mkdtempSync(path.join(workDir, 'incremental-'));
  const full = await runEndToEnd(corpusDir, workDir, modelDir, true, [], { outDir, force: true });
  const again: EndToEndRun[] = [];
  for (let i = 0; i < reruns; i++) again.push(await runEndToEnd(corpusDir, workDir, modelDir, true, [], { outDir, force: false }));
  rmSync(outDir, { recursive: true, force: true });
  const fastest = [...again].sort((a, b) => a.processWallMs - b.processWallMs)[0]!;
  const leastCpu = [...again].sort((a, b) => a.cpuMs - b.cpuMs)[0]!;
  return { corpus: full.corpus, articles: full.articles, full, reruns: again, speedupWall: full.processWallMs / fastest.processWallMs, speedupCpu: full.cpuMs / leastCpu.cpuMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Cold start

interface ColdStart {
  /** Process start → exit of `chronique run <one article> --force`, each run. */
  runsMs: number[];
  medianMs: number;
  minMs: number;
  probe: ColdProbeReport;
  modelLoad: ColdProbeReport;
}

async function measureColdStart(corpus: BenchCorpus, workDir: string, modelDir: string, runs: number): Promise<ColdStart> {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const outDir = mkdtempSync(path.join(workDir, 'cold-'));
    const result = await runChild([CLI_JS, 'run', corpus.oneArticleDir, '--out', outDir, '--force', '--no-progress', ...modelArgs(modelDir)]);
    if (result.exitCode !== 0) throw new Error(`cold start run failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
    runsMs.push(result.wallMs);
    rmSync(outDir, { recursive: true, force: true });
  }
  const probeOut = mkdtempSync(path.join(workDir, 'probe-'));
  const probe = await runProbe(['--corpus', corpus.oneArticleDir, '--out', probeOut, '--model', modelDir]);
  const modelLoad = await runProbe(['--model-only', '--model', modelDir]);
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]!, probe, modelLoad };
}

async function runProbe(args: string[]): Promise<ColdProbeReport> {
  const result = await runChild([PROBE_JS, ...args]);
  if (result.exitCode !== 0) throw new Error(`cold-probe failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ColdProbeReport;
}

// ---------------------------------------------------------------------------------------------------------------
// NER alone, shipped vs base size

interface ModelInfo {
  dir: string;
  layers: number | null;
  hidden: number | null;
  heads: number | null;
  randomWeights: boolean;
  onnxMB: number;
}

function describeModel(dir: string): ModelInfo {
  const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  const chronique = (config.chronique ?? {}) as Record<string, unknown>;
  const num = (key: string): number | null => (typeof config[key] === 'number' ? (config[key] as number) : null);
  const onnx = path.join(dir, 'onnx', 'model_quantized.onnx');
  return {
    dir: path.relative(PACKAGE_ROOT, dir) || dir,
    layers: num('num_hidden_layers'),
    hidden: num('hidden_size'),
    heads: num('num_attention_heads'),
    randomWeights: chronique.random_weights === true,
    onnxMB: existsSync(onnx) ? readFileSync(onnx).byteLength / 2 ** 20 : 0,
  };
}

/** Exports the base-size model with the project's exporter when absent; null (and why) when that cannot be done. */
function ensureBaseModel(dir: string, log: (line: string) => void): { ok: true } | { ok: false; why: string } {
  if (existsSync(path.join(dir, 'onnx', 'model_quantized.onnx'))) return { ok: true };
  const venv = path.join(PACKAGE_ROOT, 'training', '.venv', 'bin', 'python');
  const python = existsSync(venv) ? venv : 'python3';
  const probe = spawnSync(python, ['-c', 'import torch, transformers, tokenizers, onnxruntime'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, why: `${python} cannot import torch, transformers, tokenizers and onnxruntime (install training/requirements.txt to compare with a base-size model)` };
  log(`exporting a BERT-base-size random model to ${path.relative(PACKAGE_ROOT, dir)} (python -m training.export --random, int8)…`);
  const exported = spawnSync(python, ['-m', 'training.export', '--random', '--layers', '12', '--hidden', '768', '--heads', '12', '--max-fp32-mb', '1', '--out', dir], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (exported.status !== 0) return { ok: false, why: `python -m training.export failed: ${(exported.stderr || exported.stdout).trim().split('\n').slice(-3).join(' | ')}` };
  return { ok: true };
}

interface NerComparison {
  /** The weights `dtype: 'auto'` loads on this CPU; `shipped.rows` are measured with them. */
  dtype: 'q8' | 'fp32';
  shipped: { model: ModelInfo; rows: NerBenchRow[] };
  /** Both weight variants at the default batch size: unseen text (empty tokenization caches) and words seen before. */
  dtypes: Array<{ dtype: 'q8' | 'fp32'; caches: 'unseen' | 'warm'; row: NerBenchRow }>;
  bound: Bound;
  base: { model: ModelInfo; rows: NerBenchRow[] } | { skipped: string };
  batchSize: number;
  sentences: number;
  /** Shipped sentences/s ÷ base sentences/s at the same batch size, same sentences, same run. */
  speedup: number | null;
}

interface Bound {
  /** Floating-point operations per real token (2 per multiply-add) at the bench sentences' mean sequence length. */
  flopsPerToken: { weights: number; attention: number; total: number; sequenceLength: number };
  gemm: GemmRate[];
  /** Per dtype (one core: the NER bench runs one ONNX thread): tokens/s if only the matrix products ran, at the measured GEMM rate. */
  boundTokensPerSecond: Record<'q8' | 'fp32', number>;
  /** Real tokens per CPU second of the NER stage ÷ the bound, per dtype and tokenization cache state. */
  fractions: Array<{ dtype: 'q8' | 'fp32'; caches: 'unseen' | 'warm'; tokensPerCpuSecond: number; fraction: number }>;
}

async function benchNerModels(options: BenchOptions, log: (line: string) => void): Promise<NerComparison> {
  const set = sequoiaTestSet();
  const dtype = resolveDtype(options.model, 'auto');
  const settings = (modelDir: string, weights: 'q8' | 'fp32' = dtype) => ({ modelDir, dtype: weights, threads: 1, maxSequenceTokens: DEFAULT_CONFIG.ner.maxSequenceTokens }) as const;
  const batchSize = DEFAULT_CONFIG.ner.batchSize;
  log(`NER alone: shipped model (${dtype}, dtype auto on this CPU), batch sizes 1, 8, 32, 64 on ${options.nerSentences} Sequoia test sentences`);
  const shippedRows = await benchNer({ ner: settings(options.model), batchSizes: [1, 8, 32, 64], sentences: options.nerSentences, rounds: options.nerRounds }, set);
  const shipped = { model: describeModel(options.model), rows: shippedRows };
  const dtypes: NerComparison['dtypes'] = [];
  for (const weights of ['q8', 'fp32'] as const) {
    if (!existsSync(path.join(options.model, weights === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx'))) continue;
    for (const caches of ['unseen', 'warm'] as const) {
      const reuse = caches === 'unseen' && weights === dtype ? shippedRows.find((r) => r.batchSize === batchSize) : undefined;
      if (!reuse) log(`NER alone: ${weights}, batch ${batchSize}, ${caches === 'warm' ? 'words seen before (tokenization caches kept)' : 'unseen text'}`);
      const row = reuse ?? (await benchNer({ ner: settings(options.model, weights), batchSizes: [batchSize], sentences: options.nerSentences, rounds: options.nerRounds + 1, warmCaches: caches === 'warm' }, set))[0]!;
      dtypes.push({ dtype: weights, caches, row });
    }
  }
  log('physical bound: GEMM rate (fp32, int8; 1 and 2 threads) and the model FLOPs per token');
  const shape = modelShape(options.model);
  const gemm: GemmRate[] = [];
  for (const kind of ['fp32', 'int8'] as const) for (const threads of [1, 2]) gemm.push(await measureGemm(shape, kind, threads));
  const meanLength = shippedRows[0]!.realTokens / shippedRows[0]!.sentences;
  const flops = { ...flopsPerToken(shape, meanLength), sequenceLength: meanLength };
  const rateOf = (kind: 'fp32' | 'int8'): number => gemm.find((g) => g.dtype === kind && g.threads === 1)!.mixGflops * 1e9;
  const boundTokensPerSecond = { q8: rateOf('int8') / flops.total, fp32: rateOf('fp32') / flops.total };
  const fractions = dtypes.map(({ dtype: weights, caches, row }) => ({ dtype: weights, caches, tokensPerCpuSecond: row.tokensPerCpuSecond, fraction: row.tokensPerCpuSecond / boundTokensPerSecond[weights] }));
  const bound: Bound = { flopsPerToken: flops, gemm, boundTokensPerSecond, fractions };
  if (!options.base) return { dtype, shipped, dtypes, bound, base: { skipped: 'disabled with --no-base' }, batchSize, sentences: options.nerSentences, speedup: null };
  const ready = ensureBaseModel(options.base, log);
  if (!ready.ok) {
    log(`base-size comparison SKIPPED: ${ready.why}`);
    return { dtype, shipped, dtypes, bound, base: { skipped: ready.why }, batchSize, sentences: options.nerSentences, speedup: null };
  }
  log(`NER alone: base-size model, batch size ${batchSize}, same sentences`);
  const baseRows = await benchNer({ ner: settings(options.base, 'q8'), batchSizes: [batchSize], sentences: options.nerSentences, rounds: options.nerRounds }, set);
  const shippedAtBatch = shippedRows.find((r) => r.batchSize === batchSize)!;
  return {
    dtype,
    shipped,
    dtypes,
    bound,
    base: { model: describeModel(options.base), rows: baseRows },
    batchSize,
    sentences: options.nerSentences,
    speedup: shippedAtBatch.sentencesPerSecond / baseRows[0]!.sentencesPerSecond,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rule-only layers, in-process

interface LayerFigure {
  layer: string;
  unit: 'articles' | 'sentences';
  unitsPerPass: number;
  passes: number;
  seconds: number;
  perSecond: number;
}

/** Repeats `pass` for at least `minSeconds` after one warm-up pass (V8 compiles the regexes first). */
function timePasses(layer: string, unit: LayerFigure['unit'], unitsPerPass: number, pass: () => void, minSeconds: number): LayerFigure {
  pass();
  let passes = 0;
  const started = performance.now();
  do {
    pass();
    passes += 1;
  } while (performance.now() - started < minSeconds * 1000);
  const seconds = (performance.now() - started) / 1000;
  return { layer, unit, unitsPerPass, passes, seconds, perSecond: (unitsPerPass * passes) / seconds };
}

async function benchRuleLayers(corpusDir: string, config: ChroniqueConfig, minSeconds: number): Promise<LayerFigure[]> {
  const { files } = await listCorpusFiles(corpusDir);
  const docs: Document[] = [];
  const language = createLanguageStage();
  language.init({ config });
  for (const file of files) {
    for (const doc of await readCorpusFile(file, config.run.maxFileBytes)) {
      if (doc.status !== 'ok') continue;
      language.run(doc);
      if (doc.status === 'ok') docs.push(doc);
    }
  }
  for (const doc of docs) doc.sentences = segmentDocument(doc);
  const sentences = docs.reduce((n, doc) => n + doc.sentences.length, 0);
  let sink = 0; // results are consumed so that no pass can be optimized away
  const figures = [
    timePasses('language (franc)', 'articles', docs.length, () => {
      for (const doc of docs) sink += detectLanguage(doc.text, config.language).score;
    }, minSeconds),
    timePasses('segment', 'sentences', sentences, () => {
      for (const doc of docs) sink += segmentDocument(doc).length;
    }, minSeconds),
    timePasses('dates (rules)', 'sentences', sentences, () => {
      for (const doc of docs) sink += extractTimexes(doc, false).length;
    }, minSeconds),
  ];
  if (sink < 0) throw new Error('unreachable');
  return figures;
}

// ---------------------------------------------------------------------------------------------------------------
// Machine

interface MachineInfo {
  cpuModel: string;
  /** Model, ISA flags (avx2, avx512f, avx512_vnni, amx_int8, …) and the kind figures are labelled with. */
  cpu: CpuInfo;
  onnxruntime: string;
  /** What `ner.dtype: 'auto'` loads here. */
  dtypeAuto: 'q8' | 'fp32';
  /** Default worker threads here (`run.workers`). */
  workers: number;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  onnxThreads: number;
  concurrency: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  /** Other CPU-heavy jobs seen at the start (model training): figures taken meanwhile are disturbed. */
  competingJobs: string[];
}

function onnxruntimeVersion(): string {
  const file = path.join(PACKAGE_ROOT, 'node_modules', 'onnxruntime-node', 'package.json');
  return existsSync(file) ? String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version) : 'unknown';
}

function competingJobs(): string[] {
  const found = spawnSync('pgrep', ['-af', 'finetune|train\\.py|export\\.py'], { encoding: 'utf8' });
  return (found.stdout ?? '').split('\n').filter((line) => line.trim() && !line.includes('pgrep')).map((line) => line.slice(0, 160));
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;

interface TargetCheck {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

function checkTargets(rows: ScaleRow[], cold: ColdStart, ner: NerComparison, incremental: IncrementalRun, cpu: CpuInfo): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const first = rows[0];
  const e2eTarget = cpu.flags.includes('amx_int8') ? TARGETS.endToEndSentencesPerSecondAmx : TARGETS.endToEndSentencesPerSecond;
  for (const row of rows.filter((r) => r.scale === 1 || r.scale === 16)) {
    checks.push({ what: `end to end sentences/s (${row.scale}× corpus, shipped model, ${cpu.kind})`, target: `≥ ${e2eTarget}`, measured: fmt(row.sentencesPerSecond, 1), met: row.sentencesPerSecond >= e2eTarget });
  }
  checks.push({ what: 'cold start, process start → exit on one article (median)', target: `≤ ${TARGETS.coldStartMs} ms`, measured: `${fmt(cold.medianMs)} ms (min ${fmt(cold.minMs)})`, met: cold.medianMs <= TARGETS.coldStartMs });
  checks.push({ what: 'NER model load (NerTagger.load after imports)', target: `≤ ${TARGETS.modelLoadMs} ms`, measured: `${fmt(cold.modelLoad.loadMs)} ms wall, ${fmt(cold.modelLoad.cpuMs.load)} ms CPU`, met: cold.modelLoad.loadMs <= TARGETS.modelLoadMs });
  checks.push({ what: `incremental re-run of the unchanged ${incremental.articles}-article corpus vs the full run (wall)`, target: `≥ ${TARGETS.incrementalSpeedup}× faster`, measured: `${incremental.speedupWall.toFixed(1)}× (CPU ${incremental.speedupCpu.toFixed(1)}×)`, met: incremental.speedupWall >= TARGETS.incrementalSpeedup });
  for (const f of ner.bound.fractions.filter((x) => x.dtype === ner.dtype)) {
    checks.push({ what: `NER stage (${f.dtype}, ${f.caches === 'warm' ? 'words seen before' : 'unseen text'}) real tokens per CPU second ÷ GEMM bound of one core`, target: `≥ ${pct(TARGETS.nerFractionOfBound)}`, measured: `${pct(f.fraction)} (${fmt(f.tokensPerCpuSecond)} of ${fmt(ner.bound.boundTokensPerSecond[f.dtype])} tokens/s)`, met: f.fraction >= TARGETS.nerFractionOfBound });
  }
  const row16 = rows.find((r) => r.scale === 16);
  if (row16) checks.push({ what: 'peak RSS on the 16× corpus', target: `≤ ${TARGETS.peakRssMB16x} MB`, measured: `${fmt(row16.maxRssMB)} MB`, met: row16.maxRssMB <= TARGETS.peakRssMB16x });
  if (ner.speedup !== null) checks.push({ what: `NER stage: shipped ÷ base-size sentences/s (batch ${ner.batchSize})`, target: `≥ ${TARGETS.nerSpeedupOverBase}×`, measured: `${ner.speedup.toFixed(1)}×`, met: ner.speedup >= TARGETS.nerSpeedupOverBase });
  if (row16 && first && first.scale === 1) {
    const cpuDrift = row16.marginalCpuMsPerArticle / first.marginalCpuMsPerArticle - 1;
    const wallDrift = row16.marginalWallMsPerArticle / first.marginalWallMsPerArticle - 1;
    checks.push({ what: 'cost per article 16× vs 1× (CPU, fixed cost of a run excluded)', target: `within ±${pct(TARGETS.scalingTolerance)}`, measured: `${cpuDrift >= 0 ? '+' : ''}${pct(cpuDrift)}`, met: Math.abs(cpuDrift) <= TARGETS.scalingTolerance });
    checks.push({ what: 'cost per article 16× vs 1× (wall, fixed cost of a run excluded)', target: `within ±${pct(TARGETS.scalingTolerance)}`, measured: `${wallDrift >= 0 ? '+' : ''}${pct(wallDrift)}`, met: Math.abs(wallDrift) <= TARGETS.scalingTolerance });
  }
  const row4 = rows.find((r) => r.scale === 4);
  if (row16?.incrementalCpuMsPerArticle != null && row4?.incrementalCpuMsPerArticle != null) {
    const drift = row16.incrementalCpuMsPerArticle / row4.incrementalCpuMsPerArticle - 1;
    checks.push({ what: 'incremental CPU per article, 4×→16× vs 1×→4× (no fixed-cost estimate)', target: `within ±${pct(TARGETS.scalingTolerance)}`, measured: `${drift >= 0 ? '+' : ''}${pct(drift)}`, met: Math.abs(drift) <= TARGETS.scalingTolerance });
  }
  return checks;
}

function parseOptions(): BenchOptions {
  const program = new Command()
    .name('bench')
    .option('--name <name>', 'results file name: bench/results/<name>.json', 'latest')
    .option('--model <dir>', 'the shipped model folder', DEFAULT_CONFIG.ner.modelDir)
    .option('--base <dir>', 'base-size model folder (exported when absent)', BASE_MODEL_DIR)
    .option('--no-base', 'skip the base-size comparison')
    .option('--scales <list>', 'corpus replications to run end to end', SCALES.join(','))
    .option('--quick', 'one run per measurement and fewer NER sentences (to try the bench, not for figures)')
    .parse();
  const o = program.opts<{ name: string; model: string; base: string | false; scales: string; quick?: boolean }>();
  const scales = o.scales.split(',').map(Number);
  for (const s of scales) if (!(SCALES as readonly number[]).includes(s)) throw new Error(`--scales: ${s} is not one of ${SCALES.join(', ')}`);
  if (!/^[\w.-]+$/.test(o.name)) throw new Error('--name: letters, digits, dot, dash and underscore only');
  const quick = Boolean(o.quick);
  return {
    name: o.name,
    model: path.resolve(o.model),
    base: o.base === false ? null : path.resolve(o.base),
    scales: scales as Scale[],
    coldRuns: quick ? 1 : 5,
    repeats: quick ? { 1: 1, 4: 1, 16: 1 } : { 1: 2, 4: 1, 16: 1 },
    nerSentences: quick ? 64 : 456,
    nerRounds: quick ? 1 : 2,
    rulesSeconds: quick ? 0.5 : 3,
    incrementalReruns: quick ? 1 : 3,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (line: string): void => console.log(line);
  if (!existsSync(CLI_JS) || !existsSync(PROBE_JS)) throw new Error('build first: npx tsc -p tsconfig.bench.json (npm run bench does it)');
  if (!existsSync(path.join(options.model, 'onnx', 'model_quantized.onnx'))) throw new Error(`no int8 model in ${options.model} (onnx/model_quantized.onnx): export one or pass --model`);

  const machineBefore = { loadAverageBefore: os.loadavg(), competingJobs: competingJobs() };
  if (machineBefore.competingJobs.length > 0) log(`WARNING: other CPU-heavy jobs are running, figures will be disturbed:\n  ${machineBefore.competingJobs.join('\n  ')}`);
  const corpus = ensureBenchCorpus({ log });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'chronique-bench-'));
  try {
    log(`cold start: ${options.coldRuns} × chronique run <1 article>`);
    const cold = await measureColdStart(corpus, workDir, options.model, options.coldRuns);

    log('fixed cost of a run: empty corpus');
    const fixedRuns = [await runEndToEnd(corpus.emptyDir, workDir, options.model, true), await runEndToEnd(corpus.emptyDir, workDir, options.model, true)];
    const fixed = [...fixedRuns].sort((a, b) => a.processWallMs - b.processWallMs)[0]!;

    const rows: ScaleRow[] = [];
    for (const scale of options.scales) {
      const runs: EndToEndRun[] = [];
      for (let i = 0; i < options.repeats[scale]; i++) {
        log(`end to end: ${scale}× corpus, run ${i + 1}/${options.repeats[scale]}`);
        runs.push(await runEndToEnd(corpus.scaleDir(scale), workDir, options.model, true));
      }
      rows.push(scaleRow(scale, runs, fixed));
    }
    addIncrementalCosts(rows);
    log('end to end without the model (--no-ner), 1× corpus');
    const rulesOnly = await runEndToEnd(corpus.scaleDir(1), workDir, options.model, false);
    // Speed-only settings (outside the configuration hash), to check the defaults on this machine.
    const variants: Array<{ args: string[]; run: EndToEndRun }> = [];
    for (const args of SETTING_VARIANTS) {
      log(`end to end, 1× corpus, ${args.join(' ')}`);
      variants.push({ args, run: await runEndToEnd(corpus.scaleDir(1), workDir, options.model, true, args) });
    }

    log('incremental: a full run of the 4× corpus, then re-runs on it unchanged');
    const incremental = await measureIncremental(corpus.scaleDir(4), workDir, options.model, options.incrementalReruns);

    const ner = await benchNerModels(options, log);
    log('rule-only layers in-process, 1× corpus');
    const layers = await benchRuleLayers(corpus.scaleDir(1), resolveConfig(), options.rulesSeconds);

    const cpu = cpuInfo();
    const machine: MachineInfo = {
      cpuModel: cpu.model,
      cpu,
      onnxruntime: onnxruntimeVersion(),
      dtypeAuto: ner.dtype,
      workers: DEFAULT_CONFIG.run.workers,
      cores: os.availableParallelism(),
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      onnxThreads: DEFAULT_CONFIG.ner.threads,
      concurrency: DEFAULT_CONFIG.run.concurrency,
      loadAverageBefore: machineBefore.loadAverageBefore,
      loadAverageAfter: os.loadavg(),
      competingJobs: machineBefore.competingJobs,
    };
    const checks = checkTargets(rows, cold, ner, incremental, cpu);
    const notes: string[] = [];
    const cliStages = rows[0]?.runs[0]?.stages ?? [];
    if (!cliStages.includes('ner')) notes.push(`the CLI's pipeline has no ner stage (stages: ${cliStages.join(', ')}): the end-to-end figures do not include the NER model`);
    if (describeModel(options.model).randomWeights) notes.push('the measured model has RANDOM weights: speed is that of its size, entity and event counts are not realistic');
    if (machineBefore.competingJobs.length > 0) notes.push(`other CPU-heavy jobs were running (${machineBefore.competingJobs.length}): figures are disturbed`);
    const results = {
      name: options.name,
      // Metadata only (when the figures were taken); no result depends on it.
      measuredAt: new Date().toISOString(),
      machine,
      model: describeModel(options.model),
      corpus: { baseArticles: corpus.baseArticles, sources: corpus.sources, scales: options.scales },
      coldStart: cold,
      fixedCost: fixed,
      endToEnd: rows,
      rulesOnlyEndToEnd: rulesOnly,
      settingVariants: variants,
      incremental,
      ner,
      ruleLayers: layers,
      targets: checks,
      notes,
    };
    const resultsDir = path.join(BENCH_DIR, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const resultsFile = path.join(resultsDir, `${options.name}.json`);
    writeFileSync(resultsFile, `${JSON.stringify(results, roundNumbers, 2)}\n`);
    writeFileSync(resultsFile.replace(/\.json$/, '.md'), markdownSummary(machine, results.model, cold, rows, ner, layers, checks, notes, variants, incremental));
    printReport(results.machine, results.model, cold, fixed, rows, rulesOnly, variants, ner, layers, checks);
    console.log(speedSections(machine, ner, variants, rows, incremental).join('\n'));
    for (const note of notes) log(`NOTE: ${note}`);
    log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Two decimals are plenty for timings; shorter, more readable result files. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
}

/** The figures as Markdown tables (bench/results/<name>.md), for the README's performance section. */
/** One line naming the CPU the way every table of figures is labelled. */
function machineLine(machine: MachineInfo): string {
  return `${machine.cpuModel} — **${machine.cpu.kind}** (flags: ${machine.cpu.flags.join(', ') || 'none read'}), ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, onnxruntime-node ${machine.onnxruntime}`;
}

/** The speed settings tried, the dtype choice and the physical bound, as Markdown (also printed). */
function speedSections(machine: MachineInfo, ner: NerComparison, variants: Array<{ args: string[]; run: EndToEndRun }>, rows: ScaleRow[], incremental: IncrementalRun): string[] {
  const lines: string[] = [];
  const first = rows.find((r) => r.scale === 1);
  lines.push('', `Speed settings on the 1× corpus (${machineLine(machine)}; defaults here: ${machine.workers} workers × 1 ONNX thread, dtype auto = ${machine.dtypeAuto}):`, '');
  lines.push('| setting | sentences/s | wall s | CPU s | peak RSS MB |', '|---|--:|--:|--:|--:|');
  if (first) lines.push(`| defaults | ${fmt(first.sentencesPerSecond, 1)} | ${(first.processWallMs / 1000).toFixed(2)} | ${(first.cpuMs / 1000).toFixed(2)} | ${fmt(first.maxRssMB)} |`);
  for (const v of variants) lines.push(`| \`${v.args.join(' ')}\` | ${fmt(v.run.sentences / (v.run.processWallMs / 1000), 1)} | ${(v.run.processWallMs / 1000).toFixed(2)} | ${(v.run.cpuMs / 1000).toFixed(2)} | ${fmt(v.run.maxRssMB)} |`);
  lines.push('', `NER stage alone, one ONNX thread, batch ${ner.batchSize}, ${ner.sentences} Sequoia test sentences (${fmt(ner.bound.flopsPerToken.sequenceLength, 1)} tokens per sentence, special tokens included):`, '');
  lines.push('| weights | text | sentences/s (wall) | CPU s | tokens per CPU s | padding | in inference | bound (tokens/s, one core) | fraction of bound |', '|---|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const d of ner.dtypes) {
    const f = ner.bound.fractions.find((x) => x.dtype === d.dtype && x.caches === d.caches)!;
    lines.push(`| ${d.dtype} | ${d.caches === 'warm' ? 'words seen before' : 'unseen'} | ${fmt(d.row.sentencesPerSecond, 1)} | ${d.row.cpuSeconds.toFixed(2)} | ${fmt(d.row.tokensPerCpuSecond)} | ${pct(1 - d.row.realTokens / d.row.computedTokens)} | ${pct(d.row.inferenceShare)} | ${fmt(ner.bound.boundTokensPerSecond[d.dtype])} | ${pct(f.fraction)} |`);
  }
  const fl = ner.bound.flopsPerToken;
  lines.push('', `Bound: the model needs ${(fl.total / 1e6).toFixed(2)} MFLOP per token (${(fl.weights / 1e6).toFixed(2)} in weight products, ${(fl.attention / 1e6).toFixed(2)} in attention at ${fmt(fl.sequenceLength, 1)} tokens); onnxruntime's GEMM rate here, the model's product mix at 1,024 rows:`, '');
  lines.push('| GEMM | 1 thread GFLOP/s | 2 threads GFLOP/s |', '|---|--:|--:|');
  for (const kind of ['fp32', 'int8'] as const) {
    const at = (threads: number): string => fmt(ner.bound.gemm.find((g) => g.dtype === kind && g.threads === threads)?.mixGflops ?? 0);
    lines.push(`| ${kind === 'fp32' ? 'fp32 MatMul' : 'int8 MatMulInteger (u8×s8)'} | ${at(1)} | ${at(2)} |`);
  }
  const inc = incremental;
  const best = [...inc.reruns].sort((a, b) => a.processWallMs - b.processWallMs)[0]!;
  lines.push('', `Incremental: full run of ${fmt(inc.articles)} articles ${(inc.full.processWallMs / 1000).toFixed(2)} s wall (${(inc.full.cpuMs / 1000).toFixed(2)} s CPU); unchanged re-run ${(best.processWallMs / 1000).toFixed(2)} s (${(best.cpuMs / 1000).toFixed(2)} s CPU): **${inc.speedupWall.toFixed(1)}×** faster (CPU ${inc.speedupCpu.toFixed(1)}×).`);
  return lines;
}

function markdownSummary(machine: MachineInfo, model: ModelInfo, cold: ColdStart, rows: ScaleRow[], ner: NerComparison, layers: LayerFigure[], checks: TargetCheck[], notes: string[], variants: Array<{ args: string[]; run: EndToEndRun }>, incremental: IncrementalRun): string {
  const lines: string[] = [];
  lines.push(`Machine: ${machineLine(machine)}; defaults: ${machine.workers} workers × ${machine.onnxThreads} ONNX thread, dtype auto = ${machine.dtypeAuto}; model ${model.layers}×${model.hidden} (int8 file ${model.onnxMB.toFixed(1)} MB); load average before ${machine.loadAverageBefore.map((x) => x.toFixed(1)).join(' ')}, after ${machine.loadAverageAfter.map((x) => x.toFixed(1)).join(' ')}.`, '');
  lines.push('| corpus | articles | sentences | words | wall s | CPU s | sentences/s | words/s | peak RSS MB | ms/article wall (marginal, incremental) | ms/article CPU (marginal, incremental) |', '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    lines.push(`| ${r.scale}× | ${fmt(r.articles)} | ${fmt(r.sentences)} | ${fmt(r.words)} | ${(r.processWallMs / 1000).toFixed(1)} | ${(r.cpuMs / 1000).toFixed(1)} | ${fmt(r.sentencesPerSecond)} | ${fmt(r.wordsPerSecond)} | ${fmt(r.maxRssMB)} | ${r.wallMsPerArticle.toFixed(1)} (${r.marginalWallMsPerArticle.toFixed(1)}, ${r.incrementalWallMsPerArticle?.toFixed(1) ?? '—'}) | ${r.cpuMsPerArticle.toFixed(1)} (${r.marginalCpuMsPerArticle.toFixed(1)}, ${r.incrementalCpuMsPerArticle?.toFixed(1) ?? '—'}) |`);
  }
  const last = rows[rows.length - 1];
  if (last) lines.push('', `Time per stage (${last.scale}×): ${Object.entries(last.stageShare).map(([stage, share]) => `${stage} ${pct(share)}`).join(', ')}.`);
  const p = cold.probe;
  lines.push('', `Cold start (\`chronique run\` on one article, process start → exit): median ${fmt(cold.medianMs)} ms over ${cold.runsMs.length} runs — Node ${fmt(p.bootMs)} ms, imports ${fmt(p.importsMs)} ms, Pipeline.create ${fmt(p.loadMs)} ms (NER model load alone ${fmt(cold.modelLoad.loadMs)} ms), first article ${fmt(p.firstArticleMs ?? 0)} ms.`);
  lines.push('', `NER stage alone (${ner.sentences} Sequoia test sentences):`, '', '| model | batch | sentences/s | words/s |', '|---|--:|--:|--:|');
  for (const r of ner.shipped.rows) lines.push(`| shipped ${ner.shipped.model.layers}×${ner.shipped.model.hidden} | ${r.batchSize} | ${fmt(r.sentencesPerSecond)} | ${fmt(r.wordsPerSecond)} |`);
  if ('rows' in ner.base) for (const r of ner.base.rows) lines.push(`| base-size ${ner.base.model.layers}×${ner.base.model.hidden} (random weights) | ${r.batchSize} | ${fmt(r.sentencesPerSecond)} | ${fmt(r.wordsPerSecond)} |`);
  if (ner.speedup !== null) lines.push('', `Shipped ÷ base-size at batch ${ner.batchSize}: ${ner.speedup.toFixed(1)}×.`);
  lines.push(...speedSections(machine, ner, variants, rows, incremental));
  lines.push('', `Rule-only layers (in-process, 1× corpus): ${layers.map((l) => `${l.layer} ${fmt(l.perSecond)} ${l.unit}/s`).join(', ')}.`);
  lines.push('', '| target | measured | |', '|---|---|---|');
  for (const c of checks) lines.push(`| ${c.what}: ${c.target} | ${c.measured} | ${c.met ? 'met' : '**not met**'} |`);
  for (const note of notes) lines.push('', `Note: ${note}.`);
  return `${lines.join('\n')}\n`;
}

function printReport(machine: MachineInfo, model: ModelInfo, cold: ColdStart, fixed: EndToEndRun, rows: ScaleRow[], rulesOnly: EndToEndRun, variants: Array<{ args: string[]; run: EndToEndRun }>, ner: NerComparison, layers: LayerFigure[], checks: TargetCheck[]): void {
  const out: string[] = [];
  out.push('', `machine: ${machineLine(machine)}; defaults: ${machine.workers} workers, ONNX threads ${machine.onnxThreads}, concurrency ${machine.concurrency}, dtype auto = ${machine.dtypeAuto}`);
  out.push(`load average before ${machine.loadAverageBefore.map((x) => x.toFixed(2)).join(' ')}, after ${machine.loadAverageAfter.map((x) => x.toFixed(2)).join(' ')}${machine.competingJobs.length ? ' — MACHINE WAS LOADED by other jobs' : ''}`);
  out.push(`model: ${model.dir} (${model.layers ?? '?'} layers × ${model.hidden ?? '?'} hidden, int8 ${model.onnxMB.toFixed(1)} MB${model.randomWeights ? ', RANDOM weights' : ''})`);
  out.push('', 'cold start (chronique run <1 article> --force, process start → exit)');
  out.push(`  median ${fmt(cold.medianMs)} ms, min ${fmt(cold.minMs)} ms over ${cold.runsMs.length} runs`);
  const p = cold.probe;
  out.push(`  probe: Node boot ${fmt(p.bootMs)} ms, imports ${fmt(p.importsMs)} ms, Pipeline.create ${fmt(p.loadMs)} ms, first article ${fmt(p.firstArticleMs ?? 0)} ms (stages ${p.stages.join(' → ')})`);
  out.push(`  probe CPU: boot ${fmt(p.cpuMs.boot)} ms, imports ${fmt(p.cpuMs.imports)} ms, Pipeline.create ${fmt(p.cpuMs.load)} ms, first article ${fmt(p.cpuMs.firstArticle ?? 0)} ms`);
  out.push(`  NER model load alone (NerTagger.load, after imports): ${fmt(cold.modelLoad.loadMs)} ms wall, ${fmt(cold.modelLoad.cpuMs.load)} ms CPU`);
  out.push(`  fixed cost of a run (empty corpus): ${fmt(fixed.processWallMs)} ms wall, ${fmt(fixed.cpuMs)} ms CPU, ${fmt(fixed.maxRssMB)} MB RSS`);
  out.push('', 'end to end (chronique run --force, shipped model)');
  out.push('  scale  articles  sentences   words   wall s  CPU s  articles/s  sentences/s  words/s  peak RSS MB  ms/article wall  CPU  (marginal wall  CPU)  (incremental wall  CPU)');
  for (const r of rows) {
    out.push(`  ${`${r.scale}×`.padStart(5)}  ${fmt(r.articles).padStart(8)}  ${fmt(r.sentences).padStart(9)}  ${fmt(r.words).padStart(7)}  ${(r.processWallMs / 1000).toFixed(2).padStart(6)}  ${(r.cpuMs / 1000).toFixed(2).padStart(5)}  ${fmt(r.articlesPerSecond, 1).padStart(10)}  ${fmt(r.sentencesPerSecond, 1).padStart(11)}  ${fmt(r.wordsPerSecond).padStart(7)}  ${fmt(r.maxRssMB).padStart(11)}  ${r.wallMsPerArticle.toFixed(2).padStart(15)}  ${r.cpuMsPerArticle.toFixed(2).padStart(5)}  (${r.marginalWallMsPerArticle.toFixed(2).padStart(13)}  ${r.marginalCpuMsPerArticle.toFixed(2)})  (${(r.incrementalWallMsPerArticle?.toFixed(2) ?? '—').padStart(16)}  ${r.incrementalCpuMsPerArticle?.toFixed(2) ?? '—'})`);
  }
  const last = rows[rows.length - 1];
  if (last) out.push(`  time share per stage (${last.scale}×): ${Object.entries(last.stageShare).map(([s, share]) => `${s} ${pct(share)}`).join(', ')}`);
  out.push(`  without the model (--no-ner, 1×): ${fmt(rulesOnly.sentences / (rulesOnly.processWallMs / 1000), 1)} sentences/s, ${(rulesOnly.processWallMs / 1000).toFixed(2)} s wall, ${fmt(rulesOnly.maxRssMB)} MB RSS`);
  const first = rows.find((r) => r.scale === 1);
  if (first) out.push(`  settings on the 1× corpus: defaults ${fmt(first.sentencesPerSecond, 1)} sentences/s, ${(first.cpuMs / 1000).toFixed(2)} s CPU`);
  for (const v of variants) out.push(`    ${v.args.join(' ').padEnd(16)} ${fmt(v.run.sentences / (v.run.processWallMs / 1000), 1)} sentences/s, ${(v.run.processWallMs / 1000).toFixed(2)} s wall, ${(v.run.cpuMs / 1000).toFixed(2)} s CPU`);
  out.push('', `NER stage alone (${ner.sentences} Sequoia test sentences, best of rounds)`);
  out.push('  model             batch  sentences/s  words/s');
  for (const r of ner.shipped.rows) out.push(`  ${'shipped'.padEnd(16)}  ${String(r.batchSize).padStart(5)}  ${fmt(r.sentencesPerSecond, 1).padStart(11)}  ${fmt(r.wordsPerSecond).padStart(7)}`);
  if ('rows' in ner.base) {
    for (const r of ner.base.rows) out.push(`  ${`base ${ner.base.model.layers}×${ner.base.model.hidden}`.padEnd(16)}  ${String(r.batchSize).padStart(5)}  ${fmt(r.sentencesPerSecond, 1).padStart(11)}  ${fmt(r.wordsPerSecond).padStart(7)}`);
    out.push(`  shipped ÷ base at batch ${ner.batchSize}: ${ner.speedup?.toFixed(1)}×`);
  } else {
    out.push(`  base-size comparison skipped: ${ner.base.skipped}`);
  }
  out.push('', 'rule-only layers (in-process, 1× corpus)');
  for (const l of layers) out.push(`  ${l.layer.padEnd(18)} ${fmt(l.perSecond).padStart(9)} ${l.unit}/s  (${l.unitsPerPass} ${l.unit} × ${l.passes} passes in ${l.seconds.toFixed(2)} s)`);
  out.push('', 'targets');
  for (const c of checks) out.push(`  ${c.met ? 'MET    ' : 'NOT MET'}  ${c.what}: ${c.measured} (target ${c.target})`);
  console.log(out.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
