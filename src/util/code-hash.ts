/**
 * A sha256 over the pipeline's own source files (`src/` when run with tsx, `dist/src/` when built). It joins the
 * incremental cache key so that editing a rule table or a stage invalidates cached results even when the package
 * version did not change — the common case while developing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.cjs', '.json']);
/** Modules that read or present a dataset but never shape one. */
const RESULT_NEUTRAL_DIRS = new Set(['audit']);

let memo: string | undefined;

/** Computed once per process: a run must key all its articles with the same value even if files change meanwhile. */
export function sourceCodeHash(root: string = SOURCE_ROOT): string {
  if (root === SOURCE_ROOT && memo) return memo;
  const hash = createHash('sha256');
  for (const relative of listSourceFiles(root, '')) {
    hash.update(relative).update('\0').update(readFileSync(path.join(root, relative))).update('\0');
  }
  const digest = hash.digest('hex');
  if (root === SOURCE_ROOT) memo = digest;
  return digest;
}

function listSourceFiles(root: string, relativeDir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(path.join(root, relativeDir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!relativeDir && RESULT_NEUTRAL_DIRS.has(entry.name)) continue;
      out.push(...listSourceFiles(root, relative));
    } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) {
      out.push(relative);
    }
  }
  return out;
}
