/**
 * Syntax side of a multi-head model (training/multihead.py; outputs declared in `model-contract.json` `syntax`):
 * the value lists a model folder declares, lemma edit scripts, and single-root dependency-tree decoding of arc scores
 * (maximum spanning arborescence, Chu–Liu/Edmonds, exact under the one-root constraint). Pure functions.
 */
import { FEATURE_GROUPS, SYNTAX_OUTPUTS, UPOS_TAGS } from './contract.js';

/** What a model folder's `config.json` `chronique.syntax` declares: the order of every output's classes. */
export interface SyntaxSpec {
  upos: string[];
  /** Per feature group (contract order), `_` (absent) first, then the values. */
  feats: Record<string, string[]>;
  featGroups: string[];
  /** Lemma edit scripts `CASE|CUT|ADD`, by class. */
  lemmas: string[];
  deprels: string[];
  relRank: number;
}

/** The syntax declaration of a parsed `config.json`, or null for a NER-only model; throws (message) when malformed. */
export function readSyntaxSpec(config: { chronique?: unknown }): SyntaxSpec | null {
  const chronique = config.chronique as { outputs?: unknown; syntax?: Partial<SyntaxSpec> } | undefined;
  if (!chronique || !Array.isArray(chronique.outputs)) return null;
  const outputs = chronique.outputs as unknown[];
  if (!SYNTAX_OUTPUTS.every((name) => outputs.includes(name))) return null;
  const s = chronique.syntax;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!s || !strings(s.upos) || !strings(s.lemmas) || !strings(s.deprels) || !strings(s.featGroups) || typeof s.relRank !== 'number') {
    throw new Error('chronique.syntax must list upos, lemmas, deprels, featGroups and relRank');
  }
  if (s.upos.join() !== UPOS_TAGS.join()) throw new Error('chronique.syntax.upos differs from the model contract');
  if (s.featGroups.join() !== FEATURE_GROUPS.join()) throw new Error('chronique.syntax.featGroups differs from the model contract');
  const feats = s.feats ?? {};
  for (const group of s.featGroups) if (!strings(feats[group]) || feats[group]![0] !== '_') throw new Error(`chronique.syntax.feats.${group} must start with "_"`);
  return { upos: s.upos, feats, featGroups: s.featGroups, lemmas: s.lemmas, deprels: s.deprels, relRank: s.relRank };
}

/** Applies a lemma edit script `CASE|CUT|ADD` (training/lemma.py): keep (`K`) or lower-case (`L`) the form, cut CUT characters from its end, append ADD. */
export function applyLemmaScript(script: string, form: string): string {
  const first = script.indexOf('|');
  const second = script.indexOf('|', first + 1);
  const source = script.slice(0, first) === 'L' ? form.toLowerCase() : form;
  const cut = Math.min(Number(script.slice(first + 1, second)), source.length);
  return source.slice(0, source.length - cut) + script.slice(second + 1);
}

/**
 * Maximum spanning arborescence rooted at node 0 (Chu–Liu/Edmonds). `score[d][h]`: score of head h (0 = root) for
 * dependent d (1…n; row 0 unused); -Infinity forbids an arc. Returns heads[d - 1] for d = 1…n.
 */
function arborescence(score: Float64Array[], n: number): number[] {
  // Recursive contraction on explicit node sets; n is a sentence's word count, so O(n³) per level is cheap.
  const heads = new Array<number>(n + 1).fill(-1);
  for (let d = 1; d <= n; d++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let h = 0; h <= n; h++) {
      if (h !== d && score[d]![h]! > bestScore) {
        bestScore = score[d]![h]!;
        best = h;
      }
    }
    heads[d] = best;
  }
  const cycle = findCycle(heads, n);
  if (!cycle) return heads.slice(1);
  // Contract the cycle into one node c: arcs into the cycle are scored relative to the cycle arc they replace.
  const inCycle = new Uint8Array(n + 1);
  for (const v of cycle) inCycle[v] = 1;
  const rest = [0];
  for (let v = 1; v <= n; v++) if (!inCycle[v]) rest.push(v);
  const index = new Map<number, number>(rest.map((v, i) => [v, i]));
  const m = rest.length; // new nodes 0…m-1 are `rest`, node m is the cycle
  const sub: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(m + 1).fill(-Infinity));
  const enterFrom = new Int32Array(m + 1).fill(-1); // for an arc h -> cycle, which cycle node it enters
  const leaveFrom = new Int32Array(m + 1).fill(-1); // for an arc cycle -> d, which cycle node it leaves from
  let cycleScore = 0;
  for (const v of cycle) cycleScore += score[v]![heads[v]!]!;
  for (const d of rest) {
    if (d === 0) continue;
    const nd = index.get(d)!;
    for (const h of rest) if (h !== d) sub[nd]![index.get(h)!] = score[d]![h]!;
    let best = -Infinity;
    for (const v of cycle) {
      if (score[d]![v]! > best) {
        best = score[d]![v]!;
        leaveFrom[nd] = v;
      }
    }
    sub[nd]![m] = best;
  }
  for (const h of rest) {
    let best = -Infinity;
    for (const v of cycle) {
      const s = score[v]![h]! - score[v]![heads[v]!]! + cycleScore;
      if (s > best) {
        best = s;
        enterFrom[index.get(h)!] = v;
      }
    }
    sub[m]![index.get(h)!] = best;
  }
  const subHeads = arborescence(sub, m);
  const out = new Array<number>(n + 1).fill(-1);
  for (const v of cycle) out[v] = heads[v]!;
  for (let nd = 1; nd < m; nd++) {
    const h = subHeads[nd - 1]!;
    out[rest[nd]!] = h === m ? leaveFrom[nd]! : rest[h]!;
  }
  const hc = subHeads[m - 1]!; // the head of the contracted cycle
  out[enterFrom[hc]!] = rest[hc]!;
  return out.slice(1);
}

/** A cycle among heads[1…n] (the nodes on it), or null. */
function findCycle(heads: number[], n: number): number[] | null {
  const state = new Uint8Array(n + 1); // 0 unseen, 1 on the current path, 2 done
  for (let start = 1; start <= n; start++) {
    if (state[start]) continue;
    const path: number[] = [];
    let v = start;
    while (v > 0 && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = heads[v]!;
    }
    if (v > 0 && state[v] === 1) return path.slice(path.indexOf(v));
    for (const p of path) state[p] = 2;
  }
  return null;
}

/** Sentence length (words) up to which the single-root search tries every word. */
export const EXACT_ROOT_SEARCH = 40;
/** Root candidates tried beyond that length. */
export const ROOT_CANDIDATES = 8;

function treeScore(score: Float64Array[], heads: number[]): number {
  let total = 0;
  heads.forEach((h, d) => (total += score[d + 1]![h]!));
  return total;
}

/**
 * The best dependency tree with exactly one word attached to the root. `score[d][h]` for dependent d (1…n, row 0
 * unused) and head h (0…n, 0 = root): log-probabilities or any additive scores, -Infinity for forbidden arcs (every
 * word must keep the root as a possible head). When the best arborescence has several root children, each word in
 * turn is tried as the only one (exact); above `EXACT_ROOT_SEARCH` words only the `ROOT_CANDIDATES` words with the
 * best root scores are (each try costs a full decoding). Returns heads[d - 1] (0 = root).
 */
export function decodeTree(score: Float64Array[]): number[] {
  const n = score.length - 1;
  if (n <= 0) return [];
  const heads = arborescence(score, n);
  if (heads.filter((h) => h === 0).length === 1) return heads;
  let best: number[] = heads;
  let bestScore = -Infinity;
  let candidates = Array.from({ length: n }, (_, i) => i + 1);
  if (n > EXACT_ROOT_SEARCH) candidates = candidates.sort((a, b) => score[b]![0]! - score[a]![0]! || a - b).slice(0, ROOT_CANDIDATES);
  for (const r of candidates) {
    if (score[r]![0] === -Infinity) continue;
    const restricted = score.map((row, d) => {
      const copy = Float64Array.from(row);
      if (d === r) copy.fill(-Infinity, 1);
      else if (d > 0) copy[0] = -Infinity;
      return copy;
    });
    const candidate = arborescence(restricted, n);
    const s = treeScore(score, candidate);
    if (s > bestScore) {
      bestScore = s;
      best = candidate;
    }
  }
  return best;
}

/** Every word reaches the root (0) without a cycle, and exactly one word is attached to it. */
export function isTree(heads: readonly number[]): boolean {
  if (heads.filter((h) => h === 0).length !== 1) return false;
  for (let i = 1; i <= heads.length; i++) {
    const seen = new Set<number>();
    let j = i;
    while (j !== 0) {
      if (seen.has(j) || j < 0 || j > heads.length) return false;
      seen.add(j);
      j = heads[j - 1]!;
    }
  }
  return true;
}
