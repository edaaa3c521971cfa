import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/audit/dataset.js';
import { diffDatasets } from '../../src/audit/diff.js';
import { formatDiffHtml, formatDiffText } from '../../src/audit/diff-format.js';
import { resolveConfig } from '../../src/config.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { datesStage } from '../../src/stages/dates.js';
import { languageStage } from '../../src/stages/language.js';
import { segmentStage } from '../../src/stages/segment.js';
import { addEvent, addMention, addTimex, clone, makeArticle, writeDataset, type FixtureArticle } from '../helpers/audit-fixtures.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-diff-'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const TEXT_A =
  'Andrej Karpathy a quitté Tesla le 13 juillet 2022. La NHTSA a ouvert une enquête sur Tesla en août 2021. Musk a déclaré que tout allait bien. Karpathy a rencontré Altman à Paris.';

function oldSide(): FixtureArticle[] {
  const a = makeArticle('a.txt', TEXT_A, [
    'Andrej Karpathy a quitté Tesla le 13 juillet 2022.',
    'La NHTSA a ouvert une enquête sur Tesla en août 2021.',
    'Musk a déclaré que tout allait bien.',
    'Karpathy a rencontré Altman à Paris.',
  ]);
  addMention(a, 'Andrej Karpathy', 'PER');
  addMention(a, 'Tesla', 'ORG');
  addMention(a, 'NHTSA', 'ORG');
  addMention(a, 'Musk', 'PER');
  addMention(a, 'Paris', 'LOC');
  addTimex(a, '13 juillet 2022', '2022-07-13');
  addTimex(a, 'août 2021', '2021-08');
  addEvent(a, { id: 'ev_leave', type: 'Personnel.End-Position', trigger: 'quitté', lemma: 'quitter', args: [{ role: 'person', text: 'Andrej Karpathy', label: 'PER' }, { role: 'organization', text: 'Tesla', label: 'ORG' }], time: { text: '13 juillet 2022', value: '2022-07-13' } });
  addEvent(a, { id: 'ev_probe', type: 'Justice.Investigate', trigger: 'enquête', args: [{ role: 'agent', text: 'NHTSA', label: 'ORG' }] });
  addEvent(a, { id: 'ev_said', type: 'Contact.Statement', trigger: 'déclaré', confidence: 0.7, args: [{ role: 'agent', text: 'Musk', label: 'PER' }] });
  addEvent(a, { id: 'ev_meet', type: 'Contact.Meet', trigger: 'rencontré', confidence: 0.6 });
  const b = makeArticle('b.txt', 'Le conseil a nommé Marie Curie directrice.', ['Le conseil a nommé Marie Curie directrice.']);
  addMention(b, 'Marie Curie', 'PER');
  addEvent(b, { id: 'ev_nominate', type: 'Personnel.Nominate', trigger: 'nommé', args: [{ role: 'person', text: 'Marie Curie', label: 'PER' }] });
  return [a, b];
}

/** The "new" side: each change below is one expectation of the test. */
function newSide(): FixtureArticle[] {
  const [a, b] = oldSide().map(clone) as [FixtureArticle, FixtureArticle];
  const leave = a.events.find((e) => e.id === 'ev_leave')!;
  leave.time = { ...leave.time!, value: '2022-07' };
  leave.arguments = leave.arguments.filter((arg) => arg.role !== 'organization');
  a.events = a.events.filter((e) => e.id !== 'ev_probe');
  const said = a.events.find((e) => e.id === 'ev_said')!;
  said.id = 'ev_said_v2'; // new id, same position: aligned by (article, sentence, type, trigger)
  said.confidence = 0.72; // below the 0.05 threshold: not a change
  const meet = a.events.find((e) => e.id === 'ev_meet')!;
  meet.id = 'ev_meet_v2';
  meet.type = 'Contact.Statement'; // re-typed: aligned by trigger offsets, reported as a type change
  b.events[0]!.confidence = 0.95; // +0.15: reported
  a.mentions.find((m) => m.text === 'Paris')!.label = 'ORG';
  a.mentions = a.mentions.filter((m) => m.text !== 'Musk');
  a.entities = a.entities.filter((e) => e.canonical !== 'Musk');
  addMention(a, 'Altman', 'PER');
  a.timexes.find((t) => t.text === 'août 2021')!.value = '2021-08-01';
  const c = makeArticle('c.txt', 'Le 4 mars, la société a été fondée à Lyon.', ['Le 4 mars, la société a été fondée à Lyon.']);
  addEvent(c, { id: 'ev_found', type: 'Business.Start-Org', trigger: 'fondée' });
  return [a, b, c];
}

describe('diffDatasets on hand-written datasets', () => {
  it('finds no difference between a dataset and itself', async () => {
    const dir = await writeDataset(path.join(work, 'same'), oldSide());
    const diff = diffDatasets(await loadDataset(dir), await loadDataset(dir));
    expect(diff.identical).toBe(true);
    expect(diff.events.unchanged).toBe(5);
    expect(diff.perArticle).toEqual([]);
    expect(formatDiffText(diff)).toContain('identical');
  });

  it('aligns events by id, position and trigger and reports field-level changes', async () => {
    const oldDir = await writeDataset(path.join(work, 'old'), oldSide());
    const newDir = await writeDataset(path.join(work, 'new'), newSide());
    const diff = diffDatasets(await loadDataset(oldDir), await loadDataset(newDir), { confidenceThreshold: 0.05 });
    expect(diff.identical).toBe(false);
    expect(diff.articles.added).toEqual(['c.txt']);
    expect(diff.events.added.map((e) => e.id)).toEqual(['ev_found']);
    expect(diff.events.removed.map((e) => e.id)).toEqual(['ev_probe']);
    // ev_said moved id with a confidence change under the threshold: aligned, and unchanged.
    expect(diff.events.unchanged).toBe(1);
    const changed = new Map(diff.events.changed.map((c) => [c.new.id, c]));
    expect([...changed.keys()].sort()).toEqual(['ev_leave', 'ev_meet_v2', 'ev_nominate']);
    const leave = changed.get('ev_leave')!;
    expect(leave.match).toBe('id');
    expect(leave.changes.map((c) => c.field)).toEqual(['arguments', 'time.value']);
    expect(leave.changes[0]!.old).toEqual(['organization=Tesla (ORG) "Tesla" [25,30)']);
    expect(leave.changes[0]!.new).toEqual([]);
    expect(leave.changes[1]).toEqual({ field: 'time.value', old: '2022-07-13', new: '2022-07' });
    const meet = changed.get('ev_meet_v2')!;
    expect(meet.match).toBe('trigger');
    expect(meet.changes).toEqual([{ field: 'type', old: 'Contact.Meet', new: 'Contact.Statement' }]);
    expect(changed.get('ev_nominate')!.changes).toEqual([{ field: 'confidence', old: 0.8, new: 0.95 }]);

    expect(diff.mentions.added.map((m) => m.text)).toEqual(['Altman']);
    expect(diff.mentions.removed.map((m) => m.text)).toEqual(['Musk']);
    expect(diff.mentions.changed.map((c) => [c.new.text, c.changes])).toEqual([['Paris', [{ field: 'label', old: 'LOC', new: 'ORG' }]]]);
    expect(diff.timexes.changed.map((c) => c.changes)).toEqual([[{ field: 'value', old: '2021-08', new: '2021-08-01' }]]);
    expect(diff.entities.added.map((e) => e.canonical)).toEqual(['Altman']);
    expect(diff.entities.removed.map((e) => e.canonical)).toEqual(['Musk']);

    const perType = new Map(diff.perType.map((t) => [t.type, t]));
    expect(perType.get('Contact.Statement')).toMatchObject({ old: 1, new: 2, added: 0, removed: 0, changed: 1 });
    expect(perType.get('Contact.Meet')).toMatchObject({ old: 1, new: 0 });
    expect(perType.get('Justice.Investigate')).toMatchObject({ old: 1, new: 0, removed: 1 });
    expect(diff.perArticle.map((a) => [a.article, a.status, a.events])).toEqual([
      ['a.txt', 'same-text', { old: 4, new: 3, added: 0, removed: 1, changed: 2 }],
      ['b.txt', 'same-text', { old: 1, new: 1, added: 0, removed: 0, changed: 1 }],
      ['c.txt', 'added', { old: 0, new: 1, added: 1, removed: 0, changed: 0 }],
    ]);

    const text = formatDiffText(diff);
    expect(text).toContain('time.value: 2022-07-13 → 2022-07');
    expect(text).toContain('type: Contact.Meet → Contact.Statement');
    expect(text).toContain('(was ev_meet, matched by trigger)');
    expect(text).toContain('- ev_probe Justice.Investigate');
  });

  it('honours the confidence threshold', async () => {
    const diff = diffDatasets(await loadDataset(path.join(work, 'old')), await loadDataset(path.join(work, 'new')), { confidenceThreshold: 0.2 });
    expect(diff.events.changed.map((c) => c.new.id).sort()).toEqual(['ev_leave', 'ev_meet_v2']);
  });

  it('escapes article content in the HTML diff', async () => {
    const hostile = makeArticle('x.txt', 'Le <script>window.__pwned=1</script> a été nommé.', ['Le <script>window.__pwned=1</script> a été nommé.']);
    const hostileNew = clone(hostile);
    addEvent(hostileNew, { id: 'ev_x', type: 'Personnel.Nominate', trigger: 'nommé', args: [{ role: 'person', text: '<script>window.__pwned=1</script>', label: 'PER' }] });
    const oldDir = await writeDataset(path.join(work, 'xo'), [hostile]);
    const newDir = await writeDataset(path.join(work, 'xn'), [hostileNew]);
    const html = formatDiffHtml(diffDatasets(await loadDataset(oldDir), await loadDataset(newDir)));
    expect(html).not.toContain('<script>window');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });
});

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli.ts'), ...args], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('chronique diff exit status (as diff(1))', () => {
  it('is 0 when identical, 1 when different (text, --json, --html), 2 on error', () => {
    const same = cli('diff', path.join(work, 'old'), path.join(work, 'old'));
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('identical');

    const htmlFile = path.join(work, 'diff.html');
    const different = cli('diff', path.join(work, 'old'), path.join(work, 'new'), '--json', '--html', htmlFile);
    expect(different.status).toBe(1);
    const json = JSON.parse(different.stdout) as { identical: boolean; events: { removed: Array<{ id: string }> } };
    expect(json.identical).toBe(false);
    expect(json.events.removed.map((e) => e.id)).toEqual(['ev_probe']);

    expect(cli('diff', path.join(work, 'old'), path.join(work, 'does-not-exist')).status).toBe(2);
    expect(cli('diff', path.join(work, 'old')).status).toBe(2);
  });

  it('writes a readable HTML page with --html', async () => {
    const html = await fs.readFile(path.join(work, 'diff.html'), 'utf8');
    expect(html).toContain('id="events-removed"');
    expect(html).toContain('time.value: 2022-07-13 → 2022-07');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  });
});

describe('diff of two runs with different configurations', () => {
  it('shows the articles a wider language setting processes', async () => {
    const corpus = path.join(work, 'corpus');
    await fs.mkdir(corpus, { recursive: true });
    await fs.writeFile(path.join(corpus, 'fr.txt'), 'date 2024-03-05 Nomination\nLe conseil a nommé Marie Curie directrice le 4 mars 2024. Elle prendra ses fonctions en avril.\n');
    await fs.writeFile(path.join(corpus, 'en.txt'), 'date 2024-03-05 Appointment\nThe board appointed Marie Curie as director on Monday. She will start in April, the company said.\n');
    const stages = [languageStage, segmentStage, datesStage];
    const run = async (accept: string[], out: string): Promise<string> => {
      const pipeline = await Pipeline.create(resolveConfig({ language: { accept }, run: { progress: false } }), stages);
      await runCorpus(pipeline, corpus, out);
      return out;
    };
    const frOnly = await run(['fr'], path.join(work, 'run-fr'));
    const frEn = await run(['fr', 'en'], path.join(work, 'run-fr-en'));
    const diff = diffDatasets(await loadDataset(frOnly), await loadDataset(frEn));
    expect(diff.identical).toBe(false);
    expect(diff.articles.changed).toEqual([{ id: 'en.txt', changes: expect.arrayContaining([{ field: 'status', old: 'skipped', new: 'ok' }]) }]);
    expect(diff.sentences.added).toBeGreaterThanOrEqual(2);
    expect(diff.perArticle.map((a) => a.article)).toEqual(['en.txt']);
    expect(cli('diff', frOnly, frEn).status).toBe(1);
  });
});
