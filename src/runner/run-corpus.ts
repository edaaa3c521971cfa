/**
 * The corpus runner: streams a corpus folder through a DocumentProcessor into the dataset writer. Files are walked in
 * id order, processed concurrently (p-limit) within a bounded in-flight window, and drained in id order, so the output
 * is sorted without holding the corpus in memory; the run commits (COMMIT marker, manifest) only when it finished.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { ArticleCache, type CacheMode } from '../dataset/cache.js';
import { DATASET_FILES } from '../dataset/records.js';
import { DatasetWriter } from '../dataset/writer.js';
import { createErrorDocument } from '../document.js';
import { listCorpusFiles, type CorpusFile } from '../ingest/walk.js';
import type { DocumentProcessor } from '../pipeline.js';
import { describeError } from '../util/errors.js';
import { buildManifest } from './manifest.js';
import { EMPTY_RESULT, processFile, uncachedResult, type ArticleOutcome, type FileResult } from './process-file.js';

export type { ArticleOutcome } from './process-file.js';

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

/**
 * Processes a corpus folder into `outDir`. Throws only when the run cannot proceed (output not writable).
 * Articles whose cache entry matches are read back instead of processed; a stopped run (shouldStop) keeps the
 * previous dataset but its finished articles stay cached for the next run.
 */
export async function runCorpus(processor: DocumentProcessor, corpusDir: string, outDir: string, hooks: RunHooks = {}, options: RunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const { config } = processor;
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
    cache = await ArticleCache.open(outDir, processor.fingerprint, options.cache ?? 'use');
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
      // Once stopping, queued files are not started; the run is abandoned anyway (the dataset stays the previous one).
      inFlight.push({ file, result: limit(() => (hooks.shouldStop?.() ? Promise.resolve(EMPTY_RESULT) : processFile(file, processor, cache))) });
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
  await writer.commit(buildManifest(config, summary, processor.fingerprint));
  // Only a committed run may forget entries: until then the previous dataset's articles must stay reusable.
  summary.pruned = await cache.prune();
  summary.cacheWriteFailures = cache.stats.writeFailures;
  return summary;
}
