/** Worker of bench/worker-pool-bench.ts: its own Pipeline (own model session); processes the documents it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveConfig, type ConfigOverrides } from '../src/config.js';
import type { Document } from '../src/document.js';
import { Pipeline } from '../src/pipeline.js';
import { datesStage } from '../src/stages/dates.js';
import { createEntitiesStage } from '../src/stages/entities.js';
import { clusterStage, createEventsStage } from '../src/stages/events.js';
import { languageStage } from '../src/stages/language.js';
import { segmentStage } from '../src/stages/segment.js';

const port = parentPort!;
const overrides = (workerData as { overrides: ConfigOverrides }).overrides;
const pipeline = await Pipeline.create(resolveConfig(overrides), [languageStage, segmentStage, createEntitiesStage(), datesStage, clusterStage, createEventsStage()]);
port.on('message', (message: { index: number; doc: Document } | 'stop') => {
  if (message === 'stop') {
    void pipeline.dispose().then(() => port.close());
    return;
  }
  void pipeline.process(message.doc).then((doc) => port.postMessage({ index: message.index, doc }));
});
port.postMessage('ready');
