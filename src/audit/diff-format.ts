/**
 * The three renderings of a dataset diff: readable text (terminal, CI logs), JSON (machines; schema in
 * schema/diff.schema.json) and a self-contained HTML page. All three lead with the counts per record kind and change
 * kind, then per type, then per article, then the records.
 */
import type { DiffReport, FieldChange, KindCounts, RecordChange, RecordKind, TypeCounts } from './diff.js';
import { RECORD_KINDS } from './diff-schema.js';
import { BASE_STYLE, escapeHtml, renderPage } from './html.js';
import { maxOf } from '../util/arrays.js';

export { describeEvent } from './diff.js';

export interface TextFormatOptions {
  /** Longest record listing in the text output; the JSON output always has everything. */
  maxItems: number;
}

const KIND_TITLES: Record<RecordKind, string> = { sentences: 'sentences', mentions: 'mentions', timexes: 'time expressions', entities: 'entities', events: 'events' };
const TYPE_TITLES: Record<RecordKind, string> = { sentences: 'sentences per kind', mentions: 'mentions per label', timexes: 'time expressions per TIMEX3 type', entities: 'entities per label', events: 'events per type' };
const CHANGE_SIGNS: Record<RecordChange['change'], string> = { added: '+', removed: '-', changed: '~', retyped: '⇄' };
const COLUMNS = ['old', 'new', 'added', 'removed', 'changed', 'retyped', 'unchanged'] as const;

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function describeFieldChange(change: FieldChange): string {
  if ((change.field === 'arguments' || change.field === 'mentions') && Array.isArray(change.old) && Array.isArray(change.new)) {
    const removed = (change.old as unknown[]).map((arg) => `-${show(arg)}`);
    const added = (change.new as unknown[]).map((arg) => `+${show(arg)}`);
    return `${change.field}: ${[...removed, ...added].join('; ')}`;
  }
  return `${change.field}: ${show(change.old)} → ${show(change.new)}`;
}

/** One record change on one line: sign, kind, id, what it is; `(was …)` for a re-typed or re-identified record. */
export function describeRecord(record: RecordChange): string {
  const was = record.change === 'retyped' ? ` (was ${record.oldType})` : record.oldId && record.id && record.oldId !== record.id ? ` (was ${record.oldId})` : '';
  return `${CHANGE_SIGNS[record.change]} ${record.kind}${record.id ? ` ${record.id}` : ''} ${record.summary}${was}`;
}

function verdict(diff: DiffReport): string {
  const { articles } = diff;
  const mode = diff.mode === 'edited-texts' ? `edited texts: ${articles.edited} article${articles.edited === 1 ? '' : 's'} aligned, ${articles.sameText} with the same text` : `same texts (${articles.sameText} articles compared in place)`;
  return `${diff.identical ? 'identical' : 'different'} — ${mode}`;
}

function typeLine(t: TypeCounts, width: number): string {
  const retyped = t.retypedIn + t.retypedOut > 0 ? ` ⇄+${t.retypedIn}/-${t.retypedOut}` : '';
  return `  ${t.type.padEnd(width)}  ${String(t.old).padStart(5)} → ${String(t.new).padEnd(5)} +${t.added} -${t.removed} ~${t.changed}${retyped} =${t.unchanged}`;
}

const differs = (t: TypeCounts): boolean => t.added + t.removed + t.changed + t.retypedIn + t.retypedOut > 0;

export function formatDiffText(diff: DiffReport, options: TextFormatOptions = { maxItems: 50 }): string {
  const lines: string[] = [];
  const { articles } = diff;
  lines.push(`chronique diff ${diff.old} → ${diff.new}: ${verdict(diff)}`);
  lines.push(`articles: ${articles.old} → ${articles.new}: +${articles.added} added, -${articles.removed} removed, ${articles.edited} edited, ${articles.metadataChanged} with changed status or metadata`);
  lines.push('');
  lines.push(`${''.padEnd(18)}${COLUMNS.map((c) => c.padStart(10)).join('')}`);
  for (const kind of RECORD_KINDS) lines.push(`${KIND_TITLES[kind].padEnd(18)}${COLUMNS.map((c) => String(diff.counts[kind][c]).padStart(10)).join('')}`);
  lines.push(`(confidence and score moves up to ${diff.options.confidenceThreshold} are not changes; provenance is not compared)`);
  if (diff.identical) return `${lines.join('\n')}\n`;

  for (const kind of [...RECORD_KINDS].reverse()) {
    const rows = diff.perType[kind];
    if (!rows.some(differs)) continue;
    lines.push('', `${TYPE_TITLES[kind]} (old → new, +added -removed ~changed ⇄retyped in/out =unchanged):`);
    const width = maxOf(rows.map((t) => t.type.length));
    for (const t of rows) {
      lines.push(typeLine(t, width));
      for (const example of t.examples) lines.push(`      e.g. ${example}`);
    }
  }
  lines.push('', 'per article (+added -removed ~changed ⇄retyped per kind):');
  for (const a of diff.perArticle.slice(0, options.maxItems)) {
    const alignment = a.alignment ? `, ${a.alignment.edits} edit${a.alignment.edits === 1 ? '' : 's'}: -${a.alignment.deletedChars} +${a.alignment.insertedChars} chars` : '';
    const parts = RECORD_KINDS.map((kind) => [kind, a.counts[kind]] as const)
      .filter(([, c]) => c.added + c.removed + c.changed + c.retyped > 0)
      .map(([kind, c]) => `${kind} ${countsText(c)}`);
    const metadata = a.metadata.length > 0 ? `; ${a.metadata.map(describeFieldChange).join('; ')}` : '';
    lines.push(`  ${a.article} [${a.status}${alignment}] ${parts.join('; ') || 'no record changed'}${metadata}`);
  }
  if (diff.perArticle.length > options.maxItems) lines.push(`  … ${diff.perArticle.length - options.maxItems} more (use --json or --html for the full list)`);
  lines.push('', `records (${diff.records.length}):`);
  for (const record of diff.records.slice(0, options.maxItems)) {
    lines.push(`  ${describeRecord(record)}`);
    for (const field of record.fields) lines.push(`      ${describeFieldChange(field)}`);
  }
  if (diff.records.length > options.maxItems) lines.push(`  … ${diff.records.length - options.maxItems} more (use --json or --html for the full list)`);
  return `${lines.join('\n')}\n`;
}

const countsText = (c: Pick<KindCounts, 'added' | 'removed' | 'changed' | 'retyped'>): string => `+${c.added} -${c.removed} ~${c.changed}${c.retyped ? ` ⇄${c.retyped}` : ''}`;

export function formatDiffJson(diff: DiffReport): string {
  const chunks: string[] = [];
  writeDiffJson(diff, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * The same bytes as `JSON.stringify(diff, null, 2)` plus a newline, handed out one record at a time, so a diff with
 * many records is never held as one huge string.
 */
export function writeDiffJson(diff: DiffReport, write: (chunk: string) => void): void {
  const head = JSON.stringify({ ...diff, records: [] }, null, 2);
  const tail = '"records": []\n}';
  if (diff.records.length === 0 || !head.endsWith(tail)) {
    write(`${JSON.stringify(diff, null, 2)}\n`);
    return;
  }
  write(`${head.slice(0, head.length - tail.length)}"records": [\n`);
  diff.records.forEach((record, index) => {
    write(`    ${JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')}${index + 1 < diff.records.length ? ',' : ''}\n`);
  });
  write('  ]\n}\n');
}

const DIFF_STYLE = `${BASE_STYLE}
header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid #e5e7eb; }
main { padding: 1rem 1.5rem; max-width: 80rem; }
section { margin: 1.25rem 0; }
.verdict { font-weight: 600; }
li { margin: .15rem 0; }
ul.changes { margin: .1rem 0 .4rem 1.2rem; padding: 0; font-size: .9em; }
.examples { font-size: .85em; color: var(--muted); }
`;

const CHANGE_CLASS: Record<RecordChange['change'], string> = { added: 'd-add', removed: 'd-del', changed: 'd-chg', retyped: 'd-chg' };

export function formatDiffHtml(diff: DiffReport): string {
  const body: string[] = [];
  body.push('<header>');
  body.push(`<h1>chronique diff</h1><p class="mono">${escapeHtml(diff.old)} → ${escapeHtml(diff.new)}</p>`);
  body.push(`<p class="verdict ${diff.identical ? 'd-add' : 'd-chg'}" id="verdict">${escapeHtml(verdict(diff))}</p>`);
  body.push('</header><main>');
  body.push(`<section><h2>Counts</h2><table id="summary"><tr><th></th>${COLUMNS.map((c) => `<th class="num">${c}</th>`).join('')}</tr>`);
  const { articles } = diff;
  body.push(`<tr><th>articles</th><td class="num">${articles.old}</td><td class="num">${articles.new}</td><td class="num">${articles.added}</td><td class="num">${articles.removed}</td><td class="num">${articles.edited + articles.metadataChanged}</td><td></td><td class="num">${articles.sameText}</td></tr>`);
  for (const kind of RECORD_KINDS) body.push(countsRow(KIND_TITLES[kind], diff.counts[kind]));
  body.push(`</table><p class="muted">Confidence and score moves of at most ${escapeHtml(diff.options.confidenceThreshold)} are not changes; provenance is not compared.</p></section>`);
  for (const kind of [...RECORD_KINDS].reverse()) {
    const rows = diff.perType[kind];
    if (rows.length === 0) continue;
    body.push(`<section><h2>${escapeHtml(TYPE_TITLES[kind])}</h2><table id="per-type-${kind}"><tr><th>type</th><th class="num">old</th><th class="num">new</th><th class="num">added</th><th class="num">removed</th><th class="num">changed</th><th class="num">retyped in/out</th><th class="num">unchanged</th><th>examples</th></tr>`);
    for (const t of rows) {
      body.push(`<tr><th>${escapeHtml(t.type)}</th><td class="num">${t.old}</td><td class="num">${t.new}</td>${cell(t.added, 'd-add')}${cell(t.removed, 'd-del')}${cell(t.changed, 'd-chg')}<td class="num">${t.retypedIn}/${t.retypedOut}</td><td class="num">${t.unchanged}</td><td class="examples">${t.examples.map((e) => escapeHtml(e)).join('<br>')}</td></tr>`);
    }
    body.push('</table></section>');
  }
  if (diff.perArticle.length > 0) {
    body.push('<section><h2>Per article</h2><table id="per-article"><tr><th>article</th><th>status</th>' + RECORD_KINDS.map((k) => `<th>${escapeHtml(KIND_TITLES[k])} ±</th>`).join('') + '</tr>');
    for (const a of diff.perArticle) {
      body.push(`<tr><td class="mono">${escapeHtml(a.article)}</td><td>${escapeHtml(a.status)}</td>${RECORD_KINDS.map((k) => `<td>${countsHtml(a.counts[k])}</td>`).join('')}</tr>`);
    }
    body.push('</table></section>');
  }
  if (diff.records.length > 0) {
    body.push(`<section id="records"><h2>Records (${diff.records.length})</h2><ul>`);
    for (const record of diff.records) {
      body.push(`<li class="rec" data-change="${record.change}" data-kind="${record.kind}"><span class="${CHANGE_CLASS[record.change]}">${escapeHtml(CHANGE_SIGNS[record.change])}</span> ${escapeHtml(describeRecord(record).slice(2))}${record.fields.length > 0 ? `<ul class="changes">${record.fields.map((f) => `<li>${escapeHtml(describeFieldChange(f))}</li>`).join('')}</ul>` : ''}</li>`);
    }
    body.push('</ul></section>');
  }
  body.push('</main>');
  return renderPage({ title: `chronique diff — ${diff.identical ? 'identical' : 'different'}`, style: DIFF_STYLE, body: body.join('\n') });
}

const cell = (value: number, css: string): string => `<td class="num ${value ? css : ''}">${value}</td>`;

function countsRow(name: string, c: KindCounts): string {
  return `<tr><th>${escapeHtml(name)}</th><td class="num">${c.old}</td><td class="num">${c.new}</td>${cell(c.added, 'd-add')}${cell(c.removed, 'd-del')}${cell(c.changed, 'd-chg')}${cell(c.retyped, 'd-chg')}<td class="num">${c.unchanged}</td></tr>`;
}

function countsHtml(c: KindCounts): string {
  return `<span class="d-add">+${c.added}</span> <span class="d-del">−${c.removed}</span> <span class="d-chg">~${c.changed + c.retyped}</span>`;
}
