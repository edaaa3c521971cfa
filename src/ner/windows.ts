/**
 * Sentences longer than the model's maximum length are never truncated: they are cut into overlapping
 * windows (cuts fall on word starts when possible) and each word takes its prediction from the window in
 * which it has the most context on its worse side ("most central"). Pure functions.
 */

export interface TokenWindow {
  /** First content token (inclusive). */
  start: number;
  /** Last content token (exclusive). */
  end: number;
}

/**
 * Windows of at most `maxTokens` covering `[0, tokenCount)`, consecutive windows overlapping by about half.
 * `boundaries` are the token indices where words start (sorted); windows start and end on them when possible.
 */
export function planWindows(tokenCount: number, boundaries: readonly number[], maxTokens: number): TokenWindow[] {
  if (maxTokens < 1) throw new RangeError(`maxTokens must be ≥ 1, got ${maxTokens}`);
  if (tokenCount <= maxTokens) return [{ start: 0, end: tokenCount }];
  const windows: TokenWindow[] = [];
  let start = 0;
  for (;;) {
    if (tokenCount - start <= maxTokens) {
      windows.push({ start, end: tokenCount });
      return windows;
    }
    const limit = start + maxTokens;
    const cut = lastBoundaryIn(boundaries, start + 1, limit);
    const end = cut ?? limit; // one word longer than a window: cut inside it
    windows.push({ start, end });
    const middle = start + Math.ceil((end - start) / 2);
    const next = firstBoundaryIn(boundaries, middle, end - 1) ?? middle;
    start = Math.max(start + 1, next);
  }
}

function lastBoundaryIn(boundaries: readonly number[], from: number, to: number): number | null {
  let found: number | null = null;
  for (const b of boundaries) {
    if (b > to) break;
    if (b >= from) found = b;
  }
  return found;
}

function firstBoundaryIn(boundaries: readonly number[], from: number, to: number): number | null {
  for (const b of boundaries) {
    if (b > to) return null;
    if (b >= from) return b;
  }
  return null;
}

/**
 * For each token position, the window whose prediction to keep: the one where the token has the most
 * context on its worse side. A window edge that is the sentence edge is not a cut, so it counts as
 * unlimited context. Ties go to the earlier window.
 */
export function chooseWindows(positions: readonly number[], windows: readonly TokenWindow[], tokenCount: number): number[] {
  return positions.map((position) => {
    let best = -1;
    let bestContext = -1;
    windows.forEach((window, index) => {
      if (position < window.start || position >= window.end) return;
      const left = window.start === 0 ? Infinity : position - window.start;
      const right = window.end === tokenCount ? Infinity : window.end - 1 - position;
      const context = Math.min(left, right);
      if (context > bestContext) {
        bestContext = context;
        best = index;
      }
    });
    if (best < 0) throw new RangeError(`token ${position} is in no window`);
    return best;
  });
}
