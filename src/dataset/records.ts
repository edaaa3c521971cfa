/**
 * The output contract: one row type per dataset file, built from a processed Document. Rows only carry
 * results (never timings or clocks) so that the same input always gives the same bytes.
 */
import { rankedIds, spanAnchor } from './ids.js';
import type { Document, Entity } from '../document.js';
import type { ArticleRow, EntityRecord, MentionRow, SentenceRow, TimexRow } from './schema.js';

export const DATASET_FILES = ['articles', 'sentences', 'mentions', 'timexes', 'entities', 'events'] as const;
export type DatasetFile = (typeof DATASET_FILES)[number];

/**
 * The row types are the TypeBox schemas' static types (src/dataset/schema.ts): the JSON Schema files in `schema/`
 * and these types come from the same objects.
 */
export type { ArticleRow, SentenceRow, MentionRow, TimexRow } from './schema.js';
export type EntityRow = EntityRecord;

/** Everything one article contributes to the dataset, in file order. Also the unit of the incremental cache. */
export interface ArticleRecords {
  articles: [ArticleRow];
  sentences: SentenceRow[];
  mentions: MentionRow[];
  timexes: TimexRow[];
  entities: EntityRow[];
  events: unknown[];
  /** Input fields ingestion did not read (for the run's warnings and manifest; not a dataset file). */
  unknownFields?: string[];
  /** Ingestion warnings naming the record (for the run's log; not a dataset file). */
  warnings?: string[];
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;
const byOffsets = <T extends { start: number; end: number }>(a: T, b: T): number => a.start - b.start || a.end - b.end;

/**
 * An `error` article (a stage failed or timed out) contributes its `articles.jsonl` row only, counts zero: its layers
 * are whatever the stages had reached and must not enter the dataset as if they were the article's analysis.
 */
export function documentToRecords(doc: Document): ArticleRecords {
  if (doc.status === 'error') doc = { ...doc, sentences: [], mentions: [], modelDates: [], timexes: [], entities: [], events: [] };
  const article = doc.meta.id;
  const language = doc.language?.code ?? 'und';
  const sentences = [...doc.sentences].sort(byOffsets);
  const mentions = [...doc.mentions].sort((a, b) => byOffsets(a, b) || a.label.localeCompare(b.label));
  const timexes = [...doc.timexes].sort(byOffsets);
  const sentenceSpans = new Map(doc.sentences.map((s) => [s.index, s] as const));
  const mentionIds = rankedIds(article, 'mention', 'men_', mentions, (m) => spanAnchor(doc.text, { start: m.start, end: m.end, sentence: sentenceSpans.get(m.sentence) ?? m }));
  const entities = [...doc.entities].sort((a: Entity, b: Entity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const row: ArticleRow = {
    id: article,
    source: doc.meta.source,
    sourceId: doc.meta.externalId,
    sha256: doc.meta.sha256,
    title: doc.meta.title,
    published: doc.meta.published,
    url: doc.meta.url,
    text: doc.text,
    language: doc.language && { code: doc.language.code, iso6393: doc.language.iso6393, score: round(doc.language.score, 3) },
    status: doc.status,
    ...(doc.reason ? { reason: doc.reason } : {}),
    counts: {
      sentences: sentences.length,
      mentions: mentions.length,
      timexes: timexes.length,
      entities: entities.length,
      events: doc.events.length,
    },
  };
  return {
    articles: [row],
    sentences: sentences.map((s) => ({ article, language, index: s.index, start: s.start, end: s.end, kind: s.kind, text: doc.text.slice(s.start, s.end) })),
    mentions: mentions.map((m, i) => ({
      id: mentionIds[i]!,
      article,
      language,
      sentence: m.sentence,
      start: m.start,
      end: m.end,
      text: doc.text.slice(m.start, m.end),
      label: m.label,
      score: round(m.score),
      source: m.source,
      entity: m.entity ?? null,
    })),
    timexes: timexes.map((t) => ({
      article,
      language,
      sentence: t.sentence,
      start: t.start,
      end: t.end,
      text: doc.text.slice(t.start, t.end),
      type: t.type,
      value: t.value,
      granularity: t.granularity,
      mod: t.mod,
      anchor: t.anchor,
      source: t.source,
    })),
    entities: entities.map((e) => ({ id: e.id, article, language, label: e.label, canonical: e.canonical, mentions: e.mentions.map((m) => [m.start, m.end] as [number, number]) })),
    events: doc.events,
    ...(doc.meta.unknownFields && doc.meta.unknownFields.length > 0 ? { unknownFields: [...doc.meta.unknownFields] } : {}),
    ...(doc.meta.warnings && doc.meta.warnings.length > 0 ? { warnings: [...doc.meta.warnings] } : {}),
  };
}
