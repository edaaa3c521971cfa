/**
 * Turns the data rules of src/rules/fr/ into compiled regular expressions: placeholders such as `{MONTH}`
 * become alternations of the lexicon's keys (longest first, so `juillet` is tried before `juil`).
 */
import {
  DAY_OFFSETS,
  EASTER_HOLIDAYS,
  FIXED_HOLIDAYS,
  DURATION_MODIFIERS,
  DURATION_NOUNS,
  DURATION_UNITS,
  FREQUENCY_WORDS,
  MODIFIERS,
  MONTHS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  PARTS_OF_DAY,
  REFERENCE_WORDS,
  SEASONS,
  SHIFT_WORDS,
  TEMPORAL_ADJECTIVES,
  VAGUE_QUANTITIES,
  WEEKDAYS,
} from '../rules/fr/dates-lexicon.js';
import { APOSTROPHE_CLASS } from '../rules/fr/orthography.js';
import { DATE_RULES, FUTURE_AUXILIARY_BEFORE, FUTURE_CUES, MODIFIER_PREFIX, PAST_CUES, PAST_PARTICIPLE_BEFORE, type DateRule } from '../rules/fr/dates-patterns.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of words, longest first; apostrophes, hyphens and spaces match their common variants. */
function alternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return `(?:${unique.map((word) => escapeRegExp(word).replace(/'/g, APOSTROPHE_CLASS).replace(/ /g, '\\s+').replace(/-/g, '[-‐\\s]')).join('|')})`;
}

const NUMBER_WORD = alternation(Object.keys(NUMBER_WORDS));

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  B: '(?<![\\p{L}\\p{N}_])',
  E: '(?![\\p{L}\\p{N}_])',
  AP: APOSTROPHE_CLASS,
  MONTH: alternation(Object.keys(MONTHS).filter((m) => m !== 'sept')),
  WEEKDAY: alternation(Object.keys(WEEKDAYS)),
  SEASON: alternation(Object.keys(SEASONS)),
  PART: alternation(Object.keys(PARTS_OF_DAY)),
  SHIFT: alternation(Object.keys(SHIFT_WORDS)),
  SHIFTBEFORE: alternation(['dernière', 'dernier', 'prochaine', 'prochain', 'derniere']),
  DAYOFFSET: alternation(Object.keys(DAY_OFFSETS)),
  ORDINAL: alternation(Object.keys(ORDINAL_WORDS)),
  // A year written in words (`deux mille treize`, `mille neuf cent quatre-vingt-dix-huit`), as in transcripts.
  YEARWORDS: `(?:deux\\s+mille|mil(?:le)?\\s+(?:neuf|huit|sept)\\s+cents?)(?:(?:-|\\s+)(?:et(?:-|\\s+))?${NUMBER_WORD}){0,4}`,
  // A day of the month written in words (`le vingt-quatre novembre`).
  DAYWORDS: `(?:premier|${NUMBER_WORD}(?:(?:-|\\s+)(?:et(?:-|\\s+))?${NUMBER_WORD}){0,2})`,
  // A number: digits (grouped thousands `5 000`, a decimal part) or number words joined by hyphens/spaces (`vingt-cinq`, `soixante et onze`).
  NUM: `(?:\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})+|\\d{1,4}(?:[,.]\\d{1,3})?|${NUMBER_WORD}(?:(?:-|\\s+)(?:et(?:-|\\s+))?${NUMBER_WORD}){0,4})`,
  UNIT: alternation(Object.keys(DURATION_UNITS)),
  DNOUN: alternation(Object.keys(DURATION_NOUNS)),
  // `un demi-siècle`, `un quart d'heure`: the article is part of the quantity.
  DNOUNFRACTION: alternation(Object.keys(DURATION_NOUNS).filter((n) => /^(?:demi|quart)/.test(n))),
  DMOD: alternation(Object.keys(DURATION_MODIFIERS)),
  VAGUE: alternation(VAGUE_QUANTITIES),
  MOD: alternation(Object.keys(MODIFIERS)),
  REF: alternation(Object.keys(REFERENCE_WORDS)),
  FREQ: alternation(Object.keys(FREQUENCY_WORDS)),
  TADJ: alternation(Object.keys(TEMPORAL_ADJECTIVES)),
  HOLIDAY: alternation([...Object.keys(FIXED_HOLIDAYS), ...Object.keys(EASTER_HOLIDAYS)]),
};

/** Expands `{NAME}` placeholders (repeatedly, since fragments may contain placeholders). */
export function expandPlaceholders(source: string): string {
  let out = source;
  for (let pass = 0; pass < 3 && out.includes('{'); pass += 1) {
    out = out.replace(/\{([A-Z]+)\}/g, (whole, name: string) => PLACEHOLDERS[name] ?? whole);
  }
  return out;
}

export interface CompiledRule {
  rule: DateRule;
  regex: RegExp;
  /** Cheap pre-check (see DateRule.guard), or null. */
  guard: RegExp | null;
}

export const COMPILED_RULES: readonly CompiledRule[] = DATE_RULES.map((rule) => ({
  rule,
  regex: new RegExp(expandPlaceholders(rule.pattern), 'giud'),
  guard: rule.guard ? new RegExp(expandPlaceholders(rule.guard), 'iu') : null,
}));

/** Anchored at the end of the text just before a candidate. */
export const MODIFIER_PREFIX_REGEX = new RegExp(expandPlaceholders(MODIFIER_PREFIX), 'iu');

export const FUTURE_CUE_REGEX = new RegExp(FUTURE_CUES, 'giu');

export const PAST_CUE_REGEX = new RegExp(PAST_CUES, 'giu');

export const PAST_PARTICIPLE_BEFORE_REGEX = new RegExp(PAST_PARTICIPLE_BEFORE, 'iu');

export const FUTURE_AUXILIARY_BEFORE_REGEX = new RegExp(FUTURE_AUXILIARY_BEFORE, 'iu');

/** Value of a number written in digits or words (`vingt-cinq` → 25, `30,4` → 30.4); null if unreadable. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,3}(?:[\u00a0\u202f ]\d{3})+$/u.test(trimmed)) return Number(trimmed.replace(/[\u00a0\u202f ]/gu, ''));
  // `5.000 heures`: a dot before exactly three digits groups thousands (decimals take a comma in French).
  if (/^\d{1,3}\.\d{3}$/u.test(trimmed)) return Number(trimmed.replace('.', ''));
  if (/^\d+(?:[,.]\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  // Additive reading (`soixante-dix` = 60 + 10, `vingt et un`); `cent`/`mille` multiply what precedes them;
  // `quatre-vingt(s)` is one word worth 80.
  let total = 0;
  let current = 0;
  for (const part of trimmed.replace(/quatre[-\s]+vingts?/gu, 'quatrevingt').split(/[-\s]+/u)) {
    if (part === 'et' || part === '') continue;
    const value = part === 'quatrevingt' ? 80 : NUMBER_WORDS[part];
    if (value === undefined) return null;
    if (value === 100) current = (current || 1) * 100;
    else if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += value;
  }
  return total + current;
}
