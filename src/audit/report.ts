/**
 * `chronique report`: one self-contained static HTML file to read a dataset — an article list with counts and,
 * per article, its text sentence by sentence with entity mentions highlighted by type, time expressions with
 * their normalized value, and the events found in each sentence beside it. Given an older dataset
 * (`--against`), additions, removals and changes are coloured.
 *
 * Scale: each article's section is rendered here (escaped) but shipped as a JSON string, and only the selected one
 * is put into the page: the browser never parses or lays out thousands of hidden articles, so the page opens fast
 * even for large datasets. The navigation (list, select, filter) is plain HTML.
 */
import type { EventRecord } from '../dataset/schema.js';
import type { MentionRow, SentenceRow, TimexRow } from '../dataset/records.js';
import type { ArticleData, LoadedDataset } from './dataset.js';
import { diffDatasets, describeArgument, type DatasetDiff, type DiffOptions, type EventChange, DEFAULT_DIFF_OPTIONS } from './diff.js';
import { describeFieldChange } from './diff-format.js';
import { BASE_STYLE, escapeHtml, renderPage } from './html.js';

export interface ReportOptions {
  /** An older dataset to compare with: the report then colours what changed. */
  against?: LoadedDataset;
  diffOptions?: DiffOptions;
  title?: string;
}

type DiffMark = 'd-add' | 'd-del' | 'd-chg' | '';

/** What the diff says about one article's rows, looked up while rendering it. */
interface ArticleMarks {
  mentions: Map<string, DiffMark>;
  timexes: Map<string, DiffMark>;
  removedMentions: MentionRow[];
  removedTimexes: TimexRow[];
  addedEvents: Set<string>;
  changedEvents: Map<string, EventChange>;
  removedEvents: EventRecord[];
  /** Removed rows can be shown in place only when the text they point into is unchanged. */
  sameText: boolean;
}

const spanKey = (row: { start: number; end: number }): string => `${row.start}:${row.end}`;

export function buildReport(dataset: LoadedDataset, options: ReportOptions = {}): string {
  const diff = options.against ? diffDatasets(options.against, dataset, options.diffOptions ?? DEFAULT_DIFF_OPTIONS) : null;
  const marks = diff ? marksByArticle(diff) : new Map<string, ArticleMarks>();
  const perArticle = new Map(diff?.perArticle.map((a) => [a.article, a]) ?? []);
  const title = options.title ?? `chronique report — ${dataset.dir}`;
  const totals = { sentences: 0, mentions: 0, timexes: 0, entities: 0, events: 0 };
  for (const data of dataset.articles) {
    totals.sentences += data.sentences.length;
    totals.mentions += data.mentions.length;
    totals.timexes += data.timexes.length;
    totals.entities += data.entities.length;
    totals.events += data.events.length;
  }

  const body: string[] = [];
  body.push('<header>');
  body.push(`<h1>${escapeHtml(title)}</h1>`);
  body.push(`<p class="muted" id="totals">${dataset.articles.length} articles · ${totals.sentences} sentences · ${totals.mentions} mentions · ${totals.entities} entities · ${totals.timexes} time expressions · ${totals.events} events</p>`);
  if (diff && options.against) {
    body.push(`<p id="diff-summary">Compared with <code>${escapeHtml(options.against.dir)}</code>: ${diff.identical ? 'identical' : `events <span class="d-add">+${diff.events.added.length}</span> <span class="d-del">−${diff.events.removed.length}</span> <span class="d-chg">~${diff.events.changed.length}</span>; mentions <span class="d-add">+${diff.mentions.added.length}</span> <span class="d-del">−${diff.mentions.removed.length}</span> <span class="d-chg">~${diff.mentions.changed.length}</span>; time expressions <span class="d-add">+${diff.timexes.added.length}</span> <span class="d-del">−${diff.timexes.removed.length}</span> <span class="d-chg">~${diff.timexes.changed.length}</span>; articles <span class="d-add">+${diff.articles.added.length}</span> <span class="d-del">−${diff.articles.removed.length}</span>`}</p>`);
  }
  body.push(legend(Boolean(diff)));
  body.push('</header>');

  body.push('<div id="layout"><nav>');
  body.push('<label>Article <select id="article-select">');
  dataset.articles.forEach((data, index) => body.push(`<option value="a-${index}">${escapeHtml(data.article.id)}${data.article.title ? ` — ${escapeHtml(truncate(data.article.title, 60))}` : ''}</option>`));
  body.push('</select></label>');
  body.push('<input id="article-filter" type="search" placeholder="filter articles…" aria-label="filter articles">');
  body.push('<ol id="article-list">');
  dataset.articles.forEach((data, index) => {
    const change = perArticle.get(data.article.id);
    const changeMark = change ? (change.status === 'added' ? 'd-add' : 'd-chg') : '';
    const badge = change ? ` <span class="badge ${changeMark}" title="events +${change.events.added} −${change.events.removed} ~${change.events.changed}">${change.status === 'added' ? 'new' : `±${change.events.added + change.events.removed + change.events.changed}`}</span>` : '';
    body.push(`<li class="${changeMark}" data-article="${escapeHtml(data.article.id)}" data-status="${escapeHtml(data.article.status)}"><a href="#a-${index}"><span class="aid">${escapeHtml(data.article.id)}</span>${badge}${data.article.title ? `<br><span class="atitle">${escapeHtml(data.article.title)}</span>` : ''}<br><span class="counts muted">${data.sentences.length} sent. · ${data.mentions.length} ment. · ${data.timexes.length} time · ${data.events.length} ev.</span></a></li>`);
  });
  body.push('</ol>');
  if (diff && diff.articles.removed.length > 0) {
    body.push(`<p class="d-del">Removed articles: ${diff.articles.removed.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}</p>`);
  }
  body.push('</nav><main id="article-view">');
  body.push(dataset.articles.length === 0 ? '<p>This dataset has no articles.</p>' : '<noscript>The reading view needs JavaScript (inline, no network).</noscript>');
  body.push('</main></div>');
  const sections = dataset.articles.map((data, index) => renderArticle(data, index, marks.get(data.article.id) ?? null, Boolean(diff)));
  body.push(`<script type="application/json" id="${ARTICLES_DATA_ID}">${jsonForScript(sections)}</script>`);
  return renderPage({ title, style: REPORT_STYLE, body: body.join('\n'), script: REPORT_SCRIPT });
}

/** Id of the JSON block holding one rendered (escaped) section per article, in list order. */
export const ARTICLES_DATA_ID = 'articles-data';

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
  ];
  if (withDiff) items.push('<span class="d-add">■ added</span>', '<span class="d-del">■ removed</span>', '<span class="d-chg">■ changed</span>');
  return `<p id="legend">${items.map((item) => `<span class="legend-item">${item}</span>`).join(' ')}</p>`;
}

function marksByArticle(diff: DatasetDiff): Map<string, ArticleMarks> {
  const marks = new Map<string, ArticleMarks>();
  const textChanged = new Set([...diff.articles.textChanged, ...diff.articles.added]);
  const of = (article: string): ArticleMarks => {
    let entry = marks.get(article);
    if (!entry) {
      entry = { mentions: new Map(), timexes: new Map(), removedMentions: [], removedTimexes: [], addedEvents: new Set(), changedEvents: new Map(), removedEvents: [], sameText: !textChanged.has(article) };
      marks.set(article, entry);
    }
    return entry;
  };
  for (const m of diff.mentions.added) of(m.article).mentions.set(spanKey(m), 'd-add');
  for (const c of diff.mentions.changed) of(c.new.article).mentions.set(spanKey(c.new), 'd-chg');
  for (const m of diff.mentions.removed) of(m.article).removedMentions.push(m);
  for (const t of diff.timexes.added) of(t.article).timexes.set(spanKey(t), 'd-add');
  for (const c of diff.timexes.changed) of(c.new.article).timexes.set(spanKey(c.new), 'd-chg');
  for (const t of diff.timexes.removed) of(t.article).removedTimexes.push(t);
  for (const e of diff.events.added) of(e.article.id).addedEvents.add(e.id);
  for (const c of diff.events.changed) of(c.new.article.id).changedEvents.set(c.new.id, c);
  for (const e of diff.events.removed) of(e.article.id).removedEvents.push(e);
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

function renderArticle(data: ArticleData, index: number, marks: ArticleMarks | null, withDiff: boolean): string {
  const { article } = data;
  const text = article.text;
  const canonicalById = new Map(data.entities.map((e) => [e.id, e.canonical]));
  const annotations: Annotation[] = [];
  for (const m of data.mentions) {
    const mark = marks?.mentions.get(spanKey(m)) ?? '';
    const canonical = m.entity ? canonicalById.get(m.entity) : undefined;
    const tip = `${m.label}${canonical ? ` · ${canonical}` : ''} · score ${m.score}${mark ? ` · ${diffWord(mark)}` : ''}`;
    annotations.push({ start: m.start, end: m.end, fullEnd: m.end, open: `<mark class="ent ent-${escapeHtml(m.label)} ${mark}" data-label="${escapeHtml(m.label)}" title="${escapeHtml(tip)}">`, close: '</mark>' });
  }
  for (const t of data.timexes) {
    const mark = marks?.timexes.get(spanKey(t)) ?? '';
    annotations.push(timexAnnotation(t, mark));
  }
  if (marks?.sameText) {
    for (const m of marks.removedMentions) {
      annotations.push({ start: m.start, end: m.end, fullEnd: m.end, open: `<mark class="ent ent-${escapeHtml(m.label)} d-del" data-label="${escapeHtml(m.label)}" title="${escapeHtml(`${m.label} · removed`)}">`, close: '</mark>' });
    }
    for (const t of marks.removedTimexes) annotations.push(timexAnnotation(t, 'd-del'));
  }
  for (const e of data.events) {
    annotations.push({ start: e.trigger.start, end: e.trigger.end, fullEnd: e.trigger.end, open: `<span class="trg" title="${escapeHtml(`${e.type} · ${e.trigger.lemma}`)}">`, close: '</span>' });
  }

  const sentences: Array<Pick<SentenceRow, 'index' | 'start' | 'end' | 'kind'>> = data.sentences.length > 0 ? [...data.sentences].sort((a, b) => a.start - b.start) : [{ index: -1, start: 0, end: text.length, kind: 'body' }];
  const eventsBySentence = new Map<number, EventRecord[]>();
  for (const e of data.events) pushTo(eventsBySentence, e.sentence.index, e);
  const removedBySentence = new Map<number, EventRecord[]>();
  const removedElsewhere: EventRecord[] = [];
  for (const e of marks?.removedEvents ?? []) {
    const home = marks?.sameText ? sentences.find((s) => e.trigger.start >= s.start && e.trigger.start < s.end) : undefined;
    if (home) pushTo(removedBySentence, home.index, e);
    else removedElsewhere.push(e);
  }

  const rows: string[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    if (sentence.start > cursor && text.slice(cursor, sentence.start).trim() !== '') {
      rows.push(`<div class="row gap"><div class="sent muted">${renderAnnotated(text, cursor, sentence.start, annotations)}</div><div class="events"></div></div>`);
    }
    const events = (eventsBySentence.get(sentence.index) ?? []).map((e) => renderEvent(e, marks?.addedEvents.has(e.id) ? 'd-add' : marks?.changedEvents.has(e.id) ? 'd-chg' : '', marks?.changedEvents.get(e.id)));
    for (const removed of removedBySentence.get(sentence.index) ?? []) events.push(renderEvent(removed, 'd-del'));
    rows.push(`<div class="row ${sentence.kind === 'title' ? 'title' : ''}" data-sentence="${sentence.index}"><div class="sent"><span class="sid">${sentence.index >= 0 ? sentence.index : ''}</span>${renderAnnotated(text, sentence.start, sentence.end, annotations)}</div><div class="events">${events.join('')}</div></div>`);
    cursor = Math.max(cursor, sentence.end);
  }
  if (cursor < text.length && text.slice(cursor).trim() !== '') {
    rows.push(`<div class="row gap"><div class="sent muted">${renderAnnotated(text, cursor, text.length, annotations)}</div><div class="events"></div></div>`);
  }
  if (removedElsewhere.length > 0) {
    rows.push(`<div class="row"><div class="sent muted">Events of the older dataset no longer found:</div><div class="events">${removedElsewhere.map((e) => renderEvent(e, 'd-del')).join('')}</div></div>`);
  }

  const language = article.language ? `${article.language.code} (${article.language.score})` : 'unknown';
  const meta = [
    `<code>${escapeHtml(article.id)}</code>`,
    `published ${escapeHtml(article.published ?? 'unknown')}`,
    `language ${escapeHtml(language)}`,
    `status <span class="status-${escapeHtml(article.status)}">${escapeHtml(article.status)}</span>${article.reason ? ` — ${escapeHtml(article.reason)}` : ''}`,
    `${data.sentences.length} sentences · ${data.mentions.length} mentions · ${data.entities.length} entities · ${data.timexes.length} time expressions · ${data.events.length} events`,
  ];
  const entities = data.entities.length > 0 ? `<details class="entities"><summary>Entities (${data.entities.length})</summary><ul>${data.entities.map((e) => `<li><mark class="ent ent-${escapeHtml(e.label)}">${escapeHtml(e.canonical)}</mark> ${escapeHtml(e.label)} · ${e.mentions.length} mention${e.mentions.length > 1 ? 's' : ''}</li>`).join('')}</ul></details>` : '';
  return `<section class="article${withDiff && marks ? ' has-diff' : ''}" id="a-${index}" data-article="${escapeHtml(article.id)}"><h2>${escapeHtml(article.title ?? article.id)}</h2><p class="meta muted">${meta.join(' · ')}</p>${entities}<div class="reading">${rows.join('\n')}</div></section>`;
}

function timexAnnotation(t: TimexRow, mark: DiffMark): Annotation {
  const tip = `${t.type} ${t.value ?? '(not normalized)'}${t.mod ? ` mod ${t.mod}` : ''} · anchor ${t.anchor}${mark ? ` · ${diffWord(mark)}` : ''}`;
  return {
    start: t.start,
    end: t.end,
    fullEnd: t.end,
    open: `<span class="tx ${mark}" data-value="${escapeHtml(t.value ?? '')}" data-type="${escapeHtml(t.type)}" title="${escapeHtml(tip)}">`,
    close: '</span>',
    lastClose: `<span class="tx-val" aria-hidden="true">${escapeHtml(t.value ?? '?')}</span></span>`,
  };
}

function diffWord(mark: DiffMark): string {
  return mark === 'd-add' ? 'added' : mark === 'd-del' ? 'removed' : mark === 'd-chg' ? 'changed' : '';
}

function renderEvent(e: EventRecord, mark: DiffMark, change?: EventChange): string {
  const args = e.arguments.map((arg) => `<li><span class="role">${escapeHtml(arg.role)}</span> <mark class="ent ent-${escapeHtml(arg.label)}">${escapeHtml(arg.canonical)}</mark>${arg.resolved ? ` <span class="muted" title="${escapeHtml(describeArgument(arg))}">(via “${escapeHtml(arg.text)}”)</span>` : ''}</li>`).join('');
  const time = e.time ? `<div class="ev-time">when <span class="tx-val">${escapeHtml(e.time.value ?? '?')}</span> “${escapeHtml(e.time.text)}”${e.time.mod ? ` ${escapeHtml(e.time.mod)}` : ''}</div>` : '';
  const place = e.place ? `<div class="ev-place">where <mark class="ent ent-LOC">${escapeHtml(e.place.canonical)}</mark></div>` : '';
  const flags = [e.polarity !== 'positive' ? e.polarity : '', e.modality !== 'asserted' ? e.modality : ''].filter(Boolean).map((flag) => `<span class="flag">${escapeHtml(flag)}</span>`).join(' ');
  const changes = change ? `<ul class="ev-changes">${change.changes.map((c) => `<li>${escapeHtml(describeFieldChange(c))}</li>`).join('')}</ul>` : '';
  return `<div class="ev ${mark}" data-event="${escapeHtml(e.id)}" data-type="${escapeHtml(e.type)}"><div class="ev-head"><span class="ev-type">${escapeHtml(e.type)}</span> “${escapeHtml(e.trigger.text)}” <span class="conf" title="confidence">${escapeHtml(e.confidence.toFixed(2))}</span> ${flags}</div>${args ? `<ul class="ev-args">${args}</ul>` : ''}${time}${place}${changes}</div>`;
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

const REPORT_STYLE = `${BASE_STYLE}
header { padding: .8rem 1.2rem; background: #fff; border-bottom: 1px solid #e5e7eb; }
header p { margin: .3rem 0 0; }
#legend .legend-item { margin-right: .8rem; white-space: nowrap; font-size: .9em; }
#layout { display: grid; grid-template-columns: 22rem 1fr; }
nav { border-right: 1px solid #e5e7eb; background: #fff; padding: .6rem; overflow-y: auto; max-height: 100vh; position: sticky; top: 0; align-self: start; }
nav select, nav input { width: 100%; margin: .2rem 0 .5rem; font: inherit; }
#article-list { list-style: none; margin: 0; padding: 0; font-size: .88em; }
#article-list li { border-bottom: 1px solid #f0f0f0; }
#article-list li.hidden-by-filter { display: none; }
#article-list a { display: block; padding: .3rem .4rem; color: inherit; text-decoration: none; }
#article-list a:hover, #article-list a.current { background: #eef2ff; }
#article-list .aid { font-family: ui-monospace, monospace; font-size: .85em; }
.badge { display: inline-block; padding: 0 .35rem; border-radius: .6rem; font-size: .8em; border: 1px solid currentColor; }
main { padding: 1rem 1.4rem; min-width: 0; }
section.article { margin-bottom: 2rem; }
.meta { font-size: .9em; }
.reading { border-top: 1px solid #e5e7eb; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr); gap: 1rem; padding: .45rem 0; border-bottom: 1px solid #f0f0f0; }
.row.title .sent { font-weight: 600; font-size: 1.05em; }
.sent { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; }
.sid { display: inline-block; min-width: 1.8rem; color: var(--muted); font-size: .75em; vertical-align: top; }
mark.ent { border-radius: .2rem; padding: 0 .1rem; border-bottom: 2px solid; color: inherit; }
.ent-PER { background: var(--per); border-color: var(--per-b); }
.ent-ORG { background: var(--org); border-color: var(--org-b); }
.ent-LOC { background: var(--loc); border-color: var(--loc-b); }
.ent-MISC { background: var(--misc); border-color: var(--misc-b); }
.tx { background: var(--tx); border-bottom: 2px dotted var(--tx-b); }
.tx-val { display: inline-block; margin-left: .2rem; padding: 0 .3rem; border-radius: .5rem; background: var(--tx-b); color: #fff; font: 600 .72em/1.4 ui-monospace, monospace; vertical-align: middle; }
.trg { text-decoration: underline 2px #111; text-underline-offset: .25em; font-weight: 600; }
mark.d-add, .tx.d-add { outline: 2px solid var(--add); }
mark.d-chg, .tx.d-chg { outline: 2px dashed var(--chg); }
mark.d-del, .tx.d-del { outline: 2px dotted var(--del); opacity: .6; text-decoration: line-through; }
.events { font-size: .86em; }
.ev { border: 1px solid #e5e7eb; border-left: 4px solid #6b7280; border-radius: .3rem; padding: .3rem .5rem; margin-bottom: .4rem; background: #fff; }
.ev.d-add { border-left-color: var(--add); background: var(--add-bg); }
.ev.d-del { border-left-color: var(--del); background: var(--del-bg); text-decoration: line-through; }
.ev.d-chg { border-left-color: var(--chg); background: var(--chg-bg); }
.ev-type { font-weight: 700; }
.ev-args { margin: .2rem 0 0 1rem; padding: 0; }
.role { color: var(--muted); }
.conf { float: right; color: var(--muted); font-variant-numeric: tabular-nums; }
.flag { display: inline-block; padding: 0 .3rem; border-radius: .3rem; background: #eee; font-size: .85em; }
.ev-changes { margin: .2rem 0 0 1rem; padding: 0; color: var(--chg); }
.status-error { color: var(--del); font-weight: 600; }
.status-skipped { color: var(--chg); }
details.entities { margin: .3rem 0 .6rem; font-size: .9em; }
details.entities ul { columns: 2; }
@media (max-width: 60rem) { #layout { grid-template-columns: 1fr; } nav { position: static; max-height: 16rem; } .row { grid-template-columns: 1fr; } }
`;

/**
 * Navigation: puts the selected article's section (already escaped HTML from the JSON block) into the view; the hash
 * names it (`#a-12`). A select and a filter over the list.
 */
const REPORT_SCRIPT = `(function () {
  var sections = JSON.parse(document.getElementById('${ARTICLES_DATA_ID}').textContent);
  var view = document.getElementById('article-view');
  var select = document.getElementById('article-select');
  var filter = document.getElementById('article-filter');
  var items = Array.prototype.slice.call(document.querySelectorAll('#article-list li'));
  function show(id) {
    var index = /^a-\\d+$/.test(id) ? Number(id.slice(2)) : 0;
    if (!(index < sections.length)) index = 0;
    if (sections.length === 0) return;
    view.innerHTML = sections[index];
    view.firstElementChild.classList.add('current');
    items.forEach(function (li, i) { li.querySelector('a').classList.toggle('current', i === index); });
    select.value = 'a-' + index;
    window.scrollTo(0, 0);
  }
  select.addEventListener('change', function () { location.hash = select.value; });
  filter.addEventListener('input', function () {
    var query = filter.value.toLowerCase();
    items.forEach(function (li) { li.classList.toggle('hidden-by-filter', query !== '' && li.textContent.toLowerCase().indexOf(query) < 0); });
  });
  window.addEventListener('hashchange', function () { show(location.hash.slice(1)); });
  show(location.hash.slice(1));
})();`;
