/**
 * Run progress: a cli-progress bar (done/total, articles/s, ETA) on a TTY, plain log lines otherwise,
 * so that CI logs stay readable.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Document } from '../document.js';

export interface Progress {
  start(totalFiles: number): void;
  fileDone(relativePath: string, documents: Document[]): void;
  stop(): void;
}

export function createProgress(interactive: boolean): Progress {
  let done = 0;
  let total = 0;
  let startedAt = 0;
  const rate = (): string => (done / Math.max((performance.now() - startedAt) / 1000, 1e-3)).toFixed(1);
  if (interactive) {
    const bar = new SingleBar(
      { format: 'chronique {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: false },
      Presets.shades_classic,
    );
    return {
      start(totalFiles) {
        total = totalFiles;
        startedAt = performance.now();
        bar.start(total, 0, { rate: '0.0', file: '' });
      },
      fileDone(relativePath) {
        done += 1;
        bar.update(done, { rate: rate(), file: relativePath.slice(-40) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  return {
    start(totalFiles) {
      total = totalFiles;
      startedAt = performance.now();
      process.stderr.write(`chronique: ${total} files to read\n`);
    },
    fileDone(relativePath, documents) {
      done += 1;
      for (const doc of documents) {
        if (doc.status !== 'ok') process.stderr.write(`chronique: ${doc.status} ${doc.meta.id}: ${doc.reason ?? ''}\n`);
      }
      // One line per 10 % (and for the last file) keeps long runs' logs short.
      const step = Math.max(1, Math.floor(total / 10));
      if (done % step === 0 || done === total) process.stderr.write(`chronique: ${done}/${total} files (${rate()} files/s) ${relativePath}\n`);
    },
    stop() {},
  };
}
