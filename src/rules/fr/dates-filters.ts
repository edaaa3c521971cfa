/**
 * Context conditions that tell a time expression from a look-alike (an age, a name, a quantity): pure data, read by
 * the recognizer's filters (src/dates/filters.ts). `…Before` sources are matched against the text just before a
 * candidate and end with `$`; `…After` sources against the text just after it and start with `^`. All are compiled
 * with flags `iu` — so they cannot test letter case; case checks are made in code.
 */

/** Nouns and adjectives after which `(de) N ans` is an age: `un homme de 30 ans`, `âgée de 90 ans`. */
export const AGE_NOUNS: readonly string[] = [
  'âgé', 'âgée', 'âgés', 'âgées', 'agé', 'agée', 'agés', 'agées', "l'âge", 'l’âge', 'homme', 'femme', 'fille', 'fillette', 'garçon',
  'garçonnet', 'enfant', 'bébé', 'jeune', 'adolescent', 'adolescente', 'retraité', 'retraitée', 'lycéen', 'lycéenne', 'étudiant',
  'étudiante', 'mère', 'père', 'victime', 'conducteur', 'conductrice', 'automobiliste', 'motard', 'piéton', 'quinquagénaire',
  'sexagénaire', 'septuagénaire', 'octogénaire', 'nonagénaire',
];

/** Before `à N ans`: these keep it a duration (`condamné à 10 ans`, `d'ici à dix ans`) rather than an age. */
export const AT_YEARS_DURATION_BEFORE = "(?:condamnée?s?|peine|jusqu['’]|ici)\\s+à\\s+$";

/** After `à N ans`: a complement keeps it a duration (`à 10 ans de prison`, `à 10 ans ferme`). */
export const AT_YEARS_DURATION_AFTER = "^\\s+(?:de|d['’]|ferme|avec)(?![\\p{L}])";

/** Before `un jour`: what makes it a duration (`pendant un jour`) rather than "someday" (`un jour, nous…`). */
export const ONE_DAY_DURATION_BEFORE = "(?:pendant|durant|en|pour|depuis|après|de|d['’]|sur|dans|avant|plus|moins)\\s*$";

/** After `un jour` / `une fois`: a relative or complement makes it "one day when…", not a duration. */
export const ONE_DAY_NOT_DURATION_AFTER = "^\\s+(?:de|d['’]|où|que|qui)(?![\\p{L}])";

/** After `dans un jour` etc.: `dans un jour de grande forme` is not a date ahead. */
export const AHEAD_NOT_DATE_AFTER = "^\\s+(?:de|d['’]|où|que|qui|sans|comme)(?![\\p{L}])";

/** After a season: `le printemps de Bourges`, `le Printemps de l'environnement` name events… */
export const SEASON_NAME_AFTER = "^\\s+(?:de|du|des|d['’])(?![\\p{L}])";
/** … unless a year follows (`l'été de cette année`, `l'été de l'an 2000`). */
export const SEASON_YEAR_AFTER = "^\\s+de\\s+(?:cette|l['’]an)";

/** Words before a bare `été` that make it the season rather than the participle of `être`. */
export const SEASON_CUES: readonly string[] = ['en', 'pendant', 'durant', 'depuis', 'dès', "jusqu'en", 'tout', 'cet', 'bel', 'comme', 'chaque'];

/** Words before a capitalised bare month (`en Mars`) that make it a month rather than a name (`Mars` the planet). */
export const MONTH_CUES: readonly string[] = ['en', 'de', 'depuis', 'dès', 'fin', 'début', 'mi', 'courant', "jusqu'en", 'jusqu’en'];

/** Bare month names that stand alone as months; other bare forms (abbreviations) need a number or a year. */
export const BARE_MONTHS_SHORT: readonly string[] = ['mai', 'mars', 'juin', 'août', 'aout'];

/** Determiners: `le prochain Range Rover` (FUTURE_REF adjective), `l'hebdomadaire satirique` (a newspaper). */
export const DETERMINERS: readonly string[] = [
  'le', 'la', 'les', "l'", 'l’', 'un', 'une', 'des', 'du', 'au', 'aux', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces',
  'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes',
];

/** Frequency adjectives that, after a determiner, name a newspaper (`le quotidien`, `l'hebdomadaire`). */
export const NEWSPAPER_WORDS: readonly string[] = ['quotidien', 'mensuel', 'hebdomadaire'];

/** Feasts that are also first names or words (`Noël Mamère`, `Toussaint Louverture`): they need a cue before them. */
export const AMBIGUOUS_FEASTS: readonly string[] = ['noël', 'noel', 'pâques', 'paques', 'toussaint', 'pentecôte', 'pentecote'];
export const FEAST_CUES_BEFORE =
  "(?:^|[^\\p{L}])(?:à|a|de|d['’]|depuis|avant|après|pour|dès|jusqu['’]à|pendant|durant|fêtes\\s+de|jour\\s+de|veille\\s+de|lendemain\\s+de|réveillon\\s+de|vacances\\s+de|week-end\\s+de|semaine\\s+de|lundi\\s+de)\\s*$";

/** After a weekday: `le Vendredi saint` is a feast. */
export const WEEKDAY_FEAST_AFTER = '^\\s+saint(?![\\p{L}])';

/** After `le lendemain` / `la veille`: `de l'élection` anchors it on an event, not on the latest date. */
export const EVENT_ANCHOR_AFTER = "^\\s+d(?:e|u|es)\\s|^\\s+d['’]";

/** Before `journée`: only `dans la journée` (or a demonstrative) makes it a part of a day. */
export const DAYTIME_BEFORE = 'dans\\s+$';

/** Time units that `des` cannot count as a vague duration (`des heures scolaires`). */
export const NO_VAGUE_TIME_UNITS: readonly string[] = ['heure', 'heures', 'minute', 'minutes', 'seconde', 'secondes'];

/** Before a number: a reference to an article, page or item, possibly in a list (`articles 217 et 219, 1426 et 1429`). */
export const NUMBERED_ITEM_BEFORE =
  "(?:^|[^\\p{L}])(?:articles?|art\\.|alinéas?|n°|numéros?|pages?|p\\.|chapitres?|lignes?|points?|annexes?)\\s+(?:\\d[\\d°-]*(?:\\s*(?:,|et|à|ou)\\s*|\\s+))*$";

/**
 * After `un an`, `une année`, `une journée`…: a qualifying adjective makes it a kind of period (`une année électorale`,
 * `une journée noire`), not a length of time (`une semaine entière`, `une année supplémentaire` still are).
 */
export const QUALIFIED_PERIOD_AFTER =
  "^\\s+(?!entière|entier|supplémentaire)(?:\\p{L}+(?:ale|elle|ique|ive|euse|ière|ante|ente|aire|able|ible|oire)|record|noire|blanche|charnière|sabbatique|chargée|historique)(?![\\p{L}])";
