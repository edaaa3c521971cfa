/**
 * The three renderings of a dataset diff: readable text (terminal, CI logs), JSON (machines) and a
 * self-contained HTML page (people auditing a change).
 */
import type { EventRecord } from '../dataset/schema.js';
import type { EntityRow, MentionRow, TimexRow } from '../dataset/records.js';
import type { DatasetDiff, EventChange, FieldChange, SectionDiff } from './diff.js';
import { BASE_STYLE, escapeHtml, renderPage } from './html.js';

export interface TextFormatOptions {
  /** Longest listing per section (events, mentions…); the JSON output always has everything. */
  maxItems: number;
}

const signed = (added: number, removed: number, changed: number): string => `+${added} -${removed} ~${changed}`;
const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function describeEvent(event: EventRecord): string {
  const args = event.arguments.map((arg) => `${arg.role}=${arg.canonical}`).join(', ');
  const time = event.time ? ` @${event.time.value ?? '?'}` : '';
  return `${event.type} "${event.trigger.text}" ${event.article.id}:${event.trigger.start}-${event.trigger.end} s${event.sentence.index}${args ? ` (${args})` : ''}${time}`;
}

export function describeFieldChange(change: FieldChange): string {
  if (change.field === 'arguments') {
    const removed = (change.old as string[]).map((arg) => `-${arg}`);
    const added = (change.new as string[]).map((arg) => `+${arg}`);
    return `arguments: ${[...removed, ...added].join('; ')}`;
  }
  return `${change.field}: ${show(change.old)} → ${show(change.new)}`;
}

const describeMention = (m: MentionRow): string => `${m.article}:${m.start}-${m.end} ${m.label} "${m.text}"`;
const describeTimex = (t: TimexRow): string => `${t.article}:${t.start}-${t.end} "${t.text}" ${t.type} ${t.value ?? 'null'}`;
const describeEntity = (e: EntityRow): string => `${e.article} ${e.label} "${e.canonical}" (${e.mentions.length} mentions)`;

export function formatDiffText(diff: DatasetDiff, options: TextFormatOptions = { maxItems: 50 }): string {
  const lines: string[] = [];
  const { articles, events } = diff;
  lines.push(`chronique diff ${diff.oldDir} → ${diff.newDir}: ${diff.identical ? 'identical' : 'different'}`);
  lines.push(`articles: ${articles.old} → ${articles.new} (+${articles.added.length} added, -${articles.removed.length} removed, ${articles.textChanged.length} with changed text, ${articles.changed.length} with changed status or metadata)`);
  lines.push(`sentences: +${diff.sentences.added} -${diff.sentences.removed}`);
  lines.push(`events: ${events.old} → ${events.new}: +${events.added.length} added, -${events.removed.length} removed, ~${events.changed.length} changed, ${events.unchanged} unchanged (confidence threshold ${diff.options.confidenceThreshold})`);
  lines.push(`mentions: ${signed(diff.mentions.added.length, diff.mentions.removed.length, diff.mentions.changed.length)}; time expressions: ${signed(diff.timexes.added.length, diff.timexes.removed.length, diff.timexes.changed.length)}; entities: ${signed(diff.entities.added.length, diff.entities.removed.length, diff.entities.changed.length)}`);
  if (diff.identical) return `${lines.join('\n')}\n`;

  const typeRows = diff.perType.filter((t) => t.old !== t.new || t.added + t.removed + t.changed > 0);
  if (typeRows.length > 0) {
    lines.push('', 'per event type (old → new, +added -removed ~changed):');
    const width = Math.max(...typeRows.map((t) => t.type.length));
    for (const t of typeRows) lines.push(`  ${t.type.padEnd(width)}  ${String(t.old).padStart(4)} → ${String(t.new).padEnd(4)} ${signed(t.added, t.removed, t.changed)}`);
  }
  lines.push('', 'per article (events old → new +-~; mentions, time expressions, entities +-~):');
  for (const a of diff.perArticle.slice(0, options.maxItems)) {
    lines.push(`  ${a.article} [${a.status}] events ${a.events.old} → ${a.events.new} ${signed(a.events.added, a.events.removed, a.events.changed)}; mentions ${signed(a.mentions.added, a.mentions.removed, a.mentions.changed)}; timexes ${signed(a.timexes.added, a.timexes.removed, a.timexes.changed)}; entities ${signed(a.entities.added, a.entities.removed, a.entities.changed)}`);
  }
  if (diff.perArticle.length > options.maxItems) lines.push(`  … ${diff.perArticle.length - options.maxItems} more (use --json or --html for the full list)`);
  appendList(lines, 'articles added', articles.added, options.maxItems, (id) => `+ ${id}`);
  appendList(lines, 'articles removed', articles.removed, options.maxItems, (id) => `- ${id}`);
  appendList(lines, 'articles changed', articles.changed, options.maxItems, (c) => `~ ${c.id}: ${c.changes.map(describeFieldChange).join('; ')}`);
  appendList(lines, 'events added', events.added, options.maxItems, (e) => `+ ${e.id} ${describeEvent(e)}`);
  appendList(lines, 'events removed', events.removed, options.maxItems, (e) => `- ${e.id} ${describeEvent(e)}`);
  appendList(lines, 'events changed', events.changed, options.maxItems, (c: EventChange) =>
    [`~ ${c.new.id}${c.old.id !== c.new.id ? ` (was ${c.old.id}, matched by ${c.match})` : ''} ${describeEvent(c.new)}`, ...c.changes.map((f) => `    ${describeFieldChange(f)}`)].join('\n'));
  appendSection(lines, 'mentions', diff.mentions, options.maxItems, describeMention);
  appendSection(lines, 'time expressions', diff.timexes, options.maxItems, describeTimex);
  appendSection(lines, 'entities', diff.entities, options.maxItems, describeEntity);
  return `${lines.join('\n')}\n`;
}

function appendList<T>(lines: string[], title: string, items: T[], max: number, describe: (item: T) => string): void {
  if (items.length === 0) return;
  lines.push('', `${title} (${items.length}):`);
  for (const item of items.slice(0, max)) lines.push(`  ${describe(item)}`);
  if (items.length > max) lines.push(`  … ${items.length - max} more (use --json or --html for the full list)`);
}

function appendSection<T>(lines: string[], title: string, section: SectionDiff<T>, max: number, describe: (row: T) => string): void {
  appendList(lines, `${title} added`, section.added, max, (row) => `+ ${describe(row)}`);
  appendList(lines, `${title} removed`, section.removed, max, (row) => `- ${describe(row)}`);
  appendList(lines, `${title} changed`, section.changed, max, (change) => `~ ${describe(change.new)}: ${change.changes.map(describeFieldChange).join('; ')}`);
}

export function formatDiffJson(diff: DatasetDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

const DIFF_STYLE = `${BASE_STYLE}
header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid #e5e7eb; }
main { padding: 1rem 1.5rem; max-width: 80rem; }
section { margin: 1.25rem 0; }
.verdict { font-weight: 600; }
li { margin: .15rem 0; }
ul.changes { margin: .1rem 0 .4rem 1.2rem; padding: 0; font-size: .9em; }
`;

export function formatDiffHtml(diff: DatasetDiff): string {
  const { events } = diff;
  const body: string[] = [];
  body.push('<header>');
  body.push(`<h1>chronique diff</h1><p class="mono">${escapeHtml(diff.oldDir)} → ${escapeHtml(diff.newDir)}</p>`);
  body.push(`<p class="verdict ${diff.identical ? 'd-add' : 'd-chg'}" id="verdict">${diff.identical ? 'identical' : 'different'}</p>`);
  body.push('</header><main>');
  body.push('<section><h2>Summary</h2><table id="summary"><tr><th></th><th class="num">old</th><th class="num">new</th><th class="num">added</th><th class="num">removed</th><th class="num">changed</th></tr>');
  body.push(summaryRow('articles', diff.articles.old, diff.articles.new, diff.articles.added.length, diff.articles.removed.length, new Set([...diff.articles.textChanged, ...diff.articles.changed.map((c) => c.id)]).size));
  body.push(summaryRow('events', events.old, events.new, events.added.length, events.removed.length, events.changed.length));
  for (const [name, section] of [['mentions', diff.mentions], ['time expressions', diff.timexes], ['entities', diff.entities]] as const) {
    body.push(summaryRow(name, null, null, section.added.length, section.removed.length, section.changed.length));
  }
  body.push(`</table><p class="muted">Confidence changes of at most ${escapeHtml(diff.options.confidenceThreshold)} are not reported; provenance is not compared.</p></section>`);
  if (diff.perType.length > 0) {
    body.push('<section><h2>Per event type</h2><table id="per-type"><tr><th>type</th><th class="num">old</th><th class="num">new</th><th class="num">added</th><th class="num">removed</th><th class="num">changed</th></tr>');
    for (const t of diff.perType) body.push(summaryRow(t.type, t.old, t.new, t.added, t.removed, t.changed));
    body.push('</table></section>');
  }
  if (diff.perArticle.length > 0) {
    body.push('<section><h2>Per article</h2><table id="per-article"><tr><th>article</th><th>status</th><th class="num">events</th><th>events ±</th><th>mentions ±</th><th>time expr. ±</th><th>entities ±</th></tr>');
    for (const a of diff.perArticle) {
      body.push(`<tr><td class="mono">${escapeHtml(a.article)}</td><td>${escapeHtml(a.status)}</td><td class="num">${a.events.old} → ${a.events.new}</td><td>${counts(a.events)}</td><td>${counts(a.mentions)}</td><td>${counts(a.timexes)}</td><td>${counts(a.entities)}</td></tr>`);
    }
    body.push('</table></section>');
  }
  body.push(listSection('Articles changed', 'articles-changed', diff.articles.changed, (c) => `<span class="d-chg">~</span> <code>${escapeHtml(c.id)}</code>: ${escapeHtml(c.changes.map(describeFieldChange).join('; '))}`));
  body.push(listSection('Events added', 'events-added', events.added, (e) => `<span class="d-add">+</span> <code>${escapeHtml(e.id)}</code> ${escapeHtml(describeEvent(e))}`));
  body.push(listSection('Events removed', 'events-removed', events.removed, (e) => `<span class="d-del">−</span> <code>${escapeHtml(e.id)}</code> ${escapeHtml(describeEvent(e))}`));
  body.push(listSection('Events changed', 'events-changed', events.changed, (c) => `<span class="d-chg">~</span> <code>${escapeHtml(c.new.id)}</code> ${escapeHtml(describeEvent(c.new))}${c.old.id !== c.new.id ? ` <span class="muted">(was ${escapeHtml(c.old.id)}, matched by ${escapeHtml(c.match)})</span>` : ''}<ul class="changes">${c.changes.map((f) => `<li>${escapeHtml(describeFieldChange(f))}</li>`).join('')}</ul>`));
  for (const [title, id, section, describe] of [
    ['Mentions', 'mentions', diff.mentions, describeMention],
    ['Time expressions', 'timexes', diff.timexes, describeTimex],
    ['Entities', 'entities', diff.entities, describeEntity],
  ] as const) {
    const describeRow = describe as (row: unknown) => string;
    const rows = section as SectionDiff<unknown>;
    body.push(listSection(`${title} added`, `${id}-added`, rows.added, (row) => `<span class="d-add">+</span> ${escapeHtml(describeRow(row))}`));
    body.push(listSection(`${title} removed`, `${id}-removed`, rows.removed, (row) => `<span class="d-del">−</span> ${escapeHtml(describeRow(row))}`));
    body.push(listSection(`${title} changed`, `${id}-changed`, rows.changed, (change) => `<span class="d-chg">~</span> ${escapeHtml(describeRow(change.new))}: ${escapeHtml(change.changes.map(describeFieldChange).join('; '))}`));
  }
  body.push('</main>');
  return renderPage({ title: `chronique diff — ${diff.identical ? 'identical' : 'different'}`, style: DIFF_STYLE, body: body.join('\n') });
}

function summaryRow(name: string, old: number | null, now: number | null, added: number, removed: number, changed: number): string {
  const cell = (value: number | null, css = ''): string => `<td class="num ${css}">${value === null ? '' : value}</td>`;
  return `<tr><th>${escapeHtml(name)}</th>${cell(old)}${cell(now)}${cell(added, added ? 'd-add' : '')}${cell(removed, removed ? 'd-del' : '')}${cell(changed, changed ? 'd-chg' : '')}</tr>`;
}

function counts(c: { added: number; removed: number; changed: number }): string {
  return `<span class="d-add">+${c.added}</span> <span class="d-del">−${c.removed}</span> <span class="d-chg">~${c.changed}</span>`;
}

function listSection<T>(title: string, id: string, items: T[], render: (item: T) => string): string {
  if (items.length === 0) return '';
  return `<section id="${id}"><h2>${escapeHtml(title)} (${items.length})</h2><ul>${items.map((item) => `<li>${render(item)}</li>`).join('\n')}</ul></section>`;
}
