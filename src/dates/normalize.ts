/**
 * TIMEX3 normalization of recognized French time expressions: from the kind and named groups of a rule match to
 * `{type, value, granularity, mod, anchor}`, one normalizer per rule kind. Where a relative expression lands (the
 * publication date, the paragraph's context) is decided by src/dates/anchor.ts.
 */
import type { Granularity, TimexAnchor, TimexMod, TimexType } from '../vocabulary.js';
import {
  DAY_OFFSETS,
  DURATION_MODIFIERS,
  EASTER_HOLIDAYS,
  FIXED_HOLIDAYS,
  DURATION_NOUNS,
  DURATION_UNITS,
  FREQUENCY_WORDS,
  MODIFIERS,
  MONTHS,
  ORDINAL_WORDS,
  PARTS_OF_DAY,
  REFERENCE_WORDS,
  ROMAN_DIGITS,
  SEASONS,
  SHIFT_WORDS,
  TEMPORAL_ADJECTIVES,
  WEEKDAYS,
} from '../rules/fr/dates-lexicon.js';
import type { RuleKind } from '../rules/fr/dates-patterns.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  easterSunday,
  formatDay,
  formatMonth,
  formatWeek,
  isValidDate,
  isoWeekday,
  pad,
  parseDayValue,
  type CalendarDate,
} from './calendar.js';
import { parseNumber } from './compile.js';
import { expandTwoDigitYear, pubDay, relativeDay, seasonYear, shiftedDate, weekdayDate, yearFor, type NormalizeEnv } from './anchor.js';

export interface Normalized {
  type: TimexType;
  value: string | null;
  granularity: Granularity;
  mod: TimexMod | null;
  anchor: TimexAnchor;
}

export type Groups = Readonly<Record<string, string | undefined>>;

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

function lookup<T>(table: Readonly<Record<string, T>>, word: string | undefined): T | undefined {
  if (word === undefined) return undefined;
  return table[lower(word)];
}

function shiftOf(word: string | undefined): number {
  return lookup(SHIFT_WORDS, word) ?? 0;
}

function explicitYear(groups: Groups, env: NormalizeEnv): number | null {
  if (groups.year) return Number(groups.year);
  if (groups.yearWords) return parseNumber(groups.yearWords);
  if (groups.year2) return expandTwoDigitYear(Number(groups.year2), env);
  return null;
}

function parseDay(text: string | undefined): number {
  const t = lower(text);
  if (t === '1er' || t === 'premier' || t === '1ᵉʳ') return 1;
  return /^\d+$/.test(t) ? Number(t) : parseNumber(t) ?? Number.NaN; // `vingt-quatre`
}

function partCode(groups: Groups): string | null {
  const code = lookup(PARTS_OF_DAY, groups.part);
  return code ?? null;
}

function partMod(groups: Groups): TimexMod | null {
  return lookup(MODIFIERS, groups.partMod) ?? null;
}

/** Day-level date → DATE, or TIME with a part of day (`hier soir` → `…TEV`). */
function dayOrPart(value: string | null, anchor: TimexAnchor, groups: Groups): Normalized {
  const code = partCode(groups);
  if (code && value) return { type: 'TIME', value: `${value}T${code}`, granularity: 'time', mod: partMod(groups), anchor };
  return { type: 'DATE', value, granularity: 'day', mod: null, anchor };
}

function romanToNumber(text: string): number | null {
  let total = 0;
  const upper = text.toUpperCase();
  for (let i = 0; i < upper.length; i += 1) {
    const v = ROMAN_DIGITS[upper[i] ?? ''];
    const next = ROMAN_DIGITS[upper[i + 1] ?? ''];
    if (v === undefined) return null;
    total += next !== undefined && next > v ? -v : v;
  }
  return total;
}

function durationValue(amount: number, unitWord: string | undefined): string | null {
  const unit = lookup(DURATION_UNITS, unitWord);
  if (!unit || !Number.isFinite(amount) || amount < 0 || amount > 1e6) return null;
  const n = amount * unit.factor;
  const letter: string = unit.letter;
  // Halves and quarters of years and hours are written with the next unit down (`un an et demi` → P1Y6M).
  const whole = Math.floor(n);
  if (!Number.isInteger(n) && letter === 'Y' && Number.isInteger((n - whole) * 12)) return `P${whole ? `${whole}Y` : ''}${(n - whole) * 12}M`;
  if (!Number.isInteger(n) && letter === 'H' && Number.isInteger((n - whole) * 60)) return `PT${whole ? `${whole}H` : ''}${(n - whole) * 60}M`;
  if (!Number.isInteger(n) && letter === 'D' && Number.isInteger(n * 24)) return `PT${n * 24}H`;
  const number = Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
  return unit.time ? `PT${number}${letter}` : `P${number}${letter}`;
}

type Normalizer = (groups: Groups, env: NormalizeEnv) => Normalized | null;

const NORMALIZERS: Record<RuleKind, Normalizer> = {
  date(groups, env) {
    const day = parseDay(groups.day);
    const month = lookup(MONTHS, groups.month);
    if (month === undefined) return null;
    let year = explicitYear(groups, env);
    let anchor: TimexAnchor = 'absolute';
    if (year === null) {
      ({ year, anchor } = yearFor(month, day, shiftOf(groups.shift), env));
      // A weekday settles the year of a year-less date (`le jeudi 12 septembre`): keep the first candidate it fits;
      // when none fits, a context year is dropped for the publication-based one.
      const weekday = lookup(WEEKDAYS, groups.weekday);
      const pub = env.publication;
      if (weekday !== undefined && year !== null && pub && isValidDate(year, month, day) && isoWeekday({ year, month, day }) !== weekday) {
        const fitting = [pub.year, pub.year - 1, pub.year + 1].find((y) => isValidDate(y, month, day) && isoWeekday({ year: y, month, day }) === weekday);
        if (fitting !== undefined) ({ year, anchor } = { year: fitting, anchor: 'publication' });
        else if (anchor === 'context') ({ year, anchor } = yearFor(month, day, shiftOf(groups.shift), { ...env, context: { year: null, month: null, day: env.context.day } }));
      }
    }
    if (year === null) {
      const valid = day >= 1 && day <= daysInMonth(2000, month);
      return { type: 'DATE', value: valid ? `XXXX-${pad(month, 2)}-${pad(day, 2)}` : null, granularity: 'day', mod: null, anchor: 'unresolved' };
    }
    if (!isValidDate(year, month, day)) return { type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'unresolved' };
    return dayOrPart(formatDay({ year, month, day }), anchor, groups); // `vendredi 9 août au soir` → TIME …TEV
  },
  weekdayDay(groups, env) {
    // `le lundi 6`: the month is the one of the latest day read, else the publication month.
    const contextDay = parseDayValue(env.context.day);
    const pub = env.publication;
    const base = contextDay ?? (pub && pub.month !== null ? { year: pub.year, month: pub.month, day: 1 } : null);
    const day = parseDay(groups.day);
    if (!base) return { type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'unresolved' };
    if (!isValidDate(base.year, base.month, day)) return { type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'unresolved' };
    return { type: 'DATE', value: formatDay({ year: base.year, month: base.month, day }), granularity: 'day', mod: null, anchor: contextDay ? 'context' : 'publication' };
  },
  holiday(groups, env) {
    const key = lower(groups.holiday).replace(/[-‐\s]+/g, (m) => (m.includes('-') || m.includes('‐') ? '-' : ' '));
    const fixed = FIXED_HOLIDAYS[key] ?? FIXED_HOLIDAYS[key.replace(/-/g, ' ')] ?? FIXED_HOLIDAYS[key.replace(/ /g, '-')];
    const easterOffset = EASTER_HOLIDAYS[key] ?? EASTER_HOLIDAYS[key.replace(/-/g, ' ')] ?? EASTER_HOLIDAYS[key.replace(/ /g, '-')];
    const dateIn = (year: number): CalendarDate | null => {
      if (fixed) return { year, month: Number(fixed.slice(0, 2)), day: Number(fixed.slice(3)) };
      if (easterOffset !== undefined) return addDays(easterSunday(year), easterOffset);
      return null;
    };
    if (groups.year) {
      const date = dateIn(Number(groups.year));
      return { type: 'DATE', value: date ? formatDay(date) : null, granularity: 'day', mod: null, anchor: 'absolute' };
    }
    const approx = dateIn(env.publication?.year ?? 2000);
    if (!approx) return null;
    const { year, anchor } = yearFor(approx.month, approx.day, shiftOf(groups.shift), env);
    if (year === null) return { type: 'DATE', value: fixed ? `XXXX-${fixed}` : null, granularity: 'day', mod: null, anchor: 'unresolved' };
    const date = dateIn(year);
    return { type: 'DATE', value: date ? formatDay(date) : null, granularity: 'day', mod: null, anchor };
  },
  night(groups, env) {
    // `la nuit de vendredi à samedi` / `la nuit du 8 au 9 novembre`: the night that starts on the first day.
    let value: string | null = null;
    let anchor: TimexAnchor = 'unresolved';
    const firstDay = groups.day1 ?? groups.day;
    const month = lookup(MONTHS, groups.month);
    if (firstDay !== undefined && month !== undefined) {
      const normalized = NORMALIZERS.date({ ...groups, day: firstDay, weekday: undefined, part: undefined }, env);
      value = normalized?.value ?? null;
      anchor = normalized?.anchor ?? 'unresolved';
    } else if (groups.day2 !== undefined && month !== undefined) {
      // `la nuit de vendredi à samedi 29 août`: the day before the dated morning.
      const normalized = NORMALIZERS.date({ ...groups, day: groups.day2, weekday: groups.weekday2, part: undefined }, env);
      const end = parseDayValue(normalized?.value ?? null);
      value = end ? formatDay(addDays(end, -1)) : null;
      anchor = normalized?.anchor ?? 'unresolved';
    } else {
      // The night ends on the second day: in a past clause that morning is already behind publication.
      const weekday = lookup(WEEKDAYS, groups.weekday);
      const weekday2 = lookup(WEEKDAYS, groups.weekday2);
      if (weekday2 !== undefined) {
        ({ value, anchor } = weekdayDate(weekday2, shiftOf(groups.shift), env));
        const end = parseDayValue(value);
        if (end) value = formatDay(addDays(end, -1));
      } else if (weekday !== undefined) ({ value, anchor } = weekdayDate(weekday, shiftOf(groups.shift), env));
    }
    return { type: 'TIME', value: value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}TNI` : value, granularity: 'time', mod: null, anchor };
  },
  dayRange: () => null, // split into two `date` matches by the recognizer
  monthRange: () => null, // idem, into `monthYear` matches
  durationRange: () => null, // idem, into `duration` matches
  numericDate(groups, env) {
    const month = Number(groups.month);
    let year = Number(groups.year);
    if (groups.year && groups.year.length === 2) year = expandTwoDigitYear(year, env);
    if (groups.day === undefined) {
      if (month < 1 || month > 12) return null;
      return { type: 'DATE', value: formatMonth(year, month), granularity: 'month', mod: null, anchor: 'absolute' };
    }
    const day = Number(groups.day);
    if (!isValidDate(year, month, day)) return { type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'unresolved' };
    return { type: 'DATE', value: formatDay({ year, month, day }), granularity: 'day', mod: null, anchor: 'absolute' };
  },
  monthYear(groups, env) {
    const month = lookup(MONTHS, groups.month);
    if (month === undefined) return null;
    let year = explicitYear(groups, env);
    let anchor: TimexAnchor = 'absolute';
    const thisYear = lower(groups.thisYear);
    if (year === null && thisYear && env.publication) {
      // `cette année` is deictic: the writer's year, even inside a narrative about another year.
      const delta = /dernière|passée/.test(thisYear) ? -1 : /prochaine/.test(thisYear) ? 1 : 0;
      ({ year, anchor } = { year: env.publication.year + delta, anchor: 'publication' });
    }
    if (year === null) ({ year, anchor } = yearFor(month, null, shiftOf(groups.shift), env));
    return { type: 'DATE', value: year === null ? `XXXX-${pad(month, 2)}` : formatMonth(year, month), granularity: 'month', mod: null, anchor };
  },
  year(groups) {
    const year = groups.yearWords ? parseNumber(groups.yearWords) : Number(groups.year);
    if (year === null || !Number.isInteger(year) || year < 1 || year > 9999) return null;
    return { type: 'DATE', value: pad(year, 4), granularity: 'year', mod: null, anchor: 'absolute' };
  },
  yearShort(groups, env) {
    return { type: 'DATE', value: pad(expandTwoDigitYear(Number(groups.year2), env), 4), granularity: 'year', mod: null, anchor: 'absolute' };
  },
  decade(groups) {
    const digits = groups.decade ?? '';
    const full = digits.length === 4 ? Number(digits) : digits.length === 2 ? 1900 + Number(digits) : Number(digits) * 10;
    if (!Number.isFinite(full)) return null;
    return { type: 'DATE', value: `${pad(Math.floor(full / 10), 3)}X`, granularity: 'decade', mod: null, anchor: 'absolute' };
  },
  century(groups) {
    const raw = groups.century ?? '';
    const n = /^\d+$/.test(raw) ? Number(raw) : romanToNumber(raw);
    if (n === null || n < 1 || n > 40) return { type: 'DATE', value: null, granularity: 'century', mod: null, anchor: 'unresolved' };
    return { type: 'DATE', value: `${pad(n - 1, 2)}XX`, granularity: 'century', mod: null, anchor: 'absolute' };
  },
  season(groups, env) {
    const code = lookup(SEASONS, groups.season);
    if (!code) return null;
    if (groups.year) return { type: 'DATE', value: `${groups.year}-${code}`, granularity: 'season', mod: null, anchor: 'absolute' };
    const pub = env.publication;
    const shift = shiftOf(groups.shift);
    if (env.context.year !== null && shift === 0 && (!pub || env.context.year < pub.year)) {
      return { type: 'DATE', value: `${env.context.year}-${code}`, granularity: 'season', mod: null, anchor: 'context' };
    }
    if (!pub) return { type: 'DATE', value: `XXXX-${code}`, granularity: 'season', mod: null, anchor: 'unresolved' };
    return { type: 'DATE', value: `${pad(seasonYear(code, shift, pub), 4)}-${code}`, granularity: 'season', mod: null, anchor: 'publication' };
  },
  quarter(groups, env) {
    let n = lookup(ORDINAL_WORDS, groups.ordinal) ?? 0;
    const half = lower(groups.period) === 'semestre';
    if (n === -1) n = half ? 2 : 4;
    if (n < 1 || n > (half ? 2 : 4)) return null;
    const code = half ? `H${n}` : `Q${n}`;
    if (groups.year) return { type: 'DATE', value: `${groups.year}-${code}`, granularity: 'quarter', mod: null, anchor: 'absolute' };
    const pub = env.publication;
    if (env.context.year !== null && (!pub || env.context.year < pub.year)) {
      return { type: 'DATE', value: `${env.context.year}-${code}`, granularity: 'quarter', mod: null, anchor: 'context' };
    }
    if (!pub) return { type: 'DATE', value: `XXXX-${code}`, granularity: 'quarter', mod: null, anchor: 'unresolved' };
    return { type: 'DATE', value: `${pad(pub.year, 4)}-${code}`, granularity: 'quarter', mod: null, anchor: 'publication' };
  },
  dayOffset(groups, env) {
    const offset = lookup(DAY_OFFSETS, groups.offset) ?? 0;
    const { value, anchor } = relativeDay(offset, env);
    return dayOrPart(value, anchor, groups);
  },
  weekday(groups, env) {
    const weekday = lookup(WEEKDAYS, groups.weekday);
    if (weekday === undefined) return null;
    const { value, anchor } = weekdayDate(weekday, shiftOf(groups.shift) || shiftOf(groups.shift2), env);
    return dayOrPart(value, anchor, groups);
  },
  relativeUnit(groups, env) {
    const unit = lower(groups.unit);
    const det = lower(groups.det);
    const shift = shiftOf(groups.shift);
    const demonstrative = det === 'ce' || det === 'cet' || det === 'cette' || groups.current !== undefined;
    // `l'année`, `la semaine` alone are not dates; with a modifier (`la fin de l'année`) they are the current one.
    if (shift === 0 && !demonstrative && groups.modifier === undefined) return null;
    const pub = env.publication;
    const base = { mod: null, anchor: 'publication' as TimexAnchor };
    if (unit === 'année' || unit === 'an') {
      if (!pub) return { type: 'DATE', value: 'XXXX', granularity: 'year', mod: null, anchor: 'unresolved' };
      return { type: 'DATE', value: pad(pub.year + shift, 4), granularity: 'year', ...base };
    }
    if (unit === 'mois') {
      if (!pub || pub.month === null) return { type: 'DATE', value: pub ? `${pad(pub.year, 4)}-XX` : 'XXXX-XX', granularity: 'month', mod: null, anchor: pub ? 'publication' : 'unresolved' };
      const shifted = addMonths({ year: pub.year, month: pub.month, day: 1 }, shift);
      return { type: 'DATE', value: formatMonth(shifted.year, shifted.month), granularity: 'month', ...base };
    }
    if (unit === 'semaine' || unit === 'week-end') {
      const day = pubDay(env);
      const suffix = unit === 'week-end' ? '-WE' : '';
      if (!day) return { type: 'DATE', value: `XXXX-WXX${suffix}`, granularity: 'week', mod: null, anchor: 'unresolved' };
      // Early in the week, `ce week-end` is the one just past.
      const weeks = unit === 'week-end' && shift === 0 && isoWeekday(day) <= 2 ? -1 : shift;
      return { type: 'DATE', value: formatWeek(addDays(day, weeks * 7)) + suffix, granularity: 'week', ...base };
    }
    if (unit === 'trimestre' || unit === 'semestre') {
      if (!pub || pub.month === null) return { type: 'DATE', value: null, granularity: 'quarter', mod: null, anchor: 'unresolved' };
      const size = unit === 'trimestre' ? 3 : 6;
      const index = Math.floor((pub.month - 1) / size) + shift;
      const periods = 12 / size;
      const year = pub.year + Math.floor(index / periods);
      const n = ((index % periods) + periods) % periods + 1;
      return { type: 'DATE', value: `${pad(year, 4)}-${size === 3 ? 'Q' : 'H'}${n}`, granularity: 'quarter', ...base };
    }
    if (unit === 'siècle') {
      if (!pub) return { type: 'DATE', value: null, granularity: 'century', mod: null, anchor: 'unresolved' };
      return { type: 'DATE', value: `${pad(Math.floor(pub.year / 100) + shift, 2)}XX`, granularity: 'century', ...base };
    }
    return null;
  },
  contextDay(groups, env) {
    const rel = lower(groups.rel);
    const offset = rel === 'lendemain' ? 1 : rel === 'surlendemain' ? 2 : rel === 'veille' ? -1 : 0;
    const contextDay = parseDayValue(env.context.day);
    // `au lendemain de l'élection`: the anchor is an event whose date is not known here.
    if (groups.ofEvent !== undefined && offset !== 0) return { type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'unresolved' };
    if (contextDay) return dayOrPart(formatDay(addDays(contextDay, offset)), 'context', groups);
    return { type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'unresolved' };
  },
  ago(groups, env) {
    const n = parseNumber(groups.num ?? '');
    if (n === null) return null;
    return shiftedDate(n, lookup(DURATION_UNITS, groups.unit), -1, env);
  },
  ahead(groups, env) {
    const n = parseNumber(groups.num ?? '');
    if (n === null) return null;
    return shiftedDate(n, lookup(DURATION_UNITS, groups.unit), 1, env);
  },
  duration(groups) {
    const dmod = lookup(DURATION_MODIFIERS, groups.dmod) ?? null;
    const unit = lookup(DURATION_UNITS, groups.unit);
    if (!unit) return null;
    const numText = groups.num ?? groups.num2;
    if (groups.vague !== undefined || numText === undefined) {
      const letter = unit.time ? `T X${unit.letter}`.replace(' ', '') : `X${unit.letter}`;
      return { type: 'DURATION', value: `P${letter}`, granularity: 'duration', mod: dmod, anchor: 'absolute' };
    }
    let n = parseNumber(numText);
    if (n === null) return { type: 'DURATION', value: null, granularity: 'duration', mod: dmod, anchor: 'unresolved' };
    if (groups.half) n += 0.5;
    return { type: 'DURATION', value: durationValue(n, groups.unit), granularity: 'duration', mod: dmod, anchor: 'absolute' };
  },
  durationNoun(groups) {
    const value = lookup(DURATION_NOUNS, groups.noun);
    if (!value) return null;
    return { type: 'DURATION', value, granularity: 'duration', mod: null, anchor: 'absolute' };
  },
  time(groups, env) {
    let hour = parseNumber(groups.hour ?? '');
    const minute = groups.minute ? Number(groups.minute) : 0;
    if (hour === null || !Number.isInteger(hour) || hour > 24 || minute > 59) return { type: 'TIME', value: null, granularity: 'time', mod: null, anchor: 'unresolved' };
    if (lower(groups.ampm) === 'soir' && hour < 12) hour += 12;
    const clock = `T${pad(hour, 2)}:${pad(minute, 2)}`;
    const weekday = lookup(WEEKDAYS, groups.weekday);
    let date: { value: string; anchor: TimexAnchor };
    if (weekday !== undefined) date = weekdayDate(weekday, 0, env);
    else if (env.context.day) date = { value: env.context.day, anchor: 'context' };
    else date = relativeDay(0, env);
    return { type: 'TIME', value: `${date.value}${clock}`, granularity: 'time', mod: null, anchor: date.anchor };
  },
  timeWord(groups, env) {
    const word = lower(groups.word);
    const minuteWord = lower(groups.minute);
    const minute = minuteWord === 'demie' ? 30 : minuteWord === 'quart' ? 15 : minuteWord ? Number(minuteWord) : 0;
    const clock = `T${word === 'midi' ? '12' : '00'}:${pad(minute, 2)}`;
    const date = env.context.day ? { value: env.context.day, anchor: 'context' as TimexAnchor } : relativeDay(0, env);
    return { type: 'TIME', value: `${date.value}${clock}`, granularity: 'time', mod: null, anchor: date.anchor };
  },
  partOfDay(groups, env) {
    const code = partCode(groups);
    if (!code) return null;
    const det = lower(groups.det);
    const demonstrative = det === 'ce' || det === 'cet' || det === 'cette';
    let date: { value: string; anchor: TimexAnchor };
    if (!demonstrative && env.context.day) date = { value: env.context.day, anchor: 'context' };
    else date = relativeDay(0, env);
    return { type: 'TIME', value: `${date.value}T${code}`, granularity: 'time', mod: partMod(groups), anchor: date.anchor };
  },
  reference(groups) {
    const value = lookup(REFERENCE_WORDS, groups.ref) ?? lookup(TEMPORAL_ADJECTIVES, groups.ref);
    if (!value) return null;
    return { type: 'TIME', value, granularity: value.startsWith('T') ? 'time' : 'ref', mod: null, anchor: 'absolute' };
  },
  set(groups) {
    const weekday = lookup(WEEKDAYS, groups.weekday);
    if (weekday !== undefined) return { type: 'SET', value: `XXXX-WXX-${weekday}`, granularity: 'set', mod: null, anchor: 'absolute' };
    const part = partCode(groups);
    if (part) return { type: 'SET', value: `XXXX-XX-XXT${part}`, granularity: 'set', mod: null, anchor: 'absolute' };
    const n = groups.num ? parseNumber(groups.num) : 1;
    if (n === null) return null;
    return { type: 'SET', value: durationValue(n, groups.unit), granularity: 'set', mod: null, anchor: 'absolute' };
  },
  setPer(groups) {
    return { type: 'SET', value: durationValue(1, groups.unit), granularity: 'set', mod: null, anchor: 'absolute' };
  },
  frequency(groups) {
    const value = lookup(FREQUENCY_WORDS, groups.freq);
    if (!value) return null;
    return { type: 'SET', value, granularity: 'set', mod: null, anchor: 'absolute' };
  },
};

export function normalize(kind: RuleKind, groups: Groups, env: NormalizeEnv): Normalized | null {
  return NORMALIZERS[kind](groups, env);
}

