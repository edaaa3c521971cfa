/**
 * Reads a whole dataset folder written by `chronique run` into memory, grouped by article, for the HTML report
 * (which needs every article at once). The diff streams instead (src/audit/stream.ts).
 */
import path from 'node:path';
import { readArticles, type ArticleData } from './stream.js';

export { DatasetReadError, type ArticleData } from './stream.js';

export interface LoadedDataset {
  dir: string;
  /** In dataset order (articles.jsonl order). */
  articles: ArticleData[];
  byId: Map<string, ArticleData>;
}

/** Loads `<dir>/*.jsonl`. Throws DatasetReadError when the folder is not a dataset or a line is not JSON. */
export async function loadDataset(dir: string): Promise<LoadedDataset> {
  const articles: ArticleData[] = [];
  const byId = new Map<string, ArticleData>();
  for await (const data of readArticles(dir)) {
    articles.push(data);
    byId.set(data.article.id, data);
  }
  return { dir: path.resolve(dir), articles, byId };
}
