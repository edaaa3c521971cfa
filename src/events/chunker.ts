/**
 * A rule chunker over the event engine's tokens for participants that carry no name: noun phrases headed by a noun
 * of src/rules/fr/noun-classes.ts (`deux gendarmes`, `la police afghane`, `le porte-parole de la direction de la
 * police`), with their count (`14 morts` → 14, `une vingtaine de personnes` → 20), and money phrases (`15 millions
 * d'euros` → 15000000 EUR). A phrase starts at a determiner, a number or a quantity word; then premodifiers, the head
 * noun, adjectives and up to two `de` complements. Determiners, number words and currencies are data
 * (src/rules/fr/event-cues.ts, src/rules/fr/quantities.ts). Computed once per sentence view.
 */
import type { EntityLabel } from '../vocabulary.js';
import {
  AVOIR_FORMS,
  CLAUSE_BOUNDARY_WORDS,
  DETERMINERS,
  ETRE_FORMS,
  MODAL_FORMS,
  NEGATION_START,
  NOUN_PREMODIFIERS,
  PREPOSITIONS,
  STRONG_PUNCT,
} from '../rules/fr/event-cues.js';
import { buildNounClassIndex } from '../rules/fr/noun-classes.js';
import { APPROXIMATE_NUMBERS, CURRENCIES, MULTIPLIERS, NUMBER_WORDS, QUANTITY_PREFIXES, VAGUE_QUANTITIES } from '../rules/fr/quantities.js';
import { prepositionEndingAt, type MentionSpan, type SentenceView } from './sentence-view.js';
import type { Token } from './tokens.js';

export interface NounPhrase {
  first: number;
  last: number;
  /** Token index of the head noun. */
  head: number;
  label: EntityLabel;
  /** How many the phrase counts, when it says (`14 morts`), else null. */
  count: number | null;
}

export interface MoneyPhrase {
  first: number;
  last: number;
  /** Amount in currency units; null for a vague amount (`des milliards de dollars`). */
  value: number | null;
  currency: string;
}

const NOUN_CLASS = buildNounClassIndex();
const OF = new Set(['de', "d'", 'du', 'des']);
const PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'se', "s'", 'qui', 'que', "qu'", 'dont', 'y', 'en', 'ne', "n'", 'lui', 'leur', 'eux']);

/** `\p{N}` at the start of a word, with the ASCII case decided without a regular expression (asked for most tokens). */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return /^\p{N}/u.test(word);
}

/** Words a noun phrase may open with (phraseAt below): a quantity prefix, a quantity word or a determiner. */
const OPENERS = new Set<string>([...QUANTITY_PREFIXES.map((p) => p[0]!), ...Object.keys(APPROXIMATE_NUMBERS), ...VAGUE_QUANTITIES, ...DETERMINERS, ...Object.keys(NUMBER_WORDS)]);

/** A number token's value: digits (`14`, `1,4`, `9,40`, `1 425`), or a number word. */
export function numberValue(tokens: Token[], i: number): { value: number; length: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (startsWithDigit(t.norm)) {
    let digits = t.norm.replace(/[\u00A0\u202F.]/g, '');
    let length = 1;
    // `1 700`: groups of three digits after a plain space are one number.
    while (/^\d{3}$/.test(tokens[i + length]?.norm ?? '') && tokens[i + length]!.start === tokens[i + length - 1]!.end + 1 && !digits.includes(',')) {
      digits += tokens[i + length]!.norm;
      length++;
    }
    const value = Number(digits.replace(',', '.'));
    return Number.isFinite(value) ? { value, length } : null;
  }
  const word = NUMBER_WORDS[t.norm];
  return word !== undefined ? { value: word, length: 1 } : null;
}

/** Words right after a verb, never after an adjective: a tail word followed by one of them is the verb. */
const AFTER_VERB = new Set(['que', "qu'", 'le', 'la', "l'", 'les', 'un', 'une', 'des', 'du', 'ce', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'à', 'au', 'aux', 'pas', 'plus', 'jamais', 'également', 'aussi', 'déjà', 'alors']);

function isTailAdjective(view: SentenceView, k: number): boolean {
  const t = view.tokens[k];
  if (!t || !/^\p{Ll}[\p{L}-]*$/u.test(t.text)) return false;
  if (view.isVerbForm?.(t.norm) || AFTER_VERB.has(view.tokens[k + 1]?.norm ?? '')) return false;
  const n = t.norm;
  if (DETERMINERS.has(n) || PREPOSITIONS[n] !== undefined || CLAUSE_BOUNDARY_WORDS.has(n) || PRONOUNS.has(n)) return false;
  if (AVOIR_FORMS.has(n) || ETRE_FORMS.has(n) || MODAL_FORMS.has(n) || NEGATION_START.has(n) || n === 'et' || n === 'ou' || n === 'mais') return false;
  // Participles and finite-looking forms start a verb phrase, not an adjective (`travaillant`, `retrouvé`, `ont`).
  if (/(ant|ants|é|ée|és|ées|ent|ait|aient|ront|rait)$/.test(n)) return false;
  return n.length > 2;
}

/** The noun phrase starting at token i, or null. Mentions are never part of a phrase's head. */
function phraseAt(view: SentenceView, i: number): NounPhrase | null {
  const tokens = view.tokens;
  if (view.mentionOfToken[i]) return null;
  const opener = tokens[i]?.norm ?? '';
  if (!OPENERS.has(opener) && !startsWithDigit(opener)) return null;
  let j = i;
  for (const prefix of QUANTITY_PREFIXES) {
    if (prefix.every((w, k) => tokens[j + k]?.norm === w)) {
      j += prefix.length;
      break;
    }
  }
  let count: number | null = null;
  let opened = false;
  for (let guard = 0; guard < 5; guard++) {
    const n = tokens[j]?.norm ?? '';
    const num = numberValue(tokens, j);
    if (num) {
      count = num.value;
      j += num.length;
      opened = true;
      continue;
    }
    if (APPROXIMATE_NUMBERS[n] !== undefined && OF.has(tokens[j + 1]?.norm ?? '')) {
      count = APPROXIMATE_NUMBERS[n]!;
      j += 2;
      opened = true;
      continue;
    }
    if (VAGUE_QUANTITIES.has(n) && OF.has(tokens[j + 1]?.norm ?? '')) {
      count = null;
      j += 2;
      opened = true;
      continue;
    }
    if (DETERMINERS.has(n)) {
      j++;
      opened = true;
      continue;
    }
    break;
  }
  if (!opened) return null;
  let premods = 0;
  while (premods < 2 && NOUN_PREMODIFIERS.has(tokens[j]?.norm ?? '')) {
    j++;
    premods++;
  }
  const head = tokens[j];
  const label = head ? NOUN_CLASS.get(head.norm) : undefined;
  if (!head || !label || view.mentionOfToken[j] || !/^\p{Ll}/u.test(head.text)) return null;
  // `le président François Hollande`, `la fusée Ariane 6`: a title before a name; the name is the participant.
  if (view.mentionOfToken[j + 1]) return null;
  let last = j;
  let adjectives = 0;
  while (adjectives < 3 && isTailAdjective(view, last + 1)) {
    last++;
    adjectives++;
  }
  // Up to two `de` complements (`le porte-parole de la direction de la police`).
  for (let c = 0; c < 2; c++) {
    if (!OF.has(tokens[last + 1]?.norm ?? '')) break;
    let k = last + 2;
    while (DETERMINERS.has(tokens[k]?.norm ?? '') && k < last + 4) k++;
    const span = view.mentionOfToken[k];
    // A name after `de` is a participant of its own (`la fermeture d'un bureau de Tesla`): the phrase ends before it.
    if (span) break;
    if (!isTailAdjective(view, k) && !NOUN_CLASS.has(tokens[k]?.norm ?? '') && numberValue(tokens, k) === null) break;
    last = k;
    while (isTailAdjective(view, last + 1) && last < k + 3) last++;
  }
  // `la secte islamiste Boko Haram`: a descriptive phrase right before a name; the name is the participant.
  if (view.mentionOfToken[last + 1]?.first === last + 1) return null;
  return { first: i, last, head: j, label, count };
}

interface Chunks {
  /** Token index → its phrase, null when none starts there, undefined when not yet asked. */
  byFirst: Array<NounPhrase | null | undefined>;
}

const cache = new WeakMap<SentenceView, Chunks>();
/** The last view asked about (one sentence is chunked at a time): most calls skip the WeakMap. */
let lastView: SentenceView | null = null;
let lastChunks: Chunks | null = null;

/** The noun phrase starting at token i of the view (cached per view). */
export function nounPhraseAt(view: SentenceView, i: number): NounPhrase | null {
  let chunks = view === lastView ? lastChunks : cache.get(view);
  if (!chunks) {
    chunks = { byFirst: new Array<NounPhrase | null | undefined>(view.tokens.length) };
    cache.set(view, chunks);
  }
  lastView = view;
  lastChunks = chunks;
  let phrase = chunks.byFirst[i];
  if (phrase === undefined) {
    const t = view.tokens[i];
    phrase = t && !STRONG_PUNCT.has(t.norm) ? phraseAt(view, i) : null;
    chunks.byFirst[i] = phrase;
  }
  return phrase;
}

/** The money phrase starting at token i (`15 millions d'euros`, `9,40 euros`, `1 700 €`, `des milliards de dollars`). */
export function moneyAt(tokens: Token[], i: number): MoneyPhrase | null {
  let j = i;
  let value: number | null = null;
  const num = numberValue(tokens, j);
  if (num) {
    value = num.value;
    j += num.length;
    const mult = MULTIPLIERS[tokens[j]?.norm ?? ''];
    if (mult) {
      value *= mult;
      j++;
    }
  } else if ((tokens[j]?.norm === 'des' || tokens[j]?.norm === 'plusieurs') && MULTIPLIERS[tokens[j + 1]?.norm ?? '']) {
    j += 2;
  } else return null;
  if (OF.has(tokens[j]?.norm ?? '')) j++;
  const currency = CURRENCIES[tokens[j]?.norm ?? ''];
  if (!currency) return null;
  return { first: i, last: j, value: value === null ? null : Math.round(value * 100) / 100, currency };
}

/** A participant span for a noun phrase: the phrase as its `mention` (no entity), its head and count. */
export function nominalSpan(view: SentenceView, np: NounPhrase): MentionSpan {
  const from = view.tokens[np.first]!;
  const to = view.tokens[np.last]!;
  return {
    mention: { start: from.start, end: to.end, sentence: view.sentence.index, label: np.label, score: 1, source: 'rules' },
    label: np.label,
    first: np.first,
    last: np.last,
    governedBy: np.first > 0 ? prepositionEndingAt(view.tokens, np.first - 1) : null,
    parenthesized: false,
    nominal: { head: np.head, headSpan: { text: view.tokens[np.head]!.text, start: view.tokens[np.head]!.start, end: view.tokens[np.head]!.end }, count: np.count },
  };
}

/** A participant span for a money phrase. */
export function moneySpan(view: SentenceView, money: MoneyPhrase): MentionSpan {
  const from = view.tokens[money.first]!;
  const to = view.tokens[money.last]!;
  return {
    mention: { start: from.start, end: to.end, sentence: view.sentence.index, label: 'MISC', score: 1, source: 'rules' },
    label: 'MISC',
    first: money.first,
    last: money.last,
    governedBy: null,
    parenthesized: false,
    money: { value: money.value, currency: money.currency },
  };
}
