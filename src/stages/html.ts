/**
 * HTML articles: Mozilla Readability (on a linkedom DOM) picks the main content; we then rebuild a plain text
 * with one block per line-pair so that paragraphs stay sentence boundaries. Offsets of an HTML article point into
 * this extracted text, which `articles.jsonl` stores as the article's `text`.
 */
import { createRequire } from 'node:module';
import type { Span } from '../document.js';
import { DATELINE_PATTERN, FRENCH_MONTHS } from '../rules/fr/calendar.js';

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

export function extractHtmlArticle(html: string): ExtractedHtmlArticle {
  const { parseHTML, Readability } = loadHtmlLibraries();
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

function isoDatePrefix(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4}-\d{2}(?:-\d{2})?)/.exec(value.trim()) : null;
  return match?.[1] ?? null;
}

/** Wikinews-style dateline: the first paragraph starts with `22 mai 2012. -`. */
function publishedFromDateline(firstBlocks: string[]): string | null {
  for (const block of firstBlocks) {
    const match = DATELINE_PATTERN.exec(block);
    if (!match) continue;
    const month = FRENCH_MONTHS[(match[2] ?? '').toLowerCase()];
    const day = Number(match[1]);
    if (!month || day < 1 || day > 31) continue;
    return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}
