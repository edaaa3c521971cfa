/** The time expression of an event's own clause (see attachTime). */
import type { TimeExpression } from '../document.js';
import {
  INFINITIVE_INTRODUCERS,
  RELATIVE_PRONOUNS,
  DETERMINERS,
  FRONTED_TIME_STARTERS,
  TIME_BOUND_PREFIXES,
} from '../rules/fr/event-cues.js';
import { AVOIR_FORMS, ETRE_FORMS, MODAL_FORMS } from '../rules/fr/event-cues.js';
import { isClauseBoundary, prepositionAt, type SentenceView } from './sentence-view.js';
import type { Token } from './tokens.js';
import type { DocContext } from './types.js';

/** Whether the words right before a time expression make it a bound or deadline (`jusqu'en`, `d'ici`). */
export function isBoundTime(view: SentenceView, timex: TimeExpression): boolean {
  const tokens = view.tokens;
  const i = tokens.findIndex((t) => t.start >= timex.start);
  const text = timex.start >= 0 ? normalize(view, timex) : '';
  const prev1 = tokens[i - 1]?.norm ?? '';
  const prev2 = `${tokens[i - 2]?.norm ?? ''}${(tokens[i - 2]?.norm ?? '').endsWith("'") ? '' : ' '}${prev1}`;
  return TIME_BOUND_PREFIXES.some((p) => prev1 === p || prev2 === p || text.startsWith(p));
}

export function normalize(view: SentenceView, timex: TimeExpression): string {
  return view.tokens
    .filter((t) => t.start >= timex.start && t.end <= timex.end)
    .map((t) => t.norm)
    .join(' ');
}

/** Auxiliaries and modals: a noun phrase never runs across one. */
const VERB_LIKE = new Set([...AVOIR_FORMS, ...ETRE_FORMS, ...MODAL_FORMS]);

/** What attachTime needs of a sentence, whatever the trigger: computed once per sentence view, not once per event. */
export interface TimeIndex {
  /** DATE/TIME expressions that are neither inside a mention nor a bound (`jusqu'en`). */
  usable: TimeExpression[];
  /** Index of the first token ending after each expression's start. */
  tokenIndex: Map<TimeExpression, number>;
  /** Tokens of a comma segment. */
  tokensOfSegment: (segment: number) => Token[];
}

// Per view, built once: recomputing it per event would be cubic in a long sentence with many triggers and dates.
export const timeIndexes = new WeakMap<SentenceView, TimeIndex>();

export function timeIndexOf(view: SentenceView): TimeIndex {
  const cached = timeIndexes.get(view);
  if (cached) return cached;
  const tokens = view.tokens;
  // A span the normalizer could not read (value null, e.g. a model DATE span on `11`) does not date anything.
  const usable = view.timexes.filter(
    (x) =>
      (x.type === 'DATE' || x.type === 'TIME') &&
      x.value !== null &&
      !view.mentions.some((m) => m.mention.start < x.end && x.start < m.mention.end) &&
      !isBoundTime(view, x),
  );
  const tokenIndex = new Map<TimeExpression, number>();
  for (const x of usable) {
    // First token with end > x.start (token ends increase along the sentence), 0 when none.
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tokens[mid]!.end > x.start) high = mid;
      else low = mid + 1;
    }
    tokenIndex.set(x, low < tokens.length ? low : 0);
  }
  let bySegment: Map<number, Token[]> | null = null;
  // Only the neighbouring-segment rule of attachTime asks for it: built on the first call.
  const tokensOfSegment = (segment: number): Token[] => {
    if (!bySegment) {
      bySegment = new Map<number, Token[]>();
      for (let k = 0; k < tokens.length; k++) {
        const list = bySegment.get(view.segmentOf[k]!) ?? [];
        list.push(tokens[k]!);
        bySegment.set(view.segmentOf[k]!, list);
      }
    }
    return bySegment.get(segment) ?? [];
  };
  const index = { usable, tokenIndex, tokensOfSegment };
  timeIndexes.set(view, index);
  return index;
}

/**
 * The time of an event: a DATE/TIME expression of the trigger's comma segment (nearest), else a segment holding
 * only that expression next to it, else the time of a sentence-initial adverbial (`En août 2021, …`) when the
 * trigger is in the main clause. Bounds and deadlines (`jusqu'en`, `d'ici`) and dates inside names are never used;
 * vague references (`récemment`, `ses futurs projets`: `*_REF` values) only when within three words of the trigger;
 * expressions without a normalized value are ignored.
 * No candidate → null: a time is never invented.
 */
/**
 * How far an event's time may be looked for:
 *  - `clause`: the rules of attachTime below;
 *  - `segment`: only the trigger's own comma segment (a participle describing a noun, `X, tué le 3 mai`, tells of
 *    an earlier moment than the sentence's fronted time);
 *  - `phrase`: only an expression after the trigger inside its own noun phrase, with no verb between (an event noun
 *    governed by a preposition, `un documentaire sur la mort de X`, `hommage après l'attaque de lundi`: the clause's
 *    time is that of the verb governing the phrase, not of the event it refers to).
 */
export type TimeScope = 'clause' | 'segment' | 'phrase';

export function attachTime(ctx: DocContext, view: SentenceView, first: number, last: number, scope: TimeScope = 'clause'): TimeExpression | null {
  const tokens = view.tokens;
  const { usable, tokenIndex, tokensOfSegment } = timeIndexOf(view);
  if (usable.length === 0) return null;
  const tokenOf = (x: TimeExpression) => tokenIndex.get(x) ?? 0;
  // Vague references (`récemment`, `futurs`: *_REF values) only date the verb they stand next to.
  const near = (x: TimeExpression) => !(x.value ?? '').endsWith('_REF') || Math.min(Math.abs(tokenOf(x) - first), Math.abs(tokenOf(x) - last)) <= 3;
  // `se rendra aujourd'hui en Guyane pour rendre hommage aux militaires décédés`: not the date of the deaths.
  const sameVerbClause = (x: TimeExpression) => {
    const after = tokenOf(x) > last;
    const [from, to] = after ? [last, tokenOf(x)] : [tokenOf(x), first];
    for (let k = from + 1; k < to; k++) {
      // `a affirmé que … la saison 2012 …`: a date inside the complement clause after the trigger dates its content.
      if (after && (tokens[k]!.norm === 'que' || tokens[k]!.norm === "qu'")) return false;
      if (!INFINITIVE_INTRODUCERS.has(tokens[k]!.norm)) continue;
      const next = tokens[k + 1]?.norm === 'de' || tokens[k + 1]?.norm === "d'" ? tokens[k + 2] : tokens[k + 1];
      if (next && /(er|ir|re|oir)$/.test(next.norm) && !ctx.lexicon.byFirstWord.get(next.norm)?.some((e) => e.row.pos === 'noun')) return false;
    }
    return true;
  };
  const inOwnPhrase = (x: TimeExpression) => {
    if (tokenOf(x) <= last) return false;
    for (let k = last + 1; k < tokenOf(x); k++) if (isClauseBoundary(tokens, k) || VERB_LIKE.has(tokens[k]!.norm) || view.isVerbForm?.(tokens[k]!.norm)) return false;
    return true;
  };
  const candidates = usable.filter((x) => near(x) && sameVerbClause(x) && (scope !== 'phrase' || inOwnPhrase(x)));
  if (candidates.length === 0) return null;
  const seg = view.segmentOf[first] ?? 0;
  const same = candidates
    .filter((x) => view.segmentOf[tokenOf(x)] === seg)
    .sort((a, b) => Math.abs(tokenOf(a) - first) - Math.abs(tokenOf(b) - first) || a.start - b.start);
  if (same[0]) return same[0];
  if (scope !== 'clause') return null;
  // A neighbouring segment made of the time expression alone (`…, le 3 mai, …`).
  for (const x of candidates) {
    const xs = view.segmentOf[tokenOf(x)] ?? -1;
    if (Math.abs(xs - seg) !== 1) continue;
    const segTokens = tokensOfSegment(xs).filter((t) => !/^[,;:()«»]$/.test(t.norm));
    if (segTokens.every((t) => (t.start >= x.start && t.end <= x.end) || DETERMINERS.has(t.norm) || prepositionAt([t], 0))) return x;
  }
  // Sentence-initial adverbial.
  const opener = tokens[0]?.norm ?? '';
  const triggerSegmentStart = tokens.findIndex((_, k) => view.segmentOf[k] === seg);
  const startsRelative = RELATIVE_PRONOUNS.has(tokens[triggerSegmentStart]?.norm ?? '') || RELATIVE_PRONOUNS.has(tokens[triggerSegmentStart + 1]?.norm ?? '');
  if (seg > 0 && !startsRelative && FRONTED_TIME_STARTERS.has(opener)) {
    const fronted = candidates.filter((x) => view.segmentOf[tokenOf(x)] === 0);
    if (fronted[0]) return fronted[0];
  }
  return null;
}
