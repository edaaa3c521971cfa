/**
 * `chronique worker --queue redis://…`: serves the runs coordinators register in Redis. The pipeline is loaded once,
 * in `concurrency` article threads (so CPU-bound stages never block the BullMQ lock renewals of the main thread);
 * the worker serves only runs whose pipeline fingerprint equals its own, and says why it refuses the others.
 *
 * Per job: a result whose article ended `error` (a stage failed or timed out — possibly load, possibly this machine)
 * is retried like a lost attempt; the last attempt returns the error record, so an article that fails every time
 * becomes the same `error` row as in a local run. An attempt that never returns (stuck or crashed thread) fails the
 * attempt; a worker process that dies leaves its jobs to BullMQ's stalled-job check, and another worker takes them.
 */
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChroniqueConfig } from '../config.js';
import { fingerprintHash } from '../dataset/cache.js';
import type { PipelineFingerprint } from '../pipeline.js';
import { connectQueue, parseQueueAddress, type QueueAddress } from './connection.js';
import { QUEUE_PREFIX, RUNS_CHANNEL, RUNS_KEY, describeFingerprintDifference, processId, refusalsKey, type ArticleJob, type ArticleResult, type RunRegistration } from './protocol.js';
import { ArticleThreads } from './threads.js';

export interface QueueWorkerOptions {
  queue: string;
  config: ChroniqueConfig;
  /** Article threads, hence articles processed at once. */
  concurrency: number;
  /**
   * BullMQ lock duration: a job whose worker stops renewing its lock (the process died) is taken back by the stalled
   * check within about 1.5× this. Shorter recovers faster, at the price of more Redis traffic.
   */
  lockMs?: number;
  /** How often the registry of runs is read. */
  pollMs?: number;
  /** Module (file URL) exporting `createStages(): Stage[]` to run instead of the default stages. */
  stagesModule?: string | null;
  log?: (line: string) => void;
}

interface Served {
  worker: Worker<ArticleJob, ArticleResult>;
  registration: RunRegistration;
}

export class QueueWorker {
  readonly id = processId();
  readonly fingerprintHash: string;
  private readonly served = new Map<string, Served>();
  private readonly refused = new Set<string>();
  private readonly inFlight = new Map<string, { release(): void }>();
  private poller: NodeJS.Timeout | undefined;
  private subscriber: Redis | undefined;
  private polling: Promise<void> = Promise.resolve();
  private closing = false;
  /** Jobs finished by this worker (result returned), per queue. */
  readonly done = new Map<string, number>();

  private constructor(
    readonly address: QueueAddress,
    private readonly client: Redis,
    readonly threads: ArticleThreads,
    private readonly options: QueueWorkerOptions,
  ) {
    this.fingerprintHash = fingerprintHash(threads.fingerprint);
  }

  static async start(options: QueueWorkerOptions): Promise<QueueWorker> {
    const address = parseQueueAddress(options.queue);
    const client = await connectQueue(address);
    let threads: ArticleThreads;
    try {
      threads = await ArticleThreads.start({ config: options.config, count: options.concurrency, stagesModule: options.stagesModule ?? null });
    } catch (error) {
      client.disconnect();
      throw error;
    }
    const worker = new QueueWorker(address, client, threads, options);
    worker.log(`ready: ${threads.size} article thread(s), pipeline fingerprint ${worker.fingerprintHash.slice(0, 12)}, serving ${address.display}`);
    await worker.poll();
    worker.poller = setInterval(() => worker.schedulePoll(), options.pollMs ?? 1000);
    // A new run is served at once rather than at the next poll; the poll still catches a missed message.
    worker.subscriber = client.duplicate();
    worker.subscriber.on('error', () => undefined);
    worker.subscriber.on('message', () => worker.schedulePoll());
    await worker.subscriber.subscribe(RUNS_CHANNEL);
    return worker;
  }

  get fingerprint(): PipelineFingerprint {
    return this.threads.fingerprint;
  }

  /** Runs being served now (queue names). */
  get serving(): string[] {
    return [...this.served.keys()];
  }

  /**
   * Stops taking jobs and lets the ones in progress finish; after `graceMs` those still running are handed back to
   * the queue (moved to wait, no attempt counted) for another worker.
   */
  async close(graceMs = 30_000): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.poller);
    this.subscriber?.disconnect();
    await this.polling;
    const release = setTimeout(() => {
      for (const job of this.inFlight.values()) job.release();
    }, graceMs);
    await Promise.all([...this.served.values()].map(({ worker }) => worker.close()));
    clearTimeout(release);
    await this.threads.close();
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private log(line: string): void {
    (this.options.log ?? ((text: string) => process.stderr.write(`${text}\n`)))(`chronique worker ${this.id}: ${line}`);
  }

  private schedulePoll(): void {
    this.polling = this.polling.then(() => this.poll());
  }

  /** Reads the registry: serves new matching runs, refuses mismatched ones, stops serving runs that ended. */
  private async poll(): Promise<void> {
    if (this.closing) return;
    let entries: Record<string, string>;
    try {
      entries = await this.client.hgetall(RUNS_KEY);
    } catch (error) {
      this.log(`cannot read the run registry: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const [queue, value] of Object.entries(entries)) {
      if (this.served.has(queue) || this.refused.has(queue)) continue;
      let registration: RunRegistration;
      try {
        registration = JSON.parse(value) as RunRegistration;
      } catch {
        continue;
      }
      if (registration.fingerprintHash !== this.fingerprintHash) {
        this.refused.add(queue);
        const difference = describeFingerprintDifference(registration.fingerprint, this.fingerprint);
        const reason = `pipeline fingerprint ${registration.fingerprintHash.slice(0, 12)} wanted by the run differs from this worker's ${this.fingerprintHash.slice(0, 12)} (${difference})`;
        this.log(`refusing run ${queue} (${registration.out} on ${registration.host}): ${reason}`);
        await this.client.hset(refusalsKey(queue), this.id, reason).catch(() => undefined);
        continue;
      }
      this.serve(queue, registration);
    }
    for (const [queue, { worker }] of this.served) {
      if (queue in entries) continue;
      this.served.delete(queue);
      this.log(`run ${queue} ended (${this.done.get(queue) ?? 0} articles done here)`);
      void worker.close();
    }
    for (const queue of this.refused) if (!(queue in entries)) this.refused.delete(queue);
  }

  private serve(queue: string, registration: RunRegistration): void {
    const lockDuration = this.options.lockMs ?? 30_000;
    const worker = new Worker<ArticleJob, ArticleResult>(queue, (job, token) => this.process(queue, job, token), {
      connection: this.client,
      prefix: QUEUE_PREFIX,
      concurrency: this.threads.size,
      name: this.id,
      lockDuration,
      stalledInterval: Math.max(500, Math.round(lockDuration / 2)),
      // A job whose worker died twice is most likely what kills them: it fails (an error row) instead of killing more.
      maxStalledCount: 2,
    });
    worker.on('error', (error) => this.log(`queue ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (job && !(error instanceof WaitingError)) this.log(`${job.data.meta.id}: attempt ${job.attemptsMade} failed: ${error.message}`);
    });
    this.served.set(queue, { worker, registration });
    this.log(`serving run ${queue} (${registration.out} on ${registration.host}, coordinator pid ${registration.pid})`);
  }

  private async process(queue: string, job: Job<ArticleJob, ArticleResult>, token: string | undefined): Promise<ArticleResult> {
    const data = job.data;
    if (data.fingerprint !== this.fingerprintHash) {
      throw new UnrecoverableError(`fingerprint mismatch: job ${job.id} (${data.meta?.id}) wants pipeline ${String(data.fingerprint).slice(0, 12)}, worker ${this.id} has ${this.fingerprintHash.slice(0, 12)}`);
    }
    const key = `${queue}\0${job.id}`;
    let release!: () => void;
    const released = new Promise<'released'>((resolve) => (release = () => resolve('released')));
    this.inFlight.set(key, { release });
    try {
      const outcome = await Promise.race([this.threads.run(data), released]);
      if (outcome === 'released') {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const attempt = job.attemptsMade + 1;
      const attempts = job.opts.attempts ?? 1;
      if (outcome.status === 'error' && attempt < attempts) throw new Error(`${data.meta.id}: ${outcome.reason ?? 'error'} (attempt ${attempt} of ${attempts}, retried)`);
      this.done.set(queue, (this.done.get(queue) ?? 0) + 1);
      return { v: 1, worker: this.id, status: outcome.status, attempt: Math.max(attempt, job.attemptsStarted), timings: outcome.timings, enc: outcome.enc, data: outcome.data, bytes: outcome.bytes };
    } finally {
      this.inFlight.delete(key);
    }
  }
}
