/**
 * Ingestion's one entry point for a file: `loadCorpusFile` reads its bytes once (the runner keys its cache on them)
 * and `documents()` decodes and parses them once into documents; every failure (too large, not a regular file,
 * binary, invalid UTF-8, malformed JSON) becomes an error document naming the file (and line). Nothing here throws.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import { createErrorDocument, type Document } from '../document.js';
import { describeError } from '../util/errors.js';
import { baseMeta, parseCorpusText, type InputFormat } from './parse.js';
import type { CorpusFile } from './walk.js';

/** A corpus file after its one read: its bytes, or the error documents that stand for it. */
export type LoadedFile =
  | { ok: true; bytes: Uint8Array; documents(): Document[] }
  | { ok: false; documents(): Document[] };

export async function loadCorpusFile(file: CorpusFile, maxFileBytes: number): Promise<LoadedFile> {
  const id = file.relativePath;
  const failed = (reason: string): LoadedFile => {
    const documents = [createErrorDocument(baseMeta(id, id, ''), `${id}: ${reason}`)];
    return { ok: false, documents: () => documents };
  };
  if (file.size > maxFileBytes) return failed(tooLarge(`${formatBytes(file.size)} >`, maxFileBytes));
  let bytes: Uint8Array;
  try {
    bytes = file.bytes ?? (await readCorpusBytes(file.absolutePath, maxFileBytes));
  } catch (error) {
    return failed(describeError(error));
  }
  let documents: Document[] | null = null;
  return {
    ok: true,
    bytes,
    documents() {
      if (documents) return documents;
      let text: string;
      try {
        text = decodeArticleText(bytes);
      } catch (error) {
        documents = failed(describeError(error)).documents();
        return documents;
      }
      documents = parseCorpusText(id, text, file.format);
      return documents;
    },
  };
}

/** Reads one corpus file into one or more documents (JSONL: one per non-blank line); never throws. */
export async function readCorpusFile(file: CorpusFile, maxFileBytes: number): Promise<Document[]> {
  return (await loadCorpusFile(file, maxFileBytes)).documents();
}

/** The article text of a file's bytes: decoded (see decodeText), without a leading U+FEFF left after the BOM. */
export function decodeArticleText(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes bytes to text: UTF-8 (BOM removed) or UTF-16 with a BOM. Throws a readable error otherwise. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  if (looksBinary(bytes)) throw new Error('binary file, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error(`invalid UTF-8 at byte ${firstInvalidUtf8Byte(bytes)}`);
  }
}

/** NUL bytes or a known binary signature in the first KiB mean it is not a text article. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  return head.includes(0);
}

export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

/**
 * Reads a file that must still be a regular file within the size limit: it may have been swapped for a FIFO
 * (whose read would block forever) or have grown since the walk. O_NONBLOCK makes opening a FIFO return at once.
 * The limit holds on the bytes actually read, not on the size `stat` reports: `/proc` files say 0 and never end.
 */
export async function readCorpusBytes(absolutePath: string, maxFileBytes: number): Promise<Buffer> {
  const handle = await fs.open(absolutePath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file (FIFO, socket or device), not read');
    if (stat.size > maxFileBytes) throw new Error(tooLarge(`${formatBytes(stat.size)} >`, maxFileBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Whole chunks (some kernel files, `/proc/self/pagemap`, refuse reads of odd sizes): past the limit by at most one.
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxFileBytes) throw new Error(tooLarge('more than', maxFileBytes));
      chunks.push(bytesRead === READ_CHUNK_BYTES ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

const READ_CHUNK_BYTES = 256 * 1024;

/** The reason of a file refused for its size; `measured` says how (`20.0 MB >`, or `more than` when read past the limit). */
function tooLarge(measured: string, maxFileBytes: number): string {
  return `file too large (${measured} limit ${formatBytes(maxFileBytes)}; raise it with --max-file-mb, library: run.maxFileBytes)`;
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The id and source name of standard input (`stdin`, `stdin#<record id>` for a JSONL record). */
export const STDIN_NAME = 'stdin';

/** Standard input, already read, as one corpus file; its format sniffed from the content unless given. */
export function stdinFile(bytes: Uint8Array, format?: InputFormat): CorpusFile {
  return { relativePath: STDIN_NAME, absolutePath: STDIN_NAME, size: bytes.length, bytes, format: format ?? sniffFormat(bytes) };
}

/**
 * `json` when the whole text is one JSON object, `jsonl` when it starts with `{` otherwise, `html` when it starts
 * with `<`, else `txt` (a plain article, optional header line).
 */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  let text: string;
  try {
    text = decodeArticleText(bytes).trimStart();
  } catch {
    return 'txt';
  }
  if (text.startsWith('<')) return 'html';
  if (!text.startsWith('{')) return 'txt';
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? 'json' : 'jsonl';
  } catch {
    return 'jsonl';
  }
}
