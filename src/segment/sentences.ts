/**
 * Sentence segmentation for French news text.
 *
 * Engine choice, measured with `npm run eval:segment` (boundary F1; sentences/s on one core of a loaded 2-core box,
 * so speeds vary between runs):
 *
 *   |                          | seed  | Sequoia, headings on own line | Sequoia, space-joined | sentences/s  |
 *   | this rule scanner        | 1.000 | 0.998                         | 0.881                 | 0.27–1.0 M   |
 *   | Intl.Segmenter + repairs | 0.991 | 0.957                         | 0.839                 | 0.07–0.17 M  |
 *   | Intl.Segmenter alone     | 0.796 | 0.954                         | 0.828                 | 0.08–0.30 M  |
 *
 * The scanner is kept: it is the more accurate and the faster, and ICU is a poor base for this text:
 *  - ICU's sentence rules need a space after the period, so every glued sentence of scraped news (`urbain.Le départ`,
 *    `».Son`) is a miss that a repair pass must re-find with the very rules this scanner applies anyway;
 *  - ICU puts an opening `«` glued to a period at the end of the previous sentence and a closing `»` after a space at
 *    the start of the next one, and knows no French abbreviation (`M.`, `janv.`, `p.`): its output needs moving,
 *    merging and splitting at once;
 *  - V8's segmenter is quadratic on long strings (≈700 sentences/s on a 1.7 MB text); the scanner is linear.
 * The scanner looks only at candidate characters (`.`, `!`, `?`, `…`, line breaks, a capital glued to a lowercase
 * word) and a bounded window around each, so it runs in time linear in the text. Its decisions read the lexicon in
 * src/rules/fr/segmentation.ts.
 */
import type { Document, Sentence, Span } from '../document.js';
import { FRENCH_SEGMENTATION } from '../rules/fr/segmentation.js';
import { APOSTROPHE_CHARS, APOSTROPHE_CLASS, isApostrophe, withoutElision } from '../rules/fr/orthography.js';
import type { SegmentationLexicon } from '../rules/schema.js';

/** The data the scanner's decisions read: the French lexicon by default, another language's through `createSegmenter`. */
function compileLexicon(l: SegmentationLexicon) {
  return {
    titles: new Set(l.titles), prefixes: new Set(l.prefixes), prefixesCapitalized: capitalized(l.prefixes),
    finalCapable: new Set(l.finalCapable), finalCapableCapitalized: capitalized(l.finalCapable), starters: new Set(l.starters),
    lowercaseStarters: new Set(l.lowercaseStarters), fileAndDomainEndings: new Set(l.fileAndDomainSuffixes), namesBang: new Set(l.namesWithExclamation),
    closing: l.closingPunctuation, opening: l.openingPunctuation, items: l.itemMarkers, continuation: l.continuationPunctuation,
  };
}

type CompiledLexicon = ReturnType<typeof compileLexicon>;
const FRENCH_COMPILED = compileLexicon(FRENCH_SEGMENTATION);
/**
 * The lexicon of the call in progress. `segmentSentences` is synchronous: a segmenter made by `createSegmenter` sets
 * it for the duration of one call and restores it, so no other call ever sees another language's lexicon.
 */
let lex: CompiledLexicon = FRENCH_COMPILED;

/** A segmenter with the same engine over another language's lexicon. */
export function createSegmenter(lexicon: SegmentationLexicon): (text: string, region: Span) => Span[] {
  const compiled = compileLexicon(lexicon);
  return (text, region) => {
    const previous = lex;
    lex = compiled;
    try {
      return segmentSentences(text, region);
    } finally {
      lex = previous;
    }
  };
}

/** `art` → `Art`: the form an abbreviation takes at the start of a sentence or in a reference (`Vol. 3`). */
function capitalized(abbreviations: readonly string[]): Set<string> {
  return new Set(abbreviations.filter((a) => a.length > 1).map((a) => a.charAt(0).toUpperCase() + a.slice(1)));
}

/**
 * Characters that may end a sentence, line breaks (which end a paragraph), and a capital glued to a lowercase word
 * (`vidéoQuel est`, `soignantsDans leurs`: a heading glued to the next sentence by scraping).
 */
const CANDIDATE = /[.!?…‽⁇⁈⁉。！？\n\r\v\f\u0085\u2028\u2029]|(?<=\p{Ll}{3})\p{Lu}/gu;
const STRONG_TERMINATORS = '!?‽⁇⁈⁉！？';
const PERIOD_LIKE = '.。';
const LINE_BREAKS = '\n\r\v\f\u0085\u2028\u2029';
/** Ambiguous straight and curly quotes: closing after a sentence end only when no word follows them directly. */
const AMBIGUOUS_QUOTES = `"${APOSTROPHE_CHARS}`;
/** Longest token (URL, dotted acronym…) inspected around a period; bounds the work per candidate. */
const MAX_TOKEN = 64;

const WHITESPACE = /\s/;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** `J`, `J.-M`, `J.K`, `U.S.A`: initials and dotted acronyms, whose period is ambiguous. */
const INITIALS = /^\p{Lu}(?:\.-?\p{Lu})*$/u;
const DIGITS = /^\d{1,3}$/;
/** A word's letters, with the apostrophe of an elided opener (`L'`, `Qu'`) / with any apostrophe after them. */
const LETTERS_AND_ELISION = new RegExp(`^\\p{L}+(?:${APOSTROPHE_CLASS}(?=\\p{L}))?`, 'u');
const LETTERS_AND_APOSTROPHE = new RegExp(`^\\p{L}+${APOSTROPHE_CLASS}?`, 'u');

const isWhitespace = (ch: string): boolean => WHITESPACE.test(ch);
const isUpper = (ch: string): boolean => UPPER.test(ch);
const isLower = (ch: string): boolean => LOWER.test(ch);
const isLetterOrDigit = (ch: string): boolean => LETTER_OR_DIGIT.test(ch);

/** The character (a whole code point) at `index`, or '' past `end`. */
function charAt(text: string, index: number, end: number): string {
  if (index >= end) return '';
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < end) return text.slice(index, index + 2);
  return text[index] ?? '';
}

/**
 * Splits `text[region.start, region.end)` into sentences. Returned spans are in text order, non-empty, trimmed of
 * whitespace, non-overlapping, inside the region, and together cover every non-whitespace character of it.
 */
export function segmentSentences(text: string, region: Span): Span[] {
  const start = Math.max(0, Math.min(region.start, text.length));
  const end = Math.max(start, Math.min(region.end, text.length));
  const cuts = findBoundaries(text, start, end);
  const sentences: Span[] = [];
  let pieceStart = start;
  for (const cut of [...cuts, end]) {
    const span = trimSpan(text, pieceStart, cut);
    if (span) sentences.push(span);
    pieceStart = cut;
  }
  return sentences;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(text[s] ?? '')) s++;
  while (e > s && isWhitespace(text[e - 1] ?? '')) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Positions (ascending, strictly inside the region) where a new sentence starts. */
function findBoundaries(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  const candidate = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  candidate.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = candidate.exec(text)) !== null && match.index < end) {
    const index = match.index;
    const ch = text[index] ?? '';
    const resumeAt = LINE_BREAKS.includes(ch)
      ? decideLineBreak(text, index, start, end, cuts)
      : isUpper(charAt(text, index, end))
        ? decideGluedHeading(text, index, start, end, cuts)
        : decidePunctuation(text, index, start, end, cuts);
    candidate.lastIndex = Math.max(resumeAt, index + 1);
  }
  return cuts;
}

function pushCut(cuts: number[], at: number, start: number, end: number): void {
  const last = cuts[cuts.length - 1];
  if (at > start && at < end && (last === undefined || at > last)) cuts.push(at);
}

interface WhitespaceRun {
  /** First non-whitespace position (or `end`). */
  next: number;
  lineBreaks: number;
}

function skipWhitespace(text: string, from: number, end: number): WhitespaceRun {
  let i = from;
  let lineBreaks = 0;
  while (i < end) {
    const ch = text[i] ?? '';
    if (!isWhitespace(ch)) break;
    // `\r\n` counts once; U+2029 is a paragraph separator, worth a blank line.
    if (ch === '\u2029') lineBreaks += 2;
    else if (LINE_BREAKS.includes(ch) && !(ch === '\n' && text[i - 1] === '\r')) lineBreaks++;
    i++;
  }
  return { next: i, lineBreaks };
}

/**
 * A blank line always ends a sentence (paragraphs, headlines without final period). A single line break does too,
 * unless the next line starts with a lowercase letter — then the text is hard-wrapped and the sentence goes on — and
 * the line does not end with `;` or `:` (a list: `Le comité est inchangé :` / `président : Luc ;` / `trésorière : …`).
 */
function decideLineBreak(text: string, index: number, start: number, end: number, cuts: number[]): number {
  const run = skipWhitespace(text, index, end);
  if (run.next >= end) return run.next;
  if (endsLine(text, index, start, run)) pushCut(cuts, run.next, start, end);
  return run.next;
}

function endsLine(text: string, lineEnd: number, start: number, run: WhitespaceRun): boolean {
  if (run.lineBreaks >= 2 || !isLower(text[run.next] ?? '')) return true;
  let last = lineEnd;
  while (last > start && isHorizontalSpace(text[last - 1] ?? '')) last--;
  const lastChar = text[last - 1] ?? '';
  return lastChar === ';' || lastChar === ':';
}

/**
 * A capital glued to a lowercase word starts a new sentence when it opens a common sentence opener followed by a space
 * (`Source : vidéoQuel est votre avis`, `Wall StreetAux Etats-Unis`), not in brand names (`YouTube`, `LinkedIn`,
 * `DeepMind`, `iPhone`) nor in addresses and hashtags.
 */
function decideGluedHeading(text: string, index: number, start: number, end: number, cuts: number[]): number {
  if (index - 3 < start) return index + 1;
  const word = LETTERS_AND_ELISION.exec(tokenFrom(text, index, end))?.[0] ?? '';
  const followedBySpace = isHorizontalSpace(charAt(text, index + word.length, end));
  if (!lex.starters.has(word) || !(followedBySpace || isApostrophe(word[word.length - 1] ?? ''))) return index + 1;
  const chunk = tokenBefore(text, index, start);
  if (looksLikeAddress(chunk) || /[#@_]/.test(chunk)) return index + 1;
  pushCut(cuts, index, start, end);
  return index + 1;
}

/** Decides whether the sentence-final punctuation at `index` (and the cluster it starts) ends a sentence. */
function decidePunctuation(text: string, index: number, start: number, end: number, cuts: number[]): number {
  // The whole cluster (`...`, `?!`, `!!!`, `?…`) is decided at once; a spaced `. . .` is not recognised (rare in news).
  let clusterEnd = index;
  let periods = 0;
  let strong = false;
  let ellipsis = false;
  while (clusterEnd < end) {
    const ch = text[clusterEnd] ?? '';
    if (PERIOD_LIKE.includes(ch)) periods++;
    else if (ch === '…') ellipsis = true;
    else if (STRONG_TERMINATORS.includes(ch)) strong = true;
    else break;
    clusterEnd++;
  }
  if (periods >= 2) ellipsis = true;
  const before = index > start ? (text[index - 1] ?? '') : '';
  // `(?)`, `(!)`, `[…]`: a remark or an elision inside the sentence, not its end.
  if (before === '(' || before === '[') return clusterEnd;

  const afterClosers = skipClosers(text, clusterEnd, end);
  const run = skipWhitespace(text, afterClosers, end);
  if (run.next >= end) return run.next;
  if (run.lineBreaks > 0) {
    // The line break decides, as for any line end.
    if (endsLine(text, afterClosers, start, run)) pushCut(cuts, run.next, start, end);
    return run.next;
  }
  const glued = run.next === afterClosers;
  const kind: TerminatorKind = strong ? 'strong' : ellipsis ? 'ellipsis' : 'period';
  const cut = glued
    ? endsBeforeGluedText(text, index, clusterEnd, afterClosers, start, end, kind)
    : endsBeforeSpacedText(text, index, run.next, start, end, kind);
  if (cut) pushCut(cuts, glued ? afterClosers : run.next, start, end);
  return glued ? afterClosers : run.next;
}

type TerminatorKind = 'strong' | 'ellipsis' | 'period';

/**
 * Consumes closing quotes and brackets after a sentence end, with the (no-break) spaces French puts before them:
 * `fin. »`, `fin.)`, `fin.”`. A straight or curly quote followed directly by a word opens the next sentence instead.
 */
function skipClosers(text: string, from: number, end: number): number {
  let i = from;
  for (;;) {
    let j = i;
    while (j < end && j - i < 4 && isHorizontalSpace(text[j] ?? '')) j++;
    const ch = text[j] ?? '';
    if (j >= end || !lex.closing.includes(ch)) return i;
    if (AMBIGUOUS_QUOTES.includes(ch) && isLetterOrDigit(charAt(text, j + 1, end))) return i;
    i = j + 1;
  }
}

function isHorizontalSpace(ch: string): boolean {
  return ch !== '' && isWhitespace(ch) && !LINE_BREAKS.includes(ch);
}

/** The non-space run that ends at `index` (exclusive), at most MAX_TOKEN long, without leading opening punctuation. */
function tokenBefore(text: string, index: number, start: number): string {
  let i = index;
  const limit = Math.max(start, index - MAX_TOKEN);
  while (i > limit && !isWhitespace(text[i - 1] ?? '')) i--;
  while (i < index && (lex.opening.includes(text[i] ?? '') || lex.items.includes(text[i] ?? ''))) i++;
  return text.slice(i, index);
}

/** The non-space run starting at `index`, at most MAX_TOKEN long. */
function tokenFrom(text: string, index: number, end: number): string {
  let i = index;
  const limit = Math.min(end, index + MAX_TOKEN);
  while (i < limit && !isWhitespace(text[i] ?? '')) i++;
  return text.slice(index, i);
}

function isAbbreviation(word: string, set: ReadonlySet<string>, capitalized: ReadonlySet<string> | null): boolean {
  return set.has(word) || (capitalized !== null && capitalized.has(word));
}

/** URLs, e-mail addresses, paths: their periods and question marks are not sentence ends. */
function looksLikeAddress(chunk: string): boolean {
  return chunk.includes('://') || chunk.includes('@') || chunk.includes('/') || chunk.includes('\\') || /^www\./i.test(chunk);
}

/**
 * Sentence end followed directly by text, as scraped news often has: `urbain.Le départ`, `Tesla ?Quelles`, `».Son`,
 * `Optimus.« Il`. Not a boundary: `M.Dupont`, `J.-C.`, `U.S.A.`, `p.ex.`, `2.0`, `openai.com`, `rapport.PDF`.
 */
function endsBeforeGluedText(
  text: string,
  index: number,
  clusterEnd: number,
  next: number,
  start: number,
  end: number,
  kind: TerminatorKind,
): boolean {
  const first = charAt(text, next, end);
  const second = charAt(text, next + first.length, end);
  // `fin.« Il`, `fin."Avec`, `fin.- Royaume-Uni : …` (a sub-heading dash; `J.-C.` has no space after its dash).
  const opensQuote = first === '«' || first === '“' || first === '‹' || (first === '"' && isUpper(second));
  const opensItem = lex.items.includes(first) && isHorizontalSpace(second);
  const opensWord = isUpper(first) && (isLower(second) || isApostrophe(second) || (isHorizontalSpace(second) && 'AÀY'.includes(first)));
  if (!opensQuote && !opensWord && !opensItem && !(kind === 'strong' && isUpper(first))) return false;

  // Addresses and paths around the punctuation: `www.Site.fr`, `https://x.fr/page?Id=3`, `Jean.Dupont@x.fr`.
  const chunkBefore = tokenBefore(text, index, start);
  const chunkAfter = tokenFrom(text, next, end);
  if (looksLikeAddress(chunkBefore) || looksLikeAddress(chunkAfter)) return false;
  if (opensWord && /^[\p{L}\p{N}'’-]+\.[\p{L}]/u.test(chunkAfter)) return false; // `Site.Com.fr`
  const wordAfter = /^\p{L}+/u.exec(chunkAfter)?.[0] ?? '';
  if (opensWord && lex.fileAndDomainEndings.has(wordAfter.toLowerCase())) return false; // `rapport.PDF`, `Node.Js`
  if (kind !== 'period') return true;

  // A single period glued to a word: decide on the word before it.
  if (clusterEnd !== next) return true; // `fin.»Il`: a closing quote already ended the sentence
  const word = chunkBefore;
  if (word === '') return false;
  const last = word[word.length - 1] ?? '';
  switch (classifyWordBeforePeriod(text, index, start)) {
    case 'title':
    case 'prefix':
    case 'initials':
    case 'list-number':
      return false;
    case 'final-capable':
      return true;
    case 'plain': {
      if (lex.closing.includes(last)) return true; // `».Son`
      // A word of two letters or more (`urbain.Le`) or a number (`2022.Il`) ends the sentence; a one-letter fragment
      // (`p.ex`) or a mixed token (`v3.Beta`) does not.
      const lastWord = /[\p{L}\p{N}]+$/u.exec(word)?.[0] ?? '';
      return (/^\p{L}{2,}$/u.test(lastWord) || /^\d+$/.test(lastWord)) && !lex.titles.has(lastWord);
    }
  }
}

/** What the word just before a period says about that period. */
type WordBeforePeriod = 'plain' | 'title' | 'prefix' | 'final-capable' | 'initials' | 'list-number';

function classifyWordBeforePeriod(text: string, index: number, start: number): WordBeforePeriod {
  // Without the elided article or pronoun glued before an abbreviation (`l'art`, `qu'env`).
  const word = withoutElision(tokenBefore(text, index, start));
  if (word === '' || lex.closing.includes(word[word.length - 1] ?? '')) return 'plain';
  if (isAbbreviation(word, lex.titles, null)) return 'title';
  if (isAbbreviation(word, lex.prefixes, lex.prefixesCapitalized)) return 'prefix';
  if (isAbbreviation(word, lex.finalCapable, lex.finalCapableCapitalized)) return 'final-capable';
  // Also `J.-C.`: « Jésus-Christ » ends the sentence before `Son fils…`, not before `Vercingétorix se rend` (ambiguous).
  if (INITIALS.test(word)) return 'initials';
  // `1. Introduction` at the start of a line: a list number, not a sentence.
  if (DIGITS.test(word) && isLineStart(text, index - word.length, start)) return 'list-number';
  return 'plain';
}

/** Sentence end followed by whitespace (no line break) and then `text[next]`. */
function endsBeforeSpacedText(text: string, index: number, next: number, start: number, end: number, kind: TerminatorKind): boolean {
  const first = charAt(text, next, end);
  if (isLower(first)) {
    return kind === 'period' && startsWithLowercaseStarter(text, next, end) && classifyWordBeforePeriod(text, index, start) === 'plain';
  }
  if (lex.continuation.includes(first)) return false;
  // `(cité par Le Monde)`: a parenthesis opening on a lowercase word goes on with the sentence.
  if ((first === '(' || first === '[') && isLower(charAt(text, next + 1, end))) return false;
  const upper = isUpper(first);
  const opener = lex.opening.includes(first) || lex.items.includes(first);
  if (kind === 'strong') return !(text[index] === '!' && lex.namesBang.has(tokenBefore(text, index, start)));
  if (kind === 'ellipsis') return upper || opener;
  switch (classifyWordBeforePeriod(text, index, start)) {
    case 'title':
    case 'prefix':
    case 'list-number':
      return false;
    case 'final-capable':
      // `janv. Le` ends the sentence, `Vol. XVII, no 3` does not.
      return (upper && !startsWithRomanNumeral(text, next, end)) || opener;
    case 'initials':
      return startsNewSentenceAfterInitial(text, next, end);
    case 'plain':
      return true;
  }
}

const ROMAN_NUMERAL = /^(?=[MDCLXVI]{2})M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})(?![\p{L}\p{N}.])/u;

function startsWithRomanNumeral(text: string, next: number, end: number): boolean {
  return ROMAN_NUMERAL.test(tokenFrom(text, next, end));
}

function startsWithLowercaseStarter(text: string, next: number, end: number): boolean {
  const word = /^\p{L}+/u.exec(tokenFrom(text, next, end))?.[0] ?? '';
  return lex.lowercaseStarters.has(word) && isHorizontalSpace(charAt(text, next + word.length, end));
}

/**
 * After an initial or a dotted acronym (`J. K. Rowling`, `plan B. Il`, `U.S.A. Le`), only a common sentence opener that
 * is not itself part of a name (`Le Pen`, `La Fontaine`, `De Gaulle`) starts a new sentence.
 */
function startsNewSentenceAfterInitial(text: string, next: number, end: number): boolean {
  const word = LETTERS_AND_APOSTROPHE.exec(tokenFrom(text, next, end))?.[0] ?? '';
  if (!lex.starters.has(word)) return false;
  if (isApostrophe(word[word.length - 1] ?? '')) return true;
  const after = skipWhitespace(text, next + word.length, end);
  if (after.next === next + word.length) return true; // `Le,` `Il.`
  return !isUpper(charAt(text, after.next, end));
}

function isLineStart(text: string, tokenStart: number, start: number): boolean {
  let i = tokenStart;
  while (i > start && isHorizontalSpace(text[i - 1] ?? '')) i--;
  return i === start || LINE_BREAKS.includes(text[i - 1] ?? '');
}

/**
 * Sentences of a document: the title (if any) is one sentence of kind `title`; the body is split into sentences of
 * kind `body`. In text order, indexed from 0.
 */
/** `segment`: the sentence splitter of the article's language (default: this module's French scanner). */
export function segmentDocument(doc: Document, segment: (text: string, region: Span) => Span[] = segmentSentences): Sentence[] {
  const found: Array<Omit<Sentence, 'index'>> = [];
  const title = doc.titleSpan ? trimSpan(doc.text, doc.titleSpan.start, doc.titleSpan.end) : null;
  if (title) found.push({ ...title, kind: 'title' });
  // A title lying inside the body (some sources repeat it there) is not segmented twice.
  const bodyParts = title ? subtractSpan(doc.bodySpan, title) : [doc.bodySpan];
  for (const part of bodyParts) {
    for (const span of segment(doc.text, part)) found.push({ ...span, kind: 'body' });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((sentence, index) => ({ index, start: sentence.start, end: sentence.end, kind: sentence.kind }));
}

function subtractSpan(region: Span, hole: Span): Span[] {
  if (hole.end <= region.start || hole.start >= region.end) return [region];
  const parts: Span[] = [];
  if (hole.start > region.start) parts.push({ start: region.start, end: hole.start });
  if (hole.end < region.end) parts.push({ start: hole.end, end: region.end });
  return parts;
}
