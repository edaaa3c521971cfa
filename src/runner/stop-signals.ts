/**
 * How `chronique run` answers SIGINT (Ctrl-C) and SIGTERM (systemd, Kubernetes, `timeout`), alike: the first asks the
 * run to stop after the articles in progress (they finish and reach the cache); the second exits at once, saying which
 * dataset is in place. Exit statuses are a shell's 128 + n (130, 143).
 */
import { constants } from 'node:os';

export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 0);

export class StopSignals {
  /** The first signal received, or null. */
  signal: NodeJS.Signals | null = null;
  /** Set once the run's new dataset is in place (RunHooks.onCommitted): from then on an abort leaves it. */
  switched = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    if (this.signal) {
      const left = this.switched ? 'the new dataset is already in place' : 'the previous dataset stays (the next run clears what this one staged)';
      process.stderr.write(`\nchronique: ${signal} again: aborting now; ${left}\n`);
      process.exit(signalExitCode(signal));
    }
    this.signal = signal;
    process.stderr.write(`\nchronique: ${signal}: stopping after the articles in progress (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to abort)\n`);
  };

  constructor() {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
