/**
 * The one data path of chronique: a `Document` holds an article's original text and every stage adds
 * a typed layer to it. Every span is `[start, end)` in UTF-16 code units (JavaScript string indices)
 * into `Document.text`, so `text.slice(start, end)` is always the span's text.
 */
import type { EntityLabel, Granularity, TimexAnchor, TimexMod, TimexType } from './vocabulary.js';

export interface Span {
  start: number;
  end: number;
}

export type ArticleStatus = 'ok' | 'skipped' | 'error';

/** What ingestion knows about an article before any analysis. */
export interface ArticleMeta {
  /** Path relative to the corpus root; a JSONL record's: `<file>#<its own id>`, else `<file>#sha256-<16 hex of its text>` (src/ingest/record-ids.ts). Stable across runs and line moves. */
  id: string;
  /** Path of the source file relative to the corpus root. */
  source: string;
  /** sha256 (hex) of the article's decoded source text. */
  sha256: string;
  title: string | null;
  /** Publication date as given (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null when unknown. */
  published: string | null;
  url: string | null;
  /** Language declared by the source (JSON `lang`), if any. */
  declaredLanguage: string | null;
  /** The source's own identifier (JSON `id`), if any; the article id stays path-based. */
  externalId: string | null;
  /** Publisher or feed name (JSON / front-matter `source`), if any. */
  sourceName: string | null;
  /** Fields of the source record that no article field reads (JSON inputs, front matter), sorted; reported, never guessed at. */
  unknownFields?: string[];
  /** Problems with the source record that fail nothing (a rejected publication date), each naming the record. */
  warnings?: string[];
}

export interface LanguageResult {
  /** ISO 639-1 code (`fr`, `en`, …) or `und` when too little text to decide. */
  code: string;
  /** ISO 639-3 code as returned by franc (`fra`, `eng`, …) or `und`. */
  iso6393: string;
  /** Confidence in [0, 1]: franc's normalized score of the winner. */
  score: number;
}

export type SentenceKind = 'title' | 'body';

export interface Sentence extends Span {
  index: number;
  kind: SentenceKind;
}

/** A named-entity mention found in a sentence. */
export interface Mention extends Span {
  sentence: number;
  label: EntityLabel;
  /** Mean probability of the mention's tokens for its label, in [0, 1]. */
  score: number;
  source: 'model' | 'rules';
  /** Id of the canonical entity this mention belongs to (set by the entity-clustering step). */
  entity?: string;
}

/**
 * A word with its syntax, from a multi-head NER model (one encoder pass with the entities; `src/ner/syntax.ts`). The
 * span is the word as the model saw it (runtime word segmentation: `l'` and `homme` apart, `au` one word).
 */
export interface Token extends Span {
  sentence: number;
  /** Universal POS tag (UD). */
  upos: string;
  /** Morphological features the model predicts (Number, Gender, Person, Tense, Mood, VerbForm), absent ones left out. */
  feats: Record<string, string>;
  lemma: string;
  /** Index in `Document.tokens` of the head word (same sentence), or null for the sentence's root. */
  head: number | null;
  /** UD dependency relation to the head (`root` for the root). */
  deprel: string;
}

/** A DATE span from the NER model, before normalization. */
export interface ModelDateSpan extends Span {
  sentence: number;
  score: number;
}

/** A time expression with its ISO-TimeML (TIMEX3) normalization. */
export interface TimeExpression extends Span {
  sentence: number;
  type: TimexType;
  /** TIMEX3 value (`2022-07-13`, `199X`, `P5Y`, `PRESENT_REF`, …) or null when it cannot be normalized. */
  value: string | null;
  granularity: Granularity;
  mod: TimexMod | null;
  anchor: TimexAnchor;
  source: 'rules' | 'model' | 'both';
}

/** Canonical entity: a cluster of mentions of the same real-world thing within one article. */
export interface Entity {
  id: string;
  label: EntityLabel;
  canonical: string;
  mentions: Span[];
}

/** Wall-clock milliseconds spent per stage on this document (reported in the manifest, never in the dataset). */
export type StageTimings = Record<string, number>;

export interface Document {
  meta: ArticleMeta;
  /** The article's full decoded source text (BOM removed). All offsets point into it. */
  text: string;
  /** Where the title lies in `text`, if the source carries one inside the text. */
  titleSpan: Span | null;
  /** Where the body lies in `text` (after any header / front matter). */
  bodySpan: Span;
  status: ArticleStatus;
  /** Why the article was skipped or failed. */
  reason: string | null;
  language: LanguageResult | null;
  sentences: Sentence[];
  mentions: Mention[];
  /** Words with UPOS, features, lemma, head and relation, when the NER model has syntax outputs; else empty. */
  tokens: Token[];
  /** DATE spans proposed by the NER model; the dates stage merges them with its rule spans into `timexes`. */
  modelDates: ModelDateSpan[];
  timexes: TimeExpression[];
  entities: Entity[];
  /** Event records (see `src/dataset/schema.ts`); typed loosely here to keep this module dependency-free. */
  events: unknown[];
  timings: StageTimings;
}

export function createDocument(meta: ArticleMeta, text: string, bodySpan: Span, titleSpan: Span | null): Document {
  return {
    meta,
    text,
    titleSpan,
    bodySpan,
    status: 'ok',
    reason: null,
    language: null,
    sentences: [],
    mentions: [],
    tokens: [],
    modelDates: [],
    timexes: [],
    entities: [],
    events: [],
    timings: {},
  };
}

/** A failed or unreadable input still becomes a document so that nothing is silently dropped. */
export function createErrorDocument(meta: ArticleMeta, reason: string, text = ''): Document {
  const doc = createDocument(meta, text, { start: 0, end: text.length }, null);
  doc.status = 'error';
  doc.reason = reason;
  return doc;
}
