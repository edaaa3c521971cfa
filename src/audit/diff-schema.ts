/**
 * The shape of `chronique diff --json`, written once as TypeBox schemas: the TypeScript types below are derived
 * with `Static`, and `schema/diff.schema.json` is generated from the same objects (`npm run schema`).
 *
 * Reading order: `counts` (per record kind and change kind), then `perType` (per event type, entity label, TIMEX type),
 * then `perArticle`, then every `records` entry. The text output follows the same order.
 */
import { Type, type Static, type TUnsafe } from '@sinclair/typebox';

function StringEnum<const T extends readonly string[]>(values: T, description: string): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

export const RECORD_KINDS = ['sentences', 'mentions', 'timexes', 'entities', 'events'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const CHANGE_KINDS = ['added', 'removed', 'changed', 'retyped'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const FieldChangeSchema = Type.Object(
  {
    field: Type.String({ description: 'Dotted field path (`time.value`, `arguments`, `label`, `offsets`…).' }),
    old: Type.Unknown({ description: 'Old value; in an edited article, offsets are mapped into the new text.' }),
    new: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type FieldChange = Static<typeof FieldChangeSchema>;

const Count = Type.Integer({ minimum: 0 });

export const KindCountsSchema = Type.Object(
  {
    old: Count,
    new: Count,
    added: Type.Integer({ minimum: 0, description: 'Only in the new dataset.' }),
    removed: Type.Integer({ minimum: 0, description: 'Only in the old dataset.' }),
    changed: Type.Integer({ minimum: 0, description: 'Paired (same type), some compared field differs.' }),
    retyped: Type.Integer({ minimum: 0, description: 'Paired across types (same span, another event type / label / TIMEX type).' }),
    unchanged: Count,
  },
  { additionalProperties: false, description: 'old = removed + changed + retyped + unchanged; new = added + changed + retyped + unchanged.' },
);
export type KindCounts = Static<typeof KindCountsSchema>;

export const TypeCountsSchema = Type.Object(
  {
    type: Type.String({ description: 'Event type, entity label, TIMEX3 type or sentence kind.' }),
    old: Count,
    new: Count,
    added: Count,
    removed: Count,
    changed: Count,
    unchanged: Count,
    retypedIn: Type.Integer({ minimum: 0, description: 'Records of this type that had another type in the old dataset.' }),
    retypedOut: Type.Integer({ minimum: 0, description: 'Old records of this type that have another type in the new dataset.' }),
    examples: Type.Array(Type.String(), { maxItems: 3, description: 'Up to three differing records of this type, described.' }),
  },
  {
    additionalProperties: false,
    description:
      'Same corpus and same texts: added + retypedIn = |new \\ old| and removed + retypedOut = |old \\ new| for the sets of (article, span, type), changed + unchanged = their intersection.',
  },
);
export type TypeCounts = Static<typeof TypeCountsSchema>;

export const RecordChangeSchema = Type.Object(
  {
    change: StringEnum(CHANGE_KINDS, 'What happened to the record.'),
    kind: StringEnum(RECORD_KINDS, 'Which dataset file the record belongs to.'),
    article: Type.String(),
    type: Type.String({ description: 'The record’s type (new side when present).' }),
    oldType: Type.Union([Type.String(), Type.Null()]),
    id: Type.Union([Type.String(), Type.Null()], { description: 'Record id (new side when present); sentences have none.' }),
    oldId: Type.Union([Type.String(), Type.Null()]),
    match: Type.Union([StringEnum(['identity', 'span', 'overlap'], 'How old and new were paired.'), Type.Null()], {
      description: '`identity`: same span and type; `span`: same span, another type; `overlap`: spans overlap an edit of the text.',
    }),
    summary: Type.String({ description: 'One-line description of the record.' }),
    fields: Type.Array(FieldChangeSchema),
    old: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'The old row, as in the old dataset.' }),
    new: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'The new row, as in the new dataset.' }),
  },
  { additionalProperties: false },
);
export type RecordChange = Static<typeof RecordChangeSchema>;

export const AlignmentSummarySchema = Type.Object(
  {
    method: StringEnum(['identical', 'chars', 'words', 'prefix-suffix'], 'How the texts were aligned (src/audit/align.ts).'),
    edits: Count,
    deletedChars: Count,
    insertedChars: Count,
  },
  { additionalProperties: false },
);

const PerKindCounts = Type.Object(
  { sentences: KindCountsSchema, mentions: KindCountsSchema, timexes: KindCountsSchema, entities: KindCountsSchema, events: KindCountsSchema },
  { additionalProperties: false },
);

export const ArticleSummarySchema = Type.Object(
  {
    article: Type.String(),
    status: StringEnum(['added', 'removed', 'edited', 'same-text'], '`edited`: the text changed and was aligned.'),
    alignment: Type.Union([AlignmentSummarySchema, Type.Null()]),
    metadata: Type.Array(FieldChangeSchema, { description: 'Status, reason, language, title, date, url changes.' }),
    counts: PerKindCounts,
  },
  { additionalProperties: false },
);
export type ArticleSummary = Static<typeof ArticleSummarySchema>;

const TypeList = Type.Array(TypeCountsSchema);

export const DiffReportSchema = Type.Object(
  {
    format: Type.Literal('chronique-diff/1'),
    old: Type.String({ description: 'Old dataset folder.' }),
    new: Type.String({ description: 'New dataset folder.' }),
    identical: Type.Boolean(),
    mode: StringEnum(['same-texts', 'edited-texts'], '`same-texts`: every common article has the same text (a pipeline, model or rules change); `edited-texts`: some texts changed and were aligned.'),
    options: Type.Object({ confidenceThreshold: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
    articles: Type.Object(
      { old: Count, new: Count, added: Count, removed: Count, edited: Count, sameText: Count, metadataChanged: Count },
      { additionalProperties: false },
    ),
    counts: PerKindCounts,
    perType: Type.Object({ sentences: TypeList, mentions: TypeList, timexes: TypeList, entities: TypeList, events: TypeList }, {
      additionalProperties: false,
      description: 'Per type, sorted by name: event type (events), label (mentions, entities), TIMEX3 type (timexes), kind (sentences).',
    }),
    perArticle: Type.Array(ArticleSummarySchema, { description: 'Only articles with a difference, in dataset order.' }),
    records: Type.Array(RecordChangeSchema, { description: 'Every differing record, by article, then kind, then text order.' }),
  },
  {
    $id: 'https://chronique.dev/schema/diff.schema.json',
    title: 'chronique diff --json',
    additionalProperties: false,
  },
);

export type DiffReport = Static<typeof DiffReportSchema>;
