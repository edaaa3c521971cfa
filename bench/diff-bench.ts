/**
 * `chronique diff` speed and memory on bench datasets (prints figures; not a test):
 *
 *   npm run build && npx tsc -p tsconfig.bench.json && npx tsx bench/diff-bench.ts [--scales 1,4,16] [--swap]
 *
 * For each scale, two datasets of the bench corpus (bench/corpus.ts) are built once with the built CLI into the
 * git-ignored bench/diff/: `base` (the corpus as it is) and `edited` (every article edited: `Elon ` inserted near
 * the top and its first digit changed). With --swap, also `fp32` (same corpus, `--dtype fp32`). Then the built
 * `chronique diff --json` runs as a child process whose own wall time, CPU time and peak RSS a preload reports at
 * exit (bench/usage-preload.ts): base → base (identical), base → edited (every article aligned), and base → fp32.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { BENCH_DIR, ensureBenchCorpus, type Scale } from './corpus.js';
import type { ChildUsage } from './usage-preload.js';

const ROOT = path.resolve(BENCH_DIR, '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const PRELOAD = path.join(ROOT, 'dist', 'bench', 'usage-preload.js');
const WORK = path.join(BENCH_DIR, 'diff');

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Inserts `Elon ` at the first word boundary after character 40 of the body and bumps its first digit. */
function editText(text: string): string {
  const at = text.indexOf(' ', Math.min(40, Math.max(0, text.length - 1)));
  let out = at >= 0 ? `${text.slice(0, at + 1)}Elon ${text.slice(at + 1)}` : `Elon ${text}`;
  const digit = out.search(/[0-8]/);
  if (digit >= 0) out = out.slice(0, digit) + String(Number(out[digit]) + 1) + out.slice(digit + 1);
  return out;
}

function editFile(file: string, content: string): string {
  if (file.endsWith('.json')) {
    const record = JSON.parse(content) as { text?: string };
    if (typeof record.text === 'string') record.text = editText(record.text);
    return JSON.stringify(record);
  }
  if (file.endsWith('.html')) {
    const p = content.indexOf('<p>');
    if (p < 0) return content;
    const close = content.indexOf('</p>', p);
    return content.slice(0, p + 3) + editText(content.slice(p + 3, close)) + content.slice(close);
  }
  const newline = content.indexOf('\n');
  return newline >= 0 ? content.slice(0, newline + 1) + editText(content.slice(newline + 1)) : editText(content);
}

function copyEdited(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyEdited(source, target);
    else writeFileSync(target, editFile(entry.name, readFileSync(source, 'utf8')));
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile() && entry.name.endsWith('.jsonl')) total += statSync(path.join(dir, entry.name)).size;
  return total;
}

function runDataset(corpus: string, out: string, extra: string[]): void {
  if (existsSync(path.join(out, 'articles.jsonl'))) return;
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, 'run', corpus, '--out', out, '--no-progress', ...extra], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`chronique run ${corpus} failed (${result.status}): ${result.stderr}`);
  console.log(`  built ${path.relative(ROOT, out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

interface Measure {
  scale: Scale;
  pair: string;
  exit: number | null;
  wallS: number;
  cpuS: number;
  peakRssMiB: number;
  datasetMiB: number;
  records: number;
}

function measureDiff(scale: Scale, pair: string, oldDir: string, newDir: string): Measure {
  const usageFile = path.join(WORK, `usage-${scale}-${pair}.json`);
  rmSync(usageFile, { force: true });
  const result = spawnSync(process.execPath, ['--import', PRELOAD, CLI, 'diff', oldDir, newDir, '--json'], { env: { ...process.env, CHRONIQUE_BENCH_USAGE: usageFile }, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`chronique diff failed (${result.status}): ${result.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
  const json = JSON.parse(result.stdout) as { records: unknown[] };
  return {
    scale,
    pair,
    exit: result.status,
    wallS: usage.uptimeMs / 1000,
    cpuS: (usage.userCpuMs + usage.systemCpuMs) / 1000,
    peakRssMiB: usage.maxRssKiB / 1024,
    datasetMiB: (dirBytes(oldDir) + dirBytes(newDir)) / (1 << 20),
    records: json.records.length,
  };
}

function main(): void {
  if (!existsSync(CLI) || !existsSync(PRELOAD)) throw new Error('build first: npm run build && npx tsc -p tsconfig.bench.json');
  const scales = (argValue('--scales') ?? '1,4,16').split(',').map(Number) as Scale[];
  const swap = process.argv.includes('--swap');
  const corpus = ensureBenchCorpus({ log: (line) => console.log(line) });
  mkdirSync(WORK, { recursive: true });
  const rows: Measure[] = [];
  for (const scale of scales) {
    const base = corpus.scaleDir(scale);
    const editedCorpus = path.join(WORK, `corpus-edited-x${scale}`);
    if (!existsSync(editedCorpus)) copyEdited(base, editedCorpus);
    const dirs = { base: path.join(WORK, `x${scale}-base`), edited: path.join(WORK, `x${scale}-edited`), fp32: path.join(WORK, `x${scale}-fp32`) };
    runDataset(base, dirs.base, []);
    runDataset(editedCorpus, dirs.edited, []);
    if (swap) runDataset(base, dirs.fp32, ['--dtype', 'fp32']);
    rows.push(measureDiff(scale, 'base → base', dirs.base, dirs.base));
    rows.push(measureDiff(scale, 'base → edited', dirs.base, dirs.edited));
    if (swap) rows.push(measureDiff(scale, 'int8 → fp32', dirs.base, dirs.fp32));
  }
  console.log(`\nchronique diff --json (built CLI), ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| scale | pair | exit | wall s | CPU s | peak RSS MiB | both datasets MiB | records |');
  console.log('|--:|---|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) console.log(`| ${r.scale}× | ${r.pair} | ${r.exit} | ${r.wallS.toFixed(2)} | ${r.cpuS.toFixed(2)} | ${r.peakRssMiB.toFixed(0)} | ${r.datasetMiB.toFixed(0)} | ${r.records} |`);
}

main();
