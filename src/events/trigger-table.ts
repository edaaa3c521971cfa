/**
 * Shape of the trigger table (the DATA lives in `src/rules/fr/triggers.ts`; users add rows with a JSON file named by
 * `config.events.extraTriggersFile`). Defined as a TypeBox schema so that an extra file is validated with errors
 * that name the file and the offending row.
 */
import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { EVENT_TYPES, ROLES, type Role } from '../dataset/schema.js';
import type { EntityLabel } from '../document.js';

// Literal unions (not Type.Unsafe): TypeBox's own Value.Check validates them at run time without ajv.
const EventTypeField = Type.Union(EVENT_TYPES.map((t) => Type.Literal(t)));
const RoleField = Type.Union(ROLES.map((r) => Type.Literal(r)));

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

const IrregularStemsSchema = Type.Object(
  {
    pres: Type.Array(Type.String({ minLength: 1 })),
    impf: Type.String({ minLength: 1 }),
    ps: Type.Array(Type.String({ minLength: 1 })),
    fut: Type.String({ minLength: 1 }),
    subj: Type.String({ minLength: 1 }),
    ppast: Type.String({ minLength: 1 }),
    ppastForms: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    ppres: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

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
      Type.Object({ label: Type.Union([Type.Literal('PER'), Type.Literal('ORG'), Type.Literal('LOC'), Type.Literal('MISC')]), type: EventTypeField, role: RoleField }, { additionalProperties: false }),
    ),
    /** Role frame overriding the type's default frame, position by position. */
    frame: Type.Optional(Type.Partial(RoleFrameSchema)),
    /** Prior probability that the word denotes an event of this type, in [0, 1]. */
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);
export type TriggerRow = Static<typeof TriggerRowSchema>;

export const TriggerTableSchema = Type.Array(TriggerRowSchema);

export class TriggerTableError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`Invalid extra triggers file ${file}: ${message}`);
    this.name = 'TriggerTableError';
  }
}

/** Reads and validates a user trigger file (a JSON array of rows). Throws TriggerTableError naming the file. */
export function loadExtraTriggers(file: string): TriggerRow[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TriggerTableError(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new TriggerTableError(file, `not valid JSON (${(error as Error).message})`);
  }
  return validateTriggerRows(data, file);
}

export function validateTriggerRows(data: unknown, file: string): TriggerRow[] {
  if (!Value.Check(TriggerTableSchema, data)) {
    const problems = [...Value.Errors(TriggerTableSchema, data)]
      .slice(0, 5)
      .map((e) => `${e.path || '/'}: ${e.message}`)
      .join('; ');
    throw new TriggerTableError(file, `expected an array of trigger rows; ${problems}`);
  }
  for (const [i, row] of data.entries()) {
    if (row.conj === 'irregular' && !row.irregular) throw new TriggerTableError(file, `/${i}: conj "irregular" needs "irregular" stems`);
  }
  return data;
}
