/**
 * JSONL streaming benchmark: peak RSS of a whole rules-only run (`--no-ner`'s stages) over the same records in one
 * JSONL file and in 20 files, and over one large feed (100 MB by default). Each run is a child process, so that its
 * peak RSS (`process.resourceUsage().maxRSS`) is its own. The records are generated (French news-like sentences with
 * distinct numbers and names), nothing is read from the repository's corpora.
 *
 *   npx tsx bench/jsonl-bench.ts [--records 20000] [--feed-mb 100] [--concurrency 2]
 * `--feed-mb 0` skips the large feed.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveConfig } from '../src/config.js';
import { defaultStages, Pipeline } from '../src/pipeline.js';
import { runCorpus } from '../src/runner/run-corpus.js';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '20000' },
    'feed-mb': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '2' },
    // Internal: one measured run (corpus folder, output folder), its figures as JSON on stdout.
    child: { type: 'string' },
    out: { type: 'string' },
  },
});

const CITIES = ['Lyon', 'Marseille', 'Lille', 'Nantes', 'Rennes', 'Dijon', 'Brest', 'Nancy', 'Metz', 'Tours'];
const PEOPLE = ['Jean Dupont', 'Marie Curie', 'Paul Martin', 'Claire Petit', 'Louis Bernard', 'Sophie Durand'];

/** One record of about `bytes` bytes of text: sentences with a date, a place, a person and a number each. */
function record(index: number, bytes: number): string {
  const sentences: string[] = [];
  let length = 0;
  for (let k = 0; length < bytes; k++) {
    const n = index * 7 + k;
    const sentence = `Le ${1 + (n % 28)} mars 2024, ${PEOPLE[n % PEOPLE.length]} a inauguré à ${CITIES[n % CITIES.length]} une école de ${100 + (n % 900)} élèves, a annoncé la préfecture mardi.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return JSON.stringify({ id: `art-${index}`, title: `Dépêche ${index}`, published: '2024-03-05', text: sentences.join(' ') });
}

async function writeLines(file: string, from: number, to: number, bytes: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file);
  for (let i = from; i < to; i++) {
    if (!stream.write(`${record(i, bytes)}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

interface Measured {
  articles: number;
  ok: number;
  error: number;
  maxRssKb: number;
  wallMs: number;
}

function measure(corpus: string, out: string): Measured {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', corpus, '--out', out, '--concurrency', args.concurrency], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}

const mib = (kb: number): string => `${(kb / 1024).toFixed(0)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const records = Number(args.records);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-jsonl-bench-'));
  try {
    const recordBytes = 500;
    await writeLines(path.join(work, 'one', 'feed.jsonl'), 0, records, recordBytes);
    const perFile = Math.ceil(records / 20);
    for (let f = 0; f < 20; f++) await writeLines(path.join(work, 'twenty', `feed-${String(f).padStart(2, '0')}.jsonl`), f * perFile, Math.min(records, (f + 1) * perFile), recordBytes);
    const oneSize = (await fs.stat(path.join(work, 'one', 'feed.jsonl'))).size;
    console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores)`);
    const one = measure(path.join(work, 'one'), path.join(work, 'one-out'));
    console.log(`${records} records in 1 JSONL file (${(oneSize / 1e6).toFixed(1)} MB): peak RSS ${mib(one.maxRssKb)}, ${one.ok} ok / ${one.error} error, ${seconds(one.wallMs)}`);
    const twenty = measure(path.join(work, 'twenty'), path.join(work, 'twenty-out'));
    console.log(`${records} records in 20 JSONL files: peak RSS ${mib(twenty.maxRssKb)}, ${twenty.ok} ok / ${twenty.error} error, ${seconds(twenty.wallMs)}`);
    console.log(`one file vs 20 files: ${(((one.maxRssKb - twenty.maxRssKb) / twenty.maxRssKb) * 100).toFixed(1)} % peak RSS`);
    const feedMb = Number(args['feed-mb']);
    if (feedMb > 0) {
      const feedRecordBytes = 5000;
      const feedRecords = Math.ceil((feedMb * 1e6) / (feedRecordBytes + 120));
      await writeLines(path.join(work, 'big', 'feed.jsonl'), 0, feedRecords, feedRecordBytes);
      const size = (await fs.stat(path.join(work, 'big', 'feed.jsonl'))).size;
      const big = measure(path.join(work, 'big'), path.join(work, 'big-out'));
      console.log(`one ${(size / 1e6).toFixed(1)} MB JSONL feed (${feedRecords} records, --max-file-mb 10 default): peak RSS ${mib(big.maxRssKb)}, ${big.ok} ok / ${big.error} error, ${seconds(big.wallMs)}`);
    }
    console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function child(corpus: string, out: string): Promise<void> {
  const config = resolveConfig({ ner: { enabled: false }, run: { progress: false, concurrency: Number(args.concurrency), workers: 0 } });
  const pipeline = await Pipeline.create(config, defaultStages());
  const summary = await runCorpus(pipeline, corpus, out);
  await pipeline.dispose();
  const measured: Measured = { articles: summary.articles, ok: summary.ok, error: summary.error, maxRssKb: process.resourceUsage().maxRSS, wallMs: summary.wallMs };
  console.log(JSON.stringify(measured));
}

if (args.child) await child(args.child, args.out ?? `${args.child}-out`);
else await main();
