/**
 * Word-level decoding: from per-word log-probabilities over chronique's BIO tags to entity spans.
 * Viterbi under BIO constraints (an `I-X` may only follow `B-X`/`I-X`) is measured better than
 * per-word argmax; IO-scheme models (no `B-X` label) are decoded without that constraint.
 */
import type { NerDecodeMode } from '../config.js';
import { BIO_TAGS, type BioTag, type NerType, tagType } from './labels.js';

/** Per word, one log-probability per entry of `BIO_TAGS` (`-Infinity` for tags the model cannot emit). */
export type WordLogProbs = Float64Array[];

/** See `NerConfig.decode`. */
export type DecodeMode = NerDecodeMode;

export interface TagSpan {
  /** First word index (inclusive). */
  first: number;
  /** Last word index (inclusive). */
  last: number;
  type: NerType;
}

const TAG_COUNT = BIO_TAGS.length;
const TAG_INDEX: ReadonlyMap<BioTag, number> = new Map(BIO_TAGS.map((tag, i) => [tag, i]));

/** Which `I-X` tags may follow which tags, given the types for which the model has a `B-X` label. */
export function transitionTable(typesWithBegin: ReadonlySet<NerType>): boolean[][] {
  return BIO_TAGS.map((from) =>
    BIO_TAGS.map((to) => {
      if (!to.startsWith('I-')) return true;
      const type = tagType(to)!;
      return !typesWithBegin.has(type) || tagType(from) === type;
    }),
  );
}

/** Tags allowed on the first word: anything but an `I-X` whose scheme has a `B-X`. */
function startAllowed(typesWithBegin: ReadonlySet<NerType>): boolean[] {
  return BIO_TAGS.map((tag) => !tag.startsWith('I-') || !typesWithBegin.has(tagType(tag)!));
}

interface Constraints {
  /** `allowed[from * TAG_COUNT + to]`. */
  allowed: Uint8Array;
  atStart: Uint8Array;
}

// Few distinct schemes exist (one per loaded model): the tables are built once each.
const constraintCache = new Map<string, Constraints>();

function constraintsFor(typesWithBegin: ReadonlySet<NerType>): Constraints {
  const key = [...typesWithBegin].sort().join(',');
  let constraints = constraintCache.get(key);
  if (!constraints) {
    constraints = {
      allowed: Uint8Array.from(transitionTable(typesWithBegin).flat(), (ok) => (ok ? 1 : 0)),
      atStart: Uint8Array.from(startAllowed(typesWithBegin), (ok) => (ok ? 1 : 0)),
    };
    constraintCache.set(key, constraints);
  }
  return constraints;
}

/** Best tag path under the constraints; ties go to the lower tag index (deterministic). */
export function viterbi(logProbs: WordLogProbs, typesWithBegin: ReadonlySet<NerType>): BioTag[] {
  const n = logProbs.length;
  if (n === 0) return [];
  const { allowed, atStart } = constraintsFor(typesWithBegin);
  let score = new Float64Array(TAG_COUNT);
  let next = new Float64Array(TAG_COUNT);
  const back = new Int32Array(n * TAG_COUNT);
  const first = logProbs[0]!;
  for (let t = 0; t < TAG_COUNT; t++) score[t] = atStart[t] ? first[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const emissions = logProbs[i]!;
    for (let to = 0; to < TAG_COUNT; to++) {
      let best = -Infinity;
      let bestFrom = 0;
      for (let from = 0; from < TAG_COUNT; from++) {
        if (allowed[from * TAG_COUNT + to] === 0) continue;
        const candidate = score[from]!;
        if (candidate > best) {
          best = candidate;
          bestFrom = from;
        }
      }
      next[to] = best + emissions[to]!;
      back[i * TAG_COUNT + to] = bestFrom;
    }
    [score, next] = [next, score];
  }
  let last = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (score[t]! > score[last]!) last = t;
  const path = new Array<BioTag>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = BIO_TAGS[last]!;
    last = back[i * TAG_COUNT + last]!;
  }
  return path;
}

/** Independent best tag per word. */
export function argmaxTags(logProbs: WordLogProbs): BioTag[] {
  return logProbs.map((row) => {
    let best = 0;
    for (let t = 1; t < TAG_COUNT; t++) if (row[t]! > row[best]!) best = t;
    return BIO_TAGS[best]!;
  });
}

export function decodeTags(logProbs: WordLogProbs, mode: DecodeMode, typesWithBegin: ReadonlySet<NerType>): BioTag[] {
  return mode === 'viterbi' ? viterbi(logProbs, typesWithBegin) : argmaxTags(logProbs);
}

/**
 * Entity spans of a tag sequence, seqeval conventions: `B-X` opens; `I-X` continues an open `X` and
 * otherwise opens one (after `O` or another type).
 */
export function tagsToSpans(tags: readonly BioTag[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  tags.forEach((tag, i) => {
    const type = tagType(tag);
    if (type === null) {
      open = null;
      return;
    }
    if (open && tag.startsWith('I-') && open.type === type) {
      open.last = i;
      return;
    }
    open = { first: i, last: i, type };
    spans.push(open);
  });
  return spans;
}

/** Mean over the span's words of the probability of its type (B-X + I-X). */
export function spanScore(logProbs: WordLogProbs, span: TagSpan): number {
  const begin = TAG_INDEX.get(`B-${span.type}`)!;
  const inside = TAG_INDEX.get(`I-${span.type}`)!;
  let sum = 0;
  for (let i = span.first; i <= span.last; i++) {
    const row = logProbs[i]!;
    sum += Math.exp(row[begin]!) + Math.exp(row[inside]!);
  }
  return sum / (span.last - span.first + 1);
}

export function tagIndex(tag: BioTag): number {
  return TAG_INDEX.get(tag)!;
}
