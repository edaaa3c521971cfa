/**
 * `npm run bench:profile`: where the main thread's time goes in a real run. Runs the built CLI under
 * `node --cpu-prof` on a bench corpus and prints the self time by package / source file and by function.
 * ONNX Runtime computes on its own native threads: inference shows here as time the main thread waits (idle),
 * its share of the run is the `entities` stage timing, not these samples.
 *
 *   npm run bench:profile -- [--corpus DIR] [--model DIR] [--top N] [--keep FILE.cpuprofile] [--no-ner]
 *   npm run bench:profile -- --read FILE.cpuprofile      (summarize a profile taken elsewhere)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_CONFIG, PACKAGE_ROOT } from '../src/config.js';
import { ensureBenchCorpus } from './corpus.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  key: string;
  ms: number;
  share: number;
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** Groups a frame by package (node_modules), project file, Node internals or V8 pseudo-frames. */
function fileGroup(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return 'node internals';
  const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const inModules = file.lastIndexOf(NODE_MODULES);
  if (inModules >= 0) {
    const parts = file.slice(inModules + NODE_MODULES.length).split(path.sep);
    return `npm:${parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  return path.relative(PACKAGE_ROOT, file);
}

function functionKey(frame: CallFrame): string {
  const where = frame.url ? `${fileGroup(frame)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** Self time per key: each sample's time delta is charged to the frame on top of the stack. */
export function summarizeProfile(profile: CpuProfile, keyOf: (frame: CallFrame) => string): SelfTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const deltaMs = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id);
    if (!frame) return;
    const key = keyOf(frame);
    totals.set(key, (totals.get(key) ?? 0) + deltaMs);
    all += deltaMs;
  });
  return [...totals].map(([key, ms]) => ({ key, ms, share: all > 0 ? ms / all : 0 })).sort((a, b) => b.ms - a.ms || (a.key < b.key ? -1 : 1));
}

function printTables(profile: CpuProfile, top: number): void {
  for (const [title, rows] of [
    ['self time by package / file', summarizeProfile(profile, fileGroup)],
    ['self time by function', summarizeProfile(profile, functionKey)],
  ] as const) {
    console.log(`\n${title}`);
    for (const row of rows.slice(0, top)) console.log(`  ${row.ms.toFixed(0).padStart(7)} ms  ${(row.share * 100).toFixed(1).padStart(5)} %  ${row.key}`);
  }
}

function main(): void {
  const o = new Command()
    .name('bench:profile')
    .option('--corpus <dir>', 'corpus to run (default: the 1× bench corpus)')
    .option('--model <dir>', 'model folder', DEFAULT_CONFIG.ner.modelDir)
    .option('--top <n>', 'rows per table', '25')
    .option('--keep <file>', 'also keep the raw .cpuprofile (open in Chrome DevTools)')
    .option('--no-ner', 'profile a rules-only run')
    .option('--read <file>', 'only summarize this .cpuprofile')
    .parse()
    .opts<{ corpus?: string; model: string; top: string; keep?: string; ner: boolean; read?: string }>();
  const top = Number(o.top);
  if (o.read) {
    printTables(JSON.parse(readFileSync(path.resolve(o.read), 'utf8')) as CpuProfile, top);
    return;
  }
  const corpusDir = o.corpus ? path.resolve(o.corpus) : ensureBenchCorpus().scaleDir(1);
  const work = mkdtempSync(path.join(os.tmpdir(), 'chronique-profile-'));
  try {
    const cli = path.join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
    const args = ['--cpu-prof', '--cpu-prof-dir', work, cli, 'run', corpusDir, '--out', path.join(work, 'out'), '--force', '--no-progress', '--model', path.resolve(o.model), ...(o.ner ? [] : ['--no-ner'])];
    const run = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    if (run.status === 2) throw new Error(`chronique run failed: ${run.stderr.trim()}`);
    process.stdout.write(run.stderr.split('\n').filter((line) => line.startsWith('  ')).join('\n') + '\n');
    const file = readdirSync(work).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written');
    const profile = JSON.parse(readFileSync(path.join(work, file), 'utf8')) as CpuProfile;
    if (o.keep) copyFileSync(path.join(work, file), path.resolve(o.keep));
    printTables(profile, top);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
