/**
 * The worker's article threads: `count` worker threads, each with its own Pipeline, taking one article at a time.
 * A thread that does not answer within a hard limit (the article time limit plus a grace period: a synchronous stage
 * stuck in a loop cannot be stopped from inside) is terminated, and so ends its attempt; a thread that dies
 * (crash, out of memory) also ends its attempt. Either way a fresh thread takes its place, so one poisoned
 * article costs an attempt, never the worker.
 */
import type { Worker } from 'node:worker_threads';
import type { ChroniqueConfig } from '../config.js';
import type { PipelineFingerprint } from '../pipeline.js';
import type { ArticleStatus, StageTimings } from '../document.js';
import { spawnModuleWorker } from '../util/worker-thread.js';
import type { ArticleJob, EncodedRecords } from './protocol.js';

export interface ThreadResult extends EncodedRecords {
  status: ArticleStatus;
  reason: string | null;
  timings: StageTimings;
}

/** An attempt that ended without a result (the thread was stopped or died); the job may be retried. */
export class ThreadFailure extends Error {
  override name = 'ThreadFailure';
}

type ThreadMessage = { ready: true; fingerprint: PipelineFingerprint } | { failed: string } | { id: number; result: ThreadResult };

interface Slot {
  worker: Worker;
  busy: boolean;
  current: { id: number; resolve(result: ThreadResult): void; reject(error: Error): void } | null;
}

export interface ThreadOptions {
  config: ChroniqueConfig;
  count: number;
  /** Module (file URL) exporting `createStages(): Stage[]`, instead of the default stages. */
  stagesModule?: string | null;
}

export function hardLimitMs(config: ChroniqueConfig): number {
  return config.run.articleTimeoutMs + Math.max(2000, Math.round(config.run.articleTimeoutMs / 2));
}

export class ArticleThreads {
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;
  private closing = false;
  /** Threads restarted after a timeout or a crash. */
  restarts = 0;

  private constructor(
    private readonly options: ThreadOptions,
    readonly fingerprint: PipelineFingerprint,
    private readonly slots: Slot[],
  ) {}

  /** Starts the threads and waits until each has loaded its pipeline; a model that cannot load stops here. */
  static async start(options: ThreadOptions): Promise<ArticleThreads> {
    const slots: Slot[] = [];
    let fingerprint: PipelineFingerprint | null = null;
    try {
      for (let i = 0; i < Math.max(1, options.count); i += 1) {
        const { worker, fingerprint: own } = await startThread(options);
        slots.push({ worker, busy: false, current: null });
        fingerprint ??= own;
      }
    } catch (error) {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
      throw error;
    }
    const threads = new ArticleThreads(options, fingerprint!, slots);
    for (const slot of slots) threads.listen(slot);
    return threads;
  }

  get size(): number {
    return this.slots.length;
  }

  async run(job: ArticleJob): Promise<ThreadResult> {
    const slot = await this.freeSlot();
    slot.busy = true;
    const id = (this.nextId += 1);
    const limit = hardLimitMs(this.options.config);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<ThreadResult>((resolve, reject) => {
        slot.current = { id, resolve, reject };
        timer = setTimeout(() => {
          reject(new ThreadFailure(`${job.meta.id}: no result within ${limit} ms (article limit ${this.options.config.run.articleTimeoutMs} ms exceeded and the stage could not be stopped); thread restarted`));
          void this.replace(slot);
        }, limit);
        slot.worker.postMessage({ id, job });
      });
    } finally {
      clearTimeout(timer);
      slot.current = null;
      // A slot being replaced stays busy until its new thread is ready.
      if (!this.replacing.has(slot)) {
        slot.busy = false;
        this.waiting.shift()?.();
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
        slot.worker.postMessage('close');
        const timer = setTimeout(() => void slot.worker.terminate(), 2000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private readonly replacing = new Set<Slot>();

  /** Terminates the slot's thread (if still running) and starts a fresh one in its place. */
  private async replace(slot: Slot): Promise<void> {
    if (this.replacing.has(slot) || this.closing) return;
    this.replacing.add(slot);
    slot.busy = true;
    this.restarts += 1;
    const old = slot.worker;
    old.removeAllListeners();
    await old.terminate().catch(() => undefined);
    for (;;) {
      try {
        const { worker } = await startThread(this.options);
        slot.worker = worker;
        break;
      } catch {
        // The pipeline loaded before; a failure now is transient (memory): try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (this.closing) return;
      }
    }
    this.replacing.delete(slot);
    this.listen(slot);
    slot.busy = false;
    this.waiting.shift()?.();
  }

  private async freeSlot(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((slot) => !slot.busy);
      if (free) return free;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private listen(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (message: ThreadMessage) => {
      if ('id' in message && slot.current?.id === message.id) slot.current.resolve(message.result);
    });
    const fail = (reason: string): void => {
      if (slot.worker !== worker || this.closing) return;
      slot.current?.reject(new ThreadFailure(reason));
      void this.replace(slot);
    };
    worker.on('error', (error) => fail(`article thread crashed: ${error.message}`));
    worker.on('exit', (code) => fail(`article thread exited (code ${code})`));
  }
}

function startThread(options: ThreadOptions): Promise<{ worker: Worker; fingerprint: PipelineFingerprint }> {
  const worker = spawnModuleWorker(import.meta.url, './article-thread', { config: options.config, stagesModule: options.stagesModule ?? null });
  return new Promise((resolve, reject) => {
    const onMessage = (message: ThreadMessage): void => {
      if ('ready' in message) {
        cleanup();
        resolve({ worker, fingerprint: message.fingerprint });
      } else if ('failed' in message) {
        cleanup();
        void worker.terminate();
        reject(new Error(message.failed));
      }
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`article thread exited during start (code ${code})`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
