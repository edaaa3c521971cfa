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
import { diffDatasetDirs } from '../../src/audit/diff.js';
import { parseCorpusText } from '../../src/ingest/parse.js';
import { decodeArticleText, readCorpusBytes } from '../../src/ingest/read.js';
import { OUTSIDE_SYMLINK_REASON } from '../../src/ingest/walk.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import type { Stage } from '../../src/stages/stage.js';
import { articlesById, FRENCH_PARAGRAPH, lineId, readDataset, runCli, tempDirs, writeFiles } from '../helpers/hostile.js';
import { NO_MODEL_FLAGS } from '../helpers/hostile-cli.js';
import { rulesOnlyConfig, rulesOnlyPipeline, rulesOnlyStages } from '../helpers/hostile-pipeline.js';

vi.setConfig({ testTimeout: 120_000 });

const temps = tempDirs();
const temp = temps.temp;

/** The article a row belongs to (events carry `article: {id, title, published}`, the other files the id). */
const articleOf = (row: Record<string, unknown>): unknown => (row.article && typeof row.article === 'object' ? (row.article as { id: unknown }).id : row.article);

afterAll(async () => {
  await temps.removeAll();
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

describe('JSONL feeds: streamed record by record, the size limit per record', () => {
  it('a feed larger than the limit with small records is processed; an oversize record is an error row naming file:line', async () => {
    const local = await temp('feed-limit');
    const records = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `r${String(i).padStart(2, '0')}`, text: `Article ${i}. Le maire a inauguré la nouvelle école du quartier mardi.` }));
    records.splice(30, 0, JSON.stringify({ id: 'huge', text: 'Le maire a parlé. '.repeat(400) }));
    await writeFiles(local, { 'feed.jsonl': records.join('\n') });
    const size = (await fs.stat(path.join(local, 'feed.jsonl'))).size;
    expect(size).toBeGreaterThan(3 * 4096);
    const out = await temp('feed-limit-out');
    const summary = await runCorpus(await rulesOnlyPipeline({ run: { maxFileBytes: 4096 } }), local, out);
    expect(summary).toMatchObject({ articles: 61, ok: 60, error: 1 });
    const rows = [...articlesById(await readDataset(out)).values()];
    const huge = rows.find((row) => row.status === 'error')!;
    expect(huge.reason).toMatch(/^feed\.jsonl:31: record too large \(0\.0 MB > limit 0\.0 MB; raise it with --max-file-mb/);
    // An oversize record is never parsed: its id is a hash of its bytes, not its own id (and not its line).
    expect(huge.id).toBe(lineId('feed.jsonl', records[30]!));
    expect(rows.filter((row) => row.status === 'ok').map((row) => row.id)).toEqual(records.filter((_, i) => i !== 30).map((_, i) => `feed.jsonl#r${String(i).padStart(2, '0')}`));
  });

  it('CRLF, lone CR and a BOM; a CRLF split across two reads; invalid UTF-8 and broken lines fail alone', async () => {
    const local = await temp('feed-ends');
    const long = JSON.stringify({ id: 'long', text: `Le maire ${'a '.repeat(120_000)}parlé.` });
    // The first record ends one byte before the 256 KiB read boundary: its `\r` and `\n` fall in two reads.
    const padded = JSON.stringify({ id: 'long', text: `Le maire ${'a '.repeat(120_000)}parlé.${' '.repeat(256 * 1024 - 3 - 1 - Buffer.byteLength(long))}` });
    expect(Buffer.byteLength(padded) + 3).toBe(256 * 1024 - 1);
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${padded}\r\n`),
      Buffer.from(`${JSON.stringify({ id: 'b', text: 'Deuxième article.' })}\r`),
      Buffer.from(`${JSON.stringify({ id: 'c', text: 'Troisième article.' })}\n\n`),
      Buffer.from('{"id": "d", "text": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n'),
      Buffer.from('{broken\n'),
      Buffer.from(JSON.stringify({ id: 'e', text: 'Dernier article.' })),
    ]);
    await writeFiles(local, { 'feed.jsonl': bytes });
    const out = await temp('feed-ends-out');
    await runCorpus(await rulesOnlyPipeline(), local, out);
    const rows = articlesById(await readDataset(out));
    expect(rows.get('feed.jsonl#long')?.status).toBe('ok');
    expect(String(rows.get('feed.jsonl#long')?.text).startsWith('Le maire a a')).toBe(true);
    expect(rows.get('feed.jsonl#b')?.text).toBe('Deuxième article.');
    expect(rows.get('feed.jsonl#c')?.text).toBe('Troisième article.');
    expect(rows.get('feed.jsonl#e')?.text).toBe('Dernier article.');
    const errors = [...rows.values()].filter((row) => row.status === 'error').map((row) => String(row.reason));
    expect(errors.sort()).toEqual([expect.stringMatching(/^feed\.jsonl:5: invalid UTF-8 at byte \d+$/), expect.stringMatching(/^feed\.jsonl:6: invalid JSON line/)].sort());
    // The same bytes read whole (standard input's path) give the same articles.
    const whole = parseCorpusText('feed.jsonl', decodeArticleText(Buffer.concat([bytes.subarray(0, bytes.indexOf('{"id": "d"')), bytes.subarray(bytes.indexOf('{broken'))])));
    expect(whole.filter((doc) => doc.status === 'ok').map((doc) => [doc.meta.id, doc.text])).toEqual([...rows.values()].filter((row) => row.status !== 'error').map((row) => [row.id, row.text]));
  });
});

describe('identity of JSONL records', () => {
  const article = (i: number): string => `Article ${i}. Le maire de la ville ${i} a inauguré une école mardi, a annoncé la préfecture.`;

  it('inserting one line at the top of a 101-line feed reprocesses exactly one article; diff sees one added article', async () => {
    for (const withIds of [true, false]) {
      const local = await temp('identity-corpus');
      const lines = Array.from({ length: 101 }, (_, i) => JSON.stringify({ ...(withIds ? { id: `n${i}` } : {}), text: article(i), published: '2024-03-05' }));
      await writeFiles(local, { 'feed.jsonl': lines.join('\n') });
      const first = await temp('identity-first');
      const out = await temp('identity-out');
      await runCorpus(await rulesOnlyPipeline(), local, first);
      await runCorpus(await rulesOnlyPipeline(), local, out);
      await writeFiles(local, { 'feed.jsonl': [JSON.stringify({ ...(withIds ? { id: 'new' } : {}), text: article(1000), published: '2024-03-06' }), ...lines].join('\n') });
      const summary = await runCorpus(await rulesOnlyPipeline(), local, out);
      expect(summary, `ids: ${withIds}`).toMatchObject({ articles: 102, processed: 1, reused: 101 });
      const report = await diffDatasetDirs(first, out);
      expect(report.articles, `ids: ${withIds}`).toMatchObject({ added: 1, removed: 0, edited: 0 });
      expect(report.perArticle.map((entry) => entry.status)).toEqual(['added']);
    }
  });

  it('duplicate ids inside one file: kept in line order, later ones suffixed ~2, ~3, each with a warning', async () => {
    const local = await temp('dupes');
    await writeFiles(local, {
      'feed.jsonl': [
        JSON.stringify({ id: 'x', text: article(1) }),
        JSON.stringify({ id: 'x', text: article(2) }),
        JSON.stringify({ id: 'x~2', text: article(3) }),
        JSON.stringify({ id: 'x', text: article(4) }),
        JSON.stringify({ text: article(5) }),
        JSON.stringify({ text: article(5) }),
      ].join('\n'),
    });
    const warnings: string[] = [];
    const out = await temp('dupes-out');
    const summary = await runCorpus(await rulesOnlyPipeline(), local, out, { onWarning: (message) => warnings.push(message) });
    expect(summary).toMatchObject({ articles: 6, ok: 6 });
    const byText = new Map([...articlesById(await readDataset(out)).values()].map((row) => [String(row.text), row.id]));
    expect(byText.get(article(1))).toBe('feed.jsonl#x');
    expect(byText.get(article(2))).toBe('feed.jsonl#x~3');
    expect(byText.get(article(3))).toBe('feed.jsonl#x~2');
    expect(byText.get(article(4))).toBe('feed.jsonl#x~4');
    const hashed = lineId('feed.jsonl', article(5));
    expect(warnings.sort()).toEqual([
      'feed.jsonl:2: id "x" already used at line 1: this record is feed.jsonl#x~3',
      'feed.jsonl:4: id "x" already used at line 1: this record is feed.jsonl#x~4',
      `feed.jsonl:6: no id and the same text as at line 5: this record is ${hashed}~2`,
    ].sort());
    // Deterministic: the same feed gives the same bytes.
    const again = await temp('dupes-again');
    await runCorpus(await rulesOnlyPipeline(), local, again);
    expect(await fs.readFile(path.join(again, 'articles.jsonl'), 'utf8')).toBe(await fs.readFile(path.join(out, 'articles.jsonl'), 'utf8'));
  });
});

describe('no stack growth with input length', () => {
  it('a single line holding an 8 MB word without spaces, and an 8 MB line of ordinary words, end ok (rules stages), no stack overflow', async () => {
    const local = await temp('long-line');
    const eight = 8 * 1024 * 1024;
    const paragraph = `${FRENCH_PARAGRAPH} `;
    await writeFiles(local, {
      // French first (the language sample), then one 8 MB word, all on one line.
      'blob.txt': `${paragraph}${paragraph}${'x7Qa'.repeat(eight / 4)}`,
      'words.txt': paragraph.repeat(Math.ceil(eight / paragraph.length)),
    });
    const out = await temp('long-line-out');
    const summary = await runCorpus(await rulesOnlyPipeline({ run: { maxFileBytes: 16 * 1024 * 1024, articleTimeoutMs: 600_000 } }), local, out);
    const rows = articlesById(await readDataset(out));
    for (const id of ['blob.txt', 'words.txt']) expect(rows.get(id)?.reason ?? null, id).toBeNull();
    expect(summary).toMatchObject({ ok: 2, error: 0 });
  }, 600_000);
});
