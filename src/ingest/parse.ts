/**
 * Decoded text → documents, by file extension: `.txt` (header line or front matter), `.json`, `.jsonl` (one document
 * per non-blank line), `.html` (Readability). Malformed content becomes documents with status `error` and a reason
 * naming the file (and line); nothing here throws.
 */
import path from 'node:path';
import { createDocument, createErrorDocument, type ArticleMeta, type Document, type Span } from '../document.js';
import { describeError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { extractHtmlArticle, type ExtractedHtmlArticle } from './html.js';
import { parsePublished, rejectedPublishedWarning } from './published.js';
import { assignRecordIds, type RecordIdentity } from './record-ids.js';
import { compareCodeUnits } from './walk.js';

/** How an input's text is read: by default from its extension. */
export type InputFormat = 'txt' | 'json' | 'jsonl' | 'html';
export const INPUT_FORMATS: readonly InputFormat[] = ['txt', 'json', 'jsonl', 'html'];

/**
 * The fields of a JSON article record (`.json`, `.jsonl`, standard input, the library's `process`) and of a `.txt`
 * front matter, each with the other names feeds commonly give it. The first name present with a usable value wins,
 * in this order.
 */
export const ARTICLE_FIELDS = {
  id: ['id'],
  text: ['text'],
  title: ['title'],
  published: ['published', 'date', 'published_at', 'pubDate', 'datePublished'],
  url: ['url'],
  source: ['source'],
  lang: ['lang', 'language'],
} as const satisfies Record<string, readonly string[]>;
export type ArticleField = keyof typeof ARTICLE_FIELDS;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.values(ARTICLE_FIELDS).flat());

/** Fields of a record that no article field reads, sorted (reported once per file, and in the manifest). */
export function unknownFields(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => !KNOWN_FIELDS.has(key)).sort(compareCodeUnits);
}

interface ParsedText extends ExtractedHtmlArticle {
  sourceName: string | null;
  externalId: string | null;
  declaredLanguage: string | null;
  unknownFields: string[];
  /** A publication date the source gave that is not a date (the caller warns, naming the file). */
  rejectedPublished?: string;
}

const HEADER_LINE = /^[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+(\S[^\r\n]*?)[ \t]*(?:\r\n|\r|\n|$)/;
const FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;

/** Parses a `.txt` article: optional `date YYYY-MM[-DD] <title>` first line or a `---` front-matter block. */
export function parseTextArticle(text: string): ParsedText {
  const header = HEADER_LINE.exec(text);
  if (header) {
    const title = header[2] ?? '';
    const titleStart = header[0].indexOf(title);
    const published = parsePublished(header[1] ?? '');
    return {
      text,
      title,
      titleSpan: { start: titleStart, end: titleStart + title.length },
      bodySpan: { start: header[0].length, end: text.length },
      published,
      ...(published === null ? { rejectedPublished: header[1] ?? '' } : {}),
      url: null,
      sourceName: null,
      externalId: null,
      declaredLanguage: null,
      unknownFields: [],
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
    // Front-matter keys are matched case-insensitively: the same names as a JSON record's, lower-cased.
    const lookup = (field: ArticleField): string | null => {
      for (const name of ARTICLE_FIELDS[field]) {
        const entry = fields.get(name.toLowerCase());
        if (entry && entry.value !== '') return entry.value;
      }
      return null;
    };
    const known = new Set(Object.values(ARTICLE_FIELDS).flat().map((name) => name.toLowerCase()));
    const title = fields.get('title');
    const titleText = title?.value ?? null;
    // The title's span only counts when it is literally in the text (not quoted / escaped).
    const titleSpan = title && titleText && text.slice(title.offset, title.offset + titleText.length) === titleText
      ? { start: title.offset, end: title.offset + titleText.length }
      : null;
    const givenPublished = lookup('published');
    const published = normalizePublished(givenPublished);
    return {
      text,
      title: titleText,
      titleSpan,
      bodySpan: { start: front[0].length, end: text.length },
      published,
      ...(givenPublished !== null && published === null ? { rejectedPublished: givenPublished } : {}),
      url: lookup('url'),
      sourceName: lookup('source'),
      externalId: lookup('id'),
      declaredLanguage: lookup('lang'),
      unknownFields: [...fields.keys()].filter((key) => !known.has(key)).sort(compareCodeUnits),
    };
  }
  return { text, title: null, titleSpan: null, bodySpan: { start: 0, end: text.length }, published: null, url: null, sourceName: null, externalId: null, declaredLanguage: null, unknownFields: [] };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

/**
 * The calendar part of a publication date as the source wrote it, read strictly (`parsePublished`,
 * src/ingest/published.ts): ISO 8601 (`2024-03-05T10:00Z` → `2024-03-05`), `YYYY-MM`, `YYYY`, or RSS's RFC 2822
 * (`Tue, 05 Mar 2024 10:00:00 +0100` → `2024-03-05`); anything else → null.
 */
export function normalizePublished(value: string | null | undefined): string | null {
  return value ? parsePublished(value) : null;
}

function fieldValue(record: Record<string, unknown>, field: ArticleField): unknown {
  for (const name of ARTICLE_FIELDS[field]) {
    const value = record[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function optionalString(record: Record<string, unknown>, field: ArticleField): string | null {
  const value = fieldValue(record, field);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A record's own id (`id` field and aliases, a string or a number) as text, or null. */
export function recordOwnId(record: Record<string, unknown>): string | null {
  const value = fieldValue(record, 'id');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** The identity of one non-blank JSONL line (`value`: its JSON, `undefined` when it does not parse). */
export function recordIdentity(line: number, lineText: string, value: unknown): RecordIdentity {
  const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const text = record && typeof record.text === 'string' ? record.text : null;
  return { line, ownId: record ? recordOwnId(record) : null, contentHash: sha256(text ?? lineText) };
}

/** A parsed JSON value as a document: `position` names the record in reasons (`file`, or `file:line`). */
export function jsonDocument(value: unknown, id: string, source: string, position: string): Document {
  return documentFromJson(value, id, source, position);
}

/** One article record (the library's `process` input) as a document, read as a JSON article is: same fields and aliases. */
export function documentFromRecord(record: unknown, id: string): Document {
  return documentFromJson(record, id, id, id);
}

/** `position` is how reasons name the record: the file, or `file:line` for a JSONL line (never the `#` id form). */
function documentFromJson(record: unknown, id: string, source: string, position: string): Document {
  const meta: ArticleMeta = baseMeta(id, source, '');
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return createErrorDocument(meta, `${position}: expected a JSON object with a "text" field`);
  }
  const article = record as Record<string, unknown>;
  meta.unknownFields = unknownFields(article);
  if (typeof article.text !== 'string') return createErrorDocument(meta, `${position}: missing or non-string "text" field`);
  const text = article.text;
  meta.sha256 = sha256(text);
  meta.title = optionalString(article, 'title');
  const givenPublished = fieldValue(article, 'published');
  meta.published = typeof givenPublished === 'string' ? normalizePublished(givenPublished) : null;
  if (givenPublished !== undefined && meta.published === null) meta.warnings = [rejectedPublishedWarning(position, givenPublished)];
  meta.url = optionalString(article, 'url');
  meta.externalId = recordOwnId(article);
  meta.sourceName = optionalString(article, 'source');
  meta.declaredLanguage = optionalString(article, 'lang');
  return createDocument(meta, text, { start: 0, end: text.length }, null);
}

export function baseMeta(id: string, source: string, text: string): ArticleMeta {
  return { id, source, sha256: sha256(text), title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null, unknownFields: [] };
}

/** The format a file's extension says (`.txt` and anything else: a plain article). */
export function formatOf(relativePath: string): InputFormat {
  const extension = path.extname(relativePath).toLowerCase();
  return extension === '.jsonl' ? 'jsonl' : extension === '.json' ? 'json' : extension === '.html' || extension === '.htm' ? 'html' : 'txt';
}

/** Turns a decoded file's content into documents according to its format (by default, its extension's). */
export function parseCorpusText(relativePath: string, text: string, format: InputFormat = formatOf(relativePath)): Document[] {
  const id = relativePath;
  if (format === 'jsonl') return parseJsonLines(relativePath, text);
  if (format === 'json') {
    try {
      return [documentFromJson(JSON.parse(text), id, relativePath, relativePath)];
    } catch (error) {
      return [createErrorDocument(baseMeta(id, id, text), `${id}: invalid JSON: ${describeError(error)}`)];
    }
  }
  if (format === 'html') {
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
  meta.externalId = parsed.externalId;
  meta.declaredLanguage = parsed.declaredLanguage;
  meta.unknownFields = parsed.unknownFields;
  if (parsed.rejectedPublished !== undefined) meta.warnings = [rejectedPublishedWarning(relativePath, parsed.rejectedPublished)];
  return [createDocument(meta, text, parsed.bodySpan, parsed.titleSpan)];
}

/** JSONL text already in memory (standard input, a UTF-16 feed): the ids and order of a streamed feed (src/ingest/jsonl.ts). */
function parseJsonLines(relativePath: string, text: string): Document[] {
  const lines: Array<{ identity: RecordIdentity; line: string; value: unknown; error: unknown }> = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    let error: unknown = null;
    try {
      value = JSON.parse(line);
    } catch (caught) {
      error = caught;
    }
    lines.push({ identity: recordIdentity(index + 1, line, error ? undefined : value), line, value, error });
  });
  const { ids, warnings } = assignRecordIds(relativePath, lines.map((entry) => entry.identity));
  const documents = lines.map((entry, index) => {
    const id = ids[index]!;
    const position = `${relativePath}:${entry.identity.line}`;
    const doc = entry.error
      ? createErrorDocument(baseMeta(id, relativePath, entry.line), `${position}: invalid JSON line: ${describeError(entry.error)}`)
      : documentFromJson(entry.value, id, relativePath, position);
    const warning = warnings[index];
    if (warning) doc.meta.warnings = [...(doc.meta.warnings ?? []), warning];
    return doc;
  });
  return documents.sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));
}
