/**
 * Concurrency model comparison on 2 cores: the pipeline's p-limit over articles in one thread with one shared
 * model session (what `runCorpus` does) versus a worker_threads pool where each worker has its own Pipeline and
 * model session. Both process the ×1 bench corpus (209 articles) with all stages and write the dataset rows in
 * order; the cache is not used.
 *
 *   npx tsx bench/worker-pool-bench.ts [--model <dir>] [--scale 1]
 * Env: ROUNDS=n (default 2 interleaved rounds, best time kept), KEEP_BENCH_OUTPUT=1 keeps the datasets.
 * Workers load the sources when they start: do not edit src/ while this runs, or the two sides differ.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { resolveConfig, type ConfigOverrides } from '../src/config.js';
import { documentToRecords } from '../src/dataset/records.js';
import { DatasetWriter } from '../src/dataset/writer.js';
import type { Document } from '../src/document.js';
import { Pipeline, runCorpus } from '../src/pipeline.js';
import { datesStage } from '../src/stages/dates.js';
import { createEntitiesStage } from '../src/stages/entities.js';
import { clusterStage, createEventsStage } from '../src/stages/events.js';
import { listCorpusFiles, readCorpusFile } from '../src/stages/ingest.js';
import { languageStage } from '../src/stages/language.js';
import { segmentStage } from '../src/stages/segment.js';
import { ensureBenchCorpus, type Scale } from './corpus.js';

const { values: args } = parseArgs({ options: { model: { type: 'string' }, scale: { type: 'string', default: '1' } } });

function overrides(threads: number, concurrency: number): ConfigOverrides {
  return { run: { progress: false, concurrency }, ner: { threads, ...(args.model ? { modelDir: path.resolve(args.model) } : {}) } };
}

async function pLimitRun(corpus: string, out: string, threads: number, concurrency: number): Promise<number> {
  const started = performance.now();
  const pipeline = await Pipeline.create(resolveConfig(overrides(threads, concurrency)), [languageStage, segmentStage, createEntitiesStage(), datesStage, clusterStage, createEventsStage()]);
  const loaded = performance.now();
  await runCorpus(pipeline, corpus, out, {}, { cache: 'force' });
  await pipeline.dispose();
  const done = performance.now();
  console.log(`p-limit  concurrency ${concurrency}, ${threads} ORT thread(s): ${((done - loaded) / 1000).toFixed(2)} s processing (+${((loaded - started) / 1000).toFixed(2)} s model load)`);
  return done - loaded;
}

async function workerPoolRun(corpus: string, out: string, workers: number, threads: number): Promise<number> {
  const started = performance.now();
  const pool = await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<Worker>((resolve, reject) => {
        // Node 20 workers ignore `--import tsx` in execArgv: a tiny bootstrap registers tsx, then loads the worker.
        const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker-pool-worker.ts', import.meta.url).href)}); })`;
        const worker = new Worker(bootstrap, { eval: true, workerData: { overrides: overrides(threads, 1) } });
        worker.once('message', () => resolve(worker));
        worker.once('error', reject);
      }),
    ),
  );
  const loaded = performance.now();
  const { files } = await listCorpusFiles(corpus);
  const documents: Document[] = [];
  for (const file of files) documents.push(...(await readCorpusFile(file, 64 << 20)));
  const writer = await DatasetWriter.open(out);
  const results = new Map<number, Document>();
  let nextToWrite = 0;
  let nextToSend = 0;
  await new Promise<void>((resolve) => {
    const send = (worker: Worker): void => {
      while (nextToSend < documents.length && documents[nextToSend]!.status !== 'ok') {
        results.set(nextToSend, documents[nextToSend]!);
        nextToSend += 1;
      }
      if (nextToSend < documents.length) {
        worker.postMessage({ index: nextToSend, doc: documents[nextToSend] });
        nextToSend += 1;
      }
    };
    const flush = async (): Promise<void> => {
      while (results.has(nextToWrite)) {
        await writer.append(documentToRecords(results.get(nextToWrite)!));
        results.delete(nextToWrite);
        nextToWrite += 1;
      }
      if (nextToWrite === documents.length) resolve();
    };
    for (const worker of pool) {
      worker.on('message', (message: { index: number; doc: Document }) => {
        results.set(message.index, message.doc);
        send(worker);
        void flush();
      });
      send(worker);
    }
    void flush();
  });
  await writer.commit({ bench: 'worker pool' });
  const done = performance.now();
  for (const worker of pool) worker.postMessage('stop');
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
