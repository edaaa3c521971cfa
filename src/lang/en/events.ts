/**
 * The English event engine: the same events as the French engine (src/events/extract.ts) — same types, roles, core
 * roles, polarity, modality, confidence formula and record shape — from the English trigger table and frames
 * (src/rules/en/events.ts). compromise tags each sentence: a word is a trigger when its root (`resigned` → `resign`,
 * `attacks` → `attack`) and part of speech match a row. Participants come from the sentence's mentions by position:
 * the subject before the verb group (skipping an appositive between commas: `Smith, the chief executive, resigned`),
 * a pronoun subject resolved to the nearest earlier mention of a fitting label (`he` → PER, `it` → ORG), the direct
 * object after an active verb, mentions after a preposition of the frame (`in Paris`, `by Google`), the possessor or
 * premodifier of a noun trigger (`Smith's resignation`, `the Hamas attack`), then the nearest mention as a fallback.
 * Pure and deterministic: same document → same events.
 */
import type { Document, Mention, Sentence, TimeExpression } from '../../document.js';
import type { EntityLabel, Modality, Polarity, Role } from '../../vocabulary.js';
import { computeConfidence, entityLabelResolver } from '../../events/extract.js';
import type { ExtractedArgument, ExtractedEvent } from '../../events/types.js';
import type { Tense } from '../../events/inflect.js';
import type { MentionSpan } from '../../events/sentence-view.js';
import type { LabelRoles, RoleFrame, TriggerRow } from '../../rules/schema.js';
import { CORE_ROLES } from '../../rules/fr/event-frames.js';
import { parseEnglish } from './parse.js';
import { CLAUSE_BOUNDARIES, EN_ROLE_FRAMES, EN_TRIGGERS, HYPOTHETICAL_CUES, NEGATING_GOVERNORS, NEGATIONS, ORG_ANAPHOR_NOUNS, PLANNED_CUES, PRONOUNS, RAISING_VERBS, REPORTED_CUES } from '../../rules/en/events.js';

interface EnToken {
  text: string;
  norm: string;
  root: string;
  tags: ReadonlySet<string>;
  start: number;
  end: number;
  /** Punctuation and spaces after the word, as compromise splits them off. */
  post: string;
}

interface TermJson {
  text: string;
  normal?: string;
  root?: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const UNAMBIGUOUS_TRIGGER = 0.9;
const ROWS_BY_LEMMA = indexRows(EN_TRIGGERS);
const BOUNDARY_WORDS = new Set(CLAUSE_BOUNDARIES.filter((w) => /\p{L}/u.test(w)));
const NEGATION_WORDS = new Set(NEGATIONS);
const GOVERNORS = new Set(NEGATING_GOVERNORS);
const ORG_NOUNS = new Set(ORG_ANAPHOR_NOUNS);
const RAISING = new Set(RAISING_VERBS);

function indexRows(rows: readonly TriggerRow[]): Map<string, Array<{ row: TriggerRow; rest: string[]; order: number }>> {
  const out = new Map<string, Array<{ row: TriggerRow; rest: string[]; order: number }>>();
  rows.forEach((row, order) => {
    const [head = row.lemma, ...rest] = row.lemma.toLowerCase().split(' ');
    out.set(head, [...(out.get(head) ?? []), { row, rest, order }]);
  });
  for (const list of out.values()) list.sort((a, b) => b.rest.length - a.rest.length || a.order - b.order);
  return out;
}

function tokenizeSentence(doc: Document, sentence: Sentence): EnToken[] {
  const text = doc.text.slice(sentence.start, sentence.end);
  const view = parseEnglish(text);
  const terms = (view.json({ offset: true, terms: { offset: true } }) as Array<{ terms: TermJson[] }>).flatMap((s) => s.terms);
  return terms.map((t) => ({
    text: t.text,
    norm: (t.normal ?? t.text).toLowerCase(),
    root: (t.root ?? t.normal ?? t.text).toLowerCase(),
    tags: new Set(t.tags),
    start: sentence.start + t.offset.start,
    end: sentence.start + t.offset.start + t.offset.length,
    post: t.post,
  }));
}

interface SentenceData {
  sentence: Sentence;
  tokens: EnToken[];
  mentions: MentionSpan[];
  /** Mention covering each token, if any. */
  mentionAt: Array<MentionSpan | undefined>;
  timexes: TimeExpression[];
}

function buildSentence(doc: Document, sentence: Sentence, labelOf: (m: Mention) => EntityLabel): SentenceData {
  const tokens = tokenizeSentence(doc, sentence);
  const mentions: MentionSpan[] = [];
  const mentionAt: Array<MentionSpan | undefined> = tokens.map(() => undefined);
  for (const m of doc.mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const first = tokens.findIndex((t) => t.end > m.start);
    let last = -1;
    for (let k = tokens.length - 1; k >= 0; k -= 1) if (tokens[k]!.start < m.end) { last = k; break; }
    if (first < 0 || last < first) continue;
    const span: MentionSpan = { mention: m, label: labelOf(m), first, last, governedBy: null, parenthesized: false };
    mentions.push(span);
    for (let k = first; k <= last; k += 1) mentionAt[k] ??= span;
  }
  const timexes = doc.timexes.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  return { sentence, tokens, mentions, mentionAt, timexes };
}

const isBoundary = (t: EnToken | undefined): boolean => !t || BOUNDARY_WORDS.has(t.norm) || /[;:]/.test(t.post);
const isVerb = (t: EnToken | undefined): boolean => !!t && t.tags.has('Verb') && !t.tags.has('Auxiliary');
const isGroupWord = (t: EnToken | undefined): boolean => !!t && (t.tags.has('Auxiliary') || t.tags.has('Modal') || t.tags.has('Negative') || t.tags.has('Adverb') || t.norm === 'to' || t.text === '');
const isDeterminerLike = (t: EnToken | undefined): boolean => !!t && (t.tags.has('Determiner') || t.tags.has('Adjective') || t.tags.has('Possessive') || t.tags.has('Value') || t.tags.has('Pronoun') && t.tags.has('Possessive'));

/** First index of the verb group ending at `i` (auxiliaries, modals, negation, adverbs, infinitive `to`). */
function groupStart(tokens: EnToken[], i: number): number {
  let k = i;
  while (k > 0 && i - k < 5 && isGroupWord(tokens[k - 1]) && !/[,;:]/.test(tokens[k - 1]!.post)) k -= 1;
  return k;
}

function roleIn(slot: LabelRoles | undefined, label: EntityLabel): Role | undefined {
  return slot?.[label];
}

function mergeFrame(row: TriggerRow): RoleFrame {
  const base = EN_ROLE_FRAMES[row.type];
  const own = row.frame ?? {};
  return {
    subject: own.subject ?? base.subject,
    object: own.object ?? base.object,
    passive: own.passive ?? base.passive,
    preps: { ...base.preps, ...(own.preps ?? {}) },
    fallback: own.fallback ?? base.fallback,
  };
}

function matchesCue(words: string[], cue: string): boolean {
  if (cue.endsWith('*')) return words.some((w) => w.startsWith(cue.slice(0, -1)));
  const parts = cue.split(' ');
  return words.some((_, k) => parts.every((p, j) => words[k + j] === p));
}

function passesContext(tokens: EnToken[], first: number, last: number, row: TriggerRow): boolean {
  const window = row.window ?? 5;
  const after = tokens.slice(last + 1, last + 1 + window).flatMap((t) => [t.norm, ...(/[$€£]/.test(t.text) ? [t.text.match(/[$€£]/)![0]] : [])]);
  if (row.requiresNear && !row.requiresNear.some((cue) => matchesCue(after, cue.toLowerCase()))) return false;
  if (row.excludeNear?.some((cue) => matchesCue(after, cue.toLowerCase()))) return false;
  if (row.excludeBefore) {
    const before = tokens.slice(Math.max(0, first - 3), first).map((t) => t.norm);
    if (row.excludeBefore.some((cue) => cue.split(' ').every((p, j, all) => before[before.length - all.length + j] === p))) return false;
  }
  return true;
}

/** The subject mention before a verb group, or a pronoun to resolve. */
function findSubject(data: SentenceData, start: number): { mention: MentionSpan } | { pronoun: number; length: number; labels: Array<'PER' | 'ORG'> } | null {
  const { tokens, mentionAt } = data;
  // `He's expected to meet`, `Acme plans to buy`: the subject is the governing verb's.
  if (tokens[start]?.norm === 'to' && tokens[start - 1] && (RAISING.has(tokens[start - 1]!.root) || RAISING.has(tokens[start - 1]!.norm)) && start - 1 > 0) {
    return findSubject(data, groupStart(tokens, start - 1));
  }
  let j = start - 1;
  // `Smith, the chief executive of Acme, resigned`: skip back over the appositive to the name before it.
  if (j >= 0 && tokens[j]!.post.includes(',')) {
    for (let k = j - 1; k >= Math.max(0, j - 12); k -= 1) {
      if (tokens[k]!.post.includes(',')) {
        const host = mentionAt[k];
        if (host && host.last === k) return { mention: host };
        break;
      }
    }
    return null;
  }
  for (let k = j, steps = 0; k >= 0 && steps < 6; k -= 1, steps += 1) {
    const t = tokens[k]!;
    const host = mentionAt[k];
    if (host) return host.last === k ? { mention: host } : null;
    if (k < j && (isBoundary(t) || /[,;:]/.test(t.post))) return null;
    if (isVerb(t) || t.tags.has('Preposition')) return null;
    // `the thrift holding company said`: a definite description of an organization.
    if (k === j && ORG_NOUNS.has(t.norm)) {
      for (let d = k - 1; d >= Math.max(0, k - 4); d -= 1) {
        if (tokens[d]!.norm === 'the') return { pronoun: d, length: k - d + 1, labels: ['ORG'] };
        if (!isDeterminerLike(tokens[d]) && !tokens[d]!.tags.has('Noun')) break;
      }
    }
    const two = k > 0 ? `${tokens[k - 1]!.norm} ${t.norm}` : '';
    if (PRONOUNS[two]) return { pronoun: k - 1, length: 2, labels: PRONOUNS[two]! };
    if (PRONOUNS[t.norm] && !t.tags.has('Possessive')) return { pronoun: k, length: 1, labels: PRONOUNS[t.norm]! };
  }
  return null;
}

/** Nearest mention before the pronoun (this sentence, then up to three before) whose label fits. */
function resolvePronoun(sentences: SentenceData[], s: number, token: number, labels: readonly EntityLabel[]): MentionSpan | null {
  for (let k = s; k >= Math.max(0, s - 3); k -= 1) {
    const data = sentences[k]!;
    const before = k === s ? data.mentions.filter((m) => m.last < token) : data.mentions;
    for (let m = before.length - 1; m >= 0; m -= 1) if (labels.includes(before[m]!.label)) return before[m]!;
  }
  return null;
}

function findObject(data: SentenceData, last: number): MentionSpan | null {
  const { tokens, mentionAt } = data;
  for (let k = last + 1, steps = 0; k < tokens.length && steps < 4; k += 1, steps += 1) {
    const host = mentionAt[k];
    if (host) return host.first === k ? host : null;
    const t = tokens[k]!;
    if (t.tags.has('Preposition') || isVerb(t) || isBoundary(t) || (k > last + 1 && /[,;:]/.test(tokens[k - 1]!.post)) || !isDeterminerLike(t)) return null;
  }
  return null;
}

/** The preposition governing a mention (looking back over determiners and adjectives), or null. */
function prepositionBefore(tokens: EnToken[], first: number, stop: number): string | null {
  for (let k = first - 1, steps = 0; k > stop && steps < 4; k -= 1, steps += 1) {
    const t = tokens[k]!;
    if (t.tags.has('Preposition') || t.norm === 'and') return t.norm;
    if (!isDeterminerLike(t)) return null;
  }
  return null;
}

function addArgument(args: ExtractedArgument[], arg: ExtractedArgument): void {
  if (args.some((a) => a.span.mention === arg.span.mention)) return;
  if (args.some((a) => a.role === arg.role && arg.source === 'fallback')) return;
  args.push(arg);
}

function tenseOf(token: EnToken, group: EnToken[], isNoun: boolean): Tense {
  if (isNoun) return 'noun';
  if (group.some((t) => t.norm === 'will' || t.norm === "'ll" || t.norm === 'shall')) return 'fut';
  if (token.tags.has('Gerund')) return 'ppres';
  if (token.tags.has('Passive') || token.tags.has('Participle') || token.tags.has('PerfectTense')) return 'ppast';
  if (token.tags.has('PastTense')) return 'ps';
  if (token.tags.has('Infinitive') && group.some((t) => t.norm === 'to')) return 'inf';
  return 'pres';
}

function polarityAndModality(data: SentenceData, first: number, group: EnToken[], row: TriggerRow, groupFrom: number): { polarity: Polarity; modality: Modality } {
  const { tokens } = data;
  const words = group.map((t) => t.norm);
  let polarity: Polarity = group.some((t) => t.tags.has('Negative') || NEGATION_WORDS.has(t.norm)) ? 'negative' : 'positive';
  // `refused to resign`, `failed to meet`
  const governor = tokens[groupFrom - 1];
  if (words.includes('to') && governor && GOVERNORS.has(governor.root)) polarity = 'negative';
  if (row.pos === 'noun' && tokens[first - 1] && NEGATION_WORDS.has(tokens[first - 1]!.norm)) polarity = 'negative';
  const before = tokens.slice(Math.max(0, groupFrom - 4), first).map((t) => t.norm);
  const clauseStart = (() => {
    let k = first - 1;
    while (k >= 0 && !isBoundary(tokens[k]) && !/[;:]/.test(tokens[k]!.post)) k -= 1;
    return k + 1;
  })();
  const clause = tokens.slice(clauseStart, first).map((t) => t.norm);
  let modality: Modality = 'asserted';
  if (words.some((w) => HYPOTHETICAL_CUES.includes(w)) || clause.includes('if') || clause.includes('unless')) modality = 'hypothetical';
  else if (PLANNED_CUES.some((cue) => matchesCue([...before, ...words], cue))) modality = 'planned';
  else if (row.type !== 'Contact.Statement') {
    const sentence = tokens.map((t) => t.norm);
    if (REPORTED_CUES.some((cue) => matchesCue(sentence, cue))) modality = 'reported';
  }
  return { polarity, modality };
}

/** The closest DATE or TIME expression of the sentence, preferring one in the trigger's clause. */
function attachTime(data: SentenceData, first: number): TimeExpression | null {
  const trigger = data.tokens[first]!;
  let best: TimeExpression | null = null;
  let bestDistance = Infinity;
  for (const t of data.timexes) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (t.value === null || /_REF$/.test(t.value)) continue;
    const distance = t.start >= trigger.end ? t.start - trigger.end : trigger.start - t.end + 0.5;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
    }
  }
  return best;
}

function tryEvent(sentences: SentenceData[], s: number, i: number, entry: { row: TriggerRow; rest: string[] }): ExtractedEvent | null {
  const data = sentences[s]!;
  const { tokens } = data;
  const row = entry.row;
  const first = i;
  const last = i + entry.rest.length;
  if (!passesContext(tokens, first, last, row)) return null;
  const trigger = tokens[first]!;
  const isNoun = row.pos === 'noun';
  const frame = mergeFrame(row);
  const from = isNoun ? first : groupStart(tokens, first);
  const group = tokens.slice(from, first);
  const passive = !isNoun && (trigger.tags.has('Passive') || (group.some((t) => t.root === 'be' || t.root === 'is' || t.root === 'get') && (trigger.tags.has('PastTense') || trigger.tags.has('Participle'))));
  const args: ExtractedArgument[] = [];

  if (!isNoun) {
    const subject = findSubject(data, from);
    const slot = passive ? frame.passive : frame.subject;
    if (subject && 'mention' in subject) {
      const role = roleIn(slot, subject.mention.label);
      if (role) addArgument(args, { role, span: subject.mention, anaphor: null, source: passive ? 'passive' : 'subject' });
    } else if (subject) {
      const labels = subject.labels.filter((l) => slot[l] !== undefined);
      const antecedent = labels.length > 0 ? resolvePronoun(sentences, s, subject.pronoun, labels) : null;
      const role = antecedent ? roleIn(slot, antecedent.label) : undefined;
      if (antecedent && role) {
        const a = tokens[subject.pronoun]!;
        const b = tokens[subject.pronoun + subject.length - 1]!;
        addArgument(args, { role, span: antecedent, anaphor: { start: a.start, end: b.end }, source: passive ? 'passive' : 'subject' });
      }
    }
    if (!passive) {
      const object = findObject(data, last);
      const role = object ? roleIn(frame.object, object.label) : undefined;
      if (object && role) addArgument(args, { role, span: object, anaphor: null, source: 'object' });
    }
  } else {
    // `Smith's resignation`, `Google's acquisition of X`, `the Hamas attack`
    const k = tokens[first - 1] && isDeterminerLike(tokens[first - 1]) && !data.mentionAt[first - 1] ? first - 2 : first - 1;
    const host = k >= 0 ? data.mentionAt[k] : undefined;
    if (host && host.last === k) {
      const role = roleIn(frame.subject, host.label);
      if (role) addArgument(args, { role, span: host, anaphor: null, source: 'possessive' });
    }
  }
  // Prepositional participants after the trigger, within its clause.
  for (const m of data.mentions) {
    if (m.first <= last || m.first - last > 10) continue;
    // Participants of the trigger stay in its clause: not past a clause boundary or another verb.
    if (tokens.slice(last + 1, m.first).some((t) => isBoundary(t) || isVerb(t))) break;
    const prep = prepositionBefore(tokens, m.first, last);
    const role = prep ? roleIn(frame.preps[prep], m.label) : undefined;
    if (prep === 'by' && passive) {
      const agent = roleIn(frame.subject, m.label);
      if (agent) addArgument(args, { role: agent, span: m, anaphor: null, source: 'preposition' });
      continue;
    }
    if (role) addArgument(args, { role, span: m, anaphor: null, source: 'preposition' });
  }
  // Fallback: nearest other mention of the sentence for roles still empty.
  const byDistance = [...data.mentions].sort((a, b) => Math.min(Math.abs(a.first - first), Math.abs(a.last - first)) - Math.min(Math.abs(b.first - first), Math.abs(b.last - first)) || a.first - b.first);
  for (const m of byDistance) {
    const between = m.last < first ? tokens.slice(m.last + 1, from) : tokens.slice(last + 1, m.first);
    if (between.length > 8 || between.some((t) => isBoundary(t) || isVerb(t))) continue;
    const role = roleIn(frame.fallback, m.label);
    if (!role || args.some((a) => a.role === role)) continue;
    addArgument(args, { role, span: m, anaphor: null, source: 'fallback' });
  }

  if (args.length === 0 || (row.confidence < UNAMBIGUOUS_TRIGGER && !args.some((a) => a.source !== 'fallback'))) return null;
  if (!args.some((a) => CORE_ROLES[row.type].includes(a.role))) return null;
  if (row.requiresRole && !args.some((a) => a.source !== 'fallback' && row.requiresRole!.includes(a.role))) return null;

  const { polarity, modality } = polarityAndModality(data, first, group, row, from);
  args.sort((a, b) => a.span.mention.start - b.span.mention.start || (a.role < b.role ? -1 : 1));
  return {
    type: row.type,
    row,
    lemma: row.lemma,
    tense: tenseOf(trigger, group, isNoun),
    trigger: { start: trigger.start, end: tokens[last]!.end },
    sentenceIndex: data.sentence.index,
    arguments: args,
    time: attachTime(data, first),
    polarity,
    modality,
    confidence: computeConfidence(row, args, modality),
  };
}

function candidates(data: SentenceData, i: number): Array<{ row: TriggerRow; rest: string[] }> {
  const t = data.tokens[i]!;
  if (data.mentionAt[i] || t.text === '') return [];
  const rows = ROWS_BY_LEMMA.get(t.root) ?? ROWS_BY_LEMMA.get(t.norm) ?? [];
  return rows.filter(({ row, rest }) => {
    if (row.pos === 'verb' ? !isVerb(t) : !t.tags.has('Noun') || t.tags.has('ProperNoun')) return false;
    return rest.every((word, j) => data.tokens[i + 1 + j]?.norm === word);
  });
}

/** All events of an English document, in text order. Reads the entities layer as the entities stage left it. */
export function extractEnglishEvents(doc: Document): ExtractedEvent[] {
  const labelOf = entityLabelResolver(doc);
  const sentences = [...doc.sentences].sort((a, b) => a.index - b.index).map((sentence) => buildSentence(doc, sentence, labelOf));
  const events: ExtractedEvent[] = [];
  sentences.forEach((data, s) => {
    for (let i = 0; i < data.tokens.length; i += 1) {
      for (const entry of candidates(data, i)) {
        const event = tryEvent(sentences, s, i, entry);
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
