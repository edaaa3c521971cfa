/**
 * DATA: how the entity-type names of corpora and of foreign (bring-your-own) models map onto chronique's
 * types. Keys are compared upper-cased, after any `B-`/`I-`/`E-`/`S-`/`L-`/`U-` prefix and any
 * `.subtype` suffix are stripped (`NE-PERS.final` → `PERS`, `pers.ind` → `PERS`, `B-TIME` → `TIME`).
 * A name absent from this table maps to `O` (no entity): an unknown type is never guessed.
 */
import type { NerType } from './labels.js';

export const ENTITY_TYPE_ALIASES: Readonly<Record<string, NerType>> = {
  // persons
  PER: 'PER',
  PERS: 'PER',
  PERSON: 'PER',
  PERSONNE: 'PER',
  // organizations
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  CORPORATION: 'ORG',
  COMPANY: 'ORG',
  // locations (places, geo-political entities, facilities)
  LOC: 'LOC',
  LOCATION: 'LOC',
  LIEU: 'LOC',
  GPE: 'LOC',
  GEO: 'LOC',
  FAC: 'LOC',
  // everything else that is a name: products, works, events, groups (seqeval/CoNLL MISC convention)
  MISC: 'MISC',
  PROD: 'MISC',
  PRODUCT: 'MISC',
  EVE: 'MISC',
  EVENT: 'MISC',
  WORK_OF_ART: 'MISC',
  NORP: 'MISC',
  HUMANPROD: 'MISC',
  // time expressions: the model's DATE spans feed the dates stage
  DATE: 'DATE',
  TIME: 'DATE',
  TIMEX: 'DATE',
};
