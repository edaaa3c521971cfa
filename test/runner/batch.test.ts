/**
 * Batch runs: incremental regeneration through the cache, determinism across concurrency levels and between
 * incremental and forced runs, graceful stop, and an end-to-end run with the default stages.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigOverrides } from '../../src/config.js';
import { cacheRoot } from '../../src/dataset/cache.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { Pipeline, defaultStages } from '../../src/pipeline.js';
import { runCorpus, type RunHooks, type RunOptions, type RunSummary } from '../../src/runner/run-corpus.js';
import { createDatesStage } from '../../src/stages/dates.js';
import { createLanguageStage } from '../../src/stages/language.js';
import { segmentStage } from '../../src/stages/segment.js';
import type { Stage } from '../../src/stages/stage.js';
import { resultSourceFiles, sourceCodeHash } from '../../src/util/code-hash.js';
import { articleFile, generatedArticle, writeGeneratedCorpus } from '../helpers/generated-corpus.js';

/** The rule stages without the model and the events (fresh instances: a stage holds its run's configuration). */
const fastStages = (): Stage[] => [createLanguageStage(), segmentStage, createDatesStage()];
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-batch-'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function run(corpus: string, out: string, options: { overrides?: ConfigOverrides; stages?: Stage[]; cache?: RunOptions['cache']; hooks?: RunHooks } = {}): Promise<RunSummary> {
  const config = resolveConfig({ ...options.overrides, run: { progress: false, ...options.overrides?.run } });
  const pipeline = await Pipeline.create(config, options.stages ?? fastStages());
  try {
    return await runCorpus(pipeline, corpus, out, options.hooks ?? {}, { cache: options.cache ?? 'use' });
  } finally {
    await pipeline.dispose();
  }
}

/** sha256 of each dataset file: equal digests mean byte-identical datasets. */
async function datasetDigest(out: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const file of DATASET_FILES) digests[file] = createHash('sha256').update(await fs.readFile(path.join(out, `${file}.jsonl`))).digest('hex');
  return digests;
}

async function articleIds(out: string): Promise<string[]> {
  const lines = (await fs.readFile(path.join(out, 'articles.jsonl'), 'utf8')).trim().split('\n');
  return lines.map((line) => (JSON.parse(line) as { id: string }).id);
}

async function cacheEntries(out: string): Promise<number> {
  const root = cacheRoot(out);
  let count = 0;
  for (const level of ['articles', 'files']) count += (await fs.readdir(path.join(root, level))).filter((name) => name.endsWith('.json')).length;
  return count;
}

describe('incremental runs', () => {
  const N = 30;

  it('reuses everything on an unchanged corpus, reprocesses exactly the 10 added articles, and forgets removed ones', async () => {
    const corpus = path.join(work, 'inc-corpus');
    const out = path.join(work, 'inc-out');
    await writeGeneratedCorpus(corpus, 0, N);

    const first = await run(corpus, out);
    expect(first).toMatchObject({ articles: N, ok: N, processed: N, reused: 0 });
    const firstDigest = await datasetDigest(out);
    expect(await cacheEntries(out)).toBe(2 * N);

    const again = await run(corpus, out);
    expect(again).toMatchObject({ articles: N, processed: 0, reused: N, pruned: 0 });
    expect(await datasetDigest(out)).toEqual(firstDigest);

    await writeGeneratedCorpus(corpus, N, N + 10);
    const added = await run(corpus, out);
    expect(added).toMatchObject({ articles: N + 10, processed: 10, reused: N });
    expect(await articleIds(out)).toContain(articleFile(N + 9));

    // Two edited, three deleted: two reprocessed; the deleted leave the dataset and their entries are pruned.
    await fs.writeFile(path.join(corpus, articleFile(3)), generatedArticle(3, 1));
    await fs.writeFile(path.join(corpus, articleFile(4)), generatedArticle(4, 2));
    for (const index of [10, 11, 12]) await fs.rm(path.join(corpus, articleFile(index)));
    const edited = await run(corpus, out);
    expect(edited).toMatchObject({ articles: N + 7, processed: 2, reused: N + 5, pruned: 2 * 2 + 3 * 2 });
    const ids = await articleIds(out);
    expect(ids).toHaveLength(N + 7);
    expect(ids).not.toContain(articleFile(10));
    expect(await cacheEntries(out)).toBe(2 * (N + 7));
    const sentences = await fs.readFile(path.join(out, 'sentences.jsonl'), 'utf8');
    expect(sentences).toContain('précise la version 1');
    expect(sentences).not.toContain(`"article":"${articleFile(11)}"`);

    // The incremental dataset is byte-identical to one forced from scratch, and to a regenerated one.
    const incremental = await datasetDigest(out);
    const forced = await run(corpus, out, { cache: 'force' });
    expect(forced).toMatchObject({ processed: N + 7, reused: 0 });
    expect(await datasetDigest(out)).toEqual(incremental);
    const regenerated = await run(corpus, out, { cache: 'rebuild' });
    expect(regenerated).toMatchObject({ processed: N + 7, reused: 0, pruned: 0 });
    expect(await datasetDigest(out)).toEqual(incremental);
    const fresh = path.join(work, 'inc-fresh');
    await run(corpus, fresh);
    expect(await datasetDigest(fresh)).toEqual(incremental);
  });

  it('reprocesses everything when the configuration or a stage fingerprint (model sha256) changes', async () => {
    const corpus = path.join(work, 'fp-corpus');
    const out = path.join(work, 'fp-out');
    await writeGeneratedCorpus(corpus, 0, 8);
    const modelStage = (sha: string): Stage => ({ name: 'model-probe', reads: [], writes: [], run() {}, fingerprint: () => sha });
    const stages = (sha: string): Stage[] => [...fastStages(), modelStage(sha)];

    expect(await run(corpus, out, { stages: stages('a'.repeat(64)) })).toMatchObject({ processed: 8 });
    expect(await run(corpus, out, { stages: stages('a'.repeat(64)) })).toMatchObject({ processed: 0, reused: 8 });
    expect(await run(corpus, out, { stages: stages('b'.repeat(64)) })).toMatchObject({ processed: 8, reused: 0, pruned: 16 });
    // Speed-only settings do not invalidate the cache; result-affecting ones do.
    expect(await run(corpus, out, { stages: stages('b'.repeat(64)), overrides: { run: { concurrency: 3 }, ner: { threads: 1, batchSize: 4 } } })).toMatchObject({ reused: 8 });
    expect(await run(corpus, out, { stages: stages('b'.repeat(64)), overrides: { language: { minLetters: 25 } } })).toMatchObject({ processed: 8 });
  });

  it('caches JSONL articles one by one: editing one line reprocesses one article', async () => {
    const corpus = path.join(work, 'jsonl-corpus');
    const out = path.join(work, 'jsonl-out');
    await fs.mkdir(corpus, { recursive: true });
    const line = (index: number, variant = 0): string => JSON.stringify({ id: `n${index}`, text: generatedArticle(index, variant), published: '2024-03-05', title: `Dépêche ${index}` });
    const lines = Array.from({ length: 6 }, (_, index) => line(index));
    await fs.writeFile(path.join(corpus, 'feed.jsonl'), `${lines.join('\n')}\n`);
    expect(await run(corpus, out)).toMatchObject({ articles: 6, processed: 6 });
    lines[2] = line(2, 3);
    await fs.writeFile(path.join(corpus, 'feed.jsonl'), `${lines.join('\n')}\n`);
    expect(await run(corpus, out)).toMatchObject({ articles: 6, processed: 1, reused: 5 });
  });

  it('never caches a failed article: the next run retries it', async () => {
    const corpus = path.join(work, 'err-corpus');
    const out = path.join(work, 'err-out');
    await writeGeneratedCorpus(corpus, 0, 5);
    let failing = true;
    const flaky: Stage = { name: 'flaky', reads: [], writes: [], run(doc) { if (failing && doc.meta.id === articleFile(2)) throw new Error('transient failure'); } };
    expect(await run(corpus, out, { stages: [...fastStages(), flaky] })).toMatchObject({ ok: 4, error: 1, processed: 5 });
    failing = false;
    expect(await run(corpus, out, { stages: [...fastStages(), flaky] })).toMatchObject({ ok: 5, error: 0, processed: 1, reused: 4 });
  });
});

describe('determinism', () => {
  it('writes byte-identical datasets at concurrency 1 and 4', async () => {
    const corpus = path.join(work, 'det-corpus');
    await writeGeneratedCorpus(corpus, 0, 24);
    await fs.writeFile(path.join(corpus, 'mixed.jsonl'), `${JSON.stringify({ text: generatedArticle(900) })}\nnot json\n${JSON.stringify({ text: 'The board met on Monday in London and said nothing of note to the press.' })}\n`);
    await run(corpus, path.join(work, 'det-c1'), { overrides: { run: { concurrency: 1 } } });
    await run(corpus, path.join(work, 'det-c4'), { overrides: { run: { concurrency: 4 } } });
    const c1 = await datasetDigest(path.join(work, 'det-c1'));
    expect(await datasetDigest(path.join(work, 'det-c4'))).toEqual(c1);
    // And a run that reuses half of its articles from the cache.
    const half = path.join(work, 'det-half');
    const halfCorpus = path.join(work, 'det-half-corpus');
    await fs.cp(corpus, halfCorpus, { recursive: true });
    for (let index = 0; index < 24; index += 2) await fs.rm(path.join(halfCorpus, articleFile(index)));
    await run(halfCorpus, half, { overrides: { run: { concurrency: 4 } } });
    expect(await run(corpus, half, { overrides: { run: { concurrency: 4 } } })).toMatchObject({ processed: 12 + 1, reused: 12 + 2 }); // mixed.jsonl: 2 lines reused, the broken one redone
    expect(await datasetDigest(half)).toEqual(c1);
  });
});

describe('graceful stop', () => {
  it('keeps the previous dataset and the finished articles cached; the next run reuses them', async () => {
    const corpus = path.join(work, 'stop-corpus');
    const out = path.join(work, 'stop-out');
    await writeGeneratedCorpus(corpus, 0, 10);
    await run(corpus, out);
    const previous = await datasetDigest(out);
    await writeGeneratedCorpus(corpus, 10, 40);
    let filesDone = 0;
    const stopped = await run(corpus, out, { hooks: { onFileDone: () => (filesDone += 1), shouldStop: () => filesDone >= 15 } });
    expect(stopped.articles).toBeLessThan(40);
    expect(await datasetDigest(out)).toEqual(previous);
    await expect(fs.stat(path.join(out, '.staging'))).rejects.toThrow();
    const resumed = await run(corpus, out);
    expect(resumed.articles).toBe(40);
    // At least the 15 files written back before the stop (10 old + 5 new) come from the cache.
    expect(resumed.reused).toBeGreaterThanOrEqual(15);
    expect(resumed.processed).toBeLessThanOrEqual(25);
    const fresh = path.join(work, 'stop-fresh');
    await run(corpus, fresh);
    expect(await datasetDigest(out)).toEqual(await datasetDigest(fresh));
  });
});

describe('end to end with the default stages', () => {
  it('processes the seed article and generated ones, reuses them all on a re-run, same bytes at concurrency 1 and 4', async () => {
    const corpus = path.join(work, 'e2e-corpus');
    await writeGeneratedCorpus(corpus, 0, 6);
    await fs.copyFile(path.resolve(import.meta.dirname, '..', '..', 'corpus', 'karpathy-2024-03.txt'), path.join(corpus, 'karpathy-2024-03.txt'));
    const stages = defaultStages();
    const c1 = path.join(work, 'e2e-c1');
    const first = await run(corpus, c1, { stages, overrides: { run: { concurrency: 1 } } });
    expect(first).toMatchObject({ articles: 7, ok: 7, error: 0, processed: 7 });
    expect(Object.keys(first.stageMs)).toEqual(stages.map((stage) => stage.name));
    const processedDigest = await datasetDigest(c1);
    expect(await run(corpus, c1, { stages, overrides: { run: { concurrency: 1 } } })).toMatchObject({ processed: 0, reused: 7 });
    expect(await datasetDigest(c1)).toEqual(processedDigest);
    const c4 = path.join(work, 'e2e-c4');
    await run(corpus, c4, { stages, overrides: { run: { concurrency: 4 } } });
    expect(await datasetDigest(c4)).toEqual(await datasetDigest(c1));
    const manifest = JSON.parse(await fs.readFile(path.join(c1, 'manifest.json'), 'utf8')) as { cache: { reused: number }; fingerprint: { stages: Record<string, string> } };
    expect(manifest.cache.reused).toBe(7);
    expect(Object.keys(manifest.fingerprint.stages)).toEqual(stages.map((stage) => stage.name));
  });
});

describe('source code hash (part of the cache key)', () => {
  it('covers what the pipeline and the runner import, transitively, and nothing that only presents or drives a run', async () => {
    const root = path.join(work, 'code');
    for (const dir of ['rules', 'audit', 'runner']) await fs.mkdir(path.join(root, dir), { recursive: true });
    await fs.writeFile(path.join(root, 'pipeline.ts'), "import { T } from './rules/triggers.js';\nexport const P = T;");
    await fs.writeFile(path.join(root, 'runner', 'run-corpus.ts'), "import type { P } from '../pipeline.js';\nexport const R = 1;");
    await fs.writeFile(path.join(root, 'rules', 'triggers.ts'), 'export const T = 1;');
    await fs.writeFile(path.join(root, 'audit', 'report.ts'), 'export const R = 1;');
    await fs.writeFile(path.join(root, 'cli.ts'), "import './audit/report.js';\nimport './runner/run-corpus.js';");
    expect(resultSourceFiles(root)).toEqual(['pipeline.ts', 'rules/triggers.ts', 'runner/run-corpus.ts']);
    const before = sourceCodeHash(root);
    await fs.writeFile(path.join(root, 'audit', 'report.ts'), 'export const R = 2;');
    await fs.writeFile(path.join(root, 'cli.ts'), "import './runner/run-corpus.js';");
    expect(sourceCodeHash(root)).toBe(before);
    await fs.writeFile(path.join(root, 'rules', 'triggers.ts'), 'export const T = 2;');
    expect(sourceCodeHash(root)).not.toBe(before);
  });

  it('leaves out the CLI, the report, the diff and the dev tools of this tree', () => {
    const files = resultSourceFiles(path.join(import.meta.dirname, '..', '..', 'src'));
    expect(files).toContain('stages/events.ts');
    expect(files).toContain('rules/fr/triggers.ts');
    expect(files.filter((file) => file === 'cli.ts' || file.startsWith('audit/') || file === 'runner/progress.ts')).toEqual([]);
  });
});
