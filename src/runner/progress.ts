/**
 * Run progress: a cli-progress bar (done/total, articles/s, ETA) on a TTY, plain log lines otherwise,
 * so that CI logs stay readable.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { ArticleOutcome } from './process-file.js';

export interface Progress {
  start(totalFiles: number): void;
  fileDone(relativePath: string, articles: ArticleOutcome[]): void;
  stop(): void;
}

export function createProgress(interactive: boolean): Progress {
  let done = 0;
  let total = 0;
  let startedAt = 0;
  // Articles, not files: a JSONL file holds many. Reused (cached) articles are counted apart.
  let articles = 0;
  let reused = 0;
  const rate = (): string => (articles / Math.max((performance.now() - startedAt) / 1000, 1e-3)).toFixed(1);
  const count = (outcomes: ArticleOutcome[]): void => {
    articles += outcomes.length;
    reused += outcomes.filter((outcome) => outcome.reused).length;
  };
  if (interactive) {
    const bar = new SingleBar(
      { format: 'chronique {bar} {value}/{total} files | {articles} articles ({reused} reused) | {rate} articles/s | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: false },
      Presets.shades_classic,
    );
    return {
      start(totalFiles) {
        total = totalFiles;
        startedAt = performance.now();
        bar.start(total, 0, { rate: '0.0', file: '', articles: 0, reused: 0 });
      },
      fileDone(relativePath, outcomes) {
        done += 1;
        count(outcomes);
        bar.update(done, { rate: rate(), file: relativePath.slice(-40), articles, reused });
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
    fileDone(relativePath, outcomes) {
      done += 1;
      count(outcomes);
      for (const outcome of outcomes) {
        if (outcome.status !== 'ok') process.stderr.write(`chronique: ${outcome.status} ${outcome.id}: ${outcome.reason ?? ''}\n`);
      }
      // One line per 10 % (and for the last file) keeps long runs' logs short.
      const step = Math.max(1, Math.floor(total / 10));
      if (done % step === 0 || done === total) process.stderr.write(`chronique: ${done}/${total} files, ${articles} articles (${reused} reused, ${rate()} articles/s) ${relativePath}\n`);
    },
    stop() {},
  };
}
