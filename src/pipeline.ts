/**
 * The pipeline composes the stages over one document, and streams a whole corpus through them into the
 * dataset writer: files are read in id order, processed concurrently (p-limit), and written back in id order,
 * so the output is sorted without holding the corpus in memory.
 */
import pLimit from 'p-limit';
import type { ChroniqueConfig } from './config.js';
import { configHash } from './config.js';
import type { Document } from './document.js';
import { documentToRecords, type ArticleRecords } from './dataset/records.js';
import { DatasetWriter } from './dataset/writer.js';
import { createErrorDocument } from './document.js';
import { describeError, listCorpusFiles, readCorpusFile, type CorpusFile } from './stages/ingest.js';
import { languageStage } from './stages/language.js';
import { segmentStage } from './stages/segment.js';
import type { Stage } from './stages/stage.js';
import { PIPELINE_VERSION } from './version.js';

export class Pipeline {
  private constructor(readonly config: ChroniqueConfig, readonly stages: Stage[]) {}

  /** Builds and initializes the stages; a model that cannot load stops here, before any article. */
  static async create(config: ChroniqueConfig, stages: Stage[] = defaultStages()): Promise<Pipeline> {
    for (const stage of stages) await stage.init?.(config);
    return new Pipeline(config, stages);
  }

  /** Runs every stage on one document; a failing stage marks the document `error` instead of throwing. */
  async process(doc: Document): Promise<Document> {
    const deadline = Date.now() + this.config.run.articleTimeoutMs;
    for (const stage of this.stages) {
      if (doc.status !== 'ok') break;
      const started = performance.now();
      try {
        await withDeadline(Promise.resolve(stage.run(doc, this.config)), deadline);
      } catch (error) {
        doc.status = 'error';
        doc.reason = error instanceof ArticleTimeout ? `timeout: over ${this.config.run.articleTimeoutMs} ms (in stage ${stage.name})` : `stage ${stage.name} failed: ${describeError(error)}`;
      }
      doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + performance.now() - started;
    }
    return doc;
  }

  async dispose(): Promise<void> {
    for (const stage of this.stages) await stage.dispose?.();
  }
}

export function defaultStages(): Stage[] {
  return [languageStage, segmentStage];
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
  /** Milliseconds per stage, summed over articles. */
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
  onFileDone?(file: CorpusFile, documents: Document[]): void;
  /** Polled between files; returning true stops the run gracefully (SIGINT). */
  shouldStop?(): boolean;
}

/** Processes a corpus folder into `outDir`. Throws only when the run cannot proceed (output not writable). */
export async function runCorpus(pipeline: Pipeline, corpusDir: string, outDir: string, hooks: RunHooks = {}): Promise<RunSummary> {
  const started = performance.now();
  const { config } = pipeline;
  const { files, issues } = await listCorpusFiles(corpusDir);
  const writer = await DatasetWriter.open(outDir);
  const summary: RunSummary = { articles: 0, ok: 0, skipped: 0, error: 0, stageMs: {}, counts: {}, wallMs: 0, inputs: [], walkIssues: issues.map((i) => ({ path: i.relativePath, reason: i.reason })) };
  hooks.onStart?.(files.length);
  const limit = pLimit(Math.max(1, config.run.concurrency));
  // A bounded window of in-flight files keeps memory flat while results are written back in order.
  const window = Math.max(2, config.run.concurrency * 4);
  const inFlight: Array<{ file: CorpusFile; result: Promise<Document[]> }> = [];

  const processFile = async (file: CorpusFile): Promise<Document[]> => {
    const documents = await readCorpusFile(file, config.run.maxFileBytes);
    for (const doc of documents) if (doc.status === 'ok') await pipeline.process(doc);
    return documents;
  };

  const drainOne = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    let documents: Document[];
    try {
      documents = await next.result;
    } catch (error) {
      // processFile never throws by design; this keeps a bug from losing the file silently.
      documents = [createErrorDocument({ id: next.file.relativePath, source: next.file.relativePath, sha256: '', title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null }, `${next.file.relativePath}: ${describeError(error)}`)];
    }
    for (const doc of documents) {
      const records: ArticleRecords = documentToRecords(doc);
      await writer.append(records);
      summary.articles += 1;
      summary[doc.status] += 1;
      for (const [stage, ms] of Object.entries(doc.timings)) summary.stageMs[stage] = (summary.stageMs[stage] ?? 0) + ms;
    }
    summary.inputs.push({ path: next.file.relativePath, size: next.file.size, articles: documents.map((d) => ({ id: d.meta.id, sha256: d.meta.sha256, status: d.status })) });
    hooks.onFileDone?.(next.file, documents);
  };

  try {
    for (const file of files) {
      if (hooks.shouldStop?.()) break;
      inFlight.push({ file, result: limit(() => processFile(file)) });
      if (inFlight.length >= window) await drainOne();
    }
    while (inFlight.length > 0) await drainOne();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  if (hooks.shouldStop?.()) {
    await writer.abort();
    summary.wallMs = performance.now() - started;
    return summary;
  }
  summary.counts = writer.counts;
  summary.wallMs = performance.now() - started;
  await writer.commit(buildManifest(config, summary));
  return summary;
}

function buildManifest(config: ChroniqueConfig, summary: RunSummary): unknown {
  return {
    pipeline: { name: 'chronique', version: PIPELINE_VERSION },
    configHash: configHash(config),
    configuration: config,
    inputs: summary.inputs,
    walkIssues: summary.walkIssues,
    counts: { articles: summary.articles, ok: summary.ok, skipped: summary.skipped, error: summary.error, ...summary.counts },
    timings: { wallMs: Math.round(summary.wallMs), stageMs: Object.fromEntries(Object.entries(summary.stageMs).map(([k, v]) => [k, Math.round(v)])) },
  };
}
