/**
 * Anaphora for event arguments: a pronoun subject (`il`, `elle`), a possessive (`son départ`) or a definite
 * description (`l'entreprise`) is resolved to a named mention. Salience rules, in order:
 *  1. cataphora — an anaphor inside a sentence-initial adverbial or participial clause (`Après son départ d'OpenAI,
 *     Karpathy a …`, `Annonçant son retour …, Karpathy …`) points to the subject after that clause;
 *  2. the subject-like mention (not after a preposition) earlier in the same sentence;
 *  3. in the nearest preceding sentence naming someone of the right label (up to 4 sentences back), the most
 *     salient of its mentions — salience = how often the entity was named so far in the article (the article's
 *     topic person wins over a passing one), then subject position, then text order.
 * Persons are looked for first for `il`/`elle`/`son`; organizations for `l'entreprise`-style descriptions: the only
 * organization of the last sentences, or one named twice as often as any other there, else none (resolveByRecency). Plural anaphors (`ils`, `leur`) are not resolved.
 */
import type { EntityLabel } from '../vocabulary.js';
import { AVOIR_FORMS, ETRE_FORMS, FEMININE_TITLES, FRONTED_CLAUSE_STARTERS, MASCULINE_TITLES, MODAL_FORMS, NEGATION_START, SINGULAR_SUBJECT_PRONOUNS } from '../rules/fr/event-cues.js';
import type { MentionSpan, SentenceView } from './sentence-view.js';

const LOOKBACK_SENTENCES = 4;

function subjectLike(span: MentionSpan): boolean {
  return span.governedBy === null && !span.parenthesized;
}

/** The mention a singular anaphor at token `at` of sentence `views[s]` refers to, for the given labels (in preference order). */
export function resolveAnaphor(views: SentenceView[], s: number, at: number, labels: EntityLabel[]): MentionSpan | null {
  const view = views[s];
  if (!view) return null;
  for (const label of labels) {
    const found = label === 'PER' ? resolvePersonLike(views, s, at, label) : resolveByRecency(views, s, at, label);
    if (found) return found;
  }
  return null;
}

type Gender = 'F' | 'M' | null;

/** Entity gender from the words before its mentions in the article, once per document (the views array). */
const genders = new WeakMap<SentenceView[], Map<string, Gender>>();

/**
 * `Mme X`, `la ministre X` → feminine; `M. X`, `le président X` → masculine; votes over all mentions, null when
 * nothing says or the votes tie. Only used to keep `il`/`elle` off a person of the other gender.
 */
function genderOf(views: SentenceView[], span: MentionSpan): Gender {
  let index = genders.get(views);
  if (!index) {
    const votes = new Map<string, number>();
    for (const v of views) {
      for (const m of v.mentions) {
        const entity = m.mention.entity;
        if (!entity) continue;
        const prev = v.tokens[m.first - 1]?.norm ?? '';
        const prev2 = v.tokens[m.first - 2]?.norm ?? '';
        // `M. Samaras` is tokenized `M` `.` `Samaras`.
        const title = prev === '.' ? `${prev2}.` : prev;
        const commonNoun = /^\p{Ll}/u.test(v.tokens[m.first - 1]?.text ?? '');
        const vote =
          FEMININE_TITLES.has(title) || (commonNoun && (prev2 === 'la' || prev2 === 'une')) ? 1
          : MASCULINE_TITLES.has(title) || (commonNoun && (prev2 === 'le' || prev2 === 'un')) ? -1
          : 0;
        votes.set(entity, (votes.get(entity) ?? 0) + vote);
      }
    }
    index = new Map([...votes].map(([entity, vote]) => [entity, vote > 0 ? 'F' : vote < 0 ? 'M' : null] as const));
    genders.set(views, index);
  }
  return span.mention.entity ? (index.get(span.mention.entity) ?? null) : null;
}

function resolvePersonLike(views: SentenceView[], s: number, at: number, label: EntityLabel): MentionSpan | null {
  const view = views[s]!;
  // `elle` never points to a man named `M. X` or `le président X`, nor `il` to `Mme X`.
  const pronoun = view.tokens[at]?.norm;
  const excluded: Gender = pronoun === 'elle' ? 'M' : pronoun === 'il' ? 'F' : null;
  const ofLabel = (m: MentionSpan) => m.label === label && (excluded === null || genderOf(views, m) !== excluded);
  // 1. Cataphora from a fronted clause.
  const firstComma = view.tokens.findIndex((t) => t.norm === ',');
  const opener = view.tokens[0];
  if (firstComma > at && opener && at > 0 && (FRONTED_CLAUSE_STARTERS.has(opener.norm) || /ant$/.test(opener.norm))) {
    const after = view.mentions.find((m) => m.first > firstComma && ofLabel(m) && subjectLike(m) && view.tokens[m.first - 1]?.norm === ',');
    if (after) return after;
  }
  // 2. Same sentence, before the anaphor.
  const before = view.mentions.filter((m) => m.last < at && ofLabel(m));
  const subjectBefore = before.find(subjectLike);
  if (subjectBefore) return subjectBefore;
  // 3. Preceding sentences.
  const at0 = view.tokens[at]?.start ?? view.sentence.start;
  for (let k = s - 1; k >= Math.max(0, s - LOOKBACK_SENTENCES); k--) {
    const prev = views[k];
    if (!prev || prev.sentence.kind === 'title') continue;
    const candidates = prev.mentions.filter((m) => ofLabel(m) && !m.parenthesized);
    if (candidates.length === 0) continue;
    // A subject pronoun takes up the nearest sentence's subject (a name right before its verb) before any salience:
    // `X a dit… Y est arrivé lundi. Il a déclaré…` is Y however often X was named.
    if (SINGULAR_SUBJECT_PRONOUNS.has(pronoun ?? '')) {
      const subject = candidates.find((m) => subjectLike(m) && startsVerb(prev, m.last + 1));
      if (subject) return subject;
    }
    return mostSalient(views, candidates, at0, (a, b) => Number(subjectLike(b)) - Number(subjectLike(a)) || a.first - b.first);
  }
  return before[before.length - 1] ?? null;
}

/** Whether token k starts a finite verb group: an auxiliary or modal, a negation, a reflexive clitic or a trigger verb form. */
function startsVerb(view: SentenceView, k: number): boolean {
  const n = view.tokens[k]?.norm ?? '';
  return AVOIR_FORMS.has(n) || ETRE_FORMS.has(n) || MODAL_FORMS.has(n) || NEGATION_START.has(n) || n === 'se' || n === "s'" || (view.isVerbForm?.(n) ?? false);
}

/** How many mentions of the span's entity precede offset `at` in the article. */
function salience(views: SentenceView[], span: MentionSpan, at: number): number {
  const entity = span.mention.entity;
  if (!entity) return 1;
  // Binary search in the entity's sorted mention starts: a scan of the article per anaphor would be quadratic.
  const starts = entityStarts(views).get(entity) ?? [];
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Per article (its views, built once by extractEvents): each entity's mention starts, sorted. */
const entityStartsByViews = new WeakMap<SentenceView[], Map<string, number[]>>();

function entityStarts(views: SentenceView[]): Map<string, number[]> {
  let starts = entityStartsByViews.get(views);
  if (!starts) {
    starts = new Map();
    for (const v of views) {
      for (const m of v.mentions) {
        const entity = m.mention.entity;
        if (!entity) continue;
        const list = starts.get(entity) ?? [];
        list.push(m.mention.start);
        starts.set(entity, list);
      }
    }
    for (const list of starts.values()) list.sort((a, b) => a - b);
    entityStartsByViews.set(views, starts);
  }
  return starts;
}

function mostSalient(views: SentenceView[], candidates: MentionSpan[], at: number, tieBreak: (a: MentionSpan, b: MentionSpan) => number): MentionSpan | null {
  const scored = candidates.map((m) => ({ m, score: salience(views, m, at) }));
  scored.sort((a, b) => b.score - a.score || tieBreak(a.m, b.m));
  return scored[0]?.m ?? null;
}

/** How much more often the chosen organization must have been named than any other candidate of the window. */
const DOMINANCE = 2;

/**
 * A definite description (`l'entreprise`, `le constructeur`) → an organization, or null. Candidates: the distinct
 * entities of that label named before it in its sentence and in the LOOKBACK_SENTENCES before (titles aside). One
 * candidate: that one. Several: the one named at least DOMINANCE times as often so far as every other (the article's
 * topic company); otherwise the description stays unresolved — never a guess between two companies.
 */
function resolveByRecency(views: SentenceView[], s: number, at: number, label: EntityLabel): MentionSpan | null {
  const view = views[s]!;
  const at0 = view.tokens[at]?.start ?? view.sentence.start;
  const byEntity = new Map<string, MentionSpan>();
  const consider = (m: MentionSpan) => {
    if (m.label !== label || m.parenthesized) return;
    const key = m.mention.entity ?? `${m.mention.start}`;
    if (!byEntity.has(key)) byEntity.set(key, m);
  };
  // Nearest first, so that each entity is represented by its closest mention.
  [...view.mentions].filter((m) => m.last < at).reverse().forEach(consider);
  for (let k = s - 1; k >= Math.max(0, s - LOOKBACK_SENTENCES); k--) {
    const prev = views[k];
    if (!prev || prev.sentence.kind === 'title') continue;
    [...prev.mentions].reverse().forEach(consider);
  }
  const candidates = [...byEntity.values()].map((m) => ({ m, score: salience(views, m, at0) })).sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (!best) return null;
  if (!second || best.score >= DOMINANCE * second.score) return best.m;
  return null;
}
