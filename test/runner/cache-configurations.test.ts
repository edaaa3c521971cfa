/**
 * Two configurations writing into the same dataset folder (`--no-ner` beside the model, another date setting):
 * each prunes only its own stale cache entries, so that switching back reuses everything.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveConfig, type ConfigOverrides } from '../../src/config.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus, type RunSummary } from '../../src/runner/run-corpus.js';
import { createDatesStage } from '../../src/stages/dates.js';
import { createLanguageStage } from '../../src/stages/language.js';
import { segmentStage } from '../../src/stages/segment.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';

let work: string;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-cache-configs-'));
  await writeGeneratedCorpus(path.join(work, 'corpus'), 0, 6);
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function run(overrides: ConfigOverrides): Promise<RunSummary> {
  const pipeline = await Pipeline.create(resolveConfig({ ...overrides, ner: { enabled: false, ...overrides.ner }, run: { progress: false } }), [createLanguageStage(), segmentStage, createDatesStage()]);
  try {
    return await runCorpus(pipeline, path.join(work, 'corpus'), path.join(work, 'out'));
  } finally {
    await pipeline.dispose();
  }
}

it("a run keeps another configuration's cache entries and prunes its own stale ones", async () => {
  const first = await run({});
  expect(first).toMatchObject({ processed: 6, reused: 0 });
  const other = await run({ dates: { useModelSpans: false } });
  expect(other).toMatchObject({ processed: 6, reused: 0, pruned: 0 });
  const back = await run({});
  expect(back).toMatchObject({ processed: 0, reused: 6, pruned: 0 });
  // A changed article: its old entries (this configuration's) go, the other configuration's stay.
  await fs.appendFile(path.join(work, 'corpus', 'art-00000.txt'), 'Une phrase de plus a été ajoutée lundi.\n');
  const changed = await run({});
  expect(changed).toMatchObject({ processed: 1, reused: 5 });
  expect(changed.pruned).toBeGreaterThan(0);
  const otherAgain = await run({ dates: { useModelSpans: false } });
  expect(otherAgain).toMatchObject({ processed: 1, reused: 5 });
});
