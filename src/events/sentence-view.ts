/**
 * One sentence seen by the event engine: its tokens, the mentions and time expressions inside it, which token
 * starts or belongs to which mention, which mentions stand after a preposition, and its comma segments.
 */
import type { Document, Mention, Sentence, TimeExpression } from '../document.js';
import type { EntityLabel } from '../vocabulary.js';
import {
  CLAUSE_BOUNDARY_WORDS,
  DETERMINERS,
  MULTIWORD_PREPOSITIONS,
  PREPOSITIONS,
  QUE_NOT_BOUNDARY_AFTER,
  STRONG_PUNCT,
} from '../rules/fr/event-cues.js';
import { tokenize, type Token } from './tokens.js';

export interface MentionSpan {
  mention: Mention;
  /** Label of the mention's canonical entity (the mention's own label before clustering). */
  label: EntityLabel;
  first: number;
  last: number;
  /** The preposition governing the mention (`de`, `chez`, `au sein de`…), null when none. */
  governedBy: string | null;
  /** Inside parentheses (an acronym or gloss repeating a name). */
  parenthesized: boolean;
  /**
   * Set for a participant phrase with no name (src/events/chunker.ts): its head token and count. Its `mention` is
   * then the phrase itself (`source: "rules"`, no entity), never one of the document's mentions.
   */
  nominal?: { head: number; headSpan: { text: string; start: number; end: number }; count: number | null };
  /** Set for a money phrase (`15 millions d'euros`): the normalized amount. */
  money?: { value: number | null; currency: string };
}

export interface SentenceView {
  sentence: Sentence;
  tokens: Token[];
  mentions: MentionSpan[];
  /** Token index → the mention span covering it. */
  mentionOfToken: Array<MentionSpan | undefined>;
  timexes: TimeExpression[];
  /** Token index → comma segment number (segments split at , ; : ( ) « » and before relative pronouns). */
  segmentOf: number[];
  /** Whether a word is a conjugated form of a trigger verb (set by the event engine: a phrase never swallows its verb). */
  isVerbForm?: (norm: string) => boolean;
}

/** Multiword prepositions by their first and by their last word (each lookup scans only the few that can match). */
const MULTIWORD_BY_FIRST = new Map<string, Array<{ words: string[]; prep: string }>>();
const MULTIWORD_BY_LAST = new Map<string, Array<{ words: string[]; prep: string }>>();
for (const mw of MULTIWORD_PREPOSITIONS) {
  for (const [index, key] of [
    [MULTIWORD_BY_FIRST, mw.words[0]!],
    [MULTIWORD_BY_LAST, mw.words[mw.words.length - 1]!],
  ] as const) {
    const list = index.get(key) ?? [];
    list.push(mw);
    index.set(key, list);
  }
}

/** The preposition starting at token i (multiword first), with its length in tokens. */
export function prepositionAt(tokens: Token[], i: number): { prep: string; length: number } | null {
  const t = tokens[i];
  if (!t) return null;
  for (const mw of MULTIWORD_BY_FIRST.get(t.norm) ?? []) {
    if (mw.words.every((w, k) => tokens[i + k]?.norm === w)) return { prep: mw.prep, length: mw.words.length };
  }
  const prep = PREPOSITIONS[t.norm];
  return prep ? { prep, length: 1 } : null;
}

/** The preposition ending at token j (multiword or single), or null. */
export function prepositionEndingAt(tokens: Token[], j: number): string | null {
  const t = tokens[j];
  if (!t) return null;
  for (const mw of MULTIWORD_BY_LAST.get(t.norm) ?? []) {
    const start = j - mw.words.length + 1;
    if (start >= 0 && mw.words.every((w, k) => tokens[start + k]?.norm === w)) return mw.prep;
  }
  return PREPOSITIONS[t.norm] ?? null;
}

/** A word that opens a new clause here (`que` in `en tant que` does not). */
export function isClauseBoundary(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return true;
  if (STRONG_PUNCT.has(t.norm)) return true;
  if (!CLAUSE_BOUNDARY_WORDS.has(t.norm)) return false;
  if (t.norm === 'que' || t.norm === "qu'") return !QUE_NOT_BOUNDARY_AFTER.has(tokens[i - 1]?.norm ?? '');
  if (t.norm === 'bien') return tokens[i + 1]?.norm === 'que' || tokens[i + 1]?.norm === "qu'";
  if (t.norm === "s'") return tokens[i + 1]?.norm === 'il' || tokens[i + 1]?.norm === 'ils';
  return true;
}

const SEGMENT_PUNCT = new Set([',', ';', ':', '(', ')', '«', '»', '"', '“', '”', '—', '–']);
const SEGMENT_WORDS = new Set(['qui', 'où', 'dont', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'mais']);

export function buildSentenceView(
  doc: Document,
  sentence: Sentence,
  mentions: Mention[],
  timexes: TimeExpression[],
  labelOf: (mention: Mention) => EntityLabel = (m) => m.label,
): SentenceView {
  const tokens = tokenize(doc.text, sentence.start, sentence.end);
  const mentionOfToken: Array<MentionSpan | undefined> = new Array(tokens.length).fill(undefined);
  const spans: MentionSpan[] = [];
  const inSentence = mentions
    .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Parenthesis depth per token, to recognize `(NHTSA)`-style repetitions.
  const paren: boolean[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.norm === '(') depth++;
    paren.push(depth > 0);
    if (t.norm === ')') depth = Math.max(0, depth - 1);
  }
  for (const mention of inSentence) {
    // Tokens are in text order and do not overlap: the first token ending after the mention's start, then on while
    // tokens start before its end.
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tokens[mid]!.end > mention.start) high = mid;
      else low = mid + 1;
    }
    let first = -1;
    let last = -1;
    for (let i = low; i < tokens.length && tokens[i]!.start < mention.end; i++) {
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0 || mentionOfToken.slice(first, last + 1).some((m) => m !== undefined)) continue; // nested/overlapping: keep the first
    // Governing preposition: the word(s) right before the mention, after at most two determiners.
    let j = first - 1;
    let skipped = 0;
    while (j >= 0 && skipped < 2 && DETERMINERS.has(tokens[j]!.norm) && !PREPOSITIONS[tokens[j]!.norm]) {
      j--;
      skipped++;
    }
    const span: MentionSpan = { mention, label: labelOf(mention), first, last, governedBy: j >= 0 ? prepositionEndingAt(tokens, j) : null, parenthesized: paren[first] ?? false };
    spans.push(span);
    for (let k = first; k <= last; k++) mentionOfToken[k] = span;
  }
  const segmentOf: number[] = [];
  let segment = 0;
  tokens.forEach((t, i) => {
    if (SEGMENT_PUNCT.has(t.norm) || (SEGMENT_WORDS.has(t.norm) && i > 0)) segment++;
    segmentOf.push(segment);
  });
  const sentenceTimexes = timexes.filter((x) => x.start >= sentence.start && x.end <= sentence.end).sort((a, b) => a.start - b.start);
  return { sentence, tokens, mentions: spans, mentionOfToken, timexes: sentenceTimexes, segmentOf };
}
