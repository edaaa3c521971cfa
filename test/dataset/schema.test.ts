import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { renderSchemaFiles, SCHEMA_DIR } from '../../tools/write-schema.js';
import { checkOffsets, runGoldLayers, validateRecords } from '../../tools/eval/events-eval.js';
import type { EventRecord } from '../../src/dataset/schema.js';

describe('event schema', () => {
  it('the committed schema files are what `npm run schema` writes', () => {
    for (const [name, content] of renderSchemaFiles()) {
      expect(readFileSync(path.join(SCHEMA_DIR, name), 'utf8'), `schema/${name} is stale: run npm run schema`).toBe(content);
    }
  });

  it('the schema rejects malformed records', () => {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'event.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({})).toBe(false);
    expect(validateRecords([{ id: 'x' }])).toHaveLength(1);
  });
});

describe('seed article with gold layers', async () => {
  const { doc, result } = await runGoldLayers();
  const records = doc.events as EventRecord[];

  it('matches at least 10 of the 12 core gold events', () => {
    const missed = result.matches.filter((m) => !m.matched).map((m) => `${m.gold.id}: ${m.reason}`);
    expect(result.matched, missed.join('\n')).toBeGreaterThanOrEqual(10);
  });

  it('every record validates against schema/event.schema.json', () => {
    expect(records.length).toBeGreaterThan(0);
    expect(validateRecords(records)).toEqual([]);
  });

  it('every offset slices the text to the recorded text', () => {
    expect(checkOffsets(doc, records)).toEqual([]);
    for (const r of records) {
      for (const a of r.arguments) {
        expect(doc.text.slice(a.start, a.end)).toBe(a.text);
        if (a.resolved) expect(a.antecedent).not.toBeNull();
      }
      if (r.time) expect(doc.text.slice(r.time.start, r.time.end)).toBe(r.time.text);
      expect(r.trigger.start).toBeGreaterThanOrEqual(r.sentence.start);
      expect(r.trigger.end).toBeLessThanOrEqual(r.sentence.end);
    }
  });

  it('is deterministic and sorted', () => {
    const sorted = [...records].sort((a, b) => a.trigger.start - b.trigger.start || (a.type < b.type ? -1 : 1));
    expect(records.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('reads the NHTSA investigation, the 2016 promise and the hypothetical return as the text says', () => {
    const nhtsa = records.find((r) => r.type === 'Justice.Investigate')!;
    expect(nhtsa.arguments.find((a) => a.role === 'agent')?.canonical).toBe('National Highway Traffic Safety Administration');
    expect(nhtsa.time?.value).toBe('2021-08');
    // `Tesla n'a pas encore pu réaliser la promesse de Elon Musk faite en 2016`: the negation is on the fulfilment.
    const promise = records.find((r) => r.trigger.text === 'promesse')!;
    expect([promise.polarity, promise.modality, promise.time?.value]).toEqual(['positive', 'asserted', '2016']);
    const ret = records.filter((r) => r.trigger.text === 'retour').at(-1)!;
    expect(ret.modality).toBe('hypothetical');
  });
});
