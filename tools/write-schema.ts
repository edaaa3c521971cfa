/**
 * `npm run schema`: writes the JSON Schema files in `schema/` from the TypeBox definitions in `schema.ts`
 * (the one source of truth). `--check` only compares and exits 1 when a committed file is stale.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DiffReportSchema } from '../src/audit/diff-schema.js';
import { PACKAGE_ROOT } from '../src/config.js';
import { SCHEMA_FILES } from '../src/dataset/schema.js';

export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'schema');

/** The exact bytes of each schema file: draft-07 header, then the TypeBox schema (symbol keys are dropped by JSON). */
export function renderSchemaFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of Object.entries({ ...SCHEMA_FILES, 'diff.schema.json': DiffReportSchema })) {
    const json = { $schema: 'http://json-schema.org/draft-07/schema#', ...schema };
    out.set(name, JSON.stringify(json, null, 2) + '\n');
  }
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  mkdirSync(SCHEMA_DIR, { recursive: true });
  let stale = 0;
  for (const [name, content] of renderSchemaFiles()) {
    const file = path.join(SCHEMA_DIR, name);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === content) continue;
    if (check) {
      console.error(`stale: schema/${name} (run npm run schema)`);
      stale++;
    } else {
      writeFileSync(file, content);
      console.log(`wrote schema/${name}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
