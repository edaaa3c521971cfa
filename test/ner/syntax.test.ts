import { describe, expect, it } from 'vitest';
import { applyLemmaScript, decodeTree, isTree, readSyntaxSpec } from '../../src/ner/syntax.js';
import { FEATURE_GROUPS, SYNTAX_OUTPUTS, UPOS_TAGS } from '../../src/ner/contract.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scores(n: number, next: () => number, rootBoost = 0): Float64Array[] {
  return Array.from({ length: n + 1 }, (_, d) => Float64Array.from({ length: n + 1 }, (_, h) => (d === 0 ? 0 : next() * 4 - 2 + (h === 0 ? rootBoost : 0))));
}

function total(score: Float64Array[], heads: number[]): number {
  return heads.reduce((sum, h, d) => sum + score[d + 1]![h]!, 0);
}

/** The best single-root tree by enumerating every head assignment. */
function bruteForce(score: Float64Array[]): number {
  const n = score.length - 1;
  let best = -Infinity;
  const heads = new Array<number>(n).fill(0);
  const visit = (d: number): void => {
    if (d === n) {
      if (isTree(heads)) best = Math.max(best, total(score, heads));
      return;
    }
    for (let h = 0; h <= n; h++) {
      if (h === d + 1) continue;
      heads[d] = h;
      visit(d + 1);
    }
  };
  visit(0);
  return best;
}

describe('dependency tree decoding', () => {
  it('finds the best single-root tree (against enumeration, 1–6 words)', () => {
    const next = random(11);
    for (let trial = 0; trial < 120; trial++) {
      const n = 1 + (trial % 6);
      const s = scores(n, next, trial % 3 === 0 ? 3 : 0);
      const heads = decodeTree(s);
      expect(isTree(heads)).toBe(true);
      expect(total(s, heads)).toBeCloseTo(bruteForce(s), 9);
    }
  });

  it('respects forbidden arcs and handles long sentences', () => {
    const next = random(5);
    const s = scores(80, next);
    for (let d = 2; d <= 80; d++) s[d]![1] = -Infinity; // nothing may attach to word 1
    const heads = decodeTree(s);
    expect(isTree(heads)).toBe(true);
    expect(heads.slice(1).includes(1)).toBe(false);
    expect(decodeTree([new Float64Array(1)])).toEqual([]);
  });

  it('isTree rejects two roots and cycles', () => {
    expect(isTree([0, 1, 1])).toBe(true);
    expect(isTree([0, 0])).toBe(false);
    expect(isTree([0, 3, 2])).toBe(false);
  });
});

describe('lemma edit scripts (training/lemma.py)', () => {
  it('apply as the training side does', () => {
    expect(applyLemmaScript('L|3|er', 'Chantées')).toBe('chanter');
    expect(applyLemmaScript('K|0|', 'Paris')).toBe('Paris');
    expect(applyLemmaScript('L|0|', 'La')).toBe('la');
    expect(applyLemmaScript('L|3|être', 'est')).toBe('être');
    expect(applyLemmaScript('L|9|x', 'ab')).toBe('x');
    expect(applyLemmaScript('K|1|a|b', 'xy')).toBe('xa|b');
  });
});

describe('syntax declaration of a model folder', () => {
  const feats = Object.fromEntries(FEATURE_GROUPS.map((g) => [g, ['_', 'X']]));
  const syntax = { upos: [...UPOS_TAGS], feats, featGroups: [...FEATURE_GROUPS], lemmas: ['L|0|'], deprels: ['root'], relRank: 8 };
  it('is read when every contract output is declared, null for a NER-only model', () => {
    expect(readSyntaxSpec({ chronique: { outputs: ['logits', ...SYNTAX_OUTPUTS], syntax } })?.deprels).toEqual(['root']);
    expect(readSyntaxSpec({})).toBeNull();
    expect(readSyntaxSpec({ chronique: { outputs: ['logits'] } })).toBeNull();
  });
  it('refuses value lists that contradict the contract', () => {
    expect(() => readSyntaxSpec({ chronique: { outputs: SYNTAX_OUTPUTS, syntax: { ...syntax, upos: ['NOUN'] } } })).toThrow(/upos/);
    expect(() => readSyntaxSpec({ chronique: { outputs: SYNTAX_OUTPUTS, syntax: { ...syntax, relRank: undefined } } })).toThrow(/relRank/);
  });
});
