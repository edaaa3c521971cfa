/**
 * The article pool: the default stages run in `run.workers` worker threads, each with its own Pipeline and NER
 * session, while the main thread keeps reading, caching and writing in order: the pool is a DocumentProcessor whose
 * `process` hands the document to a free worker, so the corpus runner drives it as it drives a Pipeline. It parallelizes the JavaScript stages (language,
 * segmentation, dates, events, tokenization), which p-limit alone interleaves on one thread; the cost is one model
 * load and one model in memory per worker. Results are identical either way (tests).
 */
import type { Worker } from 'node:worker_threads';
import type { ChroniqueConfig } from '../config.js';
import type { DocumentProcessor, PipelineFingerprint } from '../pipeline.js';
import type { Document } from '../document.js';
import { spawnModuleWorker } from '../util/worker-thread.js';

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** The document it is processing, to fail it if the worker dies. */
  current: { id: number; resolve: (doc: Document) => void; reject: (error: Error) => void } | null;
  dead: boolean;
}

type WorkerMessage = { ready: true; fingerprint: PipelineFingerprint } | { failed: string } | { id: number; doc: Document };

function spawnWorker(config: ChroniqueConfig): Worker {
  return spawnModuleWorker(import.meta.url, './article-worker', { config });
}

export class WorkerPool implements DocumentProcessor {
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;

  private constructor(
    readonly config: ChroniqueConfig,
    readonly fingerprint: PipelineFingerprint,
    private readonly workers: PoolWorker[],
  ) {}

  /** Starts `config.run.workers` workers and waits until each has loaded its stages (a model error stops here). */
  static async create(config: ChroniqueConfig): Promise<WorkerPool> {
    const count = Math.max(1, config.run.workers);
    const workers: PoolWorker[] = [];
    const fingerprints: PipelineFingerprint[] = [];
    try {
      // Started together: each loads its modules and model on its own core.
      for (let i = 0; i < count; i += 1) workers.push({ worker: spawnWorker(config), busy: false, current: null, dead: false });
      const ready = await Promise.allSettled(workers.map((entry) => waitReady(entry.worker)));
      for (const outcome of ready) {
        if (outcome.status === 'rejected') throw outcome.reason;
        fingerprints.push(outcome.value);
      }
    } catch (error) {
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
      throw error;
    }
    const pool = new WorkerPool(config, fingerprints[0]!, workers);
    for (const entry of workers) pool.listen(entry);
    return pool;
  }

  async process(doc: Document): Promise<Document> {
    const entry = await this.freeWorker();
    if (!entry) throw new Error('every pipeline worker has stopped');
    const id = (this.nextId += 1);
    try {
      const processed = await new Promise<Document>((resolve, reject) => {
        entry.current = { id, resolve, reject };
        entry.worker.postMessage({ id, doc });
      });
      // The worker's copy comes back structured-cloned; like Pipeline.process, update the caller's document in place.
      return Object.assign(doc, processed);
    } finally {
      entry.current = null;
      entry.busy = false;
      this.waiting.shift()?.();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(
      this.workers.map(async (entry) => {
        if (entry.dead) return;
        const exited = new Promise<void>((resolve) => entry.worker.once('exit', () => resolve()));
        entry.worker.postMessage('close');
        // A worker stuck in a stage does not hold the process: it is terminated after a grace period.
        const timer = setTimeout(() => void entry.worker.terminate(), 2000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  /** A free worker, marked busy before this returns: callers resuming in the same tick never share one. */
  private async freeWorker(): Promise<PoolWorker | null> {
    for (;;) {
      const alive = this.workers.filter((entry) => !entry.dead);
      if (alive.length === 0) return null;
      const free = alive.find((entry) => !entry.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private listen(entry: PoolWorker): void {
    entry.worker.on('message', (message: WorkerMessage) => {
      if ('id' in message && entry.current?.id === message.id) entry.current.resolve(message.doc);
    });
    const fail = (error: Error): void => {
      entry.dead = true;
      entry.current?.reject(error);
      // Whoever waits for a worker re-checks: maybe none is left.
      for (const wake of this.waiting.splice(0)) wake();
    };
    entry.worker.on('error', fail);
    entry.worker.on('exit', (code) => fail(new Error(`pipeline worker exited (code ${code})`)));
  }
}

function waitReady(worker: Worker): Promise<PipelineFingerprint> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage): void => {
      if ('ready' in message) resolve(message.fingerprint);
      else if ('failed' in message) reject(new Error(message.failed));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`pipeline worker exited during start (code ${code})`)));
  });
}

/**
 * A worker pool started when the first article needs processing: a run whose articles all come from the cache starts
 * no worker (each would load its modules and a model). The fingerprint that keys the cache is computed up front in
 * this thread by `keys`, a Pipeline whose model loads lazily (it is never run); the pool's workers must agree with it.
 */
export class LazyWorkerPool implements DocumentProcessor {
  private pool: Promise<WorkerPool> | null = null;

  constructor(
    private readonly keys: DocumentProcessor,
    private readonly start: () => Promise<WorkerPool> = () => WorkerPool.create(keys.config),
  ) {}

  get config(): ChroniqueConfig {
    return this.keys.config;
  }

  get fingerprint(): PipelineFingerprint {
    return this.keys.fingerprint;
  }

  async process(doc: Document): Promise<Document> {
    let pool: WorkerPool;
    try {
      pool = await (this.pool ??= this.start().then((started) => {
        if (JSON.stringify(started.fingerprint) !== JSON.stringify(this.keys.fingerprint)) {
          void started.dispose();
          throw new Error('the pipeline workers compute a different fingerprint than the main thread');
        }
        return started;
      }));
    } catch (error) {
      // Like a failing stage: this article is marked, the run goes on (every article fails the same way).
      doc.status = 'error';
      doc.reason = `pipeline workers cannot start: ${error instanceof Error ? error.message : String(error)}`;
      return doc;
    }
    return pool.process(doc);
  }

  async dispose(): Promise<void> {
    const pool = await this.pool?.catch(() => null);
    await pool?.dispose();
    await this.keys.dispose();
  }
}
