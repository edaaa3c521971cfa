/**
 * Event records for `output/events.jsonl`: the engine's events with their entity ids, canonical names, exact
 * offsets, sentence, article and provenance. Argument offsets: for a resolved anaphor (`resolved: true`) start/end
 * are the anaphor AS WRITTEN (`il`, `son`, `l'entreprise`) and `antecedent` holds the named mention it refers to;
 * otherwise start/end are the named mention. Either way `text === doc.text.slice(start, end)`.
 */
import type { Document } from '../document.js';
import { rankedIds, spanAnchor } from '../dataset/ids.js';
import type { EventArgument, EventRecord, Provenance } from '../dataset/schema.js';
import { linkEventMentions } from './event-clusters.js';
import { extractEvents } from './extract.js';
import type { ExtractedArgument, ExtractedEvent } from './types.js';
import { getDefaultLexicon, type TriggerLexicon } from './lexicon.js';

export interface BuildEventOptions {
  lexicon?: TriggerLexicon;
  /** Events scoring below this are left out. */
  minConfidence?: number;
  /** The event engine of the article's language (default: the French engine over `lexicon`). */
  extract?: (doc: Document) => ExtractedEvent[];
}

/**
 * Event ids (scheme in src/dataset/ids.ts): type and trigger anchor, ranked in text order; `records` must be sorted by
 * trigger. Independent of absolute offsets: text inserted elsewhere leaves them unchanged.
 */
export function assignEventIds(articleId: string, text: string, records: EventRecord[]): void {
  const ids = rankedIds(articleId, 'event', 'ev_', records, (e) => `${e.type}\u0003${spanAnchor(text, { start: e.trigger.start, end: e.trigger.end, sentence: e.sentence })}`);
  records.forEach((record, i) => (record.id = ids[i]!));
}

/** Lookups built once per document (built per event, they would make long articles quadratic). */
interface DocumentIndex {
  entities: Map<string, Document['entities'][number]>;
  sentences: Map<number, Document['sentences'][number]>;
}

/** Pronouns and possessives an anaphor may be; any other anaphor is a definite description (`l'entreprise`). */
const PRONOUN_FORMS = new Set(['il', 'elle', 'ils', 'elles', 'son', 'sa', 'ses', 'leur', 'leurs', 'lui', 'celui-ci', 'celle-ci']);

function argumentKind(a: ExtractedArgument, text: string): EventArgument['kind'] {
  if (a.span.nominal || a.span.money) return 'nominal';
  if (!a.anaphor) return 'name';
  return PRONOUN_FORMS.has(text.toLowerCase()) ? 'pronoun' : 'nominal';
}

/** Head of a definite description as written (`entreprise` in `l'entreprise`, `constructeur` in `du constructeur`). */
function nominalHead(text: string, span: { start: number; end: number }): { text: string; start: number; end: number } {
  const phrase = text.slice(span.start, span.end);
  const m = /([\p{L}-]+)$/u.exec(phrase);
  const start = span.start + (m ? m.index : 0);
  return { text: text.slice(start, span.end), start, end: span.end };
}

function toRecord(doc: Document, event: ExtractedEvent, provenance: Provenance, index: DocumentIndex): EventRecord {
  const { entities } = index;
  const sentence = index.sentences.get(event.sentenceIndex)!;
  const args: EventArgument[] = event.arguments.map((a) => {
    const mention = a.span.mention;
    const entity = mention.entity ? entities.get(mention.entity) : undefined;
    const span = a.anaphor ?? { start: mention.start, end: mention.end };
    const text = doc.text.slice(span.start, span.end);
    return {
      role: a.role,
      entity: entity?.id ?? '',
      canonical: entity?.canonical ?? doc.text.slice(mention.start, mention.end),
      text,
      start: span.start,
      end: span.end,
      label: entity?.label ?? mention.label,
      kind: argumentKind(a, text),
      head: a.span.nominal ? a.span.nominal.headSpan : a.anaphor && argumentKind(a, text) === 'nominal' ? nominalHead(doc.text, span) : null,
      count: a.span.nominal?.count ?? null,
      amount: a.span.money ? { value: a.span.money.value, currency: a.span.money.currency } : null,
      resolved: a.anaphor !== null,
      antecedent: a.anaphor ? { text: doc.text.slice(mention.start, mention.end), start: mention.start, end: mention.end } : null,
    };
  });
  const placeArg = args.find((a) => a.role === 'place');
  const time = event.time;
  return {
    id: '',
    event_cluster: '',
    type: event.type,
    trigger: {
      text: doc.text.slice(event.trigger.start, event.trigger.end),
      start: event.trigger.start,
      end: event.trigger.end,
      lemma: event.lemma,
    },
    arguments: args,
    time: time
      ? { text: doc.text.slice(time.start, time.end), start: time.start, end: time.end, value: time.value, type: time.type, mod: time.mod }
      : null,
    place: placeArg ? { entity: placeArg.entity, canonical: placeArg.canonical, text: placeArg.text, start: placeArg.start, end: placeArg.end } : null,
    polarity: event.polarity,
    modality: event.modality,
    sentence: { index: sentence.index, start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) },
    article: { id: doc.meta.id, title: doc.meta.title, published: doc.meta.published },
    language: doc.language?.code ?? 'und',
    confidence: event.confidence,
    provenance: { ...provenance },
  };
}

/**
 * Typed event records of a document, sorted by trigger offset then type (deterministic). Canonical names and entity
 * ids come from the entities layer (the entities stage); a mention without an entity names itself.
 */
export function buildEventRecords(doc: Document, provenance: Provenance, options: BuildEventOptions = {}): EventRecord[] {
  if (doc.status !== 'ok' || doc.sentences.length === 0) return [];
  const lexicon = options.lexicon ?? getDefaultLexicon();
  const minConfidence = options.minConfidence ?? 0;
  const events = (options.extract ? options.extract(doc) : extractEvents(doc, lexicon)).filter((e) => e.confidence >= minConfidence);
  const index: DocumentIndex = {
    entities: new Map(doc.entities.map((e) => [e.id, e] as const)),
    sentences: new Map(doc.sentences.map((s) => [s.index, s] as const)),
  };
  const records = events
    .map((e) => toRecord(doc, e, provenance, index))
    .sort((a, b) => a.trigger.start - b.trigger.start || a.trigger.end - b.trigger.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  assignEventIds(doc.meta.id, doc.text, records);
  linkEventMentions(records, doc.text);
  return records;
}
