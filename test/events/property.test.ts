import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDocument } from '../../src/document.js';
import { type EntityLabel } from '../../src/vocabulary.js';
import { buildEventRecords } from '../../src/events/records.js';
import { clusterEntities } from '../../src/entities/cluster.js';
import { checkOffsets, validateRecords } from '../../tools/eval/events-eval.js';
import { TEST_PROVENANCE } from '../helpers/events.js';

const WORDS = ['Il', 'il', 'elle', 'son', 'sa', 'départ', 'de', "d'", 'a', 'quitté', 'rejoint', 'Tesla', 'Paris', 'Marie', 'Curie', 'la', "l'entreprise", 'enquête', 'sur', 'en', '2019', ',', '.', 'ne', 'pas', 'pourrait', 'fermeture', 'à', 'chez', 'qui', 'que', '(', ')', 'NHTSA', 'élu', 'les', 'mort', '«', '»', 'levé', 'millions', 'pour', '\u00A0', '’', 'aujourd’hui', '😀'];
const LABELS: EntityLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];

describe('events on arbitrary input', () => {
  it('never throw, and every record has exact offsets and validates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 }), fc.constantFrom(...LABELS)), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (words, mentionSpecs, timexSpecs) => {
          const text = words.join(' ');
          const doc = createDocument({ id: 'p.txt', source: 'p.txt', sha256: '', title: null, published: null, url: null, declaredLanguage: null }, text, { start: 0, end: text.length }, null);
          // Word offsets, then sentences cut after each '.'.
          const starts: number[] = [];
          let at = 0;
          for (const w of words) {
            starts.push(at);
            at += w.length + 1;
          }
          let sentenceStart = 0;
          words.forEach((w, i) => {
            if (w === '.' || i === words.length - 1) {
              doc.sentences.push({ index: doc.sentences.length, start: sentenceStart, end: starts[i]! + w.length, kind: 'body' });
              sentenceStart = starts[i]! + w.length + 1;
            }
          });
          const sentenceOf = (offset: number) => doc.sentences.find((s) => offset >= s.start && offset < s.end);
          for (const [first, length, label] of mentionSpecs) {
            const i = first % words.length;
            const j = Math.min(words.length - 1, i + length - 1);
            const start = starts[i]!;
            const end = starts[j]! + words[j]!.length;
            const s = sentenceOf(start);
            if (!s || end > s.end || doc.mentions.some((m) => m.start < end && start < m.end)) continue;
            doc.mentions.push({ start, end, sentence: s.index, label, score: 0.5, source: 'model' });
          }
          for (const k of timexSpecs) {
            const i = k % words.length;
            const s = sentenceOf(starts[i]!);
            if (!s) continue;
            doc.timexes.push({ start: starts[i]!, end: starts[i]! + words[i]!.length, sentence: s.index, type: 'DATE', value: '2019', granularity: 'year', mod: null, anchor: 'absolute', source: 'rules' });
          }
          clusterEntities(doc);
          const records = buildEventRecords(doc, TEST_PROVENANCE);
          expect(checkOffsets(doc, records)).toEqual([]);
          expect(validateRecords(records)).toEqual([]);
          expect(JSON.stringify(buildEventRecords(doc, TEST_PROVENANCE))).toBe(JSON.stringify(records));
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
