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
  DETERMINERS,
  ETRE_FORMS,
  NOUN_PREMODIFIERS,
  PREPOSITIONS_AS_DETERMINERS,
  SINGULAR_SUBJECT_PRONOUNS,
} from '../rules/fr/event-cues.js';
import type { LexiconEntry, TriggerLexicon } from './lexicon.js';
import { resolveAnaphor } from './resolve.js';
import { buildSentenceView, isClauseBoundary, prepositionEndingAt, type MentionSpan, type SentenceView } from './sentence-view.js';
import type { LabelRoles, TriggerRow } from '../rules/schema.js';
import { PLACE_ROLES, withTypedArguments } from './argument-types.js';
import { conjuncts } from './coordination.js';
import { addArgument, fallbackArguments, findNounSubject, findObject, findVerbSubject, labelsFor, mergeFrame, prepositionalArguments, roleIn } from './arguments.js';
import { polarityAndModality } from './modality.js';
import { attachTime, type TimeScope } from './time.js';
import { candidatesAt, passesContext } from './trigger-candidates.js';
import type { DocContext, ExtractedArgument, ExtractedEvent, SubjectFinding, VerbGroup } from './types.js';
import { verbGroup } from './verb-group.js';
import { moneyAt, moneySpan, nominalSpan, nounPhraseAt, type MoneyPhrase, type NounPhrase } from './chunker.js';
import { pushAll } from '../util/arrays.js';

const INDEFINITE_SINGULAR = new Set(['un', 'une']);

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

/** Prepositions that put an event noun at the clause's time (`tué lors de l'attaque`). */
const TEMPORAL_PREPOSITIONS = new Set(['lors', 'pendant', 'durant']);

/**
 * Where the event's time may come from (see TimeScope): an event noun after a preposition other than a temporal one
 * or one a support verb governs (`procéder à l'arrestation`) is referred to, not reported, so only a time inside its
 * own phrase dates it; a bare participle only takes a time of its own segment.
 */
function timeScope(ctx: DocContext, view: SentenceView, first: number, group: VerbGroup | null, participial: boolean): TimeScope {
  const tokens = view.tokens;
  if (group) return participial ? 'segment' : 'clause';
  let j = first - 1;
  while (j >= 0 && (NOUN_PREMODIFIERS.has(tokens[j]!.norm) || (DETERMINERS.has(tokens[j]!.norm) && !PREPOSITIONS_AS_DETERMINERS.has(tokens[j]!.norm)))) j--;
  const prep = j >= 0 ? prepositionEndingAt(tokens, j) : null;
  if (!prep || TEMPORAL_PREPOSITIONS.has(prep)) return 'clause';
  const before = tokens[j - 1]?.norm ?? '';
  return ctx.lexicon.supportVerbForms.has(before) ? 'clause' : 'phrase';
}

/** How many sentences back a possessive event noun looks for the event it takes up. */
const TAKEN_UP_WINDOW = 3;

/**
 * `X est mort dimanche. Sa veuve a annoncé son décès.`: a possessive event noun takes up an event of its type told in
 * the last TAKEN_UP_WINDOW sentences, unless their other named core participants differ (`son départ de Meta` after a
 * departure from Google is another departure). Its possessor is then that event's participant of the slot (one the
 * syntax gave, never a proximity guess), not whoever is salient now.
 */
function takeUpEarlier(ctx: DocContext, view: SentenceView, type: EventType, slot: LabelRoles, finding: { token: number; length: number; labels: EntityLabel[] }, args: ExtractedArgument[]): void {
  const label = labelsFor(slot, finding.labels)[0];
  const role = label ? slot[label] : undefined;
  if (!label || !role) return;
  const core = CORE_ROLES[type];
  const key = (a: ExtractedArgument) => a.span.mention.entity ?? null;
  const ours = args.filter((a) => a.role !== role && core.includes(a.role) && key(a) !== null);
  for (let k = ctx.events.length - 1; k >= 0; k--) {
    const e = ctx.events[k]!;
    if (e.sentenceIndex < view.sentence.index - TAKEN_UP_WINDOW) break;
    if (e.type !== type) continue;
    const conflicts = ours.some((a) => e.arguments.some((b) => b.role === a.role && key(b) !== null && key(b) !== key(a)) && !e.arguments.some((b) => b.role === a.role && key(b) === key(a)));
    if (conflicts) continue;
    const taken = e.arguments.find((a) => a.role === role && a.span.label === label && a.source !== 'fallback' && !a.span.nominal && !a.span.money && key(a) !== null);
    if (!taken) continue;
    const from = view.tokens[finding.token]!;
    const to = view.tokens[finding.token + finding.length - 1]!;
    const at = args.findIndex((a) => a.role === role && a.anaphor !== null && a.anaphor.start === from.start);
    const replaced: ExtractedArgument = { role, span: taken.span, anaphor: { start: from.start, end: to.end }, source: 'possessive' };
    // Another argument may already name that entity (in another role): the possessor is then left as it was.
    if (args.some((a, i) => i !== at && key(a) === key(taken))) return;
    if (at >= 0) args[at] = replaced;
    else args.push(replaced);
    return;
  }
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
    // Counted, plural or indefinite (`14 morts`, `des manifestants`, `un blessé`); `la mort`, `le décès` name the event.
    const word = tokens[last]!.norm;
    const counts = own !== null && (own.count !== null || (word !== row.lemma && /[sx]$/.test(word)) || INDEFINITE_SINGULAR.has(tokens[own.first]!.norm));
    if (own && counts && own.head === last) addArgument(args, { role: row.countedRole, span: nominalSpan(view, own), anaphor: null, source: 'subject' });
  }
  if (MONEY_TYPES.has(type)) {
    const money = moneyAfter(view, last);
    if (money) addArgument(args, { role: 'money', span: moneySpan(view, money), anaphor: null, source: 'object' });
  }
  prepositionalArguments(ctx, view, s, last, frame, args, isVerb);
  // `X et Y ont été arrêtés`, `à Paris et Londres`: every conjunct of a name found by the syntax fills its role.
  for (const arg of [...args]) {
    if (arg.span.nominal || arg.span.money || arg.anaphor !== null) continue;
    for (const span of conjuncts(view, arg.span, first)) addArgument(args, { role: arg.role, span, anaphor: null, source: arg.source });
  }
  fallbackArguments(view, first, last, frame, args);
  if (finding?.kind === 'anaphor' && finding.source === 'possessive') takeUpEarlier(ctx, view, type, subjectSlot, finding, args);

  // Participants found only by proximity make an event only for unambiguous triggers (`attentat`, `décès`): otherwise
  // at least one must hang on the trigger syntactically.
  const kept = withTypedArguments(ctx, view, args);
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
    time: attachTime(ctx, view, first, last, timeScope(ctx, view, first, group, participial)),
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
  const events: ExtractedEvent[] = [];
  const ctx: DocContext = { doc, views, lexicon, events };
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

