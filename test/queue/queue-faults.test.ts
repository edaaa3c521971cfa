/**
 * The queue's guarantees under faults, against a real redis-server and real worker processes: a worker killed with
 * SIGKILL mid-job loses nothing (another worker takes the job over after the stalled check), poisoned articles end as
 * `error` rows after their attempts without holding up the others, a job made with another pipeline is refused,
 * and completed jobs do not stay in Redis. Datasets are compared byte for byte with a local run of the same stages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { QueueCoordinator } from '../../src/queue/coordinator.js';
import { QUEUE_PREFIX } from '../../src/queue/protocol.js';
import { generatedArticle } from '../helpers/generated-corpus.js';
import { createStages } from '../helpers/queue-stages.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const STAGES = new URL('../helpers/queue-stages.ts', import.meta.url).href;
// Generous: on a loaded machine an ordinary article must never reach the limit (it would be an error row locally
// but retried, and then fine, through the queue).
const TIMEOUT_MS = 5000;
const LOCK_MS = 2000;
const config = resolveConfig({ ner: { enabled: false }, run: { progress: false, concurrency: 16, articleTimeoutMs: TIMEOUT_MS } });

let work: string;
let redis: RedisServer;
let client: Redis;
const children: ChildProcess[] = [];

interface WorkerProcess {
  child: ChildProcess;
  log: () => string;
  exit: Promise<number | null>;
}

/** A worker process (test/helpers/queue-worker.ts); resolves once it serves. */
async function startWorker(concurrency: number, graceMs = 5000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test', 'helpers', 'queue-worker.ts'), redis.url, String(concurrency), String(LOCK_MS), String(TIMEOUT_MS), String(graceMs)], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (log.includes(': ready:')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exit.then((code) => {
      clearInterval(timer);
      reject(new Error(`worker exited (code ${code}) before it was ready:\n${log}`));
    });
  });
  return { child, log: () => log, exit };
}

async function writeCorpus(dir: string, markers: Record<number, string>, count: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let index = 0; index < count; index += 1) {
    const marker = markers[index] ?? '';
    await fs.writeFile(path.join(dir, `art-${String(index).padStart(3, '0')}.txt`), `${generatedArticle(index)}${marker ? `Note ${marker}.\n` : ''}`);
  }
}

async function localRun(corpus: string, out: string): Promise<void> {
  const pipeline = await Pipeline.create(config, createStages());
  try {
    await runCorpus(pipeline, corpus, out);
  } finally {
    await pipeline.dispose();
  }
}

async function queueRun(corpus: string, out: string, attempts: number, whileRunning?: (coordinator: QueueCoordinator) => Promise<void>) {
  const coordinator = await QueueCoordinator.create(config, { queue: redis.url, outDir: out, attempts, backoffMs: 100, stagesModule: STAGES, log: () => undefined });
  try {
    const [summary] = await Promise.all([runCorpus(coordinator, corpus, out), whileRunning?.(coordinator)]);
    // Completed jobs are removed at once: no job hash and no completed entry remain, only what is still in flight.
    const counts = await new Queue(coordinator.queueName, { connection: client, prefix: QUEUE_PREFIX }).getJobCounts('completed', 'failed');
    const jobKeys = await client.keys(`${QUEUE_PREFIX}:${coordinator.queueName}:a*`);
    return { summary, counts, jobKeys, queueName: coordinator.queueName };
  } finally {
    await coordinator.dispose();
  }
}

async function files(out: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of DATASET_FILES) result[file] = await fs.readFile(path.join(out, `${file}.jsonl`), 'utf8');
  return result;
}


beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-queue-faults-'));
  redis = await startRedisServer();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  client?.disconnect();
  await redis?.stop();
  await fs.rm(work, { recursive: true, force: true });
});

describe('queue under faults', () => {
  it('recovers the job of a worker killed with SIGKILL mid-job: the dataset is complete and byte-identical', async () => {
    const corpus = path.join(work, 'slow');
    const slow = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [index, '[[slow]]']));
    await writeCorpus(corpus, slow, 6);
    await localRun(corpus, path.join(work, 'slow-local'));

    const doomed = await startWorker(1);
    const out = path.join(work, 'slow-queue');
    let killedDuring = '';
    let taker!: WorkerProcess;
    const { summary, counts, jobKeys } = await queueRun(corpus, out, 3, async (coordinator) => {
      // Kill the only worker as soon as it holds a job, then start the one that must take the job over.
      const active = `${QUEUE_PREFIX}:${coordinator.queueName}:active`;
      while ((await client.llen(active)) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      killedDuring = (await client.lrange(active, 0, -1)).join();
      doomed.child.kill('SIGKILL');
      await doomed.exit;
      taker = await startWorker(2);
    });
    expect(killedDuring).not.toBe('');
    expect(summary).toMatchObject({ articles: 6, ok: 6, processed: 6 });
    expect(counts).toEqual({ completed: 0, failed: 0 });
    expect(jobKeys).toEqual([]);
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as { workers: { retried: number; enqueued: number; workers: Array<{ id: string; articles: number }> } };
    // The killed worker's job was started twice (at-least-once) and still gave the same bytes.
    expect(manifest.workers.retried).toBeGreaterThanOrEqual(1);
    expect(manifest.workers.enqueued).toBe(6);
    const expected = await files(path.join(work, 'slow-local'));
    const actual = await files(out);
    for (const file of DATASET_FILES) expect(actual[file], file).toBe(expected[file]);
    taker.child.kill('SIGTERM');
    expect(await taker.exit).toBe(0);
  }, 300_000);

  it('on SIGTERM a worker finishes its job, or hands it back when the grace period ends first', async () => {
    const corpus = path.join(work, 'slow');
    for (const [graceMs, handedBack] of [[5000, false], [50, true]] as const) {
      const leaving = await startWorker(1, graceMs);
      const out = path.join(work, `sigterm-${graceMs}`);
      let stayed: WorkerProcess | undefined;
      await queueRun(corpus, out, 3, async (coordinator) => {
        const active = `${QUEUE_PREFIX}:${coordinator.queueName}:active`;
        while ((await client.llen(active)) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        leaving.child.kill('SIGTERM');
        expect(await leaving.exit, leaving.log()).toBe(0);
        stayed = await startWorker(2);
      });
      const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as { workers: { retried: number; workers: Array<{ id: string; articles: number }> } };
      const leavingId = `${os.hostname()}:${leaving.child.pid}`;
      // Finished: its one article is counted as its own, on a first attempt; handed back: another worker did it.
      expect(manifest.workers.workers.find((worker) => worker.id === leavingId)?.articles ?? 0).toBe(handedBack ? 0 : 1);
      expect(manifest.workers.retried).toBe(handedBack ? 1 : 0);
      const expected = await files(path.join(work, 'slow-local'));
      const actual = await files(out);
      for (const file of DATASET_FILES) expect(actual[file], file).toBe(expected[file]);
      stayed!.child.kill('SIGTERM');
      expect(await stayed!.exit).toBe(0);
    }
  }, 300_000);

  it('writes poisoned articles as error rows after their attempts, refuses a job of another pipeline, and finishes the rest', async () => {
    const corpus = path.join(work, 'poison');
    // Article 1 hangs (the time limit ends every attempt), article 3 spins (its thread must be terminated).
    await writeCorpus(corpus, { 1: '[[hang]]', 3: '[[spin]]' }, 6);
    // The local reference cannot include the spinning article: a local run would never end on it.
    const reference = path.join(work, 'poison-ref');
    await fs.cp(corpus, reference, { recursive: true });
    await fs.rm(path.join(reference, 'art-003.txt'));
    await localRun(reference, path.join(work, 'poison-local'));
    await startWorker(2);

    const out = path.join(work, 'poison-queue');
    let refusal = '';
    const { summary } = await queueRun(corpus, out, 2, async (coordinator) => {
      const queue = new Queue(coordinator.queueName, { connection: client, prefix: QUEUE_PREFIX });
      const events = new QueueEvents(coordinator.queueName, { connection: client, prefix: QUEUE_PREFIX });
      await events.waitUntilReady();
      const meta = { id: 'bogus.txt', source: 'bogus.txt', sha256: '', title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null };
      const job = await queue.add('article', { v: 1, fingerprint: 'f'.repeat(64), meta, text: 'x', titleSpan: null, bodySpan: { start: 0, end: 1 } }, { jobId: 'bogus', attempts: 1 });
      refusal = await job.waitUntilFinished(events).then(() => '', (error: Error) => error.message);
      await events.close();
    });
    expect(refusal).toMatch(/fingerprint mismatch: job bogus \(bogus\.txt\) wants pipeline ffffffffffff, worker \S+ has [0-9a-f]{12}/);
    expect(summary).toMatchObject({ articles: 6, ok: 4, error: 2 });

    const expected = await files(path.join(work, 'poison-local'));
    const actual = await files(out);
    const rows = actual.articles!.trim().split('\n').map((line) => JSON.parse(line) as { id: string; status: string; reason?: string });
    expect(rows.find((row) => row.id === 'art-001.txt')).toMatchObject({ status: 'error', reason: `timeout: over ${TIMEOUT_MS} ms (in stage test-hooks)` });
    expect(rows.find((row) => row.id === 'art-003.txt')).toMatchObject({ status: 'error', reason: expect.stringMatching(/^failed in the queue after 2 attempt\(s\): art-003\.txt: no result within \d+ ms/) });
    // Everything but the spinning article's rows is byte-identical to the local run, the hanging article's error row included.
    const withoutSpin = (text: string): string => text.split('\n').filter((line) => !line.includes('"art-003.txt"')).join('\n');
    for (const file of DATASET_FILES) expect(withoutSpin(actual[file]!), file).toBe(expected[file]);
  }, 300_000);
});
