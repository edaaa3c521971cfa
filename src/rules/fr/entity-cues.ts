/**
 * DATA: words around a name that are evidence for its entity label, used by the entity label vote
 * (src/entities/cluster.ts, `contextLabelVote`). Each cue adds one vote for its label to the mention it stands next
 * to, beside the model's own label for that mention. Matched on lowercased words, apostrophes folded to `'`.
 * `examples` are tests (test/entities/entity-cues.test.ts): the bracketed name gets the cue's label vote.
 */
import type { EntityLabel } from '../../vocabulary.js';

export interface EntityCue {
  /** Words right before the name (`chez`, `au sein d'`), or right after it (`, société`), as written, lowercased. */
  words: string;
  position: 'before' | 'after';
  label: EntityLabel;
  examples: string[];
}

export const ENTITY_CUES: EntityCue[] = [
  { words: 'chez', position: 'before', label: 'ORG', examples: ['son rôle clé chez [OpenAI]', 'un stage chez [Google DeepMind]'] },
  { words: 'au sein de', position: 'before', label: 'ORG', examples: ['un vide au sein de [Renault]'] },
  { words: "au sein d'", position: 'before', label: 'ORG', examples: ["un vide au sein d'[OpenAI]"] },
  { words: 'fondateur de', position: 'before', label: 'ORG', examples: ['le fondateur de [Microsoft]'] },
  { words: "fondateur d'", position: 'before', label: 'ORG', examples: ["membre fondateur d'[OpenAI]"] },
  { words: 'cofondateur de', position: 'before', label: 'ORG', examples: ['le cofondateur de [Google]'] },
  { words: "cofondateur d'", position: 'before', label: 'ORG', examples: ["cofondateur d'[Apple]"] },
  { words: 'pdg de', position: 'before', label: 'ORG', examples: ['le PDG de [Tesla]'] },
  { words: "pdg d'", position: 'before', label: 'ORG', examples: ["la PDG d'[Orange]"] },
  { words: 'patron de', position: 'before', label: 'ORG', examples: ['le patron de [Renault]'] },
  { words: 'salariés de', position: 'before', label: 'ORG', examples: ['les salariés de [PSA]'] },
  { words: 'filiale de', position: 'before', label: 'ORG', examples: ['une filiale de [Vivendi]'] },
  { words: "l'entreprise", position: 'before', label: 'ORG', examples: ["l'entreprise [Tesla]"] },
  { words: 'la société', position: 'before', label: 'ORG', examples: ['la société [Apple]'] },
  { words: 'le groupe', position: 'before', label: 'ORG', examples: ['le groupe [Danone]'] },
  { words: 'la firme', position: 'before', label: 'ORG', examples: ['la firme [Samsung]'] },
  { words: 'le constructeur', position: 'before', label: 'ORG', examples: ['le constructeur [Renault]'] },
  { words: ', société', position: 'after', label: 'ORG', examples: ['son départ d\'[OpenAI], société mère de ChatGPT'] },
  { words: ', entreprise', position: 'after', label: 'ORG', examples: ['[Tesla], entreprise américaine'] },
  { words: ', groupe', position: 'after', label: 'ORG', examples: ['[Danone], groupe agroalimentaire'] },
  { words: ', start-up', position: 'after', label: 'ORG', examples: ['[Mistral], start-up française'] },
  { words: 'm.', position: 'before', label: 'PER', examples: ['selon M. [Dupont]'] },
  { words: 'mme', position: 'before', label: 'PER', examples: ['Mme [Bensouda] a déclaré'] },
  { words: 'madame', position: 'before', label: 'PER', examples: ['madame [Royal]'] },
  { words: 'monsieur', position: 'before', label: 'PER', examples: ['monsieur [Hollande]'] },
];
