/**
 * French sentence-segmentation lexicon: the data the segmenter's engine (src/segment/sentences.ts) consults.
 * Entries are written without their final period and compared case-sensitively unless said otherwise, because
 * case carries meaning here (`M.` is « Monsieur », `m.` is metres).
 */
import type { SegmentationLexicon } from '../schema.js';

/**
 * Abbreviations placed before a name or a title: never the end of a sentence, whatever follows
 * (`M. Dupont`, `Mme Curie`, `Dr. House`, `Mgr. Lustiger`, `St. Louis`).
 */
export const TITLE_ABBREVIATIONS: readonly string[] = [
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Mgr', 'Mgrs', 'Me', 'Dr', 'Drs', 'Pr', 'Prof', 'St', 'Ste', 'Sts', 'Stes',
  'Sr', 'Vve', 'Gal', 'Gén', 'Col', 'Cne', 'Cdt', 'Lt', 'Lieut', 'Sgt', 'Mal', 'Hon', 'Rév', 'Ets', 'Éts', 'Mr', 'Mrs', 'Ms',
];

/**
 * Abbreviations that introduce what follows (a number, a reference, a name) and so do not end a sentence even
 * before a capital or a digit: `p. 12`, `art. L. 121-1`, `cf. Chapitre 3`, `n. 4`, `av. Foch`, `env. 30 km`.
 * Entries longer than one letter also match capitalised (`Art. 3`, `Cf. infra`), not upper-case (`une BD.`); single
 * letters match as written, since `P.` or `V.` is more often an initial.
 */
export const PREFIX_ABBREVIATIONS: readonly string[] = [
  'p', 'pp', 'art', 'arts', 'al', 'alin', 'chap', 'sect', 'paragr', 'fig', 'tab', 'tabl', 'ill', 't',
  'éd', 'édit', 'coll', 'trad', 'dir', 'réf', 'cf', 'cfr', 'voy', 'v', 'vs', 'ex', 'p.ex', 'n', 'no', 'nos', 'num',
  'env', 'approx', 'av', 'bd', 'boul', 'bld', 'fg', 'faub', 'op', 'cit', 'loc', 'tél', 'c', 'ca', 'ann', 'suppl',
  'dép', 'arr', 'imp', 'sq', 'sqq', 'nb', 'N.B', 'P.-S', 'P.S', 'c.-à-d', 'c.-à.-d', 'i.e', 'e.g', 'resp', 'éval',
];

/**
 * Abbreviations that are often the last word of a sentence (`… etc.`, `le 3 janv.`), or words that are also
 * abbreviations (`le vol.` / `vol. 2`, `160 ch.` / `ch. 3`): they end the sentence before a capitalised word but not
 * before a digit (`janv. 2024`, `vol. 2`). Entries longer than one letter also match capitalised (`Vol. 2`, `Janv.`).
 */
export const FINAL_CAPABLE_ABBREVIATIONS: readonly string[] = [
  'etc', 'Jr', 'vol', 'ch', 'cie', 'inc', 'Ltd', 'Corp', 'Co', 'S.A', 'ibid', 'janv', 'fév', 'févr', 'avr', 'juil', 'sept',
  'oct', 'nov', 'déc',
];

/**
 * Lowercase endings after a glued period that make a file name or a domain, not a new sentence (`rapport.PDF`,
 * `Site.Com`, `Node.Js`); compared lowercased. `de` and `la` are left out: `De` and `La` open French sentences.
 */
export const FILE_AND_DOMAIN_SUFFIXES: readonly string[] = [
  'pdf', 'doc', 'docx', 'odt', 'rtf', 'txt', 'csv', 'xls', 'xlsx', 'ods', 'ppt', 'pptx', 'odp', 'htm', 'html', 'php',
  'asp', 'aspx', 'jsp', 'xml', 'json', 'yaml', 'yml', 'md', 'js', 'ts', 'py', 'java', 'exe', 'zip', 'rar', 'gz', 'tar',
  'jpg', 'jpeg', 'png', 'gif', 'svg', 'webp', 'tif', 'tiff', 'bmp', 'mp3', 'mp4', 'avi', 'mov', 'mkv', 'wav', 'ogg',
  'com', 'org', 'net', 'fr', 'eu', 'be', 'ch', 'ca', 'io', 'ai', 'info', 'gouv', 'edu', 'gov', 'uk', 'us', 'tv', 'me',
];

/**
 * Lowercase words found opening sentences in real corpora: Sequoia (L'Est Républicain, EMEA leaflets) writes a
 * sentence-initial `À` as `à`. After a period that is not an abbreviation they start a new sentence.
 */
export const LOWERCASE_SENTENCE_STARTERS: readonly string[] = ['à'];

/** Names that contain a `!` which does not end the sentence (`Yahoo! News`). */
export const NAMES_WITH_EXCLAMATION: readonly string[] = ['Yahoo', 'Jeopardy'];

/**
 * Words that very often open a French sentence. After an ambiguous period (an initial such as `B.`, a dotted acronym such
 * as `U.S.A.`) a following word from this list, itself not followed by another capitalised word (`Le Pen`, `La Fontaine`),
 * signals a sentence boundary.
 */
export const SENTENCE_STARTERS: readonly string[] = [
  'Le', 'La', 'Les', "L'", 'L’', 'Un', 'Une', 'Des', 'Du', 'De', "D'", 'D’', 'Ce', 'Cet', 'Cette', 'Ces', 'Il', 'Elle', 'Ils',
  'Elles', 'On', 'Nous', 'Vous', 'Je', "J'", 'J’', 'Tu', "C'", 'C’', "C'est", 'C’est', "Qu'", 'Qu’', "S'", 'S’', "N'", 'N’',
  'Mais', 'Et', 'Or', 'Donc', 'Car', 'Puis', 'Ainsi', 'Alors', 'Pourtant', 'Cependant', 'Toutefois', 'Néanmoins', 'En', 'Au',
  'Aux', 'Dans', 'Pour', 'Par', 'Sur', 'Selon', 'Après', 'Avant', 'Depuis', 'Pendant', 'Si', 'Quand', 'Lorsque', 'Comme',
  'Mon', 'Ma', 'Mes', 'Son', 'Sa', 'Ses', 'Leur', 'Leurs', 'Notre', 'Nos', 'Votre', 'Vos', 'Cela', 'Ceci', 'Ça', 'Tout',
  'Tous', 'Toute', 'Toutes', 'Y', 'Quel', 'Quelle', 'Quels', 'Quelles', 'Qui', 'Que', 'Quoi', 'Où', 'Pourquoi',
  'Comment', 'Combien', 'Enfin', 'Aussi', 'Encore', 'Déjà', 'Aujourd’hui', "Aujourd'hui", 'Hier', 'Demain', 'Certains',
  'Plusieurs', 'Aucun', 'Aucune', 'Chaque', 'À', 'A', 'Avec', 'Sans', 'Entre', 'Contre', 'Parmi', 'Outre', 'Malgré',
];

/** Closing punctuation that stays with the sentence it closes: `… fin. »`, `… (voir plus bas.)`, `… dit-il.”`. */
export const CLOSING_PUNCTUATION = '»"”’\')]}›';

/** Opening punctuation that starts the next sentence even when glued to the previous one: `Optimus.« Il`. */
export const OPENING_PUNCTUATION = '«"“‘\'([{‹';

/** Dashes and bullets that open a new sentence or list item after a sentence end: `fin. – Le`, `fin. • Le`. */
export const ITEM_MARKERS = '-–—―•·▪►*';

/**
 * Characters after sentence-final punctuation and spaces that mean the sentence goes on: `etc., et`, `?!`, `… ; puis`.
 * A lowercase letter is handled separately (it always continues the sentence).
 */
export const CONTINUATION_PUNCTUATION = ',;:)]}»”’.%‰';

/** The lexicon above, as the segmenter reads it. */
export const FRENCH_SEGMENTATION: SegmentationLexicon = {
  titles: TITLE_ABBREVIATIONS,
  prefixes: PREFIX_ABBREVIATIONS,
  finalCapable: FINAL_CAPABLE_ABBREVIATIONS,
  fileAndDomainSuffixes: FILE_AND_DOMAIN_SUFFIXES,
  lowercaseStarters: LOWERCASE_SENTENCE_STARTERS,
  namesWithExclamation: NAMES_WITH_EXCLAMATION,
  starters: SENTENCE_STARTERS,
  closingPunctuation: CLOSING_PUNCTUATION,
  openingPunctuation: OPENING_PUNCTUATION,
  itemMarkers: ITEM_MARKERS,
  continuationPunctuation: CONTINUATION_PUNCTUATION,
};
