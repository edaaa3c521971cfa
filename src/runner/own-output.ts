/**
 * Keeps a run's own output out of its input, whatever the paths look like: the output folder inside the corpus, equal
 * to it, an ancestor of it, or reached through a symlink on either side. Everything is compared by resolved real
 * paths (`fs.realpath`), never as written.
 *
 * Invariants:
 * - Nothing the project writes under `--out` is ever read as input: the dataset files, `manifest.json`, `report.html`,
 *   and every hidden entry of the output folder (cache, staging, generations, lock).
 * - An output folder nested in the corpus is the project's as a whole: nothing under it is input.
 * - No input is ever overwritten: a corpus file standing where the run (or `chronique report`) writes — the output
 *   folder is the corpus folder, or a symlink in the corpus leads there — stops the run before anything is written,
 *   unless it is the previous dataset's own file (see `isOwnDatasetFile`).
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { DATASET_FILES } from '../dataset/records.js';
import type { CorpusFile, WalkIssue } from '../ingest/walk.js';

/** The names the project writes at the top of an output folder (besides hidden ones). */
export const OUTPUT_NAMES: readonly string[] = [...DATASET_FILES.map((file) => `${file}.jsonl`), 'manifest.json', 'report.html'];
const OUTPUT_NAME_SET = new Set(OUTPUT_NAMES);
/** How `manifest.json` begins when this program wrote it (`JSON.stringify(manifest, null, 2)`, `pipeline` first). */
const OWN_MANIFEST_START = /^\{\s*"pipeline":\s*\{\s*"name":\s*"chronique"/;

/** A corpus file that the run would overwrite: the run must not start. */
export class InputOverwriteError extends Error {
  constructor(readonly inputPath: string, readonly outputPath: string) {
    super(`input ${inputPath} would be overwritten by the output file ${outputPath}: choose another --out (the output folder must not hold input files named ${OUTPUT_NAMES.join(', ')})`);
    this.name = 'InputOverwriteError';
  }
}

/** The real path of `target`, or, when it does not exist (yet), its nearest existing ancestor's real path plus the rest. */
export async function realPathOf(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

const isInside = (root: string, target: string): boolean => target === root || target.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);

/** What a listed input is to the output folder. */
type Verdict = 'input' | 'own' | 'clash';

export interface OutputGuard {
  /**
   * Drops the output folder's own files from a listing; throws InputOverwriteError when an input stands where output
   * goes. `issueBase`: what walk issues' paths are relative to. `namedAlone`: absolute paths of files named on their own
   * (not found by a walk): one of those that is the output's own file is refused rather than dropped, since dropping
   * it would commit a dataset without the input asked for.
   */
  filter(listing: { files: CorpusFile[]; issues: WalkIssue[] }, issueBase: string, namedAlone?: ReadonlySet<string>): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }>;
}

/**
 * A guard for output folder `outDir` against inputs under `corpusRoots` (the folders walked; files named alone are
 * checked by their own path). Costs one `realpath` per listed file.
 */
export async function outputGuard(outDir: string, corpusRoots: readonly string[]): Promise<OutputGuard> {
  const outReal = await realPathOf(outDir);
  const rootsReal = await Promise.all(corpusRoots.map((root) => realPathOf(root)));
  // The output folder is the corpus, or an ancestor of it (or of a file named alone): only the names the project
  // writes there, and its hidden entries, are output; every other file beside them is input.
  const holdsInput = rootsReal.some((root) => isInside(outReal, root));
  let ownDataset: boolean | null = null;

  const verdict = async (real: string): Promise<Verdict> => {
    if (!isInside(outReal, real) || real === outReal) return 'input';
    const first = path.relative(outReal, real).split(path.sep)[0]!;
    const top = path.join(outReal, first);
    // Hidden entries of the output folder are the project's (cache, staging, generations, lock), unless the corpus
    // itself lives in one (`run out/.x --out out`). Dataset files linked into a generation folder resolve here too.
    if (first.startsWith('.')) return rootsReal.some((root) => isInside(top, root)) ? 'input' : 'own';
    // An output folder nested in the corpus is the project's as a whole.
    if (!holdsInput) return 'own';
    if (real !== top || !OUTPUT_NAME_SET.has(first)) return 'input';
    ownDataset ??= await isOwnDatasetFile(outReal);
    return ownDataset ? 'own' : 'clash';
  };

  return {
    async filter(listing, issueBase, namedAlone = new Set<string>()) {
      const files: CorpusFile[] = [];
      for (const file of listing.files) {
        if (file.bytes) {
          files.push(file);
          continue;
        }
        const real = await realPathOf(file.absolutePath);
        // A dataset file named alone is a link into a generation (whose hidden folder would read as the corpus root).
        const namedDatasetFile = namedAlone.has(file.absolutePath) && OUTPUT_NAME_SET.has(path.basename(file.absolutePath)) && (await realPathOf(path.dirname(file.absolutePath))) === outReal;
        const judged = namedDatasetFile ? 'own' : await verdict(real);
        if (judged === 'clash' || (judged === 'own' && namedAlone.has(file.absolutePath))) throw new InputOverwriteError(file.absolutePath, real);
        if (judged === 'input') files.push(file);
      }
      const issues: WalkIssue[] = [];
      for (const issue of listing.issues) {
        const listed = path.resolve(issueBase, issue.relativePath);
        // An issue (a FIFO, a loop, a link not followed) inside the output folder is no input of the run either; one
        // named alone there is refused like a readable one.
        const real = await realPathOf(listed);
        const judged = await verdict(real);
        if (judged === 'own' && namedAlone.has(listed)) throw new InputOverwriteError(listed, real);
        if (judged === 'input') issues.push(issue);
      }
      return { files, issues };
    },
  };
}

/**
 * Whether the files named like output at the top of `outReal` are the previous dataset's rather than someone's
 * input: `manifest.json` there was written by this program (its first bytes say so; nothing else is read).
 */
async function isOwnDatasetFile(outReal: string): Promise<boolean> {
  let handle: fs.FileHandle | undefined;
  try {
    const manifest = path.join(outReal, 'manifest.json');
    // A FIFO named manifest.json must not block: opened non-blocking, checked by fstat before any read.
    handle = await fs.open(manifest, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) return false;
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return OWN_MANIFEST_START.test(head.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The inputs named on a command line (files and folders, paths relative to the working folder), less the output's own
 * files; a file named alone that is one of them is refused, not dropped.
 */
export async function guardNamedInputs(listed: { files: CorpusFile[]; issues: WalkIssue[] }, inputs: readonly string[], outDir: string | undefined): Promise<{ files: CorpusFile[]; issues: WalkIssue[] }> {
  if (outDir === undefined) return listed;
  const named = new Set(inputs.map((input) => path.resolve(input)));
  return (await outputGuard(outDir, inputs)).filter(listed, process.cwd(), named);
}
