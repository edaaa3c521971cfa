/**
 * DATA: English time-expression vocabulary for the English recognizer (src/lang/en/dates.ts). Absolute dates and
 * clock times are parsed by chrono-node's `en` parser; the words below cover what it leaves out (durations, sets,
 * quarters, seasons, decades, PRESENT_REF/PAST_REF/FUTURE_REF, relative units) and how spans are trimmed to the
 * TimeML convention (the determiner is in the span, the governing preposition is not).
 *
 * Examples (each is a test in test/lang/en-dates.test.ts):
 *   `three years` → DURATION P3Y; `the past few weeks` → DURATION PXW; `annually` → SET P1Y;
 *   `last year` → DATE (publication year − 1); `the third quarter` → DATE YYYY-Q3; `the 1980s` → DATE 198;
 *   `now` → DATE PRESENT_REF; `recently` → DATE PAST_REF; `mid-November` → DATE YYYY-11, mod MID.
 */

/** Cardinal number words (compounds such as `twenty-five` are summed from these). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  a: 1, an: 1, single: 1,
};

/** Quantities that say "some number of": `several years` → PXY. */
export const VAGUE_QUANTITIES = ['several', 'few', 'a few', 'many', 'some', 'numerous'];

/** Quantity phrases with a number (`a couple of years` → P2Y). */
export const QUANTITY_PHRASES: Readonly<Record<string, number>> = { 'a couple of': 2, 'couple of': 2, 'a dozen': 12, dozen: 12 };

/** Ordinals (quarters, halves, `the first nine months`). */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/** Calendar units → the TIMEX3 duration letter; time units take the `PT` prefix. */
export const UNITS: Readonly<Record<string, { letter: string; time: boolean; multiplier?: number }>> = {
  year: { letter: 'Y', time: false }, month: { letter: 'M', time: false }, week: { letter: 'W', time: false },
  day: { letter: 'D', time: false }, decade: { letter: 'E', time: false }, century: { letter: 'CE', time: false },
  quarter: { letter: 'Q', time: false }, hour: { letter: 'H', time: true }, minute: { letter: 'M', time: true },
  second: { letter: 'S', time: true }, weekend: { letter: 'WE', time: false },
};

/** Plural spellings that are not unit + `s`. */
export const UNIT_PLURALS: Readonly<Record<string, string>> = { centuries: 'century' };

/** Words before a duration that set its `mod`. */
export const DURATION_MODS: Readonly<Record<string, 'MORE_THAN' | 'LESS_THAN' | 'APPROX' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE'>> = {
  'more than': 'MORE_THAN', 'less than': 'LESS_THAN', 'under': 'LESS_THAN', nearly: 'LESS_THAN', almost: 'LESS_THAN',
  about: 'APPROX', around: 'APPROX', roughly: 'APPROX', approximately: 'APPROX', some: 'APPROX',
  'no more than': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'at most': 'EQUAL_OR_LESS', 'at least': 'EQUAL_OR_MORE', 'no less than': 'EQUAL_OR_MORE',
};

/** Determiners that open a duration and belong to its span (`the past three months`, `a three-year period`). */
export const DURATION_OPENERS = ['the past', 'the last', 'the next', 'the first', 'the previous', 'the coming', 'the latest', 'the final', 'the following', 'the prior', 'the preceding', 'the', 'another', 'a further', 'an additional'];

/** Qualifiers between a number and its unit (`eight trading days`). */
export const UNIT_QUALIFIERS = ['trading', 'business', 'calendar', 'fiscal', 'working', 'more', 'additional', 'straight', 'consecutive', 'full'];

/** Words that make a bare plural unit a vague duration (`recent years` → PXY, `coming weeks`). */
export const VAGUE_UNIT_OPENERS = ['recent', 'coming', 'past', 'next', 'previous', 'the coming', 'the past', 'the next', 'the', 'many', 'in recent'];

/** Document-time references. */
export const REFERENCE_WORDS: Readonly<Record<string, 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'>> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', presently: 'PRESENT_REF', nowadays: 'PRESENT_REF', 'at present': 'PRESENT_REF',
  'the present': 'PRESENT_REF', 'these days': 'PRESENT_REF',
  recently: 'PAST_REF', recent: 'PAST_REF', previously: 'PAST_REF', formerly: 'PAST_REF', 'the past': 'PAST_REF', lately: 'PAST_REF',
  'the future': 'FUTURE_REF', soon: 'FUTURE_REF', 'the near future': 'FUTURE_REF', shortly: 'FUTURE_REF',
};

/** Set expressions (`annually`, `each year`, `a month` after an amount). */
export const SET_WORDS: Readonly<Record<string, string>> = {
  annually: 'P1Y', yearly: 'P1Y', monthly: 'P1M', weekly: 'P1W', daily: 'P1D', hourly: 'PT1H', quarterly: 'P3M', nightly: 'P1D',
};
/** Determiners of a unit that make it a set (`every year`, `per month`); `a`/`an` only after an amount. */
export const SET_DETERMINERS = ['each', 'every', 'per'];

/** Relative determiners of a calendar unit → offset from the reference (`last year` → −1). */
export const RELATIVE_DETERMINERS: Readonly<Record<string, number>> = {
  this: 0, 'this past': -1, 'this coming': 1, current: 0, 'the current': 0, last: -1, 'the last': -1, past: -1, previous: -1, 'the previous': -1,
  'the past': -1, 'the prior': -1, prior: -1, 'the preceding': -1, next: 1, 'the next': 1, 'the coming': 1, coming: 1, 'the following': 1, following: 1,
  'that': 0, 'the same': 0, 'the': 0,
};

/** Modifier words before a date (`early 1990`, `late last year`, `mid-November`, `the end of the year`). */
export const DATE_MODIFIERS: Readonly<Record<string, 'START' | 'MID' | 'END'>> = {
  early: 'START', 'earlier': 'START', 'the beginning of': 'START', 'the start of': 'START', 'the early part of': 'START', 'earlier this': 'START',
  mid: 'MID', 'mid-': 'MID', 'the middle of': 'MID', 'middle of': 'MID',
  late: 'END', 'later': 'END', 'the end of': 'END', 'end of': 'END', 'the latter part of': 'END', 'later this': 'END',
};

/** Seasons → TIMEX3 season codes. */
export const SEASONS: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** Parts of the day → TIMEX3 codes (`this morning` → YYYY-MM-DDTMO). */
export const DAY_PARTS: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', 'mid-afternoon': 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

/** Day words relative to the publication day. */
export const DAY_WORDS: Readonly<Record<string, number>> = { today: 0, yesterday: -1, tomorrow: 1, tonight: 0 };

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Prepositions that govern a time expression and stay out of its span (chrono includes `on`, `at`, `in`). */
export const GOVERNING_PREPOSITIONS = ['on', 'at', 'in', 'by', 'since', 'from', 'until', 'till', 'during', 'for', 'of', 'to', 'before', 'after', 'between', 'through', 'around', 'about', 'within', 'as of', 'starting', 'ending'];

/** Words after a 4-digit number that show it is a quantity, not a year (`1990 shares`). */
export const YEAR_BLOCKERS_AFTER = ['shares', 'share', 'people', 'employees', 'workers', 'troops', 'points', 'cars', 'units', 'tons', 'barrels', 'acres', 'miles', 'feet', 'meters', 'votes', 'jobs', 'members', 'percent', '%', 'million', 'billion', 'dollars', 'yen', 'marks'];

/** Future cues in a sentence: a bare weekday then refers forward (`will meet Friday`). */
export const FUTURE_CUES = ['will', "'ll", 'shall', 'going to', 'is expected to', 'are expected to', 'is scheduled to', 'are scheduled to', 'plans to', 'plan to', 'is due to', 'are due to', 'set to', 'to be held', 'next'];
