/**
 * The report as an audit tool, in headless Debian chromium (playwright-core): the seed article run through the
 * default pipeline, then edited (one date, one verb, `Elon ` inserted) and run again, with a file of invalid UTF-8 (status
 * error) and a German article (status skipped: no German stage set) beside it. The tests click an entity, apply every filter and step
 * through the changes with the keyboard; screenshots go to test/.tmp/ (git-ignored):
 *   - report-audit-entity.png: every mention of the clicked entity highlighted;
 *   - report-audit-filters.png: PER names and all events but statements filtered out;
 *   - report-audit-changes.png: the third change of the edited seed, selected with `n`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type LoadedDataset } from '../../src/audit/dataset.js';
import { diffArticle } from '../../src/audit/diff.js';
import { buildReport } from '../../src/audit/report.js';
import { resolveConfig } from '../../src/config.js';
import { Pipeline, defaultStages } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = path.join(REPO, 'test', '.tmp');
const SEED = 'karpathy-2024-03.txt';
const SKIPPED = 'german.txt';
const BROKEN = 'broken.txt';
let work: string;
let context: BrowserContext;
let reportFile: string;
let current: LoadedDataset;
let older: LoadedDataset;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-audit-browser-'));
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const seed = await fs.readFile(path.join(REPO, 'corpus', SEED), 'utf8');
  const edited = seed.replace('entourant Musk', 'entourant Elon Musk').replace('le 13 juillet 2022', 'le 14 juillet 2022').replace('et a déclaré que cette décision', 'et a affirmé que cette décision');
  const german = 'date 2024-03-05 Ernennung\nDer Vorstand hat am Montag Marie Curie zur Direktorin ernannt. Sie wird im April anfangen, teilte das Unternehmen mit.\n';
  for (const [name, text] of [['old', seed], ['new', edited]] as const) {
    const dir = path.join(work, `corpus-${name}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, SEED), text);
    await fs.writeFile(path.join(dir, SKIPPED), german);
    await fs.writeFile(path.join(dir, BROKEN), Buffer.from([0x4c, 0x65, 0x20, 0xc3, 0x28, 0x20, 0x6a, 0x6f, 0x75, 0x72]));
  }
  // One sentence per NER batch, as in diff-edit.test.ts: the changes are then exactly the edits'.
  const pipeline = await Pipeline.create(resolveConfig({ run: { progress: false }, ner: { batchSize: 1 } }), defaultStages());
  await runCorpus(pipeline, path.join(work, 'corpus-old'), path.join(work, 'out-old'));
  await runCorpus(pipeline, path.join(work, 'corpus-new'), path.join(work, 'out-new'));
  await pipeline.dispose();
  older = await loadDataset(path.join(work, 'out-old'));
  current = await loadDataset(path.join(work, 'out-new'));
  reportFile = path.join(work, 'report.html');
  await fs.writeFile(reportFile, buildReport(current, { against: older }));
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1400, height: 1000 },
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await fs.rm(work, { recursive: true, force: true });
});

async function open(articleId: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(reportFile).href);
  const index = await page.locator('#article-list li').evaluateAll((items, id) => items.findIndex((li) => li.getAttribute('data-article') === id), articleId);
  await page.evaluate((hash) => (location.hash = hash), `a-${index}`);
  await expect.poll(() => page.locator('section.article.current').getAttribute('data-article')).toBe(articleId);
  return { page, errors, requests };
}

describe('the report as an audit tool', () => {
  it('colours mentions by their entity label, shows each mention’s own label on hover, and highlights an entity’s mentions on click', async () => {
    const { page, errors } = await open(SEED);
    const seed = current.byId.get(SEED)!;
    const entities = new Map(seed.entities.map((e) => [e.id, e]));
    // Colour class from the entity, title from the mention itself.
    for (const m of seed.mentions.slice(0, 40)) {
      const entity = m.entity ? entities.get(m.entity) : undefined;
      const mark = page.locator(`section.current .sent mark.ent[data-entity="${m.entity}"]`).first();
      if (!entity) continue;
      expect(await mark.getAttribute('class')).toContain(`ent-${entity.label}`);
    }
    const relabelled = seed.mentions.find((m) => m.entity && entities.get(m.entity)!.label !== m.label);
    if (relabelled) {
      const tip = await page.locator(`section.current .sent mark.ent[data-entity="${relabelled.entity}"][data-label="${relabelled.label}"]`).first().getAttribute('title');
      expect(tip).toContain(`mention ${relabelled.label}`);
      expect(tip).toContain(`(${entities.get(relabelled.entity!)!.label})`);
    }
    const musk = seed.entities.find((e) => e.canonical === 'Elon Musk')!;
    await page.locator(`section.current .sent mark.ent[data-entity="${musk.id}"]`).nth(2).click();
    const focused = page.locator('section.current .sent mark.ent.focus');
    expect(await focused.count()).toBe(musk.mentions.length);
    expect(await focused.evaluateAll((marks) => marks.every((m) => m.getAttribute('data-entity') !== null))).toBe(true);
    expect(new Set(await focused.evaluateAll((marks) => marks.map((m) => m.getAttribute('data-entity'))))).toEqual(new Set([musk.id]));
    const dimmed = await page.locator('section.current .sent mark.ent:not(.focus)').first().evaluate((el) => getComputedStyle(el).opacity);
    expect(Number(dimmed)).toBeLessThan(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-audit-entity.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('section.current .sent mark.ent.focus').count()).toBe(0);
    // Clicking a name in the entity list works too.
    await page.locator('section.current details.entities summary').click();
    await page.locator(`section.current details.entities mark[data-entity="${musk.id}"]`).click();
    expect(await page.locator('section.current .sent mark.ent.focus').count()).toBe(musk.mentions.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by entity label, event type, confidence and article status', async () => {
    const { page, errors } = await open(SEED);
    const seed = current.byId.get(SEED)!;
    const per = page.locator('section.current .sent mark.ent[data-elabel="PER"]').first();
    const before = await per.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.locator('.label-filter[value="PER"]').uncheck();
    const after = await per.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(after).not.toBe(before);
    expect(after).toBe('rgba(0, 0, 0, 0)');
    const org = await page.locator('section.current .sent mark.ent[data-elabel="ORG"]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(org).not.toBe('rgba(0, 0, 0, 0)');

    await page.selectOption('#type-filter', 'Contact.Statement');
    const visibleTypes = await page.locator('section.current .ev:visible').evaluateAll((evs) => evs.map((e) => e.getAttribute('data-type')));
    expect(visibleTypes.length).toBe(seed.events.filter((e) => e.type === 'Contact.Statement').length);
    expect(new Set(visibleTypes)).toEqual(new Set(['Contact.Statement']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-audit-filters.png') });

    await page.selectOption('#type-filter', '');
    await page.locator('#confidence-filter').fill('0.9');
    const confidences = await page.locator('section.current .ev:visible').evaluateAll((evs) => evs.map((e) => Number(e.getAttribute('data-conf'))));
    expect(confidences.length).toBe(seed.events.filter((e) => Number(e.confidence.toFixed(2)) >= 0.9).length);
    expect(confidences.every((c) => c >= 0.9)).toBe(true);
    expect(await page.locator('#confidence-value').innerText()).toBe('0.90');

    // Error and skipped articles are flagged in the list and can be listed alone.
    expect(await page.locator(`#article-list li[data-article="${BROKEN}"] .badge.status-error`).count()).toBe(1);
    expect(await page.locator(`#article-list li[data-article="${SKIPPED}"] .badge.status-skipped`).count()).toBe(1);
    await page.selectOption('#status-filter', 'error');
    expect(await page.locator('#article-list li:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-article')))).toEqual([BROKEN]);
    await page.selectOption('#status-filter', 'skipped');
    expect(await page.locator('#article-list li:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-article')))).toEqual([SKIPPED]);
    await page.selectOption('#status-filter', 'changed');
    expect(await page.locator('#article-list li:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-article')))).toEqual([SEED]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks only the real changes, with before/after on hover, and steps through them with the keyboard', async () => {
    const diff = diffArticle(older.byId.get(SEED), current.byId.get(SEED));
    const { page, errors, requests } = await open(SEED);
    const section = page.locator('section.current');
    const inText = diff.records.filter((r) => r.kind === 'mentions' || r.kind === 'timexes').length;
    const events = diff.records.filter((r) => r.kind === 'events').length;
    expect(inText).toBeGreaterThan(0);
    expect(await section.locator('.sent .d-add, .sent .d-chg, .sent .d-del').count()).toBe(inText);
    expect(await section.locator('.ev.d-add, .ev.d-chg, .ev.d-del').count()).toBe(events);
    const date = section.locator('.sent .tx.d-chg');
    expect(await date.getAttribute('title')).toContain('value: 2022-07-13 → 2022-07-14');
    const musk = section.locator('.sent mark.ent.d-chg', { hasText: 'Elon Musk' });
    expect(await musk.getAttribute('title')).toContain('text: Musk → Elon Musk');

    const total = await section.locator('.sent .d-add, .sent .d-chg, .sent .d-del, .ev.d-add, .ev.d-chg, .ev.d-del, .entities .d-add, .entities .d-chg, .entities .d-del, .row.lost li').count();
    expect(total).toBeGreaterThanOrEqual(inText + events);
    const seen: string[] = [];
    for (let i = 1; i <= total; i += 1) {
      await page.keyboard.press('n');
      expect(await page.locator('#change-pos').innerText()).toBe(`change ${i} / ${total}`);
      const current = page.locator('.current-change');
      expect(await current.count()).toBe(1);
      seen.push(await current.evaluate((el) => String(Array.prototype.indexOf.call(document.querySelectorAll('*'), el))));
      if (i === 3) await page.screenshot({ path: path.join(SCREENSHOTS, 'report-audit-changes.png') });
    }
    expect(new Set(seen).size).toBe(total);
    await page.keyboard.press('p');
    expect(await page.locator('#change-pos').innerText()).toBe(`change ${total - 1} / ${total}`);
    // Past the last change, `n` goes on to the next changed article: here the only one, from its first change.
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    expect(await page.locator('#change-pos').innerText()).toBe(`change 1 / ${total}`);
    await page.locator('#next-change').click();
    expect(await page.locator('#change-pos').innerText()).toBe(`change 2 / ${total}`);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
