/**
 * The corpus walk: every supported file under the corpus folder, in code-unit order of relative paths (stable across
 * machines and locales). What cannot be an article (unsupported extension, FIFO, unreadable folder, symlink loop) is
 * reported as a walk issue, never read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describeError } from '../util/errors.js';

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
