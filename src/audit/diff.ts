/**
 * Compares two datasets (an old and a new output folder) record by record, to audit what a change of code,
 * model or configuration did to the results.
 *
 * Events are aligned in three passes: by id; then, for records whose id changed, by (article, sentence, type,
 * trigger offsets); then by (article, trigger offsets) so that a re-typed event shows as a type change rather
 * than as one removal plus one addition. Mentions and time expressions are aligned by (article, offsets),
 * entities by (article, label, canonical name). Provenance fields are not compared: they change with every
 * configuration by design; confidence only counts when it moves by more than a threshold.
 */
import type { EventRecord } from '../dataset/schema.js';
import type { ArticleRow, EntityRow, MentionRow, TimexRow } from '../dataset/records.js';
import type { LoadedDataset } from './dataset.js';

export interface DiffOptions {
  /** Confidence changes up to this absolute amount are not reported. */
  confidenceThreshold: number;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = { confidenceThreshold: 0.05 };

export interface FieldChange {
  /** Dotted path of the field (`time.value`, `arguments`, `confidence`…). */
  field: string;
  old: unknown;
  new: unknown;
}

export type EventMatch = 'id' | 'position' | 'trigger';

export interface EventChange {
  match: EventMatch;
  old: EventRecord;
  new: EventRecord;
  changes: FieldChange[];
}

export interface RowChange<T> {
  old: T;
  new: T;
  changes: FieldChange[];
}

export interface SectionDiff<T> {
  added: T[];
  removed: T[];
  changed: RowChange<T>[];
}

export interface ArticleDiffCounts {
  article: string;
  status: 'added' | 'removed' | 'text-changed' | 'same-text';
  events: { old: number; new: number; added: number; removed: number; changed: number };
  mentions: { added: number; removed: number; changed: number };
  timexes: { added: number; removed: number; changed: number };
  entities: { added: number; removed: number; changed: number };
}

export interface TypeDiffCounts {
  type: string;
  old: number;
  new: number;
  added: number;
  removed: number;
  changed: number;
}

export interface DatasetDiff {
  oldDir: string;
  newDir: string;
  options: DiffOptions;
  identical: boolean;
  articles: { old: number; new: number; added: string[]; removed: string[]; textChanged: string[]; changed: Array<{ id: string; changes: FieldChange[] }> };
  sentences: { added: number; removed: number };
  events: { old: number; new: number; added: EventRecord[]; removed: EventRecord[]; changed: EventChange[]; unchanged: number };
  mentions: SectionDiff<MentionRow>;
  timexes: SectionDiff<TimexRow>;
  entities: SectionDiff<EntityRow>;
  /** Only articles with at least one difference, in article order. */
  perArticle: ArticleDiffCounts[];
  /** Every event type present on either side, sorted by name. */
  perType: TypeDiffCounts[];
}

export function diffDatasets(oldData: LoadedDataset, newData: LoadedDataset, options: DiffOptions = DEFAULT_DIFF_OPTIONS): DatasetDiff {
  const diff: DatasetDiff = {
    oldDir: oldData.dir,
    newDir: newData.dir,
    options,
    identical: true,
    articles: { old: oldData.articles.length, new: newData.articles.length, added: [], removed: [], textChanged: [], changed: [] },
    sentences: { added: 0, removed: 0 },
    events: { old: 0, new: 0, added: [], removed: [], changed: [], unchanged: 0 },
    mentions: { added: [], removed: [], changed: [] },
    timexes: { added: [], removed: [], changed: [] },
    entities: { added: [], removed: [], changed: [] },
    perArticle: [],
    perType: [],
  };
  const types = new Map<string, TypeDiffCounts>();
  const typeCounts = (type: string): TypeDiffCounts => {
    let counts = types.get(type);
    if (!counts) types.set(type, (counts = { type, old: 0, new: 0, added: 0, removed: 0, changed: 0 }));
    return counts;
  };

  for (const id of mergedArticleIds(oldData, newData)) {
    const before = oldData.byId.get(id);
    const after = newData.byId.get(id);
    const status: ArticleDiffCounts['status'] = !before ? 'added' : !after ? 'removed' : before.article.sha256 !== after.article.sha256 || before.article.text !== after.article.text ? 'text-changed' : 'same-text';
    if (status === 'added') diff.articles.added.push(id);
    if (status === 'removed') diff.articles.removed.push(id);
    if (status === 'text-changed') diff.articles.textChanged.push(id);
    // Status, language and metadata: e.g. an article skipped by one configuration and processed by the other.
    const articleChanges = before && after ? compareArticles(before.article, after.article) : [];
    if (articleChanges.length > 0) diff.articles.changed.push({ id, changes: articleChanges });

    const sentences = diffKeyed(before?.sentences ?? [], after?.sentences ?? [], (s) => `${s.start}:${s.end}`, () => []);
    diff.sentences.added += sentences.added.length;
    diff.sentences.removed += sentences.removed.length;
    const mentions = diffKeyed(before?.mentions ?? [], after?.mentions ?? [], (m) => `${m.start}:${m.end}`, compareMentions);
    const timexes = diffKeyed(before?.timexes ?? [], after?.timexes ?? [], (t) => `${t.start}:${t.end}`, compareTimexes);
    const entities = diffKeyed(before?.entities ?? [], after?.entities ?? [], (e) => `${e.label}\u0000${e.canonical}`, compareEntities);
    const events = diffEvents(before?.events ?? [], after?.events ?? [], options);
    appendSection(diff.mentions, mentions);
    appendSection(diff.timexes, timexes);
    appendSection(diff.entities, entities);
    diff.events.old += before?.events.length ?? 0;
    diff.events.new += after?.events.length ?? 0;
    diff.events.added.push(...events.added);
    diff.events.removed.push(...events.removed);
    diff.events.changed.push(...events.changed);
    diff.events.unchanged += events.unchanged;
    for (const event of before?.events ?? []) typeCounts(event.type).old += 1;
    for (const event of after?.events ?? []) typeCounts(event.type).new += 1;
    for (const event of events.added) typeCounts(event.type).added += 1;
    for (const event of events.removed) typeCounts(event.type).removed += 1;
    for (const change of events.changed) typeCounts(change.new.type).changed += 1;

    const differs = status !== 'same-text' || articleChanges.length > 0 || sentences.added.length + sentences.removed.length > 0 || sectionSize(mentions) + sectionSize(timexes) + sectionSize(entities) > 0 || events.added.length + events.removed.length + events.changed.length > 0;
    if (differs) {
      diff.perArticle.push({
        article: id,
        status,
        events: { old: before?.events.length ?? 0, new: after?.events.length ?? 0, added: events.added.length, removed: events.removed.length, changed: events.changed.length },
        mentions: sectionCounts(mentions),
        timexes: sectionCounts(timexes),
        entities: sectionCounts(entities),
      });
    }
  }
  diff.perType = [...types.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  diff.identical = diff.perArticle.length === 0;
  return diff;
}

/** Article ids of both sides, old order first, then ids only the new side has (in its order). */
function mergedArticleIds(oldData: LoadedDataset, newData: LoadedDataset): string[] {
  const ids = oldData.articles.map((a) => a.article.id);
  for (const data of newData.articles) if (!oldData.byId.has(data.article.id)) ids.push(data.article.id);
  return ids;
}

const sectionSize = <T>(section: SectionDiff<T>): number => section.added.length + section.removed.length + section.changed.length;
const sectionCounts = <T>(section: SectionDiff<T>): { added: number; removed: number; changed: number } => ({ added: section.added.length, removed: section.removed.length, changed: section.changed.length });

function appendSection<T>(into: SectionDiff<T>, from: SectionDiff<T>): void {
  into.added.push(...from.added);
  into.removed.push(...from.removed);
  into.changed.push(...from.changed);
}

/** Aligns rows by key (several rows with one key pair up in order) and compares each pair. */
function diffKeyed<T>(before: T[], after: T[], keyOf: (row: T) => string, compare: (a: T, b: T) => FieldChange[]): SectionDiff<T> {
  const pending = groupByKey(after, keyOf);
  const result: SectionDiff<T> = { added: [], removed: [], changed: [] };
  for (const row of before) {
    const match = pending.get(keyOf(row))?.shift();
    if (match === undefined) {
      result.removed.push(row);
      continue;
    }
    const changes = compare(row, match);
    if (changes.length > 0) result.changed.push({ old: row, new: match, changes });
  }
  for (const row of after) if (pending.get(keyOf(row))?.includes(row)) result.added.push(row);
  return result;
}

function groupByKey<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function compareFields<T>(a: T, b: T, fields: Array<keyof T & string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) if (!sameValue(a[field], b[field])) changes.push({ field, old: a[field], new: b[field] });
  return changes;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function compareArticles(a: ArticleRow, b: ArticleRow): FieldChange[] {
  const changes = compareFields(a, b, ['status', 'reason', 'title', 'published', 'url']);
  if (a.language?.code !== b.language?.code) changes.push({ field: 'language', old: a.language?.code ?? null, new: b.language?.code ?? null });
  return changes;
}

const compareMentions = (a: MentionRow, b: MentionRow): FieldChange[] => compareFields(a, b, ['label', 'text', 'sentence']);
const compareTimexes = (a: TimexRow, b: TimexRow): FieldChange[] => compareFields(a, b, ['value', 'type', 'mod', 'granularity', 'anchor', 'text']);
const compareEntities = (a: EntityRow, b: EntityRow): FieldChange[] => compareFields(a, b, ['mentions']);

interface EventSectionDiff {
  added: EventRecord[];
  removed: EventRecord[];
  changed: EventChange[];
  unchanged: number;
}

const positionKey = (e: EventRecord): string => `${e.sentence.index}|${e.type}|${e.trigger.start}|${e.trigger.end}`;
const triggerKey = (e: EventRecord): string => `${e.trigger.start}|${e.trigger.end}`;

/** Events of one article (both sides belong to the same article id). */
export function diffEvents(before: EventRecord[], after: EventRecord[], options: DiffOptions): EventSectionDiff {
  const result: EventSectionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const unmatchedNew = new Set(after);
  const pairs: Array<{ old: EventRecord; new: EventRecord; match: EventMatch }> = [];
  let unmatchedOld: EventRecord[] = [];

  const newById = groupByKey(after, (e) => e.id);
  for (const event of before) {
    const match = newById.get(event.id)?.shift();
    if (match) {
      pairs.push({ old: event, new: match, match: 'id' });
      unmatchedNew.delete(match);
    } else {
      unmatchedOld.push(event);
    }
  }
  for (const [match, keyOf] of [['position', positionKey], ['trigger', triggerKey]] as const) {
    const candidates = groupByKey([...unmatchedNew], keyOf);
    const stillUnmatched: EventRecord[] = [];
    for (const event of unmatchedOld) {
      const found = candidates.get(keyOf(event))?.shift();
      if (found) {
        pairs.push({ old: event, new: found, match });
        unmatchedNew.delete(found);
      } else {
        stillUnmatched.push(event);
      }
    }
    unmatchedOld = stillUnmatched;
  }

  for (const pair of pairs) {
    const changes = compareEvents(pair.old, pair.new, options);
    if (changes.length > 0) result.changed.push({ match: pair.match, old: pair.old, new: pair.new, changes });
    else result.unchanged += 1;
  }
  // Report in text order so that the listing reads like the article.
  result.changed.sort((a, b) => a.new.trigger.start - b.new.trigger.start);
  result.removed = unmatchedOld;
  result.added = after.filter((event) => unmatchedNew.has(event));
  return result;
}

export function compareEvents(a: EventRecord, b: EventRecord, options: DiffOptions): FieldChange[] {
  const changes: FieldChange[] = [];
  const check = (field: string, x: unknown, y: unknown): void => {
    if (!sameValue(x, y)) changes.push({ field, old: x, new: y });
  };
  check('type', a.type, b.type);
  check('trigger.text', a.trigger.text, b.trigger.text);
  check('trigger.offsets', [a.trigger.start, a.trigger.end], [b.trigger.start, b.trigger.end]);
  check('trigger.lemma', a.trigger.lemma, b.trigger.lemma);
  const argumentsBefore = a.arguments.map(describeArgument).sort();
  const argumentsAfter = b.arguments.map(describeArgument).sort();
  if (!sameValue(argumentsBefore, argumentsAfter)) {
    changes.push({
      field: 'arguments',
      old: argumentsBefore.filter((arg) => !argumentsAfter.includes(arg)),
      new: argumentsAfter.filter((arg) => !argumentsBefore.includes(arg)),
    });
  }
  if (!a.time || !b.time) {
    check('time', a.time && describeTime(a.time), b.time && describeTime(b.time));
  } else {
    check('time.value', a.time.value, b.time.value);
    check('time.type', a.time.type, b.time.type);
    check('time.mod', a.time.mod, b.time.mod);
    check('time.text', a.time.text, b.time.text);
  }
  check('place', a.place && `${a.place.canonical} [${a.place.start},${a.place.end})`, b.place && `${b.place.canonical} [${b.place.start},${b.place.end})`);
  check('polarity', a.polarity, b.polarity);
  check('modality', a.modality, b.modality);
  check('sentence.index', a.sentence.index, b.sentence.index);
  if (Math.abs(a.confidence - b.confidence) > options.confidenceThreshold + 1e-12) changes.push({ field: 'confidence', old: a.confidence, new: b.confidence });
  return changes;
}

/** One argument as a readable, comparable string: role, canonical entity, label and where it is written. */
export function describeArgument(arg: EventRecord['arguments'][number]): string {
  return `${arg.role}=${arg.canonical} (${arg.label}) "${arg.text}" [${arg.start},${arg.end})`;
}

function describeTime(time: NonNullable<EventRecord['time']>): string {
  return `${time.value ?? '?'} "${time.text}"${time.mod ? ` ${time.mod}` : ''}`;
}
