/**
 * `npm run eval:segment`: boundary precision / recall / F1 of the sentence segmenter on
 *  - the seed article (corpus/karpathy-2024-03.txt against ../shared/gold/karpathy-2024-03.gold.json), and
 *  - Sequoia (../shared/corpora/sequoia-ne, CoNLL-U with gold sentences): each genre (sent_id prefix) is rebuilt as one
 *    running text from its `# text` lines in sent_id order, joined by a single space. Many Sequoia "sentences" are
 *    headings or list items without final punctuation; joined by a space they leave no trace in the text, so the
 *    eval also reports a variant where a sentence without final punctuation is followed by a line break instead,
 *    as a heading is in a real article.
 * for three engines: the rule scanner (src/segment/sentences.ts, the one the pipeline uses), Intl.Segmenter alone, and
 * Intl.Segmenter + repairs (tools/eval/segment-intl.ts). It prints each engine's speed and the rule scanner's misses.
 *
 * A boundary is the start offset of every sentence but the first of its region (title and body are separate
 * regions), so P/R/F1 count internal boundaries only. Corpora come from CHRONIQUE_CORPORA (default ../shared/corpora
 * next to the repository); the gold file from ../gold next to the corpora folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../src/config.js';
import type { Span } from '../../src/document.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { corporaDir } from './corpora.js';
import { segmentSentencesIntl, segmentSentencesIntlRaw } from './segment-intl.js';

export type Segmenter = (text: string, region: Span) => Span[];

export interface EvalDocument {
  id: string;
  text: string;
  /** Regions segmented independently (for the seed: title, then body). */
  regions: Span[];
  /** Gold internal boundaries (sentence starts, first sentence of each region excluded). */
  gold: number[];
  /** Of `gold`, those after a sentence without final punctuation (a heading, a list item, a `;` end). */
  unmarked?: number[];
}

export interface BoundaryScores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  document: string;
  offset: number;
  kind: 'missed' | 'spurious';
  context: string;
}


export const SEED_PATH = path.join(PACKAGE_ROOT, 'corpus', 'karpathy-2024-03.txt');

export function seedGoldPath(): string {
  return path.resolve(corporaDir(), '..', 'gold', 'karpathy-2024-03.gold.json');
}

/** The header line `date YYYY-MM <title>`: the title text, and the body after the line. */
export function seedRegions(text: string): { title: Span | null; body: Span } {
  const header = /^[ \t]*date[ \t]+\d{4}(?:-\d{2}){0,2}[ \t]+([^\r\n]*?)[ \t]*(\r?\n|$)/.exec(text);
  if (!header?.[1]) return { title: null, body: { start: 0, end: text.length } };
  const titleStart = header[0].indexOf(header[1]);
  return { title: { start: titleStart, end: titleStart + header[1].length }, body: { start: header[0].length, end: text.length } };
}

interface GoldSentence {
  start: number;
  end: number;
  kind: 'title' | 'body';
}

export function loadSeed(): EvalDocument {
  const text = readFileSync(SEED_PATH, 'utf8');
  const gold = JSON.parse(readFileSync(seedGoldPath(), 'utf8')) as { sentences: GoldSentence[] };
  const { title, body } = seedRegions(text);
  const bodyStarts = gold.sentences.filter((s) => s.kind === 'body').map((s) => s.start).sort((a, b) => a - b);
  return { id: 'karpathy-2024-03', text, regions: title ? [title, body] : [body], gold: bodyStarts.slice(1) };
}

const SEQUOIA_FILES = ['train', 'dev', 'test'].map((split) => `sequoia-ud.parseme.frsemcor.${split}`);
const ENDS_WITH_PUNCTUATION = /[.!?…]["»”')]*$/;

/**
 * Sequoia as running text, one document per sent_id prefix (genre). `headingsOnOwnLine`: a sentence without final
 * punctuation is followed by `\n` instead of a space.
 */
export function loadSequoia(headingsOnOwnLine = false): EvalDocument[] {
  const dir = path.join(corporaDir(), 'sequoia-ne');
  const byDocument = new Map<string, Array<{ number: number; text: string }>>();
  for (const file of SEQUOIA_FILES) {
    let id = '';
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.startsWith('# sent_id = ')) id = line.slice('# sent_id = '.length).trim();
      else if (line.startsWith('# text = ')) {
        const split = /^(.*)_(\d+)$/.exec(id);
        const documentId = split?.[1] ?? id;
        const list = byDocument.get(documentId) ?? [];
        list.push({ number: Number(split?.[2] ?? 0), text: line.slice('# text = '.length).trim() });
        byDocument.set(documentId, list);
      }
    }
  }
  const documents: EvalDocument[] = [];
  for (const [id, sentences] of [...byDocument].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    sentences.sort((a, b) => a.number - b.number);
    let text = '';
    const starts: number[] = [];
    const unmarked: number[] = [];
    for (const sentence of sentences) {
      if (text.length > 0) {
        const marked = ENDS_WITH_PUNCTUATION.test(text);
        text += headingsOnOwnLine && !marked ? '\n' : ' ';
        if (!marked) unmarked.push(text.length);
      }
      starts.push(text.length);
      text += sentence.text;
    }
    documents.push({ id, text, regions: [{ start: 0, end: text.length }], gold: starts.slice(1), unmarked });
  }
  return documents;
}

/** Internal boundaries a segmenter predicts for a document. */
export function predictBoundaries(segment: Segmenter, document: EvalDocument): number[] {
  const boundaries: number[] = [];
  for (const region of document.regions) {
    const spans = segment(document.text, region);
    for (let i = 1; i < spans.length; i++) boundaries.push(spans[i]?.start ?? 0);
  }
  return boundaries;
}

export function scoreBoundaries(segment: Segmenter, documents: EvalDocument[], misses?: Miss[]): BoundaryScores {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const document of documents) {
    const gold = new Set(document.gold);
    const predicted = new Set(predictBoundaries(segment, document));
    for (const offset of predicted) {
      if (gold.has(offset)) truePositives++;
      else {
        falsePositives++;
        misses?.push({ document: document.id, offset, kind: 'spurious', context: contextAt(document.text, offset) });
      }
    }
    for (const offset of gold) {
      if (!predicted.has(offset)) {
        falseNegatives++;
        misses?.push({ document: document.id, offset, kind: 'missed', context: contextAt(document.text, offset) });
      }
    }
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

function contextAt(text: string, offset: number): string {
  return JSON.stringify(`${text.slice(Math.max(0, offset - 45), offset)}‖${text.slice(offset, offset + 30)}`);
}

/** Sentences per second over the documents, repeated until at least `minMs` of work. */
export function measureSpeed(segment: Segmenter, documents: EvalDocument[], minMs = 300): number {
  let sentences = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const document of documents) for (const region of document.regions) sentences += segment(document.text, region).length;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return sentences / (elapsed / 1000);
}

const ENGINES: Array<{ name: string; segment: Segmenter }> = [
  { name: 'rules (pipeline)', segment: segmentSentences },
  { name: 'Intl.Segmenter + repairs', segment: segmentSentencesIntl },
  { name: 'Intl.Segmenter alone', segment: segmentSentencesIntlRaw },
];

function formatScores(s: BoundaryScores): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  return `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
}

function main(): void {
  const maxMisses = Number(process.env.SEGMENT_EVAL_MAX_MISSES ?? 80);
  const sets: Array<{ name: string; documents: EvalDocument[] }> = [
    { name: 'seed karpathy-2024-03', documents: [loadSeed()] },
    { name: 'Sequoia (space-joined)', documents: loadSequoia(false) },
    { name: 'Sequoia (headings on own line)', documents: loadSequoia(true) },
  ];
  for (const set of sets) {
    const goldCount = set.documents.reduce((n, d) => n + d.gold.length, 0);
    const unmarkedCount = set.documents.reduce((n, d) => n + (d.unmarked?.length ?? 0), 0);
    const unmarkedNote = unmarkedCount > 0 ? `, ${unmarkedCount} of them after a sentence without final punctuation` : '';
    console.log(`\n== ${set.name}: ${set.documents.length} document(s), ${goldCount} gold boundaries${unmarkedNote}`);
    for (const engine of ENGINES) console.log(`  ${engine.name.padEnd(26)} ${formatScores(scoreBoundaries(engine.segment, set.documents))}`);
    if (unmarkedCount > 0) {
      // Recall on the boundaries the text marks with punctuation, i.e. what a segmenter can see in space-joined text.
      const marked = set.documents.map((d) => ({ ...d, gold: d.gold.filter((g) => !d.unmarked?.includes(g)) }));
      const misses: Miss[] = [];
      const scores = scoreBoundaries(segmentSentences, marked, misses);
      const missedMarked = misses.filter((m) => m.kind === 'missed').length;
      console.log(`  rules recall on punctuation-marked boundaries: ${(100 * (1 - missedMarked / (scores.truePositives + scores.falseNegatives))).toFixed(2)} % (${missedMarked} missed)`);
    }
    if (set.documents.length > 1) {
      for (const document of set.documents) {
        console.log(`    rules on ${document.id.padEnd(16)} ${formatScores(scoreBoundaries(segmentSentences, [document]))}`);
      }
    }
  }
  console.log('\n== speed (sentences/s, Sequoia documents, single thread)');
  const speedDocuments = [...loadSequoia(true), loadSeed()];
  for (const engine of ENGINES) console.log(`  ${engine.name.padEnd(26)} ${Math.round(measureSpeed(engine.segment, speedDocuments)).toLocaleString('en-US')}`);

  for (const set of sets.slice(0, 3)) {
    const misses: Miss[] = [];
    scoreBoundaries(segmentSentences, set.documents, misses);
    console.log(`\n== rules: misses on ${set.name} (${misses.length}${misses.length > maxMisses ? `, first ${maxMisses}` : ''}; ‖ marks the offset)`);
    for (const miss of misses.slice(0, maxMisses)) console.log(`  ${miss.kind.padEnd(8)} ${miss.document}@${miss.offset} ${miss.context}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
