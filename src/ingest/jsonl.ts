/**
 * JSONL feeds: identity of their records, and reading them as a stream.
 *
 * A record's article id is `<file>#<its own id>` when it has one (`id`, a string or a number), else
 * `<file>#sha256-<16 hex>` of its text (of the line, for a line that is no article): never its line number, so that a
 * line inserted above leaves every other record's id, cache entry and dataset rows as they were. Two records of one
 * file with the same id keep it in line order, the later ones suffixed `~2`, `~3`… (a warning names them). Records are
 * handed out in id order (code units), the order of the dataset files.
 *
 * `openJsonlFeed` reads a feed file twice, never whole: a first pass in chunks indexes its records (line, byte range,
 * id; the size limit applies to each record, so a feed may be any size), a second reads each record back by its byte
 * range when the runner asks for it. Memory is the index (a few dozen bytes per record) plus the records in flight.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import { createErrorDocument, type Document } from '../document.js';
import { describeError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { baseMeta, jsonDocument, recordIdentity } from './parse.js';
import { firstInvalidUtf8Byte } from './read.js';
import { assignRecordIds, type RecordIdentity } from './record-ids.js';
import { compareCodeUnits, type CorpusFile } from './walk.js';

/** One indexed line of a feed. */
interface FeedRecord {
  id: string;
  line: number;
  warning: string | null;
  /** A record to read back at `[offset, offset + length)`, or why the line is an error row. */
  entry: { kind: 'record'; offset: number; length: number; identity: RecordIdentity } | { kind: 'error'; reason: string; sha256: string };
}

export interface JsonlFeed {
  readonly file: CorpusFile;
  /** How many records (non-blank lines) the feed holds; `read(0…count-1)` gives them in id order. */
  readonly count: number;
  read(index: number): Promise<Document>;
  close(): Promise<void>;
}

export type OpenedFeed =
  | { kind: 'feed'; feed: JsonlFeed }
  /** The whole file is one error row (not a regular file, unreadable, binary). */
  | { kind: 'failed'; documents: Document[] }
  /** UTF-16 (a BOM): read whole, under the file size limit, like any other format. */
  | { kind: 'whole' };

const CHUNK_BYTES = 256 * 1024;
const LF = 0x0a;
const CR = 0x0d;

export async function openJsonlFeed(file: CorpusFile, maxRecordBytes: number): Promise<OpenedFeed> {
  const source = file.relativePath;
  const failed = (reason: string): OpenedFeed => ({ kind: 'failed', documents: [createErrorDocument(baseMeta(source, source, ''), `${source}: ${reason}`)] });
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file.absolutePath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    return failed(describeError(error));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return failed('not a regular file (FIFO, socket or device), not read');
    }
    const head = Buffer.alloc(1024);
    const { bytesRead: headBytes } = await handle.read(head, 0, head.length, 0);
    if (headBytes >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
      await handle.close();
      return { kind: 'whole' };
    }
    if (head.subarray(0, headBytes).includes(0)) {
      await handle.close();
      return failed('binary file, not text');
    }
    const skipBom = headBytes >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const records = await indexFeed(handle, source, skipBom, maxRecordBytes);
    return { kind: 'feed', feed: new FileFeed(file, handle, records) };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return failed(describeError(error));
  }
}

/** The first pass: every non-blank line's id, byte range or error, in id order. */
async function indexFeed(handle: fs.FileHandle, source: string, start: number, maxRecordBytes: number): Promise<FeedRecord[]> {
  type Entry = FeedRecord['entry'];
  const lines: Array<{ line: number; identity: RecordIdentity; entry: Entry }> = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineNumber = 1;
  let lineStart = start;
  let parts: Buffer[] = [];
  let partsLength = 0;
  let oversize: ReturnType<typeof createHash> | null = null;
  let oversizeLength = 0;

  const endLine = (): void => {
    const line = lineNumber;
    if (oversize) {
      const hash = oversize.digest('hex');
      lines.push({
        line,
        identity: { line, ownId: null, contentHash: hash },
        entry: { kind: 'error', reason: `${source}:${line}: record too large (${formatMb(oversizeLength)} > limit ${formatMb(maxRecordBytes)}; raise it with --max-file-mb, library: run.maxFileBytes)`, sha256: hash },
      });
    } else if (partsLength > 0) {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partsLength);
      let text: string | null = null;
      try {
        text = decoder.decode(bytes);
      } catch {
        const hash = createHash('sha256').update(bytes).digest('hex');
        lines.push({ line, identity: { line, ownId: null, contentHash: hash }, entry: { kind: 'error', reason: `${source}:${line}: invalid UTF-8 at byte ${lineStart + firstInvalidUtf8Byte(bytes)}`, sha256: hash } });
      }
      if (text !== null && text.trim() !== '') {
        let value: unknown;
        let parseError: unknown = null;
        try {
          value = JSON.parse(text);
        } catch (error) {
          parseError = error;
        }
        const identity = recordIdentity(line, text, parseError ? undefined : value);
        lines.push({
          line,
          identity,
          entry: parseError ? { kind: 'error', reason: `${source}:${line}: invalid JSON line: ${describeError(parseError)}`, sha256: sha256(text) } : { kind: 'record', offset: lineStart, length: partsLength, identity },
        });
      }
    }
    parts = [];
    partsLength = 0;
    oversize = null;
    oversizeLength = 0;
    lineNumber += 1;
  };
  const addPart = (chunk: Buffer, from: number, to: number): void => {
    if (to <= from) return;
    const part = chunk.subarray(from, to);
    if (oversize) {
      oversize.update(part);
      oversizeLength += part.length;
      return;
    }
    if (partsLength + part.length > maxRecordBytes) {
      // Past the limit the record is only hashed (its id), never kept: one huge line costs no memory.
      oversize = createHash('sha256');
      for (const kept of parts) oversize.update(kept);
      oversize.update(part);
      oversizeLength = partsLength + part.length;
      parts = [];
      partsLength = 0;
      return;
    }
    // A copy: the chunk buffer is reused for the next read.
    parts.push(Buffer.from(part));
    partsLength += part.length;
  };

  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = start;
  let pendingCr = false;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    let from = 0;
    if (pendingCr) {
      pendingCr = false;
      // `\r\n` split across two reads: the `\n` belongs to the line end already counted.
      if (chunk[0] === LF) {
        from = 1;
        lineStart = position + 1;
      }
    }
    for (let i = from; i < bytesRead; i++) {
      const byte = chunk[i];
      if (byte !== LF && byte !== CR) continue;
      addPart(chunk, from, i);
      endLine();
      if (byte === CR) {
        if (i + 1 < bytesRead) {
          if (chunk[i + 1] === LF) i += 1;
        } else {
          pendingCr = true;
        }
      }
      from = i + 1;
      lineStart = position + from;
    }
    addPart(chunk, from, bytesRead);
    position += bytesRead;
  }
  endLine();

  const { ids, warnings } = assignRecordIds(source, lines.map((line) => line.identity));
  const records: FeedRecord[] = lines.map((line, index) => ({ id: ids[index]!, line: line.line, warning: warnings[index] ?? null, entry: line.entry }));
  records.sort((a, b) => compareCodeUnits(a.id, b.id));
  return records;
}

class FileFeed implements JsonlFeed {
  private closed = false;

  constructor(
    readonly file: CorpusFile,
    private readonly handle: fs.FileHandle,
    private readonly records: FeedRecord[],
  ) {}

  get count(): number {
    return this.records.length;
  }

  async read(index: number): Promise<Document> {
    const record = this.records[index]!;
    const source = this.file.relativePath;
    const position = `${source}:${record.line}`;
    const doc = await this.documentOf(record, source, position);
    if (record.warning) doc.meta.warnings = [...(doc.meta.warnings ?? []), record.warning];
    return doc;
  }

  private async documentOf(record: FeedRecord, source: string, position: string): Promise<Document> {
    const { entry } = record;
    if (entry.kind === 'error') {
      const meta = baseMeta(record.id, source, '');
      meta.sha256 = entry.sha256;
      return createErrorDocument(meta, entry.reason);
    }
    const fail = (reason: string): Document => createErrorDocument(baseMeta(record.id, source, ''), `${position}: ${reason}`);
    try {
      if (this.closed) return fail('feed closed before the record was read');
      const bytes = Buffer.alloc(entry.length);
      const { bytesRead } = await this.handle.read(bytes, 0, entry.length, entry.offset);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytesRead));
      const value: unknown = JSON.parse(text);
      const again = recordIdentity(record.line, text, value);
      // The file changed between the two passes: this is not the record the id was made for.
      if (bytesRead !== entry.length || again.ownId !== entry.identity.ownId || again.contentHash !== entry.identity.contentHash) return fail('file changed while it was read');
      return jsonDocument(value, record.id, source, position);
    } catch (error) {
      return fail(`file changed while it was read (${describeError(error)})`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => undefined);
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
