/**
 * English sentence-segmentation lexicon for the project's rule scanner (src/segment/sentences.ts), the same fields as
 * the French one (src/rules/fr/segmentation.ts). Measured against compromise's splitter by `npm run eval:segment-en`;
 * the English stage set uses this one (see src/lang/en/sentences.ts). Examples (tests in test/lang/en-entities.test.ts):
 * `Mr. Smith of Acme Corp. met U.S. officials at 5 p.m. on Friday.` is one sentence; `… in the U.S. The talks` ends
 * after `U.S.`.
 */
import type { SegmentationLexicon } from '../schema.js';

export const ENGLISH_SEGMENTATION: SegmentationLexicon = {
  titles: [
    'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Dr', 'Drs', 'Prof', 'Rev', 'Hon', 'St', 'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Govs', 'Gen', 'Lt', 'Col',
    'Maj', 'Capt', 'Cmdr', 'Sgt', 'Cpl', 'Pvt', 'Adm', 'Pres', 'Supt', 'Det', 'Insp', 'Fr', 'Sr', 'Jr', 'Mt', 'Ft',
  ],
  prefixes: ['No', 'Nos', 'no', 'nos', 'vs', 'v', 'p', 'pp', 'para', 'fig', 'figs', 'vol', 'ch', 'sec', 'art', 'e.g', 'i.e', 'cf', 'approx', 'est', 'ca'],
  finalCapable: [
    'etc', 'Inc', 'Ltd', 'Corp', 'Co', 'Bros', 'Cos', 'Assn', 'Dept', 'Univ', 'Ave', 'Blvd', 'Rd', 'a.m', 'p.m', 'A.M', 'P.M',
    'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thurs', 'Fri', 'Sat', 'Sun',
    'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont',
    'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo', 'U.S', 'U.K', 'U.N', 'E.U', 'D.C',
  ],
  fileAndDomainSuffixes: ['pdf', 'doc', 'docx', 'txt', 'csv', 'xls', 'xlsx', 'ppt', 'html', 'htm', 'php', 'js', 'ts', 'py', 'json', 'xml', 'zip', 'jpg', 'png', 'gif', 'mp3', 'mp4', 'com', 'org', 'net', 'edu', 'gov', 'io', 'uk', 'us', 'co', 'tv', 'info'],
  lowercaseStarters: [],
  namesWithExclamation: ['Yahoo', 'Jeopardy'],
  starters: [
    'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our', 'My',
    'But', 'And', 'Or', 'So', 'Yet', 'However', 'Meanwhile', 'Still', 'Also', 'In', 'On', 'At', 'For', 'With', 'After', 'Before', 'When', 'While',
    'If', 'As', 'Since', 'There', 'Here', 'Now', 'Then', 'Some', 'Many', 'Most', 'All', 'No', 'One', 'Two', 'Three', 'What', 'Who', 'Why', 'How',
    'Where', 'Which', 'According', 'Officials', 'Police', 'Analysts', 'Shares', 'Last', 'Earlier', 'Later', 'Yesterday', 'Today',
  ],
  closingPunctuation: '"”’\')]}»',
  openingPunctuation: '"“‘\'([{«',
  itemMarkers: '-–—―•·▪►*',
  continuationPunctuation: ',;:)]}”’.%',
};
