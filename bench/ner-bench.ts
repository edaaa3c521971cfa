/**
 * NER stage throughput: sentences per second of the runtime (tokenization, alignment, inference, decoding) on
 * the Sequoia NE test sentences, for several batch sizes. Each round starts with empty tokenization caches
 * (the text is new to the runtime); the JIT is warmed up on a few sentences first. Prints a table; `--json FILE` also writes it.
 *
 *   npx tsx bench/ner-bench.ts [--model DIR] [--dtype q8|fp32] [--threads N] [--batches 1,8,32,64] [--sentences N] [--rounds R]
 *
 * `benchNer()` is exported for the benchmark suite. Corpora come from CHRONIQUE_CORPORA (default ../shared/corpora).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_CONFIG } from '../src/config.js';
import { corporaDir } from '../tools/eval/corpora.js';
import { evalSetFromTokens, type EvalSet } from '../tools/eval/ner-eval.js';
import { NerTagger, type TaggerSettings } from '../src/ner/tagger.js';
import { readSequoia } from '../tools/training/prepare-data.js';

export interface NerBenchRow {
  batchSize: number;
  sentences: number;
  /** Best of the rounds (least disturbed by other processes). */
  seconds: number;
  sentencesPerSecond: number;
  wordsPerSecond: number;
}

export interface NerBenchOptions {
  ner: Omit<TaggerSettings, 'batchSize'>;
  batchSizes: readonly number[];
  /** Sentences per measurement (the first N of Sequoia test). */
  sentences: number;
  rounds: number;
}

export function sequoiaTestSet(): EvalSet {
  return evalSetFromTokens('Sequoia NE test', readSequoia(path.join(corporaDir(), 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.test'), 'sequoia-test'));
}

export async function benchNer(options: NerBenchOptions, set: EvalSet = sequoiaTestSet()): Promise<NerBenchRow[]> {
  const sentences = set.sentences.slice(0, options.sentences);
  const rows: NerBenchRow[] = [];
  for (const batchSize of options.batchSizes) {
    const tagger = await NerTagger.load({ ...options.ner, batchSize });
    await tagger.analyze(set.text, sentences.slice(0, Math.max(batchSize, 8))); // warm-up
    let best = Infinity;
    let words = 0;
    for (let round = 0; round < options.rounds; round++) {
      tagger.clearCaches(); // every round tokenizes the text as unseen
      const started = performance.now();
      const analyses = await tagger.analyze(set.text, sentences);
      best = Math.min(best, (performance.now() - started) / 1000);
      words = analyses.reduce((n, a) => n + a.words.length, 0);
    }
    await tagger.dispose();
    rows.push({ batchSize, sentences: sentences.length, seconds: best, sentencesPerSecond: sentences.length / best, wordsPerSecond: words / best });
  }
  return rows;
}

async function main(): Promise<void> {
  const program = new Command()
    .name('ner-bench')
    .option('--model <dir>', 'model folder', DEFAULT_CONFIG.ner.modelDir)
    .option('--dtype <dtype>', "'auto', 'q8' or 'fp32'", DEFAULT_CONFIG.ner.dtype)
    .option('--threads <n>', 'ONNX Runtime intra-op threads', String(DEFAULT_CONFIG.ner.threads))
    .option('--batches <list>', 'batch sizes', '1,8,32,64')
    .option('--sentences <n>', 'sentences per measurement', '456')
    .option('--rounds <n>', 'measurements per batch size (best kept)', '2')
    .option('--json <file>', 'also write the rows as JSON')
    .parse();
  const o = program.opts<{ model: string; dtype: string; threads: string; batches: string; sentences: string; rounds: string; json?: string }>();
  if (o.dtype !== 'auto' && o.dtype !== 'q8' && o.dtype !== 'fp32') throw new Error(`--dtype must be auto, q8 or fp32, got ${o.dtype}`);
  const ner = { modelDir: path.resolve(o.model), dtype: o.dtype, threads: Number(o.threads), maxSequenceTokens: DEFAULT_CONFIG.ner.maxSequenceTokens } as const;
  const rows = await benchNer({ ner, batchSizes: o.batches.split(',').map(Number), sentences: Number(o.sentences), rounds: Number(o.rounds) });
  console.log(`NER throughput — model ${ner.modelDir}, dtype ${ner.dtype}, ${ner.threads} threads, Sequoia test sentences`);
  console.log('  batch  sentences  seconds  sentences/s  words/s');
  for (const r of rows) {
    console.log(`  ${String(r.batchSize).padStart(5)}  ${String(r.sentences).padStart(9)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.sentencesPerSecond.toFixed(1).padStart(11)}  ${r.wordsPerSecond.toFixed(0).padStart(7)}`);
  }
  if (o.json) {
    mkdirSync(path.dirname(o.json), { recursive: true });
    writeFileSync(o.json, `${JSON.stringify({ model: path.relative(process.cwd(), ner.modelDir) || ner.modelDir, dtype: ner.dtype, threads: ner.threads, rows }, null, 2)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
