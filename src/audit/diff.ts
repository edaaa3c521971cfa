/**
 * Compares two datasets (an old and a new output folder) article by article, record by record.
 *
 * Two situations, both handled by the same pairing:
 *  (a) same texts, new pipeline/model/rules: offsets are comparable as they are; records pair by (span, type);
 *  (b) edited or re-scraped articles: the old text is aligned with the new one (src/audit/align.ts) and every old
 *      offset is mapped into the new text first, so text that merely moved pairs with itself.
 *
 * Pairing, per article and record kind, in three passes over what is still unpaired:
 *  1. identity: same (mapped) span and same type (event type, label, TIMEX3 type, sentence kind); entities: same label
 *     and canonical name;
 *  2. span: same span, another type → `retyped` (entities: same canonical name, another label);
 *  3. overlap, edited articles only: an old record and a new one whose spans overlap, where an edit of the text
 *     touches one of them (`Musk` → `Elon Musk`); entities: sharing a mention.
 * A pair whose compared fields all agree is unchanged; otherwise it is `changed` (or `retyped`) with a field-by-field
 * delta. What is left is added or removed. Provenance is never compared (it names the run); confidence and mention
 * scores count only when they move by more than the threshold. Articles whose text is the same skip alignment.
 *
 * Memory: `diffDatasetDirs` streams both datasets by article (src/audit/stream.ts) and keeps only the differences.
 */
import type { ArticleRow, SentenceRow } from '../dataset/records.js';
import { alignTexts, OffsetMap } from './align.js';
import type { ArticleData, LoadedDataset } from './dataset.js';
import { DEFAULT_DIFF_OPTIONS, fieldsOf, SPECS, type AnySpec, type DiffOptions, type PairContext, type Span } from './diff-kinds.js';
import { RECORD_KINDS, type ArticleSummary, type ChangeKind, type DiffReport, type FieldChange, type KindCounts, type RecordChange, type RecordKind, type TypeCounts } from './diff-schema.js';
import { readArticles } from './stream.js';
import { pushAll } from '../util/arrays.js';

export type { DiffReport, FieldChange, RecordChange, TypeCounts, KindCounts, RecordKind, ArticleSummary } from './diff-schema.js';
export { compareEvents, describeArgument, describeEvent, DEFAULT_DIFF_OPTIONS, type DiffOptions } from './diff-kinds.js';

const emptyCounts = (): KindCounts => ({ old: 0, new: 0, added: 0, removed: 0, changed: 0, retyped: 0, unchanged: 0 });
const emptyPerKind = (): Record<RecordKind, KindCounts> => ({ sentences: emptyCounts(), mentions: emptyCounts(), timexes: emptyCounts(), entities: emptyCounts(), events: emptyCounts() });

/** The result of comparing one article (both sides, or one when the article was added or removed). */
export interface ArticleDiff {
  summary: ArticleSummary;
  records: RecordChange[];
  /** Per kind and type: counts for this article. */
  perType: Record<RecordKind, Map<string, TypeCounts>>;
  differs: boolean;
  /** Old offsets → new offsets (identity for the same text); not part of the JSON output. */
  map: OffsetMap;
  /** The new side's text, null when the article was removed. */
  newText: string | null;
}

function typeCounts(table: Map<string, TypeCounts>, type: string): TypeCounts {
  let counts = table.get(type);
  if (!counts) table.set(type, (counts = { type, old: 0, new: 0, added: 0, removed: 0, changed: 0, unchanged: 0, retypedIn: 0, retypedOut: 0, examples: [] }));
  return counts;
}

function addExample(counts: TypeCounts, text: string): void {
  if (counts.examples.length < 3) counts.examples.push(text);
}

/** Compares one article: `before` from the old dataset, `after` from the new one (either may be missing). */
export function diffArticle(before: ArticleData | undefined, after: ArticleData | undefined, options: DiffOptions = DEFAULT_DIFF_OPTIONS): ArticleDiff {
  const article = (after ?? before)!.article.id;
  const sameText = Boolean(before && after && before.article.text === after.article.text);
  const alignment = before && after && !sameText ? alignTexts(before.article.text, after.article.text) : null;
  const map = new OffsetMap(alignment ?? { edits: [], method: 'identical' });
  const status: ArticleSummary['status'] = !before ? 'added' : !after ? 'removed' : sameText ? 'same-text' : 'edited';
  const metadata = before && after ? compareArticles(before.article, after.article) : [];
  const context: PairContext = {
    map,
    sentenceIndex: sentenceIndexMap(before?.sentences ?? [], after?.sentences ?? [], map),
    options,
    oldCanonical: new Map((before?.entities ?? []).map((e) => [e.id, e.canonical])),
    newCanonical: new Map((after?.entities ?? []).map((e) => [e.id, e.canonical])),
  };
  const result: ArticleDiff = {
    summary: {
      article,
      status,
      alignment: alignment ? { method: alignment.method, edits: alignment.edits.length, deletedChars: sum(alignment.edits.map((e) => e.oldEnd - e.oldStart)), insertedChars: sum(alignment.edits.map((e) => e.newEnd - e.newStart)) } : null,
      metadata,
      counts: emptyPerKind(),
    },
    records: [],
    perType: { sentences: new Map(), mentions: new Map(), timexes: new Map(), entities: new Map(), events: new Map() },
    differs: status !== 'same-text' || metadata.length > 0,
    map,
    newText: after ? after.article.text : null,
  };
  for (const kind of RECORD_KINDS) {
    pairKind(SPECS[kind] as AnySpec, before ? (SPECS[kind] as AnySpec).rows(before) : [], after ? (SPECS[kind] as AnySpec).rows(after) : [], context, status === 'edited', article, result);
  }
  return result;
}

function pairKind(spec: AnySpec, oldRows: unknown[], newRows: unknown[], context: PairContext, edited: boolean, article: string, result: ArticleDiff): void {
  const counts = result.summary.counts[spec.kind];
  const table = result.perType[spec.kind];
  counts.old += oldRows.length;
  counts.new += newRows.length;
  for (const row of oldRows) typeCounts(table, spec.type(row)).old += 1;
  for (const row of newRows) typeCounts(table, spec.type(row)).new += 1;

  const mappedSpan = (row: unknown): Span | null => {
    const span = spec.span(row);
    return span ? context.map.mapSpan(span) : null;
  };
  const unpairedNew = new Set(newRows);
  const pairs: Array<{ old: unknown; new: unknown; match: 'identity' | 'span' | 'overlap' }> = [];
  let unpairedOld = oldRows;
  const pass = (match: 'identity' | 'span', oldKey: (row: unknown) => string, newKey: (row: unknown) => string): void => {
    const candidates = new Map<string, unknown[]>();
    for (const row of newRows) {
      if (!unpairedNew.has(row)) continue;
      const key = newKey(row);
      const list = candidates.get(key);
      if (list) list.push(row);
      else candidates.set(key, [row]);
    }
    const still: unknown[] = [];
    for (const row of unpairedOld) {
      const found = candidates.get(oldKey(row))?.shift();
      if (found === undefined) {
        still.push(row);
        continue;
      }
      unpairedNew.delete(found);
      pairs.push({ old: row, new: found, match });
    }
    unpairedOld = still;
  };
  pass('identity', (row) => `${spec.type(row)}\u0000${spec.identity(row, mappedSpan(row))}`, (row) => `${spec.type(row)}\u0000${spec.identity(row, spec.span(row))}`);
  pass('span', (row) => spec.identity(row, mappedSpan(row)), (row) => spec.identity(row, spec.span(row)));
  if (edited && unpairedOld.length > 0 && unpairedNew.size > 0) {
    const still: unknown[] = [];
    for (const row of unpairedOld) {
      const found = findOverlap(spec, row, [...unpairedNew], context.map);
      if (found === undefined) {
        still.push(row);
        continue;
      }
      unpairedNew.delete(found);
      pairs.push({ old: row, new: found, match: 'overlap' });
    }
    unpairedOld = still;
  }

  const changes: RecordChange[] = [];
  const record = (change: ChangeKind, oldRow: unknown, newRow: unknown, fields: FieldChange[], match: RecordChange['match']): void => {
    const shown = (newRow ?? oldRow)!;
    changes.push({
      change,
      kind: spec.kind,
      article,
      type: spec.type(shown),
      oldType: oldRow === null ? null : spec.type(oldRow),
      id: spec.id(shown),
      oldId: oldRow === null ? null : spec.id(oldRow),
      match,
      summary: spec.describe(shown),
      fields,
      old: oldRow as Record<string, unknown> | null,
      new: newRow as Record<string, unknown> | null,
    });
  };
  for (const pair of pairs) {
    const oldType = spec.type(pair.old);
    const newType = spec.type(pair.new);
    const fields = spec.compare(pair.old, pair.new, context);
    if (oldType !== newType) {
      counts.retyped += 1;
      typeCounts(table, oldType).retypedOut += 1;
      const into = typeCounts(table, newType);
      into.retypedIn += 1;
      addExample(into, `${oldType} → ${newType}: ${spec.describe(pair.new)}`);
      record('retyped', pair.old, pair.new, fields, pair.match);
    } else if (fields.length > 0) {
      counts.changed += 1;
      const into = typeCounts(table, newType);
      into.changed += 1;
      addExample(into, `~ ${spec.describe(pair.new)}: ${fields.map((f) => f.field).join(', ')}`);
      record('changed', pair.old, pair.new, fields, pair.match);
    } else {
      counts.unchanged += 1;
      typeCounts(table, newType).unchanged += 1;
    }
  }
  for (const row of unpairedOld) {
    counts.removed += 1;
    const into = typeCounts(table, spec.type(row));
    into.removed += 1;
    addExample(into, `- ${spec.describe(row)}`);
    record('removed', row, null, [], null);
  }
  for (const row of newRows) {
    if (!unpairedNew.has(row)) continue;
    counts.added += 1;
    const into = typeCounts(table, spec.type(row));
    into.added += 1;
    addExample(into, `+ ${spec.describe(row)}`);
    record('added', null, row, [], null);
  }
  // Text order of the new side (the old side's mapped position for removals), so a listing reads like the article.
  const position = (c: RecordChange): number => {
    const row = c.new ?? c.old;
    const span = spec.span(row) ?? spec.overlapSpans?.(row)[0] ?? null;
    if (!span) return 0;
    return c.new ? span.start : context.map.map(span.start, 'start');
  };
  changes.sort((a, b) => position(a) - position(b));
  if (changes.length > 0) result.differs = true;
  pushAll(result.records, changes);
}

/** The first unpaired new row overlapping the old row where an edit touches one of the two. */
function findOverlap(spec: AnySpec, oldRow: unknown, candidates: unknown[], map: OffsetMap): unknown {
  const oldSpans = spec.overlapSpans ? spec.overlapSpans(oldRow) : [spec.span(oldRow)!];
  const mapped = oldSpans.map((span) => ({ span, mapped: map.mapSpan(span) }));
  for (const candidate of candidates) {
    // Entities: a pair keeps either its label or its canonical name (a regrouping, not two unrelated names).
    if (spec.overlapSpans && spec.type(candidate) !== spec.type(oldRow) && spec.identity(candidate, null) !== spec.identity(oldRow, null)) continue;
    const newSpans = spec.overlapSpans ? spec.overlapSpans(candidate) : [spec.span(candidate)!];
    for (const { span, mapped: m } of mapped) {
      for (const n of newSpans) {
        if (m.start < n.end && n.start < m.end && (map.touches(span.start, span.end) || map.touchesNew(n.start, n.end))) return candidate;
        // Entities share a mention outright when only the grouping changed around an edit.
        if (spec.overlapSpans && m.start === n.start && m.end === n.end) return candidate;
      }
    }
  }
  return undefined;
}

/** Old sentence index → index of the new sentence holding its mapped start (itself for the same text). */
function sentenceIndexMap(oldSentences: SentenceRow[], newSentences: SentenceRow[], map: OffsetMap): (index: number) => number {
  if (map.identical) return (index) => index;
  const starts = new Map(oldSentences.map((s) => [s.index, s.start] as const));
  const sorted = [...newSentences].sort((a, b) => a.start - b.start);
  return (index) => {
    const start = starts.get(index);
    if (start === undefined) return index;
    const mapped = map.map(start, 'start');
    let found = index;
    for (const s of sorted) {
      if (s.start > mapped) break;
      found = s.index;
    }
    return found;
  };
}

function compareArticles(a: ArticleRow, b: ArticleRow): FieldChange[] {
  return fieldsOf([
    ['status', a.status, b.status],
    ['reason', a.reason ?? null, b.reason ?? null],
    ['title', a.title, b.title],
    ['published', a.published, b.published],
    ['url', a.url, b.url],
    ['language', a.language?.code ?? null, b.language?.code ?? null],
  ]);
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);


/** Accumulates article diffs into one DiffReport; only differences are kept. */
export class DiffBuilder {
  private readonly report: DiffReport;
  private readonly types: Record<RecordKind, Map<string, TypeCounts>> = { sentences: new Map(), mentions: new Map(), timexes: new Map(), entities: new Map(), events: new Map() };

  constructor(oldDir: string, newDir: string, private readonly options: DiffOptions) {
    this.report = {
      format: 'chronique-diff/1',
      old: oldDir,
      new: newDir,
      identical: true,
      mode: 'same-texts',
      options: { confidenceThreshold: options.confidenceThreshold },
      articles: { old: 0, new: 0, added: 0, removed: 0, edited: 0, sameText: 0, metadataChanged: 0 },
      counts: emptyPerKind(),
      perType: { sentences: [], mentions: [], timexes: [], entities: [], events: [] },
      perArticle: [],
      records: [],
    };
  }

  add(before: ArticleData | undefined, after: ArticleData | undefined): ArticleDiff {
    const diff = diffArticle(before, after, this.options);
    const { articles } = this.report;
    if (before) articles.old += 1;
    if (after) articles.new += 1;
    if (diff.summary.status === 'added') articles.added += 1;
    if (diff.summary.status === 'removed') articles.removed += 1;
    if (diff.summary.status === 'edited') articles.edited += 1;
    if (diff.summary.status === 'same-text') articles.sameText += 1;
    if (diff.summary.metadata.length > 0) articles.metadataChanged += 1;
    if (diff.summary.status === 'edited') this.report.mode = 'edited-texts';
    for (const kind of RECORD_KINDS) {
      const into = this.report.counts[kind];
      const from = diff.summary.counts[kind];
      for (const key of Object.keys(into) as Array<keyof KindCounts>) into[key] += from[key];
      for (const [type, counts] of diff.perType[kind]) {
        const total = typeCounts(this.types[kind], type);
        for (const key of ['old', 'new', 'added', 'removed', 'changed', 'unchanged', 'retypedIn', 'retypedOut'] as const) total[key] += counts[key];
        for (const example of counts.examples) addExample(total, example);
      }
    }
    if (diff.differs) {
      this.report.identical = false;
      this.report.perArticle.push(diff.summary);
      pushAll(this.report.records, diff.records);
    }
    return diff;
  }

  finish(): DiffReport {
    for (const kind of RECORD_KINDS) this.report.perType[kind] = [...this.types[kind].values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    return this.report;
  }
}

/** Compares two datasets held in memory (the report uses this). */
export function diffDatasets(oldData: LoadedDataset, newData: LoadedDataset, options: DiffOptions = DEFAULT_DIFF_OPTIONS): DiffReport {
  const builder = new DiffBuilder(oldData.dir, newData.dir, options);
  for (const before of oldData.articles) builder.add(before, newData.byId.get(before.article.id));
  for (const after of newData.articles) if (!oldData.byId.has(after.article.id)) builder.add(undefined, after);
  return builder.finish();
}

/**
 * Compares two dataset folders, reading both one article at a time. Both sides are read in step; an article
 * waits only until its counterpart comes (at once when both datasets list articles in the same order, as runs over
 * one corpus do), so memory holds a few articles, not the datasets. Articles found on one side only are reported
 * at the end, old side first, each side in its order.
 */
export async function diffDatasetDirs(oldDir: string, newDir: string, options: DiffOptions = DEFAULT_DIFF_OPTIONS): Promise<DiffReport> {
  const builder = new DiffBuilder(oldDir, newDir, options);
  const oldIt = readArticles(oldDir);
  const newIt = readArticles(newDir);
  const waitingOld = new Map<string, ArticleData>();
  const waitingNew = new Map<string, ArticleData>();
  let oldDone = false;
  let newDone = false;
  while (!oldDone || !newDone) {
    if (!oldDone) {
      const next = await oldIt.next();
      if (next.done) oldDone = true;
      else {
        const id = next.value.article.id;
        const match = waitingNew.get(id);
        if (match) {
          waitingNew.delete(id);
          builder.add(next.value, match);
        } else waitingOld.set(id, next.value);
      }
    }
    if (!newDone) {
      const next = await newIt.next();
      if (next.done) newDone = true;
      else {
        const id = next.value.article.id;
        const match = waitingOld.get(id);
        if (match) {
          waitingOld.delete(id);
          builder.add(match, next.value);
        } else waitingNew.set(id, next.value);
      }
    }
  }
  for (const before of waitingOld.values()) builder.add(before, undefined);
  for (const after of waitingNew.values()) builder.add(undefined, after);
  return builder.finish();
}
