/**
 * The pipeline composes the stages over one document, and streams a whole corpus through them into the
 * dataset writer: files are read in id order, processed concurrently (p-limit), and written back in id order,
 * so the output is sorted without holding the corpus in memory.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ChroniqueConfig } from './config.js';
import { configHash } from './config.js';
import type { Document } from './document.js';
import { ArticleCache, type CacheMode, type PipelineFingerprint } from './dataset/cache.js';
import { DATASET_FILES, documentToRecords, type ArticleRecords } from './dataset/records.js';
import { DatasetWriter } from './dataset/writer.js';
import { createErrorDocument, type ArticleStatus } from './document.js';
import { decodeText, describeError, listCorpusFiles, parseCorpusText, readCorpusBytes, readCorpusFile, type CorpusFile } from './stages/ingest.js';
import { languageStage } from './stages/language.js';
import { segmentStage } from './stages/segment.js';
import { createEntitiesStage } from './stages/entities.js';
import { datesStage } from './stages/dates.js';
import { createEventsStage } from './stages/events.js';
import type { Stage } from './stages/stage.js';
import { sourceCodeHash } from './util/code-hash.js';
import { PIPELINE_VERSION } from './version.js';

export class Pipeline {
  private constructor(
    readonly config: ChroniqueConfig,
    readonly stages: Stage[],
    /** What the results depend on besides the articles; keys the incremental cache. */
    readonly fingerprint: PipelineFingerprint,
  ) {}

  /** Builds and initializes the stages; a model that cannot load stops here, before any article. */
  static async create(config: ChroniqueConfig, stages: Stage[] = defaultStages()): Promise<Pipeline> {
    for (const stage of stages) await stage.init?.(config);
    const fingerprint: PipelineFingerprint = {
      pipelineVersion: PIPELINE_VERSION,
      codeHash: sourceCodeHash(),
      configHash: configHash(config),
      stages: Object.fromEntries(stages.map((stage) => [stage.name, stage.fingerprint?.() ?? ''])),
    };
    return new Pipeline(config, stages, fingerprint);
  }

  /** Runs every stage on one document; a failing stage marks the document `error` instead of throwing. */
  async process(doc: Document): Promise<Document> {
    const deadline = Date.now() + this.config.run.articleTimeoutMs;
    for (const stage of this.stages) {
      if (doc.status !== 'ok') break;
      const started = performance.now();
      const stop = new AbortController();
      try {
        await withDeadline(Promise.resolve(stage.run(doc, this.config, stop.signal)), deadline);
      } catch (error) {
        // A timed-out stage is told to stop: the race only stops waiting for it.
        if (error instanceof ArticleTimeout) stop.abort(error);
        doc.status = 'error';
        doc.reason = error instanceof ArticleTimeout ? `timeout: over ${this.config.run.articleTimeoutMs} ms (in stage ${stage.name})` : `stage ${stage.name} failed: ${describeError(error)}`;
      }
      doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + performance.now() - started;
      // A synchronous stage cannot be preempted; one that overran the limit still fails its article.
      if (doc.status === 'ok' && Date.now() > deadline) {
        doc.status = 'error';
        doc.reason = `timeout: over ${this.config.run.articleTimeoutMs} ms (in stage ${stage.name})`;
      }
    }
    return doc;
  }

  async dispose(): Promise<void> {
    for (const stage of this.stages) await stage.dispose?.();
  }
}

/**
 * The full pipeline, in dependency order: the entities stage fills `doc.modelDates`, which the dates stage merges
 * with its rules; the events stage clusters entities and builds records from mentions and time expressions.
 */
export function defaultStages(): Stage[] {
  return [languageStage, segmentStage, createEntitiesStage(), datesStage, createEventsStage()];
}

class ArticleTimeout extends Error {}

/** Rejects when the deadline passes first. Synchronous stages are checked between stages (they cannot be preempted). */
async function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw new ArticleTimeout();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ArticleTimeout()), remaining);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RunSummary {
  articles: number;
  ok: number;
  skipped: number;
  error: number;
  /** Articles read back from the incremental cache vs processed by the stages. */
  reused: number;
  processed: number;
  /** Cache entries deleted after the commit (articles removed or changed since the last run). */
  pruned: number;
  /** Cache entries that could not be written (those articles will be processed again next time). */
  cacheWriteFailures: number;
  /** Milliseconds per stage, summed over processed articles. */
  stageMs: Record<string, number>;
  counts: Record<string, number>;
  wallMs: number;
  inputs: Array<{ path: string; size: number; articles: Array<{ id: string; sha256: string; status: string }> }>;
  walkIssues: Array<{ path: string; reason: string }>;
}

/** What became of one article, for progress and logs (cached articles have no Document any more). */
export interface ArticleOutcome {
  id: string;
  status: ArticleStatus;
  reason: string | null;
  /** True when read back from the cache rather than processed. */
  reused: boolean;
}

export interface RunHooks {
  /** Called once the total number of files is known. */
  onStart?(totalFiles: number): void;
  /** Called after each file is fully processed and written. */
  onFileDone?(file: CorpusFile, articles: ArticleOutcome[]): void;
  /** Polled between files; returning true stops the run gracefully (SIGINT). */
  shouldStop?(): boolean;
}

export interface RunOptions {
  /** `use` (default): reprocess only new or changed articles; `force`: reprocess all; `rebuild`: also delete the cache first. */
  cache?: CacheMode;
}

interface FileResult {
  records: ArticleRecords[];
  outcomes: ArticleOutcome[];
  timings: Record<string, number>;
}

/**
 * Processes a corpus folder into `outDir`. Throws only when the run cannot proceed (output not writable).
 * Articles whose cache entry matches are read back instead of processed; a stopped run (shouldStop) keeps the
 * previous dataset but its finished articles stay cached for the next run.
 */
export async function runCorpus(pipeline: Pipeline, corpusDir: string, outDir: string, hooks: RunHooks = {}, options: RunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const { config } = pipeline;
  // A mistyped corpus path must stop the run, not replace the previous dataset with an empty one (and prune its cache).
  const corpusStat = await stat(corpusDir).catch(() => null);
  if (!corpusStat?.isDirectory()) throw new Error(`corpus ${corpusStat ? 'is not a folder' : 'folder not found'}: ${corpusDir}`);
  const listed = await listCorpusFiles(corpusDir);
  // An output folder inside the corpus is ours, not input: its rows would come back as articles on every run. Left out
  // silently (like hidden files), so that the manifest is the same whether it existed before the run or not.
  const corpusRoot = path.resolve(corpusDir);
  const outRoot = path.resolve(outDir);
  const outputNames = new Set([...DATASET_FILES.map((file) => `${file}.jsonl`), 'manifest.json']);
  const isOwnOutput = (relativePath: string): boolean =>
    outRoot === corpusRoot ? outputNames.has(relativePath) : outRoot.startsWith(`${corpusRoot}${path.sep}`) && path.resolve(corpusRoot, relativePath).startsWith(`${outRoot}${path.sep}`);
  const files = listed.files.filter((file) => !isOwnOutput(file.relativePath));
  const issues = listed.issues.filter((issue) => !isOwnOutput(issue.relativePath));
  const writer = await DatasetWriter.open(outDir);
  let cache: ArticleCache;
  try {
    cache = await ArticleCache.open(outDir, pipeline.fingerprint, options.cache ?? 'use');
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const summary: RunSummary = { articles: 0, ok: 0, skipped: 0, error: 0, reused: 0, processed: 0, pruned: 0, cacheWriteFailures: 0, stageMs: {}, counts: {}, wallMs: 0, inputs: [], walkIssues: issues.map((i) => ({ path: i.relativePath, reason: i.reason })) };
  hooks.onStart?.(files.length);
  const limit = pLimit(Math.max(1, config.run.concurrency));
  // A bounded window of in-flight files keeps memory flat while results are written back in order.
  const window = Math.max(2, config.run.concurrency * 4);
  const inFlight: Array<{ file: CorpusFile; result: Promise<FileResult> }> = [];

  const processFile = async (file: CorpusFile): Promise<FileResult> => {
    // Once stopping, queued files are not started; the run is abandoned anyway (the dataset stays the previous one).
    if (hooks.shouldStop?.()) return { records: [], outcomes: [], timings: {} };
    if (file.size > config.run.maxFileBytes) return uncachedResult(await readCorpusFile(file, config.run.maxFileBytes));
    let bytes: Uint8Array;
    try {
      bytes = await readCorpusBytes(file.absolutePath, config.run.maxFileBytes);
    } catch {
      // readCorpusFile words the error (and names the file) the same way as for any unreadable input.
      return uncachedResult(await readCorpusFile(file, config.run.maxFileBytes));
    }
    const fileKey = cache.fileKey(file.relativePath, bytes);
    const cachedFile = await cache.readFile(fileKey);
    if (cachedFile) return { records: cachedFile, outcomes: cachedFile.map((records) => outcomeOf(records, true)), timings: {} };

    let documents: Document[];
    try {
      let text = decodeText(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      documents = parseCorpusText(file.relativePath, text);
    } catch {
      return uncachedResult(await readCorpusFile(file, config.run.maxFileBytes));
    }
    const result: FileResult = { records: [], outcomes: [], timings: {} };
    const articleKeys: string[] = [];
    let cacheable = true;
    for (const doc of documents) {
      // Ingestion failures are cheap to redo and may be fixed by the user: they are never cached.
      if (doc.status !== 'ok') {
        cacheable = false;
        result.records.push(documentToRecords(doc));
        result.outcomes.push({ id: doc.meta.id, status: doc.status, reason: doc.reason, reused: false });
        continue;
      }
      const articleKey = cache.articleKey(doc.meta);
      const cached = await cache.readArticle(articleKey, doc.meta.id);
      if (cached) {
        articleKeys.push(articleKey);
        result.records.push(cached);
        result.outcomes.push(outcomeOf(cached, true));
        continue;
      }
      await pipeline.process(doc);
      const records = documentToRecords(doc);
      for (const [stage, ms] of Object.entries(doc.timings)) result.timings[stage] = (result.timings[stage] ?? 0) + ms;
      result.records.push(records);
      const outcome = outcomeOf(records, false);
      result.outcomes.push(outcome);
      // A stage failure or timeout may be transient: such articles are retried by the next run.
      if (outcome.status === 'error') {
        cacheable = false;
        continue;
      }
      await cache.writeArticle(articleKey, records);
      articleKeys.push(articleKey);
    }
    if (cacheable) await cache.writeFile(fileKey, articleKeys);
    return result;
  };

  const drainOne = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    let result: FileResult;
    try {
      result = await next.result;
    } catch (error) {
      // processFile never throws by design (cache writes are best-effort); this keeps a bug from losing the file silently.
      result = uncachedResult([createErrorDocument({ id: next.file.relativePath, source: next.file.relativePath, sha256: '', title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null }, `${next.file.relativePath}: ${describeError(error)}`)]);
    }
    for (const [index, records] of result.records.entries()) {
      await writer.append(records);
      const outcome = result.outcomes[index]!;
      summary.articles += 1;
      summary[outcome.status] += 1;
      if (outcome.reused) summary.reused += 1;
      else summary.processed += 1;
    }
    for (const [stage, ms] of Object.entries(result.timings)) summary.stageMs[stage] = (summary.stageMs[stage] ?? 0) + ms;
    summary.inputs.push({ path: next.file.relativePath, size: next.file.size, articles: result.records.map(({ articles: [row] }) => ({ id: row.id, sha256: row.sha256, status: row.status })) });
    hooks.onFileDone?.(next.file, result.outcomes);
  };

  try {
    for (const file of files) {
      if (hooks.shouldStop?.()) break;
      inFlight.push({ file, result: limit(() => processFile(file)) });
      if (inFlight.length >= window) await drainOne();
    }
    while (inFlight.length > 0 && !hooks.shouldStop?.()) await drainOne();
    // Stopping: articles in progress finish and reach the cache (queued files return at once); nothing more is written.
    await Promise.allSettled(inFlight.map((entry) => entry.result));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  if (hooks.shouldStop?.()) {
    await writer.abort();
    summary.cacheWriteFailures = cache.stats.writeFailures;
    summary.wallMs = performance.now() - started;
    return summary;
  }
  summary.counts = writer.counts;
  summary.wallMs = performance.now() - started;
  await writer.commit(buildManifest(config, summary, pipeline.fingerprint));
  // Only a committed run may forget entries: until then the previous dataset's articles must stay reusable.
  summary.pruned = await cache.prune();
  summary.cacheWriteFailures = cache.stats.writeFailures;
  return summary;
}

function uncachedResult(documents: Document[]): FileResult {
  return {
    records: documents.map((doc) => documentToRecords(doc)),
    outcomes: documents.map((doc) => ({ id: doc.meta.id, status: doc.status, reason: doc.reason, reused: false })),
    timings: {},
  };
}

function outcomeOf(records: ArticleRecords, reused: boolean): ArticleOutcome {
  const [row] = records.articles;
  return { id: row.id, status: row.status, reason: row.reason ?? null, reused };
}

function buildManifest(config: ChroniqueConfig, summary: RunSummary, fingerprint: PipelineFingerprint): unknown {
  return {
    pipeline: { name: 'chronique', version: PIPELINE_VERSION },
    configHash: configHash(config),
    fingerprint,
    configuration: config,
    inputs: summary.inputs,
    walkIssues: summary.walkIssues,
    counts: { articles: summary.articles, ok: summary.ok, skipped: summary.skipped, error: summary.error, ...summary.counts },
    cache: { reused: summary.reused, processed: summary.processed },
    timings: { wallMs: Math.round(summary.wallMs), stageMs: Object.fromEntries(Object.entries(summary.stageMs).map(([k, v]) => [k, Math.round(v)])) },
  };
}
