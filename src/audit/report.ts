/**
 * `chronique report`: one self-contained static HTML file to audit a dataset — an article list with counts and
 * status (error and skipped articles flagged), and per article its text sentence by sentence: entity mentions
 * coloured by their entity's label (each mention's own label on hover; a click highlights every mention of that
 * entity), time expressions with their normalized value, and the events of each sentence beside it. Filters by
 * entity label, event type, confidence and article status; with an older dataset (`--against`), the records that
 * really changed (aligned as `chronique diff` does, so text that only moved is not marked) are coloured, with the
 * before/after on hover, and `n`/`p` (or the buttons) step from one change to the next across articles.
 *
 * Scale: each article's section is rendered here (escaped) but shipped as a JSON string, and only the selected one
 * is put into the page: the browser never parses or lays out thousands of hidden articles.
 */
import type { EventRecord } from '../dataset/schema.js';
import type { EntityRow, MentionRow, SentenceRow, TimexRow } from '../dataset/records.js';
import type { ArticleData, LoadedDataset } from './dataset.js';
import { diffArticle, describeArgument, type ArticleDiff, type DiffOptions, type RecordChange, DEFAULT_DIFF_OPTIONS } from './diff.js';
import { describeFieldChange } from './diff-format.js';
import { escapeHtml, renderPage } from './html.js';
import { ARTICLES_DATA_ID, REPORT_SCRIPT, REPORT_STYLE } from './report-page.js';
import { ENTITY_LABELS } from '../vocabulary.js';

export interface ReportOptions {
  /** An older dataset to compare with: the report then marks what changed. */
  against?: LoadedDataset;
  diffOptions?: DiffOptions;
  title?: string;
}

type DiffMark = 'd-add' | 'd-del' | 'd-chg' | '';

/** A diff mark and its hover text (before → after). */
interface Marked {
  mark: DiffMark;
  tip: string;
}

/** What the diff says about one article's rows, looked up while rendering it. */
interface ArticleMarks {
  mentions: Map<string, Marked>;
  timexes: Map<string, Marked>;
  events: Map<string, Marked & { record: RecordChange }>;
  entities: Map<string, Marked>;
  /** Removed rows with their span mapped into the current text (null: their text is gone). */
  removedMentions: Array<{ row: MentionRow; span: { start: number; end: number } | null }>;
  removedTimexes: Array<{ row: TimexRow; span: { start: number; end: number } | null }>;
  removedEvents: Array<{ row: EventRecord; at: number | null }>;
  removedEntities: EntityRow[];
  status: ArticleDiff['summary']['status'];
  changes: number;
}

const spanKey = (row: { start: number; end: number }): string => `${row.start}:${row.end}`;

/** A span that holds no letter or digit (`,`, `—`) is never shown as a time expression. */
export const isPunctuationOnly = (text: string): boolean => !/[\p{L}\p{N}]/u.test(text);

export function buildReport(dataset: LoadedDataset, options: ReportOptions = {}): string {
  const against = options.against;
  const diffOptions = options.diffOptions ?? DEFAULT_DIFF_OPTIONS;
  const marks = new Map<string, ArticleMarks>();
  const removedArticles: string[] = [];
  const totalsDiff = { added: 0, removed: 0, changed: 0 };
  if (against) {
    for (const data of dataset.articles) {
      const diff = diffArticle(against.byId.get(data.article.id), data, diffOptions);
      const entry = marksOf(diff);
      marks.set(data.article.id, entry);
      for (const r of diff.records) totalsDiff[r.change === 'added' ? 'added' : r.change === 'removed' ? 'removed' : 'changed'] += 1;
    }
    for (const data of against.articles) if (!dataset.byId.has(data.article.id)) removedArticles.push(data.article.id);
  }
  const title = options.title ?? `chronique report — ${dataset.dir}`;
  const totals = { sentences: 0, mentions: 0, timexes: 0, entities: 0, events: 0 };
  const eventTypes = new Set<string>();
  const statuses = new Map<string, number>();
  for (const data of dataset.articles) {
    totals.sentences += data.sentences.length;
    totals.mentions += data.mentions.length;
    totals.timexes += data.timexes.filter((t) => !isPunctuationOnly(t.text)).length;
    totals.entities += data.entities.length;
    totals.events += data.events.length;
    for (const e of data.events) eventTypes.add(e.type);
    statuses.set(data.article.status, (statuses.get(data.article.status) ?? 0) + 1);
  }

  const body: string[] = [];
  body.push('<header>');
  body.push(`<h1>${escapeHtml(title)}</h1>`);
  body.push(`<p class="muted" id="totals">${dataset.articles.length} articles · ${totals.sentences} sentences · ${totals.mentions} mentions · ${totals.entities} entities · ${totals.timexes} time expressions · ${totals.events} events</p>`);
  if (against) {
    const changedArticles = [...marks.values()].filter((m) => m.changes > 0).length;
    body.push(`<p id="diff-summary">Compared with <code>${escapeHtml(against.dir)}</code>: ${changedArticles === 0 && removedArticles.length === 0 ? 'identical' : `records <span class="d-add">+${totalsDiff.added}</span> <span class="d-del">−${totalsDiff.removed}</span> <span class="d-chg">~${totalsDiff.changed}</span> in ${changedArticles} article${changedArticles === 1 ? '' : 's'}; articles <span class="d-del">−${removedArticles.length}</span> removed`} <span id="change-nav"><button type="button" id="prev-change" title="previous change (p)">◀ previous change</button> <span id="change-pos" class="muted">—</span> <button type="button" id="next-change" title="next change (n)">next change ▶</button></span></p>`);
  }
  body.push(legend(Boolean(against)));
  body.push(filters([...eventTypes].sort(), statuses));
  body.push('</header>');

  body.push('<div id="layout"><nav>');
  body.push('<label>Article <select id="article-select">');
  dataset.articles.forEach((data, index) => body.push(`<option value="a-${index}">${escapeHtml(data.article.id)}${data.article.title ? ` — ${escapeHtml(truncate(data.article.title, 60))}` : ''}</option>`));
  body.push('</select></label>');
  body.push('<input id="article-filter" type="search" placeholder="filter articles…" aria-label="filter articles">');
  body.push('<ol id="article-list">');
  dataset.articles.forEach((data, index) => {
    const change = marks.get(data.article.id);
    const changeMark = change && change.changes > 0 ? (change.status === 'added' ? 'd-add' : 'd-chg') : '';
    const badge = change && change.changes > 0 ? ` <span class="badge ${changeMark}" title="${escapeHtml(`${change.changes} changed records${change.status === 'edited' ? ', text edited' : ''}`)}">${change.status === 'added' ? 'new' : `±${change.changes}`}</span>` : '';
    const flag = data.article.status !== 'ok' ? ` <span class="badge status-${escapeHtml(data.article.status)}" title="${escapeHtml(data.article.reason ?? data.article.status)}">${escapeHtml(data.article.status)}</span>` : '';
    body.push(`<li class="${changeMark}" data-article="${escapeHtml(data.article.id)}" data-status="${escapeHtml(data.article.status)}" data-changes="${change?.changes ?? 0}"><a href="#a-${index}"><span class="aid">${escapeHtml(data.article.id)}</span>${flag}${badge}${data.article.title ? `<br><span class="atitle">${escapeHtml(data.article.title)}</span>` : ''}<br><span class="counts muted">${data.sentences.length} sent. · ${data.mentions.length} ment. · ${data.timexes.length} time · ${data.events.length} ev.</span></a></li>`);
  });
  body.push('</ol>');
  if (removedArticles.length > 0) {
    body.push(`<p class="d-del" id="removed-articles">Removed articles: ${removedArticles.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}</p>`);
  }
  body.push('</nav><main id="article-view">');
  body.push(dataset.articles.length === 0 ? '<p>This dataset has no articles.</p>' : '<noscript>The reading view needs JavaScript (inline, no network).</noscript>');
  body.push('</main></div>');
  const sections = dataset.articles.map((data, index) => renderArticle(data, index, marks.get(data.article.id) ?? null));
  body.push(`<script type="application/json" id="${ARTICLES_DATA_ID}">${jsonForScript(sections)}</script>`);
  return renderPage({ title, style: REPORT_STYLE, body: body.join('\n'), script: REPORT_SCRIPT });
}

export { ARTICLES_DATA_ID };

/** JSON safe inside a <script> element: `<` is written `\u003c`, so no `</script>` or `<!--` can appear. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}


function legend(withDiff: boolean): string {
  const items = [
    '<mark class="ent ent-PER">PER</mark> person',
    '<mark class="ent ent-ORG">ORG</mark> organization',
    '<mark class="ent ent-LOC">LOC</mark> place',
    '<mark class="ent ent-MISC">MISC</mark> other name',
    '<span class="tx">time<span class="tx-val">value</span></span> time expression (TIMEX3 value)',
    '<span class="trg">trigger</span> event trigger',
    '<span class="muted">click a name: all mentions of its entity</span>',
  ];
  if (withDiff) items.push('<span class="d-add">■ added</span>', '<span class="d-del">■ removed</span>', '<span class="d-chg">■ changed</span>', '<span class="muted">n / p: next / previous change</span>');
  return `<p id="legend">${items.map((item) => `<span class="legend-item">${item}</span>`).join(' ')}</p>`;
}

function filters(eventTypes: string[], statuses: Map<string, number>): string {
  const labels = ENTITY_LABELS.map((label) => `<label class="flt"><input type="checkbox" class="label-filter" value="${label}" checked> <mark class="ent ent-${label}">${label}</mark></label>`).join(' ');
  const types = `<select id="type-filter" aria-label="event type"><option value="">all event types</option>${eventTypes.map((t) => `<option value="${escapeHtml(t)}">${escapeHtml(t)}</option>`).join('')}</select>`;
  const confidence = '<label class="flt">confidence ≥ <input type="range" id="confidence-filter" min="0" max="1" step="0.05" value="0"> <output id="confidence-value">0.00</output></label>';
  const statusOptions = ['ok', 'skipped', 'error'].map((s) => `<option value="${s}">${s} (${statuses.get(s) ?? 0})</option>`).join('');
  const status = `<select id="status-filter" aria-label="article status"><option value="">all statuses</option>${statusOptions}<option value="changed">changed only</option></select>`;
  return `<p id="filters">Entities ${labels} · Events ${types} ${confidence} · Articles ${status}</p>`;
}

function tipOf(record: RecordChange): string {
  if (record.change === 'added') return 'added (not in the older dataset)';
  if (record.change === 'removed') return `removed: was ${record.summary}`;
  return `${record.change === 'retyped' ? `retyped (was ${record.oldType})` : 'changed'}: ${record.fields.map(describeFieldChange).join('; ')}`;
}

function marksOf(diff: ArticleDiff): ArticleMarks {
  const marks: ArticleMarks = {
    mentions: new Map(),
    timexes: new Map(),
    events: new Map(),
    entities: new Map(),
    removedMentions: [],
    removedTimexes: [],
    removedEvents: [],
    removedEntities: [],
    status: diff.summary.status,
    changes: diff.records.length,
  };
  const mark = (record: RecordChange): DiffMark => (record.change === 'added' ? 'd-add' : record.change === 'removed' ? 'd-del' : 'd-chg');
  const placed = (span: { start: number; end: number }, text: string): { start: number; end: number } | null => {
    const mapped = diff.map.mapSpan(span);
    return diff.newText !== null && diff.newText.slice(mapped.start, mapped.end) === text ? mapped : null;
  };
  for (const record of diff.records) {
    const entry = { mark: mark(record), tip: tipOf(record) };
    if (record.kind === 'mentions') {
      if (record.new) marks.mentions.set(spanKey(record.new as unknown as MentionRow), entry);
      else {
        const row = record.old as unknown as MentionRow;
        marks.removedMentions.push({ row, span: placed(row, row.text) });
      }
    } else if (record.kind === 'timexes') {
      if (record.new) marks.timexes.set(spanKey(record.new as unknown as TimexRow), entry);
      else {
        const row = record.old as unknown as TimexRow;
        marks.removedTimexes.push({ row, span: placed(row, row.text) });
      }
    } else if (record.kind === 'events') {
      if (record.new) marks.events.set((record.new as unknown as EventRecord).id, { ...entry, record });
      else {
        const row = record.old as unknown as EventRecord;
        marks.removedEvents.push({ row, at: diff.newText === null ? null : diff.map.map(row.trigger.start, 'start') });
      }
    } else if (record.kind === 'entities') {
      if (record.new) marks.entities.set((record.new as unknown as EntityRow).id, entry);
      else marks.removedEntities.push(record.old as unknown as EntityRow);
    }
  }
  return marks;
}

/** A highlight over [start, end): rendered as properly nested elements even when highlights cross. */
interface Annotation {
  start: number;
  end: number;
  /** End of the whole highlight: the timex value badge goes after its last piece only. */
  fullEnd: number;
  open: string;
  close: string;
  /** Closing markup of the last piece (defaults to `close`). */
  lastClose?: string;
}

function renderArticle(data: ArticleData, index: number, marks: ArticleMarks | null): string {
  const { article } = data;
  const text = article.text;
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const annotations: Annotation[] = [];
  for (const m of data.mentions) annotations.push(mentionAnnotation(m, m.entity ? entityById.get(m.entity) : undefined, marks?.mentions.get(spanKey(m))));
  for (const t of data.timexes) {
    if (!isPunctuationOnly(t.text)) annotations.push(timexAnnotation(t, marks?.timexes.get(spanKey(t))));
  }
  const lost: string[] = [];
  for (const { row, span } of marks?.removedMentions ?? []) {
    if (span) annotations.push(mentionAnnotation({ ...row, ...span }, undefined, { mark: 'd-del', tip: `removed: was ${row.label} "${row.text}"` }));
    else lost.push(`<li class="d-del" title="removed">${escapeHtml(row.label)} “${escapeHtml(row.text)}”</li>`);
  }
  for (const { row, span } of marks?.removedTimexes ?? []) {
    if (isPunctuationOnly(row.text)) continue;
    if (span) annotations.push(timexAnnotation({ ...row, ...span }, { mark: 'd-del', tip: `removed: was ${row.type} ${row.value ?? '?'}` }));
    else lost.push(`<li class="d-del" title="removed">time “${escapeHtml(row.text)}” ${escapeHtml(row.value ?? '?')}</li>`);
  }
  for (const e of data.events) {
    annotations.push({ start: e.trigger.start, end: e.trigger.end, fullEnd: e.trigger.end, open: `<span class="trg" title="${escapeHtml(`${e.type} · ${e.trigger.lemma}`)}">`, close: '</span>' });
  }

  const sentences: Array<Pick<SentenceRow, 'index' | 'start' | 'end' | 'kind'>> = data.sentences.length > 0 ? [...data.sentences].sort((a, b) => a.start - b.start) : [{ index: -1, start: 0, end: text.length, kind: 'body' }];
  const eventsBySentence = new Map<number, EventRecord[]>();
  for (const e of data.events) pushTo(eventsBySentence, e.sentence.index, e);
  const removedBySentence = new Map<number, EventRecord[]>();
  const removedElsewhere: EventRecord[] = [];
  for (const { row, at } of marks?.removedEvents ?? []) {
    const home = at === null ? undefined : sentences.find((s) => at >= s.start && at < s.end);
    if (home) pushTo(removedBySentence, home.index, row);
    else removedElsewhere.push(row);
  }

  const rows: string[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    if (sentence.start > cursor && text.slice(cursor, sentence.start).trim() !== '') {
      rows.push(`<div class="row gap"><div class="sent muted">${renderAnnotated(text, cursor, sentence.start, annotations)}</div><div class="events"></div></div>`);
    }
    const events = (eventsBySentence.get(sentence.index) ?? []).map((e) => renderEvent(e, marks?.events.get(e.id)));
    for (const removed of removedBySentence.get(sentence.index) ?? []) events.push(renderEvent(removed, { mark: 'd-del', tip: 'removed (not in the newer dataset)' }));
    rows.push(`<div class="row ${sentence.kind === 'title' ? 'title' : ''}" data-sentence="${sentence.index}"><div class="sent"><span class="sid">${sentence.index >= 0 ? sentence.index : ''}</span>${renderAnnotated(text, sentence.start, sentence.end, annotations)}</div><div class="events">${events.join('')}</div></div>`);
    cursor = Math.max(cursor, sentence.end);
  }
  if (cursor < text.length && text.slice(cursor).trim() !== '') {
    rows.push(`<div class="row gap"><div class="sent muted">${renderAnnotated(text, cursor, text.length, annotations)}</div><div class="events"></div></div>`);
  }
  if (removedElsewhere.length > 0 || lost.length > 0) {
    rows.push(`<div class="row lost"><div class="sent muted">Records of the older dataset whose text is gone:<ul>${lost.join('')}</ul></div><div class="events">${removedElsewhere.map((e) => renderEvent(e, { mark: 'd-del', tip: 'removed (its text was edited away)' })).join('')}</div></div>`);
  }

  const language = article.language ? `${article.language.code} (${article.language.score})` : 'unknown';
  const meta = [
    `<code>${escapeHtml(article.id)}</code>`,
    `published ${escapeHtml(article.published ?? 'unknown')}`,
    `language ${escapeHtml(language)}`,
    `status <span class="status-${escapeHtml(article.status)}">${escapeHtml(article.status)}</span>${article.reason ? ` — ${escapeHtml(article.reason)}` : ''}`,
    `${data.sentences.length} sentences · ${data.mentions.length} mentions · ${data.entities.length} entities · ${data.timexes.length} time expressions · ${data.events.length} events`,
  ];
  if (marks?.status === 'edited') meta.push('<span class="d-chg">text edited since the older dataset (aligned)</span>');
  const entityItems = data.entities.map((e) => {
    const m = marks?.entities.get(e.id);
    return `<li><mark class="ent ent-${escapeHtml(e.label)} ${m?.mark ?? ''}" data-entity="${escapeHtml(e.id)}" data-elabel="${escapeHtml(e.label)}" data-label="${escapeHtml(e.label)}" title="${escapeHtml(`${e.label} · ${e.mentions.length} mention${e.mentions.length > 1 ? 's' : ''}${m ? ` · ${m.tip}` : ''}`)}" tabindex="0">${escapeHtml(e.canonical)}</mark> ${escapeHtml(e.label)} · ${e.mentions.length} mention${e.mentions.length > 1 ? 's' : ''}</li>`;
  });
  for (const e of marks?.removedEntities ?? []) entityItems.push(`<li><mark class="ent ent-${escapeHtml(e.label)} d-del" title="removed">${escapeHtml(e.canonical)}</mark> ${escapeHtml(e.label)} · removed</li>`);
  const entities = entityItems.length > 0 ? `<details class="entities"><summary>Entities (${data.entities.length})</summary><ul>${entityItems.join('')}</ul></details>` : '';
  return `<section class="article${marks ? ' has-diff' : ''}" id="a-${index}" data-article="${escapeHtml(article.id)}" data-status="${escapeHtml(article.status)}"><h2>${escapeHtml(article.title ?? article.id)}</h2><p class="meta muted">${meta.join(' · ')}</p>${entities}<div class="reading">${rows.join('\n')}</div></section>`;
}

/** A mention coloured by its entity's label; its own label, entity and score on hover. */
function mentionAnnotation(m: Pick<MentionRow, 'start' | 'end' | 'label' | 'score' | 'entity'>, entity: EntityRow | undefined, marked: Marked | undefined): Annotation {
  const colour = entity?.label ?? m.label;
  const tip = [`mention ${m.label}`, entity ? `entity ${entity.canonical} (${entity.label})` : 'no entity', `score ${m.score}`, ...(marked ? [marked.tip] : [])].join(' · ');
  const attributes = [`class="ent ent-${escapeHtml(colour)} ${marked?.mark ?? ''}"`, `data-label="${escapeHtml(m.label)}"`, `data-elabel="${escapeHtml(colour)}"`, entity ? `data-entity="${escapeHtml(entity.id)}"` : '', `title="${escapeHtml(tip)}"`];
  return { start: m.start, end: m.end, fullEnd: m.end, open: `<mark ${attributes.filter(Boolean).join(' ')}>`, close: '</mark>' };
}

function timexAnnotation(t: TimexRow, marked: Marked | undefined): Annotation {
  const tip = `${t.type} ${t.value ?? '(not normalized)'}${t.mod ? ` mod ${t.mod}` : ''} · anchor ${t.anchor}${marked ? ` · ${marked.tip}` : ''}`;
  return {
    start: t.start,
    end: t.end,
    fullEnd: t.end,
    open: `<span class="tx ${marked?.mark ?? ''}" data-value="${escapeHtml(t.value ?? '')}" data-type="${escapeHtml(t.type)}" title="${escapeHtml(tip)}">`,
    close: '</span>',
    lastClose: `<span class="tx-val" aria-hidden="true">${escapeHtml(t.value ?? '?')}</span></span>`,
  };
}

function renderEvent(e: EventRecord, marked?: Marked & { record?: RecordChange }): string {
  const args = e.arguments.map((arg) => `<li><span class="role">${escapeHtml(arg.role)}</span> <mark class="ent ent-${escapeHtml(arg.label)}"${arg.entity ? ` data-entity="${escapeHtml(arg.entity)}"` : ''} data-elabel="${escapeHtml(arg.label)}" data-label="${escapeHtml(arg.label)}">${escapeHtml(arg.canonical)}</mark>${arg.resolved ? ` <span class="muted" title="${escapeHtml(describeArgument(arg))}">(via “${escapeHtml(arg.text)}”)</span>` : ''}</li>`).join('');
  const time = e.time ? `<div class="ev-time">when <span class="tx-val">${escapeHtml(e.time.value ?? '?')}</span> “${escapeHtml(e.time.text)}”${e.time.mod ? ` ${escapeHtml(e.time.mod)}` : ''}</div>` : '';
  const place = e.place ? `<div class="ev-place">where <mark class="ent ent-LOC" data-entity="${escapeHtml(e.place.entity)}" data-elabel="LOC" data-label="LOC">${escapeHtml(e.place.canonical)}</mark></div>` : '';
  const flags = [e.polarity !== 'positive' ? e.polarity : '', e.modality !== 'asserted' ? e.modality : ''].filter(Boolean).map((flag) => `<span class="flag">${escapeHtml(flag)}</span>`).join(' ');
  const record = marked?.record;
  const changes = record && record.fields.length > 0 ? `<ul class="ev-changes">${record.fields.map((c) => `<li>${escapeHtml(describeFieldChange(c))}</li>`).join('')}</ul>` : '';
  const mark = marked?.mark ?? '';
  return `<div class="ev ${mark}" data-event="${escapeHtml(e.id)}" data-type="${escapeHtml(e.type)}" data-conf="${escapeHtml(e.confidence.toFixed(2))}"${marked ? ` title="${escapeHtml(marked.tip)}"` : ''}><div class="ev-head"><span class="ev-type">${escapeHtml(e.type)}</span> “${escapeHtml(e.trigger.text)}” <span class="conf" title="confidence">${escapeHtml(e.confidence.toFixed(2))}</span> ${flags}</div>${args ? `<ul class="ev-args">${args}</ul>` : ''}${time}${place}${changes}</div>`;
}

/** Renders text[from, to) with the annotations overlapping it, splitting any that cross so that tags nest. */
export function renderAnnotated(text: string, from: number, to: number, annotations: Annotation[]): string {
  const queue = annotations
    .filter((a) => a.start < to && a.end > from && a.end > a.start)
    .map((a) => ({ ...a, start: Math.max(a.start, from), end: Math.min(a.end, to) }))
    .sort(byStartThenLonger);
  const out: string[] = [];
  const stack: Annotation[] = [];
  let position = from;
  const emitUpTo = (offset: number): void => {
    if (offset > position) out.push(escapeHtml(text.slice(position, offset)));
    position = Math.max(position, offset);
  };
  while (queue.length > 0 || stack.length > 0) {
    const top = stack[stack.length - 1];
    const next = queue[0];
    if (top && (!next || top.end <= next.start)) {
      emitUpTo(top.end);
      stack.pop();
      out.push(top.end === top.fullEnd ? (top.lastClose ?? top.close) : top.close);
      continue;
    }
    if (!next) break;
    queue.shift();
    emitUpTo(next.start);
    let piece = next;
    if (top && next.end > top.end) {
      // Crossing highlights: close this one where the enclosing one ends and reopen it after.
      insertSorted(queue, { ...next, start: top.end });
      piece = { ...next, end: top.end };
    }
    out.push(piece.open);
    stack.push(piece);
  }
  emitUpTo(to);
  return out.join('');
}

function byStartThenLonger(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end;
}

function insertSorted(queue: Annotation[], item: Annotation): void {
  let index = queue.findIndex((other) => byStartThenLonger(item, other) < 0);
  if (index < 0) index = queue.length;
  queue.splice(index, 0, item);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
