/**
 * Every rule row's `examples` are tests, as HeidelTime's EXAMPLE lines: each runs through the engine the row documents
 * and must give what the row states. Here the date rules of both languages (src/rules/fr/dates-patterns.ts,
 * src/rules/en/date-patterns.ts) and the English trigger rows (src/rules/en/events.ts); the French trigger rows, noun classes and money phrases are checked by
 * test/events/trigger-examples.test.ts, the entity cues by test/entities/split-and-vote.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPILED_RULES } from '../../src/dates/compile.js';
import { findTimeExpressions } from '../../src/dates/recognize.js';
import { clusterEntities } from '../../src/entities/cluster.js';
import { buildEventRecords } from '../../src/events/records.js';
import { findEnglishTimeExpressions } from '../../src/lang/en/dates.js';
import { extractEnglishEvents } from '../../src/lang/en/events.js';
import { EN_DATE_RULES } from '../../src/rules/en/date-patterns.js';
import { EN_TRIGGERS } from '../../src/rules/en/events.js';
import { DATE_RULES } from '../../src/rules/fr/dates-patterns.js';
import { DATE_EXAMPLE_PUBLICATION } from '../../src/rules/schema.js';
import { TRIGGERS } from '../../src/rules/fr/triggers.js';
import { makeDoc, TEST_PROVENANCE } from '../helpers/events.js';
import { parseMarkedExample } from '../helpers/examples.js';

describe('French date rule examples', () => {
  it('every rule has an example', () => {
    expect(DATE_RULES.filter((rule) => rule.examples.length === 0).map((rule) => rule.id)).toEqual([]);
  });
  for (const { rule, regex } of COMPILED_RULES) {
    for (const example of rule.examples) {
      it(`${rule.id}: ${example.text}`, () => {
        const { text, spans } = parseMarkedExample(example.text);
        const found = findTimeExpressions(text, { publication: DATE_EXAMPLE_PUBLICATION });
        expect(found.map((t) => [text.slice(t.start, t.end), t.type, t.value, t.mod])).toEqual(
          spans.map(([start, end], k) => [text.slice(start, end), example.type, example.values[k], example.mod ?? null]),
        );
        const matches = [...text.matchAll(new RegExp(regex.source, regex.flags))].map((m) => [m.index, m.index + m[0].length] as const);
        expect(matches.some(([a, b]) => spans.some(([start, end]) => a < end && start < b)), `rule ${rule.id} does not match there`).toBe(true);
      });
    }
  }
});

describe('English date rule examples', () => {
  it('every rule has an example', () => {
    expect(EN_DATE_RULES.filter((rule) => rule.examples.length === 0).map((rule) => rule.name)).toEqual([]);
  });
  for (const rule of EN_DATE_RULES) {
    for (const example of rule.examples) {
      it(`${rule.name}: ${example.text}`, () => {
        const { text, spans } = parseMarkedExample(example.text);
        const found = findEnglishTimeExpressions(text, { publication: DATE_EXAMPLE_PUBLICATION });
        expect(found.map((t) => [text.slice(t.start, t.end), t.type, t.value, t.mod])).toEqual(
          spans.map(([start, end], k) => [text.slice(start, end), example.type, example.values[k], example.mod ?? null]),
        );
        const matches = [...text.matchAll(new RegExp(rule.pattern, 'giu'))].map((m) => [m.index, m.index + m[0].length] as const);
        expect(matches.some(([a, b]) => spans.some(([start, end]) => a < end && start < b)), `rule ${rule.name} does not match there`).toBe(true);
      });
    }
  }
});

describe('English trigger row examples', () => {
  const rows = EN_TRIGGERS.filter((row) => row.examples && row.examples.length > 0);
  it('rows carry examples', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });
  for (const row of rows) {
    for (const example of row.examples ?? []) {
      it(`${row.lemma} (${row.type}): ${example}`, () => {
        const { text, spans, names } = parseMarkedExample(example);
        const doc = makeDoc({ text, entities: names });
        clusterEntities(doc);
        const records = buildEventRecords(doc, TEST_PROVENANCE, { extract: extractEnglishEvents });
        const [span] = spans;
        const hit = span && records.find((r) => r.type === row.type && r.trigger.start < span[1] && span[0] < r.trigger.end);
        expect(hit, `events: ${records.map((r) => `${r.type} “${r.trigger.text}”`).join(', ') || 'none'}`).toBeDefined();
      });
    }
  }
});

describe('rows without examples', () => {
  // A ratchet: new rows come with examples, and these counts only go down.
  it('French trigger rows', () => {
    expect(TRIGGERS.filter((row) => !row.examples?.length).length).toBeLessThanOrEqual(162);
  });
  it('English trigger rows', () => {
    expect(EN_TRIGGERS.filter((row) => !row.examples?.length).length).toBeLessThanOrEqual(97);
  });
});
