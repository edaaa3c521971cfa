/**
 * Property tests of the time-expression recognizer on arbitrary and adversarial text: it never throws, every span lies
 * inside the text (and inside the region when one is given), `text.slice(start, end)` is the candidate's text, spans do
 * not overlap, and the same input gives the same output.
 */
import { corporaDir } from '../../tools/eval/corpora.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPILED_RULES } from '../../src/dates/compile.js';
import { findTimeExpressions, type TimexCandidate } from '../../src/dates/recognize.js';
import { loadTimebank } from '../../tools/eval/dates-eval.js';

// Pieces that look like dates, so that random strings often reach the normalizer's edge cases.
const DATE_PIECES = [
  '32 juillet 2022', '31 février 2023', "l'an 99999", 'le 1er mars', '13/07/2022', '99/99/9999', '2022-02-30', 'années 90',
  'XXXXe siècle', 'MMMe siècle', 'il y a 99999 ans', 'dans 0 jours', 'hier soir', 'à 25 h 61', 'à 14h30', 'fin ', 'mi-', 'la fin de ',
  'vers ', 'début des années ', 'du 40 au 50 mai', 'entre mai et ', "l'été ", 'chaque ', 'par an', 'Lundi', 'DIMANCHE', 'aujourd’hui',
  '0000', '9999', '1 000', '2,5', ' ', '\n', ',', '.', "'", '’', '\u00a0', '-', 'é', '\u0301', '😀',
  'quotidien', 'trimestre', 'il y a ', 'dans ', ' heures', 'minuit', 'week-end', 'Noël', 'la nuit de ', 'années ', 'siècle',
  'récemment', 'actuel', 'deux mille ', 'le vingt-quatre ', 'quinquennat', 'un demi-siècle', 'par ', 'tous les ', 'le lendemain',
  'ce soir', 'en 97', '14:30', '5 000 ', 'de 8 à 24 mois', 'plus de ', 'ces derniers ', 'semestre', 'mi-', 'Pâques',
];

const datey = fc.array(fc.oneof(fc.constantFrom(...DATE_PIECES), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 99999 }).map(String)), { maxLength: 30 }).map((parts) => parts.join(''));
const publication = fc.oneof(fc.constant(null), fc.constantFrom('2024', '2024-03', '2024-02-29', '1999-12-31', '0001-01-01', 'garbage', '2024-13-45'));

function checkCandidates(text: string, found: TimexCandidate[], from = 0, to = text.length): void {
  let previousEnd = -1;
  for (const c of found) {
    expect(c.start).toBeGreaterThanOrEqual(from);
    expect(c.end).toBeLessThanOrEqual(to);
    expect(c.end).toBeGreaterThan(c.start);
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = c.end;
  }
}

describe('findTimeExpressions properties', () => {
  it('never throws; spans are exact, ordered, non-overlapping slices of the text', () => {
    fc.assert(
      fc.property(fc.oneof(datey, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })), publication, (text, pub) => {
        const found = findTimeExpressions(text, { publication: pub });
        checkCandidates(text, found);
        expect(JSON.stringify(findTimeExpressions(text, { publication: pub }))).toBe(JSON.stringify(found));
      }),
      { numRuns: 400 },
    );
  });

  it('with a region, spans stay inside it', () => {
    fc.assert(
      fc.property(datey, publication, fc.nat(), fc.nat(), (text, pub, a, b) => {
        const start = text.length ? a % (text.length + 1) : 0;
        const end = text.length ? start + (b % (text.length - start + 1)) : 0;
        checkCandidates(text, findTimeExpressions(text, { publication: pub, region: { start, end } }), start, end);
      }),
      { numRuns: 300 },
    );
  });

  it('a rule’s guard matches wherever the rule does (guards only save time)', () => {
    fc.assert(
      fc.property(datey, (text) => {
        for (const { rule, regex, guard } of COMPILED_RULES) {
          if (!guard) continue;
          regex.lastIndex = 0;
          if (regex.test(text)) expect(guard.test(text), rule.id).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('guards hold on real news text too (FR-TimeBank, when present)', () => {
    const root = path.join(corporaDir(), 'fr-timebank', 'Data');
    if (!existsSync(root)) return;
    for (const doc of loadTimebank(root)) {
      for (const line of doc.text.split('\n')) {
        for (const { rule, regex, guard } of COMPILED_RULES) {
          if (!guard) continue;
          regex.lastIndex = 0;
          if (regex.test(line)) expect(guard.test(line), `${rule.id}: ${line}`).toBe(true);
        }
      }
    }
  });

  it('adversarial long inputs finish fast (no catastrophic backtracking)', () => {
    const inputs = [
      '1'.repeat(5000),
      '1 '.repeat(3000),
      'le '.repeat(3000),
      'de '.repeat(2000) + '2020',
      'vingt-'.repeat(2000) + 'ans',
      'mi-'.repeat(2000),
      'il y a '.repeat(1000),
      '12/'.repeat(2000),
      'juillet '.repeat(1000),
      'h'.repeat(5000),
      "l'".repeat(3000),
      'la nuit de '.repeat(1000),
      'à Noël '.repeat(1000),
      'lundi, '.repeat(2000),
      '14:'.repeat(2000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      const found = findTimeExpressions(text, { publication: '2024-03-15' });
      checkCandidates(text, found);
      // Linear inputs take ~0.1 s even here; catastrophic backtracking would take minutes. The margin absorbs a loaded CI.
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(3000);
    }
  });
});
