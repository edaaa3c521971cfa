/**
 * Stable record ids: an id names a record by what it says and where it sits in its sentence, never by absolute
 * offsets, so that an edit elsewhere in the article (a word inserted at the top) leaves every other id as it was.
 *
 * Scheme (documented in README, "Record ids"): a span's *anchor* is its own text plus the nearest word on each side
 * of it inside its sentence (none at a sentence edge). Records of one kind whose anchors (and type) are equal in one
 * article are told apart by their rank in text order. The id is a prefix and the first 16 hex digits of the sha256
 * of (article id, kind, type, anchor, rank):
 *  - event   `ev_`:  type, trigger anchor, rank among events with the same type and trigger anchor;
 *  - mention `men_`: anchor, rank among mentions with the same anchor (the label is left out: a relabelled mention
 *    keeps its id, so a diff can say which mention changed label);
 *  - entity  `ent_`: label and canonical name (src/entities/cluster.ts), which hold no position at all.
 * So an id changes only when the record's own text, type, or the word right beside it changes, or when an identical
 * anchor appears or disappears before it in the same article. Ids are deterministic: same input, same ids.
 */
import { createHash } from 'node:crypto';

export interface SpanInSentence {
  start: number;
  end: number;
  /** The sentence holding the span: context words are taken inside it only. */
  sentence: { start: number; end: number };
}

const WORD = /[\p{L}\p{N}]+/gu;

function lastWord(text: string): string {
  const words = text.match(WORD);
  return words ? words[words.length - 1]! : '';
}

function firstWord(text: string): string {
  const words = text.match(WORD);
  return words ? words[0]! : '';
}

/** The span's text and its neighbouring word on each side within the sentence, as one comparable string. */
export function spanAnchor(text: string, span: SpanInSentence): string {
  const from = Math.min(span.sentence.start, span.start);
  const to = Math.max(span.sentence.end, span.end);
  // Only the few characters next to the span are needed: a word rarely exceeds 40 code units.
  const left = lastWord(text.slice(Math.max(from, span.start - 40), span.start));
  const right = firstWord(text.slice(span.end, Math.min(to, span.end + 40)));
  return `${left}\u0002${text.slice(span.start, span.end)}\u0002${right}`;
}

function digest(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 16);
}

/**
 * Assigns ids to records of one article given in text order: `key` says what identifies a record besides its rank
 * (type and anchor), and the rank counts earlier records with the same key.
 */
export function rankedIds<T>(articleId: string, kind: string, prefix: string, records: readonly T[], key: (record: T) => string): string[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const k = key(record);
    const rank = seen.get(k) ?? 0;
    seen.set(k, rank + 1);
    return prefix + digest([articleId, kind, k, String(rank)]);
  });
}
