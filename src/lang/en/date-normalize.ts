/**
 * The English normalizer: what each rule match (src/rules/en/date-patterns.ts) and each chrono-node parse stands for,
 * as a TIMEX3 type, value, mod and anchor, read against the publication date and the article's context (the latest
 * fiscal quarter named). Year-less dates: see src/lang/en/dates.ts.
 */
import type { ParsedComponents } from 'chrono-node';
import type { Span } from '../../document.js';
import type { Granularity, TimexAnchor, TimexMod, TimexType } from '../../vocabulary.js';
import { addDays, addMonths, formatDay, formatMonth, formatWeek, isoWeekday, pad, type CalendarDate, type PartialDate } from '../../dates/calendar.js';
import { MONTH_NAMES, alternation, type EnglishDateRuleName } from '../../rules/en/date-patterns.js';
import {
  DAY_PARTS,
  DAY_WORDS,
  DURATION_MODS,
  NUMBER_WORDS,
  ORDINALS,
  QUANTITY_PHRASES,
  REFERENCE_WORDS,
  RELATIVE_DETERMINERS,
  SEASONS,
  SET_DETERMINERS,
  SET_WORDS,
  UNIT_PLURALS,
  UNITS,
  VAGUE_QUANTITIES,
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

export interface Built {
  type: TimexType;
  value: string | null;
  mod?: TimexMod | null;
  anchor: TimexAnchor;
  /** Trim the span to this group (e.g. drop a trailing `later`). */
  start?: number;
  end?: number;
}

export interface Env {
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

export const today = (env: Env): CalendarDate | null => (env.publication?.month && env.publication.day ? { year: env.publication.year, month: env.publication.month, day: env.publication.day } : null);

/** The publication date shifted by `offset` units, at that unit's granularity. */
export function relativeUnit(env: Env, unit: string, offset: number): string | null {
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
export function inferYear(env: Env, month: number, day: number | null): number | null {
  const pub = env.publication;
  if (!pub) return null;
  if (!pub.month) return pub.year;
  const pubDay = pub.day ?? 15;
  const monthsBack = (pub.month - month) + ((pubDay - (day ?? 15)) / 31);
  if (env.future && monthsBack > 0.5) return pub.year + 1;
  if (monthsBack * 30.4 > 300) return pub.year + 1;
  return pub.year;
}

export function weekdayDate(env: Env, weekday: number, det: string | null): string | null {
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

export const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

/** How each rule of src/rules/en/date-patterns.ts turns its match into a candidate (null: not a time expression). */
export const EN_DATE_NORMALIZERS: Readonly<Record<EnglishDateRuleName, (match: RegExpExecArray, env: Env) => Built | null>> = {
  'ago'(m, env) {
    const num = lower(m.groups?.num);
    const amount = num === 'a' || num === 'an' ? 1 : (QUANTITY_PHRASES[num] ?? parseNumber(num));
    const unit = unitOf(m.groups?.unit ?? '');
    const dir = lower(m.groups?.dir);
    const { value, anchor } = agoValue(env, amount, unit, dir === 'from now' || dir === 'hence' ? 1 : -1);
    return { type: 'DATE', value, anchor };
  },
  'year-ago'(m, env) {
    const noun = lower(m.groups?.noun);
    const withNoun = noun === 'quarter' || noun === 'period';
    const { value, anchor } = agoValue(env, 1, 'year', -1);
    const end = withNoun ? undefined : m.index + m[0].length - (m.groups?.noun ? m[0].length - m[0].search(/\s+\S+$/) : 0);
    if (m.groups?.det && !withNoun) return { type: 'DATE', value, anchor, start: m.index + m[0].toLowerCase().indexOf('year'), end };
    return { type: 'DATE', value, anchor, end };
  },
  'quarter'(m, env) {
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
  'half'(m, env) {
    const g = m.groups ?? {};
    const year = g.y1 ?? g.y2 ? Number(g.y1 ?? g.y2) : env.publication?.year ?? null;
    const half = lower(g.ord) === 'first' ? 1 : 2;
    return { type: 'DATE', value: year === null ? null : `${pad(year, 4)}-H${half}`, anchor: g.y1 ?? g.y2 ? 'absolute' : year === null ? 'unresolved' : 'publication' };
  },
  'duration'(m, env) {
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
  'one-unit'(m, env) {
    const det = lower(m.groups?.det);
    const unit = unitOf(m.groups?.unit ?? '');
    if (unit === 'second' || unit === 'quarter') return null;
    const before = env.text.slice(Math.max(env.region.start, m.index - 24), m.index).toLowerCase();
    const afterAmount = /(\d|million|billion|percent|%|cents?|dollars?|times)\s*$/.test(before);
    if (SET_DETERMINERS.includes(det) || afterAmount) return { type: 'SET', value: durationValue(1, unit), anchor: 'absolute' };
    return { type: 'DURATION', value: durationValue(1, unit), anchor: 'absolute' };
  },
  'vague-duration'(m) {
    return { type: 'DURATION', value: durationValue(null, unitOf(m.groups?.unit ?? '')), anchor: 'absolute' };
  },
  'set-word'(m, env) {
    const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
    // `the daily newspaper` is not a set of times.
    if (/^\s+(?:newspaper|paper|basis|news|average)/.test(after)) return null;
    return { type: 'SET', value: SET_WORDS[lower(m.groups?.w)] ?? null, anchor: 'absolute' };
  },
  'relative-unit'(m, env) {
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
  'the-unit'(m, env) {
    const unit = lower(m.groups?.unit);
    if (unit === 'weekend') {
      const value = relativeUnit(env, 'weekend', env.future ? 1 : 0);
      return { type: 'DATE', value, anchor: value ? 'publication' : 'unresolved' };
    }
    if (unit === 'full year') return { type: 'DATE', value: env.publication ? pad(env.publication.year, 4) : null, anchor: env.publication ? 'publication' : 'unresolved' };
    return { type: 'DURATION', value: 'P1Y', anchor: 'absolute' };
  },
  'day-word'(m, env) {
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
  'weekday'(m, env) {
    const g = m.groups ?? {};
    const weekday = WEEKDAYS[lower(g.wd)];
    if (weekday === undefined) return null;
    if (g.pl) return { type: 'SET', value: `XXXX-WXX-${weekday}`, anchor: 'absolute' };
    const date = weekdayDate(env, weekday, g.det ? lower(g.det) : null);
    if (!date) return { type: 'DATE', value: null, anchor: 'unresolved' };
    const part = g.part ? DAY_PARTS[lower(g.part)] : undefined;
    return part ? { type: 'TIME', value: `${date}T${part}`, anchor: 'publication' } : { type: 'DATE', value: date, anchor: 'publication' };
  },
  'relative-month'(m, env) {
    const month = MONTH_NAMES.indexOf(lower(m.groups?.month)) + 1;
    const pub = env.publication;
    if (!pub || !pub.month) return { type: 'DATE', value: null, anchor: 'unresolved' };
    const det = lower(m.groups?.det);
    let year = pub.year;
    if (det === 'last' || det === 'this past') year = month < pub.month ? pub.year : pub.year - 1;
    else if (det === 'next' || det === 'this coming') year = month > pub.month ? pub.year : pub.year + 1;
    return { type: 'DATE', value: formatMonth(year, month), anchor: 'publication' };
  },
  'year-end'(_m, env) {
    return env.publication ? { type: 'DATE', value: pad(env.publication.year, 4), mod: 'END', anchor: 'publication' } : { type: 'DATE', value: null, anchor: 'unresolved' };
  },
  'century-decade'(m) {
    const g = m.groups ?? {};
    if (g.n) return { type: 'DATE', value: pad(Number(g.n) - 1, 2), anchor: 'absolute' };
    const decades = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
    return { type: 'DATE', value: `19${decades.indexOf(lower(g.dec)) + 2}`, anchor: 'absolute' };
  },
  'reference'(m, env) {
    const w = lower(m.groups?.w);
    const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    // `now-defunct`: an adjective prefix, not the time of the sentence.
    if (w === 'now' && after.startsWith('-')) return null;
    return { type: 'DATE', value: REFERENCE_WORDS[w] ?? null, anchor: 'publication' };
  },
  'year'(m, env) {
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
    const blocker = new RegExp(`^\\s+(?:${alternation(YEAR_BLOCKERS_AFTER)})\\b`);
    if (blocker.test(after)) return null;
    if (g.dec) return { type: 'DATE', value: y.slice(0, 3), anchor: 'absolute' };
    const pre = lower(g.pre);
    const start = pre === 'the' ? m.index + m[0].indexOf(y) : undefined;
    return { type: 'DATE', value: y, anchor: 'absolute', start };
  },
};

export function valueOfComponents(c: ParsedComponents, env: Env, textPart: string): { type: TimexType; value: string | null; anchor: TimexAnchor } | null {
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
function clockOf(c: ParsedComponents, textPart: string): string {
  const hour = c.get('hour') ?? 0;
  const minute = c.get('minute') ?? 0;
  if (/midnight/i.test(textPart)) return 'T24';
  return minute === 0 && !/:/.test(textPart) && !/noon/i.test(textPart) ? `T${pad(hour, 2)}` : `T${pad(hour, 2)}:${pad(minute, 2)}`;
}

export function granularityOf(type: TimexType, value: string | null): Granularity {
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
