/**
 * The worker-thread pool (`run.workers`, `--workers`): same bytes as the main-thread pipeline, shared cache
 * (same fingerprint), and a model that cannot load stops the start like in the main thread.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigOverrides } from '../../src/config.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { Pipeline, defaultStages } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { WorkerPool } from '../../src/pool/worker-pool.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';

let work: string;
let corpus: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-workers-'));
  corpus = path.join(work, 'corpus');
  await writeGeneratedCorpus(corpus, 0, 5);
  await fs.copyFile(path.resolve(import.meta.dirname, '..', '..', 'corpus', 'karpathy-2024-03.txt'), path.join(corpus, 'karpathy-2024-03.txt'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function digest(out: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of DATASET_FILES) result[file] = createHash('sha256').update(await fs.readFile(path.join(out, `${file}.jsonl`))).digest('hex');
  return result;
}

const config = (overrides: ConfigOverrides = {}) => resolveConfig({ ...overrides, run: { progress: false, concurrency: 2, ...overrides.run } });

describe('worker pool', () => {
  it('writes the same bytes as the main-thread pipeline and shares its cache', async () => {
    const inThread = await Pipeline.create(config(), defaultStages());
    const mainOut = path.join(work, 'main');
    await runCorpus(inThread, corpus, mainOut);
    await inThread.dispose();

    const pooled = await WorkerPool.create(config({ run: { workers: 2 } }));
    try {
      expect(pooled.fingerprint).toEqual(inThread.fingerprint);
      const poolOut = path.join(work, 'pool');
      const summary = await runCorpus(pooled, corpus, poolOut);
      expect(summary).toMatchObject({ articles: 6, ok: 6, processed: 6 });
      expect(Object.keys(summary.stageMs)).toEqual(inThread.stages.map((stage) => stage.name));
      expect(await digest(poolOut)).toEqual(await digest(mainOut));
      // Same fingerprint, same cache: the main-thread run's entries serve the pool.
      expect(await runCorpus(pooled, corpus, mainOut)).toMatchObject({ reused: 6, processed: 0 });
    } finally {
      await pooled.dispose();
    }
  }, 120_000);

  it('fails to start, naming the cause, when the model cannot load', async () => {
    await expect(WorkerPool.create(config({ run: { workers: 1 }, ner: { modelDir: path.join(work, 'no-such-model') } }))).rejects.toThrow(/no-such-model/);
  }, 60_000);
});
