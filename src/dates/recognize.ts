/**
 * French time-expression recognizer: finds TIMEX3 spans with the data rules of src/rules/fr/ and
 * normalizes them (src/dates/normalize.ts).
 *
 * Engine in three passes over one sentence (or any region of a text):
 * 1. every rule's regex proposes matches; plausibility filters reject numbers that are not years
 *    (`2000 euros`, `l'AI Day 2022`), capitalised `Mars`, ages (`un homme de 30 ans`)…;
 * 2. overlapping matches are resolved leftmost-longest (at equal length, the earlier rule wins);
 *    range matches (`du 19 au 23 juillet`) split into their two dates; modifier prefixes
 *    (`la fin de`, `début`, `mi-`, `vers`) extend DATE spans and set `mod`;
 * 3. values are computed in text order, so that a paragraph's context (latest explicit year, latest day)
 *    flows to later expressions.
 *
 * chrono-node 2.10.3's `fr` locale was measured on FR-TimeBank as a possible engine (`npm run eval:dates -- --engine
 * chrono`): strict F1 0.353, relaxed F1 0.656, value accuracy 0.442, seed gold 1/12 — it misses durations, sets, bare
 * years, seasons, decades and most relative expressions, and its spans leave out determiners. It is not used; the
 * recognizer below (strict F1 0.936, relaxed 0.959, value accuracy 0.920 at the time of writing) is this project's own.
 */
import type { Granularity, Span, TimexAnchor, TimexMod, TimexType } from '../document.js';
import { AFTER_SECONDE_DURATION, DURATION_HEADS, MODIFIERS, MONTHS, QUANTITY_FOLLOWERS, SEASONS, WEEKDAYS } from '../rules/fr/dates-lexicon.js';
import { YEAR_CUES, type RuleKind } from '../rules/fr/dates-patterns.js';
import { parsePartialDate } from './calendar.js';
import { COMPILED_RULES, FUTURE_AUXILIARY_BEFORE_REGEX, FUTURE_CUE_REGEX, MODIFIER_PREFIX_REGEX, PAST_CUE_REGEX, PAST_PARTICIPLE_BEFORE_REGEX } from './compile.js';
import { createDateContext, normalize, type DateContext, type Groups, type NormalizeEnv } from './normalize.js';

export interface TimexCandidate extends Span {
  text: string;
  type: TimexType;
  value: string | null;
  granularity: Granularity;
  mod: TimexMod | null;
  anchor: TimexAnchor;
}

export interface FindOptions {
  /** Publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) used for relative expressions, or null. */
  publication: string | null;
  /** Only this part of `text` is searched; offsets stay offsets into `text`. */
  region?: Span;
  /**
   * Paragraph context carried between calls (latest explicit year and day). Pass the same object for
   * consecutive sentences of a paragraph; it is updated in place. A fresh one is used when absent.
   */
  context?: DateContext;
}

export { createDateContext, type DateContext } from './normalize.js';

/**
 * Starts a new paragraph: a year read in the previous paragraph no longer dates year-less expressions, but the latest
 * day is kept (`Le même jour…`, clock times in a following paragraph still refer to it).
 */
export function startParagraph(context: DateContext): void {
  context.year = null;
  context.month = null;
}

interface RawMatch {
  rule: number;
  kind: RuleKind;
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
  /** Needs a modifier prefix to stand (`l'année` alone is not a date, `la fin de l'année` is). */
  needsModifier: boolean;
  mod: TimexMod | null;
}

const QUANTITY_FOLLOWER_SET = new Set(QUANTITY_FOLLOWERS);
const YEAR_CUE_SET = new Set(YEAR_CUES);
const DURATION_HEAD_SET = new Set(DURATION_HEADS);
const AFTER_SECONDE_SET = new Set(AFTER_SECONDE_DURATION);
const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes']);
const SEASON_CUES = new Set(['en', 'pendant', 'durant', 'depuis', 'dès', "jusqu'en", 'tout', 'cet', 'bel', 'comme', 'chaque']);
const CALENDAR_WORDS = new Set([...Object.keys(MONTHS), ...Object.keys(WEEKDAYS), ...Object.keys(SEASONS)]);
const AGE_NOUNS = /(?:^|[^\p{L}])(?:âgée?s?|agée?s?|homme|femme|fille|fillette|garçon|garçonnet|enfant|bébé|jeune|adolescente?|retraitée?|lycéenne?|étudiante?|mère|père|victime|conducteur|conductrice|automobiliste|motard|piéton|quinquagénaire|sexagénaire|septuagénaire|octogénaire|nonagénaire|âgée?s?|l'âge|l’âge)\s+(?:de\s+|d['’])?$/iu;

function previousWord(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 40), index);
  const match = /([\p{L}\p{N}'’-]+)[\s]*$/u.exec(before);
  return match?.[1] ?? '';
}

function nextWord(text: string, index: number): string {
  const match = /^\s*([^\s,;:.!?()«»"]+)/u.exec(text.slice(index, index + 40));
  return match?.[1] ?? '';
}

/** Type-aware plausibility of a bare 4-digit year. */
function plausibleYear(text: string, match: RawMatch): boolean {
  const year = Number(match.groups.year);
  if (match.groups.det) return year >= 1 && year <= 2999; // `l'année 2001`, `cette saison 2002`
  const yearStart = match.end - 4;
  const before = text.slice(Math.max(0, yearStart - 6), yearStart);
  const after = text.slice(match.end, match.end + 4);
  // Thousands groups, decimals, signs, numbering: `12 2015`, `2015,5`, `n° 2015`, `+2015` (but `2002/2003` is a season).
  if (/\d[\s.,]$|[+°#№$€£]\s*$|(?<!\d{4})\/\s*$|n°\s*$/iu.test(before)) return false;
  if (/^(?:[.,]\d|\s\d{3}(?!\d)|\s?%|\s?€|\s?°)/u.test(after)) return false;
  const next = nextWord(text, match.end).toLowerCase();
  if (QUANTITY_FOLLOWER_SET.has(next)) return false;
  const prev = previousWord(text, yearStart);
  const prevLower = prev.toLowerCase().replace(/’/g, "'");
  const cued = YEAR_CUE_SET.has(prevLower) || prevLower.endsWith("'") || CALENDAR_WORDS.has(prevLower);
  // A year right after a capitalised name or product (`l'AI Day 2022`, `Windows 2000`) names a thing.
  if (!cued && /^\p{Lu}/u.test(prev) && !/[.!?:]\s*$/u.test(text.slice(Math.max(0, yearStart - prev.length - 3), yearStart - prev.length))) {
    return false;
  }
  if (cued) return year >= 1000 && year <= 2199;
  return year >= 1900 && year <= 2099;
}

/** Rejects matches that the regexes alone cannot judge. */
function accept(text: string, match: RawMatch): boolean {
  switch (match.kind) {
    case 'year':
      return plausibleYear(text, match);
    case 'monthYear': {
      const g = match.groups;
      if (g.year || g.year2 || g.shift || g.thisYear || g.det) return true;
      const word = g.month ?? '';
      // A bare capitalised month is often something else (`Mars` the planet); accept it after a cue.
      if (/^\p{Lu}/u.test(word)) {
        const prev = previousWord(text, match.start).toLowerCase();
        return ['en', 'de', 'depuis', 'dès', 'fin', 'début', 'mi', 'courant', "jusqu'en", 'jusqu’en'].includes(prev);
      }
      // `mai` / `mars` are also common words elsewhere only in fixed phrases; abbreviations need a number.
      return !word.endsWith('.') && word.length > 4 || ['mai', 'mars', 'juin', 'août', 'aout'].includes(word.toLowerCase());
    }
    case 'duration': {
      const unit = (match.groups.unit ?? '').toLowerCase();
      const before = text.slice(Math.max(0, match.start - 40), match.start);
      if (unit === 'an' || unit === 'ans') {
        if (AGE_NOUNS.test(before)) return false;
        // `publie, à 39 ans, son roman`: an age; `condamné à 10 ans de prison` stays a duration.
        if (/(?:^|[^\p{L}])à\s+$/iu.test(before) && !/^\s+(?:de|d['’]|ferme|avec)(?![\p{L}])/iu.test(text.slice(match.end, match.end + 8)) && !/(?:condamnée?s?|peine|jusqu['’]|ici)\s+à\s+$/iu.test(before)) return false;
        // Apposition of an age: `Jean Dupont, 52 ans, …`; age brackets: `les 6-16 ans`, `de 2 à 8 ans`, `les moins de 17 ans`.
        if (/,\s*$/u.test(before) && /^\s*(?:[,)]|\.(?!\d))/u.test(text.slice(match.end, match.end + 3)) && !match.groups.dmod) return false;
        if (/\d\s*(?:-|à|,|et)\s*$/u.test(before) || /(?:^|[^\p{L}])les\s+$/iu.test(before)) return false;
        // `de N ans` after a noun that is not a duration head is an age (`un chauffeur de bus de 38 ans`).
        const ofMatch = /([\p{L}'’]+)\s+de\s+$/iu.exec(before);
        if (ofMatch && !match.groups.dmod && !DURATION_HEAD_SET.has((ofMatch[1] ?? '').toLowerCase())) return false;
      }
      // `un jour, nous comprendrons`: "someday"; only a preposition or quantity modifier makes `un jour` a duration.
      if (/^un$/iu.test(match.groups.num ?? '') && unit === 'jour' && !match.groups.dmod && !/(?:pendant|durant|en|pour|depuis|après|de|d['’]|sur|dans|avant|plus|moins)\s*$/iu.test(before)) return false;
      // `un jour de grande forme`, `un jour où…`: "one day", not a duration.
      if (/^(?:un|une)$/iu.test(match.groups.num ?? '') && (unit === 'jour' || unit === 'fois') && /^\s+(?:de|d['’]|où|que|qui)(?![\p{L}])/iu.test(text.slice(match.end, match.end + 6))) return false;
      // `5 000 années-lumière` is a distance; a number glued to a larger one (`1 000`) was read whole or not at all.
      if (/^-\p{L}/u.test(text.slice(match.end, match.end + 2))) return false;
      if (/\d[\s.,]$/u.test(text.slice(Math.max(0, match.start - 2), match.start))) return false;
      // `des Journées du patrimoine`: a capitalised unit belongs to a name.
      if (match.groups.vague !== undefined && /^\p{Lu}/u.test(match.groups.unit ?? '')) return false;
      if (match.groups.vague?.toLowerCase() === 'des' && ['heure', 'heures', 'minutes', 'secondes', 'seconde', 'minute'].includes(unit)) return false;
      if (unit === 'seconde' && /^une$/iu.test(match.groups.num ?? '')) {
        // `une seconde fois` is an ordinal, not one second.
        const next = nextWord(text, match.end).toLowerCase();
        if (next !== '' && !AFTER_SECONDE_SET.has(next)) return false;
      }
      return true;
    }
    case 'ahead':
      // `dans un jour de grande forme` is not a date.
      return !/^\s+(?:de|d['’]|où|que|qui|sans|comme)(?![\p{L}])/iu.test(text.slice(match.end, match.end + 8));
    case 'season': {
      const g = match.groups;
      if (g.year || g.shift) return true;
      const prev = previousWord(text, match.start).toLowerCase().replace(/’/g, "'");
      // `les Jeux d'hiver`, `sports d'hiver` name things.
      if (prev.endsWith("d'") || /d['’]$/u.test(text.slice(Math.max(0, match.start - 2), match.start))) return false;
      // `le Printemps de l'environnement`, `le printemps de Bourges` name events.
      if (/^\s+(?:de|du|des|d['’])(?![\p{L}])/iu.test(text.slice(match.end, match.end + 5)) && !/^\s+de\s+(?:cette|l['’]an)/iu.test(text.slice(match.end, match.end + 14))) return false;
      // A capitalised season inside a sentence names something (`le Printemps arabe`, `le Printemps` the store).
      if (/^\p{Lu}/u.test(g.season ?? '') && !atSentenceStart(text, match.start)) return false;
      if (g.det) return true;
      const word = (g.season ?? '').toLowerCase();
      if ((g.season ?? '').length > 1 && g.season === g.season?.toUpperCase() && !SEASON_CUES.has(prev)) return false; // all-caps headline word
      // `été` is mostly the past participle of `être`.
      if (word === 'été' || word === 'ete' || word === 'eté') return SEASON_CUES.has(prev) || /^\p{Lu}/u.test(g.season ?? '');
      return true;
    }
    case 'partOfDay': {
      const part = (match.groups.part ?? '').toLowerCase();
      const det = (match.groups.det ?? '').toLowerCase();
      if ((part === 'journée' || part === 'journee') && !['ce', 'cette'].includes(det)) {
        return /dans\s+$/iu.test(text.slice(Math.max(0, match.start - 6), match.start));
      }
      return true;
    }
    case 'reference': {
      const word = (match.groups.ref ?? '').toLowerCase();
      if (/^(?:prochain|précédent)/u.test(word)) {
        const prev = previousWord(text, match.start).toLowerCase().replace(/’/g, "'");
        return DETERMINERS.has(prev) || /^\p{Lu}/u.test(match.groups.ref ?? '') || /^\p{Ll}/u.test(prev) && !DETERMINERS.has(prev) && /^\s*[,.;]/u.test(text.slice(match.end, match.end + 2));
      }
      return true;
    }
    case 'frequency': {
      const word = (match.groups.freq ?? '').toLowerCase();
      if (word === 'quotidien' || word === 'mensuel' || word === 'hebdomadaire') {
        // `le quotidien Le Monde` is a newspaper.
        const prev = previousWord(text, match.start).toLowerCase();
        if (['le', 'un', 'du', 'au', 'ce', 'cet', "l'", 'l’', 'les', 'des', 'notre', 'votre', 'leur', 'son'].includes(prev)) return false;
      }
      return true;
    }
    case 'holiday': {
      const word = (match.groups.holiday ?? '').toLowerCase();
      if (!match.groups.year && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(match.end, match.end + 4)) && !atSentenceStart(text, match.end + 1)) return false;
      if (['noël', 'noel', 'pâques', 'paques', 'toussaint', 'pentecôte', 'pentecote'].includes(word) && !match.groups.year && !match.groups.shift && !match.groups.det) {
        // `Noël Mamère`, `Pâques` as a name: a bare feast needs a preposition or a feast word before it.
        return /(?:^|[^\p{L}])(?:à|a|de|d['’]|depuis|avant|après|pour|dès|jusqu['’]à|pendant|durant|fêtes\s+de|jour\s+de|veille\s+de|lendemain\s+de|réveillon\s+de|vacances\s+de|week-end\s+de|semaine\s+de|lundi\s+de)\s*$/iu.test(text.slice(Math.max(0, match.start - 20), match.start));
      }
      return true;
    }
    case 'weekday':
      // `le Vendredi saint` is a feast, `le Journal du Dimanche` a newspaper: French writes weekdays in lower case,
      // so a capitalised one inside a sentence belongs to a name.
      if (/^\s+saint(?![\p{L}])/iu.test(text.slice(match.end, match.end + 7))) return false;
      return !(/^\p{Lu}\p{Ll}/u.test(match.groups.weekday ?? '') && !atSentenceStart(text, match.start));
    case 'contextDay':
      // `au lendemain de l'élection` is relative to an event, not to the latest date: kept, but see normalizer.
      if (/^\s+d(?:e|u|es)\s|^\s+d['’]/iu.test(text.slice(match.end, match.end + 5))) match.groups.ofEvent = '1';
      return true;
    default:
      return true;
  }
}

/** Whether `index` starts a sentence, a line or a quotation. */
function atSentenceStart(text: string, index: number): boolean {
  let i = index;
  while (i > 0 && /\s/u.test(text[i - 1] ?? '')) {
    if (text[i - 1] === '\n') return true;
    i -= 1;
  }
  return i === 0 || /[.!?:»«"—–_-]/u.test(text[i - 1] ?? '');
}

function groupsOf(exec: RegExpExecArray): Record<string, string | undefined> {
  return { ...(exec.groups ?? {}) };
}

/** Pass 1: all rule matches in `text[from, to)`. */
function collectMatches(text: string, from: number, to: number): RawMatch[] {
  const slice = text.slice(from, to);
  const out: RawMatch[] = [];
  for (let r = 0; r < COMPILED_RULES.length; r += 1) {
    const compiled = COMPILED_RULES[r];
    if (!compiled) continue;
    if (compiled.guard && !compiled.guard.test(slice)) continue;
    const regex = compiled.regex;
    regex.lastIndex = 0;
    let exec: RegExpExecArray | null;
    while ((exec = regex.exec(slice)) !== null) {
      if (exec[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const start = from + exec.index;
      const end = start + exec[0].length;
      const raw: RawMatch = { rule: r, kind: compiled.rule.kind, start, end, groups: groupsOf(exec), needsModifier: false, mod: null };
      if (raw.kind === 'relativeUnit') {
        const det = (raw.groups.det ?? '').toLowerCase();
        const demonstrative = det === 'ce' || det === 'cet' || det === 'cette' || raw.groups.current !== undefined;
        raw.needsModifier = !raw.groups.shift && !demonstrative;
      }
      if (raw.kind === 'dayRange' || raw.kind === 'monthRange') splitRange(raw, exec, from, out);
      if (accept(text, raw)) out.push(raw);
    }
  }
  return out;
}

/** Stores the second part's indices on a range match so that selection can later split it. */
const RANGE_PARTS = new WeakMap<RawMatch, RawMatch[]>();

function splitRange(raw: RawMatch, exec: RegExpExecArray, from: number, _out: RawMatch[]): void {
  const indices = exec.indices?.groups;
  if (!indices) return;
  const restSpan = indices.rest;
  const firstKey = raw.kind === 'dayRange' ? 'day1' : 'month1';
  const firstSpan = indices[firstKey];
  if (!restSpan || !firstSpan) return;
  const g = raw.groups;
  const partKind: RuleKind = raw.kind === 'dayRange' ? 'date' : 'monthYear';
  const firstStart = g.det ? raw.start : from + firstSpan[0];
  const first: RawMatch = {
    rule: raw.rule,
    kind: partKind,
    start: firstStart,
    end: from + firstSpan[1],
    groups: raw.kind === 'dayRange'
      ? { day: g.day1, month: g.month, year: g.year, year2: g.year2, shift: g.shift }
      : { month: g.month1, year: g.year, year2: g.year2, shift: g.shift },
    needsModifier: false,
    mod: null,
  };
  const second: RawMatch = {
    rule: raw.rule,
    kind: partKind,
    start: from + restSpan[0],
    end: from + restSpan[1],
    groups: { ...g, det: undefined },
    needsModifier: false,
    mod: null,
  };
  RANGE_PARTS.set(raw, [first, second]);
}

/** Pass 2: leftmost-longest non-overlapping selection, then range splitting and modifier prefixes. */
function select(text: string, matches: RawMatch[], from: number): RawMatch[] {
  const ordered = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  const chosen: RawMatch[] = [];
  for (const m of ordered) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue;
    chosen.push(m);
  }
  chosen.sort((a, b) => a.start - b.start);
  const expanded: RawMatch[] = [];
  for (const m of chosen) {
    const parts = RANGE_PARTS.get(m);
    if (parts) expanded.push(...parts);
    else expanded.push(m);
  }
  const out: RawMatch[] = [];
  let previousEnd = from;
  for (const m of expanded) {
    const dateLike = m.kind !== 'time' && m.kind !== 'timeWord' && m.kind !== 'duration' && m.kind !== 'durationNoun'
      && m.kind !== 'set' && m.kind !== 'setPer' && m.kind !== 'frequency' && m.kind !== 'reference' && m.kind !== 'partOfDay'
      && m.kind !== 'ago' && m.kind !== 'ahead';
    if (dateLike) {
      const windowStart = Math.max(previousEnd, m.start - 40);
      const before = text.slice(windowStart, m.start);
      const prefix = MODIFIER_PREFIX_REGEX.exec(before);
      if (prefix?.groups?.mod) {
        const word = prefix.groups.mod.toLowerCase();
        const mod = MODIFIERS[word] ?? null;
        const boundaryOk = prefix.index === 0 ? windowStart === from || !/[\p{L}\p{N}]/u.test(text[windowStart - 1] ?? '') : !/[\p{L}\p{N}]/u.test(before[prefix.index - 1] ?? '');
        if (mod && boundaryOk && !(m.kind === 'weekday' && mod === 'APPROX')) {
          m.start = windowStart + prefix.index;
          m.mod = mod;
          m.needsModifier = false;
          m.groups.modifier = word;
        }
      }
    }
    if (m.needsModifier) continue;
    out.push(m);
    previousEnd = m.end;
  }
  return out;
}

/**
 * All time expressions of `text` (or of `options.region`), in text order, with TIMEX3 normalization.
 * Never throws on odd input: unparseable dates come back with `value: null` or not at all.
 */
export function findTimeExpressions(text: string, options: FindOptions): TimexCandidate[] {
  const from = Math.max(0, Math.min(options.region?.start ?? 0, text.length));
  const to = Math.max(from, Math.min(options.region?.end ?? text.length, text.length));
  if (to === from) return [];
  const context = options.context ?? createDateContext();
  let sentenceFuture: boolean | null = null;
  const env: NormalizeEnv = {
    publication: parsePartialDate(options.publication),
    context,
    tense: (start, end) => clauseTense(text, from, to, start, end) ?? ((sentenceFuture ??= hasCue(FUTURE_CUE_REGEX, text.slice(from, to))) ? 'future' : 'unknown'),
    span: { start: from, end: from },
  };
  const selected = select(text, collectMatches(text, from, to), from);
  const out: TimexCandidate[] = [];
  for (const m of selected) {
    env.span = { start: m.start, end: m.end };
    let normalized = normalize(m.kind, m.groups as Groups, env);
    if (!normalized) continue;
    if (m.kind === 'dayOffset' && normalized.type === 'DATE' && isGeneralToday(text, m, from)) {
      // Sentence-initial `Aujourd'hui, …` usually means "nowadays", not the publication day.
      normalized = { type: 'TIME', value: 'PRESENT_REF', granularity: 'ref', mod: null, anchor: 'absolute' };
    }
    const mod = m.mod ?? normalized.mod;
    out.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), ...normalized, mod });
    updateContext(context, normalized.type, normalized.value);
  }
  return out;
}

/** Bounds of the clause holding `[start, end)`: between the nearest punctuation marks around it, inside `[from, to)`. */
function clauseBounds(text: string, from: number, to: number, start: number, end: number): { left: number; right: number } {
  // Capped at 150 characters each side so that punctuation-free input stays linear.
  const minLeft = Math.max(from, start - 150);
  const maxRight = Math.min(to, end + 150);
  let left = start;
  while (left > minLeft && !/[,;:«»()"]/u.test(text[left - 1] ?? '')) left -= 1;
  let right = end;
  while (right < maxRight && !/[,;:«»()".!?]/u.test(text[right] ?? '')) right += 1;
  return { left, right };
}

function hasCue(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}

/** Offsets (relative to `text`) where each match of a global cue regex ends. */
function cueEnds(regex: RegExp, text: string): number[] {
  const ends: number[] = [];
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) ends.push(m.index + m[0].length);
  return ends;
}

/**
 * Tense of the clause around an expression, from the verb cue nearest to it: a participle right before it
 * (`annoncées mercredi`, but `sera opéré mardi` is future), else the last cue before it in the clause, else the first
 * one after it; null when the clause has none.
 */
function clauseTense(text: string, from: number, to: number, start: number, end: number): 'past' | 'future' | null {
  const before = text.slice(Math.max(from, start - 40), start);
  if (PAST_PARTICIPLE_BEFORE_REGEX.test(before)) return FUTURE_AUXILIARY_BEFORE_REGEX.test(before) ? 'future' : 'past';
  const { left, right } = clauseBounds(text, from, to, start, end);
  const clause = text.slice(left, right);
  const at = start - left;
  const future = cueEnds(FUTURE_CUE_REGEX, clause);
  const past = cueEnds(PAST_CUE_REGEX, clause);
  const lastBefore = (ends: number[]) => Math.max(-1, ...ends.filter((e) => e <= at));
  const fb = lastBefore(future);
  const pb = lastBefore(past);
  if (fb >= 0 || pb >= 0) return fb > pb ? 'future' : 'past';
  const firstAfter = (ends: number[]) => Math.min(Infinity, ...ends.filter((e) => e > at));
  const fa = firstAfter(future);
  const pa = firstAfter(past);
  if (fa === Infinity && pa === Infinity) return null;
  return fa < pa ? 'future' : 'past';
}

function isGeneralToday(text: string, m: RawMatch, from: number): boolean {
  if (!/^aujourd['’]hui$/iu.test(m.groups.offset ?? '') || m.groups.weekday) return false;
  const before = text.slice(from, m.start);
  return !/[\p{L}\p{N}]/u.test(before) && /^\s*,/u.test(text.slice(m.end, m.end + 2));
}

function updateContext(context: DateContext, type: TimexType, value: string | null): void {
  if ((type !== 'DATE' && type !== 'TIME') || value === null) return;
  const year = /^(\d{4})(?:-(\d{2}))?(?:$|-)/.exec(value);
  if (type === 'DATE' && year) {
    context.year = Number(year[1]);
    context.month = year[2] ? Number(year[2]) : null;
  }
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value);
  if (day?.[1]) context.day = day[1];
}
