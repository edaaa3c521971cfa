import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/audit/dataset.js';
import { diffDatasetDirs, diffDatasets, type DiffReport, type RecordChange, type RecordKind } from '../../src/audit/diff.js';
import { formatDiffHtml, formatDiffJson, formatDiffText } from '../../src/audit/diff-format.js';
import { resolveConfig } from '../../src/config.js';
import { Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { createDatesStage } from '../../src/stages/dates.js';
import { createLanguageStage } from '../../src/stages/language.js';
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

const records = (diff: DiffReport, kind: RecordKind, change?: RecordChange['change']): RecordChange[] => diff.records.filter((r) => r.kind === kind && (change === undefined || r.change === change));
const ids = (rows: RecordChange[]): Array<string | null> => rows.map((r) => r.id);

describe('diffDatasets on hand-written datasets', () => {
  it('finds no difference between a dataset and itself', async () => {
    const dir = await writeDataset(path.join(work, 'same'), oldSide());
    const diff = diffDatasets(await loadDataset(dir), await loadDataset(dir));
    expect(diff.identical).toBe(true);
    expect(diff.mode).toBe('same-texts');
    expect(diff.counts.events).toEqual({ old: 5, new: 5, added: 0, removed: 0, changed: 0, retyped: 0, unchanged: 5 });
    expect(diff.perArticle).toEqual([]);
    expect(diff.records).toEqual([]);
    expect(formatDiffText(diff)).toContain('identical');
  });

  it('pairs events by span and type, then by span across types, and reports field-level changes', async () => {
    const oldDir = await writeDataset(path.join(work, 'old'), oldSide());
    const newDir = await writeDataset(path.join(work, 'new'), newSide());
    const diff = diffDatasets(await loadDataset(oldDir), await loadDataset(newDir), { confidenceThreshold: 0.05 });
    expect(diff.identical).toBe(false);
    expect(diff.articles).toMatchObject({ old: 2, new: 3, added: 1, removed: 0, edited: 0, sameText: 2 });
    expect(ids(records(diff, 'events', 'added'))).toEqual(['ev_found']);
    expect(ids(records(diff, 'events', 'removed'))).toEqual(['ev_probe']);
    // ev_said got a new id at the same place, with a confidence move under the threshold: paired, unchanged.
    expect(diff.counts.events).toEqual({ old: 5, new: 5, added: 1, removed: 1, changed: 2, retyped: 1, unchanged: 1 });
    const changed = new Map(records(diff, 'events').filter((r) => r.change === 'changed' || r.change === 'retyped').map((r) => [r.id, r]));
    expect([...changed.keys()].sort()).toEqual(['ev_leave', 'ev_meet_v2', 'ev_nominate']);
    const leave = changed.get('ev_leave')!;
    expect(leave.match).toBe('identity');
    expect(leave.fields.map((c) => c.field)).toEqual(['arguments', 'time.value']);
    expect(leave.fields[0]!.old).toEqual(['organization=Tesla (ORG) "Tesla" [25,30)']);
    expect(leave.fields[0]!.new).toEqual([]);
    expect(leave.fields[1]).toEqual({ field: 'time.value', old: '2022-07-13', new: '2022-07' });
    const meet = changed.get('ev_meet_v2')!;
    expect(meet).toMatchObject({ change: 'retyped', match: 'span', oldType: 'Contact.Meet', type: 'Contact.Statement', oldId: 'ev_meet' });
    expect(meet.fields).toEqual([{ field: 'type', old: 'Contact.Meet', new: 'Contact.Statement' }]);
    expect(changed.get('ev_nominate')!.fields).toEqual([{ field: 'confidence', old: 0.8, new: 0.95 }]);

    expect(records(diff, 'mentions', 'added').map((m) => (m.new as { text: string }).text)).toEqual(['Altman']);
    expect(records(diff, 'mentions', 'removed').map((m) => (m.old as { text: string }).text)).toEqual(['Musk']);
    const paris = records(diff, 'mentions', 'retyped');
    expect(paris.map((c) => [(c.new as { text: string }).text, c.fields])).toEqual([['Paris', [{ field: 'label', old: 'LOC', new: 'ORG' }]]]);
    expect(records(diff, 'timexes', 'changed').map((c) => c.fields)).toEqual([[{ field: 'value', old: '2021-08', new: '2021-08-01' }]]);
    expect(records(diff, 'entities', 'added').map((e) => (e.new as { canonical: string }).canonical)).toEqual(['Altman']);
    expect(records(diff, 'entities', 'removed').map((e) => (e.old as { canonical: string }).canonical)).toEqual(['Musk']);

    const perType = new Map(diff.perType.events.map((t) => [t.type, t]));
    expect(perType.get('Contact.Statement')).toMatchObject({ old: 1, new: 2, added: 0, removed: 0, changed: 0, unchanged: 1, retypedIn: 1, retypedOut: 0 });
    expect(perType.get('Contact.Meet')).toMatchObject({ old: 1, new: 0, retypedOut: 1 });
    expect(perType.get('Justice.Investigate')).toMatchObject({ old: 1, new: 0, removed: 1 });
    expect(perType.get('Justice.Investigate')!.examples).toEqual([expect.stringContaining('- Justice.Investigate "enquête"')]);
    expect(diff.perArticle.map((a) => [a.article, a.status, a.counts.events])).toEqual([
      ['a.txt', 'same-text', { old: 4, new: 3, added: 0, removed: 1, changed: 1, retyped: 1, unchanged: 1 }],
      ['b.txt', 'same-text', { old: 1, new: 1, added: 0, removed: 0, changed: 1, retyped: 0, unchanged: 0 }],
      ['c.txt', 'added', { old: 0, new: 1, added: 1, removed: 0, changed: 0, retyped: 0, unchanged: 0 }],
    ]);

    const text = formatDiffText(diff);
    // The summary leads: counts per kind, then per type, then the records.
    expect(text.indexOf('unchanged')).toBeLessThan(text.indexOf('events per type'));
    expect(text.indexOf('events per type')).toBeLessThan(text.indexOf('records ('));
    expect(text).toContain('time.value: 2022-07-13 → 2022-07');
    expect(text).toContain('type: Contact.Meet → Contact.Statement');
    expect(text).toContain('(was Contact.Meet)');
    expect(text).toContain('- events ev_probe Justice.Investigate');
  });

  it('honours the confidence threshold', async () => {
    const diff = diffDatasets(await loadDataset(path.join(work, 'old')), await loadDataset(path.join(work, 'new')), { confidenceThreshold: 0.2 });
    expect(ids(records(diff, 'events').filter((r) => r.change === 'changed' || r.change === 'retyped')).sort()).toEqual(['ev_leave', 'ev_meet_v2']);
  });

  it('writes --json record by record, byte for byte JSON.stringify', async () => {
    const diff = diffDatasets(await loadDataset(path.join(work, 'old')), await loadDataset(path.join(work, 'new')));
    expect(diff.records.length).toBeGreaterThan(1);
    expect(formatDiffJson(diff)).toBe(`${JSON.stringify(diff, null, 2)}\n`);
    const same = diffDatasets(await loadDataset(path.join(work, 'old')), await loadDataset(path.join(work, 'old')));
    expect(formatDiffJson(same)).toBe(`${JSON.stringify(same, null, 2)}\n`);
  });

  it('gives the same result streaming from the folders as from memory', async () => {
    const fromMemory = diffDatasets(await loadDataset(path.join(work, 'old')), await loadDataset(path.join(work, 'new')));
    const streamed = await diffDatasetDirs(path.join(work, 'old'), path.join(work, 'new'));
    expect({ ...streamed, old: '', new: '' }).toEqual({ ...fromMemory, old: '', new: '' });
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

  it('names the file and line of a row out of article order', async () => {
    const dir = await writeDataset(path.join(work, 'unordered'), oldSide());
    const mentions = (await fs.readFile(path.join(dir, 'mentions.jsonl'), 'utf8')).trimEnd().split('\n');
    await fs.writeFile(path.join(dir, 'mentions.jsonl'), `${[mentions[mentions.length - 1], ...mentions.slice(0, -1)].join('\n')}\n`);
    await expect(diffDatasetDirs(path.join(work, 'old'), dir)).rejects.toThrow(/mentions\.jsonl:\d+: row for article "[ab]\.txt"/);
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
    const json = JSON.parse(different.stdout) as DiffReport;
    expect(json.identical).toBe(false);
    expect(ids(records(json, 'events', 'removed'))).toEqual(['ev_probe']);
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'schema/diff.schema.json'), 'utf8')) as object);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);

    expect(cli('diff', path.join(work, 'old'), path.join(work, 'does-not-exist')).status).toBe(2);
    expect(cli('diff', path.join(work, 'old')).status).toBe(2);
  }, 180_000); // four CLI processes, each compiling TypeScript on start

  it('writes a readable HTML page with --html', async () => {
    const html = await fs.readFile(path.join(work, 'diff.html'), 'utf8');
    expect(html).toContain('id="records"');
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
    const stages = () => [createLanguageStage(), segmentStage, createDatesStage()];
    const run = async (accept: string[], out: string): Promise<string> => {
      const pipeline = await Pipeline.create(resolveConfig({ language: { accept }, run: { progress: false } }), stages());
      await runCorpus(pipeline, corpus, out);
      return out;
    };
    const frOnly = await run(['fr'], path.join(work, 'run-fr'));
    const frEn = await run(['fr', 'en'], path.join(work, 'run-fr-en'));
    const diff = diffDatasets(await loadDataset(frOnly), await loadDataset(frEn));
    expect(diff.identical).toBe(false);
    expect(diff.perArticle.map((a) => [a.article, a.metadata])).toEqual([['en.txt', expect.arrayContaining([{ field: 'status', old: 'skipped', new: 'ok' }])]]);
    expect(diff.counts.sentences.added).toBeGreaterThanOrEqual(2);
    expect(diff.perArticle.map((a) => a.article)).toEqual(['en.txt']);
    expect(cli('diff', frOnly, frEn).status).toBe(1);
  });
});
