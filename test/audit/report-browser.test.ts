/**
 * The report in a real browser: headless Debian chromium driven by playwright-core. Checks the highlights, the
 * navigation, that hostile article content stays inert, that the page loads nothing from the network, and saves
 * screenshots of the seed article's page to test/.tmp/ (git-ignored):
 *   - test/.tmp/report-seed.png: the seed with its gold layers and events, coloured against an older dataset;
 *   - test/.tmp/report-seed-pipeline.png: the seed as the default pipeline processes it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/audit/dataset.js';
import { buildReport } from '../../src/audit/report.js';
import { resolveConfig } from '../../src/config.js';
import { Pipeline, defaultStages } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { HOSTILE_ID, HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TEXT, olderReportArticles, reportArticles, SEED_ARTICLE_ID, writeReportDataset } from '../helpers/report-fixtures.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = path.join(REPO, 'test', '.tmp');
let work: string;
let context: BrowserContext;
let reportFile: string;
let pipelineReportFile: string;
let pipelineSeedMentions = 0;
let pipelineSeedTimexes = 0;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-browser-'));
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const current = await loadDataset(await writeReportDataset(path.join(work, 'current'), reportArticles()));
  const older = await loadDataset(await writeReportDataset(path.join(work, 'older'), olderReportArticles()));
  reportFile = path.join(work, 'report.html');
  await fs.writeFile(reportFile, buildReport(current, { against: older }));

  // The same two articles through the default pipeline (whatever stages it has).
  const corpus = path.join(work, 'corpus');
  await fs.mkdir(corpus);
  await fs.copyFile(path.join(REPO, 'corpus', SEED_ARTICLE_ID), path.join(corpus, SEED_ARTICLE_ID));
  await fs.writeFile(path.join(corpus, HOSTILE_ID), HOSTILE_TEXT);
  const pipeline = await Pipeline.create(resolveConfig({ run: { progress: false } }), defaultStages());
  await runCorpus(pipeline, corpus, path.join(work, 'pipeline-out'));
  await pipeline.dispose();
  const processed = await loadDataset(path.join(work, 'pipeline-out'));
  pipelineSeedMentions = processed.byId.get(SEED_ARTICLE_ID)!.mentions.length;
  pipelineSeedTimexes = processed.byId.get(SEED_ARTICLE_ID)!.timexes.length;
  pipelineReportFile = path.join(work, 'pipeline-report.html');
  await fs.writeFile(pipelineReportFile, buildReport(processed));

  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1400, height: 1000 },
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await fs.rm(work, { recursive: true, force: true });
});

/** Opens a report at an article; records every request the page makes. */
async function open(file: string, articleId: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  const index = await page.locator('#article-list li').evaluateAll((items, id) => items.findIndex((li) => li.getAttribute('data-article') === id), articleId);
  await page.evaluate((hash) => (location.hash = hash), `a-${index}`);
  return { page, requests, errors };
}

describe('the HTML report in chromium', () => {
  it('shows the seed article with entities highlighted by type and time expressions with their value', async () => {
    const { page, requests, errors } = await open(reportFile, SEED_ARTICLE_ID);
    const section = page.locator(`section.article.current`);
    await expect.poll(() => section.getAttribute('data-article')).toBe(SEED_ARTICLE_ID);
    expect(await page.locator('section.article').count()).toBe(1); // only the selected article is in the page
    const gold = reportArticles().find((a) => a.article.id === SEED_ARTICLE_ID)!;
    expect(await section.locator('.sent mark.ent').count()).toBe(gold.mentions.length);
    const colours = new Set<string>();
    for (const label of ['PER', 'ORG', 'LOC', 'MISC']) {
      const marks = section.locator(`.sent mark.ent-${label}`);
      if ((await marks.count()) === 0) continue;
      await expect.poll(() => marks.first().isVisible()).toBe(true);
      colours.add(await marks.first().evaluate((el) => getComputedStyle(el).backgroundColor));
    }
    expect(colours.size).toBeGreaterThanOrEqual(3); // PER, ORG and LOC at least, each its own colour
    const timex = section.locator('.sent .tx').first();
    expect(await timex.getAttribute('title')).toContain('2022-07-13');
    expect(await timex.locator('.tx-val').innerText()).toBe('2022-07-13');
    expect(await section.locator('.sent .tx').count()).toBe(gold.timexes.length);
    // Events beside their sentence, with diff colours against the older dataset.
    expect(await section.locator('.row[data-sentence="5"] .ev .ev-type').innerText()).toBe('Personnel.End-Position');
    expect(await section.locator('.ev.d-add').count()).toBe(1);
    expect(await section.locator('.ev.d-del').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-seed.png'), fullPage: false });
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps hostile content inert: no script runs, no element is created from the text', async () => {
    const { page, errors } = await open(reportFile, HOSTILE_ID);
    const section = page.locator('section.article.current');
    await expect.poll(() => section.getAttribute('data-article')).toBe(HOSTILE_ID);
    await page.waitForTimeout(200); // an onerror handler would fire in this time
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img, svg, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('script:not([type])').count()).toBe(1);
    expect(await page.locator('[onerror], [onload]').count()).toBe(0);
    const text = await section.locator('.reading').innerText();
    expect(text).toContain(HOSTILE_SCRIPT);
    expect(text).toContain(HOSTILE_IMG);
    expect(await section.locator('h2').innerText()).toContain('<img src=x onerror="window.__pwned=4">');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('navigates with the select and filters the article list', async () => {
    const { page } = await open(reportFile, SEED_ARTICLE_ID);
    await page.selectOption('#article-select', { index: 0 });
    await expect.poll(() => page.locator('section.article.current').getAttribute('data-article')).toBe(HOSTILE_ID);
    await page.fill('#article-filter', 'karpathy');
    expect(await page.locator('#article-list li:visible').count()).toBe(1);
    await page.close();
  });

  it('renders the default pipeline output of the seed article', async () => {
    const { page, errors } = await open(pipelineReportFile, SEED_ARTICLE_ID);
    const section = page.locator('section.article.current');
    await expect.poll(() => section.getAttribute('data-article')).toBe(SEED_ARTICLE_ID);
    expect(await section.locator('.row[data-sentence]').count()).toBeGreaterThan(10);
    expect(await section.locator('.sent mark.ent').count()).toBe(pipelineSeedMentions);
    expect(await section.locator('.sent .tx').count()).toBe(pipelineSeedTimexes);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-seed-pipeline.png'), fullPage: false });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
