#!/usr/bin/env node
/**
 * `npm start`'s build step: compiles src/ (tsc -p tsconfig.json, incremental) only when a source or build setting is
 * newer than the last successful build, so an unchanged checkout starts at once instead of paying ~10–20 s of tsc.
 * "Newer" is by modification time, which git updates on checkout and editors on save. `npm run build` always compiles.
 *
 *   node scripts/build-if-stale.mjs [--verbose]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
/** What a build of tsconfig.json reads besides src/. */
const SETTINGS = ['tsconfig.json', 'package.json', 'package-lock.json'];
const verbose = process.argv.includes('--verbose');

/** Newest modification time (ms) under `dir`, following only plain folders and files. */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  // A deleted or renamed file changes only its folder's time.
  return Math.max(newest, statSync(dir).mtimeMs);
}

function newestInput() {
  let newest = newestUnder(path.join(ROOT, 'src'));
  for (const file of SETTINGS) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const built = existsSync(STAMP) && existsSync(path.join(DIST, 'src', 'cli.js')) ? statSync(STAMP).mtimeMs : -Infinity;
const started = Date.now();
if (newestInput() < built) {
  if (verbose) console.error('build: dist/ is up to date');
} else {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', path.join(DIST, '.tsbuildinfo')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(DIST, { recursive: true });
  // Stamped with the time the build started: a source saved during the build makes the next start rebuild.
  writeFileSync(STAMP, 'dist/ compiled from src/ (scripts/build-if-stale.mjs)\n');
  utimesSync(STAMP, started / 1000, started / 1000);
  if (verbose) console.error(`build: compiled in ${Date.now() - started} ms`);
}
