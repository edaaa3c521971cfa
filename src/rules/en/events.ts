/**
 * DATA: English event triggers and role frames for the English event engine (src/lang/en/events.ts). Same row format,
 * event types, roles and core roles as the French table (src/rules/fr/triggers.ts, src/rules/fr/event-frames.ts);
 * lemmas are matched against compromise's root form of each word (`resigned` → `resign`, `attacks` → `attack`), so
 * only dictionary forms are listed. A multiword lemma (`step down`) matches the root of its first word followed by the
 * other words as written. Examples (tests in test/lang/en-events.test.ts):
 *   `Smith resigned from Acme` → Personnel.End-Position [person=Smith, organization=Acme];
 *   `Police arrested Jones in Leeds` → Justice.Arrest-Jail [person=Jones, place=Leeds];
 *   `Obama did not meet Putin` → Contact.Meet, polarity negative.
 */
import type { EventType } from '../../vocabulary.js';
import type { RoleFrame, TriggerRow } from '../schema.js';

const row = (lemma: string, pos: 'verb' | 'noun', type: EventType, confidence: number, extra: Partial<TriggerRow> = {}): TriggerRow => ({ lemma, pos, type, confidence, ...extra });

/** Money words: `pay` and `raise` are transfers only near an amount. */
const MONEY = ['$', '€', '£', 'million', 'billion', 'dollars', 'euros', 'pounds', 'yen', 'cents', 'funds', 'funding', 'share', 'shares'];

export const EN_TRIGGERS: TriggerRow[] = [
  // ── Personnel ──
  row('resign', 'verb', 'Personnel.End-Position', 0.9, { examples: ['{John Smith|PER} [resigned] from {Acme|ORG} on Tuesday.'] }),
  row('resignation', 'noun', 'Personnel.End-Position', 0.9),
  row('step down', 'verb', 'Personnel.End-Position', 0.9),
  row('quit', 'verb', 'Personnel.End-Position', 0.7, { requiresRole: ['person', 'organization'] }),
  row('fire', 'verb', 'Personnel.End-Position', 0.6, { requiresRole: ['person'], excludeNear: ['shot', 'shots', 'missile', 'missiles', 'rocket', 'rockets', 'gun', 'weapon', 'on'], window: 3 }),
  row('dismiss', 'verb', 'Personnel.End-Position', 0.6, { requiresRole: ['person'], excludeNear: ['claim', 'claims', 'case', 'charges', 'suit', 'lawsuit', 'idea', 'report', 'reports'], window: 3 }),
  row('oust', 'verb', 'Personnel.End-Position', 0.85),
  row('retire', 'verb', 'Personnel.End-Position', 0.75, { requiresRole: ['person'] }),
  row('retirement', 'noun', 'Personnel.End-Position', 0.6, { requiresRole: ['person'] }),
  row('hire', 'verb', 'Personnel.Start-Position', 0.85, { examples: ['{Acme|ORG} [hired] {John Smith|PER} last year.'] }),
  row('join', 'verb', 'Personnel.Start-Position', 0.6, { requiresRole: ['organization'] }),
  row('appoint', 'verb', 'Personnel.Nominate', 0.9, { examples: ['{Joe Biden|PER} [appointed] {Janet Yellen|PER} to the post.'] }),
  row('appointment', 'noun', 'Personnel.Nominate', 0.85),
  row('name', 'verb', 'Personnel.Nominate', 0.55, { requiresNear: ['chief', 'president', 'chairman', 'director', 'head', 'ceo', 'minister', 'as', 'to', 'executive', 'coach'], window: 6, requiresRole: ['person'] }),
  row('nominate', 'verb', 'Personnel.Nominate', 0.9),
  row('nomination', 'noun', 'Personnel.Nominate', 0.8),
  row('elect', 'verb', 'Personnel.Elect', 0.9, { examples: ['{Emmanuel Macron|PER} was [elected] president of {France|LOC}.'] }),
  row('election', 'noun', 'Personnel.Elect', 0.8),
  row('re-elect', 'verb', 'Personnel.Elect', 0.9),

  // ── Business ──
  row('found', 'verb', 'Business.Start-Org', 0.6, { requiresRole: ['organization', 'agent'] }),
  row('launch', 'verb', 'Business.Start-Org', 0.5, { requiresRole: ['organization'] }),
  row('merge', 'verb', 'Business.Merge-Org', 0.9, { examples: ['{Exxon|ORG} [merged] with {Mobil|ORG}.'] }),
  row('merger', 'noun', 'Business.Merge-Org', 0.9),
  row('bankruptcy', 'noun', 'Business.Declare-Bankruptcy', 0.85),
  row('acquire', 'verb', 'Transaction.Transfer-Ownership', 0.85, { examples: ['{Google|ORG} [acquired] {YouTube|ORG} in 2006.'] }),
  row('acquisition', 'noun', 'Transaction.Transfer-Ownership', 0.85),
  row('buy', 'verb', 'Transaction.Transfer-Ownership', 0.6, { requiresRole: ['target'] }),
  row('sell', 'verb', 'Transaction.Transfer-Ownership', 0.6, { requiresRole: ['target'] }),
  row('takeover', 'noun', 'Transaction.Transfer-Ownership', 0.85),
  row('pay', 'verb', 'Transaction.Transfer-Money', 0.6, { requiresNear: MONEY, window: 8 }),
  row('donate', 'verb', 'Transaction.Transfer-Money', 0.85),
  row('invest', 'verb', 'Transaction.Transfer-Money', 0.7),
  row('investment', 'noun', 'Transaction.Transfer-Money', 0.6, { requiresNear: MONEY, window: 6 }),
  row('raise', 'verb', 'Transaction.Transfer-Money', 0.5, { requiresNear: MONEY, window: 4 }),

  // ── Justice ──
  row('investigate', 'verb', 'Justice.Investigate', 0.85),
  row('investigation', 'noun', 'Justice.Investigate', 0.8),
  row('probe', 'noun', 'Justice.Investigate', 0.75),
  row('arrest', 'verb', 'Justice.Arrest-Jail', 0.95, { examples: ['Police [arrested] {John Smith|PER} in {Boston|LOC}.'] }),
  row('arrest', 'noun', 'Justice.Arrest-Jail', 0.9),
  row('detain', 'verb', 'Justice.Arrest-Jail', 0.9),
  row('jail', 'verb', 'Justice.Arrest-Jail', 0.9),
  row('imprison', 'verb', 'Justice.Arrest-Jail', 0.9),
  row('charge', 'verb', 'Justice.Charge-Indict', 0.6, { requiresNear: ['with', 'murder', 'fraud', 'crime', 'crimes', 'offence', 'offense', 'counts', 'count', 'over', 'in'], window: 6 }),
  row('indict', 'verb', 'Justice.Charge-Indict', 0.95),
  row('indictment', 'noun', 'Justice.Charge-Indict', 0.9),
  row('trial', 'noun', 'Justice.Trial-Hearing', 0.85),
  row('hearing', 'noun', 'Justice.Trial-Hearing', 0.6, { requiresRole: ['person', 'agent'] }),
  row('sue', 'verb', 'Justice.Sue', 0.95, { examples: ['{Microsoft|ORG} [sued] {Apple|ORG} in {California|LOC}.'] }),
  row('lawsuit', 'noun', 'Justice.Sue', 0.9),
  row('convict', 'verb', 'Justice.Convict', 0.95),
  row('conviction', 'noun', 'Justice.Convict', 0.8),
  row('sentence', 'verb', 'Justice.Sentence', 0.9),
  row('fine', 'verb', 'Justice.Fine', 0.8),

  // ── Conflict ──
  row('attack', 'verb', 'Conflict.Attack', 0.85),
  row('attack', 'noun', 'Conflict.Attack', 0.85),
  row('bomb', 'verb', 'Conflict.Attack', 0.9),
  row('bombing', 'noun', 'Conflict.Attack', 0.95),
  row('invade', 'verb', 'Conflict.Attack', 0.9),
  row('invasion', 'noun', 'Conflict.Attack', 0.9),
  row('strike', 'noun', 'Conflict.Attack', 0.5, { requiresNear: ['air', 'missile', 'drone', 'military'], window: 2 }),
  row('shoot', 'verb', 'Conflict.Attack', 0.7),
  row('protest', 'verb', 'Conflict.Demonstrate', 0.85),
  row('protest', 'noun', 'Conflict.Demonstrate', 0.8),
  row('demonstration', 'noun', 'Conflict.Demonstrate', 0.8),
  row('rally', 'noun', 'Conflict.Demonstrate', 0.6),
  row('march', 'verb', 'Conflict.Demonstrate', 0.6, { requiresRole: ['agent'] }),
  row('demonstrate', 'verb', 'Conflict.Demonstrate', 0.7),
  row('explosion', 'noun', 'Conflict.Attack', 0.6),
  row('blast', 'noun', 'Conflict.Attack', 0.6),

  // ── Contact ──
  row('meet', 'verb', 'Contact.Meet', 0.85, { examples: ['{Barack Obama|PER} [met] {Vladimir Putin|PER} in {Moscow|LOC}.'] }),
  row('meeting', 'noun', 'Contact.Meet', 0.75),
  row('summit', 'noun', 'Contact.Meet', 0.85),
  row('talk', 'noun', 'Contact.Meet', 0.5, { requiresRole: ['person', 'entity'] }),
  row('say', 'verb', 'Contact.Statement', 0.5),
  row('announce', 'verb', 'Contact.Statement', 0.6),
  row('announcement', 'noun', 'Contact.Statement', 0.55),
  row('declare', 'verb', 'Contact.Statement', 0.55),
  row('state', 'verb', 'Contact.Statement', 0.5),
  row('tell', 'verb', 'Contact.Statement', 0.5),
  row('warn', 'verb', 'Contact.Statement', 0.6),
  row('claim', 'verb', 'Contact.Statement', 0.5),
  row('deny', 'verb', 'Contact.Statement', 0.55),
  row('promise', 'verb', 'Contact.Statement', 0.6),
  row('statement', 'noun', 'Contact.Statement', 0.5),
  row('insist', 'verb', 'Contact.Statement', 0.5),
  row('suggest', 'verb', 'Contact.Statement', 0.45),
  row('add', 'verb', 'Contact.Statement', 0.4, { requiresNear: ['that'], window: 1 }),
  row('urge', 'verb', 'Contact.Statement', 0.55),
  row('call on', 'verb', 'Contact.Statement', 0.55),
  row('accuse', 'verb', 'Contact.Statement', 0.55),
  row('interview', 'noun', 'Contact.Meet', 0.5, { requiresRole: ['entity', 'person'] }),

  // ── Life ──
  row('die', 'verb', 'Life.Die', 0.95, { examples: ['{John Smith|PER} [died] in {Paris|LOC}.'] }),
  row('death', 'noun', 'Life.Die', 0.9),
  row('kill', 'verb', 'Life.Die', 0.95, { examples: ['{Ahmed Ali|PER} was [killed] in {Baghdad|LOC}.'], frame: { subject: { PER: 'agent', ORG: 'agent' }, object: { PER: 'victim' }, passive: { PER: 'victim' } } }),
  row('killing', 'noun', 'Life.Die', 0.9),
  row('murder', 'verb', 'Life.Die', 0.95, { frame: { subject: { PER: 'agent', ORG: 'agent' }, object: { PER: 'victim' }, passive: { PER: 'victim' } } }),
  row('murder', 'noun', 'Life.Die', 0.9),
  row('assassinate', 'verb', 'Life.Die', 0.95, { frame: { subject: { PER: 'agent', ORG: 'agent' }, object: { PER: 'victim' }, passive: { PER: 'victim' } } }),
  row('injure', 'verb', 'Life.Injure', 0.9),
  row('wound', 'verb', 'Life.Injure', 0.85),
  row('bear', 'verb', 'Life.Be-Born', 0.6, { requiresNear: ['in', 'on'], window: 2, requiresRole: ['person'] }),
  row('marry', 'verb', 'Life.Marry', 0.9),
  row('wedding', 'noun', 'Life.Marry', 0.8),

  // ── Movement ──
  row('travel', 'verb', 'Movement.Transport', 0.75),
  row('arrive', 'verb', 'Movement.Transport', 0.75),
  row('visit', 'verb', 'Movement.Transport', 0.7, { examples: ['{Angela Merkel|PER} [visited] {Washington|LOC}.'] }),
  row('visit', 'noun', 'Movement.Transport', 0.7),
  row('flee', 'verb', 'Movement.Transport', 0.8),
  row('return', 'verb', 'Movement.Transport', 0.5, { requiresRole: ['destination', 'origin'] }),
];

/** English prepositions → roles, by event type (the counterpart of the French frames, same roles). */
const PLACE = { in: { LOC: 'place' }, at: { LOC: 'place' }, near: { LOC: 'place' } } as const;

const personnel: RoleFrame = {
  subject: { PER: 'person', ORG: 'organization' },
  object: { ORG: 'organization', PER: 'person' },
  passive: { PER: 'person' },
  preps: { from: { ORG: 'organization' }, of: { ORG: 'organization' }, at: { ORG: 'organization', LOC: 'place' }, as: { ORG: 'organization' }, by: { ORG: 'organization' }, in: { LOC: 'place' } },
  fallback: { PER: 'person', ORG: 'organization' },
};
const nominate: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'person' },
  passive: { PER: 'person' },
  preps: { of: { PER: 'person', ORG: 'organization' }, by: { PER: 'agent', ORG: 'agent' }, to: { ORG: 'organization' }, at: { ORG: 'organization' }, as: { ORG: 'organization' }, in: { LOC: 'place' } },
  fallback: { PER: 'person', ORG: 'organization' },
};
const elect: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'person' },
  passive: { PER: 'person' },
  preps: { by: { PER: 'agent', ORG: 'agent' }, of: { PER: 'person', LOC: 'place' }, in: { LOC: 'place' }, to: { ORG: 'organization' } },
  fallback: { LOC: 'place' },
};
const startOrg: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { ORG: 'organization', MISC: 'organization' },
  passive: { ORG: 'organization', MISC: 'organization' },
  preps: { of: { ORG: 'organization' }, by: { PER: 'agent', ORG: 'agent' }, ...PLACE },
  fallback: { ORG: 'organization', PER: 'agent' },
};
const mergeOrg: RoleFrame = {
  subject: { ORG: 'organization' },
  object: { ORG: 'organization' },
  passive: { ORG: 'organization' },
  preps: { with: { ORG: 'organization' }, of: { ORG: 'organization' }, between: { ORG: 'organization' }, and: { ORG: 'organization' } },
  fallback: { ORG: 'organization' },
};
const bankruptcy: RoleFrame = { subject: { ORG: 'organization' }, object: {}, passive: { ORG: 'organization' }, preps: { of: { ORG: 'organization' }, for: { ORG: 'organization' }, ...PLACE }, fallback: { ORG: 'organization' } };
const transferMoney: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'beneficiary', ORG: 'beneficiary' },
  passive: {},
  preps: { to: { ORG: 'beneficiary', PER: 'beneficiary' }, in: { ORG: 'beneficiary', LOC: 'place' }, for: { ORG: 'beneficiary', PER: 'beneficiary' }, from: { ORG: 'agent', PER: 'agent' }, by: { ORG: 'agent', PER: 'agent' } },
  fallback: { ORG: 'agent', PER: 'agent' },
};
const transferOwnership: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { ORG: 'target', MISC: 'target' },
  passive: { ORG: 'target', MISC: 'target' },
  preps: { of: { ORG: 'target', MISC: 'target' }, by: { ORG: 'agent', PER: 'agent' }, to: { ORG: 'beneficiary', PER: 'beneficiary' }, from: { ORG: 'beneficiary', PER: 'beneficiary' } },
  fallback: { ORG: 'target' },
};
const justiceAgainst: RoleFrame = {
  subject: { ORG: 'agent', PER: 'agent' },
  object: { PER: 'target', ORG: 'target' },
  passive: { PER: 'target', ORG: 'target' },
  preps: { into: { PER: 'target', ORG: 'target', MISC: 'target' }, against: { PER: 'target', ORG: 'target' }, of: { PER: 'target', ORG: 'target' }, by: { ORG: 'agent', PER: 'agent' }, ...PLACE },
  fallback: { ORG: 'agent', PER: 'target' },
};
const justicePerson: RoleFrame = {
  subject: { ORG: 'agent', PER: 'agent' },
  object: { PER: 'person', ORG: 'person' },
  passive: { PER: 'person', ORG: 'person' },
  preps: { of: { PER: 'person', ORG: 'person' }, by: { ORG: 'agent', PER: 'agent' }, against: { PER: 'person', ORG: 'person' }, ...PLACE },
  fallback: { PER: 'person', LOC: 'place' },
};
const attack: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'target', ORG: 'target', LOC: 'target' },
  passive: { PER: 'target', ORG: 'target', LOC: 'target' },
  preps: { against: { PER: 'target', ORG: 'target', LOC: 'target' }, on: { PER: 'target', ORG: 'target', LOC: 'target' }, of: { LOC: 'target', ORG: 'target' }, by: { ORG: 'agent', PER: 'agent' }, ...PLACE },
  fallback: { LOC: 'place' },
};
const demonstrate: RoleFrame = {
  // Nationalities and groups (`ethnic Albanians`, MISC) march too.
  subject: { PER: 'agent', ORG: 'agent', MISC: 'agent' },
  object: {},
  passive: {},
  preps: { against: { PER: 'target', ORG: 'target' }, by: { ORG: 'agent', PER: 'agent' }, ...PLACE },
  fallback: { LOC: 'place', ORG: 'agent' },
};
const meet: RoleFrame = {
  subject: { PER: 'person', ORG: 'person' },
  object: { PER: 'entity', ORG: 'entity' },
  passive: { PER: 'person', ORG: 'person' },
  preps: { with: { PER: 'entity', ORG: 'entity' }, between: { PER: 'person', ORG: 'person' }, of: { PER: 'entity', ORG: 'entity' }, by: { PER: 'person', ORG: 'person' }, ...PLACE },
  fallback: { PER: 'entity', LOC: 'place' },
};
const statement: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  // `"…," said John Smith`: the speaker after a reporting verb.
  object: { PER: 'agent' },
  passive: {},
  preps: { to: { PER: 'target', ORG: 'target' }, by: { PER: 'agent', ORG: 'agent' }, of: { PER: 'agent', ORG: 'agent' } },
  fallback: {},
};
// Groups named by nationality (`the killings of ethnic Albanians by Serb police`: MISC) are victims and agents too.
const life: RoleFrame = { subject: { PER: 'victim' }, object: {}, passive: { PER: 'victim' }, preps: { of: { PER: 'victim', MISC: 'victim' }, by: { PER: 'agent', ORG: 'agent', MISC: 'agent' }, ...PLACE }, fallback: { LOC: 'place' } };
const violentLife: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { PER: 'victim' },
  passive: { PER: 'victim' },
  preps: { of: { PER: 'victim', MISC: 'victim' }, by: { PER: 'agent', ORG: 'agent', MISC: 'agent' }, ...PLACE },
  fallback: { LOC: 'place' },
};
const born: RoleFrame = { subject: { PER: 'person' }, object: {}, passive: { PER: 'person' }, preps: { ...PLACE }, fallback: { LOC: 'place' } };
const marry: RoleFrame = { subject: { PER: 'person' }, object: { PER: 'person' }, passive: { PER: 'person' }, preps: { to: { PER: 'person' }, with: { PER: 'person' }, of: { PER: 'person' }, ...PLACE }, fallback: { LOC: 'place' } };
const transport: RoleFrame = {
  subject: { PER: 'agent', ORG: 'agent' },
  object: { LOC: 'destination', PER: 'target' },
  passive: { PER: 'target' },
  preps: { to: { LOC: 'destination' }, in: { LOC: 'destination' }, into: { LOC: 'destination' }, at: { LOC: 'destination' }, from: { LOC: 'origin' }, of: { PER: 'agent', LOC: 'destination' } },
  fallback: { LOC: 'destination' },
};

export const EN_ROLE_FRAMES: Record<EventType, RoleFrame> = {
  'Personnel.Start-Position': personnel,
  'Personnel.End-Position': personnel,
  'Personnel.Nominate': nominate,
  'Personnel.Elect': elect,
  'Business.Start-Org': startOrg,
  'Business.End-Org': startOrg,
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

/** Negation before a verb (within its verb group) or a noun trigger. */
export const NEGATIONS = ['not', "n't", 'never', 'no', 'no longer', 'neither', 'nor', 'without'];
/** Verbs that deny or cancel the event they govern (`refused to resign`, `failed to meet`). */
export const NEGATING_GOVERNORS = ['refuse', 'fail', 'deny', 'decline', 'reject', 'cancel', 'call off', 'rule out'];
/** Future and intention cues before a trigger → modality `planned`. */
export const PLANNED_CUES = ['will', "'ll", 'shall', 'going to', 'plan', 'plans', 'planned', 'planning', 'expected to', 'scheduled', 'intend', 'intends', 'set to', 'due to', 'to be', 'upcoming', 'proposed', 'planned'];
/** Hypothetical cues in the clause → modality `hypothetical`. */
export const HYPOTHETICAL_CUES = ['if', 'could', 'might', 'may', 'would', 'should', 'unless', 'whether', 'possible', 'possibly', 'potential', 'option'];
/** Reporting cues in the sentence: an event under them is `reported` (the statement itself stays asserted). */
export const REPORTED_CUES = ['said', 'says', 'told', 'reported', 'according to', 'reportedly', 'allegedly', 'claimed', 'announced'];
/** Subject pronouns and the labels of their antecedents. */
export const PRONOUNS: Readonly<Record<string, Array<'PER' | 'ORG'>>> = {
  he: ['PER'], she: ['PER'], his: ['PER'], her: ['PER'], it: ['ORG'], its: ['ORG'], they: ['ORG', 'PER'], their: ['ORG', 'PER'],
  'the company': ['ORG'], 'the firm': ['ORG'], 'the group': ['ORG'], 'the bank': ['ORG'],
};
/** Head nouns of a definite description that refers back to an organization (`the thrift holding company said`). */
export const ORG_ANAPHOR_NOUNS = ['company', 'firm', 'group', 'bank', 'concern', 'maker', 'airline', 'agency', 'party', 'government', 'ministry', 'board', 'insurer', 'retailer', 'carrier', 'thrift'];
/** Verbs that take an infinitive whose subject is their own (`is expected to meet`, `plans to visit`). */
export const RAISING_VERBS = ['expect', 'plan', 'want', 'hope', 'intend', 'try', 'seek', 'aim', 'agree', 'decide', 'refuse', 'fail', 'threaten', 'promise', 'schedule', 'set', 'due', 'likely', 'go'];
/** Words that close a clause: participants are not looked for beyond them. */
export const CLAUSE_BOUNDARIES = [';', ':', 'but', 'while', 'whereas', 'although', 'because', 'which', 'who', 'after', 'before', 'when'];
