import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_COST_TOKENS, planBatches } from '../../src/ner/batching.js';

/** Padded tokens computed plus the per-call cost, for sizes over lengths sorted longest first. */
function planCost(lengths: readonly number[], sizes: readonly number[], callCost: number): number {
  let cost = 0;
  let start = 0;
  for (const size of sizes) {
    cost += size * lengths[start]! + callCost;
    start += size;
  }
  return cost;
}

/** Every way to cut n items into consecutive batches of at most maxBatch (small n only). */
function allPlans(n: number, maxBatch: number): number[][] {
  if (n === 0) return [[]];
  const plans: number[][] = [];
  for (let first = 1; first <= Math.min(n, maxBatch); first++) for (const rest of allPlans(n - first, maxBatch)) plans.push([first, ...rest]);
  return plans;
}

const sortedLengths = (maxLength: number, maxItems: number) =>
  fc.array(fc.integer({ min: 1, max: maxLength }), { maxLength: maxItems }).map((lengths) => lengths.sort((a, b) => b - a));

describe('planBatches', () => {
  it('cuts a long outlier away from short sequences', () => {
    expect(planBatches([120, 20, 20, 20], 32, 24)).toEqual([1, 3]);
  });

  it('makes as few calls as possible when lengths are equal', () => {
    const sizes = planBatches(Array(70).fill(40), 32, CALL_COST_TOKENS);
    expect(sizes).toHaveLength(3);
    expect(Math.max(...sizes)).toBe(32);
  });

  it('gives one sequence per call when a call costs nothing', () => {
    expect(planBatches([9, 5, 3], 32, 0)).toEqual([1, 1, 1]);
  });

  it('handles no sequence', () => {
    expect(planBatches([], 32)).toEqual([]);
  });

  it('covers every sequence once, in order, within the batch size', () => {
    fc.assert(
      fc.property(sortedLengths(128, 200), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 200 }), (lengths, maxBatch, callCost) => {
        const sizes = planBatches(lengths, maxBatch, callCost);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(lengths.length);
        for (const size of sizes) expect(size >= 1 && size <= maxBatch).toBe(true);
      }),
    );
  });

  it('never costs more than fixed groups of batchSize', () => {
    fc.assert(
      fc.property(sortedLengths(128, 200), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 200 }), (lengths, maxBatch, callCost) => {
        const fixed: number[] = [];
        for (let left = lengths.length; left > 0; left -= maxBatch) fixed.push(Math.min(left, maxBatch));
        expect(planCost(lengths, planBatches(lengths, maxBatch, callCost), callCost)).toBeLessThanOrEqual(planCost(lengths, fixed, callCost));
      }),
    );
  });

  it('is optimal (brute force on small inputs)', () => {
    fc.assert(
      fc.property(sortedLengths(60, 9), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 80 }), (lengths, maxBatch, callCost) => {
        const best = Math.min(...allPlans(lengths.length, maxBatch).map((plan) => planCost(lengths, plan, callCost)));
        expect(planCost(lengths, planBatches(lengths, maxBatch, callCost), callCost)).toBe(best);
      }),
    );
  });
});
