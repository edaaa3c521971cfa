/**
 * The dataset's record shapes, written ONCE as TypeBox schemas: the TypeScript types are derived with `Static`
 * and the JSON Schema files in `schema/` are generated from the same objects (`npm run schema`), so code and
 * published schema cannot drift apart (a test checks the committed files are up to date).
 */
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { ENTITY_LABELS, EVENT_TYPES, MODALITIES, POLARITIES, ROLES, TIMEX_MODS, TIMEX_TYPES } from '../vocabulary.js';

/** A string enum as JSON Schema `{type: 'string', enum: [...]}` whose static type is the union of its values. */
function StringEnum<const T extends readonly string[]>(values: T, description: string): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

const Offset = Type.Integer({ minimum: 0, description: 'UTF-16 code unit offset into the article text' });

export const SpanTextSchema = Type.Object(
  { text: Type.String(), start: Offset, end: Offset },
  { additionalProperties: false, description: 'A span [start, end) of the article text; text === articleText.slice(start, end).' },
);

export const TriggerSchema = Type.Object(
  {
    text: Type.String({ minLength: 1 }),
    start: Offset,
    end: Offset,
    lemma: Type.String({ minLength: 1, description: 'Dictionary form of the trigger (infinitive or singular noun).' }),
  },
  { additionalProperties: false },
);

export const ARGUMENT_KINDS = ['name', 'nominal', 'pronoun'] as const;

export const MoneySchema = Type.Object(
  {
    value: Type.Union([Type.Number(), Type.Null()], { description: 'Amount in currency units (`15 millions d’euros` → 15000000); null when vague (`des milliards`).' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code.' }),
  },
  { additionalProperties: false },
);

export const ArgumentSchema = Type.Object(
  {
    role: StringEnum(ROLES, 'Role of the participant in the event.'),
    entity: Type.String({ description: 'Id of the canonical entity (see entities.jsonl); empty when the participant is (or refers to) no named entity.' }),
    canonical: Type.String({ minLength: 1, description: 'Canonical name of the entity in this article; the phrase as written when there is no entity.' }),
    text: Type.String({ minLength: 1 }),
    start: Offset,
    end: Offset,
    label: StringEnum(ENTITY_LABELS, 'Entity label; for a phrase with no name, the class of its head noun (people PER, groups ORG, sites LOC, artifacts and amounts MISC).'),
    kind: StringEnum(ARGUMENT_KINDS, '`name`: a named mention; `nominal`: a noun phrase (`deux gendarmes`, `la police`, `l’entreprise`); `pronoun`: a pronoun or possessive (`il`, `son`). text/start/end are the phrase as written.'),
    head: Type.Union([SpanTextSchema, Type.Null()], { description: 'Head word of a nominal phrase (`gendarmes` in `deux gendarmes`); null for names and pronouns.' }),
    count: Type.Union([Type.Number(), Type.Null()], { description: 'How many the phrase counts (`14 morts` → 14, `une quarantaine de personnes` → 40); null when it says no number.' }),
    amount: Type.Union([MoneySchema, Type.Null()], { description: 'For `money` arguments: the normalized amount.' }),
    resolved: Type.Boolean({
      description:
        'true when the argument is a pronoun, possessive or definite description (`il`, `son`, `l’entreprise`) resolved to an antecedent: then text/start/end are the anaphor as written and `antecedent` the mention it refers to.',
    }),
    antecedent: Nullable(SpanTextSchema),
  },
  { additionalProperties: false },
);

export const EventTimeSchema = Type.Object(
  {
    text: Type.String({ minLength: 1 }),
    start: Offset,
    end: Offset,
    value: Nullable(Type.String({ description: 'TIMEX3 value' })),
    type: StringEnum(TIMEX_TYPES, 'TIMEX3 type.'),
    mod: Nullable(StringEnum(TIMEX_MODS, 'TIMEX3 mod.')),
  },
  { additionalProperties: false },
);

export const PlaceSchema = Type.Object(
  { entity: Type.String(), canonical: Type.String({ minLength: 1 }), text: Type.String({ minLength: 1 }), start: Offset, end: Offset },
  { additionalProperties: false, description: 'The event’s place (its first `place` argument), or null.' },
);

export const SentenceRefSchema = Type.Object(
  { index: Type.Integer({ minimum: 0 }), start: Offset, end: Offset, text: Type.String() },
  { additionalProperties: false },
);

export const ArticleRefSchema = Type.Object(
  { id: Type.String(), title: Nullable(Type.String()), published: Nullable(Type.String()) },
  { additionalProperties: false },
);

/** Where a record comes from: the software, the NER model (file hash) and the result-affecting configuration. */
export const ProvenanceSchema = Type.Object(
  {
    pipeline: Type.String({ description: 'Software name and version, e.g. chronique@0.1.0.' }),
    model: Nullable(Type.String({ description: 'NER model name (folder), null when the model was disabled.' })),
    model_sha256: Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    config_hash: Type.String({ description: 'configHash() of the run configuration.' }),
  },
  { additionalProperties: false },
);
export type Provenance = Static<typeof ProvenanceSchema>;

/** On every row of an article: the language whose stage set produced it (the article's detected language). */
const RowLanguage = Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639-1 code of the article’s language (`fr`, `en`): which stage set made this row.' });

export const EventRecordSchema = Type.Object(
  {
    id: Type.String({ pattern: '^ev_[0-9a-f]{16}$', description: 'Hash of article id, type, trigger text with the word on each side of it in its sentence, and its rank among identical ones (src/dataset/ids.ts): independent of absolute offsets, so it survives edits elsewhere in the article.' }),
    type: StringEnum(EVENT_TYPES, 'Event type (ACE-2005 style, extended for news).'),
    trigger: TriggerSchema,
    arguments: Type.Array(ArgumentSchema),
    time: Nullable(EventTimeSchema),
    place: Nullable(PlaceSchema),
    event_cluster: Type.String({
      pattern: '^ev_[0-9a-f]{16}$',
      description: 'Id of the first record of the article that mentions the same event (its own id when it is the first or only mention).',
    }),
    polarity: StringEnum(POLARITIES, 'Whether the event is affirmed or negated.'),
    modality: StringEnum(MODALITIES, 'How the article presents the event.'),
    sentence: SentenceRefSchema,
    article: ArticleRefSchema,
    language: RowLanguage,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    provenance: ProvenanceSchema,
  },
  {
    $id: 'https://chronique.dev/schema/event.schema.json',
    title: 'chronique event record (one line of output/events.jsonl)',
    additionalProperties: false,
  },
);
export type EventRecord = Static<typeof EventRecordSchema>;
export type EventArgument = Static<typeof ArgumentSchema>;
export type EventTime = Static<typeof EventTimeSchema>;

export const EntityRecordSchema = Type.Object(
  {
    id: Type.String({ pattern: '^ent_[0-9a-f]{16}$', description: 'Hash of article id, canonical name and label.' }),
    article: Type.String(),
    language: RowLanguage,
    label: StringEnum(ENTITY_LABELS, 'Entity label.'),
    canonical: Type.String({ minLength: 1 }),
    mentions: Type.Array(Type.Tuple([Offset, Offset]), { minItems: 1, description: '[start, end) of every mention, in text order.' }),
  },
  {
    $id: 'https://chronique.dev/schema/entity.schema.json',
    title: 'chronique canonical entity (one line of output/entities.jsonl)',
    additionalProperties: false,
  },
);
export type EntityRecord = Static<typeof EntityRecordSchema>;

const ARTICLE_STATUSES = ['ok', 'skipped', 'error'] as const;
const SENTENCE_KINDS = ['title', 'body'] as const;
const MENTION_SOURCES = ['model', 'rules'] as const;
const TIMEX_SOURCES = ['rules', 'model', 'both'] as const;
const TIMEX_ANCHORS = ['absolute', 'publication', 'context', 'unresolved'] as const;
const GRANULARITIES = ['millennium', 'century', 'decade', 'year', 'season', 'quarter', 'month', 'week', 'day', 'time', 'duration', 'set', 'ref', 'unknown'] as const;

const ArticleId = Type.String({ minLength: 1, description: 'Article id: path relative to the corpus folder; for a JSONL record `<file>#<its id>`, else `<file>#sha256-<16 hex of its text>`.' });
const Count = Type.Integer({ minimum: 0 });

export const LanguageSchema = Type.Object(
  {
    code: Type.String({ description: 'ISO 639-1 code (`fr`, `en`, …) or `und`.' }),
    iso6393: Type.String({ description: 'ISO 639-3 code as detected by franc, or `und`.' }),
    score: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);

export const ArticleRowSchema = Type.Object(
  {
    id: ArticleId,
    source: Type.String({ description: 'Source file, relative to the corpus folder (`-` for standard input).' }),
    sourceId: Nullable(Type.String({ description: 'The source’s own identifier (JSON `id`), kept as given; null when it has none.' })),
    sha256: Type.String({ description: 'sha256 (hex) of the article’s decoded text; empty for an unreadable input.' }),
    title: Nullable(Type.String()),
    published: Nullable(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'Publication date, YYYY[-MM[-DD]].' })),
    url: Nullable(Type.String()),
    text: Type.String({ description: 'The text every offset of this article points into.' }),
    language: Nullable(LanguageSchema),
    status: StringEnum(ARTICLE_STATUSES, '`ok` processed, `skipped` not in a processed language or empty, `error` unreadable or failed.'),
    reason: Type.Optional(Type.String({ description: 'Why the article was skipped or failed.' })),
    counts: Type.Object({ sentences: Count, mentions: Count, timexes: Count, entities: Count, events: Count }, { additionalProperties: false }),
  },
  {
    $id: 'https://chronique.dev/schema/article.schema.json',
    title: 'chronique article (one line of output/articles.jsonl)',
    additionalProperties: false,
  },
);
export type ArticleRow = Static<typeof ArticleRowSchema>;

export const SentenceRowSchema = Type.Object(
  { article: ArticleId, language: RowLanguage, index: Type.Integer({ minimum: 0 }), start: Offset, end: Offset, kind: StringEnum(SENTENCE_KINDS, 'Title or body sentence.'), text: Type.String() },
  {
    $id: 'https://chronique.dev/schema/sentence.schema.json',
    title: 'chronique sentence (one line of output/sentences.jsonl)',
    additionalProperties: false,
  },
);
export type SentenceRow = Static<typeof SentenceRowSchema>;

export const MentionRowSchema = Type.Object(
  {
    id: Type.String({ pattern: '^men_[0-9a-f]{16}$', description: 'Hash of article id, the mention text with the word on each side of it in its sentence, and its rank among identical ones (src/dataset/ids.ts); the label is left out, so a relabelled mention keeps its id.' }),
    article: ArticleId,
    language: RowLanguage,
    sentence: Type.Integer({ minimum: 0, description: 'Index of the sentence holding the mention.' }),
    start: Offset,
    end: Offset,
    text: Type.String({ minLength: 1 }),
    label: StringEnum(ENTITY_LABELS, 'Entity label.'),
    score: Type.Number({ minimum: 0, maximum: 1, description: 'Mean probability of the label over the mention’s words.' }),
    source: StringEnum(MENTION_SOURCES, '`model`: tagged by the NER model; `rules`: a name the model tagged elsewhere in the article.'),
    entity: Nullable(Type.String({ pattern: '^ent_[0-9a-f]{16}$', description: 'Id of its canonical entity (entities.jsonl).' })),
  },
  {
    $id: 'https://chronique.dev/schema/mention.schema.json',
    title: 'chronique entity mention (one line of output/mentions.jsonl)',
    additionalProperties: false,
  },
);
export type MentionRow = Static<typeof MentionRowSchema>;

export const TimexRowSchema = Type.Object(
  {
    article: ArticleId,
    language: RowLanguage,
    sentence: Type.Integer({ minimum: 0 }),
    start: Offset,
    end: Offset,
    text: Type.String({ minLength: 1 }),
    type: StringEnum(TIMEX_TYPES, 'TIMEX3 type.'),
    value: Nullable(Type.String({ description: 'TIMEX3 value (`2022-07-13`, `199X`, `P5Y`, `PRESENT_REF`, …).' })),
    granularity: StringEnum(GRANULARITIES, 'Precision of the value.'),
    mod: Nullable(StringEnum(TIMEX_MODS, 'TIMEX3 mod.')),
    anchor: StringEnum(TIMEX_ANCHORS, 'What the value is resolved against.'),
    source: StringEnum(TIMEX_SOURCES, 'Found by the rules, the model, or both.'),
  },
  {
    $id: 'https://chronique.dev/schema/timex.schema.json',
    title: 'chronique time expression (one line of output/timexes.jsonl)',
    additionalProperties: false,
  },
);
export type TimexRow = Static<typeof TimexRowSchema>;

const Section = Type.Object({}, { additionalProperties: true });

export const ManifestSchema = Type.Object(
  {
    pipeline: Type.Object({ name: Type.Literal('chronique'), version: Type.String() }, { additionalProperties: false }),
    configHash: Type.String({ pattern: '^[0-9a-f]{16}$' }),
    fingerprint: Type.Object(
      {
        pipelineVersion: Type.String(),
        codeHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
        configHash: Type.String({ pattern: '^[0-9a-f]{16}$' }),
        stages: Type.Record(Type.String(), Type.String(), { description: 'Stage name → its fingerprint (the model sha256 for the NER stage).' }),
      },
      { additionalProperties: false },
    ),
    configuration: Type.Object(
      { language: Section, ner: Section, dates: Section, events: Section, run: Section },
      { additionalProperties: true, description: 'The run’s ChroniqueConfig (src/config.ts).' },
    ),
    inputs: Type.Array(
      Type.Object(
        {
          path: Type.String(),
          size: Count,
          articles: Type.Array(Type.Object({ id: ArticleId, sha256: Type.String(), status: StringEnum(ARTICLE_STATUSES, 'Article status.') }, { additionalProperties: false })),
          unknownFields: Type.Optional(Type.Array(Type.String(), { minItems: 1, description: 'Fields of the file’s records that no article field reads (ignored).' })),
        },
        { additionalProperties: false },
      ),
    ),
    walkIssues: Type.Array(Type.Object({ path: Type.String(), reason: Type.String() }, { additionalProperties: false }), { description: 'Corpus entries not read (unsupported types, loops, FIFOs…).' }),
    counts: Type.Object(
      { articles: Count, ok: Count, skipped: Count, error: Count },
      { additionalProperties: Count, description: 'Articles by status, and lines per dataset file.' },
    ),
    cache: Type.Object(
      { reused: Count, processed: Count, discarded: Type.Integer({ minimum: 0, description: 'Cache entries found but not served (not a regular file, too large, checksum or content wrong), hence recomputed.' }) },
      { additionalProperties: false },
    ),
    timings: Type.Object(
      { wallMs: Count, stageMs: Type.Record(Type.String(), Count) },
      { additionalProperties: false, description: 'The only clock readings of a run: they never reach the *.jsonl files.' },
    ),
    workers: Type.Optional(
      Type.Object(
        {
          queue: Type.String({ description: 'BullMQ queue of the run (one per output folder and host).' }),
          redis: Type.String({ description: 'Redis URL, without password.' }),
          attempts: Count,
          enqueued: Count,
          resumedFromPreviousRun: Type.Integer({ minimum: 0, description: 'Results finished while no coordinator was listening (a crashed run), read from the queue.' }),
          retried: Type.Integer({ minimum: 0, description: 'Articles whose result came from a second or later attempt.' }),
          failed: Type.Integer({ minimum: 0, description: 'Articles written as error rows after every attempt failed.' }),
          lostAndEnqueuedAgain: Count,
          workers: Type.Array(Type.Object({ id: Type.String({ description: 'host:pid' }), articles: Count, stageMs: Count }, { additionalProperties: false })),
        },
        { additionalProperties: false, description: 'Present when the articles were processed by queue workers (run --queue).' },
      ),
    ),
  },
  {
    $id: 'https://chronique.dev/schema/manifest.schema.json',
    title: 'chronique run manifest (output/manifest.json)',
    additionalProperties: false,
  },
);
export type Manifest = Static<typeof ManifestSchema>;

/** The JSON Schema files `npm run schema` writes, by file name under `schema/`. */
export const SCHEMA_FILES: Record<string, TSchema> = {
  'article.schema.json': ArticleRowSchema,
  'sentence.schema.json': SentenceRowSchema,
  'mention.schema.json': MentionRowSchema,
  'timex.schema.json': TimexRowSchema,
  'entity.schema.json': EntityRecordSchema,
  'event.schema.json': EventRecordSchema,
  'manifest.schema.json': ManifestSchema,
};

/** Which schema describes each file of a dataset folder. */
export const DATASET_FILE_SCHEMAS: Record<string, string> = {
  'articles.jsonl': 'article.schema.json',
  'sentences.jsonl': 'sentence.schema.json',
  'mentions.jsonl': 'mention.schema.json',
  'timexes.jsonl': 'timex.schema.json',
  'entities.jsonl': 'entity.schema.json',
  'events.jsonl': 'event.schema.json',
  'manifest.json': 'manifest.schema.json',
};
