/**
 * The rule schema: the shape of the rule data tables (src/rules/fr/), written once as TypeBox schemas from which the
 * row types derive. The tables import their row types from here and the vocabulary from src/vocabulary.ts, never an
 * engine; the engines read the tables through these types, and a user trigger file is validated against the same
 * schema (src/events/trigger-table.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ENTITY_LABELS, EVENT_TYPES, ROLES, type EntityLabel, type Role, type TimexMod, type TimexType } from '../vocabulary.js';

// Literal unions (not Type.Unsafe): TypeBox's own Value.Check validates them at run time without ajv.
const EventTypeField = Type.Union(EVENT_TYPES.map((t) => Type.Literal(t)));
const RoleField = Type.Union(ROLES.map((r) => Type.Literal(r)));
const EntityLabelField = Type.Union(ENTITY_LABELS.map((l) => Type.Literal(l)));

/** Which role a mention of each label plays in one syntactic position. */
const LabelRolesSchema = Type.Object(
  {
    PER: Type.Optional(RoleField),
    ORG: Type.Optional(RoleField),
    LOC: Type.Optional(RoleField),
    MISC: Type.Optional(RoleField),
  },
  { additionalProperties: false },
);
export type LabelRoles = Partial<Record<EntityLabel, Role>>;

/**
 * Where participants are found around a trigger and which role they get, by entity label:
 * `subject` (before a verb; for a noun: its possessor, apposition host or the subject of its support verb),
 * `object` (right after a verb, no preposition), `passive` (subject of a passive verb), `preps` (after the trigger,
 * governed by a preposition, keyed by the normalized preposition: `de`, `à`, `chez`, `au sein de`, …) and
 * `fallback` (any other mention of the sentence, nearest first, only while the role is still empty).
 */
export const RoleFrameSchema = Type.Object(
  {
    subject: LabelRolesSchema,
    object: LabelRolesSchema,
    passive: LabelRolesSchema,
    preps: Type.Record(Type.String(), LabelRolesSchema),
    fallback: LabelRolesSchema,
  },
  { additionalProperties: false },
);
export type RoleFrame = Static<typeof RoleFrameSchema>;

/** Explicit stems of an irregular (3rd group) verb; the endings are still generated (src/events/inflect.ts). */
export const IrregularStemsSchema = Type.Object(
  {
    /** Present indicative forms (all persons; duplicates allowed). */
    pres: Type.Array(Type.String({ minLength: 1 })),
    /** Imperfect stem (`rejoign` → rejoignait). */
    impf: Type.String({ minLength: 1 }),
    /** Passé simple forms. */
    ps: Type.Array(Type.String({ minLength: 1 })),
    /** Future/conditional stem (`rejoindr` → rejoindra, rejoindrait). */
    fut: Type.String({ minLength: 1 }),
    /** Subjunctive stem (`rejoign` → rejoigne). */
    subj: Type.String({ minLength: 1 }),
    /** Past participle, masculine singular (`rejoint`); agreement forms are generated unless `ppastForms` is given. */
    ppast: Type.String({ minLength: 1 }),
    /** All past participle forms when agreement is irregular (`dissous`, `dissoute`, …). */
    ppastForms: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Present participle. */
    ppres: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type IrregularStems = Static<typeof IrregularStemsSchema>;

export const TriggerRowSchema = Type.Object(
  {
    /** Dictionary form; several words for a fixed phrase (`mettre en examen`: the first word inflects, the rest is literal). */
    lemma: Type.String({ minLength: 1 }),
    pos: Type.Union([Type.Literal('verb'), Type.Literal('noun')]),
    type: EventTypeField,
    /** Verbs: how forms are generated from the lemma (default from the ending: -er, -ir finir-type, -re vendre-type). */
    conj: Type.Optional(Type.Union([Type.Literal('er'), Type.Literal('ir'), Type.Literal('re'), Type.Literal('irregular')])),
    irregular: Type.Optional(IrregularStemsSchema),
    /** Extra surface forms (feminines, irregular plurals, spelling variants). */
    forms: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** The verb counts only with a reflexive clitic (`se rendre`, `s'entretenir`). */
    pronominal: Type.Optional(Type.Boolean()),
    /** Conjugated with être (`est parti`, `est mort`), so être + participle is not a passive. */
    etre: Type.Optional(Type.Boolean()),
    /** One of these words must occur within `window` tokens after the trigger (`lever` needs `fonds`, `millions`…). A trailing `*` matches a prefix. */
    requiresNear: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** None of these words may occur within `window` tokens after the trigger (`attaquer … en justice` is not an attack). */
    excludeNear: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    window: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    /** The trigger does not count right after these words (`au départ`, `point de départ`). */
    excludeBefore: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Keep the event only when one of these roles is filled by a mention (ambiguous triggers such as `créer`). */
    requiresRole: Type.Optional(Type.Array(RoleField)),
    /**
     * When the verb's direct object has this label, the event is of another type and the object plays `role` in it
     * (`quitter Québec` is a trip from a place, not the end of a position).
     */
    retypeByObject: Type.Optional(
      Type.Object({ label: EntityLabelField, type: EventTypeField, role: RoleField }, { additionalProperties: false }),
    ),
    /** A noun that is an event by itself (`le décès`, `l'attentat`): emitted even with no participant. */
    standalone: Type.Optional(Type.Boolean()),
    /** The noun's own phrase is a participant in this role (`14 morts` → victim, count 14; `des manifestants` → agent). */
    countedRole: Type.Optional(RoleField),
    /**
     * Sentences that are tests (test/events/trigger-examples.test.ts): the bracketed word is a trigger of this row's
     * type; names are marked `{Renault|ORG}`.
     */
    examples: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Role frame overriding the type's default frame, position by position. */
    frame: Type.Optional(Type.Partial(RoleFrameSchema)),
    /** Prior probability that the word denotes an event of this type, in [0, 1]. */
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);
export type TriggerRow = Static<typeof TriggerRowSchema>;

export const TriggerTableSchema = Type.Array(TriggerRowSchema);

/** A sentence-segmentation lexicon (src/rules/fr/segmentation.ts, src/rules/en/segmentation.ts) for the rule scanner. */
export interface SegmentationLexicon {
  /** Abbreviations before a name or title: never a sentence end (`Mr.`, `M.`). */
  titles: readonly string[];
  /** Abbreviations introducing what follows (`p. 12`, `No. 3`). */
  prefixes: readonly string[];
  /** Abbreviations that may end a sentence before a capital but not before a digit (`etc.`, `Corp.`, `Jan.`). */
  finalCapable: readonly string[];
  /** Endings after a glued period that make a file name or domain (`rapport.PDF`). */
  fileAndDomainSuffixes: readonly string[];
  /** Lowercase words that open sentences in real corpora. */
  lowercaseStarters: readonly string[];
  /** Names containing a `!` that does not end the sentence (`Yahoo!`). */
  namesWithExclamation: readonly string[];
  /** Frequent sentence openers: after an ambiguous period they signal a boundary. */
  starters: readonly string[];
  closingPunctuation: string;
  openingPunctuation: string;
  itemMarkers: string;
  continuationPunctuation: string;
}

/** The publication date the date rules' examples are read with: Friday 15 March 2024. */
export const DATE_EXAMPLE_PUBLICATION = '2024-03-15';

/**
 * An example of a date rule, a test (test/rules/examples.test.ts) as HeidelTime's EXAMPLE lines: a sentence with the
 * expressions the recognizer finds in it bracketed (`Il est parti [hier].`). Read with the publication date
 * DATE_EXAMPLE_PUBLICATION, it yields exactly those expressions, with `values` in order, all of `type` (and `mod`,
 * none by default), and the rule matches the text of one of them.
 */
export interface DateRuleExample {
  text: string;
  values: readonly (string | null)[];
  type: TimexType;
  mod?: TimexMod;
}
