/**
 * One compromise analysis per English sentence, shared by the entity and event engines: the sentence's text is parsed
 * once (with this project's lexicon extension, src/rules/en/entities.ts, and compromise's roots computed) and the
 * view is kept in a small bounded cache keyed by the text, so the events stage does not parse again what the NER
 * stage parsed. The lexicon is installed before the first parse of the process, so every view is tagged alike
 * whatever the order in which articles arrive.
 */
import nlp from 'compromise';
import { ENTITY_LEXICON } from '../../rules/en/entities.js';

export type EnglishView = ReturnType<typeof nlp>;

const CACHE_SIZE = 256;
const cache = new Map<string, EnglishView>();
let extended = false;

export function parseEnglish(text: string): EnglishView {
  if (!extended) {
    nlp.plugin({ tags: { MiscEntity: { isA: 'ProperNoun' } }, words: { ...ENTITY_LEXICON } });
    extended = true;
  }
  const cached = cache.get(text);
  if (cached) return cached;
  const view = nlp(text);
  view.compute('root');
  cache.set(text, view);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return view;
}
