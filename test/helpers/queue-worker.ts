/**
 * A queue worker process for the fault tests (`node --import tsx test/helpers/queue-worker.ts URL CONCURRENCY
 * LOCK_MS TIMEOUT_MS [GRACE_MS]`): `chronique worker` with the test stages of queue-stages.ts, rules only. Prints `ready` on
 * stderr once serving; SIGTERM closes it as the CLI does.
 */
import { resolveConfig } from '../../src/config.js';
import { QueueWorker } from '../../src/queue/worker.js';

const [url, concurrency, lockMs, timeoutMs, graceMs = '5000'] = process.argv.slice(2);
const config = resolveConfig({ ner: { enabled: false }, run: { progress: false, articleTimeoutMs: Number(timeoutMs) } });
const worker = await QueueWorker.start({
  queue: url!,
  config,
  concurrency: Number(concurrency),
  lockMs: Number(lockMs),
  pollMs: 200,
  stagesModule: new URL('./queue-stages.ts', import.meta.url).href,
});
process.on('SIGTERM', () => void worker.close(Number(graceMs)).then(() => process.exit(0)));
