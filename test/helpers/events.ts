/** Hand-made documents for the event tests: sentences split at `. `, mentions and time expressions located by text. */
import { createDocument, type Document } from '../../src/document.js';
import { type EntityLabel, type TimexType } from '../../src/vocabulary.js';
import type { EventRecord, Provenance } from '../../src/dataset/schema.js';
import { buildEventRecords } from '../../src/events/records.js';
import { clusterEntities } from '../../src/entities/cluster.js';

export const TEST_PROVENANCE: Provenance = { pipeline: 'chronique@test', model: null, model_sha256: null, config_hash: '0000000000000000' };

export interface DocSpec {
  text: string;
  /** [surface, label, occurrence (0-based, default every occurrence)] */
  entities?: Array<[string, EntityLabel] | [string, EntityLabel, number]>;
  /** [surface, TIMEX3 value, type] */
  timexes?: Array<[string, string] | [string, string, TimexType]>;
  published?: string;
  id?: string;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  // Whole-word occurrences only, so that `Tesla` is not found inside `Teslas`.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) out.push(m.index ?? 0);
  return out;
}

/**
 * A document with sentences, mentions and time expressions; `cluster: true` adds the entities layer as the entities
 * stage builds it before the events stage (clustering, without name propagation, so that a test's events involve
 * exactly the mentions it lists).
 */
export function makeDoc(spec: DocSpec, options: { cluster?: boolean } = {}): Document {
  const text = spec.text;
  const doc = createDocument(
    { id: spec.id ?? 'test.txt', source: 'test.txt', sha256: '', title: null, published: spec.published ?? '2024-03-01', url: null, declaredLanguage: 'fr' },
    text,
    { start: 0, end: text.length },
    null,
  );
  let start = 0;
  let index = 0;
  for (const m of text.matchAll(/[.!?](?:\s+|$)/g)) {
    const end = (m.index ?? 0) + 1;
    doc.sentences.push({ index: index++, start, end, kind: 'body' });
    start = (m.index ?? 0) + m[0].length;
  }
  if (start < text.length) doc.sentences.push({ index: index++, start, end: text.length, kind: 'body' });
  const sentenceAt = (offset: number) => doc.sentences.find((s) => offset >= s.start && offset < s.end)?.index ?? 0;
  for (const entry of spec.entities ?? []) {
    const [surface, label, nth] = entry;
    const found = occurrences(text, surface);
    if (found.length === 0) throw new Error(`entity ${surface} not in text`);
    for (const [k, at] of found.entries()) {
      if (nth !== undefined && k !== nth) continue;
      doc.mentions.push({ start: at, end: at + surface.length, sentence: sentenceAt(at), label, score: 0.9, source: 'model' });
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start);
  for (const [surface, value, type] of spec.timexes ?? []) {
    const at = text.indexOf(surface);
    if (at < 0) throw new Error(`timex ${surface} not in text`);
    doc.timexes.push({ start: at, end: at + surface.length, sentence: sentenceAt(at), type: type ?? 'DATE', value, granularity: 'unknown', mod: null, anchor: 'absolute', source: 'rules' });
  }
  if (options.cluster ?? false) clusterEntities(doc);
  return doc;
}

export function eventsOf(spec: DocSpec): EventRecord[] {
  return buildEventRecords(makeDoc(spec, { cluster: true }), TEST_PROVENANCE);
}

/** The role → canonical pairs of a record, e.g. `person=Andrej Karpathy`. */
export function argsOf(record: EventRecord): string[] {
  return record.arguments.map((a) => `${a.role}=${a.canonical}`).sort();
}
