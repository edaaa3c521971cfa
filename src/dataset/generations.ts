/**
 * The on-disk layout of a dataset folder, and the one atomic switch between datasets.
 *
 *     <out>/articles.jsonl -> .generations/current/articles.jsonl     (static links, one per dataset file)
 *     <out>/.generations/current -> 000007                            (the pointer)
 *     <out>/.generations/000006/  000007/  000008/                    (previous, current, being staged)
 *
 * Invariants:
 * - A generation folder is written whole (data files and manifest fsynced, then its `COMMIT` marker listing every
 *   file's name, size and sha256) before the pointer may name it; the pointer changes only by renaming a new link
 *   over it, so every path through `current` names one whole generation, the old one or the new one.
 * - Readers pin a generation once (`pinDataset`) and read every file from it; the generation `current` named before
 *   the last switch is kept until the next commit, so a reader that pinned it is not cut off by one switch.
 * - A generation whose marker does not match its files is not committed: the next run points `current` back at the
 *   newest valid generation and says so.
 * - Only names this program writes are ever removed (`OWN_NAMES` inside numbered folders that are real folders, not
 *   links); a folder holding anything else is left in place.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { DATASET_FILES } from './records.js';
import { makeDirectory } from '../util/make-directory.js';

export const GENERATIONS = '.generations';
export const CURRENT = 'current';
export const MARKER = 'COMMIT';
const MARKER_FORMAT = 'chronique-generation/1';
const MARKER_MAX_BYTES = 64 * 1024;
/** The folder of an older version's commit (files renamed one by one); never rolled forward, only discarded. */
const LEGACY_STAGING = '.staging';
const GENERATION_NAME = /^\d{6,}$/;

/** What a dataset folder exposes at its top level, and what every generation holds. */
export const DATASET_NAMES: readonly string[] = [...DATASET_FILES.map((file) => `${file}.jsonl`), 'manifest.json'];
const OWN_NAMES = [...DATASET_NAMES, MARKER, `${MARKER}.tmp`];

export interface MarkerEntry {
  name: string;
  size: number;
  sha256: string;
}

export const generationName = (n: number): string => String(n).padStart(6, '0');

/**
 * The folder to read a dataset from, pinned once: the generation `<dir>/.generations/current` names, or `dir` itself
 * for a plain folder of dataset files (a copy, a test fixture).
 */
export async function pinDataset(dir: string): Promise<string> {
  const target = await fs.readlink(path.join(dir, GENERATIONS, CURRENT)).catch(() => null);
  return target === null ? dir : path.resolve(dir, GENERATIONS, target);
}

/** Why the generation folder `dir` is not a committed dataset, or null when its marker matches every file. */
export async function markerProblem(dir: string): Promise<string | null> {
  const markerPath = path.join(dir, MARKER);
  const stat = await fs.lstat(markerPath).catch(() => null);
  if (!stat) return 'no COMMIT marker';
  if (!stat.isFile() || stat.size > MARKER_MAX_BYTES) return 'COMMIT is not a small regular file';
  let entries: MarkerEntry[];
  try {
    entries = parseMarker(await fs.readFile(markerPath, 'utf8'));
  } catch (error) {
    return `COMMIT marker unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    const fileStat = await fs.lstat(file).catch(() => null);
    if (!fileStat?.isFile()) return `${entry.name} missing or not a regular file`;
    if (fileStat.size !== entry.size) return `${entry.name} is ${fileStat.size} bytes, COMMIT says ${entry.size}`;
    if ((await sha256File(file)) !== entry.sha256) return `${entry.name} does not match its sha256 in COMMIT`;
  }
  return null;
}

/** The marker's entries; throws unless it lists exactly the dataset files, by bare name, each with size and sha256. */
function parseMarker(text: string): MarkerEntry[] {
  const value = JSON.parse(text) as { format?: unknown; files?: unknown };
  if (!value || value.format !== MARKER_FORMAT || !Array.isArray(value.files)) throw new Error(`not a ${MARKER_FORMAT} marker`);
  const entries = value.files as Array<Partial<MarkerEntry>>;
  const names = entries.map((entry) => entry?.name);
  if (names.length !== DATASET_NAMES.length || !DATASET_NAMES.every((name) => names.includes(name))) throw new Error(`must list exactly ${DATASET_NAMES.join(', ')}`);
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.size) || entry.size! < 0 || typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) throw new Error(`bad size or sha256 for ${entry.name}`);
  }
  return entries as MarkerEntry[];
}

export function formatMarker(entries: MarkerEntry[]): string {
  return `${JSON.stringify({ format: MARKER_FORMAT, files: entries })}\n`;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `content` to `file` and fsyncs it. */
export async function writeDurable(file: string, content: string | Buffer): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `name` becomes a link to `target`, atomically (a link made aside, then renamed over whatever had the name). */
async function replaceWithLink(dir: string, name: string, target: string): Promise<void> {
  const temporary = path.join(dir, `${name}.tmp`);
  await fs.rm(temporary, { force: true });
  await fs.symlink(target, temporary);
  await fs.rename(temporary, path.join(dir, name));
}

/** The generations of `<out>/.generations`: numbered real folders (links and other names are not ours). */
export class Generations {
  readonly root: string;

  constructor(readonly outDir: string) {
    this.root = path.join(outDir, GENERATIONS);
  }

  dir(n: number): string {
    return path.join(this.root, generationName(n));
  }

  async list(): Promise<number[]> {
    const entries = await fs.readdir(this.root, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isDirectory() && GENERATION_NAME.test(entry.name)).map((entry) => Number(entry.name)).sort((a, b) => a - b);
  }

  /** The generation `current` names, or null (no dataset yet, or a pointer this program did not write). */
  async current(): Promise<number | null> {
    const target = await fs.readlink(path.join(this.root, CURRENT)).catch(() => null);
    return target !== null && GENERATION_NAME.test(target) ? Number(target) : null;
  }

  /** THE switch: one rename. Returns once `current` names generation `n`. */
  async point(n: number, beforeRename?: () => Promise<void>): Promise<void> {
    const temporary = path.join(this.root, `${CURRENT}.tmp`);
    await fs.rm(temporary, { force: true });
    await fs.symlink(generationName(n), temporary);
    await beforeRename?.();
    await fs.rename(temporary, path.join(this.root, CURRENT));
  }

  /** Deletes the files this program writes in generation `n`, then the folder if nothing else is left in it. */
  async remove(n: number): Promise<void> {
    const dir = this.dir(n);
    for (const name of OWN_NAMES) await fs.rm(path.join(dir, name), { force: true });
    await fs.rmdir(dir).catch(() => undefined); // not empty: someone else's files, left with their folder
  }

  /** Removes every generation but those in `keep`. */
  async removeAllBut(keep: Array<number | null>): Promise<void> {
    for (const n of await this.list()) if (!keep.includes(n)) await this.remove(n);
  }

  /**
   * Brings the folder to a consistent state before a run stages a new generation; returns the messages worth a
   * warning. Discards an older version's staging, rolls `current` back from a generation whose marker does not
   * match, moves an older version's top-level dataset into a generation of its own, and makes the top-level links.
   */
  async recover(): Promise<string[]> {
    const warnings: string[] = [];
    await this.discardLegacyStaging(warnings);
    await makeDirectory(this.root);
    const rootStat = await fs.lstat(this.root);
    if (!rootStat.isDirectory()) throw Object.assign(new Error(`${this.root} is not a folder`), { code: 'ENOTDIR' });
    await fs.rm(path.join(this.root, `${CURRENT}.tmp`), { force: true });
    let current = await this.current();
    if (await fs.lstat(path.join(this.root, CURRENT)).catch(() => null)) {
      const problem =
        current === null ? 'the pointer is not a link to a generation' : !(await this.list()).includes(current) ? 'its folder is missing' : await markerProblem(this.dir(current));
      if (problem !== null) {
        const fallback = await this.newestValid(current ?? Infinity);
        if (fallback === null) await fs.rm(path.join(this.root, CURRENT), { force: true });
        else await this.point(fallback);
        const what = current === null ? `${path.join(this.root, CURRENT)}` : `dataset generation ${generationName(current)}`;
        warnings.push(`${what} is not committed (${problem}): ${fallback === null ? 'no earlier generation is whole, the folder holds no dataset until this run commits' : `rolled back to generation ${generationName(fallback)}`}`);
        current = fallback;
      }
    } else if (await this.hasLegacyDataset()) {
      current = await this.adoptLegacyDataset();
    }
    // Keep the generation before `current` for readers that pinned it; anything else is an interrupted staging.
    const older = (await this.list()).filter((n) => current !== null && n < current);
    await this.removeAllBut([current, older.at(-1) ?? null]);
    for (const name of DATASET_NAMES) {
      const link = path.join(GENERATIONS, CURRENT, name);
      if ((await fs.readlink(path.join(this.outDir, name)).catch(() => null)) !== link) await replaceWithLink(this.outDir, name, link);
    }
    return warnings;
  }

  /** A new, empty generation folder numbered after every existing one. */
  async stage(): Promise<number> {
    const n = Math.max(0, ...(await this.list()), (await this.current()) ?? 0) + 1;
    await fs.mkdir(this.dir(n));
    return n;
  }

  private async newestValid(below: number): Promise<number | null> {
    for (const n of (await this.list()).filter((g) => g < below).reverse()) if ((await markerProblem(this.dir(n))) === null) return n;
    return null;
  }

  private async discardLegacyStaging(warnings: string[]): Promise<void> {
    const staging = path.join(this.outDir, LEGACY_STAGING);
    if (!(await fs.lstat(staging).catch(() => null))?.isDirectory()) return;
    if (await fs.lstat(path.join(staging, MARKER)).catch(() => null)) warnings.push(`${staging}: an interrupted commit of an older chronique version, discarded (its marker is not verifiable); the dataset in place is kept`);
    for (const name of OWN_NAMES) await fs.rm(path.join(staging, name), { force: true });
    await fs.rmdir(staging).catch(() => undefined);
  }

  /** An older version's dataset: regular files at the top level, no pointer. */
  private async hasLegacyDataset(): Promise<boolean> {
    return Boolean((await fs.lstat(path.join(this.outDir, 'articles.jsonl')).catch(() => null))?.isFile());
  }

  /**
   * Copies the top-level files into a committed generation and points `current` at it; the top-level files are then
   * replaced by links one at a time, each by a link to a copy of itself, so readers see the same dataset throughout.
   */
  private async adoptLegacyDataset(): Promise<number> {
    const n = await this.stage();
    const dir = this.dir(n);
    const entries: MarkerEntry[] = [];
    for (const name of DATASET_NAMES) {
      const from = path.join(this.outDir, name);
      const to = path.join(dir, name);
      if ((await fs.lstat(from).catch(() => null))?.isFile()) await fs.copyFile(from, to);
      else await fs.writeFile(to, '');
      const handle = await fs.open(to, 'r+');
      await handle.sync();
      await handle.close();
      entries.push({ name, size: (await fs.stat(to)).size, sha256: await sha256File(to) });
    }
    await writeDurable(path.join(dir, MARKER), formatMarker(entries));
    await syncDirectory(dir);
    await this.point(n);
    await syncDirectory(this.root);
    return n;
  }
}
