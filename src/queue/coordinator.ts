/**
 * `chronique run … --queue redis://…`: the corpus runner is unchanged (walk, cache, in-order writing, crash-safe
 * commit); only the articles it would process are handed to BullMQ workers instead, one job per article, and their
 * records come back through the queue's event stream. The dataset is therefore written exactly as by a local run.
 *
 * Resuming: a job's id is the article's cache key, so a re-run after a crash re-adds only what is neither cached nor
 * still queued (adding an id already queued is a no-op), and reads results that workers finished meanwhile from the
 * event stream's backlog. Completed jobs are removed at once (`removeOnComplete`): Redis holds the jobs in flight and
 * a bounded event stream (BullMQ trims it to ~10 000 events), not the corpus. When the run ends — committed or
 * stopped — its queue is deleted and it leaves the registry.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChroniqueConfig } from '../config.js';
import { fingerprintHash } from '../dataset/cache.js';
import type { PipelineFingerprint } from '../pipeline.js';
import { documentToRecords, type ArticleRecords } from '../dataset/records.js';
import type { Document } from '../document.js';
import { Pipeline, defaultStages } from '../pipeline.js';
import type { ProcessedRecords, RecordsProcessor } from '../runner/run-corpus.js';
import type { Stage } from '../stages/stage.js';
import { connectQueue, parseQueueAddress, QueueSetupError, type QueueAddress } from './connection.js';
import {
  ARTICLE_JOB,
  QUEUE_PREFIX,
  RUNS_CHANNEL,
  RUNS_KEY,
  articleJobId,
  decodeRecords,
  lockKey,
  processId,
  refusalsKey,
  runQueueName,
  type ArticleJob,
  type ArticleResult,
  type RunRegistration,
} from './protocol.js';

export interface CoordinatorOptions {
  queue: string;
  outDir: string;
  /** Tries per article before it is written as an `error` row. */
  attempts?: number;
  /** First retry delay; doubles at each further attempt. */
  backoffMs?: number;
  /** Module (file URL) exporting `createStages(): Stage[]`; the workers must run the same (the fingerprint says). */
  stagesModule?: string | null;
  /** Milliseconds between progress lines (0: none). */
  progressMs?: number;
  log?: (line: string) => void;
}

interface Pending {
  doc: Document;
  since: number;
  resolve(result: ProcessedRecords): void;
}

interface WorkerStats {
  articles: number;
  /** Sum of the stage times it reported, in ms. */
  stageMs: number;
  first: number;
  last: number;
}

const LOCK_TTL_MS = 15_000;
/** A job unanswered this long is looked up; if it vanished (its event was trimmed away unseen) it is added again. */
const LOST_AFTER_MS = 30_000;

export class QueueCoordinator implements RecordsProcessor {
  readonly queueName: string;
  private readonly pending = new Map<string, Pending>();
  /** Results that arrived for articles not asked for yet (finished while a previous coordinator was down). */
  private readonly backlog = new Map<string, ArticleResult>();
  private readonly workers = new Map<string, WorkerStats>();
  private readonly refusals = new Map<string, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly id = processId();
  private readonly startedAt = performance.now();
  private enqueued = 0;
  private inFlight = 0;
  private readonly slotWaiters: Array<() => void> = [];
  private fromBacklog = 0;
  private retried = 0;
  private failed = 0;
  private lost = 0;
  private disposed = false;

  private constructor(
    readonly config: ChroniqueConfig,
    readonly fingerprint: PipelineFingerprint,
    readonly address: QueueAddress,
    private readonly client: Redis,
    private readonly queue: Queue<ArticleJob, ArticleResult>,
    private readonly events: QueueEvents,
    private readonly options: CoordinatorOptions,
    readonly resumed: boolean,
  ) {
    this.queueName = queue.name;
  }

  /**
   * Checks Redis, computes the pipeline fingerprint (as the workers will, without loading the model),
   * takes the run's lease, registers the run for the workers and starts listening for results.
   */
  static async create(config: ChroniqueConfig, options: CoordinatorOptions): Promise<QueueCoordinator> {
    const address = parseQueueAddress(options.queue);
    const client = await connectQueue(address);
    let fingerprint: PipelineFingerprint;
    try {
      fingerprint = await computeFingerprint(config, options.stagesModule ?? null);
    } catch (error) {
      client.disconnect();
      throw error;
    }
    const queueName = runQueueName(options.outDir);
    const id = processId();
    try {
      await takeLease(client, queueName, id);
    } catch (error) {
      client.disconnect();
      throw error;
    }
    const hash = fingerprintHash(fingerprint);
    const attempts = Math.max(1, options.attempts ?? 3);
    const queue = new Queue<ArticleJob, ArticleResult>(queueName, {
      connection: client,
      prefix: QUEUE_PREFIX,
      defaultJobOptions: { attempts, backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 }, removeOnComplete: true, removeOnFail: true },
    });
    // Jobs left by a crashed coordinator are worth keeping only if they were made with the same pipeline.
    const previous = await client.hget(RUNS_KEY, queueName);
    const previousHash = previous ? (JSON.parse(previous) as RunRegistration).fingerprintHash : null;
    if (previousHash && previousHash !== hash) await queue.obliterate({ force: true });
    const registration: RunRegistration = { queue: queueName, out: options.outDir, host: id.slice(0, id.lastIndexOf(':')), pid: process.pid, fingerprint, fingerprintHash: hash, attempts };
    await client.del(refusalsKey(queueName));
    await client.hset(RUNS_KEY, queueName, JSON.stringify(registration));
    await client.publish(RUNS_CHANNEL, queueName);
    // From the start of the stream: results finished while no coordinator was listening are still there.
    const events = new QueueEvents(queueName, { connection: client, prefix: QUEUE_PREFIX, lastEventId: '0-0' });
    await events.waitUntilReady();
    const coordinator = new QueueCoordinator(config, fingerprint, address, client, queue, events, { ...options, attempts }, previousHash === hash);
    coordinator.listen();
    return coordinator;
  }

  /** Hands one ingested article to the workers and resolves with its dataset records. Never rejects for the article. */
  async processRecords(doc: Document): Promise<ProcessedRecords> {
    await this.slot();
    try {
      return await this.processOne(doc);
    } finally {
      this.freeSlot();
    }
  }

  /** At most `run.concurrency` articles in the queue at once: the corpus can be far larger than Redis' memory. */
  private async slot(): Promise<void> {
    while (this.inFlight >= Math.max(1, this.config.run.concurrency)) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.inFlight += 1;
  }

  private freeSlot(): void {
    this.inFlight -= 1;
    this.slotWaiters.shift()?.();
  }

  private async processOne(doc: Document): Promise<ProcessedRecords> {
    const jobId = articleJobId(this.fingerprint, doc.meta);
    const early = this.backlog.get(jobId);
    if (early) {
      this.backlog.delete(jobId);
      this.fromBacklog += 1;
      return this.accept(doc, early);
    }
    const result = new Promise<ProcessedRecords>((resolve) => this.pending.set(jobId, { doc, since: performance.now(), resolve }));
    await this.add(jobId, doc);
    return result;
  }

  /** The manifest's `workers` section: who processed how many articles, and what the queue had to recover. */
  manifestSections(): Record<string, unknown> {
    return { workers: this.workersSection() };
  }

  workersSection(): Record<string, unknown> {
    return {
      queue: this.queueName,
      redis: this.address.display,
      attempts: this.options.attempts,
      enqueued: this.enqueued,
      resumedFromPreviousRun: this.fromBacklog,
      retried: this.retried,
      failed: this.failed,
      lostAndEnqueuedAgain: this.lost,
      workers: [...this.workers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, stats]) => ({ id, articles: stats.articles, stageMs: Math.round(stats.stageMs) })),
    };
  }

  /** Deletes the run's queue and registration (workers stop serving it) and releases the lease. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const timer of this.timers) clearInterval(timer);
    try {
      // A refusal that arrived after the last poll is still worth telling: that worker will refuse the next run too.
      await this.readRefusals();
      await this.client.hdel(RUNS_KEY, this.queueName);
      await this.client.publish(RUNS_CHANNEL, this.queueName);
      await this.client.del(refusalsKey(this.queueName));
      await this.queue.obliterate({ force: true });
      await releaseLease(this.client, this.queueName, this.id);
    } finally {
      await this.events.close().catch(() => undefined);
      await this.queue.close().catch(() => undefined);
      await this.client.quit().catch(() => this.client.disconnect());
    }
  }

  private log(line: string): void {
    (this.options.log ?? ((text: string) => process.stderr.write(`${text}\n`)))(`chronique: queue ${this.queueName}: ${line}`);
  }

  private async add(jobId: string, doc: Document): Promise<void> {
    const payload: ArticleJob = { v: 1, fingerprint: fingerprintHash(this.fingerprint), meta: doc.meta, text: doc.text, titleSpan: doc.titleSpan, bodySpan: doc.bodySpan };
    await this.queue.add(ARTICLE_JOB, payload, { jobId });
    this.enqueued += 1;
  }

  private accept(doc: Document, result: ArticleResult): ProcessedRecords {
    let records: ArticleRecords;
    try {
      records = decodeRecords(result);
      if (records.articles[0]?.id !== doc.meta.id) throw new Error(`records are for ${String(records.articles[0]?.id)}`);
    } catch (error) {
      return this.errorRecords(doc, `unreadable result from worker ${result.worker}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const now = performance.now();
    const stats = this.workers.get(result.worker) ?? { articles: 0, stageMs: 0, first: now, last: now };
    stats.articles += 1;
    stats.stageMs += Object.values(result.timings).reduce((sum, ms) => sum + ms, 0);
    stats.last = now;
    this.workers.set(result.worker, stats);
    if (result.attempt > 1) this.retried += 1;
    return { records, timings: result.timings };
  }

  private errorRecords(doc: Document, reason: string): ProcessedRecords {
    doc.status = 'error';
    doc.reason = reason;
    return { records: documentToRecords(doc), timings: {} };
  }

  private listen(): void {
    this.events.on('completed', ({ jobId, returnvalue }) => {
      const result = returnvalue as unknown as ArticleResult;
      const pending = this.pending.get(jobId);
      if (!pending) {
        // Results of this fingerprint for articles the walk has not reached (or has taken from the cache).
        if (result && typeof result === 'object') this.backlog.set(jobId, result);
        return;
      }
      this.pending.delete(jobId);
      pending.resolve(this.accept(pending.doc, result));
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      const pending = this.pending.get(jobId);
      if (!pending) return;
      this.pending.delete(jobId);
      this.failed += 1;
      this.log(`${pending.doc.meta.id}: failed on every attempt: ${failedReason}`);
      pending.resolve(this.errorRecords(pending.doc, `failed in the queue after ${this.options.attempts} attempt(s): ${failedReason}`));
    });
    this.events.on('error', (error) => this.log(`event stream: ${error.message}`));
    this.timers.push(setInterval(() => void this.refreshLease(), LOCK_TTL_MS / 3));
    this.timers.push(setInterval(() => void this.readRefusals(), 1000));
    this.timers.push(setInterval(() => void this.findLost(), LOST_AFTER_MS / 3));
    const progressMs = this.options.progressMs ?? 0;
    if (progressMs > 0) this.timers.push(setInterval(() => void this.progress(), progressMs));
  }

  private async refreshLease(): Promise<void> {
    await this.client.set(lockKey(this.queueName), this.id, 'PX', LOCK_TTL_MS).catch(() => undefined);
  }

  private async readRefusals(): Promise<void> {
    const entries = await this.client.hgetall(refusalsKey(this.queueName)).catch(() => ({}) as Record<string, string>);
    for (const [worker, reason] of Object.entries(entries)) {
      if (this.refusals.has(worker)) continue;
      this.refusals.set(worker, reason);
      this.log(`worker ${worker} refuses this run: ${reason}; start workers with the same version, model and options`);
    }
  }

  private async findLost(): Promise<void> {
    const now = performance.now();
    for (const [jobId, pending] of this.pending) {
      if (now - pending.since < LOST_AFTER_MS) continue;
      const state = await this.queue.getJobState(jobId).catch(() => null);
      if (state !== 'unknown' || !this.pending.has(jobId)) continue;
      this.lost += 1;
      pending.since = now;
      this.log(`${pending.doc.meta.id}: its job vanished without a result; enqueued again`);
      await this.add(jobId, pending.doc).catch(() => undefined);
    }
  }

  private async progress(): Promise<void> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed').catch(() => null);
    const done = [...this.workers.values()].reduce((sum, stats) => sum + stats.articles, 0);
    const rates = [...this.workers.entries()].map(([id, stats]) => `${id} ${stats.articles} (${(stats.articles / Math.max((stats.last - stats.first) / 1000, 1)).toFixed(1)}/s)`);
    const elapsed = (performance.now() - this.startedAt) / 1000;
    this.log(`${done} articles from workers in ${elapsed.toFixed(0)} s, ${this.pending.size} awaited${counts ? ` (${counts.waiting} waiting, ${counts.active} active, ${counts.delayed} retrying)` : ''}; ${rates.length > 0 ? rates.join(', ') : 'no worker has answered yet'}`);
  }
}

async function computeFingerprint(config: ChroniqueConfig, stagesModule: string | null): Promise<PipelineFingerprint> {
  // The model is not loaded here (deferModel): its files are fingerprinted, which is all the cache keys need.
  const stages: Stage[] = stagesModule ? ((await import(stagesModule)) as { createStages(): Stage[] }).createStages() : defaultStages({ deferModel: true });
  const pipeline = await Pipeline.create(config, stages);
  const { fingerprint } = pipeline;
  await pipeline.dispose();
  return fingerprint;
}

/** One coordinator per output: a second one would interleave two runs' results. A lease of a dead local pid is taken over. */
async function takeLease(client: Redis, queue: string, id: string): Promise<void> {
  const key = lockKey(queue);
  if ((await client.set(key, id, 'PX', LOCK_TTL_MS, 'NX')) === 'OK') return;
  const holder = await client.get(key);
  if (holder && holder !== id) {
    const [host, pid] = [holder.slice(0, holder.lastIndexOf(':')), Number(holder.slice(holder.lastIndexOf(':') + 1))];
    const ownHost = id.slice(0, id.lastIndexOf(':'));
    if (host !== ownHost || isAlive(pid)) {
      throw new QueueSetupError(`another coordinator (${holder}) is writing this output through ${queue}; wait for it, or stop it (its lease expires ${LOCK_TTL_MS / 1000} s after it stops)`);
    }
  }
  await client.set(key, id, 'PX', LOCK_TTL_MS);
}

async function releaseLease(client: Redis, queue: string, id: string): Promise<void> {
  if ((await client.get(lockKey(queue))) === id) await client.del(lockKey(queue));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
