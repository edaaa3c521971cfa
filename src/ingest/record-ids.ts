/**
 * Article ids of JSONL records: `<file>#<own id>` when the record has one, else `<file>#sha256-<16 hex>` of its text
 * (of the line, for a line that is no article), never the line number; duplicates inside one file keep the id in line
 * order, later ones suffixed `~2`, `~3`… with a warning.
 */
import { sha256 } from '../util/hash.js';

/** What identifies one line of a feed before its id is assigned. */
export interface RecordIdentity {
  line: number;
  /** The record's own id (`id` field), as text; null when it has none (or the line is no JSON object). */
  ownId: string | null;
  /** sha256 (hex) of the record's text, or of the line when it has no string `text`. */
  contentHash: string;
}

/** Own ids longer than this are hashed: an id is a name in logs and reports, not a payload. */
const MAX_OWN_ID_LENGTH = 200;

export function baseRecordId(source: string, identity: Pick<RecordIdentity, 'ownId' | 'contentHash'>): string {
  if (identity.ownId === null) return `${source}#sha256-${identity.contentHash.slice(0, 16)}`;
  return identity.ownId.length <= MAX_OWN_ID_LENGTH ? `${source}#${identity.ownId}` : `${source}#id-sha256-${sha256(identity.ownId).slice(0, 16)}`;
}

/**
 * The article ids of a feed's records, in the order given (line order), with a warning for each record whose id was
 * already taken by an earlier line (it gets the first free `~n` suffix; suffixed ids never equal another record's id).
 */
export function assignRecordIds(source: string, identities: readonly RecordIdentity[]): { ids: string[]; warnings: Array<string | null> } {
  const bases = identities.map((identity) => baseRecordId(source, identity));
  const taken = new Set(bases);
  const firstLine = new Map<string, number>();
  const ids: string[] = [];
  const warnings: Array<string | null> = [];
  identities.forEach((identity, index) => {
    const base = bases[index]!;
    const first = firstLine.get(base);
    if (first === undefined) {
      firstLine.set(base, identity.line);
      ids.push(base);
      warnings.push(null);
      return;
    }
    let n = 2;
    while (taken.has(`${base}~${n}`)) n += 1;
    const id = `${base}~${n}`;
    taken.add(id);
    ids.push(id);
    const what = identity.ownId !== null ? `id ${JSON.stringify(identity.ownId.length > 80 ? `${identity.ownId.slice(0, 80)}…` : identity.ownId)} already used` : 'no id and the same text as';
    warnings.push(`${source}:${identity.line}: ${what} at line ${first}: this record is ${id}`);
  });
  return { ids, warnings };
}

