/**
 * Loading a user trigger file (`config.events.extraTriggersFile`): read, parse and validate against the rule schema
 * (src/rules/schema.ts), with errors that name the file and the offending row.
 */
import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { TriggerTableSchema, type TriggerRow } from '../rules/schema.js';

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
