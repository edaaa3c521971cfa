/**
 * Crash-safe dataset writer. A run streams its rows into a new generation folder `<out>/.generations/<n>/`;
 * committing fsyncs the files, writes the `COMMIT` marker (name, size and sha256 of every file) and then switches the
 * one pointer `<out>/.generations/current` to it by a rename (src/dataset/generations.ts). A run killed at any point
 * leaves readers the previous dataset or the new one, whole; the next run discards or keeps it accordingly. The
 * folder is owned by one run at a time (src/dataset/lock.ts), from `open` to `close`/`abort`.
 */
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DATASET_FILES, type ArticleRecords, type DatasetFile } from './records.js';
import { DATASET_NAMES, formatMarker, Generations, MARKER, syncDirectory, writeDurable, type MarkerEntry } from './generations.js';
import { LockedError, OutputLock } from './lock.js';
import { faultPoint } from '../util/fault.js';
import { makeDirectory } from '../util/make-directory.js';

const FLUSH_BYTES = 1 << 20;

export class OutputError extends Error {
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** What a run writes its records to, article by article in id order. */
export interface RecordSink {
  append(records: ArticleRecords): Promise<void>;
  readonly counts: Record<DatasetFile, number>;
  /** Resolves once the new dataset is the one in place (`onSwitched` the moment it is); rejects with nothing switched. */
  commit(manifest: unknown, onSwitched?: () => void): Promise<void>;
  /** Drops what was staged (the previous dataset stays) and releases the output. */
  abort(): Promise<void>;
  /** Releases the output after a commit. */
  close(): Promise<void>;
}

/** The `kind` of a streamed record, by dataset file. */
export const RECORD_KINDS: Record<DatasetFile, string> = {
  articles: 'article',
  sentences: 'sentence',
  mentions: 'mention',
  timexes: 'timex',
  entities: 'entity',
  events: 'event',
};

/**
 * Records as one JSONL stream (`--stdout`): `{"kind": …, "record": …}` per line, each article's row followed by its
 * sentences, mentions, time expressions, entities and events. The record is wrapped rather than merged with `kind`
 * because a sentence row has a `kind` of its own (`title`/`body`); it is exactly a line of the dataset file.
 */
export class RecordStream implements RecordSink {
  private readonly lineCounts = Object.fromEntries(DATASET_FILES.map((file) => [file, 0])) as Record<DatasetFile, number>;
  private failure: Error | null = null;

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', (error: Error) => {
      this.failure = error;
    });
  }

  async append(records: ArticleRecords): Promise<void> {
    const lines: string[] = [];
    for (const file of DATASET_FILES) {
      for (const row of records[file] as unknown[]) lines.push(`${JSON.stringify({ kind: RECORD_KINDS[file], record: row })}\n`);
      this.lineCounts[file] += (records[file] as unknown[]).length;
    }
    if (this.failure) throw asOutputError(this.failure, 'standard output');
    // Backpressure: a slow reader (`| jq`) holds the run back instead of filling memory.
    if (!this.out.write(lines.join(''))) await Promise.race([once(this.out, 'drain'), once(this.out, 'error')]);
    if (this.failure) throw asOutputError(this.failure, 'standard output');
  }

  get counts(): Record<DatasetFile, number> {
    return { ...this.lineCounts };
  }

  async commit(_manifest: unknown, onSwitched?: () => void): Promise<void> {
    if (this.failure) throw asOutputError(this.failure, 'standard output');
    onSwitched?.();
  }

  async abort(): Promise<void> {}

  async close(): Promise<void> {}
}

/** A dataset folder and a stream at once (`--out DIR --stdout`). */
export class SinkPair implements RecordSink {
  constructor(private readonly first: RecordSink, private readonly second: RecordSink) {}

  async append(records: ArticleRecords): Promise<void> {
    await this.first.append(records);
    await this.second.append(records);
  }

  get counts(): Record<DatasetFile, number> {
    return this.first.counts;
  }

  async commit(manifest: unknown, onSwitched?: () => void): Promise<void> {
    await this.second.commit(manifest);
    await this.first.commit(manifest, onSwitched);
  }

  async abort(): Promise<void> {
    await this.first.abort();
    await this.second.abort();
  }

  async close(): Promise<void> {
    await this.first.close();
    await this.second.close();
  }
}

export class DatasetWriter implements RecordSink {
  private readonly buffers = new Map<DatasetFile, string[]>();
  private readonly bufferedBytes = new Map<DatasetFile, number>();
  private readonly handles = new Map<DatasetFile, fs.FileHandle>();
  private readonly lineCounts = new Map<DatasetFile, number>();
  /** Over the bytes written so far, for the marker: the files are never read back to commit them. */
  private readonly hashes = new Map<DatasetFile, Hash>();
  private readonly sizes = new Map<DatasetFile, number>();
  private switched = false;
  readonly stagingDir: string;

  private constructor(
    readonly outDir: string,
    private readonly generations: Generations,
    private readonly generation: number,
    /** The generation in place when the run started: kept after the switch for readers that pinned it. */
    private readonly previous: number | null,
    private readonly lock: OutputLock,
  ) {
    this.stagingDir = generations.dir(generation);
  }

  /**
   * Takes the output's lock, recovers from any interrupted run (warnings say what was rolled back or discarded) and
   * stages a new generation. Throws LockedError when another run holds the folder, OutputError when not writable.
   */
  static async open(outDir: string, onWarning?: (message: string) => void): Promise<DatasetWriter> {
    const resolved = path.resolve(outDir);
    let lock: OutputLock | undefined;
    let writer: DatasetWriter | undefined;
    try {
      await makeDirectory(resolved);
      lock = await OutputLock.acquire(resolved, onWarning);
      const generations = new Generations(resolved);
      for (const warning of await generations.recover()) onWarning?.(warning);
      const previous = await generations.current();
      writer = new DatasetWriter(resolved, generations, await generations.stage(), previous, lock);
      for (const file of DATASET_FILES) {
        writer.handles.set(file, await fs.open(path.join(writer.stagingDir, `${file}.jsonl`), 'wx'));
        writer.buffers.set(file, []);
        writer.bufferedBytes.set(file, 0);
        writer.lineCounts.set(file, 0);
        writer.hashes.set(file, createHash('sha256'));
        writer.sizes.set(file, 0);
      }
      return writer;
    } catch (error) {
      await (writer ? writer.abort() : lock?.release())?.catch(() => undefined);
      throw asOutputError(error, resolved);
    }
  }

  /** Appends one article's rows. Callers append articles in id order, so files come out sorted. */
  async append(records: ArticleRecords): Promise<void> {
    for (const file of DATASET_FILES) {
      const rows = records[file] as unknown[];
      if (rows.length === 0) continue;
      const lines = rows.map((row) => `${JSON.stringify(row)}\n`).join('');
      this.buffers.get(file)!.push(lines);
      this.lineCounts.set(file, this.lineCounts.get(file)! + rows.length);
      const size = this.bufferedBytes.get(file)! + lines.length;
      this.bufferedBytes.set(file, size);
      if (size >= FLUSH_BYTES) await this.flush(file);
    }
  }

  get counts(): Record<DatasetFile, number> {
    return Object.fromEntries(DATASET_FILES.map((file) => [file, this.lineCounts.get(file) ?? 0])) as Record<DatasetFile, number>;
  }

  private async flush(file: DatasetFile): Promise<void> {
    const chunks = this.buffers.get(file)!;
    if (chunks.length === 0) return;
    const handle = this.handles.get(file)!;
    const data = Buffer.from(chunks.join(''));
    try {
      for (let offset = 0; offset < data.length; ) offset += (await handle.write(data, offset)).bytesWritten;
    } catch (error) {
      throw asOutputError(error, path.join(this.stagingDir, `${file}.jsonl`));
    }
    this.hashes.get(file)!.update(data);
    this.sizes.set(file, this.sizes.get(file)! + data.length);
    this.buffers.set(file, []);
    this.bufferedBytes.set(file, 0);
  }

  /** Makes the staged generation (plus the manifest) the current dataset: marker, then the one pointer rename. */
  async commit(manifest: unknown, onSwitched?: () => void): Promise<void> {
    try {
      const entries: MarkerEntry[] = [];
      for (const file of DATASET_FILES) {
        await this.flush(file);
        const handle = this.handles.get(file)!;
        await handle.sync();
        await handle.close();
        this.handles.delete(file);
        entries.push({ name: `${file}.jsonl`, size: this.sizes.get(file)!, sha256: this.hashes.get(file)!.digest('hex') });
      }
      await faultPoint('commit.flushed');
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      await writeDurable(path.join(this.stagingDir, 'manifest.json'), manifestBytes);
      entries.push({ name: 'manifest.json', size: manifestBytes.length, sha256: createHash('sha256').update(manifestBytes).digest('hex') });
      await faultPoint('commit.manifest');
      const markerTmp = path.join(this.stagingDir, `${MARKER}.tmp`);
      await writeDurable(markerTmp, formatMarker(entries.sort((a, b) => DATASET_NAMES.indexOf(a.name) - DATASET_NAMES.indexOf(b.name))));
      await faultPoint('commit.marker-tmp');
      await fs.rename(markerTmp, path.join(this.stagingDir, MARKER));
      await syncDirectory(this.stagingDir);
      await faultPoint('commit.marker');
      await this.generations.point(this.generation, () => faultPoint('commit.pointer-tmp'));
      this.switched = true;
    } catch (error) {
      // Not switched: drop the staged files and close their handles (a full disk must not keep them open).
      await this.abort().catch(() => undefined);
      throw asOutputError(error, this.stagingDir);
    }
    // The new dataset is in place: nothing after this line may fail the commit; it only makes the switch durable and
    // tidies up (an interrupted tidy-up is finished by the next run's recovery).
    onSwitched?.();
    await syncDirectory(this.generations.root).catch(() => undefined);
    await faultPoint('commit.switched');
    await this.generations.removeAllBut([this.generation, this.previous]).catch(() => undefined);
    await faultPoint('commit.cleaned');
  }

  /** Drops the staged generation (unless already switched to) and releases the output; the previous dataset stays. */
  async abort(): Promise<void> {
    for (const handle of this.handles.values()) await handle.close().catch(() => undefined);
    this.handles.clear();
    try {
      if (!this.switched) await this.generations.remove(this.generation);
    } finally {
      await this.lock.release();
    }
  }

  async close(): Promise<void> {
    await this.lock.release();
  }
}

function asOutputError(error: unknown, target: string): OutputError {
  if (error instanceof OutputError) return error;
  // Another run's lock is not a write failure: its message names the holder.
  if (error instanceof LockedError) return new OutputError(error.message, error.lockPath);
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  const cause = error instanceof Error ? error.message : String(error);
  const hint = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'not writable' : code === 'ENOSPC' ? 'disk full' : 'write failed';
  return new OutputError(`cannot write output ${target}: ${hint} (${cause})`, target);
}
