/**
 * The event engine: finds triggers in each sentence (lexicon of inflected forms), attaches participants from the
 * sentence's mentions by role-specific position rules (subject, object, preposition, possessive, apposition,
 * support verb, then nearest mention of the clause as a fallback), resolves anaphoric subjects, and decides
 * polarity, modality, time and confidence. Pure and deterministic: same document → same events.
 */
import type { Document, Mention, Sentence, TimeExpression } from '../document.js';
import type { EntityLabel } from '../vocabulary.js';
import type { EventType, Modality, Polarity, Role } from '../vocabulary.js';
import { clusterEntities } from '../entities/cluster.js';
import { CORE_ROLES, ROLE_FRAMES } from '../rules/fr/event-frames.js';
import {
  ARTICLES,
  AVOIR_FORMS,
  CLITIC_HOSTS,
  CLITICS,
  CONTRACTED_ARTICLES,
  HYPOTHETICAL_CONTEXT,
  INFINITIVE_INTRODUCERS,
  NOUN_MAKING_PREPOSITIONS,
  PREPOSITIONS_AS_DETERMINERS,
  RELATIVE_PRONOUNS,
  CONDITIONAL_AUXILIARIES,
  DEFINITE_DETERMINERS,
  DETERMINERS,
  ETRE_FORMS,
  FRONTED_TIME_STARTERS,
  HYPOTHETICAL_CUES,
  MODAL_FORMS,
  NEGATING_GOVERNORS,
  NEGATION_PARTICLES,
  NEGATION_START,
  NOUN_NEGATORS,
  NOUN_PREMODIFIERS,
  ORG_ANAPHOR_NOUNS,
  PLANNED_PREMODIFIERS,
  POSSESSIVES_SINGULAR,
  PREPOSITION_IN_VERB_GROUP,
  REFLEXIVE_CLITICS,
  REPORTED_CUES,
  SINGULAR_SUBJECT_PRONOUNS,
  TIME_BOUND_PREFIXES,
  VERB_GROUP_ADVERBS,
} from '../rules/fr/event-cues.js';
import type { Tense } from './inflect.js';
import type { LexiconEntry, TriggerLexicon } from './lexicon.js';
import { resolveAnaphor } from './resolve.js';
import { buildSentenceView, isClauseBoundary, prepositionAt, type MentionSpan, type SentenceView } from './sentence-view.js';
import type { LabelRoles, RoleFrame, TriggerRow } from '../rules/schema.js';
import type { Token } from './tokens.js';

/** How an argument was found; `fallback` arguments lower the confidence. */
export type ArgumentSource = 'subject' | 'object' | 'passive' | 'preposition' | 'possessive' | 'apposition' | 'support' | 'relative' | 'fallback';

export interface ExtractedArgument {
  role: Role;
  /** The named mention (for a resolved anaphor: its antecedent). */
  span: MentionSpan;
  /** The anaphor as written (`il`, `son`, `l'entreprise`) when the argument was resolved, else null. */
  anaphor: { start: number; end: number } | null;
  source: ArgumentSource;
}

export interface ExtractedEvent {
  type: EventType;
  row: TriggerRow;
  lemma: string;
  tense: Tense;
  trigger: { start: number; end: number };
  sentenceIndex: number;
  arguments: ExtractedArgument[];
  time: TimeExpression | null;
  polarity: Polarity;
  modality: Modality;
  confidence: number;
}

/** What stands in the subject slot before a verb group or event noun. */
type SubjectFinding =
  | { kind: 'mention'; span: MentionSpan; source: ArgumentSource }
  | { kind: 'anaphor'; token: number; length: number; labels: EntityLabel[]; source: ArgumentSource }
  | null;

interface VerbGroup {
  /** First token of the group (auxiliaries, clitics, negation, adverbs before the trigger). */
  start: number;
  words: string[];
  passive: boolean;
  reflexive: boolean;
}

interface DocContext {
  doc: Document;
  views: SentenceView[];
  lexicon: TriggerLexicon;
}

/** Longest run of words after a trigger searched for prepositional participants. */
const MAX_PREP_CHAIN = 10;
/** Trigger prior from which proximity-only participants are enough. */
const UNAMBIGUOUS_TRIGGER = 0.9;

function isAdverb(norm: string): boolean {
  return VERB_GROUP_ADVERBS.has(norm) || (norm.length > 5 && norm.endsWith('ment'));
}

function isVerbGroupWord(tokens: Token[], i: number): boolean {
  const n = tokens[i]?.norm ?? '';
  if (AVOIR_FORMS.has(n) || ETRE_FORMS.has(n) || MODAL_FORMS.has(n) || NEGATION_START.has(n) || NEGATION_PARTICLES.has(n)) return true;
  if (isAdverb(n)) return true;
  // A clitic belongs to the group only right before a verb-ish word (`l'a quitté`, `s'est rendu`), not as an article.
  if (CLITICS.has(n)) {
    const next = tokens[i + 1]?.norm ?? '';
    return AVOIR_FORMS.has(next) || ETRE_FORMS.has(next) || MODAL_FORMS.has(next) || REFLEXIVE_CLITICS.has(n) || n === 'y' || n === 'en';
  }
  // `vient de quitter`, `a décidé de rejoindre`, `a fini par`: the preposition joins a modal to the infinitive.
  if (PREPOSITION_IN_VERB_GROUP.has(n)) return MODAL_FORMS.has(tokens[i - 1]?.norm ?? '');
  return false;
}

/** The auxiliaries, clitics, negation and adverbs before a verb; `takesEtre`: être + participle is then not a passive. */
function verbGroup(tokens: Token[], first: number, takesEtre: boolean, tense: Tense): VerbGroup {
  let j = first - 1;
  const words: string[] = [];
  while (j >= 0 && isVerbGroupWord(tokens, j)) {
    words.unshift(tokens[j]!.norm);
    j--;
  }
  // Passive: a form of être right before the participle (adverbs and negation aside), unless the verb takes être.
  let passive = false;
  if (tense === 'ppast' && !takesEtre) {
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]!;
      if (ETRE_FORMS.has(w)) {
        passive = !REFLEXIVE_CLITICS.has(words[k - 1] ?? '');
        break;
      }
      if (!isAdverb(w) && !NEGATION_PARTICLES.has(w) && !NEGATION_START.has(w)) break;
    }
  }
  const reflexive = words.some((w) => REFLEXIVE_CLITICS.has(w));
  return { start: j + 1, words, passive, reflexive };
}

function labelsFor(slot: LabelRoles, preferred: EntityLabel[]): EntityLabel[] {
  return preferred.filter((l) => slot[l] !== undefined);
}

function isOrgDescription(tokens: Token[], i: number): boolean {
  return DEFINITE_DETERMINERS.has(tokens[i]?.norm ?? '') && ORG_ANAPHOR_NOUNS.has(tokens[i + 1]?.norm ?? '');
}

/** Subject of the verb whose group starts at token `groupStart`. */
function findVerbSubject(view: SentenceView, groupStart: number): SubjectFinding {
  const tokens = view.tokens;
  const j = groupStart - 1;
  if (j < 0) return null;
  const t = tokens[j]!;
  if (SINGULAR_SUBJECT_PRONOUNS.has(t.norm)) return { kind: 'anaphor', token: j, length: 1, labels: ['PER', 'ORG'], source: 'subject' };
  if (t.norm === 'qui') {
    let k = j - 1;
    if (tokens[k]?.norm === ',') k--;
    const span = view.mentionOfToken[k];
    if (span && span.last === k) return { kind: 'mention', span, source: 'relative' };
    return null;
  }
  // Words before the verb in its own comma segment: that is where the subject is (`les syndicats ont annoncé`).
  const segment = view.segmentOf[groupStart];
  let segStart = groupStart;
  while (segStart > 0 && view.segmentOf[segStart - 1] === segment && !isClauseBoundary(tokens, segStart - 1)) segStart--;
  if (/^[,;:()«»—–]$/.test(tokens[segStart]?.norm ?? '')) segStart++;
  if (segStart < groupStart) {
    // A name right before the verb, not after a preposition (`le journaliste de France 2 Gilles Jacquier aurait été tué`).
    const adjacent = view.mentionOfToken[groupStart - 1];
    if (adjacent && adjacent.last === groupStart - 1 && adjacent.governedBy === null && !adjacent.parenthesized) return { kind: 'mention', span: adjacent, source: 'subject' };
    const head = tokens[segStart]!;
    const span = view.mentionOfToken[segStart];
    if (span && span.first === segStart && !span.parenthesized) return { kind: 'mention', span, source: 'subject' };
    if (isOrgDescription(tokens, segStart)) return { kind: 'anaphor', token: segStart, length: 2, labels: ['ORG'], source: 'subject' };
    if (DETERMINERS.has(head.norm) && !PREPOSITIONS_AS_DETERMINERS.has(head.norm)) {
      // `le président François Hollande a déclaré`: article, common nouns, then the name; without a name right after
      // the common nouns (`les fédérations des syndicats ont annoncé`) the subject is not an entity.
      let i = segStart + 1;
      while (i < groupStart && /^\p{Ll}/u.test(tokens[i]!.text) && !prepositionAt(tokens, i) && !view.mentionOfToken[i]) i++;
      const named = view.mentionOfToken[i];
      return named && named.first === i && i < groupStart ? { kind: 'mention', span: named, source: 'subject' } : null;
    }
  }
  // The verb opens its segment (`X, le directeur de Y, a révélé`) or follows an adverbial: scan back to the start of
  // the clause; the first subject-like candidate there is the subject (appositions and fronted adverbials are skipped
  // because their mentions follow a preposition or sit between commas after it).
  let k = j;
  while (k >= 0 && !isClauseBoundary(tokens, k)) k--;
  let end = j;
  // `…, qui a porté Rajoy au pouvoir, a succédé …`: after a comma, a clause opened by a relative pronoun has closed;
  // the subject is before that relative clause.
  if (tokens[groupStart - 1]?.norm === ',' && RELATIVE_PRONOUNS.has(tokens[k]?.norm ?? '')) {
    end = k - 1;
    k = end;
    while (k >= 0 && !isClauseBoundary(tokens, k)) k--;
  }
  for (let i = k + 1; i <= end; i++) {
    const span = view.mentionOfToken[i];
    if (span && span.first === i) {
      if (span.governedBy === null && !span.parenthesized) return { kind: 'mention', span, source: 'subject' };
      i = span.last;
      continue;
    }
    if (isOrgDescription(tokens, i) && prepBefore(tokens, i) === null) return { kind: 'anaphor', token: i, length: 2, labels: ['ORG'], source: 'subject' };
    if (SINGULAR_SUBJECT_PRONOUNS.has(tokens[i]!.norm)) return { kind: 'anaphor', token: i, length: 1, labels: ['PER', 'ORG'], source: 'subject' };
  }
  return null;
}

/** The preposition right before token i, if any. */
function prepBefore(tokens: Token[], i: number): string | null {
  return i > 0 ? (prepositionAt(tokens, i - 1)?.prep ?? null) : null;
}

/** Subject of an event noun: possessive, apposition host, or the subject of its support verb. */
function findNounSubject(ctx: DocContext, view: SentenceView, first: number): { finding: SubjectFinding; supportGroup: VerbGroup | null } {
  const tokens = view.tokens;
  let j = first - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 2 && (NOUN_PREMODIFIERS.has(tokens[j]!.norm) || /ième$/.test(tokens[j]!.norm))) {
    j--;
    skipped++;
  }
  const before = tokens[j];
  if (before && POSSESSIVES_SINGULAR.has(before.norm)) {
    return { finding: { kind: 'anaphor', token: j, length: 1, labels: ['PER', 'ORG'], source: 'possessive' }, supportGroup: null };
  }
  // Apposition: `Andrej Karpathy, membre fondateur d'OpenAI`.
  let a = j;
  while (a >= 0 && a > j - 3 && (DETERMINERS.has(tokens[a]!.norm) || NOUN_PREMODIFIERS.has(tokens[a]!.norm))) a--;
  if (tokens[a]?.norm === ',') {
    const host = view.mentionOfToken[a - 1];
    if (host && host.last === a - 1 && !host.parenthesized) return { finding: { kind: 'mention', span: host, source: 'apposition' }, supportGroup: null };
  }
  // Support verb: `a ouvert une enquête`, `a annoncé le licenciement`.
  if (before && (DETERMINERS.has(before.norm) || before.norm === 'de' || before.norm === "d'")) {
    let v = j - 1;
    while (v >= 0 && isAdverb(tokens[v]!.norm)) v--;
    const verb = tokens[v];
    if (verb && ctx.lexicon.supportVerbForms.has(verb.norm)) {
      const group = verbGroup(tokens, v, false, 'pres');
      const finding = findVerbSubject(view, group.start);
      return { finding: finding ? { ...finding, source: 'support' } : null, supportGroup: group };
    }
  }
  return { finding: null, supportGroup: null };
}

/** Direct object right after a verb: at most two determiners and two other words before a mention. */
function findObject(view: SentenceView, last: number): MentionSpan | null {
  const tokens = view.tokens;
  let k = last + 1;
  let dets = 0;
  let words = 0;
  while (k < tokens.length) {
    const span = view.mentionOfToken[k];
    if (span) return span.first === k && !span.parenthesized ? span : null;
    const n = tokens[k]!.norm;
    if (prepositionAt(tokens, k) && !DETERMINERS.has(n)) return null;
    if (n === 'des' || n === 'du') return null;
    if (isClauseBoundary(tokens, k) || !/\p{L}/u.test(n)) return null;
    if (DETERMINERS.has(n) && dets < 2) dets++;
    else if (/^\p{Ll}/u.test(tokens[k]!.text) && words < 2) words++;
    else return null;
    k++;
  }
  return null;
}

/** Role of a mention in a slot, by its label. */
function roleIn(slot: LabelRoles | undefined, label: EntityLabel): Role | undefined {
  return slot?.[label];
}

function mergeFrame(type: EventType, row: TriggerRow): RoleFrame {
  const base = ROLE_FRAMES[type];
  const over = row.frame ?? {};
  return {
    subject: over.subject ?? base.subject,
    object: over.object ?? base.object,
    passive: over.passive ?? base.passive,
    preps: over.preps ? { ...base.preps, ...over.preps } : base.preps,
    fallback: over.fallback ?? base.fallback,
  };
}

/** Tokens after the trigger within `window`, joined so that multiword cues can be matched. */
function windowText(tokens: Token[], from: number, window: number): string {
  let out = '';
  for (let k = from; k < Math.min(tokens.length, from + window); k++) {
    const n = tokens[k]!.norm;
    out += out === '' || out.endsWith("'") ? n : ' ' + n;
  }
  return ` ${out} `;
}

function matchesCue(text: string, cue: string): boolean {
  const c = cue.toLowerCase().replace(/’/g, "'");
  if (c.endsWith('*')) return new RegExp(`\\s${escapeRegExp(c.slice(0, -1))}`, 'u').test(text);
  return text.includes(` ${c} `) || (c.endsWith("'") && text.includes(` ${c}`));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function passesContext(tokens: Token[], first: number, last: number, row: TriggerRow): boolean {
  const window = row.window ?? 5;
  const after = windowText(tokens, last + 1, window);
  if (row.requiresNear && !row.requiresNear.some((c) => matchesCue(after, c))) return false;
  if (row.excludeNear && row.excludeNear.some((c) => matchesCue(after, c))) return false;
  if (row.excludeBefore) {
    const before = windowText(tokens, Math.max(0, first - 2), first - Math.max(0, first - 2));
    if (row.excludeBefore.some((c) => before.endsWith(` ${c.toLowerCase()} `))) return false;
  }
  return true;
}

/** Whether the words before token i make it a noun (after a determiner, possessive or preposition). */
function nounContext(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (NOUN_PREMODIFIERS.has(tokens[j]!.norm) || /ième$/.test(tokens[j]!.norm))) j--;
  const prev = tokens[j]?.norm ?? '';
  return DETERMINERS.has(prev) || prev === 'de' || prev === "d'" || prev === 'à' || prev === 'au' || prev === 'aux' || prev === 'en' || prev === 'par' || prev === 'pour' || prev === 'sans';
}

function phraseMatches(tokens: Token[], i: number, rest: string[]): boolean {
  return rest.every((w, k) => {
    const n = tokens[i + 1 + k]?.norm;
    return n === w || n === w + 's' || n === w + 'e' || n === w + 'es';
  });
}

/** Candidate lexicon entries at token i, best first (phrases, then the part of speech the context calls for). */
function candidatesAt(ctx: DocContext, view: SentenceView, i: number): LexiconEntry[] {
  const entries = ctx.lexicon.byFirstWord.get(view.tokens[i]!.norm);
  if (!entries) return [];
  const preferNoun = nounContext(view.tokens, i);
  return entries
    .filter((e) => phraseMatches(view.tokens, i, e.rest))
    .filter((e) => view.mentionOfToken.slice(i, i + 1 + e.rest.length).every((m) => m === undefined))
    .sort((a, b) => {
      if (a.rest.length !== b.rest.length) return b.rest.length - a.rest.length;
      const pa = (a.row.pos === 'noun') === preferNoun ? 0 : 1;
      const pb = (b.row.pos === 'noun') === preferNoun ? 0 : 1;
      return pa - pb || a.order - b.order;
    });
}

function isTriggerStart(ctx: DocContext, view: SentenceView, k: number): boolean {
  return candidatesAt(ctx, view, k).some((e) => passesContext(view.tokens, k, k + e.rest.length, e.row));
}

function addArgument(args: ExtractedArgument[], arg: ExtractedArgument): void {
  const entity = arg.span.mention.entity ?? `${arg.span.mention.start}`;
  if (args.some((a) => (a.span.mention.entity ?? `${a.span.mention.start}`) === entity)) return;
  args.push(arg);
}

/** Arguments from the words after the trigger: each mention gets the role of the preposition governing it. */
function prepositionalArguments(ctx: DocContext, view: SentenceView, s: number, last: number, frame: RoleFrame, args: ExtractedArgument[], isVerb: boolean): void {
  const tokens = view.tokens;
  const chain: string[] = [];
  // After a verb, `de X` following its object noun completes that noun (`rejoindre les bancs de l'Assemblée`).
  let wordsBeforeChain = 0;
  const governing = (): string | undefined => {
    const lastPrep = chain[chain.length - 1];
    if (lastPrep === 'de') {
      const other = [...chain].reverse().find((p) => p !== 'de');
      if (other) return other;
      return isVerb && wordsBeforeChain > 0 ? undefined : 'de';
    }
    return lastPrep;
  };
  for (let k = last + 1; k < tokens.length && k <= last + MAX_PREP_CHAIN; k++) {
    const t = tokens[k]!;
    if (t.norm === ',' || t.norm === '(' || t.norm === ')' || isClauseBoundary(tokens, k)) break;
    // A finite verb ends the noun phrase: auxiliaries, and any word after a reflexive clitic (`s'explique`).
    if (AVOIR_FORMS.has(t.norm) || ETRE_FORMS.has(t.norm) || MODAL_FORMS.has(t.norm) || NEGATION_START.has(t.norm) || t.norm === 'se' || t.norm === "s'") break;
    const span = view.mentionOfToken[k];
    if (span && span.first === k) {
      const prep = governing();
      const role = prep ? roleIn(frame.preps[prep], span.label) : undefined;
      if (role && !span.parenthesized) addArgument(args, { role, span, anaphor: null, source: 'preposition' });
      k = span.last;
      continue;
    }
    if (chain.length > 0 && isOrgDescription(tokens, k)) {
      const prep = governing();
      const role = prep ? roleIn(frame.preps[prep], 'ORG') : undefined;
      const antecedent = role ? resolveAnaphor(ctx.views, s, k, ['ORG']) : null;
      if (role && antecedent) addArgument(args, { role, span: antecedent, anaphor: { start: t.start, end: tokens[k + 1]!.end }, source: 'preposition' });
      k++;
      continue;
    }
    // Another event noun heads a new phrase (`après la fermeture de …`), unless it only qualifies a noun (`bureau de recrutement`).
    const qualifier = tokens[k - 1]?.norm === 'de' || tokens[k - 1]?.norm === "d'";
    if (k > last + 1 && !qualifier && isTriggerStart(ctx, view, k)) break;
    const p = prepositionAt(tokens, k);
    if (p) {
      chain.push(p.prep);
      k += p.length - 1;
      // A contracted article (`au sein du constructeur`, `de la part du groupe`) before an organization noun.
      const noun = tokens[k + 1];
      if (CONTRACTED_ARTICLES.has(tokens[k]!.norm) && noun && ORG_ANAPHOR_NOUNS.has(noun.norm) && !view.mentionOfToken[k + 1]) {
        const role = roleIn(frame.preps[p.prep === 'de' && chain.length > 1 ? (chain.slice(0, -1).reverse().find((c) => c !== 'de') ?? 'de') : p.prep], 'ORG');
        const antecedent = role ? resolveAnaphor(ctx.views, s, k + 1, ['ORG']) : null;
        if (role && antecedent) addArgument(args, { role, span: antecedent, anaphor: { start: noun.start, end: noun.end }, source: 'preposition' });
        k++;
      }
      continue;
    }
    if (t.norm === 'et' || t.norm === 'ou') {
      let n = k + 1;
      while (DETERMINERS.has(tokens[n]?.norm ?? '')) n++;
      if (!view.mentionOfToken[n]) break;
    }
    if (chain.length === 0 && !DETERMINERS.has(t.norm)) wordsBeforeChain++;
  }
}

/** Nearest mention of the same clause for each still-empty fallback role. */
function fallbackArguments(view: SentenceView, first: number, last: number, frame: RoleFrame, args: ExtractedArgument[]): void {
  const tokens = view.tokens;
  let clauseStart = first;
  while (clauseStart > 0 && !isClauseBoundary(tokens, clauseStart - 1)) clauseStart--;
  let clauseEnd = last;
  while (clauseEnd < tokens.length - 1 && !isClauseBoundary(tokens, clauseEnd + 1)) clauseEnd++;
  const filled = new Set(args.map((a) => a.role));
  const used = new Set(args.map((a) => a.span.mention.entity ?? `${a.span.mention.start}`));
  for (const label of ['PER', 'ORG', 'LOC', 'MISC'] as EntityLabel[]) {
    const role = frame.fallback[label];
    if (!role || filled.has(role)) continue;
    const candidates = view.mentions
      .filter((m) => m.label === label && !m.parenthesized && m.first >= clauseStart && m.last <= clauseEnd)
      .filter((m) => !used.has(m.mention.entity ?? `${m.mention.start}`))
      .sort((a, b) => distance(a, first, last) - distance(b, first, last) || a.first - b.first);
    const best = candidates[0];
    if (best) {
      args.push({ role, span: best, anaphor: null, source: 'fallback' });
      filled.add(role);
      used.add(best.mention.entity ?? `${best.mention.start}`);
    }
  }
}

function distance(m: MentionSpan, first: number, last: number): number {
  return m.last < first ? first - m.last : m.first > last ? m.first - last : 0;
}

/** Polarity and modality from the verb group, the words before an event noun and the clause. */
function polarityAndModality(
  ctx: DocContext,
  view: SentenceView,
  first: number,
  last: number,
  row: TriggerRow,
  tense: Tense,
  group: VerbGroup | null,
  supportGroup: VerbGroup | null,
): { polarity: Polarity; modality: Modality } {
  const tokens = view.tokens;
  const groupWords = group?.words ?? [];
  let clauseStart = first;
  while (clauseStart > 0 && !isClauseBoundary(tokens, clauseStart - 1)) clauseStart--;
  const before = tokens.slice(clauseStart, first).map((t) => t.norm);
  const sentenceWords = tokens.map((t) => t.norm);

  let negative = false;
  const hasNegation = (words: string[], after?: string) =>
    words.some((w) => NEGATION_START.has(w)) && (words.some((w) => NEGATION_PARTICLES.has(w)) || (after !== undefined && NEGATION_PARTICLES.has(after)));
  if (row.pos === 'verb') {
    negative = hasNegation(groupWords, tokens[last + 1]?.norm) || tokens[(group?.start ?? first) - 1]?.norm === 'sans';
  } else {
    let j = first - 1;
    while (j >= 0 && (NOUN_PREMODIFIERS.has(tokens[j]!.norm) || DETERMINERS.has(tokens[j]!.norm)) && !NOUN_NEGATORS.has(tokens[j]!.norm)) j--;
    const prev = tokens[j]?.norm ?? '';
    negative =
      NOUN_NEGATORS.has(prev) ||
      ((prev === 'de' || prev === "d'") && NEGATION_PARTICLES.has(tokens[j - 1]?.norm ?? '')) ||
      (supportGroup !== null && hasNegation(supportGroup.words, undefined));
  }
  if (before.slice(-6).some((w) => NEGATING_GOVERNORS.has(w))) negative = true;

  const premods = row.pos === 'noun' ? tokens.slice(Math.max(0, first - 3), first).map((t) => t.norm) : [];
  const allGroup = [...groupWords, ...(supportGroup?.words ?? [])];
  let modality: Modality = 'asserted';
  const hypothetical =
    allGroup.some((w) => HYPOTHETICAL_CUES.has(w) && w !== 'si' && w !== "s'") ||
    (tense === 'cond' && !allGroup.some((w) => CONDITIONAL_AUXILIARIES.has(w))) ||
    premods.some((w) => HYPOTHETICAL_CUES.has(w)) ||
    before.some((w, i) => w === 'si' || (w === "s'" && (before[i + 1] === 'il' || before[i + 1] === 'ils'))) ||
    before.slice(-8).some((w) => HYPOTHETICAL_CONTEXT.has(w)) ||
    sentenceWords[sentenceWords.length - 1] === '?';
  const reportedByAux = allGroup.some((w) => CONDITIONAL_AUXILIARIES.has(w)) && (tense === 'ppast' || supportGroup !== null);
  const planned =
    tense === 'fut' ||
    allGroup.some((w) => ctx.lexicon.planningForms.has(w)) ||
    premods.some((w) => PLANNED_PREMODIFIERS.has(w) || ctx.lexicon.planningForms.has(w)) ||
    tokens.slice(Math.max(clauseStart, (group?.start ?? first) - 4), group?.start ?? first).some((t) => ctx.lexicon.planningForms.has(t.norm));
  const reportedByVerb = (() => {
    // A reporting verb earlier in the sentence with `que` between it and the trigger.
    for (let k = first - 1; k >= 0; k--) {
      const n = tokens[k]!.norm;
      if (n === 'que' || n === "qu'") {
        for (let r = k - 1; r >= 0 && r >= k - 6; r--) if (ctx.lexicon.reportingVerbForms.has(tokens[r]!.norm)) return true;
      }
    }
    return sentenceWords.some((w) => REPORTED_CUES.has(w));
  })();
  if (hypothetical && !reportedByAux) modality = 'hypothetical';
  else if (planned) modality = 'planned';
  else if (reportedByAux || reportedByVerb) modality = 'reported';
  return { polarity: negative ? 'negative' : 'positive', modality };
}

/** Whether the words right before a time expression make it a bound or deadline (`jusqu'en`, `d'ici`). */
function isBoundTime(view: SentenceView, timex: TimeExpression): boolean {
  const tokens = view.tokens;
  const i = tokens.findIndex((t) => t.start >= timex.start);
  const text = timex.start >= 0 ? normalize(view, timex) : '';
  const prev1 = tokens[i - 1]?.norm ?? '';
  const prev2 = `${tokens[i - 2]?.norm ?? ''}${(tokens[i - 2]?.norm ?? '').endsWith("'") ? '' : ' '}${prev1}`;
  return TIME_BOUND_PREFIXES.some((p) => prev1 === p || prev2 === p || text.startsWith(p));
}

function normalize(view: SentenceView, timex: TimeExpression): string {
  return view.tokens
    .filter((t) => t.start >= timex.start && t.end <= timex.end)
    .map((t) => t.norm)
    .join(' ');
}

/** What attachTime needs of a sentence, whatever the trigger: computed once per sentence view, not once per event. */
interface TimeIndex {
  /** DATE/TIME expressions that are neither inside a mention nor a bound (`jusqu'en`). */
  usable: TimeExpression[];
  /** Index of the first token ending after each expression's start. */
  tokenIndex: Map<TimeExpression, number>;
  tokensOfSegment: Map<number, Token[]>;
}

// Per view: a long sentence with many triggers and dates made the per-event recomputation cubic (10,000 words: 54 s).
const timeIndexes = new WeakMap<SentenceView, TimeIndex>();

function timeIndexOf(view: SentenceView): TimeIndex {
  const cached = timeIndexes.get(view);
  if (cached) return cached;
  const tokens = view.tokens;
  // A span the normalizer could not read (value null, e.g. a model DATE span on `11`) does not date anything.
  const usable = view.timexes.filter(
    (x) =>
      (x.type === 'DATE' || x.type === 'TIME') &&
      x.value !== null &&
      !view.mentions.some((m) => m.mention.start < x.end && x.start < m.mention.end) &&
      !isBoundTime(view, x),
  );
  const tokenIndex = new Map<TimeExpression, number>();
  for (const x of usable) {
    // First token with end > x.start (token ends increase along the sentence), 0 when none.
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tokens[mid]!.end > x.start) high = mid;
      else low = mid + 1;
    }
    tokenIndex.set(x, low < tokens.length ? low : 0);
  }
  const tokensOfSegment = new Map<number, Token[]>();
  tokens.forEach((t, k) => {
    const segment = view.segmentOf[k]!;
    const list = tokensOfSegment.get(segment) ?? [];
    list.push(t);
    tokensOfSegment.set(segment, list);
  });
  const index = { usable, tokenIndex, tokensOfSegment };
  timeIndexes.set(view, index);
  return index;
}

/**
 * The time of an event: a DATE/TIME expression of the trigger's comma segment (nearest), else a segment holding
 * only that expression next to it, else the time of a sentence-initial adverbial (`En août 2021, …`) when the
 * trigger is in the main clause. Bounds and deadlines (`jusqu'en`, `d'ici`) and dates inside names are never used;
 * vague references (`récemment`, `ses futurs projets`: `*_REF` values) only when within three words of the trigger;
 * expressions without a normalized value are ignored.
 * No candidate → null: a time is never invented.
 */
function attachTime(ctx: DocContext, view: SentenceView, first: number, last: number): TimeExpression | null {
  const tokens = view.tokens;
  const { usable, tokenIndex, tokensOfSegment } = timeIndexOf(view);
  if (usable.length === 0) return null;
  const tokenOf = (x: TimeExpression) => tokenIndex.get(x) ?? 0;
  // Vague references (`récemment`, `futurs`: *_REF values) only date the verb they stand next to.
  const near = (x: TimeExpression) => !(x.value ?? '').endsWith('_REF') || Math.min(Math.abs(tokenOf(x) - first), Math.abs(tokenOf(x) - last)) <= 3;
  // `se rendra aujourd'hui en Guyane pour rendre hommage aux militaires décédés`: not the date of the deaths.
  const sameVerbClause = (x: TimeExpression) => {
    const after = tokenOf(x) > last;
    const [from, to] = after ? [last, tokenOf(x)] : [tokenOf(x), first];
    for (let k = from + 1; k < to; k++) {
      // `a affirmé que … la saison 2012 …`: a date inside the complement clause after the trigger dates its content.
      if (after && (tokens[k]!.norm === 'que' || tokens[k]!.norm === "qu'")) return false;
      if (!INFINITIVE_INTRODUCERS.has(tokens[k]!.norm)) continue;
      const next = tokens[k + 1]?.norm === 'de' || tokens[k + 1]?.norm === "d'" ? tokens[k + 2] : tokens[k + 1];
      if (next && /(er|ir|re|oir)$/.test(next.norm) && !ctx.lexicon.byFirstWord.get(next.norm)?.some((e) => e.row.pos === 'noun')) return false;
    }
    return true;
  };
  const candidates = usable.filter((x) => near(x) && sameVerbClause(x));
  if (candidates.length === 0) return null;
  const seg = view.segmentOf[first] ?? 0;
  const same = candidates
    .filter((x) => view.segmentOf[tokenOf(x)] === seg)
    .sort((a, b) => Math.abs(tokenOf(a) - first) - Math.abs(tokenOf(b) - first) || a.start - b.start);
  if (same[0]) return same[0];
  // A neighbouring segment made of the time expression alone (`…, le 3 mai, …`).
  for (const x of candidates) {
    const xs = view.segmentOf[tokenOf(x)] ?? -1;
    if (Math.abs(xs - seg) !== 1) continue;
    const segTokens = (tokensOfSegment.get(xs) ?? []).filter((t) => !/^[,;:()«»]$/.test(t.norm));
    if (segTokens.every((t) => (t.start >= x.start && t.end <= x.end) || DETERMINERS.has(t.norm) || prepositionAt([t], 0))) return x;
  }
  // Sentence-initial adverbial.
  const opener = tokens[0]?.norm ?? '';
  const triggerSegmentStart = tokens.findIndex((_, k) => view.segmentOf[k] === seg);
  const startsRelative = RELATIVE_PRONOUNS.has(tokens[triggerSegmentStart]?.norm ?? '') || RELATIVE_PRONOUNS.has(tokens[triggerSegmentStart + 1]?.norm ?? '');
  if (seg > 0 && !startsRelative && FRONTED_TIME_STARTERS.has(opener)) {
    const fronted = candidates.filter((x) => view.segmentOf[tokenOf(x)] === 0);
    if (fronted[0]) return fronted[0];
  }
  return null;
}

function computeConfidence(row: TriggerRow, args: ExtractedArgument[], modality: Modality): number {
  let c = row.confidence;
  const syntactic = args.filter((a) => a.source !== 'fallback');
  if (syntactic.length > 0) c += 0.1 * Math.min(2, syntactic.length);
  else c -= 0.15;
  if (syntactic.length > 0 && syntactic.every((a) => a.anaphor !== null)) c -= 0.05;
  if (modality === 'hypothetical') c -= 0.1;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 1000) / 1000;
}

function tryEvent(ctx: DocContext, view: SentenceView, s: number, i: number, entry: LexiconEntry): ExtractedEvent | null {
  const tokens = view.tokens;
  const row = entry.row;
  const first = i;
  const last = i + entry.rest.length;
  if (!passesContext(tokens, first, last, row)) return null;
  const isVerb = row.pos === 'verb';
  const group = isVerb ? verbGroup(tokens, first, row.etre === true, entry.tense) : null;
  // `quitter Québec`: a place as direct object makes the verb another event (row.retypeByObject).
  const directObject = group && !group.passive ? findObject(view, last) : null;
  const retype = row.retypeByObject && directObject?.label === row.retypeByObject.label ? row.retypeByObject : null;
  const type = retype?.type ?? row.type;
  const frame = retype ? ROLE_FRAMES[type] : mergeFrame(type, row);
  if (row.pronominal && !group?.reflexive) return null;

  // `les élus`, `un licencié`: a verb form right after an article is a noun, not this event's verb.
  if (group && entry.tense !== 'inf' && ARTICLES.has(tokens[first - 1]?.norm ?? '') && group.words.length === 0) {
    const beforeArticle = tokens[first - 2]?.norm ?? '';
    if (!SINGULAR_SUBJECT_PRONOUNS.has(beforeArticle) && !CLITIC_HOSTS.has(beforeArticle)) return null;
  }
  // `la peine de mort`, `à mort`: a participle or finite form right after a preposition is a noun.
  if (group && group.words.length === 0 && (entry.tense === 'ppast' || entry.tense === 'pres') && NOUN_MAKING_PREPOSITIONS.has(tokens[first - 1]?.norm ?? '')) return null;
  // A bare past participle (`Claude Érignac, tué le 6 février`) describes the noun it follows: that noun is the
  // participle's passive subject, and nothing else is.
  const participial =
    group !== null &&
    !group.reflexive &&
    ((entry.tense === 'ppast' && !group.words.some((w) => AVOIR_FORMS.has(w) || ETRE_FORMS.has(w))) ||
      // `un communiqué affirmant que…` (a gerund `en affirmant` keeps the clause subject)
      (entry.tense === 'ppres' && group.words.length === 0 && tokens[first - 1]?.norm !== 'en'));
  if (group && participial && entry.tense === 'ppast') group.passive = true;

  const args: ExtractedArgument[] = [];
  let supportGroup: VerbGroup | null = null;
  let finding: SubjectFinding;
  if (group && participial) {
    const k = tokens[first - 1]?.norm === ',' ? first - 2 : first - 1;
    const host = view.mentionOfToken[k];
    finding = host && host.last === k && !host.parenthesized ? { kind: 'mention', span: host, source: 'passive' } : null;
  } else if (group) finding = findVerbSubject(view, group.start);
  else {
    const found = findNounSubject(ctx, view, first);
    finding = found.finding;
    supportGroup = found.supportGroup;
  }
  const subjectSlot = group?.passive ? frame.passive : frame.subject;
  if (finding?.kind === 'mention') {
    const role = roleIn(subjectSlot, finding.span.label);
    if (role) addArgument(args, { role, span: finding.span, anaphor: null, source: group?.passive ? 'passive' : finding.source });
  } else if (finding?.kind === 'anaphor') {
    const labels = labelsFor(subjectSlot, finding.labels);
    const antecedent = labels.length > 0 ? resolveAnaphor(ctx.views, s, finding.token, labels) : null;
    if (antecedent) {
      const role = roleIn(subjectSlot, antecedent.label);
      const from = tokens[finding.token]!;
      const to = tokens[finding.token + finding.length - 1]!;
      if (role) addArgument(args, { role, span: antecedent, anaphor: { start: from.start, end: to.end }, source: group?.passive ? 'passive' : finding.source });
    }
  }
  if (group && !group.passive && !participial && directObject) {
    const role = retype ? retype.role : roleIn(frame.object, directObject.label);
    if (role) addArgument(args, { role, span: directObject, anaphor: null, source: 'object' });
  }
  prepositionalArguments(ctx, view, s, last, frame, args, isVerb);
  fallbackArguments(view, first, last, frame, args);

  // Participants found only by proximity make an event only for unambiguous triggers (`attentat`, `décès`): otherwise
  // at least one must hang on the trigger syntactically.
  if (args.length === 0 || (row.confidence < UNAMBIGUOUS_TRIGGER && !args.some((a) => a.source !== 'fallback'))) return null;
  if (!args.some((a) => CORE_ROLES[type].includes(a.role))) return null;
  // An ambiguous trigger needs its key role from the syntax, not from the nearest-mention fallback.
  if (row.requiresRole && !args.some((a) => a.source !== 'fallback' && row.requiresRole!.includes(a.role))) return null;

  const { polarity, modality } = polarityAndModality(ctx, view, first, last, row, entry.tense, group, supportGroup);
  const startTok = tokens[first]!;
  const endTok = tokens[last]!;
  args.sort((a, b) => a.span.mention.start - b.span.mention.start || (a.role < b.role ? -1 : 1));
  return {
    type,
    row,
    lemma: row.lemma,
    tense: entry.tense,
    trigger: { start: startTok.start, end: endTok.end },
    sentenceIndex: view.sentence.index,
    arguments: args,
    time: attachTime(ctx, view, first, last),
    polarity,
    modality,
    confidence: computeConfidence(row, args, modality),
  };
}

/** Mentions' entity labels after clustering (a mention's own label may disagree with its entity's). */
function entityLabelResolver(doc: Document): (m: Mention) => EntityLabel {
  const labels = new Map(doc.entities.map((e) => [e.id, e.label] as const));
  return (m) => (m.entity ? (labels.get(m.entity) ?? m.label) : m.label);
}

/** Spans grouped by the sentence that contains them (binary search over sentences in text order). */
function bucketBySentence<T extends { start: number; end: number }>(spans: readonly T[], sentences: readonly Sentence[]): T[][] {
  const order = sentences.map((_, k) => k).sort((a, b) => sentences[a]!.start - sentences[b]!.start);
  const buckets: T[][] = sentences.map(() => []);
  for (const span of spans) {
    let low = 0;
    let high = order.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (sentences[order[mid]!]!.start <= span.start) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found < 0) continue;
    const k = order[found]!;
    if (span.end <= sentences[k]!.end) buckets[k]!.push(span);
  }
  return buckets;
}

/** All events of a document, in text order. Clusters the mentions first when that has not been done. */
export function extractEvents(doc: Document, lexicon: TriggerLexicon): ExtractedEvent[] {
  if (doc.mentions.some((m) => m.entity === undefined) || (doc.mentions.length > 0 && doc.entities.length === 0)) clusterEntities(doc);
  const labelOf = entityLabelResolver(doc);
  const sentences = [...doc.sentences].sort((a, b) => a.index - b.index);
  // Each view gets only its own sentence's mentions and time expressions: handing every view the whole document's
  // lists made a long article quadratic (20 MB of news: minutes instead of seconds).
  const mentionsIn = bucketBySentence(doc.mentions, sentences);
  const timexesIn = bucketBySentence(doc.timexes, sentences);
  const views = sentences.map((sentence, k) => buildSentenceView(doc, sentence, mentionsIn[k]!, timexesIn[k]!, labelOf));
  const ctx: DocContext = { doc, views, lexicon };
  const events: ExtractedEvent[] = [];
  views.forEach((view, s) => {
    for (let i = 0; i < view.tokens.length; i++) {
      for (const entry of candidatesAt(ctx, view, i)) {
        const event = tryEvent(ctx, view, s, i, entry);
        if (event) {
          events.push(event);
          i += entry.rest.length;
          break;
        }
      }
    }
  });
  return events;
}
