/**
 * Crash-safe dataset writer. A run streams its rows into `<out>/.staging/`; committing writes a `COMMIT` marker
 * (the list of files to move) and only then renames each file over the previous dataset. A run killed before the
 * marker leaves the previous dataset untouched (the staging folder is discarded next time); a run killed after it
 * is rolled forward by the next run. Either way no reader ever sees a half-written file.
 */
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DATASET_FILES, type ArticleRecords, type DatasetFile } from './records.js';
import { makeDirectory } from '../util/make-directory.js';

const STAGING = '.staging';
const COMMIT_MARKER = 'COMMIT';
const FLUSH_BYTES = 1 << 20;

export class OutputError extends Error {
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** Finishes or discards whatever an interrupted run left in `<out>/.staging`. */
export async function recoverOutput(outDir: string): Promise<'none' | 'rolled-forward' | 'discarded'> {
  const staging = path.join(outDir, STAGING);
  let marker: string;
  try {
    marker = await fs.readFile(path.join(staging, COMMIT_MARKER), 'utf8');
  } catch {
    const existed = await fs.stat(staging).then(() => true, () => false);
    if (existed) await fs.rm(staging, { recursive: true, force: true });
    return existed ? 'discarded' : 'none';
  }
  await moveStagedFiles(staging, outDir, JSON.parse(marker) as string[]);
  return 'rolled-forward';
}

async function moveStagedFiles(staging: string, outDir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const from = path.join(staging, name);
    // A file already moved by an earlier, interrupted roll-forward is simply gone from staging.
    if (await fs.stat(from).then(() => true, () => false)) await fs.rename(from, path.join(outDir, name));
  }
  await fs.rm(staging, { recursive: true, force: true });
}

/** What a run writes its records to, article by article in id order. */
export interface RecordSink {
  append(records: ArticleRecords): Promise<void>;
  readonly counts: Record<DatasetFile, number>;
  commit(manifest: unknown): Promise<void>;
  abort(): Promise<void>;
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

  async commit(): Promise<void> {
    if (this.failure) throw asOutputError(this.failure, 'standard output');
  }

  async abort(): Promise<void> {}
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

  async commit(manifest: unknown): Promise<void> {
    await this.second.commit(manifest);
    await this.first.commit(manifest);
  }

  async abort(): Promise<void> {
    await this.first.abort();
    await this.second.abort();
  }
}

export class DatasetWriter implements RecordSink {
  private readonly buffers = new Map<DatasetFile, string[]>();
  private readonly bufferedBytes = new Map<DatasetFile, number>();
  private readonly handles = new Map<DatasetFile, fs.FileHandle>();
  private readonly lineCounts = new Map<DatasetFile, number>();

  private constructor(readonly outDir: string, private readonly stagingDir: string) {}

  /** Prepares `<out>/.staging` after recovering from any interrupted run. Throws OutputError when not writable. */
  static async open(outDir: string): Promise<DatasetWriter> {
    const resolved = path.resolve(outDir);
    try {
      await makeDirectory(resolved);
      await recoverOutput(resolved);
      const staging = path.join(resolved, STAGING);
      await makeDirectory(staging);
      const writer = new DatasetWriter(resolved, staging);
      for (const file of DATASET_FILES) {
        writer.handles.set(file, await fs.open(path.join(staging, `${file}.jsonl`), 'w'));
        writer.buffers.set(file, []);
        writer.bufferedBytes.set(file, 0);
        writer.lineCounts.set(file, 0);
      }
      return writer;
    } catch (error) {
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
    try {
      await handle.write(chunks.join(''));
    } catch (error) {
      throw asOutputError(error, path.join(this.stagingDir, `${file}.jsonl`));
    }
    this.buffers.set(file, []);
    this.bufferedBytes.set(file, 0);
  }

  /** Makes the staged dataset (plus the manifest) the current one, atomically per the COMMIT marker. */
  async commit(manifest: unknown): Promise<void> {
    const names = DATASET_FILES.map((file) => `${file}.jsonl`);
    try {
      for (const file of DATASET_FILES) {
        await this.flush(file);
        const handle = this.handles.get(file)!;
        await handle.sync();
        await handle.close();
      }
      this.handles.clear();
      await fs.writeFile(path.join(this.stagingDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      names.push('manifest.json');
      const markerTmp = path.join(this.stagingDir, `${COMMIT_MARKER}.tmp`);
      await fs.writeFile(markerTmp, JSON.stringify(names));
      await fs.rename(markerTmp, path.join(this.stagingDir, COMMIT_MARKER));
    } catch (error) {
      // No marker yet: drop the staged files and close their handles (a full disk must not keep them open).
      await this.abort().catch(() => undefined);
      throw asOutputError(error, this.stagingDir);
    }
    await moveStagedFiles(this.stagingDir, this.outDir, names);
  }

  /** Drops the staged files; the previous dataset stays as it was. */
  async abort(): Promise<void> {
    for (const handle of this.handles.values()) await handle.close().catch(() => undefined);
    this.handles.clear();
    await fs.rm(this.stagingDir, { recursive: true, force: true });
  }
}

function asOutputError(error: unknown, target: string): OutputError {
  if (error instanceof OutputError) return error;
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  const cause = error instanceof Error ? error.message : String(error);
  const hint = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'not writable' : code === 'ENOSPC' ? 'disk full' : 'write failed';
  return new OutputError(`cannot write output ${target}: ${hint} (${cause})`, target);
}
