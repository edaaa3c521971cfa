/**
 * Incremental cache: what each article contributed to the dataset (its `ArticleRecords`), stored under
 * `<out>/.cache/` and keyed by everything that determines it — the article's metadata and text sha256, and the
 * pipeline fingerprint (package version, code hash, configuration hash, per-stage fingerprints such as the model
 * sha256). A run over a corpus where few articles changed only processes those; the others are read back.
 *
 * Two levels, both content-addressed JSON files written atomically (temporary file, then rename):
 * - `articles/<key>.json`: one article's records; key = sha256(fingerprint, article metadata incl. text sha256).
 * - `files/<key>.json`: the article keys a corpus file produced; key = sha256(fingerprint, path, file bytes sha256).
 *   A hit here skips even decoding and parsing the file (HTML extraction is not free).
 * Entries are only ever added during a run; entries the last committed run did not use are pruned after it.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stableStringify } from '../config.js';
import type { ArticleMeta } from '../document.js';
import type { PipelineFingerprint } from '../pipeline.js';
import { DATASET_FILES, type ArticleRecords } from './records.js';
import { sha256 } from '../util/hash.js';
import { makeDirectory } from '../util/make-directory.js';

export const CACHE_DIR = '.cache';
/** Bumped when the entry layout changes, so that an old cache is ignored rather than misread. */
const LAYOUT_VERSION = 'v1';
const ARTICLES = 'articles';
const FILES = 'files';
/** `<configHash>.<key>.json`; names of any other form are stray (temporary files, an older layout) and pruned. */
const ENTRY_NAME = /^([^.]+)\.([0-9a-f]{64})\.json$/;

/** `use`: read and write entries; `force`: write fresh entries without reading; `rebuild`: delete the cache first. */
export type CacheMode = 'use' | 'force' | 'rebuild';

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
}


export function fingerprintHash(fingerprint: PipelineFingerprint): string {
  // Object.entries keeps the stages in pipeline order: reordering stages changes results, so it changes the key.
  return sha256(JSON.stringify([LAYOUT_VERSION, fingerprint.pipelineVersion, fingerprint.codeHash, fingerprint.configHash, Object.entries(fingerprint.stages)]));
}

export class ArticleCache {
  readonly stats: CacheStats = { pruned: 0, writeFailures: 0 };
  private readonly used = new Set<string>();
  private tmpCounter = 0;

  private constructor(
    readonly root: string,
    private readonly fingerprintKey: string,
    private readonly readEntries: boolean,
    /** Entry names start with the configuration hash: a run prunes only its own configuration's entries. */
    private readonly prefix: string,
    private readonly writeEntries = true,
  ) {}

  static async open(outDir: string, fingerprint: PipelineFingerprint, mode: CacheMode = 'use'): Promise<ArticleCache> {
    const root = path.join(path.resolve(outDir), CACHE_DIR, LAYOUT_VERSION);
    if (mode === 'rebuild') await fs.rm(path.join(path.resolve(outDir), CACHE_DIR), { recursive: true, force: true });
    await makeDirectory(path.join(root, ARTICLES));
    await makeDirectory(path.join(root, FILES));
    return new ArticleCache(root, fingerprintHash(fingerprint), mode === 'use', fingerprint.configHash);
  }

  /** No cache (a run without a dataset folder, `--stdout` alone): nothing is read, written or pruned. */
  static disabled(fingerprint: PipelineFingerprint): ArticleCache {
    return new ArticleCache('', fingerprintHash(fingerprint), false, fingerprint.configHash, false);
  }

  fileKey(relativePath: string, bytes: Uint8Array): string {
    const bytesSha = createHash('sha256').update(bytes).digest('hex');
    return sha256(stableStringify({ fingerprint: this.fingerprintKey, path: relativePath, sha256: bytesSha }));
  }

  /** The metadata holds the text sha256 and everything ingestion read beside the text (title, date, url…). */
  articleKey(meta: ArticleMeta): string {
    return sha256(stableStringify({ fingerprint: this.fingerprintKey, meta }));
  }

  /** All articles of a file whose bytes were seen before, or null (any entry missing or unreadable counts as a miss). */
  async readFile(key: string): Promise<ArticleRecords[] | null> {
    if (!this.readEntries) return null;
    const entry = await this.readEntry<FileEntry>(FILES, key);
    if (!entry || !Array.isArray(entry.articles)) return null;
    const all: ArticleRecords[] = [];
    for (const articleKey of entry.articles) {
      const records = await this.readArticleEntry(articleKey);
      if (!records) return null;
      all.push(records);
    }
    this.used.add(`${FILES}/${key}`);
    for (const articleKey of entry.articles) this.used.add(`${ARTICLES}/${articleKey}`);
    return all;
  }

  async readArticle(key: string, expectedId: string): Promise<ArticleRecords | null> {
    if (!this.readEntries) return null;
    const records = await this.readArticleEntry(key);
    if (!records || records.articles[0]?.id !== expectedId) return null;
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
   * model) and stray temporary files; entries of other configurations are kept. Only call after a committed run: an
   * interrupted run must keep the previous entries.
   */
  async prune(): Promise<number> {
    if (!this.writeEntries) return 0;
    let pruned = 0;
    for (const level of [ARTICLES, FILES]) {
      const dir = path.join(this.root, level);
      // Pruning only saves disk space: a folder that cannot be listed is left for the next run.
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const entry = ENTRY_NAME.exec(name);
        // Another configuration's entries (a `--no-ner` run beside the model's) are that configuration's to prune.
        if (entry && entry[1] !== this.prefix) continue;
        if (entry && this.used.has(`${level}/${entry[2]}`)) continue;
        const removed = await fs.rm(path.join(dir, name), { force: true }).then(() => true, () => false);
        if (removed) pruned += 1;
      }
    }
    this.stats.pruned = pruned;
    return pruned;
  }

  private async readArticleEntry(key: string): Promise<ArticleRecords | null> {
    const entry = await this.readEntry<ArticleEntry>(ARTICLES, key);
    const records = entry?.records;
    // An entry is data from disk: one that does not have the records' shape is a miss, never a crash later on.
    if (!records || typeof records !== 'object' || !DATASET_FILES.every((file) => Array.isArray(records[file])) || records.articles.length !== 1) return null;
    return records;
  }

  private async readEntry<T extends { key: string }>(level: string, key: string): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(path.join(this.root, level, `${this.prefix}.${key}.json`), 'utf8');
    } catch {
      return null;
    }
    try {
      const entry = JSON.parse(text) as T;
      // The key stored inside guards against a file copied or renamed by hand.
      return entry && entry.key === key ? entry : null;
    } catch {
      return null;
    }
  }

  private async writeEntry(level: string, key: string, entry: ArticleEntry | FileEntry): Promise<void> {
    if (!this.writeEntries) return;
    const target = path.join(this.root, level, `${this.prefix}.${key}.json`);
    // Written beside the target then renamed: a reader (or a run after a SIGKILL) sees the whole entry or none.
    const temporary = path.join(this.root, level, `.${key}.${process.pid}.${(this.tmpCounter += 1)}.tmp`);
    try {
      await fs.writeFile(temporary, JSON.stringify(entry));
      await fs.rename(temporary, target);
      this.used.add(`${level}/${key}`);
    } catch {
      this.stats.writeFailures += 1;
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
