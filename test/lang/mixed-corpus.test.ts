/**
 * A corpus mixing French and English articles through the default stages (the shipped French model included): each
 * article runs the stage set of its detected language; English rows carry `language: "en"`, exact offsets and the
 * same JSON Schemas; the French rows are byte-identical to a run over the French articles alone. Other languages are
 * skipped with a reason naming the supported ones; `--lang fr` skips English; a BYO English model replaces compromise.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigOverrides } from '../../src/config.js';
import { DATASET_FILES } from '../../src/dataset/records.js';
import { DATASET_FILE_SCHEMAS } from '../../src/dataset/schema.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { SCHEMA_DIR } from '../../tools/write-schema.js';
import { FOREIGN_MODEL_DIR } from '../helpers/ner-models.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENGLISH = `date 2024-03-12 Acme chief resigns after probe
John Smith, the chief executive of Acme Corp., resigned on Tuesday, two weeks after prosecutors opened an investigation.

The board said it will appoint Mary Jones as interim chief next month. Smith met investors in New York last week.

Police arrested two former managers in Chicago on Monday. Microsoft sued Apple in California in the third quarter.
`;
const ENGLISH_FEED = JSON.stringify({ id: 'en-2', published: '1998-02-13', text: 'The talks were cancelled at the last minute, and Barack Obama did not meet Vladimir Putin in Moscow on Friday. Angela Merkel visited Paris yesterday, where she said that the two leaders would speak again next week.' });
const GERMAN = 'Der Bundeskanzler hat am Dienstag in Berlin eine Rede gehalten und die Regierung hat neue Gesetze beschlossen, die im nächsten Jahr in Kraft treten sollen.';

let work: string;

type Row = Record<string, unknown> & { article?: string; language?: string; start?: number; end?: number; text?: string };

async function run(corpus: string, out: string, overrides: ConfigOverrides = {}): Promise<void> {
  const pipeline = await Pipeline.create(resolveConfig({ ...overrides, run: { progress: false } }));
  try {
    await runCorpus(pipeline, corpus, out);
  } finally {
    await pipeline.dispose();
  }
}

async function rows(out: string, file: string): Promise<Row[]> {
  return (await fs.readFile(path.join(out, `${file}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
}

async function lines(out: string, file: string, keep: (row: Row) => boolean): Promise<string> {
  const text = await fs.readFile(path.join(out, `${file}.jsonl`), 'utf8');
  return text.split('\n').filter((line) => line && keep(JSON.parse(line) as Row)).join('\n');
}

const articleId = (row: Row): string => (typeof row.article === 'object' && row.article !== null ? (row.article as { id: string }).id : String(row.article ?? row.id));

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-mixed-'));
  const mixed = path.join(work, 'mixed');
  const french = path.join(work, 'french');
  await fs.mkdir(mixed);
  await fs.mkdir(french);
  for (const dir of [mixed, french]) await fs.copyFile(path.join(REPO_ROOT, 'corpus', 'karpathy-2024-03.txt'), path.join(dir, 'karpathy-2024-03.txt'));
  await fs.writeFile(path.join(mixed, 'en-article.txt'), ENGLISH);
  await fs.writeFile(path.join(mixed, 'feed.jsonl'), [ENGLISH_FEED, JSON.stringify({ id: 'de-1', text: GERMAN })].join('\n'));
  await run(mixed, path.join(work, 'out-mixed'));
  await run(french, path.join(work, 'out-french'));
  await run(mixed, path.join(work, 'out-fr-only'), { language: { accept: ['fr'] } });
}, 240_000);
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('mixed French + English corpus', () => {
  it('French rows are byte-identical to a run over the French article alone', async () => {
    const isFrench = (row: Row): boolean => articleId(row) === 'karpathy-2024-03.txt';
    for (const file of DATASET_FILES) {
      const alone = await lines(path.join(work, 'out-french'), file, () => true);
      expect(alone.length, file).toBeGreaterThan(0);
      expect(await lines(path.join(work, 'out-mixed'), file, isFrench), file).toBe(alone);
    }
  });

  it('English articles yield sentences, entities, time expressions and events, language en, exact offsets', async () => {
    const out = path.join(work, 'out-mixed');
    const articles = await rows(out, 'articles');
    const byId = new Map(articles.map((a) => [String(a.id), a] as const));
    expect(byId.get('en-article.txt')).toMatchObject({ status: 'ok', language: { code: 'en' } });
    expect(byId.get('feed.jsonl#en-2')).toMatchObject({ status: 'ok', language: { code: 'en' } });
    const english = new Set(['en-article.txt', 'feed.jsonl#en-2']);
    const texts = new Map(articles.map((a) => [String(a.id), String(a.text)] as const));
    for (const file of ['sentences', 'mentions', 'timexes', 'entities', 'events'] as const) {
      const found = (await rows(out, file)).filter((row) => english.has(articleId(row)));
      expect(found.length, file).toBeGreaterThan(0);
      for (const row of found) {
        expect(row.language, file).toBe('en');
        const text = texts.get(articleId(row))!;
        if (typeof row.start === 'number') expect(text.slice(row.start, row.end), file).toBe(row.text);
        if (file === 'entities') for (const [s, e] of row.mentions as Array<[number, number]>) expect(text.slice(s, e).trim().length).toBe(e - s);
      }
    }
    const events = (await rows(out, 'events')).filter((row) => english.has(articleId(row)));
    for (const event of events) {
      const text = texts.get(articleId(event))!;
      const trigger = event.trigger as { text: string; start: number; end: number };
      expect(text.slice(trigger.start, trigger.end)).toBe(trigger.text);
      for (const a of event.arguments as Array<{ text: string; start: number; end: number }>) expect(text.slice(a.start, a.end)).toBe(a.text);
    }
    const summary = events.map((e) => `${e.type}:${(e.trigger as { text: string }).text}`);
    expect(summary).toEqual(expect.arrayContaining(['Personnel.End-Position:resigned', 'Justice.Arrest-Jail:arrested', 'Justice.Sue:sued', 'Contact.Meet:meet']));
    const meet = events.find((e) => (e.trigger as { text: string }).text === 'meet')!;
    expect(meet).toMatchObject({ polarity: 'negative', time: { value: '1998-02-13' }, provenance: { model: 'compromise', model_sha256: null } });
    const timexes = (await rows(out, 'timexes')).filter((row) => row.article === 'en-article.txt').map((t) => [t.text, t.value]);
    expect(timexes).toEqual(expect.arrayContaining([['Tuesday', '2024-03-12'], ['two weeks', 'P2W'], ['next month', '2024-04'], ['last week', '2024-W10'], ['Monday', '2024-03-11']]));
  });

  it('every English row validates against the same JSON Schemas', async () => {
    for (const file of DATASET_FILES) {
      const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, DATASET_FILE_SCHEMAS[`${file}.jsonl`]!), 'utf8')) as object;
      const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
      for (const row of await rows(path.join(work, 'out-mixed'), file)) expect(validate(row), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('skips other languages with a reason naming the supported ones, and English when only French is processed', async () => {
    const mixed = new Map((await rows(path.join(work, 'out-mixed'), 'articles')).map((a) => [String(a.id), a] as const));
    expect(mixed.get('feed.jsonl#de-1')).toMatchObject({ status: 'skipped', language: { code: 'de' } });
    expect(String(mixed.get('feed.jsonl#de-1')!.reason)).toMatch(/supported: fr, en/);
    const frOnly = new Map((await rows(path.join(work, 'out-fr-only'), 'articles')).map((a) => [String(a.id), a] as const));
    expect(frOnly.get('en-article.txt')).toMatchObject({ status: 'skipped', language: { code: 'en' } });
    expect(String(frOnly.get('en-article.txt')!.reason)).toMatch(/^language en not in accepted languages \(fr; supported: fr, en\)/);
    expect(frOnly.get('karpathy-2024-03.txt')).toMatchObject({ status: 'ok' });
  });
});

describe('a BYO English NER model (ner.modelDirEn, --model-en)', () => {
  it('tags English articles through the same loader instead of compromise, and leaves French to the French model', async () => {
    const corpus = path.join(work, 'byo');
    await fs.mkdir(corpus, { recursive: true });
    await fs.writeFile(path.join(corpus, 'en.txt'), ENGLISH);
    const out = path.join(work, 'out-byo');
    await run(corpus, out, { ner: { modelDirEn: FOREIGN_MODEL_DIR } });
    const mentions = await rows(out, 'mentions');
    const text = (await rows(out, 'articles'))[0]!.text as string;
    for (const m of mentions) {
      expect(m.language).toBe('en');
      expect(text.slice(m.start!, m.end)).toBe(m.text);
    }
    // compromise does not run: every `rules` mention is a model name propagated to where it recurs.
    const modelNames = new Set(mentions.filter((m) => m.source === 'model').map((m) => m.text));
    for (const m of mentions.filter((m) => m.source === 'rules')) expect(modelNames.has(m.text), String(m.text)).toBe(true);
    const events = await rows(out, 'events');
    for (const e of events) expect((e.provenance as { model: string }).model).toBe('foreign-model');
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as { fingerprint: { stages: Record<string, string> } };
    expect(manifest.fingerprint.stages.ner).toMatch(/en:[0-9a-f]{64}/);
  }, 120_000);
});
