/**
 * Reads a dataset folder written by `chronique run` back into memory, grouped by article, for the diff and the
 * HTML report. Line-by-line streaming keeps parsing cheap; the grouped result is what both tools need anyway.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
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

export interface LoadedDataset {
  dir: string;
  /** In dataset order (article id order). */
  articles: ArticleData[];
  byId: Map<string, ArticleData>;
}

export class DatasetReadError extends Error {
  override name = 'DatasetReadError';
}

/** Loads `<dir>/*.jsonl`. Throws DatasetReadError when the folder is not a dataset or a line is not JSON. */
export async function loadDataset(dir: string): Promise<LoadedDataset> {
  const resolved = path.resolve(dir);
  const articlesFile = path.join(resolved, 'articles.jsonl');
  if (!(await fs.stat(articlesFile).then((stat) => stat.isFile(), () => false))) {
    throw new DatasetReadError(`${dir}: not a chronique dataset (no articles.jsonl)`);
  }
  const articles: ArticleData[] = [];
  const byId = new Map<string, ArticleData>();
  await readJsonLines<ArticleRow>(articlesFile, (row) => {
    const data: ArticleData = { article: row, sentences: [], mentions: [], timexes: [], entities: [], events: [] };
    articles.push(data);
    byId.set(row.id, data);
  });
  const owner = (file: string, id: string): ArticleData => {
    const data = byId.get(id);
    if (!data) throw new DatasetReadError(`${path.join(dir, file)}: row for unknown article ${JSON.stringify(id)}`);
    return data;
  };
  await readOptional<SentenceRow>(resolved, 'sentences.jsonl', (row) => owner('sentences.jsonl', row.article).sentences.push(row));
  await readOptional<MentionRow>(resolved, 'mentions.jsonl', (row) => owner('mentions.jsonl', row.article).mentions.push(row));
  await readOptional<TimexRow>(resolved, 'timexes.jsonl', (row) => owner('timexes.jsonl', row.article).timexes.push(row));
  await readOptional<EntityRow>(resolved, 'entities.jsonl', (row) => owner('entities.jsonl', row.article).entities.push(row));
  await readOptional<EventRecord>(resolved, 'events.jsonl', (row) => owner('events.jsonl', row.article.id).events.push(row));
  return { dir: resolved, articles, byId };
}

async function readOptional<T>(dir: string, name: string, onRow: (row: T) => void): Promise<void> {
  const file = path.join(dir, name);
  if (!(await fs.stat(file).then((stat) => stat.isFile(), () => false))) return;
  await readJsonLines(file, onRow);
}

async function readJsonLines<T>(file: string, onRow: (row: T) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      let row: T;
      try {
        row = JSON.parse(line) as T;
      } catch (error) {
        throw new DatasetReadError(`${file}:${lineNumber}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      onRow(row);
    }
  } catch (error) {
    if (error instanceof DatasetReadError) throw error;
    throw new DatasetReadError(`${file}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}
