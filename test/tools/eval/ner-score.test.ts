import { describe, expect, it } from 'vitest';
import { countMatches, summarize, type Counts } from '../../../tools/eval/ner-score.js';

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

describe('strict span scoring', () => {
  it('counts exact (start, end, type) matches only', () => {
    const byType = new Map<string, Counts>();
    countMatches(
      [{ start: 0, end: 5, label: 'PER' }, { start: 10, end: 15, label: 'LOC' }],
      [{ start: 0, end: 5, label: 'PER' }, { start: 10, end: 14, label: 'LOC' }, { start: 20, end: 25, label: 'ORG' }],
      TYPES,
      byType,
    );
    const { perType, micro } = summarize(byType, TYPES);
    expect(perType.PER).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, f1: 1 });
    expect(perType.LOC).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(perType.ORG).toMatchObject({ falsePositives: 1 });
    expect(micro.precision).toBeCloseTo(1 / 3, 10);
    expect(micro.recall).toBeCloseTo(1 / 2, 10);
  });

  it('optional gold entities count neither way; also_ok labels are accepted', () => {
    const byType = new Map<string, Counts>();
    countMatches(
      [
        { start: 0, end: 5, label: 'MISC', optional: true, alsoOk: ['ORG'] },
        { start: 10, end: 17, label: 'ORG', alsoOk: ['MISC'] },
        { start: 20, end: 24, label: 'MISC', optional: true },
      ],
      [{ start: 0, end: 5, label: 'ORG' }, { start: 10, end: 17, label: 'MISC' }],
      TYPES,
      byType,
    );
    const { micro, perType } = summarize(byType, TYPES);
    expect(micro).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, support: 1 });
    expect(perType.ORG!.truePositives).toBe(1);
  });

  it('a gold entity is matched at most once', () => {
    const byType = new Map<string, Counts>();
    countMatches([{ start: 0, end: 5, label: 'PER' }], [{ start: 0, end: 5, label: 'PER' }, { start: 0, end: 5, label: 'PER' }], TYPES, byType);
    expect(byType.get('PER')).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
  });
});
