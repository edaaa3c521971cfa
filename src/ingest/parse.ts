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

export function baseMeta(id: string, source: string, text: string): ArticleMeta {
  return { id, source, sha256: sha256(text), title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null };
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
