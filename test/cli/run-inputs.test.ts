/**
 * `chronique run` as a shell tool: files and standard input, `--stdout` streaming records with a `kind`, options
 * checked at start-up, and log lines that name an article once, in one position form.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_LANGUAGES } from '../../src/rules/languages.js';
import { RECORD_KINDS } from '../../src/dataset/writer.js';
import { lineId } from '../helpers/hostile.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const TEXT = 'Le ministre Jean Dupont a démissionné hier à Paris, a annoncé le gouvernement dans un communiqué.';
let work: string;

function cli(args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/esm/index.mjs')).href, path.join(REPO, 'src/cli.ts'), ...args], { cwd: work, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
}

interface StreamLine {
  kind: string;
  record: { id?: string; article?: string; sourceId?: string | null; published?: string | null; status?: string };
}
const parseStream = (stdout: string): StreamLine[] => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as StreamLine);

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-cli-'));
  await fs.mkdir(path.join(work, 'news'));
  await fs.writeFile(path.join(work, 'news', 'a.txt'), `date 2024-05-02 Démission\n\n${TEXT}\n`);
  await fs.writeFile(path.join(work, 'news', 'b.txt'), `date 2024-05-03 Suite\n\n${TEXT}\n`);
  await fs.writeFile(path.join(work, 'feed.jsonl'), [JSON.stringify({ id: 'x1', date: '2024-05-02', author: 'AFP', text: TEXT }), '{"id": "x2", "text":', JSON.stringify({ id: 'x3', author: 'AFP', text: TEXT })].join('\n'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('chronique run - (standard input)', () => {
  it('reads one plain article and streams its records with a kind, nothing written to disk', async () => {
    const result = cli(['run', '-', '--stdout', '--no-ner', '--no-progress'], `date 2024-05-02 Démission\n\n${TEXT}\n`);
    expect(result.status, result.stderr).toBe(0);
    const lines = parseStream(result.stdout);
    expect(lines[0]).toMatchObject({ kind: 'article', record: { id: 'stdin', published: '2024-05-02', status: 'ok' } });
    // Without the model there are no names, but `Le ministre … a démissionné` is still an event (a noun-phrase participant).
    expect(new Set(lines.map((line) => line.kind))).toEqual(new Set(['article', 'sentence', 'timex', 'event']));
    // Event records name their article as `{id, title, published}`, the other rows by its id.
    expect(lines.slice(1).every((line) => (line.kind === 'event' ? (line.record.article as { id: string }).id : line.record.article) === 'stdin')).toBe(true);
    await expect(fs.stat(path.join(work, 'output'))).rejects.toThrow();
  });

  it('reads JSONL: one article per line, ids stdin#<record id> (else a hash), the source id kept; a broken line fails alone', () => {
    const result = cli(['run', '-', '--stdout', '--no-ner', '--no-progress'], [JSON.stringify({ id: 'a1', date: '2024-05-02', text: TEXT }), '{broken', JSON.stringify({ id: 'a3', text: TEXT })].join('\n'));
    expect(result.status).toBe(1);
    const articles = parseStream(result.stdout).filter((line) => line.kind === 'article').map((line) => [line.record.id, line.record.sourceId, line.record.status]);
    expect(articles).toEqual([
      ['stdin#a1', 'a1', 'ok'],
      ['stdin#a3', 'a3', 'ok'],
      [lineId('stdin', '{broken'), null, 'error'],
    ]);
    expect(result.stderr).toContain('chronique: error stdin:2: invalid JSON line');
  });

  it('--stdin-format forces the reading', () => {
    const result = cli(['run', '-', '--stdout', '--no-ner', '--no-progress', '--stdin-format', 'txt'], JSON.stringify({ text: TEXT }));
    const [article] = parseStream(result.stdout);
    expect(article).toMatchObject({ kind: 'article', record: { id: 'stdin', published: null } });
  });

  it('writes the dataset folder too when --out is given with --stdout', async () => {
    const result = cli(['run', '-', '--stdout', '--out', 'both', '--no-ner', '--no-progress'], TEXT);
    expect(result.status, result.stderr).toBe(0);
    const fromFile = (await fs.readFile(path.join(work, 'both', 'sentences.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(parseStream(result.stdout).filter((line) => line.kind === 'sentence').map((line) => JSON.stringify(line.record))).toEqual(fromFile);
  });

  it('every record kind is one dataset file', () => {
    expect(Object.values(RECORD_KINDS)).toEqual(['article', 'sentence', 'mention', 'timex', 'entity', 'event']);
  });
});

describe('chronique run FILE…', () => {
  it('processes the files and folders given, ids as given, sorted', async () => {
    const result = cli(['run', 'news/b.txt', 'feed.jsonl', 'news/a.txt', '--out', 'files-out', '--no-ner', '--no-progress']);
    expect(result.status).toBe(1);
    const ids = (await fs.readFile(path.join(work, 'files-out', 'articles.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual([lineId('feed.jsonl', '{"id": "x2", "text":'), 'feed.jsonl#x1', 'feed.jsonl#x3', 'news/a.txt', 'news/b.txt']);
    const folder = cli(['run', 'news', '--out', 'folder-out', '--no-ner', '--no-progress']);
    expect(folder.status, folder.stderr).toBe(0);
  });

  it('names a failed article once, as file:line, and warns once per file about unknown fields', () => {
    const result = cli(['run', 'feed.jsonl', '--out', 'feed-out', '--no-ner', '--no-progress']);
    const errors = result.stderr.split('\n').filter((line) => line.includes('error'));
    expect(errors).toEqual(['chronique: error feed.jsonl:2: invalid JSON line: Unexpected end of JSON input']);
    expect(result.stderr).not.toContain('#sha256-');
    expect(result.stderr.match(/unknown field/g)).toHaveLength(1);
    expect(result.stderr).toContain('warning: feed.jsonl: 1 unknown field ignored: author');
  });

  it('prints a summary with plurals, equal rates, and no empty stage-time line on a cached run', () => {
    cli(['run', 'news/a.txt', '--out', 'one', '--no-ner', '--no-progress']);
    const again = cli(['run', 'news/a.txt', '--out', 'one', '--no-ner', '--no-progress']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('chronique: 1 file to read');
    expect(again.stderr).toMatch(/ 1 article: 1 ok, 0 skipped, 0 failed in [\d.]+ s \([\d.]+ articles\/s\), written at [\d.]+ s/);
    expect(again.stderr).not.toMatch(/(?<![\d.])1 (?:articles|files)\b/);
    expect(again.stderr).not.toContain('time per stage');
    const rates = [...again.stderr.matchAll(/([\d.]+) articles\/s/g)].map((match) => Number(match[1]));
    expect(rates).toHaveLength(2);
    // Both over the same interval (the run's start to its last file written), whatever the machine's load.
    expect(rates[0]).toBe(rates[1]);
  });

  it('stops at start-up, naming the input, when a path does not exist', () => {
    const result = cli(['run', 'news/missing.txt', '--no-ner']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('input not found: news/missing.txt');
  });
});

describe('options checked at start-up', () => {
  it('refuses a language without a pipeline, listing the supported ones', () => {
    for (const lang of ['xx', 'fr,xx']) {
      const result = cli(['run', 'news', '--lang', lang, '--no-ner']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`no pipeline for "xx" (supported: ${PIPELINE_LANGUAGES.join(', ')})`);
    }
  });

  it('names the CLI flag in the hint of a missing model', () => {
    const result = cli(['run', 'news', '--model', 'no-such-model', '--out', 'm']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--model');
  });
});
