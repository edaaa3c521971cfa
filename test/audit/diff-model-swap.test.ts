/**
 * `chronique diff` between two runs of the same corpus with two weights of the shipped model (int8 and fp32): the
 * texts are the same, so the per-type summary must be exactly what a direct set comparison of the two datasets
 * gives — records keyed by (article, span, type) — computed here independently of the diff's pairing.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type ArticleData, type LoadedDataset } from '../../src/audit/dataset.js';
import { diffDatasetDirs, type DiffReport, type RecordKind } from '../../src/audit/diff.js';
import { formatDiffText } from '../../src/audit/diff-format.js';
import { resolveConfig } from '../../src/config.js';
import { Pipeline, defaultStages } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
let work: string;
/** Two swaps: the fp32 weights for the int8 ones (few differences), and no model at all (rules only: many). */
const SWAPS = [
  { name: 'int8 → fp32', old: 'q8', new: 'fp32' },
  { name: 'int8 → rules only (--no-ner)', old: 'q8', new: 'no-ner' },
  { name: 'built-in triggers → extra triggers (--triggers)', old: 'q8', new: 'triggers' },
] as const;
/** A rules change: `annoncer` re-read as a business event, `confirmer` as a statement, `démentir` as a negated one. */
const EXTRA_TRIGGERS = [
  { lemma: 'annoncer', pos: 'verb', type: 'Business.Start-Org', confidence: 0.95 },
  { lemma: 'confirmer', pos: 'verb', type: 'Contact.Statement', confidence: 0.8 },
  { lemma: 'nomination', pos: 'noun', type: 'Personnel.Elect', confidence: 0.95 },
];
const runs = new Map<string, LoadedDataset>();
const diffs = new Map<string, DiffReport>();

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-diff-swap-'));
  const corpus = path.join(work, 'corpus');
  await writeGeneratedCorpus(corpus, 0, 12);
  await fs.copyFile(path.join(REPO, 'corpus', 'karpathy-2024-03.txt'), path.join(corpus, 'karpathy-2024-03.txt'));
  const triggers = path.join(work, 'triggers.json');
  await fs.writeFile(triggers, JSON.stringify(EXTRA_TRIGGERS));
  for (const run of ['q8', 'fp32', 'no-ner', 'triggers'] as const) {
    const ner = run === 'no-ner' ? { enabled: false } : run === 'triggers' ? {} : { dtype: run };
    const events = run === 'triggers' ? { extraTriggersFile: triggers } : {};
    const pipeline = await Pipeline.create(resolveConfig({ run: { progress: false }, ner, events }), defaultStages());
    await runCorpus(pipeline, corpus, path.join(work, run));
    await pipeline.dispose();
    runs.set(run, await loadDataset(path.join(work, run)));
  }
  // Confidence and scores never count (threshold 1): the direct comparison below compares everything else.
  for (const swap of SWAPS) diffs.set(swap.name, await diffDatasetDirs(path.join(work, swap.old), path.join(work, swap.new), { confidenceThreshold: 1 }));
}, 240_000);

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

type Keyed = { type: string; key: string; content: string };

/** Every record of a dataset as (type, identity key, compared content), independent of src/audit/diff.ts. */
function keyed(data: LoadedDataset, kind: RecordKind, withScores = false): Keyed[] {
  const out: Keyed[] = [];
  const canonical = (a: ArticleData, id: string | null): string | null => (id === null ? null : (a.entities.find((e) => e.id === id)?.canonical ?? id));
  for (const a of data.articles) {
    const id = a.article.id;
    if (kind === 'sentences') for (const s of a.sentences) out.push({ type: s.kind, key: `${id}|${s.start}|${s.end}`, content: s.text });
    if (kind === 'mentions') for (const m of a.mentions) out.push({ type: m.label, key: `${id}|${m.start}|${m.end}`, content: JSON.stringify([m.text, m.sentence, m.source, canonical(a, m.entity), withScores ? m.score : 0]) });
    if (kind === 'timexes') for (const t of a.timexes) out.push({ type: t.type, key: `${id}|${t.start}|${t.end}`, content: JSON.stringify([t.text, t.value, t.mod, t.granularity, t.anchor, t.sentence]) });
    if (kind === 'entities') for (const e of a.entities) out.push({ type: e.label, key: `${id}|${e.canonical}`, content: JSON.stringify(e.mentions) });
    if (kind === 'events') {
      for (const e of a.events) {
        const args = e.arguments.map((arg) => `${arg.role}|${arg.canonical}|${arg.label}|${arg.text}|${arg.start}|${arg.end}`).sort();
        const time = e.time && [e.time.value, e.time.type, e.time.mod, e.time.text];
        const place = e.place && [e.place.canonical, e.place.start, e.place.end];
        out.push({ type: e.type, key: `${id}|${e.trigger.start}|${e.trigger.end}`, content: JSON.stringify([e.trigger.text, e.trigger.lemma, args, time, place, e.polarity, e.modality, e.sentence.index, withScores ? e.confidence : 0]) });
      }
    }
  }
  return out;
}

describe.each(SWAPS)('diff $name on the same corpus', (swap) => {
  it('is a same-texts diff with differences to show', () => {
    const diff = diffs.get(swap.name)!;
    expect(diff.mode).toBe('same-texts');
    expect(diff.articles).toMatchObject({ old: 13, new: 13, edited: 0, sameText: 13 });
    expect(diff.identical).toBe(false);
    process.stdout.write(formatDiffText(diff, { maxItems: 10 }));
  });

  for (const kind of ['events', 'mentions', 'timexes', 'entities', 'sentences'] as const) {
    it(`per-type counts of ${kind} equal a direct set comparison`, () => {
      const diff = diffs.get(swap.name)!;
      const before = keyed(runs.get(swap.old)!, kind);
      const after = keyed(runs.get(swap.new)!, kind);
      const types = [...new Set([...before, ...after].map((r) => r.type))].sort();
      const expected = types.map((type) => {
        const o = new Map(before.filter((r) => r.type === type).map((r) => [r.key, r.content]));
        const n = new Map(after.filter((r) => r.type === type).map((r) => [r.key, r.content]));
        const both = [...o.keys()].filter((k) => n.has(k));
        return {
          type,
          old: o.size,
          new: n.size,
          onlyNew: [...n.keys()].filter((k) => !o.has(k)).length,
          onlyOld: [...o.keys()].filter((k) => !n.has(k)).length,
          bothDiffer: both.filter((k) => o.get(k) !== n.get(k)).length,
          bothSame: both.filter((k) => o.get(k) === n.get(k)).length,
        };
      });
      const actual = diff.perType[kind].map((t) => ({ type: t.type, old: t.old, new: t.new, onlyNew: t.added + t.retypedIn, onlyOld: t.removed + t.retypedOut, bothDiffer: t.changed, bothSame: t.unchanged }));
      expect(actual).toEqual(expected);
    });
  }

  it('counts a confidence or score move as a change at threshold 0, as the direct comparison does', async () => {
    const strict = await diffDatasetDirs(path.join(work, swap.old), path.join(work, swap.new), { confidenceThreshold: 0 });
    for (const kind of ['events', 'mentions'] as const) {
      const before = keyed(runs.get(swap.old)!, kind, true);
      const after = new Map(keyed(runs.get(swap.new)!, kind, true).map((r) => [`${r.type}|${r.key}`, r.content]));
      const differing = before.filter((r) => after.has(`${r.type}|${r.key}`) && after.get(`${r.type}|${r.key}`) !== r.content).length;
      expect(strict.counts[kind].changed, kind).toBe(differing);
    }
  });

  it('shows examples for the types that changed', () => {
    const diff = diffs.get(swap.name)!;
    for (const kind of ['events', 'mentions'] as const) {
      for (const t of diff.perType[kind]) expect(t.examples.length > 0, `${kind} ${t.type}`).toBe(t.added + t.removed + t.changed + t.retypedIn > 0);
    }
  });
});
