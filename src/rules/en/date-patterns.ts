/**
 * DATA: the English time-expression rules, for what chrono-node's `en` parser leaves out (src/lang/en/dates.ts):
 * durations, sets, quarters and halves, seasons, decades, years, document-time references and units relative to the
 * publication date. Each rule is a regular-expression source (compiled with flags `giu`) built from the vocabulary of
 * ./dates.ts, named after the normalizer that turns its match into a value (src/lang/en/date-normalize.ts), with
 * examples that are tests (test/rules/examples.test.ts). Rules are tried in this order: at equal span the earlier wins.
 */
import type { DateRuleExample } from '../schema.js';
import {
  DAY_PARTS,
  DURATION_MODS,
  DURATION_OPENERS,
  NUMBER_WORDS,
  ORDINALS,
  QUANTITY_PHRASES,
  REFERENCE_WORDS,
  RELATIVE_DETERMINERS,
  SEASONS,
  SET_WORDS,
  UNIT_PLURALS,
  UNIT_QUALIFIERS,
  UNITS,
  VAGUE_QUANTITIES,
  VAGUE_UNIT_OPENERS,
  WEEKDAYS,
} from './dates.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** Alternation of phrases, longest first so that `the past` is tried before `the`; spaces match any run of spaces. */
export const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');

const NUMBER_WORD = alternation(Object.keys(NUMBER_WORDS).filter((w) => w !== 'a' && w !== 'an'));
const NUM = `(?:\\d+(?:[.,]\\d+)?|(?:${NUMBER_WORD})(?:[\\s-]+(?:and[\\s-]+)?(?:${NUMBER_WORD}))*)`;
const UNIT_WORDS = Object.keys(UNITS).filter((u) => u !== 'weekend');
const UNIT = `(?:${alternation([...UNIT_WORDS, ...Object.keys(UNIT_PLURALS)])})`;
export const MONTH_NAMES: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const YEAR = '(?:1[6-9]|20)\\d\\d';
const DAY_PART = alternation(Object.keys(DAY_PARTS));
const WEEKDAY = alternation(Object.keys(WEEKDAYS));
const SEASON = alternation(Object.keys(SEASONS));
const ORDINAL = alternation(Object.keys(ORDINALS));
const REL_DET = alternation(Object.keys(RELATIVE_DETERMINERS).filter((d) => d !== 'the' && d !== 'that' && d !== 'the same'));

export type EnglishDateRuleName = 'ago' | 'year-ago' | 'quarter' | 'half' | 'duration' | 'one-unit' | 'vague-duration' | 'set-word' | 'relative-unit' | 'the-unit' | 'day-word' | 'weekday' | 'relative-month' | 'year-end' | 'century-decade' | 'reference' | 'year';

export interface EnglishDateRule {
  name: EnglishDateRuleName;
  /** Regular-expression source, compiled with flags `giu`. */
  pattern: string;
  examples: readonly DateRuleExample[];
}

export const EN_DATE_RULES: readonly EnglishDateRule[] = [
  {
    // `three years ago`, `a year earlier`, `two weeks from now`
    name: 'ago',
    pattern: `\\b(?:(?:${alternation(Object.keys(DURATION_MODS))})\\s+)?(?<num>${NUM}|an?|several|a few|few|${alternation(Object.keys(QUANTITY_PHRASES))})[\\s-]+(?<unit>${UNIT})s?\\s+(?<dir>ago|earlier|before now|from now|hence)\\b`,
    examples: [{ text: 'He left the company [three years ago].', values: ['2021'], type: 'DATE' }],
  },
  {
    // `year-earlier`, `the year-ago quarter`, `the year-earlier period`
    name: 'year-ago',
    pattern: String.raw`\b(?:(?<det>the)\s+)?year[\s-](?:ago|earlier)(?:\s+(?<noun>quarter|period|month|level|results?))?\b`,
    examples: [{ text: 'Sales rose from the [year-ago] level.', values: ['2023'], type: 'DATE' }],
  },
  {
    // `the third quarter`, `third-quarter`, `the fourth fiscal quarter of 1989`, `the latest quarter`, `the quarter`,
    // `this year's third quarter`, `the 1988 second quarter`, `the latest period`, `the 1988 period`
    name: 'quarter',
    pattern: `\\b(?<the>the\\s+|(?<yr>this|last|next)\\s+year's\\s+)?(?:(?<py>${YEAR})\\s+)?(?:(?<ord>${ORDINAL})(?<sep>[\\s-]+)(?:fiscal[\\s-]+)?(?<pl>quarters?)|(?<rel>latest|last|previous|current|same|recent|most recent|just-ended|just ended|year-ago|year-earlier|comparable|corresponding)\\s+(?<noun>quarter|period))(?:\\s+of\\s+(?:fiscal\\s+)?(?<y1>${YEAR})|\\s+(?<y2>${YEAR}))?\\b|\\b(?:the|this|last year's)\\s+(?:(?<py2>${YEAR})\\s+)?(?<bare>quarter|period)\\b`,
    examples: [{ text: 'Profit fell in [the third quarter].', values: ['2023-Q3'], type: 'DATE' }],
  },
  {
    // `the first half`, `the second half of 1990`
    name: 'half',
    pattern: `\\b(?:the\\s+)?(?<ord>first|second)[\\s-]+half(?:\\s+of\\s+(?<y1>${YEAR})|\\s+(?<y2>${YEAR}))?\\b`,
    examples: [{ text: 'Revenue grew in [the first half of 1990].', values: ['1990-H1'], type: 'DATE' }],
  },
  {
    // `three years`, `the past three months`, `more than four hours`, `a three-year period`, `two-week`, `the next 12 to 18 months`
    name: 'duration',
    pattern: `\\b(?:(?<mod>${alternation(Object.keys(DURATION_MODS))})\\s+)?(?:(?<open>${alternation(DURATION_OPENERS)})\\s+)?(?:(?<art>an?)\\s+)?(?<num>${NUM}|${alternation(VAGUE_QUANTITIES)}|${alternation(Object.keys(QUANTITY_PHRASES))})(?:\\s+(?:to|or)\\s+(?<num2>${NUM}))?(?<sep>[\\s-]+)(?:(?:${alternation(UNIT_QUALIFIERS)})[\\s-]+)?(?<unit>${UNIT})(?<pl>s)?(?:(?<tail>[\\s-]+(?:long|old))|\\s+(?<period>period|span|stretch|term))?\\b`,
    examples: [{ text: 'The strike lasted [three weeks].', values: ['P3W'], type: 'DURATION' }],
  },
  {
    // `a week`, `an hour`: a duration; `$5 a year`, `each year`, `every month`: a set
    name: 'one-unit',
    pattern: `\\b(?<det>an?|each|every|per)\\s+(?<unit>${UNIT})\\b`,
    examples: [{ text: 'The strike lasted [a week].', values: ['P1W'], type: 'DURATION' }, { text: 'The licence costs $5 [a year].', values: ['P1Y'], type: 'SET' }],
  },
  {
    // `years`, `recent months`, `the coming weeks`, `centuries`
    name: 'vague-duration',
    pattern: `\\b(?:(?<open>${alternation(VAGUE_UNIT_OPENERS)})\\s+)?(?<unit>years|months|weeks|days|decades|centuries|hours)\\b`,
    examples: [{ text: 'Prices have risen in [recent years].', values: ['PXY'], type: 'DURATION' }],
  },
  {
    // `annually`, `daily`
    name: 'set-word',
    pattern: `\\b(?<w>${alternation(Object.keys(SET_WORDS))})\\b`,
    examples: [{ text: 'The report is published [annually].', values: ['P1Y'], type: 'SET' }],
  },
  {
    // `last year`, `this month`, `next week`, `the past year` (a duration), `this summer`, `last weekend`
    name: 'relative-unit',
    pattern: `\\b(?<det>${REL_DET})\\s+(?:(?<fiscal>fiscal)\\s+)?(?<unit>year|month|week|quarter|weekend|decade|century|${SEASON})\\b`,
    examples: [{ text: 'The law was passed [last year].', values: ['2023'], type: 'DATE' }],
  },
  {
    // `the year`, `the fiscal year`: a year-long span of the article's year; `the weekend`: the nearest one
    name: 'the-unit',
    pattern: String.raw`\b(?:the|that)\s+(?<fiscal>fiscal\s+)?(?<unit>year|weekend|full year)\b`,
    examples: [{ text: 'Sales were flat for [the year].', values: ['P1Y'], type: 'DURATION' }],
  },
  {
    // `today`, `yesterday morning`, `tonight`, `this morning`, `last night`
    name: 'day-word',
    pattern: `\\b(?:(?<day>today|yesterday|tomorrow|tonight)(?:\\s+(?<part>${DAY_PART}))?|(?<det>this|last|later this|early this|earlier this)\\s+(?<part2>${DAY_PART}))\\b`,
    examples: [{ text: 'The minister spoke [yesterday].', values: ['2024-03-14'], type: 'DATE' }],
  },
  {
    // `Friday`, `last Tuesday`, `Monday morning`
    name: 'weekday',
    pattern: `\\b(?:(?<det>last|next|this past|this coming|this)\\s+)?(?<wd>${WEEKDAY})(?<pl>s)?(?:\\s+(?<part>${DAY_PART}))?\\b`,
    examples: [{ text: 'The talks resumed [last Tuesday].', values: ['2024-03-12'], type: 'DATE' }],
  },
  {
    // `last May`, `next January`, `this March`
    name: 'relative-month',
    pattern: `\\b(?<det>last|next|this|this past|this coming)\\s+(?<month>${alternation(MONTH_NAMES)})\\b`,
    examples: [{ text: 'The deal was signed [last May].', values: ['2023-05'], type: 'DATE' }],
  },
  {
    // `year-end`, `year end`, `year's end`: the end of the article's year
    name: 'year-end',
    pattern: String.raw`\b(?:year[\s-]end|year's\s+end)\b`,
    examples: [{ text: 'The plant will close by [year-end].', values: ['2024'], type: 'DATE', mod: 'END' }],
  },
  {
    // `the 20th century`, `the nineties`
    name: 'century-decade',
    pattern: String.raw`\b(?:the\s+)?(?:(?<n>\d{1,2})(?:st|nd|rd|th)\s+century|(?<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b`,
    examples: [{ text: 'The house was built in [the 19th century].', values: ['18'], type: 'DATE' }],
  },
  {
    // `now`, `currently`, `recently`, `the future`
    name: 'reference',
    pattern: `\\b(?<w>${alternation(Object.keys(REFERENCE_WORDS))})\\b`,
    examples: [{ text: 'The company is [now] profitable.', values: ['PRESENT_REF'], type: 'DATE' }],
  },
  {
    // `1989`, `fiscal 1990`, `the 1980s`, `the '80s`, `the 1988 period`, `nineteen ninety-six`
    name: 'year',
    pattern: `(?<![\\d$£€.,/-])\\b(?:(?<pre>fiscal(?:\\s+year)?|calendar(?:\\s+year)?|the)\\s+)?(?<y>${YEAR})(?<dec>s)?\\b(?![.,]\\d|-\\d|%|/)|\\b(?:the\\s+)?'(?<d2>\\d)0s\\b|\\b(?<spoken>nineteen|two thousand(?:\\s+and)?)[\\s-]+(?<rest>(?:${NUMBER_WORD})(?:[\\s-]+(?:${NUMBER_WORD}))?)\\b`,
    examples: [{ text: 'The company was founded in [1989].', values: ['1989'], type: 'DATE' }],
  },
];
