/**
 * Word tokens with offsets into the document text. French elisions are split off (`d'OpenAI` → `d'` + `OpenAI`,
 * `qu'il` → `qu'` + `il`) so that prepositions and pronouns are visible; hyphenated words and the apostrophe words
 * of the orthography rules (`aujourd'hui`) stay whole.
 */
import { APOSTROPHE_CHARS, ELISION_SOURCE, foldWord, WHOLE_APOSTROPHE_WORD_SOURCE } from '../rules/fr/orthography.js';

export interface Token {
  /** As written. */
  text: string;
  /** Lowercase, typographic apostrophe folded to U+0027: the key for every lexicon lookup. */
  norm: string;
  start: number;
  end: number;
}

const WORD = String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐${APOSTROPHE_CHARS}]\p{L}[\p{L}\p{M}\p{N}]*)*`;
const NUMBER = String.raw`\p{N}+(?:[.,\u00A0\u202F]\p{N}{3})*(?:,\p{N}+)?`;
const TOKEN_RE = new RegExp(`${WHOLE_APOSTROPHE_WORD_SOURCE}|${ELISION_SOURCE}|${WORD}|${NUMBER}|\\S`, 'giu');

/** Lowercase, typographic apostrophe folded to U+0027 (the orthography rules' word key). */
export const normalizeWord = foldWord;

/** Tokens of `text.slice(start, end)`, with absolute offsets. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  // Normalized once for the whole sentence when lowercasing keeps every offset (it almost always does; `İ` does not).
  const folded = normalizeWord(slice);
  const aligned = folded.length === slice.length;
  const tokens: Token[] = [];
  for (const match of slice.matchAll(TOKEN_RE)) {
    const word = match[0];
    const from = match.index ?? 0;
    const at = start + from;
    tokens.push({ text: word, norm: aligned ? folded.slice(from, from + word.length) : normalizeWord(word), start: at, end: at + word.length });
  }
  return tokens;
}
