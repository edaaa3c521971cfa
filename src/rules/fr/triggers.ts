/**
 * DATA: French event triggers for general news — lemmas only (verbs are conjugated and nouns pluralized by
 * src/events/inflect.ts), mapped to event types. `confidence` is the prior that the word denotes the event;
 * ambiguous words carry context constraints (`requiresNear`, `excludeNear`, `excludeBefore`, `requiresRole`).
 * Users extend this table with `config.events.extraTriggersFile` (same row format, JSON).
 */
import type { TriggerRow } from '../schema.js';
import type { IrregularStems } from '../schema.js';
import { KILL_FRAME } from './event-frames.js';

const REJOINDRE: IrregularStems = { pres: ['rejoins', 'rejoint', 'rejoignons', 'rejoignez', 'rejoignent'], impf: 'rejoign', ps: ['rejoignis', 'rejoignit', 'rejoignîmes', 'rejoignirent'], fut: 'rejoindr', subj: 'rejoign', ppast: 'rejoint', ppres: 'rejoignant' };
const REVENIR: IrregularStems = { pres: ['reviens', 'revient', 'revenons', 'revenez', 'reviennent'], impf: 'reven', ps: ['revins', 'revint', 'revînmes', 'revinrent'], fut: 'reviendr', subj: 'revienn', ppast: 'revenu', ppres: 'revenant' };
const ACQUERIR: IrregularStems = { pres: ['acquiers', 'acquiert', 'acquérons', 'acquérez', 'acquièrent'], impf: 'acquér', ps: ['acquis', 'acquit', 'acquîmes', 'acquirent'], fut: 'acquerr', subj: 'acquièr', ppast: 'acquis', ppastForms: ['acquis', 'acquise', 'acquises'], ppres: 'acquérant' };
const MOURIR: IrregularStems = { pres: ['meurs', 'meurt', 'mourons', 'mourez', 'meurent'], impf: 'mour', ps: ['mourus', 'mourut', 'moururent'], fut: 'mourr', subj: 'meur', ppast: 'mort', ppres: 'mourant' };
const NAITRE: IrregularStems = { pres: ['nais', 'naît', 'nait', 'naissons', 'naissez', 'naissent'], impf: 'naiss', ps: ['naquis', 'naquit', 'naquirent'], fut: 'naîtr', subj: 'naiss', ppast: 'né', ppres: 'naissant' };
const ELIRE: IrregularStems = { pres: ['élis', 'élit', 'élisons', 'élisez', 'élisent'], impf: 'élis', ps: ['élus', 'élut', 'élurent'], fut: 'élir', subj: 'élis', ppast: 'élu', ppres: 'élisant' };
const REELIRE: IrregularStems = { pres: ['réélis', 'réélit', 'réélisons', 'réélisez', 'réélisent'], impf: 'réélis', ps: ['réélus', 'réélut', 'réélurent'], fut: 'réélir', subj: 'réélis', ppast: 'réélu', ppres: 'réélisant' };
const METTRE: IrregularStems = { pres: ['mets', 'met', 'mettons', 'mettez', 'mettent'], impf: 'mett', ps: ['mis', 'mit', 'mirent'], fut: 'mettr', subj: 'mett', ppast: 'mis', ppastForms: ['mis', 'mise', 'mises'], ppres: 'mettant' };
const POURSUIVRE: IrregularStems = { pres: ['poursuis', 'poursuit', 'poursuivons', 'poursuivez', 'poursuivent'], impf: 'poursuiv', ps: ['poursuivis', 'poursuivit', 'poursuivirent'], fut: 'poursuivr', subj: 'poursuiv', ppast: 'poursuivi', ppres: 'poursuivant' };
const DISSOUDRE: IrregularStems = { pres: ['dissous', 'dissout', 'dissolvons', 'dissolvez', 'dissolvent'], impf: 'dissolv', ps: ['dissolut', 'dissolurent'], fut: 'dissoudr', subj: 'dissolv', ppast: 'dissous', ppastForms: ['dissous', 'dissoute', 'dissoutes'], ppres: 'dissolvant' };
const ABATTRE: IrregularStems = { pres: ['abats', 'abat', 'abattons', 'abattez', 'abattent'], impf: 'abatt', ps: ['abattis', 'abattit', 'abattirent'], fut: 'abattr', subj: 'abatt', ppast: 'abattu', ppres: 'abattant' };
const ENTRETENIR: IrregularStems = { pres: ['entretiens', 'entretient', 'entretenons', 'entretenez', 'entretiennent'], impf: 'entreten', ps: ['entretint', 'entretinrent'], fut: 'entretiendr', subj: 'entretienn', ppast: 'entretenu', ppres: 'entretenant' };
const PROMETTRE: IrregularStems = { pres: ['promets', 'promet', 'promettons', 'promettez', 'promettent'], impf: 'promett', ps: ['promis', 'promit', 'promirent'], fut: 'promettr', subj: 'promett', ppast: 'promis', ppastForms: ['promis', 'promise', 'promises'], ppres: 'promettant' };
const CONSTRUIRE_LIKE_DETRUIRE: IrregularStems = { pres: ['détruis', 'détruit', 'détruisons', 'détruisez', 'détruisent'], impf: 'détruis', ps: ['détruisit', 'détruisirent'], fut: 'détruir', subj: 'détruis', ppast: 'détruit', ppres: 'détruisant' };
const CONVAINCRE_LIKE_VAINCRE: IrregularStems = { pres: ['vaincs', 'vainc', 'vainquons', 'vainquez', 'vainquent'], impf: 'vainqu', ps: ['vainquit', 'vainquirent'], fut: 'vaincr', subj: 'vainqu', ppast: 'vaincu', ppres: 'vainquant' };
const DIRE: IrregularStems = { pres: ['dis', 'dit', 'disons', 'dites', 'disent'], impf: 'dis', ps: ['dis', 'dit', 'dîmes', 'dirent'], fut: 'dir', subj: 'dis', ppast: 'dit', ppres: 'disant' };
const RECONNAITRE: IrregularStems = { pres: ['reconnais', 'reconnaît', 'reconnait', 'reconnaissons', 'reconnaissez', 'reconnaissent'], impf: 'reconnaiss', ps: ['reconnus', 'reconnut', 'reconnurent'], fut: 'reconnaîtr', subj: 'reconnaiss', ppast: 'reconnu', ppres: 'reconnaissant' };
const ETEINDRE: IrregularStems = { pres: ['éteins', 'éteint', 'éteignons', 'éteignez', 'éteignent'], impf: 'éteign', ps: ['éteignit', 'éteignirent'], fut: 'éteindr', subj: 'éteign', ppast: 'éteint', ppres: 'éteignant' };
const PERDRE_LA_VIE: IrregularStems = { pres: ['perds', 'perd', 'perdons', 'perdez', 'perdent'], impf: 'perd', ps: ['perdit', 'perdirent'], fut: 'perdr', subj: 'perd', ppast: 'perdu', ppres: 'perdant' };
const DONNER_LA_MORT: IrregularStems = { pres: ['donne', 'donnes', 'donnons', 'donnez', 'donnent'], impf: 'donn', ps: ['donna', 'donnèrent'], fut: 'donner', subj: 'donn', ppast: 'donné', ppres: 'donnant' };
/** Words after `lancement` that make it a launch into space (not a product's or a festival's). */
const SPACE_WORDS = ['fusée', 'lanceur', 'satellite', 'spatial', 'spatiale', 'orbite', 'navette', 'capsule', 'sonde', 'space', 'dragon', 'ariane', 'soyouz'];
/** Statement verbs need their speaker (`requiresRole: agent`): `le rapport indique` names none. */
const SPEAKER: { requiresRole: ['agent'] } = { requiresRole: ['agent'] };
const RENDRE_VISITE: IrregularStems = { pres: ['rends', 'rend', 'rendons', 'rendez', 'rendent'], impf: 'rend', ps: ['rendis', 'rendit', 'rendirent'], fut: 'rendr', subj: 'rend', ppast: 'rendu', ppres: 'rendant' };

/** Currency words: `payer` is a money transfer only with an amount (`payé au SMIC` is a wage level). */
const CURRENCIES = ['euros', 'euro', 'dollars', 'dollar', '€', '$', 'francs', 'livres', 'yens', 'yuans'];
/** Words that make `lever`/`levée` a fundraising (not `lever la main`, `levée du corps`). */
const MONEY_WORDS = ['fonds', 'capitaux', 'million', 'millions', 'milliard', 'milliards', 'dollars', 'euros', 'argent', '$', '€', 'financement', 'financements'];
/** A return or arrival that is a new position (`retour chez OpenAI`), not a trip home. */
const POSITION_PREPS = ['chez', 'au sein', 'à la tête', 'dans l\'équipe'];
/** `la promesse d'Elon Musk`: after a statement noun, `de X` is the speaker. */
const SPEAKER_AFTER_NOUN = { preps: { de: { PER: 'agent', ORG: 'agent' } } } as const;
/** Reflexive clitics: `s'investir` (to commit oneself) is not an investment. */
const REFLEXIVES = ["s'", 'se', "m'", 'me', "t'", 'te', 'nous', 'vous'];

export const TRIGGERS: TriggerRow[] = [
  // ── Personnel.End-Position ──
  { lemma: 'quitter', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.75, retypeByObject: { label: 'LOC', type: 'Movement.Transport', role: 'origin' }, requiresRole: ['person', 'organization', 'origin'], excludeNear: ['domicile', 'maison', 'table', 'salle', 'territoire', 'pays', 'ville'], window: 3 },
  { lemma: 'démissionner', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'démission', pos: 'noun', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'départ', pos: 'noun', type: 'Personnel.End-Position', confidence: 0.7, excludeBefore: ['au', 'dès le', 'point de', 'ligne de', 'coup de', 'gare de', 'heure de', 'date de', 'bon', 'nouveau', 'faux', 'donner le', 'prendre un'], requiresRole: ['person', 'organization'] },
  { lemma: 'licencier', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'licenciement', pos: 'noun', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'limoger', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'limogeage', pos: 'noun', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'congédier', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.9 },
  { lemma: 'renvoyer', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.5, requiresRole: ['person'], excludeNear: ['procès', 'tribunal', 'cour', 'balle', 'ascenseur', 'image'], window: 4 },
  { lemma: 'évincer', pos: 'verb', type: 'Personnel.End-Position', confidence: 0.8 },
  { lemma: 'éviction', pos: 'noun', type: 'Personnel.End-Position', confidence: 0.8 },
  { lemma: 'retraite', pos: 'noun', type: 'Personnel.End-Position', confidence: 0.5, requiresNear: ['prendre', 'prend', 'pris', 'partir', 'départ'], window: 1, requiresRole: ['person'] },
  { lemma: 'succéder', pos: 'verb', type: 'Personnel.Start-Position', confidence: 0.7, requiresRole: ['person'], frame: { object: {}, preps: { 'à': { PER: 'person' }, 'à la tête de': { ORG: 'organization' } } } },

  // ── Personnel.Start-Position ──
  { lemma: 'rejoindre', pos: 'verb', type: 'Personnel.Start-Position', conj: 'irregular', irregular: REJOINDRE, confidence: 0.75, requiresRole: ['organization'] },
  { lemma: 'embaucher', pos: 'verb', type: 'Personnel.Start-Position', confidence: 0.9 },
  { lemma: 'embauche', pos: 'noun', type: 'Personnel.Start-Position', confidence: 0.8 },
  { lemma: 'recruter', pos: 'verb', type: 'Personnel.Start-Position', confidence: 0.85 },
  { lemma: 'recrutement', pos: 'noun', type: 'Personnel.Start-Position', confidence: 0.8 },
  { lemma: 'retour', pos: 'noun', type: 'Personnel.Start-Position', confidence: 0.6, requiresNear: POSITION_PREPS, window: 5 },
  { lemma: 'revenir', pos: 'verb', type: 'Personnel.Start-Position', conj: 'irregular', irregular: REVENIR, etre: true, confidence: 0.5, requiresNear: POSITION_PREPS, window: 5 },
  { lemma: 'arrivée', pos: 'noun', type: 'Personnel.Start-Position', confidence: 0.5, requiresNear: POSITION_PREPS, window: 5 },
  { lemma: 'intégrer', pos: 'verb', type: 'Personnel.Start-Position', confidence: 0.5, requiresRole: ['organization'] },
  { lemma: 'prendre la tête', pos: 'verb', type: 'Personnel.Start-Position', conj: 'irregular', irregular: { pres: ['prends', 'prend', 'prenons', 'prenez', 'prennent'], impf: 'pren', ps: ['pris', 'prit', 'prirent'], fut: 'prendr', subj: 'prenn', ppast: 'pris', ppastForms: ['pris', 'prise', 'prises'], ppres: 'prenant' }, confidence: 0.8, frame: { preps: { de: { ORG: 'organization', LOC: 'organization' } } } },

  // ── Personnel.Nominate / Elect ──
  { lemma: 'nommer', pos: 'verb', type: 'Personnel.Nominate', confidence: 0.85, requiresRole: ['person'] },
  { lemma: 'nomination', pos: 'noun', type: 'Personnel.Nominate', confidence: 0.9 },
  { lemma: 'désigner', pos: 'verb', type: 'Personnel.Nominate', confidence: 0.5, requiresRole: ['person'] },
  { lemma: 'désignation', pos: 'noun', type: 'Personnel.Nominate', confidence: 0.6 },
  { lemma: 'investiture', pos: 'noun', type: 'Personnel.Nominate', confidence: 0.7 },
  { lemma: 'élire', pos: 'verb', type: 'Personnel.Elect', conj: 'irregular', irregular: ELIRE, confidence: 0.9 },
  { lemma: 'réélire', pos: 'verb', type: 'Personnel.Elect', conj: 'irregular', irregular: REELIRE, confidence: 0.9 },
  { lemma: 'élection', pos: 'noun', type: 'Personnel.Elect', confidence: 0.8, standalone: true, examples: ['Les [élections] municipales auront lieu en mars.'] },
  { lemma: 'réélection', pos: 'noun', type: 'Personnel.Elect', confidence: 0.85 },
  { lemma: 'vaincre', pos: 'verb', type: 'Personnel.Elect', conj: 'irregular', irregular: CONVAINCRE_LIKE_VAINCRE, confidence: 0.3, requiresNear: ['élection', 'élections', 'scrutin', 'tour', 'primaire'], window: 8 },

  // ── Business ──
  { lemma: 'fonder', pos: 'verb', type: 'Business.Start-Org', confidence: 0.8, excludeNear: ['sur'], window: 1 },
  { lemma: 'fondation', pos: 'noun', type: 'Business.Start-Org', confidence: 0.5, requiresRole: ['organization'] },
  { lemma: 'fondateur', pos: 'noun', type: 'Business.Start-Org', forms: ['fondatrice', 'fondatrices', 'cofondateur', 'cofondateurs', 'cofondatrice', 'co-fondateur', 'co-fondatrice'], confidence: 0.7, requiresRole: ['organization'], frame: { preps: { de: { ORG: 'organization', MISC: 'organization' }, en: { LOC: 'place' }, 'à': { LOC: 'place' } } } },
  { lemma: 'créer', pos: 'verb', type: 'Business.Start-Org', confidence: 0.5, requiresRole: ['organization'] },
  { lemma: 'création', pos: 'noun', type: 'Business.Start-Org', confidence: 0.5, requiresRole: ['organization'] },
  { lemma: 'fermer', pos: 'verb', type: 'Business.End-Org', confidence: 0.6, requiresRole: ['organization', 'place'], excludeNear: ['yeux', 'porte', 'portes', 'frontière', 'frontières'], window: 3 },
  { lemma: 'fermeture', pos: 'noun', type: 'Business.End-Org', confidence: 0.75, excludeNear: ['frontière', 'frontières', 'route', 'routes', 'écoles'], window: 3 },
  { lemma: 'dissoudre', pos: 'verb', type: 'Business.End-Org', conj: 'irregular', irregular: DISSOUDRE, confidence: 0.7 },
  { lemma: 'dissolution', pos: 'noun', type: 'Business.End-Org', confidence: 0.7 },
  { lemma: 'fusionner', pos: 'verb', type: 'Business.Merge-Org', confidence: 0.9 },
  { lemma: 'fusion', pos: 'noun', type: 'Business.Merge-Org', confidence: 0.7, excludeNear: ['nucléaire'], window: 1 },
  { lemma: 'faillite', pos: 'noun', type: 'Business.Declare-Bankruptcy', confidence: 0.9 },
  { lemma: 'déposer le bilan', pos: 'verb', type: 'Business.Declare-Bankruptcy', confidence: 0.95 },
  { lemma: 'liquidation', pos: 'noun', type: 'Business.Declare-Bankruptcy', confidence: 0.7 },
  { lemma: 'redressement judiciaire', pos: 'noun', type: 'Business.Declare-Bankruptcy', confidence: 0.95 },

  // ── Transaction ──
  { lemma: 'lever', pos: 'verb', type: 'Transaction.Transfer-Money', confidence: 0.8, requiresNear: MONEY_WORDS, window: 6 },
  { lemma: 'levée', pos: 'noun', type: 'Transaction.Transfer-Money', confidence: 0.85, requiresNear: MONEY_WORDS, window: 4 },
  { lemma: 'investir', pos: 'verb', type: 'Transaction.Transfer-Money', confidence: 0.7, requiresNear: [...MONEY_WORDS, 'dans'], window: 6, excludeBefore: REFLEXIVES },
  { lemma: 'investissement', pos: 'noun', type: 'Transaction.Transfer-Money', confidence: 0.5 },
  { lemma: 'verser', pos: 'verb', type: 'Transaction.Transfer-Money', confidence: 0.6, requiresNear: MONEY_WORDS, window: 6 },
  { lemma: 'versement', pos: 'noun', type: 'Transaction.Transfer-Money', confidence: 0.7 },
  { lemma: 'payer', pos: 'verb', type: 'Transaction.Transfer-Money', confidence: 0.6, requiresNear: CURRENCIES, window: 6 },
  { lemma: 'financer', pos: 'verb', type: 'Transaction.Transfer-Money', confidence: 0.6 },
  { lemma: 'financement', pos: 'noun', type: 'Transaction.Transfer-Money', confidence: 0.5 },
  { lemma: 'subvention', pos: 'noun', type: 'Transaction.Transfer-Money', confidence: 0.6 },
  { lemma: 'don', pos: 'noun', type: 'Transaction.Transfer-Money', confidence: 0.4, requiresNear: MONEY_WORDS, window: 5 },
  { lemma: 'acheter', pos: 'verb', type: 'Transaction.Transfer-Ownership', confidence: 0.7, requiresRole: ['target'] },
  { lemma: 'achat', pos: 'noun', type: 'Transaction.Transfer-Ownership', confidence: 0.6, requiresRole: ['target', 'agent'] },
  { lemma: 'racheter', pos: 'verb', type: 'Transaction.Transfer-Ownership', confidence: 0.85, requiresRole: ['target'] },
  { lemma: 'rachat', pos: 'noun', type: 'Transaction.Transfer-Ownership', confidence: 0.85 },
  { lemma: 'acquérir', pos: 'verb', type: 'Transaction.Transfer-Ownership', conj: 'irregular', irregular: ACQUERIR, confidence: 0.8, requiresRole: ['target'] },
  { lemma: 'acquisition', pos: 'noun', type: 'Transaction.Transfer-Ownership', confidence: 0.8 },
  { lemma: 'vendre', pos: 'verb', type: 'Transaction.Transfer-Ownership', conj: 're', confidence: 0.6, requiresRole: ['target'] },
  { lemma: 'vente', pos: 'noun', type: 'Transaction.Transfer-Ownership', confidence: 0.5, requiresRole: ['target'] },
  { lemma: 'céder', pos: 'verb', type: 'Transaction.Transfer-Ownership', confidence: 0.5, requiresRole: ['target'] },
  { lemma: 'cession', pos: 'noun', type: 'Transaction.Transfer-Ownership', confidence: 0.7 },

  // ── Justice ──
  { lemma: 'enquête', pos: 'noun', type: 'Justice.Investigate', confidence: 0.8, requiresRole: ['agent', 'target'], excludeNear: ['opinion', 'sondage', 'publique', 'publiée', 'publiées', 'réalisée', 'menée auprès'], window: 3 },
  { lemma: 'enquêter', pos: 'verb', type: 'Justice.Investigate', confidence: 0.85 },
  { lemma: 'investigation', pos: 'noun', type: 'Justice.Investigate', confidence: 0.6 },
  { lemma: 'perquisition', pos: 'noun', type: 'Justice.Investigate', confidence: 0.9 },
  { lemma: 'perquisitionner', pos: 'verb', type: 'Justice.Investigate', confidence: 0.9 },
  { lemma: 'arrêter', pos: 'verb', type: 'Justice.Arrest-Jail', confidence: 0.6, requiresRole: ['person'], excludeNear: ['de'], window: 1 },
  { lemma: 'arrestation', pos: 'noun', type: 'Justice.Arrest-Jail', confidence: 0.95 },
  { lemma: 'interpeller', pos: 'verb', type: 'Justice.Arrest-Jail', confidence: 0.8 },
  { lemma: 'interpellation', pos: 'noun', type: 'Justice.Arrest-Jail', confidence: 0.85 },
  { lemma: 'incarcérer', pos: 'verb', type: 'Justice.Arrest-Jail', confidence: 0.95 },
  { lemma: 'incarcération', pos: 'noun', type: 'Justice.Arrest-Jail', confidence: 0.9 },
  { lemma: 'écrouer', pos: 'verb', type: 'Justice.Arrest-Jail', confidence: 0.95 },
  { lemma: 'emprisonner', pos: 'verb', type: 'Justice.Arrest-Jail', confidence: 0.9 },
  { lemma: 'garde à vue', pos: 'noun', type: 'Justice.Arrest-Jail', confidence: 0.9 },
  { lemma: 'inculper', pos: 'verb', type: 'Justice.Charge-Indict', confidence: 0.95 },
  { lemma: 'inculpation', pos: 'noun', type: 'Justice.Charge-Indict', confidence: 0.95 },
  { lemma: 'mettre en examen', pos: 'verb', type: 'Justice.Charge-Indict', conj: 'irregular', irregular: METTRE, confidence: 0.95 },
  { lemma: 'mise en examen', pos: 'noun', type: 'Justice.Charge-Indict', confidence: 0.95 },
  { lemma: 'accuser', pos: 'verb', type: 'Justice.Charge-Indict', confidence: 0.35, requiresNear: ['meurtre', 'assassinat', 'viol', 'fraude', 'corruption', 'terrorisme', 'crime', 'crimes', 'délit', 'vol', 'homicide', 'détournement', 'blanchiment', 'escroquerie'], window: 4 },
  { lemma: 'procès', pos: 'noun', type: 'Justice.Trial-Hearing', confidence: 0.8, excludeNear: ['verbal', "d'intention"], window: 1 },
  { lemma: 'juger', pos: 'verb', type: 'Justice.Trial-Hearing', confidence: 0.4, requiresNear: ['tribunal', 'cour', 'assises', 'pour', 'correctionnelle'], window: 5, requiresRole: ['person'] },
  { lemma: 'comparaître', pos: 'verb', type: 'Justice.Trial-Hearing', conj: 'irregular', irregular: { pres: ['comparais', 'comparaît', 'comparait', 'comparaissons', 'comparaissez', 'comparaissent'], impf: 'comparaiss', ps: ['comparut', 'comparurent'], fut: 'comparaîtr', subj: 'comparaiss', ppast: 'comparu', ppres: 'comparaissant' }, confidence: 0.9 },
  { lemma: 'comparution', pos: 'noun', type: 'Justice.Trial-Hearing', confidence: 0.9 },
  { lemma: 'poursuivre', pos: 'verb', type: 'Justice.Sue', conj: 'irregular', irregular: POURSUIVRE, confidence: 0.85, requiresNear: ['justice', 'diffamation', 'tribunal'], window: 4 },
  { lemma: 'poursuite', pos: 'noun', type: 'Justice.Sue', confidence: 0.7, requiresNear: ['judiciaire', 'judiciaires', 'justice', 'pénales', 'contre'], window: 2 },
  { lemma: 'plainte', pos: 'noun', type: 'Justice.Sue', confidence: 0.85 },
  { lemma: 'attaquer', pos: 'verb', type: 'Justice.Sue', confidence: 0.85, requiresNear: ['justice', 'tribunal'], window: 4 },
  { lemma: 'assigner', pos: 'verb', type: 'Justice.Sue', confidence: 0.6, requiresNear: ['justice', 'tribunal'], window: 4 },
  { lemma: 'condamner', pos: 'verb', type: 'Justice.Convict', confidence: 0.8, requiresRole: ['person'] },
  { lemma: 'condamnation', pos: 'noun', type: 'Justice.Convict', confidence: 0.7 },
  { lemma: 'reconnaître coupable', pos: 'verb', type: 'Justice.Convict', conj: 'irregular', irregular: { pres: ['reconnais', 'reconnaît', 'reconnait', 'reconnaissons', 'reconnaissez', 'reconnaissent'], impf: 'reconnaiss', ps: ['reconnut', 'reconnurent'], fut: 'reconnaîtr', subj: 'reconnaiss', ppast: 'reconnu', ppres: 'reconnaissant' }, confidence: 0.9 },
  { lemma: 'peine', pos: 'noun', type: 'Justice.Sentence', confidence: 0.8, requiresNear: ['prison', 'réclusion', 'emprisonnement', 'mort', 'détention'], window: 3 },
  { lemma: 'écoper', pos: 'verb', type: 'Justice.Sentence', confidence: 0.8, requiresNear: ['prison', 'réclusion', 'amende', 'peine', 'ans', 'mois'], window: 6 },
  { lemma: 'amende', pos: 'noun', type: 'Justice.Fine', confidence: 0.85, excludeBefore: ['faire'], frame: { preps: { 'à': { PER: 'person', ORG: 'person' }, de: { ORG: 'agent', PER: 'person' }, par: { ORG: 'agent', PER: 'agent' } } } },
  { lemma: 'amender', pos: 'verb', type: 'Justice.Fine', confidence: 0.3, requiresRole: ['person'], requiresNear: ['euros', 'dollars', 'millions'], window: 6 },

  // ── Conflict ──
  { lemma: 'attaquer', pos: 'verb', type: 'Conflict.Attack', confidence: 0.6, excludeNear: ['justice', 'tribunal', 'problème', 'dossier'], window: 4 },
  { lemma: 'attaque', pos: 'noun', type: 'Conflict.Attack', confidence: 0.7, standalone: true, excludeNear: ['cardiaque', 'informatique', 'cérébrale'], window: 1, examples: ['[L\'attaque] a fait trois morts dans le centre-ville.', 'Deux [attaques] contre des patrouilles ont eu lieu cette semaine.'] },
  { lemma: 'attentat', pos: 'noun', type: 'Conflict.Attack', forms: ['attentat-suicide', 'attentats-suicides'], confidence: 0.95, standalone: true, examples: ['Un [attentat-suicide] a visé un marché du nord du pays.'] },
  { lemma: 'bombarder', pos: 'verb', type: 'Conflict.Attack', confidence: 0.9 },
  { lemma: 'bombardement', pos: 'noun', type: 'Conflict.Attack', confidence: 0.95 },
  { lemma: 'assaut', pos: 'noun', type: 'Conflict.Attack', confidence: 0.7 },
  { lemma: 'agresser', pos: 'verb', type: 'Conflict.Attack', confidence: 0.85 },
  { lemma: 'agression', pos: 'noun', type: 'Conflict.Attack', confidence: 0.8 },
  { lemma: 'fusillade', pos: 'noun', type: 'Conflict.Attack', confidence: 0.95 },
  { lemma: 'détruire', pos: 'verb', type: 'Conflict.Attack', conj: 'irregular', irregular: CONSTRUIRE_LIKE_DETRUIRE, confidence: 0.4, requiresNear: ['bombe', 'explosion', 'missile', 'missiles', 'frappe', 'incendie', 'obus'], window: 8 },
  { lemma: 'frappe', pos: 'noun', type: 'Conflict.Attack', confidence: 0.6, requiresNear: ['aérienne', 'aériennes', 'israélienne', 'américaine', 'russe', 'contre', 'sur'], window: 2 },
  { lemma: 'manifester', pos: 'verb', type: 'Conflict.Demonstrate', confidence: 0.6, excludeNear: ['intérêt', 'soutien', 'volonté', 'inquiétude', 'son', 'sa', 'leur', 'leurs'], window: 2 },
  { lemma: 'manifestation', pos: 'noun', type: 'Conflict.Demonstrate', confidence: 0.75, excludeNear: ['culturelle', 'culturelles', 'sportive', 'sportives', 'artistique', 'artistiques', 'expositions', 'exposition', 'festive', 'festives'], window: 2 },
  { lemma: 'manifestant', pos: 'noun', type: 'Conflict.Demonstrate', confidence: 0.6, countedRole: 'agent', examples: ['[Des centaines de manifestants] ont défilé dimanche.'] },
  { lemma: 'grève', pos: 'noun', type: 'Conflict.Demonstrate', confidence: 0.85, excludeNear: ['faim'], window: 2 },
  { lemma: 'protester', pos: 'verb', type: 'Conflict.Demonstrate', confidence: 0.6 },
  { lemma: 'rassemblement', pos: 'noun', type: 'Conflict.Demonstrate', confidence: 0.5 },
  { lemma: 'rassembler', pos: 'verb', type: 'Conflict.Demonstrate', confidence: 0.7, frame: { passive: { PER: 'agent', ORG: 'agent' } }, examples: ['Plusieurs centaines de personnes se sont [rassemblées] samedi devant la mairie de {Lyon|LOC}.', 'Les militants [rassemblés] place {Bellecour|LOC} ont scandé des slogans.'] },
  { lemma: 'mobilisation', pos: 'noun', type: 'Conflict.Demonstrate', confidence: 0.6, standalone: true, excludeNear: ['générale', 'des moyens', 'des ressources', 'des fonds'], window: 3, examples: ['La [mobilisation] contre la réforme se poursuit.'] },

  // ── Contact ──
  { lemma: 'rencontrer', pos: 'verb', type: 'Contact.Meet', confidence: 0.75, excludeNear: ['succès', 'problème', 'problèmes', 'difficultés', 'difficulté'], window: 3 },
  { lemma: 'rencontre', pos: 'noun', type: 'Contact.Meet', confidence: 0.65 },
  { lemma: 'réunion', pos: 'noun', type: 'Contact.Meet', confidence: 0.7 },
  { lemma: 'réunir', pos: 'verb', type: 'Contact.Meet', confidence: 0.5, requiresRole: ['person', 'entity'] },
  { lemma: 'sommet', pos: 'noun', type: 'Contact.Meet', confidence: 0.5, requiresRole: ['person', 'entity', 'place'] },
  { lemma: 'entretenir', pos: 'verb', type: 'Contact.Meet', conj: 'irregular', irregular: ENTRETENIR, pronominal: true, confidence: 0.8 },
  { lemma: 'entretien', pos: 'noun', type: 'Contact.Meet', confidence: 0.5, requiresNear: ['avec'], window: 4 },
  { lemma: 'interview', pos: 'noun', type: 'Contact.Meet', confidence: 0.5 },
  { lemma: 'inviter', pos: 'verb', type: 'Contact.Meet', confidence: 0.55, requiresNear: ['podcast', 'émission', 'plateau', 'sommet', 'réunion', 'conférence', 'rencontre', 'studio'], window: 4 },
  { lemma: 'rendre visite', pos: 'verb', type: 'Contact.Meet', conj: 'irregular', irregular: RENDRE_VISITE, confidence: 0.8, frame: { preps: { 'à': { PER: 'entity', ORG: 'entity' } } } },
  { lemma: 'promettre', pos: 'verb', type: 'Contact.Statement', conj: 'irregular', irregular: PROMETTRE, confidence: 0.6 },
  { lemma: 'promesse', pos: 'noun', type: 'Contact.Statement', frame: SPEAKER_AFTER_NOUN, confidence: 0.6 },
  { lemma: 'déclarer', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, requiresRole: ['agent'] },
  { lemma: 'déclaration', pos: 'noun', type: 'Contact.Statement', frame: SPEAKER_AFTER_NOUN, confidence: 0.45, requiresRole: ['agent'] },
  { lemma: 'affirmer', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, requiresRole: ['agent'] },
  { lemma: 'annoncer', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, requiresRole: ['agent'] },
  { lemma: 'annonce', pos: 'noun', type: 'Contact.Statement', frame: SPEAKER_AFTER_NOUN, confidence: 0.5, standalone: true, excludeNear: ['immobilière', 'immobilières', "d'emploi", 'classée', 'classées'], window: 1, examples: ['Cette [annonce] a surpris les marchés.'] },
  { lemma: 'révéler', pos: 'verb', type: 'Contact.Statement', confidence: 0.5, ...SPEAKER, examples: ['Le syndicat {CGT|ORG} a [révélé] l\'accident.'] },
  { lemma: 'indiquer', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, ...SPEAKER, examples: ['La {SNCF|ORG} [indiquait] hier que le trafic reprendrait.'] },
  { lemma: 'préciser', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, ...SPEAKER, examples: ['Le ministère [précise] que les écoles resteront ouvertes.'] },
  { lemma: 'nier', pos: 'verb', type: 'Contact.Statement', confidence: 0.5, ...SPEAKER, examples: ['{Renault|ORG} a [nié] toute fraude.'] },
  { lemma: 'démentir', pos: 'verb', type: 'Contact.Statement', conj: 'irregular', irregular: { pres: ['démens', 'dément', 'démentons', 'démentez', 'démentent'], impf: 'dément', ps: ['démentit', 'démentirent'], fut: 'démentir', subj: 'dément', ppast: 'démenti', ppres: 'démentant' }, confidence: 0.5, ...SPEAKER },
  { lemma: 'dire', pos: 'verb', type: 'Contact.Statement', conj: 'irregular', irregular: DIRE, confidence: 0.4, ...SPEAKER, examples: ['{Marie Curie|PER} se [dit] « très honorée ».'] },
  { lemma: 'ajouter', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER, examples: ['« Nous resterons vigilants », [ajoute] {Paul Martin|PER}.'] },
  { lemma: 'confirmer', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, ...SPEAKER, examples: ['{Airbus|ORG} a [confirmé] la commande.'] },
  { lemma: 'souligner', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER, examples: ['{Anne Hidalgo|PER} a [souligné] l\'urgence de la situation.'] },
  { lemma: 'expliquer', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER, excludeBefore: REFLEXIVES, examples: ['{Paul Martin|PER} [explique] que la grève continuera.'] },
  { lemma: 'rapporter', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER, excludeNear: ['millions', 'milliards', 'euros', 'dollars', 'argent'], window: 4, examples: ['Le porte-parole de la police [rapporte] qu\'aucun blessé n\'est à déplorer.'] },
  { lemma: 'exiger', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, ...SPEAKER, examples: ['Le syndicat [exige] des excuses.'] },
  { lemma: 'revendiquer', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, ...SPEAKER, examples: ['Les deux camps [revendiquent] la victoire.'] },
  { lemma: 'répondre', pos: 'verb', type: 'Contact.Statement', conj: 're', confidence: 0.4, ...SPEAKER, examples: ['{Emmanuel Macron|PER} a [répondu] aux critiques.'] },
  { lemma: 'clarifier', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER },
  { lemma: 'dévoiler', pos: 'verb', type: 'Contact.Statement', confidence: 0.45, ...SPEAKER, examples: ['Le ministre {Bruno Le Maire|PER} a [dévoilé] son plan.'] },
  { lemma: 'constater', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER },
  { lemma: 'saluer', pos: 'verb', type: 'Contact.Statement', confidence: 0.4, ...SPEAKER, examples: ['{Berlin|LOC} a [salué] l\'accord.'] },
  { lemma: 'féliciter', pos: 'verb', type: 'Contact.Statement', pronominal: true, confidence: 0.45, ...SPEAKER, examples: ['Les dirigeants se sont [félicités] de l\'accord.'] },
  { lemma: 'reconnaître', pos: 'verb', type: 'Contact.Statement', conj: 'irregular', irregular: RECONNAITRE, confidence: 0.4, ...SPEAKER, excludeNear: ['coupable', 'coupables', 'comme', 'officiellement'], window: 2 },
  { lemma: 'communiqué', pos: 'noun', type: 'Contact.Statement', frame: SPEAKER_AFTER_NOUN, confidence: 0.4, requiresRole: ['agent'] },

  // ── Life ──
  { lemma: 'naître', pos: 'verb', type: 'Life.Be-Born', conj: 'irregular', irregular: NAITRE, etre: true, confidence: 0.85, requiresRole: ['person', 'place'] },
  { lemma: 'naissance', pos: 'noun', type: 'Life.Be-Born', confidence: 0.6, requiresRole: ['person'], frame: { preps: { de: { PER: 'person' }, 'à': { LOC: 'place' }, en: { LOC: 'place' } } }, examples: ['On fête le bicentenaire de la [naissance] de {Victor Hugo|PER}.'] },
  { lemma: 'mourir', pos: 'verb', type: 'Life.Die', conj: 'irregular', irregular: MOURIR, etre: true, confidence: 0.9 },
  { lemma: 'mort', pos: 'noun', type: 'Life.Die', forms: ['morte', 'mortes'], confidence: 0.6, countedRole: 'victim', excludeBefore: ['peine de', 'condamné à', 'condamnée à', 'arrêt de', 'arrêts de'], examples: ['L\'explosion a fait [12 morts] selon la police.'] },
  { lemma: 'retrouver mort', pos: 'verb', type: 'Life.Die', confidence: 0.9, frame: { passive: { PER: 'victim' } }, examples: ['Un randonneur a été [retrouvé mort] dans la montagne.'] },
  { lemma: 'donner la mort', pos: 'verb', type: 'Life.Die', conj: 'irregular', irregular: DONNER_LA_MORT, pronominal: true, confidence: 0.9, frame: { subject: { PER: 'victim' } }, examples: ['Le détenu s\'est [donné la mort] dans sa cellule.'] },
  { lemma: 'suicide', pos: 'noun', type: 'Life.Die', confidence: 0.7, standalone: true, excludeNear: ['politique', 'collectif', 'assisté'], window: 1, examples: ['Le [suicide] d\'un agriculteur relance le débat.'] },
  { lemma: 'suicider', pos: 'verb', type: 'Life.Die', pronominal: true, confidence: 0.95, examples: ['Le suspect s\'est [suicidé] avant son procès.'] },
  { lemma: 'périr', pos: 'verb', type: 'Life.Die', conj: 'ir', etre: false, confidence: 0.9, forms: ['périt'], examples: ['Cinq marins ont [péri] dans le naufrage.'] },
  { lemma: 'éteindre', pos: 'verb', type: 'Life.Die', conj: 'irregular', irregular: ETEINDRE, pronominal: true, etre: true, confidence: 0.6, requiresRole: ['victim'], examples: ['L\'acteur {Jean Dupont|PER} s\'est [éteint] à l\'âge de 90 ans.'] },
  { lemma: 'perdre la vie', pos: 'verb', type: 'Life.Die', conj: 'irregular', irregular: PERDRE_LA_VIE, confidence: 0.95, examples: ['Deux alpinistes ont [perdu la vie] dans une avalanche.'] },
  { lemma: 'disparition', pos: 'noun', type: 'Life.Die', confidence: 0.5, requiresRole: ['victim'], excludeNear: ['des', 'du', 'forcée', 'forcées', 'inquiétante'], window: 1, examples: ['Hommage après la [disparition] de {Jean Dupont|PER}.'] },
  { lemma: 'décéder', pos: 'verb', type: 'Life.Die', etre: true, confidence: 0.95 },
  { lemma: 'décès', pos: 'noun', type: 'Life.Die', confidence: 0.95, standalone: true, examples: ['La famille a annoncé son [décès] hier soir.'] },
  { lemma: 'succomber', pos: 'verb', type: 'Life.Die', confidence: 0.6, requiresNear: ['blessures', 'blessure', 'suite', 'suites', 'maladie'], window: 4 },
  { lemma: 'tuer', pos: 'verb', type: 'Life.Die', confidence: 0.9, frame: KILL_FRAME },
  { lemma: 'abattre', pos: 'verb', type: 'Life.Die', conj: 'irregular', irregular: ABATTRE, confidence: 0.5, requiresRole: ['victim'], frame: KILL_FRAME },
  { lemma: 'assassiner', pos: 'verb', type: 'Life.Die', confidence: 0.95, frame: KILL_FRAME },
  { lemma: 'assassinat', pos: 'noun', type: 'Life.Die', confidence: 0.95, frame: KILL_FRAME },
  { lemma: 'meurtre', pos: 'noun', type: 'Life.Die', confidence: 0.8, frame: KILL_FRAME },
  { lemma: 'blesser', pos: 'verb', type: 'Life.Injure', confidence: 0.85 },
  { lemma: 'blessure', pos: 'noun', type: 'Life.Injure', confidence: 0.6 },
  { lemma: 'épouser', pos: 'verb', type: 'Life.Marry', confidence: 0.9 },
  { lemma: 'marier', pos: 'verb', type: 'Life.Marry', pronominal: true, confidence: 0.9 },
  { lemma: 'mariage', pos: 'noun', type: 'Life.Marry', confidence: 0.7, excludeNear: ['pour tous', 'homosexuel', 'gay'], window: 2 },

  // ── Movement ──
  { lemma: 'rendre', pos: 'verb', type: 'Movement.Transport', conj: 're', pronominal: true, confidence: 0.7, requiresNear: ['à', 'au', 'aux', 'en', 'dans', 'chez', 'sur'], excludeNear: ['compte', 'coupable', 'responsable', 'utile'], window: 1 },
  { lemma: 'voyager', pos: 'verb', type: 'Movement.Transport', confidence: 0.8 },
  { lemma: 'voyage', pos: 'noun', type: 'Movement.Transport', confidence: 0.6 },
  { lemma: 'visite', pos: 'noun', type: 'Movement.Transport', confidence: 0.55, requiresRole: ['destination', 'agent'] },
  { lemma: 'visiter', pos: 'verb', type: 'Movement.Transport', confidence: 0.6, requiresRole: ['destination'] },
  { lemma: 'déplacement', pos: 'noun', type: 'Movement.Transport', confidence: 0.5, requiresRole: ['destination'] },
  { lemma: 'évacuer', pos: 'verb', type: 'Movement.Transport', confidence: 0.7 },
  { lemma: 'évacuation', pos: 'noun', type: 'Movement.Transport', confidence: 0.7 },
  { lemma: 'transporter', pos: 'verb', type: 'Movement.Transport', confidence: 0.6, examples: ['Le navire [transportait] 300 passagers.'] },
  { lemma: 'décoller', pos: 'verb', type: 'Movement.Transport', confidence: 0.8, frame: { subject: { MISC: 'target', PER: 'target', ORG: 'agent' } }, examples: ['La navette a [décollé] à l\'aube.'] },
  { lemma: 'lancement', pos: 'noun', type: 'Movement.Transport', confidence: 0.6, standalone: true, requiresNear: SPACE_WORDS, window: 5, examples: ['Le [lancement] de la fusée est prévu demain.'] },
  { lemma: 'exiler', pos: 'verb', type: 'Movement.Transport', pronominal: false, confidence: 0.6 },
];
