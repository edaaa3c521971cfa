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
import { defaultStages, languageProblem, Pipeline, validateConfig } from './pipeline.js';
import { listCorpus, runInputs, type ArticleProcessor, type RunOutput, type RunSummary } from './runner/run-corpus.js';
import type { QueueWorker } from './queue/worker.js';
import { LazyWorkerPool } from './pool/worker-pool.js';
import { createProgress, formatRate } from './runner/progress.js';
import { signalExitCode, StopSignals } from './runner/stop-signals.js';
import { guardNamedInputs } from './runner/own-output.js';
import { INPUT_FORMATS, type InputFormat } from './ingest/parse.js';
import { stdinFile } from './ingest/read.js';
import { listInputPaths, type CorpusFile, type WalkIssue } from './ingest/walk.js';
import { plural } from './util/plural.js';
import { PIPELINE_LANGUAGES } from './rules/languages.js';
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

const MIB = 1024 * 1024;

/** The flags' defaults, read from DEFAULT_CONFIG: a flag only overrides its setting (test/cli/defaults.test.ts). */
export const CLI_DEFAULTS = {
  dtype: DEFAULT_CONFIG.ner.dtype, batchSize: DEFAULT_CONFIG.ner.batchSize, lang: DEFAULT_CONFIG.language.accept.join(','),
  concurrency: DEFAULT_CONFIG.run.concurrency, workers: DEFAULT_CONFIG.run.workers, timeoutMs: DEFAULT_CONFIG.run.articleTimeoutMs,
  maxFileMb: DEFAULT_CONFIG.run.maxFileBytes / MIB,
} as const;

export interface RunOptions {
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
  followSymlinks?: boolean; // `--follow-symlinks`: corpus symlinks leading outside the corpus folder are followed
  progress: boolean;
  /** `run --force`: reprocess every article, ignoring the incremental cache. */
  force?: boolean;
  /** False with `--no-ner`: rules only, the NER model is not loaded. */
  ner: boolean;
  /** `--stdout`: stream the records as JSONL on standard output (and write `--out` only when given). */
  stdout?: boolean;
  /** `--stdin-format`: how `-` is read (default: sniffed from the content). */
  stdinFormat?: InputFormat | 'auto';
  /** `--queue <url>`: this process coordinates queue workers instead of running the stages. */
  queue?: string;
  attempts: number;
  inFlight: number;
}

/** `--lang fr,en` → the codes; a language without a pipeline is a usage error, before anything loads. */
const languageList = (value: string): string => {
  const problem = languageProblem(splitLanguages(value));
  if (problem) throw new InvalidArgumentError(problem);
  return value;
};

const splitLanguages = (value: string): string[] => value.split(',').map((code) => code.trim()).filter(Boolean);

/** The configuration a `run` (or `regenerate`) asks for: DEFAULT_CONFIG with the given flags on top. */
export function configFromOptions(options: RunOptions): ChroniqueConfig {
  const overrides: ConfigOverrides = {
    language: { accept: splitLanguages(options.lang) },
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
      maxFileBytes: options.maxFileMb * MIB,
      followSymlinks: options.followSymlinks ?? false,
      progress: options.progress,
    },
  };
  return resolveConfig(overrides);
}

/** The model options that `run` and `worker` share: both build the same pipeline, so a worker matches its coordinator. */
function addModelOptions(command: Command): Command {
  return command
    .option('-m, --model <dir>', 'NER model folder (Hugging Face layout with onnx/); default: the shipped model')
    .option('--model-en <dir>', 'English NER model folder (same layout and labels); default: compromise')
    .addOption(new Option('--dtype <dtype>', 'model weights to load (auto: the faster on this CPU)').choices(['auto', 'q8', 'fp32']).default(CLI_DEFAULTS.dtype))
    .option('--batch-size <n>', 'sentences per NER batch', positiveInt, CLI_DEFAULTS.batchSize);
}

function addRunOptions(command: Command): Command {
  return addModelOptions(command)
    .option('-o, --out <dir>', 'output folder for the dataset', 'output')
    .option('-c, --concurrency <n>', 'articles processed concurrently', positiveInt, CLI_DEFAULTS.concurrency)
    .option('--threads <n>', 'ONNX Runtime threads', positiveInt)
    .option('--lang <codes>', `comma-separated ISO 639-1 languages to process (supported: ${PIPELINE_LANGUAGES.join(', ')}; others are recorded as skipped)`, languageList, CLI_DEFAULTS.lang)
    .option('--triggers <file>', 'JSON file of extra event triggers merged over the built-in table')
    .option('--timeout-ms <ms>', 'per-article time limit', positiveInt, CLI_DEFAULTS.timeoutMs)
    .option('--max-file-mb <mb>', 'bytes read at most per file (per record for JSONL); past it the article is an error row', positiveInt, CLI_DEFAULTS.maxFileMb)
    .option('--follow-symlinks', 'follow symlinks in the corpus whose target lies outside the corpus folder (default: reported, not read)')
    .option('--no-progress', 'plain log lines instead of a progress bar')
    .option('--no-ner', 'rules only: do not load or run the NER model')
    .option('-w, --workers <n>', 'worker threads running the stages, each with its own model (0: main thread only; default: one per core, at most 4)', nonNegativeInt, CLI_DEFAULTS.workers)
    .option('--stdout', 'stream the records as JSONL on standard output, one {"kind", "record"} per line (the dataset folder is written only when --out is given)')
    .addOption(new Option('--stdin-format <format>', 'how standard input (-) is read').choices(['auto', ...INPUT_FORMATS]).default('auto'))
    .option('-q, --queue <url>', 'coordinate: hand the articles to `chronique worker` processes through Redis (redis://HOST:PORT[/DB])')
    .option('--attempts <n>', 'with --queue: tries per article before it is written as an error row', positiveInt, 3)
    .option('--in-flight <n>', 'with --queue: articles handed to the queue at once', positiveInt, 64);
}

const STDIN_ARGUMENT = '-';

/** What a run reads: one folder (a corpus: ids relative to it, its dataset folder left out), files and folders
 * (ids: their paths as given), or standard input (`-`, read whole). */
async function resolveInputs(inputs: string[], options: RunOptions, outDir: string | undefined, maxBytes: number, followSymlinks: boolean): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }> {
  if (inputs.includes(STDIN_ARGUMENT)) {
    if (inputs.length > 1) throw new Error('- (standard input) cannot be combined with other inputs');
    const bytes = await readStdin(maxBytes);
    return { files: [stdinFile(bytes, options.stdinFormat === 'auto' ? undefined : options.stdinFormat)], issues: [] };
  }
  if (inputs.length === 1) {
    const only = await fs.stat(inputs[0]!).catch(() => null);
    if (!only) throw new Error(`input not found: ${inputs[0]!}`);
    if (only.isDirectory()) return listCorpus(path.resolve(inputs[0]!), outDir, { followSymlinks });
  }
  return guardNamedInputs(await listInputPaths(inputs, process.cwd(), { followSymlinks }), inputs, outDir);
}

/** Standard input, whole; past the size limit only the first bytes are kept (ingestion then refuses the article). */
async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= maxBytes + 1) chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function runCommand(inputs: string[], options: RunOptions, cache: CacheMode, outGiven: boolean): Promise<number> {
  const config = configFromOptions(options);
  const output: RunOutput = {
    ...(!options.stdout || outGiven ? { outDir: path.resolve(options.out) } : {}),
    ...(options.stdout ? { stream: process.stdout } : {}),
  };
  let pipeline: ArticleProcessor;
  let listing: { files: CorpusFile[]; issues: WalkIssue[] };
  try {
    validateConfig(config);
    // Inputs before anything starts: a mistyped path fails at once (standard input is read whole here).
    listing = await resolveInputs(inputs, options, output.outDir, config.run.maxFileBytes, config.run.followSymlinks);
    // Workers overlap inferences; each pays a start-up (imports, a model load), so rules-only runs and one-file
    // inputs go faster without them. Either way the model (or the pool) starts only when an article needs it.
    if (options.queue) {
      // BullMQ and the Redis client load only for queue runs: a local run does not pay for them at start.
      const { QueueCoordinator } = await import('./queue/coordinator.js');
      const queued: ChroniqueConfig = { ...config, run: { ...config.run, concurrency: options.inFlight, workers: 0 } };
      const coordinator = await QueueCoordinator.create(queued, { queue: options.queue, outDir: output.outDir ?? path.resolve(options.out), attempts: options.attempts, progressMs: 10_000 });
      process.stderr.write(`chronique: coordinating through ${coordinator.address.display} (queue ${coordinator.queueName}${coordinator.resumed ? ', resuming a previous run' : ''}); start workers with: chronique worker --queue ${coordinator.address.display}\n`);
      pipeline = coordinator;
    } else {
      const pooled = config.run.workers > 0 && config.ner.enabled && listing.files.length > 1;
      const mainThread: ChroniqueConfig = { ...config, ner: { ...config.ner, threads: options.threads ?? DEFAULT_CONFIG.ner.threads }, run: { ...config.run, workers: 0 } };
      const keys = await Pipeline.create(pooled ? config : mainThread, defaultStages({ deferModel: true }));
      pipeline = pooled ? new LazyWorkerPool(keys) : keys;
    }
  } catch (error) {
    process.stderr.write(`chronique: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
  const stop = new StopSignals();
  const progress = createProgress(config.run.progress && Boolean(process.stderr.isTTY));
  let summary: RunSummary;
  try {
    summary = await runInputs(pipeline, listing, output, {
      onStart: (total, startedAt) => progress.start(total, startedAt),
      onFileDone: (file, articles, elapsedMs) => progress.fileDone(file.relativePath, articles, elapsedMs),
      onWarning: (message) => progress.warn(message),
      shouldStop: () => stop.signal !== null,
      onCommitted: () => (stop.switched = true),
    }, { cache });
  } catch (error) {
    progress.stop();
    process.stderr.write(`chronique: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  } finally {
    stop.dispose();
    await pipeline.dispose();
  }
  progress.stop();
  printSummary(summary, output, stop.signal);
  // A signal that came once the new dataset was in place stopped nothing: the run's own status stands.
  if (stop.signal && !summary.committed) return signalExitCode(stop.signal);
  return summary.error > 0 ? EXIT_ARTICLE_ERRORS : EXIT_OK;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface WorkerOptions extends Omit<RunOptions, 'out' | 'concurrency' | 'workers' | 'maxFileMb' | 'followSymlinks' | 'progress' | 'attempts' | 'inFlight'> {
  queue: string;
  concurrency: number;
  lockMs: number;
  graceMs: number;
}

/** `worker`: serves until SIGTERM/SIGINT (articles in progress finish, or are handed back after the grace period). */
async function workerCommand(options: WorkerOptions): Promise<number> {
  // One ONNX thread per article thread unless --threads says otherwise: inference runs on the calling thread.
  const config = configFromOptions({ ...options, threads: options.threads ?? DEFAULT_CONFIG.ner.threads, out: '', workers: options.concurrency, maxFileMb: CLI_DEFAULTS.maxFileMb, progress: false, attempts: 1, inFlight: 1 });
  let worker: QueueWorker;
  try {
    const { QueueWorker } = await import('./queue/worker.js');
    worker = await QueueWorker.start({ queue: options.queue, config, concurrency: options.concurrency, lockMs: options.lockMs });
  } catch (error) {
    process.stderr.write(`chronique worker: cannot start: ${errorMessage(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        process.stderr.write(`chronique worker: ${signal} again: exiting; unfinished articles return to the queue when their lock expires\n`);
        process.exit(143);
      }
      stopping = true;
      process.stderr.write(`chronique worker: ${signal}: finishing the articles in progress (up to ${options.graceMs} ms), then exiting\n`);
      void worker.close(options.graceMs).then(resolve, resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  process.stderr.write('chronique worker: stopped\n');
  return EXIT_OK;
}

/** The first line says which dataset is in place: a signal before the switch left the previous one, after it the new one. */
function printSummary(summary: RunSummary, output: RunOutput, signal: NodeJS.Signals | null): void {
  const where = [output.outDir ? `${path.relative(process.cwd(), output.outDir) || '.'}/` : null, output.stream ? 'standard output' : null].filter(Boolean).join(' and ');
  const stages = Object.entries(summary.stageMs);
  const lines = [
    !signal
      ? `chronique: wrote ${where}`
      : summary.committed
        ? `chronique: ${signal} came after the new dataset was in place: wrote ${where} (the run had finished)`
        : `chronique: stopped by ${signal}; previous dataset in ${where} left as it was, finished articles cached for the next run`,
    `  ${plural(summary.articles, 'article')}: ${summary.ok} ok, ${summary.skipped} skipped, ${summary.error} failed in ${(summary.processingMs / 1000).toFixed(2)} s (${formatRate(summary.articles, summary.processingMs)}), written at ${(summary.wallMs / 1000).toFixed(2)} s`,
    ...(output.outDir
      ? [`  cache: ${summary.reused} reused, ${summary.processed} processed, ${plural(summary.pruned, 'stale entry', 'stale entries')} pruned${summary.cacheDiscarded > 0 ? `, ${plural(summary.cacheDiscarded, 'bad entry', 'bad entries')} discarded` : ''}${summary.cacheWriteFailures > 0 ? `, ${plural(summary.cacheWriteFailures, 'entry', 'entries')} NOT written` : ''}`]
      : []),
    `  rows: ${Object.entries(summary.counts).map(([file, n]) => `${file} ${n}`).join(', ')}`,
    // Every article read back from the cache: no stage ran, and an empty line would say nothing.
    ...(stages.length > 0 ? [`  time per stage: ${stages.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)} s`).join(', ')}`] : []),
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
  /** Default: `report.html` inside the dataset folder. */
  out?: string;
  against?: string;
  confidenceThreshold: number;
}

async function reportCommand(outputDir: string, options: ReportOptions): Promise<number> {
  try {
    const dataset = await loadDataset(outputDir);
    const against = options.against ? await loadDataset(options.against) : undefined;
    const html = buildReport(dataset, { ...(against ? { against } : {}), diffOptions: { confidenceThreshold: options.confidenceThreshold } });
    // Next to the dataset it reads, not into whatever folder the command was started from.
    const file = options.out ?? path.join(outputDir, 'report.html');
    await fs.writeFile(file, html);
    process.stderr.write(`chronique: wrote ${file} (${plural(dataset.articles.length, 'article')}${against ? `, compared with ${options.against}` : ''})\n`);
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
  addRunOptions(
    program
      .command('run')
      .description('process articles into a dataset (only new or changed articles are processed): a corpus folder, files, or - for standard input (one article, or JSONL)')
      .argument('[inputs...]', 'corpus folder, files and folders, or - (standard input)', ['corpus']),
  )
    .option('-f, --force', 'reprocess every article, ignoring the incremental cache')
    .action(async (inputs: string[], options: RunOptions, command: Command) => {
      process.exitCode = await runCommand(inputs, options, options.force ? 'force' : 'use', command.getOptionValueSource('out') === 'cli');
    });
  addRunOptions(program.command('regenerate').description('rebuild the whole dataset and its cache from scratch').argument('[inputs...]', 'corpus folder, files and folders, or - (standard input)', ['corpus']))
    .action(async (inputs: string[], options: RunOptions, command: Command) => {
      process.exitCode = await runCommand(inputs, options, 'rebuild', command.getOptionValueSource('out') === 'cli');
    });
  addModelOptions(
    program
      .command('worker')
      .description('process the articles of `run --queue` coordinators (as many processes and machines as wanted)')
      .requiredOption('-q, --queue <url>', 'Redis of the coordinators (redis://HOST:PORT[/DB])')
      .option('-c, --concurrency <n>', 'articles processed at once (one worker thread and model each)', positiveInt, 1),
  )
    .option('--threads <n>', 'ONNX Runtime threads per article thread', positiveInt)
    .option('--lang <codes>', `comma-separated ISO 639-1 languages to process (supported: ${PIPELINE_LANGUAGES.join(', ')})`, languageList, CLI_DEFAULTS.lang)
    .option('--triggers <file>', 'JSON file of extra event triggers merged over the built-in table')
    .option('--timeout-ms <ms>', 'per-article time limit', positiveInt, CLI_DEFAULTS.timeoutMs)
    .option('--no-ner', 'rules only: do not load or run the NER model')
    .option('--lock-ms <ms>', "job lock duration: a dead worker's articles are taken over after about 1.5× this", positiveInt, 30_000)
    .option('--grace-ms <ms>', 'on SIGTERM, time for the articles in progress to finish before they are handed back', positiveInt, 30_000)
    .action(async (options: WorkerOptions) => {
      process.exitCode = await workerCommand(options);
    });
  program
    .command('queue')
    .description('operate the queue of `run --queue`')
    .command('status')
    .description('runs registered in Redis: jobs waiting/active/retrying, workers, refusals')
    .requiredOption('-q, --queue <url>', 'Redis of the coordinators (redis://HOST:PORT[/DB])')
    .action(async (options: { queue: string }) => {
      try {
        const { formatQueueStatus, queueStatus } = await import('./queue/status.js');
        process.stdout.write(formatQueueStatus(await queueStatus(options.queue)));
        process.exitCode = EXIT_OK;
      } catch (error) {
        process.stderr.write(`chronique queue status: ${errorMessage(error)}\n`);
        process.exitCode = EXIT_CANNOT_RUN;
      }
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
    .option('-o, --out <file>', 'HTML file to write (default: report.html in the dataset folder)')
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
