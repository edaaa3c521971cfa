/**
 * `chronique run --queue` and `chronique worker` as users run them, against a real redis-server: the dataset written
 * through the queue with 1, 2 and 3 worker processes is byte-identical to a local run; a worker built with other
 * options refuses the runs, naming both fingerprints; a coordinator killed mid-run is resumed by running it again;
 * Redis unreachable or evicting stops both commands at start; SIGTERM stops a worker cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/dataset/cache.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { QUEUE_PREFIX } from '../../src/queue/protocol.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';
import { freePort, startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(REPO, 'src', 'cli.ts');
const ARTICLES = 120;

let work: string;
let corpus: string;
let redis: RedisServer;
let client: Redis;
let local: Record<string, string>;
const children: ChildProcess[] = [];

interface Child {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function cli(...args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, child?: Child, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${child ? `:\n${child.output()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startWorker(...extra: string[]): Promise<Child> {
  const worker = cli('worker', '--queue', redis.url, '--no-ner', ...extra);
  await until(() => worker.output().includes(': ready:'), 'the worker to be ready', worker);
  return worker;
}

async function digests(out: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of DATASET_FILES) result[file] = createHash('sha256').update(await fs.readFile(path.join(out, `${file}.jsonl`))).digest('hex');
  return result;
}

async function queueRun(out: string): Promise<{ output: string; workers: Array<{ id: string; articles: number }> }> {
  const run = cli('run', corpus, '--out', out, '--no-ner', '--no-progress', '--queue', redis.url);
  const code = await run.exit;
  expect(code, run.output()).toBe(0);
  expect(await digests(out)).toEqual(local);
  // The run's queue is gone with it: nothing of it stays in Redis.
  expect(await client.keys(`${QUEUE_PREFIX}:run-*`)).toEqual([]);
  const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as { workers: { workers: Array<{ id: string; articles: number }> } };
  return { output: run.output(), workers: manifest.workers.workers };
}

const cachedArticles = async (out: string): Promise<number> => (await fs.readdir(path.join(cacheRoot(out), 'articles')).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).length;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-queue-cli-'));
  corpus = path.join(work, 'corpus');
  await writeGeneratedCorpus(corpus, 0, ARTICLES);
  redis = await startRedisServer();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
  const run = cli('run', corpus, '--out', path.join(work, 'local'), '--no-ner', '--no-progress');
  expect(await run.exit, run.output()).toBe(0);
  local = await digests(path.join(work, 'local'));
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  client?.disconnect();
  await redis?.stop();
  await fs.rm(work, { recursive: true, force: true });
});

describe('chronique run --queue / chronique worker', () => {
  it('stops at start, saying why, when Redis is unreachable or evicts keys', async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    const commands = (url: string) => [['run', corpus, '--out', path.join(work, 'x'), '--no-ner', '--queue', url], ['worker', '--no-ner', '--queue', url]];
    const unreachable = commands(nowhere).map((args) => cli(...args));
    for (const child of unreachable) {
      expect(await child.exit, child.output()).toBe(2);
      expect(child.output()).toContain(`cannot reach Redis at ${nowhere}`);
    }
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const evicting = commands(redis.url).map((args) => cli(...args));
      for (const child of evicting) {
        expect(await child.exit, child.output()).toBe(2);
        expect(child.output()).toContain(`Redis at ${redis.url} has maxmemory-policy allkeys-lru`);
        expect(child.output()).toContain('BullMQ requires noeviction');
      }
    } finally {
      await client.config('SET', 'maxmemory-policy', 'noeviction');
    }
  }, 300_000);

  it('writes the local run\'s bytes with 1, 2 and 3 workers; a worker with other options refuses, naming both fingerprints', async () => {
    const [first, foreign] = await Promise.all([startWorker(), startWorker('--lang', 'fr')]);
    const one = await queueRun(path.join(work, 'q1'));
    expect(one.workers.map((worker) => worker.articles)).toEqual([ARTICLES]);
    expect(one.output).toMatch(/worker \S+ refuses this run: pipeline fingerprint [0-9a-f]{12} wanted by the run differs from this worker's [0-9a-f]{12} \(configuration [0-9a-f]{16} vs [0-9a-f]{16}[,)]/);
    expect(foreign.output()).toMatch(/refusing run run-[0-9a-f]{16} \(.*q1 on .*\): pipeline fingerprint/);

    const second = await startWorker();
    const two = await queueRun(path.join(work, 'q2'));
    expect(two.workers.reduce((sum, worker) => sum + worker.articles, 0)).toBe(ARTICLES);
    const third = await startWorker();
    const three = await queueRun(path.join(work, 'q3'));
    expect(three.workers.reduce((sum, worker) => sum + worker.articles, 0)).toBe(ARTICLES);
    expect(three.workers.length).toBeGreaterThanOrEqual(2);

    // SIGTERM: the workers finish what they hold and exit 0.
    for (const worker of [first, second, third, foreign]) worker.child.kill('SIGTERM');
    for (const worker of [first, second, third, foreign]) {
      expect(await worker.exit, worker.output()).toBe(0);
      expect(worker.output()).toContain('chronique worker: stopped');
    }
  }, 240_000);

  it('resumes a coordinator killed mid-run from what was cached and completed', async () => {
    const workers = await Promise.all([startWorker(), startWorker()]);
    const out = path.join(work, 'killed');
    const run = cli('run', corpus, '--out', out, '--no-ner', '--no-progress', '--queue', redis.url);
    await until(async () => (await cachedArticles(out)) >= 8 || run.child.exitCode !== null, 'the first results', run);
    run.child.kill('SIGKILL');
    await run.exit;
    const cached = await cachedArticles(out);
    expect(cached, 'the run ended before the kill: make the corpus larger').toBeLessThan(ARTICLES);

    const status = cli('queue', 'status', '--queue', redis.url);
    expect(await status.exit, status.output()).toBe(0);
    expect(status.output()).toMatch(new RegExp(`run-[0-9a-f]{16}  ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on `));

    const again = cli('run', corpus, '--out', out, '--no-ner', '--no-progress', '--queue', redis.url);
    expect(await again.exit, again.output()).toBe(0);
    expect(again.output()).toContain('resuming a previous run');
    const reused = Number(/cache: (\d+) reused/.exec(again.output())?.[1]);
    expect(reused).toBeGreaterThanOrEqual(cached);
    expect(await digests(out)).toEqual(local);
    for (const worker of workers) worker.child.kill('SIGTERM');
    for (const worker of workers) expect(await worker.exit).toBe(0);
  }, 180_000);
});
