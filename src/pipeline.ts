/**
 * The pipeline composes the stages over one document: `Pipeline.create` initializes them once, `process` runs them
 * in order under the article's time limit. Running a whole corpus (walk, cache, ordered writing) is src/runner/'s job;
 * it drives any `DocumentProcessor` — this Pipeline in the main thread, or the worker pool (src/pool/).
 */
import type { ChroniqueConfig } from './config.js';
import { ConfigError, configHash } from './config.js';
import { PIPELINE_LANGUAGES } from './rules/languages.js';
import type { Document } from './document.js';
import { createDatesStage } from './stages/dates.js';
import { entitiesStage } from './stages/entities.js';
import { createEventsStage } from './stages/events.js';
import { createLanguageStage } from './stages/language.js';
import { createNerStage } from './stages/ner.js';
import { segmentStage } from './stages/segment.js';
import { checkStageOrder, type Stage } from './stages/stage.js';
import { PerLanguageStage } from './stages/by-language.js';
import { createEnglishDatesStage, createEnglishEventsStage, EnglishNerStage, englishSegmentStage } from './stages/en.js';
import { describeError } from './util/errors.js';
import { sourceCodeHash } from './util/code-hash.js';
import { PIPELINE_VERSION } from './version.js';

/** Everything besides an article itself that its results depend on; keys the incremental cache. */
export interface PipelineFingerprint {
  pipelineVersion: string;
  /** sha256 of the source files that make results (see src/util/code-hash.ts), so that an edited rule invalidates the cache. */
  codeHash: string;
  configHash: string;
  /** Stage name → the stage's `fingerprint()` (empty when it has none), in pipeline order. */
  stages: Record<string, string>;
}

/**
 * What the corpus runner needs to turn documents into results: the configuration they run under, the fingerprint
 * that keys their cache entries, and `process`, which never throws (a failure marks the document `error`).
 */
export interface DocumentProcessor {
  readonly config: ChroniqueConfig;
  readonly fingerprint: PipelineFingerprint;
  /** Runs the stages on `doc` and returns it, updated in place. */
  process(doc: Document): Promise<Document>;
  dispose(): Promise<void>;
}

export class Pipeline implements DocumentProcessor {
  private constructor(
    readonly config: ChroniqueConfig,
    readonly stages: Stage[],
    /** What the results depend on besides the articles; keys the incremental cache. */
    readonly fingerprint: PipelineFingerprint,
  ) {}

  /**
   * Checks the stage order (each layer written once, and before any stage reads it: a StageOrderError names the layer
   * and both stages), then initializes the stages; a model that cannot load stops here, before any article.
   */
  static async create(config: ChroniqueConfig, stages: Stage[] = defaultStages()): Promise<Pipeline> {
    checkStageOrder(stages);
    for (const stage of stages) await stage.init?.({ config });
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
        await withDeadline(Promise.resolve(stage.run(doc, stop.signal)), deadline);
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
 * The full pipeline; each stage declares the layers it reads and writes, and `Pipeline.create` checks the order.
 * `deferModel`: the NER model loads when the first article needs it (see NerStage).
 * After the language stage, the language-specific steps run the implementation of the article's language
 * (src/stages/by-language.ts): French (the segmenter, the NER model, the French rules) or English
 * (src/stages/en.ts); clustering entities is the same for both.
 */
export function defaultStages(options: { deferModel?: boolean } = {}): Stage[] {
  const deferModel = options.deferModel ?? false;
  return [
    createLanguageStage(),
    new PerLanguageStage({ fr: segmentStage, en: englishSegmentStage }),
    new PerLanguageStage({ fr: createNerStage(deferModel), en: new EnglishNerStage(deferModel) }),
    new PerLanguageStage({ fr: createDatesStage(), en: createEnglishDatesStage() }),
    entitiesStage,
    new PerLanguageStage({ fr: createEventsStage(), en: createEnglishEventsStage() }),
  ];
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

/**
 * Languages of `codes` that have no pipeline, or a message when the list is empty. Checked before anything loads:
 * a language without rules and a model would otherwise run the French ones on it, or skip every article.
 */
export function languageProblem(codes: readonly string[]): string | null {
  if (codes.length === 0) return `no language given (supported: ${PIPELINE_LANGUAGES.join(', ')})`;
  const unsupported = codes.filter((code) => !PIPELINE_LANGUAGES.includes(code));
  if (unsupported.length === 0) return null;
  return `no pipeline for ${unsupported.map((code) => JSON.stringify(code)).join(', ')} (supported: ${PIPELINE_LANGUAGES.join(', ')})`;
}

/** Throws ConfigError when the default stages cannot run `config`. */
export function validateConfig(config: ChroniqueConfig): void {
  const problem = languageProblem(config.language.accept);
  if (problem) throw new ConfigError(`language.accept: ${problem}`);
}
