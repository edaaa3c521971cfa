#!/usr/bin/env node
/**
 * `chronique` command line: a thin layer that turns flags into a ChroniqueConfig and calls the library.
 * Exit codes: 0 all articles ok or skipped, 1 some articles failed (the others are written), 2 could not run.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { promises as fs, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, resolveConfig, type ChroniqueConfig, type ConfigOverrides } from './config.js';
import { loadDataset } from './audit/dataset.js';
import { diffDatasetDirs } from './audit/diff.js';
import { formatDiffHtml, formatDiffText, writeDiffJson } from './audit/diff-format.js';
import { buildReport } from './audit/report.js';
import type { CacheMode } from './dataset/cache.js';
import { Pipeline, defaultStages, type DocumentProcessor } from './pipeline.js';
import { runCorpus, type RunSummary } from './runner/run-corpus.js';
import { LazyWorkerPool } from './pool/worker-pool.js';
import { createProgress } from './runner/progress.js';
import { PIPELINE_VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_ARTICLE_ERRORS = 1;
export const EXIT_CANNOT_RUN = 2;

const nonNegativeInt = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
};

const positiveInt = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
};

interface RunOptions {
  /** `--workers <n>`: run the stages in n worker threads (0: in the main thread). */
  workers: number;
  out: string;
  concurrency: number;
  model?: string;
  modelEn?: string;
  dtype: 'auto' | 'q8' | 'fp32';
  batchSize: number;
  threads?: number;
  lang: string;
  triggers?: string;
  timeoutMs: number;
  maxFileMb: number;
  progress: boolean;
  /** `run --force`: reprocess every article, ignoring the incremental cache. */
  force?: boolean;
  /** False with `--no-ner`: rules only, the NER model is not loaded. */
  ner: boolean;
}

function configFromOptions(options: RunOptions): ChroniqueConfig {
  const overrides: ConfigOverrides = {
    language: { accept: options.lang.split(',').map((code) => code.trim()).filter(Boolean) },
    ner: {
      enabled: options.ner,
      dtype: options.dtype,
      batchSize: options.batchSize,
      ...(options.model ? { modelDir: path.resolve(options.model) } : {}),
      ...(options.modelEn ? { modelDirEn: path.resolve(options.modelEn) } : {}),
      // Workers each run a session: by default they share the cores instead of each taking all of them.
      ...(options.threads ? { threads: options.threads } : options.workers > 0 ? { threads: Math.max(1, Math.floor(availableParallelism() / options.workers)) } : {}),
    },
    events: options.triggers ? { extraTriggersFile: path.resolve(options.triggers) } : {},
    run: {
      // Each worker takes one article at a time: fewer articles in flight than workers would leave some idle.
      concurrency: Math.max(options.concurrency, options.workers),
      workers: options.workers,
      articleTimeoutMs: options.timeoutMs,
      maxFileBytes: options.maxFileMb * 1024 * 1024,
      progress: options.progress,
    },
  };
  return resolveConfig(overrides);
}

function addRunOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'output folder for the dataset', 'output')
    .option('-c, --concurrency <n>', 'articles processed concurrently', positiveInt, 2)
    .option('-m, --model <dir>', 'NER model folder (Hugging Face layout with onnx/); default: the shipped model')
    .option('--model-en <dir>', 'English NER model folder (same layout and labels); default: compromise')
    .addOption(new Option('--dtype <dtype>', 'model weights to load (auto: the faster on this CPU)').choices(['auto', 'q8', 'fp32']).default(DEFAULT_CONFIG.ner.dtype))
    .option('--batch-size <n>', 'sentences per NER batch', positiveInt, 32)
    .option('--threads <n>', 'ONNX Runtime threads', positiveInt)
    .option('--lang <codes>', 'comma-separated ISO 639-1 languages to process (supported: fr, en)', 'fr,en')
    .option('--triggers <file>', 'JSON file of extra event triggers merged over the built-in table')
    .option('--timeout-ms <ms>', 'per-article time limit', positiveInt, 60_000)
    .option('--max-file-mb <mb>', 'files larger than this are not read', positiveInt, 10)
    .option('--no-progress', 'plain log lines instead of a progress bar')
    .option('--no-ner', 'rules only: do not load or run the NER model')
    .option('-w, --workers <n>', 'worker threads running the stages, each with its own model (0: main thread only; default: one per core, at most 4)', nonNegativeInt, DEFAULT_CONFIG.run.workers);
}

async function runCommand(corpus: string, options: RunOptions, cache: CacheMode): Promise<number> {
  const config = configFromOptions(options);
  let pipeline: DocumentProcessor;
  try {
    // Workers overlap inferences; each pays a start-up (imports, a model load), so rules-only runs and one-file
    // corpora go faster without them. Either way the model (or the pool) starts only when an article needs it.
    const pooled = config.run.workers > 0 && config.ner.enabled && (await countsMoreThanOneFile(corpus));
    const mainThread: ChroniqueConfig = { ...config, ner: { ...config.ner, threads: options.threads ?? DEFAULT_CONFIG.ner.threads }, run: { ...config.run, workers: 0 } };
    const keys = await Pipeline.create(pooled ? config : mainThread, defaultStages({ deferModel: true }));
    pipeline = pooled ? new LazyWorkerPool(keys) : keys;
  } catch (error) {
    process.stderr.write(`chronique: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
  let stopRequested = false;
  const onSigint = (): void => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    process.stderr.write('\nchronique: stopping after the articles in progress (Ctrl-C again to abort)\n');
  };
  process.on('SIGINT', onSigint);
  const progress = createProgress(config.run.progress && Boolean(process.stderr.isTTY));
  let summary: RunSummary;
  try {
    summary = await runCorpus(pipeline, path.resolve(corpus), path.resolve(options.out), {
      onStart: (total) => progress.start(total),
      onFileDone: (file, articles) => progress.fileDone(file.relativePath, articles),
      shouldStop: () => stopRequested,
    }, { cache });
  } catch (error) {
    progress.stop();
    process.stderr.write(`chronique: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  } finally {
    process.off('SIGINT', onSigint);
    await pipeline.dispose();
  }
  progress.stop();
  printSummary(summary, options.out, stopRequested);
  if (stopRequested) return 130;
  return summary.error > 0 ? EXIT_ARTICLE_ERRORS : EXIT_OK;
}

/** True when `corpus` is a folder holding at least two entries or one subfolder (cheaper than listing it all). */
async function countsMoreThanOneFile(corpus: string): Promise<boolean> {
  const entries = await fs.readdir(corpus, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.name.startsWith('.')).length > 1 || entries.some((entry) => entry.isDirectory());
}

function printSummary(summary: RunSummary, out: string, stopped: boolean): void {
  const seconds = summary.wallMs / 1000;
  const lines = [
    stopped ? `chronique: stopped; previous dataset in ${out} left as it was, finished articles cached for the next run` : `chronique: wrote ${out}/`,
    `  articles ${summary.articles}: ok ${summary.ok}, skipped ${summary.skipped}, error ${summary.error} in ${seconds.toFixed(2)} s (${(summary.articles / Math.max(seconds, 1e-9)).toFixed(1)} articles/s)`,
    `  cache: ${summary.reused} reused, ${summary.processed} processed, ${summary.pruned} stale entries pruned${summary.cacheWriteFailures > 0 ? `, ${summary.cacheWriteFailures} entries NOT written` : ''}`,
    `  rows: ${Object.entries(summary.counts).map(([file, n]) => `${file} ${n}`).join(', ')}`,
    `  time per stage: ${Object.entries(summary.stageMs).map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)} s`).join(', ')}`,
  ];
  for (const issue of summary.walkIssues) lines.push(`  not read: ${issue.path}: ${issue.reason}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}

/** Exit statuses of `chronique diff`, as diff(1): usable as a CI gate. */
export const DIFF_IDENTICAL = 0;
export const DIFF_DIFFERENT = 1;
export const DIFF_ERROR = 2;

interface DiffOptions {
  json?: boolean;
  html?: string;
  confidenceThreshold: number;
  maxItems: number;
}

async function diffCommand(oldDir: string, newDir: string, options: DiffOptions): Promise<number> {
  try {
    const diff = await diffDatasetDirs(oldDir, newDir, { confidenceThreshold: options.confidenceThreshold });
    if (options.html) await fs.writeFile(options.html, formatDiffHtml(diff));
    // On Linux, writes to a pipe or file are synchronous: record by record, the JSON is never one huge string.
    if (options.json) writeDiffJson(diff, (chunk) => process.stdout.write(chunk));
    else process.stdout.write(formatDiffText(diff, { maxItems: options.maxItems }));
    return diff.identical ? DIFF_IDENTICAL : DIFF_DIFFERENT;
  } catch (error) {
    process.stderr.write(`chronique diff: ${error instanceof Error ? error.message : String(error)}\n`);
    return DIFF_ERROR;
  }
}

interface ReportOptions {
  out: string;
  against?: string;
  confidenceThreshold: number;
}

async function reportCommand(outputDir: string, options: ReportOptions): Promise<number> {
  try {
    const dataset = await loadDataset(outputDir);
    const against = options.against ? await loadDataset(options.against) : undefined;
    const html = buildReport(dataset, { ...(against ? { against } : {}), diffOptions: { confidenceThreshold: options.confidenceThreshold } });
    await fs.writeFile(options.out, html);
    process.stderr.write(`chronique: wrote ${options.out} (${dataset.articles.length} articles${against ? `, compared with ${options.against}` : ''})\n`);
    return EXIT_OK;
  } catch (error) {
    process.stderr.write(`chronique report: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
}

const probability = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new InvalidArgumentError('expected a number between 0 and 1');
  return parsed;
};

export function buildProgram(): Command {
  const program = new Command('chronique')
    .description('French news articles → a traceable dataset of events (who did what, when, where)')
    .version(PIPELINE_VERSION)
    .exitOverride();
  addRunOptions(program.command('run').description('process a corpus folder into a dataset (only new or changed articles are processed)').argument('[corpus]', 'corpus folder', 'corpus'))
    .option('-f, --force', 'reprocess every article, ignoring the incremental cache')
    .action(async (corpus: string, options: RunOptions) => {
      process.exitCode = await runCommand(corpus, options, options.force ? 'force' : 'use');
    });
  addRunOptions(program.command('regenerate').description('rebuild the whole dataset and its cache from scratch').argument('[corpus]', 'corpus folder', 'corpus'))
    .action(async (corpus: string, options: RunOptions) => {
      process.exitCode = await runCommand(corpus, options, 'rebuild');
    });
  program
    .command('diff')
    .description('compare two datasets: added, removed and changed events, entities and time expressions (exit 0 identical, 1 different, 2 error)')
    .argument('<old-output>', 'older dataset folder')
    .argument('<new-output>', 'newer dataset folder')
    .option('--json', 'print the full diff as JSON')
    .option('--html <file>', 'also write the diff as a self-contained HTML page')
    .option('--confidence-threshold <x>', 'report confidence changes larger than this', probability, 0.05)
    .option('--max-items <n>', 'longest listing per section in the text output', positiveInt, 50)
    .action(async (oldDir: string, newDir: string, options: DiffOptions) => {
      process.exitCode = await diffCommand(oldDir, newDir, options);
    });
  program
    .command('report')
    .description('write a self-contained HTML report to read a dataset (entities, time expressions, events per sentence)')
    .argument('[output]', 'dataset folder', 'output')
    .option('-o, --out <file>', 'HTML file to write', 'report.html')
    .option('--against <old-output>', 'colour what changed since this older dataset')
    .option('--confidence-threshold <x>', 'with --against: report confidence changes larger than this', probability, 0.05)
    .action(async (outputDir: string, options: ReportOptions) => {
      process.exitCode = await reportCommand(outputDir, options);
    });
  return program;
}

function isMainModule(): boolean {
  if (!process.argv[1]) return false;
  try {
    // The npm bin link is a symlink: compare real paths.
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      const code = error && typeof error === 'object' && 'exitCode' in error ? Number((error as { exitCode: unknown }).exitCode) : EXIT_CANNOT_RUN;
      // commander already printed its usage message; help/version exit with 0.
      process.exitCode = code === 0 ? 0 : EXIT_CANNOT_RUN;
    });
}
