/**
 * Small hand-written datasets for the diff and report tests: rows built from an article text and the strings to
 * mark in it, so offsets are always right (text.slice(start, end) === the string).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleData } from '../../src/audit/dataset.js';
import type { MentionRow, TimexRow } from '../../src/dataset/records.js';
import type { EventRecord } from '../../src/dataset/schema.js';

/** A fixture article has exactly what the dataset loader gives for one article. */
export type FixtureArticle = ArticleData;

/** Offsets of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function find(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`"${needle}" not found in text`);
  }
  return { start, end: start + needle.length };
}

export function makeArticle(id: string, text: string, sentenceTexts: string[], title: string | null = null): FixtureArticle {
  const sentences = sentenceTexts.map((sentence, index) => {
    const { start, end } = find(text, sentence);
    return { article: id, index, start, end, kind: index === 0 && title ? ('title' as const) : ('body' as const), text: sentence };
  });
  return {
    article: {
      id,
      source: id,
      sha256: `sha-${text.length}-${id}`,
      title,
      published: '2024-03-05',
      url: null,
      text,
      language: { code: 'fr', iso6393: 'fra', score: 1 },
      status: 'ok',
      counts: { sentences: sentences.length, mentions: 0, timexes: 0, entities: 0, events: 0 },
    },
    sentences,
    mentions: [],
    timexes: [],
    entities: [],
    events: [],
  };
}

export function addMention(data: FixtureArticle, needle: string, label: MentionRow['label'], occurrence = 0): MentionRow {
  const { start, end } = find(data.article.text, needle, occurrence);
  const sentence = data.sentences.find((s) => start >= s.start && end <= s.end)?.index ?? 0;
  const entityId = `ent_${label}_${needle}`;
  const row: MentionRow = { article: data.article.id, sentence, start, end, text: needle, label, score: 0.99, source: 'model', entity: entityId };
  data.mentions.push(row);
  let entity = data.entities.find((e) => e.id === entityId);
  if (!entity) data.entities.push((entity = { id: entityId, article: data.article.id, label, canonical: needle, mentions: [] }));
  entity.mentions.push([start, end]);
  return row;
}

export function addTimex(data: FixtureArticle, needle: string, value: string, type: TimexRow['type'] = 'DATE'): TimexRow {
  const { start, end } = find(data.article.text, needle);
  const sentence = data.sentences.find((s) => start >= s.start && end <= s.end)?.index ?? 0;
  const row: TimexRow = { article: data.article.id, sentence, start, end, text: needle, type, value, granularity: 'day', mod: null, anchor: 'absolute', source: 'rules' };
  data.timexes.push(row);
  return row;
}

export interface EventSpec {
  id: string;
  type: EventRecord['type'];
  trigger: string;
  lemma?: string;
  args?: Array<{ role: EventRecord['arguments'][number]['role']; text: string; label: MentionRow['label'] }>;
  time?: { text: string; value: string } | null;
  confidence?: number;
  modality?: EventRecord['modality'];
}

export function addEvent(data: FixtureArticle, spec: EventSpec): EventRecord {
  const text = data.article.text;
  const trigger = find(text, spec.trigger);
  const sentence = data.sentences.find((s) => trigger.start >= s.start && trigger.end <= s.end) ?? data.sentences[0]!;
  const event: EventRecord = {
    id: spec.id,
    type: spec.type,
    trigger: { text: spec.trigger, start: trigger.start, end: trigger.end, lemma: spec.lemma ?? spec.trigger },
    arguments: (spec.args ?? []).map((arg) => {
      const span = find(text, arg.text);
      return { role: arg.role, entity: `ent_${arg.label}_${arg.text}`, canonical: arg.text, text: arg.text, start: span.start, end: span.end, label: arg.label, resolved: false, antecedent: null };
    }),
    time: spec.time ? { text: spec.time.text, ...find(text, spec.time.text), value: spec.time.value, type: 'DATE', mod: null } : null,
    place: null,
    polarity: 'positive',
    modality: spec.modality ?? 'asserted',
    sentence: { index: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text },
    article: { id: data.article.id, title: data.article.title, published: data.article.published },
    confidence: spec.confidence ?? 0.8,
    provenance: { pipeline: 'chronique@test', model: null, model_sha256: null, config_hash: 'test' },
  };
  data.events.push(event);
  return event;
}

/** Writes the six dataset files of `articles` into `dir` (created). */
export async function writeDataset(dir: string, articles: FixtureArticle[]): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const lines = (rows: unknown[]): string => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const sorted = [...articles].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
  await fs.writeFile(path.join(dir, 'articles.jsonl'), lines(sorted.map((a) => a.article)));
  await fs.writeFile(path.join(dir, 'sentences.jsonl'), lines(sorted.flatMap((a) => a.sentences)));
  await fs.writeFile(path.join(dir, 'mentions.jsonl'), lines(sorted.flatMap((a) => a.mentions)));
  await fs.writeFile(path.join(dir, 'timexes.jsonl'), lines(sorted.flatMap((a) => a.timexes)));
  await fs.writeFile(path.join(dir, 'entities.jsonl'), lines(sorted.flatMap((a) => a.entities)));
  await fs.writeFile(path.join(dir, 'events.jsonl'), lines(sorted.flatMap((a) => a.events)));
  return dir;
}

/** A deep copy, to derive the "new" side of a diff from the "old" one. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
