/**
 * The rules-only pipeline the hostile, fault and property suites run in-process: every stage that needs no model,
 * with the NER model disabled, so that thousands of hostile articles go through in seconds on two cores.
 */
import { resolveConfig, type ChroniqueConfig, type ConfigOverrides } from '../src/config.js';
import { Pipeline } from '../src/pipeline.js';
import { datesStage } from '../src/stages/dates.js';
import { createEntitiesStage } from '../src/stages/entities.js';
import { createEventsStage } from '../src/stages/events.js';
import { languageStage } from '../src/stages/language.js';
import { segmentStage } from '../src/stages/segment.js';
import type { Stage } from '../src/stages/stage.js';

export function rulesOnlyConfig(overrides: ConfigOverrides = {}): ChroniqueConfig {
  return resolveConfig({
    ...overrides,
    ner: { enabled: false, ...overrides.ner },
    run: { progress: false, concurrency: 2, ...overrides.run },
  });
}

export function rulesOnlyStages(): Stage[] {
  // The entities stage stays in (its disabled path is what a rules-only run exercises), without a model.
  return [languageStage, segmentStage, createEntitiesStage(), datesStage, createEventsStage()];
}

export async function rulesOnlyPipeline(overrides: ConfigOverrides = {}): Promise<Pipeline> {
  return Pipeline.create(rulesOnlyConfig(overrides), rulesOnlyStages());
}
