/**
 * chronique's library API: `createPipeline()` loads the stages once (the NER model included); `process()` turns one
 * article into the rows the dataset files hold; `processCorpus()` runs a folder into a dataset folder as the CLI does;
 * `close()` releases the model.
 *
 * ```ts
 * import { createPipeline } from 'chronique';
 * const pipeline = await createPipeline();
 * const { events, timexes } = await pipeline.process({ text: 'Le ministre a démissionné hier.', published: '2024-05-02' });
 * await pipeline.close();
 * ```
 */
import { resolveConfig, type ChroniqueConfig, type ConfigOverrides } from './config.js';
import type { CacheMode } from './dataset/cache.js';
import { documentToRecords } from './dataset/records.js';
import type { ArticleRow, EntityRecord, EventRecord, MentionRow, SentenceRow, TimexRow } from './dataset/schema.js';
import type { Document } from './document.js';
import { Pipeline, validateConfig, type DocumentProcessor } from './pipeline.js';
import { WorkerPool } from './pool/worker-pool.js';
import { documentFromRecord } from './ingest/parse.js';
import { runCorpus, type RunHooks, type RunSummary } from './runner/run-corpus.js';

/** One article. Field aliases are read as in JSON inputs (`date`, `pubDate`, `language`, …; see README). */
export interface ArticleInput {
  text: string;
  title?: string | null;
  /** Publication date, ISO 8601 (`2024-05-02`, `2024-05-02T08:00:00Z`) or RFC 2822; relative dates resolve on it. */
  published?: string | null;
  url?: string | null;
  /** The caller's own identifier, kept as `article.sourceId`. */
  id?: string | number | null;
  source?: string | null;
  lang?: string | null;
  [alias: string]: unknown;
}

/** What one article gives: the rows of each dataset file (the same as in `*.jsonl`), and the Document itself. */
export interface ProcessedArticle {
  article: ArticleRow;
  sentences: SentenceRow[];
  mentions: MentionRow[];
  timexes: TimexRow[];
  entities: EntityRecord[];
  events: EventRecord[];
  /** The document with every layer, for callers that want offsets into `document.text` directly. */
  document: Document;
}

export interface ProcessOptions {
  /** Article id in the rows (default `article`); the dataset's ids are paths, here the caller chooses. */
  articleId?: string;
}

export interface CorpusOptions {
  /** `use` (default): only new or changed articles; `force`: all; `rebuild`: also delete the cache first. */
  cache?: CacheMode;
  hooks?: RunHooks;
}

export interface ChroniquePipeline {
  readonly config: ChroniqueConfig;
  /** Processes one article (text, or a record with fields). Never throws for bad input: `article.status` says. */
  process(input: ArticleInput | string, options?: ProcessOptions): Promise<ProcessedArticle>;
  /** Processes a corpus folder into a dataset folder, incrementally, as `chronique run DIR --out OUT`. */
  processCorpus(corpusDir: string, outDir: string, options?: CorpusOptions): Promise<RunSummary>;
  /** Releases the model (and worker threads); the pipeline cannot be used after. */
  close(): Promise<void>;
}

/**
 * Loads the default stages with `overrides` over the defaults (`src/config.ts`). Throws `ConfigError` for a
 * configuration the pipeline cannot run (a language without a pipeline) and `NerModelError` for a model folder
 * that cannot load, before any article.
 */
export async function createPipeline(overrides: ConfigOverrides = {}): Promise<ChroniquePipeline> {
  const config = resolveConfig(overrides);
  validateConfig(config);
  const pipeline: DocumentProcessor = config.run.workers > 0 ? await WorkerPool.create(config) : await Pipeline.create(config);
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('chronique: pipeline used after close()');
  };
  return {
    config,
    async process(input, options = {}) {
      open();
      const record = typeof input === 'string' ? { text: input } : input;
      const id = options.articleId ?? 'article';
      const doc = await pipeline.process(documentFromRecord(record, id));
      const rows = documentToRecords(doc);
      return {
        article: rows.articles[0],
        sentences: rows.sentences,
        mentions: rows.mentions,
        timexes: rows.timexes,
        entities: rows.entities,
        events: rows.events as EventRecord[],
        document: doc,
      };
    },
    async processCorpus(corpusDir, outDir, options = {}) {
      open();
      return runCorpus(pipeline, corpusDir, outDir, options.hooks ?? {}, { cache: options.cache ?? 'use' });
    },
    async close() {
      if (closed) return;
      closed = true;
      await pipeline.dispose();
    },
  };
}

export { DEFAULT_CONFIG, ConfigError, resolveConfig } from './config.js';
export { validateConfig, languageProblem } from './pipeline.js';
export type { ChroniqueConfig, ConfigOverrides, LanguageConfig, NerConfig, DatesConfig, EventsConfig, RunConfig } from './config.js';
export type { Document, ArticleMeta, ArticleStatus, Span, Sentence, Mention, TimeExpression, Entity } from './document.js';
export type { ArticleRow, SentenceRow, MentionRow, TimexRow, EntityRecord, EventRecord, EventArgument, EventTime, Manifest, Provenance } from './dataset/schema.js';
export { SCHEMA_FILES, DATASET_FILE_SCHEMAS } from './dataset/schema.js';
export { EVENT_TYPES, ROLES, MODALITIES, POLARITIES } from './vocabulary.js';
export { DATASET_FILES } from './dataset/records.js';
export type { RunSummary, RunHooks, ArticleOutcome } from './runner/run-corpus.js';
export { PIPELINE_LANGUAGES } from './rules/languages.js';
export { PIPELINE_VERSION } from './version.js';
export { NerModelError } from './ner/model.js';
/**
 * Reading a dataset folder while runs may commit into it: `pinDataset(out)` is the folder of the generation in place
 * (read every file from there); `readArticles(out)` yields each article with all its rows from one pinned generation.
 */
export { pinDataset } from './dataset/generations.js';
export { readArticles, DatasetReadError, type ArticleData } from './audit/stream.js';
