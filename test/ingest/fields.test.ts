/**
 * Inputs kept: the source's own id, the common names feeds give the publication date and the language, and the
 * fields nobody reads reported (once per file) instead of dropped silently.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { ARTICLE_FIELDS, normalizePublished, parseCorpusText, unknownFields } from '../../src/ingest/parse.js';
import { createDatesStage } from '../../src/stages/dates.js';
import { createLanguageStage } from '../../src/stages/language.js';
import { segmentStage } from '../../src/stages/segment.js';

const TEXT = 'Le ministre a démissionné hier, a annoncé le gouvernement dans un communiqué publié à Paris.';

describe('field aliases', () => {
  it.each(ARTICLE_FIELDS.published.map((name) => [name]))('reads the publication date from "%s"', (name) => {
    const [doc] = parseCorpusText('feed.jsonl', JSON.stringify({ text: TEXT, [name]: '2024-05-02T08:00:00Z' }));
    expect(doc!.meta.published).toBe('2024-05-02');
    expect(doc!.meta.unknownFields).toEqual([]);
  });

  it('reads "lang" and "language", and keeps the source id (string or number)', () => {
    const docs = parseCorpusText('feed.jsonl', [JSON.stringify({ id: 'a1', lang: 'fr', text: TEXT }), JSON.stringify({ id: 7, language: 'en', text: TEXT })].join('\n'));
    // Records come in id order (`feed.jsonl#7` before `feed.jsonl#a1`).
    expect(docs.map((doc) => doc.meta.id)).toEqual(['feed.jsonl#7', 'feed.jsonl#a1']);
    const [b, a] = docs;
    expect([a!.meta.externalId, a!.meta.declaredLanguage]).toEqual(['a1', 'fr']);
    expect([b!.meta.externalId, b!.meta.declaredLanguage]).toEqual(['7', 'en']);
  });

  it('prefers the canonical name when both are given', () => {
    const [doc] = parseCorpusText('a.json', JSON.stringify({ text: TEXT, date: '2020-01-01', published: '2024-05-02' }));
    expect(doc!.meta.published).toBe('2024-05-02');
  });

  it('reads RSS pubDate (RFC 2822) as the calendar date written', () => {
    expect(normalizePublished('Thu, 02 May 2024 23:30:00 -0400')).toBe('2024-05-02');
    expect(normalizePublished('2 May 2024')).toBe('2024-05-02');
    expect(normalizePublished('Mon, 45 Foo 2024')).toBeNull();
  });

  it('takes the same names in a .txt front matter', () => {
    const [doc] = parseCorpusText('a.txt', `---\ntitle: Démission\npublished_at: 2024-05-02\nid: dep-12\nlanguage: fr\nauthor: X\n---\n${TEXT}\n`);
    expect(doc!.meta).toMatchObject({ published: '2024-05-02', externalId: 'dep-12', declaredLanguage: 'fr', unknownFields: ['author'] });
  });

  it('lists unknown fields, sorted', () => {
    expect(unknownFields({ text: '', pubDate: '', zeta: 1, author: 'x', id: 1 })).toEqual(['author', 'zeta']);
  });
});

describe('a run keeps the inputs', () => {
  let work: string;
  const warnings: string[] = [];
  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-fields-'));
    await fs.mkdir(path.join(work, 'corpus'));
    const lines = [
      { id: 'a1', date: '2024-05-02', author: 'AFP', text: TEXT },
      { id: 'a2', pubDate: 'Thu, 02 May 2024 08:00:00 GMT', author: 'AFP', tags: ['politique'], text: TEXT },
    ];
    await fs.writeFile(path.join(work, 'corpus', 'feed.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n'));
    await fs.writeFile(path.join(work, 'corpus', 'plain.json'), JSON.stringify({ id: 'p', published: '2024-05-02', text: TEXT }));
    const pipeline = await Pipeline.create(resolveConfig({ ner: { enabled: false }, run: { progress: false } }), [createLanguageStage(), segmentStage, createDatesStage()]);
    try {
      await runCorpus(pipeline, path.join(work, 'corpus'), path.join(work, 'out'), { onWarning: (message) => warnings.push(message) });
    } finally {
      await pipeline.dispose();
    }
  });
  afterAll(async () => {
    await fs.rm(work, { recursive: true, force: true });
  });

  it('writes the source id as sourceId, and resolves `hier` on the aliased date', async () => {
    const rows = (await fs.readFile(path.join(work, 'out', 'articles.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; sourceId: string | null; published: string | null });
    expect(rows.map((row) => [row.id, row.sourceId, row.published])).toEqual([
      ['feed.jsonl#a1', 'a1', '2024-05-02'],
      ['feed.jsonl#a2', 'a2', '2024-05-02'],
      ['plain.json', 'p', '2024-05-02'],
    ]);
    const timexes = (await fs.readFile(path.join(work, 'out', 'timexes.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { text: string; value: string });
    expect(timexes.filter((t) => t.text === 'hier').map((t) => t.value)).toEqual(['2024-05-01', '2024-05-01', '2024-05-01']);
  });

  it('warns once per file, and lists the fields in the manifest', async () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^feed\.jsonl: 2 unknown fields ignored: author, tags /);
    const manifest = JSON.parse(await fs.readFile(path.join(work, 'out', 'manifest.json'), 'utf8')) as { inputs: Array<{ path: string; unknownFields?: string[] }> };
    expect(manifest.inputs.map((input) => [input.path, input.unknownFields])).toEqual([
      ['feed.jsonl', ['author', 'tags']],
      ['plain.json', undefined],
    ]);
  });
});
