import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/audit/dataset.js';
import { ARTICLES_DATA_ID, buildReport, renderAnnotated } from '../../src/audit/report.js';
import { HOSTILE_ID, HOSTILE_IMG, HOSTILE_SCRIPT, olderReportArticles, reportArticles, SEED_ARTICLE_ID, writeReportDataset } from '../helpers/report-fixtures.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
let work: string;
let current: string;
let older: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-report-'));
  current = await writeReportDataset(path.join(work, 'current'), reportArticles());
  older = await writeReportDataset(path.join(work, 'older'), olderReportArticles());
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/**
 * The page as linkedom sees it (no script runs), plus every article section: the page ships them as a JSON block
 * that its script puts into the view one at a time, so here they are parsed into a second document.
 */
function parseReport(html: string): { document: Document; sections: Document } {
  const { document } = parseHTML(html);
  const data = JSON.parse(document.getElementById(ARTICLES_DATA_ID)!.textContent!) as string[];
  const sections = parseHTML(`<!DOCTYPE html><html><body>${data.join('\n')}</body></html>`).document;
  return { document, sections };
}

const annotation = (start: number, end: number, name: string): { start: number; end: number; fullEnd: number; open: string; close: string } => ({ start, end, fullEnd: end, open: `<b class="${name}">`, close: '</b>' });

describe('renderAnnotated', () => {
  it('nests crossing highlights by splitting them, and keeps every character of the text once', () => {
    const text = 'abcdefghij';
    const html = renderAnnotated(text, 0, 10, [annotation(1, 5, 'x'), annotation(3, 8, 'y'), annotation(3, 4, 'z')]);
    expect(html).toBe('a<b class="x">bc<b class="y"><b class="z">d</b>e</b></b><b class="y">fgh</b>ij');
    const { document } = parseHTML(`<p>${html}</p>`);
    expect(document.querySelector('p')!.textContent).toBe(text);
  });

  it('clips highlights to the rendered range and escapes the text', () => {
    expect(renderAnnotated('x<y>&z', 1, 5, [annotation(0, 3, 'a')])).toBe('<b class="a">&lt;y</b>&gt;&amp;');
  });
});

describe('buildReport', () => {
  it('is one self-contained page: no external resource, a CSP that blocks injected handlers', async () => {
    const html = buildReport(await loadDataset(current));
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*script-src &#39;sha256-/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json"/g)).toHaveLength(1);
  });

  it('renders hostile content as text only', async () => {
    const html = buildReport(await loadDataset(current));
    expect(html).not.toContain(HOSTILE_SCRIPT);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg');
    expect(html).not.toMatch(/<\/script>[\s\S]*<\/script>[\s\S]*<\/script>/); // only the JSON block and our script
    const { document, sections } = parseReport(html);
    expect(document.querySelectorAll('img, svg, iframe').length).toBe(0);
    expect(sections.querySelectorAll('img, svg, iframe, script').length).toBe(0);
    expect(document.querySelectorAll('script:not([type])').length).toBe(1);
    const section = sections.querySelector(`section[data-article="${HOSTILE_ID}"]`)!;
    expect(section.textContent).toContain(HOSTILE_SCRIPT);
    expect(section.textContent).toContain(HOSTILE_IMG);
    expect(section.querySelector('h2')!.textContent).toBe('<img src=x onerror="window.__pwned=4"> Titre piégé');
    expect(section.querySelector('.sent mark.ent-MISC')!.getAttribute('title')).toContain(HOSTILE_IMG);
  });

  it('highlights every mention and time expression of the seed, with legend, values and events beside their sentence', async () => {
    const dataset = await loadDataset(current);
    const seed = dataset.byId.get(SEED_ARTICLE_ID)!;
    const { document, sections } = parseReport(buildReport(dataset));
    const section = sections.querySelector(`section[data-article="${SEED_ARTICLE_ID}"]`)!;
    expect(section.querySelectorAll('.reading .sent mark.ent').length).toBe(seed.mentions.length);
    for (const label of ['PER', 'ORG', 'LOC']) expect(section.querySelectorAll(`.reading .sent mark.ent-${label}`).length).toBeGreaterThan(0);
    expect(section.querySelectorAll('.reading .sent .tx').length).toBe(seed.timexes.length);
    const first = section.querySelector('.reading .tx')!;
    expect(first.getAttribute('data-value')).toBe('2022-07-13');
    expect(first.querySelector('.tx-val')!.textContent).toBe('2022-07-13');
    expect(first.getAttribute('title')).toContain('DATE 2022-07-13');
    expect(section.querySelectorAll('.row[data-sentence="5"] .ev').length).toBe(1);
    expect(section.querySelector('.row[data-sentence="5"] .ev-type')!.textContent).toBe('Personnel.End-Position');
    expect(document.querySelectorAll('#legend mark.ent').length).toBe(4);
    expect(document.querySelectorAll('#article-list li').length).toBe(2);
    expect(document.querySelectorAll('#article-select option').length).toBe(2);
  });

  it('colours additions, removals and changes against an older dataset', async () => {
    const { document, sections } = parseReport(buildReport(await loadDataset(current), { against: await loadDataset(older) }));
    const section = sections.querySelector(`section[data-article="${SEED_ARTICLE_ID}"]`)!;
    expect(section.querySelectorAll('.sent mark.ent.d-add').length).toBe(1);
    expect(section.querySelectorAll('.sent .tx.d-chg').length).toBe(1);
    expect([...section.querySelectorAll('.ev.d-add')].map((e) => e.getAttribute('data-type'))).toEqual(['Justice.Investigate']);
    expect([...section.querySelectorAll('.ev.d-del')].map((e) => e.getAttribute('data-type'))).toEqual(['Contact.Statement']);
    expect(section.querySelector('.ev.d-chg .ev-changes')!.textContent).toContain('confidence: 0.5 → 0.9');
    expect(document.querySelector('#diff-summary')!.textContent).toContain('records +2 −1 ~2 in 1 article');
    expect(document.querySelector(`#article-list li.d-chg`)).not.toBeNull();
  });
});

describe('chronique report', () => {
  it('writes the page, with --against, and fails with status 2 on a folder that is not a dataset', async () => {
    const out = path.join(work, 'report.html');
    const cli = (...args: string[]): number | null => spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli.ts'), 'report', ...args], { cwd: REPO, encoding: 'utf8' }).status;
    expect(cli(current, '--against', older, '--out', out)).toBe(0);
    expect(await fs.readFile(out, 'utf8')).toContain('id="diff-summary"');
    expect(cli(work, '--out', path.join(work, 'nothing.html'))).toBe(2);
  });
});
