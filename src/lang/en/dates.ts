/**
 * English time-expression recognizer → the same TIMEX3 candidates as the French one (src/dates/recognize.ts):
 * `[start, end)` offsets into the text, type, value, granularity, mod and anchor.
 *
 * Two sources, resolved leftmost-longest (at equal length the rules win, they know the TIMEX3 type):
 * - chrono-node's `en` parser for absolute dates, month names, numeric dates and clock times; its spans are trimmed
 *   of the governing preposition (`on Tuesday` → `Tuesday`) and of edge punctuation, and its values are rebuilt at the
 *   granularity the text gives (a month name alone is `YYYY-MM`, never a day);
 * - the rules of src/rules/en/date-patterns.ts (vocabulary: src/rules/en/dates.ts), their values from
 *   src/lang/en/date-normalize.ts, for what chrono does not do: durations, sets, quarters and halves,
 *   seasons, decades, years, document-time references and units relative to the publication date.
 * Modifier words before a date (`early`, `mid-`, `the end of`) are then taken into its span and set `mod`.
 *
 * Values are anchored on the publication date (`YYYY[-MM[-DD]]`); without one, relative values are null and their
 * anchor `unresolved`. A year-less month or day takes the publication year, the next one when the sentence speaks of
 * the future and the date has passed, or when it lies more than 300 days back. The only context carried across
 * sentences (`EnglishDateContext`) is the latest fiscal quarter named: in quarterly reports, `the quarter` and
 * `a year ago` refer to it.
 */
import * as chrono from 'chrono-node';
import type { Span } from '../../document.js';
import type { TimexCandidate } from '../../dates/recognize.js';
import { parsePartialDate, type PartialDate } from '../../dates/calendar.js';
import type { TimexMod } from '../../vocabulary.js';
import { alternation, EN_DATE_RULES, MONTH_NAMES } from '../../rules/en/date-patterns.js';
import {
  DATE_MODIFIERS,
  FUTURE_CUES,
  GOVERNING_PREPOSITIONS,
} from '../../rules/en/dates.js';
import { createEnglishDateContext, EN_DATE_NORMALIZERS, granularityOf, lower, valueOfComponents, type Built, type EnglishDateContext, type Env } from './date-normalize.js';

export { createEnglishDateContext, type EnglishDateContext } from './date-normalize.js';

export interface EnglishFindOptions {
  publication: string | null;
  region?: Span;
  context?: EnglishDateContext;
}

/** One rule: a regex over a sentence and how its match becomes a candidate (null: not a time expression). */
interface Rule {
  name: string;
  regex: RegExp;
  build(match: RegExpExecArray, env: Env): Built | null;
}

const RULES: Rule[] = EN_DATE_RULES.map((rule) => ({ name: rule.name, regex: new RegExp(rule.pattern, 'giu'), build: EN_DATE_NORMALIZERS[rule.name] }));

/** Offsets of one candidate, trimmed of governing prepositions and edge punctuation (never past its own text). */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const prepositions = new RegExp(`^(?:(?:${alternation(GOVERNING_PREPOSITIONS)})\\s+)+`, 'iu');
  while (start < end && /[\s,;:.(\u2014-]/u.test(text[start] ?? '')) start += 1;
  const lead = prepositions.exec(text.slice(start, end));
  if (lead && lead[0].length < end - start) start += lead[0].length;
  // A final period belongs to an abbreviation (`p.m.`, `Nov.`); other punctuation does not.
  while (end > start && /[\s,;:)\u2014-]/u.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

interface Candidate extends Built {
  start: number;
  end: number;
  fromRule: boolean;
  order: number;
}

function chronoReference(pub: PartialDate | null): Date {
  if (!pub) return new Date(Date.UTC(2000, 0, 1, 12));
  return new Date(Date.UTC(pub.year, (pub.month ?? 7) - 1, pub.day ?? (pub.month ? 15 : 1), 12));
}

function chronoCandidates(text: string, region: Span, env: Env): Candidate[] {
  const slice = text.slice(region.start, region.end);
  const out: Candidate[] = [];
  const results = chrono.en.casual.parse(slice, { instant: chronoReference(env.publication), timezone: 0 });
  results.forEach((r, order) => {
    const tags = r.tags();
    if (tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference'))) {
      // Relative and casual expressions come from the rules; chrono's clock part of `noon Thursday` still counts.
      if (!r.start.isCertain('hour')) return;
    }
    const parts: Array<{ from: number; to: number; c: chrono.ParsedComponents }> = [];
    const base = region.start + r.index;
    if (r.end) {
      const connector = /\s+(?:to|through|until|till|and)\s+|\s*[-\u2013]\s*/iu.exec(r.text);
      if (!connector) return;
      parts.push({ from: base, to: base + connector.index, c: r.start });
      parts.push({ from: base + connector.index + connector[0].length, to: base + r.text.length, c: r.end });
    } else {
      parts.push({ from: base, to: base + r.text.length, c: r.start });
    }
    for (const part of parts) {
      let { start, end } = trimSpan(text, part.from, part.to);
      if (end <= start) continue;
      let own = text.slice(start, end);
      // A lone month name written in lower case is a verb or noun (`may`, `march`).
      if (/^[a-z]+\.?$/.test(own) && MONTH_NAMES.includes(own.replace('.', ''))) continue;
      // `1/4`, `37 3/4`: fractions of a price, not dates.
      if (/^\d{1,3}\/\d{1,2}$/.test(own)) continue;
      let components = part.c;
      // `the end of November`: chrono reads a day; the modifier is taken by the engine, the month parsed alone.
      const edge = /^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+/iu.exec(own);
      if (edge) {
        start += edge[0].length;
        own = text.slice(start, end);
        const again = chrono.en.casual.parse(own, { instant: chronoReference(env.publication), timezone: 0 })[0];
        if (!again || again.index !== 0) continue;
        components = again.start;
        if (components.isCertain('day') && !/\d/.test(own)) continue;
      }
      const v = valueOfComponents(components, env, own);
      if (!v) continue;
      out.push({ ...v, start, end, fromRule: false, order });
    }
  });
  return out;
}

function ruleCandidates(text: string, region: Span, env: Env): Candidate[] {
  const slice = text.slice(region.start, region.end);
  const out: Candidate[] = [];
  RULES.forEach((rule, order) => {
    rule.regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.regex.exec(slice)) !== null) {
      if (m[0].length === 0) {
        rule.regex.lastIndex += 1;
        continue;
      }
      // Context-sensitive builders (quarter) are replayed in text order below; here only the span is proposed.
      const absolute = Object.assign([...m], { index: region.start + m.index, input: text, groups: m.groups }) as RegExpExecArray;
      out.push({ type: 'DATE', value: null, anchor: 'unresolved', start: absolute.index, end: absolute.index + m[0].length, fromRule: true, order, rule, match: absolute } as Candidate & { rule: Rule; match: RegExpExecArray });
    }
  });
  return out;
}

/** Leftmost-longest over overlapping candidates; at equal span, rules first, then rule order. */
function resolveOverlaps<T extends { start: number; end: number; fromRule: boolean; order: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || Number(b.fromRule) - Number(a.fromRule) || a.order - b.order);
  const kept: T[] = [];
  for (const c of sorted) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

const MODIFIER_BEFORE = new RegExp(`(?<!\\p{L})(?:(?<mod>${alternation(Object.keys(DATE_MODIFIERS).filter((k) => k !== 'mid-'))})(?:\\s+|-)|(?<mid>mid-))$`, 'iu');

function hasFutureCue(text: string, region: Span): boolean {
  const sentence = text.slice(region.start, region.end).toLowerCase();
  return new RegExp(`(?:^|[^\\p{L}'])(?:${alternation(FUTURE_CUES)})(?:[^\\p{L}]|$)`, 'u').test(sentence);
}

/**
 * English TIMEX3 candidates in `text` (within `region`, default the whole text), in text order. The context is updated
 * in place (pass the same object for consecutive sentences of an article).
 */
export function findEnglishTimeExpressions(text: string, options: EnglishFindOptions): TimexCandidate[] {
  const region = options.region ?? { start: 0, end: text.length };
  const env: Env = {
    publication: parsePartialDate(options.publication),
    context: options.context ?? createEnglishDateContext(),
    text,
    region,
    future: hasFutureCue(text, region),
  };
  const proposed = [...ruleCandidates(text, region, env), ...chronoCandidates(text, region, env)];
  const kept = resolveOverlaps(proposed);
  const out: TimexCandidate[] = [];
  for (const candidate of kept) {
    let built: Built | null = candidate;
    const ruled = candidate as Candidate & { rule?: Rule; match?: RegExpExecArray };
    if (ruled.rule && ruled.match) built = ruled.rule.build(ruled.match, env);
    if (!built) continue;
    let start = built.start ?? candidate.start;
    let end = built.end ?? candidate.end;
    ({ start, end } = trimSpan(text, start, end));
    if (end <= start) continue;
    let mod: TimexMod | null = built.mod ?? null;
    if (built.type === 'DATE' || built.type === 'TIME') {
      const before = text.slice(Math.max(region.start, start - 24), start);
      const found = MODIFIER_BEFORE.exec(before);
      const phrase = found?.groups?.mod ?? found?.groups?.mid;
      const phraseStart = found ? start - before.length + found.index : start;
      if (found && phrase && !out.some((o) => o.end > phraseStart)) {
        mod = DATE_MODIFIERS[lower(phrase)] ?? mod;
        start = phraseStart;
      }
    }
    out.push({
      start,
      end,
      text: text.slice(start, end),
      type: built.type,
      value: built.value,
      granularity: granularityOf(built.type, built.value),
      mod,
      anchor: built.value === null ? 'unresolved' : built.anchor,
    });
  }
  return out;
}
