/**
 * A worker thread of the article pool: its own Pipeline with the default stages (its own NER model session).
 * Messages in: `{ id, doc }` (a Document, structured-cloned); out: `{ ready, fingerprint }` once, then
 * `{ id, doc }` per processed document, or `{ failed }` when the pipeline cannot start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChroniqueConfig } from '../config.js';
import type { Document } from '../document.js';
import { Pipeline, defaultStages } from '../pipeline.js';

const port = parentPort;
if (!port) throw new Error('article-worker must run in a worker thread');
const { config } = workerData as { config: ChroniqueConfig };

try {
  const pipeline = await Pipeline.create(config, defaultStages());
  port.on('message', (message: { id: number; doc: Document } | 'close') => {
    if (message === 'close') {
      void pipeline.dispose().finally(() => port.close());
      return;
    }
    // Pipeline.process never throws: a failing stage marks the document `error`.
    void pipeline.process(message.doc).then((doc) => port.postMessage({ id: message.id, doc }));
  });
  port.postMessage({ ready: true, fingerprint: pipeline.fingerprint });
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
