/**
 * The seed article and its gold annotation as a Document: gold sentences, entities and time expressions in the
 * document layers, so that later stages (events) can be measured on their own logic. Paths: the seed text is the
 * project's `corpus/karpathy-2024-03.txt`; the gold lives in `../shared/gold` (env CHRONIQUE_SHARED overrides `../shared`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/config.js';
import type { Document } from '../../src/document.js';
import type { EntityLabel, Granularity, TimexMod, TimexType } from '../../src/vocabulary.js';
import { parseCorpusText } from '../../src/ingest/parse.js';

export interface GoldEvent {
  id: string;
  sentence: number;
  type: string;
  trigger: string;
  participants: Record<string, string>;
  time: string | null;
}

export interface GoldTimex {
  sentence: number;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod?: TimexMod;
  also_ok?: string[];
  /** False where the gold value is not scored. */
  score_value?: boolean;
  optional?: boolean;
}

export interface SeedGold {
  published: string;
  title: string;
  sentences: Array<{ start: number; end: number; kind: 'title' | 'body'; index: number; text: string }>;
  entities: Array<{ sentence: number; start: number; end: number; text: string; label: EntityLabel; optional?: boolean }>;
  timexes: GoldTimex[];
  events: GoldEvent[];
}

export const SEED_ARTICLE_ID = 'karpathy-2024-03.txt';

export function sharedDir(): string {
  return process.env.CHRONIQUE_SHARED ?? path.resolve(PACKAGE_ROOT, '..', 'shared');
}

export function loadSeedGold(): SeedGold {
  return JSON.parse(readFileSync(path.join(sharedDir(), 'gold', 'karpathy-2024-03.gold.json'), 'utf8')) as SeedGold;
}

export function loadSeedText(): string {
  return readFileSync(path.join(PACKAGE_ROOT, 'corpus', SEED_ARTICLE_ID), 'utf8');
}

/** The seed as ingestion reads it (meta, title and body spans), with no analysis layers. */
export function seedDocument(): Document {
  const doc = parseCorpusText(SEED_ARTICLE_ID, loadSeedText())[0];
  if (!doc) throw new Error('seed article could not be parsed');
  return doc;
}

function granularityOf(value: string): Granularity {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  if (value.startsWith('P')) return 'duration';
  return 'unknown';
}

/** The seed with the gold sentences, entities (as mentions) and time expressions as its layers. */
export function seedDocumentWithGoldLayers(gold: SeedGold = loadSeedGold()): Document {
  const doc = seedDocument();
  doc.sentences = gold.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, kind: s.kind }));
  doc.mentions = gold.entities.map((e) => ({ sentence: e.sentence, start: e.start, end: e.end, label: e.label, score: 1, source: 'rules' as const }));
  doc.timexes = gold.timexes.map((t) => ({
    sentence: t.sentence,
    start: t.start,
    end: t.end,
    type: t.type,
    value: t.value,
    granularity: granularityOf(t.value),
    mod: t.mod ?? null,
    anchor: 'absolute' as const,
    source: 'rules' as const,
  }));
  return doc;
}
