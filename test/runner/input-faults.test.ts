/**
 * Faults of the input side (issue 20): failed articles keep no partial rows, rejected publication dates are warned
 * about, reads are bounded by the bytes actually read, special files and escaping symlinks are never read, JSONL is
 * streamed record by record with the size limit per record, and JSONL records keep their identity across edits.
 */
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import type { Stage } from '../../src/stages/stage.js';
import { articlesById, FRENCH_PARAGRAPH, makeTempDir, readDataset, writeFiles } from '../helpers/hostile.js';
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
    const long = `${FRENCH_PARAGRAPH}\n\n`.repeat(20);
    await writeFiles(local, { 'a.txt': long, 'b.txt': long, 'c.txt': long });
    const out = await temp('error-rows-out');
    const pipeline = await Pipeline.create(rulesOnlyConfig({ run: { articleTimeoutMs: 2_000 } }), [...rulesOnlyStages(), hang]);
    const summary = await runCorpus(pipeline, local, out);
    expect(summary).toMatchObject({ ok: 2, error: 1 });
    const dataset = await readDataset(out);
    const b = articlesById(dataset).get('b.txt');
    expect(b).toMatchObject({ status: 'error', reason: 'timeout: over 2000 ms (in stage hang)', counts: { sentences: 0, mentions: 0, timexes: 0, entities: 0, events: 0 } });
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
