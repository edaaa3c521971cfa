/**
 * Reference-time resolution: where a relative or partial French time expression lands, given the publication date
 * and what the paragraph said before (src/dates/normalize.ts turns rule matches into values and calls these).
 * The system clock is never read.
 *
 * Anchoring choices (news mode):
 * - Relative expressions (`hier`, `l'an dernier`, `il y a un an`, bare weekdays) resolve against the
 *   publication date → anchor `publication`. Without a publication date they stay `unresolved` (value with
 *   X's, or null). The system clock is never read.
 * - A partial publication date resolves what its granularity allows: with `2024-03`, `l'an dernier` → 2023,
 *   `le mois dernier` → 2024-02, but `hier` → `2024-03-XX` (the day is unknown; the month is kept because a
 *   news report's "yesterday" almost always falls in its publication month).
 * - Year-less dates (`le 30 juin`, `en mars`), context rule for narrative passages: when an explicit year was
 *   mentioned earlier in the same paragraph, that year is before the publication year (a later one is a plan, `d'ici
 *   2014`, not a narrative frame) and the date does not go back before the context's month (narratives move forward)
 *   → the date takes that year, anchor `context`. Otherwise news mode → anchor `publication`: the publication year,
 *   moved to the neighbouring year when that puts the date more than 8 months away (`le 21 décembre` read in January),
 *   or more than 4 months away against the clause's tense (`les attentats du 11 septembre ont…` read in February →
 *   previous year); `dernier` / `prochain` force the past / future occurrence; a weekday (`le jeudi 12 septembre`)
 *   picks the year it fits among the publication year and its neighbours.
 * - Bare weekdays (`mardi`) take the nearest such day before publication, or after it when the clause reads as future
 *   (see `NormalizeEnv.tense`); the publication day itself when it is that weekday.
 * - Clock times take the day of the latest day-level date of the paragraph (`samedi 5 juin à 17 h`) →
 *   `context`, else the publication day.
 * - `le lendemain`, `la veille` are relative to the latest day-level date read so far → `context`.
 */
import type { TimexAnchor } from '../vocabulary.js';
import { SEASON_MONTHS, type DurationUnit } from '../rules/fr/dates-lexicon.js';
import { addDays, addMonths, formatDay, formatMonth, isoWeekday, pad, type CalendarDate, type PartialDate } from './calendar.js';
import type { Normalized } from './normalize.js';

/** What earlier expressions of the paragraph tell about later ones. Mutated as the text is read. */
export interface DateContext {
  /** Latest explicit (absolute) year of the paragraph. */
  year: number | null;
  /** Month of the latest dated expression of the paragraph when it had one (with `year`). */
  month: number | null;
  /** Latest day-level date value of the paragraph (`YYYY-MM-DD`). */
  day: string | null;
}

export function createDateContext(): DateContext {
  return { year: null, month: null, day: null };
}

export interface NormalizeEnv {
  publication: PartialDate | null;
  context: DateContext;
  /**
   * Tense of the expression at `[start, end)`: `future` (`il viendra samedi`, `aura lieu samedi`) makes bare weekdays
   * and year-less dates point forward, `past` backward. The expression's own clause decides; the sentence's otherwise.
   */
  tense: (start: number, end: number) => 'past' | 'future' | 'unknown';
  /** Offsets of the expression being normalized. */
  span: { start: number; end: number };
}

/** Two-digit years: `98` → 1998, `05` → 2005 (pivot: publication year + 5, or 2030 without one). */
export function expandTwoDigitYear(yy: number, env: NormalizeEnv): number {
  const pivot = ((env.publication?.year ?? 2025) + 5) % 100;
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

const MONTH_INDEX = (a: { month: number; day: number | null }) => a.month * 32 + (a.day ?? 0);

/** Year of a year-less month (and day), see the module comment for the rule. */
export function yearFor(month: number, day: number | null, shift: number, env: NormalizeEnv): { year: number | null; anchor: TimexAnchor } {
  const pub = env.publication;
  // Context rule: narratives move forward (`en décembre 2001 … le 22 octobre` is not October 2001), and a year later
  // than publication is a plan or target (`d'ici 2014`), not the frame of a narrative.
  const forward = env.context.month === null || month >= env.context.month;
  if (shift === 0 && forward && env.context.year !== null && (pub === null || env.context.year < pub.year)) {
    return { year: env.context.year, anchor: 'context' };
  }
  if (!pub) return { year: null, anchor: 'unresolved' };
  if (pub.month === null) return { year: pub.year, anchor: 'publication' };
  const target = MONTH_INDEX({ month, day });
  const ref = MONTH_INDEX({ month: pub.month, day: pub.day ?? (day === null ? 0 : 16) });
  if (shift < 0) return { year: target < ref || (target === ref && day === null) ? pub.year : pub.year - 1, anchor: 'publication' };
  if (shift > 0) return { year: target > ref || (target === ref && day === null) ? pub.year : pub.year + 1, anchor: 'publication' };
  const monthsApart = month - pub.month;
  // A clause in the past tense about a date months ahead speaks of last year's (`les attentats du 11 septembre ont…`
  // read in February); one in the future tense about a date months behind, of next year's. Without a tense, the
  // occurrence nearest to publication (within 8 months) wins.
  const tense = env.tense(env.span.start, env.span.end);
  if (tense === 'past') return { year: monthsApart > 4 ? pub.year - 1 : pub.year, anchor: 'publication' };
  if (tense === 'future') return { year: monthsApart < -4 ? pub.year + 1 : pub.year, anchor: 'publication' };
  if (monthsApart > 8) return { year: pub.year - 1, anchor: 'publication' };
  if (monthsApart < -8) return { year: pub.year + 1, anchor: 'publication' };
  return { year: pub.year, anchor: 'publication' };
}

export function pubDay(env: NormalizeEnv): CalendarDate | null {
  const pub = env.publication;
  if (!pub || pub.month === null || pub.day === null) return null;
  return { year: pub.year, month: pub.month, day: pub.day };
}

/** A day relative to publication; with a partial publication date only its known part survives. */
export function relativeDay(offset: number, env: NormalizeEnv): { value: string; anchor: TimexAnchor } {
  const day = pubDay(env);
  if (day) return { value: formatDay(addDays(day, offset)), anchor: 'publication' };
  const pub = env.publication;
  if (pub && pub.month !== null) return { value: `${formatMonth(pub.year, pub.month)}-XX`, anchor: 'publication' };
  if (pub) return { value: `${pad(pub.year, 4)}-XX-XX`, anchor: 'publication' };
  return { value: 'XXXX-XX-XX', anchor: 'unresolved' };
}

export function weekdayDate(weekday: number, shift: number, env: NormalizeEnv): { value: string; anchor: TimexAnchor } {
  const day = pubDay(env);
  if (!day) return { value: `XXXX-WXX-${weekday}`, anchor: 'unresolved' };
  const current = isoWeekday(day);
  let offset: number;
  if (shift < 0) offset = -(((current - weekday + 7) % 7) || 7);
  else if (shift > 0) offset = ((weekday - current + 7) % 7) || 7;
  else if (env.tense(env.span.start, env.span.end) === 'future') offset = (weekday - current + 7) % 7;
  else offset = -((current - weekday + 7) % 7);
  return { value: formatDay(addDays(day, offset)), anchor: 'publication' };
}

/** Date `amount` units before (sign −1) or after (+1) publication, at a granularity fitting the unit. */
export function shiftedDate(amount: number, unit: DurationUnit | undefined, sign: number, env: NormalizeEnv): Normalized {
  const pub = env.publication;
  const base: Normalized = { type: 'DATE', value: null, granularity: 'unknown', mod: null, anchor: 'unresolved' };
  if (!unit || !Number.isInteger(amount) || amount > 10_000) return base;
  if (!pub) return { ...base, value: unit.letter === 'Y' ? 'XXXX' : null };
  const n = amount * unit.factor * sign;
  const anchor: TimexAnchor = 'publication';
  const day = pubDay(env);
  switch (unit.letter) {
    case 'S':
    case 'H':
      if (!unit.time) break;
      return { type: 'DATE', value: day ? formatDay(day) : null, granularity: 'day', mod: null, anchor };
    case 'M':
      if (unit.time) return { type: 'DATE', value: day ? formatDay(day) : null, granularity: 'day', mod: null, anchor };
      if (pub.month === null) return { type: 'DATE', value: pad(pub.year + Math.trunc(n / 12), 4), granularity: 'year', mod: null, anchor };
      {
        const shifted = addMonths({ year: pub.year, month: pub.month, day: 1 }, n);
        return { type: 'DATE', value: formatMonth(shifted.year, shifted.month), granularity: 'month', mod: null, anchor };
      }
    case 'D':
    case 'W': {
      const days = unit.letter === 'W' ? n * 7 : n;
      if (day) return { type: 'DATE', value: formatDay(addDays(day, days)), granularity: 'day', mod: null, anchor };
      return { type: 'DATE', value: relativeDay(days, env).value, granularity: 'day', mod: null, anchor };
    }
    case 'Y': {
      const year = pub.year + n;
      // A year ago is "that month, one year earlier" when the month is known (`il y a un an` → 2023-03).
      if (pub.month !== null && Math.abs(n) === 1) return { type: 'DATE', value: formatMonth(year, pub.month), granularity: 'month', mod: null, anchor };
      if (unit.factor === 10) return { type: 'DATE', value: pad(year, 4).slice(0, 3) + 'X', granularity: 'decade', mod: null, anchor };
      if (unit.factor === 100) return { type: 'DATE', value: pad(year, 4).slice(0, 2) + 'XX', granularity: 'century', mod: null, anchor };
      return { type: 'DATE', value: pad(year, 4), granularity: 'year', mod: null, anchor };
    }
    default:
      break;
  }
  return base;
}

/**
 * Year label of a season relative to publication: `dernier` → the latest one over before publication, `prochain` → the
 * first one not yet begun, none → the one of the publication year (the current winter, in January–February).
 */
export function seasonYear(code: string, shift: number, pub: PartialDate): number {
  const months = SEASON_MONTHS[code];
  if (!months || pub.month === null) return pub.year + shift;
  const now = pub.year * 12 + pub.month;
  const first = (y: number) => y * 12 + months.first;
  const last = (y: number) => y * 12 + months.last;
  const years = [pub.year - 2, pub.year - 1, pub.year, pub.year + 1];
  if (shift < 0) return [...years].reverse().find((y) => last(y) < now) ?? pub.year - 1;
  if (shift > 0) return years.find((y) => first(y) > now) ?? pub.year + 1;
  return code === 'WI' && pub.month <= 2 ? pub.year - 1 : pub.year;
}
