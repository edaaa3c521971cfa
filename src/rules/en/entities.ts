/**
 * DATA: the English entity lexicon — names compromise 14.17 does not know or mislabels, added to its lexicon before
 * tagging (compromise lowercases keys; a multiword key matches the whole phrase). Values are compromise tags:
 * `Organization`, `Place`, `Person`, or `MiscEntity` (this project's tag for the CoNLL MISC class: events, awards,
 * works, products). Examples (tests in test/lang/en-entities.test.ts): `NATO said` → ORG `NATO`;
 * `the Olympics` → MISC `Olympics`; `Nobel Prize` → MISC.
 */
export const ENTITY_LEXICON: Readonly<Record<string, 'Organization' | 'Place' | 'Person' | 'MiscEntity'>> = {
  nato: 'Organization', 'european union': 'Organization', 'united nations': 'Organization', unesco: 'Organization', unicef: 'Organization',
  'world bank': 'Organization', 'international monetary fund': 'Organization', imf: 'Organization', opec: 'Organization', interpol: 'Organization',
  'red cross': 'Organization', 'federal reserve': 'Organization', pentagon: 'Organization', kremlin: 'Organization', congress: 'Organization',
  senate: 'Organization', parliament: 'Organization', reuters: 'Organization', 'associated press': 'Organization', bbc: 'Organization', cnn: 'Organization',
  google: 'Organization', microsoft: 'Organization', apple: 'Organization', amazon: 'Organization', facebook: 'Organization', twitter: 'Organization',
  openai: 'Organization', tesla: 'Organization', nasa: 'Organization', fbi: 'Organization', cia: 'Organization', 'supreme court': 'Organization',
  hamas: 'Organization', hezbollah: 'Organization', 'al qaeda': 'Organization', 'sinn fein': 'Organization', ira: 'Organization',
  olympics: 'MiscEntity', 'olympic games': 'MiscEntity', 'world cup': 'MiscEntity', 'nobel prize': 'MiscEntity', 'super bowl': 'MiscEntity',
  'world war ii': 'MiscEntity', 'world war i': 'MiscEntity', grammy: 'MiscEntity', oscar: 'MiscEntity', oscars: 'MiscEntity', 'academy award': 'MiscEntity',
  christmas: 'MiscEntity', ramadan: 'MiscEntity', easter: 'MiscEntity', wikipedia: 'MiscEntity', internet: 'MiscEntity',
  kuwait: 'Place', iraq: 'Place', iran: 'Place', baghdad: 'Place', gaza: 'Place', 'west bank': 'Place', ukraine: 'Place', crimea: 'Place',
};

/** Leading words of a compromise person match that are titles, not part of the name (`Chancellor Angela Merkel`). */
export const PERSON_TITLE_TAGS = ['Honorific'];

/** Words that are never an entity on their own even when compromise tags them as one (sentence-initial capitals). */
export const NOT_ENTITIES = ['i', 'god', 'mr', 'mrs', 'ms', 'dr', 'sir', 'the', 'a', 'an', 'this', 'that', 'he', 'she', 'it', 'they', 'we', 'you'];
