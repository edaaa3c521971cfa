/**
 * `npx tsx bench/events-stage-bench.ts [--scale 1|4|16] [--repeat N] [--no-ner]`: the events stage alone, in process.
 * The earlier stages (with the NER model unless --no-ner) run once over the bench corpus and their documents are
 * kept in a git-ignored cache file (bench/corpus/events-stage-<mode>.json, keyed by the corpus stamp and the code of
 * those stages is not part of it: delete it after changing them); then the events stage runs `repeat` times over
 * copies of them and the script prints its CPU time per sentence (median over repeats) and the event count.
 * A timing script, not a test: report it with the load average, the CPU is shared.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { resolveConfig } from '../src/config.js';
import type { Document } from '../src/document.js';
import { listCorpusFiles } from '../src/ingest/walk.js';
import { readCorpusFile } from '../src/ingest/read.js';
import { defaultStages, Pipeline } from '../src/pipeline.js';
import { createEventsStage } from '../src/stages/events.js';
import { BENCH_CORPUS_DIR, ensureBenchCorpus, type Scale } from './corpus.js';

async function prepared(scale: Scale, ner: boolean): Promise<Document[]> {
  const cacheFile = path.join(BENCH_CORPUS_DIR, `events-stage-x${scale}-${ner ? 'ner' : 'noner'}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as Document[];
  const dir = ensureBenchCorpus().scaleDir(scale);
  const config = resolveConfig({ ner: { enabled: ner }, run: { workers: 0 } });
  const stages = defaultStages().filter((s) => s.name !== 'events');
  const pipeline = await Pipeline.create(config, stages);
  const docs: Document[] = [];
  const { files } = await listCorpusFiles(dir);
  for (const file of files) {
    for (const doc of await readCorpusFile(file, config.run.maxFileBytes)) {
      await pipeline.process(doc);
      if (doc.status === 'ok' && doc.language?.code === 'fr') docs.push(doc);
    }
  }
  await pipeline.dispose();
  writeFileSync(cacheFile, JSON.stringify(docs));
  return docs;
}

async function main(): Promise<void> {
  const o = new Command().option('--scale <n>', 'bench corpus scale', '1').option('--repeat <n>', 'runs of the events stage', '5').option('--no-ner', 'documents without model mentions').parse().opts<{ scale: string; repeat: string; ner: boolean }>();
  const docs = await prepared(Number(o.scale) as Scale, o.ner);
  const stage = createEventsStage({ provenance: { pipeline: 'bench', model: null, model_sha256: null, config_hash: '' } });
  await stage.init({ config: resolveConfig() });
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  const times: number[] = [];
  let events = 0;
  for (let r = 0; r < Number(o.repeat); r++) {
    const copies = docs.map((d) => structuredClone(d));
    const t0 = process.cpuUsage();
    events = 0;
    for (const doc of copies) {
      stage.run(doc);
      events += doc.events.length;
    }
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`documents ${docs.length}, sentences ${sentences}, events ${events}`);
  console.log(`events stage CPU: median ${median.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}), ${((median / sentences) * 1000).toFixed(1)} µs/sentence; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

await main();
