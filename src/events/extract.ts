/**
 * The event engine: finds triggers in each sentence (lexicon of inflected forms), attaches participants from the
 * sentence's mentions by role-specific position rules (subject, object, preposition, possessive, apposition,
 * support verb, then nearest mention of the clause as a fallback), resolves anaphoric subjects, and decides
 * polarity, modality, time and confidence. Pure and deterministic: same document → same events.
 */
import type { Document, Mention, Sentence } from '../document.js';
import type { EntityLabel } from '../vocabulary.js';
import type { EventType, Modality } from '../vocabulary.js';
import { CORE_ROLES, ROLE_FRAMES } from '../rules/fr/event-frames.js';
import {
  ARTICLES,
  AVOIR_FORMS,
  CLITIC_HOSTS,
  NOUN_MAKING_PREPOSITIONS,
  ETRE_FORMS,
  SINGULAR_SUBJECT_PRONOUNS,
} from '../rules/fr/event-cues.js';
import type { LexiconEntry, TriggerLexicon } from './lexicon.js';
import { resolveAnaphor } from './resolve.js';
import { buildSentenceView, isClauseBoundary, type MentionSpan, type SentenceView } from './sentence-view.js';
import type { LabelRoles, TriggerRow } from '../rules/schema.js';
import { PLACE_ROLES, addArgument, withoutHolidayPlaces, fallbackArguments, findNounSubject, findObject, findVerbSubject, labelsFor, mergeFrame, prepositionalArguments, roleIn } from './arguments.js';
import { polarityAndModality } from './modality.js';
import { attachTime } from './time.js';
import { candidatesAt, passesContext } from './trigger-candidates.js';
import type { DocContext, ExtractedArgument, ExtractedEvent, SubjectFinding, VerbGroup } from './types.js';
import { verbGroup } from './verb-group.js';
import { moneyAt, moneySpan, nominalSpan, nounPhraseAt, type MoneyPhrase, type NounPhrase } from './chunker.js';
import { pushAll } from '../util/arrays.js';

/** Event types whose money amount is an argument (`role: "money"`). */
const MONEY_TYPES = new Set<EventType>(['Transaction.Transfer-Money', 'Transaction.Transfer-Ownership', 'Justice.Fine']);
/** Tokens after the trigger searched for its amount. */
const MONEY_WINDOW = 12;

/** The noun phrase whose last token is k (phrases are indexed by their first token: look a few tokens back). */
function phraseEndingAt(view: SentenceView, k: number): NounPhrase | null {
  for (let f = k; f >= Math.max(0, k - 8); f--) {
    const np = nounPhraseAt(view, f);
    if (np && np.last === k) return np;
  }
  return null;
}

/** The first money phrase of the trigger's clause after it. */
function moneyAfter(view: SentenceView, last: number): MoneyPhrase | null {
  for (let k = last + 1; k < view.tokens.length && k <= last + MONEY_WINDOW; k++) {
    if (isClauseBoundary(view.tokens, k)) return null;
    const money = moneyAt(view.tokens, k);
    if (money) return money;
  }
  return null;
}

/** A statement verb right after a comma or closing quote with a named object: inverted speaker (`», ajoute Hassan`). */
function invertedSpeaker(tokens: SentenceView['tokens'], group: VerbGroup, object: MentionSpan | null, type: EventType): boolean {
  return type === 'Contact.Statement' && object !== null && !object.nominal && /^[,»"”]$/.test(tokens[group.start - 1]?.norm ?? '');
}

function addNominalSubject(args: ExtractedArgument[], slot: LabelRoles, span: MentionSpan, source: ExtractedArgument['source']): void {
  const role = roleIn(slot, span.label);
  if (role && !PLACE_ROLES.has(role)) addArgument(args, { role, span, anaphor: null, source });
}

const verbForms = new WeakMap<TriggerLexicon, (norm: string) => boolean>();

/** Finite and infinitive forms of the lexicon's verbs (participles may be adjectives: not included). */
function verbFormsOf(lexicon: TriggerLexicon): (norm: string) => boolean {
  let test = verbForms.get(lexicon);
  if (!test) {
    const forms = new Set<string>();
    for (const [form, entries] of lexicon.byFirstWord) if (entries.some((e) => e.row.pos === 'verb' && e.rest.length === 0 && e.tense !== 'ppast')) forms.add(form);
    test = (norm) => forms.has(norm);
    verbForms.set(lexicon, test);
  }
  return test;
}

/** Trigger prior from which proximity-only participants are enough. */
export const UNAMBIGUOUS_TRIGGER = 0.9;

export function computeConfidence(row: TriggerRow, args: ExtractedArgument[], modality: Modality): number {
  let c = row.confidence;
  const syntactic = args.filter((a) => a.source !== 'fallback');
  if (syntactic.length > 0) c += 0.1 * Math.min(2, syntactic.length);
  else c -= 0.15;
  if (syntactic.length > 0 && syntactic.every((a) => a.anaphor !== null)) c -= 0.05;
  if (modality === 'hypothetical') c -= 0.1;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 1000) / 1000;
}

export function tryEvent(ctx: DocContext, view: SentenceView, s: number, i: number, entry: LexiconEntry): ExtractedEvent | null {
  const tokens = view.tokens;
  const row = entry.row;
  const first = i;
  const last = i + entry.rest.length;
  if (!passesContext(tokens, first, last, row)) return null;
  const isVerb = row.pos === 'verb';
  const group = isVerb ? verbGroup(tokens, first, row.etre === true, entry.tense) : null;
  // `quitter Québec`: a place as direct object makes the verb another event (row.retypeByObject).
  const directObject = group && !group.passive ? findObject(view, last) : null;
  const retype = row.retypeByObject && directObject && !directObject.nominal && directObject.label === row.retypeByObject.label ? row.retypeByObject : null;
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
    const phrase = host ? null : phraseEndingAt(view, k);
    finding =
      host && host.last === k && !host.parenthesized ? { kind: 'mention', span: host, source: 'passive' }
      : phrase ? { kind: 'nominal', span: nominalSpan(view, phrase), source: 'passive' }
      : null;
  } else if (group && invertedSpeaker(tokens, group, directObject, type)) {
    // `…, a dit Michael Bloomberg`: the speaker follows the verb (read as its object below); nothing before is.
    finding = null;
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
    } else if (finding.length === 2) {
      // `l'entreprise a annoncé` with no organization it surely refers to: the description itself, unresolved.
      const phrase = nounPhraseAt(view, finding.token);
      if (phrase) addNominalSubject(args, subjectSlot, nominalSpan(view, phrase), group?.passive ? 'passive' : finding.source);
    }
  } else if (finding?.kind === 'nominal') {
    addNominalSubject(args, subjectSlot, finding.span, group?.passive ? 'passive' : finding.source);
  }
  if (group && !group.passive && !participial && directObject) {
    const role = retype ? retype.role : roleIn(frame.object, directObject.label);
    // An inverted named speaker may follow a statement verb; a phrase there is what is said, not who says it.
    const usable = !directObject.nominal || (type !== 'Contact.Statement' && role !== undefined && !PLACE_ROLES.has(role));
    if (role && usable) addArgument(args, { role, span: directObject, anaphor: null, source: 'object' });
  }
  // `14 morts`, `des manifestants`: the trigger noun's own phrase is its participant (row.countedRole).
  if (!group && row.countedRole) {
    const own = phraseEndingAt(view, last);
    if (own && own.head === last) addArgument(args, { role: row.countedRole, span: nominalSpan(view, own), anaphor: null, source: 'subject' });
  }
  if (MONEY_TYPES.has(type)) {
    const money = moneyAfter(view, last);
    if (money) addArgument(args, { role: 'money', span: moneySpan(view, money), anaphor: null, source: 'object' });
  }
  prepositionalArguments(ctx, view, s, last, frame, args, isVerb);
  fallbackArguments(view, first, last, frame, args);

  // Participants found only by proximity make an event only for unambiguous triggers (`attentat`, `décès`): otherwise
  // at least one must hang on the trigger syntactically.
  const kept = withoutHolidayPlaces(view, args);
  args.length = 0;
  pushAll(args, kept);
  // `les dirigeants élus`: a bare participle after a common noun is mostly an adjective; it makes an event only with
  // a named participant beside that noun (`les militants rassemblés place Bellecour`).
  if (participial && finding?.kind === 'nominal' && !args.some((a) => !a.span.nominal && !a.span.money)) return null;
  // A standalone noun (`le décès`, `l'attentat`, `la mobilisation`) is an event by itself, participants or not.
  const standalone = !group && row.standalone === true;
  if (!standalone) {
    if (args.length === 0 || (row.confidence < UNAMBIGUOUS_TRIGGER && !args.some((a) => a.source !== 'fallback'))) return null;
    if (!args.some((a) => CORE_ROLES[type].includes(a.role))) return null;
  }
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
export function entityLabelResolver(doc: Document): (m: Mention) => EntityLabel {
  const labels = new Map(doc.entities.map((e) => [e.id, e.label] as const));
  return (m) => (m.entity ? (labels.get(m.entity) ?? m.label) : m.label);
}

/** Spans grouped by the sentence that contains them (binary search over sentences in text order). */
export function bucketBySentence<T extends { start: number; end: number }>(spans: readonly T[], sentences: readonly Sentence[]): T[][] {
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

/**
 * All events of a document, in text order. Reads the entities layer as the entities stage left it (it runs before the
 * events stage, which `Pipeline.create` checks); a mention without an entity stands for itself.
 */
export function extractEvents(doc: Document, lexicon: TriggerLexicon): ExtractedEvent[] {
  const labelOf = entityLabelResolver(doc);
  const sentences = [...doc.sentences].sort((a, b) => a.index - b.index);
  // Each view gets only its own sentence's mentions and time expressions, so that building the views stays linear in
  // the article's length (a view scanning the whole document's lists would make a 20 MB article quadratic).
  const mentionsIn = bucketBySentence(doc.mentions, sentences);
  const timexesIn = bucketBySentence(doc.timexes, sentences);
  const isVerbForm = verbFormsOf(lexicon);
  const views = sentences.map((sentence, k) => ({ ...buildSentenceView(doc, sentence, mentionsIn[k]!, timexesIn[k]!, labelOf), isVerbForm }));
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

