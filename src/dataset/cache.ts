/**
 * Incremental cache: what each article contributed to the dataset (its `ArticleRecords`), stored under
 * `<out>/.cache/chronique-v2/` and keyed by everything that determines it — the article's metadata and text sha256,
 * and the pipeline fingerprint (package version, code hash, configuration hash, per-stage fingerprints such as the
 * model sha256). A run over a corpus where few articles changed only processes those; the others are read back.
 *
 * Two levels, both content-addressed files written atomically (temporary file, then rename):
 * - `articles/<config>.<key>.json`: one article's records; key = sha256(fingerprint, article metadata incl. text sha256).
 * - `files/<config>.<key>.json`: the article keys a corpus file produced; key = sha256(fingerprint, path, bytes sha256).
 *   A hit here skips even decoding and parsing the file (HTML extraction is not free).
 *
 * An entry is untrusted data from disk. Each file is one header line `chronique-cache-v2 <sha256 of the payload>`
 * then the payload (JSON); a read is served only when the file is a regular file (never a FIFO, device, symlink or
 * folder: those are judged by `lstat` and never opened for reading), within `maxEntryBytes`, its checksum matches,
 * its stored key is the one asked for, and its records pass `recordsViolation` (every row names the article, every
 * span is an exact slice of the article text). Anything else is *discarded*: counted, reported, and recomputed.
 *
 * The cache deletes only names it writes, inside its own subfolder (`ENTRY_NAME`, `TEMPORARY_NAME`): files of any
 * other name under `<out>/.cache/` (`--out ~` makes it `~/.cache`) are never touched, by `run` or by `regenerate`.
 * Entries are only ever added during a run; entries the last committed run did not use are pruned after it.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { stableStringify } from '../config.js';
import type { ArticleMeta } from '../document.js';
import type { PipelineFingerprint } from '../pipeline.js';
import type { ArticleRecords } from './records.js';
import { recordsViolation, type ExpectedArticle } from './verify-records.js';
import { sha256 } from '../util/hash.js';
import { makeDirectory } from '../util/make-directory.js';

export const CACHE_DIR = '.cache';
/**
 * chronique's own subfolder of `<out>/.cache/`, named after the project and the entry layout (bumped when the layout
 * changes, so that an old cache is ignored rather than misread).
 */
export const CACHE_LAYOUT_DIR = 'chronique-v2';
/** Subfolders of `<out>/.cache/` written by older layouts: their entries (our names only) are removed after a commit. */
const OLDER_LAYOUT_DIRS = ['v1'];
const ARTICLES = 'articles';
const FILES = 'files';
const LEVELS = [ARTICLES, FILES] as const;
/** `<configHash>.<key>.json`: the only entry names the cache reads, writes or deletes. */
const ENTRY_NAME = /^([0-9a-f]{8,64})\.([0-9a-f]{64})\.json$/;
/** `.<key>.<pid>.<n>.tmp`: an entry being written (left behind by a killed run; deleted by the next prune). */
const TEMPORARY_NAME = /^\.[0-9a-f]{64}\.\d+\.\d+\.tmp$/;
const KEY = /^[0-9a-f]{64}$/;
const HEADER_PREFIX = 'chronique-cache-v2 ';
/** Header line: prefix, 64 hex digits, newline. */
const HEADER_BYTES = HEADER_PREFIX.length + 64 + 1;
/**
 * An entry holds the article text (at most `run.maxFileBytes` of input) JSON-escaped (up to 6 characters per input
 * byte for control characters) plus every row's own copy of its span text, ids and fields: 32 bytes of entry per
 * byte of input covers that with room, and never less than 16 MiB. A bigger file is discarded unread (and an entry
 * that would be bigger is not written): past the bound, reading the cache would cost more than it saves.
 */
export const CACHE_ENTRY_BYTES_PER_INPUT_BYTE = 32;
const MIN_ENTRY_BYTES = 16 * 1024 * 1024;
/** How many discard reasons the stats keep for the run's warning (the count is exact). */
const DISCARD_EXAMPLES = 5;

export function cacheEntryLimit(maxFileBytes: number): number {
  return Math.max(MIN_ENTRY_BYTES, CACHE_ENTRY_BYTES_PER_INPUT_BYTE * maxFileBytes);
}

/** `use`: read and write entries; `force`: write fresh entries without reading; `rebuild`: delete the entries first. */
export type CacheMode = 'use' | 'force' | 'rebuild';

export interface CacheOptions {
  mode?: CacheMode;
  /** Largest entry file read or written; default `cacheEntryLimit` of the default file limit. */
  maxEntryBytes?: number;
}

interface ArticleEntry {
  key: string;
  records: ArticleRecords;
}

interface FileEntry {
  key: string;
  articles: string[];
}

export interface CacheStats {
  /** Entries deleted by the last `prune`. */
  pruned: number;
  /** Entries that could not be written (the run goes on: the cache only saves time). */
  writeFailures: number;
  /** Entries found but not served (not a regular file, too large, checksum or content wrong): recomputed. */
  discarded: number;
  /** The first discarded entries, `<path under the output folder>: <why>`. */
  discardedExamples: string[];
}

/** The cache folder of a dataset folder. */
export function cacheRoot(outDir: string): string {
  return path.join(path.resolve(outDir), CACHE_DIR, CACHE_LAYOUT_DIR);
}

export function fingerprintHash(fingerprint: PipelineFingerprint): string {
  // Object.entries keeps the stages in pipeline order: reordering stages changes results, so it changes the key.
  return sha256(JSON.stringify([CACHE_LAYOUT_DIR, fingerprint.pipelineVersion, fingerprint.codeHash, fingerprint.configHash, Object.entries(fingerprint.stages)]));
}

type EntryRead = { kind: 'found'; payload: unknown } | { kind: 'missing' } | { kind: 'discarded' };

export class ArticleCache {
  readonly stats: CacheStats = { pruned: 0, writeFailures: 0, discarded: 0, discardedExamples: [] };
  private readonly used = new Set<string>();
  /** `<level>/<key>` of entries discarded this run: counted once, never read twice. */
  private readonly discardedEntries = new Set<string>();
  private tmpCounter = 0;

  private constructor(
    readonly root: string,
    private readonly fingerprintKey: string,
    private readonly readEntries: boolean,
    /** Entry names start with the configuration hash: a run prunes only its own configuration's entries. */
    private readonly prefix: string,
    private readonly maxEntryBytes: number,
    private readonly writeEntries = true,
  ) {}

  static async open(outDir: string, fingerprint: PipelineFingerprint, options: CacheOptions = {}): Promise<ArticleCache> {
    const mode = options.mode ?? 'use';
    const root = cacheRoot(outDir);
    if (mode === 'rebuild') {
      // `regenerate` starts from no entries, every configuration's, and removes nothing it did not write.
      await removeOwnEntries(root, () => true);
      for (const older of OLDER_LAYOUT_DIRS) await removeOlderLayout(path.join(path.resolve(outDir), CACHE_DIR, older));
    }
    for (const level of LEVELS) await makeDirectory(path.join(root, level));
    return new ArticleCache(root, fingerprintHash(fingerprint), mode === 'use', fingerprint.configHash, options.maxEntryBytes ?? cacheEntryLimit(10 * 1024 * 1024));
  }

  /** No cache (a run without a dataset folder, `--stdout` alone): nothing is read, written or pruned. */
  static disabled(fingerprint: PipelineFingerprint): ArticleCache {
    return new ArticleCache('', fingerprintHash(fingerprint), false, fingerprint.configHash, 0, false);
  }

  fileKey(relativePath: string, bytes: Uint8Array): string {
    const bytesSha = createHash('sha256').update(bytes).digest('hex');
    return sha256(stableStringify({ fingerprint: this.fingerprintKey, path: relativePath, sha256: bytesSha }));
  }

  /** The metadata holds the text sha256 and everything ingestion read beside the text (title, date, url…). */
  articleKey(meta: ArticleMeta): string {
    return sha256(stableStringify({ fingerprint: this.fingerprintKey, meta }));
  }

  /**
   * All articles of the corpus file `source` whose bytes were seen before, or null (any entry missing or discarded
   * counts as a miss). Each article entry must name `source` as its file, and no article may appear twice.
   */
  async readFile(key: string, source: string): Promise<ArticleRecords[] | null> {
    if (!this.readEntries) return null;
    const read = await this.readEntry(FILES, key);
    if (read.kind !== 'found') return null;
    const articles = (read.payload as Partial<FileEntry>).articles;
    if (!Array.isArray(articles) || !articles.every((articleKey) => typeof articleKey === 'string' && KEY.test(articleKey)) || new Set(articles).size !== articles.length) {
      this.discard(FILES, key, 'not a list of distinct article keys');
      return null;
    }
    const all: ArticleRecords[] = [];
    const ids = new Set<string>();
    for (const articleKey of articles) {
      const records = await this.readArticleEntry(articleKey, { source });
      if (!records) return null;
      const id = records.articles[0].id;
      if (ids.has(id)) {
        this.discard(FILES, key, `article ${JSON.stringify(id)} listed twice`);
        return null;
      }
      ids.add(id);
      all.push(records);
    }
    this.used.add(`${FILES}/${key}`);
    for (const articleKey of articles) this.used.add(`${ARTICLES}/${articleKey}`);
    return all;
  }

  /** The cached records of the article `expected` (its id, text and text sha256 as just ingested), or null. */
  async readArticle(key: string, expected: ExpectedArticle): Promise<ArticleRecords | null> {
    if (!this.readEntries) return null;
    const records = await this.readArticleEntry(key, expected);
    if (!records) return null;
    this.used.add(`${ARTICLES}/${key}`);
    return records;
  }

  async writeArticle(key: string, records: ArticleRecords): Promise<void> {
    const entry: ArticleEntry = { key, records };
    await this.writeEntry(ARTICLES, key, entry);
  }

  async writeFile(key: string, articleKeys: string[]): Promise<void> {
    const entry: FileEntry = { key, articles: articleKeys };
    await this.writeEntry(FILES, key, entry);
  }

  /**
   * Deletes the entries of this run's configuration that it did not use (removed or changed articles, older code or
   * model), temporary files left by a killed run, and older layouts' entries; entries of other configurations and
   * files of any other name are kept. Only call after a committed run: an interrupted run must keep the previous
   * entries.
   */
  async prune(): Promise<number> {
    if (!this.writeEntries) return 0;
    const pruned = await removeOwnEntries(this.root, (level, configPrefix, key) => configPrefix === this.prefix && !this.used.has(`${level}/${key}`));
    for (const older of OLDER_LAYOUT_DIRS) await removeOlderLayout(path.join(path.dirname(this.root), older));
    this.stats.pruned = pruned;
    return pruned;
  }

  private async readArticleEntry(key: string, expected: ExpectedArticle): Promise<ArticleRecords | null> {
    const read = await this.readEntry(ARTICLES, key);
    if (read.kind !== 'found') return null;
    const records = (read.payload as Partial<ArticleEntry>).records;
    const violation = recordsViolation(records, expected);
    if (violation) {
      // The key covers the article's id and text sha256, so an entry of the right name that fails here was edited
      // or copied by hand: never served, whatever it says.
      this.discard(ARTICLES, key, violation);
      return null;
    }
    return records as ArticleRecords;
  }

  private discard(level: string, key: string, why: string): void {
    const name = `${level}/${key}`;
    if (this.discardedEntries.has(name)) return;
    this.discardedEntries.add(name);
    this.stats.discarded += 1;
    if (this.stats.discardedExamples.length < DISCARD_EXAMPLES) this.stats.discardedExamples.push(`${path.join(CACHE_DIR, CACHE_LAYOUT_DIR, level, this.entryName(key))}: ${why}`);
  }

  private entryName(key: string): string {
    return `${this.prefix}.${key}.json`;
  }

  /** Reads, bounds and checksums one entry file; the payload is parsed JSON whose stored key is `key`. */
  private async readEntry(level: string, key: string): Promise<EntryRead> {
    if (this.discardedEntries.has(`${level}/${key}`)) return { kind: 'discarded' };
    const file = path.join(this.root, level, this.entryName(key));
    const discarded = (why: string): EntryRead => {
      this.discard(level, key, why);
      return { kind: 'discarded' };
    };
    const bytes = await readRegularFile(file, this.maxEntryBytes);
    if (bytes === 'missing') return { kind: 'missing' };
    if (typeof bytes === 'string') return discarded(bytes);
    const header = bytes.subarray(0, HEADER_BYTES).toString('latin1');
    if (bytes.length < HEADER_BYTES || !header.startsWith(HEADER_PREFIX) || header[HEADER_BYTES - 1] !== '\n') return discarded('no checksum header (truncated or not an entry)');
    const payloadBytes = bytes.subarray(HEADER_BYTES);
    if (createHash('sha256').update(payloadBytes).digest('hex') !== header.slice(HEADER_PREFIX.length, HEADER_BYTES - 1)) return discarded('checksum mismatch');
    let payload: unknown;
    try {
      payload = JSON.parse(payloadBytes.toString('utf8'));
    } catch {
      return discarded('not JSON');
    }
    // The key stored inside guards against a file copied or renamed by hand.
    if (!payload || typeof payload !== 'object' || (payload as { key?: unknown }).key !== key) return discarded('stored key differs from its name');
    return { kind: 'found', payload };
  }

  private async writeEntry(level: string, key: string, entry: ArticleEntry | FileEntry): Promise<void> {
    if (!this.writeEntries) return;
    const payload = JSON.stringify(entry);
    // An entry past the read bound would be discarded on every read: not written at all.
    if (HEADER_BYTES + Buffer.byteLength(payload, 'utf8') > this.maxEntryBytes) return;
    // The checksum is over the payload's UTF-8 bytes, exactly what follows the header line in the file.
    const header = `${HEADER_PREFIX}${createHash('sha256').update(payload, 'utf8').digest('hex')}\n`;
    const target = path.join(this.root, level, this.entryName(key));
    // Written beside the target then renamed: a reader (or a run after a SIGKILL) sees the whole entry or none.
    const temporary = path.join(this.root, level, `.${key}.${process.pid}.${(this.tmpCounter += 1)}.tmp`);
    try {
      // `wx`: never written through something already there (a symlink planted at the temporary name points anywhere).
      await fs.writeFile(temporary, header + payload, { encoding: 'utf8', flag: 'wx' });
      await fs.rename(temporary, target);
      this.used.add(`${level}/${key}`);
    } catch {
      this.stats.writeFailures += 1;
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/**
 * The bytes of `file` when it is a regular file of at most `maxBytes`; 'missing' when absent; else why not.
 * `lstat` decides before any open: a FIFO, device, socket, folder or symlink (to `/dev/zero`, say) is never opened.
 * The open itself is non-blocking and refuses symlinks, and `fstat` must show the same regular file, so a swap
 * between the two calls is caught too; at most `maxBytes` + 1 bytes are ever read.
 */
async function readRegularFile(file: string, maxBytes: number): Promise<Buffer | 'missing' | string> {
  let before;
  try {
    before = await fs.lstat(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot stat (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (before.isSymbolicLink()) return 'a symbolic link, not read';
  if (!before.isFile()) return 'not a regular file, not read';
  if (before.size > maxBytes) return `larger than the cache entry limit (${before.size} > ${maxBytes} bytes)`;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot open (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev) return 'replaced while read';
    if (now.size > maxBytes) return `larger than the cache entry limit (${now.size} > ${maxBytes} bytes)`;
    const buffer = Buffer.alloc(now.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > now.size) return 'grew while read';
    return buffer.subarray(0, filled);
  } catch (error) {
    return `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Deletes, under `root/<level>/`, the entry files `doomed` selects and every temporary file; returns how many.
 * Names of any other form are not the cache's and stay; so does a folder that happens to bear an entry's name
 * (`fs.rm` without `recursive` refuses it). A folder that cannot be listed is left for the next run.
 */
async function removeOwnEntries(root: string, doomed: (level: string, configPrefix: string, key: string) => boolean): Promise<number> {
  let removed = 0;
  for (const level of LEVELS) {
    const dir = path.join(root, level);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const entry = ENTRY_NAME.exec(name);
      if (entry ? !doomed(level, entry[1]!, entry[2]!) : !TEMPORARY_NAME.test(name)) continue;
      if (await fs.rm(path.join(dir, name), { force: true }).then(() => true, () => false)) removed += 1;
    }
  }
  return removed;
}

/** An older layout's folder: its entries and temporary files go, then its folders if nothing else is left in them. */
async function removeOlderLayout(dir: string): Promise<void> {
  await removeOwnEntries(dir, () => true);
  for (const level of LEVELS) await fs.rmdir(path.join(dir, level)).catch(() => undefined);
  await fs.rmdir(dir).catch(() => undefined);
}
