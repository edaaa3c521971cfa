/**
 * A worker thread of a queue worker: its own Pipeline (loaded once), turning article jobs into encoded dataset
 * records. CPU-bound stages run here, so the worker's main thread stays free to renew its BullMQ job locks.
 * Messages in: `{ id, job }` or `'close'`; out: `{ ready, fingerprint }` once (or `{ failed }`), then `{ id, result }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChroniqueConfig } from '../config.js';
import { documentToRecords } from '../dataset/records.js';
import { createDocument } from '../document.js';
import { Pipeline, defaultStages } from '../pipeline.js';
import type { Stage } from '../stages/stage.js';
import { encodeRecords, type ArticleJob } from './protocol.js';
import type { ThreadResult } from './threads.js';

const port = parentPort;
if (!port) throw new Error('article-thread must run in a worker thread');
const { config, stagesModule } = workerData as { config: ChroniqueConfig; stagesModule: string | null };

try {
  const stages = stagesModule ? ((await import(stagesModule)) as { createStages(): Stage[] }).createStages() : defaultStages();
  const pipeline = await Pipeline.create(config, stages);
  port.on('message', (message: { id: number; job: ArticleJob } | 'close') => {
    if (message === 'close') {
      void pipeline.dispose().finally(() => port.close());
      return;
    }
    const { job } = message;
    const doc = createDocument(job.meta, job.text, job.bodySpan, job.titleSpan);
    // Pipeline.process never throws: a failing or timed-out stage marks the document `error`.
    void pipeline.process(doc).then(() => {
      const result: ThreadResult = { status: doc.status, reason: doc.reason, timings: doc.timings, ...encodeRecords(documentToRecords(doc)) };
      port.postMessage({ id: message.id, result });
    });
  });
  port.postMessage({ ready: true, fingerprint: pipeline.fingerprint });
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
