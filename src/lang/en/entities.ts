/**
 * English named entities with compromise: `people()` → PER, `places()` → LOC, `organizations()` → ORG, plus MISC from
 * demonyms (`German`, `American`) and this project's `MiscEntity` lexicon tag (src/rules/en/entities.ts, added to
 * compromise's lexicon once). Capitalized proper-noun runs that compromise leaves unclassified become MISC too (the
 * CoNLL catch-all class for names that are not a person, place or organization) — with a lower score.
 *
 * Offsets: compromise runs on one sentence's text at a time and reports each term's `[start, start + length)` inside it
 * (the term's own characters, without its surrounding punctuation and spaces), so a span is built from its first and
 * last terms and shifted by the sentence start: `text.slice(start, end)` is the name as written. Leading titles
 * (`Mr.`, `Dr.`), a trailing possessive (`IBM's` → `IBM`) and edge punctuation are left out; an abbreviation's final
 * period stays in (`Corp.`).
 */
import type { EntityLabel } from '../../vocabulary.js';
import type { Span } from '../../document.js';
import { NOT_ENTITIES, PERSON_TITLE_TAGS } from '../../rules/en/entities.js';
import { parseEnglish } from './parse.js';

export interface EnglishEntitySpan extends Span {
  label: EntityLabel;
  /** A prior for the span's source, not a probability: lexicon-classified 0.8, demonym 0.7, unclassified name 0.4. */
  score: number;
}

interface TermJson {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface MatchJson {
  terms: TermJson[];
}

const NOT_ENTITY = new Set(NOT_ENTITIES);
const TITLE_TAGS = new Set(PERSON_TITLE_TAGS);

/** The span of a run of terms inside the sentence, trimmed as the module comment says; null when nothing is left. */
function spanOf(terms: TermJson[], sentence: string): { start: number; end: number } | null {
  let first = 0;
  let last = terms.length - 1;
  while (first <= last && terms[first]!.tags.some((t) => TITLE_TAGS.has(t))) first += 1;
  if (first > last) return null;
  const a = terms[first]!;
  const b = terms[last]!;
  let start = a.offset.start;
  let end = b.offset.start + b.offset.length;
  // compromise sometimes keeps a possessive or quote in the term text.
  const own = sentence.slice(start, end);
  const possessive = /['’]s$/.exec(own);
  if (possessive) end -= possessive[0].length;
  while (start < end && /[\s"'“”‘’(«]/u.test(sentence[start] ?? '')) start += 1;
  while (end > start && /[\s"'“”‘’),;:!?»]/u.test(sentence[end - 1] ?? '')) end -= 1;
  if (b.tags.includes('Abbreviation') && sentence[end] === '.') end += 1;
  if (end <= start) return null;
  const word = sentence.slice(start, end);
  if (NOT_ENTITY.has(word.toLowerCase()) || !/\p{Lu}|\d/u.test(word)) return null;
  return { start, end };
}

function matches(view: { json(options: object): unknown }): MatchJson[] {
  return view.json({ offset: true, terms: { offset: true } }) as MatchJson[];
}

/** PER/ORG/LOC/MISC spans in one sentence of `text`, as offsets into `text`, in text order, never overlapping. */
export function findEnglishEntities(text: string, sentence: Span): EnglishEntitySpan[] {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const doc = parseEnglish(sentenceText);
  const proposals: Array<EnglishEntitySpan & { rank: number }> = [];
  const add = (terms: TermJson[], label: EntityLabel, score: number, rank: number): void => {
    const span = spanOf(terms, sentenceText);
    if (span) proposals.push({ start: sentence.start + span.start, end: sentence.start + span.end, label, score, rank });
  };
  for (const m of matches(doc.organizations())) add(m.terms, 'ORG', 0.8, 0);
  for (const m of matches(doc.people())) add(m.terms, 'PER', 0.8, 1);
  for (const m of matches(doc.places())) add(m.terms, 'LOC', 0.8, 2);
  for (const m of matches(doc.match('#MiscEntity+'))) add(m.terms, 'MISC', 0.8, 3);
  for (const m of matches(doc.match('#Demonym'))) add(m.terms, 'MISC', 0.7, 4);
  // Unclassified names: runs of capitalized proper nouns compromise did not put in any class above.
  for (const m of matches(doc.match('#ProperNoun+'))) {
    const run: TermJson[] = [];
    const flush = (): void => {
      if (run.length > 0) add([...run], 'MISC', 0.4, 5);
      run.length = 0;
    };
    for (const [i, term] of m.terms.entries()) {
      const classified = term.tags.some((t) => t === 'Person' || t === 'Place' || t === 'Organization' || t === 'Demonym' || t === 'MiscEntity' || t === 'Honorific' || t === 'Date' || t === 'Month' || t === 'WeekDay');
      // A lone capital at the start of the sentence is just the first word (`Yesterday`, `Shares`).
      const sentenceInitial = term.offset.start === 0 || /^\s*$/.test(sentenceText.slice(0, term.offset.start).replace(/["“'‘(]/g, ''));
      if (classified || !/^\p{Lu}/u.test(term.text) || (sentenceInitial && m.terms.length === 1 && i === 0)) flush();
      else run.push(term);
    }
    flush();
  }
  // Longest first, then class rank: `New York Times` (ORG) over `New York` (LOC).
  proposals.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const kept: EnglishEntitySpan[] = [];
  for (const p of proposals) {
    if (kept.some((k) => k.start < p.end && p.start < k.end)) continue;
    kept.push({ start: p.start, end: p.end, label: p.label, score: p.score });
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
