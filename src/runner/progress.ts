/**
 * Run progress: a cli-progress bar (done/total, articles/s, ETA) on a TTY, plain log lines otherwise,
 * so that CI logs stay readable. Rates are measured from the run's own start (`startedAt`), the origin of the
 * summary's wall time, so that the last progress line and the summary agree.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { ArticleOutcome } from './process-file.js';
import { plural } from '../util/plural.js';

export interface Progress {
  start(totalFiles: number, startedAt?: number): void;
  /** `elapsedMs`: the runner's clock since the run started; the summary's rate uses its last value. */
  fileDone(relativePath: string, articles: ArticleOutcome[], elapsedMs?: number): void;
  /** An input problem that fails no article (printed once, above the bar on a TTY). */
  warn(message: string): void;
  stop(): void;
}

/** `12.3 articles/s` over `ms` milliseconds. */
export function formatRate(articles: number, ms: number): string {
  return `${(articles / Math.max(ms / 1000, 1e-3)).toFixed(1)} articles/s`;
}

/**
 * `error feed.jsonl:3: invalid JSON line: …`: the article named once. Ingestion reasons already start with the
 * position (they are read on their own in articles.jsonl): `file`, or `file:line` for a JSONL record, whose id
 * (`feed.jsonl#<record id>`) is then not repeated; stage failures do not start with it, and the id names the article.
 */
export function describeOutcome(outcome: Pick<ArticleOutcome, 'id' | 'status' | 'reason'>): string {
  let position = outcome.id;
  let reason = outcome.reason ?? '';
  const line = /^(.*?):(\d+): /.exec(reason);
  if (line && outcome.id.startsWith(`${line[1]}#`)) {
    position = `${line[1]}:${line[2]}`;
    reason = reason.slice(line[0].length);
  } else if (reason.startsWith(`${outcome.id}: `)) {
    reason = reason.slice(outcome.id.length + 2);
  }
  return `${outcome.status === 'error' ? 'error' : outcome.status} ${position}${reason ? `: ${reason}` : ''}`;
}

/** Longest list of failed or skipped articles printed after the bar (the rest are in articles.jsonl). */
const MAX_LISTED = 20;

export function createProgress(interactive: boolean): Progress {
  let done = 0;
  let total = 0;
  let startedAt = 0;
  // Articles, not files: a JSONL file holds many. Reused (cached) articles are counted apart.
  let articles = 0;
  let reused = 0;
  const rate = (elapsedMs?: number): string => formatRate(articles, elapsedMs ?? performance.now() - startedAt);
  const count = (outcomes: ArticleOutcome[]): void => {
    articles += outcomes.length;
    reused += outcomes.filter((outcome) => outcome.reused).length;
  };
  if (interactive) {
    const bar = new SingleBar(
      { format: 'chronique {bar} {value}/{total} files | {articles} | {rate} | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: false },
      Presets.shades_classic,
    );
    // The bar owns the terminal line: what went wrong is listed once it stops.
    const notes: string[] = [];
    let unlisted = 0;
    return {
      start(totalFiles, origin) {
        total = totalFiles;
        startedAt = origin ?? performance.now();
        bar.start(total, 0, { rate: formatRate(0, 1), file: '', articles: plural(0, 'article') });
      },
      fileDone(relativePath, outcomes, elapsedMs) {
        done += 1;
        count(outcomes);
        for (const outcome of outcomes) {
          if (outcome.status === 'ok') continue;
          if (notes.length < MAX_LISTED) notes.push(`chronique: ${describeOutcome(outcome)}`);
          else unlisted += 1;
        }
        bar.update(done, { rate: rate(elapsedMs), file: relativePath.slice(-40), articles: `${plural(articles, 'article')} (${reused} reused)` });
      },
      warn(message) {
        notes.push(`chronique: warning: ${message}`);
      },
      stop() {
        bar.stop();
        if (unlisted > 0) notes.push(`chronique: … and ${plural(unlisted, 'more article')} not ok (see articles.jsonl)`);
        if (notes.length > 0) process.stderr.write(`${notes.join('\n')}\n`);
        notes.length = 0;
        unlisted = 0;
      },
    };
  }
  return {
    start(totalFiles, origin) {
      total = totalFiles;
      startedAt = origin ?? performance.now();
      process.stderr.write(`chronique: ${plural(total, 'file')} to read\n`);
    },
    fileDone(relativePath, outcomes, elapsedMs) {
      done += 1;
      count(outcomes);
      for (const outcome of outcomes) {
        if (outcome.status !== 'ok') process.stderr.write(`chronique: ${describeOutcome(outcome)}\n`);
      }
      // One line per 10 % (and for the last file) keeps long runs' logs short.
      const step = Math.max(1, Math.floor(total / 10));
      if (done % step === 0 || done === total) process.stderr.write(`chronique: ${done}/${plural(total, 'file')}, ${plural(articles, 'article')} (${reused} reused, ${rate(elapsedMs)}) ${relativePath}\n`);
    },
    warn(message) {
      process.stderr.write(`chronique: warning: ${message}\n`);
    },
    stop() {},
  };
}
