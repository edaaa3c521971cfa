/**
 * Participants of a trigger from the sentence's tokens and mentions: subject (verb subject, passive participle host,
 * possessive, apposition, support-verb subject), direct object, prepositional arguments and the nearest-mention
 * fallback. Roles come from the event type's frame, by entity label.
 */
import type { EntityLabel } from '../vocabulary.js';
import type { EventType, Role } from '../vocabulary.js';
import { ROLE_FRAMES } from '../rules/fr/event-frames.js';
import {
  AVOIR_FORMS,
  CONTRACTED_ARTICLES,
  PREPOSITIONS_AS_DETERMINERS,
  RELATIVE_PRONOUNS,
  DEFINITE_DETERMINERS,
  DETERMINERS,
  ETRE_FORMS,
  MODAL_FORMS,
  NEGATION_START,
  NOUN_PREMODIFIERS,
  ORG_ANAPHOR_NOUNS,
  POSSESSIVES_SINGULAR,
  SINGULAR_SUBJECT_PRONOUNS,
  STRONG_PUNCT,
  PLACE_NOUNS,
} from '../rules/fr/event-cues.js';
import { PLACE_ROLES } from './argument-types.js';
import { nameAfter } from './coordination.js';
import { resolveAnaphor } from './resolve.js';
import { isClauseBoundary, prepositionAt, type MentionSpan, type SentenceView } from './sentence-view.js';
import type { LabelRoles, RoleFrame, TriggerRow } from '../rules/schema.js';
import type { Token } from './tokens.js';
import { isTriggerStart } from './trigger-candidates.js';
import type { DocContext, ExtractedArgument, SubjectFinding, VerbGroup } from './types.js';
import { isAdverb, verbGroup } from './verb-group.js';
import { nominalSpan, nounPhraseAt, type NounPhrase } from './chunker.js';

/** How far back a coordinated event noun looks for the support verb it shares (`a annoncé X, ainsi que Y`). */
const COORDINATION_REACH = 30;

/** Longest run of words after a trigger searched for prepositional participants. */
export const MAX_PREP_CHAIN = 10;

export function labelsFor(slot: LabelRoles, preferred: EntityLabel[]): EntityLabel[] {
  return preferred.filter((l) => slot[l] !== undefined);
}

export function isOrgDescription(tokens: Token[], i: number): boolean {
  return DEFINITE_DETERMINERS.has(tokens[i]?.norm ?? '') && ORG_ANAPHOR_NOUNS.has(tokens[i + 1]?.norm ?? '');
}

/** Subject of the verb whose group starts at token `groupStart`. */
export function findVerbSubject(view: SentenceView, groupStart: number): SubjectFinding {
  const tokens = view.tokens;
  const j = groupStart - 1;
  if (j < 0) return null;
  const t = tokens[j]!;
  if (SINGULAR_SUBJECT_PRONOUNS.has(t.norm)) return { kind: 'anaphor', token: j, length: 1, labels: ['PER', 'ORG'], source: 'subject' };
  if (t.norm === 'qui') return relativeAntecedent(view, j);

  // Words before the verb in its own comma segment: that is where the subject is (`les syndicats ont annoncé`).
  const segment = view.segmentOf[groupStart];
  let segStart = groupStart;
  while (segStart > 0 && view.segmentOf[segStart - 1] === segment && !isClauseBoundary(tokens, segStart - 1)) segStart--;
  if (/^[,;:()«»—–]$/.test(tokens[segStart]?.norm ?? '')) segStart++;
  // `l'homme qui a tué X a été arrêté`: a relative clause (its own verb) runs from `qui` to this verb, whose subject
  // is the antecedent of `qui`, not the relative clause's object.
  if (segStart < groupStart && tokens[segStart - 1]?.norm === 'qui' && hasVerb(view, segStart, groupStart)) return relativeAntecedent(view, segStart - 1);
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
      // the common nouns the subject is the noun phrase itself when its head is a known participant noun
      // (`les fédérations des syndicats ont annoncé`), else nothing.
      let i = segStart + 1;
      while (i < groupStart && /^\p{Ll}/u.test(tokens[i]!.text) && !prepositionAt(tokens, i) && !view.mentionOfToken[i]) i++;
      const named = view.mentionOfToken[i];
      if (named && named.first === i && i < groupStart) return { kind: 'mention', span: named, source: 'subject' };
      const np = nounPhraseAt(view, segStart);
      return np && np.last < groupStart ? { kind: 'nominal', span: nominalSpan(view, np), source: 'subject' } : null;
    }
    const counted = nounPhraseAt(view, segStart);
    if (counted && counted.last < groupStart && prepBefore(tokens, segStart) === null) return { kind: 'nominal', span: nominalSpan(view, counted), source: 'subject' };
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
    if (prepBefore(tokens, i) === null && !PREPOSITIONS_AS_DETERMINERS.has(tokens[i]!.norm === 'des' && i === k + 1 ? '' : tokens[i]!.norm)) {
      const np = nounPhraseAt(view, i);
      if (np && np.last <= end) return { kind: 'nominal', span: nominalSpan(view, np), source: 'subject' };
      if (np) i = np.last;
    }
  }
  return null;
}

/** The noun phrase the relative pronoun at token `qui` refers to: a name or a participant phrase right before it. */
export function relativeAntecedent(view: SentenceView, qui: number): SubjectFinding {
  let k = qui - 1;
  if (view.tokens[k]?.norm === ',') k--;
  if (k < 0) return null;
  const span = view.mentionOfToken[k];
  if (span) return span.last === k && !span.parenthesized ? { kind: 'mention', span, source: 'relative' } : null;
  for (let f = k; f >= Math.max(0, k - 8); f--) {
    const np = nounPhraseAt(view, f);
    if (np && np.last === k) return { kind: 'nominal', span: nominalSpan(view, np), source: 'relative' };
  }
  return null;
}

/** Whether tokens [from, to) hold a verb: an auxiliary, a modal or a form of a trigger verb. */
function hasVerb(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const n = view.tokens[k]!.norm;
    if (AVOIR_FORMS.has(n) || ETRE_FORMS.has(n) || MODAL_FORMS.has(n) || view.isVerbForm?.(n)) return true;
  }
  return false;
}

/** The preposition right before token i, if any. */
export function prepBefore(tokens: Token[], i: number): string | null {
  return i > 0 ? (prepositionAt(tokens, i - 1)?.prep ?? null) : null;
}

/** Subject of an event noun: possessive, apposition host, or the subject of its support verb. */
export function findNounSubject(ctx: DocContext, view: SentenceView, first: number): { finding: SubjectFinding; supportGroup: VerbGroup | null } {
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
    // `a annoncé le licenciement de 229 employés, ainsi que la fermeture du bureau`: a coordinated event noun shares
    // the support verb of the first conjunct.
    const coordinated = tokens[v]?.norm === 'et' || (tokens[v]?.norm === 'que' && tokens[v - 1]?.norm === 'ainsi');
    if (coordinated) {
      for (let w = v - 1; w >= 0 && w >= v - COORDINATION_REACH; w--) {
        if (STRONG_PUNCT.has(tokens[w]!.norm)) break;
        if (ctx.lexicon.supportVerbForms.has(tokens[w]!.norm)) {
          v = w;
          break;
        }
      }
    }
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
export function findObject(view: SentenceView, last: number): MentionSpan | null {
  const tokens = view.tokens;
  let k = last + 1;
  let dets = 0;
  let words = 0;
  const np = nounPhraseAt(view, k);
  if (np && !view.mentionOfToken[np.first]) return nominalSpan(view, np);
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
export function roleIn(slot: LabelRoles | undefined, label: EntityLabel): Role | undefined {
  return slot?.[label];
}

export function mergeFrame(type: EventType, row: TriggerRow): RoleFrame {
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

export function addArgument(args: ExtractedArgument[], arg: ExtractedArgument): void {
  const entity = arg.span.mention.entity ?? `${arg.span.mention.start}`;
  if (args.some((a) => (a.span.mention.entity ?? `${a.span.mention.start}`) === entity)) return;
  args.push(arg);
}


/** A nominal participant after a preposition, by the frame's role for its class label. */
function addNominal(args: ExtractedArgument[], frame: RoleFrame, prep: string | undefined, view: SentenceView, np: NounPhrase): void {
  const role = prep ? roleIn(frame.preps[prep], np.label) : undefined;
  if (role && !PLACE_ROLES.has(role)) addArgument(args, { role, span: nominalSpan(view, np), anaphor: null, source: 'preposition' });
}

/** Arguments from the words after the trigger: each mention gets the role of the preposition governing it. */
export function prepositionalArguments(ctx: DocContext, view: SentenceView, s: number, last: number, frame: RoleFrame, args: ExtractedArgument[], isVerb: boolean): void {
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
    // A comma inside a list of names (`X, Y et Z à Lyon`) does not end the trigger's phrase.
    const listComma = t.norm === ',' && view.mentionOfToken[k - 1] !== undefined && nameAfter(view, k + 1) >= 0;
    if (!listComma && (t.norm === ',' || t.norm === '(' || t.norm === ')' || isClauseBoundary(tokens, k))) break;
    if (listComma) continue;
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
    if (chain.length > 0) {
      const np = nounPhraseAt(view, k);
      if (np) {
        addNominal(args, frame, governing(), view, np);
        k = np.last;
        continue;
      }
    }
    // Another event noun heads a new phrase (`après la fermeture de …`), unless it only qualifies a noun (`bureau de recrutement`).
    const qualifier = tokens[k - 1]?.norm === 'de' || tokens[k - 1]?.norm === "d'";
    if (k > last + 1 && !qualifier && isTriggerStart(ctx, view, k)) break;
    const p = prepositionAt(tokens, k);
    // `les progrès réalisés par l'équipe`: `par` after a participle names that participle's agent, not the trigger's.
    if (p && p.prep === 'par' && k > last + 1 && /^\p{Ll}.*(é|ée|és|ées|is|ise|ises|u|ue|us|ues)$/u.test(tokens[k - 1]!.text) && !view.mentionOfToken[k - 1]) break;
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
        continue;
      }
      // `l'assaut des forces internationales`: the contracted article opens the noun phrase.
      const np = CONTRACTED_ARTICLES.has(tokens[k]!.norm) ? nounPhraseAt(view, k) : null;
      if (np) {
        addNominal(args, frame, governing(), view, np);
        k = np.last;
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

/**
 * A place found by proximity only is a location the clause puts the event at: a LOC mention after a locative
 * preposition (`à Kaboul`, `en Bretagne`, `le site de Rennes`). A LOC-tagged name standing as a subject or after `sur`, `pendant`, `lors de`
 * is a channel, a group or a holiday far more often than the event's place.
 */
const LOCATIVE_PREPOSITIONS: Partial<Record<Role, ReadonlySet<string>>> = {
  place: new Set(['à', 'en', 'dans', 'près', 'de']),
  destination: new Set(['à', 'en', 'dans', 'vers']),
  origin: new Set(['de', 'depuis']),
};

/** Whether a LOC mention may be the fallback `role` (place, origin, destination) of a trigger ending at token `last`. */
function locatedBy(view: SentenceView, m: MentionSpan, last: number, role: Role): boolean {
  if (LOCATIVE_PREPOSITIONS[role]!.has(m.governedBy ?? '')) return true;
  // `rassemblés place Bellecour`, `rue de Rivoli`: a street-like noun is locative by itself.
  if (PLACE_NOUNS.has(view.tokens[m.first - 1]?.norm ?? '')) return true;
  // `un attentat a frappé Nice`: a bare name after the trigger is its object, a place; before it, a subject.
  return m.governedBy === null && m.first > last;
}

/** Nearest mention of the same clause for each still-empty fallback role. */
export function fallbackArguments(view: SentenceView, first: number, last: number, frame: RoleFrame, args: ExtractedArgument[]): void {
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
      .filter((m) => !PLACE_ROLES.has(role) || locatedBy(view, m, last, role))
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

export function distance(m: MentionSpan, first: number, last: number): number {
  return m.last < first ? first - m.last : m.first > last ? m.first - last : 0;
}
