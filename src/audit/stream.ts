/**
 * Reads a dataset folder one article at a time: the six `*.jsonl` files are read side by side, line by line, and
 * each article's rows are gathered while the files name that article. The writer appends every file in the same
 * article order (`articles.jsonl` order), so memory holds one article, whatever the dataset size.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pinDataset } from '../dataset/generations.js';
import type { EventRecord } from '../dataset/schema.js';
import type { ArticleRow, EntityRow, MentionRow, SentenceRow, TimexRow } from '../dataset/records.js';

/** Everything the dataset holds about one article. */
export interface ArticleData {
  article: ArticleRow;
  sentences: SentenceRow[];
  mentions: MentionRow[];
  timexes: TimexRow[];
  entities: EntityRow[];
  events: EventRecord[];
}

export class DatasetReadError extends Error {
  override name = 'DatasetReadError';
}

interface Row {
  value: unknown;
  line: number;
}

/** A JSONL file read line by line, with one row of look-ahead. Missing files read as empty. */
class JsonLines {
  private iterator: AsyncIterator<string> | null = null;
  private lineNumber = 0;
  private peeked: Row | null | undefined = undefined;

  constructor(readonly file: string, readonly label: string) {}

  /** Opens the file; `missing` is the error message when it must exist (none: a missing file reads as empty). */
  async open(missing?: string): Promise<void> {
    const exists = await fs.stat(this.file).then((stat) => stat.isFile(), () => false);
    if (!exists) {
      if (missing) throw new DatasetReadError(missing);
      return;
    }
    // Opened now, not on the first read: once every file is open, no later switch or removal changes what is read.
    const handle = await fs.open(this.file, 'r').catch((error: Error) => {
      throw new DatasetReadError(`${this.label}: cannot read (${error.message})`);
    });
    const lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
    this.iterator = lines[Symbol.asyncIterator]();
  }

  async peek(): Promise<Row | null> {
    if (this.peeked !== undefined) return this.peeked;
    this.peeked = await this.readRow();
    return this.peeked;
  }

  async next(): Promise<Row | null> {
    const row = await this.peek();
    this.peeked = undefined;
    return row;
  }

  private async readRow(): Promise<Row | null> {
    if (!this.iterator) return null;
    for (;;) {
      let result: IteratorResult<string>;
      try {
        result = await this.iterator.next();
      } catch (error) {
        throw new DatasetReadError(`${this.label}: cannot read (${error instanceof Error ? error.message : String(error)})`);
      }
      if (result.done) return null;
      this.lineNumber += 1;
      if (result.value.trim() === '') continue;
      try {
        return { value: JSON.parse(result.value) as unknown, line: this.lineNumber };
      } catch (error) {
        throw new DatasetReadError(`${this.label}:${this.lineNumber}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
}

type RowFile = 'sentences' | 'mentions' | 'timexes' | 'entities' | 'events';
const ROW_FILES: RowFile[] = ['sentences', 'mentions', 'timexes', 'entities', 'events'];

function articleOf(file: RowFile, row: unknown): unknown {
  if (!row || typeof row !== 'object') return undefined;
  const value = (row as Record<string, unknown>)['article'];
  // Events carry the article as an object ({id, title, published}).
  return file === 'events' && value && typeof value === 'object' ? (value as Record<string, unknown>)['id'] : value;
}

/**
 * Yields the dataset's articles in file order, each with all its rows. Throws DatasetReadError on bad files. The
 * generation in place is pinned once and every file opened before the first article: a run committing meanwhile
 * changes nothing of what this reads.
 */
export async function* readArticles(dir: string): AsyncGenerator<ArticleData> {
  const resolved = await pinDataset(path.resolve(dir));
  const articles = new JsonLines(path.join(resolved, 'articles.jsonl'), path.join(dir, 'articles.jsonl'));
  await articles.open(`${dir}: not a chronique dataset (no articles.jsonl)`);
  const files = new Map(ROW_FILES.map((name) => [name, new JsonLines(path.join(resolved, `${name}.jsonl`), path.join(dir, `${name}.jsonl`))] as const));
  for (const file of files.values()) await file.open();
  for (;;) {
    const row = await articles.next();
    if (!row) break;
    const article = row.value as ArticleRow;
    if (!article || typeof article !== 'object' || typeof article.id !== 'string') throw new DatasetReadError(`${articles.label}:${row.line}: not an article row (no id)`);
    const data: ArticleData = { article, sentences: [], mentions: [], timexes: [], entities: [], events: [] };
    for (const name of ROW_FILES) {
      const file = files.get(name)!;
      const into = data[name] as unknown[];
      for (let next = await file.peek(); next && articleOf(name, next.value) === article.id; next = await file.peek()) into.push((await file.next())!.value);
    }
    yield data;
  }
  for (const name of ROW_FILES) {
    const left = await files.get(name)!.peek();
    if (left) {
      throw new DatasetReadError(`${files.get(name)!.label}:${left.line}: row for article ${JSON.stringify(articleOf(name, left.value))}, which articles.jsonl does not list at this point (rows must follow articles.jsonl order)`);
    }
  }
}
