/**
 * Incremental-run benchmark on the bench corpus of bench/corpus.ts (wikinews-fr-100 HTML + FR-TimeBank texts +
 * the seed, replicated under distinct ids; git-ignored). Works on a copy in a temporary folder, with the default
 * stages:
 *   1. a full run (cache rebuilt) over the ×4 set (836 articles), 2. a re-run on the unchanged corpus,
 *   3. a run after adding 10 new articles (changed copies) — must process exactly 10.
 * With `--rss`: peak RSS of a whole CLI run over the ×1 and ×8 sets (streaming: memory must stay flat).
 * With `--concurrency-sweep`: full-run time at concurrency 1, 2 and 4.
 *
 *   npx tsx bench/incremental-bench.ts [--scale 4] [--concurrency 2] [--rss] [--concurrency-sweep] [--no-ner]
 *                                      [--model <dir>]
 * `--model` points the ner stage at another model folder.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveConfig, type ChroniqueConfig } from '../src/config.js';
import { Pipeline, defaultStages } from '../src/pipeline.js';
import { runCorpus, type RunOptions, type RunSummary } from '../src/runner/run-corpus.js';
import { ensureBenchCorpus, SCALES, type Scale } from './corpus.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '4' },
    rss: { type: 'boolean', default: false },
    'concurrency-sweep': { type: 'boolean', default: false },
    'no-ner': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
    model: { type: 'string' },
    // Internal: the child process of --rss (one full run, then its peak RSS as JSON on stdout).
    'rss-child': { type: 'string' },
    'rss-out': { type: 'string' },
  },
});

/** The ×1 replica copied `copies` times (r01 … rNN), so that every article keeps a distinct id. */
async function replicate(baseReplica: string, dir: string, copies: number): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  for (let copy = 1; copy <= copies; copy += 1) await fs.cp(baseReplica, path.join(dir, `r${String(copy).padStart(2, '0')}`), { recursive: true });
}

async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

function benchConfig(concurrency: number): ChroniqueConfig {
  return resolveConfig({ run: { progress: false, concurrency }, ner: { enabled: !args['no-ner'], ...(args.model ? { modelDir: path.resolve(args.model) } : {}) } });
}

async function timedRun(pipeline: Pipeline, corpus: string, out: string, cache: RunOptions['cache']): Promise<RunSummary> {
  return runCorpus(pipeline, corpus, out, {}, { cache });
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const stageLine = (summary: RunSummary): string => Object.entries(summary.stageMs).map(([stage, ms]) => `${stage} ${seconds(ms)}`).join(', ');

async function main(): Promise<void> {
  const scale = Number(args.scale) as Scale;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const concurrency = Number(args.concurrency);
  const bench = ensureBenchCorpus({ log: (line) => console.log(line) });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-incremental-bench-'));
  const corpus = path.join(work, 'corpus');
  const out = path.join(work, 'out');
  await fs.cp(bench.scaleDir(scale), corpus, { recursive: true });
  const total = await countFiles(corpus);
  console.log(`corpus: ${total} files (bench corpus ×${scale}, copied to ${corpus}); concurrency ${concurrency}${args['no-ner'] ? '; NER disabled' : ''}`);

  const pipeline = await Pipeline.create(benchConfig(concurrency), defaultStages());
  console.log(`stages: ${pipeline.stages.map((s) => s.name).join(', ')}`);
  const full = await timedRun(pipeline, corpus, out, 'rebuild');
  console.log(`full run:      ${seconds(full.wallMs)} (${full.processed} processed, ok ${full.ok}, skipped ${full.skipped}, error ${full.error}; ${(full.articles / (full.wallMs / 1000)).toFixed(1)} articles/s; stages: ${stageLine(full)})`);
  // Three re-runs: the first one also pays for warming up the reuse path.
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const again = await timedRun(pipeline, corpus, out, 'use');
    console.log(`re-run ${attempt}:      ${seconds(again.wallMs)} (${again.reused} reused, ${again.processed} processed) → ${(full.wallMs / again.wallMs).toFixed(1)}× faster than the full run`);
  }

  // Ten new articles: changed copies of ten wikinews pages (distinct text, so nothing to reuse).
  const added = path.join(corpus, 'zz-added');
  await fs.mkdir(added, { recursive: true });
  const wikinews = path.join(bench.scaleDir(1), 'r01', 'wikinews');
  for (const [index, name] of (await fs.readdir(wikinews)).sort().slice(0, 10).entries()) {
    const html = await fs.readFile(path.join(wikinews, name), 'utf8');
    await fs.writeFile(path.join(added, name), html.replace('</body>', `<p>Mise à jour numéro ${index} de la dépêche.</p></body>`));
  }
  const plus10 = await timedRun(pipeline, corpus, out, 'use');
  console.log(`+10 articles:  ${seconds(plus10.wallMs)} (${plus10.processed} processed, ${plus10.reused} reused)`);
  await pipeline.dispose();

  if (args['concurrency-sweep']) {
    for (const level of [1, 2, 4]) {
      const swept = await Pipeline.create(benchConfig(level), defaultStages());
      const summary = await timedRun(swept, corpus, path.join(work, `out-c${level}`), 'rebuild');
      await swept.dispose();
      console.log(`concurrency ${level}: ${seconds(summary.wallMs)} (${(summary.articles / (summary.wallMs / 1000)).toFixed(1)} articles/s)`);
    }
  }

  if (args.rss) {
    // Peak RSS of a whole process (same stages) over ×1 and ×8 corpora: flat if the batch streams.
    for (const factor of [1, 8]) {
      const rssCorpus = path.join(work, `rss-x${factor}`);
      await replicate(path.join(bench.scaleDir(1), 'r01'), rssCorpus, factor);
      const forwarded = ['--concurrency', String(concurrency), ...(args.model ? ['--model', args.model] : []), ...(args['no-ner'] ? ['--no-ner'] : [])];
      const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--rss-child', rssCorpus, '--rss-out', path.join(work, `rss-out-x${factor}`), ...forwarded], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (child.status !== 0) throw new Error(`rss child failed: ${child.stderr}`);
      const measured = JSON.parse(child.stdout.trim().split('\n').pop()!) as { articles: number; maxRssKb: number; wallMs: number };
      console.log(`peak RSS ×${factor} (${measured.articles} articles): ${(measured.maxRssKb / 1024).toFixed(0)} MiB (run ${seconds(measured.wallMs)})`);
    }
  }
  await fs.rm(work, { recursive: true, force: true });
}

async function rssChild(corpus: string, out: string): Promise<void> {
  const pipeline = await Pipeline.create(benchConfig(Number(args.concurrency)), defaultStages());
  const summary = await timedRun(pipeline, corpus, out, 'force');
  await pipeline.dispose();
  console.log(JSON.stringify({ articles: summary.articles, maxRssKb: process.resourceUsage().maxRSS, wallMs: summary.wallMs }));
}

if (args['rss-child']) await rssChild(args['rss-child'], args['rss-out'] ?? `${args['rss-child']}-out`);
else await main();
