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
  /** CPU time (user + system, all threads) of the best round by CPU: less disturbed by other processes than wall time. */
  cpuSeconds: number;
  /** Per round: sequence tokens (special tokens included), tokens computed (with padding), inference calls. */
  realTokens: number;
  computedTokens: number;
  calls: number;
  /** Share of the best round's wall time spent inside inference calls. */
  inferenceShare: number;
  /** Real tokens per CPU second (the figure compared with the GEMM bound). */
  tokensPerCpuSecond: number;
  sentencesPerSecond: number;
  wordsPerSecond: number;
}

export interface NerBenchOptions {
  ner: Omit<TaggerSettings, 'batchSize'>;
  batchSizes: readonly number[];
  /** Sentences per measurement (the first N of Sequoia test). */
  sentences: number;
  rounds: number;
  /**
   * Word tokenizations cached from earlier rounds are kept (as across a corpus run, where most words were seen in
   * earlier articles); by default every round starts with empty caches (text new to the runtime).
   */
  warmCaches?: boolean;
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
    let bestCpu = Infinity;
    let inferenceShare = 0;
    let words = 0;
    for (let round = 0; round < options.rounds; round++) {
      if (!options.warmCaches) tagger.clearCaches(); // every round tokenizes the text as unseen
      tagger.resetStats();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const analyses = await tagger.analyze(set.text, sentences);
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
      if (seconds < best) {
        best = seconds;
        inferenceShare = tagger.stats.inferenceMs / 1000 / seconds;
      }
      words = analyses.reduce((n, a) => n + a.words.length, 0);
    }
    const { realTokens, computedTokens, calls } = tagger.stats;
    await tagger.dispose();
    rows.push({ batchSize, sentences: sentences.length, seconds: best, cpuSeconds: bestCpu, realTokens, computedTokens, calls, inferenceShare, tokensPerCpuSecond: realTokens / bestCpu, sentencesPerSecond: sentences.length / best, wordsPerSecond: words / best });
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
    .option('--warm-caches', 'keep word tokenizations from earlier rounds (default: every round sees the text as new)')
    .parse();
  const o = program.opts<{ model: string; dtype: string; threads: string; batches: string; sentences: string; rounds: string; json?: string; warmCaches?: boolean }>();
  if (o.dtype !== 'auto' && o.dtype !== 'q8' && o.dtype !== 'fp32') throw new Error(`--dtype must be auto, q8 or fp32, got ${o.dtype}`);
  const ner = { modelDir: path.resolve(o.model), dtype: o.dtype, threads: Number(o.threads), maxSequenceTokens: DEFAULT_CONFIG.ner.maxSequenceTokens } as const;
  const rows = await benchNer({ ner, batchSizes: o.batches.split(',').map(Number), sentences: Number(o.sentences), rounds: Number(o.rounds), warmCaches: Boolean(o.warmCaches) });
  console.log(`NER throughput — model ${ner.modelDir}, dtype ${ner.dtype}, ${ner.threads} threads, Sequoia test sentences`);
  console.log('  batch  sentences  seconds  CPU s  sentences/s  words/s  tokens/sentence  padding  calls  in inference  tokens/CPU s');
  for (const r of rows) {
    console.log(`  ${String(r.batchSize).padStart(5)}  ${String(r.sentences).padStart(9)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.cpuSeconds.toFixed(2).padStart(5)}  ${r.sentencesPerSecond.toFixed(1).padStart(11)}  ${r.wordsPerSecond.toFixed(0).padStart(7)}  ${(r.realTokens / r.sentences).toFixed(1).padStart(15)}  ${(100 * (1 - r.realTokens / r.computedTokens)).toFixed(1).padStart(5)} %  ${String(r.calls).padStart(5)}  ${(100 * r.inferenceShare).toFixed(0).padStart(10)} %  ${r.tokensPerCpuSecond.toFixed(0).padStart(12)}`);
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
