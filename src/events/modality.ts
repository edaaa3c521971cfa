const reportedCues = new WeakMap<SentenceView, boolean>();

/** Whether the sentence holds a reporting cue word (`selon`…): once per sentence, whatever its number of triggers. */
function reportedCueIn(view: SentenceView): boolean {
  let found = reportedCues.get(view);
  if (found === undefined) {
    found = view.tokens.some((t) => REPORTED_CUES.has(t.norm));
    reportedCues.set(view, found);
  }
  return found;
}

/** Polarity (negation) and modality (asserted, reported, planned, hypothetical) of an event from its clause. */
import type { Modality, Polarity } from '../vocabulary.js';
import {
  HYPOTHETICAL_CONTEXT,
  CONDITIONAL_AUXILIARIES,
  DETERMINERS,
  HYPOTHETICAL_CUES,
  NEGATING_GOVERNORS,
  NEGATION_PARTICLES,
  NEGATION_START,
  NOUN_NEGATORS,
  NOUN_PREMODIFIERS,
  PLANNED_PREMODIFIERS,
  REPORTED_CUES,
} from '../rules/fr/event-cues.js';
import type { Tense } from './inflect.js';
import { isClauseBoundary, type SentenceView } from './sentence-view.js';
import type { TriggerRow } from '../rules/schema.js';
import type { DocContext, VerbGroup } from './types.js';

/** Polarity and modality from the verb group, the words before an event noun and the clause. */
export function polarityAndModality(
  ctx: DocContext,
  view: SentenceView,
  first: number,
  last: number,
  row: TriggerRow,
  tense: Tense,
  group: VerbGroup | null,
  supportGroup: VerbGroup | null,
): { polarity: Polarity; modality: Modality } {
  const tokens = view.tokens;
  const groupWords = group?.words ?? [];
  let clauseStart = first;
  while (clauseStart > 0 && !isClauseBoundary(tokens, clauseStart - 1)) clauseStart--;
  const before = tokens.slice(clauseStart, first).map((t) => t.norm);

  let negative = false;
  const hasNegation = (words: string[], after?: string) =>
    words.some((w) => NEGATION_START.has(w)) && (words.some((w) => NEGATION_PARTICLES.has(w)) || (after !== undefined && NEGATION_PARTICLES.has(after)));
  if (row.pos === 'verb') {
    negative = hasNegation(groupWords, tokens[last + 1]?.norm) || tokens[(group?.start ?? first) - 1]?.norm === 'sans';
  } else {
    let j = first - 1;
    while (j >= 0 && (NOUN_PREMODIFIERS.has(tokens[j]!.norm) || DETERMINERS.has(tokens[j]!.norm)) && !NOUN_NEGATORS.has(tokens[j]!.norm)) j--;
    const prev = tokens[j]?.norm ?? '';
    negative =
      NOUN_NEGATORS.has(prev) ||
      ((prev === 'de' || prev === "d'") && NEGATION_PARTICLES.has(tokens[j - 1]?.norm ?? '')) ||
      (supportGroup !== null && hasNegation(supportGroup.words, undefined));
  }
  if (before.slice(-6).some((w) => NEGATING_GOVERNORS.has(w))) negative = true;

  const premods = row.pos === 'noun' ? tokens.slice(Math.max(0, first - 3), first).map((t) => t.norm) : [];
  const allGroup = [...groupWords, ...(supportGroup?.words ?? [])];
  let modality: Modality = 'asserted';
  const hypothetical =
    allGroup.some((w) => HYPOTHETICAL_CUES.has(w) && w !== 'si' && w !== "s'") ||
    (tense === 'cond' && !allGroup.some((w) => CONDITIONAL_AUXILIARIES.has(w))) ||
    premods.some((w) => HYPOTHETICAL_CUES.has(w)) ||
    before.some((w, i) => w === 'si' || (w === "s'" && (before[i + 1] === 'il' || before[i + 1] === 'ils'))) ||
    before.slice(-8).some((w) => HYPOTHETICAL_CONTEXT.has(w)) ||
    tokens[tokens.length - 1]?.norm === '?';
  const reportedByAux = allGroup.some((w) => CONDITIONAL_AUXILIARIES.has(w)) && (tense === 'ppast' || supportGroup !== null);
  const planned =
    tense === 'fut' ||
    allGroup.some((w) => ctx.lexicon.planningForms.has(w)) ||
    premods.some((w) => PLANNED_PREMODIFIERS.has(w) || ctx.lexicon.planningForms.has(w)) ||
    tokens.slice(Math.max(clauseStart, (group?.start ?? first) - 4), group?.start ?? first).some((t) => ctx.lexicon.planningForms.has(t.norm));
  const reportedByVerb = (() => {
    // A reporting verb earlier in the sentence with `que` between it and the trigger.
    for (let k = first - 1; k >= 0; k--) {
      const n = tokens[k]!.norm;
      if (n === 'que' || n === "qu'") {
        for (let r = k - 1; r >= 0 && r >= k - 6; r--) if (ctx.lexicon.reportingVerbForms.has(tokens[r]!.norm)) return true;
      }
    }
    return reportedCueIn(view);
  })();
  if (hypothetical && !reportedByAux) modality = 'hypothetical';
  else if (planned) modality = 'planned';
  else if (reportedByAux || reportedByVerb) modality = 'reported';
  return { polarity: negative ? 'negative' : 'positive', modality };
}
