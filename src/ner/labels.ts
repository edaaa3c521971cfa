/**
 * Label spaces of the NER model and the mapping of any corpus or foreign-model label onto chronique's
 * BIO tag set. Shared by the runtime (`src/ner/`) and the training data preparation
 * (`tools/training/prepare-data.ts`) so that both sides agree on what e.g. `PERS`, `prod` or `B-TIME` mean.
 */
import { ENTITY_LABELS, type EntityLabel } from '../vocabulary.js';
import { ENTITY_TYPE_ALIASES } from './label-aliases.js';

/** Entity types the model predicts: the four mention labels plus DATE (merged by the dates stage). */
export type NerType = EntityLabel | 'DATE';
export const NER_TYPES: readonly NerType[] = [...ENTITY_LABELS, 'DATE'];
export const MENTION_TYPES: readonly EntityLabel[] = ENTITY_LABELS;

export type BioPrefix = 'B' | 'I';
export type BioTag = 'O' | `${BioPrefix}-${NerType}`;

/** chronique's tag space, in a fixed order: O, then B-/I- for each type. */
export const BIO_TAGS: readonly BioTag[] = ['O', ...NER_TYPES.flatMap((t): BioTag[] => [`B-${t}`, `I-${t}`])];

export interface ParsedLabel {
  /** `O` for outside; `B` opens an entity; `I` continues one (or opens one after O, as in IO schemes). */
  prefix: 'O' | BioPrefix;
  type: NerType | null;
}

const OUTSIDE: ParsedLabel = { prefix: 'O', type: null };

/** Scheme prefixes of BIO, IOB2, BIOES and BILOU: single/unit tags begin, end/last tags continue. */
const PREFIX_MEANING: Readonly<Record<string, BioPrefix>> = { B: 'B', I: 'I', S: 'B', U: 'B', E: 'I', L: 'I' };

/** Maps a raw entity-type name (`PERS`, `pers.ind`, `NE-ORG.final`, `Organization`) to a chronique type, or null. */
export function normalizeEntityType(raw: string): NerType | null {
  let name = raw.trim().toUpperCase();
  if (name.startsWith('NE-')) name = name.slice(3);
  const dot = name.indexOf('.');
  if (dot > 0) name = name.slice(0, dot);
  return ENTITY_TYPE_ALIASES[name] ?? null;
}

/**
 * Parses a tag of any usual scheme: `B-PER`, `I-PERS`, `S-LOC`, `PERS` (IO scheme, no prefix), `O`,
 * `B_ORG`. Labels whose type is not in the alias table become `O`.
 */
export function parseLabel(label: string): ParsedLabel {
  const trimmed = label.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'O') return OUTSIDE;
  const match = /^([BIESLU])[-_](.+)$/i.exec(trimmed);
  if (match) {
    const prefix = PREFIX_MEANING[match[1]!.toUpperCase()]!;
    const type = normalizeEntityType(match[2]!);
    return type ? { prefix, type } : OUTSIDE;
  }
  const type = normalizeEntityType(trimmed);
  return type ? { prefix: 'I', type } : OUTSIDE;
}

/** The chronique BIO tag a raw label maps to. */
export function toBioTag(label: string): BioTag {
  const parsed = parseLabel(label);
  return parsed.prefix === 'O' || parsed.type === null ? 'O' : `${parsed.prefix}-${parsed.type}`;
}

export function tagType(tag: BioTag): NerType | null {
  return tag === 'O' ? null : (tag.slice(2) as NerType);
}

export function isMentionType(type: NerType): type is EntityLabel {
  return type !== 'DATE';
}
