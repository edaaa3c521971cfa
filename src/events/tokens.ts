/**
 * Word tokens with offsets into the document text. French elisions are split off (`d'OpenAI` → `d'` + `OpenAI`,
 * `qu'il` → `qu'` + `il`) so that prepositions and pronouns are visible; hyphenated words stay whole.
 */

export interface Token {
  /** As written. */
  text: string;
  /** Lowercase, typographic apostrophe folded to U+0027: the key for every lexicon lookup. */
  norm: string;
  start: number;
  end: number;
}

const TOKEN_RE =
  /aujourd['’]hui|(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])['’](?=\p{L})|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐'’]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,\u00A0\u202F]\p{N}{3})*(?:,\p{N}+)?|\S/giu;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/** Tokens of `text.slice(start, end)`, with absolute offsets. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  for (const match of slice.matchAll(TOKEN_RE)) {
    const word = match[0];
    const at = start + (match.index ?? 0);
    tokens.push({ text: word, norm: normalizeWord(word), start: at, end: at + word.length });
  }
  return tokens;
}
