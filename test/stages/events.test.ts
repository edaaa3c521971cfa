import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { configHash, resolveConfig } from '../../src/config.js';
import { entitiesStage } from '../../src/stages/entities.js';
import { createEventsStage, provenanceFor } from '../../src/stages/events.js';
import { TriggerTableError } from '../../src/events/trigger-table.js';
import type { EventRecord } from '../../src/dataset/schema.js';
import { makeDoc } from '../helpers/events.js';

const spec = { text: 'Renault a débauché Luca de Meo en 2020.', entities: [['Renault', 'ORG'], ['Luca de Meo', 'PER']] as Array<[string, 'ORG' | 'PER']>, timexes: [['2020', '2020']] as Array<[string, string]> };

describe('entities and events stages', () => {
  it('fill doc.entities, mention.entity and doc.events with provenance from the configuration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronique-stage-'));
    const modelDir = path.join(dir, 'model');
    mkdirSync(path.join(modelDir, 'onnx'), { recursive: true });
    writeFileSync(path.join(modelDir, 'onnx', 'model_quantized.onnx'), 'not really a model');
    const extra = path.join(dir, 'extra.json');
    writeFileSync(extra, JSON.stringify([{ lemma: 'débaucher', pos: 'verb', type: 'Personnel.Start-Position', confidence: 0.8 }]));
    const config = resolveConfig({ ner: { modelDir }, events: { extraTriggersFile: extra } });
    const stage = createEventsStage();
    await stage.init({ config });
    const doc = makeDoc(spec);
    entitiesStage.run(doc);
    stage.run(doc);
    expect(doc.entities.map((e) => e.canonical)).toEqual(['Renault', 'Luca de Meo']);
    expect(doc.mentions.every((m) => doc.entities.some((e) => e.id === m.entity))).toBe(true);
    const [event] = doc.events as EventRecord[];
    expect(event?.type).toBe('Personnel.Start-Position');
    expect(event?.provenance).toEqual({
      pipeline: expect.stringMatching(/^chronique@\d+\.\d+\.\d+/),
      model: 'model',
      model_sha256: createHash('sha256').update('not really a model').digest('hex'),
      config_hash: configHash(config),
    });
    expect(stage.fingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops at init on a bad extra triggers file, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronique-stage-'));
    const bad = path.join(dir, 'bad-triggers.json');
    writeFileSync(bad, '{"lemma": "x"}');
    await expect(createEventsStage().init({ config: resolveConfig({ events: { extraTriggersFile: bad } }) })).rejects.toThrow(TriggerTableError);
    await expect(createEventsStage().init({ config: resolveConfig({ events: { extraTriggersFile: bad } }) })).rejects.toThrow(/bad-triggers\.json/);
  });

  it('provenance without a model, minConfidence, and the entities stage alone', async () => {
    const config = resolveConfig({ ner: { enabled: false }, events: { minConfidence: 0.99 } });
    expect(provenanceFor(config)).toMatchObject({ model: null, model_sha256: null });
    const stage = createEventsStage({ provenance: provenanceFor(config) });
    await stage.init({ config });
    const doc = makeDoc({ ...spec, text: 'Marie Dupont a quitté Renault.', entities: [['Marie Dupont', 'PER'], ['Renault', 'ORG']], timexes: [] });
    entitiesStage.run(doc);
    stage.run(doc);
    expect(doc.events).toEqual([]);
    const clustered = makeDoc({ ...spec, timexes: [] });
    expect(clustered.entities).toHaveLength(0);
    entitiesStage.run(clustered);
    expect(clustered.entities).toHaveLength(2);
  });
});
