/**
 * `npm run data:selftrain`: silver NER training sentences from raw modern news (self-training).
 *
 * The shipped model tags the `raw-fr/orangesum-news` articles (segmented by the pipeline's own segmenter); a
 * sentence is kept only when the model is confident about every word, and names are made consistent within each
 * article: a surface form the model tagged confidently (and with one type only) in the article is labelled with that
 * type wherever else it occurs there untagged. That second step is what teaches the next model names in contexts it
 * did not recognize them in (`chez Tesla`, `l'action Tesla`), instead of copying its own blind spots.
 *
 * Writes `data/ner/selftrain-news.jsonl` (the rows of `data/ner/train.jsonl`: id, source, tokens, tags, spaceAfter,
 * text). Sentences whose text occurs in an evaluation set are never written. Read by `python -m training.finetune --extra`.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_CONFIG, PACKAGE_ROOT } from '../../src/config.js';
import type { Span } from '../../src/document.js';
import type { Word } from '../../src/ner/align.js';
import { NerTagger, type NerSpan } from '../../src/ner/tagger.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { corporaDir } from '../eval/corpora.js';
import type { NerSentence } from './prepare-data.js';

export interface SelfTrainSettings {
  /** Every word's most probable tag must have at least this probability. */
  minWordProbability: number;
  /** A span's score (mean probability of its type) needed to propagate its surface form in the article. */
  minPropagationScore: number;
  /** Sentence length bounds, in words. */
  minWords: number;
  maxWords: number;
  /** Keep at most this share of sentences without any entity (they teach little but `O`). */
  emptyShare: number;
}

export const DEFAULT_SELF_TRAIN: SelfTrainSettings = {
  minWordProbability: 0.9,
  minPropagationScore: 0.95,
  minWords: 6,
  maxWords: 70,
  emptyShare: 0.1,
};

interface TaggedSentence {
  words: Word[];
  tags: string[];
  confident: boolean;
}

/** Capitalized surface forms of at least two letters: propagation never spreads common words. */
function propagatable(surface: string): boolean {
  return /^\p{Lu}/u.test(surface) && surface.replace(/[^\p{L}\p{N}]/gu, '').length >= 2;
}

/**
 * Labels untagged occurrences of `names` (surface → type, single-word or multi-word, matched on whole words) as
 * entities of that type. Longer names first, so that `Elon Musk` wins over `Musk`.
 */
export function propagateNames(sentence: TaggedSentence, text: string, names: ReadonlyMap<string, string>): number {
  const byLength = [...names.entries()].map(([surface, type]) => ({ surface, type, words: surface.split(' ').length }));
  byLength.sort((a, b) => b.words - a.words || (a.surface < b.surface ? -1 : 1));
  let added = 0;
  const { words, tags } = sentence;
  for (const { surface, type, words: n } of byLength) {
    for (let i = 0; i + n <= words.length; i++) {
      if (!tags.slice(i, i + n).every((t) => t === 'O')) continue;
      if (text.slice(words[i]!.start, words[i + n - 1]!.end).replace(/\s+/g, ' ') !== surface) continue;
      // The name must not be part of a longer capitalized sequence the model chose to leave out.
      const next = words[i + n];
      if (next && next.start === words[i + n - 1]!.end) continue;
      for (let k = 0; k < n; k++) tags[i + k] = (k === 0 ? 'B-' : 'I-') + type;
      added++;
    }
  }
  return added;
}

function spanTags(words: readonly Word[], spans: readonly NerSpan[]): string[] {
  const tags = words.map(() => 'O');
  for (const span of spans) {
    let first = true;
    words.forEach((w, i) => {
      if (w.start >= span.start && w.end <= span.end) {
        tags[i] = (first ? 'B-' : 'I-') + span.type;
        first = false;
      }
    });
  }
  return tags;
}

/** Tags one article's sentences; returns the kept ones as training rows. */
export async function selfTrainArticle(
  tagger: NerTagger,
  id: string,
  text: string,
  settings: SelfTrainSettings,
  exclude: ReadonlySet<string>,
  random: () => number,
): Promise<{ rows: NerSentence[]; propagated: number; sentences: number }> {
  const sentences: Span[] = segmentSentences(text, { start: 0, end: text.length }).filter((s) => s.end > s.start);
  const analyses = await tagger.analyze(text, sentences);
  const tagged: TaggedSentence[] = analyses.map((a) => ({
    words: a.words,
    tags: spanTags(a.words, a.spans),
    confident: a.logProbs.every((lp) => Math.exp(Math.max(...lp)) >= settings.minWordProbability),
  }));
  // Surface → type, from confident spans only; a surface seen with two types is ambiguous and dropped.
  const names = new Map<string, string | null>();
  analyses.forEach((a) => {
    for (const span of a.spans) {
      if (span.type === 'DATE' || span.score < settings.minPropagationScore) continue;
      const surface = text.slice(span.start, span.end).replace(/\s+/g, ' ');
      if (!propagatable(surface)) continue;
      const known = names.get(surface);
      names.set(surface, known === undefined || known === span.type ? span.type : null);
    }
  });
  const consistent = new Map([...names].filter((entry): entry is [string, string] => entry[1] !== null));
  let propagated = 0;
  const rows: NerSentence[] = [];
  tagged.forEach((sentence, i) => {
    propagated += propagateNames(sentence, text, consistent);
    const { words, tags } = sentence;
    if (!sentence.confident || words.length < settings.minWords || words.length > settings.maxWords) return;
    const sentenceText = text.slice(sentences[i]!.start, sentences[i]!.end);
    if (exclude.has(sentenceText)) return;
    if (!tags.some((t) => t !== 'O') && random() >= settings.emptyShare) return;
    rows.push({
      id: `${id}#${i}`,
      source: 'selftrain-news',
      tokens: words.map((w) => text.slice(w.start, w.end)),
      tags,
      spaceAfter: words.map((w, k) => k + 1 < words.length && words[k + 1]!.start > w.end),
      text: sentenceText,
    });
  });
  return { rows, propagated, sentences: sentences.length };
}

/** Articles of an OrangeSum file: blocks separated by blank lines. */
async function* readArticles(file: string): AsyncGenerator<{ line: number; text: string }> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let block: string[] = [];
  let first = 1;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') {
      if (block.length) yield { line: first, text: block.join('\n') };
      block = [];
      first = n + 1;
    } else {
      block.push(line);
    }
  }
  if (block.length) yield { line: first, text: block.join('\n') };
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function main(): Promise<void> {
  const program = new Command('data:selftrain')
    .description('Silver NER sentences from raw-fr news, labelled by the shipped model (self-training)')
    .option('--model <dir>', 'model folder', DEFAULT_CONFIG.ner.modelDir)
    .option('--articles <n>', 'articles to read (in file order)', '6000')
    .option('--min-word-prob <p>', 'confidence needed on every word', String(DEFAULT_SELF_TRAIN.minWordProbability))
    .option('--out <file>', 'output JSONL', path.join(PACKAGE_ROOT, 'data', 'ner', 'selftrain-news.jsonl'))
    .parse();
  const opts = program.opts<{ model: string; articles: string; minWordProb: string; out: string }>();
  const settings: SelfTrainSettings = { ...DEFAULT_SELF_TRAIN, minWordProbability: Number(opts.minWordProb) };
  const newsDir = path.join(corporaDir(), 'raw-fr', 'orangesum-news');
  const files = readdirSync(newsDir).filter((f) => f.endsWith('.txt')).sort();
  // Evaluation sentences (Sequoia test, HIPE test) must never reach training, even by coincidence.
  const exclude = new Set<string>();
  for (const f of ['sequoia-test.jsonl', 'hipe2020-test.jsonl']) {
    const p = path.join(PACKAGE_ROOT, 'data', 'ner', 'eval', f);
    if (existsSync(p)) for (const l of readFileSync(p, 'utf8').split('\n')) if (l) exclude.add((JSON.parse(l) as NerSentence).text);
  }
  const tagger = await NerTagger.load({ ...DEFAULT_CONFIG.ner, modelDir: path.resolve(opts.model) });
  const random = seededRandom(20261129);
  const limit = Number(opts.articles);
  const rows: NerSentence[] = [];
  let articles = 0;
  let sentences = 0;
  let propagated = 0;
  const started = performance.now();
  outer: for (const file of files) {
    for await (const article of readArticles(path.join(newsDir, file))) {
      if (articles >= limit) break outer;
      articles++;
      const result = await selfTrainArticle(tagger, `${file}:${article.line}`, article.text, settings, exclude, random);
      rows.push(...result.rows);
      sentences += result.sentences;
      propagated += result.propagated;
      if (articles % 500 === 0) {
        console.log(`${articles} articles, ${sentences} sentences, ${rows.length} kept, ${propagated} names propagated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
  }
  await tagger.dispose();
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const entities: Record<string, number> = {};
  for (const r of rows) for (const t of r.tags) if (t.startsWith('B-')) entities[t.slice(2)] = (entities[t.slice(2)] ?? 0) + 1;
  console.log(`${articles} articles, ${sentences} sentences → ${rows.length} kept (${(100 * rows.length / Math.max(1, sentences)).toFixed(1)} %), ${propagated} names propagated; entities ${JSON.stringify(entities)}; wrote ${opts.out}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
