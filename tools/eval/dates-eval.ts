/**
 * `npm run eval:dates`: the time-expression recognizer on
 *  - FR-TimeBank 1.1 (../shared/corpora/fr-timebank/Data/*.tml, 108 documents): every TIMEX3 inside <TEXT> (the DCT is
 *    not scored, it is the publication date). Extraction P/R/F1, strict (same offsets) and relaxed (overlap), overall and
 *    per type; type and value accuracy on relaxed matches; the misses (missed, spurious, span or value errors) are written
 *    to output/eval/dates-fr-timebank-misses.tsv and summarised on stdout;
 *  - the seed article's gold timexes (../shared/gold/karpathy-2024-03.gold.json): each must be found with its gold value
 *    (`also_ok` texts and values accepted; `score_value: false` → value not scored; `optional` → not required);
 *  - HIPE-2020 French (../shared/corpora/hipe2020-fr, historical OCR newspapers): recall of its `time` entities (absolute
 *    dates) by overlap, and the share of the recognizer's absolute DATE expressions that overlap one — a check that the
 *    rules generalize beyond FR-TimeBank's modern regional news.
 *    FR-TimeBank's guideline puts an expression's determiner inside the span (`le 27 mai 1998`), the seed gold sometimes
 *    leaves it out (`13 juillet 2022`): a found span that differs only by a leading `le/la/l'/les` counts as found.
 *
 * Each FR-TimeBank text is split into paragraphs (lines) and sentences (the pipeline's segmenter); the recognizer runs
 * per sentence with the paragraph's context, as the `dates` stage does.
 *
 * `--engine chrono` scores chrono-node's `fr` locale on the same data instead (DATE/TIME only), to document why it is
 * not used as the engine. `--quiet` prints only the summary lines.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import { PACKAGE_ROOT } from '../../src/config.js';
import type { TimexType } from '../../src/vocabulary.js';
import { createDateContext, findTimeExpressions, startParagraph, type TimexCandidate } from '../../src/dates/recognize.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { corporaDir } from './corpora.js';
import { loadSeedGold, loadSeedText } from './seed-gold.js';


export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod: string | null;
}

export interface TimebankDocument {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1] ?? '') : null;
}

/** Plain text of <TEXT> with the TIMEX3 spans as offsets into it. */
export function parseTimeML(id: string, xml: string): TimebankDocument {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attribute(dctTag, 'value') ?? '';
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + '<TEXT>'.length, close) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: { tag: string; start: number }[] = [];
  const token = /<(\/?)([A-Za-z0-9]+)([^>]*?)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body)) !== null) {
    if (m[5] !== undefined) {
      text += decodeEntities(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2] ?? '';
    const selfClosing = m[4] === '/';
    if (selfClosing) continue;
    if (!closing) {
      stack.push({ tag: m[0], start: text.length });
      continue;
    }
    const opened = stack.pop();
    if (!opened || name !== 'TIMEX3') continue;
    timexes.push({
      start: opened.start,
      end: text.length,
      text: text.slice(opened.start, text.length),
      type: (attribute(opened.tag, 'type') ?? 'DATE') as TimexType,
      value: attribute(opened.tag, 'value') ?? '',
      mod: attribute(opened.tag, 'mod'),
    });
  }
  // Trim gold spans of surrounding whitespace/punctuation the annotators sometimes included (`les mois d'été, `).
  for (const t of timexes) {
    while (t.end > t.start && /[\s,;]/.test(text[t.end - 1] ?? '')) t.end -= 1;
    while (t.start < t.end && /\s/.test(text[t.start] ?? '')) t.start += 1;
    t.text = text.slice(t.start, t.end);
  }
  timexes.sort((a, b) => a.start - b.start);
  return { id, dct, text, timexes };
}

export function loadTimebank(root = path.join(corporaDir(), 'fr-timebank', 'Data')): TimebankDocument[] {
  return readdirSync(root)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => parseTimeML(f.replace(/\.tml$/, ''), readFileSync(path.join(root, f), 'utf8')));
}

export type Recognizer = (text: string, publication: string | null) => TimexCandidate[];

/** The rule recognizer as the `dates` stage runs it: per sentence, context shared within a paragraph. */
export const ruleRecognizer: Recognizer = (text, publication) => {
  const out: TimexCandidate[] = [];
  const paragraph = /[^\n]+/g;
  const context = createDateContext();
  let p: RegExpExecArray | null;
  while ((p = paragraph.exec(text)) !== null) {
    startParagraph(context);
    for (const sentence of segmentSentences(text, { start: p.index, end: p.index + p[0].length })) {
      out.push(...findTimeExpressions(text, { publication, region: sentence, context }));
    }
  }
  return out;
};

/** chrono-node's French parser, for comparison only. */
export const chronoRecognizer: Recognizer = (text, publication) => {
  const ref = publication ? new Date(`${publication.length === 4 ? `${publication}-06-15` : publication.length === 7 ? `${publication}-15` : publication}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  return chrono.fr.parse(text, { instant: ref, timezone: 0 }).map((r) => {
    const known = (c: chrono.ParsedComponents, unit: chrono.Component) => c.isCertain(unit);
    const s = r.start;
    const y = s.get('year');
    const mo = s.get('month');
    const d = s.get('day');
    const hasTime = known(s, 'hour');
    let value: string;
    if (known(s, 'day')) value = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    else if (known(s, 'month')) value = `${y}-${String(mo).padStart(2, '0')}`;
    else value = String(y);
    if (hasTime) value = `${value.length === 10 ? value : `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`}T${String(s.get('hour')).padStart(2, '0')}:${String(s.get('minute') ?? 0).padStart(2, '0')}`;
    return { start: r.index, end: r.index + r.text.length, text: r.text, type: hasTime ? 'TIME' : 'DATE', value, granularity: 'unknown', mod: null, anchor: 'publication' } satisfies TimexCandidate;
  });
};

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface TimebankScores {
  gold: number;
  system: number;
  strict: { p: number; r: number; f1: number };
  relaxed: { p: number; r: number; f1: number };
  perType: Record<string, { gold: number; strictF1: number; relaxedF1: number; relaxedRecall: number; valueAccuracy: number }>;
  typeAccuracy: number;
  /** Gold type → system type counts over relaxed matches (`DATE→TIME: 3`). */
  typeConfusion: Record<string, number>;
  valueAccuracy: number;
  valueAccuracyStrict: number;
  misses: string[];
}

const TYPES: TimexType[] = ['DATE', 'TIME', 'DURATION', 'SET'];

/** Gold `mod` is not part of `value` in TIMEX3; values are compared as strings. */
export function scoreTimebank(docs: TimebankDocument[], recognize: Recognizer): TimebankScores {
  const strict: Counts = { tp: 0, fp: 0, fn: 0 };
  const relaxed: Counts = { tp: 0, fp: 0, fn: 0 };
  const perTypeStrict = new Map<string, Counts>(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const perTypeRelaxed = new Map<string, Counts>(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const perTypeValue = new Map<string, { ok: number; n: number }>(TYPES.map((t) => [t, { ok: 0, n: 0 }]));
  let typeOk = 0;
  const typeConfusion: Record<string, number> = {};
  let valueOk = 0;
  let matched = 0;
  let strictValueOk = 0;
  let gold = 0;
  let system = 0;
  const misses: string[] = [];
  const context = (text: string, start: number, end: number) =>
    `${text.slice(Math.max(0, start - 40), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 30)}`.replace(/\s+/g, ' ');
  for (const doc of docs) {
    const found = recognize(doc.text, doc.dct);
    gold += doc.timexes.length;
    system += found.length;
    const usedRelaxed = new Set<number>();
    for (const g of doc.timexes) {
      const exact = found.findIndex((f) => f.start === g.start && f.end === g.end);
      const overlap = exact >= 0 ? exact : found.findIndex((f, i) => !usedRelaxed.has(i) && f.start < g.end && g.start < f.end);
      const ts = perTypeStrict.get(g.type) ?? { tp: 0, fp: 0, fn: 0 };
      const tr = perTypeRelaxed.get(g.type) ?? { tp: 0, fp: 0, fn: 0 };
      if (exact >= 0) {
        strict.tp += 1;
        ts.tp += 1;
      } else {
        strict.fn += 1;
        ts.fn += 1;
      }
      if (overlap < 0) {
        relaxed.fn += 1;
        tr.fn += 1;
        misses.push(`${doc.id}\tmissed\t${g.type}\t${g.value}\t\t${context(doc.text, g.start, g.end)}`);
        continue;
      }
      usedRelaxed.add(overlap);
      relaxed.tp += 1;
      tr.tp += 1;
      const f = found[overlap];
      if (!f) continue;
      matched += 1;
      if (f.type === g.type) typeOk += 1;
      else typeConfusion[`${g.type}→${f.type}`] = (typeConfusion[`${g.type}→${f.type}`] ?? 0) + 1;
      const pv = perTypeValue.get(g.type);
      const valueMatches = f.value === g.value;
      if (pv) {
        pv.n += 1;
        if (valueMatches) pv.ok += 1;
      }
      if (valueMatches) valueOk += 1;
      if (valueMatches && exact >= 0) strictValueOk += 1;
      if (exact < 0) misses.push(`${doc.id}\tspan\t${g.type}\t${g.value}\t${f.type} ${f.value} «${f.text}»\t${context(doc.text, g.start, g.end)}`);
      else if (!valueMatches || f.type !== g.type) misses.push(`${doc.id}\tvalue\t${g.type}\t${g.value}\t${f.type} ${f.value}\t${context(doc.text, g.start, g.end)}`);
    }
    for (let i = 0; i < found.length; i += 1) {
      const f = found[i];
      if (!f) continue;
      const exactGold = doc.timexes.some((g) => g.start === f.start && g.end === f.end);
      const anyGold = doc.timexes.some((g) => f.start < g.end && g.start < f.end);
      if (!exactGold) {
        strict.fp += 1;
        const c = perTypeStrict.get(f.type);
        if (c) c.fp += 1;
      }
      if (!anyGold) {
        relaxed.fp += 1;
        const c = perTypeRelaxed.get(f.type);
        if (c) c.fp += 1;
        misses.push(`${doc.id}\tspurious\t${f.type}\t${f.value}\t\t${context(doc.text, f.start, f.end)}`);
      }
    }
  }
  const perType: TimebankScores['perType'] = {};
  for (const t of TYPES) {
    const s = perTypeStrict.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const r = perTypeRelaxed.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const v = perTypeValue.get(t) ?? { ok: 0, n: 0 };
    perType[t] = { gold: r.tp + r.fn, strictF1: prf(s).f1, relaxedF1: prf(r).f1, relaxedRecall: prf(r).r, valueAccuracy: v.n ? v.ok / v.n : 0 };
  }
  return {
    gold,
    system,
    strict: prf(strict),
    relaxed: prf(relaxed),
    perType,
    typeAccuracy: matched ? typeOk / matched : 0,
    typeConfusion,
    valueAccuracy: matched ? valueOk / matched : 0,
    valueAccuracyStrict: strict.tp ? strictValueOk / strict.tp : 0,
    misses,
  };
}

// ── seed gold ────────────────────────────────────────────────────────────────

export interface SeedResult {
  text: string;
  gold: string;
  found: string | null;
  ok: boolean;
  note: string;
}

const LEADING_DETERMINER = /^(?:le|la|les|l['’])\s*/i;

export function checkSeed(recognize: Recognizer): { results: SeedResult[]; required: number; passed: number } {
  const gold = loadSeedGold();
  const text = loadSeedText();
  const found = recognize(text, gold.published);
  const results: SeedResult[] = [];
  let required = 0;
  let passed = 0;
  for (const g of gold.timexes) {
    const okTexts = new Set([g.text, ...(g.also_ok ?? []).filter((a) => !/^\d|^P|_REF$/.test(a))]);
    const okValues = new Set([g.value, ...(g.also_ok ?? []).filter((a) => /^\d|^P|_REF$/.test(a))]);
    const hit = found.find((f) => f.start < g.end && g.start < f.end);
    const spanOk = hit !== undefined && (okTexts.has(hit.text) || okTexts.has(hit.text.replace(LEADING_DETERMINER, '')));
    const valueOk = g.score_value === false || (hit !== undefined && hit.value !== null && okValues.has(hit.value));
    const ok = spanOk && valueOk;
    if (!g.optional) {
      required += 1;
      if (ok) passed += 1;
    }
    const note = [g.optional ? 'optional' : '', g.score_value === false ? 'value not scored' : '', hit && hit.text !== g.text && spanOk ? 'determiner included' : '']
      .filter(Boolean)
      .join(', ');
    results.push({ text: g.text, gold: g.value, found: hit ? `${hit.text} → ${hit.value}` : null, ok, note });
  }
  return { results, required, passed };
}

// ── HIPE-2020 (historical newspapers, OCR): absolute dates only ──────────────────────────────────────────────────

interface HipeDocument {
  published: string | null;
  text: string;
  /** `time` entity spans (HIPE's `time` = absolute dates, `time.date.abs`). */
  dates: { start: number; end: number }[];
}

/** Rebuilds each HIPE TSV document's text (tokens joined by a space unless `NoSpaceAfter`) with its `time` spans. */
export function loadHipe(file: string): HipeDocument[] {
  const docs: HipeDocument[] = [];
  let doc: HipeDocument | null = null;
  let openStart: number | null = null;
  let glued = false;
  let pendingDate: string | null = null;
  const close = () => {
    if (doc && openStart !== null) doc.dates.push({ start: openStart, end: doc.text.length });
    openStart = null;
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# date')) pendingDate = line.split('=')[1]?.trim() ?? null;
    if (line.startsWith('# document_id')) {
      close();
      doc = { published: pendingDate, text: '', dates: [] };
      docs.push(doc);
      glued = false;
      continue;
    }
    if (!doc || line.startsWith('#') || line.startsWith('TOKEN') || !line.trim()) continue;
    const [token = '', tag = 'O', , , , , , , , misc = ''] = line.split('\t');
    if (tag !== 'I-time') close();
    if (doc.text && !glued) doc.text += ' ';
    if (tag === 'B-time') openStart = doc.text.length;
    doc.text += token;
    glued = misc.includes('NoSpaceAfter');
  }
  close();
  return docs;
}

/** Recall of HIPE's absolute dates (overlap) and precision of the recognizer's absolute DATE expressions. */
export function scoreHipe(docs: HipeDocument[]): { gold: number; recall: number; system: number; precision: number } {
  let gold = 0;
  let found = 0;
  let system = 0;
  let correct = 0;
  for (const doc of docs) {
    const candidates = findTimeExpressions(doc.text, { publication: doc.published, context: createDateContext() });
    const absolute = candidates.filter((c) => c.type === 'DATE' && c.anchor === 'absolute');
    system += absolute.length;
    correct += absolute.filter((c) => doc.dates.some((g) => g.start < c.end && c.start < g.end)).length;
    gold += doc.dates.length;
    found += doc.dates.filter((g) => candidates.some((c) => g.start < c.end && c.start < g.end)).length;
  }
  return { gold, recall: gold ? found / gold : 0, system, precision: system ? correct / system : 0 };
}

function pct(x: number): string {
  return x.toFixed(3);
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const engine = args.has('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'rules';
  const recognize = engine === 'chrono' ? chronoRecognizer : ruleRecognizer;
  const docs = loadTimebank();
  const started = performance.now();
  const scores = scoreTimebank(docs, recognize);
  const ms = performance.now() - started;
  console.log(`FR-TimeBank (${docs.length} documents, ${scores.gold} gold TIMEX3 in text, ${scores.system} found; engine: ${engine}, ${ms.toFixed(0)} ms)`);
  console.log(`  strict   P ${pct(scores.strict.p)}  R ${pct(scores.strict.r)}  F1 ${pct(scores.strict.f1)}   (target F1 ≥ 0.88; HeidelTime 0.871)`);
  console.log(`  relaxed  P ${pct(scores.relaxed.p)}  R ${pct(scores.relaxed.r)}  F1 ${pct(scores.relaxed.f1)}   (target F1 ≥ 0.94; HeidelTime 0.935)`);
  console.log(`  value accuracy on relaxed matches ${pct(scores.valueAccuracy)} (target ≥ 0.85), on strict matches ${pct(scores.valueAccuracyStrict)}; type accuracy ${pct(scores.typeAccuracy)}`);
  for (const [type, s] of Object.entries(scores.perType)) {
    console.log(`  ${type.padEnd(8)} gold ${String(s.gold).padStart(3)}  strict F1 ${pct(s.strictF1)}  relaxed F1 ${pct(s.relaxedF1)}  relaxed R ${pct(s.relaxedRecall)}  value acc ${pct(s.valueAccuracy)}`);
  }
  const confusion = Object.entries(scores.typeConfusion).sort((a, b) => b[1] - a[1]);
  console.log(`  type confusions (gold→system): ${confusion.length ? confusion.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}`);
  const outDir = path.join(PACKAGE_ROOT, 'output', 'eval');
  mkdirSync(outDir, { recursive: true });
  const missesPath = path.join(outDir, `dates-fr-timebank-misses${engine === 'rules' ? '' : `-${engine}`}.tsv`);
  writeFileSync(missesPath, ['document\tkind\tgold_type\tgold_value\tsystem\tcontext', ...scores.misses].join('\n') + '\n');
  const kinds = new Map<string, number>();
  for (const line of scores.misses) kinds.set(line.split('\t')[1] ?? '', (kinds.get(line.split('\t')[1] ?? '') ?? 0) + 1);
  console.log(`  errors: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')} → ${path.relative(process.cwd(), missesPath)}`);
  if (!args.has('--quiet')) for (const line of scores.misses.slice(0, 40)) console.log(`    ${line.split('\t').slice(1).join(' | ')}`);

  if (engine === 'rules') {
    const hipeRoot = path.join(corporaDir(), 'hipe2020-fr');
    const hipeFiles = ['HIPE-data-v0.9-train-fr.tsv', 'HIPE-data-v1.4-dev-fr.tsv', 'HIPE-data-v1.4-test-fr.tsv'].map((f) => path.join(hipeRoot, f));
    const hipe = scoreHipe(hipeFiles.flatMap((f) => loadHipe(f)));
    console.log(`HIPE-2020 fr (historical OCR news, absolute dates only): recall ${pct(hipe.recall)} of ${hipe.gold} gold \`time\` spans (overlap); precision of absolute DATE expressions ${pct(hipe.precision)} (${hipe.system}) — approximate: HIPE leaves some absolute dates unannotated`);
  }

  const seed = checkSeed(recognize);
  console.log(`Seed gold (karpathy-2024-03): ${seed.passed}/${seed.required} required time expressions found with their gold value`);
  for (const r of seed.results) console.log(`  ${r.ok ? 'ok  ' : 'MISS'} ${r.text} (${r.gold}) → ${r.found ?? '—'}${r.note ? `  [${r.note}]` : ''}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
