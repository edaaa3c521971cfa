/**
 * `npx tsx bench/lang-throughput.ts [--articles N] [--rounds R]`: per-sentence cost of English articles against French
 * ones through the default stages (the shipped French model for French; compromise, chrono-node and the English rules
 * for English), in one process, articles one at a time. French: the Wikinews articles of
 * ../shared/corpora/wikinews-fr-100 (HTML); English: TimeBank documents (../shared/corpora/english/timebank, with their
 * DCT as publication date). Prints, per language, sentences, wall ms and process CPU ms per sentence (best of R rounds,
 * after a warm-up round), and the English/French ratio. CPU time counts every thread of the process, so other jobs on
 * a shared machine skew it less than the wall clock; state the machine's load with the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../src/config.js';
import type { Document } from '../src/document.js';
import { parseCorpusText } from '../src/ingest/parse.js';
import { Pipeline } from '../src/pipeline.js';
import { corporaDir } from '../tools/eval/corpora.js';
import { loadEnglishTimebank } from '../tools/eval/dates-en-eval.js';

const arg = (name: string, fallback: number): number => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const limit = arg('--articles', 60);
const rounds = arg('--rounds', 3);

function frenchInputs(): Array<{ path: string; content: string }> {
  const dir = path.join(corporaDir(), 'wikinews-fr-100', 'documents');
  return readdirSync(dir).filter((f) => f.endsWith('.html')).sort().slice(0, limit).map((f) => ({ path: f, content: readFileSync(path.join(dir, f), 'utf8') }));
}

function englishInputs(): Array<{ path: string; content: string }> {
  return loadEnglishTimebank().slice(0, limit).map((d) => ({ path: `${d.id}.txt`, content: `date ${d.dct.slice(0, 10)} ${d.id}\n${d.text.trim()}\n` }));
}

interface Round {
  sentences: number;
  wallMs: number;
  cpuMs: number;
  articles: number;
}

async function measure(pipeline: Pipeline, inputs: Array<{ path: string; content: string }>, language: string): Promise<Round> {
  const round: Round = { sentences: 0, wallMs: 0, cpuMs: 0, articles: 0 };
  for (const input of inputs) {
    const docs: Document[] = parseCorpusText(input.path, input.content).filter((d) => d.status === 'ok');
    for (const doc of docs) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await pipeline.process(doc);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (doc.status !== 'ok' || doc.language?.code !== language) continue;
      round.articles += 1;
      round.sentences += doc.sentences.length;
      round.wallMs += wall;
      round.cpuMs += (used.user + used.system) / 1000;
    }
  }
  return round;
}

async function main(): Promise<void> {
  const pipeline = await Pipeline.create(resolveConfig({ run: { progress: false } }));
  const sets = [
    { language: 'fr', inputs: frenchInputs() },
    { language: 'en', inputs: englishInputs() },
  ];
  const best = new Map<string, Round>();
  for (let r = 0; r <= rounds; r += 1) {
    for (const set of sets) {
      const result = await measure(pipeline, set.inputs, set.language);
      // Round 0 warms up the model session, the regexes and compromise's lexicon.
      if (r === 0) continue;
      const previous = best.get(set.language);
      if (!previous || result.cpuMs < previous.cpuMs) best.set(set.language, result);
    }
  }
  await pipeline.dispose();
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs; best of ${rounds} rounds`);
  const per = (ms: number, n: number): string => (n ? (ms / n).toFixed(2) : '-');
  for (const [language, r] of best) {
    console.log(`  ${language}: ${r.articles} articles, ${r.sentences} sentences, wall ${per(r.wallMs, r.sentences)} ms/sentence, CPU ${per(r.cpuMs, r.sentences)} ms/sentence`);
  }
  const fr = best.get('fr');
  const en = best.get('en');
  if (fr && en && fr.sentences && en.sentences) {
    console.log(`  English / French per sentence: wall ${((en.wallMs / en.sentences) / (fr.wallMs / fr.sentences)).toFixed(2)}×, CPU ${((en.cpuMs / en.sentences) / (fr.cpuMs / fr.sentences)).toFixed(2)}×`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
