import { describe, expect, it } from 'vitest';
import { createEnglishDateContext, findEnglishTimeExpressions } from '../../src/lang/en/dates.js';

/** [text, publication, expected [span text, type, value, mod?] in order] */
const CASES: Array<[string, string | null, Array<[string, string, string | null, string?]>]> = [
  ['Profit rose in the third quarter, the company said yesterday.', '1989-11-02', [['the third quarter', 'DATE', '1989-Q3'], ['yesterday', 'DATE', '1989-11-01']]],
  ['He has worked there for three years and will retire next year.', '1998-02-13', [['three years', 'DURATION', 'P3Y'], ['next year', 'DATE', '1999']]],
  ['The talks resumed on Tuesday and ended at 10 p.m. Wednesday.', '1998-02-13', [['Tuesday', 'DATE', '1998-02-10'], ['10 p.m. Wednesday', 'TIME', '1998-02-11T22']]],
  ['The index fell in the past few weeks; it is now lower than in the 1980s.', '1990-08-15', [['the past few weeks', 'DURATION', 'PXW'], ['now', 'DATE', 'PRESENT_REF'], ['the 1980s', 'DATE', '198']]],
  ['Dividends are paid annually; prices rose 5% a year since mid-November.', '1989-12-01', [['annually', 'SET', 'P1Y'], ['a year', 'SET', 'P1Y'], ['mid-November', 'DATE', '1989-11', 'MID']]],
  ['The offer expires Dec. 7, and shares fell 1/4 to $3.625 a share last week.', '1989-11-02', [['Dec. 7', 'DATE', '1989-12-07'], ['last week', 'DATE', '1989-W43']]],
  ['It was signed on March 15, 2007, three years ago.', '2010-05-01', [['March 15, 2007', 'DATE', '2007-03-15'], ['three years ago', 'DATE', '2007']]],
  ['Earlier this month, a five-year plan was approved this morning.', '1998-01-20', [['Earlier this month', 'DATE', '1998-01', 'START'], ['five-year', 'DURATION', 'P5Y'], ['this morning', 'TIME', '1998-01-20TMO']]],
  ['Sales rose last year.', null, [['last year', 'DATE', null]]],
];

describe('English time expressions', () => {
  for (const [text, publication, expected] of CASES) {
    it(text, () => {
      const found = findEnglishTimeExpressions(text, { publication });
      for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(found.map((t) => [t.text, t.type, t.value, ...(t.mod ? [t.mod] : [])])).toEqual(expected);
      for (const t of found) expect(t.anchor === 'unresolved').toBe(t.value === null);
    });
  }

  it('reads the quarter in view for `a year ago` in a quarterly report (context across sentences)', () => {
    const text = 'Net income fell in the third quarter. A year ago, the company earned $5 million.';
    const context = createEnglishDateContext();
    const first = findEnglishTimeExpressions(text, { publication: '1989-11-02', region: { start: 0, end: 37 }, context });
    const second = findEnglishTimeExpressions(text, { publication: '1989-11-02', region: { start: 38, end: text.length }, context });
    expect(first.map((t) => t.value)).toEqual(['1989-Q3']);
    expect(second.map((t) => [t.text, t.value, t.anchor])).toEqual([['A year ago', '1988-Q3', 'context']]);
  });

  it('keeps offsets into the whole text when searching a region', () => {
    const text = 'Intro line.\nThe vote is set for Friday, Nov. 17.';
    const found = findEnglishTimeExpressions(text, { publication: '1989-11-02', region: { start: 12, end: text.length } });
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) {
      expect(t.start).toBeGreaterThanOrEqual(12);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    expect(found.map((t) => t.value)).toContain('1989-11-17');
  });
});
