/**
 * DATA for the NER pre-tokenizer: French elision rules. The characters rewritten before the model sees the
 * text (apostrophes, spaces, invisible characters) are the model's text contract, `src/ner/model-contract.json`,
 * shared with the training side.
 */

/**
 * Elided French words: a word made of one of these (case-insensitive) followed by an apostrophe and a
 * letter is split after the apostrophe (`l'UE` → `l'` `UE`), as in the UD/Sequoia tokenization.
 */
export const ELIDED_PREFIXES: ReadonlySet<string> = new Set([
  'c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu',
]);

/** Words whose apostrophe is not an elision boundary: kept whole (`aujourd'hui`). Compared lower-cased. */
export const APOSTROPHE_WORDS: ReadonlySet<string> = new Set(["aujourd'hui", "prud'homme", "prud'hommes", "prud'homal", "prud'homale", "prud'homales", "prud'homaux", "presqu'île", "presqu'îles", "quelqu'un", "quelqu'une", "entr'acte"]);
