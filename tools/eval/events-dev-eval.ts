/**
 * Scores event records against the dev gold (tools/eval/dev-gold.ts) and the seed's core events with canonical
 * participants. Definitions (docs/events-guideline.md):
 *  - trigger+type: a predicted event is right when a gold event mention of the same article has the same type and
 *    an overlapping trigger (one-to-one, gold order);
 *  - argument: right when its event is right, its role is the gold role and it names the gold participant's entity
 *    (canonical names compared word-wise, accents and case aside) — or, for a gold participant with no named
 *    referent, when its phrase shares a content word with the gold phrase; precision over all predicted arguments,
 *    recall over all gold arguments;
 *  - time accuracy: over right events, the predicted value equals an accepted gold value or refines it
 *    (`2012-05-22TMO` for `2012-05-22`), and null where the gold has none;
 *  - core recall: core events (clusters of mentions) with at least one mention found.
 */
import type { EventRecord } from '../../src/dataset/schema.js';
import { foldName } from '../../src/entities/cluster.js';
import type { DevGold, DevGoldArgument, DevGoldEvent } from './dev-gold.js';
import { seedReferent } from './seed-referents.js';
import type { SeedGold } from './seed-gold.js';

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const p = predicted === 0 ? 0 : tp / predicted;
  const r = gold === 0 ? 0 : tp / gold;
  return { tp, predicted, gold, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Same name, or all words of the shorter contained in the longer (accents and case ignored). */
export function sameName(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === fb) return true;
  const wa = fa.split(/[\s'-]+/).filter((w) => w.length > 0);
  const wb = fb.split(/[\s'-]+/).filter((w) => w.length > 0);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.length > 0 && short.every((w) => long.includes(w));
}

const STOP = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'de', 'du', "d'", 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'et', 'à', 'au', 'aux', 'en', 'il', 'elle', 'ils', 'elles']);

function contentWords(text: string): Set<string> {
  return new Set(
    foldName(text)
      .replace(/\b[ldjmnst]'/g, ' ')
      .split(/[\s'’,.;:()«»"-]+/)
      .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d/.test(w)),
  );
}

/** What a predicted argument names: its entity's canonical name, or its own phrase. */
function predictedName(arg: EventRecord['arguments'][number]): { entity: string | null; text: string } {
  return { entity: arg.entity !== '' ? arg.canonical : null, text: arg.text };
}

export function argumentMatches(gold: DevGoldArgument, arg: EventRecord['arguments'][number]): boolean {
  if (gold.role !== arg.role) return false;
  const pred = predictedName(arg);
  if (gold.entity !== null) return pred.entity !== null && sameName(gold.entity, pred.entity);
  if (pred.entity !== null) return false;
  const g = contentWords(gold.text);
  return [...contentWords(pred.text)].some((w) => g.has(w));
}

export function timeMatches(accepted: string[], value: string | null | undefined): boolean {
  if (accepted.length === 0) return value === null || value === undefined;
  if (!value) return false;
  return accepted.some((a) => value === a || value.startsWith(a + '-') || value.startsWith(a + 'T'));
}

export interface DevMatch {
  gold: DevGoldEvent;
  predicted: EventRecord | null;
}

export interface DevScore {
  events: Prf;
  /** Trigger found with any type. */
  triggers: Prf;
  arguments: Prf;
  /** Arguments by role (predicted counted over all predicted events, as in `arguments`). */
  argumentsByRole: Record<string, Prf>;
  time: { right: number; total: number; accuracy: number };
  core: { found: number; total: number; recall: number; missed: string[] };
  matches: DevMatch[];
  falsePositives: EventRecord[];
}

export function scoreDev(gold: DevGold, records: Map<string, EventRecord[]>): DevScore {
  const used = new Set<EventRecord>();
  const usedAny = new Set<EventRecord>();
  const byArticle = (a: string) => records.get(a) ?? [];
  let triggerTp = 0;
  const matches: DevMatch[] = gold.events.map((g) => {
    const overlapping = byArticle(g.article).filter((r) => r.trigger.start < g.end && g.start < r.trigger.end);
    const anyType = overlapping.find((r) => !usedAny.has(r));
    if (anyType) {
      usedAny.add(anyType);
      triggerTp++;
    }
    const hit = overlapping.find((r) => r.type === g.type && !used.has(r)) ?? null;
    if (hit) used.add(hit);
    return { gold: g, predicted: hit };
  });
  const predictedAll = gold.articles.flatMap((a) => byArticle(a));
  const tp = matches.filter((m) => m.predicted).length;
  let argTp = 0;
  const goldArgs = gold.events.reduce((n, g) => n + g.arguments.length, 0);
  const predArgs = predictedAll.reduce((n, r) => n + r.arguments.length, 0);
  let timeRight = 0;
  const roleCounts = new Map<string, { tp: number; predicted: number; gold: number }>();
  const countOf = (role: string) => {
    let c = roleCounts.get(role);
    if (!c) roleCounts.set(role, (c = { tp: 0, predicted: 0, gold: 0 }));
    return c;
  };
  for (const r of predictedAll) for (const a of r.arguments) countOf(a.role).predicted++;
  for (const g of gold.events) for (const a of g.arguments) countOf(a.role).gold++;
  for (const m of matches) {
    if (!m.predicted) continue;
    const free = [...m.predicted.arguments];
    for (const g of m.gold.arguments) {
      const k = free.findIndex((a) => argumentMatches(g, a));
      if (k >= 0) {
        argTp++;
        countOf(g.role).tp++;
        free.splice(k, 1);
      }
    }
    if (timeMatches(m.gold.time, m.predicted.time?.value)) timeRight++;
  }
  const clusters = new Map<string, DevMatch[]>();
  matches.forEach((m, i) => {
    if (!m.gold.core) return;
    const key = `${m.gold.article}#${m.gold.cluster ?? `line${i}`}`;
    clusters.set(key, [...(clusters.get(key) ?? []), m]);
  });
  const missed = [...clusters].filter(([, ms]) => !ms.some((m) => m.predicted)).map(([k]) => k);
  return {
    events: prf(tp, predictedAll.length, gold.events.length),
    triggers: prf(triggerTp, predictedAll.length, gold.events.length),
    arguments: prf(argTp, predArgs, goldArgs),
    argumentsByRole: Object.fromEntries([...roleCounts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([role, c]) => [role, prf(c.tp, c.predicted, c.gold)])),
    time: { right: timeRight, total: tp, accuracy: tp === 0 ? 0 : timeRight / tp },
    core: { found: clusters.size - missed.length, total: clusters.size, recall: clusters.size === 0 ? 0 : (clusters.size - missed.length) / clusters.size, missed },
    matches,
    falsePositives: predictedAll.filter((r) => !used.has(r)),
  };
}

const ROLE_ALIASES: Record<string, string> = { other: 'entity' };

export interface SeedCanonicalResult {
  id: string;
  ok: boolean;
  detail: string;
}

/**
 * The seed gold's core events, strict: a predicted event in the gold sentence with the gold type and trigger word in which every gold
 * participant is an argument with the gold role whose canonical entity is the participant's referent
 * (tools/eval/seed-referents.ts: `Karpathy` = `Andrej Karpathy`, but `Traffic Safety Administration` ≠ NHTSA).
 */
export function seedCanonicalCheck(gold: SeedGold, records: EventRecord[]): SeedCanonicalResult[] {
  return gold.events.map((g) => {
    const sentence = gold.sentences.find((s) => s.index === g.sentence)!;
    const candidates = records.filter((r) => r.type === g.type && r.trigger.start >= sentence.start && r.trigger.end <= sentence.end && foldName(r.trigger.text) === foldName(g.trigger));
    const wants = Object.entries(g.participants).map(([role, name]) => ({ role: ROLE_ALIASES[role] ?? role, referent: seedReferent(name), name }));
    const full = candidates.find((r) => wants.every((w) => r.arguments.some((a) => a.role === w.role && a.entity !== '' && seedReferent(a.canonical) === w.referent)));
    if (full) return { id: g.id, ok: true, detail: `“${full.trigger.text}” ${full.arguments.map((a) => `${a.role}=${a.canonical}`).join(', ')}` };
    const best = candidates[0];
    const detail = best
      ? `“${best.trigger.text}” has ${best.arguments.map((a) => `${a.role}=${a.entity ? a.canonical : `“${a.text}”`}`).join(', ') || 'no arguments'}; wants ${wants.map((w) => `${w.role}=${w.name}`).join(', ')}`
      : `no ${g.type} in sentence ${g.sentence}`;
    return { id: g.id, ok: false, detail };
  });
}
