/**
 * Every file of a real run's dataset validates against its published JSON Schema (schema/*.schema.json, generated
 * from src/dataset/schema.ts): the seed article through the default stages (the shipped model included), a JSONL
 * feed with a source id, a broken line, an English and a German article, and an HTML page.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { DATASET_FILE_SCHEMAS, SCHEMA_FILES } from '../../src/dataset/schema.js';
import { SCHEMA_DIR } from '../../tools/write-schema.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
let work: string;
let out: string;

function compile(schemaFile: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, schemaFile), 'utf8')) as object;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-schemas-'));
  const corpus = path.join(work, 'corpus');
  await fs.mkdir(corpus);
  await fs.copyFile(path.join(REPO_ROOT, 'corpus', 'karpathy-2024-03.txt'), path.join(corpus, 'karpathy-2024-03.txt'));
  await fs.writeFile(
    path.join(corpus, 'feed.jsonl'),
    [
      JSON.stringify({ id: 'a1', title: 'Démission au ministère', date: '2024-05-02T08:00:00Z', text: 'Le ministre Jean Dupont a démissionné hier à Paris, a annoncé Matignon.' }),
      '{"id": "a2", "text": ',
      JSON.stringify({ id: 7, language: 'en', text: 'The minister resigned yesterday in London, the government said in a statement on Tuesday.' }),
      JSON.stringify({ id: 'de', text: 'Der Bundeskanzler hat am Dienstag in Berlin eine Rede gehalten und die Regierung hat neue Gesetze beschlossen.' }),
    ].join('\n'),
  );
  await fs.writeFile(
    path.join(corpus, 'page.html'),
    '<html><head><title>Arrestation à Lyon</title><meta property="article:published_time" content="2023-11-20"></head><body><article><p>Deux hommes ont été interpellés lundi à Lyon par la police judiciaire, selon le parquet.</p></article></body></html>',
  );
  out = path.join(work, 'out');
  const pipeline = await Pipeline.create(resolveConfig({ run: { progress: false } }));
  try {
    await runCorpus(pipeline, corpus, out);
  } finally {
    await pipeline.dispose();
  }
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('JSON Schemas of the output files', () => {
  it('cover every file a run writes', () => {
    expect(Object.keys(DATASET_FILE_SCHEMAS).sort()).toEqual([...DATASET_FILES.map((file) => `${file}.jsonl`), 'manifest.json'].sort());
    for (const schemaFile of Object.values(DATASET_FILE_SCHEMAS)) expect(Object.keys(SCHEMA_FILES)).toContain(schemaFile);
  });

  it.each(DATASET_FILES.map((file) => `${file}.jsonl`))('every line of %s validates', async (file) => {
    const validate = compile(DATASET_FILE_SCHEMAS[file]!);
    const lines = (await fs.readFile(path.join(out, file), 'utf8')).split('\n').filter(Boolean);
    // The run holds French articles with entities, dates and events: no file is trivially empty.
    expect(lines.length, file).toBeGreaterThan(0);
    const failures = lines.flatMap((line, index) => (validate(JSON.parse(line)) ? [] : [`${file}:${index + 1}: ${JSON.stringify(validate.errors)}`]));
    expect(failures).toEqual([]);
  });

  it('manifest.json validates', async () => {
    const validate = compile(DATASET_FILE_SCHEMAS['manifest.json']!);
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as unknown;
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the run held the cases the schemas must allow: an error row, a skipped row, a source id', async () => {
    const rows = (await fs.readFile(path.join(out, 'articles.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { status: string; sourceId: string | null });
    expect(rows.map((row) => row.status).sort()).toEqual(['error', 'ok', 'ok', 'ok', 'ok', 'skipped']);
    expect(rows.map((row) => row.sourceId)).toContain('a1');
  });

  it('reject rows that break the contract', () => {
    const article = compile('article.schema.json');
    expect(article({ id: 'x' })).toBe(false);
    const mention = compile('mention.schema.json');
    expect(mention({ article: 'a', sentence: 0, start: 0, end: 3, text: 'Tom', label: 'PERSON', score: 0.9, source: 'model', entity: null })).toBe(false);
    const timex = compile('timex.schema.json');
    expect(timex({ article: 'a', sentence: 0, start: -1, end: 3, text: 'hier', type: 'DATE', value: null, granularity: 'day', mod: null, anchor: 'publication', source: 'rules' })).toBe(false);
    const manifest = compile('manifest.schema.json');
    expect(manifest({ pipeline: { name: 'chronique', version: '0' } })).toBe(false);
  });
});
