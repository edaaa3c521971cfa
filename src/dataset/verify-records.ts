/**
 * Checks that one article's records (an incremental-cache entry read back from disk) are what the stages could have
 * produced for that article: the shape of `ArticleRecords`, every row naming the article, every span lying inside the
 * article text with `text.slice(start, end) === span.text`, and the article row's counts matching its rows. A cache
 * entry is data from disk: anything it says is checked before a single row of it reaches the dataset.
 */
import { DATASET_FILES } from './records.js';
import { sha256 } from '../util/hash.js';

/** What the entry must belong to: the article the runner is about to emit (`text` when the document is at hand). */
export interface ExpectedArticle {
  /** The article id; when absent (a file-level cache hit, before parsing), the row's own id, which must be a string. */
  id?: string;
  /** sha256 of the article text (`ArticleMeta.sha256`). */
  sha256?: string;
  text?: string;
  /** The corpus file the article comes from (`ArticleRow.source`). */
  source?: string;
}

const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Returns why `value` is not a faithful record set of `expected`, or null when it is. Never throws, whatever `value`
 * holds; its walk is iterative (an explicit stack), so a deeply nested tampered entry cannot exhaust the call stack.
 */
export function recordsViolation(value: unknown, expected: ExpectedArticle): string | null {
  if (!isObject(value)) return 'not an object';
  for (const file of DATASET_FILES) if (!Array.isArray(value[file])) return `${file} is not a list`;
  const articles = value.articles as unknown[];
  if (articles.length !== 1) return `${articles.length} article rows instead of 1`;
  const row = articles[0];
  if (!isObject(row)) return 'article row is not an object';
  if (typeof row.id !== 'string' || row.id === '' || (expected.id !== undefined && row.id !== expected.id)) return `article row is ${JSON.stringify(row.id)}${expected.id === undefined ? '' : `, expected ${JSON.stringify(expected.id)}`}`;
  const id = row.id;
  if (typeof row.text !== 'string') return 'article row has no text';
  const text = row.text;
  if (expected.text !== undefined && text !== expected.text) return 'article text differs from the input';
  if (typeof row.sha256 !== 'string' || row.sha256 !== sha256(text)) return 'article sha256 does not match its text';
  if (expected.sha256 !== undefined && row.sha256 !== expected.sha256) return 'article sha256 differs from the input';
  if (expected.source !== undefined && row.source !== expected.source) return `article source is ${JSON.stringify(row.source)}, expected ${JSON.stringify(expected.source)}`;
  if (row.status !== 'ok' && row.status !== 'skipped') return `status ${JSON.stringify(row.status)} is never cached`;
  const counts = row.counts;
  if (!isObject(counts)) return 'article row has no counts';
  for (const file of ['sentences', 'mentions', 'timexes', 'entities', 'events'] as const) {
    if (counts[file] !== (value[file] as unknown[]).length) return `counts.${file} is ${JSON.stringify(counts[file])}, ${(value[file] as unknown[]).length} rows`;
  }
  if (value.unknownFields !== undefined && !(Array.isArray(value.unknownFields) && value.unknownFields.every((field) => typeof field === 'string'))) return 'unknownFields is not a list of strings';

  for (const file of DATASET_FILES) {
    if (file === 'articles') continue;
    for (const [index, item] of (value[file] as unknown[]).entries()) {
      const where = `${file}[${index}]`;
      if (!isObject(item)) return `${where} is not an object`;
      // Events name their article as an object (`article.id`); every other row as a string.
      const owner = file === 'events' ? (isObject(item.article) ? item.article.id : undefined) : item.article;
      if (owner !== id) return `${where} belongs to ${JSON.stringify(owner)}, not ${JSON.stringify(id)}`;
      const bad = spanViolation(item, text);
      if (bad) return `${where}${bad}`;
      if (file === 'entities') {
        if (!Array.isArray(item.mentions)) return `${where}.mentions is not a list`;
        for (const pair of item.mentions as unknown[]) {
          if (!Array.isArray(pair) || pair.length !== 2 || !isOffset(pair[0]) || !isOffset(pair[1]) || pair[0] > pair[1] || pair[1] > text.length) return `${where}.mentions has a pair outside the text`;
        }
      }
    }
  }
  return null;
}

/**
 * Every object inside `root` with a `start` or an `end` must have both as offsets with start ≤ end ≤ text length,
 * and when it carries a string `text`, that text is the exact slice. Returns what is wrong with the first offender.
 * Linear in the row's size: no per-node path strings or entry arrays (a 20 MB article has ~400,000 rows).
 */
function spanViolation(root: Record<string, unknown>, text: string): string | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    if (!isObject(value)) continue;
    if ('start' in value || 'end' in value) {
      const { start, end } = value;
      if (!isOffset(start) || !isOffset(end) || start > end || end > text.length) return `: offsets ${JSON.stringify(start)}–${JSON.stringify(end)} outside the text`;
      if (typeof value.text === 'string' && text.slice(start, end) !== value.text) return `: text ${JSON.stringify(value.text.slice(0, 40))} is not the slice ${start}–${end}`;
    }
    for (const key in value) {
      const child = value[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return null;
}
