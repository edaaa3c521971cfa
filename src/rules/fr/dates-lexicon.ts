/**
 * French lexicon for time expressions: pure data, no logic. The recognizer (src/dates/) builds its
 * patterns from these tables, so adding a spelling here extends every rule that uses the class.
 * Keys are lower-case; accented and unaccented spellings are both listed where news text varies.
 */

/** Month names and common abbreviations → month number (1–12). */
export const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, 'janv.': 1, janv: 1,
  février: 2, fevrier: 2, 'févr.': 2, févr: 2, 'fév.': 2, 'fevr.': 2,
  mars: 3,
  avril: 4, 'avr.': 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, 'juil.': 7, juil: 7,
  août: 8, aout: 8,
  septembre: 9, 'sept.': 9, sept: 9,
  octobre: 10, 'oct.': 10,
  novembre: 11, 'nov.': 11,
  décembre: 12, decembre: 12, 'déc.': 12, 'dec.': 12,
};

/** Weekday names → ISO weekday (1 = Monday … 7 = Sunday). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
};

/** Seasons → TIMEX3 season code. */
export const SEASONS: Readonly<Record<string, string>> = {
  printemps: 'SP', été: 'SU', ete: 'SU', eté: 'SU', automne: 'FA', hiver: 'WI', // `Eté`: capitals often lose their accent
};

/**
 * First and last month of each season code; winter `YYYY-WI` runs from December of YYYY to February of YYYY+1 (so its
 * last month is written 14). Used to pick `l'été dernier` / `l'hiver prochain` around the publication date.
 */
export const SEASON_MONTHS: Readonly<Record<string, { first: number; last: number }>> = {
  SP: { first: 3, last: 5 }, SU: { first: 6, last: 8 }, FA: { first: 9, last: 11 }, WI: { first: 12, last: 14 },
};

/** Parts of the day → TIMEX3 time-of-day code. */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  matin: 'MO', matinée: 'MO', matinee: 'MO',
  'après-midi': 'AF', 'apres-midi': 'AF', 'aprèm': 'AF',
  soir: 'EV', soirée: 'EV', soiree: 'EV',
  nuit: 'NI',
  journée: 'DT', journee: 'DT',
};

/** Cardinal number words → value. Compounds (`vingt-cinq`, `soixante et onze`) are summed by the engine. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000, mil: 1000,
};

/** Ordinal words → value (for `premier trimestre`, `deuxième semaine`, `XXIe siècle` written out). */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  premier: 1, première: 1, premiere: 1, '1er': 1, '1re': 1, '1ère': 1,
  deuxième: 2, deuxieme: 2, second: 2, seconde: 2, '2e': 2, '2ème': 2, '2nd': 2,
  troisième: 3, troisieme: 3, '3e': 3, '3ème': 3,
  quatrième: 4, quatrieme: 4, '4e': 4, '4ème': 4,
  cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9, dixième: 10,
  onzième: 11, douzième: 12,
  dernier: -1, dernière: -1, derniere: -1,
};

/** Vague quantities: the count is unknown, the value gets an `X` (`plusieurs années` → `PXY`). */
export const VAGUE_QUANTITIES: readonly string[] = ['quelques', 'plusieurs', 'des', 'de nombreuses', 'de nombreux', 'certaines', 'maintes'];

/**
 * Duration units → TIMEX3 unit letter and multiplier. `time: true` units go after `T` (`PT3H`).
 * Larger units are expressed in years (`décennie` → 10 Y).
 */
export interface DurationUnit {
  letter: 'S' | 'M' | 'H' | 'D' | 'W' | 'Y' | 'Q';
  time: boolean;
  factor: number;
  /** Granularity of a date computed with this unit (`il y a deux mois` → month). */
  granularity: 'time' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
}

export const DURATION_UNITS: Readonly<Record<string, DurationUnit>> = {
  seconde: { letter: 'S', time: true, factor: 1, granularity: 'time' },
  secondes: { letter: 'S', time: true, factor: 1, granularity: 'time' },
  minute: { letter: 'M', time: true, factor: 1, granularity: 'time' },
  minutes: { letter: 'M', time: true, factor: 1, granularity: 'time' },
  heure: { letter: 'H', time: true, factor: 1, granularity: 'time' },
  heures: { letter: 'H', time: true, factor: 1, granularity: 'time' },
  jour: { letter: 'D', time: false, factor: 1, granularity: 'day' },
  jours: { letter: 'D', time: false, factor: 1, granularity: 'day' },
  journée: { letter: 'D', time: false, factor: 1, granularity: 'day' },
  journées: { letter: 'D', time: false, factor: 1, granularity: 'day' },
  nuit: { letter: 'D', time: false, factor: 1, granularity: 'day' },
  nuits: { letter: 'D', time: false, factor: 1, granularity: 'day' },
  semaine: { letter: 'W', time: false, factor: 1, granularity: 'week' },
  semaines: { letter: 'W', time: false, factor: 1, granularity: 'week' },
  mois: { letter: 'M', time: false, factor: 1, granularity: 'month' },
  trimestre: { letter: 'M', time: false, factor: 3, granularity: 'quarter' },
  trimestres: { letter: 'M', time: false, factor: 3, granularity: 'quarter' },
  semestre: { letter: 'M', time: false, factor: 6, granularity: 'month' },
  semestres: { letter: 'M', time: false, factor: 6, granularity: 'month' },
  an: { letter: 'Y', time: false, factor: 1, granularity: 'year' },
  ans: { letter: 'Y', time: false, factor: 1, granularity: 'year' },
  année: { letter: 'Y', time: false, factor: 1, granularity: 'year' },
  années: { letter: 'Y', time: false, factor: 1, granularity: 'year' },
  annee: { letter: 'Y', time: false, factor: 1, granularity: 'year' },
  annees: { letter: 'Y', time: false, factor: 1, granularity: 'year' },
  décennie: { letter: 'Y', time: false, factor: 10, granularity: 'decade' },
  décennies: { letter: 'Y', time: false, factor: 10, granularity: 'decade' },
  siècle: { letter: 'Y', time: false, factor: 100, granularity: 'century' },
  siècles: { letter: 'Y', time: false, factor: 100, granularity: 'century' },
};

/** Nouns that are durations by themselves (`un quinquennat` → P5Y). */
export const DURATION_NOUNS: Readonly<Record<string, string>> = {
  quinquennat: 'P5Y', septennat: 'P7Y', biennale: 'P2Y', triennat: 'P3Y', décennie: 'P10Y', décade: 'P10D',
  'demi-siècle': 'P50Y', 'quart de siècle': 'P25Y', millénaire: 'P1000Y', 'demi-heure': 'PT30M', 'quart d\'heure': 'PT15M',
  'demi-journée': 'PT12H', 'demi-saison': 'P3M', 'week-end': 'P2D',
};

/** Words that shift a calendar unit: `dernier`, `prochain`… → −1 / +1 (0: the current one). */
export const SHIFT_WORDS: Readonly<Record<string, number>> = {
  dernier: -1, dernière: -1, derniere: -1, derniers: -1, dernières: -1, passé: -1, passée: -1, passe: -1, précédent: -1, précédente: -1,
  prochain: 1, prochaine: 1, prochains: 1, prochaines: 1, suivant: 1, suivante: 1, 'à venir': 1,
};

/** Day-offset words anchored on the publication date. */
export const DAY_OFFSETS: Readonly<Record<string, number>> = {
  'avant-hier': -2, hier: -1, "aujourd'hui": 0, "aujourd’hui": 0, demain: 1, 'après-demain': 2, 'apres-demain': 2,
};

/** Modifier words placed before a date (`début 2017`, `mi-mars`, `vers 2010`) → TIMEX3 `mod`. */
export const MODIFIERS: Readonly<Record<string, 'START' | 'MID' | 'END' | 'APPROX'>> = {
  début: 'START', debut: 'START', 'commencement': 'START', 'aube': 'START',
  mi: 'MID', milieu: 'MID', 'mi-temps': 'MID',
  fin: 'END', 'fin fond': 'END',
  courant: 'MID',
  vers: 'APPROX', 'aux alentours de': 'APPROX', 'autour de': 'APPROX', environ: 'APPROX',
};

/** Quantity modifiers placed before a duration (`plus de vingt ans`). */
export const DURATION_MODIFIERS: Readonly<Record<string, 'MORE_THAN' | 'LESS_THAN' | 'APPROX' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE'>> = {
  'plus de': 'MORE_THAN', "plus d'": 'MORE_THAN', 'au moins': 'EQUAL_OR_MORE', 'moins de': 'LESS_THAN', "moins d'": 'LESS_THAN',
  'au plus': 'EQUAL_OR_LESS', 'près de': 'APPROX', "près d'": 'APPROX', environ: 'APPROX', quelque: 'APPROX',
  'une bonne': 'APPROX', 'un bon': 'APPROX',
};

/** Single words or phrases that refer to the past, present or future in general. */
export const REFERENCE_WORDS: Readonly<Record<string, 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF'>> = {
  actuellement: 'PRESENT_REF', maintenant: 'PRESENT_REF', désormais: 'PRESENT_REF', desormais: 'PRESENT_REF',
  'à présent': 'PRESENT_REF', 'a présent': 'PRESENT_REF', "pour l'instant": 'PRESENT_REF', 'pour le moment': 'PRESENT_REF',
  "à l'heure actuelle": 'PRESENT_REF', 'de nos jours': 'PRESENT_REF', "en ce moment": 'PRESENT_REF', 'dorénavant': 'PRESENT_REF',
  récemment: 'PAST_REF', recemment: 'PAST_REF', autrefois: 'PAST_REF', jadis: 'PAST_REF', auparavant: 'PAST_REF',
  naguère: 'PAST_REF', 'par le passé': 'PAST_REF', dernièrement: 'PAST_REF', 'il y a peu': 'PAST_REF', nouvellement: 'PAST_REF',
  prochainement: 'FUTURE_REF', bientôt: 'FUTURE_REF', "à l'avenir": 'FUTURE_REF', 'dans le futur': 'FUTURE_REF', ultérieurement: 'FUTURE_REF',
  "l'avenir": 'FUTURE_REF', 'sous peu': 'FUTURE_REF',
};

/**
 * Temporal adjectives that French TimeBank annotates as references (`le double mouvement actuel`, `le futur
 * chancelier`, `une virée nocturne`). `prochain`/`précédent` count only next to a determiner or noun (see recognizer).
 */
export const TEMPORAL_ADJECTIVES: Readonly<Record<string, string>> = {
  actuel: 'PRESENT_REF', actuelle: 'PRESENT_REF', actuels: 'PRESENT_REF', actuelles: 'PRESENT_REF',
  futur: 'FUTURE_REF', future: 'FUTURE_REF', futurs: 'FUTURE_REF', futures: 'FUTURE_REF',
  prochain: 'FUTURE_REF', prochaine: 'FUTURE_REF', prochains: 'FUTURE_REF', prochaines: 'FUTURE_REF',
  précédent: 'PAST_REF', précédente: 'PAST_REF', précédents: 'PAST_REF', précédentes: 'PAST_REF',
  nocturne: 'TNI', nocturnes: 'TNI', matinal: 'TMO', matinale: 'TMO', vespéral: 'TEV',
};

/** Adverbs and adjectives of frequency → SET value. */
export const FREQUENCY_WORDS: Readonly<Record<string, string>> = {
  quotidiennement: 'P1D', quotidien: 'P1D', quotidienne: 'P1D', journalier: 'P1D', journalière: 'P1D',
  hebdomadaire: 'P1W', hebdomadairement: 'P1W', mensuel: 'P1M', mensuelle: 'P1M', mensuellement: 'P1M',
  annuel: 'P1Y', annuelle: 'P1Y', annuels: 'P1Y', annuelles: 'P1Y', annuellement: 'P1Y',
  trimestriel: 'P3M', trimestrielle: 'P3M', semestriel: 'P6M', semestrielle: 'P6M',
};

/** Holidays on a fixed day → `MM-DD`. Keys are matched case-insensitively, hyphens and spaces alike. */
export const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  noël: '12-25', noel: '12-25', 'la saint-sylvestre': '12-31', 'le réveillon de la saint-sylvestre': '12-31', 'le jour de l\'an': '01-01',
  'le nouvel an': '01-01', 'la toussaint': '11-01', toussaint: '11-01', 'la saint-valentin': '02-14', "l'épiphanie": '01-06', "l'assomption": '08-15',
  'halloween': '10-31', 'la fête nationale': '07-14', "l'armistice": '11-11', 'la fête du travail': '05-01', 'la fête de la musique': '06-21',
  'la chandeleur': '02-02',
};

/** Holidays that move with Easter → days after Easter Sunday. */
export const EASTER_HOLIDAYS: Readonly<Record<string, number>> = {
  pâques: 0, paques: 0, 'le lundi de pâques': 1, pentecôte: 49, pentecote: 49, 'le vendredi saint': -2, "l'ascension": 39, 'la pentecôte': 49, 'le lundi de pentecôte': 50,
  'le mardi gras': -47, 'le mercredi des cendres': -46, 'les rameaux': -7, 'le dimanche des rameaux': -7,
};

/** Roman numerals used for centuries (`XIXe siècle`). */
export const ROMAN_DIGITS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, M: 1000 };

/**
 * Words after which a 4-digit number is a quantity, not a year (`2000 euros`): checked on the word that
 * follows the number. Kept short on purpose — units and counted nouns common in news.
 */
/**
 * Words ending in -s/-x that may follow a year (`en 2019 les ventes…`, `depuis 2015 plusieurs…`). Any other lower-case
 * plural word right after a 4-digit number makes it a count (`1930 canons`, `2000 blessés`).
 */
export const PLURAL_LOOKING_FUNCTION_WORDS: readonly string[] = [
  'les', 'des', 'ses', 'ces', 'mes', 'tes', 'nos', 'vos', 'leurs', 'aux', 'lors', 'plusieurs', 'certains', 'certaines', 'nombreux',
  'nombreuses', 'tous', 'toutes', 'ils', 'elles', 'eux', 'nous', 'vous', 'sous', 'dans', 'sans', 'puis', 'alors', 'après', 'depuis',
  'plus', 'moins', 'très', 'toujours', 'pas', 'mais', 'jamais', 'parfois', 'désormais', 'avons', 'sommes', 'êtes', 'avez', 'deux',
  'trois', 'six', 'dix', 'vers', 'chez', 'dès', 'jusqu', 'ailleurs', 'néanmoins', 'pourtant', 'toutefois', 'ans', 'mois', 'fois',
];

/** Words before a 4-digit number that make it a quantity (`plus de 1300`, `environ 2000`). */
export const QUANTITY_MODIFIERS_BEFORE = "(?:plus|moins|près|environ|quelque|au\\s+moins|au\\s+plus)\\s+(?:de\\s+|d['’])?$";

/**
 * Nouns whose `de N ans` complement is a duration (`une peine de 2 ans`); after any other noun `de N ans` is an
 * age (`un chauffeur de 38 ans`), which is not a time expression.
 */
export const DURATION_HEADS: readonly string[] = [
  'peine', 'peines', 'période', 'durée', 'retard', 'délai', 'contrat', 'mandat', 'bail', 'absence', 'séjour', 'prison', 'réclusion',
  'emprisonnement', 'détention', 'sursis', 'plan', 'programme', 'attente', 'interdiction', 'suspension', 'moyenne', 'espace',
  'intervalle', 'total', 'carrière', 'exil', 'travaux', 'chantier', 'engagement', 'crédit', 'prêt', 'emprunt', 'garantie',
  'ferme', 'bout', 'terme', 'cours', 'plus', 'moins', 'près', 'environ', 'quelque', 'sursis', 'stage', 'formation', 'règne',
];

/** Words after which `une seconde` is still a duration (otherwise `une seconde fois` is an ordinal). */
export const AFTER_SECONDE_DURATION: readonly string[] = ['de', "d'", 'à', 'après', 'plus', 'avant', 'et', 'ou', 'pour', 'pendant', 'près', 'seulement', 'environ', 'trop', 'à peine'];

export const QUANTITY_FOLLOWERS: readonly string[] = [
  'euros', 'euro', '€', 'dollars', '$', 'francs', 'f', 'mf', 'livres', 'yens', 'km', 'kilomètres', 'mètres', 'm', 'm2', 'm²', 'kg', 'tonnes',
  'litres', 'hectares', 'ha', 'personnes', 'habitants', 'emplois', 'salariés', 'postes', 'morts', 'victimes', 'voix', 'élèves',
  'logements', 'entreprises', 'exemplaires', 'points', 'voitures', 'véhicules', 'places', 'pages', 'cas', 'fois', '%', 'h', 'fr', 'frs',
  'sh', 'cts', 'centimes', 'mm', 'cm', 'g', 'l', 'hl', 'kw', 'mw', 'w', 'ko', 'mo', 'go',
  'heures', 'minutes', 'secondes', 'jours', 'mois', 'ans', 'années', 'spectateurs', 'participants', 'manifestants', 'soldats', 'hommes',
  'femmes', 'enfants', 'familles', 'visiteurs', 'membres', 'adhérents', 'foyers', 'dossiers', 'millions', 'milliards', 'signatures',
];
