/**
 * Faults around the commit of `chronique run`, on the real CLI (`node --import tsx src/cli.ts`, from a snapshot of
 * src/ taken at the start, as in batch-crash.test.ts): the process killed at every step of the commit through the
 * `CHRONIQUE_FAULT` hook (src/util/fault.ts), readers reading meanwhile, signals before and after the switch, two
 * concurrent runs on one output folder.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/audit/stream.js';
import { pinDataset } from '../../src/dataset/generations.js';
import { LOCK_FILE } from '../../src/dataset/lock.js';
import { FAULT_POINTS } from '../../src/util/fault.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const OLD_ARTICLES = 12;
const NEW_ARTICLES = 24;
let work: string;
let cliPath: string;
let corpus: string;
let oldRead: string;
let newRead: string;

interface Child {
  pid: number;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  stderr(): string;
}

function startCli(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    pid: child.pid!,
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr }))),
    kill: (signal) => child.kill(signal),
    stderr: () => stderr,
  };
}

const startRun = (out: string, env: Record<string, string> = {}, ...extra: string[]): Child => startCli(['run', corpus, '--out', out, '--no-progress', '--no-ner', ...extra], env);

/**
 * What a reader gets, as the library reads it (one pinned generation): a digest of every article with its rows, and
 * the manifest's article count, which must agree with the rows read.
 */
async function readerView(out: string): Promise<string> {
  const pinned = await pinDataset(out);
  const hash = createHash('sha256');
  let articles = 0;
  // The pinned folder itself, not `out` again: a second look at the pointer could find the other generation.
  for await (const data of readArticles(pinned)) {
    hash.update(JSON.stringify(data));
    articles += 1;
  }
  const manifest = JSON.parse(await fs.readFile(path.join(pinned, 'manifest.json'), 'utf8')) as { counts: { articles: number } };
  expect(manifest.counts.articles, `manifest of ${pinned}`).toBe(articles);
  return hash.digest('hex');
}

async function copyDir(from: string, to: string): Promise<void> {
  await fs.rm(to, { recursive: true, force: true });
  await fs.cp(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Everything left in the folder that is neither the dataset, its two kept generations, nor the cache. */
async function leftovers(out: string): Promise<string[]> {
  const top = (await fs.readdir(out)).filter((name) => !/^(articles|sentences|mentions|timexes|entities|events)\.jsonl$|^manifest\.json$|^\.cache$|^\.generations$/.test(name));
  const generations = (await fs.readdir(path.join(out, '.generations'))).filter((name) => name !== 'current');
  return [...top, ...(generations.length > 2 ? [`${generations.length} generations`] : []), ...generations.filter((name) => !/^\d{6}$/.test(name))];
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-commit-'));
  const snapshot = path.join(work, 'snapshot');
  await fs.cp(path.join(REPO, 'src'), path.join(snapshot, 'src'), { recursive: true });
  await fs.copyFile(path.join(REPO, 'package.json'), path.join(snapshot, 'package.json'));
  await fs.symlink(path.join(REPO, 'node_modules'), path.join(snapshot, 'node_modules'));
  cliPath = path.join(snapshot, 'src', 'cli.ts');
  corpus = path.join(work, 'corpus');
  await writeGeneratedCorpus(corpus, 0, OLD_ARTICLES);
  expect((await startRun(path.join(work, 'base')).exit).code).toBe(0);
  oldRead = await readerView(path.join(work, 'base'));
  await writeGeneratedCorpus(corpus, OLD_ARTICLES, OLD_ARTICLES + NEW_ARTICLES);
  expect((await startRun(path.join(work, 'clean')).exit).code).toBe(0);
  newRead = await readerView(path.join(work, 'clean'));
  expect(newRead).not.toBe(oldRead);
}, 240_000);

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('a kill at every step of the commit', () => {
  const switchedAt = FAULT_POINTS.indexOf('commit.switched');

  it.each(FAULT_POINTS.map((point, index) => [point, index >= switchedAt ? 'new' : 'old'] as const))(
    'killed at %s: readers see the %s dataset whole, during and after; the next run recovers',
    async (point, expected) => {
      const out = path.join(work, `killed-${point}`);
      await copyDir(path.join(work, 'base'), out);
      const run = startRun(out, { CHRONIQUE_FAULT: point });
      // A reader reading again and again while the run goes, as `chronique report` or a library user would.
      const seen = new Set<string>();
      const failures: string[] = [];
      let running = true;
      const reader = (async () => {
        while (running) await readerView(out).then((view) => seen.add(view), (error: Error) => failures.push(error.message));
      })();
      const result = await run.exit;
      running = false;
      await reader;
      expect(result.signal, result.stderr).toBe('SIGKILL');
      expect(failures).toEqual([]);
      expect(seen.size).toBeGreaterThan(0);
      for (const view of seen) expect([oldRead, newRead]).toContain(view);
      expect(await readerView(out)).toBe(expected === 'new' ? newRead : oldRead);

      const next = await startRun(out).exit;
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toContain('removed the stale lock');
      expect(await readerView(out)).toBe(newRead);
      expect(await leftovers(out)).toEqual([]);
    },
    120_000,
  );

  it('chronique report reads the killed folder (before and after the switch) without error', async () => {
    for (const point of ['commit.marker', 'commit.switched'] as const) {
      const out = path.join(work, `report-${point}`);
      await copyDir(path.join(work, 'base'), out);
      expect((await startRun(out, { CHRONIQUE_FAULT: point }).exit).signal).toBe('SIGKILL');
      const report = await startCli(['report', out, '--out', path.join(work, `report-${point}.html`)]).exit;
      expect(report.code, report.stderr).toBe(0);
    }
  }, 120_000);
});

describe('signals', () => {
  it('SIGTERM is SIGINT: exit 143, the previous dataset left, no staging left, the finished articles cached', async () => {
    const out = path.join(work, 'sigterm');
    await copyDir(path.join(work, 'base'), out);
    // The signal lands exactly between the last article and the commit.
    const result = await startRun(out, { CHRONIQUE_FAULT: 'run.drained:SIGTERM' }).exit;
    expect(result.code, result.stderr).toBe(143);
    expect(result.stderr).toContain('stopped by SIGTERM; previous dataset in');
    expect(result.stderr).toContain('left as it was');
    expect(await readerView(out)).toBe(oldRead);
    expect(await leftovers(out)).toEqual([]);
    expect((await fs.readdir(path.join(out, '.generations'))).sort()).toEqual((await fs.readdir(path.join(work, 'base', '.generations'))).sort());
    const next = await startRun(out).exit;
    expect(next.code).toBe(0);
    // Every article of the stopped run had finished and reached the cache.
    expect(next.stderr).toContain(`cache: ${OLD_ARTICLES + NEW_ARTICLES} reused, 0 processed`);
    expect(await readerView(out)).toBe(newRead);
  }, 120_000);

  it('a second signal aborts at once: exit 143, no summary, lock released, previous dataset; the next run clears the staging', async () => {
    const out = path.join(work, 'sigterm-twice');
    await copyDir(path.join(work, 'base'), out);
    // Two signals once the first file is written, the other files in flight.
    const result = await startRun(out, { CHRONIQUE_FAULT: 'run.first-file:SIGTERM,run.first-file:SIGTERM' }, '--force').exit;
    expect(result.code, result.stderr).toBe(143);
    expect(result.stderr).toContain('SIGTERM: stopping after the articles in progress');
    expect(result.stderr).toContain('SIGTERM again: aborting now');
    // Aborted, not stopped: no summary, and the generation it was staging is still there for the next run to clear.
    expect(result.stderr).not.toContain('stopped by');
    expect((await fs.readdir(path.join(out, '.generations'))).length).toBeGreaterThan((await fs.readdir(path.join(work, 'base', '.generations'))).length);
    await expect(fs.stat(path.join(out, LOCK_FILE))).rejects.toThrow();
    expect(await readerView(out)).toBe(oldRead);
    const next = await startRun(out).exit;
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('stale lock');
    expect(await readerView(out)).toBe(newRead);
    expect(await leftovers(out)).toEqual([]);
  }, 120_000);

  it('a second signal after the switch aborts too, and says the new dataset is in place (it is)', async () => {
    const out = path.join(work, 'sigterm-twice-switched');
    await copyDir(path.join(work, 'base'), out);
    const result = await startRun(out, { CHRONIQUE_FAULT: 'commit.switched:SIGTERM,commit.switched:SIGTERM' }).exit;
    expect(result.code, result.stderr).toBe(143);
    expect(result.stderr).toContain('SIGTERM again: aborting now; the new dataset is already in place');
    expect(await readerView(out)).toBe(newRead);
    await expect(fs.stat(path.join(out, LOCK_FILE))).rejects.toThrow();
  }, 120_000);

  it.each([
    ['run.drained:SIGINT', 130, 'old'],
    ['commit.marker:SIGTERM', 0, 'new'],
    ['commit.switched:SIGINT', 0, 'new'],
    ['run.pruned:SIGTERM', 0, 'new'],
  ] as const)('a signal at %s: exit %i, the message names the %s dataset, which is the one in place', async (fault, code, expected) => {
    const out = path.join(work, `signal-${fault.replace(':', '-')}`);
    await copyDir(path.join(work, 'base'), out);
    const result = await startRun(out, { CHRONIQUE_FAULT: fault }).exit;
    expect(result.code, result.stderr).toBe(code);
    expect(await readerView(out)).toBe(expected === 'new' ? newRead : oldRead);
    if (expected === 'new') {
      expect(result.stderr).toMatch(/SIG(INT|TERM) came after the new dataset was in place: wrote /);
      expect(result.stderr).not.toContain('left as it was');
    } else {
      expect(result.stderr).toMatch(/stopped by SIG(INT|TERM); previous dataset in .* left as it was/);
    }
    await expect(fs.stat(path.join(out, LOCK_FILE))).rejects.toThrow();
  }, 120_000);
});

describe('one run at a time per output folder', () => {
  it('a second run or regenerate on the same --out exits 2 naming the holder; the first completes untouched', async () => {
    const out = path.join(work, 'locked');
    await copyDir(path.join(work, 'base'), out);
    // The first run stops at its commit until told to go on: its lock is held for as long as the test needs.
    const first = startRun(out, { CHRONIQUE_FAULT: 'run.drained:SIGSTOP' });
    for (let tries = 0; !(await fs.stat(path.join(out, LOCK_FILE)).then(() => true, () => false)); tries++) {
      if (tries > 12_000) throw new Error('the first run never took the lock');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const command of ['run', 'regenerate']) {
      const second = await startCli([command, corpus, '--out', out, '--no-progress', '--no-ner']).exit;
      expect(second.code, second.stderr).toBe(2);
      expect(second.stderr).toContain(`output folder is in use by another chronique run (pid ${first.pid} on ${os.hostname()}`);
    }
    first.kill('SIGCONT');
    const done = await first.exit;
    expect(done.code, done.stderr).toBe(0);
    expect(await readerView(out)).toBe(newRead);
    expect(await leftovers(out)).toEqual([]);
  }, 180_000);
});
