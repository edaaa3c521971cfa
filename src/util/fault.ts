/**
 * Test hook for the fault suite: `CHRONIQUE_FAULT=<point>[:<SIGNAL>][,…]` makes the process signal itself when it
 * reaches `<point>` — SIGKILL by default (an abrupt death: no handler, no cleanup, no exit hook), SIGSTOP to hold it
 * there until a SIGCONT, or e.g. SIGINT/SIGTERM to land an interruption exactly there (entries naming the same point
 * fire in order: `run.first-file:SIGTERM,run.first-file:SIGTERM` is a second signal during the run). Unset (always,
 * outside tests) it does nothing. `FAULT_POINTS` lists the points.
 */
import { once } from 'node:events';

/** Every point, in the order a committing run passes them. */
export const FAULT_POINTS = [
  'run.first-file', // the first file's rows written to the generation being staged, the others in flight
  'run.drained', // every article written to the generation being staged; the commit not begun
  'commit.flushed', // data files written and fsynced
  'commit.manifest', // manifest.json written and fsynced
  'commit.marker-tmp', // COMMIT.tmp written, not yet renamed to COMMIT
  'commit.marker', // COMMIT in place
  'commit.pointer-tmp', // the new `current.tmp` link made, not yet renamed over `current`
  'commit.switched', // `current` renamed: the new dataset is the one readers get
  'commit.cleaned', // generations older than the previous one removed
  'run.pruned', // cache pruned after the commit
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

export async function faultPoint(point: FaultPoint): Promise<void> {
  for (const entry of (process.env.CHRONIQUE_FAULT ?? '').split(',')) {
    const [at, signal = 'SIGKILL'] = entry.split(':') as [string, NodeJS.Signals?];
    if (at !== point) continue;
    // SIGKILL ends the process, SIGSTOP suspends it, both inside kill(2): nothing runs until (unless) SIGCONT.
    if (signal === 'SIGKILL' || signal === 'SIGSTOP') {
      process.kill(process.pid, signal);
      continue;
    }
    // Another signal is dispatched from the event loop: wait until its handlers ran, so the point is exact (signal
    // watchers do not keep the loop alive; the timer does meanwhile).
    const delivered = once(process, signal);
    const alive = setInterval(() => undefined, 1000);
    process.kill(process.pid, signal);
    await delivered.finally(() => clearInterval(alive));
  }
}
