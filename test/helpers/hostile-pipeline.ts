/**
 * The rules-only pipeline the hostile, fault and property suites run in-process: the default stages (those of
 * `chronique run`) with the NER model disabled, as `--no-ner` does, so that thousands of hostile articles go through
 * in seconds on two cores.
 */
import { resolveConfig, type ChroniqueConfig, type ConfigOverrides } from '../../src/config.js';
import { defaultStages, Pipeline } from '../../src/pipeline.js';
import type { Stage } from '../../src/stages/stage.js';

export function rulesOnlyConfig(overrides: ConfigOverrides = {}): ChroniqueConfig {
  return resolveConfig({
    ...overrides,
    ner: { enabled: false, ...overrides.ner },
    run: { progress: false, concurrency: 2, ...overrides.run },
  });
}

export function rulesOnlyStages(): Stage[] {
  return defaultStages();
}

export async function rulesOnlyPipeline(overrides: ConfigOverrides = {}): Promise<Pipeline> {
  return Pipeline.create(rulesOnlyConfig(overrides), rulesOnlyStages());
}
