/**
 * Scale-out bench: the same corpus through a local run (1, 2, 3 pipelines: main thread, then the worker pool) and
 * through the queue (a coordinator here plus 1, 2, 3 `chronique worker` processes, one pipeline each), against a
 * redis-server started for the bench. Per configuration: wall time of the run proper (pipelines already loaded),
 * articles/s, CPU seconds of the coordinator, the workers and Redis, and Redis commands and bytes per article. Every
 * queue dataset is checked byte-identical to the local one. The figures feed README "Scaling out".
 *
 *   npx tsx bench/queue-bench.ts [--no-ner] [--articles N] [--model DIR] [--rounds R]
 *
 * Default corpus: the ×1 bench corpus (bench/corpus.ts; 209 articles), or its first N files with --articles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { resolveConfig, type ChroniqueConfig } from '../src/config.js';
import { DATASET_FILES } from '../src/dataset/records.js';
import { Pipeline, type DocumentProcessor } from '../src/pipeline.js';
import { WorkerPool } from '../src/pool/worker-pool.js';
import { QueueCoordinator } from '../src/queue/coordinator.js';
import { runCorpus, type RunSummary } from '../src/runner/run-corpus.js';
import { startRedisServer, type RedisServer } from '../test/helpers/redis-server.js';
import { ensureBenchCorpus } from './corpus.js';

const { values: args } = parseArgs({
  options: { ner: { type: 'boolean', default: true }, 'no-ner': { type: 'boolean' }, articles: { type: 'string' }, model: { type: 'string' }, rounds: { type: 'string', default: '1' } },
});
const ner = !args['no-ner'];
const REPO = path.resolve(import.meta.dirname, '..');
const CLK_TCK = 100;

function config(concurrency: number, workers = 0): ChroniqueConfig {
  return resolveConfig({ ner: { enabled: ner, threads: 1, ...(args.model ? { modelDir: path.resolve(args.model) } : {}) }, run: { progress: false, concurrency, workers } });
}

/** CPU seconds (user + system, all threads) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

const ownCpu = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function digest(out: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of DATASET_FILES) hash.update(await fs.readFile(path.join(out, `${file}.jsonl`)));
  return hash.digest('hex');
}

interface Row {
  name: string;
  pipelines: number;
  wallS: number;
  articlesPerS: number;
  cpu: { coordinator: number; workers: number; redis: number };
  redis?: { commandsPerArticle: number; evalshaPerArticle: number; inKBPerArticle: number; outKBPerArticle: number; peakMemoryMB: number };
  identical: boolean;
}

async function redisStats(client: Redis): Promise<{ commands: number; evalsha: number; inBytes: number; outBytes: number; peak: number }> {
  const stats = await client.info('stats');
  const commandstats = await client.info('commandstats');
  const memory = await client.info('memory');
  const field = (text: string, name: string): number => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return {
    commands: field(stats, 'total_commands_processed'),
    evalsha: Number(/^cmdstat_evalsha:calls=(\d+)/m.exec(commandstats)?.[1] ?? 0),
    inBytes: field(stats, 'total_net_input_bytes'),
    outBytes: field(stats, 'total_net_output_bytes'),
    peak: field(memory, 'used_memory_peak'),
  };
}

async function localRun(corpus: string, out: string, pipelines: number): Promise<{ summary: RunSummary; cpu: number }> {
  const processor: DocumentProcessor = pipelines === 1 ? await Pipeline.create(config(2)) : await WorkerPool.create(config(pipelines, pipelines));
  const before = ownCpu();
  try {
    const summary = await runCorpus(processor, corpus, out, {}, { cache: 'force' });
    return { summary, cpu: ownCpu() - before };
  } finally {
    await processor.dispose();
  }
}

async function startWorkers(redis: RedisServer, count: number): Promise<ChildProcess[]> {
  const flags = [...(ner ? [] : ['--no-ner']), ...(args.model ? ['--model', path.resolve(args.model)] : [])];
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src', 'cli.ts'), 'worker', '--queue', redis.url, '--concurrency', '1', '--threads', '1', ...flags], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
      let log = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => log.includes(': ready:') && (clearInterval(timer), resolve()), 50);
        child.once('exit', (code) => (clearInterval(timer), reject(new Error(`worker exited (${code}):\n${log}`))));
      });
      return child;
    }),
  );
}

async function queueRun(redis: RedisServer, client: Redis, corpus: string, out: string, workers: ChildProcess[]) {
  const coordinator = await QueueCoordinator.create(config(64), { queue: redis.url, outDir: out, log: () => undefined });
  const redisPid = redis.process.pid!;
  // Counters from zero: the deltas of this run alone.
  await client.config('RESETSTAT');
  const before = { own: ownCpu(), workers: workers.map((child) => cpuSeconds(child.pid!)), redis: cpuSeconds(redisPid) };
  try {
    const summary = await runCorpus(coordinator, corpus, out, {}, { cache: 'force' });
    const stats = await redisStats(client);
    return {
      summary,
      cpu: {
        coordinator: ownCpu() - before.own,
        workers: workers.reduce((sum, child, index) => sum + cpuSeconds(child.pid!) - before.workers[index]!, 0),
        redis: cpuSeconds(redisPid) - before.redis,
      },
      stats,
    };
  } finally {
    await coordinator.dispose();
  }
}

async function main(): Promise<void> {
  const bench = ensureBenchCorpus();
  let corpus = bench.scaleDir(1);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-queue-bench-'));
  if (args.articles) {
    // The first N files in id order, copied as they are.
    const subset = path.join(work, 'corpus');
    const all: string[] = [];
    const walk = async (dir: string, prefix: string): Promise<void> => {
      for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), path.join(prefix, entry.name));
        else all.push(path.join(prefix, entry.name));
      }
    };
    await walk(corpus, '');
    for (const file of all.slice(0, Number(args.articles))) {
      await fs.mkdir(path.dirname(path.join(subset, file)), { recursive: true });
      await fs.copyFile(path.join(corpus, file), path.join(subset, file));
    }
    corpus = subset;
  }
  const load = os.loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`corpus ${corpus}${args.articles ? ` (first ${args.articles} files)` : ''}, NER ${ner ? 'on' : 'off'}, ${os.availableParallelism()} cores, load average at start ${load}`);
  const redis = await startRedisServer();
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  const rows: Row[] = [];
  let reference = '';
  try {
    for (let round = 1; round <= Number(args.rounds); round += 1) {
      for (const pipelines of [1, 2, 3]) {
        const out = path.join(work, `local-${pipelines}`);
        const { summary, cpu } = await localRun(corpus, out, pipelines);
        const bytes = await digest(out);
        reference ||= bytes;
        rows.push({ name: `local, ${pipelines} pipeline(s)`, pipelines, wallS: summary.wallMs / 1000, articlesPerS: summary.articles / (summary.wallMs / 1000), cpu: { coordinator: cpu, workers: 0, redis: 0 }, identical: bytes === reference });
        console.log(JSON.stringify(rows.at(-1)));
      }
      for (const count of [1, 2, 3]) {
        const workers = await startWorkers(redis, count);
        try {
          const out = path.join(work, `queue-${count}`);
          const { summary, cpu, stats } = await queueRun(redis, client, corpus, out, workers);
          const n = summary.articles;
          rows.push({
            name: `queue, coordinator + ${count} worker(s)`,
            pipelines: count,
            wallS: summary.wallMs / 1000,
            articlesPerS: n / (summary.wallMs / 1000),
            cpu,
            redis: { commandsPerArticle: stats.commands / n, evalshaPerArticle: stats.evalsha / n, inKBPerArticle: stats.inBytes / n / 1024, outKBPerArticle: stats.outBytes / n / 1024, peakMemoryMB: stats.peak / 1024 / 1024 },
            identical: (await digest(out)) === reference,
          });
          console.log(JSON.stringify(rows.at(-1)));
        } finally {
          for (const child of workers) child.kill('SIGTERM');
          await Promise.all(workers.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
        }
      }
    }
  } finally {
    client.disconnect();
    await redis.stop();
    if (!process.env.KEEP_BENCH_OUTPUT) await fs.rm(work, { recursive: true, force: true });
  }
  console.log('\n| configuration | pipelines | wall s | articles/s | CPU s coordinator / workers / Redis | Redis cmds/article (EVALSHA) | KB in/out per article | same bytes |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const redisCells = row.redis ? `${row.redis.commandsPerArticle.toFixed(1)} (${row.redis.evalshaPerArticle.toFixed(1)}) | ${row.redis.inKBPerArticle.toFixed(1)} / ${row.redis.outKBPerArticle.toFixed(1)}` : '– | –';
    console.log(`| ${row.name} | ${row.pipelines} | ${row.wallS.toFixed(2)} | ${row.articlesPerS.toFixed(2)} | ${row.cpu.coordinator.toFixed(2)} / ${row.cpu.workers.toFixed(2)} / ${row.cpu.redis.toFixed(2)} | ${redisCells} | ${row.identical ? 'yes' : 'NO'} |`);
  }
  const local = (n: number) => rows.filter((row) => row.name.startsWith('local') && row.pipelines === n);
  const queue = (n: number) => rows.filter((row) => row.name.startsWith('queue') && row.pipelines === n);
  for (const n of [1, 2, 3]) {
    const best = (list: Row[]) => Math.min(...list.map((row) => row.wallS));
    console.log(`overhead at ${n} pipeline(s): queue ${best(queue(n)).toFixed(2)} s vs local ${best(local(n)).toFixed(2)} s → ${(((best(queue(n)) - best(local(n))) / best(local(n))) * 100).toFixed(1)} %`);
  }
  const last = queue(3).at(-1) ?? queue(1).at(-1);
  if (last?.redis) {
    const n = last.articlesPerS * last.wallS;
    console.log(`per article: coordinator CPU ${((last.cpu.coordinator / n) * 1000).toFixed(2)} ms, Redis CPU ${((last.cpu.redis / n) * 1000).toFixed(2)} ms, worker CPU ${((last.cpu.workers / n) * 1000).toFixed(1)} ms`);
  }
  console.log(`load average at end ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
}

await main();
