/**
 * Crash safety of `chronique run`: a SIGKILL at a random point of the processing leaves the previous dataset or the
 * new one, whole, and the next run completes to the same bytes as a clean run (kills at every step of the commit:
 * commit-faults.test.ts); SIGINT stops with exit 130, keeps the
 * previous dataset and the finished articles cached. Runs the real CLI (`node --import tsx src/cli.ts`, one
 * process, so that the signal reaches the pipeline itself) from a snapshot of src/ taken at the start: the cache key
 * includes a hash of the sources, and other work in this tree must not change it between the runs of a test.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/dataset/cache.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { articleFile, generatedArticle, writeGeneratedCorpus } from '../helpers/generated-corpus.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const OLD_ARTICLES = 60;
const NEW_ARTICLES = 200;
let work: string;
let cliPath: string;
let corpus: string;
let previous: Record<string, string>;
let clean: Record<string, string>;

interface Child {
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** `chronique run` as a child process; rules only (`--no-ner`) so that the test's time does not depend on the model. */
function startRun(out: string, ...extra: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'run', corpus, '--out', out, '--no-progress', '--no-ner', ...extra], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr }))),
    kill: (signal) => child.kill(signal),
  };
}

async function runToEnd(out: string, ...extra: string[]): Promise<string> {
  const result = await startRun(out, ...extra).exit;
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

async function digests(out: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of [...DATASET_FILES.map((f) => `${f}.jsonl`)]) {
    result[file] = createHash('sha256').update(await fs.readFile(path.join(out, file))).digest('hex');
  }
  return result;
}

async function cachedArticles(out: string): Promise<number> {
  return (await fs.readdir(path.join(cacheRoot(out), 'articles')).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).length;
}

/** Resolves once `condition` holds, polling; rejects when the child exits first (the run ended before the kill point). */
async function waitFor(condition: () => Promise<boolean>, child: Child): Promise<void> {
  let exited = false;
  void child.exit.then(() => (exited = true));
  for (;;) {
    if (await condition()) return;
    if (exited) throw new Error('the run finished before the kill point: make the corpus larger');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function copyDir(from: string, to: string): Promise<void> {
  await fs.rm(to, { recursive: true, force: true });
  // Links copied as they are (relative), as `cp -r` does: the copy's pointer names its own generations.
  await fs.cp(from, to, { recursive: true, verbatimSymlinks: true });
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-crash-'));
  const snapshot = path.join(work, 'snapshot');
  await fs.cp(path.join(REPO, 'src'), path.join(snapshot, 'src'), { recursive: true });
  await fs.copyFile(path.join(REPO, 'package.json'), path.join(snapshot, 'package.json'));
  await fs.symlink(path.join(REPO, 'node_modules'), path.join(snapshot, 'node_modules'));
  cliPath = path.join(snapshot, 'src', 'cli.ts');
  corpus = path.join(work, 'corpus');
  await writeGeneratedCorpus(corpus, 0, OLD_ARTICLES);
  await runToEnd(path.join(work, 'base'));
  previous = await digests(path.join(work, 'base'));
  await writeGeneratedCorpus(corpus, OLD_ARTICLES, OLD_ARTICLES + NEW_ARTICLES);
  await runToEnd(path.join(work, 'clean'));
  clean = await digests(path.join(work, 'clean'));
}, 120_000);

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('SIGKILL', () => {
  it('leaves the previous dataset or the new one whole, never a mix; the next run completes', async () => {
    const out = path.join(work, 'killed');
    await copyDir(path.join(work, 'base'), out);
    // Kill points: early (a few new articles done) and late (most of them done).
    for (const threshold of [OLD_ARTICLES + 5, OLD_ARTICLES + Math.floor(NEW_ARTICLES * 0.6)]) {
      const run = startRun(out, '--force');
      await waitFor(async () => (await cachedArticles(out)) >= threshold, run);
      run.kill('SIGKILL');
      const result = await run.exit;
      expect(result.signal).toBe('SIGKILL');
      const now = await digests(out);
      expect([previous, clean], `dataset after kill at ${threshold}`).toContainEqual(now);
    }
    const stderr = await runToEnd(out);
    expect(await digests(out)).toEqual(clean);
    // The articles finished before the kills were cached and are reused.
    const reused = Number(/cache: (\d+) reused/.exec(stderr)?.[1]);
    expect(reused).toBeGreaterThan(OLD_ARTICLES);
    await expect(fs.stat(path.join(out, '.staging'))).rejects.toThrow();
  });
});

describe('SIGINT', () => {
  it('stops with exit 130, keeps the previous dataset, and the next run reuses the finished articles', async () => {
    const out = path.join(work, 'interrupted');
    await copyDir(path.join(work, 'base'), out);
    const run = startRun(out);
    await waitFor(async () => (await cachedArticles(out)) >= OLD_ARTICLES + 20, run);
    run.kill('SIGINT');
    const result = await run.exit;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('stopped');
    expect(await digests(out)).toEqual(previous);
    const finished = (await cachedArticles(out)) - OLD_ARTICLES;
    expect(finished).toBeGreaterThanOrEqual(20);

    const stderr = await runToEnd(out);
    expect(await digests(out)).toEqual(clean);
    expect(Number(/cache: (\d+) reused/.exec(stderr)?.[1])).toBe(OLD_ARTICLES + finished);
  });
});

describe('exit status', () => {
  it('is 2 when the output cannot be written, 1 when some articles failed', async () => {
    const blocked = path.join(work, 'blocked');
    await fs.writeFile(blocked, 'a file where the output folder should be');
    expect((await startRun(blocked).exit).code).toBe(2);

    const failing = path.join(work, 'failing-corpus');
    await fs.mkdir(failing);
    await fs.writeFile(path.join(failing, articleFile(1)), generatedArticle(1));
    await fs.writeFile(path.join(failing, 'broken.json'), '{ not json');
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'run', failing, '--out', path.join(work, 'failing-out'), '--no-progress', '--no-ner'], { cwd: REPO, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
  });
});
