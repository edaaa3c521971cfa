import { describe, expect, it } from 'vitest';
import { clusterEntities, entityId, foldName, initials, propagateMentions } from '../../src/entities/cluster.js';
import { makeDoc } from '../helpers/events.js';
import { seedDocumentWithGoldLayers } from '../../tools/eval/seed-gold.js';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { documentToRecords } from '../../src/dataset/records.js';

const canonicalOf = (doc: ReturnType<typeof makeDoc>, surface: string) => {
  const mention = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === surface)!;
  return doc.entities.find((e) => e.id === mention.entity)?.canonical;
};

describe('entity clustering', () => {
  it('merges case variants and prefers the form with an internal capital', () => {
    const doc = makeDoc({ text: 'Openai publie. OpenAI recrute. Openai grandit.', entities: [['Openai', 'ORG'], ['OpenAI', 'ORG']] });
    clusterEntities(doc);
    expect(doc.entities).toHaveLength(1);
    expect(doc.entities[0]).toMatchObject({ canonical: 'OpenAI', label: 'ORG' });
    expect(doc.mentions.every((m) => m.entity === doc.entities[0]!.id)).toBe(true);
  });

  it('prefers a capitalized form over a shouted or lowercase one, then the most frequent', () => {
    const doc = makeDoc({ text: 'TESLA chute. Tesla rebondit. Tesla publie.', entities: [['TESLA', 'ORG'], ['Tesla', 'ORG']] });
    clusterEntities(doc);
    expect(doc.entities.map((e) => e.canonical)).toEqual(['Tesla']);
  });

  it('joins surnames and first names to the full person name', () => {
    const doc = makeDoc({
      text: 'Karpathy parle. Andrej Karpathy écrit. Elon Musk répond. Musk insiste. Elon rit. Andrej part.',
      entities: [['Karpathy', 'PER', 0], ['Andrej Karpathy', 'PER'], ['Elon Musk', 'PER'], ['Musk', 'PER', 1], ['Elon', 'PER', 1], ['Andrej', 'PER', 1]],
    });
    clusterEntities(doc);
    expect(doc.entities.map((e) => [e.canonical, e.mentions.length])).toEqual([
      ['Andrej Karpathy', 3],
      ['Elon Musk', 3],
    ]);
  });

  it('leaves an ambiguous surname with the most mentioned person, and never merges different organizations', () => {
    const doc = makeDoc({
      text: 'Marie Curie et Pierre Curie. Marie Curie encore. Curie gagne. Google Research et Google DeepMind.',
      entities: [['Marie Curie', 'PER'], ['Pierre Curie', 'PER'], ['Curie', 'PER', 3], ['Google Research', 'ORG'], ['Google DeepMind', 'ORG']],
    });
    clusterEntities(doc);
    expect(canonicalOf(doc, 'Curie')).toBe('Marie Curie');
    expect(doc.entities.filter((e) => e.label === 'ORG').map((e) => e.canonical)).toEqual(['Google Research', 'Google DeepMind']);
  });

  it('resolves acronyms defined in parentheses, and later bare uses', () => {
    const doc = makeDoc({
      text: "La National Highway Traffic Safety Administration (NHTSA) enquête. La NHTSA a publié. L'Organisation mondiale de la santé (OMS) alerte.",
      entities: [['National Highway Traffic Safety Administration', 'ORG'], ['NHTSA', 'ORG'], ['Organisation mondiale de la santé', 'ORG'], ['OMS', 'ORG']],
    });
    clusterEntities(doc);
    expect(doc.entities.map((e) => [e.canonical, e.mentions.length])).toEqual([
      ['National Highway Traffic Safety Administration', 3],
      ['Organisation mondiale de la santé', 2],
    ]);
    expect(initials('National Highway Traffic Safety Administration')).toBe('nhtsa');
  });

  it('labels a cluster by its majority label, ids are deterministic hashes', () => {
    const doc = makeDoc({ id: 'a.txt', text: 'Tesla vend. Tesla achète. Tesla loue.', entities: [['Tesla', 'ORG', 0], ['Tesla', 'ORG', 1], ['Tesla', 'MISC', 2]] });
    clusterEntities(doc);
    expect(doc.entities).toEqual([{ id: entityId('a.txt', 'Tesla', 'ORG'), label: 'ORG', canonical: 'Tesla', mentions: [{ start: 0, end: 5 }, { start: 12, end: 17 }, { start: 26, end: 31 }] }]);
    expect(entityId('a.txt', 'Tesla', 'ORG')).toMatch(/^ent_[0-9a-f]{16}$/);
    expect(entityId('b.txt', 'Tesla', 'ORG')).not.toBe(entityId('a.txt', 'Tesla', 'ORG'));
    const again = makeDoc({ id: 'a.txt', text: 'Tesla vend. Tesla achète. Tesla loue.', entities: [['Tesla', 'ORG', 0], ['Tesla', 'ORG', 1], ['Tesla', 'MISC', 2]] });
    clusterEntities(again);
    clusterEntities(again);
    expect(again.entities).toEqual(doc.entities);
    expect(foldName('Élysée ')).toBe('elysee');
  });

  it('tags an entity name again where the model missed it, but not inside a longer name or a bad span', () => {
    const doc = makeDoc({
      text: 'Elon Musk dirige Tesla. Karpathy a rejoint Tesla. Tesla Motors existait. Musk de retour.',
      entities: [['Elon Musk', 'PER'], ['Tesla', 'ORG', 0], ['Karpathy', 'PER'], ['Musk de', 'PER']],
    });
    clusterEntities(doc);
    expect(propagateMentions(doc)).toBe(1);
    const tesla = doc.entities.find((e) => e.canonical === 'Tesla')!;
    expect(tesla.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Tesla', 'Tesla']);
    const added = doc.mentions.find((m) => m.source === 'rules')!;
    expect([doc.text.slice(added.start, added.end), added.start, added.label, added.entity]).toEqual(['Tesla', 43, 'ORG', tesla.id]);
    expect(propagateMentions(doc)).toBe(0);
  });

  it('clusters the seed article as expected and writes valid entity rows', () => {
    const doc = seedDocumentWithGoldLayers();
    clusterEntities(doc);
    const byName = new Map(doc.entities.map((e) => [e.canonical, e] as const));
    expect(byName.get('Andrej Karpathy')?.label).toBe('PER');
    expect(byName.get('Elon Musk')?.label).toBe('PER');
    expect(byName.has('Karpathy')).toBe(false);
    expect(byName.has('Musk')).toBe(false);
    expect(byName.get('OpenAI')?.mentions.some((m) => doc.text.slice(m.start, m.end) === 'Openai')).toBe(true);
    expect(byName.get('National Highway Traffic Safety Administration')?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['National Highway Traffic Safety Administration', 'NHTSA']);
    const schema = JSON.parse(readFileSync(new URL('../../schema/entity.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    const rows = documentToRecords(doc).entities;
    for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
    for (const row of rows) for (const [start, end] of row.mentions) expect(doc.mentions.some((m) => m.start === start && m.end === end && m.entity === row.id)).toBe(true);
  });
});
