/**
 * DATA for the NER pre-tokenizer: characters rewritten before the model sees the text, and French
 * elision rules. The training side applies the same character normalization (see training/README.md).
 */

/** Apostrophe look-alikes, all read as ASCII `'` (the model's vocabulary only knows `'`). */
export const APOSTROPHES = ['\u2019', '\u02BC', '\u2018', '\u00B4', '\u0060', '\u2032', '\uFF07'] as const;

/** Space characters other than ASCII space (NBSP, narrow NBSP, figure/thin/ideographic spaces, tabs…). */
export const SPACE_LIKE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]/u;

/**
 * Invisible characters dropped from the model's view but kept inside a span when they sit inside a word:
 * soft hyphen, zero-width (non-)joiners, word joiner, BOM, variation selectors.
 */
export const INVISIBLE = /[\u00AD\u200C\u200D\u2060\uFEFF\uFE00-\uFE0F]/u;

/**
 * Elided French words: a word made of one of these (case-insensitive) followed by an apostrophe and a
 * letter is split after the apostrophe (`l'UE` → `l'` `UE`), as in the UD/Sequoia tokenization.
 */
export const ELIDED_PREFIXES: ReadonlySet<string> = new Set([
  'c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu',
]);

/** Words whose apostrophe is not an elision boundary: kept whole (`aujourd'hui`). Compared lower-cased. */
export const APOSTROPHE_WORDS: ReadonlySet<string> = new Set(["aujourd'hui", "prud'homme", "prud'hommes", "prud'homal", "prud'homale", "prud'homales", "prud'homaux", "presqu'île", "presqu'îles", "quelqu'un", "quelqu'une", "entr'acte"]);
