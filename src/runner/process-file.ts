/**
 * One corpus file → its article records: read once (src/ingest/read.ts), looked up in the incremental cache by its
 * bytes, else parsed into documents, each looked up by its metadata, else processed. Failed articles (ingestion
 * errors, stage failures, timeouts) are never cached: they may be transient or fixed by the user.
 */
import type { ArticleCache } from '../dataset/cache.js';
import { documentToRecords, type ArticleRecords } from '../dataset/records.js';
import type { ArticleStatus, Document } from '../document.js';
import type { JsonlFeed } from '../ingest/jsonl.js';
import { loadCorpusFile } from '../ingest/read.js';
import type { CorpusFile } from '../ingest/walk.js';
import type { ChroniqueConfig } from '../config.js';
import type { DocumentProcessor, PipelineFingerprint } from '../pipeline.js';

/** What became of one article, for progress and logs (cached articles have no Document any more). */
export interface ArticleOutcome {
  id: string;
  status: ArticleStatus;
  reason: string | null;
  /** True when read back from the cache rather than processed. */
  reused: boolean;
}

export interface FileResult {
  records: ArticleRecords[];
  outcomes: ArticleOutcome[];
  /** Milliseconds per stage, summed over the file's processed articles. */
  timings: Record<string, number>;
}

export const EMPTY_RESULT: FileResult = { records: [], outcomes: [], timings: {} };

/** An article's records and the time its stages took (ms per stage). */
export interface ProcessedRecords {
  records: ArticleRecords;
  timings: Record<string, number>;
}

/**
 * A processor that hands back an article's records rather than its document: the queue coordinator, whose workers
 * send records. The runner then takes all of a file's articles at once (it bounds its own articles in flight).
 */
export interface RecordsProcessor {
  readonly config: ChroniqueConfig;
  readonly fingerprint: PipelineFingerprint;
  processRecords(doc: Document): Promise<ProcessedRecords>;
  /** Sections added to the manifest (e.g. `workers`). */
  manifestSections?(): Record<string, unknown>;
  dispose(): Promise<void>;
}

export type ArticleProcessor = DocumentProcessor | RecordsProcessor;

interface Settled extends ProcessedRecords {
  /** Cache key of an article whose records are (now) cached, else null. */
  cacheKey: string | null;
  reused: boolean;
}

export async function processFile(file: CorpusFile, processor: ArticleProcessor, cache: ArticleCache): Promise<FileResult> {
  const loaded = await loadCorpusFile(file, processor.config.run.maxFileBytes);
  if (!loaded.ok) return uncachedResult(loaded.documents());
  const fileKey = cache.fileKey(file.relativePath, loaded.bytes);
  const cachedFile = await cache.readFile(fileKey, file.relativePath);
  if (cachedFile) return { records: cachedFile, outcomes: cachedFile.map((records) => outcomeOf(records, true)), timings: {} };

  const settle = (doc: Document): Promise<Settled> => settleDocument(doc, processor, cache);
  const documents = loaded.documents();
  let settled: Settled[];
  if ('processRecords' in processor) {
    settled = await Promise.all(documents.map(settle));
  } else {
    // In-process articles of one file run one after the other: concurrency is across files (run.concurrency).
    settled = [];
    for (const doc of documents) settled.push(await settle(doc));
  }
  const result: FileResult = { records: [], outcomes: [], timings: {} };
  for (const article of settled) {
    result.records.push(article.records);
    result.outcomes.push(outcomeOf(article.records, article.reused));
    for (const [stage, ms] of Object.entries(article.timings)) result.timings[stage] = (result.timings[stage] ?? 0) + ms;
  }
  if (settled.every((article) => article.cacheKey !== null)) await cache.writeFile(fileKey, settled.map((article) => article.cacheKey!));
  return result;
}

/** One document's records: an ingestion failure as is, a cached article read back, else processed (and cached when not `error`). */
async function settleDocument(doc: Document, processor: ArticleProcessor, cache: ArticleCache): Promise<Settled> {
  if (doc.status !== 'ok') return { records: documentToRecords(doc), timings: {}, cacheKey: null, reused: false };
  const articleKey = cache.articleKey(doc.meta);
  const cached = await cache.readArticle(articleKey, { id: doc.meta.id, sha256: doc.meta.sha256, text: doc.text, source: doc.meta.source });
  if (cached) return { records: cached, timings: {}, cacheKey: articleKey, reused: true };
  const { records, timings } = 'processRecords' in processor ? await processor.processRecords(doc) : await processLocally(processor, doc);
  if (records.articles[0].status === 'error') return { records, timings, cacheKey: null, reused: false };
  await cache.writeArticle(articleKey, records);
  return { records, timings, cacheKey: articleKey, reused: false };
}

/**
 * One record of a streamed JSONL feed (src/ingest/jsonl.ts) → its records: read back from the feed, then looked up
 * in the cache by its metadata, else processed. A feed has no file-level cache entry: its bytes are never held whole.
 */
export async function processFeedRecord(feed: JsonlFeed, index: number, processor: ArticleProcessor, cache: ArticleCache): Promise<FileResult> {
  const article = await settleDocument(await feed.read(index), processor, cache);
  return { records: [article.records], outcomes: [outcomeOf(article.records, article.reused)], timings: article.timings };
}

async function processLocally(processor: DocumentProcessor, doc: Document): Promise<ProcessedRecords> {
  await processor.process(doc);
  return { records: documentToRecords(doc), timings: doc.timings };
}

export function uncachedResult(documents: Document[]): FileResult {
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
