/**
 * Trigger candidates: the lexicon entries that may start at a token (phrases first, then the part of speech the context
 * calls for), and the row's context constraints (`requiresNear`, `excludeNear`, `excludeBefore`).
 */
import { DETERMINERS, NOUN_PREMODIFIERS } from '../rules/fr/event-cues.js';
import type { LexiconEntry } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';
import type { TriggerRow } from '../rules/schema.js';
import { normalizeWord, type Token } from './tokens.js';
import type { DocContext } from './types.js';

/** Tokens after the trigger within `window`, joined so that multiword cues can be matched. */
export function windowText(tokens: Token[], from: number, window: number): string {
  let out = '';
  for (let k = from; k < Math.min(tokens.length, from + window); k++) {
    const n = tokens[k]!.norm;
    out += out === '' || out.endsWith("'") ? n : ' ' + n;
  }
  return ` ${out} `;
}

/** Normalized cues, compiled once (a cue is matched for every candidate trigger of every sentence). */
const cueCache = new Map<string, { word: string; prefix: RegExp | null; elided: boolean }>();

export function matchesCue(text: string, cue: string): boolean {
  let compiled = cueCache.get(cue);
  if (!compiled) {
    const c = normalizeWord(cue);
    compiled = { word: ` ${c} `, prefix: c.endsWith('*') ? new RegExp(`\\s${escapeRegExp(c.slice(0, -1))}`, 'u') : null, elided: c.endsWith("'") };
    cueCache.set(cue, compiled);
  }
  if (compiled.prefix) return compiled.prefix.test(text);
  return text.includes(compiled.word) || (compiled.elided && text.includes(compiled.word.slice(0, -1)));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function passesContext(tokens: Token[], first: number, last: number, row: TriggerRow): boolean {
  const window = row.window ?? 5;
  const after = row.requiresNear || row.excludeNear ? windowText(tokens, last + 1, window) : '';
  if (row.requiresNear && !row.requiresNear.some((c) => matchesCue(after, c))) return false;
  if (row.excludeNear && row.excludeNear.some((c) => matchesCue(after, c))) return false;
  if (row.excludeBefore) {
    const before = windowText(tokens, Math.max(0, first - 2), first - Math.max(0, first - 2));
    if (row.excludeBefore.some((c) => before.endsWith(` ${c.toLowerCase()} `))) return false;
  }
  return true;
}

/** Whether the words before token i make it a noun (after a determiner, possessive or preposition). */
export function nounContext(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (NOUN_PREMODIFIERS.has(tokens[j]!.norm) || /ième$/.test(tokens[j]!.norm))) j--;
  const prev = tokens[j]?.norm ?? '';
  return DETERMINERS.has(prev) || prev === 'de' || prev === "d'" || prev === 'à' || prev === 'au' || prev === 'aux' || prev === 'en' || prev === 'par' || prev === 'pour' || prev === 'sans';
}

export function phraseMatches(tokens: Token[], i: number, rest: string[]): boolean {
  return rest.every((w, k) => {
    const n = tokens[i + 1 + k]?.norm;
    return n === w || n === w + 's' || n === w + 'e' || n === w + 'es';
  });
}

/** Per view: candidates and trigger starts by token (the argument scan asks again for every word after a trigger). */
interface CandidateMemo {
  candidates: Array<LexiconEntry[] | undefined>;
  starts: Array<boolean | undefined>;
}

const memo = new WeakMap<SentenceView, CandidateMemo>();
/** Shared answer for the many tokens that start no lexicon entry (no array allocated per token). */
const NONE: LexiconEntry[] = [];

/** The last view asked about (the engine walks one sentence at a time): skips the WeakMap for most calls. */
let lastView: SentenceView | null = null;
let lastMemo: CandidateMemo | null = null;

function memoOf(view: SentenceView): CandidateMemo {
  if (view === lastView && lastMemo) return lastMemo;
  let m = memo.get(view);
  if (!m) {
    m = { candidates: new Array<LexiconEntry[] | undefined>(view.tokens.length), starts: new Array<boolean | undefined>(view.tokens.length) };
    memo.set(view, m);
  }
  lastView = view;
  lastMemo = m;
  return m;
}

/** Candidate lexicon entries at token i, best first (phrases, then the part of speech the context calls for). */
export function candidatesAt(ctx: DocContext, view: SentenceView, i: number): LexiconEntry[] {
  const m = memoOf(view);
  let found = m.candidates[i];
  if (!found) {
    found = computeCandidates(ctx, view, i);
    m.candidates[i] = found;
  }
  return found;
}

function freeOfMentions(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (view.mentionOfToken[k] !== undefined) return false;
  return true;
}

function computeCandidates(ctx: DocContext, view: SentenceView, i: number): LexiconEntry[] {
  const token = view.tokens[i];
  const entries = token ? ctx.lexicon.byFirstWord.get(token.norm) : undefined;
  if (!entries) return NONE;
  const found = entries.filter((e) => phraseMatches(view.tokens, i, e.rest) && freeOfMentions(view, i, i + e.rest.length));
  if (found.length === 0) return NONE;
  if (found.length === 1) return found;
  const preferNoun = nounContext(view.tokens, i);
  return found.sort((a, b) => {
    if (a.rest.length !== b.rest.length) return b.rest.length - a.rest.length;
    const pa = (a.row.pos === 'noun') === preferNoun ? 0 : 1;
    const pb = (b.row.pos === 'noun') === preferNoun ? 0 : 1;
    return pa - pb || a.order - b.order;
  });
}

export function isTriggerStart(ctx: DocContext, view: SentenceView, k: number): boolean {
  const m = memoOf(view);
  let start = m.starts[k];
  if (start === undefined) {
    start = candidatesAt(ctx, view, k).some((e) => passesContext(view.tokens, k, k + e.rest.length, e.row));
    m.starts[k] = start;
  }
  return start;
}
