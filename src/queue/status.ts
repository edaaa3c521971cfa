/** `chronique queue status --queue redis://…`: the runs registered in Redis, their jobs, workers and refusals. */
import { Queue } from 'bullmq';
import { connectQueue, parseQueueAddress } from './connection.js';
import { QUEUE_PREFIX, RUNS_KEY, lockKey, refusalsKey, type RunRegistration } from './protocol.js';

export interface RunStatus {
  queue: string;
  out: string;
  host: string;
  /** The coordinator's `host:pid` while its lease is held, else null (finished runs leave the registry). */
  coordinator: string | null;
  /** Milliseconds left on the lease: a coordinator renews it every 5 s, so a dead one's lease runs out within 15 s. */
  leaseMs: number;
  fingerprint: string;
  counts: Record<string, number>;
  workers: string[];
  refusals: Record<string, string>;
}

export async function queueStatus(url: string): Promise<{ redis: string; runs: RunStatus[] }> {
  const address = parseQueueAddress(url);
  const client = await connectQueue(address);
  try {
    const entries = await client.hgetall(RUNS_KEY);
    const runs: RunStatus[] = [];
    for (const [name, value] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1))) {
      let registration: RunRegistration;
      try {
        registration = JSON.parse(value) as RunRegistration;
      } catch {
        continue;
      }
      const queue = new Queue(name, { connection: client, prefix: QUEUE_PREFIX });
      try {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        const workers = (await queue.getWorkers()).map((worker) => String(worker['name'] ?? worker['addr'] ?? '?')).sort();
        runs.push({
          queue: name,
          out: registration.out,
          host: registration.host,
          coordinator: await client.get(lockKey(name)),
          leaseMs: Math.max(0, await client.pttl(lockKey(name))),
          fingerprint: registration.fingerprintHash,
          counts,
          workers,
          refusals: await client.hgetall(refusalsKey(name)),
        });
      } finally {
        await queue.close();
      }
    }
    return { redis: address.display, runs };
  } finally {
    await client.quit().catch(() => client.disconnect());
  }
}

export function formatQueueStatus(status: { redis: string; runs: RunStatus[] }): string {
  const lines = [`${status.redis}: ${status.runs.length === 0 ? 'no run registered' : `${status.runs.length} run(s)`}`];
  for (const run of status.runs) {
    lines.push(`${run.queue}  ${run.out} on ${run.host}  coordinator ${run.coordinator ? `${run.coordinator} (lease ${(run.leaseMs / 1000).toFixed(0)} s)` : 'not running (re-run it to resume)'}  fingerprint ${run.fingerprint.slice(0, 12)}`);
    lines.push(`  jobs: ${Object.entries(run.counts).map(([state, n]) => `${state} ${n}`).join(', ')}`);
    lines.push(`  workers: ${run.workers.length}${run.workers.length > 0 ? ` (${run.workers.join(', ')})` : ''}`);
    for (const [worker, reason] of Object.entries(run.refusals)) lines.push(`  refused by ${worker}: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
