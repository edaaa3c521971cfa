/**
 * The project's dev gold of events (gold/events-dev.txt, written by hand following docs/events-guideline.md) and
 * its offset form gold/events-dev.json, which `npm run gold:events` derives: each trigger is located in its sentence
 * (the project's segmentation of the article) and stored as `[start, end)` into the article text, so that the score
 * does not depend on the segmenter. Texts are not stored: French Wikinews is CC BY 2.5 (attribution in gold/README.md);
 * only offsets, the trigger word and short participant names are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/config.js';
import type { Document } from '../../src/document.js';
import { parseCorpusText } from '../../src/ingest/parse.js';
import { corporaDir } from './corpora.js';
import { seedDocument, SEED_ARTICLE_ID } from './seed-gold.js';

export type GoldArgKind = 'name' | 'nominal' | 'pronoun';

export interface DevGoldArgument {
  role: string;
  kind: GoldArgKind;
  /** The phrase as written (nominal) or the entity's canonical name (name, pronoun). */
  text: string;
  /** Canonical name of the named entity the participant is or refers to; null for a nominal with no named referent. */
  entity: string | null;
}

export interface DevGoldEvent {
  article: string;
  sentence: number;
  trigger: string;
  start: number;
  end: number;
  type: string;
  /** Mentions of the same event share a cluster id (article-local); null: a single mention. */
  cluster: string | null;
  core: boolean;
  arguments: DevGoldArgument[];
  /** Accepted TIMEX3 values of the event's own time; empty: the clause gives none. */
  time: string[];
}

export const DEV_GOLD_TEXT = path.join(PACKAGE_ROOT, 'gold', 'events-dev.txt');
export const DEV_GOLD_JSON = path.join(PACKAGE_ROOT, 'gold', 'events-dev.json');

export function wikinewsDir(): string {
  return path.join(corporaDir(), 'wikinews-fr-100', 'documents');
}

/** The article as ingestion reads it (seed from corpus/, Wikinews HTML from the shared corpus). */
export function loadArticle(id: string): Document {
  if (id === SEED_ARTICLE_ID) return seedDocument();
  const file = path.join(wikinewsDir(), id);
  const doc = parseCorpusText(id, readFileSync(file, 'utf8'))[0];
  if (!doc) throw new Error(`${file}: no article`);
  return doc;
}

function parseArgument(spec: string, where: string): DevGoldArgument {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`${where}: participant ${JSON.stringify(spec)} is not role=value`);
  const role = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  if (value.startsWith('@')) return { role, kind: 'pronoun', text: value.slice(1), entity: value.slice(1) };
  if (value.startsWith('~')) {
    const m = /^~(.*?)(?:\{(.+)\})?$/.exec(value)!;
    return { role, kind: 'nominal', text: m[1]!.trim(), entity: m[2]?.trim() ?? null };
  }
  return { role, kind: 'name', text: value, entity: value };
}

interface TextRow {
  article: string;
  sentence: number;
  trigger: string;
  occurrence: number;
  type: string;
  cluster: string | null;
  core: boolean;
  arguments: DevGoldArgument[];
  time: string[];
  line: number;
}

export function parseDevGoldText(text: string, file = DEV_GOLD_TEXT): { articles: string[]; rows: TextRow[] } {
  const rows: TextRow[] = [];
  const articles: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('@articles ')) {
      articles.push(...line.slice('@articles '.length).split(/\s+/).filter((a) => a !== ''));
      return;
    }
    const where = `${file}:${i + 1}`;
    const cells = line.split('|');
    if (cells.length !== 8) throw new Error(`${where}: expected 8 fields, got ${cells.length}`);
    const [article, sentence, trigger, type, cluster, core, participants, time] = cells.map((c) => c.trim()) as [string, string, string, string, string, string, string, string];
    const [word, occ] = trigger.split('@');
    rows.push({
      article,
      sentence: Number(sentence),
      trigger: word!,
      occurrence: occ ? Number(occ) - 1 : 0,
      type,
      cluster: cluster === '-' ? null : cluster,
      core: core === '1',
      arguments: participants === '' ? [] : participants.split(';').map((p) => parseArgument(p, where)),
      time: time === '-' ? [] : time.split('/'),
      line: i + 1,
    });
  });
  for (const row of rows) if (!articles.includes(row.article)) throw new Error(`${file}:${row.line}: article ${row.article} is not in @articles`);
  return { articles, rows };
}

/** Offsets of the nth whole-word, case-insensitive occurrence of `word` in `[from, to)`, or null. */
function locate(text: string, from: number, to: number, word: string, nth: number): [number, number] | null {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")}(?![\\p{L}\\p{N}])`, 'giu');
  const slice = text.slice(from, to);
  let k = 0;
  for (const m of slice.matchAll(re)) {
    if (k++ === nth) return [from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length];
  }
  return null;
}

/** Builds gold/events-dev.json from the text gold (sentences from the project's segmenter). */
export interface DevGold {
  /** Every annotated article, with or without events. */
  articles: string[];
  events: DevGoldEvent[];
}

export async function buildDevGold(): Promise<DevGold> {
  const { articles, rows } = parseDevGoldText(readFileSync(DEV_GOLD_TEXT, 'utf8'));
  const { segmentStage } = await import('../../src/stages/segment.js');
  const docs = new Map<string, Document>();
  const out: DevGoldEvent[] = [];
  for (const row of rows) {
    let doc = docs.get(row.article);
    if (!doc) {
      doc = loadArticle(row.article);
      await segmentStage.run(doc);
      docs.set(row.article, doc);
    }
    const sentence = doc.sentences.find((s) => s.index === row.sentence);
    const span = sentence ? locate(doc.text, sentence.start, sentence.end, row.trigger, row.occurrence) : null;
    if (!span) throw new Error(`${DEV_GOLD_TEXT}:${row.line}: trigger ${JSON.stringify(row.trigger)} not found in sentence ${row.sentence} of ${row.article}`);
    out.push({ article: row.article, sentence: row.sentence, trigger: doc.text.slice(span[0], span[1]), start: span[0], end: span[1], type: row.type, cluster: row.cluster, core: row.core, arguments: row.arguments, time: row.time });
  }
  return { articles, events: out };
}

export function loadDevGold(): DevGold {
  if (!existsSync(DEV_GOLD_JSON)) throw new Error(`${DEV_GOLD_JSON}: missing (npm run gold:events builds it from ${DEV_GOLD_TEXT})`);
  return JSON.parse(readFileSync(DEV_GOLD_JSON, 'utf8')) as DevGold;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  buildDevGold().then(
    (gold) => {
      writeFileSync(DEV_GOLD_JSON, JSON.stringify(gold, null, 1) + '\n');
      console.log(`wrote ${path.relative(process.cwd(), DEV_GOLD_JSON)}: ${gold.events.length} event mentions in ${gold.articles.length} articles`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
