/**
 * The record kinds a diff compares — sentences, mentions, time expressions, entities, events — each with what
 * identifies a record (type and span), which fields are compared and how a record is described. Old offsets are
 * mapped into the new text (`PairContext.map`) before any comparison, so text that only moved compares equal.
 */
import type { EventRecord } from '../dataset/schema.js';
import type { EntityRow, MentionRow, SentenceRow, TimexRow } from '../dataset/records.js';
import type { OffsetMap } from './align.js';
import type { ArticleData } from './dataset.js';
import type { FieldChange, RecordKind } from './diff-schema.js';

export interface DiffOptions {
  /** Confidence and score changes up to this absolute amount are not reported. */
  confidenceThreshold: number;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = { confidenceThreshold: 0.05 };

export interface Span {
  start: number;
  end: number;
}

/** How one record kind is paired and compared. `Row` is the dataset row type. */
export interface KindSpec<Row> {
  kind: RecordKind;
  rows(data: ArticleData): Row[];
  type(row: Row): string;
  /** The span that identifies the row (events: the trigger); null for entities. */
  span(row: Row): Span | null;
  /** Identity besides the type (entities: canonical name; others: the span). */
  identity(row: Row, mapped: Span | null): string;
  id(row: Row): string | null;
  compare(oldRow: Row, newRow: Row, context: PairContext): FieldChange[];
  describe(row: Row): string;
  /** Entities only: spans through which a pair may overlap (their mentions). */
  overlapSpans?(row: Row): Span[];
}

/** What comparing one article's records needs: the offset map and the old → new sentence index map. */
export interface PairContext {
  map: OffsetMap;
  sentenceIndex: (oldIndex: number) => number;
  options: DiffOptions;
  /** Canonical name of an entity id, per side (mention rows name their entity by id). */
  oldCanonical: Map<string, string>;
  newCanonical: Map<string, string>;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
export const spanKey = (span: Span | null): string => (span ? `${span.start}:${span.end}` : '');
const showSpan = (span: Span): string => `[${span.start},${span.end})`;

export function fieldsOf(pairs: Array<[string, unknown, unknown]>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, a, b] of pairs) if (!sameValue(a, b)) changes.push({ field, old: a, new: b });
  return changes;
}

function moved(threshold: number, a: number, b: number): boolean {
  return Math.abs(a - b) > threshold + 1e-12;
}

/** One argument as a readable, comparable string: role, canonical entity, label and where it is written. */
export function describeArgument(arg: EventRecord['arguments'][number], span: Span = arg): string {
  return `${arg.role}=${arg.canonical} (${arg.label}) "${arg.text}" ${showSpan(span)}`;
}

export function describeEvent(event: EventRecord): string {
  const args = event.arguments.map((arg) => `${arg.role}=${arg.canonical}`).join(', ');
  const time = event.time ? ` @${event.time.value ?? '?'}` : '';
  return `${event.type} "${event.trigger.text}" ${event.article.id}:${event.trigger.start}-${event.trigger.end} s${event.sentence.index}${args ? ` (${args})` : ''}${time}`;
}

function describeTime(time: NonNullable<EventRecord['time']>): string {
  return `${time.value ?? '?'} "${time.text}"${time.mod ? ` ${time.mod}` : ''}`;
}

/** Compares two events; `map` takes old offsets into the new text (identity for same texts). */
export function compareEvents(a: EventRecord, b: EventRecord, options: DiffOptions, context?: Pick<PairContext, 'map' | 'sentenceIndex'>): FieldChange[] {
  const mapSpan = (span: Span): Span => (context ? context.map.mapSpan(span) : { start: span.start, end: span.end });
  const trigger = mapSpan(a.trigger);
  const argsBefore = a.arguments.map((arg) => describeArgument(arg, mapSpan(arg))).sort();
  const argsAfter = b.arguments.map((arg) => describeArgument(arg)).sort();
  const changes = fieldsOf([
    ['type', a.type, b.type],
    ['trigger.text', a.trigger.text, b.trigger.text],
    ['trigger.offsets', [trigger.start, trigger.end], [b.trigger.start, b.trigger.end]],
    ['trigger.lemma', a.trigger.lemma, b.trigger.lemma],
  ]);
  if (!sameValue(argsBefore, argsAfter)) {
    changes.push({ field: 'arguments', old: argsBefore.filter((arg) => !argsAfter.includes(arg)), new: argsAfter.filter((arg) => !argsBefore.includes(arg)) });
  }
  if (!a.time || !b.time) {
    changes.push(...fieldsOf([['time', a.time && describeTime(a.time), b.time && describeTime(b.time)]]));
  } else {
    changes.push(...fieldsOf([
      ['time.value', a.time.value, b.time.value],
      ['time.type', a.time.type, b.time.type],
      ['time.mod', a.time.mod, b.time.mod],
      ['time.text', a.time.text, b.time.text],
    ]));
  }
  const place = (p: EventRecord['place'], span: Span | null): string | null => (p && span ? `${p.canonical} ${showSpan(span)}` : null);
  changes.push(...fieldsOf([
    ['place', place(a.place, a.place && mapSpan(a.place)), place(b.place, b.place)],
    ['polarity', a.polarity, b.polarity],
    ['modality', a.modality, b.modality],
    ['sentence.index', context ? context.sentenceIndex(a.sentence.index) : a.sentence.index, b.sentence.index],
  ]));
  if (moved(options.confidenceThreshold, a.confidence, b.confidence)) changes.push({ field: 'confidence', old: a.confidence, new: b.confidence });
  return changes;
}

const offsetsField = (context: PairContext, a: Span, b: Span): [string, unknown, unknown] => {
  const mapped = context.map.mapSpan(a);
  return ['offsets', [mapped.start, mapped.end], [b.start, b.end]];
};

const SENTENCES: KindSpec<SentenceRow> = {
  kind: 'sentences',
  rows: (d) => d.sentences,
  type: (s) => s.kind,
  span: (s) => s,
  identity: (_s, mapped) => spanKey(mapped),
  id: () => null,
  compare: (a, b, c) => fieldsOf([offsetsField(c, a, b), ['kind', a.kind, b.kind], ['text', a.text, b.text]]),
  describe: (s) => `${s.article} s${s.index} ${showSpan(s)} "${truncate(s.text, 60)}"`,
};

const MENTIONS: KindSpec<MentionRow> = {
  kind: 'mentions',
  rows: (d) => d.mentions,
  type: (m) => m.label,
  span: (m) => m,
  identity: (_m, mapped) => spanKey(mapped),
  id: (m) => m.id ?? null,
  compare: (a, b, c) => {
    const changes = fieldsOf([
      offsetsField(c, a, b),
      ['label', a.label, b.label],
      ['text', a.text, b.text],
      ['sentence', c.sentenceIndex(a.sentence), b.sentence],
      ['source', a.source, b.source],
      ['entity', a.entity === null ? null : (c.oldCanonical.get(a.entity) ?? a.entity), b.entity === null ? null : (c.newCanonical.get(b.entity) ?? b.entity)],
    ]);
    if (moved(c.options.confidenceThreshold, a.score, b.score)) changes.push({ field: 'score', old: a.score, new: b.score });
    return changes;
  },
  describe: (m) => `${m.article}:${m.start}-${m.end} ${m.label} "${m.text}"`,
};

const TIMEXES: KindSpec<TimexRow> = {
  kind: 'timexes',
  rows: (d) => d.timexes,
  type: (t) => t.type,
  span: (t) => t,
  identity: (_t, mapped) => spanKey(mapped),
  id: () => null,
  compare: (a, b, c) =>
    fieldsOf([
      offsetsField(c, a, b),
      ['type', a.type, b.type],
      ['text', a.text, b.text],
      ['value', a.value, b.value],
      ['mod', a.mod, b.mod],
      ['granularity', a.granularity, b.granularity],
      ['anchor', a.anchor, b.anchor],
      ['sentence', c.sentenceIndex(a.sentence), b.sentence],
    ]),
  describe: (t) => `${t.article}:${t.start}-${t.end} "${t.text}" ${t.type} ${t.value ?? 'null'}`,
};

const mentionSpans = (e: EntityRow): Span[] => e.mentions.map(([start, end]) => ({ start, end }));

const ENTITIES: KindSpec<EntityRow> = {
  kind: 'entities',
  rows: (d) => d.entities,
  type: (e) => e.label,
  span: () => null,
  identity: (e) => e.canonical,
  id: (e) => e.id,
  compare: (a, b, c) => {
    const before = mentionSpans(a).map((s) => spanKey(c.map.mapSpan(s)));
    const after = mentionSpans(b).map((s) => spanKey(s));
    const changes = fieldsOf([
      ['label', a.label, b.label],
      ['canonical', a.canonical, b.canonical],
    ]);
    if (!sameValue(before, after)) {
      changes.push({ field: 'mentions', old: before.filter((s) => !after.includes(s)), new: after.filter((s) => !before.includes(s)) });
    }
    return changes;
  },
  describe: (e) => `${e.article} ${e.label} "${e.canonical}" (${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'})`,
  overlapSpans: mentionSpans,
};

const EVENTS: KindSpec<EventRecord> = {
  kind: 'events',
  rows: (d) => d.events,
  type: (e) => e.type,
  span: (e) => e.trigger,
  identity: (_e, mapped) => spanKey(mapped),
  id: (e) => e.id,
  compare: (a, b, c) => compareEvents(a, b, c.options, c),
  describe: describeEvent,
};

/** In dataset file order: the records of an article come out sentences first, events last. */
export const SPECS = { sentences: SENTENCES, mentions: MENTIONS, timexes: TIMEXES, entities: ENTITIES, events: EVENTS } as const;

export type AnySpec = KindSpec<unknown>;

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
