/**
 * Shapes shared by the event engine's parts (src/events/extract.ts orchestrates them): what an argument and an
 * event are before they become records, what stands in a subject slot, a verb group, the per-document context.
 */
import type { Document, TimeExpression } from '../document.js';
import type { EntityLabel } from '../vocabulary.js';
import type { EventType, Modality, Polarity, Role } from '../vocabulary.js';
import type { Tense } from './inflect.js';
import type { TriggerLexicon } from './lexicon.js';
import type { MentionSpan, SentenceView } from './sentence-view.js';
import type { TriggerRow } from '../rules/schema.js';

/** How an argument was found; `fallback` arguments lower the confidence. */
export type ArgumentSource = 'subject' | 'object' | 'passive' | 'preposition' | 'possessive' | 'apposition' | 'support' | 'relative' | 'fallback';

export interface ExtractedArgument {
  role: Role;
  /** The named mention (for a resolved anaphor: its antecedent), or a nominal/money phrase (`span.nominal`, `span.money`). */
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
export type SubjectFinding =
  | { kind: 'mention'; span: MentionSpan; source: ArgumentSource }
  | { kind: 'anaphor'; token: number; length: number; labels: EntityLabel[]; source: ArgumentSource }
  | { kind: 'nominal'; span: MentionSpan; source: ArgumentSource }
  | null;

export interface VerbGroup {
  /** First token of the group (auxiliaries, clitics, negation, adverbs before the trigger). */
  start: number;
  words: string[];
  passive: boolean;
  reflexive: boolean;
}

export interface DocContext {
  doc: Document;
  views: SentenceView[];
  lexicon: TriggerLexicon;
  /** Events found so far in the article, in text order (a possessive event noun may take up one of them). */
  events: ExtractedEvent[];
}

