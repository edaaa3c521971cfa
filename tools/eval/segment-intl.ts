/**
 * The alternative engine measured against src/segment/sentences.ts: `Intl.Segmenter('fr', {granularity: 'sentence'})`
 * (ICU's sentence rules) with the repairs French news needs, driven by the same lexicon
 * (src/rules/fr/segmentation.ts). Kept for the comparison printed by `npm run eval:segment`; the pipeline does not use it.
 *
 * Repairs: run ICU per paragraph (V8's segmenter is quadratic on long strings, and a line break that is followed by a
 * capital ends a sentence), move a leading closing quote back to the sentence it closes and a trailing opening quote
 * forward to the sentence it opens, drop ICU's boundaries after abbreviations and initials, and add the boundaries of
 * glued sentences (`urbain.Le`, `Tesla ?Quelles`) that ICU cannot see.
 */
import type { Span } from '../../src/document.js';
import {
  CLOSING_PUNCTUATION,
  FINAL_CAPABLE_ABBREVIATIONS,
  OPENING_PUNCTUATION,
  PREFIX_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
} from '../../src/rules/fr/segmentation.js';

const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });
const NO_BREAK_AFTER = new Set([...TITLE_ABBREVIATIONS, ...PREFIX_ABBREVIATIONS]);
const NO_BREAK_AFTER_LOWER = new Set(PREFIX_ABBREVIATIONS.filter((a) => a.length > 1).map((a) => a.toLowerCase()));
const FINAL_CAPABLE = new Set(FINAL_CAPABLE_ABBREVIATIONS);
const INITIALS = /^\p{Lu}(?:\.-?\p{Lu})*$/u;
/** A glued sentence start after `.`, `?`, `!` or `…`, as in the rule engine (without its exceptions for addresses). */
const GLUED = /(?<=[\p{L}\d»”)][.!?…]|[?!]|\.\.\.)(?=«|\p{Lu}[\p{Ll}'’])/gu;
const PARAGRAPH = /\r?\n[ \t\f\v\u00a0]*(?:\r?\n\s*)?(?=\S)/g;

/** Raw ICU segmentation of a region: segment starts, trimmed, nothing else. The baseline of the comparison. */
export function segmentSentencesIntlRaw(text: string, region: Span): Span[] {
  const cuts: number[] = [];
  for (const part of paragraphs(text, region, false)) {
    for (const segment of segmenter.segment(text.slice(part.start, part.end))) cuts.push(part.start + segment.index);
  }
  return spansFromCuts(text, region, cuts);
}

export function segmentSentencesIntl(text: string, region: Span): Span[] {
  const cuts: number[] = [];
  for (const part of paragraphs(text, region, true)) {
    const local = text.slice(part.start, part.end);
    const partCuts = new Set<number>();
    for (const segment of segmenter.segment(local)) {
      if (segment.index === 0) continue;
      const cut = repairCut(local, segment.index);
      if (cut !== null) partCuts.add(cut);
    }
    for (const glued of local.matchAll(GLUED)) {
      if (!isGluedAbbreviation(local, glued.index)) partCuts.add(glued.index);
    }
    cuts.push(part.start, ...[...partCuts].sort((a, b) => a - b).map((c) => part.start + c));
  }
  return spansFromCuts(text, region, cuts);
}

/**
 * Paragraphs of the region. ICU alone only splits at a blank line (and at a single line break, which it treats as
 * a paragraph separator); the repaired variant also keeps a hard-wrapped line (next line lowercase) together.
 */
function paragraphs(text: string, region: Span, repaired: boolean): Span[] {
  const parts: Span[] = [];
  const local = text.slice(region.start, region.end);
  let from = 0;
  for (const br of local.matchAll(PARAGRAPH)) {
    const next = br.index + br[0].length;
    const blank = (br[0].match(/\n/g)?.length ?? 0) >= 2;
    if (repaired && !blank && /\p{Ll}/u.test(local[next] ?? '')) continue;
    parts.push({ start: region.start + from, end: region.start + next });
    from = next;
  }
  parts.push({ start: region.start + from, end: region.end });
  return parts;
}

/** Moves or drops one of ICU's boundaries (an index into `local`, where a segment starts). */
function repairCut(local: string, cut: number): number | null {
  let at = cut;
  // `fin. » Avec`: ICU starts the next segment with the closing quote.
  while (at < local.length && /\s/.test(local[at] ?? '')) at++;
  // A straight quote is closing only when no word follows it directly (`fin. " Il` vs `fin. "Il`).
  while (at < local.length && CLOSING_PUNCTUATION.includes(local[at] ?? '') && !(/["'’]/.test(local[at] ?? '') && /[\p{L}\p{N}]/u.test(local[at + 1] ?? ''))) {
    at++;
    while (at < local.length && /\s/.test(local[at] ?? '')) at++;
  }
  // `Optimus.« Il`: ICU ends the previous segment with the opening quote.
  let back = cut;
  while (back > 0 && /\s/.test(local[back - 1] ?? '')) back--;
  const opener = local[back - 1] ?? '';
  if (back > 0 && OPENING_PUNCTUATION.includes(opener) && !(/["']/.test(opener) && !/[\p{L}\p{N}]/u.test(local[back] ?? ''))) at = back - 1;
  if (/\p{Ll}/u.test(local[at] ?? '')) return null;
  // The word before the period, if the boundary follows a period.
  let end = at;
  while (end > 0 && /[\s»"”)]/.test(local[end - 1] ?? '')) end--;
  if (local[end - 1] !== '.' || local[end - 2] === '.') return at;
  let start = end - 1;
  while (start > 0 && !/\s/.test(local[start - 1] ?? '')) start--;
  const word = local.slice(start, end - 1).replace(/^[«"“(\[]+/, '');
  if (NO_BREAK_AFTER.has(word) || (word.length > 1 && NO_BREAK_AFTER_LOWER.has(word.toLowerCase()))) return null;
  if (FINAL_CAPABLE.has(word) && !/\p{Lu}|«/u.test(local[at] ?? '')) return null;
  if (INITIALS.test(word)) return null;
  return at;
}

function isGluedAbbreviation(local: string, cut: number): boolean {
  let start = cut - 1;
  while (start > 0 && !/\s/.test(local[start - 1] ?? '')) start--;
  const chunk = local.slice(start, cut - 1);
  return NO_BREAK_AFTER.has(chunk) || INITIALS.test(chunk) || /:\/\/|@|\/|^www\./i.test(chunk);
}

function spansFromCuts(text: string, region: Span, cuts: number[]): Span[] {
  const sorted = [...new Set([region.start, ...cuts, region.end])].filter((c) => c >= region.start && c <= region.end).sort((a, b) => a - b);
  const spans: Span[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    let s = sorted[i] ?? 0;
    let e = sorted[i + 1] ?? 0;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (s < e) spans.push({ start: s, end: e });
  }
  return spans;
}
