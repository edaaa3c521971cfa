/**
 * DATA: French orthography, the one source for every splitter (sentence segmenter `src/segment/sentences.ts`, NER
 * pre-tokenizer `src/ner/align.ts`, event tokenizer `src/events/tokens.ts`) and for the rules that match words: which
 * characters are apostrophes as French text writes them, which words elide before a vowel, and which apostrophe words
 * stay whole.
 *
 * The NER model's wider map of look-alike characters (U+2018, U+201B, U+00B4…) is the model's text contract,
 * `src/ner/model-contract.json`, which the training package reads too; the pre-tokenizer applies it first, so that its
 * splitting sees only ASCII `'`.
 */

/** Apostrophes as French text writes them: ASCII U+0027 and typographic U+2019. */
export const APOSTROPHES: readonly string[] = ["'", '\u2019'];

/** The apostrophes, for inside a regular-expression character class. */
export const APOSTROPHE_CHARS = APOSTROPHES.join('');

/** The apostrophes as a regular-expression character class. */
export const APOSTROPHE_CLASS = `[${APOSTROPHE_CHARS}]`;

export function isApostrophe(char: string): boolean {
  return APOSTROPHES.includes(char);
}

/** Lowercase, apostrophes folded to ASCII `'`: the key under which the rules and lexicons list words. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

/**
 * Elided words: one of these (case-insensitive) followed by an apostrophe and a letter is a word of its own, split
 * after the apostrophe (`l'UE` → `l'` `UE`, `qu'il` → `qu'` `il`), as in the UD/Sequoia tokenization.
 */
export const ELIDED_WORDS: readonly string[] = ['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu'];

/** Words whose apostrophe is no elision boundary: kept whole (`aujourd'hui`). Lowercase, ASCII apostrophe. */
export const WHOLE_APOSTROPHE_WORDS: readonly string[] = [
  "aujourd'hui", "prud'homme", "prud'hommes", "prud'homal", "prud'homale", "prud'homales", "prud'homaux", "presqu'île", "presqu'îles", "quelqu'un",
  "quelqu'une", "entr'acte",
];

const longestFirst = (words: readonly string[]): string[] => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** Regular-expression source of an elided word with its apostrophe, before a letter (use with the `i` and `u` flags). */
export const ELISION_SOURCE = `(?:${longestFirst(ELIDED_WORDS).join('|')})${APOSTROPHE_CLASS}(?=\\p{L})`;

const LEADING_ELISION = new RegExp(`^${ELISION_SOURCE}`, 'iu');

/** `l'art` → `art`, `qu'env` → `env`: a word without the elided word glued before it. */
export function withoutElision(word: string): string {
  const elision = LEADING_ELISION.exec(word);
  return elision ? word.slice(elision[0].length) : word;
}

/**
 * Regular-expression source of a whole apostrophe word, either apostrophe, not followed by another letter or digit
 * (use with the `i` and `u` flags).
 */
export const WHOLE_APOSTROPHE_WORD_SOURCE = `(?:${longestFirst(WHOLE_APOSTROPHE_WORDS)
  .map((w) => w.replace(/'/g, APOSTROPHE_CLASS))
  .join('|')})(?![\\p{L}\\p{M}\\p{N}])`;
