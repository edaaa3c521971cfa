/**
 * Strict span scoring for NER (seqeval conventions): a prediction counts only when its character span and
 * its type equal a gold span's. Gold spans may be `optional` (never counted either way) or accept
 * alternative labels (`alsoOk`), as in the seed gold. Pure functions.
 */

export interface GoldEntity {
  start: number;
  end: number;
  label: string;
  optional?: boolean;
  alsoOk?: readonly string[];
}

export interface PredictedEntity {
  start: number;
  end: number;
  label: string;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
  /** Gold entities counted (non-optional). */
  support: number;
}

export function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

/**
 * Adds the matching of one sentence's (or document's) predictions against its gold to `byType`.
 * A true positive counts under the gold label; a false positive under the predicted label. Only labels in
 * `types` are scored (others are ignored on both sides).
 */
export function countMatches(gold: readonly GoldEntity[], predicted: readonly PredictedEntity[], types: readonly string[], byType: Map<string, Counts>): void {
  const scored = new Set(types);
  const counts = (label: string): Counts => {
    let c = byType.get(label);
    if (!c) byType.set(label, (c = emptyCounts()));
    return c;
  };
  const goldByOffsets = new Map<string, GoldEntity[]>();
  for (const g of gold) {
    const key = `${g.start}:${g.end}`;
    goldByOffsets.set(key, [...(goldByOffsets.get(key) ?? []), g]);
  }
  const matched = new Set<GoldEntity>();
  for (const p of predicted) {
    if (!scored.has(p.label)) continue;
    const candidates = goldByOffsets.get(`${p.start}:${p.end}`) ?? [];
    const hit = candidates.find((g) => !g.optional && !matched.has(g) && (g.label === p.label || g.alsoOk?.includes(p.label)));
    if (hit) {
      matched.add(hit);
      counts(hit.label).truePositives++;
    } else if (candidates.some((g) => g.optional)) {
      continue; // a prediction on an optional gold span is neither right nor wrong
    } else {
      counts(p.label).falsePositives++;
    }
  }
  for (const g of gold) {
    if (g.optional || matched.has(g) || !scored.has(g.label)) continue;
    counts(g.label).falseNegatives++;
  }
}

export function toScores(c: Counts): Scores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = c;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1, support: tp + fn };
}

/** Per-type scores plus the micro average over `types`. */
export function summarize(byType: Map<string, Counts>, types: readonly string[]): { perType: Record<string, Scores>; micro: Scores } {
  const total = emptyCounts();
  const perType: Record<string, Scores> = {};
  for (const type of types) {
    const c = byType.get(type) ?? emptyCounts();
    perType[type] = toScores(c);
    total.truePositives += c.truePositives;
    total.falsePositives += c.falsePositives;
    total.falseNegatives += c.falseNegatives;
  }
  return { perType, micro: toScores(total) };
}
