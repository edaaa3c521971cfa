/**
 * Stages for the queue fault tests: the default pipeline behind a `test-hooks` stage that misbehaves on marked
 * articles, as real articles can: `[[slow]]` takes 800 ms (to catch a worker mid-job), `[[hang]]` never finishes (the
 * article time limit ends it, in a local run as in a worker), `[[spin]]` loops synchronously for ever (only
 * terminating its thread stops it: a local run would hang on it).
 */
import { defaultStages } from '../../src/pipeline.js';
import type { Stage } from '../../src/stages/stage.js';

const hooks: Stage = {
  name: 'test-hooks',
  reads: [],
  writes: [],
  async run(doc) {
    if (doc.text.includes('[[slow]]')) await new Promise((resolve) => setTimeout(resolve, 800));
    if (doc.text.includes('[[hang]]')) await new Promise(() => undefined);
    if (doc.text.includes('[[spin]]')) for (;;);
  },
  fingerprint: () => 'hooks-v1',
};

export function createStages(): Stage[] {
  return [hooks, ...defaultStages()];
}
