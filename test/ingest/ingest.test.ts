import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { decodeText, readCorpusFile } from '../../src/ingest/read.js';
import { listCorpusFiles } from '../../src/ingest/walk.js';
import { parseCorpusText, parseTextArticle } from '../../src/ingest/parse.js';
import { sha256 } from '../../src/util/hash.js';
import { detectLanguage } from '../../src/stages/language.js';

const SEED = path.resolve('corpus/karpathy-2024-03.txt');
const WIKINEWS = path.resolve('../shared/corpora/wikinews-fr-100/documents/43971.html');

describe('text articles', () => {
  it('reads the seed header: date, title span, body after the header line', async () => {
    const text = await fs.readFile(SEED, 'utf8');
    const parsed = parseTextArticle(text);
    expect(parsed.published).toBe('2024-03');
    expect(parsed.title).toBe("Les départs et retours d'Andrej Karpathy : entre Openai et Tesla, une saga de l'IA");
    // Gold sentence 0 (the title) starts at offset 14 of the whole file content.
    expect(parsed.titleSpan).toEqual({ start: 14, end: 96 });
    expect(text.slice(parsed.titleSpan!.start, parsed.titleSpan!.end)).toBe(parsed.title);
    expect(parsed.bodySpan.start).toBe(97);
  });

  it('reads a front-matter block and keeps offsets into the whole text', () => {
    const text = '---\ndate: 2023-05-04T10:00:00Z\ntitle: "Un titre"\nurl: https://exemple.fr/a\nsource: Le Journal\n---\nLe corps.';
    const parsed = parseTextArticle(text);
    expect(parsed.published).toBe('2023-05-04');
    expect(parsed.title).toBe('Un titre');
    expect(parsed.url).toBe('https://exemple.fr/a');
    expect(parsed.sourceName).toBe('Le Journal');
    expect(text.slice(parsed.bodySpan.start)).toBe('Le corps.');
    expect(parsed.titleSpan).toBeNull(); // quoted in the source, so not literally the span
  });

  it('handles CRLF headers', () => {
    const text = 'date 2022-07-13 Titre\r\nCorps du texte.';
    const parsed = parseTextArticle(text);
    expect(text.slice(parsed.titleSpan!.start, parsed.titleSpan!.end)).toBe('Titre');
    expect(text.slice(parsed.bodySpan.start)).toBe('Corps du texte.');
  });

  it('a file without header is all body', () => {
    const parsed = parseTextArticle('Pas de date ici.');
    expect(parsed).toMatchObject({ title: null, published: null, bodySpan: { start: 0, end: 16 } });
  });
});

describe('decoding', () => {
  it('removes a UTF-8 BOM, decodes UTF-16 with a BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('été', 'utf16le')]);
    expect(decodeText(utf16)).toBe('été');
  });

  it('rejects invalid UTF-8 with the byte offset, and binary files', () => {
    expect(() => decodeText(new Uint8Array([0x61, 0x62, 0xff, 0x63]))).toThrow('invalid UTF-8 at byte 2');
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toThrow('binary');
  });
});

describe('JSON and JSONL articles', () => {
  it('reads one JSON article with optional fields', () => {
    const [doc] = parseCorpusText('a/b.json', JSON.stringify({ id: 'x1', text: 'Bonjour.', title: 'T', published: '2021-08-02', lang: 'fr' }));
    expect(doc!.meta).toMatchObject({ id: 'a/b.json', externalId: 'x1', title: 'T', published: '2021-08-02', declaredLanguage: 'fr' });
    expect(doc!.text).toBe('Bonjour.');
  });

  it('gives each JSONL line its own id (its record id, else a hash of its text) and reports broken lines with file and line number', () => {
    const docs = parseCorpusText('feed.jsonl', '{"id":"1","text":"Un."}\n\n{broken\n{"id":"3"}\n{"text":"Deux."}\n');
    expect(docs.map((d) => [d.meta.id, d.status])).toEqual([
      ['feed.jsonl#1', 'ok'],
      ['feed.jsonl#3', 'error'],
      [`feed.jsonl#sha256-${sha256('Deux.').slice(0, 16)}`, 'ok'],
      [`feed.jsonl#sha256-${sha256('{broken').slice(0, 16)}`, 'error'],
    ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    const byId = new Map(docs.map((d) => [d.meta.id, d]));
    expect(byId.get(`feed.jsonl#sha256-${sha256('{broken').slice(0, 16)}`)!.reason).toMatch(/^feed\.jsonl:3: invalid JSON line/);
    expect(byId.get('feed.jsonl#3')!.reason).toMatch(/^feed\.jsonl:4: .*"text"/);
  });
});

describe('HTML articles', () => {
  it('extracts a Wikinews page: title, paragraphs, dateline as publication date', async () => {
    const html = await fs.readFile(WIKINEWS, 'utf8');
    const [doc] = parseCorpusText('43971.html', html);
    expect(doc!.meta.title).toBe('États-Unis : Lancement réussi pour Space X Dragon');
    expect(doc!.meta.published).toBe('2012-05-22');
    expect(doc!.text.slice(doc!.titleSpan!.start, doc!.titleSpan!.end)).toBe(doc!.meta.title);
    expect(doc!.text).toContain('La capsule restera 18 jours accrochée à la station.');
    expect(doc!.text).not.toContain('<p>');
  });

  it('keeps script content out and markup as text', () => {
    const [doc] = parseCorpusText('x.html', '<html><body><h1>Titre</h1><p>Texte &lt;b&gt; sûr.</p><script>alert(1)</script></body></html>');
    expect(doc!.text).toContain('Texte <b> sûr.');
    expect(doc!.text).not.toContain('alert');
  });
});

describe('corpus walk', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-walk-'));
    await fs.mkdir(path.join(root, 'b/deep'), { recursive: true });
    await fs.writeFile(path.join(root, 'b/deep/z.txt'), 'Texte.');
    await fs.writeFile(path.join(root, 'a.txt'), 'Texte.');
    await fs.writeFile(path.join(root, 'notes.md'), '# not an article');
    await fs.writeFile(path.join(root, '.hidden.txt'), 'ignored');
    await fs.symlink(root, path.join(root, 'b/loop'));
  });
  afterAll(async () => fs.rm(root, { recursive: true, force: true }));

  it('lists supported files in a stable order, reports the rest, does not follow loops', async () => {
    const { files, issues } = await listCorpusFiles(root);
    expect(files.map((f) => f.relativePath)).toEqual(['a.txt', 'b/deep/z.txt']);
    expect(issues.map((i) => i.relativePath).sort()).toEqual(['b/loop', 'notes.md']);
  });

  it('refuses files over the size limit with a clear reason', async () => {
    const { files } = await listCorpusFiles(root);
    const [doc] = await readCorpusFile(files[0]!, 3);
    expect(doc!.status).toBe('error');
    expect(doc!.reason).toMatch(/a\.txt: file too large/);
  });
});

describe('language', () => {
  const config = resolveConfig().language;
  it('detects French and English, and und on too little text', () => {
    expect(detectLanguage("Le départ de Karpathy intervient après la fermeture d'un bureau de Tesla à San Mateo.", config).code).toBe('fr');
    expect(detectLanguage('The departure of the AI director comes after Tesla closed an office in San Mateo, California.', config).code).toBe('en');
    expect(detectLanguage('2022 !', config)).toEqual({ code: 'und', iso6393: 'und', score: 0 });
  });

  it('scores by agreement of slices: 1 for a French article, lower for mixed French/English', () => {
    const french = "Le départ de Karpathy intervient après la fermeture d'un bureau de Tesla à San Mateo, en Californie, où travaillaient plusieurs centaines d'employés. ".repeat(4);
    const english = 'The departure of the AI director comes after Tesla closed an office in San Mateo, California, where hundreds of employees worked on data labelling. '.repeat(4);
    expect(detectLanguage(french, config)).toEqual({ code: 'fr', iso6393: 'fra', score: 1 });
    const mixed = detectLanguage(french + english, config);
    expect(mixed.score).toBeGreaterThan(0);
    expect(mixed.score).toBeLessThan(1);
  });
});
