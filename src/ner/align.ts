/**
 * Character side of the NER runtime: the model sees a normalized copy of each sentence (NFC, ASCII
 * apostrophes, plain spaces, invisible characters removed), split into words; every word keeps the
 * `[start, end)` of the ORIGINAL text it came from, so spans found by the model map back exactly.
 * Pure functions, no model needed.
 */
import { ELIDED_WORDS, WHOLE_APOSTROPHE_WORDS } from '../rules/fr/orthography.js';
import { APOSTROPHES, INVISIBLE, SPACES } from './contract.js';

/** A normalized text and, for each of its UTF-16 units, the original range it stands for. */
export interface NormalizedText {
  text: string;
  origStart: Int32Array;
  origEnd: Int32Array;
}

/** A word as the model sees it (`text`, normalized) with its range in the original text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const APOSTROPHE_SET: ReadonlySet<string> = new Set(APOSTROPHES);
const ELIDED: ReadonlySet<string> = new Set(ELIDED_WORDS);
const WHOLE: ReadonlySet<string> = new Set(WHOLE_APOSTROPHE_WORDS);

/** What happens to a base character (cached per code point: a news text uses few distinct ones). */
const enum BaseKind {
  Keep,
  Drop,
  Space,
  Apostrophe,
  Normalize,
}

const baseKinds = new Map<number, BaseKind>();

function baseKind(codePoint: number): BaseKind {
  let kind = baseKinds.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    if (INVISIBLE.has(char)) kind = BaseKind.Drop;
    else if (SPACES.has(char)) kind = BaseKind.Space;
    else if (APOSTROPHE_SET.has(char)) kind = BaseKind.Apostrophe;
    else kind = char.normalize('NFC') === char ? BaseKind.Keep : BaseKind.Normalize;
    baseKinds.set(codePoint, kind);
  }
  return kind;
}

const MARK = /\p{M}/u;
const markCache = new Map<number, boolean>();

/** Combining marks all lie at U+0300 or above; below that no lookup is needed. */
function isMark(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  let mark = markCache.get(codePoint);
  if (mark === undefined) {
    mark = MARK.test(String.fromCodePoint(codePoint));
    markCache.set(codePoint, mark);
  }
  return mark;
}

/**
 * Normalizes `original.slice(start, end)` for the model, keeping an offset map back to `original`. Works on
 * clusters (a base character and the combining marks after it; NFC only composes within one, Hangul jamo
 * aside, which French text does not carry decomposed): the base decides the cluster's fate (dropped if
 * invisible, one space if space-like, `'` if an apostrophe), otherwise the cluster is NFC-composed.
 */
export function normalizeForModel(original: string, start = 0, end = original.length): NormalizedText {
  let origStart = new Int32Array(end - start);
  let origEnd = new Int32Array(end - start);
  const pieces: string[] = [];
  let length = 0;
  let i = start;
  while (i < end) {
    const codePoint = original.codePointAt(i)!;
    let j = i + (codePoint > 0xffff && i + 1 < end ? 2 : 1);
    for (let next = j < end ? original.codePointAt(j)! : -1; next >= 0 && isMark(next); next = j < end ? original.codePointAt(j)! : -1) {
      j += next > 0xffff && j + 1 < end ? 2 : 1;
    }
    const kind = baseKind(codePoint);
    let out: string;
    if (kind === BaseKind.Drop) {
      i = j;
      continue;
    } else if (kind === BaseKind.Space) out = ' ';
    else if (kind === BaseKind.Apostrophe) out = "'";
    else if (kind === BaseKind.Keep && j - i <= 2 && (j - i === 1 || codePoint > 0xffff)) out = original.slice(i, j);
    else out = original.slice(i, j).normalize('NFC');
    if (length + out.length > origStart.length) {
      // NFC can expand a cluster (composition exclusions): grow the maps.
      const grownStart = new Int32Array((length + out.length) * 2);
      const grownEnd = new Int32Array((length + out.length) * 2);
      grownStart.set(origStart);
      grownEnd.set(origEnd);
      origStart = grownStart;
      origEnd = grownEnd;
    }
    for (let k = 0; k < out.length; k++) {
      origStart[length + k] = i;
      origEnd[length + k] = j;
    }
    length += out.length;
    pieces.push(out);
    i = j;
  }
  return { text: pieces.join(''), origStart: origStart.subarray(0, length), origEnd: origEnd.subarray(0, length) };
}

// Han and kana characters are words of their own (no spaces between words in those scripts).
const IDEOGRAPHIC = String.raw`\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}`;
const WORD_CHAR = String.raw`(?:(?!${IDEOGRAPHIC})[\p{L}\p{M}\p{N}])`;
// Letters/digits joined by hyphens or apostrophes, and digits joined by `.` or `,` (3,5 — 1.000).
const WORD = String.raw`${WORD_CHAR}+(?:(?:[-\u2010\u2011'](?=${WORD_CHAR})|(?<=\p{N})[.,](?=\p{N}))${WORD_CHAR}+)*`;
// Anything else that is not a space is a one-character word (punctuation, symbols, emoji). Combining marks stay with
// the character they follow (`#\uFE0F\u20E3` keycaps, a mark after a lone surrogate, NFC expansions such as 𝅗𝅥): a word
// starting inside a cluster would share its original range with the previous word.
const TOKEN = new RegExp(String.raw`(?:${IDEOGRAPHIC})\p{M}*|${WORD}|\S\p{M}*`, 'gu');

/** Splits a normalized text into word ranges `[start, end)` (normalized coordinates). */
export function splitWordRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(TOKEN)) {
    pushElisionSplit(text, match.index, match.index + match[0].length, ranges);
  }
  return ranges;
}

/** `l'UE` → `l'` + `UE`; `jusqu'aujourd'hui` → `jusqu'` + `aujourd'hui`; `O'Neill` stays whole. */
function pushElisionSplit(text: string, start: number, end: number, out: Array<[number, number]>): void {
  let from = start;
  for (;;) {
    const word = text.slice(from, end);
    const apostrophe = word.indexOf("'");
    if (apostrophe <= 0 || apostrophe === word.length - 1) break;
    const lower = word.toLowerCase();
    if (WHOLE.has(lower) || !ELIDED.has(lower.slice(0, apostrophe))) break;
    out.push([from, from + apostrophe + 1]);
    from += apostrophe + 1;
  }
  out.push([from, end]);
}

/**
 * Words of a normalized text with their original offsets. Word ranges that would share an original
 * character (one original cluster normalized into characters of two words, e.g. by a compatibility
 * normalizer) are merged, so that words, and the spans built from them, never overlap.
 */
export function wordsFromRanges(normalized: NormalizedText, ranges: ReadonlyArray<[number, number]>): { words: Word[]; ranges: Array<[number, number]> } {
  const words: Word[] = [];
  const kept: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    const start = normalized.origStart[s]!;
    const end = normalized.origEnd[e - 1]!;
    const previous = words.at(-1);
    if (previous && start < previous.end) {
      const range = kept.at(-1)!;
      range[1] = e;
      previous.end = Math.max(previous.end, end);
      previous.text = normalized.text.slice(range[0], e);
      continue;
    }
    words.push({ text: normalized.text.slice(s, e), start, end });
    kept.push([s, e]);
  }
  return { words, ranges: kept };
}

/** Words of `original.slice(start, end)`, normalized for the model, with their original offsets. */
export function wordsOf(original: string, start = 0, end = original.length): Word[] {
  const normalized = normalizeForModel(original, start, end);
  return wordsFromRanges(normalized, splitWordRanges(normalized.text)).words;
}
