/**
 * The stage contract's layer declarations: `Pipeline.create` refuses an order where a layer is read before the stage
 * that writes it, or written twice, naming the layer and both stages; the default order passes.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { Pipeline, defaultStages } from '../../src/pipeline.js';
import { createDatesStage } from '../../src/stages/dates.js';
import { entitiesStage } from '../../src/stages/entities.js';
import { createEventsStage } from '../../src/stages/events.js';
import { createLanguageStage } from '../../src/stages/language.js';
import { segmentStage } from '../../src/stages/segment.js';
import { checkStageOrder, LAYERS, StageOrderError, type Stage } from '../../src/stages/stage.js';

const config = resolveConfig({ ner: { enabled: false }, run: { progress: false } });

describe('stage order', () => {
  it('accepts the default stages, where every layer is written by exactly one stage before it is read', async () => {
    const stages = defaultStages();
    expect(() => checkStageOrder(stages)).not.toThrow();
    const written = stages.flatMap((stage) => stage.writes);
    expect([...written].sort()).toEqual([...LAYERS].sort());
    const pipeline = await Pipeline.create(config, stages);
    await pipeline.dispose();
  });

  it('rejects a layer read before it is written, naming the layer and both stages', async () => {
    const stages = [createLanguageStage(), createDatesStage(), segmentStage];
    await expect(Pipeline.create(config, stages)).rejects.toThrow(StageOrderError);
    await expect(Pipeline.create(config, stages)).rejects.toThrow('stage "dates" reads layer "sentences" before stage "segment" writes it');
  });

  it('rejects a layer amended before it is written', () => {
    const mentions: Stage = { name: 'gazetteer', reads: ['sentences'], writes: ['mentions'], run() {} };
    expect(() => checkStageOrder([segmentStage, entitiesStage, mentions])).toThrow('stage "entities" amends layer "mentions" before stage "gazetteer" writes it');
  });

  it('rejects a layer written by two stages, naming both', () => {
    const resegment: Stage = { name: 'resegment', reads: [], writes: ['sentences'], run() {} };
    expect(() => checkStageOrder([segmentStage, resegment, createEventsStage()])).toThrow('layer "sentences" is written by both stage "segment" and stage "resegment"');
  });

  it('lets a layer that no stage writes stay empty (a pipeline without the model or the entities)', () => {
    expect(() => checkStageOrder([createLanguageStage(), segmentStage, createDatesStage()])).not.toThrow();
  });
});
