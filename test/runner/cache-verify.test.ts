/**
 * A tampered or hostile incremental cache: every entry is checked before it is served (checksum, size, regular file,
 * every row naming its article, every span an exact slice of the article text). Whatever is done to an entry, the
 * re-run's dataset equals a clean run's, the bad entry is counted in the manifest (`cache.discarded`) and warned
 * about, and nothing hangs or fills memory.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/dataset/cache.js';
import { runCorpus, type RunSummary } from '../../src/runner/run-corpus.js';
import { datasetFingerprint, FRENCH_PARAGRAPH, FRENCH_SENTENCES, readDataset, spanViolations, tempDirs, writeFiles } from '../helpers/hostile.js';
import { rulesOnlyPipeline } from '../helpers/hostile-pipeline.js';

const temps = tempDirs();
const temp = temps.temp;

let corpus: string;
let clean: Record<string, string>;
const ARTICLES = 5;

beforeAll(async () => {
  corpus = await temp('cache-verify-corpus');
  await writeFiles(corpus, {
    'a.txt': `date 2024-03-01 Premier\n${FRENCH_PARAGRAPH}`,
    'b.txt': `date 2024-03-02 Second\n${FRENCH_SENTENCES.slice(1).join(' ')}`,
    'feed.jsonl': [1, 2, 3].map((n) => JSON.stringify({ id: `f${n}`, text: FRENCH_SENTENCES.slice(0, n + 2).join(' '), published: '2024-03-20' })).join('\n'),
  });
  const out = await temp('cache-verify-clean');
  await runCorpus(await rulesOnlyPipeline(), corpus, out);
  clean = await datasetFingerprint(out);
});

afterAll(async () => {
  await temps.removeAll();
});

interface Entry {
  file: string;
  payload: { key: string; records: { articles: Array<{ id: string; counts: Record<string, number> }>; sentences: Array<Record<string, unknown>> } };
}

/** Parses an entry file: `chronique-cache-v2 <sha256>\n<payload>` (the layout the cache documents). */
function parseEntry(bytes: string): { checksum: string; payload: string } {
  const newline = bytes.indexOf('\n');
  return { checksum: bytes.slice('chronique-cache-v2 '.length, newline), payload: bytes.slice(newline + 1) };
}

/** An entry written back with a correct checksum: only the content checks can catch what was changed. */
const signed = (payload: unknown): string => {
  const json = JSON.stringify(payload);
  return `chronique-cache-v2 ${createHash('sha256').update(json).digest('hex')}\n${json}`;
};

async function articleEntries(out: string): Promise<Entry[]> {
  const dir = path.join(cacheRoot(out), 'articles');
  const entries: Entry[] = [];
  for (const name of (await fs.readdir(dir)).sort()) {
    const file = path.join(dir, name);
    entries.push({ file, payload: JSON.parse(parseEntry(await fs.readFile(file, 'utf8')).payload) as Entry['payload'] });
  }
  return entries;
}

const entryOf = (entries: Entry[], id: string): Entry => entries.find((entry) => entry.payload.records.articles[0].id === id)!;

/** A first run into a fresh folder, the tampering, then the run under test (with its warnings). */
async function tamperedRun(prefix: string, tamper: (entries: Entry[], out: string) => Promise<void>): Promise<{ out: string; summary: RunSummary; warnings: string[] }> {
  const out = await temp(prefix);
  const first = await runCorpus(await rulesOnlyPipeline(), corpus, out);
  expect(first.processed).toBe(ARTICLES);
  await tamper(await articleEntries(out), out);
  const warnings: string[] = [];
  const summary = await runCorpus(await rulesOnlyPipeline(), corpus, out, { onWarning: (message) => warnings.push(message) });
  return { out, summary, warnings };
}

async function expectRecomputed(result: { out: string; summary: RunSummary; warnings: string[] }, why: RegExp): Promise<void> {
  expect(result.summary).toMatchObject({ cacheDiscarded: 1, processed: 1, reused: ARTICLES - 1 });
  expect(result.warnings.join('\n')).toMatch(why);
  expect(await datasetFingerprint(result.out)).toEqual(clean);
  expect(spanViolations(await readDataset(result.out))).toEqual([]);
  const manifest = JSON.parse(await fs.readFile(path.join(result.out, 'manifest.json'), 'utf8')) as { cache: Record<string, number> };
  expect(manifest.cache).toEqual({ reused: ARTICLES - 1, processed: 1, discarded: 1 });
  // The recomputed entry replaced the bad one: the next run reuses everything and discards nothing.
  const next = await runCorpus(await rulesOnlyPipeline(), corpus, result.out);
  expect(next).toMatchObject({ cacheDiscarded: 0, reused: ARTICLES, processed: 0 });
}

describe('a tampered cache entry is discarded and recomputed', () => {
  it('valid JSON, correct checksum, spans moved: text.slice(start, end) no longer matches', async () => {
    const result = await tamperedRun('cache-spans', async (entries) => {
      const entry = entryOf(entries, 'a.txt');
      for (const sentence of entry.payload.records.sentences) sentence.start = Number(sentence.start) + 1;
      await fs.writeFile(entry.file, signed(entry.payload));
    });
    await expectRecomputed(result, /1 cache entry failed verification .*sentences\[0\]: text .* is not the slice/);
  });

  it('valid JSON, correct checksum, a row copied in under another article id', async () => {
    const result = await tamperedRun('cache-foreign-row', async (entries) => {
      const victim = entryOf(entries, 'a.txt');
      const intruder = entryOf(entries, 'b.txt').payload.records.sentences[0]!;
      victim.payload.records.sentences.push(intruder);
      victim.payload.records.articles[0].counts.sentences += 1;
      await fs.writeFile(victim.file, signed(victim.payload));
    });
    await expectRecomputed(result, /sentences\[\d+\] belongs to "b\.txt", not "a\.txt"/);
  });

  it('an edit that keeps the content plausible but breaks the checksum', async () => {
    const result = await tamperedRun('cache-checksum', async (entries) => {
      const entry = entryOf(entries, 'feed.jsonl#f2');
      const { checksum } = parseEntry(await fs.readFile(entry.file, 'utf8'));
      entry.payload.records.sentences[0]!.kind = entry.payload.records.sentences[0]!.kind === 'body' ? 'title' : 'body';
      await fs.writeFile(entry.file, `chronique-cache-v2 ${checksum}\n${JSON.stringify(entry.payload)}`);
    });
    await expectRecomputed(result, /checksum mismatch/);
  });

  it('a truncated entry', async () => {
    const result = await tamperedRun('cache-truncated', async (entries) => {
      const { file } = entryOf(entries, 'b.txt');
      await fs.truncate(file, Math.floor((await fs.stat(file)).size / 2));
    });
    await expectRecomputed(result, /checksum mismatch/);
  });

  it('an entry cut inside its header line', async () => {
    const result = await tamperedRun('cache-header', async (entries) => {
      await fs.truncate(entryOf(entries, 'b.txt').file, 30);
    });
    await expectRecomputed(result, /no checksum header/);
  });
});

describe('only regular files within the size bound are read from the cache', () => {
  it('a FIFO in place of an entry is never opened: no hang', { timeout: 30_000 }, async () => {
    const result = await tamperedRun('cache-fifo', async (entries) => {
      const { file } = entryOf(entries, 'a.txt');
      await fs.rm(file);
      execFileSync('mkfifo', [file]);
    });
    await expectRecomputed(result, /not a regular file, not read/);
  });

  it('a symlink to /dev/zero in place of an entry is never followed: memory stays flat', { timeout: 30_000 }, async () => {
    let rssBefore = 0;
    const result = await tamperedRun('cache-dev-zero', async (entries) => {
      const { file } = entryOf(entries, 'a.txt');
      await fs.rm(file);
      await fs.symlink('/dev/zero', file);
      rssBefore = process.memoryUsage().rss;
    });
    // Reading /dev/zero whole took hundreds of MB before giving up; the entry is judged by lstat alone.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    await expectRecomputed(result, /a symbolic link, not read/);
  });

  it('a symlink to a valid entry of another article is refused as a symlink', async () => {
    const result = await tamperedRun('cache-link', async (entries) => {
      const { file } = entryOf(entries, 'a.txt');
      await fs.rm(file);
      await fs.symlink(entryOf(entries, 'b.txt').file, file);
    });
    await expectRecomputed(result, /a symbolic link, not read/);
  });

  it('a folder in place of an entry: discarded, recomputed, and left where it is (it is not the cache\'s)', async () => {
    let folder = '';
    const result = await tamperedRun('cache-folder', async (entries) => {
      folder = entryOf(entries, 'a.txt').file;
      await fs.rm(folder);
      await fs.mkdir(folder);
      await fs.writeFile(path.join(folder, 'inside'), 'not ours');
    });
    expect(result.summary).toMatchObject({ cacheDiscarded: 1, processed: 1, reused: ARTICLES - 1, cacheWriteFailures: 1 });
    expect(result.warnings.join('\n')).toMatch(/not a regular file, not read/);
    expect(await datasetFingerprint(result.out)).toEqual(clean);
    expect(await fs.readFile(path.join(folder, 'inside'), 'utf8')).toBe('not ours');
  });

  it('a sparse file past the size bound is discarded without being read', { timeout: 30_000 }, async () => {
    const result = await tamperedRun('cache-huge', async (entries) => {
      const { file } = entryOf(entries, 'a.txt');
      // The default bound: 32 bytes per byte of the 10 MB file limit (320 MiB); a sparse file costs no disk.
      await fs.truncate(file, 32 * 10 * 1024 * 1024 + 1);
    });
    await expectRecomputed(result, /larger than the cache entry limit/);
  });
});
