/**
 * The library API (`import { createPipeline } from 'chronique'`): one article in, the dataset's rows out; a corpus
 * folder into a dataset folder; configuration errors before anything loads; close().
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createPipeline, type ChroniquePipeline } from '../../src/index.js';

const TEXT = 'Le ministre Jean Dupont a démissionné hier à Paris, a annoncé le gouvernement dans un communiqué.';
let pipeline: ChroniquePipeline;
let work: string;

beforeAll(async () => {
  pipeline = await createPipeline();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-api-'));
});
afterAll(async () => {
  await pipeline.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('createPipeline().process', () => {
  it('gives the rows of every layer with exact offsets, the relative date resolved on `published`', async () => {
    const result = await pipeline.process({ text: TEXT, published: '2024-05-02', title: 'Démission', id: 'dep-1' });
    expect(result.article).toMatchObject({ id: 'article', sourceId: 'dep-1', status: 'ok', title: 'Démission', published: '2024-05-02' });
    expect(result.timexes.find((t) => t.text === 'hier')?.value).toBe('2024-05-01');
    expect(result.mentions.map((m) => m.text)).toContain('Jean Dupont');
    expect(result.events.map((e) => e.type)).toContain('Personnel.End-Position');
    for (const row of [...result.sentences, ...result.mentions, ...result.timexes]) expect(TEXT.slice(row.start, row.end)).toBe(row.text);
    expect(result.entities.length).toBeGreaterThan(0);
    expect(result.document.text).toBe(TEXT);
  });

  it('takes a plain string, field aliases, and an id of the caller’s choosing', async () => {
    const plain = await pipeline.process(TEXT);
    expect(plain.article.published).toBeNull();
    expect(plain.timexes.find((t) => t.text === 'hier')?.value).toBe('XXXX-XX-XX');
    const aliased = await pipeline.process({ text: TEXT, date: '2024-05-02' }, { articleId: 'mine' });
    expect(aliased.article).toMatchObject({ id: 'mine', published: '2024-05-02' });
    expect(aliased.sentences.every((s) => s.article === 'mine')).toBe(true);
  });

  it('never throws on bad input: the status says', async () => {
    const result = await pipeline.process({ text: 42 } as unknown as { text: string });
    expect(result.article.status).toBe('error');
    const german = await pipeline.process('Der Minister ist gestern in Berlin zurückgetreten, teilte die Regierung am Dienstag in einer Erklärung mit.');
    expect(german.article.status).toBe('skipped');
  });

  it('is deterministic: the same input gives the same rows', async () => {
    const a = await pipeline.process({ text: TEXT, published: '2024-05-02' });
    const b = await pipeline.process({ text: TEXT, published: '2024-05-02' });
    expect(JSON.stringify({ ...a, document: null })).toBe(JSON.stringify({ ...b, document: null }));
  });
});

describe('createPipeline().processCorpus', () => {
  it('writes a dataset folder, incrementally', async () => {
    const corpus = path.join(work, 'corpus');
    await fs.mkdir(corpus);
    await fs.writeFile(path.join(corpus, 'a.txt'), `date 2024-05-02 Démission\n\n${TEXT}\n`);
    const out = path.join(work, 'out');
    expect(await pipeline.processCorpus(corpus, out)).toMatchObject({ articles: 1, ok: 1, processed: 1 });
    expect(await pipeline.processCorpus(corpus, out)).toMatchObject({ articles: 1, ok: 1, reused: 1 });
    const [row] = (await fs.readFile(path.join(out, 'events.jsonl'), 'utf8')).split('\n');
    expect(JSON.parse(row!)).toHaveProperty('type');
  });
});

describe('createPipeline errors and close', () => {
  it('refuses a language without a pipeline before loading anything', async () => {
    await expect(createPipeline({ language: { accept: ['fr', 'xx'] } })).rejects.toThrow(ConfigError);
    await expect(createPipeline({ language: { accept: ['xx'] } })).rejects.toThrow(/no pipeline for "xx" \(supported: fr/);
  });

  it('names the model folder that cannot load', async () => {
    await expect(createPipeline({ ner: { modelDir: path.join(work, 'no-model') } })).rejects.toThrow(/no-model/);
  });

  it('cannot be used after close()', async () => {
    const rulesOnly = await createPipeline({ ner: { enabled: false } });
    await rulesOnly.close();
    await rulesOnly.close();
    await expect(rulesOnly.process(TEXT)).rejects.toThrow(/after close/);
  });
});
