/**
 * Ingestion: walk a corpus folder in a stable order and turn each file (or JSONL line) into a Document.
 * Unreadable or malformed inputs become documents with status `error` and a reason naming the file (and line),
 * so that nothing is silently dropped and one bad file never stops the others.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { createDocument, createErrorDocument, type ArticleMeta, type Document, type Span } from '../document.js';
import { sha256 } from '../util/hash.js';
import { extractHtmlArticle, type ExtractedHtmlArticle } from './html.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.json', '.jsonl', '.html', '.htm'] as const;

/** A file found in the corpus, before it is read. */
export interface CorpusFile {
  /** Path relative to the corpus root, with `/` separators. */
  relativePath: string;
  absolutePath: string;
  size: number;
}

export interface WalkIssue {
  relativePath: string;
  reason: string;
}

/**
 * Lists the corpus files recursively, sorted by relative path (code-unit order, locale-independent).
 * Symlinked folders are followed once (a loop is reported, not followed); hidden entries are ignored.
 */
export async function listCorpusFiles(root: string): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }> {
  const files: CorpusFile[] = [];
  const issues: WalkIssue[] = [];
  const visitedDirs = new Set<string>();

  async function walk(dir: string, relativeDir: string): Promise<void> {
    let realDir: string;
    try {
      realDir = await fs.realpath(dir);
    } catch (error) {
      issues.push({ relativePath: relativeDir || '.', reason: `cannot resolve folder: ${describeError(error)}` });
      return;
    }
    if (visitedDirs.has(realDir)) {
      issues.push({ relativePath: relativeDir, reason: 'symlink loop or repeated folder, not followed' });
      return;
    }
    visitedDirs.add(realDir);
    let entries: string[];
    try {
      entries = await fs.readdir(dir);
    } catch (error) {
      issues.push({ relativePath: relativeDir || '.', reason: `cannot read folder: ${describeError(error)}` });
      return;
    }
    entries.sort(compareCodeUnits);
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const absolutePath = path.join(dir, name);
      const relativePath = relativeDir ? `${relativeDir}/${name}` : name;
      let stat;
      try {
        stat = await fs.stat(absolutePath);
      } catch (error) {
        issues.push({ relativePath, reason: `cannot stat: ${describeError(error)}` });
        continue;
      }
      if (stat.isDirectory()) {
        await walk(absolutePath, relativePath);
      } else if (stat.isFile()) {
        if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase())) {
          files.push({ relativePath, absolutePath, size: stat.size });
        } else {
          issues.push({ relativePath, reason: `unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(', ')})` });
        }
      } else {
        // A FIFO named `x.txt` would block a read forever; sockets and devices are not articles either.
        issues.push({ relativePath, reason: 'not a regular file (FIFO, socket or device), not read' });
      }
    }
  }

  await walk(root, '');
  files.sort((a, b) => compareCodeUnits(a.relativePath, b.relativePath));
  return { files, issues };
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return error instanceof Error ? error.message : String(error);
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

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
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

interface ParsedText extends ExtractedHtmlArticle {
  sourceName: string | null;
}

const HEADER_LINE = /^[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+(\S[^\r\n]*?)[ \t]*(?:\r\n|\r|\n|$)/;
const FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;

/** Parses a `.txt` article: optional `date YYYY-MM[-DD] <title>` first line or a `---` front-matter block. */
export function parseTextArticle(text: string): ParsedText {
  const header = HEADER_LINE.exec(text);
  if (header) {
    const title = header[2] ?? '';
    const titleStart = header[0].indexOf(title);
    return {
      text,
      title,
      titleSpan: { start: titleStart, end: titleStart + title.length },
      bodySpan: { start: header[0].length, end: text.length },
      published: header[1] ?? null,
      url: null,
      sourceName: null,
    };
  }
  const front = FRONT_MATTER.exec(text);
  if (front) {
    const fields = new Map<string, { value: string; offset: number }>();
    const blockStart = front[0].indexOf(front[1] ?? '');
    let offset = blockStart;
    for (const line of (front[1] ?? '').split(/\r\n|\r|\n/)) {
      const field = /^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
      if (field?.[1] && field[2] !== undefined) {
        const valueOffset = offset + line.indexOf(field[2], field[1].length + 1);
        fields.set(field[1].toLowerCase(), { value: unquote(field[2]), offset: valueOffset });
      }
      offset += line.length + 1;
    }
    const title = fields.get('title');
    const titleText = title?.value ?? null;
    // The title's span only counts when it is literally in the text (not quoted / escaped).
    const titleSpan = title && titleText && text.slice(title.offset, title.offset + titleText.length) === titleText
      ? { start: title.offset, end: title.offset + titleText.length }
      : null;
    return {
      text,
      title: titleText,
      titleSpan,
      bodySpan: { start: front[0].length, end: text.length },
      published: normalizePublished(fields.get('date')?.value ?? null),
      url: fields.get('url')?.value ?? null,
      sourceName: fields.get('source')?.value ?? null,
    };
  }
  return { text, title: null, titleSpan: null, bodySpan: { start: 0, end: text.length }, published: null, url: null, sourceName: null };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

/** Keeps the ISO calendar part of a date (`2024-03-05T10:00Z` → `2024-03-05`); anything else → null. */
export function normalizePublished(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && (Number(day) < 1 || Number(day) > 31)) return null;
  return [year, month, day].filter(Boolean).join('-');
}

/** A JSON article record as accepted in `.json` and `.jsonl` files. */
interface JsonArticle {
  id?: unknown;
  text?: unknown;
  title?: unknown;
  published?: unknown;
  url?: unknown;
  source?: unknown;
  lang?: unknown;
}

function optionalString(record: JsonArticle, field: keyof JsonArticle): string | null {
  const value = record[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function documentFromJson(record: unknown, id: string, source: string): Document {
  const meta: ArticleMeta = baseMeta(id, source, '');
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return createErrorDocument(meta, `${id}: expected a JSON object with a "text" field`);
  }
  const article = record as JsonArticle;
  if (typeof article.text !== 'string') return createErrorDocument(meta, `${id}: missing or non-string "text" field`);
  const text = article.text;
  meta.sha256 = sha256(text);
  meta.title = optionalString(article, 'title');
  meta.published = normalizePublished(optionalString(article, 'published'));
  meta.url = optionalString(article, 'url');
  meta.externalId = typeof article.id === 'string' || typeof article.id === 'number' ? String(article.id) : null;
  meta.sourceName = optionalString(article, 'source');
  meta.declaredLanguage = optionalString(article, 'lang');
  return createDocument(meta, text, { start: 0, end: text.length }, null);
}

function baseMeta(id: string, source: string, text: string): ArticleMeta {
  return { id, source, sha256: sha256(text), title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null };
}

/**
 * Reads one corpus file into one or more documents (JSONL: one per non-blank line).
 * Never throws: every failure becomes an error document naming the file (and line).
 */
export async function readCorpusFile(file: CorpusFile, maxFileBytes: number): Promise<Document[]> {
  const id = file.relativePath;
  if (file.size > maxFileBytes) {
    return [createErrorDocument(baseMeta(id, id, ''), `${id}: file too large (${formatBytes(file.size)} > limit ${formatBytes(maxFileBytes)}; raise run.maxFileBytes / --max-file-mb)`)];
  }
  let text: string;
  try {
    text = decodeText(await readCorpusBytes(file.absolutePath, maxFileBytes));
  } catch (error) {
    return [createErrorDocument(baseMeta(id, id, ''), `${id}: ${describeError(error)}`)];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseCorpusText(file.relativePath, text);
}

/**
 * Reads a file that must still be a regular file within the size limit: it may have been swapped for a FIFO
 * (whose read would block forever) or have grown since the walk. O_NONBLOCK makes opening a FIFO return at once.
 */
export async function readCorpusBytes(absolutePath: string, maxFileBytes: number): Promise<Buffer> {
  const handle = await fs.open(absolutePath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file (FIFO, socket or device), not read');
    if (stat.size > maxFileBytes) throw new Error(`file too large (${formatBytes(stat.size)} > limit ${formatBytes(maxFileBytes)})`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Turns a decoded file's content into documents according to its extension. */
export function parseCorpusText(relativePath: string, text: string): Document[] {
  const id = relativePath;
  const extension = path.extname(relativePath).toLowerCase();
  if (extension === '.jsonl') return parseJsonLines(relativePath, text);
  if (extension === '.json') {
    try {
      return [documentFromJson(JSON.parse(text), id, relativePath)];
    } catch (error) {
      return [createErrorDocument(baseMeta(id, id, text), `${id}: invalid JSON: ${describeError(error)}`)];
    }
  }
  if (extension === '.html' || extension === '.htm') {
    const article = extractHtmlArticle(text);
    const meta = baseMeta(id, id, article.text);
    meta.title = article.title;
    meta.published = article.published;
    meta.url = article.url;
    return [createDocument(meta, article.text, article.bodySpan, article.titleSpan)];
  }
  const parsed = parseTextArticle(text);
  const meta = baseMeta(id, id, text);
  meta.title = parsed.title;
  meta.published = parsed.published;
  meta.url = parsed.url;
  meta.sourceName = parsed.sourceName;
  return [createDocument(meta, text, parsed.bodySpan, parsed.titleSpan)];
}

function parseJsonLines(relativePath: string, text: string): Document[] {
  const documents: Document[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const id = `${relativePath}#${index + 1}`;
    try {
      documents.push(documentFromJson(JSON.parse(line), id, relativePath));
    } catch (error) {
      documents.push(createErrorDocument(baseMeta(id, relativePath, line), `${relativePath}:${index + 1}: invalid JSON line: ${describeError(error)}`));
    }
  });
  return documents;
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
