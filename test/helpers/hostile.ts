/**
 * Shared tools of the hostile-input, fault and property suites: temporary folders, running the CLI as a child
 * process, reading a dataset back, and the one invariant every output must keep — each span is a `[start, end)`
 * range of its article's text, and any `text` carried with it is exactly `articleText.slice(start, end)`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATASET_FILES } from '../../src/dataset/records.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI_ENTRY = path.join(REPO_ROOT, 'src', 'cli.ts');

export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `chronique-${prefix}-`));
}

/** Temporary folders made for one test file, all removed by `removeAll` (its afterAll). */
export function tempDirs(): { temp(prefix: string): Promise<string>; removeAll(): Promise<void> } {
  const made: string[] = [];
  return {
    async temp(prefix) {
      const dir = await makeTempDir(prefix);
      made.push(dir);
      return dir;
    },
    async removeAll() {
      for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  /** Called once the child has written `waitFor` to stderr (used to interrupt a run mid-way). */
  onStderr?: (chunk: string, child: import('node:child_process').ChildProcess) => void;
  timeoutMs?: number;
}

/** Runs `chronique <args>` from the TypeScript sources (no build step), in the repository root. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk, child);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 150_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export type Row = Record<string, unknown>;
export type Dataset = Record<string, Row[]>;

/** Reads every `*.jsonl` file of a dataset folder (rows parsed) — fails loudly on a malformed line. */
export async function readDataset(outDir: string): Promise<Dataset> {
  const dataset: Dataset = {};
  for (const file of DATASET_FILES) {
    const content = await fs.readFile(path.join(outDir, `${file}.jsonl`), 'utf8');
    dataset[file] = content.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Row);
  }
  return dataset;
}

/** The dataset files' bytes plus the manifest without its timings: what must be equal between two runs. */
export async function datasetFingerprint(outDir: string): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const file of DATASET_FILES) fingerprint[file] = await fs.readFile(path.join(outDir, `${file}.jsonl`), 'utf8');
  const manifest = JSON.parse(await fs.readFile(path.join(outDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  // Timings vary, and cache counts say how the run got there, not what it produced.
  delete manifest.timings;
  delete manifest.cache;
  fingerprint.manifest = JSON.stringify(manifest);
  return fingerprint;
}

export function articlesById(dataset: Dataset): Map<string, Row> {
  return new Map((dataset.articles ?? []).map((row) => [String(row.id), row]));
}

/**
 * Checks the offset contract over a whole dataset: every object anywhere in a row that has numeric `start` and
 * `end` lies inside its article's text, and when it also carries a string `text` that text is the exact slice.
 * Entity rows' `[start, end]` pairs are checked too. Returns the violations (empty when all is well).
 */
export function spanViolations(dataset: Dataset): string[] {
  const texts = new Map<string, string>();
  for (const row of dataset.articles ?? []) texts.set(String(row.id), String(row.text));
  const violations: string[] = [];
  let checked = 0;
  const visit = (value: unknown, articleText: string, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, articleText, `${where}[${index}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Row;
    if (typeof record.start === 'number' && typeof record.end === 'number') {
      checked += 1;
      const { start, end } = record;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= articleText.length)) {
        violations.push(`${where}: span [${start}, ${end}) outside the text (length ${articleText.length})`);
      } else if (typeof record.text === 'string' && articleText.slice(start, end) !== record.text) {
        violations.push(`${where}: text ${JSON.stringify(record.text)} ≠ slice ${JSON.stringify(articleText.slice(start, end))}`);
      }
    }
    for (const [key, child] of Object.entries(record)) if (child && typeof child === 'object') visit(child, articleText, `${where}.${key}`);
  };
  for (const file of DATASET_FILES) {
    if (file === 'articles') continue;
    for (const [index, row] of (dataset[file] ?? []).entries()) {
      // Event rows carry their article as an object ({ id, title, published }); the other rows as its id.
      const article = row.article && typeof row.article === 'object' ? String((row.article as Row).id) : String(row.article);
      const text = texts.get(article);
      if (text === undefined) {
        violations.push(`${file}[${index}]: article ${JSON.stringify(article)} not in articles.jsonl`);
        continue;
      }
      visit(row, text, `${file}[${index}]`);
      if (file === 'entities' && Array.isArray(row.mentions)) {
        for (const pair of row.mentions as unknown[]) {
          checked += 1;
          const [start, end] = pair as [number, number];
          if (!(start >= 0 && start < end && end <= text.length)) violations.push(`entities[${index}]: mention [${start}, ${end}) outside the text`);
        }
      }
    }
  }
  spanViolations.lastChecked = checked;
  return violations;
}
/** How many spans the last `spanViolations` call checked (so a test can assert it checked something). */
spanViolations.lastChecked = 0;

/** Every regular file under `root` (relative paths), to prove nothing was written outside the output folder. */
export async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), relative);
      else out.push(relative);
    }
  };
  await walk(root, '');
  return out.sort();
}

/** French news sentences (written for these tests) used to build large and numerous articles. */
export const FRENCH_SENTENCES = [
  "Le conseil municipal de Rennes a voté mardi 12 mars 2024 un budget de 3,5 millions d'euros pour la rénovation des écoles.",
  'La maire, Nathalie Durand, a salué « une décision attendue depuis dix ans ».',
  'Les travaux commenceront en septembre et dureront deux ans.',
  "L'opposition a critiqué le calendrier, jugé trop lent par M. Lefèvre.",
  "Selon la préfecture, trois établissements fermeront provisoirement l'été prochain.",
] as const;
export const FRENCH_PARAGRAPH = FRENCH_SENTENCES.join(' ');

/** The article id of a JSONL record without an own id: `<file>#sha256-` and 16 hex of its text (of the line, for a line that is no article). */
export function lineId(file: string, content: string): string {
  return `${file}#sha256-${createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16)}`;
}
