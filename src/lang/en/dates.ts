/**
 * English time-expression recognizer → the same TIMEX3 candidates as the French one (src/dates/recognize.ts):
 * `[start, end)` offsets into the text, type, value, granularity, mod and anchor.
 *
 * Two sources, resolved leftmost-longest (at equal length the rules win, they know the TIMEX3 type):
 * - chrono-node's `en` parser for absolute dates, month names, numeric dates and clock times; its spans are trimmed
 *   of the governing preposition (`on Tuesday` → `Tuesday`) and of edge punctuation, and its values are rebuilt at the
 *   granularity the text gives (a month name alone is `YYYY-MM`, never a day);
 * - rules over the data of src/rules/en/dates.ts for what chrono does not do: durations, sets, quarters and halves,
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
import type { Granularity, TimexAnchor, TimexMod, TimexType } from '../../vocabulary.js';
import type { Span } from '../../document.js';
import type { TimexCandidate } from '../../dates/recognize.js';
import { addDays, addMonths, formatDay, formatMonth, formatWeek, isoWeekday, pad, parsePartialDate, type CalendarDate, type PartialDate } from '../../dates/calendar.js';
import {
  DATE_MODIFIERS,
  DAY_PARTS,
  DAY_WORDS,
  DURATION_MODS,
  DURATION_OPENERS,
  FUTURE_CUES,
  GOVERNING_PREPOSITIONS,
  NUMBER_WORDS,
  ORDINALS,
  QUANTITY_PHRASES,
  REFERENCE_WORDS,
  RELATIVE_DETERMINERS,
  SEASONS,
  SET_DETERMINERS,
  SET_WORDS,
  UNIT_PLURALS,
  UNIT_QUALIFIERS,
  UNITS,
  VAGUE_QUANTITIES,
  VAGUE_UNIT_OPENERS,
  WEEKDAYS,
  YEAR_BLOCKERS_AFTER,
} from '../../rules/en/dates.js';

export interface EnglishDateContext {
  /** Latest fiscal quarter named in the document (`the third quarter` → {year, quarter: 3}). */
  quarter: { year: number; quarter: number } | null;
}

export function createEnglishDateContext(): EnglishDateContext {
  return { quarter: null };
}

export interface EnglishFindOptions {
  publication: string | null;
  region?: Span;
  context?: EnglishDateContext;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** Alternation of phrases, longest first so that `the past` is tried before `the`. */
const alt = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');

const NUMBER_WORD = alt(Object.keys(NUMBER_WORDS).filter((w) => w !== 'a' && w !== 'an'));
const NUM = `(?:\\d+(?:[.,]\\d+)?|(?:${NUMBER_WORD})(?:[\\s-]+(?:and[\\s-]+)?(?:${NUMBER_WORD}))*)`;
const UNIT_WORDS = Object.keys(UNITS).filter((u) => u !== 'weekend');
const UNIT = `(?:${alt([...UNIT_WORDS, ...Object.keys(UNIT_PLURALS)])})`;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const YEAR = '(?:1[6-9]|20)\\d\\d';

/** One rule: a regex over a sentence and how its match becomes a candidate (null: not a time expression). */
interface Rule {
  name: string;
  regex: RegExp;
  build(match: RegExpExecArray, env: Env): Built | null;
}

interface Built {
  type: TimexType;
  value: string | null;
  mod?: TimexMod | null;
  anchor: TimexAnchor;
  /** Trim the span to this group (e.g. drop a trailing `later`). */
  start?: number;
  end?: number;
}

interface Env {
  publication: PartialDate | null;
  context: EnglishDateContext;
  /** The whole text and the sentence region, for cues around a match. */
  text: string;
  region: Span;
  future: boolean;
}

function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const word of s.split(/[\s-]+/)) {
    if (word === 'and') continue;
    const n = NUMBER_WORDS[word];
    if (n === undefined) return null;
    if (n === 100) current = (current || 1) * 100;
    else current += n;
  }
  total += current;
  return total;
}

function unitOf(raw: string): string {
  const w = raw.toLowerCase();
  if (UNIT_PLURALS[w]) return UNIT_PLURALS[w];
  return w.endsWith('s') && UNITS[w.slice(0, -1)] ? w.slice(0, -1) : w;
}

function durationValue(amount: number | null, unit: string): string {
  const u = UNITS[unit];
  if (!u) return 'PXX';
  const n = amount === null ? 'X' : String(amount);
  if (u.letter === 'Q') return amount === null ? 'PXQ' : `P${amount * 3}M`;
  return u.time ? `PT${n}${u.letter}` : `P${n}${u.letter}`;
}

const today = (env: Env): CalendarDate | null => (env.publication?.month && env.publication.day ? { year: env.publication.year, month: env.publication.month, day: env.publication.day } : null);

/** The publication date shifted by `offset` units, at that unit's granularity. */
function relativeUnit(env: Env, unit: string, offset: number): string | null {
  const pub = env.publication;
  if (!pub) return null;
  const day = today(env);
  switch (unit) {
    case 'year':
      return pad(pub.year + offset, 4);
    case 'decade':
      return String(Math.floor((pub.year + offset * 10) / 10));
    case 'century':
      return String(Math.floor((pub.year + offset * 100) / 100));
    case 'month': {
      if (!pub.month) return null;
      const d = addMonths({ year: pub.year, month: pub.month, day: 1 }, offset);
      return formatMonth(d.year, d.month);
    }
    case 'quarter': {
      if (!pub.month) return null;
      const index = pub.year * 4 + Math.floor((pub.month - 1) / 3) + offset;
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    }
    case 'week':
      return day ? formatWeek(addDays(day, offset * 7)) : null;
    case 'weekend':
      return day ? `${formatWeek(addDays(day, offset * 7))}-WE` : null;
    case 'day':
      return day ? formatDay(addDays(day, offset)) : null;
    default:
      return null;
  }
}

/** `a year ago`: one unit back; in a quarterly report (a quarter named earlier) a year ago is that quarter's year before. */
function agoValue(env: Env, amount: number | null, unit: string, sign: number): { value: string | null; anchor: TimexAnchor } {
  if (amount === null) return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', anchor: 'publication' };
  if (unit === 'year' && amount === 1 && env.context.quarter) {
    const q = env.context.quarter;
    return { value: `${q.year + sign}-Q${q.quarter}`, anchor: 'context' };
  }
  return { value: relativeUnit(env, unit, sign * amount), anchor: 'publication' };
}

/** Year of a year-less month (and day): see the module comment. */
function inferYear(env: Env, month: number, day: number | null): number | null {
  const pub = env.publication;
  if (!pub) return null;
  if (!pub.month) return pub.year;
  const pubDay = pub.day ?? 15;
  const monthsBack = (pub.month - month) + ((pubDay - (day ?? 15)) / 31);
  if (env.future && monthsBack > 0.5) return pub.year + 1;
  if (monthsBack * 30.4 > 300) return pub.year + 1;
  return pub.year;
}

function weekdayDate(env: Env, weekday: number, det: string | null): string | null {
  const day = today(env);
  if (!day) return null;
  const current = isoWeekday(day);
  let offset: number;
  if (det === 'next' || det === 'this coming' || (!det && env.future)) offset = ((weekday - current + 7) % 7) || 7;
  else if (det === 'last' || det === 'this past') offset = -(((current - weekday + 7) % 7) || 7);
  else if (det === 'this') offset = weekday - current;
  else offset = -((current - weekday + 7) % 7);
  return formatDay(addDays(day, offset));
}

const DAY_PART = alt(Object.keys(DAY_PARTS));
const WEEKDAY = alt(Object.keys(WEEKDAYS));
const SEASON = alt(Object.keys(SEASONS));
const ORDINAL = alt(Object.keys(ORDINALS));
const REL_DET = alt(Object.keys(RELATIVE_DETERMINERS).filter((d) => d !== 'the' && d !== 'that' && d !== 'the same'));

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

const RULES: Rule[] = [
  {
    // `three years ago`, `a year earlier`, `two weeks from now`
    name: 'ago',
    regex: new RegExp(`\\b(?:(?:${alt(Object.keys(DURATION_MODS))})\\s+)?(?<num>${NUM}|an?|several|a few|few|${alt(Object.keys(QUANTITY_PHRASES))})[\\s-]+(?<unit>${UNIT})s?\\s+(?<dir>ago|earlier|before now|from now|hence)\\b`, 'giu'),
    build(m, env) {
      const num = lower(m.groups?.num);
      const amount = num === 'a' || num === 'an' ? 1 : (QUANTITY_PHRASES[num] ?? parseNumber(num));
      const unit = unitOf(m.groups?.unit ?? '');
      const dir = lower(m.groups?.dir);
      const { value, anchor } = agoValue(env, amount, unit, dir === 'from now' || dir === 'hence' ? 1 : -1);
      return { type: 'DATE', value, anchor };
    },
  },
  {
    // `year-earlier`, `the year-ago quarter`, `the year-earlier period`
    name: 'year-ago',
    regex: /\b(?:(?<det>the)\s+)?year[\s-](?:ago|earlier)(?:\s+(?<noun>quarter|period|month|level|results?))?\b/giu,
    build(m, env) {
      const noun = lower(m.groups?.noun);
      const withNoun = noun === 'quarter' || noun === 'period';
      const { value, anchor } = agoValue(env, 1, 'year', -1);
      const end = withNoun ? undefined : m.index + m[0].length - (m.groups?.noun ? m[0].length - m[0].search(/\s+\S+$/) : 0);
      if (m.groups?.det && !withNoun) return { type: 'DATE', value, anchor, start: m.index + m[0].toLowerCase().indexOf('year'), end };
      return { type: 'DATE', value, anchor, end };
    },
  },
  {
    // `the third quarter`, `third-quarter`, `the fourth fiscal quarter of 1989`, `the latest quarter`, `the quarter`,
    // `this year's third quarter`, `the 1988 second quarter`, `the latest period`, `the 1988 period`
    name: 'quarter',
    regex: new RegExp(
      `\\b(?<the>the\\s+|(?<yr>this|last|next)\\s+year's\\s+)?(?:(?<py>${YEAR})\\s+)?(?:(?<ord>${ORDINAL})(?<sep>[\\s-]+)(?:fiscal[\\s-]+)?(?<pl>quarters?)|(?<rel>latest|last|previous|current|same|recent|most recent|just-ended|just ended|year-ago|year-earlier|comparable|corresponding)\\s+(?<noun>quarter|period))(?:\\s+of\\s+(?:fiscal\\s+)?(?<y1>${YEAR})|\\s+(?<y2>${YEAR}))?\\b|\\b(?:the|this|last year's)\\s+(?:(?<py2>${YEAR})\\s+)?(?<bare>quarter|period)\\b`,
      'giu',
    ),
    build(m, env) {
      const g = m.groups ?? {};
      const pub = env.publication;
      const bare = lower(g.bare);
      const prefixYear = g.py ?? g.py2;
      const explicitYear = g.y1 ?? g.y2 ?? prefixYear;
      if (bare === 'period' && !prefixYear) return null;
      if (g.pl && g.pl.toLowerCase() === 'quarters') return { type: 'SET', value: `XXXX-Q${ORDINALS[lower(g.ord)] ?? 'X'}`, anchor: 'absolute' };
      let quarter: number | null = g.ord ? (ORDINALS[lower(g.ord)] ?? null) : null;
      let year: number | null = explicitYear ? Number(explicitYear) : null;
      let anchor: TimexAnchor = explicitYear ? 'absolute' : 'publication';
      const rel = lower(g.rel);
      const yearShift = g.yr ? (RELATIVE_DETERMINERS[lower(g.yr)] ?? 0) : /^last year's/i.test(m[0]) ? -1 : 0;
      if (quarter === null) {
        const latest = rel === 'latest' || rel === 'most recent' || rel === 'just-ended' || rel === 'just ended' || rel === 'recent';
        const yearAgo = rel === 'year-ago' || rel === 'year-earlier' || rel === 'corresponding' || rel === 'comparable';
        if (env.context.quarter && !latest && rel !== 'current' && rel !== 'previous') {
          quarter = env.context.quarter.quarter;
          if (year === null) year = env.context.quarter.year + (yearAgo ? -1 : 0) + yearShift;
          anchor = explicitYear ? 'absolute' : 'context';
        } else if (prefixYear) {
          // `the 1988 period` with no quarter in view: the year itself.
          return { type: 'DATE', value: prefixYear, anchor: 'absolute' };
        } else if (pub?.month) {
          const index = pub.year * 4 + Math.floor((pub.month - 1) / 3) - (rel === 'current' ? 0 : rel === 'previous' ? 2 : 1) - (yearAgo ? 4 : 0) + yearShift * 4;
          year = Math.floor(index / 4);
          quarter = (index % 4) + 1;
        }
      } else if (year === null && pub) {
        const currentQuarter = pub.month ? Math.floor((pub.month - 1) / 3) + 1 : 4;
        year = (quarter > currentQuarter && !env.future ? pub.year - 1 : pub.year) + yearShift;
      }
      if (year === null || quarter === null) return { type: 'DATE', value: null, anchor: 'unresolved' };
      if (!yearShift && !(rel === 'year-ago' || rel === 'year-earlier')) env.context.quarter = { year, quarter };
      // `the third-quarter loss`: an adjective; the determiner belongs to the noun phrase, not the time expression.
      const adjective = g.sep === '-' && !g.y1 && !g.y2 && g.the && !g.yr && !prefixYear && /^\s+\p{L}/u.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      const start = adjective ? m.index + (g.the?.length ?? 0) : undefined;
      return { type: 'DATE', value: `${pad(year, 4)}-Q${quarter}`, anchor, start };
    },
  },
  {
    // `the first half`, `the second half of 1990`
    name: 'half',
    regex: new RegExp(`\\b(?:the\\s+)?(?<ord>first|second)[\\s-]+half(?:\\s+of\\s+(?<y1>${YEAR})|\\s+(?<y2>${YEAR}))?\\b`, 'giu'),
    build(m, env) {
      const g = m.groups ?? {};
      const year = g.y1 ?? g.y2 ? Number(g.y1 ?? g.y2) : env.publication?.year ?? null;
      const half = lower(g.ord) === 'first' ? 1 : 2;
      return { type: 'DATE', value: year === null ? null : `${pad(year, 4)}-H${half}`, anchor: g.y1 ?? g.y2 ? 'absolute' : year === null ? 'unresolved' : 'publication' };
    },
  },
  {
    // `three years`, `the past three months`, `more than four hours`, `a three-year period`, `two-week`, `the next 12 to 18 months`
    name: 'duration',
    regex: new RegExp(
      `\\b(?:(?<mod>${alt(Object.keys(DURATION_MODS))})\\s+)?(?:(?<open>${alt(DURATION_OPENERS)})\\s+)?(?:(?<art>an?)\\s+)?(?<num>${NUM}|${alt(VAGUE_QUANTITIES)}|${alt(Object.keys(QUANTITY_PHRASES))})(?:\\s+(?:to|or)\\s+(?<num2>${NUM}))?(?<sep>[\\s-]+)(?:(?:${alt(UNIT_QUALIFIERS)})[\\s-]+)?(?<unit>${UNIT})(?<pl>s)?(?:(?<tail>[\\s-]+(?:long|old))|\\s+(?<period>period|span|stretch|term))?\\b`,
      'giu',
    ),
    build(m, env) {
      const g = m.groups ?? {};
      const unit = unitOf(g.unit ?? '');
      const num = lower(g.num);
      const vague = VAGUE_QUANTITIES.includes(num) || g.num2 !== undefined;
      const amount = vague ? null : (QUANTITY_PHRASES[num] ?? parseNumber(num));
      if (!vague && amount === null) return null;
      // `the 1988 quarter` is a year; `three-quarters` a fraction; `55 years old` an age.
      if (/^\d{4}$/.test(num) && amount !== null && amount >= 1600 && amount < 2100) return null;
      if (unit === 'quarter' && g.sep?.includes('-')) return null;
      if (g.tail && /old/i.test(g.tail)) return null;
      // `a five-year low`, `the eight-year war`: an adjective; the determiner stays with the noun phrase.
      const numStart = m.index + m[0].toLowerCase().indexOf(num, (g.mod?.length ?? 0));
      const adjective = !g.pl && amount !== 1 && !g.period && (g.art !== undefined || /^(?:the|another)$/i.test(g.open ?? ''));
      // `the second quarter`-like ordinals are quarters; `one day` in `one day, he…` is still a duration.
      if (unit === 'second' && !/^\d|^(a|an|one|two|three|few|several)/i.test(num)) return null;
      const mod = g.mod ? (DURATION_MODS[lower(g.mod)] ?? null) : null;
      return { type: 'DURATION', value: durationValue(amount, unit), mod, anchor: 'absolute', start: adjective && !g.mod ? numStart : undefined };
    },
  },
  {
    // `a week`, `an hour`: a duration; `$5 a year`, `each year`, `every month`: a set
    name: 'one-unit',
    regex: new RegExp(`\\b(?<det>an?|each|every|per)\\s+(?<unit>${UNIT})\\b`, 'giu'),
    build(m, env) {
      const det = lower(m.groups?.det);
      const unit = unitOf(m.groups?.unit ?? '');
      if (unit === 'second' || unit === 'quarter') return null;
      const before = env.text.slice(Math.max(env.region.start, m.index - 24), m.index).toLowerCase();
      const afterAmount = /(\d|million|billion|percent|%|cents?|dollars?|times)\s*$/.test(before);
      if (SET_DETERMINERS.includes(det) || afterAmount) return { type: 'SET', value: durationValue(1, unit), anchor: 'absolute' };
      return { type: 'DURATION', value: durationValue(1, unit), anchor: 'absolute' };
    },
  },
  {
    // `years`, `recent months`, `the coming weeks`, `centuries`
    name: 'vague-duration',
    regex: new RegExp(`\\b(?:(?<open>${alt(VAGUE_UNIT_OPENERS)})\\s+)?(?<unit>years|months|weeks|days|decades|centuries|hours)\\b`, 'giu'),
    build(m) {
      return { type: 'DURATION', value: durationValue(null, unitOf(m.groups?.unit ?? '')), anchor: 'absolute' };
    },
  },
  {
    // `annually`, `daily`
    name: 'set-word',
    regex: new RegExp(`\\b(?<w>${alt(Object.keys(SET_WORDS))})\\b`, 'giu'),
    build(m, env) {
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
      // `the daily newspaper` is not a set of times.
      if (/^\s+(?:newspaper|paper|basis|news|average)/.test(after)) return null;
      return { type: 'SET', value: SET_WORDS[lower(m.groups?.w)] ?? null, anchor: 'absolute' };
    },
  },
  {
    // `last year`, `this month`, `next week`, `the past year` (a duration), `this summer`, `last weekend`
    name: 'relative-unit',
    regex: new RegExp(`\\b(?<det>${REL_DET})\\s+(?:(?<fiscal>fiscal)\\s+)?(?<unit>year|month|week|quarter|weekend|decade|century|${SEASON})\\b`, 'giu'),
    build(m, env) {
      const det = lower(m.groups?.det);
      const unit = lower(m.groups?.unit);
      const offset = RELATIVE_DETERMINERS[det] ?? 0;
      if (SEASONS[unit]) {
        const pub = env.publication;
        if (!pub) return { type: 'DATE', value: null, anchor: 'unresolved' };
        return { type: 'DATE', value: `${pad(pub.year + (offset > 0 ? 1 : offset < 0 && det !== 'this past' ? -1 : 0), 4)}-${SEASONS[unit]}`, anchor: 'publication' };
      }
      if ((det === 'the past' || det === 'the last' || det === 'the next' || det === 'the coming') && unit !== 'decade') {
        return { type: 'DURATION', value: durationValue(1, unit), anchor: 'absolute' };
      }
      if (unit === 'quarter') {
        const value = relativeUnit(env, 'quarter', offset);
        if (value) env.context.quarter = { year: Number(value.slice(0, 4)), quarter: Number(value.slice(-1)) };
        return { type: 'DATE', value, anchor: value ? 'publication' : 'unresolved' };
      }
      const value = relativeUnit(env, unit, offset);
      return { type: 'DATE', value, anchor: value ? 'publication' : 'unresolved' };
    },
  },
  {
    // `the year`, `the fiscal year`: a year-long span of the article's year; `the weekend`: the nearest one
    name: 'the-unit',
    regex: /\b(?:the|that)\s+(?<fiscal>fiscal\s+)?(?<unit>year|weekend|full year)\b/giu,
    build(m, env) {
      const unit = lower(m.groups?.unit);
      if (unit === 'weekend') {
        const value = relativeUnit(env, 'weekend', env.future ? 1 : 0);
        return { type: 'DATE', value, anchor: value ? 'publication' : 'unresolved' };
      }
      if (unit === 'full year') return { type: 'DATE', value: env.publication ? pad(env.publication.year, 4) : null, anchor: env.publication ? 'publication' : 'unresolved' };
      return { type: 'DURATION', value: 'P1Y', anchor: 'absolute' };
    },
  },
  {
    // `today`, `yesterday morning`, `tonight`, `this morning`, `last night`
    name: 'day-word',
    regex: new RegExp(`\\b(?:(?<day>today|yesterday|tomorrow|tonight)(?:\\s+(?<part>${DAY_PART}))?|(?<det>this|last|later this|early this|earlier this)\\s+(?<part2>${DAY_PART}))\\b`, 'giu'),
    build(m, env) {
      const g = m.groups ?? {};
      const day = today(env);
      const word = lower(g.day);
      const det = lower(g.det);
      const offset = word ? (DAY_WORDS[word] ?? 0) : det === 'last' ? -1 : 0;
      const part = word === 'tonight' ? 'NI' : g.part ? DAY_PARTS[lower(g.part)] : g.part2 ? DAY_PARTS[lower(g.part2)] : undefined;
      if (!day) return { type: part ? 'TIME' : 'DATE', value: null, anchor: 'unresolved' };
      const date = formatDay(addDays(day, offset));
      return part ? { type: 'TIME', value: `${date}T${part}`, anchor: 'publication' } : { type: 'DATE', value: date, anchor: 'publication' };
    },
  },
  {
    // `Friday`, `last Tuesday`, `Monday morning`
    name: 'weekday',
    regex: new RegExp(`\\b(?:(?<det>last|next|this past|this coming|this)\\s+)?(?<wd>${WEEKDAY})(?<pl>s)?(?:\\s+(?<part>${DAY_PART}))?\\b`, 'giu'),
    build(m, env) {
      const g = m.groups ?? {};
      const weekday = WEEKDAYS[lower(g.wd)];
      if (weekday === undefined) return null;
      if (g.pl) return { type: 'SET', value: `XXXX-WXX-${weekday}`, anchor: 'absolute' };
      const date = weekdayDate(env, weekday, g.det ? lower(g.det) : null);
      if (!date) return { type: 'DATE', value: null, anchor: 'unresolved' };
      const part = g.part ? DAY_PARTS[lower(g.part)] : undefined;
      return part ? { type: 'TIME', value: `${date}T${part}`, anchor: 'publication' } : { type: 'DATE', value: date, anchor: 'publication' };
    },
  },
  {
    // `last May`, `next January`, `this March`
    name: 'relative-month',
    regex: new RegExp(`\\b(?<det>last|next|this|this past|this coming)\\s+(?<month>${alt(MONTH_NAMES)})\\b`, 'giu'),
    build(m, env) {
      const month = MONTH_NAMES.indexOf(lower(m.groups?.month)) + 1;
      const pub = env.publication;
      if (!pub || !pub.month) return { type: 'DATE', value: null, anchor: 'unresolved' };
      const det = lower(m.groups?.det);
      let year = pub.year;
      if (det === 'last' || det === 'this past') year = month < pub.month ? pub.year : pub.year - 1;
      else if (det === 'next' || det === 'this coming') year = month > pub.month ? pub.year : pub.year + 1;
      return { type: 'DATE', value: formatMonth(year, month), anchor: 'publication' };
    },
  },
  {
    // `year-end`, `year end`, `year's end`: the end of the article's year
    name: 'year-end',
    regex: /\b(?:year[\s-]end|year's\s+end)\b/giu,
    build(_m, env) {
      return env.publication ? { type: 'DATE', value: pad(env.publication.year, 4), mod: 'END', anchor: 'publication' } : { type: 'DATE', value: null, anchor: 'unresolved' };
    },
  },
  {
    // `the 20th century`, `the nineties`
    name: 'century-decade',
    regex: /\b(?:the\s+)?(?:(?<n>\d{1,2})(?:st|nd|rd|th)\s+century|(?<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/giu,
    build(m) {
      const g = m.groups ?? {};
      if (g.n) return { type: 'DATE', value: pad(Number(g.n) - 1, 2), anchor: 'absolute' };
      const decades = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
      return { type: 'DATE', value: `19${decades.indexOf(lower(g.dec)) + 2}`, anchor: 'absolute' };
    },
  },
  {
    // `now`, `currently`, `recently`, `the future`
    name: 'reference',
    regex: new RegExp(`\\b(?<w>${alt(Object.keys(REFERENCE_WORDS))})\\b`, 'giu'),
    build(m, env) {
      const w = lower(m.groups?.w);
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      // `now-defunct`: an adjective prefix, not the time of the sentence.
      if (w === 'now' && after.startsWith('-')) return null;
      return { type: 'DATE', value: REFERENCE_WORDS[w] ?? null, anchor: 'publication' };
    },
  },
  {
    // `1989`, `fiscal 1990`, `the 1980s`, `the '80s`, `the 1988 period`, `nineteen ninety-six`
    name: 'year',
    regex: new RegExp(`(?<![\\d$£€.,/-])\\b(?:(?<pre>fiscal(?:\\s+year)?|calendar(?:\\s+year)?|the)\\s+)?(?<y>${YEAR})(?<dec>s)?\\b(?![.,]\\d|-\\d|%|/)|\\b(?:the\\s+)?'(?<d2>\\d)0s\\b|\\b(?<spoken>nineteen|two thousand(?:\\s+and)?)[\\s-]+(?<rest>(?:${NUMBER_WORD})(?:[\\s-]+(?:${NUMBER_WORD}))?)\\b`, 'giu'),
    build(m, env) {
      const g = m.groups ?? {};
      if (g.d2) return { type: 'DATE', value: `19${g.d2}`, anchor: 'absolute' };
      if (g.spoken) {
        const rest = parseNumber(g.rest ?? '');
        if (rest === null || rest >= 100) return null;
        const year = (lower(g.spoken) === 'nineteen' ? 1900 : 2000) + rest;
        return { type: 'DATE', value: String(year), anchor: 'absolute' };
      }
      const y = g.y ?? '';
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 16).toLowerCase();
      const blocker = new RegExp(`^\\s+(?:${alt(YEAR_BLOCKERS_AFTER)})\\b`);
      if (blocker.test(after)) return null;
      if (g.dec) return { type: 'DATE', value: y.slice(0, 3), anchor: 'absolute' };
      const pre = lower(g.pre);
      const start = pre === 'the' ? m.index + m[0].indexOf(y) : undefined;
      return { type: 'DATE', value: y, anchor: 'absolute', start };
    },
  },
];

/** Offsets of one candidate, trimmed of governing prepositions and edge punctuation (never past its own text). */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const prepositions = new RegExp(`^(?:(?:${alt(GOVERNING_PREPOSITIONS)})\\s+)+`, 'iu');
  while (start < end && /[\s,;:.(\u2014-]/u.test(text[start] ?? '')) start += 1;
  const lead = prepositions.exec(text.slice(start, end));
  if (lead && lead[0].length < end - start) start += lead[0].length;
  // A final period belongs to an abbreviation (`p.m.`, `Nov.`); other punctuation does not.
  while (end > start && /[\s,;:)\u2014-]/u.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

function valueOfComponents(c: chrono.ParsedComponents, env: Env, textPart: string): { type: TimexType; value: string | null; anchor: TimexAnchor } | null {
  const year = c.isCertain('year') ? c.get('year') : null;
  const month = c.isCertain('month') ? c.get('month') : null;
  const day = c.isCertain('day') ? c.get('day') : null;
  const hourKnown = c.isCertain('hour');
  // A clock time needs its clock written out: `5 p.m.`, `7:30`, `noon`; `$3.625 a share` is a price.
  if (hourKnown && !/\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|:\d\d|noon|midnight|o'clock|\d{4}\s*[a-z]{3}/i.test(textPart)) return null;
  const weekday = c.isCertain('weekday') && day === null ? c.get('weekday') : null;
  if (weekday !== null && !hourKnown) return null; // bare weekdays come from the rules
  if (weekday !== null) {
    const date = weekdayDate(env, weekday === 0 ? 7 : weekday, null);
    if (!date) return { type: 'TIME', value: null, anchor: 'unresolved' };
    return { type: 'TIME', value: `${date}${clockOf(c, textPart)}`, anchor: 'publication' };
  }
  let date: string | null = null;
  let anchor: TimexAnchor = year !== null ? 'absolute' : 'publication';
  if (month !== null) {
    const y = year ?? inferYear(env, month, day);
    if (y === null) return { type: hourKnown ? 'TIME' : 'DATE', value: null, anchor: 'unresolved' };
    date = day !== null ? formatDay({ year: y, month, day }) : formatMonth(y, month);
  } else if (year !== null) {
    date = pad(year, 4);
  } else if (hourKnown) {
    const d = today(env);
    date = d ? formatDay(d) : null;
    anchor = 'publication';
  } else {
    return null;
  }
  if (!hourKnown) return { type: 'DATE', value: date, anchor: date ? anchor : 'unresolved' };
  if (!date || date.length !== 10) return { type: 'TIME', value: null, anchor: 'unresolved' };
  return { type: 'TIME', value: `${date}${clockOf(c, textPart)}`, anchor };
}

/** `T17` for `5 p.m.`, `T07:56` for `07:56`, `T12:00` for noon, `T24` for midnight. */
function clockOf(c: chrono.ParsedComponents, textPart: string): string {
  const hour = c.get('hour') ?? 0;
  const minute = c.get('minute') ?? 0;
  if (/midnight/i.test(textPart)) return 'T24';
  return minute === 0 && !/:/.test(textPart) && !/noon/i.test(textPart) ? `T${pad(hour, 2)}` : `T${pad(hour, 2)}:${pad(minute, 2)}`;
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

const MODIFIER_BEFORE = new RegExp(`(?<!\\p{L})(?:(?<mod>${alt(Object.keys(DATE_MODIFIERS).filter((k) => k !== 'mid-'))})(?:\\s+|-)|(?<mid>mid-))$`, 'iu');

function granularityOf(type: TimexType, value: string | null): Granularity {
  if (value === null) return 'unknown';
  if (type === 'DURATION') return 'duration';
  if (type === 'SET') return 'set';
  if (/_REF$/.test(value)) return 'ref';
  if (type === 'TIME' || /T/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{3}$/.test(value)) return 'decade';
  if (/^\d{2}$/.test(value)) return 'century';
  return 'unknown';
}

function hasFutureCue(text: string, region: Span): boolean {
  const sentence = text.slice(region.start, region.end).toLowerCase();
  return new RegExp(`(?:^|[^\\p{L}'])(?:${alt(FUTURE_CUES)})(?:[^\\p{L}]|$)`, 'u').test(sentence);
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
