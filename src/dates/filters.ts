/**
 * Plausibility filters of the recognizer: judgements a rule's regex cannot make alone — is this 4-digit number a year
 * or a quantity (`2000 euros`) or part of a name (`l'AI Day 2022`)? is `30 ans` an age? is `été` the season or the
 * participle? The words and contexts are data (src/rules/fr/dates-filters.ts, dates-lexicon.ts); this module only
 * applies them. Letter-case checks live here because case-insensitive regexes cannot make them.
 */
import type { TimexMod } from '../vocabulary.js';
import {
  AMBIGUOUS_FEASTS,
  AGE_NOUNS,
  AHEAD_NOT_DATE_AFTER,
  AT_YEARS_DURATION_AFTER,
  AT_YEARS_DURATION_BEFORE,
  BARE_MONTHS_SHORT,
  DAYTIME_BEFORE,
  DETERMINERS,
  EVENT_ANCHOR_AFTER,
  FEAST_CUES_BEFORE,
  MONTH_CUES,
  NEWSPAPER_WORDS,
  NUMBERED_ITEM_BEFORE,
  NO_VAGUE_TIME_UNITS,
  ONE_DAY_DURATION_BEFORE,
  ONE_DAY_NOT_DURATION_AFTER,
  QUALIFIED_PERIOD_AFTER,
  SEASON_CUES,
  SEASON_NAME_AFTER,
  SEASON_YEAR_AFTER,
  WEEKDAY_FEAST_AFTER,
} from '../rules/fr/dates-filters.js';
import {
  AFTER_SECONDE_DURATION,
  DURATION_HEADS,
  MONTHS,
  PLURAL_LOOKING_FUNCTION_WORDS,
  QUANTITY_FOLLOWERS,
  QUANTITY_MODIFIERS_BEFORE,
  SEASONS,
  WEEKDAYS,
} from '../rules/fr/dates-lexicon.js';
import { YEAR_CUES, type RuleKind } from '../rules/fr/dates-patterns.js';
import { APOSTROPHE_CLASS } from '../rules/fr/orthography.js';

/** A rule match before selection and normalization. */
export interface RawMatch {
  rule: number;
  kind: RuleKind;
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
  /** Needs a modifier prefix to stand (`l'année` alone is not a date, `la fin de l'année` is). */
  needsModifier: boolean;
  mod: TimexMod | null;
}

const compile = (source: string): RegExp => new RegExp(source, 'iu');
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, APOSTROPHE_CLASS);

const QUANTITY_FOLLOWER_SET = new Set(QUANTITY_FOLLOWERS);
const PLURAL_FUNCTION_WORD_SET = new Set(PLURAL_LOOKING_FUNCTION_WORDS);
const QUANTITY_MODIFIERS_BEFORE_REGEX = compile(QUANTITY_MODIFIERS_BEFORE);
const YEAR_CUE_SET = new Set(YEAR_CUES);
const DURATION_HEAD_SET = new Set(DURATION_HEADS);
const AFTER_SECONDE_SET = new Set(AFTER_SECONDE_DURATION);
const DETERMINER_SET = new Set(DETERMINERS);
const SEASON_CUE_SET = new Set(SEASON_CUES);
const MONTH_CUE_SET = new Set(MONTH_CUES);
const BARE_MONTH_SET = new Set(BARE_MONTHS_SHORT);
const NEWSPAPER_SET = new Set(NEWSPAPER_WORDS);
const AMBIGUOUS_FEAST_SET = new Set(AMBIGUOUS_FEASTS);
const NO_VAGUE_UNIT_SET = new Set(NO_VAGUE_TIME_UNITS);
const CALENDAR_WORDS = new Set([...Object.keys(MONTHS), ...Object.keys(WEEKDAYS), ...Object.keys(SEASONS)]);

const AGE_BEFORE = compile(`(?:^|[^\\p{L}])(?:${AGE_NOUNS.map(escape).join('|')})\\s+(?:de\\s+|d['’])?$`);
const AT_YEARS_DURATION_BEFORE_REGEX = compile(AT_YEARS_DURATION_BEFORE);
const AT_YEARS_DURATION_AFTER_REGEX = compile(AT_YEARS_DURATION_AFTER);
const ONE_DAY_DURATION_BEFORE_REGEX = compile(ONE_DAY_DURATION_BEFORE);
const ONE_DAY_NOT_DURATION_AFTER_REGEX = compile(ONE_DAY_NOT_DURATION_AFTER);
const AHEAD_NOT_DATE_AFTER_REGEX = compile(AHEAD_NOT_DATE_AFTER);
const SEASON_NAME_AFTER_REGEX = compile(SEASON_NAME_AFTER);
const SEASON_YEAR_AFTER_REGEX = compile(SEASON_YEAR_AFTER);
const FEAST_CUES_BEFORE_REGEX = compile(FEAST_CUES_BEFORE);
const WEEKDAY_FEAST_AFTER_REGEX = compile(WEEKDAY_FEAST_AFTER);
const EVENT_ANCHOR_AFTER_REGEX = compile(EVENT_ANCHOR_AFTER);
const DAYTIME_BEFORE_REGEX = compile(DAYTIME_BEFORE);
const NUMBERED_ITEM_BEFORE_REGEX = compile(NUMBERED_ITEM_BEFORE);
const QUALIFIED_PERIOD_AFTER_REGEX = compile(QUALIFIED_PERIOD_AFTER);

const before = (text: string, index: number, length: number): string => text.slice(Math.max(0, index - length), index);
const after = (text: string, index: number, length: number): string => text.slice(index, index + length);
const normalizeApostrophe = (word: string): string => word.toLowerCase().replace(/’/g, "'");

export function previousWord(text: string, index: number): string {
  const match = /([\p{L}\p{N}'’-]+)[\s]*$/u.exec(before(text, index, 40));
  return match?.[1] ?? '';
}

export function nextWord(text: string, index: number): string {
  const match = /^\s*([^\s,;:.!?()«»"]+)/u.exec(after(text, index, 40));
  return match?.[1] ?? '';
}

/** Whether `index` starts a sentence, a line or a quotation. */
export function atSentenceStart(text: string, index: number): boolean {
  let i = index;
  while (i > 0 && /\s/u.test(text[i - 1] ?? '')) {
    if (text[i - 1] === '\n') return true;
    i -= 1;
  }
  return i === 0 || /[.!?:»«"—–_-]/u.test(text[i - 1] ?? '');
}

const isCapitalised = (word: string | undefined): boolean => /^\p{Lu}/u.test(word ?? '');

/** A year in words needs `l'an`, or a cue word before it, and no counted noun after it (`deux mille euros`). */
function plausibleYearWords(text: string, match: RawMatch): boolean {
  const next = nextWord(text, match.end);
  if (QUANTITY_FOLLOWER_SET.has(next.toLowerCase()) || (/^\p{Ll}[\p{L}-]{2,}[sx]$/u.test(next) && !PLURAL_FUNCTION_WORD_SET.has(next.toLowerCase()))) return false;
  if (match.groups.det) return true;
  const prev = normalizeApostrophe(previousWord(text, match.start)).replace(/^[\p{L}]+'(?=\p{L})/u, '');
  return YEAR_CUE_SET.has(prev) && !QUANTITY_MODIFIERS_BEFORE_REGEX.test(before(text, match.start, 20));
}

/** Type-aware plausibility of a bare 4-digit year. */
function plausibleYear(text: string, match: RawMatch): boolean {
  if (match.groups.yearWords !== undefined) return plausibleYearWords(text, match);
  const year = Number(match.groups.year);
  if (match.groups.det) return year >= 1 && year <= 2999; // `l'année 2001`
  const yearStart = match.end - 4;
  // Thousands groups, decimals, signs, numbering: `12 2015`, `2015,5`, `n° 2015`, `+2015` (but `2002/2003` is a season).
  if (/\d[\s.,]$|[+°#№$€£]\s*$|(?<!\d{4})\/\s*$|n°\s*$/iu.test(before(text, yearStart, 6))) return false;
  if (/^(?:[.,]\d|\s\d{3}(?!\d)|\s?%|\s?€|\s?°)/u.test(after(text, match.end, 4))) return false;
  // `décret 2016-1088` is an identifier; `1982-1990` a range of years.
  const joined = /^[-/](\d{3,})/u.exec(after(text, match.end, 7));
  if (joined && !(joined[1]?.length === 4 && Number(joined[1]) > year && Number(joined[1]) <= year + 100)) return false;
  const next = nextWord(text, match.end);
  if (QUANTITY_FOLLOWER_SET.has(next.toLowerCase())) return false;
  // A lower-case plural word after the number counts something (`1930 canons`, `de 1068 gymnastes`).
  if (/^\p{Ll}[\p{L}-]{2,}[sx]$/u.test(next) && !PLURAL_FUNCTION_WORD_SET.has(next.toLowerCase())) return false;
  if (QUANTITY_MODIFIERS_BEFORE_REGEX.test(before(text, yearStart, 20))) return false;
  if (NUMBERED_ITEM_BEFORE_REGEX.test(before(text, yearStart, 40))) return false;
  const prev = previousWord(text, yearStart);
  // `qu'en 1814`, `lorsqu'en 1990`: the word after the elision is the cue.
  const prevLower = normalizeApostrophe(prev).replace(/^[\p{L}]+'(?=\p{L})/u, '');
  const cued = YEAR_CUE_SET.has(prevLower) || prevLower.endsWith("'") || CALENDAR_WORDS.has(prevLower);
  // A year right after a capitalised name or product (`l'AI Day 2022`, `Windows 2000`) names a thing.
  if (!cued && isCapitalised(prev) && !atSentenceStart(text, yearStart - prev.length - 1)) return false;
  return cued ? year >= 1000 && year <= 2199 : year >= 1900 && year <= 2099;
}

function plausibleBareMonth(text: string, match: RawMatch): boolean {
  const g = match.groups;
  if (g.year || g.year2 || g.shift || g.thisYear || g.det) return true;
  const word = g.month ?? '';
  // A bare capitalised month is often something else (`Mars` the planet); accept it after a cue.
  if (isCapitalised(word)) return MONTH_CUE_SET.has(normalizeApostrophe(previousWord(text, match.start)));
  // Abbreviations (`janv.`, `juil`) need a day or a year.
  return BARE_MONTH_SET.has(word.toLowerCase()) || (!word.endsWith('.') && word.length > 4);
}

function plausibleDuration(text: string, match: RawMatch): boolean {
  const g = match.groups;
  const unit = (g.unit ?? '').toLowerCase();
  const textBefore = before(text, match.start, 40);
  const count = (g.num ?? '').toLowerCase();
  if (unit === 'an' || unit === 'ans') {
    if (AGE_BEFORE.test(textBefore)) return false;
    // `publie, à 39 ans, son roman`: an age; `condamné à 10 ans de prison` stays a duration.
    if (/(?:^|[^\p{L}])à\s+$/iu.test(textBefore) && !AT_YEARS_DURATION_AFTER_REGEX.test(after(text, match.end, 8)) && !AT_YEARS_DURATION_BEFORE_REGEX.test(textBefore)) return false;
    // Apposition of an age: `Jean Dupont, 52 ans, …`; age brackets and lists: `les 6-16 ans`, `de 18, 24 et 26 ans`.
    if (/,\s*$/u.test(textBefore) && /^\s*(?:[,)]|\.(?!\d))/u.test(after(text, match.end, 3)) && !g.dmod) return false;
    if (/\d\s*(?:-|à|,|et)\s*$/u.test(textBefore) || /(?:^|[^\p{L}])les\s+$/iu.test(textBefore)) return false;
    // `de N ans` after a noun that is not a duration head is an age (`un chauffeur de bus de 38 ans`).
    const head = /([\p{L}'’]+)\s+de\s+$/iu.exec(textBefore);
    if (head && !g.dmod && !DURATION_HEAD_SET.has((head[1] ?? '').toLowerCase())) return false;
  }
  // `un jour, nous comprendrons`: "someday"; only a preposition or a quantity modifier makes `un jour` a duration.
  if (count === 'un' && unit === 'jour' && !g.dmod && !ONE_DAY_DURATION_BEFORE_REGEX.test(textBefore)) return false;
  // `une année électorale`, `une journée noire`: a kind of period, not a length of time.
  if ((count === 'un' || count === 'une') && QUALIFIED_PERIOD_AFTER_REGEX.test(after(text, match.end, 20))) return false;
  // `un jour de grande forme`, `une fois que…`: not durations.
  if ((count === 'un' || count === 'une') && (unit === 'jour' || unit === 'fois') && ONE_DAY_NOT_DURATION_AFTER_REGEX.test(after(text, match.end, 6))) return false;
  // `5 000 années-lumière` is a distance; a number glued to a larger one (`1 000`) was read whole or not at all.
  if (/^-\p{L}/u.test(after(text, match.end, 2))) return false;
  if (/\d[\s.,]$/u.test(before(text, match.start, 2))) return false;
  // `des Journées du patrimoine`: a capitalised unit belongs to a name; `des heures scolaires` counts nothing.
  if (g.vague !== undefined && isCapitalised(g.unit)) return false;
  if (g.vague?.toLowerCase() === 'des' && NO_VAGUE_UNIT_SET.has(unit)) return false;
  // `une seconde fois` is an ordinal, not one second.
  if (unit === 'seconde' && count === 'une') {
    const next = nextWord(text, match.end).toLowerCase();
    if (next !== '' && !AFTER_SECONDE_SET.has(next)) return false;
  }
  return true;
}

function plausibleSeason(text: string, match: RawMatch): boolean {
  const g = match.groups;
  if (g.year || g.shift) return true;
  const prev = normalizeApostrophe(previousWord(text, match.start));
  // `les Jeux d'hiver`, `sports d'hiver` name things.
  if (prev.endsWith("d'") || /d['’]$/u.test(before(text, match.start, 2))) return false;
  // `le printemps de Bourges` names an event.
  if (SEASON_NAME_AFTER_REGEX.test(after(text, match.end, 5)) && !SEASON_YEAR_AFTER_REGEX.test(after(text, match.end, 14))) return false;
  // A capitalised season inside a sentence names something (`le Printemps arabe`, `le Printemps` the store).
  if (isCapitalised(g.season) && !atSentenceStart(text, match.start)) return false;
  if (g.det) return true;
  const season = g.season ?? '';
  if (season.length > 1 && season === season.toUpperCase() && !SEASON_CUE_SET.has(prev)) return false; // all-caps headline
  // `été` is mostly the past participle of `être`.
  if (['été', 'ete', 'eté'].includes(season.toLowerCase())) return SEASON_CUE_SET.has(prev) || isCapitalised(season);
  return true;
}

/** Rejects matches that the regexes alone cannot judge (may also annotate `match.groups` for the normalizer). */
export function accept(text: string, match: RawMatch): boolean {
  const g = match.groups;
  switch (match.kind) {
    case 'year':
      return plausibleYear(text, match);
    case 'monthYear':
      return plausibleBareMonth(text, match);
    case 'duration':
    case 'durationRange': // judged as its second part in the range's context (`les enfants de 2 à 8 ans` are ages)
      return plausibleDuration(text, match);
    case 'ahead':
      // `dans une année électorale`: "in N time" says `dans un an`, not `dans une année`.
      if (/^une?$/iu.test(g.num ?? '') && /^(?:année|journée)s?$/iu.test(g.unit ?? '')) return false;
      return !AHEAD_NOT_DATE_AFTER_REGEX.test(after(text, match.end, 8));
    case 'season':
      return plausibleSeason(text, match);
    case 'partOfDay': {
      const part = (g.part ?? '').toLowerCase();
      const det = (g.det ?? '').toLowerCase();
      if ((part === 'journée' || part === 'journee') && det !== 'ce' && det !== 'cette') return DAYTIME_BEFORE_REGEX.test(before(text, match.start, 6));
      return true;
    }
    case 'reference': {
      // `prochain`, `précédent` as adjectives need a determiner (`le prochain mariage`) or to close a noun phrase.
      if (!/^(?:prochain|précédent)/iu.test(g.ref ?? '')) return true;
      const prev = normalizeApostrophe(previousWord(text, match.start));
      return DETERMINER_SET.has(prev) || isCapitalised(g.ref) || (/^\p{Ll}/u.test(prev) && /^\s*[,.;]/u.test(after(text, match.end, 2)));
    }
    case 'frequency':
      // `le quotidien Le Monde`, `l'hebdomadaire satirique` are newspapers.
      return !(NEWSPAPER_SET.has((g.freq ?? '').toLowerCase()) && DETERMINER_SET.has(normalizeApostrophe(previousWord(text, match.start))));
    case 'holiday': {
      if (!g.year && /^\s+\p{Lu}\p{Ll}/u.test(after(text, match.end, 4)) && !atSentenceStart(text, match.end + 1)) return false;
      // `Noël Mamère`, `Toussaint Louverture`: a bare ambiguous feast needs a preposition or a feast word before it.
      if (AMBIGUOUS_FEAST_SET.has((g.holiday ?? '').toLowerCase()) && !g.year && !g.shift && !g.det) return FEAST_CUES_BEFORE_REGEX.test(before(text, match.start, 20));
      return true;
    }
    case 'weekday':
      // `le Vendredi saint` is a feast, `le Journal du Dimanche` a newspaper: French writes weekdays in lower case,
      // so a capitalised one inside a sentence belongs to a name.
      if (WEEKDAY_FEAST_AFTER_REGEX.test(after(text, match.end, 7))) return false;
      return !(/^\p{Lu}\p{Ll}/u.test(g.weekday ?? '') && !atSentenceStart(text, match.start));
    case 'contextDay':
      // `l'arbitre veille au respect…`: without an article (`la veille`, `au lendemain`) it is a verb or a noun.
      if (!g.det && !['au', 'du', 'dès', 'le', 'la'].includes(previousWord(text, match.start).toLowerCase()) && /^(?:veille|lendemain|surlendemain)$/iu.test(g.rel ?? '')) return false;
      // `au lendemain de l'élection` is relative to an event, not to the latest date (the normalizer leaves it null).
      if (EVENT_ANCHOR_AFTER_REGEX.test(after(text, match.end, 5))) g.ofEvent = '1';
      return true;
    default:
      return true;
  }
}
