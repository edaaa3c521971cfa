/**
 * Concurrency model comparison on 2 cores: the pipeline's p-limit over articles in one thread with one shared
 * model session (what `runCorpus` does) versus a worker_threads pool where each worker has its own Pipeline and
 * model session (`WorkerPool`, `--workers`). Both process the ×1 bench corpus (209 articles) with the
 * default stages through `runCorpus` (forced: the cache is not read).
 *
 *   npx tsx bench/worker-pool-bench.ts [--model <dir>] [--scale 1]
 * Env: ROUNDS=n (default 2 interleaved rounds, best time kept), KEEP_BENCH_OUTPUT=1 keeps the datasets.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveConfig, type ConfigOverrides } from '../src/config.js';
import { Pipeline, defaultStages } from '../src/pipeline.js';
import { runCorpus } from '../src/runner/run-corpus.js';
import { WorkerPool } from '../src/pool/worker-pool.js';
import { ensureBenchCorpus, type Scale } from './corpus.js';

const { values: args } = parseArgs({ options: { model: { type: 'string' }, scale: { type: 'string', default: '1' } } });

function overrides(threads: number, concurrency: number, workers = 0): ConfigOverrides {
  return { run: { progress: false, concurrency, workers }, ner: { threads, ...(args.model ? { modelDir: path.resolve(args.model) } : {}) } };
}

async function pLimitRun(corpus: string, out: string, threads: number, concurrency: number): Promise<number> {
  const started = performance.now();
  const pipeline = await Pipeline.create(resolveConfig(overrides(threads, concurrency)), defaultStages());
  const loaded = performance.now();
  await runCorpus(pipeline, corpus, out, {}, { cache: 'force' });
  await pipeline.dispose();
  const done = performance.now();
  console.log(`p-limit  concurrency ${concurrency}, ${threads} ORT thread(s): ${((done - loaded) / 1000).toFixed(2)} s processing (+${((loaded - started) / 1000).toFixed(2)} s model load)`);
  return done - loaded;
}

async function workerPoolRun(corpus: string, out: string, workers: number, threads: number): Promise<number> {
  const started = performance.now();
  const pool = await WorkerPool.create(resolveConfig(overrides(threads, workers, workers)));
  const loaded = performance.now();
  await runCorpus(pool, corpus, out, {}, { cache: 'force' });
  await pool.dispose();
  const done = performance.now();
  console.log(`workers  ${workers} × (1 pipeline, ${threads} ORT thread(s)): ${((done - loaded) / 1000).toFixed(2)} s processing (+${((loaded - started) / 1000).toFixed(2)} s model loads)`);
  return done - loaded;
}

async function main(): Promise<void> {
  const bench = ensureBenchCorpus();
  const corpus = bench.scaleDir(Number(args.scale) as Scale);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-pool-bench-'));
  console.log(`corpus ${corpus}, ${os.availableParallelism()} cores, model ${args.model ?? 'default'}`);
  if (!process.env.ROUNDS) await pLimitRun(corpus, path.join(work, 'warm'), 2, 2); // warms the page cache
  // Two interleaved rounds: the machine is shared, so each configuration keeps its best time.
  const best = { 'p-limit ×2, 2 threads': Infinity, 'p-limit ×2, 1 thread': Infinity, 'workers 2 × 1 thread': Infinity, 'workers 2 × 2 threads': Infinity };
  for (let round = 1; round <= Number(process.env.ROUNDS ?? 2); round += 1) {
    best['p-limit ×2, 2 threads'] = Math.min(best['p-limit ×2, 2 threads'], await pLimitRun(corpus, path.join(work, 'plimit-2-2'), 2, 2));
    best['p-limit ×2, 1 thread'] = Math.min(best['p-limit ×2, 1 thread'], await pLimitRun(corpus, path.join(work, 'plimit-1-2'), 1, 2));
    best['workers 2 × 1 thread'] = Math.min(best['workers 2 × 1 thread'], await workerPoolRun(corpus, path.join(work, 'pool-2-1'), 2, 1));
    best['workers 2 × 2 threads'] = Math.min(best['workers 2 × 2 threads'], await workerPoolRun(corpus, path.join(work, 'pool-2-2'), 2, 2));
  }
  const same = async (x: string, y: string): Promise<boolean> => (await fs.readFile(path.join(work, x, 'events.jsonl'), 'utf8')) === (await fs.readFile(path.join(work, y, 'events.jsonl'), 'utf8'));
  console.log(`same events.jsonl from p-limit and workers: ${await same('plimit-2-2', 'pool-2-1')}`);
  for (const [name, ms] of Object.entries(best)) console.log(`best ${name}: ${(ms / 1000).toFixed(2)} s`);
  if (process.env.KEEP_BENCH_OUTPUT) console.log(`outputs kept in ${work}`);
  else await fs.rm(work, { recursive: true, force: true });
}

await main();
