/**
 * French time-expression patterns: pure data. Each rule is a regular expression written with
 * placeholders for lexicon classes (`{MONTH}`, `{NUM}`…, expanded by src/dates/compile.ts from
 * dates-lexicon.ts) and named groups that the normalizer reads (`day`, `month`, `year`, `unit`…).
 * `kind` names the normalization routine in src/dates/normalize.ts.
 *
 * Span conventions follow the French TimeBank guideline: a determiner or demonstrative that belongs to
 * the expression is inside the span (`le 30 juin`, `la fin de l'année`, `cette semaine`), prepositions
 * and contracted articles are not (`du 30 mai` → `30 mai`, `en 2019` → `2019`, `depuis deux ans` → `deux ans`).
 *
 * When two rules match overlapping text the longer match wins; at equal length the earlier rule wins (so clock
 * times, listed before durations, win `à 19 heures`).
 * Patterns avoid nested unbounded quantifiers so that matching stays linear (no catastrophic backtracking).
 */

import type { DateRuleExample } from '../schema.js';

export type RuleKind =
  | 'date' // weekday? day month year? (shift?)
  | 'dayRange' // `du 19 au 23 juillet`: first day borrows the month of the second
  | 'weekdayDay' // `le lundi 6` (month from the paragraph's latest date, else publication)
  | 'holiday' // Noël, la Toussaint, Pâques (+ year)
  | 'night' // la nuit de vendredi à samedi, la nuit du 8 au 9 novembre → the first day + TNI
  | 'numericDate' // 13/07/2022, 2022-07-13, 07/2022
  | 'monthYear' // août 2021, octobre 98, juin prochain, mars (alone)
  | 'monthRange' // `entre mai et juillet 2022`, `mars-avril`: first month borrows the year
  | 'year' // 2016, l'année 2001, l'an 2000
  | 'yearShort' // en 97
  | 'decade' // les années 90, années 1990
  | 'century' // le XIXe siècle
  | 'season' // l'été 2021, l'automne
  | 'quarter' // le premier trimestre 2023, le second semestre
  | 'dayOffset' // hier, demain (+ part of day → TIME)
  | 'weekday' // lundi, lundi dernier, dimanche soir
  | 'relativeUnit' // la semaine prochaine, l'an dernier, cette année, ce week-end
  | 'contextDay' // le lendemain, la veille, le même jour
  | 'ago' // il y a deux ans
  | 'ahead' // dans deux ans
  | 'duration' // cinq années, plus de vingt ans, ces derniers jours
  | 'durationRange' // `de 8 à 24 mois`: the first number borrows the unit of the second
  | 'durationNoun' // un quinquennat, un demi-siècle
  | 'time' // 14 h 30, 14h30, 8 heures
  | 'timeWord' // midi, minuit
  | 'partOfDay' // ce soir, la nuit, dans la soirée
  | 'reference' // actuellement, récemment
  | 'set' // chaque année, tous les jeudis
  | 'setPer' // (par) an → only the unit word
  | 'frequency'; // annuel, quotidiennement

export interface DateRule {
  id: string;
  kind: RuleKind;
  /** Regular-expression source with `{CLASS}` placeholders; compiled with flags `giud`. */
  pattern: string;
  /**
   * Optional cheap pre-check (plain alternation, compiled `iu`): the rule runs only on text where it matches. It must
   * match whenever `pattern` can, so it only saves time.
   */
  guard?: string;
  /** Sentences that are tests (test/rules/examples.test.ts), as HeidelTime's EXAMPLE lines: see DateRuleExample. */
  examples: readonly DateRuleExample[];
}

// Shared fragments (also placeholders, expanded before the lexicon classes).
// {B} / {E}: word boundaries that understand accented letters. {AP}: straight or curly apostrophe.
const DAY = '(?<day>1er|1ᵉʳ|premier|\\d{1,2})';
const YEAR4 = '(?<year>\\d{4})';
const YEAR_OPT = `(?:\\s+(?:de\\s+l{AP}(?:année|an)\\s+)?(?:${YEAR4}|{AP}?(?<year2>\\d{2}){E}|(?<yearWords>{YEARWORDS})))`;
const SHIFT_OPT = '(?:\\s+(?<shift>{SHIFT}))';
const PART_OPT = '(?:\\s+(?:au\\s+|en\\s+(?<partMod>début|fin)\\s+(?:de\\s+|d{AP}))?(?<part>{PART}))';
const DET_LE = '(?:(?<det>le|ce)\\s+)';

export const DATE_RULES: readonly DateRule[] = [
  // ── absolute calendar dates ───────────────────────────────────────────────
  {
    id: 'day-month-year',
    kind: 'date',
    examples: [{ text: 'Il a annoncé [le 13 juillet 2022] son départ.', values: ['2022-07-13'], type: 'DATE' }, { text: 'Réunion prévue [lundi 3 juin 2019].', values: ['2019-06-03'], type: 'DATE' }],
    guard: '{MONTH}',
    pattern: `{B}${DET_LE}?(?:(?<weekday>{WEEKDAY})\\s+)?${DAY}(?:\\s+|-)(?<month>{MONTH})${YEAR_OPT}?${SHIFT_OPT}?(?:\\s+au\\s+(?<part>{PART}))?{E}`,
  },
  {
    id: 'day-month-words',
    kind: 'date',
    examples: [{ text: 'La séance aura lieu [le vingt-quatre novembre].', values: ['2024-11-24'], type: 'DATE' }],
    guard: '{MONTH}',
    // Days in words only after an article (`le vingt-quatre novembre`): `deux mars` alone is too often something else.
    pattern: `{B}(?:(?<det>le)\\s+|(?<=(?:^|[^\\p{L}])(?:du|au)\\s+))(?<day>{DAYWORDS})\\s+(?<month>{MONTH})${YEAR_OPT}?${SHIFT_OPT}?{E}`,
  },
  {
    id: 'day-range-month',
    kind: 'dayRange',
    examples: [{ text: 'Le festival se tient du [19] au [23 juillet].', values: ['2024-07-19', '2024-07-23'], type: 'DATE' }],
    guard: '{MONTH}',
    pattern: `{B}(?:(?<det>les)\\s+)?(?<day1>1er|\\d{1,2})(?:\\s+(?:au|et|à)\\s+|\\s*[-–]\\s*)(?<rest>(?:(?<weekday>{WEEKDAY})\\s+)?${DAY}\\s+(?<month>{MONTH})${YEAR_OPT}?${SHIFT_OPT}?){E}`,
  },
  {
    id: 'weekday-day',
    kind: 'weekdayDay',
    examples: [{ text: 'Le vote a eu lieu [le lundi 11].', values: ['2024-03-11'], type: 'DATE' }],
    guard: '{WEEKDAY}',
    pattern: `{B}${DET_LE}?(?<weekday>{WEEKDAY})\\s+(?<day>1er|\\d{1,2})(?![\\p{L}\\p{N}]|\\s*(?:h\\b|heures?|[,.]\\d|[/:]))`,
  },
  {
    id: 'iso-date',
    kind: 'numericDate',
    examples: [{ text: 'Publié le [2022-07-13].', values: ['2022-07-13'], type: 'DATE' }],
    guard: '\\d-\\d',
    pattern: '{B}(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?![\\p{L}\\p{N}]|[-/.]\\d)',
  },
  {
    id: 'numeric-dmy',
    kind: 'numericDate',
    examples: [{ text: 'Signé le [13/07/2022] à Paris.', values: ['2022-07-13'], type: 'DATE' }],
    guard: '\\d[/.]\\d',
    pattern: '(?<![\\p{L}\\p{N}][.,/]?)(?<day>0?[1-9]|[12]\\d|3[01])(?<sep>[/.])(?<month>0?[1-9]|1[0-2])\\k<sep>(?<year>\\d{4}|\\d{2})(?![\\p{L}\\p{N}]|[-/.,]\\d)',
  },
  {
    id: 'numeric-my',
    kind: 'numericDate',
    examples: [{ text: 'La facture de [07/2021] reste due.', values: ['2021-07'], type: 'DATE' }],
    guard: '\\d/\\d',
    pattern: '(?<![\\p{L}\\p{N}][.,/]?)(?<month>0[1-9]|1[0-2])/(?<year>\\d{4})(?![\\p{L}\\p{N}]|[-/.,]\\d)',
  },
  {
    id: 'month-year',
    kind: 'monthYear',
    examples: [{ text: 'En [août 2021], une enquête a été ouverte.', values: ['2021-08'], type: 'DATE' }, { text: 'Il reviendra en [juin prochain].', values: ['2024-06'], type: 'DATE' }],
    guard: '{MONTH}',
    pattern: `{B}(?:(?:le\\s+)?mois\\s+(?:de\\s+|d{AP}))?(?<month>{MONTH})(?:${YEAR_OPT}|\\s+de\\s+(?<thisYear>cette\\s+année|l{AP}année\\s+(?:en\\s+cours|dernière|prochaine|passée))|${SHIFT_OPT})?{E}`,
  },
  {
    id: 'month-range',
    kind: 'monthRange',
    examples: [{ text: 'Les travaux dureront entre [mai] et [juillet 2022].', values: ['2022-05', '2022-07'], type: 'DATE' }],
    guard: '{MONTH}',
    pattern: `{B}(?<month1>{MONTH})(?:\\s+(?:et|à|ou)\\s+|\\s*[-–/]\\s*)(?<rest>(?<month>{MONTH})(?:${YEAR_OPT}|${SHIFT_OPT})?){E}`,
  },
  {
    id: 'year',
    kind: 'year',
    examples: [{ text: 'La loi date de [2016].', values: ['2016'], type: 'DATE' }, { text: "Dès [l'année 2001], le budget augmente.", values: ['2001'], type: 'DATE' }],
    guard: '\\d{4}',
    pattern: `{B}(?:(?<det>l{AP}(?:année|an)|(?:cette|la|une)\\s+année)\\s+)?${YEAR4}{E}`,
  },
  {
    id: 'year-words',
    kind: 'year',
    examples: [{ text: 'Il est né en [mil neuf cent quatre-vingt-dix].', values: ['1990'], type: 'DATE' }],
    guard: 'mille|mil\\s',
    pattern: `{B}(?:(?<det>l{AP}(?:année|an))\\s+)?(?<yearWords>{YEARWORDS}){E}`,
  },
  {
    id: 'year-short',
    kind: 'yearShort',
    examples: [{ text: 'Il est arrivé en [97].', values: ['1997'], type: 'DATE' }],
    guard: '(?:en|dès)\\s+\\d\\d',
    pattern: '(?<=(?:^|[^\\p{L}])(?:en|dès)\\s+)(?<year2>\\d{2})(?=\\s*(?:[;:)(]|,(?!\\s*\\d)|\\.(?!\\d)|$))',
  },
  {
    id: 'decade',
    kind: 'decade',
    examples: [{ text: 'La mode des [années 90] revient.', values: ['199X'], type: 'DATE' }],
    guard: 'ann[ée]es',
    pattern: `{B}(?:(?<det>les)\\s+)?années\\s+(?<decade>(?:1\\d|20)?\\d0){E}`,
  },
  {
    id: 'century',
    kind: 'century',
    examples: [{ text: 'Un château du [XIXe siècle].', values: ['18XX'], type: 'DATE' }],
    guard: 'si[eè]cle',
    pattern: `{B}(?:(?<det>le)\\s+)?(?<century>[IVXL]{1,6}|\\d{1,2})(?:e|è|ème|eme|ᵉ)\\s+siècle{E}`,
  },
  {
    id: 'season',
    kind: 'season',
    examples: [{ text: "Il partira [l'été 2021].", values: ['2021-SU'], type: 'DATE' }],
    guard: '{SEASON}',
    pattern: `{B}(?:(?<det>l{AP}|le\\s+|cet\\s+|ce\\s+|les\\s+mois\\s+d{AP})\\s*)?(?<season>{SEASON})(?:\\s+(?:de\\s+|d{AP})?(?:l{AP}année\\s+)?${YEAR4}|${SHIFT_OPT})?{E}`,
  },
  {
    id: 'quarter',
    kind: 'quarter',
    examples: [{ text: 'Les ventes du [premier trimestre 2023] ont baissé.', values: ['2023-Q1'], type: 'DATE' }],
    guard: 'trimestre|semestre',
    pattern: `{B}(?:(?<det>le|ce)\\s+)?(?<ordinal>{ORDINAL})\\s+(?<period>trimestre|semestre)(?:\\s+(?:de\\s+|d{AP})?(?:l{AP}année\\s+)?${YEAR4})?{E}`,
  },
  {
    id: 'holiday',
    kind: 'holiday',
    examples: [{ text: 'Le magasin ferme à [Noël 2023].', values: ['2023-12-25'], type: 'DATE' }],
    // A bare `Noël` is often a first name (`Noël Mamère`): the recognizer requires a cue before it or a year after it,
    // and no capitalised word after it. (Case checks live in the recognizer: with the `i` flag `\p{Lu}` matches any letter.)
    guard: '{HOLIDAY}',
    pattern: `{B}(?:(?<det>cette|la)\\s+fête\\s+(?:de\\s+|d{AP}))?(?<holiday>{HOLIDAY})(?:\\s+(?:${YEAR4}|(?<shift>{SHIFT})))?{E}`,
  },
  {
    id: 'night',
    kind: 'night',
    examples: [{ text: 'Un incendie a éclaté dans [la nuit de vendredi à samedi].', values: ['2024-03-08TNI'], type: 'TIME' }],
    guard: 'nuit',
    pattern: `{B}(?<det>la)\\s+nuit\\s+(?:de\\s+(?<weekday>{WEEKDAY})(?:\\s+(?<day>1er|\\d{1,2}))?|du\\s+(?<day1>1er|\\d{1,2}))\\s+(?:à|au)\\s+(?:(?<weekday2>{WEEKDAY})\\s*)?(?<day2>1er|\\d{1,2})?(?:\\s+(?<month>{MONTH})${YEAR_OPT}?(?:\\s+(?<shift>{SHIFT}))?)?{E}`,
  },
  // ── relative to the publication date ───────────────────────────────────────
  {
    id: 'day-offset',
    kind: 'dayOffset',
    examples: [{ text: 'Le ministre a parlé [hier].', values: ['2024-03-14'], type: 'DATE' }],
    guard: '{DAYOFFSET}',
    pattern: `{B}(?<offset>{DAYOFFSET})(?:\\s+(?<weekday>{WEEKDAY}))?${PART_OPT}?{E}`,
  },
  {
    id: 'weekday',
    kind: 'weekday',
    examples: [{ text: 'Il est arrivé [lundi dernier].', values: ['2024-03-11'], type: 'DATE' }],
    guard: '{WEEKDAY}',
    pattern: `{B}(?:(?<det>ce|Ce|CE|le|Le)\\s+(?:même\\s+)?)?(?<weekday>{WEEKDAY})${SHIFT_OPT}?${PART_OPT}?${SHIFT_OPT.replace('shift', 'shift2')}?{E}`,
  },
  {
    id: 'relative-unit',
    kind: 'relativeUnit',
    examples: [{ text: 'Le projet sera lancé [la semaine prochaine].', values: ['2024-W12'], type: 'DATE' }],
    guard: 'année|an|semaine|mois|week-end|trimestre|semestre|saison|siècle|décennie',
    pattern: `{B}(?:(?<det>cette|cet|ce|la|le|l{AP})\\s*)(?<unit>année|an|semaine|mois|week-end|trimestre|semestre|saison|siècle|décennie)(?<current>\\s*-ci|\\s+en\\s+cours)?(?:\\s+(?<shift>{SHIFT}))?{E}`,
  },
  {
    id: 'relative-unit-before',
    kind: 'relativeUnit',
    examples: [{ text: 'Il a plu [la dernière semaine].', values: ['2024-W10'], type: 'DATE' }],
    guard: 'année|semaine|mois|week-end',
    pattern: `{B}(?:(?<det>la|le|l{AP})\\s*)(?<shift>{SHIFTBEFORE})\\s+(?<unit>année|semaine|mois|week-end){E}`,
  },
  {
    id: 'context-day',
    kind: 'contextDay',
    examples: [{ text: 'Il est arrivé [le 3 mars]. Il est reparti [le lendemain].', values: ['2024-03-03', '2024-03-04'], type: 'DATE' }],
    guard: 'lendemain|veille|m[êe]me',
    pattern: `{B}(?:(?<det>le|la|Le|La)\\s+)?(?<rel>lendemain|veille|même\\s+jour|jour\\s+même|surlendemain)${PART_OPT}?{E}`,
  },
  {
    id: 'ago',
    kind: 'ago',
    examples: [{ text: 'Il est parti [il y a deux ans].', values: ['2022'], type: 'DATE' }],
    guard: 'il\\s+y\\s+a',
    pattern: `{B}il\\s+y\\s+a\\s+(?:(?<dmod>{DMOD})\\s+)?(?<num>{NUM})\\s+(?<unit>{UNIT}){E}`,
  },
  {
    id: 'ahead',
    kind: 'ahead',
    examples: [{ text: 'Le chantier sera fini [dans trois mois].', values: ['2024-06'], type: 'DATE' }],
    guard: 'dans\\s',
    pattern: `{B}dans\\s+(?:(?<dmod>{DMOD})\\s+)?(?<num>{NUM}|un|une)\\s+(?<unit>{UNIT}){E}`,
  },
  // ── clock times ─────────────────────────────────────────────────────────────
  {
    id: 'clock-h',
    kind: 'time',
    examples: [{ text: 'La réunion commence à [14 h 30].', values: ['2024-03-15T14:30'], type: 'TIME' }],
    guard: '\\d\\s?h',
    pattern: `{B}(?<hour>[01]?\\d|2[0-4])\\s?h(?:\\s?(?<minute>[0-5]\\d))?(?:\\s+(?<local>locales?))?(?![\\p{L}\\p{N}])(?:\\s+(?<weekday>{WEEKDAY}){E})?`,
  },
  {
    id: 'clock-heures',
    kind: 'time',
    examples: [{ text: 'Rendez-vous à [8 heures].', values: ['2024-03-15T08:00'], type: 'TIME' }],
    guard: 'heure',
    pattern: `(?<=(?:^|[^\\p{L}])(?:à|a|vers|dès|jusqu{AP}à|entre)\\s+)(?<hour>[01]?\\d|2[0-4]|{NUM})\\s+heures?(?:\\s+(?<minute>[0-5]\\d))?(?:\\s+du\\s+(?<ampm>matin|soir))?{E}(?!\\s+d(?:e\\s|['’]))`,
  },
  {
    id: 'clock-colon',
    kind: 'time',
    examples: [{ text: 'Le train part à [14:30].', values: ['2024-03-15T14:30'], type: 'TIME' }],
    guard: '\\d:\\d',
    pattern: `(?<=(?:^|[^\\p{L}])(?:à|a|vers|dès|jusqu{AP}à|entre|de)\\s+)(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)(?![\\p{L}\\p{N}]|[:.,]\\d)`,
  },
  {
    id: 'clock-word',
    kind: 'timeWord',
    examples: [{ text: 'Il est rentré à [minuit].', values: ['2024-03-15T00:00'], type: 'TIME' }],
    guard: 'midi|minuit',
    pattern: `{B}(?<![-‐])(?<word>midi|minuit)(?:\\s+(?:et\\s+)?(?<minute>[0-5]\\d|demie|quart))?{E}`,
  },
  // ── durations ──────────────────────────────────────────────────────────────
  {
    id: 'duration',
    kind: 'duration',
    examples: [{ text: 'Il a travaillé [cinq années] chez Renault.', values: ['P5Y'], type: 'DURATION' }],
    guard: '{UNIT}',
    pattern: `{B}(?:(?<dmod>{DMOD})\\s+)?(?<num>{NUM})\\s+(?<unit>{UNIT})(?:\\s+et\\s+(?<half>demie?))?{E}`,
  },
  {
    id: 'duration-range',
    kind: 'durationRange',
    examples: [{ text: 'Une peine de [8] à [24 mois].', values: ['P8M', 'P24M'], type: 'DURATION' }],
    guard: '{UNIT}',
    pattern: `(?<=(?:^|[^\\p{L}])(?:de|entre)\\s+)(?<num1>{NUM})\\s+(?:à|et)\\s+(?<rest>(?:(?<dmod>{DMOD})\\s+)?(?<num>{NUM})\\s+(?<unit>{UNIT})){E}`,
  },
  {
    id: 'duration-recent',
    kind: 'duration',
    examples: [{ text: '[Ces derniers jours], le prix a baissé.', values: ['PXD'], type: 'DURATION' }],
    guard: '{UNIT}',
    pattern: `{B}(?<det>ces|les)\\s+(?:(?<num>{NUM})\\s+)?(?<recent>derniers|dernières|prochains|prochaines)\\s+(?:(?<num2>{NUM})\\s+)?(?<unit>{UNIT}){E}`,
  },
  {
    id: 'duration-vague',
    kind: 'duration',
    examples: [{ text: 'Il attend depuis [plusieurs années].', values: ['PXY'], type: 'DURATION' }],
    guard: '{UNIT}',
    pattern: `{B}(?<vague>{VAGUE})\\s+(?<unit>{UNIT}){E}(?!\\s+\\d)`,
  },
  {
    id: 'duration-noun',
    kind: 'durationNoun',
    examples: [{ text: 'Il a achevé un [quinquennat].', values: ['P5Y'], type: 'DURATION' }],
    guard: '{DNOUN}',
    pattern: `{B}(?<noun>{DNOUN}){E}`,
  },
  {
    id: 'duration-noun-fraction',
    kind: 'durationNoun',
    examples: [{ text: 'Cela dure depuis [un demi-siècle].', values: ['P50Y'], type: 'DURATION' }],
    guard: '{DNOUNFRACTION}',
    pattern: `{B}(?<det>un|une)\\s+(?<noun>{DNOUNFRACTION}){E}`,
  },
  {
    id: 'part-of-day',
    kind: 'partOfDay',
    examples: [{ text: 'Il parlera [ce soir].', values: ['2024-03-15TEV'], type: 'TIME' }],
    guard: '{PART}',
    pattern: `{B}(?:(?<det>ce|cet|cette|la|le)\\s+)(?:(?<partMod>début|fin)\\s+(?:de\\s+|d{AP}))?(?<part>{PART})(?:\\s+(?<same>même))?{E}`,
  },
  {
    id: 'part-of-day-mod',
    kind: 'partOfDay',
    examples: [{ text: 'Il est arrivé en [fin de matinée].', values: ['2024-03-15TMO'], type: 'TIME', mod: 'END' }],
    guard: '{PART}',
    pattern: `{B}(?<partMod>début|fin)\\s+(?:de\\s+|d{AP})(?<part>{PART}){E}`,
  },
  // ── general references, sets ───────────────────────────────────────────────
  {
    id: 'reference',
    kind: 'reference',
    examples: [{ text: 'Le site est [actuellement] fermé.', values: ['PRESENT_REF'], type: 'TIME' }],
    guard: '{REF}',
    pattern: `{B}(?<ref>{REF}){E}`,
  },
  {
    id: 'temporal-adjective',
    kind: 'reference',
    examples: [{ text: 'Le gouvernement [actuel] est divisé.', values: ['PRESENT_REF'], type: 'TIME' }],
    guard: '{TADJ}',
    pattern: `{B}(?<ref>{TADJ}){E}`,
  },
  {
    id: 'set-every',
    kind: 'set',
    examples: [{ text: 'Il court [tous les jeudis].', values: ['XXXX-WXX-4'], type: 'SET' }],
    guard: 'chaque|tou(?:s|tes)\\s+les',
    pattern: `{B}(?:chaque|tous\\s+les|toutes\\s+les)\\s+(?:(?<num>{NUM})\\s+)?(?:(?<unit>{UNIT})|(?<weekday>{WEEKDAY})s?|(?<part>{PART})s?){E}`,
  },
  {
    id: 'set-per',
    kind: 'setPer',
    examples: [{ text: 'Il gagne 30 000 euros par [an].', values: ['P1Y'], type: 'SET' }],
    guard: 'par\\s',
    pattern: `(?<=(?:^|[^\\p{L}])par\\s+)(?<unit>an|année|jour|semaine|mois|semestre|trimestre|heure|minute){E}`,
  },
  {
    id: 'frequency',
    kind: 'frequency',
    examples: [{ text: 'Le journal paraît [quotidiennement].', values: ['P1D'], type: 'SET' }],
    guard: '{FREQ}',
    pattern: `{B}(?<freq>{FREQ}){E}`,
  },
];

/** Prefixes that extend a DATE span with a `mod` (`la fin de 2017`, `début octobre`, `mi-mars`, `vers 2010`). */
export const MODIFIER_PREFIX = `(?:(?<det>la|le|l{AP})\\s*)?(?<mod>{MOD})(?:\\s*-\\s*|\\s+)(?:de\\s+l{AP}|de\\s+|d{AP}|du\\s+|des\\s+)?$`;

/** Words (lower-case) before a 4-digit number that make it a year even outside 1900–2099. */
export const YEAR_CUES: readonly string[] = [
  'en', 'depuis', 'dès', 'des', 'de', "d'", 'à', 'a', 'et', 'entre', 'avant', 'après', "jusqu'en", 'jusqu’en', 'vers', 'fin', 'début', 'mi',
  'courant', 'année', 'an', 'printemps', 'été', 'automne', 'hiver', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre', 'au', 'du', 'le', 'la', 'l', 'saison', 'ou', 'puis', 'pour',
];

/**
 * Past-tense cues (auxiliaries of the passé composé / plus-que-parfait, passé simple of être). Scheduling participles
 * (`est prévu`, `est fixé`) are present passives that announce the future, not past cues.
 */
export const PAST_CUES = '(?<![\\p{L}])(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent|s\'est|se\\s+sont|a\\s+été|ont\\s+été)\\s+(?!(?:prévue?s?|fixée?s?|programmée?s?|attendue?s?|convoquée?s?|invitée?s?|organisée?s?|appelée?s?|censée?s?|chargée?s?)(?![\\p{L}]))(?:\\p{L}+\\s+)?\\p{L}+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|uit|ert|erte|ort|ait)(?![\\p{L}])';

/**
 * A past participle right before the expression (`les mesures annoncées mercredi`) dates it in the past, unless a
 * future auxiliary governs it (`il sera opéré mardi`, see FUTURE_AUXILIARY_BEFORE).
 */
export const PAST_PARTICIPLE_BEFORE = '(?<![\\p{L}])(?!(?:année|journée|soirée|matinée|été|société|entrée|arrivée|idée|musée|lycée|armée|durée|montée|rentrée|fusée|pensée|portée|chaussée|assemblée|mosquée|prévue?s?|fixée?s?|programmée?s?|attendue?s?|convoquée?s?|invitée?s?)\\s)\\p{L}{2,}(?:é|ée|és|ées)\\s+$';

export const FUTURE_AUXILIARY_BEFORE = '(?<![\\p{L}])(?:sera|seront|serait|seraient|aura|auront|être)\\s+(?:\\p{L}+\\s+)?\\p{L}+\\s+$';

/** Future-tense cues in a sentence: a bare weekday then points forward (`il viendra samedi`). */
export const FUTURE_CUES = '(?<![\\p{L}])(?:sera|seront|aura|auront|fera|feront|va|vont|ira|iront|devra|devront|pourra|pourront|prévue?s?|prévu|se\\s+tiendra|aura\\s+lieu|auront\\s+lieu|rendez-vous|programmée?s?|\\p{L}{2,}(?:era|eront|erez|erons|ira|iront|dra|dront|rra|rront|ura|uront))(?![\\p{L}])';
