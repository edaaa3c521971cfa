/**
 * Faults of the input side (issue 20): failed articles keep no partial rows, rejected publication dates are warned
 * about, reads are bounded by the bytes actually read, special files and escaping symlinks are never read, JSONL is
 * streamed record by record with the size limit per record, and JSONL records keep their identity across edits.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readCorpusBytes } from '../../src/ingest/read.js';
import { OUTSIDE_SYMLINK_REASON } from '../../src/ingest/walk.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import type { Stage } from '../../src/stages/stage.js';
import { articlesById, FRENCH_PARAGRAPH, makeTempDir, readDataset, runCli, writeFiles } from '../helpers/hostile.js';
import { NO_MODEL_FLAGS } from '../helpers/hostile-cli.js';
import { rulesOnlyConfig, rulesOnlyPipeline, rulesOnlyStages } from '../helpers/hostile-pipeline.js';

vi.setConfig({ testTimeout: 120_000 });

const temps: string[] = [];
const temp = async (prefix: string): Promise<string> => {
  const dir = await makeTempDir(prefix);
  temps.push(dir);
  return dir;
};

/** The article a row belongs to (events carry `article: {id, title, published}`, the other files the id). */
const articleOf = (row: Record<string, unknown>): unknown => (row.article && typeof row.article === 'object' ? (row.article as { id: unknown }).id : row.article);

afterAll(async () => {
  for (const dir of temps) await fs.rm(dir, { recursive: true, force: true });
});

describe('an error article contributes its articles.jsonl row only', () => {
  it('a timeout after the sentences, mentions, dates and events stages leaves none of their rows, counts zero', async () => {
    const hang: Stage = { name: 'hang', reads: [], writes: [], run: (doc) => (doc.meta.id === 'b.txt' ? new Promise<void>(() => undefined) : undefined) };
    const local = await temp('error-rows-corpus');
    const long = `${FRENCH_PARAGRAPH}\n\n`.repeat(5);
    await writeFiles(local, { 'a.txt': long, 'b.txt': long, 'c.txt': long });
    const out = await temp('error-rows-out');
    const pipeline = await Pipeline.create(rulesOnlyConfig({ run: { articleTimeoutMs: 8_000 } }), [...rulesOnlyStages(), hang]);
    const summary = await runCorpus(pipeline, local, out);
    expect(summary).toMatchObject({ ok: 2, error: 1 });
    const dataset = await readDataset(out);
    const b = articlesById(dataset).get('b.txt');
    expect(b).toMatchObject({ status: 'error', reason: 'timeout: over 8000 ms (in stage hang)', counts: { sentences: 0, mentions: 0, timexes: 0, entities: 0, events: 0 } });
    for (const file of ['sentences', 'mentions', 'timexes', 'entities', 'events']) {
      expect(dataset[file]!.filter((row) => articleOf(row) === 'b.txt'), file).toEqual([]);
    }
    // The same stages did produce rows for the ok articles (mentions need the model, off here): b's would show if kept.
    for (const file of ['sentences', 'timexes', 'events']) expect(dataset[file]!.some((row) => articleOf(row) === 'a.txt'), file).toBe(true);
  });
});

describe('publication dates read strictly', () => {
  it('a rejected date is a warning naming the record; the article is processed without a date', async () => {
    const local = await temp('published-corpus');
    const text = 'Le ministre Jean Dupont a démissionné hier à Paris, a annoncé Matignon.';
    await writeFiles(local, {
      'feed.jsonl': [{ id: 'good', text, published: '2024-05-02' }, { id: 'bad', text, published: '2024-02-31' }].map((r) => JSON.stringify(r)).join('\n'),
      'a.txt': `date 12345-01-01 Titre\n${text}`,
    });
    const warnings: string[] = [];
    const out = await temp('published-out');
    const summary = await runCorpus(await rulesOnlyPipeline(), local, out, { onWarning: (message) => warnings.push(message) });
    expect(summary).toMatchObject({ ok: 3, error: 0 });
    expect(warnings).toEqual([expect.stringMatching(/^feed\.jsonl:2: publication date "2024-02-31" rejected/)]);
    const rows = [...articlesById(await readDataset(out)).values()];
    expect(rows.map((row) => [row.sourceId, row.published])).toEqual(expect.arrayContaining([['good', '2024-05-02'], ['bad', null]]));
    // A rejected date anchors nothing: `hier` stays unresolved rather than dated on a wrong year.
    const dataset = await readDataset(out);
    const badId = rows.find((row) => row.sourceId === 'bad')!.id;
    const goodId = rows.find((row) => row.sourceId === 'good')!.id;
    expect(dataset.timexes!.find((t) => t.article === goodId && t.text === 'hier')?.value).toBe('2024-05-01');
    expect(dataset.timexes!.find((t) => t.article === badId && t.text === 'hier')?.value).not.toMatch(/^\d{4}/);
    // A cached re-run warns again: the warning travels with the cached records.
    const again: string[] = [];
    await runCorpus(await rulesOnlyPipeline(), local, out, { onWarning: (message) => again.push(message) });
    expect(again).toEqual(warnings);
  });
});

describe('bounded reads, special files and symlinks leaving the corpus', () => {
  it('a symlink to /proc/self/pagemap (stat says 0 bytes) stops at the limit: error row, memory flat', async () => {
    const local = await temp('pagemap-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH });
    await fs.symlink('/proc/self/pagemap', path.join(local, 'pagemap.txt'));
    const out = await temp('pagemap-out');
    const before = process.memoryUsage().rss;
    const summary = await runCorpus(await rulesOnlyPipeline({ run: { maxFileBytes: 1024 * 1024, followSymlinks: true } }), local, out);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    expect(summary).toMatchObject({ ok: 1, error: 1 });
    expect(articlesById(await readDataset(out)).get('pagemap.txt')?.reason).toBe('pagemap.txt: file too large (more than limit 1.0 MB; raise it with --max-file-mb, library: run.maxFileBytes)');
  });

  it('readCorpusBytes counts the bytes it reads: a file exactly at the limit is read, one byte more is refused', async () => {
    const local = await temp('exact-limit');
    await writeFiles(local, { 'a.txt': 'x'.repeat(4096), 'b.txt': 'x'.repeat(4097) });
    expect((await readCorpusBytes(path.join(local, 'a.txt'), 4096)).length).toBe(4096);
    await expect(readCorpusBytes(path.join(local, 'b.txt'), 4096)).rejects.toThrow(/file too large/);
  });

  it('symlinks leaving the corpus are reported, not read, unless followSymlinks; links inside are followed; special files refused', async () => {
    const outside = await temp('outside');
    await writeFiles(outside, { 'secret.txt': 'Le code secret de la banque est 1234.', 'folder/leak.txt': 'Une fuite hors du corpus.' });
    const local = await temp('links-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH, 'inner/b.txt': FRENCH_PARAGRAPH });
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(local, 'secret.txt'));
    await fs.symlink(path.join(outside, 'folder'), path.join(local, 'folder'));
    await fs.symlink('/etc/hostname', path.join(local, 'hostname.txt'));
    await fs.symlink('/dev/zero', path.join(local, 'zero.txt'));
    await fs.symlink('inner/b.txt', path.join(local, 'c.txt'));
    await fs.symlink('inner', path.join(local, 'inner-link'));
    execFileSync('mkfifo', [path.join(local, 'fifo.txt')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(local, 'socket.txt'), resolve));
    try {
      const out = await temp('links-out');
      const summary = await runCorpus(await rulesOnlyPipeline(), local, out);
      const rows = articlesById(await readDataset(out));
      expect([...rows.keys()].sort()).toEqual(['a.txt', 'c.txt', 'inner/b.txt']);
      const issues = Object.fromEntries(summary.walkIssues.map((issue) => [issue.path, issue.reason]));
      for (const name of ['secret.txt', 'folder', 'hostname.txt', 'zero.txt']) expect(issues[name], name).toBe(OUTSIDE_SYMLINK_REASON);
      // A link to a folder inside is followed, once: here it repeats `inner/`.
      expect(issues['inner-link']).toBe('symlink loop or repeated folder, not followed');
      expect(issues['fifo.txt']).toBe('not a regular file (FIFO, socket or device), not read');
      expect(issues['socket.txt']).toBe('not a regular file (FIFO, socket or device), not read');
      const texts = [...rows.values()].map((row) => String(row.text)).join('\n');
      expect(texts).not.toContain('secret');
      expect(texts).not.toContain('fuite');

      const followed = await temp('links-followed');
      const summaryFollowed = await runCorpus(await rulesOnlyPipeline({ run: { followSymlinks: true } }), local, followed);
      const rowsFollowed = articlesById(await readDataset(followed));
      expect(rowsFollowed.get('secret.txt')?.text).toBe('Le code secret de la banque est 1234.');
      expect(rowsFollowed.get('folder/leak.txt')?.status).toBe('ok');
      // Followed or not, a device is never read.
      expect(summaryFollowed.walkIssues.find((issue) => issue.path === 'zero.txt')?.reason).toBe('not a regular file (FIFO, socket or device), not read');
    } finally {
      server.close();
    }
  });

  it('CLI: --follow-symlinks is an option; without it the escaping link is named under "not read"', async () => {
    const outside = await temp('cli-outside');
    await writeFiles(outside, { 'secret.txt': 'Le code secret de la banque est 1234.' });
    const local = await temp('cli-links');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH });
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(local, 'secret.txt'));
    const plain = await runCli(['run', local, '--out', await temp('cli-links-out'), '--no-progress', ...NO_MODEL_FLAGS]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`not read: secret.txt: ${OUTSIDE_SYMLINK_REASON}`);
    const out = await temp('cli-links-followed');
    const followed = await runCli(['run', local, '--out', out, '--no-progress', '--follow-symlinks', ...NO_MODEL_FLAGS]);
    expect(followed.code).toBe(0);
    expect(articlesById(await readDataset(out)).get('secret.txt')?.status).toBe('ok');
  });
});
