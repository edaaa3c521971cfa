/**
 * The corpus walk: every supported file under the corpus folder, in code-unit order of relative paths (stable across
 * machines and locales). What cannot be an article (unsupported extension, FIFO, unreadable folder, symlink loop) is
 * reported as a walk issue, never read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describeError } from '../util/errors.js';
import type { InputFormat } from './parse.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.json', '.jsonl', '.html', '.htm'] as const;

/** A file found in the corpus, before it is read. */
export interface CorpusFile {
  /** Path relative to the corpus root, with `/` separators (`stdin` for standard input). */
  relativePath: string;
  absolutePath: string;
  size: number;
  /** Content already read (standard input); otherwise the file is read at `absolutePath`. */
  bytes?: Uint8Array;
  /** Overrides the format the extension says. */
  format?: InputFormat;
}

export interface WalkIssue {
  relativePath: string;
  reason: string;
}

export interface WalkOptions {
  /**
   * Follow symlinks whose target lies outside the corpus folder (`--follow-symlinks`, `run.followSymlinks`). Off by
   * default: a link to `/etc/hostname` or a secret beside the corpus would otherwise end up in the dataset.
   */
  followSymlinks?: boolean;
}

/** The walk issue of a symlink left alone because it leaves the corpus folder. */
export const OUTSIDE_SYMLINK_REASON = 'symlink to outside the corpus folder, not followed (--follow-symlinks, library: run.followSymlinks, to follow it)';

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * Lists the corpus files recursively, sorted by relative path (code-unit order, locale-independent).
 * Symlinks inside the corpus folder are followed (a folder once: a loop is reported, not followed); a symlink whose
 * target lies outside it is reported, not followed, unless `followSymlinks`; hidden entries are ignored.
 */
export async function listCorpusFiles(root: string, options: WalkOptions = {}): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }> {
  const files: CorpusFile[] = [];
  const issues: WalkIssue[] = [];
  const visitedDirs = new Set<string>();
  // Containment is decided on resolved paths: the corpus folder itself may be reached through a symlink.
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));

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
        const link = await fs.lstat(absolutePath);
        if (link.isSymbolicLink() && !options.followSymlinks) {
          const target = await fs.realpath(absolutePath).catch(() => null);
          if (target !== null && !isInside(realRoot, target)) {
            issues.push({ relativePath, reason: OUTSIDE_SYMLINK_REASON });
            continue;
          }
        }
        stat = link.isSymbolicLink() ? await fs.stat(absolutePath) : link;
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

/**
 * The files named on a command line, each a file or a folder (walked as a corpus). Ids are the paths as given,
 * relative to `cwd`, with `/` separators (a folder's files: the folder's path, then their path inside it).
 * A path that does not exist throws: a mistyped name must stop the run before any dataset is replaced.
 */
export async function listInputPaths(inputs: readonly string[], cwd: string = process.cwd(), options: WalkOptions = {}): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }> {
  const files: CorpusFile[] = [];
  const issues: WalkIssue[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const named = (path.relative(cwd, absolute) || '.').split(path.sep).join('/');
    let entry;
    try {
      entry = await fs.stat(absolute);
    } catch (error) {
      throw new Error(`input not found: ${input} (${describeError(error)})`);
    }
    if (entry.isDirectory()) {
      const listed = await listCorpusFiles(absolute, options);
      const prefix = named === '.' ? '' : `${named}/`;
      for (const file of listed.files) files.push({ ...file, relativePath: `${prefix}${file.relativePath}` });
      for (const issue of listed.issues) issues.push({ ...issue, relativePath: `${prefix}${issue.relativePath}` });
    } else if (entry.isFile()) {
      files.push({ relativePath: named, absolutePath: absolute, size: entry.size });
    } else {
      issues.push({ relativePath: named, reason: 'not a regular file (FIFO, socket or device), not read' });
    }
  }
  // One article per path, in the same code-unit order as a corpus folder's: the output is sorted by id.
  const seen = new Set<string>();
  const unique = files.filter((file) => !seen.has(file.relativePath) && seen.add(file.relativePath));
  unique.sort((a, b) => compareCodeUnits(a.relativePath, b.relativePath));
  return { files: unique, issues };
}
