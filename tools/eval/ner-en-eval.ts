/**
 * `npm run eval:ner-en`: strict span P/R/F1 (seqeval conventions, PER/ORG/LOC/MISC and micro average) of the English
 * entity engine on
 *  - WikiNEuRal English test (`english/wikineural-en-test.conllu`, silver, 11,597 sentences),
 *  - wikigold (`english/wikigold-en.conllu`, gold, 1,841 sentences).
 * Each sentence is rebuilt as text by joining its tokens with spaces (the files carry no raw text) and run on its own.
 * `--model-en DIR` also scores a BYO English ONNX NER folder through the runtime loader (same label mapping as French).
 * `--limit N` scores the first N sentences of each set. Prints sentences/s (machine load varies: say so when quoting).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { findEnglishEntities } from '../../src/lang/en/entities.js';
import { MENTION_TYPES, isMentionType } from '../../src/ner/labels.js';
import { NerTagger } from '../../src/ner/tagger.js';
import type { NerSentence } from '../training/prepare-data.js';
import { corporaDir } from './corpora.js';
import { evalSetFromTokens, type EvalSet } from './ner-eval.js';
import { countMatches, summarize, type Counts, type PredictedEntity, type Scores } from './ner-score.js';

/** `index<TAB>token<TAB>tag` lines, a blank line between sentences (the WikiNEuRal release format). */
export function readConllu(file: string, limit = Infinity): NerSentence[] {
  const out: NerSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length > 0 && out.length < limit) {
      out.push({ id: `${path.basename(file)}#${out.length}`, source: path.basename(file), tokens, tags, spaceAfter: tokens.map(() => true), text: tokens.join(' ') });
    }
    tokens = [];
    tags = [];
  };
  for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 3) throw new Error(`${file}:${n + 1}: expected index<TAB>token<TAB>tag`);
    tokens.push(cols[1]!);
    tags.push(cols[2]!.trim());
  }
  flush();
  return out;
}

type Predict = (set: EvalSet) => Promise<PredictedEntity[]>;

const compromisePredict: Predict = async (set) => set.sentences.flatMap((s) => findEnglishEntities(set.text, s).map((e) => ({ start: e.start, end: e.end, label: e.label })));

function modelPredict(tagger: NerTagger): Predict {
  return async (set) => {
    const spans = await tagger.tag(set.text, set.sentences);
    return spans.flat().filter((s) => isMentionType(s.type)).map((s) => ({ start: s.start, end: s.end, label: s.type }));
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

async function score(set: EvalSet, name: string, predict: Predict): Promise<{ micro: Scores; perType: Record<string, Scores>; perSecond: number }> {
  const started = performance.now();
  const predicted = await predict(set);
  const seconds = (performance.now() - started) / 1000;
  const byType = new Map<string, Counts>();
  countMatches(set.gold, predicted, MENTION_TYPES, byType);
  const { perType, micro } = summarize(byType, MENTION_TYPES);
  console.log(`\n${set.name} — ${name}: ${set.sentences.length} sentences, ${micro.support} gold entities, ${(set.sentences.length / seconds).toFixed(0)} sentences/s`);
  console.log('  type        P      R     F1   support');
  for (const [type, s] of Object.entries(perType)) console.log(`  ${type.padEnd(8)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.support).padStart(6)}`);
  console.log(`  ${'micro'.padEnd(8)} ${pct(micro.precision)}  ${pct(micro.recall)}  ${pct(micro.f1)}  ${String(micro.support).padStart(6)}`);
  return { micro, perType, perSecond: set.sentences.length / seconds };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const modelDir = args.includes('--model-en') ? args[args.indexOf('--model-en') + 1] : undefined;
  const dir = path.join(corporaDir(), 'english');
  const sets = [
    evalSetFromTokens('WikiNEuRal-en test', readConllu(path.join(dir, 'wikineural-en-test.conllu'), limit)),
    evalSetFromTokens('wikigold', readConllu(path.join(dir, 'wikigold-en.conllu'), limit)),
  ];
  const tagger = modelDir ? await NerTagger.load({ ...DEFAULT_CONFIG.ner, modelDir: path.resolve(modelDir) }) : null;
  for (const set of sets) {
    await score(set, 'compromise + lexicon', compromisePredict);
    if (tagger) await score(set, `model ${path.basename(modelDir!)}`, modelPredict(tagger));
  }
  await tagger?.dispose();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
