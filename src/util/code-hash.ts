/**
 * A sha256 over the source files that make results: the modules the pipeline and the corpus runner import,
 * transitively (`src/` when run with tsx, `dist/src/` when built). It joins the incremental cache key so that editing
 * a rule table or a stage invalidates cached results even when the package version did not change — the common case
 * while developing — while editing what only presents or drives a run (the CLI, the report, the diff, the progress
 * bar) keeps the cache. The set follows the imports, so it needs no list kept by hand.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importClosure } from './imports.js';

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The modules whose import closure makes results (extension-less, relative to the source root). */
export const RESULT_ENTRY_MODULES = ['pipeline', 'runner/run-corpus'] as const;

let memo: string | undefined;

/** Computed once per process: a run must key all its articles with the same value even if files change meanwhile. */
export function sourceCodeHash(root: string = SOURCE_ROOT, entries: readonly string[] = RESULT_ENTRY_MODULES): string {
  const memoize = root === SOURCE_ROOT && entries === RESULT_ENTRY_MODULES;
  if (memoize && memo) return memo;
  const hash = createHash('sha256');
  for (const relative of resultSourceFiles(root, entries)) {
    hash.update(relative).update('\0').update(readFileSync(path.join(root, relative))).update('\0');
  }
  const digest = hash.digest('hex');
  if (memoize) memo = digest;
  return digest;
}

/**
 * The import closure of `entries` inside `root`, as sorted `/`-separated relative paths. Every kind of import counts:
 * a type-only import may still name a module whose values change results, and a dynamic one loads when needed.
 */
export function resultSourceFiles(sourceRoot: string, entries: readonly string[] = RESULT_ENTRY_MODULES): string[] {
  const root = path.resolve(sourceRoot);
  const { modules } = importClosure(
    entries.map((entry) => path.resolve(root, entry)),
    { root, kinds: ['static', 'type', 'dynamic'] },
  );
  return [...modules].map((file) => path.relative(root, file).split(path.sep).join('/')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
