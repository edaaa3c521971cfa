import { describe, expect, it } from 'vitest';
import { argmaxTags, spanScore, tagsToSpans, viterbi, type WordLogProbs } from '../../src/ner/decode.js';
import { BIO_TAGS, normalizeEntityType, parseLabel, toBioTag, type BioTag, type NerType } from '../../src/ner/labels.js';

const ALL_TYPES: ReadonlySet<NerType> = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE']);

/** Log-probs for one word from a few tag probabilities; the rest share what is left. */
function word(probabilities: Partial<Record<BioTag, number>>): Float64Array {
  const given = Object.values(probabilities).reduce((a, b) => a + b, 0);
  const rest = (1 - given) / (BIO_TAGS.length - Object.keys(probabilities).length);
  return Float64Array.from(BIO_TAGS.map((tag) => Math.log(probabilities[tag] ?? rest)));
}

describe('label mapping (data table)', () => {
  it.each([
    ['B-PER', 'B-PER'],
    ['I-PERS', 'I-PER'],
    ['PERS', 'I-PER'],
    ['LOC', 'I-LOC'],
    ['DATE', 'I-DATE'],
    ['B-TIME', 'B-DATE'],
    ['S-ORG', 'B-ORG'],
    ['E-ORGANIZATION', 'I-ORG'],
    ['B_LOCATION', 'B-LOC'],
    ['B-PROD', 'B-MISC'],
    ['I-EVE', 'I-MISC'],
    ['O', 'O'],
    ['B-NUM', 'O'],
    ['PERCENT', 'O'],
  ])('%s → %s', (label, tag) => {
    expect(toBioTag(label)).toBe(tag);
  });

  it('reads corpus type names with readings and subtypes', () => {
    expect(normalizeEntityType('NE-PERS.final')).toBe('PER');
    expect(normalizeEntityType('pers.ind')).toBe('PER');
    expect(normalizeEntityType('prod')).toBe('MISC');
    expect(normalizeEntityType('time')).toBe('DATE');
    expect(normalizeEntityType('quantity')).toBeNull();
    expect(parseLabel('I-quantity')).toEqual({ prefix: 'O', type: null });
  });
});

describe('BIO decoding', () => {
  it('tagsToSpans follows seqeval: an I- after O or another type opens an entity', () => {
    expect(tagsToSpans(['B-PER', 'I-PER', 'O', 'I-LOC', 'I-LOC', 'I-ORG', 'B-ORG', 'B-ORG'])).toEqual([
      { first: 0, last: 1, type: 'PER' },
      { first: 3, last: 4, type: 'LOC' },
      { first: 5, last: 5, type: 'ORG' },
      { first: 6, last: 6, type: 'ORG' },
      { first: 7, last: 7, type: 'ORG' },
    ]);
  });

  it('Viterbi never emits I-X after O or after another type, where argmax does', () => {
    const logProbs: WordLogProbs = [
      word({ O: 0.5, 'B-PER': 0.45 }),
      word({ 'I-PER': 0.6, O: 0.35 }),
      word({ 'I-LOC': 0.6, 'B-LOC': 0.3 }),
    ];
    expect(argmaxTags(logProbs)).toEqual(['O', 'I-PER', 'I-LOC']);
    const path = viterbi(logProbs, ALL_TYPES);
    expect(path).toEqual(['B-PER', 'I-PER', 'B-LOC']);
    for (let i = 1; i < path.length; i++) {
      if (path[i]!.startsWith('I-')) expect(path[i - 1]!.slice(2)).toBe(path[i]!.slice(2));
    }
  });

  it('Viterbi keeps a sequence that is already valid', () => {
    const logProbs: WordLogProbs = [word({ 'B-ORG': 0.9 }), word({ 'I-ORG': 0.9 }), word({ O: 0.9 })];
    expect(viterbi(logProbs, ALL_TYPES)).toEqual(['B-ORG', 'I-ORG', 'O']);
  });

  it('IO-scheme types (no B- label) may start with I-', () => {
    const io: WordLogProbs = [word({ 'I-PER': 0.9, 'B-PER': 0 }), word({ 'I-PER': 0.9, 'B-PER': 0 })];
    expect(viterbi(io, new Set<NerType>(['LOC']))).toEqual(['I-PER', 'I-PER']);
    expect(tagsToSpans(viterbi(io, new Set<NerType>(['LOC'])))).toEqual([{ first: 0, last: 1, type: 'PER' }]);
  });

  it('empty input decodes to nothing', () => {
    expect(viterbi([], ALL_TYPES)).toEqual([]);
  });

  it('span score is the mean probability of the type over the words', () => {
    const logProbs: WordLogProbs = [word({ 'B-PER': 0.8, 'I-PER': 0.1 }), word({ 'I-PER': 0.5, 'B-PER': 0.2 })];
    expect(spanScore(logProbs, { first: 0, last: 1, type: 'PER' })).toBeCloseTo((0.9 + 0.7) / 2, 10);
  });
});
