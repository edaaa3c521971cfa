/**
 * Where a cold start goes, measured inside a fresh process (run built: `node dist/bench/cold-probe.js …`):
 *   boot      process start → this module runs (Node itself)
 *   imports   loading every module the CLI loads (transformers.js and onnxruntime-node included)
 *   create    Pipeline.create: every stage's init, the NER model load among them
 *   first     runCorpus over a one-article corpus: read, all stages, dataset written and committed
 * With `--model-only`, only the NER model load (NerTagger.load) after the imports is timed.
 * Prints one JSON object on stdout. Only dynamic imports below, so that the module loading is what is timed.
 *
 *   node dist/bench/cold-probe.js --corpus DIR --out DIR [--model DIR] [--no-ner] [--model-only]
 */
import { parseArgs } from 'node:util';
import path from 'node:path';

export interface ColdProbeReport {
  mode: 'full' | 'model-only';
  bootMs: number;
  importsMs: number;
  /** Pipeline.create (full) or NerTagger.load (model-only). */
  loadMs: number;
  /** runCorpus over the one-article corpus (full only). */
  firstArticleMs: number | null;
  stageMs: Record<string, number>;
  stages: string[];
  totalMs: number;
  /** CPU time (user + system, all threads) of each phase, in ms: less disturbed than wall time on a busy machine. */
  cpuMs: { boot: number; imports: number; load: number; firstArticle: number | null };
}

function cpuSince(start?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const bootMs = performance.now();
  const bootCpu = process.cpuUsage();
  // CPU used before this module ran: Node's own start.
  const bootCpuMs = (bootCpu.user + bootCpu.system) / 1000;
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, 'no-ner': { type: 'boolean' }, 'model-only': { type: 'boolean' } },
  });
  // The CLI module pulls in everything a `chronique run` loads; its main() does not start when imported.
  await import('../src/cli.js');
  const { resolveConfig } = await import('../src/config.js');
  const { Pipeline } = await import('../src/pipeline.js');
  const { runCorpus } = await import('../src/runner/run-corpus.js');
  const { NerTagger } = await import('../src/ner/tagger.js');
  const importsDone = performance.now();
  const importsCpu = cpuSince(bootCpu);
  const loadStartCpu = process.cpuUsage();
  const config = resolveConfig({ ner: { enabled: !values['no-ner'], ...(values.model ? { modelDir: path.resolve(values.model) } : {}) }, run: { progress: false } });

  let report: ColdProbeReport;
  if (values['model-only']) {
    const tagger = await NerTagger.load(config.ner);
    const loaded = performance.now();
    const loadCpu = cpuSince(loadStartCpu);
    await tagger.dispose();
    report = { mode: 'model-only', bootMs, importsMs: importsDone - bootMs, loadMs: loaded - importsDone, firstArticleMs: null, stageMs: {}, stages: [], totalMs: loaded, cpuMs: { boot: bootCpuMs, imports: importsCpu, load: loadCpu, firstArticle: null } };
  } else {
    if (!values.corpus || !values.out) throw new Error('--corpus and --out are required');
    const pipeline = await Pipeline.create(config);
    const created = performance.now();
    const loadCpu = cpuSince(loadStartCpu);
    const firstStartCpu = process.cpuUsage();
    const summary = await runCorpus(pipeline, path.resolve(values.corpus), path.resolve(values.out), {}, { cache: 'force' });
    const done = performance.now();
    const firstCpu = cpuSince(firstStartCpu);
    await pipeline.dispose();
    if (summary.ok < 1) throw new Error(`the one-article corpus did not give an ok article (${summary.error} errors)`);
    report = {
      mode: 'full',
      bootMs,
      importsMs: importsDone - bootMs,
      loadMs: created - importsDone,
      firstArticleMs: done - created,
      stageMs: summary.stageMs,
      stages: pipeline.stages.map((stage) => stage.name),
      totalMs: done,
      cpuMs: { boot: bootCpuMs, imports: importsCpu, load: loadCpu, firstArticle: firstCpu },
    };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`cold-probe: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
});
