/**
 * DATA: common nouns that head a participant phrase with no name (`deux gendarmes`, `la police`, `un hôtel`), by the
 * entity label the role frames read (src/rules/fr/event-frames.ts): people → PER, organized groups and institutions →
 * ORG, buildings and sites → LOC (an attack's target, never an event's `place`: places are named LOC/GPE only),
 * vehicles and artifacts → MISC. Singular forms; plurals (`-s`, `-x`, `-al` → `-aux`) are derived. A noun not listed
 * heads no participant: an unknown phrase is left out rather than given a role by guess.
 * `NOUN_CLASS_EXAMPLES` are tests (test/events/nominals.test.ts): the bracketed phrase is a participant of that label.
 */
import type { EntityLabel } from '../../vocabulary.js';

export const NOUN_CLASSES: Record<EntityLabel, string[]> = {
  PER: [
    'personne', 'gens', 'homme', 'femme', 'enfant', 'bébé', 'fille', 'garçon', 'fils', 'père', 'mère', 'frère', 'sœur', 'mari', 'épouse', 'veuve',
    'jeune', 'adolescent', 'adolescente', 'adulte', 'habitant', 'habitante', 'citoyen', 'citoyenne', 'civil', 'passager', 'passagère', 'touriste',
    'victime', 'mort', 'blessé', 'blessée', 'otage', 'survivant', 'suspect', 'suspecte', 'assaillant', 'agresseur', 'tireur', 'kamikaze', 'terroriste',
    'auteur', 'rebelle', 'insurgé', 'militant', 'militante', 'manifestant', 'manifestante', 'partisan', 'partisane', 'opposant', 'opposante', 'électeur',
    'gendarme', 'policier', 'policière', 'soldat', 'militaire', 'officier', 'pompier', 'secouriste', 'douanier', 'garde',
    'employé', 'employée', 'salarié', 'salariée', 'ouvrier', 'ouvrière', 'travailleur', 'travailleuse', 'postier', 'postière', 'agent', 'encadrant',
    'collègue', 'cadre', 'chef', 'dirigeant', 'dirigeante', 'directeur', 'directrice', 'responsable', 'patron', 'patronne', 'président', 'présidente',
    'ministre', 'député', 'sénateur', 'maire', 'candidat', 'candidate', 'élu', 'élue', 'diplomate', 'ambassadeur', 'porte-parole', 'juge', 'procureur',
    'avocat', 'avocate', 'journaliste', 'reporter', 'photographe', 'analyste', 'expert', 'chercheur', 'chercheuse', 'scientifique', 'ingénieur',
    'médecin', 'infirmier', 'infirmière', 'élève', 'étudiant', 'étudiante', 'professeur', 'enseignant', 'enseignante', 'pilote', 'conducteur',
    'chauffeur', 'joueur', 'joueuse', 'athlète', 'entraîneur', 'sportif', 'champion', 'championne', 'artiste', 'chanteur', 'chanteuse', 'acteur',
    'actrice', 'écrivain', 'auteure', 'graphiste', 'astronaute', 'membre', 'fondateur', 'fondatrice', 'observateur', 'spécialiste', 'témoin',
    'randonneur', 'alpiniste', 'marin', 'pêcheur', 'migrant', 'réfugié', 'réfugiée', 'détenu', 'détenue', 'prisonnier', 'prisonnière', 'supporter',
    'spectateur', 'cycliste', 'motard', 'piéton', 'automobiliste', 'mineur', 'fidèle', 'pèlerin', 'villageois', 'agriculteur', 'commerçant',
  ],
  ORG: [
    'police', 'gendarmerie', 'armée', 'gouvernement', 'justice', 'parquet', 'tribunal', 'cour', 'commission', 'ministère', 'parlement', 'assemblée',
    'sénat', 'conseil', 'parti', 'syndicat', 'centrale', 'fédération', 'confédération', 'entreprise', 'société', 'groupe', 'firme', 'constructeur',
    'compagnie', 'banque', 'agence', 'association', 'organisation', 'régime', 'coalition', 'force', 'équipe', 'club', 'direction', 'administration',
    'secte', 'opposition', 'mairie', 'municipalité', 'préfecture', 'opérateur', 'fabricant', 'laboratoire', 'autorité', 'collectif', 'mouvement',
    'majorité', 'partie', 'camp', 'junte', 'milice', 'brigade', 'service', 'start-up', 'filiale', 'enseigne', 'chaîne', 'journal', 'rédaction', 'commune',
  ],
  LOC: [
    'hôtel', 'église', 'mosquée', 'synagogue', 'temple', 'école', 'lycée', 'université', 'hôpital', 'clinique', 'prison', 'commissariat', 'caserne',
    'base', 'ambassade', 'consulat', 'bâtiment', 'immeuble', 'maison', 'domicile', 'bureau', 'siège', 'usine', 'centrale', 'magasin', 'marché',
    'restaurant', 'bar', 'gare', 'aéroport', 'port', 'stade', 'village', 'quartier', 'ville', 'menuiserie', 'imprimerie', 'station', 'site',
  ],
  MISC: [
    'avion', 'appareil', 'hélicoptère', 'fusée', 'lanceur', 'capsule', 'navette', 'satellite', 'sonde', 'véhicule', 'voiture', 'camion', 'train',
    'navire', 'bateau', 'ferry', 'bus', 'drone', 'missile', 'colis', 'cargaison', 'matériel', 'marchandise', 'console', 'machine', 'robot',
  ],
};

/** `[phrase]` in each example is a participant phrase of the given label. */
export const NOUN_CLASS_EXAMPLES: Array<{ text: string; label: EntityLabel; head: string; count?: number }> = [
  { text: '[deux gendarmes] ont été tués mercredi.', label: 'PER', head: 'gendarmes', count: 2 },
  { text: '[La police municipale] a évacué le quartier.', label: 'ORG', head: 'police' },
  { text: 'Les rebelles ont attaqué [un hôtel].', label: 'LOC', head: 'hôtel' },
  { text: "L'attaque a fait [14 morts].", label: 'PER', head: 'morts', count: 14 },
  { text: '[Une vingtaine de personnes] ont été blessées.', label: 'PER', head: 'personnes', count: 20 },
  { text: '[La fusée] a décollé sans problème.', label: 'MISC', head: 'fusée' },
];

/** Head noun (any form) → label. `centrale` is listed twice (power plant, trade-union federation): the first class wins. */
export function buildNounClassIndex(classes: Record<EntityLabel, string[]> = NOUN_CLASSES): Map<string, EntityLabel> {
  const index = new Map<string, EntityLabel>();
  for (const label of ['PER', 'ORG', 'LOC', 'MISC'] as EntityLabel[]) {
    for (const noun of classes[label]) {
      const forms = [noun, noun + 's', noun.endsWith('eau') || noun.endsWith('eu') ? noun + 'x' : '', noun.endsWith('al') ? noun.slice(0, -2) + 'aux' : ''];
      for (const f of forms) if (f !== '' && !index.has(f)) index.set(f, label);
    }
  }
  return index;
}
