/**
 * HTML articles: Mozilla Readability (on a linkedom DOM) picks the main content; we then rebuild a plain text
 * with one block per line-pair so that paragraphs stay sentence boundaries. Offsets of an HTML article point into
 * this extracted text, which `articles.jsonl` stores as the article's `text`.
 */
import { createRequire } from 'node:module';
import type { Span } from '../document.js';
import { MONTHS } from '../rules/fr/dates-lexicon.js';
import { DATELINE_PATTERN } from '../rules/fr/dateline.js';
import { isCalendarDay } from './published.js';

type HtmlLibraries = { parseHTML: typeof import('linkedom').parseHTML; Readability: typeof import('@mozilla/readability').Readability };
let htmlLibraries: HtmlLibraries | null = null;

/**
 * linkedom and Readability take ~150 ms of CPU to load, a tenth of a cold start: they are loaded (synchronously,
 * their CommonJS builds) when the first HTML article is read, so runs over text and JSON never pay for them.
 */
function loadHtmlLibraries(): HtmlLibraries {
  if (!htmlLibraries) {
    const require = createRequire(import.meta.url);
    htmlLibraries = {
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
    };
  }
  return htmlLibraries;
}

export interface ExtractedHtmlArticle {
  text: string;
  title: string | null;
  titleSpan: Span | null;
  bodySpan: Span;
  published: string | null;
  url: string | null;
}

const BLOCK_SELECTOR = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td, dd, dt';
const PUBLISHED_META = ['article:published_time', 'datePublished', 'date', 'DC.date', 'dc.date', 'pubdate', 'og:published_time'];

/** Minimal view of the DOM we need; linkedom's types are looser than lib.dom's. */
interface ElementLike {
  textContent: string | null;
  tagName: string;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): Iterable<ElementLike>;
  getAttribute(name: string): string | null;
}

export function extractHtmlArticle(source: string): ExtractedHtmlArticle {
  const { parseHTML, Readability } = loadHtmlLibraries();
  // The DOM parser is quadratic in nesting depth (50,000 nested <div>: 10 s; Readability already takes a minute at
  // 1,000) and Readability slow on huge element counts: such a page is first flattened to its text blocks, linearly.
  const html = isPathological(source, MAX_NESTING) ? flattenHtml(source) : source;
  const { document } = parseHTML(html);
  const root = document as unknown as ElementLike & { title?: string };
  const headTitle = cleanInline(root.querySelector('title')?.textContent ?? '') || null;
  const h1 = cleanInline(root.querySelector('h1')?.textContent ?? '') || null;
  const published = publishedFromMeta(root);
  const url = root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? root.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;

  // Readability mutates the DOM it reads, so it gets its own parse.
  const readable = new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 0 }).parse();
  const contentRoot = readable?.content ? (parseHTML(`<html><body>${readable.content}</body></html>`).document as unknown as ElementLike) : root;

  const blocks: string[] = [];
  for (const element of contentRoot.querySelectorAll(BLOCK_SELECTOR)) {
    // Nested blocks (a <p> inside an <li>) would be counted twice: keep only the innermost.
    if (element.querySelector(BLOCK_SELECTOR)) continue;
    const block = cleanInline(element.textContent ?? '');
    if (block) blocks.push(block);
  }
  if (blocks.length === 0) {
    const body = cleanInline(contentRoot.querySelector('body')?.textContent ?? '');
    if (body) blocks.push(body);
  }

  const title = h1 ?? cleanInline(readable?.title ?? '') ?? headTitle;
  // The title line leads the text unless the content already starts with it.
  if (title && blocks[0] !== title) blocks.unshift(title);
  const text = blocks.join('\n\n');
  const titleSpan = title ? { start: 0, end: title.length } : null;
  const bodyStart = titleSpan ? Math.min(text.length, titleSpan.end + 2) : 0;
  return {
    text,
    title: title || headTitle,
    titleSpan,
    bodySpan: { start: bodyStart, end: text.length },
    published: published ?? publishedFromDateline(blocks.slice(titleSpan ? 1 : 0, 4)),
    url,
  };
}

/** Deeper tag nesting than real pages have, even sloppy ones with unclosed inline tags. */
const MAX_NESTING = 128;
/** Elements without content, and elements the parser closes by itself (`<p>`, `<li>`…): they do not deepen nesting. */
const NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);
/** Elements whose content is never article text. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'textarea', 'title']);
/** Elements kept as they are when flattening (page metadata, read by the extraction). */
const KEPT = new Set(['meta', 'link']);
/** More elements than real pages have: Readability's scoring is not linear in them. */
const MAX_TAGS = 50_000;
// No `<` inside a tag's attributes: a stray `<a` then stops at the next `<` instead of scanning to the end (quadratic).
// A comment opener is matched alone; `tagsOf` jumps to its end with indexOf (a lazy `<!--…-->` would rescan the rest
// of the page for every unterminated `<!--`).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>|<!--/g;
const BOUNDARY = '</p><p>';

interface RawTag {
  index: number;
  end: number;
  /** Lower-cased tag name; '' for a comment. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/** The tags of raw markup in order, in one linear pass (comments skipped whole). */
function* tagsOf(html: string): Generator<RawTag> {
  const pattern = new RegExp(TAG.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(html)) !== null) {
    if (match[0] === '<!--') {
      const close = html.indexOf('-->', pattern.lastIndex);
      pattern.lastIndex = close < 0 ? html.length : close + 3;
      yield { index: match.index, end: pattern.lastIndex, name: '', closing: false, selfClosing: false };
      continue;
    }
    yield { index: match.index, end: pattern.lastIndex, name: (match[2] ?? '').toLowerCase(), closing: match[1] === '/', selfClosing: match[3] === '/' };
  }
}

/** Whether the markup nests deeper than `limit` or has more than MAX_TAGS tags, estimated without parsing. */
function isPathological(html: string, limit: number): boolean {
  let depth = 0;
  let count = 0;
  for (const tag of tagsOf(html)) {
    if (++count > MAX_TAGS) return true;
    if (!tag.name || tag.selfClosing || NOT_NESTING.has(tag.name)) continue;
    depth = tag.closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > limit) return true;
  }
  return false;
}

/**
 * The page as a flat list of paragraphs: text between tags is kept, every run of other tags becomes one paragraph
 * boundary, script-like content is dropped, the first `<title>`, `<meta>` and `<link>` are kept. Entities stay for the
 * parser to decode.
 */
function flattenHtml(html: string): string {
  const head: string[] = [];
  const body: string[] = [];
  let skipping: string | null = null;
  let last = 0;
  let lower: string | null = null;
  let titled = false;
  for (const tag of tagsOf(html)) {
    if (!skipping && tag.index > last) body.push(html.slice(last, tag.index));
    last = tag.end;
    if (!tag.name) continue; // a comment
    if (skipping) {
      if (tag.closing && tag.name === skipping) skipping = null;
      continue;
    }
    if (tag.name === 'title' && !tag.closing && !titled) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf('</title', last);
      if (close >= 0) head.push(`<title>${html.slice(last, close)}</title>`);
      titled = true;
    }
    if (RAW_TEXT.has(tag.name) && !tag.closing && !tag.selfClosing) skipping = tag.name;
    else if (KEPT.has(tag.name)) head.push(html.slice(tag.index, tag.end));
    else if (body.length > 0 && body[body.length - 1] !== BOUNDARY) body.push(BOUNDARY);
  }
  if (!skipping && last < html.length) body.push(html.slice(last));
  return `<html><head>${head.join('')}</head><body><p>${body.join('')}</p></body></html>`;
}

/** Collapses whitespace runs inside a block (HTML source indentation is not content); no-break spaces stay. */
function cleanInline(value: string): string {
  return value.replace(/[ \t\r\n\f]+/g, ' ').trim();
}

function publishedFromMeta(root: ElementLike): string | null {
  for (const name of PUBLISHED_META) {
    const meta = root.querySelector(`meta[property="${name}"]`) ?? root.querySelector(`meta[name="${name}"]`) ?? root.querySelector(`meta[itemprop="${name}"]`);
    const value = isoDatePrefix(meta?.getAttribute('content'));
    if (value) return value;
  }
  return isoDatePrefix(root.querySelector('time[datetime]')?.getAttribute('datetime'));
}

/** The date of an ISO 8601 value (`2024-05-02T08:00` → `2024-05-02`) when it names a real day (or month), else null. */
function isoDatePrefix(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])/.exec(value.trim()) : null;
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return null;
  if (day !== undefined && !isCalendarDay(Number(year), Number(month), Number(day))) return null;
  return day === undefined ? `${year}-${month}` : `${year}-${month}-${day}`;
}

/** Wikinews-style dateline: the first paragraph starts with `22 mai 2012. -`. */
function publishedFromDateline(firstBlocks: string[]): string | null {
  for (const block of firstBlocks) {
    const match = DATELINE_PATTERN.exec(block);
    if (!match) continue;
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    const day = Number(match[1]);
    if (!month || !isCalendarDay(Number(match[3]), month, day)) continue;
    return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}
