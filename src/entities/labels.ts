/** The entity label by vote: the model's labels of the mentions plus context cues (src/rules/fr/entity-cues.ts). */
import type { Mention } from '../document.js';
import { ENTITY_CUES } from '../rules/fr/entity-cues.js';
import { foldWord } from '../rules/fr/orthography.js';
import { ENTITY_LABELS, type EntityLabel } from '../vocabulary.js';

const LABEL_ORDER: readonly EntityLabel[] = ENTITY_LABELS;

/**
 * The entity's label by vote of its mentions' own labels (each mention keeps its own `label`): the model's mentions
 * vote, rules mentions only when there is no model mention (a propagated mention copies its entity's label, so
 * counting it would let one early decision outvote the evidence). Most votes, then summed score, then PER, ORG, LOC, MISC.
 */
export function majorityLabel(mentions: Mention[], contextVotes: EntityLabel[] = []): EntityLabel {
  const count = new Map<EntityLabel, { n: number; score: number }>();
  const voters = mentions.some((m) => m.source === 'model') ? mentions.filter((m) => m.source === 'model') : mentions;
  for (const m of voters) {
    const c = count.get(m.label) ?? { n: 0, score: 0 };
    c.n++;
    c.score += m.score;
    count.set(m.label, c);
  }
  for (const label of contextVotes) {
    const c = count.get(label) ?? { n: 0, score: 0 };
    c.n++;
    count.set(label, c);
  }
  return [...count.entries()].sort(
    (a, b) => b[1].n - a[1].n || b[1].score - a[1].score || LABEL_ORDER.indexOf(a[0]) - LABEL_ORDER.indexOf(b[0]),
  )[0]![0];
}

const CUE_TEXT = ENTITY_CUES.map((cue) => ({ ...cue, words: foldWord(cue.words) }));

/**
 * Label votes from the words next to a mention (src/rules/fr/entity-cues.ts): `chez OpenAI`, `au sein d'OpenAI`,
 * `OpenAI, société mère de…` each vote ORG beside the model's own label, so an entity's label rests on more than the
 * model's guess for an unknown name.
 */
export function contextLabelVote(text: string, mention: { start: number; end: number }): EntityLabel[] {
  const before = foldWord(text.slice(Math.max(0, mention.start - 24), mention.start));
  const after = foldWord(text.slice(mention.end, mention.end + 24));
  const votes: EntityLabel[] = [];
  for (const cue of CUE_TEXT) {
    if (cue.position === 'before') {
      const elided = cue.words.endsWith("'");
      if (!before.endsWith(elided ? cue.words : cue.words + ' ')) continue;
      const at = before.length - cue.words.length - (elided ? 0 : 1);
      if (at > 0 && /[\p{L}\p{N}]/u.test(before[at - 1] ?? '')) continue;
    } else {
      if (!after.startsWith(cue.words) || /[\p{L}\p{N}]/u.test(after[cue.words.length] ?? '')) continue;
    }
    votes.push(cue.label);
  }
  return votes;
}
