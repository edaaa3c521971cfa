/**
 * Coordination of names in an argument slot: `Paris et Londres`, `X, Y et Z ont été arrêtés` — each conjunct fills
 * the role the syntax gave the first.
 */
import { AVOIR_FORMS, DETERMINERS, ETRE_FORMS, MODAL_FORMS, NEGATION_START } from '../rules/fr/event-cues.js';
import { isClauseBoundary, type MentionSpan, type SentenceView } from './sentence-view.js';

/** Coordinating words between two conjuncts of one argument (`Paris et Londres`, `X ou Y`). */
const CONJUNCTIONS = new Set(['et', 'ou']);

/** Start of the next name after token k, skipping determiners (`X et l'OTAN`), or -1. */
export function nameAfter(view: SentenceView, k: number): number {
  let n = k;
  while (n < k + 3 && DETERMINERS.has(view.tokens[n]?.norm ?? '')) n++;
  const span = view.mentionOfToken[n];
  return span && span.first === n ? n : -1;
}

/**
 * Names coordinated with an argument's name, same label (`Paris et Londres`, `X, Y et Z ont été arrêtés`): each fills
 * the same role. A list is read across commas only when it ends with `et`/`ou`. A name after the trigger followed by a
 * verb opens a new clause (`a rencontré X et Y a quitté …`), and a list before the trigger counts only when it opens
 * its clause (`Il a vu X et Y a …` is two clauses).
 */
export function conjuncts(view: SentenceView, span: MentionSpan, triggerFirst: number): MentionSpan[] {
  const tokens = view.tokens;
  const out: MentionSpan[] = [];
  const sameKind = (m: MentionSpan | undefined): m is MentionSpan => m !== undefined && m.label === span.label && !m.parenthesized && !m.nominal;
  // Forward.
  let pending: MentionSpan[] = [];
  let at = span.last + 1;
  for (;;) {
    const word = tokens[at]?.norm ?? '';
    if (word !== ',' && !CONJUNCTIONS.has(word)) break;
    const n = nameAfter(view, at + 1);
    const next = n >= 0 ? view.mentionOfToken[n] : undefined;
    if (!sameKind(next)) break;
    pending.push(next);
    if (CONJUNCTIONS.has(word)) {
      out.push(...pending);
      pending = [];
      break;
    }
    at = next.last + 1;
  }
  const lastOut = out[out.length - 1];
  if (lastOut) {
    const after = tokens[lastOut.last + 1]?.norm ?? '';
    const opensClause = AVOIR_FORMS.has(after) || ETRE_FORMS.has(after) || MODAL_FORMS.has(after) || NEGATION_START.has(after) || after === 'se' || after === "s'" || (view.isVerbForm?.(after) ?? false);
    if (span.first > triggerFirst && opensClause) out.length = 0;
    if (span.first < triggerFirst && lastOut.last >= triggerFirst) out.length = 0;
  }
  // Backward, only for a name before the trigger.
  if (span.last < triggerFirst) {
    const before: MentionSpan[] = [];
    let k = span.first - 1;
    let closed = false;
    for (;;) {
      const word = tokens[k]?.norm ?? '';
      if (word !== ',' && !CONJUNCTIONS.has(word)) break;
      if (word === ',' && !closed) break;
      const prev = view.mentionOfToken[k - 1];
      if (!sameKind(prev) || prev.last !== k - 1) break;
      before.push(prev);
      closed = true;
      k = prev.first - 1;
      if (DETERMINERS.has(tokens[k]?.norm ?? '')) k--;
    }
    const earliest = before[before.length - 1];
    if (earliest) {
      const b = earliest.first - 1;
      const startsDet = DETERMINERS.has(tokens[b]?.norm ?? '') ? b - 1 : b;
      if (startsDet < 0 || isClauseBoundary(tokens, startsDet) || /^[,;:(«»—–]$/.test(tokens[startsDet]!.norm)) out.push(...before);
    }
  }
  return out;
}
