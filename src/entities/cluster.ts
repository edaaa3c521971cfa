/**
 * Canonical entities per article: mentions of the same thing are grouped, each group gets one canonical name, one
 * label and a deterministic id, and every mention points to its entity (`mention.entity`).
 *
 * Grouping, in order:
 *  1. same folded form (case, accents, apostrophes and spacing ignored): `Openai` = `OpenAI`;
 *  2. acronym defined in parentheses right after a name whose initials it spells
 *     (`National Highway Traffic Safety Administration (NHTSA)`), and later bare uses of that acronym;
 *     an all-caps mention that spells the initials of a multiword name in the article joins it too;
 *  3. persons: a one-word name joins the unique longer person name whose first or last word it is
 *     (`Karpathy`, `Andrej` → `Andrej Karpathy`); when several fit, the most mentioned one wins (then the first named).
 *
 * Canonical name: the longest form for persons and the spelled-out form for acronyms; among variants of the same
 * form, one with an internal capital (`OpenAI`, `DeepMind`) beats one without (`Openai`), a capitalized form beats a
 * lowercase one, a mixed-case form beats a shouted ALL-CAPS one (over 4 letters); then the most frequent, then the
 * first in the text. Label: the most frequent label of the group's mentions (ties: summed score, then PER, ORG, LOC, MISC).
 * Id: `ent_` + first 16 hex of sha256(article id, canonical, label) — the same extraction always gets the same id.
 */
import { createHash } from 'node:crypto';
import type { Document, Entity, Mention } from '../document.js';
import type { EntityLabel } from '../vocabulary.js';
import { contextLabelVote, majorityLabel } from './labels.js';
import { joinAcronymParts, personNameParts, splitJoinedMentions } from './mention-repair.js';
import { foldName, initials, isAcronym, words } from './names.js';
import { maxOf } from '../util/arrays.js';

export { contextLabelVote, majorityLabel } from './labels.js';
export { joinAcronymParts, NAME_CONNECTORS, personNameParts, splitJoinedMentions } from './mention-repair.js';
export { foldName, initials } from './names.js';

/** Ranking of a surface form as canonical candidate: higher is better. */
function casingQuality(surface: string): number {
  let score = 0;
  if (/\p{Ll}\p{Lu}/u.test(surface)) score += 4; // internal capital: OpenAI, DeepMind, iPhone
  if (/^\p{Lu}/u.test(surface)) score += 2;
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length > 4 && letters === letters.toUpperCase()) score -= 3; // TESLA in a headline
  return score;
}

interface Group {
  mentions: Mention[];
  /** Long forms this group's acronym was defined from (canonical candidates first). */
  definedFrom: string | null;
}



class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  /** Joins b's set into a's (a's root stays root, so the earlier group keeps its place). */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

export function entityId(articleId: string, canonical: string, label: EntityLabel): string {
  return 'ent_' + createHash('sha256').update(`${articleId}\u0001${canonical}\u0001${label}`).digest('hex').slice(0, 16);
}


function chooseCanonical(doc: Document, group: Group, label: EntityLabel): string {
  const stats = new Map<string, { count: number; first: number }>();
  for (const m of group.mentions) {
    const surface = doc.text.slice(m.start, m.end).replace(/\s+/g, ' ').trim();
    const s = stats.get(surface) ?? { count: 0, first: m.start };
    s.count++;
    stats.set(surface, s);
  }
  let candidates = [...stats.keys()];
  if (group.definedFrom) {
    const longForms = candidates.filter((c) => foldName(c) === foldName(group.definedFrom ?? ''));
    if (longForms.length > 0) candidates = longForms;
  }
  if (label === 'PER') {
    const maxWords = maxOf(candidates.map((c) => words(c).length));
    candidates = candidates.filter((c) => words(c).length === maxWords);
  }
  candidates.sort((a, b) => {
    const sa = stats.get(a)!;
    const sb = stats.get(b)!;
    return casingQuality(b) - casingQuality(a) || sb.count - sa.count || sa.first - sb.first || (a < b ? -1 : a > b ? 1 : 0);
  });
  return candidates[0] ?? '';
}

/**
 * Clusters `doc.mentions` into `doc.entities` and sets `mention.entity`. Idempotent: running it twice gives the
 * same entities (it ignores existing `entity` fields).
 */
export function clusterEntities(doc: Document): Entity[] {
  splitJoinedMentions(doc);
  joinAcronymParts(doc);
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  if (mentions.length === 0) {
    doc.entities = [];
    return doc.entities;
  }
  const surfaces = mentions.map((m) => doc.text.slice(m.start, m.end));
  const keys = surfaces.map(foldName);
  const uf = new UnionFind(mentions.length);

  // 1. Same folded form.
  const firstByKey = new Map<string, number>();
  keys.forEach((key, i) => {
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else uf.union(first, i);
  });

  // 2. Acronyms defined in parentheses: `Long Name (LN)`.
  const acronymOf = new Map<string, number>(); // folded acronym → mention index of its long form
  const definedFrom = new Map<number, string>(); // root mention index → long form
  mentions.forEach((m, i) => {
    const after = doc.text.slice(m.end, m.end + 16);
    const match = /^\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,9})\s*\)/.exec(after);
    const acronym = match?.[1];
    if (!acronym || !isAcronym(acronym)) return;
    if (initials(surfaces[i] ?? '') !== acronym.replace(/[.&-]/g, '').toLowerCase()) return;
    acronymOf.set(foldName(acronym), i);
    definedFrom.set(i, surfaces[i] ?? '');
  });
  // Undefined acronyms: an all-caps mention spelling the initials of a multiword mention of the article.
  const multiwordByInitials = new Map<string, number>();
  mentions.forEach((_, i) => {
    if (words(surfaces[i] ?? '').length >= 2) {
      const ini = initials(surfaces[i] ?? '');
      if (ini.length >= 2 && !multiwordByInitials.has(ini)) multiwordByInitials.set(ini, i);
    }
  });
  mentions.forEach((_, i) => {
    const surface = surfaces[i] ?? '';
    if (!isAcronym(surface)) return;
    const key = foldName(surface).replace(/[.&-]/g, '');
    const long = acronymOf.get(key) ?? multiwordByInitials.get(key);
    if (long === undefined) return;
    uf.union(long, i);
    if (!definedFrom.has(long)) definedFrom.set(long, surfaces[long] ?? '');
  });

  // 3. Persons: one-word name → the longer person name it belongs to.
  const isAcronymDefinition = (i: number) => definedFrom.has(i);
  const groupsNow = collect(mentions, uf);
  // A multiword name the model did not tag PER (`podcast de Lex Fridman` as LOC) is still a candidate when it looks
  // like a person's name, but only a PER surname named at least as often may join it (then the vote makes it PER).
  const perLongNames: Array<{ root: number; words: string[]; count: number; first: number; tagged: boolean }> = [];
  for (const [root, members] of groupsNow) {
    const tagged = majorityLabel(members.map((i) => mentions[i]!)) === 'PER';
    const longestIndex = [...members].sort((a, b) => words(surfaces[b] ?? '').length - words(surfaces[a] ?? '').length || a - b)[0] ?? root;
    const parts = personNameParts(surfaces[longestIndex] ?? '');
    if (parts && (tagged || !isAcronymDefinition(longestIndex))) perLongNames.push({ root, words: parts, count: members.length, first: members[0] ?? 0, tagged });
  }
  // Long person names by first and last word, so that each one-word name looks up its candidates instead of filtering all.
  const longNamesByWord = new Map<string, typeof perLongNames>();
  for (const p of perLongNames) {
    for (const word of new Set([p.words[0]!, p.words[p.words.length - 1]!])) {
      const list = longNamesByWord.get(word) ?? [];
      list.push(p);
      longNamesByWord.set(word, list);
    }
  }
  for (const [root, members] of groupsNow) {
    const label = majorityLabel(members.map((i) => mentions[i]!));
    if (label !== 'PER' && label !== 'MISC' && label !== 'ORG') continue;
    const key = keys[members[0] ?? 0] ?? '';
    const keyWords = words(key);
    if (keyWords.length !== 1) continue;
    // A surname the model tagged ORG/MISC still joins a person, but only when that person is the sole candidate and
    // the name is not used more often on its own than the person is named (`Tesla` ×28 is no part of a person).
    const candidates = (longNamesByWord.get(key) ?? []).filter((p) => p.root !== root && (p.tagged || (label === 'PER' && members.length >= p.count)));
    if (candidates.length === 0) continue;
    if (label !== 'PER' && (candidates.length !== 1 || members.length > candidates[0]!.count)) continue;
    candidates.sort((a, b) => b.count - a.count || a.first - b.first);
    uf.union(candidates[0]!.root, root);
  }

  // Build entities.
  const final = collect(mentions, uf);
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  for (const [root, members] of final) {
    const groupMentions = members.map((i) => mentions[i]!);
    const longIndex = members.find((i) => definedFrom.has(i));
    const group: Group = { mentions: groupMentions, definedFrom: longIndex !== undefined ? (definedFrom.get(longIndex) ?? null) : (definedFrom.get(root) ?? null) };
    const label = majorityLabel(groupMentions, groupMentions.flatMap((m) => contextLabelVote(doc.text, m)));
    const canonical = chooseCanonical(doc, group, label);
    const id = entityId(doc.meta.id, canonical, label);
    let entity = byId.get(id);
    if (!entity) {
      entity = { id, label, canonical, mentions: [] };
      byId.set(id, entity);
      entities.push(entity);
    }
    for (const m of groupMentions) {
      m.entity = id;
      entity.mentions.push({ start: m.start, end: m.end });
    }
  }
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || (a.id < b.id ? -1 : 1));
  doc.entities = entities;
  return entities;
}


/** Mention indexes by union-find root, roots in first-mention order. */
function collect(mentions: Mention[], uf: UnionFind): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const root = uf.find(i);
    const list = groups.get(root) ?? [];
    list.push(i);
    groups.set(root, list);
  });
  return groups;
}

/** A name that can be looked for again: starts and ends with a capitalized word or a number (`Tesla`, `Université de Stanford`; not `Musk de`). */
function isPropagatableName(surface: string): boolean {
  const ws = words(surface);
  if (surface.length < 3 || ws.length === 0 || ws.length > 6) return false;
  const capitalized = (w: string) => /^[\p{Lu}\p{N}]/u.test(w);
  return capitalized(ws[0]!) && capitalized(ws[ws.length - 1]!);
}

/**
 * Score of a mention added by propagation, from the evidence for its own surface form: the mean model score of the
 * mentions written that way, times the share of them whose own label is the entity's label (`Tesla` tagged ORG 10
 * times and PER 3 times: 10/13 of the mean). 0.5 × that share when no model mention has the form (gold or rules layers).
 */
export function propagatedScore(sameSurface: Mention[], label: EntityLabel): number {
  const model = sameSurface.filter((m) => m.source === 'model');
  const voters = model.length > 0 ? model : sameSurface;
  if (voters.length === 0) return 0;
  const agree = voters.filter((m) => m.label === label).length / voters.length;
  const mean = model.length > 0 ? model.reduce((sum, m) => sum + m.score, 0) / model.length : 0.5;
  return Math.round(mean * agree * 1000) / 1000;
}

/**
 * Document-level consistency for the NER model: an entity's name that the model tagged somewhere in the article is
 * tagged wherever else it appears as a whole word outside other mentions (`Karpathy a rejoint Tesla` where the model
 * missed `Tesla`). Added mentions have `source: 'rules'`, the entity's label and id, their own score (propagatedScore), and go to the
 * entity's mention list. Run after `clusterEntities`; returns how many mentions were added.
 */
export function propagateMentions(doc: Document): number {
  const names = new Map<string, { entity: Entity; score: number }>();
  // Mentions grouped by entity in one pass (a filter per entity is quadratic on long articles).
  const mentionsOf = new Map<string, Mention[]>();
  for (const m of doc.mentions) {
    if (!m.entity) continue;
    const group = mentionsOf.get(m.entity);
    if (group) group.push(m);
    else mentionsOf.set(m.entity, [m]);
  }
  for (const entity of doc.entities) {
    const bySurface = new Map<string, Mention[]>();
    for (const m of mentionsOf.get(entity.id) ?? []) {
      const surface = doc.text.slice(m.start, m.end);
      if (!isPropagatableName(surface)) continue;
      const list = bySurface.get(surface);
      if (list) list.push(m);
      else bySurface.set(surface, [m]);
    }
    for (const [surface, own] of bySurface) if (!names.has(surface)) names.set(surface, { entity, score: propagatedScore(own, entity.label) });
  }
  if (names.size === 0 || doc.sentences.length === 0) return 0;
  // Characters already inside a mention: a new mention may not overlap them.
  const covered = new Uint8Array(doc.text.length);
  for (const m of doc.mentions) covered.fill(1, m.start, m.end);
  const sentences = [...doc.sentences].sort((a, b) => a.start - b.start);
  const sentenceAt = (start: number, end: number) => {
    let low = 0;
    let high = sentences.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const x = sentences[mid]!;
      if (end <= x.start) high = mid - 1;
      else if (start >= x.end) low = mid + 1;
      else return start >= x.start && end <= x.end ? x : undefined;
    }
    return undefined;
  };
  // One pass over the text with all names, longest first (`Elon Musk` before a bare `Musk`); whole words only, and not
  // followed by another capitalized word (`Tesla` inside `Tesla Motors` stays untouched).
  const alternatives = [...names.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|\\s\\p{Lu}\\p{Ll})`, 'gu');
  const byId = new Map(doc.entities.map((e) => [e.id, e] as const));
  const added: Mention[] = [];
  for (const match of doc.text.matchAll(re)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const name = names.get(match[0]);
    const sentence = sentenceAt(start, end);
    if (!name || !sentence || covered.subarray(start, end).some((c) => c === 1)) continue;
    covered.fill(1, start, end);
    added.push({ start, end, sentence: sentence.index, label: name.entity.label, score: name.score, source: 'rules', entity: name.entity.id });
    byId.get(name.entity.id)?.mentions.push({ start, end });
  }
  if (added.length === 0) return 0;
  doc.mentions = [...doc.mentions, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return added.length;
}
