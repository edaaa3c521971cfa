/**
 * One corpus file → its article records: read once (src/ingest/read.ts), looked up in the incremental cache by its
 * bytes, else parsed into documents, each looked up by its metadata, else processed. Failed articles (ingestion
 * errors, stage failures, timeouts) are never cached: they may be transient or fixed by the user.
 */
import type { ArticleCache } from '../dataset/cache.js';
import { documentToRecords, type ArticleRecords } from '../dataset/records.js';
import type { ArticleStatus, Document } from '../document.js';
import { loadCorpusFile } from '../ingest/read.js';
import type { CorpusFile } from '../ingest/walk.js';
import type { DocumentProcessor } from '../pipeline.js';

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

export async function processFile(file: CorpusFile, processor: DocumentProcessor, cache: ArticleCache): Promise<FileResult> {
  const loaded = await loadCorpusFile(file, processor.config.run.maxFileBytes);
  if (!loaded.ok) return uncachedResult(loaded.documents());
  const fileKey = cache.fileKey(file.relativePath, loaded.bytes);
  const cachedFile = await cache.readFile(fileKey);
  if (cachedFile) return { records: cachedFile, outcomes: cachedFile.map((records) => outcomeOf(records, true)), timings: {} };

  const result: FileResult = { records: [], outcomes: [], timings: {} };
  const articleKeys: string[] = [];
  let cacheable = true;
  for (const doc of loaded.documents()) {
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
    await processor.process(doc);
    const records = documentToRecords(doc);
    for (const [stage, ms] of Object.entries(doc.timings)) result.timings[stage] = (result.timings[stage] ?? 0) + ms;
    result.records.push(records);
    const outcome = outcomeOf(records, false);
    result.outcomes.push(outcome);
    if (outcome.status === 'error') {
      cacheable = false;
      continue;
    }
    await cache.writeArticle(articleKey, records);
    articleKeys.push(articleKey);
  }
  if (cacheable) await cache.writeFile(fileKey, articleKeys);
  return result;
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
