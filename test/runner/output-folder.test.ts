/**
 * The output folder under damage, in-process: a COMMIT marker empty, truncated, garbage, naming paths outside or with
 * sizes/checksums that do not match is not a committed dataset (rolled back, said, the run goes on); foreign files in
 * the generation folders are never deleted; an older version's layout is taken over; the lock refuses live holders
 * and removes stale ones. Nothing outside `--out` is ever written or moved.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../src/dataset/generations.js';
import { LOCK_FILE } from '../../src/dataset/lock.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';
import { datasetFingerprint, listTree, makeTempDir } from '../helpers/hostile.js';
import { rulesOnlyPipeline } from '../helpers/hostile-pipeline.js';

let base: string;
let corpusA: string;
let corpusB: string;
let datasetA: Record<string, string>;
let datasetB: Record<string, string>;

/** A run; `stopAtOnce` recovers the folder and stops before any article (what recovery alone leaves). */
async function run(corpus: string, out: string, stopAtOnce = false): Promise<string[]> {
  const warnings: string[] = [];
  await runCorpus(await rulesOnlyPipeline(), corpus, out, { onWarning: (message) => warnings.push(message), ...(stopAtOnce ? { shouldStop: () => true } : {}) });
  return warnings;
}

/** Every file beside `out` (inside `parent`), with a digest of its content. */
async function outside(parent: string, out: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listTree(parent)) {
    if (file === path.basename(out) || file.startsWith(`${path.basename(out)}/`)) continue;
    const stat = await fs.lstat(path.join(parent, file));
    result[file] = stat.isSymbolicLink() ? `-> ${await fs.readlink(path.join(parent, file))}` : createHash('sha256').update(await fs.readFile(path.join(parent, file))).digest('hex');
  }
  return result;
}

/** An output folder holding generation 000001 (corpus A) and, current, 000002 (corpus B), beside a precious file. */
async function twoGenerations(name: string): Promise<{ parent: string; out: string; current: string }> {
  const parent = path.join(base, name);
  const out = path.join(parent, 'out');
  await fs.mkdir(parent, { recursive: true });
  await fs.writeFile(path.join(parent, 'precious.txt'), 'not chronique’s\n');
  await run(corpusA, out);
  await run(corpusB, out);
  expect(await fs.readlink(path.join(out, '.generations', 'current'))).toBe('000002');
  return { parent, out, current: path.join(out, '.generations', '000002') };
}

beforeAll(async () => {
  base = await makeTempDir('output-folder');
  corpusA = path.join(base, 'corpus-a');
  corpusB = path.join(base, 'corpus-b');
  await writeGeneratedCorpus(corpusA, 0, 5);
  await writeGeneratedCorpus(corpusB, 0, 9);
  await run(corpusA, path.join(base, 'clean-a'));
  await run(corpusB, path.join(base, 'clean-b'));
  datasetA = await datasetFingerprint(path.join(base, 'clean-a'));
  datasetB = await datasetFingerprint(path.join(base, 'clean-b'));
  expect(datasetA).not.toEqual(datasetB);
}, 120_000);

describe('the COMMIT marker', () => {
  const marker = async (dir: string): Promise<{ format: string; files: Array<{ name: string; size: number; sha256: string }> }> => JSON.parse(await fs.readFile(path.join(dir, 'COMMIT'), 'utf8'));
  const damages: Array<[string, (dir: string, parent: string) => Promise<void>]> = [
    ['missing', (dir) => fs.rm(path.join(dir, 'COMMIT'))],
    ['empty', (dir) => fs.writeFile(path.join(dir, 'COMMIT'), '')],
    ['truncated', async (dir) => fs.writeFile(path.join(dir, 'COMMIT'), (await fs.readFile(path.join(dir, 'COMMIT'), 'utf8')).slice(0, 100))],
    ['garbage', (dir) => fs.writeFile(path.join(dir, 'COMMIT'), Buffer.from([0x00, 0xff, 0x7b, 0x22, 0x13, 0x80]))],
    ['naming a path outside the folder', async (dir, parent) => {
      const value = await marker(dir);
      const precious = await fs.readFile(path.join(parent, 'precious.txt'));
      value.files[0] = { name: '../../../precious.txt', size: precious.length, sha256: createHash('sha256').update(precious).digest('hex') };
      await fs.writeFile(path.join(dir, 'COMMIT'), JSON.stringify(value));
    }],
    ['naming an absolute path', async (dir, parent) => {
      const value = await marker(dir);
      value.files.push({ ...value.files[0]!, name: path.join(parent, 'precious.txt') });
      await fs.writeFile(path.join(dir, 'COMMIT'), JSON.stringify(value));
    }],
    ['with a checksum off', async (dir) => {
      const value = await marker(dir);
      value.files[2]!.sha256 = value.files[2]!.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      await fs.writeFile(path.join(dir, 'COMMIT'), JSON.stringify(value));
    }],
    ['with a size off', async (dir) => {
      const value = await marker(dir);
      value.files[0]!.size += 1;
      await fs.writeFile(path.join(dir, 'COMMIT'), JSON.stringify(value));
    }],
    ['whose data did not reach the disk (a file truncated under it)', async (dir) => {
      const file = path.join(dir, 'sentences.jsonl');
      await fs.truncate(file, Math.floor((await fs.stat(file)).size / 2));
    }],
    ['whose file was replaced by a link outside', async (dir, parent) => {
      await fs.copyFile(path.join(dir, 'events.jsonl'), path.join(parent, 'events-copy.jsonl'));
      await fs.rm(path.join(dir, 'events.jsonl'));
      await fs.symlink(path.join(parent, 'events-copy.jsonl'), path.join(dir, 'events.jsonl'));
    }],
  ];

  it.each(damages)('%s: not committed; rolled back to the previous generation with a warning, the run goes on; nothing outside --out touched', async (label, damage) => {
    const { parent, out, current } = await twoGenerations(`marker-${label.replace(/\W+/g, '-')}`);
    await damage(current, parent);
    const before = await outside(parent, out);
    const warnings = await run(corpusB, out, true);
    expect(warnings.join('\n')).toMatch(/dataset generation 000002 is not committed \(.+\): rolled back to generation 000001/);
    expect(await datasetFingerprint(out)).toEqual(datasetA);
    await expect(fs.stat(current)).rejects.toThrow();
    expect(await outside(parent, out)).toEqual(before);
    // The run after it completes as a clean run would.
    expect(await run(corpusB, out)).toEqual([]);
    expect(await datasetFingerprint(out)).toEqual(datasetB);
    expect(await outside(parent, out)).toEqual(before);
  });

  it('a pointer that names something else than a generation is not committed either: back to the newest whole generation', async () => {
    const { parent, out } = await twoGenerations('pointer');
    await fs.rm(path.join(out, '.generations', 'current'));
    await fs.symlink(path.join('..', '..'), path.join(out, '.generations', 'current'));
    const before = await outside(parent, out);
    const warnings = await run(corpusB, out, true);
    expect(warnings.join('\n')).toMatch(/current is not committed \(the pointer is not a link to a generation\): rolled back to generation 000002/);
    expect(await datasetFingerprint(out)).toEqual(datasetB);
    expect(await outside(parent, out)).toEqual(before);
  });

  it('no generation whole at all: the folder holds no dataset until the run commits one', async () => {
    const { out } = await twoGenerations('none-whole');
    for (const n of ['000001', '000002']) await fs.writeFile(path.join(out, '.generations', n, 'COMMIT'), '{');
    const warnings = await run(corpusB, out, true);
    expect(warnings.join('\n')).toContain('no earlier generation is whole');
    await expect(fs.readFile(path.join(out, 'articles.jsonl'))).rejects.toThrow();
    await run(corpusB, out);
    expect(await datasetFingerprint(out)).toEqual(datasetB);
  });
});

describe('files this program did not write', () => {
  it('are never deleted from generation or staging folders, nor through a link; only its own names go', async () => {
    const parent = path.join(base, 'foreign');
    const out = path.join(parent, 'out');
    await run(corpusA, out);
    const elsewhere = path.join(parent, 'elsewhere');
    await fs.mkdir(elsewhere, { recursive: true });
    await fs.writeFile(path.join(elsewhere, 'articles.jsonl'), 'someone else’s\n');
    const generations = path.join(out, '.generations');
    await fs.writeFile(path.join(generations, '000001', 'notes.txt'), 'mine\n');
    await fs.mkdir(path.join(generations, '000007'));
    await fs.writeFile(path.join(generations, '000007', 'keep.me'), 'mine too\n');
    await fs.writeFile(path.join(generations, '000007', 'articles.jsonl'), 'a staged file of an interrupted run\n');
    await fs.symlink(elsewhere, path.join(generations, '000005'));
    await fs.mkdir(path.join(out, '.staging'));
    await fs.writeFile(path.join(out, '.staging', 'user.txt'), 'also mine\n');
    await fs.writeFile(path.join(out, '.staging', 'COMMIT'), JSON.stringify(['articles.jsonl', '../../elsewhere/articles.jsonl']));
    const before = await outside(parent, out);

    const warnings = await run(corpusB, out);
    expect(warnings.join('\n')).toContain('an interrupted commit of an older chronique version, discarded');
    await run(corpusB, out); // a second commit: generation 000001 is no longer the previous one
    expect(await datasetFingerprint(out)).toEqual(datasetB);
    expect(await fs.readFile(path.join(generations, '000001', 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(await fs.readdir(path.join(generations, '000001'))).toEqual(['notes.txt']);
    expect(await fs.readdir(path.join(generations, '000007'))).toEqual(['keep.me']);
    expect(await fs.readdir(path.join(out, '.staging'))).toEqual(['user.txt']);
    expect(await fs.readlink(path.join(generations, '000005'))).toBe(elsewhere);
    expect(await outside(parent, out)).toEqual(before);
  });
});

describe('an older version’s output folder', () => {
  it('its dataset (regular files) is kept as a generation; its staging discarded, never rolled forward', async () => {
    const parent = path.join(base, 'legacy');
    const out = path.join(parent, 'out');
    await fs.mkdir(path.join(out, '.staging'), { recursive: true });
    await fs.writeFile(path.join(parent, 'precious.txt'), 'not chronique’s\n');
    for (const name of DATASET_NAMES) await fs.copyFile(path.join(base, 'clean-a', name), path.join(out, name));
    await fs.copyFile(path.join(base, 'clean-b', 'articles.jsonl'), path.join(out, '.staging', 'articles.jsonl'));
    await fs.writeFile(path.join(out, '.staging', 'COMMIT'), JSON.stringify(['articles.jsonl', '../precious.txt']));
    const before = await outside(parent, out);
    const warnings = await run(corpusB, out, true);
    expect(warnings.join('\n')).toContain('discarded');
    expect(await datasetFingerprint(out)).toEqual(datasetA);
    for (const name of DATASET_NAMES) expect((await fs.lstat(path.join(out, name))).isSymbolicLink()).toBe(true);
    await expect(fs.stat(path.join(out, '.staging'))).rejects.toThrow();
    await run(corpusB, out);
    expect(await datasetFingerprint(out)).toEqual(datasetB);
    expect(await outside(parent, out)).toEqual(before);
  });
});

describe('the output lock', () => {
  const withLock = async (name: string, content: string): Promise<string> => {
    const out = path.join(base, name);
    await run(corpusA, out);
    await fs.writeFile(path.join(out, LOCK_FILE), content);
    return out;
  };

  it('a live holder (another host, or a live pid here) refuses the run naming it; the lock and dataset stay', async () => {
    for (const [label, holder] of [
      ['other-host', { pid: process.pid, host: 'elsewhere.example', bootId: '' }],
      ['live-pid', { pid: process.pid, host: os.hostname(), bootId: '' }],
    ] as const) {
      const out = await withLock(`lock-${label}`, JSON.stringify(holder));
      await expect(run(corpusB, out)).rejects.toThrow(`output folder is in use by another chronique run (pid ${holder.pid} on ${holder.host}`);
      expect(JSON.parse(await fs.readFile(path.join(out, LOCK_FILE), 'utf8'))).toEqual(holder);
      expect(await datasetFingerprint(out)).toEqual(datasetA);
    }
  });

  it('an unreadable lock is never removed on a guess', async () => {
    const out = await withLock('lock-garbage', 'garbage');
    await expect(run(corpusB, out)).rejects.toThrow('unreadable lock');
    expect(await fs.readFile(path.join(out, LOCK_FILE), 'utf8')).toBe('garbage');
  });

  it('a stale lock (dead pid on this host, or a previous boot) is removed with a warning; released after the run', async () => {
    for (const [label, holder] of [
      ['dead-pid', { pid: 2 ** 22 + 12_345, host: os.hostname(), bootId: '' }],
      ['old-boot', { pid: 1, host: os.hostname(), bootId: 'another-boot' }],
    ] as const) {
      const out = await withLock(`lock-${label}`, JSON.stringify(holder));
      const warnings = await run(corpusB, out);
      expect(warnings.join('\n')).toContain(`removed the stale lock of pid ${holder.pid} on ${holder.host}`);
      expect(await datasetFingerprint(out)).toEqual(datasetB);
      await expect(fs.stat(path.join(out, LOCK_FILE))).rejects.toThrow();
    }
  });
});
