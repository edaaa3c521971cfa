/**
 * DATA: default role frame of each event type — which role a PER/ORG/LOC/MISC mention gets in each syntactic slot
 * around the trigger (see RoleFrame in src/rules/schema.ts). A trigger row may override any slot.
 * Prepositions are normalized (`du`/`des`/`d'` → `de`, `au`/`aux` → `à`; multiword ones as written).
 */
import type { EventType, Role } from '../../vocabulary.js';
import type { RoleFrame } from '../schema.js';

// An organization the NER model tagged MISC (a product-like name: `OpenAI`, `Wikiversity`) still fills the
// organization slots that only an organization can fill (`chez X`, `fondateur de X`).

/** Places: à/en/dans/au sein de a location. */
const PLACE_PREPS = { 'à': { LOC: 'place' }, en: { LOC: 'place' }, dans: { LOC: 'place' }, près: { LOC: 'place' } } as const;

/** Taking up and leaving a position have the same participants in the same places. */
const personnelChange: RoleFrame = {
  subject: { PER: 'person', ORG: 'organization' },
  object: { ORG: 'organization', PER: 'person', MISC: 'organization' },
  passive: { PER: 'person' },
  preps: {
    de: { PER: 'person', ORG: 'organization', MISC: 'organization' },
    chez: { ORG: 'organization', MISC: 'organization' },
    'au sein de': { ORG: 'organization', MISC: 'organization' },
    'à la tête de': { ORG: 'organization' },
    par: { ORG: 'organization' },
    'à': { ORG: 'organization', LOC: 'place' },
    en: { LOC: 'place' },
  },
  fallback: { PER: 'person', ORG: 'organization' },
};

const nominate: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'person' },
  passive: { PER: 'person' },
  preps: {
    de: { PER: 'person', ORG: 'organization' },
    par: { PER: 'agent', ORG: 'agent' },
    'à': { ORG: 'organization', LOC: 'place' },
    'à la tête de': { ORG: 'organization', LOC: 'place' },
    comme: { ORG: 'organization' },
    chez: { ORG: 'organization' },
  },
  fallback: { PER: 'person', ORG: 'organization' },
};

const elect: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'person' },
  passive: { PER: 'person' },
  preps: {
    de: { PER: 'person', ORG: 'organization', LOC: 'place' },
    par: { PER: 'agent', ORG: 'agent' },
    'à': { ORG: 'organization', LOC: 'place' },
    'à la tête de': { ORG: 'organization', LOC: 'place' },
    en: { LOC: 'place' },
  },
  // Not PER: the people around `l'élection présidentielle` are often candidates who were not elected.
  fallback: { LOC: 'place' },
};

const startOrg: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { ORG: 'organization', MISC: 'organization' },
  passive: { ORG: 'organization', MISC: 'organization' },
  preps: { de: { ORG: 'organization', MISC: 'organization' }, par: { PER: 'agent', ORG: 'agent' }, ...PLACE_PREPS },
  fallback: { ORG: 'organization', PER: 'agent' },
};

const endOrg: RoleFrame = {
  subject: { ORG: 'organization', PER: 'agent' },
  object: { ORG: 'organization' },
  passive: { ORG: 'organization' },
  preps: { de: { ORG: 'organization', LOC: 'place' }, par: { ORG: 'agent', PER: 'agent' }, ...PLACE_PREPS },
  fallback: { ORG: 'organization', LOC: 'place' },
};

const mergeOrg: RoleFrame = {
  subject: { ORG: 'organization' },
  object: { ORG: 'organization' },
  passive: { ORG: 'organization' },
  preps: { de: { ORG: 'organization' }, avec: { ORG: 'organization' }, entre: { ORG: 'organization' }, 'à': { ORG: 'organization' } },
  fallback: { ORG: 'organization' },
};

const bankruptcy: RoleFrame = {
  subject: { ORG: 'organization', PER: 'organization' },
  object: {},
  passive: { ORG: 'organization' },
  preps: { de: { ORG: 'organization' }, ...PLACE_PREPS },
  fallback: { ORG: 'organization' },
};

const transferMoney: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: {},
  passive: {},
  preps: {
    pour: { ORG: 'beneficiary', PER: 'beneficiary' },
    'à': { ORG: 'beneficiary', PER: 'beneficiary' },
    dans: { ORG: 'beneficiary' },
    'au profit de': { ORG: 'beneficiary', PER: 'beneficiary' },
    'auprès de': { ORG: 'agent', PER: 'agent' },
    de: { ORG: 'agent', PER: 'agent' },
    par: { ORG: 'agent', PER: 'agent' },
    en: { LOC: 'place' },
  },
  fallback: { ORG: 'agent', PER: 'agent' },
};

const transferOwnership: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { ORG: 'target', MISC: 'target' },
  passive: { ORG: 'target', MISC: 'target' },
  preps: {
    de: { ORG: 'target', MISC: 'target', PER: 'target' },
    par: { ORG: 'agent', PER: 'agent' },
    'à': { ORG: 'beneficiary', PER: 'beneficiary' },
    'auprès de': { ORG: 'beneficiary', PER: 'beneficiary' },
    pour: {},
  },
  fallback: { ORG: 'target' },
};

const justiceAgainst: RoleFrame = {
  subject: { ORG: 'agent', PER: 'agent' },
  object: { PER: 'target', ORG: 'target' },
  passive: { PER: 'target', ORG: 'target' },
  preps: {
    sur: { PER: 'target', ORG: 'target', MISC: 'target' },
    contre: { PER: 'target', ORG: 'target' },
    visant: { PER: 'target', ORG: 'target' },
    de: { ORG: 'agent', PER: 'target' },
    par: { ORG: 'agent', PER: 'agent' },
    'à': { LOC: 'place' },
    en: { LOC: 'place' },
  },
  fallback: { ORG: 'agent', PER: 'target' },
};

const justicePerson: RoleFrame = {
  subject: { ORG: 'agent', PER: 'agent' },
  object: { PER: 'person', ORG: 'person' },
  passive: { PER: 'person', ORG: 'person' },
  preps: {
    de: { PER: 'person', ORG: 'person' },
    par: { ORG: 'agent', PER: 'agent' },
    contre: { PER: 'person', ORG: 'person' },
    'à': { LOC: 'place' },
    en: { LOC: 'place' },
  },
  fallback: { PER: 'person', LOC: 'place' },
};

const attack: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'target', ORG: 'target', LOC: 'target' },
  passive: { PER: 'target', ORG: 'target', LOC: 'target' },
  preps: { contre: { PER: 'target', ORG: 'target', LOC: 'target' }, de: { ORG: 'agent', PER: 'agent' }, par: { ORG: 'agent', PER: 'agent' }, sur: { LOC: 'place', ORG: 'target' }, ...PLACE_PREPS },
  fallback: { LOC: 'place' },
};

const demonstrate: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: {},
  passive: {},
  preps: { contre: { PER: 'target', ORG: 'target' }, de: { ORG: 'agent' }, ...PLACE_PREPS },
  fallback: { LOC: 'place', ORG: 'agent' },
};

const meet: RoleFrame = {
  subject: { PER: 'person', ORG: 'person' },
  object: { PER: 'entity', ORG: 'entity' },
  passive: { PER: 'person', ORG: 'person' },
  preps: {
    avec: { PER: 'entity', ORG: 'entity' },
    de: { PER: 'entity', ORG: 'entity' },
    dans: { PER: 'entity' },
    par: { PER: 'entity', ORG: 'entity' },
    entre: { PER: 'person', ORG: 'person' },
    'à': { LOC: 'place' },
    en: { LOC: 'place' },
  },
  fallback: { PER: 'entity', LOC: 'place' },
};

const statement: RoleFrame = {
  // `Bruxelles a salué`: a capital speaks for its government.
  subject: { PER: 'agent', ORG: 'agent', LOC: 'agent' },
  // Inverted subject after a reporting verb: `…, a annoncé Mario Draghi.`
  object: { PER: 'agent' },
  passive: {},
  // `de X` names the speaker only after a noun (`la promesse d'Elon Musk`): set per row.
  preps: { 'à': { PER: 'target', ORG: 'target' }, par: { PER: 'agent', ORG: 'agent' } },
  fallback: {},
};

const life: RoleFrame = {
  subject: { PER: 'victim' },
  object: {},
  passive: { PER: 'victim' },
  preps: { de: { PER: 'victim' }, 'à': { LOC: 'place' }, en: { LOC: 'place' }, dans: { LOC: 'place' }, près: { LOC: 'place' } },
  fallback: { LOC: 'place' },
};

const violentLife: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'victim' },
  passive: { PER: 'victim' },
  preps: { de: { PER: 'victim' }, par: { PER: 'agent', ORG: 'agent' }, 'à': { LOC: 'place' }, en: { LOC: 'place' }, dans: { LOC: 'place' } },
  fallback: { LOC: 'place' },
};

const born: RoleFrame = {
  subject: { PER: 'person' },
  object: {},
  passive: { PER: 'person' },
  // Not `de X`: `né de parents italiens`, `la crise née de l'ouragan`.
  preps: { 'à': { LOC: 'place' }, en: { LOC: 'place' }, dans: { LOC: 'place' } },
  fallback: { LOC: 'place' },
};

const marry: RoleFrame = {
  subject: { PER: 'person' },
  object: { PER: 'person' },
  passive: { PER: 'person' },
  preps: { avec: { PER: 'person' }, de: { PER: 'person' }, entre: { PER: 'person' }, 'à': { LOC: 'place' }, en: { LOC: 'place' } },
  fallback: { LOC: 'place' },
};

const transport: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { LOC: 'destination', PER: 'target' },
  passive: { PER: 'target' },
  preps: {
    'à': { LOC: 'destination' },
    en: { LOC: 'destination' },
    vers: { LOC: 'destination' },
    pour: { LOC: 'destination' },
    de: { LOC: 'origin', PER: 'agent' },
    depuis: { LOC: 'origin' },
    dans: { LOC: 'destination' },
  },
  fallback: { LOC: 'destination' },
};

export const ROLE_FRAMES: Record<EventType, RoleFrame> = {
  'Personnel.Start-Position': personnelChange,
  'Personnel.End-Position': personnelChange,
  'Personnel.Nominate': nominate,
  'Personnel.Elect': elect,
  'Business.Start-Org': startOrg,
  'Business.End-Org': endOrg,
  'Business.Merge-Org': mergeOrg,
  'Business.Declare-Bankruptcy': bankruptcy,
  'Transaction.Transfer-Money': transferMoney,
  'Transaction.Transfer-Ownership': transferOwnership,
  'Justice.Investigate': justiceAgainst,
  'Justice.Arrest-Jail': justicePerson,
  'Justice.Charge-Indict': justicePerson,
  'Justice.Trial-Hearing': justicePerson,
  'Justice.Sue': justiceAgainst,
  'Justice.Convict': justicePerson,
  'Justice.Sentence': justicePerson,
  'Justice.Fine': justicePerson,
  'Conflict.Attack': attack,
  'Conflict.Demonstrate': demonstrate,
  'Contact.Meet': meet,
  'Contact.Statement': statement,
  'Life.Be-Born': born,
  'Life.Die': life,
  'Life.Injure': violentLife,
  'Life.Marry': marry,
  'Movement.Transport': transport,
};

/**
 * Roles that make an event worth recording: an event none of whose participants plays one of these is dropped
 * (a `recrutement` with only a place, a `rencontre` with only a place).
 */
export const CORE_ROLES: Record<EventType, Role[]> = {
  'Personnel.Start-Position': ['person', 'organization'],
  'Personnel.End-Position': ['person', 'organization'],
  'Personnel.Nominate': ['person', 'organization'],
  'Personnel.Elect': ['person', 'place', 'organization'],
  'Business.Start-Org': ['organization', 'agent'],
  'Business.End-Org': ['organization', 'agent', 'place'],
  'Business.Merge-Org': ['organization'],
  'Business.Declare-Bankruptcy': ['organization'],
  'Transaction.Transfer-Money': ['agent', 'beneficiary'],
  'Transaction.Transfer-Ownership': ['target', 'agent'],
  'Justice.Investigate': ['agent', 'target'],
  'Justice.Arrest-Jail': ['person', 'agent', 'place'],
  'Justice.Charge-Indict': ['person', 'agent'],
  'Justice.Trial-Hearing': ['person', 'agent'],
  'Justice.Sue': ['agent', 'target'],
  'Justice.Convict': ['person', 'agent'],
  'Justice.Sentence': ['person', 'agent'],
  'Justice.Fine': ['person', 'agent'],
  'Conflict.Attack': ['agent', 'target', 'place'],
  'Conflict.Demonstrate': ['agent', 'target', 'place'],
  'Contact.Meet': ['person', 'entity'],
  'Contact.Statement': ['agent'],
  'Life.Be-Born': ['person'],
  'Life.Die': ['victim', 'agent', 'place'],
  'Life.Injure': ['victim', 'agent', 'place'],
  'Life.Marry': ['person'],
  'Movement.Transport': ['agent', 'target', 'destination', 'origin'],
};

/** Frame for a Life.Die trigger whose subject is the killer (`tuer`, `abattre`), set per row. */
export const KILL_FRAME: RoleFrame = violentLife;
