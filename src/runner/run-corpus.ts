/**
 * The corpus runner: streams a corpus folder through a DocumentProcessor into the dataset writer. Files are walked in
 * id order, processed concurrently (p-limit) within a bounded in-flight window, and drained in id order, so the output
 * is sorted without holding the corpus in memory; the run commits (a new generation, switched to at once) only when it finished.
 */
import { stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { ArticleCache, cacheEntryLimit, type CacheMode } from '../dataset/cache.js';
import { DatasetWriter, RecordStream, SinkPair, type RecordSink } from '../dataset/writer.js';
import { faultPoint } from '../util/fault.js';
import { createErrorDocument } from '../document.js';
import { openJsonlFeed, type JsonlFeed } from '../ingest/jsonl.js';
import { ARTICLE_FIELDS, formatOf } from '../ingest/parse.js';
import { compareCodeUnits, listCorpusFiles, type CorpusFile, type WalkIssue, type WalkOptions } from '../ingest/walk.js';
import { describeError } from '../util/errors.js';
import { plural } from '../util/plural.js';
import { buildManifest } from './manifest.js';
import { outputGuard } from './own-output.js';
import { EMPTY_RESULT, processFeedRecord, processFile, uncachedResult, type ArticleOutcome, type FileResult, type ArticleProcessor } from './process-file.js';

export type { ArticleOutcome, ArticleProcessor, ProcessedRecords, RecordsProcessor } from './process-file.js';

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
  /** Cache entries found but not served (not a regular file, too large, checksum or content wrong): recomputed. */
  cacheDiscarded: number;
  /** Milliseconds per stage, summed over processed articles. */
  stageMs: Record<string, number>;
  counts: Record<string, number>;
  wallMs: number;
  /** Milliseconds from the start to the last file written (the commit excluded): the interval the progress rate uses. */
  processingMs: number;
  /** Whether the new dataset (or stream) was completed: false for a stopped run, whose previous dataset stays. */
  committed: boolean;
  inputs: Array<{ path: string; size: number; articles: Array<{ id: string; sha256: string; status: string }>; unknownFields?: string[] }>;
  walkIssues: Array<{ path: string; reason: string }>;
}

export interface RunHooks {
  /** Called once the total number of files is known; `startedAt` (performance.now()) is the origin of the run's wall time. */
  onStart?(totalFiles: number, startedAt: number): void;
  /** Called after each file is fully processed and written. */
  onFileDone?(file: CorpusFile, articles: ArticleOutcome[], elapsedMs: number): void;
  /** A problem with the input worth telling the user that fails no article (unknown fields). */
  onWarning?(message: string): void;
  /** Polled between files; returning true stops the run gracefully (SIGINT). */
  shouldStop?(): boolean;
  /** Called the moment the new dataset is in place (the commit's switch), before the cache clean-up. */
  onCommitted?(): void;
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
export async function runCorpus(processor: ArticleProcessor, corpusDir: string, outDir: string, hooks: RunHooks = {}, options: RunOptions = {}): Promise<RunSummary> {
  return runInputs(processor, await listCorpus(corpusDir, outDir, { followSymlinks: processor.config.run.followSymlinks }), { outDir }, hooks, options);
}

/**
 * A corpus folder's files, less the output folder's own files wherever `outDir` lies. Throws when the folder does not
 * exist, and (InputOverwriteError) when an input stands where the output is written.
 */
export async function listCorpus(corpusDir: string, outDir?: string, walk: WalkOptions = {}): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }> {
  // A mistyped corpus path must stop the run, not replace the previous dataset with an empty one (and prune its cache).
  const corpusStat = await stat(corpusDir).catch(() => null);
  if (!corpusStat?.isDirectory()) throw new Error(`corpus ${corpusStat ? 'is not a folder' : 'folder not found'}: ${corpusDir}`);
  const listed = await listCorpusFiles(corpusDir, walk);
  if (outDir === undefined) return listed;
  // The output's own files are never input, and no input may stand where output goes (src/runner/own-output.ts).
  // Left out silently (like hidden files), so that the manifest is the same whether they existed before the run or not.
  return (await outputGuard(outDir, [corpusDir])).filter(listed, corpusDir);
}

/** A JSONL file on disk is streamed record by record; standard input (already in memory) and other formats are read whole. */
function streamsAsFeed(file: CorpusFile): boolean {
  return file.bytes === undefined && (file.format ?? formatOf(file.relativePath)) === 'jsonl';
}

/** Where a run's records go: a dataset folder (crash-safe, with the incremental cache), a JSONL stream, or both. */
export interface RunOutput {
  outDir?: string;
  /** One line per record, `{"kind": "article"|"sentence"|…, "record": {…}}`, article by article in id order. */
  stream?: NodeJS.WritableStream;
}

/**
 * Processes listed inputs (files, or standard input read into `CorpusFile.bytes`) into a dataset folder and/or a
 * record stream. Without `outDir` there is no cache: every article is processed. Throws only when the run cannot
 * proceed (output not writable).
 */
export async function runInputs(processor: ArticleProcessor, input: { files: CorpusFile[]; issues: WalkIssue[] }, output: RunOutput, hooks: RunHooks = {}, options: RunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const { config } = processor;
  const { files, issues } = input;
  if (!output.outDir && !output.stream) throw new Error('runInputs: no output (outDir or stream)');
  const sinks: RecordSink[] = [];
  if (output.outDir) sinks.push(await DatasetWriter.open(output.outDir, hooks.onWarning));
  if (output.stream) sinks.push(new RecordStream(output.stream));
  const writer = sinks.length === 1 ? sinks[0]! : new SinkPair(sinks[0]!, sinks[1]!);
  let cache: ArticleCache;
  try {
    cache = output.outDir ? await ArticleCache.open(output.outDir, processor.fingerprint, { mode: options.cache ?? 'use', maxEntryBytes: cacheEntryLimit(config.run.maxFileBytes) }) : ArticleCache.disabled(processor.fingerprint);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const summary: RunSummary = { articles: 0, ok: 0, skipped: 0, error: 0, reused: 0, processed: 0, pruned: 0, cacheWriteFailures: 0, cacheDiscarded: 0, stageMs: {}, counts: {}, wallMs: 0, processingMs: 0, committed: false, inputs: [], walkIssues: issues.map((i) => ({ path: i.relativePath, reason: i.reason })) };
  hooks.onStart?.(files.length, started);
  const limit = pLimit(Math.max(1, config.run.concurrency));
  // A bounded window of in-flight parts keeps memory flat while results are written back in order. A part is a whole
  // file, or one record of a streamed JSONL feed: a feed of any size holds no more than the window.
  const window = Math.max(2, config.run.concurrency * 4);
  interface Part {
    file: CorpusFile;
    first: boolean;
    last: boolean;
    result: Promise<FileResult>;
    feed?: JsonlFeed;
  }
  const inFlight: Part[] = [];
  const openFeeds = new Set<JsonlFeed>();
  /** The file whose parts are being written: its manifest entry, outcomes and unknown fields gather over its parts. */
  let current: { input: RunSummary['inputs'][number]; outcomes: ArticleOutcome[]; unknown: Set<string> } | null = null;

  const drainOne = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    let result: FileResult;
    try {
      result = await next.result;
    } catch (error) {
      // processFile never throws by design (cache writes are best-effort); this keeps a bug from losing the file silently.
      result = uncachedResult([createErrorDocument({ id: next.file.relativePath, source: next.file.relativePath, sha256: '', title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null, unknownFields: [] }, `${next.file.relativePath}: ${describeError(error)}`)]);
    }
    if (next.first || !current) {
      current = { input: { path: next.file.relativePath, size: next.file.size, articles: [] }, outcomes: [], unknown: new Set() };
      summary.inputs.push(current.input);
    }
    for (const [index, records] of result.records.entries()) {
      await writer.append(records);
      const outcome = result.outcomes[index]!;
      summary.articles += 1;
      summary[outcome.status] += 1;
      if (outcome.reused) summary.reused += 1;
      else summary.processed += 1;
      const [row] = records.articles;
      current.input.articles.push({ id: row.id, sha256: row.sha256, status: row.status });
      current.outcomes.push(outcome);
      for (const field of records.unknownFields ?? []) current.unknown.add(field);
      for (const warning of records.warnings ?? []) hooks.onWarning?.(warning);
    }
    for (const [stage, ms] of Object.entries(result.timings)) summary.stageMs[stage] = (summary.stageMs[stage] ?? 0) + ms;
    if (!next.last) return;
    if (next.feed) {
      openFeeds.delete(next.feed);
      await next.feed.close();
    }
    const unknown = [...current.unknown].sort(compareCodeUnits);
    if (unknown.length > 0) current.input.unknownFields = unknown;
    // Once per file, not per record: a feed's extra field is usually on every line.
    if (unknown.length > 0) hooks.onWarning?.(`${next.file.relativePath}: ${plural(unknown.length, 'unknown field')} ignored: ${unknown.join(', ')} (read: ${Object.keys(ARTICLE_FIELDS).join(', ')} and their aliases, see README)`);
    summary.processingMs = performance.now() - started;
    hooks.onFileDone?.(next.file, current.outcomes, summary.processingMs);
    current = null;
    if (summary.inputs.length === 1) await faultPoint('run.first-file');
  };
  const add = async (part: Omit<Part, 'result'>, work: () => Promise<FileResult>): Promise<void> => {
    // Once stopping, queued parts are not started; the run is abandoned anyway (the dataset stays the previous one).
    inFlight.push({ ...part, result: limit(() => (hooks.shouldStop?.() ? Promise.resolve(EMPTY_RESULT) : work())) });
    if (inFlight.length >= window) await drainOne();
  };

  try {
    for (const file of files) {
      if (hooks.shouldStop?.()) break;
      const opened = streamsAsFeed(file) ? await openJsonlFeed(file, config.run.maxFileBytes) : null;
      if (opened?.kind === 'feed') {
        const { feed } = opened;
        openFeeds.add(feed);
        if (feed.count === 0) await add({ file, first: true, last: true, feed }, () => Promise.resolve(EMPTY_RESULT));
        for (let index = 0; index < feed.count && !hooks.shouldStop?.(); index++) {
          await add({ file, first: index === 0, last: index === feed.count - 1, feed }, () => processFeedRecord(feed, index, processor, cache));
        }
      } else if (opened?.kind === 'failed') {
        const failed = uncachedResult(opened.documents);
        await add({ file, first: true, last: true }, () => Promise.resolve(failed));
      } else {
        await add({ file, first: true, last: true }, () => processFile(file, processor, cache));
      }
    }
    while (inFlight.length > 0 && !hooks.shouldStop?.()) await drainOne();
    // Stopping: articles in progress finish and reach the cache (queued parts return at once); nothing more is written.
    await Promise.allSettled(inFlight.map((entry) => entry.result));
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    for (const feed of openFeeds) await feed.close();
  }
  summary.cacheDiscarded = cache.stats.discarded;
  if (cache.stats.discarded > 0) {
    const more = cache.stats.discarded - cache.stats.discardedExamples.length;
    hooks.onWarning?.(`${plural(cache.stats.discarded, 'cache entry', 'cache entries')} failed verification and ${cache.stats.discarded === 1 ? 'was' : 'were'} recomputed: ${cache.stats.discardedExamples.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
  }
  await faultPoint('run.drained');
  if (hooks.shouldStop?.()) {
    await writer.abort();
    summary.cacheWriteFailures = cache.stats.writeFailures;
    summary.wallMs = performance.now() - started;
    return summary;
  }
  summary.counts = writer.counts;
  summary.wallMs = performance.now() - started;
  // Once the commit began it runs to its end: a stop requested now is answered after it (the run reports `committed`).
  await writer.commit({ ...buildManifest(config, summary, processor.fingerprint), ...('manifestSections' in processor ? processor.manifestSections?.() : {}) }, hooks.onCommitted);
  summary.committed = true;
  try {
    // Only a committed run may forget entries: until then the previous dataset's articles must stay reusable.
    summary.pruned = await cache.prune();
    await faultPoint('run.pruned');
  } finally {
    await writer.close();
  }
  summary.cacheWriteFailures = cache.stats.writeFailures;
  return summary;
}
