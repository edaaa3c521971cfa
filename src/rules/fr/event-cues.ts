/**
 * DATA: closed-class French words the event engine reads around a trigger — determiners, prepositions, clause
 * boundaries, the words of a verb group (auxiliaries, modals, clitics, negation, adverbs), anaphors, and the cues of
 * polarity and modality. All lowercase, apostrophe normalized to U+0027.
 */

export const DETERMINERS = new Set([
  'le', 'la', "l'", 'les', 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs',
  'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'notre', 'nos', 'votre', 'vos', 'quelques', 'plusieurs', 'certains', 'certaines',
  'chaque', 'tout', 'toute', 'tous', 'toutes', 'aucun', 'aucune',
]);

/** Third-person possessive determiners: `son départ` → the departure of the salient person. */
export const POSSESSIVES_SINGULAR = new Set(['son', 'sa', 'ses']);

/** Adjectives that may sit between a possessive/determiner and an event noun (`son premier départ`). */
export const NOUN_PREMODIFIERS = new Set([
  'premier', 'première', 'deuxième', 'second', 'seconde', 'troisième', 'dernier', 'dernière', 'nouveau', 'nouvel', 'nouvelle',
  'récent', 'récente', 'prochain', 'prochaine', 'éventuel', 'éventuelle', 'éventuels', 'éventuelles', 'futur', 'future',
  'ancien', 'ancienne', 'brusque', 'soudain', 'soudaine', 'propre', 'double', 'grand', 'grande', 'vaste', 'large', 'brève',
  'bref', 'probable', 'possible', 'potentiel', 'potentielle', 'imminent', 'imminente', 'officiel', 'officielle', 'présumé',
  'présumée', 'massif', 'massive', 'violent', 'violente', 'long', 'longue', 'court', 'courte', 'membre', 'co', 'véritable',
]);

/** Normalized preposition of each surface form (elided and contracted forms folded). */
export const PREPOSITIONS: Record<string, string> = {
  de: 'de', "d'": 'de', du: 'de', des: 'de', 'à': 'à', au: 'à', aux: 'à', chez: 'chez', pour: 'pour', par: 'par', avec: 'avec',
  sur: 'sur', contre: 'contre', dans: 'dans', en: 'en', vers: 'vers', entre: 'entre', depuis: 'depuis', 'après': 'après',
  avant: 'avant', sans: 'sans', sous: 'sous', selon: 'selon', envers: 'envers', comme: 'comme', visant: 'visant', lors: 'lors',
  pendant: 'pendant', durant: 'durant', parmi: 'parmi', malgré: 'malgré', près: 'près',
};

/** Multiword prepositions, matched before single words (token norms; contracted articles listed as variants). */
export const MULTIWORD_PREPOSITIONS: Array<{ words: string[]; prep: string }> = [
  ...['de', 'du', 'des', "d'"].flatMap((last) => [
    { words: ['au', 'sein', last], prep: 'au sein de' },
    { words: ['à', 'la', 'tête', last], prep: 'à la tête de' },
    { words: ['au', 'profit', last], prep: 'au profit de' },
    { words: ['aux', 'côtés', last], prep: 'aux côtés de' },
    { words: ['auprès', last], prep: 'auprès de' },
    { words: ['à', "l'encontre", last], prep: 'contre' },
    { words: ['en', 'faveur', last], prep: 'pour' },
    { words: ['près', last], prep: 'près' },
    { words: ['lors', last], prep: 'lors' },
  ]),
  { words: ['en', 'tant', 'que'], prep: 'comme' },
  { words: ['face', 'à'], prep: 'contre' },
  { words: ['face', 'au'], prep: 'contre' },
];

/** Articles (not clitics) after which a verb form is used as a noun (`les élus`). */
export const ARTICLES = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'ces', 'ce', 'cette', 'ses', 'son', 'sa', 'leurs', 'du', 'au', 'aux', 'nos', 'vos',
  'mes', 'tes', 'notre', 'votre', 'plusieurs', 'quelques', 'certains', 'nombreux', 'nouveaux', 'anciens',
]);
/** Before `le`/`la`/`les`, these make it a clitic pronoun (`il les a licenciés`), not an article. */
export const CLITIC_HOSTS = new Set(['ils', 'elles', 'on', 'qui', 'ne', "n'", 'je', 'nous', 'vous']);
/** Prepositions after which a participle or present form is a noun (`la peine de mort`). */
export const NOUN_MAKING_PREPOSITIONS = new Set(['de', "d'", 'à', 'en', 'par', 'pour', 'sans']);
/** Preposition + article contractions (`au sein du constructeur`). */
export const CONTRACTED_ARTICLES = new Set(['du', 'des', 'au', 'aux']);
/** Determiner-looking words that are (also) prepositions: a segment starting with them is not a subject. */
export const PREPOSITIONS_AS_DETERMINERS = new Set(['du', 'des', 'au', 'aux']);
export const RELATIVE_PRONOUNS = new Set(['qui', 'que', "qu'", 'dont', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles']);
/** Words that introduce an infinitive clause (`pour rendre hommage`): a date across them belongs to another verb. */
export const INFINITIVE_INTRODUCERS = new Set(['pour', 'afin', 'sans', 'avant', 'après']);

/** Words that open a new clause: arguments and time expressions do not cross them. */
export const CLAUSE_BOUNDARY_WORDS = new Set([
  'qui', 'que', "qu'", 'où', 'dont', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'mais', 'car', 'lorsque', "lorsqu'",
  'quand', 'puisque', "puisqu'", 'si', "s'", 'tandis', 'bien', 'quoique', 'parce',
]);

/** `que` after these is not a clause boundary (`en tant que`, `ainsi que`, `plus tôt que`). */
export const QUE_NOT_BOUNDARY_AFTER = new Set(['tant', 'ainsi', 'plus', 'moins', 'autant', 'aussi', 'tôt', 'tard', 'avant', 'même', 'alors', 'dès']);

/** Punctuation that ends a clause for argument search (commas are handled apart: appositions). */
export const STRONG_PUNCT = new Set([';', ':', '.', '!', '?', '…', '«', '»', '"', '“', '”']);

/** Forms of avoir and être used as auxiliaries. */
export const AVOIR_FORMS = new Set(['ai', 'as', 'a', 'avons', 'avez', 'ont', 'avais', 'avait', 'avions', 'aviez', 'avaient', 'aurai', 'auras', 'aura', 'aurons', 'aurez', 'auront', 'aurais', 'aurait', 'aurions', 'auriez', 'auraient', 'aie', 'aies', 'ait', 'ayons', 'ayez', 'aient', 'eu', 'eut', 'eurent', 'avoir', 'ayant']);
export const ETRE_FORMS = new Set(['suis', 'es', 'est', 'sommes', 'êtes', 'sont', 'étais', 'était', 'étions', 'étiez', 'étaient', 'serai', 'seras', 'sera', 'serons', 'serez', 'seront', 'serais', 'serait', 'serions', 'seriez', 'seraient', 'sois', 'soit', 'soyons', 'soyez', 'soient', 'été', 'fut', 'furent', 'être', 'étant']);

/** Modal and aspectual verbs that may stand between the subject and an infinitive trigger. */
export const MODAL_FORMS = new Set([
  'pu', 'dû', 'voulu', 'peut', 'peuvent', 'pouvait', 'pouvaient', 'pourra', 'pourront', 'pourrait', 'pourraient', 'puisse', 'puissent',
  'doit', 'doivent', 'devait', 'devaient', 'devra', 'devront', 'devrait', 'devraient',
  'va', 'vont', 'allait', 'allaient', 'ira', 'iront', 'vient', 'viennent', 'venait', 'venaient', 'venir',
  'veut', 'veulent', 'voulait', 'voulaient', 'voudrait', 'voudraient', 'souhaite', 'souhaitent', 'souhaitait',
  'compte', 'comptent', 'comptait', 'semble', 'semblent', 'semblait', 'paraît', 'tente', 'tentent', 'tenté', 'cherche', 'cherchent',
  'décidé', 'décide', 'décident', 'prévoit', 'prévoient', 'prévu', 'envisage', 'envisagent', 'envisagé', 'promis', 'promet', 'promettent',
  'refuse', 'refusent', 'refusé', 'fini', 'finit', 'failli', 'faire', 'fait', 'laissé', 'choisi', 'accepté', 'accepte', 'menace', 'menacé',
  "s'apprête", "s'apprêtent", 'apprête', 'apprêtent',
]);

/** Clitic pronouns inside a verb group. */
export const CLITICS = new Set(['se', "s'", 'me', "m'", 'te', "t'", 'nous', 'vous', 'le', 'la', "l'", 'les', 'lui', 'leur', 'y', 'en']);
export const REFLEXIVE_CLITICS = new Set(['se', "s'", 'me', "m'", 'te', "t'", 'nous', 'vous']);

export const NEGATION_START = new Set(['ne', "n'"]);
/** Second part of a negation (`ne … pas`). */
export const NEGATION_PARTICLES = new Set(['pas', 'plus', 'jamais', 'guère', 'point', 'aucunement', 'nullement', 'rien', 'aucun', 'aucune', 'ni']);

/** Adverbs often found inside a verb group (besides any word in -ment). */
export const VERB_GROUP_ADVERBS = new Set([
  'déjà', 'aussi', 'bien', 'très', 'alors', 'enfin', 'toujours', 'même', 'encore', 'ainsi', 'ensuite', 'puis', 'donc', 'pourtant',
  'désormais', 'hier', 'aujourd\'hui', 'finalement', 'officiellement', 'récemment', 'peut-être', 'notamment', 'enfin', 'vite',
  'tout', 'trop', 'beaucoup', 'souvent', 'jamais', 'pas', 'plus', 'guère', 'point',
]);
export const PREPOSITION_IN_VERB_GROUP = new Set(['de', "d'", 'à', 'par']);

/** Subject pronouns that refer to one person (or one organization): resolved to the salient antecedent. */
export const SINGULAR_SUBJECT_PRONOUNS = new Set(['il', 'elle']);

/** Titles right before a name that tell a person's gender (for `il`/`elle` agreement). */
export const FEMININE_TITLES = new Set(['mme', 'madame', 'mlle', 'mademoiselle', 'mmes']);
export const MASCULINE_TITLES = new Set(['m.', 'monsieur', 'mr', 'mm.', 'sir']);

/** Head nouns that, after a definite determiner, refer back to an organization already named (`l'entreprise`). */
export const ORG_ANAPHOR_NOUNS = new Set([
  'entreprise', 'société', 'groupe', 'firme', 'constructeur', 'compagnie', 'start-up', 'startup', 'organisation', 'banque',
  'fabricant', 'géant', 'agence', 'institution', 'opérateur', 'club', 'association', 'laboratoire', 'éditeur', 'plateforme',
]);
export const DEFINITE_DETERMINERS = new Set(['le', 'la', "l'", 'cette', 'ce', 'cet']);

/** Verbs of which a following event noun is the object and the subject is the event's agent (`ouvrir une enquête`). */
export const SUPPORT_VERB_LEMMAS = [
  'annoncer', 'confirmer', 'ouvrir', 'lancer', 'mener', 'ordonner', 'décider', 'effectuer', 'subir', 'déposer', 'porter',
  'organiser', 'tenir', 'engager', 'officialiser', 'démentir', 'refuser', 'envisager', 'préparer', 'procéder', 'entamer',
  'prononcer', 'infliger', 'réclamer', 'exiger', 'obtenir', 'signer', 'finaliser', 'conclure', 'revendiquer', 'commettre',
];
/** Irregular forms of support verbs not produced by the -er rules (ouvrir, tenir, …). */
export const SUPPORT_VERB_EXTRA_FORMS = ['ouvert', 'ouverte', 'ouverts', 'ouvre', 'ouvrent', 'ouvrait', 'ouvrira', 'tenu', 'tenue', 'tient', 'tiennent', 'tenait', 'fait', 'faite', 'fait', 'font', 'faisait', 'fera', 'conclu', 'conclut', 'obtenu', 'obtient', 'commis', 'mis', 'mise', 'pris', 'prise', 'eu'];

/** Reporting verbs: an event in their `que` complement is `reported`; `selon X` likewise. */
export const REPORTING_VERB_LEMMAS = [
  'déclarer', 'affirmer', 'annoncer', 'révéler', 'indiquer', 'expliquer', 'confirmer', 'estimer', 'assurer', 'préciser', 'rapporter',
  'raconter', 'souligner', 'ajouter', 'affirmer', 'avouer', 'signaler', 'témoigner', 'clarifier', 'laisser entendre', 'prétendre', 'admettre',
];
export const REPORTING_VERB_EXTRA_FORMS = ['dit', 'dite', 'dits', 'disent', 'disait', 'dira', 'dirait', 'reconnu', 'reconnaît', 'reconnait', 'admis', 'prétend', 'entendre'];
export const REPORTED_CUES = new Set(['selon', "d'après"]);

/** Verbs governing an infinitive or noun that is intended, not done (`prévoit de racheter`, `promet de nommer`). */
export const PLANNING_VERB_LEMMAS = ['envisager', 'projeter', 'promettre', 'engager', 'apprêter', 'décider', 'menacer', 'souhaiter', 'espérer', 'compter', 'planifier', 'préparer', 'proposer'];
export const PLANNING_EXTRA_FORMS = ['prévoit', 'prévoient', 'prévu', 'prévue', 'prévoyait', 'prévoyaient', 'prévoira', 'veut', 'veulent', 'voulait', 'voudrait', 'voudraient', 'promis', 'promet', 'promettent', 'promettant', 'va', 'vont', 'allait', 'allaient', 'ira', 'iront', 'intention', 'projet', 'projets', 'plan', 'plans', 'objectif'];
/** Nouns/adjectives before an event noun that make it planned (`le futur rachat`, `la prochaine élection`). */
export const PLANNED_PREMODIFIERS = new Set(['futur', 'future', 'prochain', 'prochaine', 'prévu', 'prévue', 'projeté', 'projetée']);

/** Conditional modals and adverbs that make an event hypothetical. */
export const HYPOTHETICAL_CUES = new Set([
  'pourrait', 'pourraient', 'pourrais', 'devrait', 'devraient', 'peut-être', 'éventuel', 'éventuelle', 'éventuels', 'éventuelles',
  'possible', 'possibles', 'potentiel', 'potentielle', 'potentiellement', 'hypothétique', 'probable', 'probablement', 'envisageable',
  'spéculer', 'spéculations', 'rumeur', 'rumeurs', 'pourra', 'pourront', 'si', "s'",
]);
/** Words shortly before a trigger that make it speculative (`spéculer sur un retour`). */
export const HYPOTHETICAL_CONTEXT = new Set(['peut-être', 'spéculer', 'spéculations', 'spéculation', 'rumeur', 'rumeurs', 'hypothèse', 'chance', 'chances', 'risque', 'risquerait']);
/** Conditional auxiliaries: + past participle = journalistic conditional (`aurait quitté`) → reported. */
export const CONDITIONAL_AUXILIARIES = new Set(['aurait', 'auraient', 'serait', 'seraient']);

/** Governing words that deny what follows (`refuse de`, `renonce à`, `dément`). */
export const NEGATING_GOVERNORS = new Set(['refuse', 'refusent', 'refusé', 'renonce', 'renoncent', 'renoncé', 'dément', 'démentent', 'démenti', 'nie', 'nient', 'nié', 'exclut', 'exclu', 'écarté', 'écarte', 'annulé', 'annule', 'annulation', 'abandonné', 'abandonne']);
/** Words right before an event noun that negate it (`aucun licenciement`, `sans arrestation`, `pas de départ`). */
export const NOUN_NEGATORS = new Set(['aucun', 'aucune', 'sans', 'ni', 'absence', 'nul', 'nulle']);

/** Words right before a time expression that make it a bound or deadline, not the time of the event. */
export const TIME_BOUND_PREFIXES = ["jusqu'", "jusqu'à", "jusqu'en", "jusqu'au", "d'ici", 'avant', 'après'];

/** First words of a sentence-initial adverbial whose time expression frames the whole main clause. */
export const FRONTED_TIME_STARTERS = new Set([
  'en', 'le', 'la', "l'", 'lors', 'après', 'avant', 'dès', 'depuis', 'au', 'fin', 'début', 'mi', 'courant', 'hier', "aujourd'hui",
  'demain', 'cette', 'ce', 'cet', 'il', 'vers', 'à', 'durant', 'pendant', 'au', 'dans', 'le', 'dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
]);

/** Words that start a fronted subordinate/participial clause whose possessives point forward (`Après son départ, X …`). */
export const FRONTED_CLAUSE_STARTERS = new Set(['après', 'avant', 'en', 'lors', 'depuis', 'malgré', 'pour', 'dès', 'suite', 'à', 'au', 'peu']);

/**
 * Nouns that introduce a medium (`la chaîne France 2`, `la radio France Inter`, `le quotidien Le Monde`): a name they
 * introduce anywhere in the article is a channel or a paper, never an event's place.
 */
export const MEDIA_NOUNS = new Set([
  'chaîne', 'chaînes', 'radio', 'radios', 'télévision', 'antenne', 'journal', 'quotidien', 'hebdomadaire', 'mensuel', 'magazine',
  'émission', 'agence', 'média', 'médias',
]);

/**
 * A vehicle or craft is never a person, an agent or a victim (`le Boeing 737 d'Air France a transporté…`: the airline
 * or nobody is the agent). Nouns that introduce one (`l'avion X`), and makers whose name opens a craft's (`Airbus A320`).
 */
export const VEHICLE_NOUNS = new Set([
  'avion', 'avions', 'appareil', 'hélicoptère', 'navire', 'bateau', 'cargo', 'paquebot', 'ferry', 'sous-marin', 'porte-avions', 'fusée',
  'lanceur', 'capsule', 'sonde', 'satellite', 'vaisseau', 'navette', 'train', 'tgv', 'camion', 'voiture', 'drone', 'char', 'vol',
]);
export const VEHICLE_MAKERS = new Set([
  'boeing', 'airbus', 'douglas', 'mcdonnell', 'antonov', 'tupolev', 'iliouchine', 'ilyushin', 'embraer', 'bombardier', 'cessna', 'atr',
  'sukhoï', 'soukhoï', 'mig', 'falcon', 'ariane', 'soyouz', 'proton', 'concorde',
]);

/** Street-like nouns that make the name after them a location with no preposition (`place Bellecour`, `rue Oberkampf`). */
export const PLACE_NOUNS = new Set(['place', 'rue', 'avenue', 'boulevard', 'quai', 'parvis', 'esplanade', 'square', 'cours', 'allée', 'route', 'pont', 'port', 'plage', 'parc']);

/** Holidays and feasts the NER model may tag as places: never an event's place, origin or destination (`lors de Halloween`). */
export const HOLIDAY_NAMES = new Set([
  'halloween', 'noel', 'paques', 'toussaint', 'ramadan', 'aid', 'aid el-kebir', 'aid el-fitr', 'hanoucca', 'kippour', 'yom kippour', 'nouvel an',
  'saint-valentin', 'saint-sylvestre', 'pentecote', 'ascension', 'careme', 'thanksgiving', 'diwali', 'epiphanie', 'mardi gras', 'fete nationale',
]);
