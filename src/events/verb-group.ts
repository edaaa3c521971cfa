/** The verb group before a trigger verb: auxiliaries, clitics, negation, adverbs; passive and reflexive voice. */
import {
  AVOIR_FORMS,
  CLITICS,
  ETRE_FORMS,
  MODAL_FORMS,
  NEGATION_PARTICLES,
  NEGATION_START,
  PREPOSITION_IN_VERB_GROUP,
  REFLEXIVE_CLITICS,
  VERB_GROUP_ADVERBS,
} from '../rules/fr/event-cues.js';
import type { Tense } from './inflect.js';
import type { Token } from './tokens.js';
import type { VerbGroup } from './types.js';

export function isAdverb(norm: string): boolean {
  return VERB_GROUP_ADVERBS.has(norm) || (norm.length > 5 && norm.endsWith('ment'));
}

export function isVerbGroupWord(tokens: Token[], i: number): boolean {
  const n = tokens[i]?.norm ?? '';
  if (AVOIR_FORMS.has(n) || ETRE_FORMS.has(n) || MODAL_FORMS.has(n) || NEGATION_START.has(n) || NEGATION_PARTICLES.has(n)) return true;
  if (isAdverb(n)) return true;
  // A clitic belongs to the group only right before a verb-ish word (`l'a quitté`, `s'est rendu`), not as an article.
  if (CLITICS.has(n)) {
    const next = tokens[i + 1]?.norm ?? '';
    return AVOIR_FORMS.has(next) || ETRE_FORMS.has(next) || MODAL_FORMS.has(next) || REFLEXIVE_CLITICS.has(n) || n === 'y' || n === 'en';
  }
  // `vient de quitter`, `a décidé de rejoindre`, `a fini par`: the preposition joins a modal to the infinitive.
  if (PREPOSITION_IN_VERB_GROUP.has(n)) return MODAL_FORMS.has(tokens[i - 1]?.norm ?? '');
  return false;
}

/** The auxiliaries, clitics, negation and adverbs before a verb; `takesEtre`: être + participle is then not a passive. */
export function verbGroup(tokens: Token[], first: number, takesEtre: boolean, tense: Tense): VerbGroup {
  let j = first - 1;
  const words: string[] = [];
  while (j >= 0 && isVerbGroupWord(tokens, j)) {
    words.unshift(tokens[j]!.norm);
    j--;
  }
  // Passive: a form of être right before the participle (adverbs and negation aside), unless the verb takes être.
  let passive = false;
  if (tense === 'ppast' && !takesEtre) {
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]!;
      if (ETRE_FORMS.has(w)) {
        passive = !REFLEXIVE_CLITICS.has(words[k - 1] ?? '');
        break;
      }
      if (!isAdverb(w) && !NEGATION_PARTICLES.has(w) && !NEGATION_START.has(w)) break;
    }
  }
  const reflexive = words.some((w) => REFLEXIVE_CLITICS.has(w));
  return { start: j + 1, words, passive, reflexive };
}
