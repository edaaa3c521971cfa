/**
 * Hostile corpora, generated into temporary folders: every odd input ends as a row of articles.jsonl with the
 * expected status and reason, the run goes on past it, and every span written anywhere is an exact slice of its
 * article's text. The run here is in-process and rules-only (no model) to stay fast; CLI exit codes are checked at
 * the end on a small corpus.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { loadDataset } from '../../src/audit/dataset.js';
import { ARTICLES_DATA_ID, buildReport } from '../../src/audit/report.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus, type RunSummary } from '../../src/runner/run-corpus.js';
import { createNerStage } from '../../src/stages/ner.js';
import {
  articlesById,
  FRENCH_PARAGRAPH,
  FRENCH_SENTENCES,
  lineId,
  listTree,
  makeTempDir,
  readDataset,
  runCli,
  spanViolations,
  writeFiles,
  type Dataset,
  type Row,
} from '../helpers/hostile.js';
import { NO_MODEL_FLAGS } from '../helpers/hostile-cli.js';
import { rulesOnlyConfig, rulesOnlyPipeline, rulesOnlyStages } from '../helpers/hostile-pipeline.js';
import { FOREIGN_MODEL_DIR } from '../helpers/ner-models.js';

const ENGLISH_PARAGRAPH =
  'The city council voted on Tuesday to fund the renovation of six schools. The mayor said the work would start in September and last two years, while the opposition called the schedule far too slow.';

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
};

/** Every hostile file of the main corpus, with what its row(s) in articles.jsonl must say. */
interface HostileCase {
  content: string | Uint8Array;
  /** Expected rows: article id → status and a reason pattern (null: no reason). */
  expect: Record<string, { status: 'ok' | 'skipped' | 'error'; reason?: RegExp }>;
}

const MARKUP_NAME = `a<img src=x onerror=alert(1)>"'.txt`;
const QUOTED_NAME = `quotes 'single' "double" \`back\`.txt`;
const ok = { status: 'ok' as const };
const undetermined = { status: 'skipped' as const, reason: /^language undetermined/ };

const CASES: Record<string, HostileCase> = {
  'empty.txt': { content: '', expect: { 'empty.txt': { status: 'skipped', reason: /^empty article$/ } } },
  'whitespace-only.txt': { content: ' \n\t\r\n\u00a0\u2003\n  ', expect: { 'whitespace-only.txt': { status: 'skipped', reason: /^article contains only whitespace$/ } } },
  'binary.txt': {
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    expect: { 'binary.txt': { status: 'error', reason: /^binary\.txt: binary file/ } },
  },
  'invalid-utf8.txt': {
    content: Buffer.concat([Buffer.from('Le maire a parlé. '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' Fin.')]),
    expect: { 'invalid-utf8.txt': { status: 'error', reason: /^invalid-utf8\.txt: invalid UTF-8 at byte 19/ } },
  },
  'utf16le-bom.txt': { content: utf16(`date 2024-03-12 Écoles : un budget voté\n${FRENCH_PARAGRAPH}`, 'le'), expect: { 'utf16le-bom.txt': ok } },
  'utf16be-bom.txt': { content: utf16(FRENCH_PARAGRAPH, 'be'), expect: { 'utf16be-bom.txt': ok } },
  'utf8-bom.txt': { content: `\ufeff${FRENCH_PARAGRAPH}`, expect: { 'utf8-bom.txt': ok } },
  'crlf.txt': { content: `date 2024-03-12 Titre en CRLF\r\n${FRENCH_SENTENCES.join('\r\n')}\r\n`, expect: { 'crlf.txt': ok } },
  'lone-cr.txt': { content: `date 2024-03-12 Titre en CR\r${FRENCH_SENTENCES.join('\r')}\r`, expect: { 'lone-cr.txt': ok } },
  'no-punctuation.txt': {
    content: Array.from({ length: 10_000 }, (_, i) => ['le', 'conseil', 'municipal', 'vote', 'budget', 'écoles', 'Rennes', 'mardi'][i % 8]).join(' '),
    expect: { 'no-punctuation.txt': ok },
  },
  // Names the tiny fixture model knows, with invisible and bidi characters inside and around them, and a 10,000-word
  // unpunctuated run of them (the model's windows over an overlong sentence).
  'names-hostile.txt': {
    content: 'Hier, Jean\u200b Dupont, de Re\u0301nault, a vu \u202eZorg\u202c à Lyon\u00a0mardi pour le Tour.\r\nMarie et Jean\u00ad à Paris\ufeff, puis Lyon\u2069 mardi\u2028Jean Dupont a vu Zorg.',
    expect: { 'names-hostile.txt': ok },
  },
  'names-no-punctuation.txt': {
    content: Array.from({ length: 10_000 }, (_, i) => ['Jean', 'Dupont', 'a', 'vu', 'Zorg', 'à', 'Lyon', 'mardi', 'pour', 'le', 'Tour', 'de', 'Renault'][i % 13]).join(' '),
    expect: { 'names-no-punctuation.txt': ok },
  },
  // Markup in the text and in the file name: plain text for the pipeline, escaped text for the HTML report.
  [MARKUP_NAME]: {
    content: `Le maire a écrit <script>alert("INJECTED-TEXT")</script> et <img src=x onerror="alert('INJECTED-IMG')"> dans « un message » à Rennes. Puis </textarea><!-- --> & &amp; fin.`,
    expect: { [MARKUP_NAME]: ok },
  },
  'zero-width-bidi.txt': {
    content: `La\u200b maire\u200d de Ren\u00adnes, \u202eNathalie Durand\u202c, a voté\u2066 mardi\u2069 le budget.\u200f Le\ufeff préfet \u2067a\u2069 parlé.\u061c`,
    expect: { 'zero-width-bidi.txt': ok },
  },
  'mixed-fr-en.txt': { content: `${FRENCH_PARAGRAPH}\n\n${ENGLISH_PARAGRAPH}`, expect: { 'mixed-fr-en.txt': ok } },
  // English has its own stage set: processed, not skipped (test/lang/mixed-corpus.test.ts checks its rows).
  'english-only.txt': { content: ENGLISH_PARAGRAPH, expect: { 'english-only.txt': ok } },
  'only-numbers.txt': { content: '12 345 678,90 2024 1999 42 3.14 0 7 100000 2 000 000\n31 12 2023', expect: { 'only-numbers.txt': undetermined } },
  'only-punctuation.txt': { content: '!!! ??? ... ;;; ,,, ::: «» — – - () [] {} … ¡¿ ‽ !?!?\n. . . .', expect: { 'only-punctuation.txt': undetermined } },
  'lone-surrogates.json': {
    // JSON escapes can smuggle unpaired UTF-16 surrogates into the text; offsets must still hold.
    content: JSON.stringify({ id: 'sur', text: `\ud800${FRENCH_PARAGRAPH}\udfff Fin \ud83d.` }),
    expect: { 'lone-surrogates.json': ok },
  },
  'broken.jsonl': {
    content: [
      JSON.stringify({ id: 'a', text: FRENCH_PARAGRAPH }),
      '{"id": "b", "text": "Le maire a',
      '',
      '[1, 2, 3]',
      JSON.stringify({ id: 'c', title: 'sans texte' }),
      JSON.stringify({ id: 'd', text: 42 }),
      'null',
      '\u0001garbage',
      JSON.stringify({ id: 'e', text: FRENCH_PARAGRAPH.replaceAll('écoles', 'collèges') }),
    ].join('\n'),
    expect: {
      // Ids: the record's own id, else a hash of its text (of the line when it has none); reasons name file:line.
      'broken.jsonl#a': ok,
      [lineId('broken.jsonl', '{"id": "b", "text": "Le maire a')]: { status: 'error', reason: /^broken\.jsonl:2: invalid JSON line/ },
      [lineId('broken.jsonl', '[1, 2, 3]')]: { status: 'error', reason: /^broken\.jsonl:4: expected a JSON object/ },
      'broken.jsonl#c': { status: 'error', reason: /^broken\.jsonl:5: missing or non-string "text"/ },
      'broken.jsonl#d': { status: 'error', reason: /^broken\.jsonl:6: missing or non-string "text"/ },
      [lineId('broken.jsonl', 'null')]: { status: 'error', reason: /^broken\.jsonl:7: expected a JSON object/ },
      [lineId('broken.jsonl', '\u0001garbage')]: { status: 'error', reason: /^broken\.jsonl:8: invalid JSON line/ },
      'broken.jsonl#e': ok,
    },
  },
  'truncated.json': { content: '{"id": "x", "text": "Le maire', expect: { 'truncated.json': { status: 'error', reason: /^truncated\.json: invalid JSON/ } } },
  'traversal-id.json': {
    content: JSON.stringify({ id: '../../escaped', text: FRENCH_PARAGRAPH, title: '../../../etc/passwd', url: 'file:///etc/passwd' }),
    expect: { 'traversal-id.json': ok },
  },
  'scripts.html': {
    content: `<!doctype html><html><head><title>Budget des écoles</title><script>document.write("INJECTED-SCRIPT")</script>
<style>body{background:url("javascript:alert('INJECTED-STYLE')")}</style></head>
<body onload="alert('INJECTED-ONLOAD')"><article><h1 onclick="alert('INJECTED-CLICK')">Budget des écoles</h1>
<p onmouseover="steal()">${FRENCH_PARAGRAPH}</p><script>alert("INJECTED-INLINE")</script>
<p><img src=x onerror="alert('INJECTED-IMG')"><a href="javascript:alert('INJECTED-HREF')">Le préfet</a> a répondu mercredi.</p>
<noscript>INJECTED-NOSCRIPT</noscript><iframe src="javascript:alert(1)"></iframe><svg><script>alert('INJECTED-SVG')</script></svg></article></body></html>`,
    expect: { 'scripts.html': ok },
  },
  // Markup that made the HTML parser or Readability super-linear: 100,000 nested <div>, unterminated comments.
  'deep-nesting.html': {
    content: `<html><head><title>Budget des écoles</title></head><body>${'<div>'.repeat(100_000)}<p>${FRENCH_PARAGRAPH}</p><script>alert("INJECTED-DEEP")</script><p>Le préfet a répondu mercredi.</p>${'</div>'.repeat(100_000)}</body></html>`,
    expect: { 'deep-nesting.html': ok },
  },
  'stray-markup.html': {
    content: `<html><body><p>${FRENCH_PARAGRAPH}</p>${'<!--'.repeat(50_000)}${'<a'.repeat(50_000)}</body></html>`,
    expect: { 'stray-markup.html': ok },
  },
  'empty.html': { content: '<html><head></head><body></body></html>', expect: { 'empty.html': { status: 'skipped', reason: /^empty article$/ } } },
  'not-really.html': { content: '<<<>>><p<<p>>\u0000</', expect: { 'not-really.html': { status: 'error', reason: /binary file/ } } },
  // File names: spaces, quotes, dots, non-Latin scripts.
  'name with spaces.txt': { content: FRENCH_PARAGRAPH, expect: { 'name with spaces.txt': ok } },
  [QUOTED_NAME]: { content: FRENCH_PARAGRAPH, expect: { [QUOTED_NAME]: ok } },
  'a..b..txt': { content: FRENCH_PARAGRAPH, expect: { 'a..b..txt': ok } },
  'статья-日本語-مقال.txt': { content: FRENCH_PARAGRAPH, expect: { 'статья-日本語-مقال.txt': ok } },
  'dots/..dir/x.txt': { content: FRENCH_PARAGRAPH, expect: {} }, // hidden folder (leading dot): ignored by design
  'nested/..weird name ../article.txt': { content: FRENCH_PARAGRAPH, expect: {} }, // idem
  'sub/x..y/..z..txt': { content: FRENCH_PARAGRAPH, expect: {} }, // hidden file: ignored
  'sub/x..y/z...txt': { content: FRENCH_PARAGRAPH, expect: { 'sub/x..y/z...txt': ok } },
  [`${'deep/'.repeat(100)}bottom.txt`]: { content: FRENCH_PARAGRAPH, expect: { [`${'deep/'.repeat(100)}bottom.txt`]: ok } },
  'unsupported.pdf': { content: '%PDF-1.4 not an article', expect: {} },
};

// Command-line runs start a whole process (model runtime included): on a loaded 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 180_000 });

let corpus: string;
let out: string;
let dataset: Dataset;
let summary: RunSummary;
let rows: Map<string, Row>;

beforeAll(async () => {
  corpus = await makeTempDir('hostile-corpus');
  out = await makeTempDir('hostile-out');
  await writeFiles(corpus, Object.fromEntries(Object.entries(CASES).map(([name, c]) => [name, c.content])));
  // A symlink loop, a dangling link, a folder and a FIFO named like articles.
  await fs.symlink('..', path.join(corpus, 'sub', 'loop'));
  await fs.symlink('/nonexistent/target.txt', path.join(corpus, 'dangling.txt'));
  await fs.mkdir(path.join(corpus, 'folder.txt'));
  await writeFiles(corpus, { 'folder.txt/inside.txt': FRENCH_PARAGRAPH });
  execFileSync('mkfifo', [path.join(corpus, 'fifo.txt')]); // reading it would block forever
  const pipeline = await rulesOnlyPipeline();
  summary = await runCorpus(pipeline, corpus, out);
  dataset = await readDataset(out);
  rows = articlesById(dataset);
}, 180_000);

afterAll(async () => {
  await fs.rm(corpus, { recursive: true, force: true });
  await fs.rm(out, { recursive: true, force: true });
});

describe('hostile corpus, one run', () => {
  it('gives every hostile article the expected status and reason', () => {
    for (const [name, hostile] of Object.entries(CASES)) {
      for (const [id, expected] of Object.entries(hostile.expect)) {
        const row = rows.get(id);
        expect(row, `${name}: no row ${id}`).toBeDefined();
        expect(row?.status, `${id}: ${String(row?.reason)}`).toBe(expected.status);
        if (expected.reason) expect(String(row?.reason), id).toMatch(expected.reason);
        else expect(row?.reason, id).toBeUndefined();
      }
    }
  });

  it('goes on past every bad input: all expected articles written, plus the folder named .txt', () => {
    const expectedIds = Object.values(CASES).flatMap((c) => Object.keys(c.expect));
    expect([...rows.keys()].sort()).toEqual([...expectedIds, 'folder.txt/inside.txt'].sort());
    expect(summary.articles).toBe(rows.size);
    expect(summary.error).toBeGreaterThan(5);
    expect(summary.ok).toBeGreaterThan(10);
  });

  it('reports what it did not read (loop, dangling link, FIFO, unsupported type) instead of failing', () => {
    const issues = new Map(summary.walkIssues.map((issue) => [issue.path, issue.reason]));
    expect(issues.get('sub/loop')).toMatch(/symlink loop/);
    expect(issues.get('dangling.txt')).toMatch(/cannot stat/);
    expect(issues.get('unsupported.pdf')).toMatch(/unsupported file type/);
    expect(issues.get('fifo.txt')).toMatch(/not a regular file/);
  });

  it('keeps every span of every output file an exact slice of its article text', () => {
    expect(spanViolations(dataset)).toEqual([]);
    expect(spanViolations.lastChecked).toBeGreaterThan(50);
    expect(dataset.sentences!.length).toBeGreaterThan(50);
  });

  it('decodes UTF-16 (both byte orders) and BOMs to the same text as UTF-8', () => {
    expect(rows.get('utf16be-bom.txt')?.text).toBe(FRENCH_PARAGRAPH);
    expect(rows.get('utf8-bom.txt')?.text).toBe(FRENCH_PARAGRAPH);
    expect(String(rows.get('utf16le-bom.txt')?.text).endsWith(FRENCH_PARAGRAPH)).toBe(true);
    expect(rows.get('utf16le-bom.txt')?.published).toBe('2024-03-12');
  });

  it('splits sentences at CRLF and lone CR line ends, title line included', () => {
    for (const id of ['crlf.txt', 'lone-cr.txt']) {
      const sentences = dataset.sentences!.filter((s) => s.article === id);
      expect(sentences[0]).toMatchObject({ kind: 'title' });
      expect(sentences.length).toBe(6);
      for (const s of sentences) expect(String(s.text)).not.toMatch(/[\r\n]/);
    }
  });

  it('keeps a 10,000-word unpunctuated text as one sentence', () => {
    const sentences = dataset.sentences!.filter((s) => s.article === 'no-punctuation.txt');
    expect(sentences).toHaveLength(1);
    expect(String(sentences[0]!.text).split(' ')).toHaveLength(10_000);
  });

  it('keeps zero-width, bidi and lone-surrogate characters in the text, with exact offsets', () => {
    expect(String(rows.get('zero-width-bidi.txt')?.text)).toContain('\u202eNathalie');
    expect(String(rows.get('lone-surrogates.json')?.text).charCodeAt(0)).toBe(0xd800);
    // The segmenter does not cut at `budget.\u200f Le` (a format character glued after the period): one sentence
    // too few, but the offsets stay exact — that is what this test guards.
    expect(dataset.sentences!.filter((s) => s.article === 'zero-width-bidi.txt').length).toBeGreaterThanOrEqual(1);
  });

  it('reads pathologically nested or broken markup in linear time, text intact and scripts out', () => {
    const deep = String(rows.get('deep-nesting.html')?.text);
    expect(deep).toContain(FRENCH_SENTENCES[0]);
    expect(deep).toContain('Le préfet a répondu mercredi.');
    expect(deep).not.toContain('INJECTED');
    expect(String(rows.get('stray-markup.html')?.text)).toContain(FRENCH_SENTENCES[4]);
  });

  it('never lets script, style or event-handler content into an HTML article text', () => {
    const text = String(rows.get('scripts.html')?.text);
    expect(text).toContain('Le conseil municipal de Rennes');
    expect(text).toContain('Le préfet a répondu mercredi.');
    expect(text).not.toMatch(/INJECTED|alert\(|javascript:|onerror|onclick/);
  });

  it('keeps path-based ids whatever the JSON id says, and writes nothing outside the output folder', async () => {
    const row = rows.get('traversal-id.json');
    expect(row).toMatchObject({ id: 'traversal-id.json', source: 'traversal-id.json' });
    const outside = path.resolve(out, '..', 'escaped');
    await expect(fs.stat(outside)).rejects.toThrow();
    // Only the dataset files (links through the pointer to the one generation), the generation with its marker, plus
    // the incremental cache whose entries are named by content hash, never by id or path.
    const written = await listTree(out);
    const names = ['articles.jsonl', 'entities.jsonl', 'events.jsonl', 'manifest.json', 'mentions.jsonl', 'sentences.jsonl', 'timexes.jsonl'];
    const generation = (await fs.readlink(path.join(out, '.generations', 'current'))).trim();
    expect(generation).toMatch(/^\d{6}$/);
    expect(written.filter((file) => !file.startsWith('.cache/'))).toEqual(
      [...names.map((name) => `.generations/${generation}/${name}`), `.generations/${generation}/COMMIT`, '.generations/current', ...names].sort(),
    );
    for (const file of written.filter((f) => f.startsWith('.cache/'))) expect(file).toMatch(/^\.cache\/chronique-v\d+\/[a-z]+\/[0-9a-f]{16}\.[0-9a-f]{64}\.json$/);
  });
});

describe('HTML report of the hostile dataset', () => {
  it('renders every hostile article as escaped text: one inline script, one JSON block, no injected element', async () => {
    const html = buildReport(await loadDataset(out));
    expect(html.match(/<script\b/g)).toHaveLength(2); // the page's own script and its JSON data block
    expect(html).not.toMatch(/<(img|svg|iframe|textarea)\b/i); // the hostile markup is there only as escaped text
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('img, svg, iframe, textarea').length).toBe(0);
    const sections = JSON.parse(document.getElementById(ARTICLES_DATA_ID)!.textContent!) as string[];
    expect(sections).toHaveLength(rows.size);
    const rendered = parseHTML(`<!DOCTYPE html><html><body>${sections.join('\n')}</body></html>`).document;
    expect(rendered.querySelectorAll('script, img, svg, iframe, textarea').length).toBe(0);
    // The hostile name and text come back as text, character for character.
    const ids = [...document.querySelectorAll('#article-list li')].map((li) => li.getAttribute('data-article'));
    expect(ids).toContain(MARKUP_NAME);
    expect(rendered.body.textContent).toContain('<script>alert("INJECTED-TEXT")</script>');
  });
});

describe('hostile corpus through the NER runtime (tiny fixture model)', () => {
  it('tokenizes, windows and aligns every hostile article without a stage failing; every span exact', async () => {
    const modelOut = await makeTempDir('hostile-model-out');
    try {
      const config = rulesOnlyConfig({ ner: { enabled: true, modelDir: FOREIGN_MODEL_DIR, threads: 1 } });
      const stages = rulesOnlyStages().map((stage) => (stage.name === 'ner' ? createNerStage() : stage));
      const withModel = await runCorpus(await Pipeline.create(config, stages), corpus, modelOut);
      const modelDataset = await readDataset(modelOut);
      const modelRows = articlesById(modelDataset);
      // Same statuses as the rules-only run: the model adds layers, it never fails an article.
      for (const [id, row] of rows) expect(modelRows.get(id)?.status, `${id}: ${String(modelRows.get(id)?.reason)}`).toBe(row.status);
      expect(withModel.error).toBe(summary.error);
      expect(modelDataset.mentions!.length).toBeGreaterThan(0);
      expect(spanViolations(modelDataset)).toEqual([]);
    } finally {
      await fs.rm(modelOut, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('size and volume', () => {
  it('processes a 20 MB article in linear time when the size limit allows it, and refuses it under the limit', async () => {
    const root = await makeTempDir('big');
    const midRoot = await makeTempDir('mid');
    const bigOut = await makeTempDir('big-out');
    const midOut = await makeTempDir('mid-out');
    try {
      const article = (megabytes: number): { text: string; repeats: number } => {
        const repeats = Math.ceil((megabytes * 1024 * 1024) / (FRENCH_PARAGRAPH.length + 2));
        return { text: `date 2024-03-12 Un très long article\n${`${FRENCH_PARAGRAPH}\n\n`.repeat(repeats)}`, repeats };
      };
      const big = article(20);
      await writeFiles(root, { 'big.txt': big.text, 'small.txt': FRENCH_PARAGRAPH });
      await writeFiles(midRoot, { 'mid.txt': article(2).text });
      const refused = await runCorpus(await rulesOnlyPipeline({ run: { maxFileBytes: 10 * 1024 * 1024 } }), root, bigOut);
      expect(refused).toMatchObject({ articles: 2, ok: 1, error: 1 });
      const refusedRow = articlesById(await readDataset(bigOut)).get('big.txt');
      expect(refusedRow?.reason).toMatch(/^big\.txt: file too large \(20\.\d MB > limit 10\.0 MB/);

      // Linearity, measured as a ratio so that a loaded machine slows both runs alike: stage time per MB on 20 MB
      // against 2 MB (the 2 MB run goes first and also pays the warm-up). Quadratic stages give ≈ 10.
      const stageSeconds = (summary: RunSummary): number => Object.values(summary.stageMs).reduce((a, b) => a + b, 0) / 1000;
      const pipeline = await rulesOnlyPipeline({ run: { maxFileBytes: 64 * 1024 * 1024, articleTimeoutMs: 600_000 } });
      const mid = await runCorpus(pipeline, midRoot, midOut);
      const started = performance.now();
      const accepted = await runCorpus(pipeline, root, bigOut);
      const seconds = (performance.now() - started) / 1000;
      expect(accepted).toMatchObject({ articles: 2, ok: 2, error: 0 });
      const ratio = stageSeconds(accepted) / 20 / (stageSeconds(mid) / 2);
      console.info(`20 MB article: ${seconds.toFixed(1)} s wall; stage s/MB ratio 20 MB : 2 MB = ${ratio.toFixed(2)}; per stage ms ${JSON.stringify(accepted.stageMs)}`);
      expect(ratio).toBeLessThan(3);
      const bigDataset = await readDataset(bigOut);
      expect(bigDataset.sentences!.filter((s) => s.article === 'big.txt').length).toBe(big.repeats * FRENCH_SENTENCES.length + 1);
      expect(spanViolations(bigDataset)).toEqual([]);
    } finally {
      for (const dir of [root, midRoot, bigOut, midOut]) await fs.rm(dir, { recursive: true, force: true });
    }
  }, 600_000); // seconds on an idle machine; minutes when a training run starves the CPU

  it('processes 10,000 tiny files in one run', async () => {
    const root = await makeTempDir('tiny');
    const tinyOut = await makeTempDir('tiny-out');
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 10_000; i++) files[`d${String(i % 100).padStart(2, '0')}/t${String(i).padStart(5, '0')}.txt`] = `Le maire de la commune numéro ${i} a voté le budget mardi.`;
      await writeFiles(root, files);
      const started = performance.now();
      const result = await runCorpus(await rulesOnlyPipeline(), root, tinyOut);
      console.info(`10,000 tiny files: ${((performance.now() - started) / 1000).toFixed(1)} s; per stage ms ${JSON.stringify(result.stageMs)}`);
      expect(result).toMatchObject({ articles: 10_000, ok: 10_000, error: 0 });
      const tinyDataset = await readDataset(tinyOut);
      expect(tinyDataset.sentences).toHaveLength(10_000);
      expect(spanViolations(tinyDataset)).toEqual([]);
      const ids = tinyDataset.articles!.map((row) => String(row.id));
      expect(ids).toEqual([...ids].sort()); // written in id order whatever the completion order
    } finally {
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(tinyOut, { recursive: true, force: true });
    }
  }, 600_000); // seconds on an idle machine; minutes when a training run starves the CPU
});

describe('command line on hostile input', () => {
  it('exits 1 when some articles fail, writes the rest, and names the failures', async () => {
    const root = await makeTempDir('cli-hostile');
    const cliOut = await makeTempDir('cli-hostile-out');
    try {
      await writeFiles(root, { 'good.txt': FRENCH_PARAGRAPH, 'bad.txt': new Uint8Array([0x41, 0x00, 0x42]), 'broken.jsonl': `${JSON.stringify({ text: FRENCH_PARAGRAPH })}\n{oops\n` });
      const result = await runCli(['run', root, '--out', cliOut, '--no-progress', ...NO_MODEL_FLAGS]);
      expect(result.code, result.stderr).toBe(1);
      const written = articlesById(await readDataset(cliOut));
      expect(written.get('good.txt')?.status).toBe('ok');
      expect(written.get(lineId('broken.jsonl', FRENCH_PARAGRAPH))?.status).toBe('ok');
      expect(written.get('bad.txt')).toMatchObject({ status: 'error', reason: 'bad.txt: binary file, not text' });
      expect(written.get(lineId('broken.jsonl', '{oops'))?.reason).toMatch(/^broken\.jsonl:2: invalid JSON line/);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(cliOut, { recursive: true, force: true });
    }
  });

  it('exits 0 when every article is ok or skipped (empty, whitespace, English)', async () => {
    const root = await makeTempDir('cli-clean');
    const cliOut = await makeTempDir('cli-clean-out');
    try {
      await writeFiles(root, { 'good.txt': FRENCH_PARAGRAPH, 'empty.txt': '', 'blank.txt': ' \n ', 'en.txt': ENGLISH_PARAGRAPH });
      const result = await runCli(['run', root, '--out', cliOut, '--no-progress', ...NO_MODEL_FLAGS]);
      expect(result.code, result.stderr).toBe(0);
      expect(articlesById(await readDataset(cliOut)).size).toBe(4);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(cliOut, { recursive: true, force: true });
    }
  });
});
