/**
 * Typed view of the NER model's text contract (`model-contract.json`), the one file the training package
 * (`training/contract.py`) reads too: the character classes the model's text is normalized with and the entity
 * types whose order fixes the label ids. Changing a class here changes both sides at once.
 */
import contract from './model-contract.json' with { type: 'json' };

interface CharClass {
  to: string;
  from: string[];
}

interface ModelContract {
  entityTypes: string[];
  mentionTypes: string[];
  chars: { apostrophe: CharClass; quote: CharClass; space: CharClass; invisible: string[] };
  syntax: { outputs: string[]; upos: string[]; featGroups: string[]; root: number };
}

const CONTRACT: ModelContract = contract;

/** Entity types in label-id order (label ids: O, then B-/I- per type). */
export const CONTRACT_ENTITY_TYPES: readonly string[] = CONTRACT.entityTypes;
export const CONTRACT_MENTION_TYPES: readonly string[] = CONTRACT.mentionTypes;

/** Apostrophe look-alikes, all read as ASCII `'` (the model's vocabulary only knows `'`). */
export const APOSTROPHES: readonly string[] = CONTRACT.chars.apostrophe.from.filter((c) => c !== CONTRACT.chars.apostrophe.to);

/** Double-quote variants and guillemets, read as `"` by the chronique tokenizer (its own normalizer, not the runtime's). */
export const QUOTES: readonly string[] = CONTRACT.chars.quote.from;

/** Space characters: each becomes one ASCII space in the model's view. */
export const SPACES: ReadonlySet<string> = new Set(CONTRACT.chars.space.from);

/** Invisible characters dropped from the model's view (kept inside a span when they sit inside a word). */
export const INVISIBLE: ReadonlySet<string> = new Set(CONTRACT.chars.invisible);

/**
 * The extra outputs of a multi-head model (beside `logits`, same graph, per subword position; see the contract's
 * `syntax.$comment` for their shapes), the UPOS inventory in output order, the morphological feature groups in output
 * order and the position standing for the root of the dependency tree. A model without these outputs is NER-only.
 */
export const SYNTAX_OUTPUTS: readonly string[] = CONTRACT.syntax.outputs;
export const UPOS_TAGS: readonly string[] = CONTRACT.syntax.upos;
export const FEATURE_GROUPS: readonly string[] = CONTRACT.syntax.featGroups;
export const ROOT_POSITION: number = CONTRACT.syntax.root;
